// SPDX-License-Identifier: GPL-2.0-only
/*
 * Which files of a tree name an identifier (scan/name_index.h).  The
 * tree-wide index holds every file's identifiers (~200 MiB for a kernel
 * tree): loading it on every run cost a warm check three times its scan.
 * But a run asks the same few hundred names as the run before it, so,
 * when the tree is the one this run scanned whole (the scan knows every
 * file's hash without reading it):
 *
 *   - the answer is stored per tree and name with the fingerprint of the
 *     tree it was true of, and the tree's listing (paths and hashes) is
 *     stored once under that fingerprint;
 *   - the same fingerprint now: the answer stands, nothing is read;
 *   - another one: the listings are compared once per run, the files
 *     added or changed since are read and hashed once, and each answer
 *     is brought up to date from them;
 *   - no stored answer, no listing to compare with, or too many changes:
 *     the index, loaded (or built) now and only now.
 * Answers from the index and from an update are the same test (the
 * file's identifier hashes hold the name's), so an answer never depends
 * on the way it was found.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "lib/cache.h"
#include "lib/cache_pack.h"
#include "lib/record.h"
#include "lib/util.h"
#include "scan/calls.h"
#include "scan/name_index.h"
#include "scan/scan.h"
#include "scan/vocab.h"

#define NAME_FILES_VERSION 4	/* 4: answers in a pack */
/* More changed files than this: the index answers as fast. */
#define MAX_CHANGED 2000
/* More changed files than this: answers are stored again, up to date. */
#define RESTORE_AFTER 64
#define NAME_BUCKETS 4096

struct answer {
	char *name;
	char **files;		/* sorted */
	size_t nr;
	bool found;		/* false: the index could not be built */
	struct answer *next;
};

/* The files changed since the tree a stored answer was true of. */
struct delta {
	struct hash128 was;
	bool ok;		/* the old listing was there, few changes */
	bool exact;		/* each file read had its listed bytes */
	size_t *changed;	/* indices in the listing now, ascending */
	uint32_t **ids;		/* their identifier hashes */
	size_t *nr_ids;
	size_t nr;
	struct delta *next;
};

struct tree_names {
	char *root, *real;
	bool listed;		/* scanned whole by this run */
	char *const *paths;	/* the scan's listing, when listed */
	const struct hash128 *hashes;
	size_t nr;
	struct hash128 fingerprint;
	bool listing_stored;
	struct answer *answers[NAME_BUCKETS];
	struct delta *deltas;
	struct id_index ix;
	int ix_state;		/* 0 not loaded, 1 loaded, -errno failed */
	struct id_vocab vocab;
	int vocab_state;	/* 0 not read, 1 read, -1 none */
	pthread_t loader;	/* loading ix ahead of the first question */
	bool loading;
	/*
	 * The loader says when ix is loaded: the chains need no more, and
	 * its writes of ix and the vocabulary go on beside them.
	 */
	pthread_mutex_t lock;
	pthread_cond_t loaded_cond;
	bool loaded;
	struct tree_names *next;
};

static struct tree_names *trees;

/*
 * The answers, a few hundred per tree: in a pack (lib/cache_pack.h), as
 * creating an object per answer cost a cold check more than finding it.
 * Written at the end of the run.
 */
static struct cache_pack *answers;
static pthread_once_t answers_once = PTHREAD_ONCE_INIT;

static void answers_init(void)
{
	answers = cache_pack_new(CACHE_NAME_FILES, NAME_FILES_VERSION);
}

static struct cache_pack *answer_pack(void)
{
	pthread_once(&answers_once, answers_init);
	return answers;
}

static void free_strings(char **v, size_t nr)
{
	size_t i;

	for (i = 0; i < nr; i++)
		free(v[i]);
	free(v);
}

static void join_loader(struct tree_names *tn)
{
	if (tn->loading) {
		pthread_join(tn->loader, NULL);
		pthread_cond_destroy(&tn->loaded_cond);
		pthread_mutex_destroy(&tn->lock);
	}
	tn->loading = false;
}

