// SPDX-License-Identifier: GPL-2.0-only
/*
 * The gcc format, one line per finding in list order:
 *
 *   FILE:LINE:COL: SEVERITY: MESSAGE [ptsync-RULE]
 *
 * FILE is relative to the tree root, LINE and COL are 1-based (COL counts
 * bytes, as gcc does), SEVERITY is "error", "warning" or "note", and RULE
 * is "raw-populate", "raw-populate-manual" or "unanalyzed".  MESSAGE never
 * holds a line break.  Editors and CI log parsers read this format, and
 * people grep it: it does not change.
 */
#include <stdlib.h>

#include "analyse/finding.h"
#include "report/internal.h"

void report_gcc_line(FILE *out, const struct finding *f)
{
	char *msg = finding_message(f);

	fprintf(out, "%s:%d:%d: %s: %s [ptsync-%s]\n", f->file, f->line,
		f->column + 1, severity_name(f->severity), msg, f->rule);
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
