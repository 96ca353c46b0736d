// SPDX-License-Identifier: GPL-2.0-only
/*
 * Which files of a tree name a function, through the cache.  grep reads
 * every file of the tree; a warm run should read none, and a run after a
 * few files changed only those.  So, when the tree is the one this run
 * scanned whole (the scan knows every file's hash without reading it):
 *
 *   - the answer is stored per tree and name with the fingerprint of the
 *     tree it was true of, and the tree's listing (paths and hashes) is
 *     stored once under that fingerprint;
 *   - the same fingerprint now: the answer stands;
 *   - another one: the listings are compared, and only the files added
 *     or changed since are read, for the name as a whole word (grep -w's
 *     word: letters, digits, underscore);
 *   - no listing to compare with, or too many changes: grep, as before.
 */
#define _GNU_SOURCE		/* memmem() */
#include <stdlib.h>
#include <string.h>

#include "interproc/interproc.h"
#include "lib/cache.h"
#include "lib/record.h"
#include "lib/util.h"
#include "scan/scan.h"

#define NAME_FILES_VERSION 2
/* More changed files than this: grep reads them as fast. */
#define MAX_CHANGED 2000

struct listing {
	char *const *paths;
	const struct hash128 *hashes;
	size_t nr;
	struct hash128 fingerprint;
};

static bool same_hash(struct hash128 a, struct hash128 b)
{
	return a.lo == b.lo && a.hi == b.hi;
}

static void answer_key(const char *root, const char *name,
		       struct cache_key *k)
{
	char *real = realpath(root, NULL);

	cache_key_init(k, CACHE_NAME_FILES, NAME_FILES_VERSION);
	cache_key_add_str(k, real ? real : root);
	cache_key_add_str(k, name);
	free(real);
}

static void listing_key(struct hash128 fingerprint, struct cache_key *k)
{
	cache_key_init(k, CACHE_TREE_LISTING, NAME_FILES_VERSION);
	cache_key_add(k, &fingerprint, sizeof(fingerprint));
}

static void free_strings(char **v, size_t nr)
{
	size_t i;

	for (i = 0; i < nr; i++)
		free(v[i]);
	free(v);
}

/* The stored answer and the fingerprint it was true of. */
static bool load_answer(const struct cache_key *k, struct hash128 *was,
			char ***files, size_t *nr)
{
	size_t len, n, i, alloc = 0;
	char *blob = cache_get(k, &len);
	struct rec_reader r;

	*files = NULL;
	*nr = 0;
	if (!blob)
		return false;
	rec_reader_init(&r, blob, len);
	was->lo = rec_get_u64(&r);
	was->hi = rec_get_u64(&r);
	n = rec_get_count(&r, 8);
	for (i = 0; i < n && !r.bad; i++)
		*ARRAY_PUSH(*files, *nr, alloc) = xstrdup(rec_peek_str(&r));
	free(blob);
	if (rec_done(&r))
		return true;
	cache_count(CS_CORRUPT, 1);
	free_strings(*files, *nr);
	*files = NULL;
	*nr = 0;
	return false;
}

static void store_answer(const struct cache_key *k, struct hash128 now,
			 char **files, size_t nr)
{
	struct rec_buf b = { 0 };
	size_t i;

	rec_put_u64(&b, now.lo);
	rec_put_u64(&b, now.hi);
	rec_put_u64(&b, nr);
	for (i = 0; i < nr; i++)
		rec_put_str(&b, files[i]);
	cache_put(k, b.data, b.len);
	rec_buf_free(&b);
}

/* Once per run and fingerprint: the listing the next run compares with. */
static void store_listing(const struct listing *t)
{
	static struct hash128 stored;
	static bool done;
	struct rec_buf b = { 0 };
	struct cache_key k;
	size_t i;

	if (done && same_hash(stored, t->fingerprint))
		return;
	stored = t->fingerprint;
	done = true;
	listing_key(t->fingerprint, &k);
	if (cache_has(&k))
		return;
	rec_put_u64(&b, t->nr);
	for (i = 0; i < t->nr; i++) {
		rec_put_str(&b, t->paths[i]);
		rec_put_u64(&b, t->hashes[i].lo);
		rec_put_u64(&b, t->hashes[i].hi);
	}
	cache_put(&k, b.data, b.len);
	rec_buf_free(&b);
}

