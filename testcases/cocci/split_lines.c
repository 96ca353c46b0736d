// Calls split over lines keep their continuation indentation.
#include <linux/kernel.h>
#include <linux/mm.h>
#include "local.h"

static int __ref zero_top(unsigned long addr)
{
	pgd_t *pgd = pgd_offset_k(addr);
	p4d_t *p4d = p4d_offset(pgd, addr);

	pgd_populate(&init_mm,
		     pgd,
		     lm_alias(kasan_early_shadow_p4d));
	p4d_populate(&init_mm, p4d,
					lm_alias(kasan_early_shadow_pud));
	return 0;
}

/*
 * check-name: split_lines: Calls split over lines keep their continuation indentation.
 * check-command: spatch-run populate_kernel.cocci report|patch split_lines.c
 *
 * check-report-start
 * split_lines.c:11:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, use pgd_populate_kernel(addr, ...)
 * split_lines.c:14:1-13: WARNING: p4d_populate() on init_mm skips the page table sync, use p4d_populate_kernel(addr, ...)
 * check-report-end
 *
 * check-patch-start
 * --- a/split_lines.c
 * +++ b/split_lines.c
 * @@ -1,6 +1,7 @@
 *  // Calls split over lines keep their continuation indentation.
 *  #include <linux/kernel.h>
 *  #include <linux/mm.h>
 * +#include <linux/pgalloc.h>
 *  #include "local.h"
 *  
 *  static int __ref zero_top(unsigned long addr)
 * @@ -8,10 +9,10 @@ static int __ref zero_top(unsigned long
 *  	pgd_t *pgd = pgd_offset_k(addr);
 *  	p4d_t *p4d = p4d_offset(pgd, addr);
 *  
 * -	pgd_populate(&init_mm,
 * +	pgd_populate_kernel(addr,
 *  		     pgd,
 *  		     lm_alias(kasan_early_shadow_p4d));
 * -	p4d_populate(&init_mm, p4d,
 * +	p4d_populate_kernel(addr, p4d,
 *  					lm_alias(kasan_early_shadow_pud));
 *  	return 0;
 *  }
 * check-patch-end
 */
