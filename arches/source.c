// SPDX-License-Identifier: GPL-2.0-only
/*
 * Just enough of translation phases 2 and 3 to read directives: comments
 * become blanks, so an #endif followed by a comment naming its condition
 * is a bare #endif, and backslash-newline joins lines.  Offsets into the
 * text stay valid.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "arches/source.h"
#include "lib/util.h"

/* Skip a string or character literal; it ends at its quote or the line. */
static size_t skip_literal(const char *t, size_t len, size_t i)
{
	char q = t[i++];

	while (i < len && t[i] != q && t[i] != '\n') {
		if (t[i] == '\\' && i + 1 < len)
			i++;
		i++;
	}
	return i < len && t[i] == q ? i + 1 : i;
}

void src_strip_comments(char *t, size_t len)
{
	size_t i = 0;

	while (i < len) {
		if (t[i] == '"' || t[i] == '\'') {
			i = skip_literal(t, len, i);
		} else if (t[i] == '/' && i + 1 < len && t[i + 1] == '*') {
			t[i++] = ' ';
			t[i++] = ' ';
			while (i < len && !(t[i] == '*' && i + 1 < len &&
					    t[i + 1] == '/')) {
				if (t[i] != '\n')
					t[i] = ' ';
				i++;
			}
			if (i < len)
				t[i++] = ' ';
			if (i < len)
				t[i++] = ' ';
		} else if (t[i] == '/' && i + 1 < len && t[i + 1] == '/') {
			while (i < len && t[i] != '\n') {
				/* a // comment ending in \ continues */
				if (t[i] == '\\' && t[i + 1] == '\n')
					i++;
				else
					t[i] = ' ';
				i++;
			}
		} else {
			i++;
		}
	}
}

void src_lines_init(struct src_lines *it, const char *text)
{
	memset(it, 0, sizeof(*it));
	it->text = text;
	it->next_line = 1;
}

void src_lines_release(struct src_lines *it)
{
	free(it->buf);
	it->buf = NULL;
	it->alloc = 0;
}

/* Length of the physical line at p without its trailing blanks. */
static size_t trimmed_len(const char *p, size_t n)
{
	while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
		n--;
	return n;
}

bool src_next_line(struct src_lines *it)
{
	const char *p = it->text + it->pos;
	size_t used = 0;

	if (!*p)
		return false;
	it->start = it->pos;
	it->lineno = it->next_line;
	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		size_t t = trimmed_len(p, n);
		bool cont = t && p[t - 1] == '\\' && nl;

		if (cont)
			t--;
		grow_array((void **)&it->buf, &it->alloc, used + t + 1, 1);
		memcpy(it->buf + used, p, t);
		used += t;
		p += n + (nl ? 1 : 0);
		if (nl)
			it->next_line++;
		if (!cont)
			break;
	}
	it->buf[used] = '\0';
	it->line = it->buf;
	it->pos = p - it->text;
	return true;
}

const char *src_directive(const char *line)
{
	while (isspace((unsigned char)*line))
		line++;
	if (*line != '#')
		return NULL;
	line++;
	while (isspace((unsigned char)*line))
		line++;
	return line;
}

char *src_include_target(const char *line, bool *quoted)
{
	const char *d = src_directive(line), *end;
	char close;

	if (!d || strncmp(d, "include", 7))
		return NULL;
	d += 7;
	while (isspace((unsigned char)*d))
		d++;
	if (*d != '<' && *d != '"')
		return NULL;
	*quoted = *d == '"';
	close = *quoted ? '"' : '>';
	end = strchr(d + 1, close);
	if (!end || end == d + 1)
		return NULL;
	return xstrndup(d + 1, end - d - 1);
}
