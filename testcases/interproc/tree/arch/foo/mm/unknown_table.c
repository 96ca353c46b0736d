// SPDX-License-Identifier: GPL-2.0-only
/*
 * An entry whose table nothing shows to be the kernel's: a global table,
 * a struct field, a cast, a call's result, a conditional.  Any of them may
 * be a private table (x86 EFI's efi_pgd is a global), so never rewritten.
 */
#include <linux/mm.h>

struct walk_ctx {
	pgd_t *pgd;
};

extern pgd_t *lookup_table(unsigned long a);
static pgd_t *other_pgd;

void field_user(struct walk_ctx *c, unsigned long a, pud_t *pud)
{
	pgd_t *pgd = c->pgd + pgd_index(a);
	p4d_t *p4d = p4d_offset(pgd, a);

	p4d_populate(&init_mm, p4d, pud); /* expect: raw-populate-manual reason~nothing shows that 'c->pgd' is the kernel's page table */
}

void index_user(unsigned long a, pud_t *pud)
{
	p4d_t *p4d = p4d_offset(&other_pgd[pgd_index(a)], a);

	p4d_populate(&init_mm, p4d, pud); /* expect: raw-populate-manual reason~nothing shows that 'other_pgd' is the kernel's page table */
}

void cast_user(void *t, unsigned long a, pud_t *pud)
{
	p4d_t *p4d = p4d_offset((pgd_t *)t + pgd_index(a), a);

	p4d_populate(&init_mm, p4d, pud); /* expect: raw-populate-manual reason~is the kernel's page table */
}

void call_user(unsigned long a, pud_t *pud)
{
	pgd_t *pgd = lookup_table(a);

	p4d_populate(&init_mm, p4d_offset(pgd, a), pud); /* expect: raw-populate-manual reason~nothing shows that 'lookup_table(a)' is the kernel's page table */
	p4d_populate(&init_mm, p4d_offset(lookup_table(a), a), pud); /* expect: raw-populate-manual reason~nothing shows that 'lookup_table(a)' is the kernel's page table */
}

void cond_user(struct mm_struct *mm, int c, unsigned long a, pud_t *pud)
{
	p4d_t *p4d = p4d_offset(c ? pgd_offset_k(a) : pgd_offset(mm, a), a);

	p4d_populate(&init_mm, p4d, pud); /* expect: raw-populate-manual reason~is the kernel's page table */
}

/* Stepping the kernel's pgd pointer stays in the kernel's table. */
void __init step_user(unsigned long start, unsigned long end, pud_t *pud)
{
	pgd_t *pgd = pgd_offset_k(start);
	unsigned long addr;

	for (addr = start; addr != end; addr += PGDIR_SIZE)
		p4d_populate(&init_mm, p4d_offset(pgd++, addr), pud); /* expect: raw-populate address=addr */
}
