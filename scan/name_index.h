/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Which files of a tree name an identifier: the one question the call
 * chains (interproc/chains.c) and the cross-function proofs
 * (interproc/prove.c, interproc/stage.c) ask by name, answered in one
 * place (scan/name_index.c) from, cheapest first:
 *
 *   - this run's answers, kept in memory;
 *   - the answer stored in the cache for this tree and name, with the
 *     fingerprint of the tree it was true of: the same fingerprint, it
 *     stands; another one, only the files changed since are read;
 *   - the tree-wide identifier index (scan/idindex.c, kept between runs
 *     by scan/idcache.c), loaded or built only when a name was never
 *     asked before (or the tree was not scanned whole by this run).
 *
 * A file names NAME when NAME is one of its identifiers outside
 * comments and literals, by a 32-bit hash: a superset, which the callers
 * narrow by lexing the files found.
 */
#ifndef PTSYNC_SCAN_NAME_INDEX_H
#define PTSYNC_SCAN_NAME_INDEX_H

#include <stddef.h>

/*
 * The files of root naming name, relative to root, sorted, in *files
 * (the caller frees each and the vector); their number.  0 also when
 * the tree cannot be indexed (name_files_prefetch() says so).
 */
size_t name_files(const char *root, const char *name, char ***files);

/*
 * Answer names[0..nr) now, in one pass over the index for those that
 * need it, so that name_files() finds them in memory; 0, or -1 with
 * errno when root could not be indexed.
 */
int name_files_prefetch(const char *root, char *const *names, size_t nr);

/*
 * Start loading root's index in a thread when this run will likely need
 * it: the tree was not scanned whole, or so much of it was read again
 * that stored answers cannot be brought up to date.
 */
void name_files_preload(const char *root);
/*
 * Wait for that thread: it writes the index and the vocabulary to the
 * cache, and a process that exits under it leaves a temporary file.
 */
void name_files_settle(const char *root);

#endif
