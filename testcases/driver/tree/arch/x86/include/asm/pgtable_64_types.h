#ifndef _ASM_X86_PGTABLE_64_DEFS_H
#define _ASM_X86_PGTABLE_64_DEFS_H

#define ARCH_PAGE_TABLE_SYNC_MASK \
	(pgtable_l5_enabled() ? PGTBL_PGD_MODIFIED : PGTBL_P4D_MODIFIED)	/* ptsync-arch: x86 cond=!CONFIG_X86_32 mask=pgd,p4d mask-if="pgtable_l5_enabled()" folded=p4d hook=arch/x86/mm/init_64.c */

#endif
