// SPDX-License-Identifier: GPL-2.0-only
/*
 * Static functions of a .c that other files #include (incl_user.c, and
 * incl_outer.c through it): their callers there count as much as the
 * ones here.
 */
#include <linux/mm.h>

static void incl_fill(pgd_t *pgd, unsigned long addr, p4d_t *p4d)
{
	if (pgd_none(*pgd))
		pgd_populate(&init_mm, pgd, p4d); /* expect: raw-populate address=addr proof=31,arch/foo/mm/incl_user.c:12 */
}

/* Agrees here; incl_user.c's call passes another address. */
static void incl_fill_bad(pgd_t *pgd, unsigned long addr, p4d_t *p4d)
{
	if (pgd_none(*pgd))
		pgd_populate(&init_mm, pgd, p4d); /* expect: raw-populate-manual reason~the call at arch/foo/mm/incl_user.c:13 */
}

/* Agrees here; incl_outer.c, two includes away, disagrees. */
static void incl_fill_far(pgd_t *pgd, unsigned long addr, p4d_t *p4d)
{
	if (pgd_none(*pgd))
		pgd_populate(&init_mm, pgd, p4d); /* expect: raw-populate-manual reason~the call at arch/foo/mm/incl_outer.c:9 */
}

void __init incl_here(unsigned long a, p4d_t *p4d)
{
	incl_fill(pgd_offset_k(a), a, p4d);
	incl_fill_bad(pgd_offset_k(a), a, p4d);
	incl_fill_far(pgd_offset_k(a), a, p4d);
}
