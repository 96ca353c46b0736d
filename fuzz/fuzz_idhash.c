// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer: the 64-byte walk of id_hash_buffer() must give the hashes
 * the byte-wise walk gives, and scan_names_c_file() must say what
 * memmem() says, for any bytes: a file of the tree may hold anything.
 */
#define _GNU_SOURCE		/* memmem() */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scan/calls.h"
#include "scan/internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	uint32_t *fast, *plain;
	size_t nf = id_hash_buffer(buf, size, &fast);
	size_t np = id_hash_buffer_plain(buf, size, &plain);

	if (nf != np || (nf && memcmp(fast, plain, nf * sizeof(*fast))))
		abort();
	if (scan_names_c_file(buf, size) != !!memmem(buf, size, ".c\"", 3))
		abort();
	free(fast);
	free(plain);
	return 0;
}
