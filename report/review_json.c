// SPDX-License-Identifier: GPL-2.0-only
/*
 * The review's own JSON: {"schema": "ptsync-review", "version": 1, ...}.
 * A finding has the keys of a "ptsync check" JSON finding (positions
 * 1-based, column_end exclusive) plus "new", "patch" (the patch of the
 * input that added it: index, subject, message_id; null when old) and
 * "fix", the diff of its rewrite or null.
 */
#include <stdlib.h>

#include "lib/util.h"
#include "report/internal.h"
#include "review/review.h"

#define REVIEW_JSON_VERSION 2	/* 2: patches are objects, "patch" */

/* A patch of the input: its place, subject and Message-Id. */
static json_t *patch_json(const struct patch *p)
{
	json_t *o;

	if (!p)
		return json_null();
	o = rjson_checked(json_object());
	rjson_put(o, "index", json_integer(p->index));
	rjson_put(o, "subject", rjson_text(p->subject));
	rjson_put(o, "message_id", rjson_text(p->message_id));
	return o;
}

/*
 * The check JSON's finding, plus whether the patch adds it, which patch
 * of the series did, and its fix.
 */
static json_t *finding_json(const struct review_item *it,
			    const struct arch_model *m)
{
	json_t *o = report_finding_json(it->f, m);

	rjson_put(o, "new", json_boolean(it->is_new));
	rjson_put(o, "patch", patch_json(it->patch));
	rjson_put(o, "fix", rjson_text(it->fix));
	return o;
}

static json_t *patches_json(const struct patch_set *ps)
{
	json_t *array = rjson_checked(json_array());
	size_t i;

	for (i = 0; i < ps->nr; i++)
		rjson_push(array, patch_json(&ps->patches[i]));
	return array;
}

int review_json(FILE *out, const struct review *r)
{
	json_t *doc = rjson_checked(json_object());
	json_t *findings = rjson_checked(json_array());
	json_t *summary = rjson_checked(json_object());
	size_t i;

	for (i = 0; i < r->nr_items; i++)
		rjson_push(findings, finding_json(&r->items[i], &r->post.model));
	rjson_put(summary, "new", json_integer(r->nr_new));
	rjson_put(summary, "old", json_integer(r->nr_items - r->nr_new));
	rjson_put(summary, "before", json_integer(r->nr_pre));
	rjson_put(doc, "schema", json_string("ptsync-review"));
	rjson_put(doc, "version", json_integer(REVIEW_JSON_VERSION));
	rjson_put(doc, "cover", patch_json(r->ps->cover));
	rjson_put(doc, "patches", patches_json(r->ps));
	rjson_put(doc, "findings", findings);
	rjson_put(doc, "summary", summary);
	rjson_put(doc, "fix", rjson_text(r->fix));
	return rjson_write(out, doc);
}
