// SPDX-License-Identifier: GPL-2.0-only
/*
 * The review's own JSON: {"schema": "ptsync-review", "version": 1, ...}.
 * A finding has the keys of a "ptsync check" JSON finding (positions
 * 1-based, column_end exclusive) plus "new" and "fix", the diff of its
 * rewrite or null.
 */
#include <stdlib.h>

#include "lib/util.h"
#include "report/internal.h"
#include "review/review.h"

#define REVIEW_JSON_VERSION 1

static unsigned int level_bit(enum pt_level level)
{
	return level == LEVEL_PGD ? MASK_PGD : MASK_P4D;
}

/* The run-time condition under which a mask chosen at run time has f's level. */
static json_t *exposed_when(const struct arch_variant *v, unsigned int bit)
{
	bool yes = v->mask_if_true & bit, no = v->mask_if_false & bit;
	char *text;
	json_t *j;

	if (!v->mask_condition || yes == no)
		return rjson_checked(json_null());
	if (yes)
		return rjson_text(v->mask_condition);
	text = xasprintf("!(%s)", v->mask_condition);
	j = rjson_text(text);
	free(text);
	return j;
}

static json_t *exposure_json(const struct finding *f,
			     const struct arch_model *m, size_t *latent,
			     size_t *noop)
{
	json_t *array = rjson_checked(json_array()), *o;
	size_t i;

	*latent = *noop = 0;
	for (i = 0; f->exposure && i < m->nr_variants; i++) {
		const struct arch_variant *v = &m->variants[i];

		*latent += f->exposure[i] == EXPOSURE_LATENT;
		*noop += f->exposure[i] == EXPOSURE_NOOP;
		if (f->exposure[i] != EXPOSURE_EXPOSED)
			continue;
		o = rjson_checked(json_object());
		rjson_put(o, "variant", json_integer(i));
		rjson_put(o, "arch", rjson_text(v->arch));
		rjson_put(o, "condition", rjson_text(v->condition ? v->condition : ""));
		rjson_put(o, "mask_condition", exposed_when(v, level_bit(f->level)));
		rjson_push(array, o);
	}
	return array;
}

static void put_position(json_t *o, const struct finding *f)
{
	rjson_put(o, "file", rjson_text(f->file));
	rjson_put(o, "line", json_integer(f->line));
	rjson_put(o, "column", json_integer(f->column + 1));
	rjson_put(o, "column_end", json_integer(f->column_end + 1));
	rjson_put(o, "function", rjson_text_or_null(f->function));
	rjson_put(o, "section", rjson_text_or_null(f->section));
}

static json_t *finding_json(const struct review_item *it,
			    const struct arch_model *m)
{
	const struct finding *f = it->f;
	json_t *o = rjson_checked(json_object());
	char *msg = finding_message(f);
	size_t latent, noop;

	put_position(o, f);
	rjson_put(o, "level", json_string(report_level_name(f->level)));
	rjson_put(o, "call", rjson_text(f->call));
	rjson_put(o, "rule", rjson_text(f->rule));
	rjson_put(o, "severity", json_string(severity_name(f->severity)));
	rjson_put(o, "message", rjson_text(msg));
	rjson_put(o, "why", rjson_text(f->why ? f->why : ""));
	rjson_put(o, "reason", rjson_text(f->reason));
	rjson_put(o, "address", rjson_text(f->address));
	rjson_put(o, "unanalyzed", json_boolean(f->unanalyzed));
	rjson_put(o, "synced_locally", json_boolean(f->synced_locally));
	rjson_put(o, "boot_only", json_boolean(f->boot_only));
	rjson_put(o, "arch", rjson_text(f->arch));
	rjson_put(o, "exposed_on", exposure_json(f, m, &latent, &noop));
	rjson_put(o, "latent_on_count", json_integer(latent));
	rjson_put(o, "noop_on_count", json_integer(noop));
	rjson_put(o, "new", json_boolean(it->is_new));
	rjson_put(o, "fix", rjson_text(it->fix));
	free(msg);
	return o;
}

static json_t *patches_json(const struct patch_set *ps)
{
	json_t *array = rjson_checked(json_array());
	size_t i;

	for (i = 0; i < ps->nr; i++)
		rjson_push(array, rjson_text(ps->patches[i].subject));
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
	rjson_put(doc, "cover", rjson_text(r->ps->cover));
	rjson_put(doc, "patches", patches_json(r->ps));
	rjson_put(doc, "findings", findings);
	rjson_put(doc, "summary", summary);
	rjson_put(doc, "fix", rjson_text(r->fix));
	return rjson_write(out, doc);
}
