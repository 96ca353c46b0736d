// Arch code on an arch whose sync mask is 0: latent, a note.  ptsync-file: latent=1 noop=0
#include <linux/mm.h>

static void __meminit map_p4d(unsigned long addr, pud_t *pud)
{
	p4d_t *p4d = p4d_offset(pgd_offset_k(addr), addr);

	p4d_populate(&init_mm, p4d, pud);	/* ptsync: note raw-populate address=addr section=__meminit */
}

/* a raw call inside another macro: its users give the address, manual */
#define MAP_PGD(pgd, p4d)	pgd_populate(&init_mm, pgd, p4d)	/* ptsync: note raw-populate-manual reason="the call is in the body of macro MAP_PGD" */

/* The arch model: no sync mask, nothing folded, no sync hook.  ptsync-arch: arm64 */
