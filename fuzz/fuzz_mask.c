// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer: the ARCH_PAGE_TABLE_SYNC_MASK expression parser, which reads
 * whatever an arch header defines the mask as.
 */
#include <stdint.h>
#include <stdlib.h>

#include "arches/arches.h"
#include "lib/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *expr = xstrndup((const char *)data, size), *cond = NULL;
	unsigned int mask = 0, if_true = 0, if_false = 0;
	const char *names[8];

	if (!mask_parse(expr, &mask, &cond, &if_true, &if_false))
		mask_levels(mask, names, 8);
	free(cond);
	free(expr);
	return 0;
}
