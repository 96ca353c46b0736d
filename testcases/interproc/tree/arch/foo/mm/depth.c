// SPDX-License-Identifier: GPL-2.0-only
/* A chain of callers deeper than the bound: not followed to the end. */
#include <linux/mm.h>

static void d1(pgd_t *pgd, unsigned long addr, p4d_t *p4d)
{
	pgd_populate(&init_mm, pgd, p4d); /* expect: raw-populate-manual reason~the depth bound of 6 callers is hit at d7() */
}

static void d2(pgd_t *pgd, unsigned long addr, p4d_t *p4d)
{
	d1(pgd, addr, p4d);
}

static void d3(pgd_t *pgd, unsigned long addr, p4d_t *p4d)
{
	d2(pgd, addr, p4d);
}

static void d4(pgd_t *pgd, unsigned long addr, p4d_t *p4d)
{
	d3(pgd, addr, p4d);
}

static void d5(pgd_t *pgd, unsigned long addr, p4d_t *p4d)
{
	d4(pgd, addr, p4d);
}

static void d6(pgd_t *pgd, unsigned long addr, p4d_t *p4d)
{
	d5(pgd, addr, p4d);
}

static void d7(pgd_t *pgd, unsigned long addr, p4d_t *p4d)
{
	d6(pgd, addr, p4d);
}

void deep_map(unsigned long a, p4d_t *p4d)
{
	d7(pgd_offset_k(a), a, p4d);
}
