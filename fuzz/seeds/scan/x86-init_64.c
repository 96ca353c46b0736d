// Arch code: x86-64 is where the sync mask has the pgd and p4d levels.
#include <linux/mm.h>

void arch_sync_kernel_mappings(unsigned long start, unsigned long end)
{
	sync_global_pgds(start, end);
}

/* exposed, after boot, not synced: error; the address is known */
static void __meminit hotplug_p4d(unsigned long addr, pud_t *pud)
{
	p4d_t *p4d = p4d_offset(pgd_offset_k(addr), addr);

	p4d_populate(&init_mm, p4d, pud);
}

/* exposed but boot-only: warning */
static void __init early_pgd(unsigned long addr, p4d_t *p4d)
{
	pgd_t *pgd = pgd_offset_k(addr);

	pgd_populate(&init_mm, pgd, p4d);
}

/* exposed, synced locally: note */
static void __meminit synced_pgd(unsigned long addr, p4d_t *p4d)
{
	pgd_t *pgd = pgd_offset_k(addr);

	pgd_populate(&init_mm, pgd, p4d);
	sync_global_pgds(addr, addr);
}

/* a parameter gives the pointer: manual, and an error */
static void __ref from_param(pgd_t *pgd, p4d_t *p4d)
{
	pgd_populate(&init_mm, pgd, p4d);
}

/* spatch cannot parse this function: unanalyzed, still an error */
static void __meminit unparsable(unsigned long addr, p4d_t *p4d)
{
	pgd_t *pgd = pgd_offset_k(addr);

	for_each_thing(x) ) {
		pgd_populate(&init_mm, pgd, p4d);
	}
}
