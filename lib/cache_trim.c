// SPDX-License-Identifier: GPL-2.0-only
/*
 * Keeping the cache bounded: after a run that wrote, sum the objects'
 * sizes and, over the bound, remove the least recently used (cache_get()
 * touches an object it reads) until three quarters of the bound are left,
 * so that the next runs do not trim again at once.  Temporary files of
 * writers that died are removed after an hour.  Concurrent runs may trim
 * together: removing an object another run reads makes it a miss there.
 *
 * Summing the sizes means a stat of every object: 13,000 of them after a
 * check of 6.12, 20 to 30 ms at the end of each review that stored its
 * post-image's facts.  So the store's total is kept in a ledger, v1.total
 * beside the store (which holds objects only), with the time it was last counted: a run that stays under the bound
 * adds what it wrote and does not list the store.  Concurrent runs may
 * each add to the same old total and lose the other's bytes, and objects
 * may be removed by hand: a count older than an hour is not trusted, the
 * store is listed again.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lib/cache.h"
#include "lib/cache_pack.h"
#include "lib/util.h"

struct object {
	char *path;
	off_t size;
	struct timespec used;
};

struct objects {
	struct object *v;
	size_t nr, alloc;
	unsigned long long total;
};

static void list_dir(const char *dir, struct objects *all, time_t now)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	struct stat st;
	char *path;

	if (!d)
		return;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		path = path_join(dir, de->d_name);
		if (lstat(path, &st) || !S_ISREG(st.st_mode)) {
			free(path);
			continue;
		}
		if (!strncmp(de->d_name, "tmp-", 4)) {
			if (now - st.st_mtime > 3600)
				unlink(path);
			free(path);
			continue;
		}
		struct object *o = ARRAY_PUSH(all->v, all->nr, all->alloc);

		o->path = path;
		o->size = st.st_size;
		o->used = st.st_mtim;
		all->total += st.st_size;
	}
	closedir(d);
}

static int older_first(const void *a, const void *b)
{
	const struct object *x = a, *y = b;

	if (x->used.tv_sec != y->used.tv_sec)
		return x->used.tv_sec < y->used.tv_sec ? -1 : 1;
	return (x->used.tv_nsec > y->used.tv_nsec) -
	       (x->used.tv_nsec < y->used.tv_nsec);
}

static unsigned long long max_bytes(void)
{
	const char *env = getenv("PTSYNC_CACHE_MAX");
	char *end;
	unsigned long long mib = CACHE_DEFAULT_MAX_MIB;

	if (env && *env) {
		mib = strtoull(env, &end, 10);
		if (*end)
			mib = CACHE_DEFAULT_MAX_MIB;
	}
	return mib << 20;
}

#define LEDGER		"v1.total"
#define RECOUNT_AFTER	3600		/* seconds */

/* The ledger's total and when it was counted; false without one. */
static bool read_ledger(unsigned long long *total, long long *counted)
{
	char *path = path_join(cache_dir(), LEDGER), *text;
	size_t len;
	bool ok;

	text = read_file(path, &len);
	free(path);
	ok = text && sscanf(text, "%llu %lld", total, counted) == 2;
	free(text);
	return ok;
}

/* Replace the ledger whole: a reader sees the old one or the new one. */
static void write_ledger(const char *store, unsigned long long total,
			 long long counted)
{
	char *path = path_join(cache_dir(), LEDGER);
	char *tmp = xasprintf("%s/tmp-total-%d", store, (int)getpid());
	FILE *f = fopen(tmp, "w");
	bool ok = f && fprintf(f, "%llu %lld\n", total, counted) > 0;

	if (f && fclose(f))
		ok = false;
	if (f && (!ok || rename(tmp, path)))
		unlink(tmp);
	free(tmp);
	free(path);
}

/*
 * Whether the ledger, counted within the hour, says the store is still
 * under the bound with what this run wrote; then it adds that.
 */
static bool ledger_has_room(const char *store, unsigned long long max)
{
	unsigned long long total;
	long long counted, now = time(NULL);

	if (!read_ledger(&total, &counted) || counted > now ||
	    now - counted > RECOUNT_AFTER)
		return false;
	total += cache_bytes_written();
	if (total > max)
		return false;
	write_ledger(store, total, counted);
	return true;
}

static void trim(void)
{
	struct objects all = { 0 };
	unsigned long long max = max_bytes(), keep = max / 4 * 3;
	char *store = path_join(cache_dir(), "v1"), *sub;
	time_t now = time(NULL);
	bool over;
	size_t i;
	int b;

	if (ledger_has_room(store, max)) {
		free(store);
		return;
	}
	list_dir(store, &all, now);
	for (b = 0; b < 256; b++) {
		sub = xasprintf("%s/%02x", store, b);
		list_dir(sub, &all, now);
		free(sub);
	}
	over = all.total > max;
	if (over)
		qsort(all.v, all.nr, sizeof(*all.v), older_first);
	for (i = 0; i < all.nr; i++) {
		if (over && all.total > keep && !unlink(all.v[i].path)) {
			all.total -= all.v[i].size;
			cache_count(CS_EVICTED, 1);
		}
		free(all.v[i].path);
	}
	write_ledger(store, all.total, now);
	free(all.v);
	free(store);
}

void cache_finish(void)
{
	int s;

	if (cache_enabled())
		cache_pack_flush_all();
	if (cache_enabled() && cache_wrote())
		trim();
	if (!getenv("PTSYNC_CACHE_STATS"))
		return;
	fputs("ptsync: cache:", stderr);
	for (s = 0; s < CS_NR; s++)
		fprintf(stderr, "%s %s %zu", s ? "," : "",
			cache_counter_name(s), cache_counter(s));
	fputc('\n', stderr);
}
