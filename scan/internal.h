/* SPDX-License-Identifier: GPL-2.0-only */
/* Shared between the files of scan/; not part of the module interface. */
#ifndef PTSYNC_SCAN_INTERNAL_H
#define PTSYNC_SCAN_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "scan/calls.h"
#include "scan/scan.h"

/* Record a problem; takes ownership of reason (from xasprintf & co). */
void scan_add_problem(struct scan_result *res, const char *path,
		      char *reason);

/* Record the file's #include "....c" lines, resolved from its folder. */
void scan_c_includes(const char *path, const char *buf, size_t len,
		     struct scan_result *res);

/*
 * fd's bytes into *buf (grown as needed; *alloc is its size), *len of
 * them, size being what fstat() said; false with errno set, EFBIG when
 * over max bytes.
 */
bool scan_read_fd(int fd, size_t size, size_t max, char **buf,
		  size_t *alloc, size_t *len);

/* A name that takes parentheses in a head but names no function. */
bool scan_is_attribute(const char *s, size_t len);

/*
 * openat(dirfd, rel, O_RDONLY | flags), without updating the file's
 * access time when the process may (git does the same): a cold check of
 * a tree copied with cp -al (new ctimes) dirtied and journaled all 60k
 * inodes for it.  Where O_NOATIME is refused (not the file's owner), it
 * is never asked for again.
 */
int scan_open_file(int dirfd, const char *rel, int flags);

struct id_index;
/* Arrays for ix->nr_files; then hash every file without ids yet. */
void id_index_alloc(struct id_index *ix);
void id_index_fill(const char *root, int jobs, struct id_index *ix);
/* Where root's index is stored (idcache.c), malloc'd; NULL: no cache. */
char *id_index_path(const char *root);

/* Whether buf holds `.c"` (as memmem() would say, only faster). */
bool scan_names_c_file(const char *buf, size_t len);
/* GCC's generic vectors: SSE2 on x86-64, plain code elsewhere. */
#define BYTES16 unsigned char __attribute__((vector_size(16)))

#endif
