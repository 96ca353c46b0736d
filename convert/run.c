// SPDX-License-Identifier: GPL-2.0-only
/* git in the tree, through lib/run.c like every child process. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "convert/run.h"
#include "lib/run.h"
#include "lib/util.h"

int run_args(const char *dir, char **out, bool keep_stderr, ...)
{
	char *argv[64];
	size_t n = 0;
	va_list ap;

	va_start(ap, keep_stderr);
	while (n < ARRAY_SIZE(argv) - 1 && (argv[n] = va_arg(ap, char *)))
		n++;
	va_end(ap);
	argv[n] = NULL;
	return run_capture(dir, argv, out, keep_stderr);
}

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
