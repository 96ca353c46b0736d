// SPDX-License-Identifier: GPL-2.0-only
/*
 * The gcc format, one line per finding in list order:
 *
 *   FILE:LINE:COL: SEVERITY: MESSAGE [RULE]
 *
 * FILE is relative to the tree root, LINE and COL are 1-based (COL counts
 * bytes, as gcc does), SEVERITY is "error", "warning" or "note", and RULE
 * is "raw-populate", "raw-populate-manual" or "unanalyzed".  MESSAGE never
 * holds a line break.  Editors and CI log parsers read this format, and
 * people grep it: it does not change.  An address proved from the callers
 * is followed by one gcc-style note per call site the proof needed:
 *
 *   FILE:LINE:1: note: address proved by the callers: TEXT [RULE]
 */
#include <stdlib.h>

#include "analyse/finding.h"
#include "report/internal.h"

void report_gcc_line(FILE *out, const struct finding *f)
{
	char *msg = finding_message(f);

	size_t i;

	fprintf(out, "%s:%d:%d: %s: %s [%s]\n", f->file, f->line,
		f->column + 1, severity_name(f->severity), msg, f->rule);
	for (i = 0; i < f->nr_proof; i++)
		fprintf(out, "%s:%d:1: note: address proved by the callers: %s [%s]\n",
			f->proof[i].file, f->proof[i].line, f->proof[i].text,
			f->rule);
	free(msg);
}

int report_gcc(FILE *out, const struct finding_list *findings)
{
	size_t i;

	/* a failed write sticks to out: report_finish() sees it */
	for (i = 0; i < findings->nr; i++)
		report_gcc_line(out, &findings->items[i]);
	return report_finish(out);
}
