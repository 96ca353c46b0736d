// Arch code: x86-64 is where the sync mask has the pgd and p4d levels; x86-32 does not build *_64.c.  ptsync-file: exposed=x86[!CONFIG_X86_32] latent=0 noop=0
#include <linux/mm.h>

void arch_sync_kernel_mappings(unsigned long start, unsigned long end)
{
	sync_global_pgds(start, end);
}

/* exposed, after boot, not synced: error; the address is known */
static void __meminit hotplug_p4d(unsigned long addr, pud_t *pud)
{
	p4d_t *p4d = p4d_offset(pgd_offset_k(addr), addr);

	p4d_populate(&init_mm, p4d, pud);	/* ptsync: error raw-populate address=addr section=__meminit */
}

/* exposed but boot-only: warning */
static void __init early_pgd(unsigned long addr, p4d_t *p4d)
{
	pgd_t *pgd = pgd_offset_k(addr);

	pgd_populate(&init_mm, pgd, p4d);	/* ptsync: warning raw-populate address=addr section=__init boot-only */
}

/* exposed, synced locally: note (not static: its chain is walked too) */
void __meminit synced_pgd(unsigned long addr, p4d_t *p4d)
{
	pgd_t *pgd = pgd_offset_k(addr);

	pgd_populate(&init_mm, pgd, p4d);	/* ptsync: note raw-populate address=addr section=__meminit synced */
	sync_global_pgds(addr, addr);
}

/* a parameter gives the pointer: manual, and an error */
static void __ref from_param(pgd_t *pgd, p4d_t *p4d)
{
	pgd_populate(&init_mm, pgd, p4d);	/* ptsync: error raw-populate-manual section=__ref reason="'pgd' comes from the callers of from_param()" */
}

/* spatch cannot parse this function: unanalyzed, still an error */
static void __meminit unparsable(unsigned long addr, p4d_t *p4d)
{
	pgd_t *pgd = pgd_offset_k(addr);

	for_each_thing(x) ) {
		pgd_populate(&init_mm, pgd, p4d);	/* ptsync: error unanalyzed section=__meminit reason="parse failure" */
	}
}

/* no section, but every caller is __init: boot-only, a warning */
static void fill_top(unsigned long addr, p4d_t *p4d)
{
	pgd_t *pgd = pgd_offset_k(addr);

	pgd_populate(&init_mm, pgd, p4d);	/* ptsync: warning raw-populate address=addr */
}

void __init setup_top(unsigned long addr, p4d_t *p4d)
{
	fill_top(addr, p4d);
}
