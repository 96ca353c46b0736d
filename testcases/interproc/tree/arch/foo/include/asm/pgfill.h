/* SPDX-License-Identifier: GPL-2.0-only */
/* A static inline in a header: its callers are in every file including it. */
#ifndef _ASM_FOO_PGFILL_H
#define _ASM_FOO_PGFILL_H

static inline void pgfill_top(pgd_t *pgd, unsigned long addr, p4d_t *p4d)
{
	pgd_populate(&init_mm, pgd, p4d); /* expect: raw-populate-manual reason~the call at arch/foo/mm/hdr_b.c:9 in hdr_b_map() passes the pgd entry of 'b' for 'pgd' but 'a' for 'addr' */
}

#endif
