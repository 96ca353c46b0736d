// SPDX-License-Identifier: GPL-2.0-only
/*
 * b4's per-patch check (b4.am-perpatch-check-cmd,
 * b4.prep-perpatch-check-cmd, b4 0.14 and later): b4 pipes one patch
 * mail in and reads each output line as one item, a failure when it
 * holds "ERROR:", else a warning; no output means the patch is clean.
 * So only what the patch adds is printed, one finding a line, and old
 * findings, which are not the patch's doing, stay silent.
 */
#include <stdlib.h>

#include "report/internal.h"
#include "review/review.h"

int review_b4(FILE *out, const struct review *r)
{
	const struct finding *f;
	char *msg;
	size_t i;

	for (i = 0; i < r->nr_items; i++) {
		if (!r->items[i].is_new)
			continue;
		f = r->items[i].f;
		msg = finding_message(f);
		fprintf(out, "%s: %s:%d:%d-%d: %s [%s]\n",
			f->severity == SEV_ERROR ? "ERROR" : "WARNING",
			f->file, f->line, f->column,
			f->column_end > f->column ? f->column_end : f->column + 1,
			msg, f->rule);
		free(msg);
	}
	return report_finish(out);
}
