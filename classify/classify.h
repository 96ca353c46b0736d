/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Judging each finding against the arch variants it is compiled for:
 * exposed, latent or no-op on each, then a severity with the reason for it.
 */
#ifndef PTSYNC_CLASSIFY_H
#define PTSYNC_CLASSIFY_H

#include "arches/arches.h"
#include "analyse/finding.h"

/* The arch of a path ("x86" for "arch/x86/mm/init_64.c"), or NULL. */
char *arch_of_path(const char *path);

/* Which level, when folded, turns a populate at this level into a no-op. */
unsigned int noop_fold_level(enum pt_level level);

enum exposure classify_exposure(const struct finding *f,
				const struct arch_variant *v);

/*
 * The variants any of fs[0..nr) is exposed on, in the model's order, each
 * once: "x86 (!CONFIG_X86_32), arm" with brackets "()", or "[]" inside a
 * parenthesised sentence; "" when none.  The caller frees it.
 */
char *exposed_on(const struct arch_model *m, const struct finding *const *fs,
		 size_t nr, const char *brackets);

/* Whether f is exposed on a variant of arch ("x86"; NULL: any). */
bool arch_exposed(const struct finding *f, const char *arch,
		  const struct arch_model *m);

/* Whether ch runs through an arch (or generic code) where f is exposed. */
bool chain_exposed(const struct finding *f, const struct call_chain *ch,
		   const struct arch_model *m);

/* "a -> b -> c": the functions of a chain, root first; caller frees. */
char *chain_text(const struct call_chain *ch);

/* Fill arch, boot_only, exposure[], severity and why of every finding. */
void classify_findings(struct finding_list *findings,
		       const struct arch_model *model);

#endif
