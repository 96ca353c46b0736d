// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reading the json mode of the semantic patch: one object per line, with
 * the fields documented in semantic-patches/populate_kernel.cocci.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "analyse/spatch.h"
#include "lib/util.h"

/* A string field, or NULL for JSON null or a missing field. */
static char *opt_string(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);

	return json_is_string(v) ? xstrdup(json_string_value(v)) : NULL;
}

static int get_int(json_t *obj, const char *key, int *out)
{
	json_t *v = json_object_get(obj, key);

	if (!json_is_integer(v))
		return -1;
	*out = (int)json_integer_value(v);
	return 0;
}

int sem_finding_parse(const char *line, struct sem_finding *f)
{
	json_t *obj = json_loads(line, 0, NULL);
	const char *level, *kind;
	json_t *value;
	int ret = -1;

	memset(f, 0, sizeof(*f));
	if (!json_is_object(obj))
		goto out;
	kind = json_string_value(json_object_get(obj, "kind"));
	if (kind && strcmp(kind, "finding") && strcmp(kind, "indirect")) {
		ret = 1;
		goto out;
	}
	f->indirect = kind && !strcmp(kind, "indirect");
	level = json_string_value(json_object_get(obj, "level"));
	f->file = opt_string(obj, "file");
	f->call = opt_string(obj, "call");
	if (!f->file || !f->call || !level ||
	    get_int(obj, "line", &f->line) ||
	    get_int(obj, "column", &f->column) ||
	    get_int(obj, "column_end", &f->column_end))
		goto out;
	f->level = strcmp(level, "p4d") ? LEVEL_PGD : LEVEL_P4D;
	f->function = opt_string(obj, "function");
	f->section = opt_string(obj, "section");
	f->address = opt_string(obj, "address");
	f->reason = opt_string(obj, "reason");
	value = json_object_get(obj, "value");
	if (value)
		f->value = json_dumps(value, JSON_COMPACT | JSON_SORT_KEYS);
	if (!f->function)
		f->function = xstrdup("");
	if (!f->section)
		f->section = xstrdup("");
	ret = 0;
out:
	json_decref(obj);
	if (ret < 0) {
		free(f->file);
		free(f->call);
		memset(f, 0, sizeof(*f));
	}
	return ret;
}
