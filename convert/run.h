/* SPDX-License-Identifier: GPL-2.0-only */
/* Running git, make and friends with their output captured. */
#ifndef PTSYNC_CONVERT_RUN_H
#define PTSYNC_CONVERT_RUN_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Run argv[0] (searched in PATH) in dir with stdin from /dev/null.  The
 * exit status, or -1 when it could not run; *out gets stdout (may be NULL
 * to discard), stderr is discarded unless keep_stderr.
 */
int run_capture(const char *dir, char *const argv[], char **out,
		bool keep_stderr);

/* git in the tree; NULL unless it exits 0.  Trailing newline removed. */
char *git_output(const char *root, char *const args[]);
bool git_tree(const char *root);

#endif
