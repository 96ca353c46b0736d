// SPDX-License-Identifier: GPL-2.0-only
/*
 * The call chains of a check, kept between runs.  A walk depends on the
 * call facts of the files it read, on which files name each function it
 * asked about (scan/name_index.h), and on what exposed() says of each
 * arch; the record holds the hashes of the first two and the key the
 * third, so a record is replayed only when a walk now would give the
 * same chains.  A record that cannot be read is a miss.
 */
#include <stdlib.h>
#include <string.h>

#include "interproc/chain_cache.h"
#include "lib/record.h"
#include "lib/util.h"
#include "scan/name_index.h"
#include "scan/scan.h"

#define CHAIN_CACHE_VERSION 2	/* bump when the walk itself changes */

static void key_str(struct cache_key *k, const char *s)
{
	cache_key_add_str(k, s ? s : "");
}

/* exposed() of f on every arch/ directory of the tree, and generic code. */
static void key_exposure(struct cache_key *k, const struct finding *f,
			 char *const *paths, size_t nr,
			 chain_exposed_fn *exposed, void *data)
{
	const char *prev = NULL, *a, *end;
	size_t i, len = 0;
	char *arch;

	cache_key_add_u64(k, exposed(f, NULL, data));
	for (i = 0; i < nr; i++) {
		if (strncmp(paths[i], "arch/", 5))
			continue;
		a = paths[i] + 5;
		end = strchr(a, '/');
		if (!end || (prev && (size_t)(end - a) == len &&
			     !strncmp(prev, a, len)))
			continue;	/* sorted: one arch's files in a row */
		prev = a;
		len = end - a;
		arch = xstrndup(a, len);
		key_str(k, arch);
		cache_key_add_u64(k, exposed(f, arch, data));
		free(arch);
	}
}

bool chain_cache_key(const char *root, const struct finding_list *findings,
		     const bool *wanted, chain_exposed_fn *exposed,
		     void *data, struct cache_key *k)
{
	char *const *paths;
	const struct hash128 *hashes;
	char *real;
	size_t nr, i;

	if (!cache_enabled() ||
	    !scan_tree_listing(root, &paths, &hashes, &nr))
		return false;
	cache_key_init(k, CACHE_CHAINS, CHAIN_CACHE_VERSION);
	real = realpath(root, NULL);
	key_str(k, real ? real : root);
	free(real);
	for (i = 0; i < findings->nr; i++) {
		const struct finding *f = &findings->items[i];

		cache_key_add_u64(k, wanted[i]);
		if (!wanted[i])
			continue;
		key_str(k, f->file);
		cache_key_add_u64(k, f->line);
		cache_key_add_u64(k, f->column);
		key_str(k, f->function);
		key_str(k, f->section);
		key_str(k, f->call);
		cache_key_add_u64(k, f->level);
		cache_key_add_u64(k, f->synced_locally);
		cache_key_add_u64(k, f->owner != NULL);
		cache_key_add_u64(k, f->unanalyzed);
		cache_key_add_u64(k, f->chains != NULL);
		key_exposure(k, f, paths, nr, exposed, data);
	}
	return true;
}

/* A hash of the files that name the function now. */
static struct hash128 answer_hash(const char *root, const char *name)
{
	struct hash128 h = { 0, 0 };
	char **files;
	size_t nr = name_files(root, name, &files), i;

	for (i = 0; i < nr; i++) {
		h = hash_text(h, files[i]);
		free(files[i]);
	}
	free(files);
	return hash_bytes(h, &nr, sizeof(nr));
}

static void put_hash(struct rec_buf *b, struct hash128 h)
{
	rec_put_u64(b, h.lo);
	rec_put_u64(b, h.hi);
}

static bool same_hash_as(struct rec_reader *r, struct hash128 now)
{
	struct hash128 was;

	was.lo = rec_get_u64(r);
	was.hi = rec_get_u64(r);
	return hash128_equal(was, now);
}

static void put_chain(struct rec_buf *b, const struct call_chain *ch)
{
	size_t i;

	rec_put_u64(b, ch->nr_steps);
	for (i = 0; i < ch->nr_steps; i++) {
		rec_put_str(b, ch->steps[i].function);
		rec_put_str(b, ch->steps[i].file);
		rec_put_u64(b, ch->steps[i].line);
	}
	rec_put_u64(b, ch->synced | ch->boot_only << 1 | ch->cut << 2);
	rec_put_str(b, ch->root);
	rec_put_str(b, ch->sync_function);
	rec_put_str(b, ch->sync_call);
	rec_put_str(b, ch->sync_file);
	rec_put_u64(b, ch->sync_line);
	rec_put_str(b, ch->arch);
}

