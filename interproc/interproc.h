/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The cross-function stage, between the cross-check and the
 * classification.  When the entry pointer at a raw populate is still a
 * parameter, or the result of a call, the semantic patch cannot name the
 * address alone; this stage joins its per-function facts across functions
 * and files, the way a maintainer reads the callers:
 *
 *   the address is parameter V of F when every call site of F passes, for
 *   the pointer parameter P, the entry (of the populated level) of the very
 *   expression it passes for V - recursively through callers that pass
 *   their own parameters on.
 *
 * Whatever cannot be proved (no caller, a caller that disagrees or cannot
 * be inferred, F's address taken, F exported, recursion, the depth bound)
 * stays manual with a reason that names the function and the site.
 */
#ifndef PTSYNC_INTERPROC_H
#define PTSYNC_INTERPROC_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "analyse/spatch.h"
#include "analyse/finding.h"
#include "scan/scan.h"

/* Callers deeper than this are not followed; the reason says so. */
#define INTERPROC_MAX_DEPTH 6

/* The json mode's per-function facts, parsed. */
struct ip_facts {
	json_t **functions;	/* kind "function" */
	size_t nr_functions, alloc_functions;
	json_t **args;		/* kind "arg": one argument of one call */
	size_t nr_args, alloc_args;
	char **files;		/* files whose facts are in, sorted */
	size_t nr_files, alloc_files;
	char **asked;		/* "file:name": the file's calls of name are in */
	size_t nr_asked, alloc_asked;
	/* #include "....c" lines: whose static functions other files see */
	const struct scan_c_include *c_includes;
	size_t nr_c_includes;
};

/* A name's mentions in one file, read lexically (comments skipped). */
struct name_use {
	char *file;
	int line;
	enum { USE_CALL, USE_DECL, USE_EXPORT, USE_OTHER } kind;
};

struct name_uses {
	struct name_use *items;
	size_t nr, alloc;
};

void ip_facts_add(struct ip_facts *facts, char *const *lines, size_t nr);
bool ip_facts_has_file(const struct ip_facts *facts, const char *file);
void ip_facts_add_file(struct ip_facts *facts, const char *file);
/*
 * Were file's calls of name analysed?  A file analysed before name was
 * needed has them only when it defines name itself.
 */
bool ip_facts_asked(const struct ip_facts *facts, const char *file,
		    const char *name);
void ip_facts_add_asked(struct ip_facts *facts, const char *file,
			const char *name);
void ip_facts_free(struct ip_facts *facts);

/* Every mention of name in root/path, appended to out. */
void names_in_file(const char *root, const char *path, const char *name,
		   struct name_uses *out);
void name_uses_free(struct name_uses *u);

struct ip_context;

/*
 * Prove what can be proved; returns the number of non-static functions
 * whose callers in other files are still missing (their names in *need).
 * root holds the files analysed; tree (NULL: root) is where callers are
 * looked for by name: in review, the kernel tree beside the patched copy.
 */
size_t interproc_prove(const char *root, const char *tree,
		       struct ip_facts *facts, struct finding_list *findings,
		       char ***need);

/*
 * The whole stage: prove, analyse the files holding callers of the
 * non-static functions the proofs need (spatch's json mode with
 * PTSYNC_CALLEES), prove again.  an holds the first analysis's facts;
 * only files under cfg->root can be analysed, a caller elsewhere in tree
 * leaves the address unproved.
 */
void interproc_run(const struct spatch_config *cfg, const char *tree,
		   const struct analysis *an, const struct scan_result *scan,
		   struct finding_list *findings);

/* Strip whitespace and enclosing parentheses, for comparing arguments. */
char *interproc_normalise(const char *text);

#endif
