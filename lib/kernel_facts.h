/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The kernel's names that ptsync knows, listed once, as objtool's
 * noreturns.h lists the functions that do not return.  The scanner, the
 * arch model and convert read them here; the semantic patch names the
 * same ones (testcases/unit/test_rules.c compares).
 */
#ifndef PTSYNC_KERNEL_FACTS_H
#define PTSYNC_KERNEL_FACTS_H

#include <stdbool.h>
#include <stddef.h>

/* The approved helpers of <linux/pgalloc.h>, pgd first. */
#define KF_HELPER_PGD	"pgd_populate_kernel"
#define KF_HELPER_P4D	"p4d_populate_kernel"

/* The hook that copies a kernel mapping into every page table. */
#define KF_SYNC_HOOK	"arch_sync_kernel_mappings"

/* The hand sync a message advises where the helpers would sync nothing. */
#define KF_HAND_SYNC	"sync_global_pgds"

/* NULL-terminated lists. */
extern const char *const kf_helpers[];
/* Calls that sync: the hook itself, and x86's sync_global_pgds*() family. */
extern const char *const kf_sync_calls[];
extern const char *const kf_sync_prefixes[];
/*
 * Section markers of a function: these prefixes (__init_or_module,
 * __meminitdata, ...) and these whole names.  noinstr is one: its code
 * runs after boot like any other.
 */
extern const char *const kf_section_prefixes[];
extern const char *const kf_section_names[];

/* The kernel's one bitness symbol, and the other names for it. */
#define KF_BITNESS	"CONFIG_64BIT"
struct kf_alias {
	const char *name;
	bool negated;		/* CONFIG_X86_32 is !CONFIG_64BIT */
};
extern const struct kf_alias kf_bitness_aliases[];

#endif
