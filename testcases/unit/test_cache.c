// SPDX-License-Identifier: GPL-2.0-only
/*
 * lib/record.c reads only what was written, and marks anything else bad;
 * lib/cache.c gives back what was put, and a miss for a missing, foreign
 * or damaged object.  The cache lives in a temporary directory.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/cache.h"
#include "lib/hash.h"
#include "lib/record.h"
#include "lib/util.h"
#include "testcases/unit/unit.h"

static void test_record(void)
{
	struct rec_buf b = { 0 };
	struct rec_reader r;
	uint64_t n;
	char *s;
	size_t len;

	rec_put_u64(&b, 42);
	rec_put_str(&b, "arch/x86/mm/init_64.c");
	rec_put_str(&b, NULL);
	rec_put_u64(&b, 3);
	rec_put_bytes(&b, "a\0b", 3);
	rec_reader_init(&r, b.data, b.len);
	n = rec_get_u64(&r);	/* CHECK_INT evaluates its argument twice */
	CHECK_INT(n, 42, "a number comes back");
	s = rec_get_str(&r);
	CHECK_STR(s, "arch/x86/mm/init_64.c", "a string comes back");
	free(s);
	CHECK(!rec_get_str(&r), "NULL comes back as NULL");
	CHECK(!memcmp(rec_get_bytes(&r, &len), "a\0b", 3) && len == 3,
	      "bytes come back");
	CHECK(rec_done(&r), "everything read, nothing bad");

	/* every shorter prefix is bad, never a crash */
	for (len = 0; len < b.len; len++) {
		rec_reader_init(&r, b.data, len);
		rec_get_u64(&r);
		free(rec_get_str(&r));
		free(rec_get_str(&r));
		rec_get_bytes(&r, &(size_t){ 0 });
		if (rec_done(&r))
			break;
	}
	CHECK_INT(len, b.len, "every truncated record is bad");

	/* a count larger than the record can hold */
	rec_reader_init(&r, b.data, 8);
	n = rec_get_count(&r, 8);
	CHECK_INT(n, 0, "an impossible count reads as 0");
	CHECK(r.bad, "an impossible count marks the reader bad");
	/* a string whose terminator is not where its length says */
	b.data[8] = 5;
	rec_reader_init(&r, b.data, b.len);
	rec_get_u64(&r);
	free(rec_get_str(&r));
	CHECK(r.bad, "a string without its NUL marks the reader bad");
	rec_buf_free(&b);
}

static void test_hash(void)
{
	struct hash128 z = { 0, 0 }, a, b;
	char hex[33];

	a = hash_bytes(z, "init_mm", 7);
	b = hash_bytes(z, "init_mm", 7);
	CHECK(a.lo == b.lo && a.hi == b.hi, "the same bytes, the same hash");
	b = hash_bytes(z, "init_mn", 7);
	CHECK(a.lo != b.lo && a.hi != b.hi, "one byte changes both halves");
	b = hash_bytes(z, "init_mm\0", 8);
	CHECK(a.lo != b.lo, "the length counts");
	hash_hex(hash_bytes(z, "", 0), hex);
	CHECK_INT(strlen(hex), 32, "32 hex digits");
}

/* Overwrite the store's objects at offset with byte. */
static void corrupt(const char *dir, long offset, int byte)
{
	char *cmd = xasprintf("find '%s/v1' -type f ! -name 'tmp-*'", dir);
	char line[4096];
	FILE *list = popen(cmd, "r"), *f;
	int n = 0;

	while (list && fgets(line, sizeof(line), list)) {
		line[strcspn(line, "\n")] = '\0';
		f = fopen(line, "r+");
		if (f && !fseek(f, offset, SEEK_SET) && fputc(byte, f) == byte)
			n++;
		if (f)
			fclose(f);
	}
	if (list)
		pclose(list);
	CHECK_INT(n, 1, "objects corrupted");
	free(cmd);
}

static void test_cache(void)
{
	char dir[] = "/tmp/ptsync-cache-test-XXXXXX";
	struct cache_key k, other;
	char *got, *cmd;
	size_t len;

	CHECK(mkdtemp(dir) != NULL, "a temporary cache directory");
	cache_configure(dir, false);
	cache_key_init(&k, CACHE_SPATCH, 1);
	cache_key_add_str(&k, "mm/kasan/init.c");
	other = k;
	cache_key_add_u64(&other, 1);

	CHECK(!cache_get(&k, &len), "an empty cache misses");
	CHECK(!cache_put(&k, "facts", 5), "put");
	got = cache_get(&k, &len);
	CHECK(got && len == 5 && !memcmp(got, "facts", 5), "get gives back what was put");
	free(got);
	CHECK(!cache_get(&other, &len), "another key misses");

	corrupt(dir, 50, 'X');		/* inside the payload */
	CHECK(!cache_get(&k, &len), "a damaged payload is a miss");
	CHECK_INT(cache_counter(CS_CORRUPT), 1, "and counted as corrupt");
	CHECK(!cache_get(&k, &len), "the damaged object was removed");
	CHECK_INT(cache_counter(CS_CORRUPT), 1, "so it is not counted twice");

	CHECK(!cache_put(&k, "facts", 5), "put again");
	corrupt(dir, 12, 7);	/* the version in the header */
	CHECK(!cache_get(&k, &len), "a foreign header is a miss");

	cache_configure(dir, true);
	CHECK(!cache_enabled(), "--no-cache disables it");
	CHECK(cache_put(&k, "facts", 5) < 0, "nothing is written when disabled");
	cmd = xasprintf("rm -rf '%s'", dir);
	CHECK(!system(cmd), "cleanup");
	free(cmd);
}

int main(void)
{
	test_record();
	test_hash();
	test_cache();
	return unit_done("unit-cache");
}