/* Until the loader has ix: its writes need not be waited for. */
static void wait_loaded(struct tree_names *tn)
{
	pthread_mutex_lock(&tn->lock);
	while (!tn->loaded)
		pthread_cond_wait(&tn->loaded_cond, &tn->lock);
	pthread_mutex_unlock(&tn->lock);
}

static void say_loaded(struct tree_names *tn)
{
	pthread_mutex_lock(&tn->lock);
	tn->loaded = true;
	pthread_cond_signal(&tn->loaded_cond);
	pthread_mutex_unlock(&tn->lock);
}

static void forget(struct tree_names *tn)
{
	struct answer *a;
	struct delta *d;
	size_t i;

	join_loader(tn);
	for (i = 0; i < NAME_BUCKETS; i++)
		while ((a = tn->answers[i])) {
			tn->answers[i] = a->next;
			free(a->name);
			free_strings(a->files, a->nr);
			free(a);
		}
	while ((d = tn->deltas)) {
		tn->deltas = d->next;
		for (i = 0; i < d->nr; i++)
			free(d->ids[i]);
		free(d->ids);
		free(d->nr_ids);
		free(d->changed);
		free(d);
	}
	if (tn->ix_state > 0)
		id_index_free(&tn->ix);
	tn->ix_state = 0;
	id_vocab_free(&tn->vocab);
	tn->vocab_state = 0;
	tn->listing_stored = false;
}

/*
 * The names of root asked in this run; started again when root was
 * scanned again since (review scans more than one tree).
 */
static struct tree_names *tree_of(const char *root)
{
	struct tree_names *tn;
	struct hash128 fp = { 0, 0 };
	bool listed = scan_tree_fingerprint(root, &fp);

	for (tn = trees; tn && strcmp(tn->root, root); tn = tn->next)
		;
	if (!tn) {
		tn = xcalloc(1, sizeof(*tn));
		tn->root = xstrdup(root);
		tn->real = realpath(root, NULL);
		tn->next = trees;
		trees = tn;
	} else if (tn->listed == listed && hash128_equal(tn->fingerprint, fp)) {
		return tn;
	}
	forget(tn);
	tn->fingerprint = fp;
	tn->listed = listed &&
		     scan_tree_listing(root, &tn->paths, &tn->hashes, &tn->nr);
	return tn;
}

static struct answer **bucket(struct tree_names *tn, const char *name)
{
	return &tn->answers[id_hash(name, strlen(name)) % NAME_BUCKETS];
}

static struct answer *answer_find(struct tree_names *tn, const char *name)
{
	struct answer *a;

	for (a = *bucket(tn, name); a; a = a->next)
		if (!strcmp(a->name, name))
			return a;
	return NULL;
}

static struct answer *answer_new(struct tree_names *tn, const char *name)
{
	struct answer **b = bucket(tn, name), *a = xcalloc(1, sizeof(*a));

	a->name = xstrdup(name);
	a->next = *b;
	*b = a;
	return a;
}

static void answer_key(const struct tree_names *tn, const char *name,
		       struct cache_key *k)
{
	cache_key_init(k, CACHE_NAME_FILES, NAME_FILES_VERSION);
	cache_key_add_str(k, tn->real ? tn->real : tn->root);
	cache_key_add_str(k, name);
}

static void listing_key(struct hash128 fingerprint, struct cache_key *k)
{
	cache_key_init(k, CACHE_TREE_LISTING, NAME_FILES_VERSION);
	cache_key_add(k, &fingerprint, sizeof(fingerprint));
}

/* The stored answer and the fingerprint it was true of. */
static bool load_answer(const struct cache_key *k, struct hash128 *was,
			struct answer *a)
{
	size_t len, n, i, alloc = 0;
	const char *blob = cache_pack_get(answer_pack(), k->h, &len);
	struct rec_reader r;

