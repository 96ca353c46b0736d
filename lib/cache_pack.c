// SPDX-License-Identifier: GPL-2.0-only
/*
 * The packs of lib/cache_pack.h.  A shard's payload is a count, then per
 * entry its key (two fixed 64-bit words) and its bytes; a shard is
 * looked up through a small open-addressed table of its entries.
 *
 * A shard written again lists the entries this run stored, then those it
 * used, then what the stored shard holds now (another run may have
 * written it since it was read), then what else it held when read; it
 * stops at CACHE_PACK_SHARD_MAX bytes.
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "lib/cache_pack.h"
#include "lib/record.h"
#include "lib/util.h"

struct pack_entry {
	struct hash128 key;
	const char *data;	/* in the shard's blob, or owned if fresh */
	size_t len;
	bool fresh;		/* stored by this run */
	bool used;		/* looked up by this run */
};

struct shard {
	bool loaded, dirty;
	char *blob;		/* the payload as read */
	struct pack_entry *v;
	size_t nr, alloc;
	size_t *slots;		/* index + 1 into v, 0: empty */
	size_t nr_slots;	/* a power of two, over twice nr */
};

struct cache_pack {
	enum cache_kind kind;
	unsigned int version;
	pthread_mutex_t lock;
	struct shard shards[CACHE_PACK_SHARDS];
	struct cache_pack *next;	/* in packs */
};

/* Every pack of the run, flushed at its end by cache_finish(). */
static struct cache_pack *packs;
static pthread_mutex_t packs_lock = PTHREAD_MUTEX_INITIALIZER;

struct cache_pack *cache_pack_new(enum cache_kind kind, unsigned int version)
{
	struct cache_pack *p = xcalloc(1, sizeof(*p));

	p->kind = kind;
	p->version = version;
	pthread_mutex_init(&p->lock, NULL);
	pthread_mutex_lock(&packs_lock);
	p->next = packs;
	packs = p;
	pthread_mutex_unlock(&packs_lock);
	return p;
}

unsigned int cache_pack_shard(struct hash128 key)
{
	return key.hi % CACHE_PACK_SHARDS;
}

static struct shard *shard_of(struct cache_pack *p, struct hash128 key)
{
	return &p->shards[cache_pack_shard(key)];
}

void cache_pack_shard_key(enum cache_kind kind, unsigned int version,
			  unsigned int shard, struct cache_key *k)
{
	cache_key_init(k, kind, version);
	cache_key_add_str(k, "pack");
	cache_key_add_u64(k, CACHE_PACK_SHARDS);
	cache_key_add_u64(k, shard);
}

static void shard_key(const struct cache_pack *p, const struct shard *s,
		      struct cache_key *k)
{
	cache_pack_shard_key(p->kind, p->version, s - p->shards, k);
}

static size_t *slot_of(struct shard *s, struct hash128 key)
{
	size_t mask = s->nr_slots - 1, i = key.lo & mask;

	while (s->slots[i] &&
	       !hash128_equal(s->v[s->slots[i] - 1].key, key))
		i = (i + 1) & mask;
	return &s->slots[i];
}

static void rehash(struct shard *s)
{
	size_t i;

	free(s->slots);
	s->nr_slots = s->nr_slots ? s->nr_slots * 2 : 64;
	s->slots = xcalloc(s->nr_slots, sizeof(*s->slots));
	for (i = 0; i < s->nr; i++)
		*slot_of(s, s->v[i].key) = i + 1;
}

static struct pack_entry *find(struct shard *s, struct hash128 key)
{
	size_t i;

	if (!s->nr_slots)
		return NULL;
	i = *slot_of(s, key);
	return i ? &s->v[i - 1] : NULL;
}

/* A new entry (its key not yet in the shard). */
static struct pack_entry *add(struct shard *s, struct hash128 key)
{
	struct pack_entry *e = ARRAY_PUSH(s->v, s->nr, s->alloc);

	memset(e, 0, sizeof(*e));
	e->key = key;
	if (2 * s->nr >= s->nr_slots)
		rehash(s);
	else
		*slot_of(s, key) = s->nr;
	return e;
}

/*
 * The entries of a stored payload, each passed to fn; false when the
 * payload does not parse (a store that checksummed it cannot tell).
 */
static bool parse(const char *blob, size_t len,
		  void (*fn)(struct hash128, const char *, size_t, void *),
		  void *data)
{
	struct rec_reader r;
	struct hash128 key;
	const char *bytes;
	size_t n, i, nr;

	rec_reader_init(&r, blob, len);
	nr = rec_get_count(&r, 24);
	for (i = 0; i < nr && !r.bad; i++) {
		key.lo = rec_get_u64(&r);
		key.hi = rec_get_u64(&r);
		bytes = rec_get_bytes(&r, &n);
		if (!r.bad)
			fn(key, bytes, n, data);
	}
	return rec_done(&r);
}

static void add_loaded(struct hash128 key, const char *bytes, size_t len,
		       void *data)
{
	struct shard *s = data;
	struct pack_entry *e;

	if (find(s, key))
		return;
	e = add(s, key);
	e->data = bytes;
	e->len = len;
}

