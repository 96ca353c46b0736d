/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The whole check as one call: scan, analyse with spatch, cross-check,
 * model the arches, classify.  "ptsync check" runs it on a tree; "ptsync
 * review" on the touched files of a patch, before and after.
 */
#ifndef PTSYNC_PIPELINE_H
#define PTSYNC_PIPELINE_H

#include <stdbool.h>

#include "analyse/crosscheck.h"
#include "analyse/spatch.h"
#include "arches/arches.h"
#include "classify/finding.h"
#include "report/report.h"
#include "scan/scan.h"

struct pipeline_opts {
	const char *root;	/* where the files to check are */
	const char *model_root;	/* the kernel tree for arch/; NULL: root */
	char *const *paths;	/* only these, relative to root; or all */
	int nr_paths;
	int jobs;
	int timeout;		/* spatch seconds per file */
	bool progress;		/* on stderr */
};

struct pipeline {
	struct scan_result scan;
	struct arch_model model;
	struct finding_list findings;	/* sorted, classified */
	struct crosscheck_counts counts;
	size_t candidates;
	char *tool_error;	/* spatch or the semantic patch missing */
};

/*
 * How every subcommand runs spatch: $SPATCH or "spatch", Debian's python3,
 * the semantic patch found by find_cocci() (NULL in cfg->cocci when it is
 * missing; the caller frees it), Ctrl-C stops it.  mode NULL is json.
 */
void spatch_config_init(struct spatch_config *cfg, const char *root,
			int jobs, int timeout, const char *mode);

/* 0, or -1 with errno when root cannot be read at all. */
int pipeline_run(const struct pipeline_opts *o, struct pipeline *p);

/* Print the scan's problems on stderr; true when a file went unread. */
bool pipeline_report_problems(const struct pipeline *p, const char *cmd);

void pipeline_summary(const struct pipeline *p, const char *root,
		      bool interrupted, struct check_summary *s);

void pipeline_free(struct pipeline *p);

#endif
