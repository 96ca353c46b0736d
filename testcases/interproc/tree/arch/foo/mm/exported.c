// SPDX-License-Identifier: GPL-2.0-only
/* An exported function: modules outside the tree may pass anything. */
#include <linux/mm.h>
#include <linux/export.h>

void foo_set_pgd(pgd_t *pgd, unsigned long addr, p4d_t *p4d)
{
	pgd_populate(&init_mm, pgd, p4d); /* expect: raw-populate-manual reason~foo_set_pgd() is exported at arch/foo/mm/exported.c:10 */
}
EXPORT_SYMBOL_GPL(foo_set_pgd);

void foo_map(unsigned long a, p4d_t *p4d)
{
	foo_set_pgd(pgd_offset_k(a), a, p4d);
}
