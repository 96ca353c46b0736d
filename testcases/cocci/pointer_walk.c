// Only the pointer walks on: the origin's address is stale, so no rewrite.
#include <linux/mm.h>

void __meminit walk_only(unsigned long addr, int n)
{
	pgd_t *pgd = pgd_offset_k(addr);
	int i;

	for (i = 0; i < n; i++, pgd++)
		pgd_populate(&init_mm, pgd, alloc_p4d());
}

void __meminit walk_in_body(unsigned long addr, int n)
{
	p4d_t *p4d = p4d_offset(pgd_offset_k(addr), addr);

	while (n--) {
		p4d_populate(&init_mm, p4d, alloc_pud());
		p4d++;
	}
}

void __meminit address_moves(unsigned long addr)
{
	pgd_t *pgd = pgd_offset_k(addr);

	addr += PGDIR_SIZE;
	pgd_populate(&init_mm, pgd, alloc_p4d());
}

/*
 * check-name: pointer_walk: Only the pointer walks on: the origin's address is stale, so no rewrite.
 * check-command: spatch-run populate_kernel.cocci report|patch pointer_walk.c
 *
 * check-report-start
 * pointer_walk.c:10:2-14: WARNING: pgd_populate() on init_mm skips the page table sync, convert to pgd_populate_kernel() by hand: 'pgd' advances at line 9 but 'addr' does not
 * pointer_walk.c:18:2-14: WARNING: p4d_populate() on init_mm skips the page table sync, convert to p4d_populate_kernel() by hand: 'p4d' advances at line 19 but 'addr' does not
 * pointer_walk.c:28:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, convert to pgd_populate_kernel() by hand: 'addr' changes at line 27 after 'pgd' was set
 * check-report-end
 *
 * check-patch-start
 * check-patch-end
 */
