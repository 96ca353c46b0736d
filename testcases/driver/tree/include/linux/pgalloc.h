/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PGALLOC_H
#define _LINUX_PGALLOC_H

#include <linux/pgtable.h>
#include <asm/pgalloc.h>

/* The approved helpers: their own raw calls are not findings. */
#define pgd_populate_kernel(addr, pgd, p4d)	/* ptsync: helper */			\
	do {								\
		pgd_populate(&init_mm, pgd, p4d);	/* ptsync: in-helper */		\
		if (ARCH_PAGE_TABLE_SYNC_MASK & PGTBL_PGD_MODIFIED)	\
			arch_sync_kernel_mappings(addr, addr);		\
	} while (0)

#define p4d_populate_kernel(addr, p4d, pud)	/* ptsync: helper */			\
	do {								\
		p4d_populate(&init_mm, p4d, pud);	/* ptsync: in-helper */		\
		if (ARCH_PAGE_TABLE_SYNC_MASK & PGTBL_P4D_MODIFIED)	\
			arch_sync_kernel_mappings(addr, addr);		\
	} while (0)

#endif /* _LINUX_PGALLOC_H */
