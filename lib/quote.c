// SPDX-License-Identifier: GPL-2.0-only
/*
 * Quoting and encoding text that reaches a mail or a patch.  git's own
 * rules are followed where git has one (core.quotePath for names), RFC
 * 2047 for headers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/quote.h"
#include "lib/util.h"

/* The length of the valid UTF-8 sequence at s, or 0. */
static size_t utf8_len(const unsigned char *s)
{
	size_t n, i;
	unsigned int c;

	if (*s < 0x80)
		return 1;
	if (*s >= 0xc2 && *s <= 0xdf)
		n = 2;
	else if (*s >= 0xe0 && *s <= 0xef)
		n = 3;
	else if (*s >= 0xf0 && *s <= 0xf4)
		n = 4;
	else
		return 0;
	for (i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	c = n == 3 ? (s[0] & 0x0f) << 12 | (s[1] & 0x3f) << 6 : 0;
	if (n == 3 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff)))
		return 0;	/* overlong, or a surrogate */
	if (n == 4 && ((s[0] == 0xf0 && s[1] < 0x90) ||
		       (s[0] == 0xf4 && s[1] >= 0x90)))
		return 0;
	return n;
}

char *text_printable(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	char *out = xmalloc(2 * strlen(s) + 1), *o = out;
	size_t n;

	while (*p) {
		n = utf8_len(p);
		if (n > 1) {	/* C1 controls are U+0080..U+009F */
			if (p[0] == 0xc2 && p[1] < 0xa0)
				*o++ = '?';
			else
				memcpy(o, p, n), o += n;
			p += n;
		} else if (n == 1) {
			*o++ = *p == '\t' ? ' ' : *p < 0x20 || *p == 0x7f ? '?' : *p;
			p++;
		} else if (*p < 0xa0) {	/* Latin-1 has controls there too */
			*o++ = '?';
			p++;
		} else {
			*o++ = (char)(0xc0 | *p >> 6);
			*o++ = (char)(0x80 | (*p & 0x3f));
			p++;
		}
	}
	*o = '\0';
	return out;
}

bool text_is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

static void base64(FILE *out, const unsigned char *s, size_t len)
{
	static const char digits[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned int v;
	size_t i;

	for (i = 0; i < len; i += 3) {
		v = s[i] << 16 | (i + 1 < len ? s[i + 1] << 8 : 0) |
		    (i + 2 < len ? s[i + 2] : 0);
		fputc(digits[v >> 18], out);
		fputc(digits[v >> 12 & 63], out);
		fputc(i + 1 < len ? digits[v >> 6 & 63] : '=', out);
		fputc(i + 2 < len ? digits[v & 63] : '=', out);
	}
}

#define WORD_OPEN	"=?UTF-8?B?"
#define WORD_CLOSE	"?="
#define WORD_EXTRA	(strlen(WORD_OPEN) + strlen(WORD_CLOSE))

/* Raw bytes that fit in one encoded-word starting at column col. */
static size_t word_room(int col)
{
	int chars = 76 - col - (int)WORD_EXTRA;

	return chars < 4 ? 0 : (size_t)chars / 4 * 3;
}

char *header_encode(const char *s, int first)
{
	char *text = text_printable(s), *out;
	const unsigned char *p;
	size_t len, chunk, n, room;
	int col = first;
	FILE *f;

	if (text_is_ascii(text))
		return text;
	f = open_memstream(&out, &len);
	for (p = (const unsigned char *)text; *p; p += chunk) {
		room = word_room(col);
		if (col > 1 && room < 12) {
			fputs("\n ", f);
			col = 1;
			room = word_room(col);
		}
		/* Whole characters only: an encoded-word is decoded alone. */
		for (chunk = 0; p[chunk]; chunk += n) {
			n = utf8_len(p + chunk);
			if (chunk + n > room)
				break;
		}
		if (!chunk)
			chunk = utf8_len(p);
		fputs(WORD_OPEN, f);
		base64(f, p, chunk);
		fputs(WORD_CLOSE, f);
		col += (int)(WORD_EXTRA + (chunk + 2) / 3 * 4);
		if (p[chunk]) {
			fputs("\n ", f);
			col = 1;
		}
	}
	fclose(f);
	free(text);
	return out;
}

bool path_needs_quote(const char *path)
{
	for (; *path; path++)
		if ((unsigned char)*path < 0x20 || (unsigned char)*path >= 0x7f ||
		    *path == '"' || *path == '\\')
			return true;
	return false;
}

char *path_quote(const char *prefix, const char *path)
{
	static const char named[] = "\a\b\t\n\v\f\r\"\\", letters[] = "abtnvfr\"\\";
	const char *hit;
	char *out;
	size_t len;
	FILE *f;

	if (!path_needs_quote(path))
		return xasprintf("%s%s", prefix, path);
	f = open_memstream(&out, &len);
	fprintf(f, "\"%s", prefix);
	for (; *path; path++) {
		hit = strchr(named, *path);
		if (hit)
			fprintf(f, "\\%c", letters[hit - named]);
		else if ((unsigned char)*path < 0x20 || (unsigned char)*path >= 0x7f)
			fprintf(f, "\\%03o", (unsigned char)*path);
		else
			fputc(*path, f);
	}
	fputc('"', f);
	fclose(f);
	return out;
}
