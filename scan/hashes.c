// SPDX-License-Identifier: GPL-2.0-only
/*
 * The content hashes the last indexed scan of a tree knew, for the
 * layers above that key their own facts by a file's bytes (spatch's):
 * they get the hash of an unchanged file without reading it.  Review
 * scans the kernel tree in a thread while spatch's cache asks for the
 * copies' hashes: a lock keeps the list whole.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "scan/index.h"

struct known {
	char *root;
	char **paths;		/* sorted */
	struct hash128 *hashes;
	uint32_t **ids;		/* per file, from the scan's read, or NULL */
	size_t *nr_ids;
	struct file_id *ids_of;	/* the stat data of those bytes */
	size_t nr;
	bool whole;		/* every file of the tree: fingerprint valid */
	struct hash128 fingerprint;	/* of all paths and hashes */
};

static struct known *trees;
static size_t nr_trees, alloc_trees;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void forget(struct known *t)
{
	size_t i;

	for (i = 0; i < t->nr; i++) {
		free(t->paths[i]);
		free(t->ids[i]);
	}
	free(t->paths);
	free(t->hashes);
	free(t->ids);
	free(t->nr_ids);
	free(t->ids_of);
	t->paths = NULL;
	t->hashes = NULL;
	t->ids = NULL;
	t->nr_ids = NULL;
	t->ids_of = NULL;
	t->nr = 0;
}

void index_remember_hashes(const char *root, struct index_entry *v,
			   size_t nr, bool whole)
{
	struct known *t = NULL;
	size_t i;

	pthread_mutex_lock(&lock);
	for (i = 0; i < nr_trees && !t; i++)
		if (!strcmp(trees[i].root, root))
			t = &trees[i];
	if (!t) {
		t = ARRAY_PUSH(trees, nr_trees, alloc_trees);
		t->root = xstrdup(root);
		t->nr = 0;
		t->paths = NULL;
		t->hashes = NULL;
		t->ids = NULL;
		t->nr_ids = NULL;
		t->ids_of = NULL;
	}
	forget(t);
	t->paths = xcalloc(nr ? nr : 1, sizeof(*t->paths));
	t->hashes = xcalloc(nr ? nr : 1, sizeof(*t->hashes));
	t->ids = xcalloc(nr ? nr : 1, sizeof(*t->ids));
	t->nr_ids = xcalloc(nr ? nr : 1, sizeof(*t->nr_ids));
	t->ids_of = xcalloc(nr ? nr : 1, sizeof(*t->ids_of));
	for (i = 0; i < nr; i++) {
		if (!v[i].path)
			continue;
		t->paths[t->nr] = xstrdup(v[i].path);
		t->ids[t->nr] = v[i].ids;
		t->nr_ids[t->nr] = v[i].nr_ids;
		t->ids_of[t->nr] = v[i].id;
		v[i].ids = NULL;
		t->hashes[t->nr++] = v[i].hash;
	}
	/* a file the scan could not read leaves the tree's content unknown */
	t->whole = whole && t->nr == nr;
	memset(&t->fingerprint, 0, sizeof(t->fingerprint));
	for (i = 0; i < t->nr; i++) {
		t->fingerprint = hash_text(t->fingerprint, t->paths[i]);
		t->fingerprint = hash_bytes(t->fingerprint, &t->hashes[i],
					    sizeof(t->hashes[i]));
	}
	pthread_mutex_unlock(&lock);
}

/* The whole-tree entry of root, or NULL; with the lock held. */
static const struct known *whole_tree(const char *root)
{
	size_t i;

	for (i = 0; i < nr_trees; i++)
		if (!strcmp(trees[i].root, root) && trees[i].whole)
			return &trees[i];
	return NULL;
}

bool scan_tree_listing(const char *root, char *const **paths,
		       const struct hash128 **hashes, size_t *nr)
{
	const struct known *t;

	pthread_mutex_lock(&lock);
	t = whole_tree(root);
	if (t) {
		*paths = t->paths;
		*hashes = t->hashes;
		*nr = t->nr;
	}
	pthread_mutex_unlock(&lock);
	return t;
}

bool scan_tree_fingerprint(const char *root, struct hash128 *h)
{
	const struct known *t;

	pthread_mutex_lock(&lock);
	t = whole_tree(root);
	if (t)
		*h = t->fingerprint;
	pthread_mutex_unlock(&lock);
	return t;
}

bool scan_tree_take_ids(const char *root, size_t i, uint32_t **ids,
			size_t *nr, long long *size, long long *mtime)
{
	struct known *t;

	pthread_mutex_lock(&lock);
	t = (struct known *)whole_tree(root);
	*ids = t && i < t->nr ? t->ids[i] : NULL;
	*nr = *ids ? t->nr_ids[i] : 0;
	if (*ids) {
		t->ids[i] = NULL;
		*size = t->ids_of[i].size;
		*mtime = t->ids_of[i].mtime_ns;
	}
	pthread_mutex_unlock(&lock);
	return *ids;
}

static bool find_hash(const char *root, const char *path, struct hash128 *h)
{
	size_t i, lo, hi, mid;
	int c;

	for (i = 0; i < nr_trees; i++) {
		if (strcmp(trees[i].root, root))
			continue;
		for (lo = 0, hi = trees[i].nr; lo < hi;) {
			mid = lo + (hi - lo) / 2;
			c = strcmp(path, trees[i].paths[mid]);
			if (!c) {
				*h = trees[i].hashes[mid];
				return true;
			}
			if (c < 0)
				hi = mid;
			else
				lo = mid + 1;
		}
	}
	return false;
}

bool scan_file_hash(const char *root, const char *path, struct hash128 *h)
{
	bool found;

	pthread_mutex_lock(&lock);
	found = find_hash(root, path, h);
	pthread_mutex_unlock(&lock);
	return found;
}
