// SPDX-License-Identifier: GPL-2.0-only
/*
 * Callers whose address expression may not give the same value twice
 * (a call, a field) prove nothing.
 */
#include <linux/mm.h>

static void __meminit unst_leaf(p4d_t *p4dp, unsigned long addr, pud_t *pud)
{
	p4d_populate(&init_mm, p4dp, pud); /* expect: raw-populate-manual reason~the address 'next_addr()' may not give the same value twice */
}

void __meminit unst_by_call(pud_t *pud)
{
	pgd_t *pgd = pgd_offset_k(next_addr());

	unst_leaf(p4d_offset(pgd, next_addr()), next_addr(), pud);
}

static void __meminit unst_leaf2(p4d_t *p4dp, unsigned long addr, pud_t *pud)
{
	p4d_populate(&init_mm, p4dp, pud); /* expect: raw-populate-manual reason~the address 'w->addr' may not give the same value twice */
}

void __meminit unst_by_field(struct walker *w, pud_t *pud)
{
	unst_leaf2(p4d_offset(pgd_offset_k(w->addr), w->addr), w->addr, pud);
}

static unsigned long unst_cursor;

static void __meminit unst_leaf3(p4d_t *p4dp, unsigned long addr, pud_t *pud)
{
	p4d_populate(&init_mm, p4dp, pud); /* expect: raw-populate-manual reason~'unst_cursor' is no local variable or parameter of unst_by_global() */
}

void __meminit unst_by_global(pud_t *pud)
{
	p4d_t *p4d = p4d_offset(pgd_offset_k(unst_cursor), unst_cursor);

	unst_step();
	unst_leaf3(p4d, unst_cursor, pud);
}
