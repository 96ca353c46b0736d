/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What spatch needs to see of a file in the semantic patch's json mode.
 * Its rules run on every function of a file, but every fact they print
 * starts at a function that names a raw or indirect population, init_mm,
 * a function with a pgd_t or p4d_t in its head, or a call to one: the
 * other bodies only cost time (a fifth of a cold check's spatch time on
 * Debian's 6.12).  The slice blanks those bodies and keeps every line
 * and column of what stays, so spatch's output is the same: on all 563
 * files of arch/ and mm/ of Debian's 6.12 and 6.1 that name a pgd_t,
 * p4d_t, init_mm or a population.  It can differ where spatch could not
 * parse a blanked body and, recovering, lost the function after it: the
 * slice then analyses that function.
 */
#ifndef PTSYNC_SCAN_SLICE_H
#define PTSYNC_SCAN_SLICE_H

#include <stddef.h>

/*
 * The names whose mention keeps a function: the uses of the semantic
 * patch (raw calls, the helpers, p4d_alloc/pud_alloc) and init_mm.
 * NULL-terminated; testcases/unit compares it with the semantic patch.
 */
extern const char *const slice_kept_names[];

/*
 * buf with the bodies of the functions that cannot matter blanked: their
 * bytes dropped, their newlines kept, spaces on a line shared with what
 * stays.  callees are more names whose calls keep a function (the
 * cross-function stage's PTSYNC_CALLEES).  NULL when there is nothing to
 * blank, or when the braces do not pair up as the lexer sees them (say
 * across #if branches): spatch then reads the file itself.
 */
char *slice_for_spatch(const char *buf, size_t len,
		       const char *const *callees, size_t nr_callees,
		       size_t *out_len);

#endif
