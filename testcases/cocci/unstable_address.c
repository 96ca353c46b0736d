// An address the helper would read again after the populate must give
// the same value: a call, a field, a pointer read, a global or a variable
// whose address is taken may not, so such calls are left for manual
// conversion; a cast and an upper-case macro are fine.
#include <linux/mm.h>

struct walker {
	unsigned long addr;
};

void __meminit by_call(p4d_t *p4d)
{
	pgd_t *pgd = pgd_offset_k(next_addr());

	pgd_populate(&init_mm, pgd, p4d);
}

void __meminit by_field(struct walker *w, p4d_t *p4d)
{
	pgd_t *pgd = pgd_offset_k(w->addr);

	w->addr += PGDIR_SIZE;
	pgd_populate(&init_mm, pgd, p4d);
}

void __meminit by_deref(unsigned long *ap, p4d_t *p4d)
{
	pgd_t *pgd = pgd_offset_k(*ap);

	pgd_populate(&init_mm, pgd, p4d);
}

void __meminit by_alias(unsigned long addr, p4d_t *p4d)
{
	unsigned long *ap = &addr;
	pgd_t *pgd = pgd_offset_k(addr);

	*ap = 0;
	pgd_populate(&init_mm, pgd, p4d);
}

static unsigned long cursor;

void __meminit by_global(p4d_t *p4d)
{
	pgd_t *pgd = pgd_offset_k(cursor);

	advance_cursor();
	pgd_populate(&init_mm, pgd, p4d);
}

void __meminit by_macro(unsigned long addr, p4d_t *p4d)
{
	pgd_t *pgd = pgd_offset_k(PAGE_ALIGN(addr));

	pgd_populate(&init_mm, pgd, p4d);
}

/*
 * check-name: unstable_address: An address the helper would read again after the populate must give
 * check-command: spatch-run populate_kernel.cocci report|patch unstable_address.c
 *
 * check-report-start
 * unstable_address.c:15:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, convert to pgd_populate_kernel() by hand: the address 'next_addr()' may not give the same value twice (a call, a field or a pointer read)
 * unstable_address.c:23:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, convert to pgd_populate_kernel() by hand: the address 'w->addr' may not give the same value twice (a call, a field or a pointer read)
 * unstable_address.c:30:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, convert to pgd_populate_kernel() by hand: the address '*ap' may not give the same value twice (a call, a field or a pointer read)
 * unstable_address.c:39:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, convert to pgd_populate_kernel() by hand: 'addr' has its address taken at line 35, so it may change unseen
 * unstable_address.c:49:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, convert to pgd_populate_kernel() by hand: 'cursor' is no local variable or parameter of by_global(): a call may change it
 * unstable_address.c:56:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, use pgd_populate_kernel(PAGE_ALIGN(addr), ...)
 * check-report-end
 *
 * check-patch-start
 * --- a/unstable_address.c
 * +++ b/unstable_address.c
 * @@ -3,6 +3,7 @@
 *  // whose address is taken may not, so such calls are left for manual
 *  // conversion; a cast and an upper-case macro are fine.
 *  #include <linux/mm.h>
 * +#include <linux/pgalloc.h>
 *  
 *  struct walker {
 *  	unsigned long addr;
 * @@ -53,5 +54,5 @@ void __meminit by_macro(unsigned long ad
 *  {
 *  	pgd_t *pgd = pgd_offset_k(PAGE_ALIGN(addr));
 *  
 * -	pgd_populate(&init_mm, pgd, p4d);
 * +	pgd_populate_kernel(PAGE_ALIGN(addr), pgd, p4d);
 *  }
 * check-patch-end
 */
