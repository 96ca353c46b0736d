// SPDX-License-Identifier: GPL-2.0-only
/* A function whose address is taken: not every caller is known. */
#include <linux/mm.h>

static void populate_top(pgd_t *pgd, unsigned long addr, p4d_t *p4d)
{
	pgd_populate(&init_mm, pgd, p4d); /* expect: raw-populate-manual reason~the address of populate_top() is taken at arch/foo/mm/pointer.c:17 */
}

void direct_caller(unsigned long a, p4d_t *p4d)
{
	populate_top(pgd_offset_k(a), a, p4d);
}

static const struct {
	void (*fn)(pgd_t *, unsigned long, p4d_t *);
} ops = { .fn = populate_top };
