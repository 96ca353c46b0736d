/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The cache of per-file facts, shared by every run on the machine: in
 * $PTSYNC_CACHE_DIR, else $XDG_CACHE_HOME/ptsync, else ~/.cache/ptsync.
 *
 * Each object is one file named by its key; its key is a hash of what
 * the facts depend on (a file's bytes, the semantic patch, this ptsync
 * binary), so an entry is never stale, only unused.  A writer writes a
 * temporary file and renames it into place: concurrent runs see either
 * no object or a whole one.  A reader checks the object's header, key,
 * length and checksum, and treats any mismatch as a miss (and removes the
 * object), never as an error.  The store is bounded: after a run that
 * wrote, the objects used least recently go until it fits.
 *
 * Record types carry their own version: a user of the cache that changes
 * what it stores bumps its version, and old objects become misses.
 */
#ifndef PTSYNC_CACHE_H
#define PTSYNC_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/hash.h"

/* Record types; a new kind of fact takes the next number. */
enum cache_kind {
	CACHE_SCAN_INDEX = 1,	/* scan/: stat index and per-file scan facts */
	CACHE_SPATCH = 2,	/* analyse/: spatch's json lines of one file */
	CACHE_ARCH_MODEL = 3,	/* arches/: the model, keyed by what it read */
	CACHE_NAME_USES = 4,	/* interproc/: a name's mentions in one file */
	CACHE_NAME_FILES = 5,	/* interproc/: the files of a tree naming it */
	CACHE_TREE_LISTING = 6,	/* interproc/: a tree's paths and hashes */
	CACHE_CALL_FACTS = 7,	/* scan/calls: one file's functions and calls */
	CACHE_CHAINS = 8,	/* interproc/: a check's call chains */
};

/* Default bound of the store, overridden by $PTSYNC_CACHE_MAX (MiB). */
#define CACHE_DEFAULT_MAX_MIB 256

/*
 * Where the cache is: dir when not NULL (--cache-dir), else from the
 * environment as above; disabled (--no-cache, or no home at all): every
 * lookup misses and nothing is written.
 */
void cache_configure(const char *dir, bool disabled);
bool cache_enabled(void);
const char *cache_dir(void);	/* NULL when disabled */

struct cache_key {
	enum cache_kind kind;
	unsigned int version;
	struct hash128 h;
};

/*
 * A key of kind at version; it already holds this binary's identity, so
 * a rebuilt ptsync never reads facts an older build computed.
 */
void cache_key_init(struct cache_key *k, enum cache_kind kind,
		    unsigned int version);
void cache_key_add(struct cache_key *k, const void *data, size_t len);
void cache_key_add_str(struct cache_key *k, const char *s);	/* NULL ok */
void cache_key_add_u64(struct cache_key *k, uint64_t v);

/* The object's payload (malloc'd, *len bytes), or NULL for a miss. */
char *cache_get(const struct cache_key *k, size_t *len);
/*
 * Whether an object is stored (not checked: cache_get() checks), marked
 * used; for large objects that need writing only once.
 */
bool cache_has(const struct cache_key *k);
/* Store; 0, or -1 when it could not be written (never fatal). */
int cache_put(const struct cache_key *k, const void *data, size_t len);

/* Counters for "PTSYNC_CACHE_STATS=1" and the tests. */
enum cache_stat {
	CS_FILES_READ,		/* tree files opened and read by the scan */
	CS_FILES_CHANGED,	/* of those, with bytes the stat index lacked */
	CS_STAT_HITS,		/* files whose scan facts came from the index */
	CS_RACY,		/* index entries too new to trust: re-read */
	CS_HITS,		/* objects found */
	CS_MISSES,		/* objects not there */
	CS_CORRUPT,		/* objects found but unreadable: misses too */
	CS_WRITES,
	CS_EVICTED,
	CS_SPATCH_FILES,	/* files handed to spatch */
	CS_INDEX_LOADS,		/* tree-wide identifier index loaded or built */
	CS_NAMES_INDEXED,	/* names answered from that index */
	CS_NAMES_UPDATED,	/* stored answers brought up to date */
	CS_CHAINS_REPLAYED,	/* call chains taken whole from the cache */
	CS_NAMES_ABSENT,	/* names no file has, by the tree's vocabulary */
	CS_INDEX_READS,		/* files read again for the index, after the scan */
	CS_NR
};

void cache_count(enum cache_stat s, size_t n);
size_t cache_counter(enum cache_stat s);
const char *cache_counter_name(enum cache_stat s);	/* "files read" */

/*
 * End of run: trim the store if this run wrote to it, and print the
 * counters on stderr when $PTSYNC_CACHE_STATS is set.
 */
void cache_finish(void);

/* Internal to lib/: whether this run stored an object, and how much. */
bool cache_wrote(void);
unsigned long long cache_bytes_written(void);

#endif
