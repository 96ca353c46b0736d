/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What stat() says about a file that a cache entry depends on, as git's
 * index keeps it: size, mtime, ctime, inode and device.  An entry stored
 * by a run that began less than a second after the file's mtime or ctime
 * is racily clean: the file may have changed again within the same tick
 * of a coarse file system clock, and its stat data would not show it.
 */
#ifndef PTSYNC_FILE_ID_H
#define PTSYNC_FILE_ID_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/stat.h>

#include "lib/record.h"

struct file_id {
	uint64_t size, mtime_ns, ctime_ns, ino, dev;	/* all 0: absent */
};

void file_id_of(const struct stat *st, struct file_id *id);
/* lstat() of path; all zero when it does not exist (or cannot be read). */
void file_id_lstat(const char *path, struct file_id *id);
bool file_id_equal(const struct file_id *a, const struct file_id *b);
/* Not to be trusted by a run that stored it at stamp_ns. */
bool file_id_racy(const struct file_id *id, uint64_t stamp_ns);
/* The wall clock in ns, the stamp to take before reading anything. */
uint64_t file_id_now_ns(void);

void rec_put_file_id(struct rec_buf *b, const struct file_id *id);
void rec_get_file_id(struct rec_reader *r, struct file_id *id);

#endif
