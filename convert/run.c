// SPDX-License-Identifier: GPL-2.0-only
/* git in the tree, through lib/run.c like every child process. */
#include <stdlib.h>
#include <string.h>

#include "convert/run.h"
#include "lib/run.h"
#include "lib/util.h"

char *git_output(const char *root, char *const args[])
{
	char *argv[16] = { "git", "-C", (char *)root };
	char *out = NULL;
	size_t n = 3, len;

	while (*args && n < ARRAY_SIZE(argv) - 1)
		argv[n++] = *args++;
	argv[n] = NULL;
	if (run_capture(NULL, argv, &out, false)) {
		free(out);
		return NULL;
	}
	len = strlen(out);
	while (len && out[len - 1] == '\n')
		out[--len] = '\0';
	return out;
}

bool git_tree(const char *root)
{
	char *args[3], *top;

	args[0] = "rev-parse";
	args[1] = "--show-toplevel";
	args[2] = NULL;
	top = git_output(root, args);

	free(top);
	return top != NULL;
}
