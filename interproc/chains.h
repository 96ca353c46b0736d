/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Call chains of each finding up to its roots, tree-wide, and whether a
 * caller syncs on the way (see chains.c).
 */
#ifndef PTSYNC_INTERPROC_CHAINS_H
#define PTSYNC_INTERPROC_CHAINS_H

#include <stdbool.h>
#include <stddef.h>

#include "analyse/finding.h"
#include "scan/scan.h"

#define CHAIN_MAX_DEPTH	10	/* functions on one chain */
#define CHAIN_MAX	64	/* chains of one finding */

struct chain_ctx;

/* Whether f misses a sync on arch ("x86"; NULL: generic code). */
typedef bool chain_exposed_fn(const struct finding *f, const char *arch,
			      void *data);

/*
 * The tree at root; in review, the files overlay_paths come from the
 * patched copies under overlay.  Which files name a function comes from
 * the name index (scan/name_index.h), which starts loading the tree's
 * identifier index here when stored answers will not do: spatch runs
 * meanwhile.
 */
struct chain_ctx *chain_ctx_new(const char *root, const char *overlay,
				char *const *overlay_paths, size_t nr_overlay);
void chain_ctx_free(struct chain_ctx *c);

/*
 * Fill the chains of each finding i with wanted[i] that populates the
 * kernel's table; 0, or -1 with errno when the tree could not be indexed.
 */
int chains_compute(struct chain_ctx *c, struct finding_list *findings,
		   const bool *wanted, chain_exposed_fn *exposed, void *data);

#endif
