// SPDX-License-Identifier: GPL-2.0-only
/*
 * The old text of a file with blank lines where the conversion adds
 * lines (the #include), so that every line keeps the number it has after
 * the conversion.  WARN() and BUG() put __LINE__ into the code on some
 * architectures; without the padding an added include would show up as
 * a code change in every function below it.
 */
#define _GNU_SOURCE
#include <stdio.h>
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

/* New line numbers of the added lines that call a _kernel helper. */
static size_t helper_lines(const char *diff, int **at)
{
	size_t nr = 0, alloc = 0;
	const char *p = diff, *nl;
	int new = 0;

	*at = NULL;
	for (; *p; p = *nl ? nl + 1 : nl) {
		nl = strchrnul(p, '\n');
		if (!strncmp(p, "@@ -", 4)) {
			p = strchr(p, '+');
			new = p && p < nl ? atoi(p + 1) : 0;
			p = p ? p : nl;
			continue;
		}
		if (!new || *p == '-')
			continue;
		if (*p == '+') {
			const char *h = strstr(p, "_populate_kernel(");

			if (h && h < nl)
				*ARRAY_PUSH(*at, nr, alloc) = new;
		}
		new++;
	}
	return nr;
}

/* Where the statement that starts at call ends: after its ';'. */
static const char *statement_end(const char *call)
{
	const char *p = strchr(call, '(');
	int depth = 0;

	for (; p && *p; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')' && !--depth)
			break;
	}
	if (!p || !*p)
		return NULL;
	for (p++; *p == ' ' || *p == '\t' || *p == '\n'; p++)
		;
	return *p == ';' ? p + 1 : NULL;
}

/* The start of the helper's name on a line: "pgd" of pgd_populate_kernel. */
static const char *helper_start(const char *line, const char *eol)
{
	const char *h = strstr(line, "_populate_kernel(");

	if (!h || h > eol || h - line < 3)
		return NULL;
	return h - 3;
}

char *probe_new_text(const char *text, const char *diff, size_t *nr_probes)
{
	int *at, line = 1;
	size_t nr = helper_lines(diff, &at), k = 0;
	char *out = NULL, *wrapped;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	const char *p = text, *eol, *start, *end;

	*nr_probes = 0;
	while (*p) {
		eol = strchrnul(p, '\n');
		start = k < nr && at[k] == line ? helper_start(p, eol) : NULL;
		end = start ? statement_end(start) : NULL;
		if (k < nr && at[k] == line)
			k++;
		if (end) {
			/* a block, so that an unbraced if keeps its body */
			wrapped = xasprintf("{ asm volatile(\".pushsection .ptsync_probe,\\\"a\\\"\\n\\t.ascii \\\"L%d;\\\"\\n\\t.popsection\"); ",
					    line);
			fwrite(p, 1, start - p, f);
			fputs(wrapped, f);
			fwrite(start, 1, end - start, f);
			fputs(" }", f);
			free(wrapped);
			(*nr_probes)++;
			/* lines inside the statement keep their numbers */
			for (; p < end; p++)
				line += *p == '\n';
			continue;
		}
		fwrite(p, 1, eol - p + (*eol ? 1 : 0), f);
		p = *eol ? eol + 1 : eol;
		line++;
	}
	fclose(f);
	free(at);
	return out;
}
