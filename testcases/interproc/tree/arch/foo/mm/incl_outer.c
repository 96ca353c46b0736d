// SPDX-License-Identifier: GPL-2.0-only
/* Includes incl_user.c, which includes incl_impl.c. */
#include <linux/mm.h>
#include "incl_user.c"

void __init incl_outer_map(unsigned long a, unsigned long b, p4d_t *p4d)
{
	/* the pgd entry of b, passed with a */
	incl_fill_far(pgd_offset_k(b), a, p4d);
}
