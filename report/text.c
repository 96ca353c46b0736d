// SPDX-License-Identifier: GPL-2.0-only
/*
 * The text format: the gcc lines, a blank line, a table with a row per
 * arch variant, then one summary line that starts with "ptsync: ".
 *
 * The table says, for each variant, how many findings are built for it
 * (analysed and unanalyzed) and how many of those miss a sync there, so
 * that a reader sees at a glance which configurations are affected.
 */
#include <stdlib.h>

#include "lib/util.h"
#include "report/internal.h"

enum { COL_ARCH, COL_COND, COL_MASK, COL_HOOK, COL_DIRECT, COL_UNANALYZED,
	COL_EXPOSED, NR_COLS };

static const char *const headers[NR_COLS] = {
	"arch", "condition", "mask", "sync hook", "direct", "unanalyzed",
	"exposed",
};

static void print_variants(FILE *out, const struct finding_list *findings,
			   const struct arch_model *model)
{
	char *row[NR_COLS];
	struct variant_counts c;
	struct report_table t;
	size_t i;

	report_table_init(&t, headers, NR_COLS, 1u << COL_DIRECT |
			  1u << COL_UNANALYZED | 1u << COL_EXPOSED);
	for (i = 0; i < model->nr_variants; i++) {
		const struct arch_variant *v = &model->variants[i];

		report_count_variant(findings, i, &c);
		row[COL_ARCH] = xstrdup(v->arch);
		row[COL_COND] = report_variant_condition(v);
		row[COL_MASK] = report_variant_mask(v);
		row[COL_HOOK] = report_variant_hooks(v);
		row[COL_DIRECT] = xasprintf("%zu", c.direct);
		row[COL_UNANALYZED] = xasprintf("%zu", c.unanalyzed);
		row[COL_EXPOSED] = xasprintf("%zu", c.exposed);
		report_table_add(&t, row);
	}
	report_table_print(out, &t);
	report_table_free(&t);
}

/*
 * ptsync: 26 findings (3 errors, 20 warnings, 3 notes; 2 unanalyzed) in
 * 30 files of 62000 scanned; 2 approved helpers[; 1 problem][; interrupted]
 */
static void print_summary(FILE *out, const struct finding_list *findings,
			  const struct check_summary *s)
{
	struct finding_counts c;
	size_t errors, warnings, notes;

	report_count_findings(findings, &c);
	errors = c.by_severity[SEV_ERROR];
	warnings = c.by_severity[SEV_WARNING];
	notes = c.by_severity[SEV_NOTE];
	fprintf(out, "ptsync: %zu finding%s (%zu error%s, %zu warning%s, %zu note%s; %zu unanalyzed) in %zu file%s of %zu scanned; %zu approved helper%s",
		c.findings, report_plural(c.findings),
		errors, report_plural(errors),
		warnings, report_plural(warnings),
		notes, report_plural(notes), c.unanalyzed,
		c.files, report_plural(c.files), s->files_scanned,
		s->nr_helpers, report_plural(s->nr_helpers));
	if (s->nr_problems)
		fprintf(out, "; %zu problem%s", s->nr_problems,
			report_plural(s->nr_problems));
	if (s->interrupted)
		fputs("; interrupted", out);
	fputc('\n', out);
}

int report_text(FILE *out, const struct finding_list *findings,
		const struct arch_model *model,
		const struct check_summary *summary)
{
	static const struct check_summary none;
	size_t i;

	if (!summary)
		summary = &none;
	for (i = 0; i < findings->nr; i++)
		report_gcc_line(out, &findings->items[i]);
	if (findings->nr)
		fputc('\n', out);
	print_variants(out, findings, model);
	print_summary(out, findings, summary);
	return report_finish(out);
}
