// SPDX-License-Identifier: GPL-2.0-only
/* An entry returned through a local variable, as fill_p4d() could be. */
#include <linux/mm.h>

static p4d_t *fill_p4d_var(pgd_t *pgd, unsigned long vaddr)
{
	p4d_t *p4d;

	if (pgd_none(*pgd))
		pgd_populate(&init_mm, pgd, get_page_p4d()); /* expect: raw-populate address=vaddr proof=41 */
	p4d = p4d_offset(pgd, vaddr);
	return p4d;
}

static void fill_pud_var(p4d_t *p4d, unsigned long vaddr)
{
	if (p4d_none(*p4d))
		p4d_populate(&init_mm, p4d, get_page_pud()); /* expect: raw-populate address=vaddr proof=5,41 */
}

/* The variable changes before the return: the result proves nothing. */
static p4d_t *fill_p4d_moved(pgd_t *pgd, unsigned long vaddr)
{
	p4d_t *p4d = p4d_offset(pgd, vaddr);

	if (vaddr & 1)
		p4d = p4d_offset(pgd, vaddr + PGDIR_SIZE);
	return p4d;
}

static void fill_pud_moved(p4d_t *p4d, unsigned long vaddr)
{
	if (p4d_none(*p4d))
		p4d_populate(&init_mm, p4d, get_page_pud()); /* expect: raw-populate-manual reason~fill_p4d_moved() does not always return */
}

void __init map_var(unsigned long vaddr)
{
	pgd_t *pgd = pgd_offset_k(vaddr);

	fill_pud_var(fill_p4d_var(pgd, vaddr), vaddr);
	fill_pud_moved(fill_p4d_moved(pgd, vaddr), vaddr);
}
