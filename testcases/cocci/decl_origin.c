// Origin in a declaration with initializer, as in mm/sparse-vmemmap.c.
#include <linux/mm.h>
#include <linux/memblock.h>

#include <asm/dma.h>

p4d_t * __meminit vmemmap_p4d_populate(pgd_t *pgd, unsigned long addr, int node)
{
	p4d_t *p4d = p4d_offset(pgd, addr);
	if (p4d_none(*p4d)) {
		void *p = vmemmap_alloc_block_zero(PAGE_SIZE, node);
		if (!p)
			return NULL;
		p4d_populate(&init_mm, p4d, p);
	}
	return p4d;
}

pgd_t * __meminit vmemmap_pgd_populate(unsigned long addr, int node)
{
	pgd_t *pgd = pgd_offset_k(addr);
	if (pgd_none(*pgd)) {
		void *p = vmemmap_alloc_block_zero(PAGE_SIZE, node);
		if (!p)
			return NULL;
		pgd_populate(&init_mm, pgd, p);
	}
	return pgd;
}

/*
 * check-name: decl_origin: Origin in a declaration with initializer, as in mm/sparse-vmemmap.c.
 * check-command: spatch-run populate_kernel.cocci report|patch decl_origin.c
 *
 * check-report-start
 * decl_origin.c:14:2-14: WARNING: p4d_populate() on init_mm skips the page table sync, convert to p4d_populate_kernel() by hand: the entry is in the table that the callers of vmemmap_p4d_populate() pass for 'pgd', which may not be the kernel's
 * decl_origin.c:26:2-14: WARNING: pgd_populate() on init_mm skips the page table sync, use pgd_populate_kernel(addr, ...)
 * check-report-end
 *
 * check-patch-start
 * --- a/decl_origin.c
 * +++ b/decl_origin.c
 * @@ -1,6 +1,7 @@
 *  // Origin in a declaration with initializer, as in mm/sparse-vmemmap.c.
 *  #include <linux/mm.h>
 *  #include <linux/memblock.h>
 * +#include <linux/pgalloc.h>
 *  
 *  #include <asm/dma.h>
 *  
 * @@ -23,7 +24,7 @@ pgd_t * __meminit vmemmap_pgd_populate(u
 *  		void *p = vmemmap_alloc_block_zero(PAGE_SIZE, node);
 *  		if (!p)
 *  			return NULL;
 * -		pgd_populate(&init_mm, pgd, p);
 * +		pgd_populate_kernel(addr, pgd, p);
 *  	}
 *  	return pgd;
 *  }
 * check-patch-end
 */
