/* A raw call in a header's inline function is converted like any other. */
#ifndef _ASM_FAKE_PGALLOC_H
#define _ASM_FAKE_PGALLOC_H

#include <linux/mm.h>
#include <linux/pgtable.h>

static inline void fake_map_top(unsigned long vaddr, p4d_t *new)
{
	pgd_t *pgd = pgd_offset_k(vaddr);

	pgd_populate(&init_mm, pgd, new);
}

#endif
