// SPDX-License-Identifier: GPL-2.0-only
/*
 * --apply on a git tree must not mix its edits with someone's uncommitted
 * work in the same file: such files are refused unless --force.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "convert/convert.h"
#include "convert/run.h"
#include "lib/diag.h"
#include "lib/util.h"

size_t convert_dirty_files(const char *root, const struct convert_plan *plan)
{
	char **args;
	char *out;
	size_t i, n = 0, dirty = 0;
	const char *line, *nl;

	if (!git_tree(root) || !plan->nr_files)
		return 0;
	args = xcalloc(plan->nr_files + 5, sizeof(*args));
	args[n++] = "status";
	args[n++] = "--porcelain";
	args[n++] = "--untracked-files=all";
	args[n++] = "--";
	for (i = 0; i < plan->nr_files; i++)
		args[n++] = plan->files[i].path;
	out = git_output(root, args);
	free(args);
	for (line = out; line && *line; line = *nl ? nl + 1 : nl) {
		nl = strchrnul(line, '\n');
		if (nl - line > 3) {
			diag("%.*s has uncommitted changes",
				(int)(nl - line - 3), line + 3);
			dirty++;
		}
	}
	free(out);
	return dirty;
}
