// SPDX-License-Identifier: GPL-2.0-only
/*
 * The review's child processes (git, patch, diff), all through lib/run.c
 * so that none outlives ptsync; this only maps the review's files.
 */
#include <string.h>

#include "lib/run.h"
#include "review/review.h"

int review_run(const char *const *argv, const char *cwd, const char *in,
	       const char *out, const char *err)
{
	struct run_cmd c = {
		.argv = (char *const *)argv, .dir = cwd, .in_path = in,
		.out_path = out, .err_path = err,
		.err_to_out = err && out && !strcmp(err, out),
	};

	return run(&c, NULL);
}
