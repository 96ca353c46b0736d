// The address is whatever fed the offset helper, also in the call itself;
// a table the callers pass (pgd++ steps a parameter) may not be init_mm's.
#include <linux/kasan.h>

int __ref populate_shadow(const void *shadow_start, int node)
{
	pgd_t *pgd = pgd_offset_k((unsigned long)shadow_start);
	p4d_t *p4d;

	pgd_populate(&init_mm, pgd, early_alloc(PAGE_SIZE, node));
	p4d = p4d_offset(pgd, (unsigned long)shadow_start + PAGE_SIZE);
	p4d_populate(&init_mm, p4d, early_alloc(PAGE_SIZE, node));
	return 0;
}

void __init kasan_early_init(unsigned long addr, pgd_t *pgd)
{
	pgd_populate(&init_mm, pgd_offset_k(addr), kasan_early_shadow_p4d);
	p4d_populate(&init_mm, p4d_offset(pgd++, addr), kasan_early_shadow_pud);
}

/*
 * check-name: address_expression: The address is whatever fed the offset helper, also in the call itself;
 * check-command: spatch-run populate_kernel.cocci report|patch address_expression.c
 *
 * check-report-start
 * address_expression.c:10:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, use pgd_populate_kernel((unsigned long)shadow_start, ...)
 * address_expression.c:12:1-13: WARNING: p4d_populate() on init_mm skips the page table sync, use p4d_populate_kernel((unsigned long)shadow_start + PAGE_SIZE, ...)
 * address_expression.c:18:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, use pgd_populate_kernel(addr, ...)
 * address_expression.c:19:1-13: WARNING: p4d_populate() on init_mm skips the page table sync, convert to p4d_populate_kernel() by hand: the entry is in the table that the callers of kasan_early_init() pass for 'pgd', which may not be the kernel's
 * check-report-end
 *
 * check-patch-start
 * --- a/address_expression.c
 * +++ b/address_expression.c
 * @@ -1,20 +1,21 @@
 *  // The address is whatever fed the offset helper, also in the call itself;
 *  // a table the callers pass (pgd++ steps a parameter) may not be init_mm's.
 *  #include <linux/kasan.h>
 * +#include <linux/pgalloc.h>
 *  
 *  int __ref populate_shadow(const void *shadow_start, int node)
 *  {
 *  	pgd_t *pgd = pgd_offset_k((unsigned long)shadow_start);
 *  	p4d_t *p4d;
 *  
 * -	pgd_populate(&init_mm, pgd, early_alloc(PAGE_SIZE, node));
 * +	pgd_populate_kernel((unsigned long)shadow_start, pgd, early_alloc(PAGE_SIZE, node));
 *  	p4d = p4d_offset(pgd, (unsigned long)shadow_start + PAGE_SIZE);
 * -	p4d_populate(&init_mm, p4d, early_alloc(PAGE_SIZE, node));
 * +	p4d_populate_kernel((unsigned long)shadow_start + PAGE_SIZE, p4d, early_alloc(PAGE_SIZE, node));
 *  	return 0;
 *  }
 *  
 *  void __init kasan_early_init(unsigned long addr, pgd_t *pgd)
 *  {
 * -	pgd_populate(&init_mm, pgd_offset_k(addr), kasan_early_shadow_p4d);
 * +	pgd_populate_kernel(addr, pgd_offset_k(addr), kasan_early_shadow_p4d);
 *  	p4d_populate(&init_mm, p4d_offset(pgd++, addr), kasan_early_shadow_pud);
 *  }
 * check-patch-end
 */
