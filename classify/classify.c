// SPDX-License-Identifier: GPL-2.0-only
/*
 * The severity rules:
 *   error   - exposed on some variant, can run after boot, not synced;
 *   note    - arch code that is latent (or a no-op) everywhere, or synced
 *             locally by the caller;
 *   warning - everything else: any raw call in generic code, and exposed
 *             calls that only run at boot.
 * A no-op variant counts as latent: folding can change with the config.
 */
#include <stdlib.h>
#include <string.h>

#include "classify/classify.h"
#include "lib/cond.h"
#include "lib/kernel_facts.h"
#include "lib/util.h"

char *arch_of_path(const char *path)
{
	const char *end;

	if (!str_starts_with(path, "arch/"))
		return NULL;
	path += strlen("arch/");
	end = strchr(path, '/');
	return end ? xstrndup(path, end - path) : NULL;
}

static unsigned int level_bit(enum pt_level level)
{
	return level == LEVEL_PGD ? MASK_PGD : MASK_P4D;
}

/*
 * pgd_populate() writes the entry that -nop4d.h folds away, p4d_populate()
 * the one that -nopud.h folds away.
 */
unsigned int noop_fold_level(enum pt_level level)
{
	return level == LEVEL_PGD ? MASK_P4D : MASK_PUD;
}

/*
 * Whether v folds level: in some configuration it is built for, or, with
 * always, in every one.
 */
static bool folded(const struct arch_variant *v, unsigned int level,
		   bool always)
{
	const char *cond = v->condition ? v->condition : "";
	size_t i;

	for (i = 0; i < v->nr_folds; i++)
		if (v->folds[i].level == level &&
		    (!always || cond_implies(cond, v->folds[i].condition)))
			return true;
	return false;
}

/*
 * Exposed only where a hand sync stands for the mask (x86-64 from v5.8
 * to the 2025 fix): there the helpers' mask is 0 and they sync nothing.
 */
static bool by_hand_only(const struct finding *f, const struct arch_model *m)
{
	bool any = false;
	size_t j;

	for (j = 0; f->exposure && j < m->nr_variants; j++) {
		if (f->exposure[j] != EXPOSURE_EXPOSED)
			continue;
		if (m->variants[j].mask & level_bit(f->level))
			return false;
		any = true;
	}
	return any;
}

/* Whether the call can be built where v is: its file's name, its #ifs. */
static bool built_for(const struct finding *f, const struct arch_variant *v)
{
	char *cond = cond_and(arch_file_bitness(f->file),
			      f->condition ? f->condition : "");
	bool ok = cond_compatible(v->condition, cond);

	free(cond);
	return ok;
}

/*
 * Whether a function that syncs the top-level entries by hand is built
 * with v and with the call: x86-64 needed the sync before its mask said
 * so, and a call that misses sync_global_pgds() there is as exposed.
 */
static bool hand_synced(const struct finding *f, const struct arch_variant *v)
{
	char *cond;
	size_t i;
	bool ok = false;

	/*
	 * A mask names only levels that exist; a hand sync names none, so
	 * a level folded wherever v is built (p4d before 5-level paging)
	 * stays a no-op.
	 */
	if (!v->nr_hand_syncs || folded(v, noop_fold_level(f->level), true))
		return false;
	cond = cond_and(arch_file_bitness(f->file),
			f->condition ? f->condition : "");
	for (i = 0; !ok && i < v->nr_hand_syncs; i++)
		ok = cond_compatible(v->hand_syncs[i].condition, cond);
	free(cond);
	return ok;
}

/*
 * A mask that holds the level on one arm of a condition is exposed: the
 * condition is a run-time or config choice we cannot rule out.
 */
enum exposure classify_exposure(const struct finding *f,
				const struct arch_variant *v)
{
	if (f->arch && strcmp(f->arch, v->arch))
		return EXPOSURE_NONE;
	/*
	 * x86's init_32.c is no 64-bit code, nor is a call under #ifdef
	 * CONFIG_X86_32: not built, so neither exposed nor latent, where
	 * only that is
	 */
	if (!built_for(f, v))
		return EXPOSURE_NONE;
	if (v->mask & level_bit(f->level) || hand_synced(f, v))
		return EXPOSURE_EXPOSED;
	if (folded(v, noop_fold_level(f->level), false))
		return EXPOSURE_NOOP;
	return EXPOSURE_LATENT;
}

bool arch_exposed(const struct finding *f, const char *arch,
		  const struct arch_model *m)
{
	size_t j;

	for (j = 0; f->exposure && j < m->nr_variants; j++)
		if (f->exposure[j] == EXPOSURE_EXPOSED &&
		    (!arch || !strcmp(arch, m->variants[j].arch)))
			return true;
	return false;
}

bool chain_exposed(const struct finding *f, const struct call_chain *ch,
		   const struct arch_model *m)
{
	return arch_exposed(f, ch->arch ? ch->arch + strlen("arch/") : NULL,
			    m);
}

/* Unsynced, after boot, exposed: the worse the lower. */
static int chain_rank(const struct finding *f, const struct call_chain *ch,
		      const struct arch_model *m)
{
	if (ch->synced)
		return 3;
	if (ch->boot_only)
		return 2;
	return chain_exposed(f, ch, m) ? 0 : 1;
}

