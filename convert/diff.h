/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The unified diffs of spatch's patch mode: their headers made a/ b/
 * relative, and their hunks applied in memory, exactly or not at all.
 */
#ifndef PTSYNC_CONVERT_DIFF_H
#define PTSYNC_CONVERT_DIFF_H

#include <stdbool.h>
#include <stdio.h>

#include <stddef.h>

/* What applying a diff did. */
struct diff_result {
	char *text;		/* the new file */
	size_t len;
	int adds, dels;
	int *removed;		/* old line numbers of the '-' lines */
	size_t nr_removed, alloc_removed;
};

/*
 * spatch's output for path, with its "--- path" / "+++ /tmp/..." header
 * replaced by "--- a/path" / "+++ b/path".  NULL when it has no hunk.
 */
char *diff_normalise(const char *spatch_out, const char *path);
/* "diff --git a/path b/path" (git-quoted when needed) and a new mode. */
void put_git_header(FILE *out, const char *path, bool is_new);

/* Apply diff's hunks to old; 0, or -1 when a line does not match. */
int diff_apply(const char *old, size_t len, const char *diff,
	       struct diff_result *res);
void diff_result_free(struct diff_result *res);

/*
 * diff with the line endings of old: in a CRLF file, added lines get
 * "\r\n" and the lines around them keep theirs.  A new string.
 */
char *diff_fix_crlf(const char *diff, const char *old, size_t old_len);

/* The diff that creates path with text. */
char *diff_new_file(const char *path, const char *text);

#endif
