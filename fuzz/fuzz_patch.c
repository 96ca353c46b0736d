// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer: review's mail and patch parser (an mbox, a format-patch file
 * or a plain diff, as a review bot receives it from anyone), the diff
 * parser on spatch's output, and the subject's way into a mail header.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/quote.h"
#include "lib/util.h"
#include "review/review.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xstrndup((const char *)data, size);
	struct patch_set ps;
	struct patch p = { 0 };
	char *err = NULL, *hdr;

	if (!patch_set_parse(text, &ps, &err)) {
		const char *subject = patch_set_subject(&ps);

		if (subject) {
			hdr = header_encode(subject, 13);
			free(hdr);
		}
	}
	free(err);
	patch_set_free(&ps);
	err = NULL;
	diff_parse(text, 0, &p, &err);
	free(err);
	patch_free(&p);
	hdr = header_encode(text, 0);
	free(hdr);
	free(text);
	return 0;
}
