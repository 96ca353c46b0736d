// SPDX-License-Identifier: GPL-2.0-only
/*
 * The scan's stat index (scan/index.h): loading and saving it through the
 * cache, and each file's facts as a record of their own, so that a file
 * not read again gives back exactly what scan_buffer() found in it.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/cache.h"
#include "lib/util.h"
#include "scan/index.h"

/* Site flags in the record. */
#define F_SAFE		1
#define F_INDIRECT	2
#define F_IN_HELPER	4
#define F_IN_MACRO	8
#define F_SYNCED	16

static bool index_key(const char *root, struct cache_key *k)
{
	char *real = realpath(root, NULL);

	if (!real)
		return false;
	cache_key_init(k, CACHE_SCAN_INDEX, SCAN_INDEX_VERSION);
	cache_key_add_str(k, real);
	free(real);
	return true;
}

static bool read_entry(struct rec_reader *r, struct index_entry *e)
{
	memset(e, 0, sizeof(*e));
	e->path = rec_peek_str(r);
	rec_get_file_id(r, &e->id);
	e->hash.lo = rec_get_u64(r);
	e->hash.hi = rec_get_u64(r);
	e->facts = rec_get_bytes(r, &e->facts_len);
	return !r->bad;
}

void index_load(const char *root, struct scan_index *idx)
{
	struct cache_key k;
	struct rec_reader r;
	size_t len, i, nr;

	memset(idx, 0, sizeof(*idx));
	if (!cache_enabled() || !index_key(root, &k))
		return;
	idx->blob = cache_get(&k, &len);
	if (!idx->blob)
		return;
	rec_reader_init(&r, idx->blob, len);
	idx->stamp_ns = rec_get_u64(&r);
	nr = rec_get_count(&r, 8 * 9);
	idx->v = xcalloc(nr ? nr : 1, sizeof(*idx->v));
	for (i = 0; i < nr && read_entry(&r, &idx->v[i]); i++)
		if (i && strcmp(idx->v[i - 1].path, idx->v[i].path) >= 0)
			r.bad = true;
	idx->nr = nr;
	if (!rec_done(&r)) {	/* corrupt: start afresh */
		cache_count(CS_CORRUPT, 1);
		index_free(idx);
	}
}

int index_save(const char *root, uint64_t stamp_ns,
	       const struct index_entry *v, size_t nr)
{
	struct rec_buf b = { 0 };
	struct cache_key k;
	size_t i, n = 0;
	int ret;

	if (!cache_enabled() || !index_key(root, &k))
		return -1;
	for (i = 0; i < nr; i++)
		n += v[i].path != NULL;
	rec_put_u64(&b, stamp_ns);
	rec_put_u64(&b, n);
	for (i = 0; i < nr; i++) {
		if (!v[i].path)
			continue;
		rec_put_str(&b, v[i].path);
		rec_put_file_id(&b, &v[i].id);
		rec_put_u64(&b, v[i].hash.lo);
		rec_put_u64(&b, v[i].hash.hi);
		rec_put_u64(&b, v[i].facts_len);
		rec_put_bytes(&b, v[i].facts, v[i].facts_len);
	}
	ret = cache_put(&k, b.data, b.len);
	rec_buf_free(&b);
	return ret;
}

void index_free(struct scan_index *idx)
{
	free(idx->v);
	free(idx->blob);
	memset(idx, 0, sizeof(*idx));
}

