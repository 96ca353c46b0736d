// SPDX-License-Identifier: GPL-2.0-only
/*
 * The identifier index, kept between runs: hashing a whole kernel tree
 * costs seconds, and review must answer in under one.  One file per tree
 * (named by a hash of its real path) holds, per source file, its size,
 * mtime and hashes; a file whose size or mtime changed is hashed again,
 * and a new or vanished file is noticed by the directory walk.  A cache
 * that cannot be read or written is only slower, never wrong; the cache
 * of a tree that no longer exists is removed when another is written.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/cache.h"
#include "lib/hash.h"
#include "lib/util.h"
#include "scan/internal.h"

/* 16 bytes, so that the hashes after it stay 4-byte aligned */
#define CACHE_MAGIC "ptsync-ids 6\n\n\n\n"
_Static_assert(sizeof(CACHE_MAGIC) - 1 == 16, "cache magic keeps alignment");

/*
 * ids-HASH in the cache's directory (lib/cache.h: --cache-dir,
 * PTSYNC_CACHE_DIR, XDG_CACHE_HOME, ~/.cache), beside its bounded store:
 * an index of a tree is rewritten in place, not added to.  NULL with
 * --no-cache.
 */
char *id_index_path(const char *root)
{
	const char *base = cache_dir();
	char *real = realpath(root, NULL), *path;

	path = base && real ?
		xasprintf("%s/ids-%016llx", base,
			  (unsigned long long)hash_str(HASH_INIT, real)) :
		NULL;
	free(real);
	return path;
}

static int cmp_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * One entry: path length, size, mtime and count as fixed-size fields,
 * then the path padded with NULs and the hashes; the whole file is read
 * at once and the hashes are used where they lie.
 */
struct entry_head {
	uint32_t path_len;
	uint32_t nr;
	int64_t size, mtime;
	struct hash128 hash;	/* of the bytes hashed */
};

/* The path and at least one NUL, to a multiple of 4: ids stay aligned. */
static size_t padded(size_t len)
{
	return (len + 4) & ~(size_t)3;
}

/*
 * known: the hash of the file's bytes from the scan of this run, exact;
 * else its stat data, as the index recorded them.
 */
static bool unchanged(int rootfd, const char *path, const struct entry_head *h,
		      const struct hash128 *known)
{
	struct stat st;

	if (known)
		return !memcmp(known, &h->hash, sizeof(*known));
	return !fstatat(rootfd, path, &st, AT_SYMLINK_NOFOLLOW) &&
	       st.st_size == h->size &&
	       st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec == h->mtime;
}

/* Take the ids of unchanged files from the cache at path. */
static void load(const char *path, const char *root, struct id_index *ix,
		 const struct hash128 *known)
{
	size_t len, off = strlen(CACHE_MAGIC), i;
	char *blob = read_file(path, &len), *name, **hit;
	struct entry_head h;
	int rootfd;

	if (!blob)
		return;
	rootfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (rootfd < 0 || len < off || memcmp(blob, CACHE_MAGIC, off)) {
		free(blob);
		if (rootfd >= 0)
			close(rootfd);
		return;
	}
	while (off + sizeof(h) <= len) {
		memcpy(&h, blob + off, sizeof(h));
		off += sizeof(h);
		if (padded(h.path_len) > len - off ||
		    (size_t)h.nr > (len - off - padded(h.path_len)) /
				   sizeof(uint32_t))
			break;
		name = blob + off;
		off += padded(h.path_len);
		if (name[h.path_len])	/* not ours */
			break;
		hit = bsearch(&name, ix->paths, ix->nr_files,
			      sizeof(*ix->paths), cmp_path);
		i = hit ? (size_t)(hit - ix->paths) : 0;
		if (hit && !ix->ids[i] &&
		    unchanged(rootfd, ix->paths[i], &h, known ? &known[i] : NULL)) {
			ix->ids[i] = (uint32_t *)(blob + off);
			ix->nr_ids[i] = h.nr;
			ix->size[i] = h.size;
			ix->mtime[i] = h.mtime;
			ix->hash[i] = h.hash;
		}
		off += h.nr * sizeof(uint32_t);
	}
	close(rootfd);
	ix->blob = blob;
	ix->blob_len = len;
}

static int mkdirs(const char *dir)
{
	char *p = xstrdup(dir), *s;
	int ret = 0;

	for (s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) && errno != EEXIST)
			ret = -1;
		*s = '/';
	}
	if (mkdir(p, 0700) && errno != EEXIST)
		ret = -1;
	free(p);
	return ret;
}

/* ids-HASH.tree names ids-HASH, and its vocabulary (scan/vocab.c). */
static void remove_cache(const char *side)
{
	char *base = xstrndup(side, strlen(side) - strlen(".tree"));
	char *vocab = xasprintf("%s.vocab", base);

	unlink(base);
	unlink(vocab);
	unlink(side);
	free(vocab);
	free(base);
}

