// SPDX-License-Identifier: GPL-2.0-only
/* One of two definitions of foo_twin() (per-arch variants): a caller elsewhere cannot tell which. */
#include <linux/mm.h>

void foo_twin(pgd_t *pgd, unsigned long addr, p4d_t *p4d)
{
	pgd_populate(&init_mm, pgd, p4d); /* expect: raw-populate-manual reason~the call of foo_twin() at arch/foo/mm/twin_user.c:9 may reach another definition of foo_twin() */
}
