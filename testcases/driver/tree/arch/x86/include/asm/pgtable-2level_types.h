#ifndef _ASM_X86_PGTABLE_2LEVEL_DEFS_H
#define _ASM_X86_PGTABLE_2LEVEL_DEFS_H

#define ARCH_PAGE_TABLE_SYNC_MASK	PGTBL_PMD_MODIFIED	/* ptsync-arch: x86 cond="CONFIG_X86_32 && !CONFIG_X86_PAE" mask=pmd folded=p4d,pmd,pud hook=arch/x86/mm/fault.c */

#endif
