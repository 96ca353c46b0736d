/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The architecture model: for each arch/<a>, what ARCH_PAGE_TABLE_SYNC_MASK
 * is under which configuration, which page-table levels are folded away,
 * and where arch_sync_kernel_mappings() is defined.  All of it is read from
 * the tree; nothing is tabulated here.
 */
#ifndef PTSYNC_ARCHES_H
#define PTSYNC_ARCHES_H

#include <stdbool.h>
#include <stddef.h>

/* Bits as in include/linux/pgtable.h PGTBL_*_MODIFIED. */
#define MASK_PGD	(1u << 0)
#define MASK_P4D	(1u << 1)
#define MASK_PUD	(1u << 2)
#define MASK_PMD	(1u << 3)
#define MASK_PTE	(1u << 4)

/* A level folded by asm-generic/pgtable-nop4d.h, -nopud.h or -nopmd.h. */
struct arch_fold {
	unsigned int level;	/* MASK_P4D for -nop4d.h, MASK_PUD, MASK_PMD */
	char *condition;	/* "" when unconditional, else C-like text */
	char *file;		/* header that includes the folding header */
	int line;
};

struct arch_hook {
	char *file;		/* where arch_sync_kernel_mappings() is defined */
	int line;
	char *condition;	/* "" when unconditional */
};

/*
 * One definition of ARCH_PAGE_TABLE_SYNC_MASK, or the implicit mask 0 of an
 * arch that has none, or of the configurations its definitions leave out.
 */
struct arch_variant {
	char *arch;		/* "x86" */
	/*
	 * #if conditions around the #include chain that brings the header in,
	 * then around the define, joined with " && "; "" when unconditional
	 */
	char *condition;
	char *file;		/* defining header, NULL for the implicit 0 */
	int line;
	char *expr;		/* the macro body as written, NULL for the implicit 0 */
	unsigned int mask;	/* every level the mask can contain */
	char *mask_condition;	/* for "c ? a : b": c; else NULL */
	unsigned int mask_if_true; /* a (when mask_condition) */
	unsigned int mask_if_false; /* b (when mask_condition) */
	bool mask_unknown;	/* expr not understood: mask 0 says nothing */
	struct arch_hook *hooks;	/* hooks that can be built with this variant */
	size_t nr_hooks;
	/*
	 * Where the mask names neither pgd nor p4d: the definitions of a
	 * function that syncs the top-level entries by hand (x86-64's
	 * sync_global_pgds(), kf_sync_prefixes) built with this variant.
	 * Such an arch needs the sync its mask does not say.
	 */
	struct arch_hook *hand_syncs;
	size_t nr_hand_syncs;
	struct arch_fold *folds;	/* folds that can apply to this variant */
	size_t nr_folds;
};

struct arch_model {
	struct arch_variant *variants;	/* sorted by arch, then file, then line */
	size_t nr_variants, alloc_variants;
	char **arches;			/* every directory under arch/, sorted */
	size_t nr_arches, alloc_arches;
};

/*
 * Build the model from root/arch and root/include.  0, or -1 with errno.
 * Through the cache (arches/model_cache.c): when nothing the last build
 * read has changed, that build's model.
 */
int arch_model_build(const char *root, struct arch_model *model);
/* The same, always reading the tree. */
int arch_model_read(const char *root, struct arch_model *model);
void arch_model_free(struct arch_model *model);

/*
 * Parse a mask expression such as "(PGTBL_PMD_MODIFIED | PGTBL_PTE_MODIFIED)"
 * or "(pgtable_l5_enabled() ? PGTBL_PGD_MODIFIED : PGTBL_P4D_MODIFIED)".
 * Returns 0 on success, -1 when the expression is not understood.
 */
int mask_parse(const char *expr, unsigned int *mask, char **mask_condition,
	       unsigned int *if_true, unsigned int *if_false);

/*
 * The bitness a .c file's name implies: *_64.c is built under CONFIG_64BIT,
 * *_32.c under !CONFIG_64BIT (the convention Makefiles select with
 * $(BITS)); "" for any other name.
 */
const char *arch_file_bitness(const char *file);

/* Names of the levels in mask, lowest bit first: "pgd", "p4d", ... */
size_t mask_levels(unsigned int mask, const char **names, size_t max);

#endif
