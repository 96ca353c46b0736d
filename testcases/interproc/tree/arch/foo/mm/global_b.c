// SPDX-License-Identifier: GPL-2.0-only
/* The only caller of foo_populate_top(), in a file with no raw call. */
#include <linux/mm.h>

void foo_populate_top(pgd_t *pgd, unsigned long addr, p4d_t *p4d);

void foo_map_range(unsigned long start, p4d_t *p4d)
{
	foo_populate_top(pgd_offset_k(start), start, p4d);
}
