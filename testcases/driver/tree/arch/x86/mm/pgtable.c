// Built for both bitnesses: each call's #ifs say where it is built.  ptsync-file: latent=0 noop=2
#include <linux/mm.h>

#ifdef CONFIG_X86_32
/* x86-32 only: x86-64 never builds it, so it is exposed nowhere */
void __meminit pgd_for_32(unsigned long addr, p4d_t *p4d)
{
	pgd_t *pgd = pgd_offset_k(addr);

	pgd_populate(&init_mm, pgd, p4d);	/* ptsync: note raw-populate address=addr section=__meminit */
}
#else
/* the #else is x86-64's: exposed there */
void __meminit pgd_for_64(unsigned long addr, p4d_t *p4d)
{
	pgd_t *pgd = pgd_offset_k(addr);

	pgd_populate(&init_mm, pgd, p4d);	/* ptsync: error raw-populate address=addr section=__meminit exposed=x86[!CONFIG_X86_32] noop=0 */
}
#endif
