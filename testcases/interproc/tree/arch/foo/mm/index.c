// SPDX-License-Identifier: GPL-2.0-only
/* Entries found by table arithmetic: T + p4d_index(A), &T[pgd_index(A)]. */
#include <linux/mm.h>

extern pgd_t init_top_pgt[];

void __init map_by_index(p4d_t *p4d_page, unsigned long vaddr, pud_t *pud)
{
	p4d_t *p4d = p4d_page + p4d_index(vaddr);
	pgd_t *pgd = &init_top_pgt[pgd_index(vaddr)];

	pgd_populate(&init_mm, pgd, p4d_page); /* expect: raw-populate address=vaddr */
	/* p4d_page's table is whatever the (missing) callers pass */
	p4d_populate(&init_mm, p4d, pud); /* expect: raw-populate-manual reason~map_by_index() has no in-tree caller */
}

/* x86's set_pte_vaddr_p4d(): the caller passes the kernel's p4d page. */
static void map_by_index_k(p4d_t *p4d_page, unsigned long vaddr, pud_t *pud)
{
	p4d_t *p4d = p4d_page + p4d_index(vaddr);

	p4d_populate(&init_mm, p4d, pud); /* expect: raw-populate address=vaddr proof=29 */
}

void __init map_by_index_user(unsigned long vaddr, pud_t *pud)
{
	pgd_t *pgd = pgd_offset_k(vaddr);

	map_by_index_k(p4d_offset(pgd, 0), vaddr, pud);
}
