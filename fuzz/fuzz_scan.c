// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer: the scanner that reads every .c and .h file of a kernel
 * tree (and of any tree a user points it at) before spatch does.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "scan/scan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A copy without a terminator: the scanner must keep to len. */
	char *buf = xmalloc(size);
	struct scan_result res;

	memcpy(buf, data, size);
	memset(&res, 0, sizeof(res));
	scan_buffer(size && data[0] & 1 ? "arch/x/mm/f.h" : "mm/f.c", buf, size,
		    &res);
	scan_result_free(&res);
	free(buf);
	return 0;
}
