// SPDX-License-Identifier: GPL-2.0-only
/* FNV-1a: small, stable across platforms, and good enough for ids. */
#include "lib/hash.h"

uint64_t hash_str(uint64_t h, const char *s)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}
