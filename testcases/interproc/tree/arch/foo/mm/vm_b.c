// SPDX-License-Identifier: GPL-2.0-only
/* sparc's vmemmap_populate(): a caller in a file with a raw call of its own. */
#include <linux/mm.h>

void __init vm_b_map(unsigned long vstart, p4d_t *p, pud_t *pud)
{
	pgd_t *pgd = vm_pgd_fill(vstart, p);

	if (!pgd)
		return;
	if (pgd_none(*pgd))
		pgd_populate(&init_mm, pgd, p); /* expect: raw-populate-manual reason~vm_pgd_fill( */

	vm_p4d_fill(pgd, vstart, pud);
}
