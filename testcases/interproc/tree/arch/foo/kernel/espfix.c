// SPDX-License-Identifier: GPL-2.0-only
/* The entry from p4d_alloc(&init_mm, ...), and the population inside it. */
#include <linux/mm.h>

#define ESPFIX_BASE 0xffffff0000000000UL

extern pgd_t init_top_pgt[];
extern pud_t espfix_pud_page[];

void __init init_espfix(void)
{
	pgd_t *pgd;
	p4d_t *p4d;

	pgd = &init_top_pgt[pgd_index(ESPFIX_BASE)];
	p4d = p4d_alloc(&init_mm, pgd, ESPFIX_BASE); /* expect: indirect-populate address=ESPFIX_BASE */
	p4d_populate(&init_mm, p4d, espfix_pud_page); /* expect: raw-populate address=ESPFIX_BASE */
}

void grow_vmalloc(unsigned long addr)
{
	pgd_t *pgd = pgd_offset_k(addr);
	p4d_t *p4d = p4d_offset(pgd, addr);

	pud_alloc(&init_mm, p4d, addr); /* expect: indirect-populate address=addr */
}
