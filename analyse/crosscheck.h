/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The cross-check: every lexical site ends up as exactly one of a semantic
 * finding, a call inside an approved helper, or an unanalyzed finding with
 * its reason.  Coccinelle skips what it cannot parse without a word; this
 * is where ptsync refuses to.
 */
#ifndef PTSYNC_CROSSCHECK_H
#define PTSYNC_CROSSCHECK_H

#include "analyse/spatch.h"
#include "analyse/finding.h"
#include "scan/scan.h"

struct crosscheck_counts {
	size_t direct;		/* sites matched by a semantic finding */
	size_t unanalyzed;	/* sites spatch did not report */
	size_t in_helper;	/* sites inside the approved helpers */
	size_t semantic_only;	/* semantic findings with no lexical site */
};

/* Files worth analysing: those with a site outside the helpers. */
size_t crosscheck_candidates(const struct scan_result *scan, char ***files);

/*
 * Merge into out (unclassified findings, sorted by file, line, column).
 * analysis may be NULL when spatch could not run at all; why then says so.
 */
void crosscheck(const struct scan_result *scan, const struct analysis *an,
		const char *why, struct finding_list *out,
		struct crosscheck_counts *counts);

#endif
