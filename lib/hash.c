// SPDX-License-Identifier: GPL-2.0-only
/*
 * FNV-1a for short ids; for content, two 64-bit lanes fed eight bytes at
 * a time with a multiply and a rotate each (the murmur3 mix), finished
 * with murmur3's avalanche.  Lanes see every word with different keys, so
 * the halves do not collide together by accident.
 */
#include <stdio.h>
#include <string.h>

#include "lib/hash.h"

#define K1 0x87c37b91114253d5ULL
#define K2 0x4cf5ad432745937fULL

uint64_t hash_str(uint64_t h, const char *s)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}

static uint64_t rotl(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

struct hash128 hash_bytes(struct hash128 seed, const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t a = seed.lo ^ 0x9e3779b97f4a7c15ULL, b = seed.hi ^ len;
	uint64_t w, tail[2] = { 0, 0 };
	struct hash128 h;
	size_t i;

	for (i = 0; i + 16 <= len; i += 16) {
		memcpy(&w, p + i, 8);
		a ^= rotl(w * K1, 31) * K2;
		a = rotl(a, 27) * 5 + 0x52dce729;
		memcpy(&w, p + i + 8, 8);
		b ^= rotl(w * K2, 33) * K1;
		b = rotl(b, 31) * 5 + 0x38495ab5;
	}
	memcpy(tail, p + i, len - i);
	a ^= rotl(tail[0] * K1, 31) * K2;
	b ^= rotl(tail[1] * K2, 33) * K1;
	a += b;
	b += a;
	a = hash_mix64(a);
	b = hash_mix64(b);
	h.lo = a + b;
	h.hi = b + h.lo;
	return h;
}

struct hash128 hash_text(struct hash128 seed, const char *s)
{
	return hash_bytes(seed, s, strlen(s) + 1);
}

void hash_hex(struct hash128 h, char out[33])
{
	snprintf(out, 33, "%016llx%016llx", (unsigned long long)h.hi,
		 (unsigned long long)h.lo);
}
