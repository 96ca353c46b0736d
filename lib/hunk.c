// SPDX-License-Identifier: GPL-2.0-only
#include <stdio.h>

#include "lib/hunk.h"

int hunk_header_parse(const char *line, struct hunk_range *r)
{
	int n = 0;

	r->old_count = r->new_count = 1;
	if (sscanf(line, "@@ -%d,%d +%n", &r->old_start, &r->old_count, &n) == 2 ||
	    sscanf(line, "@@ -%d +%n", &r->old_start, &n) == 1) {
		if (!n)
			return -1;
		line += n;
	} else {
		return -1;
	}
	n = 0;
	if (sscanf(line, "%d,%d @@%n", &r->new_start, &r->new_count, &n) != 2 &&
	    sscanf(line, "%d @@%n", &r->new_start, &n) != 1)
		return -1;
	if (!n || r->old_start < 0 || r->new_start < 0 ||
	    r->old_count < 0 || r->new_count < 0)
		return -1;
	return 0;
}
