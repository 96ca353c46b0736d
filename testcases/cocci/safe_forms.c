// The _safe forms have no _kernel variant: reported, never rewritten.
#include <linux/mm.h>

void __init map_early(unsigned long addr)
{
	pgd_t *pgd = pgd_offset_k(addr);
	p4d_t *p4d = p4d_offset(pgd, addr);

	pgd_populate_safe(&init_mm, pgd, alloc_p4d());
	p4d_populate_safe(&init_mm, p4d, alloc_pud());
}
