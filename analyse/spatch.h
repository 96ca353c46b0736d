/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Running the semantic patch's json mode over the candidate files: a few
 * spatch processes in parallel, each over a batch of files so that its
 * start-up cost is paid rarely.  A batch that crashes or hangs is split
 * and rerun file by file, so one bad file never costs the others.
 */
#ifndef PTSYNC_SPATCH_H
#define PTSYNC_SPATCH_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "scan/scan.h"

/* One JSON object printed by the semantic patch. */
struct sem_finding {
	char *file;
	int line;
	int column, column_end;		/* 0-based */
	enum pt_level level;
	char *call;
	char *function;
	char *section;			/* "" when none */
	char *address;			/* NULL when none could be inferred */
	char *reason;			/* NULL when converted */
	bool indirect;			/* p4d_alloc/pud_alloc on init_mm */
	char *value;			/* the entry pointer's value, JSON */
};

enum file_status {
	FILE_ANALYSED,
	FILE_CRASHED,		/* spatch died or failed on this file alone */
	FILE_TIMED_OUT,
	FILE_NOT_RUN,		/* interrupted, or spatch missing */
};

struct file_result {
	char *path;
	enum file_status status;
	char *detail;		/* last line of spatch's stderr, signal, ... */
	char *output;		/* patch mode: spatch's diff for this file */
};

struct analysis {
	struct sem_finding *findings;
	size_t nr_findings, alloc_findings;
	/* json mode: "function" and "arg" facts, one JSON line each */
	char **facts;
	size_t nr_facts, alloc_facts;
	/* json mode: every line above (findings and facts), as printed */
	char **lines;
	size_t nr_lines, alloc_lines;
	struct file_result *files;	/* one per candidate, in input order */
	size_t nr_files;
	size_t processes;		/* spatch processes started */
	/* spatch cannot run the semantic patch at all: what to install */
	char *setup_error;
};

struct spatch_config {
	const char *root;	/* the tree; spatch runs there */
	const char *spatch;	/* program, searched in PATH when no slash */
	const char *cocci;	/* the semantic patch */
	const char *python;	/* interpreter for spatch, or NULL */
	/*
	 * Set in spatch's environment, NULL-ended: "LD_PRELOAD=<its
	 * libpython>" for its start, OCAMLRUNPARAM for its GC (see
	 * analyse/spatch_config.c); spatch_config_release() frees them.
	 */
	char *env[3];
	int jobs;		/* processes at once */
	int timeout;		/* seconds per file */
	/*
	 * "json" (default when NULL): findings; "patch": each file's diff in
	 * its file_result.  Patch mode runs one file per process, because
	 * spatch aborts a whole group of files on one conflicting rewrite.
	 */
	const char *mode;
	/*
	 * json mode: also run the rewrite (-D patch) where a process has one
	 * file, and keep its diff in the file_result's output, so that a
	 * patch-mode run that follows finds it in the cache (review's fixes:
	 * one spatch start instead of two).
	 */
	bool with_patch;
	/* set by a signal handler: stop starting, kill what runs */
	atomic_int *stop;
	void (*progress)(size_t done, size_t total);
};

/* Free what spatch_config_init() allocated. */
void spatch_config_release(struct spatch_config *cfg);

/* The spatch program's full path, or NULL when it cannot be run. */
char *spatch_find(const char *spatch);

/*
 * Analyse files (relative to cfg->root).  Returns 0 when every file got a
 * status; per-file failures are in out->files, never lost silently.
 * In json mode a file whose facts are in the cache (lib/cache.h: keyed by
 * its bytes, its path, the semantic patch, spatch, this ptsync and the
 * environment the semantic patch reads) is not given to spatch.
 */
int analyse_files(const struct spatch_config *cfg, char *const *files,
		  size_t nr, struct analysis *out);

/* The same, always with spatch (analyse/spatch_cache.c wraps it). */
int spatch_run_files(const struct spatch_config *cfg, char *const *files,
		     size_t nr, struct analysis *out);

/* Parse one json-mode line into out's findings or facts, and keep it. */
void analysis_add_line(struct analysis *out, const char *line);

/*
 * Parse one line of json-mode output; 0 on success, 1 when the line is a
 * fact for the cross-function stage rather than a finding.
 */
int sem_finding_parse(const char *line, struct sem_finding *f);

void analysis_free(struct analysis *a);

/*
 * Where the semantic patch is: $PTSYNC_COCCI; for a ptsync built in its
 * source tree, semantic-patches/ there; for an installed one (make install),
 * ../share/ptsync/ beside its bin/.
 */
char *find_cocci(void);

/*
 * How every subcommand runs spatch: $SPATCH or "spatch", Debian's python3,
 * the semantic patch found by find_cocci() (NULL in cfg->cocci when it is
 * missing; the caller frees it), Ctrl-C stops it.  mode NULL is json.
 */
void spatch_config_init(struct spatch_config *cfg, const char *root,
			int jobs, int timeout, const char *mode);

#endif
