// SPDX-License-Identifier: GPL-2.0-only
/*
 * scan_tree(): list the .c and .h files of a tree in one thread (a cheap
 * readdir walk), then scan them with a pool of threads that each fill a
 * scan_result of their own, merged and sorted at the end.  Results are
 * appended to what the caller's scan_result already holds, and the whole
 * of it is sorted.  Directories .git and .tmp_versions and the generated
 * *.mod.c files are left out.
 *
 * Symbolic links are never followed below the root: a link to a parent
 * directory cannot loop and a dangling one is no error.  Paths named by
 * the caller are followed, and a regular file named explicitly is scanned
 * whatever its suffix.
 */
#define _GNU_SOURCE		/* strerror_r() returning a string */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/cache.h"
#include "lib/util.h"
#include "scan/index.h"
#include "scan/internal.h"

#define NOT_A_FILE "not a regular file or directory, not scanned"

struct file_list {
	char **v;
	size_t nr, alloc;
};

struct dir_queue;

struct walker {
	int rootfd;
	struct file_list files;
	struct scan_result *res;
	struct dir_queue *queue;	/* NULL: subdirectories read at once */
};

/*
 * The directories left to read by a walk on several threads: listing
 * the 4,600 directories of a kernel tree took 0.15 s of one core, first
 * in every check, and the only thing a warm check does besides a stat
 * per file.
 */
struct dir_queue {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	char **v;		/* paths relative to the root, owned */
	size_t nr, alloc;
	int busy;		/* threads reading a directory */
};

struct pool {
	int rootfd;
	char **files;
	size_t nr_files;
	atomic_size_t next;
	const struct scan_index *index;	/* NULL: no cache */
	struct index_entry *entries;	/* one per file, for the new index */
	atomic_size_t nr_read;		/* files read rather than indexed */
	bool want_ids;			/* hash the identifiers of each read */
};

struct worker {
	pthread_t tid;
	struct pool *pool;
	struct scan_result res;
	char *buf;
	size_t alloc;
	struct id_scratch ids;
};

static void problem_errno(struct scan_result *res, const char *path, int err)
{
	char msg[128];

	scan_add_problem(res, path, xasprintf("unreadable: %s",
				strerror_r(err, msg, sizeof(msg))));
}

static bool wanted_file(const char *name)
{
	return (str_ends_with(name, ".c") || str_ends_with(name, ".h")) &&
	       !str_ends_with(name, ".mod.c");
}

static bool skipped_dir(const char *name)
{
	return !strcmp(name, ".git") || !strcmp(name, ".tmp_versions");
}

static void add_file(struct walker *w, char *rel)
{
	*ARRAY_PUSH(w->files.v, w->files.nr, w->files.alloc) = rel;
}

static void walk_dir(struct walker *w, const char *rel, int flags);

static void queue_push(struct dir_queue *q, char *rel)
{
	pthread_mutex_lock(&q->lock);
	*ARRAY_PUSH(q->v, q->nr, q->alloc) = rel;
	pthread_cond_signal(&q->cond);
	pthread_mutex_unlock(&q->lock);
}

/* The next directory to read; false once none is left nor coming. */
static bool queue_pop(struct dir_queue *q, char **rel)
{
	bool got;

	pthread_mutex_lock(&q->lock);
	while (!q->nr && q->busy)
		pthread_cond_wait(&q->cond, &q->lock);
	got = q->nr;
	if (got) {
		*rel = q->v[--q->nr];
		q->busy++;
	} else {
		pthread_cond_broadcast(&q->cond);
	}
	pthread_mutex_unlock(&q->lock);
	return got;
}

static void queue_done(struct dir_queue *q)
{
	pthread_mutex_lock(&q->lock);
	if (!--q->busy && !q->nr)
		pthread_cond_broadcast(&q->cond);
	pthread_mutex_unlock(&q->lock);
}

static unsigned char entry_type(struct walker *w, int dfd, const char *rel,
				const struct dirent *de)
{
	struct stat st;

	if (de->d_type != DT_UNKNOWN)
		return de->d_type;
	if (fstatat(dfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW)) {
		problem_errno(w->res, rel, errno);
		return DT_UNKNOWN;
	}
	if (S_ISDIR(st.st_mode))
		return DT_DIR;
	return S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
}

