/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Cache records: numbers and strings appended to a buffer, read back with
 * every length checked.  A reader that runs past the end or meets a
 * string without its terminator is marked bad and returns zeros and empty
 * strings from then on, so a corrupt record is noticed once, at the end,
 * and never crashes its reader.
 */
#ifndef PTSYNC_RECORD_H
#define PTSYNC_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct rec_buf {
	char *data;
	size_t len, alloc;
};

void rec_put_u64(struct rec_buf *b, uint64_t v);
void rec_put_str(struct rec_buf *b, const char *s);	/* NULL allowed */
void rec_put_bytes(struct rec_buf *b, const void *data, size_t len);
void rec_buf_free(struct rec_buf *b);
/*
 * Compact forms for records stored by the thousand: a number in 7-bit
 * groups (small numbers take one byte), a string as such a length plus
 * one (0: NULL) and its bytes without the NUL.
 */
void rec_put_var(struct rec_buf *b, uint64_t v);
void rec_put_vstr(struct rec_buf *b, const char *s);	/* NULL allowed */

struct rec_reader {
	const char *p, *end;
	bool bad;
};

void rec_reader_init(struct rec_reader *r, const void *data, size_t len);
uint64_t rec_get_u64(struct rec_reader *r);
/* A number stored with rec_put_u64() that must fit an int: bad if not. */
int rec_get_int(struct rec_reader *r);
/* A count of items of at least min_size bytes each: bad if it cannot fit. */
size_t rec_get_count(struct rec_reader *r, size_t min_size);
/* A new string; NULL if NULL was stored. */
char *rec_get_str(struct rec_reader *r);
/* The stored string in place (valid while the data is), "" when bad. */
const char *rec_peek_str(struct rec_reader *r);
/* Stored bytes (rec_put_u64 of the length, then rec_put_bytes) in place. */
const char *rec_get_bytes(struct rec_reader *r, size_t *len);
/* Read back the compact forms; as above, bad input is never fatal. */
uint64_t rec_get_var(struct rec_reader *r);
int rec_get_var_int(struct rec_reader *r);
size_t rec_get_var_count(struct rec_reader *r, size_t min_size);
char *rec_get_vstr(struct rec_reader *r);	/* new string, or NULL */
/* true when everything was read and nothing was bad. */
bool rec_done(const struct rec_reader *r);

#endif
