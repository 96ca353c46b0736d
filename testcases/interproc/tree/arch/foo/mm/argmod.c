// SPDX-License-Identifier: GPL-2.0-only
/*
 * A variable changed inside the populate's own arguments: the address
 * the callers prove has no names bound in the leaf, so any such change
 * may be one the helper would see; the call stays manual.
 */
#include <linux/mm.h>

static void argmod_leaf(p4d_t *p4dp, unsigned long addr, int node)
{
	p4d_populate(&init_mm, p4dp, alloc_pud(node++)); /* expect: raw-populate-manual reason~an argument of the call changes 'node', which an address proved from the callers may read */
}

void __meminit argmod_top(unsigned long start, int node)
{
	pgd_t *pgd = pgd_offset_k(start);

	argmod_leaf(p4d_offset(pgd, start), start, node);
}

static void argmod_leaf2(p4d_t *p4dp, unsigned long addr, int node)
{
	p4d_populate(&init_mm, p4dp, (addr = 0, alloc_pud(node))); /* expect: raw-populate-manual reason~an argument of the call changes 'addr', which an address proved from the callers may read */
}

void __meminit argmod_top2(unsigned long start, int node)
{
	pgd_t *pgd = pgd_offset_k(start);

	argmod_leaf2(p4d_offset(pgd, start), start, node);
}
