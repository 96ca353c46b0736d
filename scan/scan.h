/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Lexical scan of a kernel tree for raw pgd/p4d_populate() calls on
 * init_mm.  It is the fast first pass: it finds the files worth handing to
 * spatch, and it is the reference list the cross-check holds the semantic
 * findings against, so it must never miss a call that the C preprocessor
 * would see (comments, strings and #if 0 blocks are skipped).
 */
#ifndef PTSYNC_SCAN_H
#define PTSYNC_SCAN_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include "lib/hash.h"

enum pt_level { LEVEL_PGD, LEVEL_P4D };

struct scan_site {
	char *path;		/* relative to the tree root, e.g. "arch/x86/mm/init_64.c" */
	int line;		/* 1-based */
	int column;		/* 0-based byte column of the callee name (spatch's convention) */
	int column_end;		/* 0-based, exclusive: end of the callee name */
	enum pt_level level;
	bool safe;		/* pgd_populate_safe / p4d_populate_safe */
	bool indirect;		/* p4d_alloc / pud_alloc: level is the entry it fills */
	bool in_helper;		/* inside the definition of pgd/p4d_populate_kernel */
	bool in_macro;		/* inside the body of some other #define */
	bool synced_after;	/* a sync follows in the same function body */
	char *function;		/* enclosing function or macro name, "" at file scope */
	char *section;		/* __init, __meminit, __ref, ... of that function, or "" */
	/* the #if conditions around it, as lib/cond.c renders them, or "" */
	char *condition;
};

/* An approved helper definition found by the scan (function or macro). */
struct scan_helper {
	char *path;
	int line;
	char *name;		/* pgd_populate_kernel or p4d_populate_kernel */
	bool is_macro;
};

/*
 * A #include "....c": the included file's static functions are the
 * including file's too, so their callers may live there (arch/ and lib/
 * do this).
 */
struct scan_c_include {
	char *path;		/* the including file, relative to the root */
	char *included;		/* the .c file it includes, relative to the root */
};

/* A file or directory the scan could not read as C source, with why. */
struct scan_problem {
	char *path;
	char *reason;		/* "unreadable: Permission denied", "binary file", ... */
};

struct scan_result {
	struct scan_site *sites;
	size_t nr_sites, alloc_sites;
	struct scan_helper *helpers;
	size_t nr_helpers, alloc_helpers;
	struct scan_problem *problems;
	size_t nr_problems, alloc_problems;
	struct scan_c_include *c_includes;
	size_t nr_c_includes, alloc_c_includes;
	size_t files_scanned;
	size_t bytes_scanned;
};

/*
 * Files larger than this are reported as a problem and not scanned.  The
 * kernel's own generated register headers reach 24 MiB (amdgpu), so the
 * limit sits well above them.
 */
#define SCAN_MAX_FILE_SIZE (64u << 20)

/*
 * Scan every .c and .h file under root (or only under root/paths[i] when
 * nr_paths > 0), skipping .git and build output, with jobs threads.
 * Sites come out sorted by path, then line, then column.  Returns 0, or -1
 * with errno set when root itself cannot be read; per-file trouble goes to
 * res->problems instead.
 */
int scan_tree(const char *root, char *const *paths, int nr_paths, int jobs,
	      struct scan_result *res);

/*
 * helpers.c: does scan (may be NULL), or root's include/, define
 * pgd_populate_kernel()?
 */
bool scan_helpers_defined(const char *root, const struct scan_result *scan);
/* Whether scan (may be NULL) found pgd_populate_kernel() defined. */
bool scan_has_helpers(const struct scan_result *scan);

/*
 * scan_tree() with the stat index of lib/cache.h in front: files whose
 * stat data match the index are not read, their facts come from it; the
 * files read are hashed and the index is written back when it changed.
 * Without a cache (--no-cache) it is scan_tree().
 */
int scan_tree_indexed(const char *root, char *const *paths, int nr_paths,
		      int jobs, struct scan_result *res);

/*
 * The hash of root/path's bytes as the last scan_tree_indexed() of root
 * read them (or found them unchanged); false when that scan did not see
 * the file.  root must be spelled as it was for the scan.
 */
bool scan_file_hash(const char *root, const char *path, struct hash128 *h);

/*
 * A hash of the paths and bytes of every .c and .h file of root, as the
 * last scan_tree_indexed() of the whole tree (no PATHs) saw them; false
 * after a partial scan or none, or when a file could not be read.
 */
bool scan_tree_fingerprint(const char *root, struct hash128 *h);
/* Its files (sorted) and their hashes, under the same conditions. */
bool scan_tree_listing(const char *root, char *const **paths,
		       const struct hash128 **hashes, size_t *nr);
/*
 * The identifier hashes (id_hash_buffer()) of file i of that listing, and
 * the size and mtime it had, if the scan hashed them when it read the
 * file: handed over once, *ids is the caller's to free.
 */
bool scan_tree_take_ids(const char *root, size_t i, uint32_t **ids,
			size_t *nr, long long *size, long long *mtime);

/* Scan one file's contents; exposed for the unit tests. */
void scan_buffer(const char *path, const char *buf, size_t len,
		 struct scan_result *res);

void scan_result_free(struct scan_result *res);

/*
 * Every .c and .h file under root, sorted, as scan_tree() walks them;
 * NULL with errno when root cannot be read.  The caller frees each.
 */
char **scan_list_files(const char *root, size_t *nr);

const char *level_name(enum pt_level level);	/* "pgd" / "p4d" */

#endif
