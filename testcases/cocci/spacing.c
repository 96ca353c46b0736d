// Spacing and parentheses around &init_mm do not hide a call.
#include <linux/mm.h>

void __meminit spaced(unsigned long addr)
{
	pgd_t *pgd = pgd_offset_k(addr);
	p4d_t *p4d = p4d_offset(pgd, addr);

	pgd_populate( & init_mm , pgd, alloc_p4d());
	p4d_populate((&init_mm), p4d, alloc_pud());
	pgd_populate ( ( & init_mm ), pgd,
		      alloc_p4d());
}

/*
 * check-name: spacing: Spacing and parentheses around &init_mm do not hide a call.
 * check-command: spatch-run populate_kernel.cocci report|patch spacing.c
 *
 * check-report-start
 * spacing.c:9:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, use pgd_populate_kernel(addr, ...)
 * spacing.c:10:1-13: WARNING: p4d_populate() on init_mm skips the page table sync, use p4d_populate_kernel(addr, ...)
 * spacing.c:11:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, use pgd_populate_kernel(addr, ...)
 * check-report-end
 *
 * check-patch-start
 * --- a/spacing.c
 * +++ b/spacing.c
 * @@ -1,13 +1,14 @@
 *  // Spacing and parentheses around &init_mm do not hide a call.
 *  #include <linux/mm.h>
 * +#include <linux/pgalloc.h>
 *  
 *  void __meminit spaced(unsigned long addr)
 *  {
 *  	pgd_t *pgd = pgd_offset_k(addr);
 *  	p4d_t *p4d = p4d_offset(pgd, addr);
 *  
 * -	pgd_populate( & init_mm , pgd, alloc_p4d());
 * -	p4d_populate((&init_mm), p4d, alloc_pud());
 * -	pgd_populate ( ( & init_mm ), pgd,
 * +	pgd_populate_kernel(addr, pgd, alloc_p4d());
 * +	p4d_populate_kernel(addr, p4d, alloc_pud());
 * +	pgd_populate_kernel (addr, pgd,
 *  		      alloc_p4d());
 *  }
 * check-patch-end
 */
