/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * --verify-build: each changed .c file is compiled for the architecture
 * it belongs to, in a scratch copy of the tree, before and after the
 * conversion, and the two objects' code is compared.  Where the sync mask
 * lacks the level the code must be identical: that is the proof that the
 * patch is a no-op there.
 */
#ifndef PTSYNC_CONVERT_VERIFY_H
#define PTSYNC_CONVERT_VERIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "convert/convert.h"

/* How an architecture is built with Debian's compilers. */
struct cross_arch {
	const char *dir;		/* arch/<dir> */
	const char *karch;		/* make ARCH= */
	const char *prefix;		/* CROSS_COMPILE, NULL: none in Debian */
	const char *package;		/* the Debian package of prefix-gcc */
	const char *configs[3];		/* defconfig targets, tried in order */
};

/* cross.c: a whole text file, NULL when it cannot be read. */
char *slurp_file(const char *path);

/* cross.c: the table entry for arch/<dir>, or NULL when unknown. */
const struct cross_arch *cross_arch_find(const char *dir);
/* "arch/s390/boot/vmem.c" -> "s390"; generic code is built for x86. */
char *cross_arch_of(const char *path);
/* The compiler prefix-gcc is in PATH. */
bool cross_compiler_present(const struct cross_arch *a);

/* kopts.c: CONFIG_ symbols (without the prefix) the file's code needs. */
size_t kopts_needed(const char *root, const struct convert_file *cf,
		    char ***opts);

/* kopts.c: the file's IS_ENABLED() options, for calls in dead code. */
size_t kopts_add_live(const struct convert_file *cf, char ***opts,
		      size_t *nr);

enum build_state {
	BUILD_SKIPPED,		/* not built: no compiler, no config */
	BUILD_FAILED,		/* the compiler refused it */
	BUILD_SAME,		/* built, code sections identical */
	BUILD_CHANGED,		/* built, the code differs */
	BUILD_COMPILED_OUT,	/* built, but the converted calls are not */
};

struct build_result {
	const struct convert_file *file;
	char *arch;		/* "s390" */
	char *config;		/* "defconfig+KASAN" */
	enum build_state state;
	char *detail;		/* why skipped or failed; what changed */
	bool level_synced;	/* the arch's mask can hold the file's level */
	bool probed;		/* the converted calls were marked and found */
	size_t probes;		/* calls marked */
	size_t compiled;	/* marks the compiler kept */
	bool todo;		/* to be built in this pass */
};

struct build_report {
	struct build_result *items;
	size_t nr, alloc;
};

struct verify_opts {
	const char *build_dir;	/* keep configured copies here; NULL: temp */
	int jobs;
};

/* objcmp.c: compare two objects' code; *what says what was added. */
int objcmp(const char *objdump, const char *before, const char *after,
	   bool *same, char **what);

/* build.c: build every .c file of the plan; 0, or 1 when one failed. */
int verify_build(const char *root, const struct convert_plan *plan,
		 const struct verify_opts *o, struct build_report *rep);
void build_report_print(const struct build_report *rep, FILE *out);
void build_report_free(struct build_report *rep);

#endif
