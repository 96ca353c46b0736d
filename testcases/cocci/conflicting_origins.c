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

/*
 * check-name: conflicting_origins: Two paths bring two origins, or one path brings none: no single address.
 * check-command: spatch-run populate_kernel.cocci report|patch conflicting_origins.c
 *
 * check-report-start
 * conflicting_origins.c:12:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, convert to pgd_populate_kernel() by hand: conflicting origins for 'pgd': 'a' (line 9), 'b' (line 11)
 * conflicting_origins.c:19:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, convert to pgd_populate_kernel() by hand: 'pgd' may still hold a parameter's value
 * conflicting_origins.c:26:1-13: WARNING: p4d_populate() on init_mm skips the page table sync, convert to p4d_populate_kernel() by hand: 'p4d' is set from 'lookup_p4d(addr)' at line 24
 * conflicting_origins.c:33:1-13: WARNING: p4d_populate() on init_mm skips the page table sync, convert to p4d_populate_kernel() by hand: 'p4d' is set from '(p4d_t *)pgd_offset_k(addr)' at line 31
 * check-report-end
 *
 * check-patch-start
 * check-patch-end
 */
