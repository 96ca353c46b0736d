// SPDX-License-Identifier: GPL-2.0-only
/*
 * Small helpers of every renderer.
 */
#include <stdio.h>
#include <stdlib.h>

#include "arches/arches.h"
#include "lib/util.h"
#include "report/internal.h"

/*
 * A full disk or a closed pipe shows only when the buffer is flushed, so
 * flush before asking: the caller must learn that the report is incomplete.
 */
int report_finish(FILE *out)
{
	if (fflush(out) || ferror(out))
		return -1;
	return 0;
}

/*
 * The model owns the level names; scan's level_name() would pull the whole
 * scanner into every program that only renders.
 */
const char *report_level_name(enum pt_level level)
{
	const char *name = "?";

	mask_levels(level == LEVEL_PGD ? MASK_PGD : MASK_P4D, &name, 1);
	return name;
}

const char *report_plural(size_t n)
{
	return n == 1 ? "" : "s";
}
