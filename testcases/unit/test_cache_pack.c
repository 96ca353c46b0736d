// SPDX-License-Identifier: GPL-2.0-only
/*
 * lib/cache_pack.c: an entry put and flushed comes back in a later run
 * (a new pack), replaced by a later put, and written by cache_finish()
 * when its user did not flush it; a damaged shard is a miss, never a crash; two runs that
 * write the same shard keep each other's entries; a shard stays within
 * its bound and keeps what was used; writers in parallel processes leave
 * only whole shards.  The compact record forms of lib/record.c come back
 * as written.  The cache lives in a temporary directory.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/cache.h"
#include "lib/cache_pack.h"
#include "lib/record.h"
#include "lib/util.h"
#include "testcases/unit/unit.h"

#define KIND CACHE_CALL_FACTS
#define VERSION 9999

/* Keys that land in shard 0 and differ otherwise. */
static struct hash128 key(unsigned int n)
{
	struct hash128 k = { 0x9e3779b97f4a7c15ull * (n + 1),
			     (uint64_t)n * CACHE_PACK_SHARDS };

	return k;
}

static bool has(struct cache_pack *p, unsigned int n, const char *want)
{
	size_t len;
	const char *got = cache_pack_get(p, key(n), &len);

	return got && len == strlen(want) && !memcmp(got, want, len);
}

static void test_var(void)
{
	struct rec_buf b = { 0 };
	struct rec_reader r;
	uint64_t n;
	char *s;
	size_t len;

	rec_put_var(&b, 0);
	rec_put_var(&b, 300);
	rec_put_var(&b, UINT64_MAX);
	rec_put_vstr(&b, "pgd_populate");
	rec_put_vstr(&b, NULL);
	rec_put_vstr(&b, "");
	CHECK_INT(b.len, 1 + 2 + 10 + 13 + 1 + 1, "small numbers take a byte");
	rec_reader_init(&r, b.data, b.len);
	n = rec_get_var(&r);
	CHECK_INT(n, 0, "0 comes back");
	n = rec_get_var(&r);
	CHECK_INT(n, 300, "300 comes back");
	CHECK(rec_get_var(&r) == UINT64_MAX, "the largest number comes back");
	s = rec_get_vstr(&r);
	CHECK_STR(s, "pgd_populate", "a string comes back");
	free(s);
	CHECK(!rec_get_vstr(&r), "NULL comes back as NULL");
	s = rec_get_vstr(&r);
	CHECK_STR(s, "", "an empty string is not NULL");
	free(s);
	CHECK(rec_done(&r), "everything read, nothing bad");
	for (len = 0; len < b.len; len++) {
		rec_reader_init(&r, b.data, len);
		rec_get_var(&r);
		rec_get_var(&r);
		rec_get_var(&r);
		free(rec_get_vstr(&r));
		free(rec_get_vstr(&r));
		free(rec_get_vstr(&r));
		if (rec_done(&r))
			break;
	}
	CHECK_INT(len, b.len, "every truncated record is bad");
	rec_buf_free(&b);
}

/* The size of the one shard object the tests write, or -1. */
static long shard_size(const char *dir)
{
	char *cmd = xasprintf("find '%s/v1' -type f ! -name 'tmp-*' -printf '%%s\\n'",
			      dir);
	FILE *f = popen(cmd, "r");
	long size = -1, n = 0, got;

	while (f && fscanf(f, "%ld", &got) == 1) {
		size = got;
		n++;
	}
	if (f)
		pclose(f);
	free(cmd);
	return n == 1 ? size : -1;
}

static void damage_shard(const char *dir)
{
	char *cmd = xasprintf("for f in $(find '%s/v1' -type f ! -name 'tmp-*'); do printf XXXX | dd of=$f bs=1 seek=60 conv=notrunc 2>/dev/null; done",
			      dir);

	CHECK(!system(cmd), "damage the shard");
	free(cmd);
}