/*
 * Each cache has a sidecar, ids-HASH.tree, naming its tree; a tree that
 * is gone (a scratch copy, a test's) takes its cache with it, so that
 * the directory does not grow by one index per copy ever checked.
 */
static void prune(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char *side, *tree, *nl;
	struct stat st;
	size_t len;

	while (d && (de = readdir(d))) {
		if (strncmp(de->d_name, "ids-", 4) ||
		    !str_ends_with(de->d_name, ".tree"))
			continue;
		side = xasprintf("%s/%s", dir, de->d_name);
		tree = read_file(side, &len);
		nl = tree ? strchr(tree, '\n') : NULL;
		if (nl)
			*nl = '\0';
		if (tree && *tree == '/' && stat(tree, &st) && errno == ENOENT)
			remove_cache(side);
		free(tree);
		free(side);
	}
	if (d)
		closedir(d);
}

static void save_tree_name(const char *path, const char *root)
{
	char *side = xasprintf("%s.tree", path), *real = realpath(root, NULL);
	FILE *f = real ? fopen(side, "w") : NULL;

	if (f) {
		fprintf(f, "%s\n", real);
		if (fclose(f))
			unlink(side);
	}
	free(real);
	free(side);
}

/* Write to a new file and rename it: readers never see half a cache. */
static void save(const char *path, const char *root, const struct id_index *ix)
{
	char *tmp = xasprintf("%s.%d.tmp", path, (int)getpid());
	char *dir = xstrdup(path);
	FILE *f;
	size_t i;
	bool ok;

	*strrchr(dir, '/') = '\0';
	f = mkdirs(dir) ? NULL : fopen(tmp, "wb");
	if (f)
		prune(dir);
	free(dir);
	if (!f) {
		free(tmp);
		return;
	}
	ok = fputs(CACHE_MAGIC, f) >= 0;
	for (i = 0; ok && i < ix->nr_files; i++) {
		struct entry_head h = {
			.path_len = strlen(ix->paths[i]), .nr = ix->nr_ids[i],
			.size = ix->size[i], .mtime = ix->mtime[i],
			.hash = ix->hash[i],
		};

		ok = fwrite(&h, sizeof(h), 1, f) == 1 &&
		     fwrite(ix->paths[i], 1, h.path_len, f) == h.path_len &&
		     fwrite("\0\0\0\0", 1, padded(h.path_len) - h.path_len,
			    f) == padded(h.path_len) - h.path_len &&
		     fwrite(ix->ids[i] ? ix->ids[i] : (uint32_t *)"",
			    sizeof(uint32_t), h.nr, f) == h.nr;
	}
	if (fclose(f) || !ok || rename(tmp, path))
		unlink(tmp);
	else
		save_tree_name(path, root);
	free(tmp);
}

static int load_or_build(const char *root, int jobs, struct id_index *ix,
			 const struct hash128 *known)
{
	char *path = id_index_path(root);
	size_t i;

	if (path)
		load(path, root, ix, known);
	for (i = 0; i < ix->nr_files; i++)
		ix->fresh += ix->ids[i] == NULL;
	/* the listing is the scan's: what it hashed as it read is not read again */
	for (i = 0; known && i < ix->nr_files; i++)
		if (!ix->ids[i] &&
		    scan_tree_take_ids(root, i, &ix->ids[i], &ix->nr_ids[i],
				       &ix->size[i], &ix->mtime[i]))
			ix->hash[i] = known[i];
	id_index_fill(root, jobs, ix);
	free(path);
	return 0;
}

void id_index_save(const char *root, struct id_index *ix)
{
	char *path = ix->fresh ? id_index_path(root) : NULL;

	if (path)	/* some file was hashed again */
		save(path, root, ix);
	ix->fresh = 0;
	free(path);
}

int id_index_load_or_build(const char *root, int jobs, struct id_index *ix)
{
	memset(ix, 0, sizeof(*ix));
	ix->paths = scan_list_files(root, &ix->nr_files);
	if (!ix->paths)
		return -1;
	id_index_alloc(ix);
	return load_or_build(root, jobs, ix, NULL);
}

int id_index_load_listed(const char *root, int jobs, char *const *paths,
			 const struct hash128 *hashes, size_t nr,
			 struct id_index *ix)
{
	size_t i;

	memset(ix, 0, sizeof(*ix));
	ix->nr_files = nr;
	ix->paths = xcalloc(nr + 1, sizeof(*ix->paths));
	for (i = 0; i < nr; i++)
		ix->paths[i] = xstrdup(paths[i]);
	id_index_alloc(ix);
	return load_or_build(root, jobs, ix, hashes);
}
