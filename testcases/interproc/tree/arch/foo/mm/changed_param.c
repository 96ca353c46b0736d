// SPDX-License-Identifier: GPL-2.0-only
/*
 * The address parameter changes before the populate: manual, and the
 * reason names that change, not another parameter no caller agrees with.
 */
#include <linux/mm.h>

static void set_aligned(pgd_t *pgd, unsigned long addr, p4d_t *p4d)
{
	addr = ALIGN(addr, PGDIR_SIZE);
	pgd_populate(&init_mm, pgd, p4d); /* expect: raw-populate-manual reason~'addr' changes in set_aligned() before the use and 'pgd' does not follow */
}

void aligned_user(unsigned long a, p4d_t *p4d)
{
	set_aligned(pgd_offset_k(a), a, p4d);
}

static void step_bump(unsigned long *p)
{
	*p += PGDIR_SIZE;
}

static void set_bumped(pgd_t *pgd, unsigned long addr, p4d_t *p4d)
{
	step_bump(&addr);
	pgd_populate(&init_mm, pgd, p4d); /* expect: raw-populate-manual reason~'addr' changes in set_bumped() */
}

void bumped_user(unsigned long a, p4d_t *p4d)
{
	set_bumped(pgd_offset_k(a), a, p4d);
}

/* The entry steps on, the address stays. */
static void set_run(pgd_t *pgd, unsigned long addr, int n, p4d_t *p4d)
{
	int i;

	for (i = 0; i < n; i++, pgd++)
		pgd_populate(&init_mm, pgd, p4d); /* expect: raw-populate-manual reason~'pgd' advances in set_run() before the use and 'addr' does not follow */
}

void run_user(unsigned long a, int n, p4d_t *p4d)
{
	set_run(pgd_offset_k(a), a, n, p4d);
}

/* A second pass of the loop populates at an address the entry is not. */
static void set_again(pgd_t *pgd, unsigned long addr, unsigned long end,
		      p4d_t *p4d)
{
	while (addr < end) {
		pgd_populate(&init_mm, pgd, p4d); /* expect: raw-populate-manual reason~'addr' changes in set_again() */
		addr += PGDIR_SIZE;
	}
}

void again_user(unsigned long a, unsigned long e, p4d_t *p4d)
{
	set_again(pgd_offset_k(a), a, e, p4d);
}
