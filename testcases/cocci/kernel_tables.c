// Kernel tables by name (swapper_pg_dir, init_top_pgt, init_mm.pgd) hold its entries.
// Another table must show whose it is.
#include <linux/mm.h>

static void __meminit by_swapper(unsigned long addr, p4d_t *p4d)
{
	pgd_t *pgd = swapper_pg_dir + pgd_index(addr);

	pgd_populate(&init_mm, pgd, p4d);
}

static void __meminit by_top(unsigned long addr, p4d_t *p4d)
{
	pgd_t *pgd = &init_top_pgt[pgd_index(addr)];

	pgd_populate(&init_mm, pgd, p4d);
}

static void __meminit by_init_mm(unsigned long start, p4d_t *p4d)
{
	pgd_t *pgd = init_mm.pgd + pgd_index(start);

	pgd_populate(&init_mm, pgd, p4d);
}

static void __meminit by_other(unsigned long addr, pgd_t *base, p4d_t *p4d)
{
	pgd_t *pgd = base + pgd_index(addr);

	pgd_populate(&init_mm, pgd, p4d);
}

/*
 * check-name: kernel_tables: Kernel tables by name (swapper_pg_dir, init_top_pgt, init_mm.pgd) hold its entries.
 * check-command: spatch-run populate_kernel.cocci report|patch kernel_tables.c
 *
 * check-report-start
 * kernel_tables.c:9:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, use pgd_populate_kernel(addr, ...)
 * kernel_tables.c:16:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, use pgd_populate_kernel(addr, ...)
 * kernel_tables.c:23:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, use pgd_populate_kernel(start, ...)
 * kernel_tables.c:30:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, convert to pgd_populate_kernel() by hand: the entry is in the table that the callers of by_other() pass for 'base', which may not be the kernel's
 * check-report-end
 *
 * check-patch-start
 * --- a/kernel_tables.c
 * +++ b/kernel_tables.c
 * @@ -1,26 +1,27 @@
 *  // Kernel tables by name (swapper_pg_dir, init_top_pgt, init_mm.pgd) hold its entries.
 *  // Another table must show whose it is.
 *  #include <linux/mm.h>
 * +#include <linux/pgalloc.h>
 *  
 *  static void __meminit by_swapper(unsigned long addr, p4d_t *p4d)
 *  {
 *  	pgd_t *pgd = swapper_pg_dir + pgd_index(addr);
 *  
 * -	pgd_populate(&init_mm, pgd, p4d);
 * +	pgd_populate_kernel(addr, pgd, p4d);
 *  }
 *  
 *  static void __meminit by_top(unsigned long addr, p4d_t *p4d)
 *  {
 *  	pgd_t *pgd = &init_top_pgt[pgd_index(addr)];
 *  
 * -	pgd_populate(&init_mm, pgd, p4d);
 * +	pgd_populate_kernel(addr, pgd, p4d);
 *  }
 *  
 *  static void __meminit by_init_mm(unsigned long start, p4d_t *p4d)
 *  {
 *  	pgd_t *pgd = init_mm.pgd + pgd_index(start);
 *  
 * -	pgd_populate(&init_mm, pgd, p4d);
 * +	pgd_populate_kernel(start, pgd, p4d);
 *  }
 *  
 *  static void __meminit by_other(unsigned long addr, pgd_t *base, p4d_t *p4d)
 * check-patch-end
 */
