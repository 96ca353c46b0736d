// SPDX-License-Identifier: GPL-2.0-only
/*
 * id_index_build(): which identifiers each file of the tree holds, as
 * sorted 32-bit hashes.  Walking call chains up from a population asks
 * "which files can call foo()?" once per function on the chain; lexing
 * the whole tree for each question is far too slow, so one pass hashes
 * every identifier outside comments and literals (no preprocessing: a
 * superset is fine, the files found are lexed properly afterwards).
 */
#define _GNU_SOURCE		/* memmem() */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/util.h"
#include "scan/calls.h"
#include "scan/internal.h"

struct ix_pool {
	const char *root;
	int rootfd;		/* the tree, for openat(): -1 if not open */
	struct id_index *ix;
	atomic_size_t next;
};

static const unsigned char ident_char[256] = {
	['a' ... 'z'] = 1, ['A' ... 'Z'] = 1, ['_'] = 1, ['$'] = 1,
	['0' ... '9'] = 2,
};

/*
 * What a byte may start: most bytes of C are blanks and punctuation,
 * skipped here without a look at what follows them.
 */
enum { PLAIN, NAME, NUMBER, NOISE };
static const unsigned char starts[256] = {
	['a' ... 'z'] = NAME, ['A' ... 'Z'] = NAME, ['_'] = NAME,
	['$'] = NAME, ['0' ... '9'] = NUMBER,
	['/'] = NOISE, ['"'] = NOISE, ['\''] = NOISE,
};

/*
 * Eight bytes a step, then a final mix: one multiply per byte (FNV-1a)
 * made hashing the identifiers the largest part of a cold check.  The
 * index relies on the hashes being spread evenly (id_index_has()).
 */
static inline uint32_t hash_ident(const char *s, size_t len)
{
	uint64_t h = len * 0x9e3779b97f4a7c15ULL, w;

	for (; len >= 8; s += 8, len -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 29;
	}
	if (len) {
		w = 0;
		memcpy(&w, s, len);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
	}
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return (uint32_t)h;
}

uint32_t id_hash(const char *s, size_t len)
{
	return hash_ident(s, len);
}

/*
 * Sort by bytes, least significant first: qsort() with a comparison
 * call per step took a quarter of a cold check's CPU time here.
 */
static void radix_sort(uint32_t *v, size_t nr)
{
	uint32_t *tmp = xcalloc(nr, sizeof(*tmp)), *from = v, *to = tmp, *t;
	size_t count[256], i, sum, c;
	int shift;

	for (shift = 0; shift < 32; shift += 8) {
		memset(count, 0, sizeof(count));
		for (i = 0; i < nr; i++)
			count[(from[i] >> shift) & 0xff]++;
		for (i = sum = 0; i < 256; i++) {
			c = count[i];
			count[i] = sum;
			sum += c;
		}
		for (i = 0; i < nr; i++)
			to[count[(from[i] >> shift) & 0xff]++] = from[i];
		t = from;
		from = to;
		to = t;
	}
	/* four passes: the sorted values are back in v */
	free(tmp);
}

/* Past a comment or literal starting at i, or i when there is none. */
static size_t skip_noise(const char *buf, size_t len, size_t i)
{
	const char *end;
	char q;

	if (buf[i] == '/' && i + 1 < len && buf[i + 1] == '*') {
		end = memmem(buf + i + 2, len - i - 2, "*/", 2);
		return end ? (size_t)(end - buf) + 2 : len;
	}
	if (buf[i] == '/' && i + 1 < len && buf[i + 1] == '/') {
		end = memchr(buf + i, '\n', len - i);
		return end ? (size_t)(end - buf) : len;
	}
	if (buf[i] != '"' && buf[i] != '\'')
		return i;
	/* a literal ends at its quote or, unterminated, at the line end */
	for (q = buf[i++]; i < len && buf[i] != q && buf[i] != '\n'; i++)
		if (buf[i] == '\\')
			i++;
	return i < len ? i + 1 : len;
}

/*
 * Identifiers outside comments and literals: a function name in a
 * comment calls nothing, and leaving them out halves the index.  No
 * preprocessing: a superset is fine, the files found are lexed properly.
 */
size_t id_hash_buffer(const char *buf, size_t len, uint32_t **out)
{
	size_t nr = 0, i = 0, start, n;
	/* a name and what ends it take two bytes: room enough, no growing */
	uint32_t *v = xmalloc((len / 2 + 1) * sizeof(*v));

	while (i < len) {
		switch (starts[(unsigned char)buf[i]]) {
		case PLAIN:
			i++;
			continue;
		case NOISE:
			n = skip_noise(buf, len, i);
			i = n != i ? n : i + 1;
			continue;
		case NUMBER:
			/* digits glued to letters, e.g. 0x1f, are no name */
			while (i < len && ident_char[(unsigned char)buf[i]])
				i++;
			continue;
		}
		start = i;
		while (i < len && ident_char[(unsigned char)buf[i]])
			i++;
		v[nr++] = hash_ident(buf + start, i - start);
	}
	if (nr > 1)
		radix_sort(v, nr);
	for (i = n = 0; i < nr; i++)
		if (!n || v[n - 1] != v[i])
			v[n++] = v[i];
	/* a file repeats its names: keep what is left, not the raw count */
	if (!n) {
		free(v);
		v = NULL;
	}
	*out = n ? xrealloc(v, n * sizeof(*v)) : v;
	return n;
}

/*
 * A worker's buffer, used again for every file it reads: stdio's
 * read_file(), a stat() by path and a new buffer per file cost a tenth
 * of the index's time in the kernel.
 */
struct ix_buf {
	char *p;
	size_t alloc;
};

static void index_file(struct ix_pool *p, size_t i, struct ix_buf *b)
{
	const char *path = p->ix->paths[i];
	struct stat st;
	size_t len;
	bool ok;
	int fd;

	if (p->ix->ids[i])	/* from the cache */
		return;
	fd = p->rootfd < 0 ? -1 : openat(p->rootfd, path, O_RDONLY | O_CLOEXEC);
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
	p->ix->nr_ids[i] = id_hash_buffer(b->p, len, &p->ix->ids[i]);
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
