// A raw call in the body of a macro other than the helpers: the macro's
// arguments may be evaluated again or mean something else at each use,
// so only its users can give the address.
#include <linux/mm.h>

#define FILL_PGD(a, n) do { pgd_t *__g = pgd_offset_k(a); \
	pgd_populate(&init_mm, __g, (n)); } while (0)

#define RAW_PGD(pgd, p4d) pgd_populate(&init_mm, (pgd), (p4d))

void __meminit user(unsigned long addr, p4d_t *p4d)
{
	pgd_t *pgd = pgd_offset_k(addr);

	FILL_PGD(addr, p4d);
	RAW_PGD(pgd, p4d);
	pgd_populate(&init_mm, pgd, p4d);
}

/*
 * check-name: macro_body: A raw call in the body of a macro other than the helpers: the macro's
 * check-command: spatch-run populate_kernel.cocci report|patch macro_body.c
 *
 * check-report-start
 * macro_body.c:7:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, convert to pgd_populate_kernel() by hand: the call is in the body of macro FILL_PGD, whose users give the address
 * macro_body.c:9:26-38: WARNING: pgd_populate() on init_mm skips the page table sync, convert to pgd_populate_kernel() by hand: the call is in the body of macro RAW_PGD, whose users give the address
 * macro_body.c:17:1-13: WARNING: pgd_populate() on init_mm skips the page table sync, use pgd_populate_kernel(addr, ...)
 * check-report-end
 *
 * check-patch-start
 * --- a/macro_body.c
 * +++ b/macro_body.c
 * @@ -2,6 +2,7 @@
 *  // arguments may be evaluated again or mean something else at each use,
 *  // so only its users can give the address.
 *  #include <linux/mm.h>
 * +#include <linux/pgalloc.h>
 *  
 *  #define FILL_PGD(a, n) do { pgd_t *__g = pgd_offset_k(a); \
 *  	pgd_populate(&init_mm, __g, (n)); } while (0)
 * @@ -14,5 +15,5 @@ void __meminit user(unsigned long addr,
 *  
 *  	FILL_PGD(addr, p4d);
 *  	RAW_PGD(pgd, p4d);
 * -	pgd_populate(&init_mm, pgd, p4d);
 * +	pgd_populate_kernel(addr, pgd, p4d);
 *  }
 * check-patch-end
 */
