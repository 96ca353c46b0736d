// SPDX-License-Identifier: GPL-2.0-only
/* Stat data as cache entries keep them (lib/file_id.h). */
#include <string.h>
#include <time.h>

#include "lib/file_id.h"

#define NS 1000000000ULL
/* Coarse file system clocks tick at most this far behind the wall clock. */
#define RACY_NS NS

void file_id_of(const struct stat *st, struct file_id *id)
{
	id->size = st->st_size;
	id->mtime_ns = (uint64_t)st->st_mtim.tv_sec * NS + st->st_mtim.tv_nsec;
	id->ctime_ns = (uint64_t)st->st_ctim.tv_sec * NS + st->st_ctim.tv_nsec;
	id->ino = st->st_ino;
	id->dev = st->st_dev;
}

void file_id_lstat(const char *path, struct file_id *id)
{
	struct stat st;

	memset(id, 0, sizeof(*id));
	if (!lstat(path, &st))
		file_id_of(&st, id);
}

bool file_id_equal(const struct file_id *a, const struct file_id *b)
{
	return a->size == b->size && a->mtime_ns == b->mtime_ns &&
	       a->ctime_ns == b->ctime_ns && a->ino == b->ino &&
	       a->dev == b->dev;
}

bool file_id_racy(const struct file_id *id, uint64_t stamp_ns)
{
	return id->mtime_ns + RACY_NS >= stamp_ns ||
	       id->ctime_ns + RACY_NS >= stamp_ns;
}

uint64_t file_id_now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_REALTIME, &t);
	return (uint64_t)t.tv_sec * NS + t.tv_nsec;
}

void rec_put_file_id(struct rec_buf *b, const struct file_id *id)
{
	rec_put_u64(b, id->size);
	rec_put_u64(b, id->mtime_ns);
	rec_put_u64(b, id->ctime_ns);
	rec_put_u64(b, id->ino);
	rec_put_u64(b, id->dev);
}

void rec_get_file_id(struct rec_reader *r, struct file_id *id)
{
	id->size = rec_get_u64(r);
	id->mtime_ns = rec_get_u64(r);
	id->ctime_ns = rec_get_u64(r);
	id->ino = rec_get_u64(r);
	id->dev = rec_get_u64(r);
}
