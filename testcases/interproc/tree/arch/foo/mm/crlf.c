// SPDX-License-Identifier: GPL-2.0-only
/* CRLF line endings: the new include line takes them too. */
#include <linux/kernel.h>
#include <linux/mm.h>

void __init crlf_map(unsigned long addr, p4d_t *p4d)
{
	pgd_t *pgd = pgd_offset_k(addr);

	pgd_populate(&init_mm, pgd, p4d); /* expect: raw-populate address=addr */
}