/* Pick the chain text and gcc show: the worst, then the shortest. */
static void pick_worst(struct finding *f, const struct arch_model *m)
{
	int best = -1, rank = 8, r;
	size_t i;

	for (i = 0; i < f->nr_chains; i++) {
		r = chain_rank(f, &f->chains[i], m);
		/* a cut chain is worse than a complete one: it says less */
		r = r * 2 + f->chains[i].cut;
		if (r < rank || (r == rank && f->chains[i].nr_steps <
				 f->chains[best].nr_steps)) {
			best = (int)i;
			rank = r;
		}
	}
	f->worst_chain = best;
}

char *chain_text(const struct call_chain *ch)
{
	char *s = xstrdup("");
	size_t i;

	for (i = 0; i < ch->nr_steps; i++)
		str_append(&s, xasprintf("%s%s", i ? " -> " : "",
					 ch->steps[i].function));
	return s;
}

/* An exposed, after-boot chain with no sync on it. */
static bool unsynced_chain(const struct finding *f, const struct arch_model *m)
{
	return f->nr_chains && f->worst_chain >= 0 &&
	       !chain_rank(f, &f->chains[f->worst_chain], m);
	/* chain_rank() is 0 for open chains, cut or not */
}

/* The worst chain is unsynced but boot-only: no chain after boot is open. */
static bool worst_boot_only(const struct finding *f, const struct arch_model *m)
{
	return f->nr_chains && f->worst_chain >= 0 &&
	       chain_rank(f, &f->chains[f->worst_chain], m) == 2;
}

/* "; via a -> b" for the worst chain, or the syncing caller's name. */
static void add_via(struct finding *f)
{
	const struct call_chain *ch;
	char *t;

	if (!f->nr_chains || f->worst_chain < 0)
		return;
	ch = &f->chains[f->worst_chain];
	/* "synced locally later in f()" already said it */
	if (ch->synced && f->synced_locally)
		return;
	t = chain_text(ch);
	if (ch->synced)
		str_append(&f->why, xasprintf("; every chain is synced or boot-only, e.g. via %s, synced by %s() in %s()",
					      t, ch->sync_call, ch->sync_function));
	else
		str_append(&f->why, xasprintf("; via %s%s", t,
					      ch->cut ? " (cut)" : ""));
	free(t);
}

static void judge(struct finding *f, const struct arch_model *m)
{
	const struct finding *self = f;
	char *exposed = exposed_on(m, &self, 1, "[]");
	const char *where = f->arch ? "arch code" : "generic code";
	const char *lvl = level_name(f->level);

	if (f->owner) {
		f->severity = SEV_NOTE;
		/* the message names the owner already */
		f->why = xstrdup("not the kernel's page table: never rewritten");
	} else if (*exposed && !f->boot_only && !f->synced_locally &&
		   (!f->nr_chains || unsynced_chain(f, m))) {
		f->severity = SEV_ERROR;
		f->why = xasprintf("exposed on %s, can run after boot%s%s%s, and nothing syncs it%s",
				   exposed, *f->section ? " (" : "",
				   f->section, *f->section ? ")" : "",
				   !by_hand_only(f, m) ? "" : f->arch ?
				   "; the arch syncs by hand there and a _kernel helper would sync nothing: call " KF_HAND_SYNC "() after it" :
				   "; a _kernel helper syncs there only once the arch's mask names the level (the 2025 fix and its backports)");
	} else if (*exposed && !f->boot_only && !f->synced_locally &&
		   worst_boot_only(f, m)) {
		/* no sync, but only __init code reaches it: as __init itself */
		f->severity = SEV_WARNING;
		f->why = xasprintf("%s, exposed on %s but boot-only: every unsynced caller chain starts in __init code",
				   where, exposed);
	} else if (*exposed && !f->boot_only && !f->synced_locally) {
		f->severity = f->arch ? SEV_NOTE : SEV_WARNING;
		f->why = xasprintf("%s, exposed on %s, synced by its callers",
				   where, exposed);
	} else if (f->arch && (!*exposed || f->synced_locally)) {
		f->severity = SEV_NOTE;
		f->why = f->synced_locally ?
			xasprintf("arch code, synced locally later in %s()",
				  f->function) :
			xasprintf("arch code, latent: %s's sync mask has no %s level",
				  f->arch, lvl);
	} else if (*exposed) {
		f->severity = SEV_WARNING;
		f->why = f->synced_locally ?
			xasprintf("%s, exposed on %s but synced locally",
				  where, exposed) :
			xasprintf("%s, exposed on %s but boot-only (%s)",
				  where, exposed, f->section);
	} else {
		f->severity = SEV_WARNING;
		f->why = xasprintf("generic code, latent: no arch's sync mask has the %s level today",
				   lvl);
	}
	free(exposed);
}

void classify_findings(struct finding_list *findings,
		       const struct arch_model *model)
{
	size_t i, j;

	for (i = 0; i < findings->nr; i++) {
		struct finding *f = &findings->items[i];

		free(f->arch);
		f->arch = arch_of_path(f->file);
		f->boot_only = str_starts_with(f->section, "__init");
		free(f->exposure);
		f->exposure = xcalloc(model->nr_variants ? model->nr_variants : 1,
				      sizeof(*f->exposure));
		for (j = 0; j < model->nr_variants; j++)
			f->exposure[j] = classify_exposure(f,
							   &model->variants[j]);
		free(f->why);
		pick_worst(f, model);
		judge(f, model);
		add_via(f);
	}
}
