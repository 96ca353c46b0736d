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

#include "lib/util.h"
#include "scan/internal.h"

#define NOT_A_FILE "not a regular file or directory, not scanned"

struct file_list {
	char **v;
	size_t nr, alloc;
};

struct walker {
	int rootfd;
	struct file_list files;
	struct scan_result *res;
};

struct pool {
	int rootfd;
	char **files;
	size_t nr_files;
	atomic_size_t next;
};

struct worker {
	pthread_t tid;
	struct pool *pool;
	struct scan_result res;
	char *buf;
	size_t alloc;
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
		if (!skipped_dir(name))
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
	size_t i, n = 0;

	sort(files->v, files->nr, sizeof(*files->v), cmp_str);
	for (i = 0; i < files->nr; i++) {
		if (n && !strcmp(files->v[n - 1], files->v[i]))
			free(files->v[i]);
		else
			files->v[n++] = files->v[i];
	}
	files->nr = n;
}

/* Read into w->buf; false with errno set, EFBIG if it grew too large. */
static bool read_whole(struct worker *w, int fd, size_t size, size_t *len)
{
	size_t n = 0;
	ssize_t got;

	grow_array((void **)&w->buf, &w->alloc, size + 1, 1);
	for (;;) {
		if (n == w->alloc) {
			if (n > SCAN_MAX_FILE_SIZE)
				break;
			grow_array((void **)&w->buf, &w->alloc, n + 1, 1);
		}
		got = read(fd, w->buf + n, w->alloc - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return false;
		if (!got)
			break;
		n += got;
	}
	*len = n;
	if (n > SCAN_MAX_FILE_SIZE) {
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

static void scan_file(struct worker *w, const char *rel)
{
	struct stat st;
	size_t len = 0;
	int fd;

	fd = openat(w->pool->rootfd, rel, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		problem_errno(&w->res, rel, errno);
		return;
	}
	if (fstat(fd, &st))
		problem_errno(&w->res, rel, errno);
	else if (st.st_size > SCAN_MAX_FILE_SIZE)
		too_large(&w->res, rel, st.st_size);
	else if (read_whole(w, fd, st.st_size, &len))
		scan_buffer(rel, w->buf, len, &w->res);
	else if (errno == EFBIG)	/* it grew while we read it */
		too_large(&w->res, rel, len);
	else
		problem_errno(&w->res, rel, errno);
	close(fd);
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
		scan_file(w, pool->files[i]);
	}
	free(w->buf);
	w->buf = NULL;
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
static void scan_files(int rootfd, struct file_list *files, int jobs,
		       struct scan_result *res)
{
	struct pool pool = { .rootfd = rootfd, .files = files->v,
			     .nr_files = files->nr };
	int i, n = nr_workers(jobs, files->nr);
	struct worker *w = xcalloc(n, sizeof(*w));
	bool *started = xcalloc(n, sizeof(*started));

	atomic_init(&pool.next, 0);
	for (i = 0; i < n; i++)
		w[i].pool = &pool;
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

int scan_tree(const char *root, char *const *paths, int nr_paths, int jobs,
	      struct scan_result *res)
{
	struct walker w = { .res = res };
	size_t i;
	int k;

	w.rootfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (w.rootfd < 0)
		return -1;
	if (nr_paths <= 0)
		walk_dir(&w, "", 0);
	for (k = 0; k < nr_paths; k++)
		walk_path(&w, paths[k]);
	sort_unique(&w.files);
	scan_files(w.rootfd, &w.files, jobs, res);
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
