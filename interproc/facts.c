// SPDX-License-Identifier: GPL-2.0-only
/*
 * The facts of the semantic patch's json mode that the cross-function
 * stage joins: functions (parameters, what each return yields, whether
 * static) and call arguments (text and value), kept as jansson objects.
 */
#include <stdlib.h>
#include <string.h>

#include "interproc/interproc.h"
#include "lib/util.h"

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

bool ip_facts_has_file(const struct ip_facts *facts, const char *file)
{
	return facts->nr_files &&
	       bsearch(&file, facts->files, facts->nr_files,
		       sizeof(*facts->files), by_name);
}

void ip_facts_add_file(struct ip_facts *facts, const char *file)
{
	if (ip_facts_has_file(facts, file))
		return;
	*ARRAY_PUSH(facts->files, facts->nr_files, facts->alloc_files) =
		xstrdup(file);
	qsort(facts->files, facts->nr_files, sizeof(*facts->files), by_name);
}

static const char *str(json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));

	return s ? s : "";
}

bool ip_facts_asked(const struct ip_facts *facts, const char *file,
		    const char *name)
{
	char *key = xasprintf("%s:%s", file, name);
	bool asked = false;
	size_t i;

	for (i = 0; !asked && i < facts->nr_asked; i++)
		asked = !strcmp(facts->asked[i], key);
	free(key);
	for (i = 0; !asked && i < facts->nr_functions; i++)
		asked = !strcmp(str(facts->functions[i], "file"), file) &&
			!strcmp(str(facts->functions[i], "name"), name);
	return asked;
}

void ip_facts_add_asked(struct ip_facts *facts, const char *file,
			const char *name)
{
	if (!ip_facts_asked(facts, file, name))
		*ARRAY_PUSH(facts->asked, facts->nr_asked, facts->alloc_asked) =
			xasprintf("%s:%s", file, name);
}

/* A file analysed again (for more callees) brings facts already in. */
static bool known(const struct ip_facts *facts, json_t *obj, bool function)
{
	size_t i;

	if (function)
		return ip_facts_has_file(facts, str(obj, "file"));
	for (i = 0; i < facts->nr_args; i++)
		if (!strcmp(str(facts->args[i], "call"), str(obj, "call")) &&
		    json_equal(json_object_get(facts->args[i], "index"),
			       json_object_get(obj, "index")))
			return true;
	return false;
}

void ip_facts_add(struct ip_facts *facts, char *const *lines, size_t nr)
{
	const char *kind;
	json_t *obj;
	size_t i;

	for (i = 0; i < nr; i++) {
		obj = json_loads(lines[i], 0, NULL);
		kind = json_string_value(json_object_get(obj, "kind"));
		if (kind && (!strcmp(kind, "function") || !strcmp(kind, "arg")) &&
		    known(facts, obj, !strcmp(kind, "function")))
			json_decref(obj);
		else if (kind && !strcmp(kind, "function"))
			*ARRAY_PUSH(facts->functions, facts->nr_functions,
				    facts->alloc_functions) = obj;
		else if (kind && !strcmp(kind, "arg"))
			*ARRAY_PUSH(facts->args, facts->nr_args,
				    facts->alloc_args) = obj;
		else
			json_decref(obj);
	}
}

void ip_facts_free(struct ip_facts *facts)
{
	size_t i;

	for (i = 0; i < facts->nr_functions; i++)
		json_decref(facts->functions[i]);
	for (i = 0; i < facts->nr_args; i++)
		json_decref(facts->args[i]);
	for (i = 0; i < facts->nr_files; i++)
		free(facts->files[i]);
	strings_free(facts->asked, facts->nr_asked);
	free(facts->functions);
	free(facts->args);
	free(facts->files);
	memset(facts, 0, sizeof(*facts));
}