static void test_roundtrip(void)
{
	struct cache_pack *p = cache_pack_new(KIND, VERSION);
	size_t len;

	CHECK(!cache_pack_get(p, key(1), &len), "an empty pack misses");
	cache_pack_put(p, key(1), "facts of one", 12);
	cache_pack_put(p, key(2), "facts of two", 12);
	CHECK(has(p, 1, "facts of one"), "an entry is there before the flush");
	CHECK_INT(cache_counter(CS_WRITES), 0, "nothing written before the flush");
	CHECK(!cache_pack_flush(p), "flush");
	CHECK_INT(cache_counter(CS_WRITES), 1, "one object for both entries");
	CHECK(!cache_pack_flush(p), "a second flush");
	CHECK_INT(cache_counter(CS_WRITES), 1, "writes nothing new");
	cache_pack_free(p);

	p = cache_pack_new(KIND, VERSION);
	CHECK(has(p, 1, "facts of one") && has(p, 2, "facts of two"),
	      "a later run finds both");
	CHECK(!cache_pack_get(p, key(3), &len), "another key misses");
	cache_pack_free(p);
}

static void test_damage(const char *dir)
{
	struct cache_pack *p;
	size_t corrupt = cache_counter(CS_CORRUPT), len;

	damage_shard(dir);
	p = cache_pack_new(KIND, VERSION);
	CHECK(!cache_pack_get(p, key(1), &len), "a damaged shard is a miss");
	CHECK(cache_counter(CS_CORRUPT) > corrupt, "and counted as corrupt");
	cache_pack_put(p, key(1), "facts of one", 12);
	CHECK(!cache_pack_flush(p), "written again");
	cache_pack_free(p);
	p = cache_pack_new(KIND, VERSION);
	CHECK(has(p, 1, "facts of one"), "and found again");
	cache_pack_free(p);
}

/* A key whose value changes (an answer per name): the last put wins. */
static void test_replace(void)
{
	struct cache_pack *p = cache_pack_new(KIND, VERSION);

	cache_pack_put(p, key(5), "old answer", 10);
	cache_pack_flush(p);
	cache_pack_put(p, key(5), "new answer!", 11);
	CHECK(has(p, 5, "new answer!"), "a put replaces the value");
	cache_pack_flush(p);
	cache_pack_free(p);
	p = cache_pack_new(KIND, VERSION);
	CHECK(has(p, 5, "new answer!"), "and the replaced value is stored");
	cache_pack_free(p);
}

/* A pack its user never flushed is written at the end of the run. */
static void test_finish(void)
{
	struct cache_pack *p = cache_pack_new(KIND, VERSION);

	cache_pack_put(p, key(6), "at the end", 10);
	cache_finish();
	cache_pack_free(p);
	p = cache_pack_new(KIND, VERSION);
	CHECK(has(p, 6, "at the end"), "cache_finish() flushed the pack");
	cache_pack_free(p);
}

/* A shard whose checksum holds but whose entries do not parse. */
static void test_garbage(void)
{
	struct cache_pack *p;
	struct cache_key k;
	size_t corrupt = cache_counter(CS_CORRUPT), len;

	cache_pack_shard_key(KIND, VERSION, cache_pack_shard(key(1)), &k);
	CHECK(!cache_put(&k, "\377\377\377\377\377\377\377\177junk", 12),
	      "a shard of garbage");
	p = cache_pack_new(KIND, VERSION);
	CHECK(!cache_pack_get(p, key(1), &len), "a shard that does not parse is a miss");
	CHECK(cache_counter(CS_CORRUPT) > corrupt, "and counted as corrupt");
	cache_pack_free(p);
}

/* Two runs read the shard, then each writes it: both entries stay. */
static void test_two_writers(void)
{
	struct cache_pack *a = cache_pack_new(KIND, VERSION);
	struct cache_pack *b = cache_pack_new(KIND, VERSION);
	size_t len;

	cache_pack_get(a, key(10), &len);
	cache_pack_get(b, key(11), &len);
	cache_pack_put(a, key(10), "from a", 6);
	cache_pack_put(b, key(11), "from b", 6);
	cache_pack_flush(a);
	cache_pack_flush(b);
	cache_pack_free(a);
	cache_pack_free(b);
	a = cache_pack_new(KIND, VERSION);
	CHECK(has(a, 10, "from a") && has(a, 11, "from b"),
	      "the second writer kept the first one's entry");
	CHECK(has(a, 1, "facts of one"), "and what was there before");
	cache_pack_free(a);
}

