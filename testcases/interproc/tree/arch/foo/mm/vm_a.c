// SPDX-License-Identifier: GPL-2.0-only
/*
 * mm/sparse-vmemmap.c's shape: the p4d level's table is what the callers
 * pass, the pgd level's result (NULL on failure), and one caller lives in
 * vm_b.c, a file analysed for its own raw call before any of this was
 * needed.
 */
#include <linux/mm.h>

pgd_t *vm_pgd_fill(unsigned long addr, p4d_t *p)
{
	pgd_t *pgd = pgd_offset_k(addr);

	if (!p)
		return NULL;
	if (pgd_none(*pgd))
		pgd_populate(&init_mm, pgd, p); /* expect: raw-populate address=addr */
	return pgd;
}

p4d_t *vm_p4d_fill(pgd_t *pgd, unsigned long addr, pud_t *pud)
{
	p4d_t *p4d = p4d_offset(pgd, addr);

	if (p4d_none(*p4d))
		p4d_populate(&init_mm, p4d, pud); /* expect: raw-populate address=addr proof=34,arch/foo/mm/vm_b.c:14 */
	return p4d;
}

void vm_map(unsigned long addr, p4d_t *p, pud_t *pud)
{
	pgd_t *pgd = vm_pgd_fill(addr, p);

	vm_p4d_fill(pgd, addr, pud);
}