	if (!blob)
		return false;
	rec_reader_init(&r, blob, len);
	was->lo = rec_get_u64(&r);
	was->hi = rec_get_u64(&r);
	n = rec_get_count(&r, 8);
	for (i = 0; i < n && !r.bad; i++)
		*ARRAY_PUSH(a->files, a->nr, alloc) = xstrdup(rec_peek_str(&r));
	if (rec_done(&r))
		return true;
	cache_count(CS_CORRUPT, 1);
	free_strings(a->files, a->nr);
	a->files = NULL;
	a->nr = 0;
	return false;
}

static void store_listing(struct tree_names *tn)
{
	struct rec_buf b = { 0 };
	struct cache_key k;
	size_t i;

	if (tn->listing_stored)
		return;
	tn->listing_stored = true;
	listing_key(tn->fingerprint, &k);
	if (cache_has(&k))
		return;
	rec_put_u64(&b, tn->nr);
	for (i = 0; i < tn->nr; i++) {
		rec_put_str(&b, tn->paths[i]);
		rec_put_u64(&b, tn->hashes[i].lo);
		rec_put_u64(&b, tn->hashes[i].hi);
	}
	cache_put(&k, b.data, b.len);
	rec_buf_free(&b);
}

/* Keep the answer for the next run, with the tree it is true of. */
static void store_answer(struct tree_names *tn, const struct answer *a)
{
	struct rec_buf b = { 0 };
	struct cache_key k;
	size_t i;

	if (!tn->listed || !cache_enabled())
		return;
	answer_key(tn, a->name, &k);
	rec_put_u64(&b, tn->fingerprint.lo);
	rec_put_u64(&b, tn->fingerprint.hi);
	rec_put_u64(&b, a->nr);
	for (i = 0; i < a->nr; i++)
		rec_put_str(&b, a->files[i]);
	cache_pack_put(answer_pack(), k.h, b.data, b.len);
	rec_buf_free(&b);
	/* the next run compares its listing with this one */
	store_listing(tn);
}

/* Read and hash file j of the listing, changed since d->was. */
static void add_changed(struct tree_names *tn, struct delta *d, size_t j,
			size_t *alloc)
{
	char *full = path_join(tn->root, tn->paths[j]), *buf;
	size_t len, n = d->nr;

	if (n == *alloc) {
		*alloc = *alloc ? 2 * *alloc : 16;
		d->changed = xrealloc(d->changed, *alloc * sizeof(*d->changed));
		d->ids = xrealloc(d->ids, *alloc * sizeof(*d->ids));
		d->nr_ids = xrealloc(d->nr_ids, *alloc * sizeof(*d->nr_ids));
	}
	buf = read_file(full, &len);
	free(full);
	d->changed[n] = j;
	d->ids[n] = NULL;
	d->nr_ids[n] = buf ? id_hash_buffer(buf, len, &d->ids[n]) : 0;
	/* edited since the scan: right for now, not for the scan's tree */
	d->exact &= buf && hash128_equal(hash_bytes((struct hash128){ 0, 0 },
						buf, len), tn->hashes[j]);
	free(buf);
	d->nr++;
}

/* The files added or changed since the tree whose listing is blob. */
static void compare_listings(struct tree_names *tn, struct delta *d,
			     const char *blob, size_t len)
{
	size_t n, i, j = 0, alloc = 0;
	struct rec_reader r;
	const char *path;
	struct hash128 h;
	int c = 1;

	rec_reader_init(&r, blob, len);
	n = rec_get_count(&r, 24);
	d->exact = true;
	for (i = 0; i <= n && !r.bad && d->nr <= MAX_CHANGED; i++) {
		path = i < n ? rec_peek_str(&r) : NULL;
		h.lo = i < n ? rec_get_u64(&r) : 0;
		h.hi = i < n ? rec_get_u64(&r) : 0;
		/* the files now before path (or all that are left) are new */
		while (j < tn->nr && d->nr <= MAX_CHANGED &&
		       (!path || (c = strcmp(tn->paths[j], path)) < 0))
			add_changed(tn, d, j++, &alloc);
		if (!path || j == tn->nr || c > 0)
			continue;	/* path is gone */
		if (!hash128_equal(h, tn->hashes[j]))
			add_changed(tn, d, j, &alloc);
		j++;
	}
	d->ok = rec_done(&r) && d->nr <= MAX_CHANGED;
}

