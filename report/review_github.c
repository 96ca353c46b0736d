// SPDX-License-Identifier: GPL-2.0-only
/*
 * GitHub Checks-API annotations.  One request takes at most 50, so the
 * new findings come first and what does not fit is counted on stderr
 * rather than dropped silently.
 */
#include <stdlib.h>

#include "lib/diag.h"
#include "lib/util.h"
#include "report/internal.h"
#include "review/review.h"

#define GITHUB_MAX_ANNOTATIONS 50

static const char *annotation_level(enum severity sev)
{
	return sev == SEV_ERROR ? "failure" : sev == SEV_WARNING ? "warning" :
	       "notice";
}

static json_t *annotation(const struct review_item *it)
{
	const struct finding *f = it->f;
	json_t *o = rjson_checked(json_object());
	char *msg = finding_message(f);
	char *title = xasprintf("ptsync: %s%s", it->is_new ? "" : "(old) ",
				rule_title(f->rule));
	int end = f->column_end > f->column ? f->column_end : f->column + 1;

	rjson_put(o, "path", rjson_text(f->file));
	rjson_put(o, "start_line", json_integer(f->line));
	rjson_put(o, "end_line", json_integer(f->line));
	rjson_put(o, "start_column", json_integer(f->column + 1));
	rjson_put(o, "end_column", json_integer(end + 1));
	rjson_put(o, "annotation_level",
		  json_string(annotation_level(f->severity)));
	rjson_put(o, "message", rjson_text(msg));
	rjson_put(o, "title", rjson_text(title));
	if (it->fix)
		rjson_put(o, "raw_details", rjson_text(it->fix));
	free(msg);
	free(title);
	return o;
}

int review_github(FILE *out, const struct review *r)
{
	json_t *array = rjson_checked(json_array());
	size_t i, pass, n = 0;

	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < r->nr_items; i++) {
			if (r->items[i].is_new != !pass)
				continue;
			if (n++ < GITHUB_MAX_ANNOTATIONS)
				rjson_push(array, annotation(&r->items[i]));
		}
	if (n > GITHUB_MAX_ANNOTATIONS)
		diag("%zu annotations dropped: GitHub takes %d per request",
			n - GITHUB_MAX_ANNOTATIONS, GITHUB_MAX_ANNOTATIONS);
	return rjson_write(out, array);
}
