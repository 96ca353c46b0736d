// SPDX-License-Identifier: GPL-2.0-only
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static void out_of_memory(void)
{
	fputs("ptsync: out of memory\n", stderr);
	exit(2);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (!p)
		out_of_memory();
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		out_of_memory();
	va_end(ap);
	return s;
}

void grow_array(void **array, size_t *alloc, size_t need, size_t elem)
{
	size_t n = *alloc ? *alloc : 8;

	if (need <= *alloc)
		return;
	while (n < need)
		n *= 2;
	*array = xrealloc(*array, n * elem);
	*alloc = n;
}

char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	size_t alloc = 0, n = 0, got;
	char *buf = NULL;
	int saved;

	if (!f)
		return NULL;
	do {
		grow_array((void **)&buf, &alloc, n + 65536 + 1, 1);
		got = fread(buf + n, 1, alloc - n - 1, f);
		n += got;
	} while (got);
	if (ferror(f)) {
		saved = errno ? errno : EIO;
		fclose(f);
		free(buf);
		errno = saved;
		return NULL;
	}
	fclose(f);
	if (!buf)
		buf = xmalloc(1);
	buf[n] = '\0';
	*len = n;
	return buf;
}

char *path_join(const char *dir, const char *name)
{
	size_t l = strlen(dir);

	if (!l || !strcmp(dir, "."))
		return xstrdup(name);
	if (dir[l - 1] == '/')
		return xasprintf("%s%s", dir, name);
	return xasprintf("%s/%s", dir, name);
}

int make_dirs(const char *path, bool whole, unsigned int mode)
{
	char *copy = xstrdup(path), *p;
	int ret = 0, err = 0;

	for (p = copy + 1; *p && !ret; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(copy, mode) && errno != EEXIST)
			ret = -1;
		*p = '/';
	}
	if (!ret && whole && mkdir(copy, mode) && errno != EEXIST)
		ret = -1;
	err = errno;
	free(copy);
	errno = err;
	return ret;
}

bool str_starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

bool strings_have(char *const *v, size_t nr, const char *s)
{
	size_t i;

	for (i = 0; i < nr; i++)
		if (!strcmp(v[i], s))
			return true;
	return false;
}

void strings_free(char **v, size_t nr)
{
	size_t i;

	for (i = 0; i < nr; i++)
		free(v[i]);
	free(v);
}

size_t strings_unique(char **v, size_t nr)
{
	size_t i, n = 0;

	for (i = 0; i < nr; i++) {
		if (n && !strcmp(v[n - 1], v[i]))
			free(v[i]);
		else
			v[n++] = v[i];
	}
	return n;
}

bool str_ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && !strcmp(s + a - b, suffix);
}

void str_append(char **buf, char *more)
{
	char *joined;

	if (!*buf) {
		*buf = more;
		return;
	}
	joined = xasprintf("%s%s", *buf, more);
	free(*buf);
	free(more);
	*buf = joined;
}

int default_jobs(void)
{
	static int jobs;
	long cpus;

	if (!jobs) {
		cpus = sysconf(_SC_NPROCESSORS_ONLN);
		jobs = cpus > 0 ? (int)cpus : 1;
	}
	return jobs;
}
