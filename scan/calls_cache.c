// SPDX-License-Identifier: GPL-2.0-only
/*
 * A file's call facts through the cache (lib/cache.h), keyed by the hash
 * of its bytes: a warm run walks the chains without opening a file of the
 * tree, as the scan itself does not.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/cache.h"
#include "lib/record.h"
#include "lib/util.h"
#include "scan/calls.h"
#include "scan/scan.h"

/* Bump when file_facts_scan() or the encoding below changes. */
#define CALL_FACTS_VERSION 2

static void key_of(struct cache_key *k, struct hash128 h)
{
	cache_key_init(k, CACHE_CALL_FACTS, CALL_FACTS_VERSION);
	cache_key_add(k, &h, sizeof(h));
}

static void put_names(struct rec_buf *b, char **v, size_t nr)
{
	size_t i;

	rec_put_u64(b, nr);
	for (i = 0; i < nr; i++)
		rec_put_str(b, v[i]);
}

static void encode(struct rec_buf *b, const struct file_facts *ff)
{
	size_t i, j;

	rec_put_u64(b, ff->nr_fns);
	for (i = 0; i < ff->nr_fns; i++) {
		const struct fn_fact *fn = &ff->fns[i];

		rec_put_str(b, fn->name);
		rec_put_u64(b, fn->line);
		rec_put_u64(b, fn->is_static | fn->boot_only << 1);
		rec_put_u64(b, fn->nr_calls);
		for (j = 0; j < fn->nr_calls; j++) {
			rec_put_str(b, fn->calls[j].callee);
			rec_put_u64(b, fn->calls[j].line);
			rec_put_u64(b, fn->calls[j].synced);
			rec_put_str(b, fn->calls[j].sync_name);
			rec_put_u64(b, fn->calls[j].sync_line);
		}
	}
	put_names(b, ff->refs, ff->nr_refs);
	put_names(b, ff->initcalls, ff->nr_initcalls);
}

static void get_names(struct rec_reader *r, char ***v, size_t *nr,
		      size_t *alloc)
{
	size_t n = rec_get_count(r, 1), i;

	for (i = 0; i < n && !r->bad; i++)
		*ARRAY_PUSH(*v, *nr, *alloc) = rec_get_str(r);
}

static bool decode(struct rec_reader *r, struct file_facts *ff)
{
	size_t nr_fns = rec_get_count(r, 4), i, j, nr_calls;
	struct fn_fact *fn;
	struct call_fact *c;

	for (i = 0; i < nr_fns && !r->bad; i++) {
		fn = ARRAY_PUSH(ff->fns, ff->nr_fns, ff->alloc_fns);
		memset(fn, 0, sizeof(*fn));
		fn->name = rec_get_str(r);
		fn->line = rec_get_int(r);
		j = rec_get_u64(r);
		fn->is_static = j & 1;
		fn->boot_only = j & 2;
		nr_calls = rec_get_count(r, 5);
		for (j = 0; j < nr_calls && !r->bad; j++) {
			c = ARRAY_PUSH(fn->calls, fn->nr_calls, fn->alloc_calls);
			memset(c, 0, sizeof(*c));
			c->callee = rec_get_str(r);
			c->line = rec_get_int(r);
			c->synced = rec_get_u64(r);
			c->sync_name = rec_get_str(r);
			c->sync_line = rec_get_int(r);
		}
	}
	get_names(r, &ff->refs, &ff->nr_refs, &ff->alloc_refs);
	get_names(r, &ff->initcalls, &ff->nr_initcalls, &ff->alloc_initcalls);
	return rec_done(r);
}

bool file_facts_cached(const char *root, const char *path,
		       struct file_facts *ff)
{
	struct cache_key k;
	struct rec_reader r;
	struct hash128 h;
	size_t len;
	char *data;
	bool ok;

	memset(ff, 0, sizeof(*ff));
	if (!scan_file_hash(root, path, &h))
		return false;
	key_of(&k, h);
	data = cache_get(&k, &len);
	if (!data)
		return false;
	ff->path = xstrdup(path);
	rec_reader_init(&r, data, len);
	ok = decode(&r, ff);
	free(data);
	if (!ok)
		file_facts_free(ff);
	return ok;
}

void file_facts_store(const char *buf, size_t len,
		      const struct file_facts *ff)
{
	struct hash128 zero = { 0, 0 };
	struct rec_buf b = { 0 };
	struct cache_key k;

	key_of(&k, hash_bytes(zero, buf, len));
	encode(&b, ff);
	cache_put(&k, b.data ? b.data : "", b.len);
	rec_buf_free(&b);
}
