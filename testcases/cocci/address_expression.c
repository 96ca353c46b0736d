// The address is whatever expression fed the offset helper, including
// when the entry pointer is the offset call itself.
#include <linux/kasan.h>

int __ref populate_shadow(const void *shadow_start, int node)
{
	pgd_t *pgd = pgd_offset_k((unsigned long)shadow_start);
	p4d_t *p4d;

	pgd_populate(&init_mm, pgd, early_alloc(PAGE_SIZE, node));
	p4d = p4d_offset(pgd, (unsigned long)shadow_start + PAGE_SIZE);
	p4d_populate(&init_mm, p4d, early_alloc(PAGE_SIZE, node));
	return 0;
}

void __init kasan_early_init(unsigned long addr, pgd_t *pgd)
{
	pgd_populate(&init_mm, pgd_offset_k(addr), kasan_early_shadow_p4d);
	p4d_populate(&init_mm, p4d_offset(pgd++, addr), kasan_early_shadow_pud);
}
