/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A tree's vocabulary: a Bloom filter of the identifier hashes of all its
 * files (scan/idindex.c), a few MiB stored beside the identifier index
 * with the fingerprint of the tree it was built from.  It answers "does
 * any file name X?" with a sure "no" for a name the tree never had, such
 * as the new function of a patch under review, without loading the
 * ~200 MiB index.  A "maybe" (the name is there, or a false positive)
 * only sends the question on to the index: it costs time, never a wrong
 * answer.  scan/name_index.c keeps it up to date as it does its answers.
 */
#ifndef PTSYNC_SCAN_VOCAB_H
#define PTSYNC_SCAN_VOCAB_H

#include <stdbool.h>
#include <stdint.h>

#include "lib/hash.h"
#include "scan/calls.h"

struct id_vocab {
	uint64_t *bits;
	uint64_t mask;			/* the number of bits less one */
	struct hash128 fingerprint;	/* of the tree it was built from */
	char *blob;			/* the file as read; bits point in */
};

/* The fingerprint of root's stored vocabulary; false when there is none. */
bool id_vocab_stored(const char *root, struct hash128 *fingerprint);
/* Root's stored vocabulary; false when there is none or it is corrupt. */
bool id_vocab_load(const char *root, struct id_vocab *v);
/* false: no file of the vocabulary's tree has an identifier hashing to id. */
bool id_vocab_may_have(const struct id_vocab *v, uint32_t id);
/* Store the vocabulary of ix, the whole index of root at fingerprint. */
bool id_vocab_save(const char *root, struct hash128 fingerprint,
		   const struct id_index *ix);
void id_vocab_free(struct id_vocab *v);

#endif
