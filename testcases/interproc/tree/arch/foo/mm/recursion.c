// SPDX-License-Identifier: GPL-2.0-only
/* Recursion: the function passes its own parameter back to itself. */
#include <linux/mm.h>

static void walk_top(pgd_t *pgd, unsigned long addr, int depth)
{
	if (pgd_none(*pgd))
		pgd_populate(&init_mm, pgd, alloc_p4d()); /* expect: raw-populate-manual reason~recursion */
	if (depth)
		walk_top(pgd, addr, depth - 1);
}

void start_walk(unsigned long addr)
{
	walk_top(pgd_offset_k(addr), addr, 2);
}
