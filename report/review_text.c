// SPDX-License-Identifier: GPL-2.0-only
/*
 * What every review format says the same way: the architectures a call
 * is wrong on, and the lines of a patched file.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "report/internal.h"
#include "review/review.h"

char *review_file_line(const char *root, const char *path, int n)
{
	char *full = path_join(root, path), *text, *p, *end, *line = NULL;
	size_t len;

	text = read_file(full, &len);
	free(full);
	if (!text)
		return NULL;
	for (p = text; n > 1 && p; n--) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	if (p && *p) {
		end = strchr(p, '\n');
		line = xstrndup(p, end ? (size_t)(end - p) : strlen(p));
	}
	free(text);
	return line;
}

