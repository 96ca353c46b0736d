// SPDX-License-Identifier: GPL-2.0-only
/* An entry returned by a function: fill_p4d(pgd, v) is the p4d entry of v. */
#include <linux/mm.h>

static p4d_t *fill_p4d(pgd_t *pgd, unsigned long vaddr)
{
	if (pgd_none(*pgd))
		pgd_populate(&init_mm, pgd, get_page_p4d()); /* expect: raw-populate address=vaddr proof=25 */
	return p4d_offset(pgd, vaddr);
}

static pud_t *fill_pud(p4d_t *p4d, unsigned long vaddr)
{
	if (p4d_none(*p4d))
		p4d_populate(&init_mm, p4d, get_page_pud()); /* expect: raw-populate address=vaddr proof=5,26 */
	return pud_offset(p4d, vaddr);
}

void __init map_one(unsigned long vaddr)
{
	pgd_t *pgd;
	p4d_t *p4d;

	pgd = pgd_offset_k(vaddr);
	p4d = fill_p4d(pgd, vaddr);
	fill_pud(p4d, vaddr);
}