static void walk_entry(struct walker *w, int dfd, const char *dir,
		       const struct dirent *de)
{
	const char *name = de->d_name;
	char *rel;

	if (!strcmp(name, ".") || !strcmp(name, ".."))
		return;
	rel = *dir ? xasprintf("%s/%s", dir, name) : xstrdup(name);
	switch (entry_type(w, dfd, rel, de)) {
	case DT_DIR:
		if (skipped_dir(name))
			break;
		if (w->queue) {
			queue_push(w->queue, rel);	/* it owns rel now */
			return;
		}
		walk_dir(w, rel, O_NOFOLLOW);
		break;
	case DT_REG:
		if (wanted_file(name)) {
			add_file(w, rel);
			return;
		}
		break;
	}
	free(rel);
}

/* rel is "" for the root itself. */
static void walk_dir(struct walker *w, const char *rel, int flags)
{
	struct dirent *de;
	DIR *d;
	int fd;

	fd = openat(w->rootfd, *rel ? rel : ".",
		    O_RDONLY | O_DIRECTORY | O_CLOEXEC | flags);
	if (fd < 0) {
		problem_errno(w->res, *rel ? rel : ".", errno);
		return;
	}
	d = fdopendir(fd);
	if (!d) {
		problem_errno(w->res, rel, errno);
		close(fd);
		return;
	}
	for (;;) {
		errno = 0;
		de = readdir(d);
		if (!de)
			break;
		walk_entry(w, dirfd(d), rel, de);
	}
	if (errno)
		problem_errno(w->res, *rel ? rel : ".", errno);
	closedir(d);
}

/* "./arch/x86/" -> "arch/x86"; "." and "" -> "" */
static char *clean_path(const char *path)
{
	size_t len;

	while (path[0] == '.' && path[1] == '/')
		for (path += 2; *path == '/'; path++)
			;
	if (!strcmp(path, "."))
		path = "";
	len = strlen(path);
	while (len > 1 && path[len - 1] == '/')
		len--;
	return xstrndup(path, len);
}

static void walk_path(struct walker *w, const char *path)
{
	char *rel = clean_path(path);
	bool keep = false;
	struct stat st;

	if (!*rel)
		walk_dir(w, "", 0);
	else if (fstatat(w->rootfd, rel, &st, 0))
		problem_errno(w->res, rel, errno);
	else if (S_ISDIR(st.st_mode))
		walk_dir(w, rel, 0);
	else if (S_ISREG(st.st_mode))
		keep = true;
	else
		scan_add_problem(w->res, rel, xstrdup(NOT_A_FILE));
	if (keep)
		add_file(w, rel);	/* the list owns rel now */
	else
		free(rel);
}

