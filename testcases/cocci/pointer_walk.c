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