/* Over the bound, a shard keeps the new and the used entries first. */
static void test_bound(const char *dir)
{
	size_t big = CACHE_PACK_SHARD_MAX / 4, n;
	char *blob = xmalloc(big);
	struct cache_pack *p;
	long size;

	memset(blob, 'f', big);
	p = cache_pack_new(KIND, VERSION);
	for (n = 100; n < 103; n++)
		cache_pack_put(p, key(n), blob, big - 100);
	cache_pack_flush(p);
	cache_pack_free(p);

	p = cache_pack_new(KIND, VERSION);
	CHECK(cache_pack_get(p, key(101), &n) && n == big - 100,
	      "a large entry comes back");
	cache_pack_put(p, key(103), blob, big - 100);
	cache_pack_put(p, key(104), blob, big - 100);
	cache_pack_flush(p);
	cache_pack_free(p);
	size = shard_size(dir);
	CHECK(size > 0 && size <= (long)CACHE_PACK_SHARD_MAX + 64,
	      "the shard stays within its bound: %ld bytes", size);

	p = cache_pack_new(KIND, VERSION);
	CHECK(cache_pack_get(p, key(103), &n) && cache_pack_get(p, key(104), &n),
	      "the new entries were kept");
	CHECK(cache_pack_get(p, key(101), &n), "so was the one used");
	CHECK(!cache_pack_get(p, key(100), &n) || !cache_pack_get(p, key(102), &n),
	      "an unused one made room");
	cache_pack_free(p);
	free(blob);
}

/* Writers in parallel processes: every shard read back is whole. */
static void test_parallel(void)
{
	size_t corrupt = cache_counter(CS_CORRUPT);
	struct cache_pack *p;
	char text[32];
	pid_t pids[4];
	int i, j, bad = 0, found = 0, status;
	size_t len;
	const char *got;

	for (i = 0; i < 4; i++) {
		pids[i] = fork();
		if (!pids[i]) {
			for (j = 0; j < 20; j++) {
				p = cache_pack_new(KIND, VERSION);
				snprintf(text, sizeof(text), "writer %d, %d", i, j);
				cache_pack_get(p, key(200 + i * 20 + j), &len);
				cache_pack_put(p, key(200 + i * 20 + j), text,
					       strlen(text));
				cache_pack_flush(p);
				cache_pack_free(p);
			}
			_exit(0);
		}
	}
	for (i = 0; i < 4; i++)
		waitpid(pids[i], &status, 0);
	p = cache_pack_new(KIND, VERSION);
	for (i = 0; i < 4; i++)
		for (j = 0; j < 20; j++) {
			snprintf(text, sizeof(text), "writer %d, %d", i, j);
			got = cache_pack_get(p, key(200 + i * 20 + j), &len);
			if (got)
				found++;
			if (got && (len != strlen(text) || memcmp(got, text, len)))
				bad++;
		}
	CHECK_INT(bad, 0, "no entry came back wrong after parallel writers");
	CHECK(found >= 20, "most entries survived: %d of 80", found);
	CHECK_INT(cache_counter(CS_CORRUPT) - corrupt, 0, "no shard was torn");
	cache_pack_free(p);
}

int main(void)
{
	char dir[] = "/tmp/ptsync-pack-test-XXXXXX";
	char *cmd;

	test_var();
	CHECK(mkdtemp(dir) != NULL, "a temporary cache directory");
	cache_configure(dir, false);
	test_roundtrip();
	test_replace();
	test_finish();
	test_garbage();
	test_damage(dir);
	test_two_writers();
	test_parallel();
	test_bound(dir);
	cmd = xasprintf("rm -rf '%s'", dir);
	CHECK(!system(cmd), "cleanup");
	free(cmd);
	return unit_done("unit-cache-pack");
}
