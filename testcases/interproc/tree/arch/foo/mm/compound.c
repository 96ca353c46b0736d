// SPDX-License-Identifier: GPL-2.0-only
/*
 * An address changed by a compound assignment or through its address
 * between the entry's origin and the populate: the address no longer
 * names the entry, in the same function or in a callee.
 */
#include <linux/mm.h>

void bump(unsigned long *vaddr);

void xor_local(unsigned long a, p4d_t *p4d)
{
	pgd_t *pgd = pgd_offset_k(a);

	a ^= PGDIR_SIZE;
	pgd_populate(&init_mm, pgd, p4d); /* expect: raw-populate-manual */
}

static void or_callee(pgd_t *pgd, unsigned long vaddr, p4d_t *p4d)
{
	vaddr |= PGDIR_SIZE;
	pgd_populate(&init_mm, pgd, p4d); /* expect: raw-populate-manual */
}

void or_caller(unsigned long a, p4d_t *p4d)
{
	or_callee(pgd_offset_k(a), a, p4d);
}

static void ref_callee(pgd_t *pgd, unsigned long vaddr, p4d_t *p4d)
{
	bump(&vaddr);
	pgd_populate(&init_mm, pgd, p4d); /* expect: raw-populate-manual */
}

void ref_caller(unsigned long a, p4d_t *p4d)
{
	ref_callee(pgd_offset_k(a), a, p4d);
}
