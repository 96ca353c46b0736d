// SPDX-License-Identifier: GPL-2.0-only
/*
 * #include "....c" lines.  A static function of a .c file that another
 * file includes is compiled into that file too, so its callers are not
 * all in its own file: the cross-function proof must look in every file
 * that includes it.  The scan reads every file anyway; this only looks at
 * the lines of those that contain '.c"'.
 */
#define _GNU_SOURCE		/* memmem() */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "scan/internal.h"

/* "a/b/../c/./d.c" -> "a/c/d.c"; NULL when it leaves the root. */
static char *normalise_path(const char *path)
{
	char *copy = xstrdup(path), *out = xmalloc(strlen(path) + 1);
	char *part, *save, *slash;
	size_t len = 0;

	out[0] = '\0';
	for (part = strtok_r(copy, "/", &save); part;
	     part = strtok_r(NULL, "/", &save)) {
		if (!strcmp(part, "."))
			continue;
		if (!strcmp(part, "..")) {
			if (!len) {
				free(copy);
				free(out);
				return NULL;
			}
			slash = strrchr(out, '/');
			len = slash ? (size_t)(slash - out) : 0;
			out[len] = '\0';
			continue;
		}
		len += sprintf(out + len, "%s%s", len ? "/" : "", part);
	}
	free(copy);
	return out;
}

/* name included from path, relative to the root (quotes: path's folder). */
static char *resolve(const char *path, const char *name, size_t n)
{
	const char *slash = strrchr(path, '/');
	int dir = slash ? (int)(slash - path) : 0;
	char *joined, *norm;

	joined = xasprintf("%.*s%s%.*s", dir, path, dir ? "/" : "", (int)n,
			   name);
	norm = normalise_path(joined);
	free(joined);
	return norm;
}

/* The quoted name of one line's #include "....c", or NULL. */
static const char *c_include_name(const char *s, const char *end, size_t *n)
{
	const char *q;

	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	if (s >= end || *s++ != '#')
		return NULL;
	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	if (end - s < 7 || memcmp(s, "include", 7))
		return NULL;
	for (s += 7; s < end && (*s == ' ' || *s == '\t'); s++)
		;
	if (s >= end || *s++ != '"')
		return NULL;
	q = memchr(s, '"', end - s);
	if (!q || q - s < 3 || memcmp(q - 2, ".c", 2))
		return NULL;
	*n = q - s;
	return s;
}

/*
 * Whether buf holds `.c"` anywhere, 16 bytes a step: memmem() over every
 * file of the tree was a quarter of the scan's time, which spatch waits
 * for.
 */
bool scan_names_c_file(const char *buf, size_t len)
{
	BYTES16 cur, c, dot, hit;
	uint64_t any[2];
	size_t i = 2;

	for (; i + 16 <= len; i += 16) {
		memcpy(&cur, buf + i, 16);
		memcpy(&c, buf + i - 1, 16);
		memcpy(&dot, buf + i - 2, 16);
		hit = (BYTES16)((cur == '"') & (c == 'c') & (dot == '.'));
		memcpy(any, &hit, sizeof(any));
		if (any[0] | any[1])
			return true;
	}
	return len >= 3 && memmem(buf + i - 2, len - (i - 2), ".c\"", 3);
}

void scan_c_includes(const char *path, const char *buf, size_t len,
		     struct scan_result *res)
{
	const char *s = buf, *end = buf + len, *eol, *name;
	struct scan_c_include *inc;
	char *included;
	size_t n;

	if (!scan_names_c_file(buf, len))
		return;
	for (; s < end; s = eol + 1) {
		eol = memchr(s, '\n', end - s);
		if (!eol)
			eol = end;
		name = c_include_name(s, eol, &n);
		if (!name)
			continue;
		included = resolve(path, name, n);
		if (!included)
			continue;
		inc = ARRAY_PUSH(res->c_includes, res->nr_c_includes,
				 res->alloc_c_includes);
		inc->path = xstrdup(path);
		inc->included = included;
	}
}
