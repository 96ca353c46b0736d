/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Stable hashes: the same input gives the same value on every machine and
 * run, which ids, fingerprints and cache keys need.  Not for anything an
 * attacker may want to collide.
 */
#ifndef PTSYNC_HASH_H
#define PTSYNC_HASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HASH_INIT 0xcbf29ce484222325ULL

/* h extended by the bytes of s; start with HASH_INIT (FNV-1a). */
uint64_t hash_str(uint64_t h, const char *s);

/*
 * 128 bits of a byte string, eight bytes at a time: fast enough to hash
 * every file of a kernel tree while it is scanned, and wide enough that a
 * cache keyed by it does not mistake one file's content for another's.
 */
struct hash128 {
	uint64_t lo, hi;
};

static inline bool hash128_equal(struct hash128 a, struct hash128 b)
{
	return a.lo == b.lo && a.hi == b.hi;
}

/* MurmurHash3's final mix: every bit of k moves every bit of the result. */
static inline uint64_t hash_mix64(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	k *= 0xc4ceb9fe1a85ec53ULL;
	k ^= k >> 33;
	return k;
}

/* The hash of len bytes at data, continuing from seed (zero to start). */
struct hash128 hash_bytes(struct hash128 seed, const void *data, size_t len);

/* The same over a NUL-terminated string, its terminator included. */
struct hash128 hash_text(struct hash128 seed, const char *s);

/* 32 lowercase hex digits and a NUL into out. */
void hash_hex(struct hash128 h, char out[33]);

#endif