const struct index_entry *index_find(const struct scan_index *idx,
				     const char *path)
{
	size_t lo = 0, hi = idx->nr, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(path, idx->v[mid].path);
		if (!c)
			return &idx->v[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

bool index_clean(const struct scan_index *idx, const struct index_entry *e,
		 const struct stat *st)
{
	struct file_id now;

	file_id_of(st, &now);
	if (!file_id_equal(&now, &e->id))
		return false;
	if (file_id_racy(&e->id, idx->stamp_ns)) {
		cache_count(CS_RACY, 1);
		return false;
	}
	return true;
}

void index_encode_facts(struct rec_buf *b, const struct scan_result *res,
			size_t site0, size_t helper0, size_t problem0,
			size_t include0, size_t files0, size_t bytes0)
{
	const struct scan_site *s;
	size_t i;

	rec_put_u64(b, res->files_scanned - files0);
	rec_put_u64(b, res->bytes_scanned - bytes0);
	rec_put_u64(b, res->nr_sites - site0);
	for (i = site0; i < res->nr_sites; i++) {
		s = &res->sites[i];
		rec_put_u64(b, s->line);
		rec_put_u64(b, s->column);
		rec_put_u64(b, s->column_end);
		rec_put_u64(b, s->level);
		rec_put_u64(b, (s->safe ? F_SAFE : 0) |
			       (s->indirect ? F_INDIRECT : 0) |
			       (s->in_helper ? F_IN_HELPER : 0) |
			       (s->in_macro ? F_IN_MACRO : 0) |
			       (s->synced_after ? F_SYNCED : 0));
		rec_put_str(b, s->function);
		rec_put_str(b, s->section);
		rec_put_str(b, s->condition ? s->condition : "");
	}
	rec_put_u64(b, res->nr_helpers - helper0);
	for (i = helper0; i < res->nr_helpers; i++) {
		rec_put_u64(b, res->helpers[i].line);
		rec_put_u64(b, res->helpers[i].is_macro);
		rec_put_str(b, res->helpers[i].name);
	}
	rec_put_u64(b, res->nr_problems - problem0);
	for (i = problem0; i < res->nr_problems; i++)
		rec_put_str(b, res->problems[i].reason);
	rec_put_u64(b, res->nr_c_includes - include0);
	for (i = include0; i < res->nr_c_includes; i++)
		rec_put_str(b, res->c_includes[i].included);
}

static void replay_sites(struct rec_reader *r, const char *rel,
			 struct scan_result *res)
{
	size_t n = rec_get_count(r, 8 * 7), i;
	struct scan_site *s;
	uint64_t flags;

	for (i = 0; i < n && !r->bad; i++) {
		s = ARRAY_PUSH(res->sites, res->nr_sites, res->alloc_sites);
		memset(s, 0, sizeof(*s));
		s->path = xstrdup(rel);
		s->line = rec_get_int(r);
		s->column = rec_get_int(r);
		s->column_end = rec_get_int(r);
		s->level = rec_get_u64(r) ? LEVEL_P4D : LEVEL_PGD;
		flags = rec_get_u64(r);
		s->safe = flags & F_SAFE;
		s->indirect = flags & F_INDIRECT;
		s->in_helper = flags & F_IN_HELPER;
		s->in_macro = flags & F_IN_MACRO;
		s->synced_after = flags & F_SYNCED;
		s->function = xstrdup(rec_peek_str(r));
		s->section = xstrdup(rec_peek_str(r));
		s->condition = xstrdup(rec_peek_str(r));
	}
}

static void replay_rest(struct rec_reader *r, const char *rel,
			struct scan_result *res)
{
	size_t n = rec_get_count(r, 8 * 3), i;
	struct scan_helper *h;
	struct scan_problem *p;
	struct scan_c_include *inc;

	for (i = 0; i < n && !r->bad; i++) {
		h = ARRAY_PUSH(res->helpers, res->nr_helpers,
			       res->alloc_helpers);
		h->path = xstrdup(rel);
		h->line = rec_get_int(r);
		h->is_macro = rec_get_u64(r) != 0;
		h->name = xstrdup(rec_peek_str(r));
	}
	n = rec_get_count(r, 8);
	for (i = 0; i < n && !r->bad; i++) {
		p = ARRAY_PUSH(res->problems, res->nr_problems,
			       res->alloc_problems);
		p->path = xstrdup(rel);
		p->reason = xstrdup(rec_peek_str(r));
	}
	n = rec_get_count(r, 8);
	for (i = 0; i < n && !r->bad; i++) {
		inc = ARRAY_PUSH(res->c_includes, res->nr_c_includes,
				 res->alloc_c_includes);
		inc->path = xstrdup(rel);
		inc->included = xstrdup(rec_peek_str(r));
	}
}

/* Drop what a corrupt record added, so that the file is read instead. */
static void undo(struct scan_result *res, size_t site0, size_t helper0,
		 size_t problem0, size_t include0)
{
	while (res->nr_c_includes > include0) {
		struct scan_c_include *inc =
			&res->c_includes[--res->nr_c_includes];

		free(inc->path);
		free(inc->included);
	}
	while (res->nr_sites > site0) {
		struct scan_site *s = &res->sites[--res->nr_sites];

		free(s->path);
		free(s->function);
		free(s->section);
		free(s->condition);
	}
	while (res->nr_helpers > helper0) {
		struct scan_helper *h = &res->helpers[--res->nr_helpers];

		free(h->path);
		free(h->name);
	}
	while (res->nr_problems > problem0) {
		struct scan_problem *p = &res->problems[--res->nr_problems];

		free(p->path);
		free(p->reason);
	}
}

bool index_replay_facts(const struct index_entry *e, const char *rel,
			struct scan_result *res)
{
	size_t site0 = res->nr_sites, helper0 = res->nr_helpers;
	size_t problem0 = res->nr_problems, include0 = res->nr_c_includes;
	struct rec_reader r;
	uint64_t files, bytes;

	rec_reader_init(&r, e->facts, e->facts_len);
	files = rec_get_u64(&r);
	bytes = rec_get_u64(&r);
	replay_sites(&r, rel, res);
	replay_rest(&r, rel, res);
	if (!rec_done(&r) || files > 1) {
		undo(res, site0, helper0, problem0, include0);
		cache_count(CS_CORRUPT, 1);
		return false;
	}
	res->files_scanned += files;
	res->bytes_scanned += bytes;
	return true;
}