static void load(struct cache_pack *p, struct shard *s)
{
	struct cache_key k;
	size_t len;

	s->loaded = true;
	shard_key(p, s, &k);
	s->blob = cache_get(&k, &len);
	if (s->blob && !parse(s->blob, len, add_loaded, s)) {
		/* none of it can be trusted: start the shard afresh */
		cache_count(CS_CORRUPT, 1);
		if (s->slots)	/* a shard that found nothing has none yet */
			memset(s->slots, 0, s->nr_slots * sizeof(*s->slots));
		s->nr = 0;
		free(s->blob);
		s->blob = NULL;
	}
}

const char *cache_pack_get(struct cache_pack *p, struct hash128 key,
			   size_t *len)
{
	struct shard *s = shard_of(p, key);
	struct pack_entry *e;
	const char *data = NULL;

	*len = 0;
	if (!cache_enabled())
		return NULL;
	pthread_mutex_lock(&p->lock);
	if (!s->loaded)
		load(p, s);
	e = find(s, key);
	if (e) {
		e->used = true;
		data = e->data;
		*len = e->len;
	}
	pthread_mutex_unlock(&p->lock);
	return data;
}

void cache_pack_put(struct cache_pack *p, struct hash128 key,
		    const void *data, size_t len)
{
	struct shard *s = shard_of(p, key);
	struct pack_entry *e;
	char *copy;

	if (!cache_enabled())
		return;
	pthread_mutex_lock(&p->lock);
	if (!s->loaded)
		load(p, s);
	e = find(s, key);
	/* a key naming its inputs has one value; others may change */
	if (!e || e->len != len || memcmp(e->data, data, len)) {
		copy = xmalloc(len + 1);
		memcpy(copy, data, len);
		if (!e)
			e = add(s, key);
		else if (e->fresh)
			free((char *)e->data);
		e->data = copy;
		e->len = len;
		e->fresh = true;
		s->dirty = true;
	}
	pthread_mutex_unlock(&p->lock);
}

/* A shard's payload being written, and the keys already in it. */
struct out {
	struct rec_buf b;
	struct shard seen;	/* keys only */
	size_t nr;
	bool full;
};

static void emit(struct hash128 key, const char *bytes, size_t len,
		 void *data)
{
	struct out *o = data;

	if (o->full || find(&o->seen, key))
		return;
	if (o->b.len + len + 32 > CACHE_PACK_SHARD_MAX) {
		o->full = true;
		return;
	}
	add(&o->seen, key);
	rec_put_u64(&o->b, key.lo);
	rec_put_u64(&o->b, key.hi);
	rec_put_u64(&o->b, len);
	rec_put_bytes(&o->b, bytes, len);
	o->nr++;
}

static void emit_group(struct shard *s, struct out *o, bool fresh, bool used)
{
	size_t i;

	for (i = 0; i < s->nr; i++)
		if (s->v[i].fresh == fresh && (fresh || s->v[i].used == used))
			emit(s->v[i].key, s->v[i].data, s->v[i].len, o);
}

static int write_shard(struct cache_pack *p, struct shard *s)
{
	struct out o = { 0 };
	struct rec_buf head = { 0 };
	struct cache_key k;
	char *now;
	size_t len;
	int ret;

	shard_key(p, s, &k);
	emit_group(s, &o, true, true);
	emit_group(s, &o, false, true);
	now = cache_get(&k, &len);
	if (now)
		parse(now, len, emit, &o);
	emit_group(s, &o, false, false);
	rec_put_u64(&head, o.nr);
	rec_put_bytes(&head, o.b.data, o.b.len);
	ret = cache_put(&k, head.data, head.len);
	free(now);
	rec_buf_free(&head);
	rec_buf_free(&o.b);
	free(o.seen.v);
	free(o.seen.slots);
	return ret;
}

/* Forget a shard as read and stored to: it is read again if asked. */
static void unload(struct shard *s)
{
	size_t i;

	for (i = 0; i < s->nr; i++)
		if (s->v[i].fresh)
			free((char *)s->v[i].data);
	free(s->v);
	free(s->slots);
	free(s->blob);
	memset(s, 0, sizeof(*s));
}

int cache_pack_flush(struct cache_pack *p)
{
	size_t i;
	int ret = 0;

	pthread_mutex_lock(&p->lock);
	for (i = 0; i < CACHE_PACK_SHARDS; i++) {
		if (p->shards[i].dirty && write_shard(p, &p->shards[i]))
			ret = -1;
		unload(&p->shards[i]);
	}
	pthread_mutex_unlock(&p->lock);
	return ret;
}

void cache_pack_flush_all(void)
{
	struct cache_pack *p;

	pthread_mutex_lock(&packs_lock);
	for (p = packs; p; p = p->next)
		cache_pack_flush(p);
	pthread_mutex_unlock(&packs_lock);
}

void cache_pack_free(struct cache_pack *p)
{
	struct cache_pack **pp;
	size_t i;

	if (!p)
		return;
	pthread_mutex_lock(&packs_lock);
	for (pp = &packs; *pp && *pp != p; pp = &(*pp)->next)
		;
	if (*pp)
		*pp = p->next;
	pthread_mutex_unlock(&packs_lock);
	for (i = 0; i < CACHE_PACK_SHARDS; i++)
		unload(&p->shards[i]);
	pthread_mutex_destroy(&p->lock);
	free(p);
}
