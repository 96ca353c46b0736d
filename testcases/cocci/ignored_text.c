// Comments, strings and #if 0 blocks hold no call.
#include <linux/mm.h>

void __meminit quiet(unsigned long addr)
{
	/* pgd_populate(&init_mm, pgd_offset_k(addr), p4d); */
	// p4d_populate(&init_mm, p4d_offset(pgd, addr), pud);
	pr_debug("pgd_populate(&init_mm, pgd, p4d)\n");
#if 0
	pgd_populate(&init_mm, pgd_offset_k(addr), alloc_p4d());
#endif
	pud_populate(&init_mm, pud_offset(p4d, addr), alloc_pmd());
	pgd_populate(mm, pgd_offset(mm, addr), alloc_p4d());
}

/*
 * check-name: ignored_text: Comments, strings and #if 0 blocks hold no call.
 * check-command: spatch-run populate_kernel.cocci report|patch ignored_text.c
 *
 * check-report-start
 * check-report-end
 *
 * check-patch-start
 * check-patch-end
 */