/* qsort() wants a valid base even for no elements; ours may be NULL. */
static void sort(void *base, size_t nr, size_t size,
		 int (*cmp)(const void *, const void *))
{
	if (nr > 1)
		qsort(base, nr, size, cmp);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Overlapping paths ("arch" and "arch/x86") must not scan a file twice. */
static void sort_unique(struct file_list *files)
{
	sort(files->v, files->nr, sizeof(*files->v), cmp_str);
	files->nr = strings_unique(files->v, files->nr);
}

int scan_open_file(int dirfd, const char *rel, int flags)
{
	static atomic_bool refused;
	int fd;

	if (!atomic_load_explicit(&refused, memory_order_relaxed)) {
		fd = openat(dirfd, rel, O_RDONLY | O_NOATIME | flags);
		if (fd >= 0 || errno != EPERM)
			return fd;
		atomic_store_explicit(&refused, true, memory_order_relaxed);
	}
	return openat(dirfd, rel, O_RDONLY | flags);
}

/*
 * A short read once the size fstat() gave is reached is the end of the
 * file: asking again for the read() that returns 0 was one system call
 * in five of a cold scan (60k of them on 6.12).
 */
bool scan_read_fd(int fd, size_t size, size_t max, char **buf,
		  size_t *alloc, size_t *len)
{
	size_t n = 0, want;
	ssize_t got;

	grow_array((void **)buf, alloc, size + 1, 1);
	for (;;) {
		if (n == *alloc) {
			if (n > max)
				break;
			grow_array((void **)buf, alloc, n + 1, 1);
		}
		want = *alloc - n;
		got = read(fd, *buf + n, want);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return false;
		if (!got)
			break;
		n += got;
		if ((size_t)got < want && n >= size)
			break;
	}
	*len = n;
	if (n > max) {
		errno = EFBIG;
		return false;
	}
	return true;
}

static void too_large(struct scan_result *res, const char *rel,
		      long long size)
{
	scan_add_problem(res, rel,
			 xasprintf("too large (%lld bytes), not scanned", size));
}

/*
 * The facts res gained from the file, and its stat data and hash, as the
 * file's entry of the next index.
 */
static void record_entry(struct worker *w, struct index_entry *e,
			 const struct stat *st, size_t len,
			 const struct scan_result *before)
{
	struct rec_buf b = { 0 };
	struct hash128 zero = { 0, 0 };

	file_id_of(st, &e->id);
	e->hash = hash_bytes(zero, w->buf, len);
	index_encode_facts(&b, &w->res, before->nr_sites, before->nr_helpers,
			   before->nr_problems, before->nr_c_includes,
			   before->files_scanned, before->bytes_scanned);
	e->owned = b.data;
	e->facts = b.data ? b.data : "";
	e->facts_len = b.len;
}

/*
 * A file read whose bytes the index did not have: what was read again
 * only because its stat data moved (a racily clean entry, a cp -al of
 * the tree) is no change.
 */
static void count_changed(const struct pool *pool, const struct index_entry *e)
{
	const struct index_entry *old = index_find(pool->index, e->path);

	if (!old || memcmp(&old->hash, &e->hash, sizeof(e->hash)))
		cache_count(CS_FILES_CHANGED, 1);
}

/*
 * The identifier hashes of the bytes just read, for the chains' name
 * index (scan_tree_take_ids()): a cold check read every file of the tree
 * a second time for them.  Never NULL: an empty array is hashed too.
 */
static void hash_ids(struct worker *w, struct index_entry *e, size_t len)
{
	e->nr_ids = id_hash_buffer_with(w->buf, len, &w->ids, &e->ids);
	if (!e->ids)
		e->ids = xcalloc(1, sizeof(*e->ids));
}

static void read_and_scan(struct worker *w, size_t i)
{
	struct pool *pool = w->pool;
	const char *rel = pool->files[i];
	struct scan_result before = w->res;
	struct stat st;
	size_t len = 0;
	int fd;

	atomic_fetch_add(&pool->nr_read, 1);
	cache_count(CS_FILES_READ, 1);
	fd = scan_open_file(pool->rootfd, rel, O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		problem_errno(&w->res, rel, errno);
		return;
	}
	if (fstat(fd, &st)) {
		problem_errno(&w->res, rel, errno);
	} else if (st.st_size > SCAN_MAX_FILE_SIZE) {
		too_large(&w->res, rel, st.st_size);
	} else if (scan_read_fd(fd, st.st_size, SCAN_MAX_FILE_SIZE, &w->buf,
				&w->alloc, &len)) {
		scan_buffer(rel, w->buf, len, &w->res);
		if (pool->entries) {
			pool->entries[i].path = rel;
			record_entry(w, &pool->entries[i], &st, len, &before);
			count_changed(pool, &pool->entries[i]);
			if (pool->want_ids)
				hash_ids(w, &pool->entries[i], len);
		}
	} else if (errno == EFBIG) {	/* it grew while we read it */
		too_large(&w->res, rel, len);
	} else {
		problem_errno(&w->res, rel, errno);
	}
	close(fd);
}

/* A file the index vouches for: its facts, without reading it. */
static bool from_index(struct worker *w, size_t i)
{
	struct pool *pool = w->pool;
	const char *rel = pool->files[i];
	const struct index_entry *old;
	struct stat st;

	if (fstatat(pool->rootfd, rel, &st, AT_SYMLINK_NOFOLLOW) ||
	    !S_ISREG(st.st_mode))
		return false;
	old = index_find(pool->index, rel);
	if (!old || !index_clean(pool->index, old, &st) ||
	    !index_replay_facts(old, rel, &w->res))
		return false;
	pool->entries[i] = *old;
	pool->entries[i].path = rel;
	pool->entries[i].ids = NULL;
	pool->entries[i].nr_ids = 0;
	cache_count(CS_STAT_HITS, 1);
	return true;
}

static void scan_file(struct worker *w, size_t i)
{
	if (!w->pool->index || !from_index(w, i))
		read_and_scan(w, i);
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct pool *pool = w->pool;
	size_t i;

	for (;;) {
		i = atomic_fetch_add(&pool->next, 1);
		if (i >= pool->nr_files)
			break;
		scan_file(w, i);
	}
	free(w->buf);
	w->buf = NULL;
	id_scratch_free(&w->ids);
	return NULL;
}

#define MERGE(dst, src, arr, nr, alloc) do {				\
	grow_array((void **)&(dst)->arr, &(dst)->alloc,			\
		   (dst)->nr + (src)->nr, sizeof(*(dst)->arr));		\
	if ((src)->nr)							\
		memcpy((dst)->arr + (dst)->nr, (src)->arr,		\
		       (src)->nr * sizeof(*(dst)->arr));		\
	(dst)->nr += (src)->nr;						\
	free((src)->arr);						\
} while (0)

