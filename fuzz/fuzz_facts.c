// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer: a file's call facts as the cache's pack stores them, read
 * back by file_facts_decode().  An entry may hold anything (another
 * version, a torn write, a disk error): reading it must be a miss or the
 * facts, never a crash or a leak; and facts read back, written again,
 * read back the same.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/record.h"
#include "scan/calls.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rec_buf once = { 0 }, twice = { 0 };
	struct file_facts ff;

	if (!file_facts_decode((const char *)data, size, &ff)) {
		if (ff.nr_fns || ff.nr_refs || ff.nr_initcalls || ff.fns)
			abort();	/* a refused entry leaves nothing */
		return 0;
	}
	file_facts_encode(&once, &ff);
	file_facts_free(&ff);
	if (!file_facts_decode(once.data, once.len, &ff))
		abort();	/* what the cache writes, it reads */
	file_facts_encode(&twice, &ff);
	file_facts_free(&ff);
	if (once.len != twice.len || memcmp(once.data, twice.data, once.len))
		abort();	/* and it reads what it wrote */
	rec_buf_free(&once);
	rec_buf_free(&twice);
	return 0;
}
