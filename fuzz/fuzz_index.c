// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer: the scan's facts as the stat index stores them, read back by
 * index_replay_facts().  A cache object may hold anything (another
 * version, a torn write, a disk error): reading it must be a miss or the
 * facts, never a crash or a leak.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scan/index.h"
#include "scan/scan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct index_entry e;
	struct scan_result res = { 0 };

	memset(&e, 0, sizeof(e));
	e.path = "arch/x86/mm/init_64.c";
	e.facts = (const char *)data;
	e.facts_len = size;
	if (!index_replay_facts(&e, e.path, &res) &&
	    (res.nr_sites || res.nr_helpers || res.nr_problems ||
	     res.nr_c_includes))
		abort();	/* a refused record must leave nothing behind */
	scan_result_free(&res);
	return 0;
}
