// Code that already uses the helpers is left alone.
#include <linux/mm.h>
#include <linux/pgalloc.h>

pgd_t * __meminit vmemmap_pgd_populate(unsigned long addr, int node)
{
	pgd_t *pgd = pgd_offset_k(addr);
	if (pgd_none(*pgd))
		pgd_populate_kernel(addr, pgd, vmemmap_alloc(node));
	return pgd;
}

/*
 * check-name: already_converted: Code that already uses the helpers is left alone.
 * check-command: spatch-run populate_kernel.cocci report|patch already_converted.c
 *
 * check-report-start
 * check-report-end
 *
 * check-patch-start
 * check-patch-end
 */
