// SPDX-License-Identifier: GPL-2.0-only
/*
 * What every review format says the same way: the rules' descriptions,
 * the architectures a call is wrong on, and the lines of a patched file.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "report/internal.h"
#include "review/review.h"

static const struct {
	const char *rule, *title, *help;
} rules[] = {
	{ RULE_CONVERT, "raw pgd/p4d_populate() on init_mm",
	  "pgd_populate() and p4d_populate() on init_mm change the kernel page tables without the arch_sync_kernel_mappings() that ARCH_PAGE_TABLE_SYNC_MASK asks for, so other page tables can miss the new mapping. Use pgd_populate_kernel(addr, ...) or p4d_populate_kernel(addr, ...), which sync when the level is in the mask." },
	{ RULE_MANUAL, "raw populate call that needs a manual conversion",
	  "The call changes the kernel page tables without the sync ARCH_PAGE_TABLE_SYNC_MASK asks for, but no single address could be inferred for the _kernel() variant: convert it by hand, passing the address that the entry maps." },
	{ RULE_UNANALYZED, "raw populate call that could not be analysed",
	  "The call looks like a raw pgd/p4d_populate() on init_mm but spatch could not analyse its function; check it by hand and use the _kernel() variant if it populates init_mm." },
};

const char *review_rule_title(const char *rule)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(rules); i++)
		if (!strcmp(rules[i].rule, rule))
			return rules[i].title;
	return rule;
}

const char *review_rule_help(const char *rule)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(rules); i++)
		if (!strcmp(rules[i].rule, rule))
			return rules[i].help;
	return rule;
}

char *review_file_line(const char *root, const char *path, int n)
{
	char *full = path_join(root, path), *text, *p, *end, *line = NULL;
	size_t len;

	text = read_file(full, &len);
	free(full);
	if (!text)
		return NULL;
	for (p = text; n > 1 && p; n--) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	if (p && *p) {
		end = strchr(p, '\n');
		line = xstrndup(p, end ? (size_t)(end - p) : strlen(p));
	}
	free(text);
	return line;
}

char *review_exposed_arches(const struct finding *f,
			    const struct arch_model *m)
{
	char *text = NULL;
	size_t i;

	for (i = 0; f->exposure && i < m->nr_variants; i++) {
		const struct arch_variant *v = &m->variants[i];

		if (f->exposure[i] != EXPOSURE_EXPOSED)
			continue;
		str_append(&text, xasprintf("%s%s%s%s%s", text ? ", " : "",
					       v->arch,
					       v->condition && *v->condition ? " (" : "",
					       v->condition ? v->condition : "",
					       v->condition && *v->condition ? ")" : ""));
	}
	return text;
}
