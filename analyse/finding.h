/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A finding: one raw pgd/p4d_populate() call on init_mm, as the
 * cross-check settled it (analysed by spatch, or unanalyzed with a reason)
 * and as the classification judged it against every arch variant it is
 * compiled for.  The report renderers read only this and the arch model.
 */
#ifndef PTSYNC_FINDING_H
#define PTSYNC_FINDING_H

#include <stdbool.h>
#include <stddef.h>

#include "arches/arches.h"
#include "lib/rules.h"
#include "scan/scan.h"

enum severity { SEV_NOTE, SEV_WARNING, SEV_ERROR };

/* What a call does on one arch variant. */
enum exposure {
	EXPOSURE_NONE,		/* not compiled for this variant (other arch) */
	EXPOSURE_EXPOSED,	/* the level is in the sync mask: a missed sync */
	EXPOSURE_LATENT,	/* not in the mask today: harmless until it is */
	EXPOSURE_NOOP,		/* the level is folded: the call does nothing */
};

/* One step of a proof from the callers: a call site or a returned value. */
struct proof_step {
	char *file;
	int line;
	char *function;		/* the caller, or the function returning */
	char *text;		/* what it shows, one line */
};

/* One function of a call chain, and the call in it that leads down. */
struct chain_step {
	char *function;
	char *file;
	int line;		/* the call leading down, or the population */
};

/*
 * A chain of callers from a root down to the population: synced when a
 * function on it syncs after the call leading down (sync_* say where).
 */
struct call_chain {
	struct chain_step *steps;	/* root first, the population last */
	size_t nr_steps;
	bool synced;
	bool boot_only;		/* an __init function on it */
	bool cut;		/* the depth or count bound stopped it */
	char *root;		/* why the first step is a root */
	char *sync_function, *sync_call, *sync_file;
	int sync_line;
	char *arch;		/* the arch/ directory it runs through, or NULL */
};

struct finding {
	char *file;		/* relative to the tree root */
	int line;		/* 1-based */
	int column;		/* 0-based, as spatch counts */
	int column_end;		/* 0-based, exclusive */
	char *function;		/* "" at file scope */
	char *section;		/* "__init", ... or "" */
	enum pt_level level;
	char *call;		/* "pgd_populate", "p4d_populate_safe", ... */
	const char *rule;	/* RULE_* */
	char *address;		/* the inferred address, or NULL */
	char *reason;		/* why no address, or why unanalyzed; NULL */
	bool unanalyzed;
	bool indirect;		/* p4d_alloc/pud_alloc(&init_mm, ...) */
	char *owner;		/* whose private table the entry is in, or NULL */
	char *value;		/* spatch's value of the entry pointer, JSON */
	struct proof_step *proof;	/* how the callers prove the address */
	size_t nr_proof, alloc_proof;
	bool synced_locally;	/* a sync follows in the same function */
	bool boot_only;		/* in an __init function */
	char *arch;		/* "x86" for arch/x86/..., NULL for generic code */
	/* the #if conditions around the call (scan_site's); NULL: none */
	char *condition;
	enum severity severity;
	char *why;		/* why it got its severity, one sentence */
	enum exposure *exposure;	/* one per model variant, same order */
	struct call_chain *chains;	/* NULL when not computed */
	size_t nr_chains, alloc_chains;
	int worst_chain;	/* index of the chain shown, or -1 */
};

void call_chain_free(struct call_chain *c);

struct finding_list {
	struct finding *items;
	size_t nr, alloc;
};

void finding_list_free(struct finding_list *list);
const char *severity_name(enum severity sev);	/* "error", ... */
const char *exposure_name(enum exposure e);	/* "exposed", ... */

#endif
