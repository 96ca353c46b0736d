/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ptsync convert: the one-shot conversion of a tree's raw
 * pgd/p4d_populate() calls on init_mm to the _kernel helpers.  The plan
 * (plan.c) holds every file's old and new text in memory, so that dry
 * runs, in-place edits and patch series all show the same change.
 */
#ifndef PTSYNC_CONVERT_H
#define PTSYNC_CONVERT_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "pipeline/pipeline.h"

/* One file the conversion changes, or creates (the helper header). */
struct convert_file {
	char *path;		/* relative to the tree root */
	char *old_text;		/* NULL for a new file */
	size_t old_len;
	char *new_text;
	size_t new_len;
	char *diff;		/* "--- a/...\n+++ b/...\n@@ ..." */
	bool is_new;
	int adds, dels;
	size_t calls;		/* calls converted */
	unsigned int levels;	/* 1 << LEVEL_PGD | 1 << LEVEL_P4D */
	int *lines;		/* the converted calls' old line numbers */
	size_t nr_lines, alloc_lines;
	size_t *findings;	/* their indexes in the pipeline's findings */
	size_t nr_findings, alloc_findings;
};

/* A site left alone, with why. */
struct convert_left {
	char *file;
	int line;
	char *reason;
};

struct convert_plan {
	struct pipeline pipe;
	struct convert_file *files;	/* sorted by path */
	size_t nr_files, alloc_files;
	struct convert_left *left;	/* sorted by file, then line */
	size_t nr_left, alloc_left;
	bool have_helpers;		/* pgd_populate_kernel is defined */
};

struct convert_opts {
	const char *root;
	char **paths;
	int nr_paths;
	int jobs;
	int timeout;
	bool add_helpers;
};

/*
 * Scan, analyse and rewrite in memory.  0; or prints why and returns -1
 * (tree unreadable, spatch missing, helpers missing without add_helpers).
 */
int convert_plan_build(const struct convert_opts *o, struct convert_plan *plan);
void convert_plan_free(struct convert_plan *plan);
size_t convert_plan_calls(const struct convert_plan *plan);

/* Print the sites left for manual conversion on stream, one a line. */
void convert_print_left(FILE *stream, const struct convert_plan *plan);

/* helpers.c */
/* The new include/linux/pgalloc.h for this tree, or NULL with why. */
char *helpers_header(const char *root, char **why);
#define HELPERS_PATH "include/linux/pgalloc.h"

/* write.c: temp file in the same directory, fsync, rename; mode kept. */
int write_atomic(const char *path, const char *text, size_t len, int mode);
/*
 * Write every file of plan; stop (set by a signal handler) is checked
 * between files.  0, -1 when a write failed, 1 when interrupted.
 */
int convert_apply(const char *root, const struct convert_plan *plan,
		  atomic_int *stop);

struct build_report;

struct series_opts {
	const char *dir;
	bool force;
	bool signoff;
	const char *from;		/* "Name <email>"; NULL: git's user */
	const char *base;		/* base-commit; NULL: HEAD when git */
	const struct build_report *builds;	/* --verify-build, or NULL */
};

/* series.c: DIR must be new or empty unless force; prints why. */
int series_dir_check(const char *dir, bool force);
int convert_series(const char *root, const struct series_opts *o,
		   const struct convert_plan *plan);

/* dirty.c: files of the plan with uncommitted changes, printed; count. */
size_t convert_dirty_files(const char *root, const struct convert_plan *plan);

#endif
