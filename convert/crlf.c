// SPDX-License-Identifier: GPL-2.0-only
/*
 * Line endings.  spatch writes the line it adds with "\n" and, after an
 * existing line of a CRLF file, moves that line's "\r" onto the new one:
 *
 *   -#include <linux/mm.h>\r
 *   +#include <linux/mm.h>
 *   +#include <linux/pgalloc.h>\r
 *
 * In a file whose lines end with "\r\n", every added line gets the "\r"
 * it lacks, and a removed line that comes back unchanged is context again,
 * so the neighbours keep their bytes.
 */
#define _GNU_SOURCE		/* strchrnul() */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "convert/diff.h"
#include "lib/util.h"

static bool mostly_crlf(const char *text, size_t len)
{
	size_t i, lf = 0, crlf = 0;

	for (i = 0; i < len; i++) {
		if (text[i] != '\n')
			continue;
		lf++;
		crlf += i > 0 && text[i - 1] == '\r';
	}
	return lf && crlf * 2 > lf;
}

struct line {
	char *text;		/* with its leading '-', '+' or ' ', no "\n" */
};

static void add_cr(struct line *l)
{
	size_t n = strlen(l->text);
	char *t;

	if (l->text[0] != '+' || (n > 1 && l->text[n - 1] == '\r'))
		return;
	t = xasprintf("%s\r", l->text);
	free(l->text);
	l->text = t;
}

/* A '-' line followed, within its block, by the same text as '+'. */
static void cancel_pairs(struct line *lines, size_t from, size_t to)
{
	size_t i, j;

	for (i = from; i < to; i++) {
		if (lines[i].text[0] != '-')
			continue;
		for (j = i + 1; j < to && lines[j].text[0] == '-'; j++)
			;
		if (j == i + 1 && j < to && lines[j].text[0] == '+' &&
		    !strcmp(lines[i].text + 1, lines[j].text + 1)) {
			lines[i].text[0] = ' ';
			lines[j].text[0] = '\0';	/* dropped */
		}
	}
}

char *diff_fix_crlf(const char *diff, const char *old, size_t old_len)
{
	struct line *lines = NULL;
	size_t nr = 0, alloc = 0, i, start;
	const char *p, *nl;
	char *out, *q;

	if (!mostly_crlf(old, old_len))
		return xstrdup(diff);
	for (p = diff; *p; p = *nl ? nl + 1 : nl) {
		nl = strchrnul(p, '\n');
		ARRAY_PUSH(lines, nr, alloc)->text = xstrndup(p, nl - p);
	}
	for (i = 0; i < nr; i++)
		if (strncmp(lines[i].text, "+++", 3))
			add_cr(&lines[i]);
	for (i = 0; i < nr; i = start + 1) {
		start = i;
		while (start < nr && (lines[start].text[0] == '-' ||
				      lines[start].text[0] == '+') &&
		       strncmp(lines[start].text, "---", 3) &&
		       strncmp(lines[start].text, "+++", 3))
			start++;
		if (start > i)
			cancel_pairs(lines, i, start);
	}
	out = q = xmalloc(strlen(diff) + nr + 1);
	for (i = 0; i < nr; i++) {
		if (!lines[i].text[0] && i + 1 < nr) {
			free(lines[i].text);
			continue;
		}
		q = stpcpy(q, lines[i].text);
		if (i + 1 < nr)
			*q++ = '\n';
		free(lines[i].text);
	}
	*q = '\0';
	free(lines);
	return out;
}
