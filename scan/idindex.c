// SPDX-License-Identifier: GPL-2.0-only
/*
 * id_index_build(): which identifiers each file of the tree holds, as
 * sorted 32-bit hashes.  Walking call chains up from a population asks
 * "which files can call foo()?" once per function on the chain; lexing
 * the whole tree for each question is far too slow, so one pass hashes
 * every identifier outside comments and literals (no preprocessing: a
 * superset is fine, the files found are lexed properly afterwards).
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/cache.h"
#include "lib/util.h"
#include "scan/calls.h"
#include "scan/internal.h"

struct ix_pool {
	const char *root;
	int rootfd;		/* the tree, for openat(): -1 if not open */
	struct id_index *ix;
	atomic_size_t next;
};

/*
 * A worker's buffer, used again for every file it reads: stdio's
 * read_file(), a stat() by path and a new buffer per file cost a tenth
 * of the index's time in the kernel.
 */
struct ix_buf {
	char *p;
	size_t alloc;
	struct id_scratch ids;
};

static void index_file(struct ix_pool *p, size_t i, struct ix_buf *b)
{
	const char *path = p->ix->paths[i];
	struct stat st;
	size_t len;
	bool ok;
	int fd;

	if (p->ix->ids[i])	/* from the cache or the scan */
		return;
	cache_count(CS_INDEX_READS, 1);
	fd = p->rootfd < 0 ? -1 : scan_open_file(p->rootfd, path, O_CLOEXEC);
	if (fd < 0) {
		char *full = path_join(p->root, path), *buf;

		/* as before: what stat() says, and the bytes if readable */
		if (!stat(full, &st)) {
			p->ix->size[i] = st.st_size;
			p->ix->mtime[i] = st.st_mtim.tv_sec * 1000000000LL +
					  st.st_mtim.tv_nsec;
		}
		buf = read_file(full, &len);
		free(full);
		if (!buf)
			return;
		p->ix->nr_ids[i] = id_hash_buffer(buf, len, &p->ix->ids[i]);
		p->ix->hash[i] = hash_bytes((struct hash128){ 0, 0 }, buf, len);
		free(buf);
		return;
	}
	ok = !fstat(fd, &st);
	if (ok) {
		p->ix->size[i] = st.st_size;
		p->ix->mtime[i] = st.st_mtim.tv_sec * 1000000000LL +
				  st.st_mtim.tv_nsec;
		ok = scan_read_fd(fd, st.st_size, SIZE_MAX, &b->p,
				  &b->alloc, &len);
	}
	close(fd);
	if (!ok)
		return;
	p->ix->nr_ids[i] = id_hash_buffer_with(b->p, len, &b->ids,
					       &p->ix->ids[i]);
	p->ix->hash[i] = hash_bytes((struct hash128){ 0, 0 }, b->p, len);
}

static void *ix_worker(void *arg)
{
	struct ix_pool *p = arg;
	struct ix_buf b = { 0 };
	size_t i;

	while ((i = atomic_fetch_add(&p->next, 1)) < p->ix->nr_files)
		index_file(p, i, &b);
	free(b.p);
	id_scratch_free(&b.ids);
	return NULL;
}

void id_index_alloc(struct id_index *ix)
{
	ix->ids = xcalloc(ix->nr_files + 1, sizeof(*ix->ids));
	ix->nr_ids = xcalloc(ix->nr_files + 1, sizeof(*ix->nr_ids));
	ix->size = xcalloc(ix->nr_files + 1, sizeof(*ix->size));
	ix->mtime = xcalloc(ix->nr_files + 1, sizeof(*ix->mtime));
	ix->hash = xcalloc(ix->nr_files + 1, sizeof(*ix->hash));
}

void id_index_fill(const char *root, int jobs, struct id_index *ix)
{
	struct ix_pool p = { .root = root, .ix = ix };
	pthread_t *tids;
	int i, started = 0;

	p.rootfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	atomic_init(&p.next, 0);
	if (jobs <= 0)
		jobs = default_jobs();
	tids = xcalloc(jobs, sizeof(*tids));
	for (i = 1; i < jobs; i++)
		if (!pthread_create(&tids[started], NULL, ix_worker, &p))
			started++;
	ix_worker(&p);
	for (i = 0; i < started; i++)
		pthread_join(tids[i], NULL);
	free(tids);
	if (p.rootfd >= 0)
		close(p.rootfd);
}

int id_index_build(const char *root, int jobs, struct id_index *ix)
{
	memset(ix, 0, sizeof(*ix));
	ix->paths = scan_list_files(root, &ix->nr_files);
	if (!ix->paths)
		return -1;
	id_index_alloc(ix);
	id_index_fill(root, jobs, ix);
	return 0;
}

/*
 * Hashes are spread evenly over 32 bits, so interpolation finds one in
 * two or three probes where bisection takes seventeen: the chains ask
 * this of every file once per function name.
 */
bool ids_have(const uint32_t *v, size_t nr, uint32_t id)
{
	size_t lo = 0, hi = nr, mid;
	uint64_t span;

	while (lo < hi) {
		if (id < v[lo] || id > v[hi - 1])
			return false;
		span = (uint64_t)v[hi - 1] - v[lo];
		mid = lo + (span ? (size_t)(((uint64_t)(id - v[lo]) *
					      (hi - 1 - lo)) / span) : 0);
		if (v[mid] == id)
			return true;
		if (v[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

bool id_index_has(const struct id_index *ix, size_t file, uint32_t id)
{
	return ids_have(ix->ids[file], ix->nr_ids[file], id);
}

void id_index_free(struct id_index *ix)
{
	size_t i;

	for (i = 0; i < ix->nr_files; i++) {
		free(ix->paths[i]);
		if (ix->ids && !(ix->blob && (char *)ix->ids[i] >= ix->blob &&
				 (char *)ix->ids[i] <= ix->blob + ix->blob_len))
			free(ix->ids[i]);
	}
	free(ix->blob);
	free(ix->paths);
	free(ix->ids);
	free(ix->nr_ids);
	free(ix->size);
	free(ix->mtime);
	free(ix->hash);
	memset(ix, 0, sizeof(*ix));
}
