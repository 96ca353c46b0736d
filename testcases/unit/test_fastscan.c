// SPDX-License-Identifier: GPL-2.0-only
/*
 * The scan's 16- and 64-byte walks against what they replace: the
 * identifier hashes of id_hash_buffer() against the byte-wise walk
 * (id_hash_buffer_plain()), and scan_names_c_file() against memmem().
 * The inputs put names, numbers, comments and literals across every
 * offset of the 64-byte steps, then random C-like text.
 */
#define _GNU_SOURCE		/* memmem() */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "scan/calls.h"
#include "scan/internal.h"
#include "testcases/unit/unit.h"

static bool same_hashes(const char *buf, size_t len)
{
	uint32_t *fast, *plain;
	size_t nf = id_hash_buffer(buf, len, &fast);
	size_t np = id_hash_buffer_plain(buf, len, &plain);
	bool same = nf == np && (!nf || !memcmp(fast, plain, nf * 4));

	free(fast);
	free(plain);
	return same;
}

/* The hashes of buf are those of want's names: id_hash() of each. */
static bool hashes_are(const char *buf, const char *const *want, size_t nr)
{
	uint32_t *got, h;
	size_t n = id_hash_buffer(buf, strlen(buf), &got), i, found = 0;

	for (i = 0; i < nr; i++) {
		h = id_hash(want[i], strlen(want[i]));
		found += ids_have(got, n, h);
	}
	free(got);
	return n == nr && found == nr;
}

static const char *const pieces[] = {
	"foo", "_bar9", "$x", "0x1fUL", "12", "/* c */", "// line\n",
	"\"str \\\" foo\"", "'\\''", "/", "a/b", "\n", " ", "\t",
	"very_long_identifier_that_crosses_the_step_boundary_for_sure_x",
	"\xc3\xa9t\xc3\xa9", "(", ")", ";", "->", "\"unterminated\n",
	"/* unterminated", "\\\n", "#include \"x.c\"\n", "abc\"", ".c",
	".h\"",
};

static uint64_t rnd = 88172645463325252ULL;

static unsigned int next_rand(void)
{
	rnd ^= rnd << 13;
	rnd ^= rnd >> 7;
	rnd ^= rnd << 17;
	return (unsigned int)rnd;
}

static size_t random_text(char *buf, size_t max)
{
	size_t len = 0, n;
	const char *p;

	while (len < max) {
		p = pieces[next_rand() % ARRAY_SIZE(pieces)];
		n = strlen(p);
		if (len + n > max)
			break;
		memcpy(buf + len, p, n);
		len += n;
	}
	return len;
}

/* A name or a comment at every offset around the 64-byte steps. */
static void test_offsets(void)
{
	static const char *const tokens[] = {
		"name_of_forty_bytes_for_the_boundaries_x", "9abc", "/* x */",
		"\"q\"", "// y\n", "ab", "/",
	};
	char buf[300];
	size_t t, off, bad = 0, runs = 0;

	for (t = 0; t < ARRAY_SIZE(tokens); t++)
		for (off = 0; off < 140; off++) {
			memset(buf, ' ', sizeof(buf));
			memcpy(buf + off, tokens[t], strlen(tokens[t]));
			memcpy(buf + 200, "tail_name", 9);
			bad += !same_hashes(buf, 210);
			bad += !same_hashes(buf, off + strlen(tokens[t]));
			runs += 2;
		}
	CHECK(!bad, "a token at each of 140 offsets: %zu of %zu differ", bad,
	      runs);
}

static void test_random(void)
{
	static char buf[4096];
	size_t i, len, bad = 0, bad_c = 0;

	for (i = 0; i < 3000; i++) {
		len = random_text(buf, next_rand() % sizeof(buf));
		bad += !same_hashes(buf, len);
		if (next_rand() % 4 == 0 && len > 3)
			memcpy(buf + next_rand() % (len - 2), ".c\"", 3);
		bad_c += scan_names_c_file(buf, len) !=
			 !!memmem(buf, len, ".c\"", 3);
	}
	CHECK(!bad, "3000 random C-like texts: %zu differ in their hashes",
	      bad);
	CHECK(!bad_c, "3000 random texts: %zu differ on .c\" from memmem()",
	      bad_c);
}

static void test_names_c_file(void)
{
	char buf[100];
	size_t off, bad = 0;

	CHECK(!scan_names_c_file("", 0), "an empty buffer names no .c file");
	CHECK(scan_names_c_file(".c\"", 3), "three bytes: .c\"");
	CHECK(!scan_names_c_file(".h\"", 3), "three bytes: .h\" is no .c");
	for (off = 0; off + 3 <= sizeof(buf); off++) {
		memset(buf, 'x', sizeof(buf));
		memcpy(buf + off, ".c\"", 3);
		bad += !scan_names_c_file(buf, sizeof(buf));
		bad += scan_names_c_file(buf, off + 2);
		buf[off] = 'x';		/* xc": no dot */
		bad += scan_names_c_file(buf, sizeof(buf));
		memcpy(buf + off, ".cc", 3);	/* no quote */
		bad += scan_names_c_file(buf, sizeof(buf));
		memcpy(buf + off, ".\"\"", 3);	/* no c */
		bad += scan_names_c_file(buf, sizeof(buf));
	}
	CHECK(!bad, ".c\" at every offset of 100 bytes: %zu wrong", bad);
}

static void test_meaning(void)
{
	static const char *const want[] = { "a", "b_c", "$d" };
	char buf[130];

	CHECK(hashes_are("a + b_c /* e */ \"f\" 'g' $d 0x1f 9z a // h\n",
			 want, 3),
	      "names outside comments and literals, numbers left out");
	memset(buf, ' ', sizeof(buf));
	buf[sizeof(buf) - 1] = '\0';
	memcpy(buf + 62, "b_c", 3);	/* across the first step's end */
	memcpy(buf + 10, "a", 1);
	memcpy(buf + 120, "$d", 2);
	CHECK(hashes_are(buf, want, 3), "the same across 64-byte steps");
}

int main(void)
{
	test_meaning();
	test_offsets();
	test_names_c_file();
	test_random();
	return unit_done("unit fastscan");
}
