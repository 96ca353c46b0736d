// SPDX-License-Identifier: GPL-2.0-only
/*
 * The tree's vocabulary (scan/vocab.h), stored as ids-HASH.vocab beside
 * the identifier index of scan/idcache.c: a header, then the filter's
 * words.  The header holds a checksum of the words: a filter with a bit
 * cleared by damage would say "no file names it" wrongly, so a file that
 * does not check out is no vocabulary at all.
 *
 * Three probes into at least four bits per identifier of the index (most
 * identifiers are in many files, so there are several bits per distinct
 * one): on 6.12, 4.6 million distinct hashes in 8 MiB, about one false
 * "maybe" in 150.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/util.h"
#include "scan/internal.h"
#include "scan/vocab.h"

#define VOCAB_MAGIC "ptsync-vocab 1\n\n"
#define PROBES 3
#define MIN_BITS 4096

struct vocab_head {
	char magic[16];
	struct hash128 fingerprint;
	uint64_t nr_words;
	struct hash128 checksum;	/* of the words */
};

static char *vocab_path(const char *root)
{
	char *ids = id_index_path(root), *path;

	path = ids ? xasprintf("%s.vocab", ids) : NULL;
	free(ids);
	return path;
}

/*
 * Probe k of id: h1 + k * h2, the usual double hashing, from a 64-bit
 * mix of the hash (the probes need more bits than it has).
 */
static uint64_t probe(uint32_t id, int k, uint64_t mask)
{
	uint64_t h = hash_mix64(id), h2 = (h >> 32 | h << 32) | 1;

	return (h + (uint64_t)k * h2) & mask;
}

bool id_vocab_may_have(const struct id_vocab *v, uint32_t id)
{
	uint64_t b;
	int k;

	for (k = 0; k < PROBES; k++) {
		b = probe(id, k, v->mask);
		if (!(v->bits[b / 64] & (1ULL << (b % 64))))
			return false;
	}
	return true;
}

static bool read_head(int fd, struct vocab_head *h)
{
	return pread(fd, h, sizeof(*h), 0) == (ssize_t)sizeof(*h) &&
	       !memcmp(h->magic, VOCAB_MAGIC, sizeof(h->magic)) &&
	       h->nr_words && !(h->nr_words & (h->nr_words - 1));
}

bool id_vocab_stored(const char *root, struct hash128 *fingerprint)
{
	char *path = vocab_path(root);
	int fd = path ? open(path, O_RDONLY | O_CLOEXEC) : -1;
	struct vocab_head h;
	bool ok = fd >= 0 && read_head(fd, &h);

	if (ok)
		*fingerprint = h.fingerprint;
	if (fd >= 0)
		close(fd);
	free(path);
	return ok;
}

bool id_vocab_load(const char *root, struct id_vocab *v)
{
	char *path = vocab_path(root);
	size_t len = 0;
	struct vocab_head h;

	memset(v, 0, sizeof(*v));
	v->blob = path ? read_file(path, &len) : NULL;
	free(path);
	if (!v->blob || len < sizeof(h))
		goto bad;
	memcpy(&h, v->blob, sizeof(h));
	if (memcmp(h.magic, VOCAB_MAGIC, sizeof(h.magic)) || !h.nr_words ||
	    (h.nr_words & (h.nr_words - 1)) ||
	    h.nr_words != (len - sizeof(h)) / sizeof(uint64_t) ||
	    (len - sizeof(h)) % sizeof(uint64_t))
		goto bad;
	/* read_file()'s buffer is malloc'd and the header 8-byte sized */
	v->bits = (uint64_t *)(v->blob + sizeof(h));
	if (!hash128_equal(hash_bytes((struct hash128){ 0, 0 }, v->bits,
				      len - sizeof(h)), h.checksum))
		goto bad;
	v->mask = h.nr_words * 64 - 1;
	v->fingerprint = h.fingerprint;
	return true;
bad:
	id_vocab_free(v);
	return false;
}

/* Enough words for four bits per identifier of the index, a power of two. */
static uint64_t words_for(const struct id_index *ix)
{
	uint64_t total = 0, bits = MIN_BITS;
	size_t i;

	for (i = 0; i < ix->nr_files; i++)
		total += ix->nr_ids[i];
	while (bits < 4 * total)
		bits *= 2;
	return bits / 64;
}

/*
 * The filter's 8 MiB are far bigger than a core's caches, and each of
 * the index's 15 million identifiers sets three random bits: fetching an
 * identifier's words a few identifiers ahead lets those misses overlap.
 * On 6.12, id_vocab_save() alone: 0.14-0.25 s down to 0.06-0.12 s.
 */
#define LOOKAHEAD 8

static void fetch_probes(const uint64_t *words, uint64_t mask, uint32_t id)
{
	int k;

	for (k = 0; k < PROBES; k++)
		__builtin_prefetch(&words[probe(id, k, mask) / 64], 1);
}

static void set_probes(uint64_t *words, uint64_t mask, uint32_t id)
{
	uint64_t b;
	int k;

	for (k = 0; k < PROBES; k++) {
		b = probe(id, k, mask);
		words[b / 64] |= 1ULL << (b % 64);
	}
}

/* Write to a new file and rename it: readers never see half of one. */
static bool write_vocab(const char *path, const struct vocab_head *h,
			const uint64_t *words)
{
	char *tmp = xasprintf("%s.%d.tmp", path, (int)getpid());
	FILE *f = fopen(tmp, "wb");
	bool ok = f && fwrite(h, sizeof(*h), 1, f) == 1 &&
		  fwrite(words, sizeof(*words), h->nr_words, f) == h->nr_words;

	if (f && fclose(f))
		ok = false;
	if (f && (!ok || rename(tmp, path)))
		unlink(tmp);
	free(tmp);
	return ok;
}

bool id_vocab_save(const char *root, struct hash128 fingerprint,
		   const struct id_index *ix)
{
	struct vocab_head h = { .fingerprint = fingerprint };
	char *path = vocab_path(root);
	uint64_t *words, mask;
	size_t i, j;
	bool ok;

	if (!path)
		return false;
	memcpy(h.magic, VOCAB_MAGIC, sizeof(h.magic));
	h.nr_words = words_for(ix);
	words = xcalloc(h.nr_words, sizeof(*words));
	mask = h.nr_words * 64 - 1;
	for (i = 0; i < ix->nr_files; i++)
		for (j = 0; j < ix->nr_ids[i]; j++) {
			if (j + LOOKAHEAD < ix->nr_ids[i])
				fetch_probes(words, mask, ix->ids[i][j + LOOKAHEAD]);
			set_probes(words, mask, ix->ids[i][j]);
		}
	h.checksum = hash_bytes((struct hash128){ 0, 0 }, words,
				h.nr_words * sizeof(*words));
	ok = write_vocab(path, &h, words);
	free(words);
	free(path);
	return ok;
}

void id_vocab_free(struct id_vocab *v)
{
	free(v->blob);
	memset(v, 0, sizeof(*v));
}