static void get_chain(struct rec_reader *r, struct call_chain *ch)
{
	size_t i;
	uint64_t flags;

	memset(ch, 0, sizeof(*ch));
	ch->nr_steps = rec_get_count(r, 3 * sizeof(uint64_t));
	ch->steps = xcalloc(ch->nr_steps + 1, sizeof(*ch->steps));
	for (i = 0; i < ch->nr_steps && !r->bad; i++) {
		ch->steps[i].function = rec_get_str(r);
		ch->steps[i].file = rec_get_str(r);
		ch->steps[i].line = rec_get_int(r);
	}
	ch->nr_steps = i;
	flags = rec_get_u64(r);
	ch->synced = flags & 1;
	ch->boot_only = flags & 2;
	ch->cut = flags & 4;
	ch->root = rec_get_str(r);
	ch->sync_function = rec_get_str(r);
	ch->sync_call = rec_get_str(r);
	ch->sync_file = rec_get_str(r);
	ch->sync_line = rec_get_int(r);
	ch->arch = rec_get_str(r);
}

void chain_cache_store(const char *root, const struct cache_key *k,
		       const struct finding_list *findings, const bool *wanted,
		       char *const *files, size_t nr_files,
		       char *const *names, size_t nr_names)
{
	struct rec_buf b = { 0 };
	struct hash128 h;
	size_t i, j;

	rec_put_u64(&b, nr_files);
	for (i = 0; i < nr_files; i++) {
		if (!scan_file_hash(root, files[i], &h))
			goto out;	/* not the scan's: cannot be checked */
		rec_put_str(&b, files[i]);
		put_hash(&b, h);
	}
	rec_put_u64(&b, nr_names);
	for (i = 0; i < nr_names; i++) {
		rec_put_str(&b, names[i]);
		put_hash(&b, answer_hash(root, names[i]));
	}
	for (i = 0; i < findings->nr; i++) {
		const struct finding *f = &findings->items[i];

		if (!wanted[i])
			continue;
		rec_put_u64(&b, f->nr_chains);
		for (j = 0; j < f->nr_chains; j++)
			put_chain(&b, &f->chains[j]);
	}
	cache_put(k, b.data, b.len);
out:
	rec_buf_free(&b);
}

/* Whether every file and name the record's walk read is as it was. */
static bool still_true(const char *root, struct rec_reader *r)
{
	size_t n, i;
	struct hash128 h;
	const char *s;

	n = rec_get_count(r, 3 * sizeof(uint64_t));
	for (i = 0; i < n && !r->bad; i++) {
		s = rec_peek_str(r);
		if (!scan_file_hash(root, s, &h) || !same_hash_as(r, h))
			return false;
	}
	n = rec_get_count(r, 3 * sizeof(uint64_t));
	for (i = 0; i < n && !r->bad; i++) {
		s = rec_peek_str(r);
		if (!same_hash_as(r, answer_hash(root, s)))
			return false;
	}
	return !r->bad;
}

bool chain_cache_replay(const char *root, const struct cache_key *k,
			struct finding_list *findings, const bool *wanted)
{
	struct call_chain **got = xcalloc(findings->nr + 1, sizeof(*got));
	size_t *nr = xcalloc(findings->nr + 1, sizeof(*nr));
	size_t len, i, j;
	struct rec_reader r;
	char *blob = cache_get(k, &len);
	bool ok = false;

	if (blob) {
		rec_reader_init(&r, blob, len);
		ok = still_true(root, &r);
	}
	for (i = 0; ok && i < findings->nr && !r.bad; i++) {
		if (!wanted[i])
			continue;
		nr[i] = rec_get_count(&r, 9 * sizeof(uint64_t));
		got[i] = nr[i] ? xcalloc(nr[i], sizeof(*got[i])) : NULL;
		for (j = 0; j < nr[i] && !r.bad; j++)
			get_chain(&r, &got[i][j]);
	}
	if (ok && !rec_done(&r)) {
		cache_count(CS_CORRUPT, 1);
		ok = false;
	}
	for (i = 0; i < findings->nr; i++) {
		struct finding *f = &findings->items[i];

		if (ok && got[i]) {
			f->chains = got[i];
			f->nr_chains = f->alloc_chains = nr[i];
			continue;
		}
		for (j = 0; j < nr[i]; j++)
			call_chain_free(&got[i][j]);
		free(got[i]);
	}
	if (ok)
		cache_count(CS_CHAINS_REPLAYED, 1);
	free(blob);
	free(got);
	free(nr);
	return ok;
}