/* The changes since the tree of fingerprint was, found once per run. */
static struct delta *delta_of(struct tree_names *tn, struct hash128 was)
{
	struct delta *d;
	struct cache_key k;
	size_t len;
	char *blob;

	for (d = tn->deltas; d; d = d->next)
		if (hash128_equal(d->was, was))
			return d;
	d = xcalloc(1, sizeof(*d));
	d->was = was;
	d->next = tn->deltas;
	tn->deltas = d;
	listing_key(was, &k);
	blob = cache_get(&k, &len);
	if (blob)
		compare_listings(tn, d, blob, len);
	free(blob);
	return d;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_changed(const struct delta *d, size_t j)
{
	size_t lo = 0, hi = d->nr, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (d->changed[mid] == j)
			return true;
		if (d->changed[mid] < j)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/*
 * The answer for the tree now from a's files, true of an older tree:
 * files gone or changed leave it, changed or new ones naming it join.
 */
static void update(struct tree_names *tn, const struct delta *d,
		   struct answer *a)
{
	uint32_t id = id_hash(a->name, strlen(a->name));
	char **out = NULL, **hit;
	size_t i, j, nr = 0, alloc = 0;

	for (i = 0; i < a->nr; i++) {
		hit = bsearch(&a->files[i], tn->paths, tn->nr,
			      sizeof(*tn->paths), cmp_str);
		j = hit ? (size_t)(hit - tn->paths) : 0;
		if (hit && !is_changed(d, j))
			*ARRAY_PUSH(out, nr, alloc) = xstrdup(tn->paths[j]);
	}
	for (i = 0; i < d->nr; i++)
		if (ids_have(d->ids[i], d->nr_ids[i], id))
			*ARRAY_PUSH(out, nr, alloc) =
				xstrdup(tn->paths[d->changed[i]]);
	if (nr > 1)
		qsort(out, nr, sizeof(*out), cmp_str);
	free_strings(a->files, a->nr);
	a->files = out;
	a->nr = nr;
}

/* a's answer from the cache, brought up to date if the tree changed. */
static bool from_cache(struct tree_names *tn, struct answer *a)
{
	struct hash128 was;
	struct cache_key k;
	struct delta *d;

	if (!tn->listed || !cache_enabled())
		return false;
	answer_key(tn, a->name, &k);
	if (!load_answer(&k, &was, a))
		return false;
	if (hash128_equal(was, tn->fingerprint))
		return true;
	d = delta_of(tn, was);
	if (!d->ok) {
		free_strings(a->files, a->nr);
		a->files = NULL;
		a->nr = 0;
		return false;
	}
	update(tn, d, a);
	cache_count(CS_NAMES_UPDATED, 1);
	/*
	 * An edit loop changes a few files between runs: rewriting every
	 * answer (and a 4 MiB listing) each time cost more than reading
	 * those files again, so the older answer stays until the changes
	 * pile up.
	 */
	if (d->exact && d->nr > RESTORE_AFTER)
		store_answer(tn, a);
	return true;
}

/*
 * Whether no file of the tree names name, by the vocabulary (scan/vocab.h):
 * none of the tree it was built from, and none of the files changed since,
 * found as for the stored answers.  false: maybe, the index must say.
 */
static bool vocab_lacks(struct tree_names *tn, const char *name)
{
	uint32_t id = id_hash(name, strlen(name));
	struct delta *d;
	size_t i;

	if (!tn->listed || !cache_enabled())
		return false;
	if (!tn->vocab_state)
		tn->vocab_state = id_vocab_load(tn->root, &tn->vocab) ? 1 : -1;
	if (tn->vocab_state < 0 || id_vocab_may_have(&tn->vocab, id))
		return false;
	if (hash128_equal(tn->vocab.fingerprint, tn->fingerprint))
		return true;
	d = delta_of(tn, tn->vocab.fingerprint);
	if (!d->ok)
		return false;
	for (i = 0; i < d->nr; i++)
		if (ids_have(d->ids[i], d->nr_ids[i], id))
			return false;
	return true;
}

/*
 * With the whole index in memory, the vocabulary of this very tree costs
 * a pass over it: stored for the runs that ask a name no file has.  The
 * tree's listing goes with it, for the changes since.
 */
static void vocab_refresh(struct tree_names *tn)
{
	struct hash128 was;

	/* a loader writes this tree's vocabulary itself */
	if (tn->loading || !tn->listed || !cache_enabled() ||
	    (id_vocab_stored(tn->root, &was) &&
	     hash128_equal(was, tn->fingerprint)))
		return;
	if (id_vocab_save(tn->root, tn->fingerprint, &tn->ix))
		store_listing(tn);
}

/*
 * The index: from the scan's listing (no second walk, cached files
 * trusted by their bytes), else by a walk.
 */
static void load_now(struct tree_names *tn)
{
	int ret;

	cache_count(CS_INDEX_LOADS, 1);
	ret = tn->listed ?
		id_index_load_listed(tn->root, 0, tn->paths, tn->hashes,
				     tn->nr, &tn->ix) :
		id_index_load_or_build(tn->root, 0, &tn->ix);
	tn->ix_state = ret ? -(errno ? errno : EIO) : 1;
}

/*
 * Loaded while spatch runs: the index and the vocabulary are written to
 * the cache there too, not after spatch, when the chains wait for the
 * answers.  The listing is left to the answers (store_answer()), which
 * the main thread writes.
 */
static void *load_in_background(void *arg)
{
	struct tree_names *tn = arg;
	struct hash128 was;

	load_now(tn);
	say_loaded(tn);
	if (tn->ix_state <= 0)
		return NULL;
	/*
	 * Nothing waits for the writes but the end of the run: spatch goes
	 * first (on Linux the nice value is this thread's alone).
	 */
	setpriority(PRIO_PROCESS, 0, 19);
	id_index_save(tn->root, &tn->ix);
	if (tn->listed && cache_enabled() &&
	    !(id_vocab_stored(tn->root, &was) &&
	      hash128_equal(was, tn->fingerprint)))
		id_vocab_save(tn->root, tn->fingerprint, &tn->ix);
	return NULL;
}

/*
 * The index, now that a name needs it.  A loader still writing it and
 * the vocabulary only reads it, as the questions do; it is joined at the
 * end of the run (name_files_settle()) or before the index goes.
 */
static int load_index(struct tree_names *tn)
{
	if (tn->loading) {
		wait_loaded(tn);
	} else if (!tn->ix_state) {
		load_now(tn);
		if (tn->ix_state > 0)
			id_index_save(tn->root, &tn->ix);
	} else if (tn->ix_state > 0 && tn->ix.fresh) {
		id_index_save(tn->root, &tn->ix);
	}
	errno = tn->ix_state < 0 ? -tn->ix_state : 0;
	return tn->ix_state < 0 ? -1 : 0;
}

/* The files of a range of the index that hold each of ids[0..nr). */
struct index_range {
	const struct id_index *ix;
	const uint32_t *ids;
	size_t nr;
	size_t from, to;	/* files */
	size_t **hits;		/* per id, file numbers, ascending */
	size_t *nr_hits;
	pthread_t tid;
	bool started;
};

/*
 * The names asked, by hash: a file with fewer identifiers than a few
 * probes per name is read through once instead (each of its hashes
 * looked up here), as most files are when a chain level asks a hundred
 * names.
 */
struct asked {
	uint32_t *slot_id;
	size_t *slot_first;	/* into order[]; SIZE_MAX: empty */
	size_t *order;		/* k, by hash */
	size_t mask, nr;
	const uint32_t *ids;
};

static void asked_init(struct asked *a, const uint32_t *ids, size_t nr)
{
	size_t size = 16, k, s, j;

	while (size < 4 * nr)
		size *= 2;
	a->mask = size - 1;
	a->nr = nr;
	a->ids = ids;
	a->slot_id = xcalloc(size, sizeof(*a->slot_id));
	a->slot_first = xcalloc(size, sizeof(*a->slot_first));
	a->order = xcalloc(nr + 1, sizeof(*a->order));
	for (s = 0; s < size; s++)
		a->slot_first[s] = SIZE_MAX;
	/* the k of equal hashes (two names, one hash) follow each other */
	for (k = j = 0; k < nr; k++) {
		for (s = ids[k] & a->mask; a->slot_first[s] != SIZE_MAX &&
		     a->slot_id[s] != ids[k]; s = (s + 1) & a->mask)
			;
		if (a->slot_first[s] != SIZE_MAX)
			continue;
		a->slot_id[s] = ids[k];
		a->slot_first[s] = j;
		for (size_t m = k; m < nr; m++)
			if (ids[m] == ids[k])
				a->order[j++] = m;
	}
}

static void asked_free(struct asked *a)
{
	free(a->slot_id);
	free(a->slot_first);
	free(a->order);
}

static void record_hit(struct index_range *r, size_t *alloc, size_t k,
		       size_t file)
{
	*ARRAY_PUSH(r->hits[k], r->nr_hits[k], alloc[k]) = file;
}

/* Every hash of file i that was asked. */
static void read_through(struct index_range *r, const struct asked *a,
			 size_t *alloc, size_t i)
{
	const uint32_t *v = r->ix->ids[i];
	size_t n = r->ix->nr_ids[i], x, s, j;

	for (x = 0; x < n; x++) {
		for (s = v[x] & a->mask; a->slot_first[s] != SIZE_MAX;
		     s = (s + 1) & a->mask)
			if (a->slot_id[s] == v[x])
				break;
		if (a->slot_first[s] == SIZE_MAX)
			continue;
		for (j = a->slot_first[s];
		     j < a->nr && a->ids[a->order[j]] == v[x]; j++)
			record_hit(r, alloc, a->order[j], i);
	}
}

static void *search_range(void *arg)
{
	struct index_range *r = arg;
	size_t *alloc = xcalloc(r->nr + 1, sizeof(*alloc));
	struct asked a;
	size_t i, k;

	asked_init(&a, r->ids, r->nr);
	/* file by file: its hashes stay in the CPU's cache for every name */
	for (i = r->from; i < r->to; i++) {
		if (r->ix->nr_ids[i] < 4 * r->nr) {
			read_through(r, &a, alloc, i);
			continue;
		}
		for (k = 0; k < r->nr; k++)
			if (id_index_has(r->ix, i, r->ids[k]))
				record_hit(r, alloc, k, i);
	}
	asked_free(&a);
	free(alloc);
	return NULL;
}

/*
 * Each of v[0..nr) from one pass over the index, split among the CPUs:
 * the chains wait for the answers, and nothing else runs beside them
 * after spatch.  The ranges follow each other, so each answer comes out
 * in the index's (sorted) order.
 */
static int from_index(struct tree_names *tn, struct answer **v, size_t nr)
{
	uint32_t *ids = xcalloc(nr + 1, sizeof(*ids));
	size_t *alloc = xcalloc(nr + 1, sizeof(*alloc));
	size_t nr_files, k, i, j;
	int jobs = default_jobs(), t;
	struct index_range *r;

	if (load_index(tn)) {
		free(ids);
		free(alloc);
		return -1;
	}
	for (k = 0; k < nr; k++)
		ids[k] = id_hash(v[k]->name, strlen(v[k]->name));
	nr_files = tn->ix.nr_files;
	r = xcalloc(jobs, sizeof(*r));
	for (t = 0; t < jobs; t++) {
		r[t].ix = &tn->ix;
		r[t].ids = ids;
		r[t].nr = nr;
		r[t].from = nr_files * t / jobs;
		r[t].to = nr_files * (t + 1) / jobs;
		r[t].hits = xcalloc(nr + 1, sizeof(*r[t].hits));
		r[t].nr_hits = xcalloc(nr + 1, sizeof(*r[t].nr_hits));
		r[t].started = t &&
			       !pthread_create(&r[t].tid, NULL, search_range,
					       &r[t]);
	}
	for (t = 0; t < jobs; t++)
		if (!r[t].started)
			search_range(&r[t]);
	for (t = 0; t < jobs; t++) {
		if (r[t].started)
			pthread_join(r[t].tid, NULL);
		for (k = 0; k < nr; k++) {
			for (j = 0; j < r[t].nr_hits[k]; j++) {
				i = r[t].hits[k][j];
				*ARRAY_PUSH(v[k]->files, v[k]->nr, alloc[k]) =
					xstrdup(tn->ix.paths[i]);
			}
			free(r[t].hits[k]);
		}
		free(r[t].hits);
		free(r[t].nr_hits);
	}
	free(r);
	for (k = 0; k < nr; k++) {
		v[k]->found = true;
		store_answer(tn, v[k]);
	}
	cache_count(CS_NAMES_INDEXED, nr);
	vocab_refresh(tn);
	free(ids);
	free(alloc);
	return 0;
}

void name_files_preload(const char *root)
{
	struct tree_names *tn = tree_of(root);
	struct cache_key k;

	if (tn->ix_state || tn->loading)
		return;
	/*
	 * Stored answers stand when an earlier run saw this very tree (its
	 * listing is stored), and are brought up to date when few files
	 * changed since the scan's last run (read again only because their
	 * stat data moved is no change).
	 */
	if (tn->listed && cache_enabled()) {
		listing_key(tn->fingerprint, &k);
		if (cache_has(&k) ||
		    cache_counter(CS_FILES_CHANGED) <= MAX_CHANGED)
			return;
	}
	pthread_mutex_init(&tn->lock, NULL);
	pthread_cond_init(&tn->loaded_cond, NULL);
	tn->loaded = false;
	tn->loading = !pthread_create(&tn->loader, NULL, load_in_background,
				      tn);
	if (!tn->loading) {
		pthread_cond_destroy(&tn->loaded_cond);
		pthread_mutex_destroy(&tn->lock);
	}
}

int name_files_prefetch(const char *root, char *const *names, size_t nr)
{
	struct tree_names *tn = tree_of(root);
	struct answer **need = NULL, *a;
	size_t i, nr_need = 0, alloc = 0;
	int ret = 0;

	for (i = 0; i < nr; i++) {
		if (answer_find(tn, names[i]))
			continue;
		a = answer_new(tn, names[i]);
		a->found = from_cache(tn, a);
		if (!a->found && vocab_lacks(tn, names[i])) {
			/* no file: the vocabulary answers it as cheaply again */
			a->found = true;
			cache_count(CS_NAMES_ABSENT, 1);
		}
		if (!a->found)
			*ARRAY_PUSH(need, nr_need, alloc) = a;
	}
	if (nr_need)
		ret = from_index(tn, need, nr_need);
	free(need);
	return ret;
}

void name_files_settle(const char *root)
{
	struct tree_names *tn;

	for (tn = trees; tn; tn = tn->next)
		if (!strcmp(tn->root, root))
			join_loader(tn);
}

size_t name_files(const char *root, const char *name, char ***files)
{
	char *const names[] = { (char *)name };
	struct tree_names *tn = tree_of(root);
	struct answer *a;
	size_t i;

	*files = NULL;
	name_files_prefetch(root, names, 1);
	a = answer_find(tn, name);
	if (!a || !a->found)
		return 0;
	*files = xcalloc(a->nr + 1, sizeof(**files));
	for (i = 0; i < a->nr; i++)
		(*files)[i] = xstrdup(a->files[i]);
	return a->nr;
}