static bool word_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

/* grep -w name on root/path. */
static bool names_word(const char *root, const char *path, const char *name)
{
	char *full = path_join(root, path), *text, *p;
	size_t len, n = strlen(name);
	bool found = false;

	text = read_file(full, &len);
	free(full);
	for (p = text; p && !found && (p = memmem(p, text + len - p, name, n));
	     p++)
		found = (p == text || !word_byte(p[-1])) &&
			(p + n == text + len || !word_byte(p[n]));
	free(text);
	return found;
}

static bool listed(char **files, size_t nr, const char *path)
{
	size_t i;

	for (i = 0; i < nr; i++)
		if (!strcmp(files[i], path))
			return true;
	return false;
}

/*
 * The answer for the tree now, from the answer for an older tree: files
 * gone or changed leave it, changed or new ones that name it join it.
 * false when the older listing is not there or too much changed.
 */
static bool update(const char *root, const char *name, const struct listing *t,
		   struct hash128 was, char ***files, size_t *nr)
{
	char **out = NULL, *blob;
	size_t len, n, i, j = 0, nr_out = 0, alloc = 0, changed = 0;
	struct cache_key k;
	struct rec_reader r;
	const char *path;
	struct hash128 h;
	int c = 1;

	listing_key(was, &k);
	blob = cache_get(&k, &len);
	if (!blob)
		return false;
	rec_reader_init(&r, blob, len);
	n = rec_get_count(&r, 24);
	for (i = 0; i <= n && !r.bad && changed <= MAX_CHANGED; i++) {
		path = i < n ? rec_peek_str(&r) : NULL;
		h.lo = i < n ? rec_get_u64(&r) : 0;
		h.hi = i < n ? rec_get_u64(&r) : 0;
		/* the files now before path (or all that are left) are new */
		for (; j < t->nr && (!path || (c = strcmp(t->paths[j], path)) < 0);
		     j++, changed++)
			if (names_word(root, t->paths[j], name))
				*ARRAY_PUSH(out, nr_out, alloc) = xstrdup(t->paths[j]);
		if (!path || j == t->nr || c > 0)
			continue;	/* path is gone: out of the answer */
		if (!same_hash(h, t->hashes[j]) && ++changed &&
		    names_word(root, t->paths[j], name))
			*ARRAY_PUSH(out, nr_out, alloc) = xstrdup(t->paths[j]);
		else if (same_hash(h, t->hashes[j]) &&
			 listed(*files, *nr, t->paths[j]))
			*ARRAY_PUSH(out, nr_out, alloc) = xstrdup(t->paths[j]);
		j++;
	}
	free(blob);
	if (!rec_done(&r) || changed > MAX_CHANGED) {
		free_strings(out, nr_out);
		return false;
	}
	free_strings(*files, *nr);
	*files = out;
	*nr = nr_out;
	return true;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t names_files(const char *root, const char *name, char ***files)
{
	struct listing t;
	struct hash128 was;
	struct cache_key k;
	size_t nr;

	if (!cache_enabled() || !scan_tree_fingerprint(root, &t.fingerprint) ||
	    !scan_tree_listing(root, &t.paths, &t.hashes, &t.nr)) {
		nr = names_grep(root, name, files);
		goto sorted;
	}
	answer_key(root, name, &k);
	if (load_answer(&k, &was, files, &nr) &&
	    (same_hash(was, t.fingerprint) ||
	     update(root, name, &t, was, files, &nr))) {
		if (!same_hash(was, t.fingerprint))
			store_answer(&k, t.fingerprint, *files, nr);
	} else {
		free_strings(*files, nr);
		nr = names_grep(root, name, files);
		store_answer(&k, t.fingerprint, *files, nr);
	}
	store_listing(&t);
sorted:
	if (nr > 1)
		qsort(*files, nr, sizeof(**files), cmp_str);
	return nr;
}
