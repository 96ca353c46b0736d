// Origin in an assignment, as in mm/percpu.c; the entry pointer is also
// an allocation target before its origin, which must not count.
#include <linux/memblock.h>
#include <linux/mm.h>

void __init __weak pcpu_populate_pte(unsigned long addr)
{
	pgd_t *pgd = pgd_offset_k(addr);
	p4d_t *p4d;
	pud_t *pud;

	if (pgd_none(*pgd)) {
		p4d = memblock_alloc(P4D_TABLE_SIZE, P4D_TABLE_SIZE);
		if (!p4d)
			goto err_alloc;
		pgd_populate(&init_mm, pgd, p4d);
	}

	p4d = p4d_offset(pgd, addr);
	if (p4d_none(*p4d)) {
		pud = memblock_alloc(PUD_TABLE_SIZE, PUD_TABLE_SIZE);
		if (!pud)
			goto err_alloc;
		p4d_populate(&init_mm, p4d, pud);
	}
	return;

err_alloc:
	panic("%s: Failed to allocate memory\n", __func__);
}

static void set_entry(unsigned long vaddr)
{
	pgd_t *pgd;

	pgd = pgd_offset(&init_mm, vaddr);
	pgd_populate(&init_mm, pgd, alloc_p4d());
}

/*
 * check-name: assign_origin: Origin in an assignment, as in mm/percpu.c; the entry pointer is also
 * check-command: spatch-run populate_kernel.cocci report|patch assign_origin.c
 *
 * check-report-start
 * assign_origin.c:16:2-14: WARNING: pgd_populate() on init_mm skips the page table sync, use pgd_populate_kernel(addr, ...)
 * assign_origin.c:24:2-14: WARNING: p4d_populate() on init_mm skips the page table sync, use p4d_populate_kernel(addr, ...)
 * assign_origin.c:37:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, use pgd_populate_kernel(vaddr, ...)
 * check-report-end
 *
 * check-patch-start
 * --- a/assign_origin.c
 * +++ b/assign_origin.c
 * @@ -2,6 +2,7 @@
 *  // an allocation target before its origin, which must not count.
 *  #include <linux/memblock.h>
 *  #include <linux/mm.h>
 * +#include <linux/pgalloc.h>
 *  
 *  void __init __weak pcpu_populate_pte(unsigned long addr)
 *  {
 * @@ -13,7 +14,7 @@ void __init __weak pcpu_populate_pte(uns
 *  		p4d = memblock_alloc(P4D_TABLE_SIZE, P4D_TABLE_SIZE);
 *  		if (!p4d)
 *  			goto err_alloc;
 * -		pgd_populate(&init_mm, pgd, p4d);
 * +		pgd_populate_kernel(addr, pgd, p4d);
 *  	}
 *  
 *  	p4d = p4d_offset(pgd, addr);
 * @@ -21,7 +22,7 @@ void __init __weak pcpu_populate_pte(uns
 *  		pud = memblock_alloc(PUD_TABLE_SIZE, PUD_TABLE_SIZE);
 *  		if (!pud)
 *  			goto err_alloc;
 * -		p4d_populate(&init_mm, p4d, pud);
 * +		p4d_populate_kernel(addr, p4d, pud);
 *  	}
 *  	return;
 *  
 * @@ -34,5 +35,5 @@ static void set_entry(unsigned long vadd
 *  	pgd_t *pgd;
 *  
 *  	pgd = pgd_offset(&init_mm, vaddr);
 * -	pgd_populate(&init_mm, pgd, alloc_p4d());
 * +	pgd_populate_kernel(vaddr, pgd, alloc_p4d());
 *  }
 * check-patch-end
 */
