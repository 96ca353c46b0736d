/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Output formats of "ptsync check" and "ptsync arches".  Each renderer
 * writes to a FILE and returns 0, or -1 when writing failed.
 */
#ifndef PTSYNC_REPORT_H
#define PTSYNC_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "arches/arches.h"
#include "classify/finding.h"
#include "scan/scan.h"

#define PTSYNC_JSON_SCHEMA_VERSION 1

/* Everything about a run that is not a finding. */
struct check_summary {
	const char *root;		/* the tree, as given */
	size_t files_scanned;
	size_t candidates;		/* files handed to spatch */
	size_t sites;			/* lexical sites, helpers included */
	size_t in_helper;		/* sites inside the approved helpers */
	const struct scan_helper *helpers;
	size_t nr_helpers;
	const struct scan_problem *problems;	/* files not (fully) read */
	size_t nr_problems;
	size_t direct;			/* findings analysed by spatch */
	size_t unanalyzed;		/* findings spatch did not see */
	size_t by_severity[3];		/* indexed by enum severity */
	bool interrupted;		/* Ctrl-C: some files not analysed */
};

/* file:line:col: severity: message [ptsync-rule], col 1-based. */
int report_gcc(FILE *out, const struct finding_list *findings);

/* The gcc lines, a table per arch variant, one summary line. */
int report_text(FILE *out, const struct finding_list *findings,
		const struct arch_model *model,
		const struct check_summary *summary);

/* The versioned JSON document (report/schema.json describes it). */
int report_json(FILE *out, const struct finding_list *findings,
		const struct arch_model *model,
		const struct check_summary *summary);

/* "ptsync arches": the model alone. */
int report_arches_text(FILE *out, const struct arch_model *model);
int report_arches_json(FILE *out, const struct arch_model *model);

/* The one-line message of a finding, shared by every format. */
char *finding_message(const struct finding *f);

#endif
