// SPDX-License-Identifier: GPL-2.0-only
/*
 * A private table reached through a pointer the caller steps alone, as
 * arm64 hibernation's copy_p4d() does in 5.10: the address is lost, but
 * the entry is still in the table the walk started from.  Stepped in the
 * kernel's table, the same walk is left for conversion by hand.
 */
#include <linux/mm.h>

static int step_pud(p4d_t *dst_p4dp, unsigned long start, unsigned long end)
{
	pud_t *dst_pudp;

	if (p4d_none(READ_ONCE(*dst_p4dp))) {
		dst_pudp = (pud_t *)get_zeroed_page(GFP_ATOMIC);
		if (!dst_pudp)
			return -ENOMEM;
		p4d_populate(&init_mm, dst_p4dp, dst_pudp); /* expect: private-table owner~'dst_pgdp', which step_tables() passes to step_p4d() */
	}
	return 0;
}

static int step_p4d(pgd_t *dst_pgdp, unsigned long start, unsigned long end)
{
	p4d_t *dst_p4dp;
	unsigned long next, addr = start;

	dst_p4dp = p4d_offset(dst_pgdp, start);
	do {
		next = p4d_addr_end(addr, end);
		if (step_pud(dst_p4dp, addr, next))
			return -ENOMEM;
	} while (dst_p4dp++, addr = next, addr != end);
	return 0;
}

int step_tables(pgd_t *dst_pgdp, unsigned long start, unsigned long end)
{
	unsigned long next, addr = start;

	dst_pgdp = pgd_offset_pgd(dst_pgdp, start);
	do {
		next = pgd_addr_end(addr, end);
		if (step_p4d(dst_pgdp, addr, next))
			return -ENOMEM;
	} while (dst_pgdp++, addr = next, addr != end);
	return 0;
}

static int kstep_pud(p4d_t *p4dp, unsigned long start, unsigned long end)
{
	pud_t *pudp;

	if (p4d_none(READ_ONCE(*p4dp))) {
		pudp = (pud_t *)get_zeroed_page(GFP_KERNEL);
		if (!pudp)
			return -ENOMEM;
		p4d_populate(&init_mm, p4dp, pudp); /* expect: raw-populate-manual reason~'p4dp' comes from the callers of kstep_pud() */
	}
	return 0;
}

int kstep_p4d(unsigned long start, unsigned long end)
{
	p4d_t *p4dp = p4d_offset(pgd_offset_k(start), start);
	unsigned long next, addr = start;

	do {
		next = p4d_addr_end(addr, end);
		if (kstep_pud(p4dp, addr, next))
			return -ENOMEM;
	} while (p4dp++, addr = next, addr != end);
	return 0;
}
