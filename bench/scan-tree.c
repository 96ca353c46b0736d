// SPDX-License-Identifier: GPL-2.0-only
/*
 * The scan alone, as "ptsync check" runs it without the cache: the peer
 * bench/run-bench holds a warm check against.  Prints the files scanned.
 * Built by bench/run-bench from the objects "make" leaves in build/.
 */
#include <stdio.h>

#include "lib/util.h"
#include "scan/scan.h"

int main(int argc, char **argv)
{
	struct scan_result res = { 0 };

	if (argc != 2) {
		fputs("usage: scan-tree KDIR\n", stderr);
		return 2;
	}
	if (scan_tree(argv[1], NULL, 0, default_jobs(), &res)) {
		perror(argv[1]);
		return 2;
	}
	printf("%zu files, %zu sites\n", res.files_scanned, res.nr_sites);
	scan_result_free(&res);
	return 0;
}
