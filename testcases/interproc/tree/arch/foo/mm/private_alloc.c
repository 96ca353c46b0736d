// SPDX-License-Identifier: GPL-2.0-only
/*
 * p4d_alloc(&init_mm, ...) on a table the callers pass: when every caller
 * passes a private table, it fills no entry of the kernel's, and the note
 * says whose table it is, as for a raw call.
 */
#include <linux/mm.h>

static p4d_t *hib_p4d(pgd_t *pgdp, unsigned long addr)
{
	return p4d_alloc(&init_mm, pgdp, addr); /* expect: indirect-populate owner~'trans_pgd', which hib_alloc() passes to hib_p4d() at arch/foo/mm/private_alloc.c:16 */
}

int hib_alloc(pgd_t *trans_pgd, unsigned long a)
{
	return hib_p4d(pgd_offset_pgd(trans_pgd, a), a) ? 0 : -ENOMEM;
}
