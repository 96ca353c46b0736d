// SPDX-License-Identifier: GPL-2.0-only
/* The caller of foo_twin(), built with either definition. */
#include <linux/mm.h>

void foo_twin(pgd_t *pgd, unsigned long addr, p4d_t *p4d);

void foo_twin_map(unsigned long a, p4d_t *p4d)
{
	foo_twin(pgd_offset_k(a), a, p4d);
}
