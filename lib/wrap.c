// SPDX-License-Identifier: GPL-2.0-only
#include <ctype.h>
#include <string.h>

#include "lib/wrap.h"

static void put_paragraph(FILE *out, const char *p, const char *end)
{
	size_t col = 0, n;
	const char *w;

	while (p < end) {
		while (p < end && isspace((unsigned char)*p))
			p++;
		for (w = p; w < end && !isspace((unsigned char)*w); w++)
			;
		n = (size_t)(w - p);
		if (!n)
			break;
		if (col && col + 1 + n > WRAP) {
			fputc('\n', out);
			col = 0;
		} else if (col) {
			fputc(' ', out);
			col++;
		}
		fwrite(p, 1, n, out);
		col += n;
		p = w;
	}
	fputc('\n', out);
}

void put_wrapped(FILE *out, const char *text)
{
	const char *end;

	while (*text) {
		end = strstr(text, "\n\n");
		if (!end)
			end = text + strlen(text);
		put_paragraph(out, text, end);
		if (!*end)
			break;
		fputc('\n', out);
		text = end + 2;
	}
}
