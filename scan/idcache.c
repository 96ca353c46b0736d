// SPDX-License-Identifier: GPL-2.0-only
/*
 * The identifier index, kept between runs: hashing a whole kernel tree
 * costs seconds, and review must answer in under one.  One file per tree
 * (named by a hash of its real path) holds, per source file, its size,
 * mtime and hashes; a file whose size or mtime changed is hashed again,
 * and a new or vanished file is noticed by the directory walk.  A cache
 * that cannot be read or written is only slower, never wrong.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/hash.h"
#include "lib/util.h"
#include "scan/internal.h"

#define CACHE_MAGIC "ptsync-ids 1\n"

static char *cache_path(const char *root)
{
	const char *dir = getenv("PTSYNC_CACHE_DIR");
	char *real = realpath(root, NULL), *base, *path;

	if (dir && *dir)
		base = xstrdup(dir);
	else if (getenv("XDG_CACHE_HOME") && *getenv("XDG_CACHE_HOME"))
		base = xasprintf("%s/ptsync", getenv("XDG_CACHE_HOME"));
	else if (getenv("HOME"))
		base = xasprintf("%s/.cache/ptsync", getenv("HOME"));
	else
		base = NULL;
	path = base && real ?
		xasprintf("%s/ids-%016llx", base,
			  (unsigned long long)hash_str(HASH_INIT, real)) :
		NULL;
	free(real);
	free(base);
	return path;
}

static int cmp_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct entry {
	char *path;
	long long size, mtime;
	uint32_t *ids;
	size_t nr;
};

static bool read_entry(FILE *f, struct entry *e)
{
	unsigned long long len, nr;

	if (fscanf(f, "%llu %lld %lld %llu ", &len, &e->size, &e->mtime,
		   &nr) != 4 || len > 4096 || nr > (1u << 24))
		return false;
	e->path = xmalloc(len + 1);
	e->nr = nr;
	e->ids = xmalloc((nr ? nr : 1) * sizeof(*e->ids));
	if (fread(e->path, 1, len, f) != len ||
	    fread(e->ids, sizeof(*e->ids), nr, f) != nr) {
		free(e->path);
		free(e->ids);
		return false;
	}
	e->path[len] = '\0';
	return true;
}

/* Take the ids of unchanged files from the cache at path. */
static void load(const char *path, const char *root, struct id_index *ix)
{
	FILE *f = fopen(path, "rb");
	char magic[sizeof(CACHE_MAGIC)] = "";
	struct entry e;
	struct stat st;
	char **hit, *full;
	size_t i;

	if (!f)
		return;
	if (fread(magic, 1, strlen(CACHE_MAGIC), f) != strlen(CACHE_MAGIC) ||
	    strcmp(magic, CACHE_MAGIC)) {
		fclose(f);
		return;
	}
	while (read_entry(f, &e)) {
		hit = bsearch(&e.path, ix->paths, ix->nr_files,
			      sizeof(*ix->paths), cmp_path);
		i = hit ? (size_t)(hit - ix->paths) : 0;
		full = hit ? path_join(root, e.path) : NULL;
		if (full && !stat(full, &st) && st.st_size == e.size &&
		    st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec ==
		    e.mtime && !ix->ids[i]) {
			ix->ids[i] = e.ids;
			ix->nr_ids[i] = e.nr;
			ix->size[i] = e.size;
			ix->mtime[i] = e.mtime;
			e.ids = NULL;
		}
		free(full);
		free(e.ids);
		free(e.path);
	}
	fclose(f);
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

/* Write to a new file and rename it: readers never see half a cache. */
static void save(const char *path, const struct id_index *ix)
{
	char *tmp = xasprintf("%s.%d.tmp", path, (int)getpid());
	char *dir = xstrdup(path);
	FILE *f;
	size_t i;
	bool ok;

	*strrchr(dir, '/') = '\0';
	f = mkdirs(dir) ? NULL : fopen(tmp, "wb");
	free(dir);
	if (!f) {
		free(tmp);
		return;
	}
	ok = fputs(CACHE_MAGIC, f) >= 0;
	for (i = 0; ok && i < ix->nr_files; i++) {
		ok = fprintf(f, "%zu %lld %lld %zu ", strlen(ix->paths[i]),
			     ix->size[i], ix->mtime[i], ix->nr_ids[i]) > 0 &&
		     fputs(ix->paths[i], f) >= 0 &&
		     fwrite(ix->ids[i] ? ix->ids[i] : (uint32_t *)"",
			    sizeof(uint32_t), ix->nr_ids[i], f) ==
		     ix->nr_ids[i];
	}
	if (fclose(f) || !ok || rename(tmp, path))
		unlink(tmp);
	free(tmp);
}

int id_index_load_or_build(const char *root, int jobs, struct id_index *ix)
{
	char *path = cache_path(root);
	size_t i, before = 0;

	memset(ix, 0, sizeof(*ix));
	ix->paths = scan_list_files(root, &ix->nr_files);
	if (!ix->paths) {
		free(path);
		return -1;
	}
	id_index_alloc(ix);
	if (path)
		load(path, root, ix);
	for (i = 0; i < ix->nr_files; i++)
		before += ix->ids[i] != NULL;
	id_index_fill(root, jobs, ix);
	for (i = 0; i < ix->nr_files; i++)
		before -= ix->ids[i] != NULL;
	if (path && before)	/* some file was hashed again */
		save(path, ix);
	free(path);
	return 0;
}
