// An address the helper would read again after the populate must give
// the same value: a call, a field, a pointer read, a global or a variable
// whose address is taken may not, so such calls are left for manual
// conversion, as are an address that changes a variable (addr++) and a
// call whose arguments change the address; a cast, an upper-case macro,
// a product, a sizeof and a change to another variable are fine.
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

/* A product is no pointer read, a sizeof no call, a type no variable. */
void __meminit by_index(unsigned long i, p4d_t *p4d)
{
	pgd_t *pgd = pgd_offset_k((i + 1) * PGDIR_SIZE);

	pgd_populate(&init_mm, pgd, p4d);
}

void __meminit by_sizeof(unsigned long base, long n, p4d_t *p4d)
{
	pgd_t *pgd = pgd_offset_k(base + sizeof(struct page) * n);

	pgd_populate(&init_mm, pgd, p4d);
}

void __meminit by_increment(unsigned long addr, p4d_t *p4d)
{
	pgd_populate(&init_mm, pgd_offset_k(addr++), p4d);
}

void __meminit by_compound(unsigned long addr, p4d_t *p4d)
{
	pgd_t *pgd = pgd_offset_k(addr += PGDIR_SIZE);

	pgd_populate(&init_mm, pgd, p4d);
}

void __meminit by_argument(unsigned long addr, p4d_t *p4d)
{
	pgd_t *pgd = pgd_offset_k(addr);

	pgd_populate(&init_mm, pgd, (addr = 0, p4d));
}

void __meminit other_increment(unsigned long addr, p4d_t *p4d, int i)
{
	pgd_t *pgd = pgd_offset_k(addr);

	pgd_populate(&init_mm, pgd, p4d + i++);
}

/*
 * check-name: unstable_address: An address the helper would read again after the populate must give
 * check-command: spatch-run populate_kernel.cocci report|patch unstable_address.c
 *
 * check-report-start
 * unstable_address.c:17:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, convert to pgd_populate_kernel() by hand: the address 'next_addr()' may not give the same value twice (a call, a field or a pointer read)
 * unstable_address.c:25:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, convert to pgd_populate_kernel() by hand: the address 'w->addr' may not give the same value twice (a call, a field or a pointer read)
 * unstable_address.c:32:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, convert to pgd_populate_kernel() by hand: the address '*ap' may not give the same value twice (a call, a field or a pointer read)
 * unstable_address.c:41:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, convert to pgd_populate_kernel() by hand: 'addr' has its address taken at line 37, so it may change unseen
 * unstable_address.c:51:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, convert to pgd_populate_kernel() by hand: 'cursor' is no local variable or parameter of by_global(): a call may change it
 * unstable_address.c:58:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, use pgd_populate_kernel(PAGE_ALIGN(addr), ...)
 * unstable_address.c:66:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, use pgd_populate_kernel((i + 1) * PGDIR_SIZE, ...)
 * unstable_address.c:73:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, use pgd_populate_kernel(base + sizeof(struct page) * n, ...)
 * unstable_address.c:78:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, convert to pgd_populate_kernel() by hand: the address 'addr++' changes a variable, which the helper would do again
 * unstable_address.c:85:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, convert to pgd_populate_kernel() by hand: the address 'addr += PGDIR_SIZE' changes a variable, which the helper would do again
 * unstable_address.c:92:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, convert to pgd_populate_kernel() by hand: an argument of the call changes 'addr', which the address reads: the helper may see either value
 * unstable_address.c:99:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, use pgd_populate_kernel(addr, ...)
 * check-report-end
 *
 * check-patch-start
 * --- a/unstable_address.c
 * +++ b/unstable_address.c
 * @@ -5,6 +5,7 @@
 *  // call whose arguments change the address; a cast, an upper-case macro,
 *  // a product, a sizeof and a change to another variable are fine.
 *  #include <linux/mm.h>
 * +#include <linux/pgalloc.h>
 *  
 *  struct walker {
 *  	unsigned long addr;
 * @@ -55,7 +56,7 @@ void __meminit by_macro(unsigned long ad
 *  {
 *  	pgd_t *pgd = pgd_offset_k(PAGE_ALIGN(addr));
 *  
 * -	pgd_populate(&init_mm, pgd, p4d);
 * +	pgd_populate_kernel(PAGE_ALIGN(addr), pgd, p4d);
 *  }
 *  
 *  /* A product is no pointer read, a sizeof no call, a type no variable. *\/
 * @@ -63,14 +64,14 @@ void __meminit by_index(unsigned long i,
 *  {
 *  	pgd_t *pgd = pgd_offset_k((i + 1) * PGDIR_SIZE);
 *  
 * -	pgd_populate(&init_mm, pgd, p4d);
 * +	pgd_populate_kernel((i + 1) * PGDIR_SIZE, pgd, p4d);
 *  }
 *  
 *  void __meminit by_sizeof(unsigned long base, long n, p4d_t *p4d)
 *  {
 *  	pgd_t *pgd = pgd_offset_k(base + sizeof(struct page) * n);
 *  
 * -	pgd_populate(&init_mm, pgd, p4d);
 * +	pgd_populate_kernel(base + sizeof(struct page) * n, pgd, p4d);
 *  }
 *  
 *  void __meminit by_increment(unsigned long addr, p4d_t *p4d)
 * @@ -96,5 +97,5 @@ void __meminit other_increment(unsigned
 *  {
 *  	pgd_t *pgd = pgd_offset_k(addr);
 *  
 * -	pgd_populate(&init_mm, pgd, p4d + i++);
 * +	pgd_populate_kernel(addr, pgd, p4d + i++);
 *  }
 * check-patch-end
 */
