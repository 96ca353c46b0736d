// SPDX-License-Identifier: GPL-2.0-only
/* A caller of the header's pgfill_top(). */
#include <linux/mm.h>
#include <asm/pgfill.h>

void hdr_a_map(unsigned long a, unsigned long b, p4d_t *p4d)
{
	/* hdr_b.c passes the entry of b with a: not the same address */
	pgfill_top(pgd_offset_k(a), a, p4d);
}
