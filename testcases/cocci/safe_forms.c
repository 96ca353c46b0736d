// The _safe forms have no _kernel variant: reported, never rewritten.
#include <linux/mm.h>

void __init map_early(unsigned long addr)
{
	pgd_t *pgd = pgd_offset_k(addr);
	p4d_t *p4d = p4d_offset(pgd, addr);

	pgd_populate_safe(&init_mm, pgd, alloc_p4d());
	p4d_populate_safe(&init_mm, p4d, alloc_pud());
}

/*
 * check-name: safe_forms: The _safe forms have no _kernel variant: reported, never rewritten.
 * check-command: spatch-run populate_kernel.cocci report|patch safe_forms.c
 *
 * check-report-start
 * safe_forms.c:9:1-18: WARNING: pgd_populate_safe() on init_mm skips the page table sync, convert to pgd_populate_kernel() by hand: pgd_populate_safe() has no _kernel variant
 * safe_forms.c:10:1-18: WARNING: p4d_populate_safe() on init_mm skips the page table sync, convert to p4d_populate_kernel() by hand: p4d_populate_safe() has no _kernel variant
 * check-report-end
 *
 * check-patch-start
 * check-patch-end
 */
