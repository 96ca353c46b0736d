// SPDX-License-Identifier: GPL-2.0-only
/*
 * The cross-function stage as the pipeline runs it: prove with the facts
 * of the files analysed, then, for the non-static functions whose callers
 * live in other files, analyse those files too (the scanner's job of
 * finding candidates, done by name) and prove again.
 */
#include <stdlib.h>
#include <string.h>

#include "interproc/interproc.h"
#include "lib/util.h"
#include "scan/name_index.h"

/* Rounds of analysing more callers' files: each can reveal new needs. */
#define MAX_ROUNDS 3

static void add_analysis(struct ip_facts *facts, const struct analysis *an)
{
	size_t i;

	ip_facts_add(facts, an->facts, an->nr_facts);
	for (i = 0; i < an->nr_files; i++)
		if (an->files[i].status == FILE_ANALYSED)
			ip_facts_add_file(facts, an->files[i].path);
}

/* The files that mention the needed names and were not analysed yet. */
static size_t callers_files(const char *root, const struct ip_facts *facts,
			    char **names, size_t nr_names, char ***out)
{
	size_t nr = 0, alloc = 0, i, j, n;
	char **found;

	*out = NULL;
	for (i = 0; i < nr_names; i++) {
		n = name_files(root, names[i], &found);
		for (j = 0; j < n; j++) {
			if ((!ip_facts_has_file(facts, found[j]) ||
			     !ip_facts_asked(facts, found[j], names[i])) &&
			    !strings_have(*out, nr, found[j]))
				*ARRAY_PUSH(*out, nr, alloc) = found[j];
			else
				free(found[j]);
		}
		free(found);
	}
	return nr;
}

static void add_known_functions(const struct ip_facts *facts, char ***names,
				size_t *nr)
{
	size_t alloc = *nr, i;
	const char *name;

	for (i = 0; i < facts->nr_functions; i++) {
		name = json_string_value(json_object_get(facts->functions[i],
							 "name"));
		if (name && !strings_have(*names, *nr, name))
			*ARRAY_PUSH(*names, *nr, alloc) = xstrdup(name);
	}
}

/* The files just analysed now have their calls of every needed name. */
static void mark_asked(struct ip_facts *facts, const struct analysis *an,
		       char **names, size_t nr_names)
{
	size_t i, j;

	for (i = 0; i < an->nr_files; i++)
		if (an->files[i].status == FILE_ANALYSED)
			for (j = 0; j < nr_names; j++)
				ip_facts_add_asked(facts, an->files[i].path,
						   names[j]);
}

static char *joined(char **names, size_t nr)
{
	char *all = xstrdup(""), *next;
	size_t i;

	for (i = 0; i < nr; i++) {
		next = xasprintf("%s%s%s", all, i ? " " : "", names[i]);
		free(all);
		all = next;
	}
	return all;
}

void interproc_run(const struct spatch_config *cfg, const char *tree,
		   const struct analysis *an, const struct scan_result *scan,
		   struct finding_list *findings)
{
	struct ip_facts facts = { 0 };
	struct analysis more;
	char **need, **files, *names;
	size_t nr_need, nr_files;
	int round;

	facts.c_includes = scan->c_includes;
	facts.nr_c_includes = scan->nr_c_includes;
	add_analysis(&facts, an);
	for (round = 0; round < MAX_ROUNDS; round++) {
		nr_need = interproc_prove(cfg->root, tree, &facts, findings,
					  &need);
		nr_files = nr_need ? callers_files(cfg->root, &facts, need,
						   nr_need, &files) : 0;
		if (!nr_files) {
			strings_free(need, nr_need);
			break;
		}
		/*
		 * Also every function known to take or return an entry:
		 * what a caller passes may be another one's result.
		 */
		add_known_functions(&facts, &need, &nr_need);
		names = joined(need, nr_need);
		setenv("PTSYNC_CALLEES", names, 1);
		if (!analyse_files(cfg, files, nr_files, &more)) {
			add_analysis(&facts, &more);
			mark_asked(&facts, &more, need, nr_need);
		}
		unsetenv("PTSYNC_CALLEES");
		analysis_free(&more);
		free(names);
		strings_free(files, nr_files);
		strings_free(need, nr_need);
	}
	ip_facts_free(&facts);
}
