#ifndef _ASM_X86_PGTABLE_32_TYPES_H
#define _ASM_X86_PGTABLE_32_TYPES_H

#ifdef CONFIG_X86_PAE
# include <asm/pgtable-3level_types.h>
#else
# include <asm/pgtable-2level_types.h>
#endif

#endif
