// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer: scan/slice.c on any bytes.  A slice is never longer than
 * its file, has the same lines, and keeps every byte outside the bodies
 * it blanks: in the slice, a byte is the file's, a space, or gone with
 * the rest of a whole line, so walking both line by line, each line of
 * the slice is the file's line with some bytes turned to spaces or cut.
 * Slicing a slice changes nothing more.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scan/slice.h"

static size_t lines(const char *s, size_t len)
{
	size_t n = 0;

	while (len--)
		n += *s++ == '\n';
	return n;
}

/* Each line of cut is a prefix of the file's line, spaces allowed. */
static void same_lines(const char *file, size_t len, const char *cut,
		       size_t cut_len)
{
	size_t i = 0, j = 0;

	while (i < len && j < cut_len) {
		if (file[i] == '\n' || cut[j] == '\n') {
			/* a blanked line's tail is gone: skip to its end */
			while (i < len && file[i] != '\n')
				i++;
			while (j < cut_len && cut[j] != '\n')
				if (cut[j++] != ' ')
					abort();
			i++;
			j++;
			continue;
		}
		if (cut[j] != file[i] && cut[j] != ' ')
			abort();
		i++;
		j++;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *const callees[] = { "walk" };
	const char *file = (const char *)data;
	size_t len = 0, again_len = 0;
	char *cut = slice_for_spatch(file, size, callees, 1, &len), *again;

	if (!cut)
		return 0;
	if (len > size || lines(cut, len) != lines(file, size))
		abort();
	same_lines(file, size, cut, len);
	again = slice_for_spatch(cut, len, callees, 1, &again_len);
	if (again && (again_len != len || memcmp(again, cut, len)))
		abort();
	free(again);
	free(cut);
	return 0;
}
