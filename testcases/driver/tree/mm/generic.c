// Generic code: compiled for every arch.  ptsync-file: exposed=x86[!CONFIG_X86_32] latent=1 noop=2
#include <linux/mm.h>
#include <linux/pgalloc.h>

/* converted already: nothing */
static void __meminit converted(unsigned long addr, p4d_t *p4d)
{
	pgd_t *pgd = pgd_offset_k(addr);

	pgd_populate_kernel(addr, pgd, p4d);
}

/* exposed on x86-64, can run after boot: error */
static void __meminit generic_hotplug(unsigned long addr, p4d_t *p4d)
{
	pgd_t *pgd = pgd_offset_k(addr);

	pgd_populate(&init_mm, pgd, p4d);	/* ptsync: error raw-populate address=addr section=__meminit */
}

/* boot-only generic code: warning */
static void __init generic_boot(unsigned long addr, pud_t *pud)
{
	pgd_t *pgd = pgd_offset_k(addr);
	p4d_t *p4d = p4d_offset(pgd, addr);

	p4d_populate(&init_mm, p4d, pud);	/* ptsync: warning raw-populate address=addr section=__init boot-only */
}

/* the _safe form has no _kernel variant: manual */
static void generic_safe(unsigned long addr, p4d_t *p4d)
{
	pgd_t *pgd = pgd_offset_k(addr);

	pgd_populate_safe(&init_mm, pgd, p4d);	/* ptsync: error raw-populate-manual reason="pgd_populate_safe() has no _kernel variant" */
}

/*
 * pgd_populate(&init_mm, pgd, p4d) in a comment: nothing
 */
#if 0
static void dead(pgd_t *pgd, p4d_t *p4d) { pgd_populate(&init_mm, pgd, p4d); }
#endif
