// SPDX-License-Identifier: GPL-2.0-only
/*
 * A two-level parameter chain: the entry reaches the populate through two
 * functions that pass their own parameters on; only the outer caller
 * shows the address.
 */
#include <linux/mm.h>

static void leaf_p4d(p4d_t *p4dp, unsigned long addr, int node)
{
	if (p4d_none(*p4dp))
		p4d_populate(&init_mm, p4dp, alloc_pud(node)); /* expect: raw-populate address=addr proof=17,24 */
}

static void mid_p4d(p4d_t *p4dp, unsigned long addr, int node)
{
	leaf_p4d(p4dp, addr, node);
}

static void top(unsigned long start, int node)
{
	pgd_t *pgd = pgd_offset_k(start);

	mid_p4d(p4d_offset(pgd, start), start, node);
}
