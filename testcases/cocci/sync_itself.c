// A raw call inside the sync itself (the hook, x86's sync_global_pgds*())
// is never rewritten: pgd_populate_kernel() would call the sync again,
// and from the hook, forever.
#include <linux/mm.h>

static void sync_global_pgds_l4(unsigned long start, unsigned long end)
{
	unsigned long addr;

	for (addr = start; addr <= end; addr = ALIGN(addr + 1, PGDIR_SIZE)) {
		pgd_t *pgd_ref = pgd_offset_k(addr);

		if (pgd_none(*pgd_ref))
			pgd_populate(&init_mm, pgd_ref, alloc_p4d());
	}
}

void arch_sync_kernel_mappings(unsigned long start, unsigned long end)
{
	pgd_t *pgd = pgd_offset_k(start);

	if (pgd_none(*pgd))
		pgd_populate(&init_mm, pgd, alloc_p4d());
	sync_global_pgds_l4(start, end);
}

void __meminit fill_then_sync(unsigned long addr)
{
	pgd_t *pgd = pgd_offset_k(addr);

	pgd_populate(&init_mm, pgd, alloc_p4d());
	arch_sync_kernel_mappings(addr, addr);
}

/*
 * check-name: sync_itself: A raw call inside the sync itself (the hook, x86's sync_global_pgds*())
 * check-command: spatch-run populate_kernel.cocci report|patch sync_itself.c
 *
 * check-report-start
 * sync_itself.c:14:3-15: WARNING: pgd_populate() on init_mm skips the page table sync, convert to pgd_populate_kernel() by hand: the call is in sync_global_pgds_l4(), the sync itself: a _kernel helper would call the sync again
 * sync_itself.c:23:2-14: WARNING: pgd_populate() on init_mm skips the page table sync, convert to pgd_populate_kernel() by hand: the call is in arch_sync_kernel_mappings(), the sync itself: a _kernel helper would call the sync again
 * sync_itself.c:31:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, use pgd_populate_kernel(addr, ...)
 * check-report-end
 *
 * check-patch-start
 * --- a/sync_itself.c
 * +++ b/sync_itself.c
 * @@ -2,6 +2,7 @@
 *  // is never rewritten: pgd_populate_kernel() would call the sync again,
 *  // and from the hook, forever.
 *  #include <linux/mm.h>
 * +#include <linux/pgalloc.h>
 *  
 *  static void sync_global_pgds_l4(unsigned long start, unsigned long end)
 *  {
 * @@ -28,6 +29,6 @@ void __meminit fill_then_sync(unsigned l
 *  {
 *  	pgd_t *pgd = pgd_offset_k(addr);
 *  
 * -	pgd_populate(&init_mm, pgd, alloc_p4d());
 * +	pgd_populate_kernel(addr, pgd, alloc_p4d());
 *  	arch_sync_kernel_mappings(addr, addr);
 *  }
 * check-patch-end
 */
