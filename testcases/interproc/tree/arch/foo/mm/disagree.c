// SPDX-License-Identifier: GPL-2.0-only
/* Callers that disagree: one passes the entry of another address. */
#include <linux/mm.h>

static void set_top(pgd_t *pgd, unsigned long addr, p4d_t *p4d)
{
	pgd_populate(&init_mm, pgd, p4d); /* expect: raw-populate-manual reason~passes the pgd entry of 'b' for 'pgd' but 'a' for 'addr' */
}

void map_two(unsigned long a, unsigned long b, p4d_t *p4d)
{
	set_top(pgd_offset_k(a), a, p4d);
	set_top(pgd_offset_k(b), a, p4d);
}

static void set_unknown(pgd_t *pgd, unsigned long addr, p4d_t *p4d)
{
	pgd_populate(&init_mm, pgd, p4d); /* expect: raw-populate-manual reason~passes 'lookup_pgd(a)' for 'pgd' */
}

void map_unknown(unsigned long a, p4d_t *p4d)
{
	set_unknown(lookup_pgd(a), a, p4d);
}
