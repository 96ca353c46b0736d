// SPDX-License-Identifier: GPL-2.0-only
/*
 * A variant of the arch model as JSON, the same object in "ptsync arches"
 * and in "ptsync check" (which adds its counts).  Every key is always
 * present; what the model does not know is null.
 */
#include "report/internal.h"

#define MAX_LEVELS 8

json_t *report_levels_json(unsigned int mask)
{
	const char *names[MAX_LEVELS];
	size_t i, n = mask_levels(mask, names, MAX_LEVELS);
	json_t *array = rjson_checked(json_array());

	for (i = 0; i < n; i++)
		rjson_push(array, json_string(names[i]));
	return array;
}

static json_t *level_json(unsigned int level)
{
	const char *name = "?";

	mask_levels(level, &name, 1);
	return json_string(name);
}

static json_t *line_json(const char *file, int line)
{
	return file ? json_integer(line) : json_null();
}

static json_t *folds_json(const struct arch_variant *v)
{
	json_t *array = rjson_checked(json_array()), *o;
	size_t i;

	for (i = 0; i < v->nr_folds; i++) {
		const struct arch_fold *fold = &v->folds[i];

		o = rjson_checked(json_object());
		rjson_put(o, "level", level_json(fold->level));
		rjson_put(o, "condition", rjson_text(fold->condition));
		rjson_put(o, "file", rjson_text(fold->file));
		rjson_put(o, "line", line_json(fold->file, fold->line));
		rjson_push(array, o);
	}
	return array;
}

static json_t *hooks_json(const struct arch_hook *hooks, size_t nr)
{
	json_t *array = rjson_checked(json_array()), *o;
	size_t i;

	for (i = 0; i < nr; i++) {
		const struct arch_hook *h = &hooks[i];

		o = rjson_checked(json_object());
		rjson_put(o, "file", rjson_text(h->file));
		rjson_put(o, "line", line_json(h->file, h->line));
		rjson_put(o, "condition", rjson_text(h->condition));
		rjson_push(array, o);
	}
	return array;
}

json_t *report_variant_json(const struct arch_variant *v)
{
	json_t *o = rjson_checked(json_object());
	bool cond = v->mask_condition;

	rjson_put(o, "arch", rjson_text(v->arch));
	rjson_put(o, "condition", rjson_text(v->condition ? v->condition : ""));
	rjson_put(o, "file", rjson_text(v->file));
	rjson_put(o, "line", line_json(v->file, v->line));
	rjson_put(o, "expr", rjson_text(v->expr));
	rjson_put(o, "mask", report_levels_json(v->mask));
	rjson_put(o, "mask_condition", rjson_text(v->mask_condition));
	rjson_put(o, "mask_if_true",
		  cond ? report_levels_json(v->mask_if_true) : json_null());
	rjson_put(o, "mask_if_false",
		  cond ? report_levels_json(v->mask_if_false) : json_null());
	rjson_put(o, "mask_unknown", json_boolean(v->mask_unknown));
	rjson_put(o, "folded", folds_json(v));
	rjson_put(o, "sync_hook", hooks_json(v->hooks, v->nr_hooks));
	rjson_put(o, "hand_sync", hooks_json(v->hand_syncs, v->nr_hand_syncs));
	return o;
}
