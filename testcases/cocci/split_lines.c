// Calls split over lines keep their continuation indentation.
#include <linux/kernel.h>
#include <linux/mm.h>
#include "local.h"

static int __ref zero_top(unsigned long addr)
{
	pgd_t *pgd = pgd_offset_k(addr);
	p4d_t *p4d = p4d_offset(pgd, addr);

	pgd_populate(&init_mm,
		     pgd,
		     lm_alias(kasan_early_shadow_p4d));
	p4d_populate(&init_mm, p4d,
					lm_alias(kasan_early_shadow_pud));
	return 0;
}
