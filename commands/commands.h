/* SPDX-License-Identifier: GPL-2.0-only */
/* The ptsync subcommands, dispatched by ptsync.c. */
#ifndef PTSYNC_COMMANDS_H
#define PTSYNC_COMMANDS_H

#include <stdatomic.h>
#include <stdbool.h>

#include "analyse/finding.h"
#include "lib/options.h"
#include "lib/stop.h"
#include "lib/version.h"


/* Exit codes shared by every subcommand. */
#define EXIT_CLEAN		0	/* nothing at or above --fail-on */
#define EXIT_FINDINGS		1
#define EXIT_USAGE		2	/* usage or input error */
#define EXIT_INTERRUPTED	130	/* Ctrl-C: results are partial */

int cmd_check(int argc, char **argv);
int cmd_arches(int argc, char **argv);
int cmd_review(int argc, char **argv);
int cmd_convert(int argc, char **argv);

/* Shared helpers (commands/common.c). */
bool is_kernel_tree(const char *dir);
/*
 * The tree to work on: dir, or "." when NULL; prints why and returns NULL
 * when it is not a kernel tree.
 */
const char *require_kernel_tree(const char *dir);
/* "ptsync CMD: <fmt with arg>" and a pointer to --help; EXIT_USAGE. */
int cmd_usage_error(const char *fmt, const char *arg);
int parse_severity(const char *s, enum severity *sev);
/* parse_severity() as an option callback: value is an enum severity. */
int opt_severity(void *value, const char *arg);

/* The options every command that runs spatch shares. */
#define OPT_JOBS(v) \
	{ .type = OPT_COUNT, .name = "jobs", .short_name = 'j', .value = v, \
	  .arg = "N", .want = "a number from 1 to 4096", \
	  .help = "spatch processes and scan threads (default: CPUs)" }
#define OPT_TIMEOUT(v) \
	OPT_NUMBER("timeout", v, "SEC", "seconds from 1 to 4096", \
		   "spatch time per file (default 120)")
#define OPT_FAIL_ON(v, help) \
	OPT_CB("fail-on", v, "SEV", opt_severity, "error, warning or note", help)

/* --cache-dir and --no-cache, for every command that runs the pipeline. */
struct cache_choice {
	const char *dir;
	bool off;
};

#define OPT_CACHE(c) \
	OPT_STR("cache-dir", &(c)->dir, "DIR", \
		"the cache of per-file facts (default $PTSYNC_CACHE_DIR,\n" \
		"else $XDG_CACHE_HOME/ptsync, else ~/.cache/ptsync)"), \
	OPT_FLAG("no-cache", &(c)->off, "neither read nor write the cache")

/* Configure lib/cache.c as the options say. */
void apply_cache_choice(const struct cache_choice *c);

struct tree_operands {
	const char *root;
	char **paths;
	int nr_paths;
};

int parse_tree_operands(int argc, char **argv,
			struct tree_operands *t);

#endif