/* Moves the entries of src, strings and all, to the end of dst. */
static void merge_result(struct scan_result *dst, struct scan_result *src)
{
	MERGE(dst, src, sites, nr_sites, alloc_sites);
	MERGE(dst, src, helpers, nr_helpers, alloc_helpers);
	MERGE(dst, src, problems, nr_problems, alloc_problems);
	MERGE(dst, src, c_includes, nr_c_includes, alloc_c_includes);
	dst->files_scanned += src->files_scanned;
	dst->bytes_scanned += src->bytes_scanned;
	memset(src, 0, sizeof(*src));
}

static int cmp_site(const void *a, const void *b)
{
	const struct scan_site *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return (x->column > y->column) - (x->column < y->column);
}

static int cmp_helper(const void *a, const void *b)
{
	const struct scan_helper *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	return c ? c : (x->line > y->line) - (x->line < y->line);
}

static int cmp_problem(const void *a, const void *b)
{
	const struct scan_problem *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	return c ? c : strcmp(x->reason, y->reason);
}

static int nr_workers(int jobs, size_t nr_files)
{
	if (jobs <= 0)
		jobs = default_jobs();
	if ((size_t)jobs > nr_files)
		jobs = nr_files ? (int)nr_files : 1;
	return jobs;
}

/* Worker 0 is the calling thread; a thread that cannot start is no loss. */
static void scan_files(struct pool *pool, int jobs, struct scan_result *res)
{
	int i, n = nr_workers(jobs, pool->nr_files);
	struct worker *w = xcalloc(n, sizeof(*w));
	bool *started = xcalloc(n, sizeof(*started));

	for (i = 0; i < n; i++)
		w[i].pool = pool;
	for (i = 1; i < n; i++)
		started[i] = !pthread_create(&w[i].tid, NULL, worker_main,
					     &w[i]);
	worker_main(&w[0]);
	for (i = 0; i < n; i++) {
		if (started[i])
			pthread_join(w[i].tid, NULL);
		merge_result(res, &w[i].res);
	}
	free(started);
	free(w);
}

/*
 * The next index: this scan's entries, and when only some paths were
 * scanned, the old entries of the files outside them.
 */
static void update_index(const char *root, const struct scan_index *old,
			 struct pool *pool, uint64_t stamp, bool whole)
{
	struct index_entry *v = pool->entries, *merged = NULL;
	size_t nr = pool->nr_files, i = 0, j = 0, n = 0;
	int c;

	if (!atomic_load(&pool->nr_read) && (!whole || old->nr == nr))
		return;		/* nothing new to remember */
	if (!whole) {
		merged = xcalloc(old->nr + nr + 1, sizeof(*merged));
		while (i < old->nr || j < nr) {
			c = i == old->nr ? 1 : j == nr ? -1 :
			    strcmp(old->v[i].path, pool->files[j]);
			if (c < 0) {
				merged[n++] = old->v[i++];
				continue;
			}
			if (!c)
				i++;	/* scanned again: the new entry wins */
			merged[n++] = v[j++];
		}
		v = merged;
		nr = n;
	}
	index_save(root, stamp, v, nr);
	free(merged);
}

static void remember(const char *root, struct pool *pool, bool whole)
{
	index_remember_hashes(root, pool->entries, pool->nr_files, whole);
}

