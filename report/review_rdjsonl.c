// SPDX-License-Identifier: GPL-2.0-only
/*
 * reviewdog's rdjsonl: one Diagnostic per line, 1-based positions with an
 * exclusive end.  reviewdog itself keeps only the findings on the diff,
 * so old ones are written too.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "report/internal.h"
#include "review/review.h"

static json_t *position(int line, int column)
{
	return json_pack("{s:i, s:i}", "line", line, "column", column);
}

static json_t *range(int line, int col, int end_line, int end_col)
{
	return json_pack("{s:o, s:o}", "start", position(line, col),
			 "end", position(end_line, end_col));
}

static json_t *suggestions(const struct review *r, const struct review_item *it)
{
	const struct line_edit *e = it->edit;
	char *last = review_file_line(r->post_root, it->f->file, e->end);
	json_t *s = rjson_checked(json_object());

	rjson_put(s, "range", range(e->start, 1, e->end,
				    last ? (int)strlen(last) + 1 : 1));
	rjson_put(s, "text", rjson_text(e->text));
	free(last);
	return json_pack("[o]", s);
}

static const char *rd_severity(enum severity sev)
{
	return sev == SEV_ERROR ? "ERROR" : sev == SEV_WARNING ? "WARNING" :
	       "INFO";
}

static json_t *diagnostic(const struct review *r, const struct review_item *it)
{
	const struct finding *f = it->f;
	json_t *o = rjson_checked(json_object());
	json_t *loc = rjson_checked(json_object());
	char *msg = finding_message(f);
	int end = f->column_end > f->column ? f->column_end : f->column + 1;

	rjson_put(loc, "path", rjson_text(f->file));
	rjson_put(loc, "range", range(f->line, f->column + 1, f->line, end + 1));
	rjson_put(o, "message", rjson_text(msg));
	rjson_put(o, "location", loc);
	rjson_put(o, "severity", json_string(rd_severity(f->severity)));
	rjson_put(o, "code", json_pack("{s:s}", "value", f->rule));
	rjson_put(o, "source", json_pack("{s:s}", "name", "ptsync"));
	if (it->edit)
		rjson_put(o, "suggestions", suggestions(r, it));
	free(msg);
	return o;
}

int review_rdjsonl(FILE *out, const struct review *r)
{
	size_t i;
	char *line;

	for (i = 0; i < r->nr_items; i++) {
		json_t *d = diagnostic(r, &r->items[i]);

		line = json_dumps(d, JSON_COMPACT);
		json_decref(d);
		if (!line)
			return -1;
		fprintf(out, "%s\n", line);
		free(line);
	}
	return report_finish(out);
}
