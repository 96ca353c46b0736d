/* SPDX-License-Identifier: GPL-2.0-only */
/* The one reader of unified diff hunk headers. */
#ifndef PTSYNC_HUNK_H
#define PTSYNC_HUNK_H

struct hunk_range {
	int old_start, old_count;
	int new_start, new_count;
};

/*
 * "@@ -a[,b] +c[,d] @@...": counts default to 1, as diff omits them then.
 * 0, or -1 when line is not such a header.
 */
int hunk_header_parse(const char *line, struct hunk_range *r);

#endif
