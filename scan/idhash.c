// SPDX-License-Identifier: GPL-2.0-only
/*
 * id_hash_buffer(): the hashes of the identifiers a file holds outside
 * comments and literals, sorted and unique (scan/calls.h).  It runs on
 * every byte of the tree (1.3 GB in 6.12, a third of it register
 * headers) on a cold check, beside spatch on the two cores: a byte at a
 * time it took as long as spatch itself.  On x86-64 the bytes are
 * classified 64 at a time with SSE2 (part of the base ISA, so no
 * dispatch), and only the places where a name, a comment or a literal
 * starts are looked at one by one.  Elsewhere the same walk runs on
 * plain C, and both give the same hashes (testcases/unit/test_idhash.c).
 */
#define _GNU_SOURCE		/* memmem() */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) && defined(__SSE2__)
#include <emmintrin.h>
#define HAVE_SSE2_CLASSIFY 1
#endif

#include "lib/util.h"
#include "scan/calls.h"

static const unsigned char ident_char[256] = {
	['a' ... 'z'] = 1, ['A' ... 'Z'] = 1, ['_'] = 1, ['$'] = 1,
	['0' ... '9'] = 2,
};

/*
 * What a byte may start: most bytes of C are blanks and punctuation,
 * skipped without a look at what follows them.
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
 * index relies on the hashes being spread evenly (ids_have()).
 */
static inline uint32_t hash_ident_in(const char *s, size_t len,
				     const char *end)
{
	uint64_t h = len * 0x9e3779b97f4a7c15ULL, w;

	for (; len >= 8; s += 8, len -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 29;
	}
	if (len) {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		/*
		 * The same bytes as the copy below, read as one word: the
		 * copy of a variable length stalled every name's hash on
		 * its store to the stack.
		 */
		if (end - s >= 8) {
			memcpy(&w, s, 8);
			w &= ~0ULL >> (64 - 8 * len);
		} else
#endif
		{
			w = 0;
			memcpy(&w, s, len);
		}
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
	}
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return (uint32_t)h;
}

static inline uint32_t hash_ident(const char *s, size_t len)
{
	return hash_ident_in(s, len, s + len);
}

uint32_t id_hash(const char *s, size_t len)
{
	return hash_ident(s, len);
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
 * Append h to v unless the slot of its low bits holds it: a file names
 * the same few things again and again, and each repeat left out is one
 * less to sort.  Only a value already in v is left out, so the set is
 * exact (a zero slot is empty, and a zero hash always goes in).
 */
#define SEEN_SLOTS ARRAY_SIZE(((struct id_scratch *)0)->seen)
static inline size_t emit(uint32_t *v, size_t nr, uint32_t *seen, uint32_t h)
{
	uint32_t *slot = &seen[h & (SEEN_SLOTS - 1)];

	if (*slot == h && h)
		return nr;
	*slot = h;
	v[nr] = h;
	return nr + 1;
}

/* Past the run of name characters at i. */
static inline size_t name_end(const char *buf, size_t len, size_t i)
{
	while (i < len && ident_char[(unsigned char)buf[i]])
		i++;
	return i;
}

/*
 * From i, at a token boundary, to len: the hashes of the names into v.
 * Digits glued to letters (0x1f) are a number, not a name.
 */
static size_t hash_names_plain(const char *buf, size_t i, size_t len,
			       uint32_t *v, size_t nr, uint32_t *seen)
{
	size_t start, n;

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
			i = name_end(buf, len, i);
			continue;
		}
		start = i;
		i = name_end(buf, len, i);
		nr = emit(v, nr, seen,
			  hash_ident_in(buf + start, i - start, buf + len));
	}
	return nr;
}

#ifdef HAVE_SSE2_CLASSIFY
static inline __m128i in_range(__m128i c, char lo, char hi)
{
	return _mm_and_si128(_mm_cmpgt_epi8(c, _mm_set1_epi8(lo - 1)),
			     _mm_cmplt_epi8(c, _mm_set1_epi8(hi + 1)));
}

/*
 * Bit k of *name: p[k] is a name character; of *noise: it may start a
 * comment or a literal.  Bytes above 0x7f are negative here and so in
 * no range, as ident_char[] has them.
 */
