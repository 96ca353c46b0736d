// SPDX-License-Identifier: GPL-2.0-only
/*
 * Whether a tree defines the _kernel helpers: a tree older than them
 * (before v6.17 and its stable backports) must not be handed calls of
 * helpers it lacks, by convert or by review's suggested fixes.
 */
#include <string.h>

#include "lib/kernel_facts.h"
#include "scan/scan.h"

bool scan_has_helpers(const struct scan_result *scan)
{
	size_t i;

	for (i = 0; scan && i < scan->nr_helpers; i++)
		if (!strcmp(scan->helpers[i].name, KF_HELPER_PGD))
			return true;
	return false;
}

bool scan_helpers_defined(const char *root, const struct scan_result *scan)
{
	char *include = "include";
	struct scan_result inc = { 0 };
	bool found;

	/* A scan limited to PATHs does not see include/. */
	if (scan_has_helpers(scan))
		return true;
	if (scan_tree(root, &include, 1, 0, &inc))
		return false;
	found = scan_has_helpers(&inc);
	scan_result_free(&inc);
	return found;
}
