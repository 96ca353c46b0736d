// SPDX-License-Identifier: GPL-2.0-only
/* A non-static function whose callers live in another file (global_b.c). */
#include <linux/mm.h>

void foo_populate_top(pgd_t *pgd, unsigned long addr, p4d_t *p4d)
{
	pgd_populate(&init_mm, pgd, p4d); /* expect: raw-populate address=addr proof=arch/foo/mm/global_b.c:9 */
}

void foo_lonely(pgd_t *pgd, unsigned long addr, p4d_t *p4d)
{
	pgd_populate(&init_mm, pgd, p4d); /* expect: raw-populate-manual reason~foo_lonely() has no in-tree caller */
}
