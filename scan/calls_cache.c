// SPDX-License-Identifier: GPL-2.0-only
/*
 * A file's call facts through the cache (lib/cache.h), keyed by the hash
 * of its bytes: a warm run walks the chains without opening a file of the
 * tree, as the scan itself does not.  A cold check stores the facts of
 * thousands of files, so they go to a pack (lib/cache_pack.h), in the
 * compact record forms, and reach the store once, at file_facts_flush().
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "lib/cache_pack.h"
#include "lib/record.h"
#include "lib/util.h"
#include "scan/calls.h"
#include "scan/scan.h"

/* Bump when file_facts_scan() or the encoding below changes. */
#define CALL_FACTS_VERSION 3

static struct cache_pack *pack;
static pthread_once_t pack_once = PTHREAD_ONCE_INIT;

/*
 * Facts to store at the flush, encoded only then and a shard at a time:
 * holding a cold check's encoded facts all at once took 35 MiB more of
 * its peak memory.
 */
struct pending {
	struct hash128 h;
	const struct file_facts *ff;
};

static struct pending *pending;
static size_t nr_pending, alloc_pending;
static pthread_mutex_t pending_lock = PTHREAD_MUTEX_INITIALIZER;

static void pack_init(void)
{
	pack = cache_pack_new(CACHE_CALL_FACTS, CALL_FACTS_VERSION);
}

static struct cache_pack *the_pack(void)
{
	pthread_once(&pack_once, pack_init);
	return pack;
}

static void put_names(struct rec_buf *b, char **v, size_t nr)
{
	size_t i;

	rec_put_var(b, nr);
	for (i = 0; i < nr; i++)
		rec_put_vstr(b, v[i]);
}

void file_facts_encode(struct rec_buf *b, const struct file_facts *ff)
{
	size_t i, j;

	rec_put_var(b, ff->nr_fns);
	for (i = 0; i < ff->nr_fns; i++) {
		const struct fn_fact *fn = &ff->fns[i];

		rec_put_vstr(b, fn->name);
		rec_put_var(b, fn->line);
		rec_put_var(b, fn->is_static | fn->boot_only << 1);
		rec_put_var(b, fn->nr_calls);
		for (j = 0; j < fn->nr_calls; j++) {
			rec_put_vstr(b, fn->calls[j].callee);
			rec_put_var(b, fn->calls[j].line);
			rec_put_var(b, fn->calls[j].synced);
			rec_put_vstr(b, fn->calls[j].sync_name);
			rec_put_var(b, fn->calls[j].sync_line);
		}
	}
	put_names(b, ff->refs, ff->nr_refs);
	put_names(b, ff->initcalls, ff->nr_initcalls);
}

static void get_names(struct rec_reader *r, char ***v, size_t *nr,
		      size_t *alloc)
{
	size_t n = rec_get_var_count(r, 1), i;

	for (i = 0; i < n && !r->bad; i++)
		*ARRAY_PUSH(*v, *nr, *alloc) = rec_get_vstr(r);
}

static bool decode(struct rec_reader *r, struct file_facts *ff)
{
	size_t nr_fns = rec_get_var_count(r, 4), i, j, nr_calls;
	struct fn_fact *fn;
	struct call_fact *c;

	for (i = 0; i < nr_fns && !r->bad; i++) {
		fn = ARRAY_PUSH(ff->fns, ff->nr_fns, ff->alloc_fns);
		memset(fn, 0, sizeof(*fn));
		fn->name = rec_get_vstr(r);
		fn->line = rec_get_var_int(r);
		j = rec_get_var(r);
		fn->is_static = j & 1;
		fn->boot_only = j & 2;
		nr_calls = rec_get_var_count(r, 5);
		for (j = 0; j < nr_calls && !r->bad; j++) {
			c = ARRAY_PUSH(fn->calls, fn->nr_calls, fn->alloc_calls);
			memset(c, 0, sizeof(*c));
			c->callee = rec_get_vstr(r);
			c->line = rec_get_var_int(r);
			c->synced = rec_get_var(r);
			c->sync_name = rec_get_vstr(r);
			c->sync_line = rec_get_var_int(r);
		}
	}
	get_names(r, &ff->refs, &ff->nr_refs, &ff->alloc_refs);
	get_names(r, &ff->initcalls, &ff->nr_initcalls, &ff->alloc_initcalls);
	return rec_done(r);
}

bool file_facts_decode(const char *data, size_t len, struct file_facts *ff)
{
	struct rec_reader r;

	memset(ff, 0, sizeof(*ff));
	rec_reader_init(&r, data, len);
	if (decode(&r, ff))
		return true;
	file_facts_free(ff);
	return false;
}

bool file_facts_cached(const char *root, const char *path,
		       struct file_facts *ff)
{
	struct hash128 h;
	const char *data;
	size_t len;

	memset(ff, 0, sizeof(*ff));
	if (!cache_enabled() || !scan_file_hash(root, path, &h))
		return false;
	data = cache_pack_get(the_pack(), h, &len);
	if (!data)
		return false;
	if (!file_facts_decode(data, len, ff)) {
		cache_count(CS_CORRUPT, 1);
		return false;
	}
	ff->path = xstrdup(path);
	return true;
}

void file_facts_store(const char *buf, size_t len,
		      const struct file_facts *ff)
{
	struct hash128 zero = { 0, 0 }, h;
	struct pending *p;

	if (!cache_enabled())
		return;
	h = hash_bytes(zero, buf, len);
	pthread_mutex_lock(&pending_lock);
	p = ARRAY_PUSH(pending, nr_pending, alloc_pending);
	p->h = h;
	p->ff = ff;
	pthread_mutex_unlock(&pending_lock);
}

static int by_shard(const void *a, const void *b)
{
	unsigned int x = cache_pack_shard(((const struct pending *)a)->h);
	unsigned int y = cache_pack_shard(((const struct pending *)b)->h);

	return (x > y) - (x < y);
}

void file_facts_flush(void)
{
	struct rec_buf b = { 0 };
	size_t i;

	if (!cache_enabled())
		return;
	pthread_mutex_lock(&pending_lock);
	if (nr_pending > 1)	/* qsort() of no array at all is undefined */
		qsort(pending, nr_pending, sizeof(*pending), by_shard);
	for (i = 0; i < nr_pending; i++) {
		b.len = 0;
		file_facts_encode(&b, pending[i].ff);
		cache_pack_put(the_pack(), pending[i].h, b.data ? b.data : "",
			       b.len);
		if (i + 1 == nr_pending || by_shard(&pending[i],
						    &pending[i + 1]))
			cache_pack_flush(the_pack());
	}
	nr_pending = 0;
	pthread_mutex_unlock(&pending_lock);
	rec_buf_free(&b);
	cache_pack_flush(the_pack());	/* let go of what was read */
}
