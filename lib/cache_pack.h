/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Packs: many small entries of one kind of fact, each keyed by a hash of
 * what it depends on (a file's bytes), kept in a few cache objects
 * instead of one object each.  A cold check computes the facts of
 * thousands of files, and creating thousands of files cost more than
 * computing the facts did.
 *
 * The entries are spread over a fixed number of shards by key; a shard
 * is an ordinary object of lib/cache.h, so the store's contract holds:
 * a shard is written whole (tmp + rename), a corrupt one is a miss, and
 * the store's bound may evict one like any other object.  An entry is
 * never stale (its key names its inputs), only unused; a shard keeps the
 * entries used last and is capped in size.  Two runs writing the same
 * shard at once each keep what they found there, so the loser's new
 * entries are at worst computed again.  An entry put and not flushed by
 * its user is written at the end of the run (cache_finish()).
 *
 * Thread safe: lookups and stores may come from several threads.
 */
#ifndef PTSYNC_CACHE_PACK_H
#define PTSYNC_CACHE_PACK_H

#include <stddef.h>

#include "lib/cache.h"
#include "lib/hash.h"

/*
 * Shards per pack, and the bytes of entries a shard keeps at most.  A
 * cold check of 6.12 fills 16 shards to 20 KB on average, 400 KB at
 * most; each shard is a file to create, which ext4 makes dear right
 * after a cache was emptied (64 per kind cost a cold check 0.1 s).
 */
#define CACHE_PACK_SHARDS	16
#define CACHE_PACK_SHARD_MAX	(1u << 20)

struct cache_pack;

struct cache_pack *cache_pack_new(enum cache_kind kind, unsigned int version);
/* The cache key of a shard's object (the shard count is part of it). */
void cache_pack_shard_key(enum cache_kind kind, unsigned int version,
			  unsigned int shard, struct cache_key *k);
/*
 * The entry stored under key (*len bytes, valid until the next flush),
 * or NULL for a miss.  Its shard is read at the first lookup.
 */
const char *cache_pack_get(struct cache_pack *p, struct hash128 key,
			   size_t *len);
/* The shard of key: who stores many entries may store them by shard. */
unsigned int cache_pack_shard(struct hash128 key);
/*
 * Remember a copy of an entry, in place of what key held; it reaches the
 * store at the next flush.
 */
void cache_pack_put(struct cache_pack *p, struct hash128 key,
		    const void *data, size_t len);
/*
 * Write the shards that gained entries, and let go of every shard read
 * (a later lookup reads it again): a cold check's new entries are tens
 * of MiB.  0, or -1 if a shard could not be written.
 */
int cache_pack_flush(struct cache_pack *p);
/* Flush every pack not freed: cache_finish() does, at the end of a run. */
void cache_pack_flush_all(void);
void cache_pack_free(struct cache_pack *p);

#endif
