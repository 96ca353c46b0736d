// Two paths bring two origins, or one path brings none: no single address.
#include <linux/mm.h>

void __meminit two_origins(unsigned long a, unsigned long b, int c)
{
	pgd_t *pgd;

	if (c)
		pgd = pgd_offset_k(a);
	else
		pgd = pgd_offset_k(b);
	pgd_populate(&init_mm, pgd, alloc_p4d());
}

void __meminit from_parameter(pgd_t *pgd, unsigned long addr)
{
	if (!pgd)
		pgd = pgd_offset_k(addr);
	pgd_populate(&init_mm, pgd, alloc_p4d());
}

void __meminit from_elsewhere(unsigned long addr)
{
	p4d_t *p4d = lookup_p4d(addr);

	p4d_populate(&init_mm, p4d, alloc_pud());
}

void __meminit wrong_level(unsigned long addr)
{
	p4d_t *p4d = (p4d_t *)pgd_offset_k(addr);

	p4d_populate(&init_mm, p4d, alloc_pud());
}
