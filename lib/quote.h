/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Text from outside (patch subjects, file names) on its way into mail
 * headers, patch files and reports: nothing it holds may start a new
 * line, move a terminal's cursor or break a header.
 */
#ifndef PTSYNC_QUOTE_H
#define PTSYNC_QUOTE_H

#include <stdbool.h>

/*
 * s as valid UTF-8 without control characters: a byte that is not part
 * of a UTF-8 sequence is taken as Latin-1, a control becomes '?', a tab
 * a space.
 */
char *text_printable(const char *s);
/* Whether s is plain ASCII: a mail body or header that needs no charset. */
bool text_is_ascii(const char *s);
/*
 * A header value for a mail: s printable, and RFC 2047 encoded-words
 * (UTF-8, base64, folded lines of at most 76 columns) when it is not
 * plain ASCII.  first is the column the value starts at.
 */
char *header_encode(const char *s, int first);
/* Whether git would quote path (controls, '"', '\\', non-ASCII). */
bool path_needs_quote(const char *path);
/*
 * prefix and path as git writes them in diffs: as they are, or in double
 * quotes with C escapes when path_needs_quote().
 */
char *path_quote(const char *prefix, const char *path);

#endif
