#ifndef _ASM_X86_PGTABLE_3LEVEL_DEFS_H
#define _ASM_X86_PGTABLE_3LEVEL_DEFS_H

#define ARCH_PAGE_TABLE_SYNC_MASK	(SHARED_KERNEL_PMD ? 0 : PGTBL_PMD_MODIFIED)	/* ptsync-arch: x86 cond="CONFIG_X86_32 && CONFIG_X86_PAE" mask=pmd mask-if=SHARED_KERNEL_PMD folded=p4d,pud hook=arch/x86/mm/fault.c */

#endif
