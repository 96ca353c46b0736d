// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer: the reader of the JSON lines spatch's json mode prints (the
 * semantic patch's Python builds them from the code it matched).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/spatch.h"
#include "lib/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *line = xstrndup((const char *)data, size);
	struct sem_finding f;

	memset(&f, 0, sizeof(f));
	if (!sem_finding_parse(line, &f)) {
		free(f.file);
		free(f.call);
		free(f.function);
		free(f.section);
		free(f.address);
		free(f.reason);
	}
	free(line);
	return 0;
}
