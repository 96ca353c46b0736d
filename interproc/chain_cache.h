/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The call chains of a check, kept between runs (interproc/chain_cache.c):
 * walking them reads the call facts of some 4,000 files of a kernel tree,
 * which a warm check cannot afford, and they change only when one of the
 * files they read, or the files naming one of the functions they asked
 * for, changes.
 */
#ifndef PTSYNC_INTERPROC_CHAIN_CACHE_H
#define PTSYNC_INTERPROC_CHAIN_CACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "analyse/finding.h"
#include "interproc/chains.h"
#include "lib/cache.h"

/*
 * The key of the chains of findings[i] with wanted[i] in the tree at
 * root: their sites and what exposed() says of them on each arch of the
 * tree.  false when root was not scanned whole by this run or the cache
 * is off: nothing is stored or replayed then.
 */
bool chain_cache_key(const char *root, const struct finding_list *findings,
		     const bool *wanted,
		     bool (*exposed)(const struct finding *f, const char *arch,
				     void *data),
		     void *data, struct cache_key *k);

/*
 * Set the chains of the wanted findings from the record under k, if
 * every file it was walked through still has the bytes it had and every
 * name it asked for is named by the same files; else false, with the
 * findings untouched.
 */
bool chain_cache_replay(const char *root, const struct cache_key *k,
			struct finding_list *findings, const bool *wanted);

/*
 * Store the chains of the wanted findings, walked through files[] (their
 * call facts) and names[] (which files name them).
 */
void chain_cache_store(const char *root, const struct cache_key *k,
		       const struct finding_list *findings, const bool *wanted,
		       char *const *files, size_t nr_files,
		       char *const *names, size_t nr_names);

#endif
