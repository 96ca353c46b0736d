/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef PTSYNC_UTIL_H
#define PTSYNC_UTIL_H

#include <stdbool.h>
#include <stddef.h>

/* Allocation failure is not recoverable for a checker: report it and exit 2. */
void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
#ifndef __printf
#define __printf(a, b) __attribute__((format(printf, a, b)))
#endif

__printf(1, 2) char *xasprintf(const char *fmt, ...);

/* Grow *array so that it holds at least need elements of size elem. */
void grow_array(void **array, size_t *alloc, size_t need, size_t elem);
#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

#define ARRAY_PUSH(arr, nr, alloc) \
	(grow_array((void **)&(arr), &(alloc), (nr) + 1, sizeof(*(arr))), \
	 &(arr)[(nr)++])

/* Read a whole file; NULL with errno set on failure. */
char *read_file(const char *path, size_t *len);

/* Join dir and name with one slash. */
char *path_join(const char *dir, const char *name);

/*
 * Create the folders of path that are missing, with mode: every one above
 * its last component, and that one too when whole.  0, or -1 with errno
 * set by the mkdir() that failed.
 */
int make_dirs(const char *path, bool whole, unsigned int mode);

/* Append more to *buf (NULL to start a string) and free more. */
void str_append(char **buf, char *more);

/* The default of --jobs: the CPUs online, at least 1.  Computed once. */
int default_jobs(void);

bool str_starts_with(const char *s, const char *prefix);
bool str_ends_with(const char *s, const char *suffix);
/* Is s one of the nr strings of v? */
bool strings_have(char *const *v, size_t nr, const char *s);
/* Free nr strings and their array. */
void strings_free(char **v, size_t nr);
/* Drop (and free) the repeats of the sorted v[0..nr); the number left. */
size_t strings_unique(char **v, size_t nr);

#endif
