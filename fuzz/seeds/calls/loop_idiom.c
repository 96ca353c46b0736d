// Pointer and address step together: the address is still the origin's.
#include <linux/mm.h>

static int __ref zero_p4d_populate(pgd_t *pgd, unsigned long addr,
				unsigned long end)
{
	p4d_t *p4d = p4d_offset(pgd, addr);
	unsigned long next;

	do {
		next = p4d_addr_end(addr, end);
		if (p4d_none(*p4d))
			p4d_populate(&init_mm, p4d, early_alloc(PAGE_SIZE, 0));
	} while (p4d++, addr = next, addr != end);

	return 0;
}

static void __meminit walk_range(unsigned long addr, unsigned long end)
{
	unsigned long next;
	pgd_t *pgd = pgd_offset_k(addr);

	for (; addr < end; addr = next, pgd++) {
		next = pgd_addr_end(addr, end);
		if (pgd_none(*pgd))
			pgd_populate(&init_mm, pgd, alloc_p4d());
	}
}

/*
 * check-name: loop_idiom: Pointer and address step together: the address is still the origin's.
 * check-command: spatch-run populate_kernel.cocci report|patch loop_idiom.c
 *
 * check-report-start
 * loop_idiom.c:13:3-15: WARNING: p4d_populate() on init_mm skips the page table sync, use p4d_populate_kernel(addr, ...)
 * loop_idiom.c:27:3-15: WARNING: pgd_populate() on init_mm skips the page table sync, use pgd_populate_kernel(addr, ...)
 * check-report-end
 *
 * check-patch-start
 * --- a/loop_idiom.c
 * +++ b/loop_idiom.c
 * @@ -1,5 +1,6 @@
 *  // Pointer and address step together: the address is still the origin's.
 *  #include <linux/mm.h>
 * +#include <linux/pgalloc.h>
 *  
 *  static int __ref zero_p4d_populate(pgd_t *pgd, unsigned long addr,
 *  				unsigned long end)
 * @@ -10,7 +11,7 @@ static int __ref zero_p4d_populate(pgd_t
 *  	do {
 *  		next = p4d_addr_end(addr, end);
 *  		if (p4d_none(*p4d))
 * -			p4d_populate(&init_mm, p4d, early_alloc(PAGE_SIZE, 0));
 * +			p4d_populate_kernel(addr, p4d, early_alloc(PAGE_SIZE, 0));
 *  	} while (p4d++, addr = next, addr != end);
 *  
 *  	return 0;
 * @@ -24,6 +25,6 @@ static void __meminit walk_range(unsigne
 *  	for (; addr < end; addr = next, pgd++) {
 *  		next = pgd_addr_end(addr, end);
 *  		if (pgd_none(*pgd))
 * -			pgd_populate(&init_mm, pgd, alloc_p4d());
 * +			pgd_populate_kernel(addr, pgd, alloc_p4d());
 *  	}
 *  }
 * check-patch-end
 */
