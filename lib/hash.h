/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A stable 64-bit hash of text (FNV-1a): the same input gives the same
 * value on every machine and run, which ids and fingerprints need.  Not
 * for anything an attacker may want to collide.
 */
#ifndef PTSYNC_HASH_H
#define PTSYNC_HASH_H

#include <stdint.h>

#define HASH_INIT 0xcbf29ce484222325ULL

/* h extended by the bytes of s; start with HASH_INIT. */
uint64_t hash_str(uint64_t h, const char *s);

#endif
