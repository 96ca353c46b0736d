// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer: review's own part of reading mail (git mailsplit and git
 * mailinfo do the rest, and are not run here: one exec per input would
 * leave the fuzzer nothing to do): the raw headers, mailinfo's fields
 * and the diff of a message, as a review bot receives it from anyone,
 * the diff parser on spatch's output, and the subject's way into a mail
 * header.  The input serves as the mail, mailinfo's output and the diff.
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

	memset(&ps, 0, sizeof(ps));
	if (!patch_set_add(&ps, text, text, text, &err)) {
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
