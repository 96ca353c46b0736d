// SPDX-License-Identifier: GPL-2.0-only
/*
 * Builds incl_impl.c into this file, as arch/ and lib/ do: its static
 * functions are called from here too.
 */
#include <linux/mm.h>

#include "incl_impl.c"

void __init incl_user_map(unsigned long a, unsigned long b, p4d_t *p4d)
{
	incl_fill(pgd_offset_k(a), a, p4d);
	incl_fill_bad(pgd_offset_k(b), a, p4d);
}
