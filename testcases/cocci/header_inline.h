/* A raw call in a header's inline function is converted like any other. */
#ifndef _ASM_FAKE_PGALLOC_H
#define _ASM_FAKE_PGALLOC_H

#include <linux/mm.h>
#include <linux/pgtable.h>

static inline void fake_map_top(unsigned long vaddr, p4d_t *new)
{
	pgd_t *pgd = pgd_offset_k(vaddr);

	pgd_populate(&init_mm, pgd, new);
}

#endif

/*
 * check-name: header_inline: A raw call in a header's inline function is converted like any other.
 * check-command: spatch-run populate_kernel.cocci report|patch header_inline.h
 *
 * check-report-start
 * header_inline.h:12:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, use pgd_populate_kernel(vaddr, ...)
 * check-report-end
 *
 * check-patch-start
 * --- a/header_inline.h
 * +++ b/header_inline.h
 * @@ -4,12 +4,13 @@
 *  
 *  #include <linux/mm.h>
 *  #include <linux/pgtable.h>
 * +#include <linux/pgalloc.h>
 *  
 *  static inline void fake_map_top(unsigned long vaddr, p4d_t *new)
 *  {
 *  	pgd_t *pgd = pgd_offset_k(vaddr);
 *  
 * -	pgd_populate(&init_mm, pgd, new);
 * +	pgd_populate_kernel(vaddr, pgd, new);
 *  }
 *  
 *  #endif
 * check-patch-end
 */
