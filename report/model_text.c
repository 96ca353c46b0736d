// SPDX-License-Identifier: GPL-2.0-only
/*
 * A variant of the arch model as table cells.  Masks are written as level
 * sets, "pgd|p4d"; a mask chosen at run time shows its full set, then the
 * choice: "pgd|p4d (pgtable_l5_enabled() ? pgd : p4d)".
 */
#include <stdlib.h>
#include <string.h>

#include "lib/cond.h"
#include "lib/util.h"
#include "report/internal.h"

#define MAX_LEVELS 8

char *report_mask_text(unsigned int mask)
{
	const char *names[MAX_LEVELS];
	size_t i, n = mask_levels(mask, names, MAX_LEVELS);
	char *buf = NULL;

	if (!n)
		return xstrdup("0");
	for (i = 0; i < n; i++)
		str_append(&buf, xasprintf("%s%s", i ? "|" : "", names[i]));
	return buf;
}

char *report_variant_condition(const struct arch_variant *v)
{
	return xstrdup(v->condition && *v->condition ? v->condition : "-");
}

char *report_variant_mask(const struct arch_variant *v)
{
	char *all, *yes, *no, *text;

	if (v->mask_unknown)
		return xasprintf("unknown (%s)", v->expr ? v->expr : "?");
	all = report_mask_text(v->mask);
	if (!v->mask_condition)
		return all;
	yes = report_mask_text(v->mask_if_true);
	no = report_mask_text(v->mask_if_false);
	text = xasprintf("%s (%s ? %s : %s)", all, v->mask_condition, yes, no);
	free(all);
	free(yes);
	free(no);
	return text;
}

/*
 * The model records one fold per level, and a folding header that
 * includes another records each implied level at the same place, so
 * levels folded under the same condition are shown together:
 * "p4d|pud if !(CONFIG_PGTABLE_LEVELS > 3)".
 */
char *report_variant_folds(const struct arch_variant *v)
{
	bool *done;
	char *buf = NULL;
	unsigned int mask;
	size_t i, j;

	if (!v->nr_folds)
		return xstrdup("-");
	done = xcalloc(v->nr_folds, sizeof(*done));
	for (i = 0; i < v->nr_folds; i++) {
		const char *cond = v->folds[i].condition;

		if (done[i])
			continue;
		mask = 0;
		for (j = i; j < v->nr_folds; j++)
			if (!strcmp(v->folds[j].condition, cond)) {
				mask |= v->folds[j].level;
				done[j] = true;
			}
		if (buf)
			str_append(&buf, xstrdup(", "));
		str_append(&buf, report_mask_text(mask));
		if (*cond)
			str_append(&buf, xasprintf(" if %s", cond));
	}
	free(done);
	return buf;
}

/*
 * A hook's condition is shown only when the variant's does not already
 * imply it: "arch/x86/mm/fault.c:267" for the 32-bit variants, whose
 * condition includes CONFIG_X86_32.
 */
static void append_hooks(char **buf, const struct arch_variant *v,
			 const struct arch_hook *hooks, size_t nr,
			 const char *what)
{
	const char *vcond = v->condition ? v->condition : "";
	size_t i;

	for (i = 0; i < nr; i++) {
		const struct arch_hook *h = &hooks[i];

		if (*buf)
			str_append(buf, xstrdup(", "));
		str_append(buf, xasprintf("%s:%d%s", h->file, h->line, what));
		if (!cond_implies(vcond, h->condition))
			str_append(buf, xasprintf(" [%s]", h->condition));
	}
}

/*
 * A hand sync (x86-64's sync_global_pgds() before its mask named the top
 * levels) is marked as such: the mask says 0, the arch still syncs.
 */
char *report_variant_hooks(const struct arch_variant *v)
{
	char *buf = NULL;

	if (!v->nr_hooks && !v->nr_hand_syncs)
		return xstrdup("-");
	append_hooks(&buf, v, v->hooks, v->nr_hooks, "");
	append_hooks(&buf, v, v->hand_syncs, v->nr_hand_syncs, " (by hand)");
	return buf;
}
