// SPDX-License-Identifier: GPL-2.0-only
/*
 * The only call is in a macro body: its text agrees, but the macro's users
 * are the real callers, and MAP_TOP(a++, p) evaluates its address twice.
 */
#include <linux/mm.h>

static void map_top(pgd_t *pgd, unsigned long addr, p4d_t *p4d)
{
	pgd_populate(&init_mm, pgd, p4d); /* expect: raw-populate-manual reason~map_top() is taken at arch/foo/mm/macro_caller.c:15 */
}

#define MAP_TOP(x, p)						\
	do {							\
		map_top(pgd_offset_k(x), x, p);			\
	} while (0)

void macro_user(unsigned long a, p4d_t *p4d)
{
	MAP_TOP(a++, p4d);
}
