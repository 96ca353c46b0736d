/* SPDX-License-Identifier: GPL-2.0-only */
/* git and friends with their output captured: lib/run.c runs them. */
#ifndef PTSYNC_CONVERT_RUN_H
#define PTSYNC_CONVERT_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/run.h"

/* run_capture() of the arguments after keep_stderr, up to a NULL. */
int run_args(const char *dir, char **out, bool keep_stderr, ...)
	__attribute__((sentinel));

/* git in the tree; NULL unless it exits 0.  Trailing newline removed. */
char *git_output(const char *root, char *const args[]);
bool git_tree(const char *root);

#endif