static inline void classify64(const char *p, uint64_t *name, uint64_t *noise)
{
	uint64_t nm = 0, nz = 0;
	__m128i c, m, n;
	int k;

	for (k = 0; k < 4; k++) {
		c = _mm_loadu_si128((const __m128i *)(p + 16 * k));
		m = _mm_or_si128(in_range(_mm_or_si128(c, _mm_set1_epi8(0x20)),
					  'a', 'z'),
				 in_range(c, '0', '9'));
		m = _mm_or_si128(m, _mm_cmpeq_epi8(c, _mm_set1_epi8('_')));
		m = _mm_or_si128(m, _mm_cmpeq_epi8(c, _mm_set1_epi8('$')));
		n = _mm_or_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('/')),
				 _mm_cmpeq_epi8(c, _mm_set1_epi8('"')));
		n = _mm_or_si128(n, _mm_cmpeq_epi8(c, _mm_set1_epi8('\'')));
		nm |= (uint64_t)(uint16_t)_mm_movemask_epi8(m) << (16 * k);
		nz |= (uint64_t)(uint16_t)_mm_movemask_epi8(n) << (16 * k);
	}
	*name = nm;
	*noise = nz;
}

/* The "*\/" that ends a comment from p on, 16 bytes a step, or NULL. */
static const char *comment_end(const char *p, const char *end)
{
	const __m128i star = _mm_set1_epi8('*'), slash = _mm_set1_epi8('/');
	__m128i a, b;
	unsigned int m;

	for (; end - p >= 17; p += 16) {
		a = _mm_loadu_si128((const __m128i *)p);
		b = _mm_loadu_si128((const __m128i *)(p + 1));
		m = _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, star),
						    _mm_cmpeq_epi8(b, slash)));
		if (m)
			return p + __builtin_ctz(m);
	}
	return memmem(p, end - p, "*/", 2);
}

/*
 * Past the literal whose quote q is at i - 1, as skip_noise() finds it:
 * at its closing quote or, unterminated, past the line end; a backslash
 * takes the byte after it along.
 */
static size_t literal_end(const char *buf, size_t len, size_t i, char q)
{
	const __m128i quote = _mm_set1_epi8(q), nl = _mm_set1_epi8('\n');
	const __m128i bs = _mm_set1_epi8('\\');
	__m128i c;
	unsigned int m;

	while (i + 16 <= len) {
		c = _mm_loadu_si128((const __m128i *)(buf + i));
		m = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(
			_mm_cmpeq_epi8(c, quote), _mm_cmpeq_epi8(c, nl)),
			_mm_cmpeq_epi8(c, bs)));
		if (!m) {
			i += 16;
			continue;
		}
		i += __builtin_ctz(m);
		if (buf[i] != '\\')
			return i + 1;
		i += 2;
	}
	for (; i < len && buf[i] != q && buf[i] != '\n'; i++)
		if (buf[i] == '\\')
			i++;
	return i < len ? i + 1 : len;
}

/*
 * skip_noise(), 16 bytes a step: a third of the tree's bytes are in
 * comments, and memmem()'s start-up cost each one.
 */
static size_t skip_noise_fast(const char *buf, size_t len, size_t i)
{
	const char *end;

	if (buf[i] == '/' && i + 1 < len && buf[i + 1] == '*') {
		end = comment_end(buf + i + 2, buf + len);
		return end ? (size_t)(end - buf) + 2 : len;
	}
	if (buf[i] == '"' || buf[i] == '\'')
		return literal_end(buf, len, i + 1, buf[i]);
	return skip_noise(buf, len, i);
}

/* Add the hash of the name at start, up to end, unless it is a number. */
static inline size_t emit_name(const char *buf, size_t len, size_t start,
			       size_t end, uint32_t *v, size_t nr,
			       uint32_t *seen)
{
	if (ident_char[(unsigned char)buf[start]] & 2)
		return nr;
	return emit(v, nr, seen, hash_ident_in(buf + start, end - start,
					       buf + len));
}

/*
 * 64 bytes a step.  A name that runs past a step's end is pending: it
 * ends where the next step's first byte that is no name character is.
 * Comments and literals are skipped 16 bytes a step (skip_noise_fast()),
 * and the next step starts after them.  The last bytes, from the pending name
 * if any, go the plain way.
 */
