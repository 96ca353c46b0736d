// SPDX-License-Identifier: GPL-2.0-only
/* pgd_offset() of another mm: efi_mm by name is private, a pointer is unknown. */
#include <linux/mm.h>

extern struct mm_struct efi_mm;

void __init efi_map(unsigned long va, p4d_t *p4d)
{
	pgd_t *pgd = pgd_offset(&efi_mm, va);

	pgd_populate(&init_mm, pgd, p4d); /* expect: private-table owner~'efi_mm' */
}

void map_in(struct mm_struct *mm, unsigned long va, p4d_t *p4d)
{
	pgd_t *pgd = pgd_offset(mm, va);

	pgd_populate(&init_mm, pgd, p4d); /* expect: raw-populate-manual reason~'pgd' is set from 'pgd_offset(mm, va)' */
}
