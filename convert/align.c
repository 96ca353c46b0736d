// SPDX-License-Identifier: GPL-2.0-only
/*
 * The old text of a file with blank lines where the conversion adds
 * lines (the #include), so that every line keeps the number it has after
 * the conversion.  WARN() and BUG() put __LINE__ into the code on some
 * architectures; without the padding an added include would show up as
 * a code change in every function below it.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "convert/align.h"
#include "lib/util.h"

/* Old line numbers before which blank lines go, one entry per line. */
static size_t pad_points(const char *diff, int **at)
{
	size_t nr = 0, alloc = 0;
	const char *p = diff, *nl;
	int old = 0, minus = 0, plus = 0;

	*at = NULL;
	for (; *p; p = *nl ? nl + 1 : nl) {
		nl = strchrnul(p, '\n');
		if (!strncmp(p, "@@ -", 4)) {
			old = atoi(p + 4);
			minus = plus = 0;
			continue;
		}
		if (!old)
			continue;	/* the --- and +++ header */
		if (*p == '-') {
			if (plus)
				minus = plus = 0;
			minus++;
			old++;
		} else if (*p == '+') {
			plus++;
			if (plus > minus)
				*ARRAY_PUSH(*at, nr, alloc) = old;
		} else {
			minus = plus = 0;
			old++;
		}
	}
	return nr;
}

char *align_old_text(const char *old, const char *diff)
{
	int *at, line = 1;
	size_t nr = pad_points(diff, &at), k = 0, len = strlen(old);
	char *out = xmalloc(len + nr + 1), *o = out;
	const char *p = old;

	for (;;) {
		while (k < nr && at[k] == line) {
			*o++ = '\n';
			k++;
		}
		if (!*p)
			break;
		while (*p && *p != '\n')
			*o++ = *p++;
		if (*p)
			*o++ = *p++;
		line++;
	}
	*o = '\0';
	free(at);
	return out;
}
