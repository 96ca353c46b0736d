// SPDX-License-Identifier: GPL-2.0-only
/*
 * Little-endian fixed-width numbers and length-prefixed strings.  A
 * string stores its length plus one, so that 0 can mean NULL, and keeps
 * its NUL so that a reader can point into the record instead of copying.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "lib/record.h"
#include "lib/util.h"

void rec_put_bytes(struct rec_buf *b, const void *data, size_t len)
{
	grow_array((void **)&b->data, &b->alloc, b->len + len, 1);
	if (len)
		memcpy(b->data + b->len, data, len);
	b->len += len;
}

void rec_put_u64(struct rec_buf *b, uint64_t v)
{
	unsigned char le[8];
	int i;

	for (i = 0; i < 8; i++)
		le[i] = v >> (8 * i);
	rec_put_bytes(b, le, sizeof(le));
}

void rec_put_str(struct rec_buf *b, const char *s)
{
	if (!s) {
		rec_put_u64(b, 0);
		return;
	}
	rec_put_u64(b, strlen(s) + 1);
	rec_put_bytes(b, s, strlen(s) + 1);
}

void rec_put_var(struct rec_buf *b, uint64_t v)
{
	unsigned char out[10];
	int n = 0;

	while (v >= 0x80) {
		out[n++] = (v & 0x7f) | 0x80;
		v >>= 7;
	}
	out[n++] = v;
	rec_put_bytes(b, out, n);
}

void rec_put_vstr(struct rec_buf *b, const char *s)
{
	size_t len = s ? strlen(s) : 0;

	rec_put_var(b, s ? len + 1 : 0);
	rec_put_bytes(b, s, len);
}

void rec_buf_free(struct rec_buf *b)
{
	free(b->data);
	memset(b, 0, sizeof(*b));
}

void rec_reader_init(struct rec_reader *r, const void *data, size_t len)
{
	r->p = data;
	r->end = r->p + len;
	r->bad = !data && len;
}

uint64_t rec_get_u64(struct rec_reader *r)
{
	const unsigned char *u = (const unsigned char *)r->p;
	uint64_t v = 0;
	int i;

	if (r->bad || r->end - r->p < 8) {
		r->bad = true;
		return 0;
	}
	for (i = 0; i < 8; i++)
		v |= (uint64_t)u[i] << (8 * i);
	r->p += 8;
	return v;
}

/* v as an int: out of range marks the record bad, as a short read does. */
static int checked_int(struct rec_reader *r, uint64_t v)
{
	if (v > INT_MAX) {
		r->bad = true;
		return 0;
	}
	return (int)v;
}

/*
 * n as a count of items of at least min_size bytes each: more than the
 * rest of the record can hold is damage, never an allocation to try.
 */
static size_t checked_count(struct rec_reader *r, uint64_t n,
			    size_t min_size)
{
	if (r->bad || (min_size && n > (uint64_t)(r->end - r->p) / min_size)) {
		r->bad = true;
		return 0;
	}
	return (size_t)n;
}

int rec_get_int(struct rec_reader *r)
{
	return checked_int(r, rec_get_u64(r));
}

size_t rec_get_count(struct rec_reader *r, size_t min_size)
{
	return checked_count(r, rec_get_u64(r), min_size);
}

/* The stored string, NULL for a stored NULL or when bad. */
static const char *get(struct rec_reader *r, bool *is_null)
{
	uint64_t n = rec_get_u64(r);
	const char *s = r->p;

	*is_null = !n;
	if (r->bad || !n)
		return NULL;
	if (n > (uint64_t)(r->end - r->p) || s[n - 1] != '\0' ||
	    memchr(s, '\0', n - 1)) {
		r->bad = true;
		return NULL;
	}
	r->p += n;
	return s;
}

char *rec_get_str(struct rec_reader *r)
{
	bool is_null;
	const char *s = get(r, &is_null);

	if (s)
		return xstrdup(s);
	return is_null && !r->bad ? NULL : xstrdup("");
}

const char *rec_peek_str(struct rec_reader *r)
{
	bool is_null;
	const char *s = get(r, &is_null);

	return s ? s : "";
}

const char *rec_get_bytes(struct rec_reader *r, size_t *len)
{
	const char *p;

	*len = rec_get_count(r, 1);
	p = r->p;
	if (r->bad) {
		*len = 0;
		return "";
	}
	r->p += *len;
	return p;
}

uint64_t rec_get_var(struct rec_reader *r)
{
	uint64_t v = 0;
	unsigned char c;
	int shift;

	for (shift = 0; !r->bad; shift += 7) {
		if (r->p == r->end || shift > 63) {
			r->bad = true;
			break;
		}
		c = *r->p++;
		v |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80))
			return v;
	}
	return 0;
}

int rec_get_var_int(struct rec_reader *r)
{
	return checked_int(r, rec_get_var(r));
}

size_t rec_get_var_count(struct rec_reader *r, size_t min_size)
{
	return checked_count(r, rec_get_var(r), min_size);
}

char *rec_get_vstr(struct rec_reader *r)
{
	uint64_t n = rec_get_var(r);
	const char *s = r->p;

	if (r->bad)
		return xstrdup("");
	if (!n)
		return NULL;
	if (n - 1 > (uint64_t)(r->end - r->p) || memchr(s, '\0', n - 1)) {
		r->bad = true;
		return xstrdup("");
	}
	r->p += n - 1;
	return xstrndup(s, n - 1);
}

bool rec_done(const struct rec_reader *r)
{
	return !r->bad && r->p == r->end;
}