static size_t hash_names(const char *buf, size_t len, uint32_t *v,
			 uint32_t *seen)
{
	uint64_t name, noise, events, rest;
	size_t i = 0, nr = 0, pending = SIZE_MAX, n;
	unsigned int b, e;

next:
	while (len - i >= 64) {
		classify64(buf + i, &name, &noise);
		events = (name & ~(name << 1)) | noise;
		if (pending != SIZE_MAX) {
			if (!~name) {
				i += 64;
				continue;
			}
			e = __builtin_ctzll(~name);
			nr = emit_name(buf, len, pending, i + e, v, nr, seen);
			pending = SIZE_MAX;
			events &= ~0ULL << e;
		}
		while (events) {
			b = __builtin_ctzll(events);
			if (noise >> b & 1) {
				n = skip_noise_fast(buf, len, i + b);
				if (n != i + b) {
					i = n;
					goto next;
				}
				events &= events - 1;	/* a division */
				continue;
			}
			rest = ~name >> b;
			if (!rest) {
				pending = i + b;
				break;
			}
			e = b + __builtin_ctzll(rest);
			nr = emit_name(buf, len, i + b, i + e, v, nr, seen);
			events &= ~0ULL << e;
		}
		i += 64;
	}
	if (pending != SIZE_MAX)
		i = pending;
	return hash_names_plain(buf, i, len, v, nr, seen);
}
#else
static size_t hash_names(const char *buf, size_t len, uint32_t *v,
			 uint32_t *seen)
{
	return hash_names_plain(buf, 0, len, v, 0, seen);
}
#endif

/*
 * Sort by bytes, least significant first: qsort() with a comparison
 * call per step took a quarter of a cold check's CPU time here.  The
 * four counts are taken in one pass; a short run is sorted in place.
 */
static void radix_sort(uint32_t *v, uint32_t *tmp, size_t nr)
{
	uint32_t *from = v, *to = tmp, *t, x;
	size_t count[4][256] = { { 0 } }, i, j, sum, c;
	int d;

	if (nr <= 32) {
		for (i = 1; i < nr; i++) {
			x = v[i];
			for (j = i; j && v[j - 1] > x; j--)
				v[j] = v[j - 1];
			v[j] = x;
		}
		return;
	}
	for (i = 0; i < nr; i++) {
		x = v[i];
		count[0][x & 0xff]++;
		count[1][x >> 8 & 0xff]++;
		count[2][x >> 16 & 0xff]++;
		count[3][x >> 24]++;
	}
	for (d = 0; d < 4; d++) {
		for (i = sum = 0; i < 256; i++) {
			c = count[d][i];
			count[d][i] = sum;
			sum += c;
		}
		for (i = 0; i < nr; i++)
			to[count[d][(from[i] >> (8 * d)) & 0xff]++] = from[i];
		t = from;
		from = to;
		to = t;
	}
	/* four passes: the sorted values are back in v */
}

/* The nr hashes in s->v, sorted and unique, into *out: their number. */
static size_t sorted_unique(struct id_scratch *s, size_t nr, uint32_t **out)
{
	size_t i, n;

	if (nr > 1)
		radix_sort(s->v, s->tmp, nr);
	for (i = n = 0; i < nr; i++)
		if (!n || s->v[n - 1] != s->v[i])
			s->v[n++] = s->v[i];
	*out = n ? xmalloc(n * sizeof(**out)) : NULL;
	if (n)
		memcpy(*out, s->v, n * sizeof(**out));
	return n;
}

static void scratch_reserve(struct id_scratch *s, size_t len)
{
	/* a name and what ends it take two bytes: room enough */
	size_t need = len / 2 + 1;

	if (s->alloc >= need)
		return;
	free(s->v);
	free(s->tmp);
	s->alloc = need;
	s->v = xmalloc(need * sizeof(*s->v));
	s->tmp = xmalloc(need * sizeof(*s->tmp));
}

size_t id_hash_buffer_with(const char *buf, size_t len,
			   struct id_scratch *s, uint32_t **out)
{
	scratch_reserve(s, len);
	memset(s->seen, 0, sizeof(s->seen));
	return sorted_unique(s, hash_names(buf, len, s->v, s->seen), out);
}

void id_scratch_free(struct id_scratch *s)
{
	free(s->v);
	free(s->tmp);
	memset(s, 0, sizeof(*s));
}

size_t id_hash_buffer(const char *buf, size_t len, uint32_t **out)
{
	struct id_scratch s = { 0 };
	size_t n = id_hash_buffer_with(buf, len, &s, out);

	id_scratch_free(&s);
	return n;
}

/* The same, a byte at a time: what the fast walk must agree with. */
size_t id_hash_buffer_plain(const char *buf, size_t len, uint32_t **out)
{
	struct id_scratch s = { 0 };
	size_t n;

	scratch_reserve(&s, len);
	n = sorted_unique(&s, hash_names_plain(buf, 0, len, s.v, 0, s.seen),
			  out);
	id_scratch_free(&s);
	return n;
}
