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
#include "analyse/finding.h"
#include "pipeline/pipeline.h"
#include "review/review.h"
#include "scan/scan.h"

#define PTSYNC_JSON_SCHEMA_VERSION 1

/* file:line:col: severity: message [rule], col 1-based. */
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
/* The rule's message alone, as the semantic patch prints it. */
char *finding_rule_message(const struct finding *f);
/*
 * The finding as make coccicheck MODE=report prints it:
 * "file:line:col-col: WARNING: message", the columns 0-based with an
 * exclusive end.
 */
char *finding_cocci_line(const struct finding *f);

/* "ptsync review": the review formats, in review_*.c. */
int review_email(FILE *out, const struct review *r, bool markdown);
int review_sarif(FILE *out, const struct review *r);
int review_rdjsonl(FILE *out, const struct review *r);
int review_github(FILE *out, const struct review *r);
int review_json(FILE *out, const struct review *r);
int review_b4(FILE *out, const struct review *r);

#endif
