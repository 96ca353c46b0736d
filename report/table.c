// SPDX-License-Identifier: GPL-2.0-only
/*
 * A plain text table: a header row, then the rows, each column padded to
 * its widest cell and two spaces from the next.  Widths count UTF-8
 * characters, not bytes, so that a path with an accent does not shift the
 * columns after it.  The last column is not padded: no trailing blanks.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "report/internal.h"

void report_table_init(struct report_table *t, const char *const *headers,
		       size_t nr_cols, unsigned int right)
{
	memset(t, 0, sizeof(*t));
	t->nr_cols = nr_cols;
	t->headers = headers;
	t->right = right;
}

void report_table_add(struct report_table *t, char **row)
{
	size_t need = (t->nr_rows + 1) * t->nr_cols;

	grow_array((void **)&t->cells, &t->alloc_cells, need,
		   sizeof(*t->cells));
	memcpy(&t->cells[t->nr_rows * t->nr_cols], row,
	       t->nr_cols * sizeof(*row));
	t->nr_rows++;
}

static size_t text_width(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

static void print_row(FILE *out, const struct report_table *t,
		      const char *const *row, const size_t *width)
{
	size_t c, pad;

	for (c = 0; c < t->nr_cols; c++) {
		bool last = c + 1 == t->nr_cols;
		bool right = t->right & (1u << c);

		pad = width[c] - text_width(row[c]);
		if (c)
			fputs("  ", out);
		if (right)
			fprintf(out, "%*s", (int)pad, "");
		fputs(row[c], out);
		if (!right && !last)
			fprintf(out, "%*s", (int)pad, "");
	}
	fputc('\n', out);
}

void report_table_print(FILE *out, const struct report_table *t)
{
	size_t *width = xcalloc(t->nr_cols, sizeof(*width));
	size_t r, c, w;

	for (c = 0; c < t->nr_cols; c++)
		width[c] = text_width(t->headers[c]);
	for (r = 0; r < t->nr_rows; r++)
		for (c = 0; c < t->nr_cols; c++) {
			w = text_width(t->cells[r * t->nr_cols + c]);
			if (w > width[c])
				width[c] = w;
		}
	print_row(out, t, t->headers, width);
	for (r = 0; r < t->nr_rows; r++)
		print_row(out, t,
			  (const char *const *)&t->cells[r * t->nr_cols],
			  width);
	free(width);
}

void report_table_free(struct report_table *t)
{
	size_t i;

	for (i = 0; i < t->nr_rows * t->nr_cols; i++)
		free(t->cells[i]);
	free(t->cells);
	memset(t, 0, sizeof(*t));
}
