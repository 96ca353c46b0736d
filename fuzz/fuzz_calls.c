// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer: the per-function call facts that the call chains lex from
 * every file that may call a function on a chain (any C a tree holds).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "scan/calls.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A copy without a terminator: the scanner must keep to len. */
	char *buf = xmalloc(size);
	struct file_facts ff;

	memcpy(buf, data, size);
	file_facts_scan("mm/f.c", buf, size, &ff);
	file_facts_free(&ff);
	free(buf);
	return 0;
}
