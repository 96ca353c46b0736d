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
