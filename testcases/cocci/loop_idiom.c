// Pointer and address step together: the address is still the origin's.
#include <linux/mm.h>

static int __ref zero_p4d_populate(pgd_t *pgd, unsigned long addr,
				unsigned long end)
{
	p4d_t *p4d = p4d_offset(pgd, addr);
	unsigned long next;

	do {
		next = p4d_addr_end(addr, end);
		if (p4d_none(*p4d))
			p4d_populate(&init_mm, p4d, early_alloc(PAGE_SIZE, 0));
	} while (p4d++, addr = next, addr != end);

	return 0;
}

static void __meminit walk_range(unsigned long addr, unsigned long end)
{
	unsigned long next;
	pgd_t *pgd = pgd_offset_k(addr);

	for (; addr < end; addr = next, pgd++) {
		next = pgd_addr_end(addr, end);
		if (pgd_none(*pgd))
			pgd_populate(&init_mm, pgd, alloc_p4d());
	}
}
