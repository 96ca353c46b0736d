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
#include "analyse/finding.h"
#include "scan/scan.h"

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

/*
 * An arch model that several pipelines of one run share, built the first
 * time a finding needs it (review: the copies before and after a patch
 * need it once, and a patch that brings no finding never).
 */
struct shared_model {
	struct arch_model model;
	bool built;
};

void shared_model_need(struct shared_model *s, const char *root);

struct pipeline_opts {
	const char *root;	/* where the files to check are */
	const char *model_root;	/* the kernel tree for arch/; NULL: root */
	char *const *paths;	/* only these, relative to root; or all */
	int nr_paths;
	int jobs;
	int timeout;		/* spatch seconds per file */
	bool progress;		/* on stderr */
	/*
	 * Scan through the stat index (lib/cache.h): for a tree that is
	 * checked again, not for a temporary copy that will never be.
	 */
	bool indexed;
	/* spatch also rewrites (spatch_config's with_patch): review's fixes */
	bool with_patch;
	/*
	 * NULL: the pipeline builds its own model, always, into ->model.
	 * Else this one, only if a finding needs it; ->model stays empty.
	 */
	struct shared_model *shared_model;
	/*
	 * Only the number of findings matters (review's pre-image): it is
	 * the cross-check's, so the cross-function stage, the classification
	 * and the chains, which change findings but never add or drop one,
	 * are skipped.
	 */
	bool count_only;
	/*
	 * Chains walk through these copies (relative paths under the
	 * directory) in place of root's own files: review's whole-tree
	 * check of the kernel with the patched files standing in.
	 */
	const char *chain_overlay;
	char *const *chain_overlay_paths;
	int nr_chain_overlay;
};

struct pipeline {
	struct scan_result scan;
	struct arch_model model;
	struct finding_list findings;	/* sorted, classified */
	struct crosscheck_counts counts;
	size_t candidates;
	char *tool_error;	/* spatch or the semantic patch missing */
	/*
	 * spatch is there but cannot run the semantic patch at all (Python,
	 * OCaml, version): tool_error says what to install, and the calls
	 * are not worth listing one by one.
	 */
	bool setup_error;
	/*
	 * Whether the kernel tree beside the copies defines the _kernel
	 * helpers, when this run scanned it whole (review, with a cache):
	 * its fixes need to know, and need no second scan of include/.
	 */
	bool helpers_known, has_helpers;
};

/* 0, or -1 with errno when root cannot be read at all. */
int pipeline_run(const struct pipeline_opts *o, struct pipeline *p);

/* Print the scan's problems on stderr; true when a file went unread. */
bool pipeline_report_problems(const struct pipeline *p);

void pipeline_summary(const struct pipeline *p, const char *root,
		      bool interrupted, struct check_summary *s);

void pipeline_free(struct pipeline *p);

#endif
