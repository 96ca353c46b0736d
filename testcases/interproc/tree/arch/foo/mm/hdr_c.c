// SPDX-License-Identifier: GPL-2.0-only
/* The one in-tree caller of the header's pgfill_p4d(): it agrees. */
#include <linux/mm.h>
#include <asm/pgfill_p4d.h>

void hdr_c_map(unsigned long a, pud_t *pud)
{
	pgfill_p4d(p4d_offset(pgd_offset_k(a), a), a, pud);
}
