// SPDX-License-Identifier: GPL-2.0-only
/*
 * A raw call in a macro body is the macro's users' business, and is
 * reported under the macro's name.
 */
#include <linux/mm.h>

#define UNST_FILL(a, n) do { pgd_t *__g = pgd_offset_k(a); \
	pgd_populate(&init_mm, __g, (n)); } while (0) /* expect: raw-populate-manual reason~the call is in the body of macro UNST_FILL */

void __meminit unst_macro_user(unsigned long addr, p4d_t *p4d)
{
	UNST_FILL(addr, p4d);
}
