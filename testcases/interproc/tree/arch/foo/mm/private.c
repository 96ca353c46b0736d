// SPDX-License-Identifier: GPL-2.0-only
/*
 * Private tables: &init_mm is passed, but the entries belong to a table
 * of their own (arm64 hibernation's trans_pgd, x86 EFI's pgd).
 */
#include <linux/mm.h>

int trans_map_page(pgd_t *trans_pgd, void *page, unsigned long dst_addr)
{
	pgd_t *pgdp;
	p4d_t *p4dp;
	pud_t *pudp;

	pgdp = pgd_offset_pgd(trans_pgd, dst_addr);
	if (pgd_none(READ_ONCE(*pgdp))) {
		p4dp = (void *)get_safe_page(GFP_ATOMIC);
		pgd_populate(&init_mm, pgdp, p4dp); /* expect: private-table owner~'trans_pgd' */
	}
	p4dp = p4d_offset(pgdp, dst_addr);
	if (p4d_none(READ_ONCE(*p4dp))) {
		pudp = (void *)get_safe_page(GFP_ATOMIC);
		p4d_populate(&init_mm, p4dp, pudp); /* expect: private-table owner~'trans_pgd' */
	}
	return 0;
}

int __init efi_like_tables(void)
{
	pgd_t *pgd, *efi_pgd;
	p4d_t *p4d;

	efi_pgd = (pgd_t *)__get_free_pages(GFP_KERNEL, 1);
	pgd = efi_pgd + pgd_index(EFI_VA_END);
	p4d = p4d_alloc(&init_mm, pgd, EFI_VA_END); /* expect: indirect-populate owner~a table just allocated by __get_free_pages() */
	return p4d ? 0 : -ENOMEM;
}
