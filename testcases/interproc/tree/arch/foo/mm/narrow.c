// SPDX-License-Identifier: GPL-2.0-only
/*
 * The callers agree, but the parameter they agree on is a u32 (or an int):
 * pgd_populate_kernel(addr, ...) would sync a truncated address.
 */
#include <linux/mm.h>

static void set_top32(pgd_t *pgd, u32 addr, p4d_t *p4d)
{
	pgd_populate(&init_mm, pgd, p4d); /* expect: raw-populate-manual reason~the callers pass the address for 'addr', but set_top32() keeps it in too narrow a type */
}

void top32_user(unsigned long a, p4d_t *p4d)
{
	set_top32(pgd_offset_k(a), a, p4d);
}

/* unsigned long is wide enough: proved. */
static void set_top_wide(pgd_t *pgd, unsigned long addr, p4d_t *p4d)
{
	pgd_populate(&init_mm, pgd, p4d); /* expect: raw-populate address=addr proof=26 */
}

void top_wide_user(unsigned long a, p4d_t *p4d)
{
	set_top_wide(pgd_offset_k(a), a, p4d);
}
