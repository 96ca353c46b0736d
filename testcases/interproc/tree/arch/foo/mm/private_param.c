// SPDX-License-Identifier: GPL-2.0-only
/*
 * A private table one function away: the callee's parent pointer is a
 * parameter, and only the callers show whose table it is (arm64
 * hibernation's map_p4d(pgd_offset_pgd(trans_pgd, a), a), x86 EFI's
 * efi_mm).  Never rewritten; a note names the table and the call.
 */
#include <linux/mm.h>

extern struct mm_struct efi_mm;

static void map_p4d(pgd_t *pgdp, unsigned long addr, pud_t *pud)
{
	p4d_t *p4dp = p4d_offset(pgdp, addr);

	if (p4d_none(READ_ONCE(*p4dp)))
		p4d_populate(&init_mm, p4dp, pud); /* expect: private-table owner~'trans_pgd', which hib_map() passes to map_p4d() at arch/foo/mm/private_param.c:22 */
}

int hib_map(pgd_t *trans_pgd, unsigned long a, pud_t *pud)
{
	map_p4d(pgd_offset_pgd(trans_pgd, a), a, pud);
	return 0;
}

static p4d_t *walk_p4d(pgd_t *pgd, unsigned long v)
{
	return p4d_offset(pgd, v);
}

static void fill_pud_efi(p4d_t *p4d, unsigned long v, pud_t *pud)
{
	if (p4d_none(*p4d))
		p4d_populate(&init_mm, p4d, pud); /* expect: private-table owner~'efi_mm' */
}

void __init efi_fill(unsigned long v, pud_t *pud)
{
	fill_pud_efi(walk_p4d(pgd_offset(&efi_mm, v), v), v, pud);
}

/* One caller passes the kernel's table, the other a private one. */
static void map_p4d_mixed(pgd_t *pgdp, unsigned long addr, pud_t *pud)
{
	p4d_t *p4dp = p4d_offset(pgdp, addr);

	if (p4d_none(READ_ONCE(*p4dp)))
		p4d_populate(&init_mm, p4dp, pud); /* expect: raw-populate-manual reason~other callers pass the kernel's table */
}

void mixed_users(pgd_t *trans_pgd, unsigned long a, pud_t *pud)
{
	map_p4d_mixed(pgd_offset_k(a), a, pud);
	map_p4d_mixed(pgd_offset_pgd(trans_pgd, a), a, pud);
}

/* A caller whose table cannot be told: manual, naming the call. */
static void map_p4d_mm(pgd_t *pgdp, unsigned long addr, pud_t *pud)
{
	p4d_t *p4dp = p4d_offset(pgdp, addr);

	if (p4d_none(READ_ONCE(*p4dp)))
		p4d_populate(&init_mm, p4dp, pud); /* expect: raw-populate-manual reason~the call at arch/foo/mm/private_param.c:68 in mm_user() passes 'pgd_offset(mm, a)' for 'pgdp' */
}

void mm_user(struct mm_struct *mm, unsigned long a, pud_t *pud)
{
	map_p4d_mm(pgd_offset(mm, a), a, pud);
}

/* The kernel's table one function away: proved, rewritten. */
static void map_p4d_k(pgd_t *pgdp, unsigned long addr, pud_t *pud)
{
	p4d_t *p4dp = p4d_offset(pgdp, addr);

	if (p4d_none(READ_ONCE(*p4dp)))
		p4d_populate(&init_mm, p4dp, pud); /* expect: raw-populate address=addr proof=82 */
}

void __init k_user(unsigned long a, pud_t *pud)
{
	map_p4d_k(pgd_offset_k(a), a, pud);
}

/* A private pgd entry handed to a function that populates it. */
static void fill_top(pgd_t *pgd, unsigned long va, p4d_t *p4d)
{
	if (pgd_none(*pgd))
		pgd_populate(&init_mm, pgd, p4d); /* expect: private-table owner~'efi_mm', which efi_top() passes to fill_top() at arch/foo/mm/private_param.c:96 */
}

void __init efi_top(unsigned long va, p4d_t *p4d)
{
	pgd_t *pgd = pgd_offset(&efi_mm, va);

	fill_top(pgd, va, p4d);
}
