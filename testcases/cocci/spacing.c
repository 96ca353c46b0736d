// Spacing and parentheses around &init_mm do not hide a call.
#include <linux/mm.h>

void __meminit spaced(unsigned long addr)
{
	pgd_t *pgd = pgd_offset_k(addr);
	p4d_t *p4d = p4d_offset(pgd, addr);

	pgd_populate( & init_mm , pgd, alloc_p4d());
	p4d_populate((&init_mm), p4d, alloc_pud());
	pgd_populate ( ( & init_mm ), pgd,
		      alloc_p4d());
}
