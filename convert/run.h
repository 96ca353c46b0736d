/* SPDX-License-Identifier: GPL-2.0-only */
/* git and friends with their output captured: lib/run.c runs them. */
#ifndef PTSYNC_CONVERT_RUN_H
#define PTSYNC_CONVERT_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/run.h"

/* git in the tree; NULL unless it exits 0.  Trailing newline removed. */
char *git_output(const char *root, char *const args[]);
bool git_tree(const char *root);

#endif
