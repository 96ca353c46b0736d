// SPDX-License-Identifier: GPL-2.0-only
/*
 * The content hashes the last indexed scan of a tree knew, for the
 * layers above that key their own facts by a file's bytes (spatch's):
 * they get the hash of an unchanged file without reading it.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "scan/index.h"

struct known {
	char *root;
	char **paths;		/* sorted */
	struct hash128 *hashes;
	size_t nr;
	bool whole;		/* every file of the tree: fingerprint valid */
	struct hash128 fingerprint;	/* of all paths and hashes */
};

static struct known *trees;
static size_t nr_trees, alloc_trees;

static void forget(struct known *t)
{
	size_t i;

	for (i = 0; i < t->nr; i++)
		free(t->paths[i]);
	free(t->paths);
	free(t->hashes);
	t->paths = NULL;
	t->hashes = NULL;
	t->nr = 0;
}

void index_remember_hashes(const char *root, const struct index_entry *v,
			   size_t nr, bool whole)
{
	struct known *t = NULL;
	size_t i;

	for (i = 0; i < nr_trees && !t; i++)
		if (!strcmp(trees[i].root, root))
			t = &trees[i];
	if (!t) {
		t = ARRAY_PUSH(trees, nr_trees, alloc_trees);
		t->root = xstrdup(root);
		t->nr = 0;
		t->paths = NULL;
		t->hashes = NULL;
	}
	forget(t);
	t->paths = xcalloc(nr ? nr : 1, sizeof(*t->paths));
	t->hashes = xcalloc(nr ? nr : 1, sizeof(*t->hashes));
	for (i = 0; i < nr; i++) {
		if (!v[i].path)
			continue;
		t->paths[t->nr] = xstrdup(v[i].path);
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
}

bool scan_tree_listing(const char *root, char *const **paths,
		       const struct hash128 **hashes, size_t *nr)
{
	size_t i;

	for (i = 0; i < nr_trees; i++) {
		if (!strcmp(trees[i].root, root) && trees[i].whole) {
			*paths = trees[i].paths;
			*hashes = trees[i].hashes;
			*nr = trees[i].nr;
			return true;
		}
	}
	return false;
}

bool scan_tree_fingerprint(const char *root, struct hash128 *h)
{
	size_t i;

	for (i = 0; i < nr_trees; i++) {
		if (!strcmp(trees[i].root, root) && trees[i].whole) {
			*h = trees[i].fingerprint;
			return true;
		}
	}
	return false;
}

bool scan_file_hash(const char *root, const char *path, struct hash128 *h)
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