static void *walk_worker(void *arg)
{
	struct walker *w = arg;
	char *rel;

	while (queue_pop(w->queue, &rel)) {
		/* below the root, links are never followed */
		walk_dir(w, rel, *rel ? O_NOFOLLOW : 0);
		free(rel);
		queue_done(w->queue);
	}
	return NULL;
}

/* The whole tree, as walk_dir(w, "", 0) lists it, on jobs threads. */
static void walk_tree(struct walker *w, int jobs)
{
	struct dir_queue q = { .lock = PTHREAD_MUTEX_INITIALIZER,
			       .cond = PTHREAD_COND_INITIALIZER };
	int n = jobs > 0 ? jobs : default_jobs(), i;
	struct walker *t = xcalloc(n, sizeof(*t));
	pthread_t *tids = xcalloc(n, sizeof(*tids));
	bool *started = xcalloc(n, sizeof(*started));

	queue_push(&q, xstrdup(""));
	for (i = 0; i < n; i++) {
		t[i].rootfd = w->rootfd;
		t[i].queue = &q;
		t[i].res = i ? xcalloc(1, sizeof(*t[i].res)) : w->res;
	}
	for (i = 1; i < n; i++)
		started[i] = !pthread_create(&tids[i], NULL, walk_worker,
					     &t[i]);
	walk_worker(&t[0]);
	for (i = 0; i < n; i++) {
		if (started[i])
			pthread_join(tids[i], NULL);
		MERGE(&w->files, &t[i].files, v, nr, alloc);
		if (i) {
			merge_result(w->res, t[i].res);
			free(t[i].res);
		}
	}
	free(q.v);
	free(started);
	free(tids);
	free(t);
}

static int scan(const char *root, char *const *paths, int nr_paths, int jobs,
		struct scan_result *res, bool indexed)
{
	struct walker w = { .res = res };
	struct scan_index old = { 0 };
	struct pool pool = { 0 };
	uint64_t stamp = file_id_now_ns();
	size_t i;
	int k;

	w.rootfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (w.rootfd < 0)
		return -1;
	if (nr_paths <= 0)
		walk_tree(&w, jobs);
	for (k = 0; k < nr_paths; k++)
		walk_path(&w, paths[k]);
	sort_unique(&w.files);
	pool.rootfd = w.rootfd;
	pool.files = w.files.v;
	pool.nr_files = w.files.nr;
	atomic_init(&pool.next, 0);
	atomic_init(&pool.nr_read, 0);
	if (indexed && cache_enabled()) {
		index_load(root, &old);
		pool.index = &old;
		/*
		 * No index of the tree: a first run, every file is read, and
		 * the chains will want the identifiers of each.
		 */
		pool.want_ids = nr_paths <= 0 && !old.nr;
		pool.entries = xcalloc(pool.nr_files + 1,
				       sizeof(*pool.entries));
	}
	scan_files(&pool, jobs, res);
	if (pool.entries) {
		update_index(root, &old, &pool, stamp, nr_paths <= 0);
		remember(root, &pool, nr_paths <= 0);
		for (i = 0; i < pool.nr_files; i++) {
			free(pool.entries[i].owned);
			free(pool.entries[i].ids);
		}
		free(pool.entries);
		index_free(&old);
	}
	for (i = 0; i < w.files.nr; i++)
		free(w.files.v[i]);
	free(w.files.v);
	close(w.rootfd);
	sort(res->sites, res->nr_sites, sizeof(*res->sites), cmp_site);
	sort(res->helpers, res->nr_helpers, sizeof(*res->helpers), cmp_helper);
	sort(res->problems, res->nr_problems, sizeof(*res->problems),
	     cmp_problem);
	return 0;
}

int scan_tree(const char *root, char *const *paths, int nr_paths, int jobs,
	      struct scan_result *res)
{
	return scan(root, paths, nr_paths, jobs, res, false);
}

int scan_tree_indexed(const char *root, char *const *paths, int nr_paths,
		      int jobs, struct scan_result *res)
{
	return scan(root, paths, nr_paths, jobs, res, true);
}

char **scan_list_files(const char *root, size_t *nr)
{
	struct scan_result res = { 0 };
	struct walker w = { .res = &res };

	*nr = 0;
	w.rootfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (w.rootfd < 0)
		return NULL;
	walk_tree(&w, 0);
	close(w.rootfd);
	scan_result_free(&res);
	sort_unique(&w.files);
	*nr = w.files.nr;
	return w.files.v;
}
