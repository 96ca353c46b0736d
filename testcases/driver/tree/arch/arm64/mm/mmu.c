// Arch code on an arch whose sync mask is 0: latent, a note.
#include <linux/mm.h>

static void __meminit map_p4d(unsigned long addr, pud_t *pud)
{
	p4d_t *p4d = p4d_offset(pgd_offset_k(addr), addr);

	p4d_populate(&init_mm, p4d, pud);	/* ptsync: note raw-populate */
}

/* a raw call inside another macro: no origin in sight, manual */
#define MAP_PGD(pgd, p4d)	pgd_populate(&init_mm, pgd, p4d)	/* ptsync: note raw-populate-manual */
