/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Every in-tree caller of this static inline agrees, but a module may
 * include the header and pass anything: as for an exported function, the
 * callers prove nothing.
 */
#ifndef _ASM_FOO_PGFILL_P4D_H
#define _ASM_FOO_PGFILL_P4D_H

static inline void pgfill_p4d(p4d_t *p4d, unsigned long addr, pud_t *pud)
{
	p4d_populate(&init_mm, p4d, pud); /* expect: raw-populate-manual reason~pgfill_p4d() is defined in a header */
}

#endif
