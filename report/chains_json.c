// SPDX-License-Identifier: GPL-2.0-only
/*
 * A finding's call chains in JSON: every chain, synced ones with the
 * function and line of the sync, unsynced ones in full.
 */
#include "report/internal.h"

static json_t *steps_json(const struct call_chain *ch)
{
	json_t *a = rjson_checked(json_array()), *o;
	size_t i;

	for (i = 0; i < ch->nr_steps; i++) {
		o = rjson_checked(json_object());
		rjson_put(o, "function", rjson_text(ch->steps[i].function));
		rjson_put(o, "file", rjson_text(ch->steps[i].file));
		rjson_put(o, "line", json_integer(ch->steps[i].line));
		rjson_push(a, o);
	}
	return a;
}

static json_t *synced_by_json(const struct call_chain *ch)
{
	json_t *o;

	if (!ch->synced)
		return json_null();
	o = rjson_checked(json_object());
	rjson_put(o, "function", rjson_text(ch->sync_function));
	rjson_put(o, "call", rjson_text(ch->sync_call));
	rjson_put(o, "file", rjson_text(ch->sync_file));
	rjson_put(o, "line", json_integer(ch->sync_line));
	return o;
}

json_t *report_chains_json(const struct finding *f)
{
	json_t *a = rjson_checked(json_array()), *o;
	size_t i;

	for (i = 0; i < f->nr_chains; i++) {
		const struct call_chain *ch = &f->chains[i];

		o = rjson_checked(json_object());
		rjson_put(o, "steps", steps_json(ch));
		rjson_put(o, "synced", json_boolean(ch->synced));
		rjson_put(o, "synced_by", synced_by_json(ch));
		rjson_put(o, "boot_only", json_boolean(ch->boot_only));
		rjson_put(o, "cut", json_boolean(ch->cut));
		rjson_put(o, "root", rjson_text(ch->root));
		rjson_put(o, "worst", json_boolean((int)i == f->worst_chain));
		rjson_push(a, o);
	}
	return a;
}
