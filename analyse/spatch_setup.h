/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Whether spatch can run the semantic patch at all.  A spatch that cannot
 * load Python for the script rules (Debian's coccinelle does not pull
 * libpython3.11-dev), that lacks an OCaml compiler, or that is too old to
 * read the SmPL fails on every file alike: that is one setup error with
 * one fix, not a list of unanalyzed calls.
 */
#ifndef PTSYNC_SPATCH_SETUP_H
#define PTSYNC_SPATCH_SETUP_H

#include <stddef.h>

/*
 * Run argv (spatch, its options and --sp-file, nr entries) on a small
 * input with a raw call, so that every script rule loads.  NULL when it
 * works (the failure at hand was about the files), else what to install.
 */
char *spatch_setup_problem(char *const *argv, size_t nr, int timeout);

/*
 * The message for spatch's stderr text err, or NULL when err does not
 * name a missing piece.  For the tests.
 */
char *spatch_setup_diagnose(const char *err);

#endif
