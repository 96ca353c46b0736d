/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Internal to arches/: the <asm/...> headers generic code includes.
 * include/linux/pgtable.h brings <asm/pgtable.h> into every build, so an
 * arch header with such a key is included unconditionally, even when the
 * only includer among the arch's own headers is one configuration's
 * (6.1's sparc: viking.h, a sparc32 header, was the only one, and
 * sparc64's fold read as "!(__sparc__ && __arch64__) && __sparc__ &&
 * __arch64__").
 */
#ifndef PTSYNC_ARCHES_GENERIC_H
#define PTSYNC_ARCHES_GENERIC_H

#include <stdbool.h>
#include <stddef.h>

struct generic_asm {
	char **keys;		/* "asm/pgtable.h", sorted, unique */
	size_t nr, alloc;
	/*
	 * include/linux defines the generic ARCH_PAGE_TABLE_SYNC_MASK 0:
	 * v5.8 and later, where x86-64 no longer syncs the vmalloc area
	 * lazily in vmalloc_fault() but allocates its top level at boot.
	 */
	bool has_sync_mask;
};

/* Read root's include/linux and include/asm-generic headers. */
void generic_asm_read(struct generic_asm *g, const char *root);
/* Whether generic code includes <key>. */
bool generic_asm_has(const struct generic_asm *g, const char *key);
void generic_asm_free(struct generic_asm *g);

#endif
