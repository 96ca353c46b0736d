// SPDX-License-Identifier: GPL-2.0-only
/*
 * Call chains from each raw or indirect population up to its roots.
 *
 * A sync may be the caller's: x86's vmemmap_populate() syncs after
 * vmemmap_populate_basepages() has populated, so the raw call at the
 * bottom is safe on that path and unsafe on any path that reaches it
 * without passing there (4917f55b4ef9 added such a path).  So the chains
 * are walked upward by name over the whole tree, and a chain is synced at
 * the first function that calls a sync after the call leading down, on
 * the same path (scan/calls.c judges that).
 *
 * Names resolve as the linker would, roughly: a static function only from
 * its own file (or, in a header, from files without their own), a
 * function of arch/A only from arch/A and from generic code.  A root has
 * no caller, or is taken as a value (a function pointer), or is named by
 * an initcall.  Chains stop at CHAIN_MAX_DEPTH functions and at
 * CHAIN_MAX per population; a stopped chain is cut, and counts as
 * unsynced.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "interproc/chain_cache.h"
#include "interproc/chains.h"
#include "lib/util.h"
#include "scan/calls.h"
#include "scan/name_index.h"
#include "scan/scan.h"

struct file_slot {
	char *path;
	struct file_facts facts;
	bool loaded;			/* the file was there to read */
	bool filled;			/* facts holds its facts */
	bool queued;			/* for fill_files() */
	struct file_slot *next;		/* in its bucket of by_path */
};

/* The files that may name one identifier, found once. */
struct name_memo {
	char *name;
	char **paths;		/* sorted */
	size_t nr;
	struct name_memo *next;
};

#define NAME_BUCKETS 4096
#define PREFETCH_MAX 512	/* names found in batches, at most */

/* The callers of one definition, found once for all findings. */
struct callers_memo {
	const char *name, *def_file;	/* def_file is a slot's path */
	bool is_static;
	struct caller *v;
	size_t nr;
	const char *root_kind;
	struct callers_memo *next;
};

struct chain_ctx {
	const char *root;		/* the tree */
	const char *overlay;		/* patched copies, or NULL */
	char *const *overlay_paths;
	size_t nr_overlay;
	struct file_slot **files;	/* lexed so far; never move */
	size_t nr_files, alloc_files;
	struct file_slot *by_path[NAME_BUCKETS];	/* the same */
	struct name_memo *names[NAME_BUCKETS];
	struct callers_memo *memo[NAME_BUCKETS];
};

/* A caller found for a function: where, and the call fact. */
struct caller {
	const struct file_facts *ff;
	const struct fn_fact *fn;
	const struct call_fact *call;
};

/* A function already walked for this finding: its chains, listed once. */
struct seen {
	const char *file, *name;
	size_t first, last;	/* the chains through it, in f->chains */
};

struct walk {
	chain_exposed_fn *exposed;
	void *data;
	struct seen *seen;
	size_t nr_seen, alloc_seen;
	struct chain_ctx *ctx;
	struct finding *f;
	struct chain_step stack[CHAIN_MAX_DEPTH + 1];
	bool boot[CHAIN_MAX_DEPTH + 1];
	int depth;
};

static bool in_overlay(const struct chain_ctx *c, const char *path)
{
	size_t i;

	for (i = 0; i < c->nr_overlay; i++)
		if (!strcmp(c->overlay_paths[i], path))
			return true;
	return false;
}

static int cmp_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The slot of path, made (its facts not yet read) if new. */
static struct file_slot *slot_of(struct chain_ctx *c, const char *path)
{
	struct file_slot *s, **b;

	b = &c->by_path[id_hash(path, strlen(path)) % NAME_BUCKETS];
	for (s = *b; s; s = s->next)
		if (!strcmp(s->path, path))
			return s;
	s = xcalloc(1, sizeof(*s));
	s->next = *b;
	*b = s;
	*ARRAY_PUSH(c->files, c->nr_files, c->alloc_files) = s;
	s->path = xstrdup(path);
	return s;
}

/* Fill a slot's facts: touches nothing but the slot, so threads may. */
static void slot_load(const struct chain_ctx *c, struct file_slot *s)
{
	bool overlaid = in_overlay(c, s->path);
	char *full, *buf;
	size_t len = 0;

	s->loaded = !overlaid && file_facts_cached(c->root, s->path, &s->facts);
	if (!s->loaded) {
		full = path_join(overlaid ? c->overlay : c->root, s->path);
		buf = read_file(full, &len);
		free(full);
		file_facts_scan(s->path, buf ? buf : "", buf ? len : 0,
				&s->facts);
		if (buf && !overlaid)
			file_facts_store(buf, len, &s->facts);
		s->loaded = buf != NULL;
		free(buf);
	}
	s->filled = true;
}

static const struct file_facts *facts_of(struct chain_ctx *c,
					 const char *path)
{
	struct file_slot *s = slot_of(c, path);

	if (!s->filled)
		slot_load(c, s);
	return &s->facts;
}

static char *arch_dir(const char *path)
{
	const char *end;

	if (strncmp(path, "arch/", 5))
		return NULL;
	end = strchr(path + 5, '/');
	return end ? xstrndup(path, end - path) : NULL;
}

/* Whether a caller in file can reach def_file's function by its name. */
static bool can_link(struct chain_ctx *c, const char *file,
		     const char *def_file, bool is_static, const char *name)
{
	char *a = arch_dir(def_file), *b = arch_dir(file);
	bool ok = !a || !b || !strcmp(a, b);
	const struct file_facts *ff;
	size_t i;

	free(a);
	free(b);
	if (!ok || !strcmp(file, def_file))
		return ok;
	if (is_static && !str_ends_with(def_file, ".h"))
		return false;
	/* a static function of its own with that name hides ours */
	ff = facts_of(c, file);
	for (i = 0; i < ff->nr_fns; i++)
		if (ff->fns[i].is_static && !strcmp(ff->fns[i].name, name))
			return false;
	return true;
}

static struct name_memo *name_find(struct chain_ctx *c, const char *name)
{
	struct name_memo *n;

	n = c->names[id_hash(name, strlen(name)) % NAME_BUCKETS];
	for (; n; n = n->next)
		if (!strcmp(n->name, name))
			return n;
	return NULL;
}

static struct name_memo *name_new(struct chain_ctx *c, const char *name)
{
	struct name_memo **b, *n = xcalloc(1, sizeof(*n));

	b = &c->names[id_hash(name, strlen(name)) % NAME_BUCKETS];
	n->name = xstrdup(name);
	n->next = *b;
	*b = n;
	return n;
}

/*
 * The files that may name each of names[0..nr), asked of the name index
 * at once (one pass over it for the names it must answer); in review,
 * every patched copy may, whatever the tree's file said.  0, or -1 with
 * errno when the tree could not be indexed.
 */
static int prefetch(struct chain_ctx *c, char *const *names, size_t nr)
{
	int ret = name_files_prefetch(c->root, names, nr);
	struct name_memo *n;
	size_t k, i, alloc;

	for (k = 0; k < nr; k++) {
		if (name_find(c, names[k]))
			continue;
		n = name_new(c, names[k]);
		n->nr = name_files(c->root, names[k], &n->paths);
		alloc = n->nr;
		for (i = 0; i < c->nr_overlay; i++)
			if (!bsearch(&c->overlay_paths[i], n->paths, n->nr,
				     sizeof(*n->paths), cmp_path))
				*ARRAY_PUSH(n->paths, n->nr, alloc) =
					xstrdup(c->overlay_paths[i]);
		if (c->nr_overlay)
			qsort(n->paths, n->nr, sizeof(*n->paths), cmp_path);
	}
	return ret;
}

static const struct name_memo *files_naming(struct chain_ctx *c,
					     const char *name)
{
	char *const names[] = { (char *)name };

	prefetch(c, names, 1);
	return name_find(c, name);
}

/* Callers of name (defined in def_file), and how else it is reached. */
static size_t find_callers(struct chain_ctx *c, const char *name,
			   const char *def_file, bool is_static,
			   struct caller **out, const char **root_kind)
{
	const struct name_memo *nf = files_naming(c, name);
	size_t nr = 0, alloc = 0, i, j, k;

	*out = NULL;
	*root_kind = NULL;
	for (i = 0; i < nf->nr; i++) {
		const char *path = nf->paths[i];
		const struct file_facts *ff;

		if (!can_link(c, path, def_file, is_static, name))
			continue;
		ff = facts_of(c, path);
		for (j = 0; j < ff->nr_initcalls; j++)
			if (!strcmp(ff->initcalls[j], name))
				*root_kind = "initcall";
		for (j = 0; j < ff->nr_refs && !*root_kind; j++)
			if (!strcmp(ff->refs[j], name))
				*root_kind = "function pointer";
		for (j = 0; j < ff->nr_fns; j++)
			for (k = 0; k < ff->fns[j].nr_calls; k++) {
				const struct call_fact *cf = &ff->fns[j].calls[k];
				struct caller *cl;

				if (strcmp(cf->callee, name))
					continue;
				cl = ARRAY_PUSH(*out, nr, alloc);
				cl->ff = ff;
				cl->fn = &ff->fns[j];
				cl->call = cf;
			}
	}
	return nr;
}

static void set_step(struct chain_step *s, const struct chain_step *from)
{
	s->function = xstrdup(from->function);
	s->file = xstrdup(from->file);
	s->line = from->line;
}

/*
 * The chain of the functions on the stack, root first, after the first
 * nr_prefix steps of chain above (an index: pushing may move chains).
 */
static struct call_chain *prefixed_chain(struct walk *w, size_t above,
					 size_t nr_prefix)
{
	struct finding *f = w->f;
	struct call_chain *ch;
	size_t n = 0, i;
	int d;

	ch = ARRAY_PUSH(f->chains, f->nr_chains, f->alloc_chains);
	memset(ch, 0, sizeof(*ch));
	ch->nr_steps = nr_prefix + w->depth + 1;
	ch->steps = xcalloc(ch->nr_steps, sizeof(*ch->steps));
	for (i = 0; i < nr_prefix; i++)
		set_step(&ch->steps[n++], &f->chains[above].steps[i]);
	for (d = w->depth; d >= 0; d--) {
		set_step(&ch->steps[n++], &w->stack[d]);
		ch->boot_only |= w->boot[d];
	}
	for (i = 0; i < n && !ch->arch; i++)
		ch->arch = arch_dir(ch->steps[i].file);
	return ch;
}

/* The chain of the functions on the stack, root first. */
static struct call_chain *new_chain(struct walk *w)
{
	return prefixed_chain(w, 0, 0);
}

static bool on_stack(const struct walk *w, const char *file,
		     const char *name)
{
	int i;

	for (i = 0; i <= w->depth; i++)
		if (!strcmp(w->stack[i].file, file) &&
		    !strcmp(w->stack[i].function, name))
			return true;
	return false;
}

static void push(struct walk *w, const struct caller *cl)
{
	w->depth++;
	w->stack[w->depth].function = cl->fn->name;
	w->stack[w->depth].file = cl->ff->path;
	w->stack[w->depth].line = cl->call->line;
	w->boot[w->depth] = cl->fn->boot_only;
}

static void synced_chain(struct walk *w, const struct caller *cl)
{
	struct call_chain *ch;

	push(w, cl);
	ch = new_chain(w);
	w->depth--;
	ch->synced = true;
	ch->sync_function = xstrdup(cl->fn->name);
	ch->sync_call = xstrdup(cl->call->sync_name);
	ch->sync_file = xstrdup(cl->ff->path);
	ch->sync_line = cl->call->sync_line;
}

static void up(struct walk *w, bool is_static);

static struct seen *seen_find(struct walk *w, const char *file,
			      const char *name)
{
	size_t i;

	for (i = 0; i < w->nr_seen; i++)
		if (w->seen[i].file == file && !strcmp(w->seen[i].name, name))
			return &w->seen[i];
	return NULL;
}

/*
 * The arch a chain runs on once its steps above the joined function
 * (the first nr_above) join the stack's, or "" for both.  Only those
 * steps count: below the join the chain ran through another caller (an
 * arm64 vmemmap_populate() says nothing of the generic code above it
 * that x86's also reaches).
 */
static char *joined_arch(const struct walk *w, const struct call_chain *ch,
			 size_t nr_above)
{
	char *a = NULL, *b = NULL;
	size_t i;
	int d;

	for (d = 0; d <= w->depth && !a; d++)
		a = arch_dir(w->stack[d].file);
	for (i = 0; i < nr_above && !b; i++)
		b = arch_dir(ch->steps[i].file);
	if (a && b && strcmp(a, b)) {
		free(a);
		free(b);
		return xstrdup("");	/* arch/A never calls arch/B */
	}
	if (!a)
		return b;
	free(b);
	return a;
}

/* Lower is worse: open where exposed, then cut, synced, unexposed, boot. */
static int join_rank(const struct walk *w, const struct call_chain *ch,
		     const char *arch)
{
	if (ch->boot_only)
		return 4;
	if (ch->synced)
		return 2;
	if (!w->exposed(w->f, arch ? arch + strlen("arch/") : NULL, w->data))
		return 3;
	return ch->cut ? 1 : 0;
}

/* Where fn of file is in ch, or nr_steps. */
static size_t step_of(const struct call_chain *ch, const char *file,
		      const char *fn)
{
	size_t i;

	for (i = 0; i < ch->nr_steps; i++)
		if (!strcmp(ch->steps[i].file, file) &&
		    !strcmp(ch->steps[i].function, fn))
			return i;
	return ch->nr_steps;
}

/*
 * A function reached again by another path: its chains above are not
 * walked again; this path borrows the worst of them that runs on its
 * arch (so that text shows a whole chain, and an x86 path is not judged
 * by an arm64 caller).
 */
static void join(struct walk *w, const struct seen *sn)
{
	const struct call_chain *ch, *above;
	struct call_chain *j;
	size_t i, best = 0, k;
	int rank, best_rank = 5;
	char *arch;

	for (i = sn->first; i < sn->last; i++) {
		ch = &w->f->chains[i];
		arch = joined_arch(w, ch, step_of(ch, sn->file, sn->name));
		rank = arch && !*arch ? 5 : join_rank(w, ch, arch);
		free(arch);
		if (rank < best_rank ||
		    (rank == best_rank && ch->nr_steps <
					  w->f->chains[best].nr_steps)) {
			best = i;
			best_rank = rank;
		}
	}
	if (best_rank == 5)
		return;		/* nothing above runs on this arch */
	k = step_of(&w->f->chains[best], sn->file, sn->name);
	j = prefixed_chain(w, best, k);
	above = &w->f->chains[best];
	j->synced = above->synced;
	j->boot_only |= above->boot_only;
	j->cut = above->cut;
	j->root = above->root ? xstrdup(above->root) : NULL;
	if (above->synced) {
		j->sync_function = xstrdup(above->sync_function);
		j->sync_call = xstrdup(above->sync_call);
		j->sync_file = xstrdup(above->sync_file);
		j->sync_line = above->sync_line;
	}
}

/* A chain runs on one arch: arch/A code never calls arch/B code. */
static bool mixes_arches(const struct walk *w, const char *file)
{
	char *a = arch_dir(file), *b;
	bool mixed = false;
	int i;

	for (i = 0; a && i <= w->depth && !mixed; i++) {
		b = arch_dir(w->stack[i].file);
		mixed = b && strcmp(a, b);
		free(b);
	}
	free(a);
	return mixed;
}

static void follow(struct walk *w, const struct caller *cl)
{
	struct call_chain *ch;
	struct seen *sn;
	size_t first;

	if (mixes_arches(w, cl->ff->path))
		return;

	if (w->f->nr_chains >= CHAIN_MAX)
		return;
	if (cl->call->synced) {
		synced_chain(w, cl);
		return;
	}
	if (on_stack(w, cl->ff->path, cl->fn->name))
		return;		/* recursion: the outer call covers it */
	push(w, cl);
	sn = seen_find(w, cl->ff->path, cl->fn->name);
	first = w->f->nr_chains;
	if (sn) {
		join(w, sn);
	} else if (cl->fn->boot_only) {
		/* boot-only from here up, whoever calls it */
		ch = new_chain(w);
		ch->root = xasprintf("boot-only: %s() is __init", cl->fn->name);
	} else if (w->depth == CHAIN_MAX_DEPTH) {
		ch = new_chain(w);
		ch->cut = true;
		ch->root = xasprintf("cut at %d callers", CHAIN_MAX_DEPTH);
	} else {
		up(w, cl->fn->is_static);
		sn = ARRAY_PUSH(w->seen, w->nr_seen, w->alloc_seen);
		sn->file = cl->ff->path;
		sn->name = cl->fn->name;
		sn->first = first;
		sn->last = w->f->nr_chains;
	}
	w->depth--;
}

static const struct callers_memo *callers_of(struct chain_ctx *c,
					     const char *name,
					     const char *def_file,
					     bool is_static)
{
	struct callers_memo **b, *m;

	b = &c->memo[id_hash(name, strlen(name)) % NAME_BUCKETS];
	for (m = *b; m; m = m->next)
		if (m->is_static == is_static && !strcmp(m->name, name) &&
		    !strcmp(m->def_file, def_file))
			return m;
	m = xcalloc(1, sizeof(*m));
	m->name = xstrdup(name);
	m->def_file = xstrdup(def_file);
	m->is_static = is_static;
	m->nr = find_callers(c, name, def_file, is_static, &m->v,
			     &m->root_kind);
	m->next = *b;
	*b = m;
	return m;
}

/* Chains through every caller of the function at the top of the stack. */
static void up(struct walk *w, bool is_static)
{
	const struct chain_step *top = &w->stack[w->depth];
	const struct callers_memo *m;
	const struct caller *cl;
	const char *kind;
	struct call_chain *ch;
	size_t nr, i;

	m = callers_of(w->ctx, top->function, top->file, is_static);
	cl = m->v;
	nr = m->nr;
	kind = m->root_kind;
	if (!*top->function)
		kind = "file scope";
	else if (!nr && !kind)
		kind = "no in-tree caller";
	if (kind && w->f->nr_chains < CHAIN_MAX) {
		ch = new_chain(w);
		ch->root = xstrdup(kind);
	}
	for (i = 0; i < nr; i++)
		follow(w, &cl[i]);
	if (w->f->nr_chains >= CHAIN_MAX && w->f->nr_chains &&
	    !w->f->chains[w->f->nr_chains - 1].cut) {
		ch = &w->f->chains[w->f->nr_chains - 1];
		ch->cut = true;
		if (!ch->root)
			ch->root = xasprintf("cut at %d chains", CHAIN_MAX);
	}
}

static bool site_static(struct chain_ctx *c, const struct finding *f,
			bool *boot)
{
	const struct file_facts *ff = facts_of(c, f->file);
	size_t i;

	*boot = str_starts_with(f->section, "__init");
	for (i = 0; i < ff->nr_fns; i++)
		if (!strcmp(ff->fns[i].name, f->function))
			return ff->fns[i].is_static;
	return false;
}

static void chains_of_finding(struct chain_ctx *c, struct finding *f,
			      chain_exposed_fn *exposed, void *data)
{
	struct walk w = { .ctx = c, .f = f, .exposed = exposed, .data = data };
	bool is_static;

	if (f->chains || f->owner || f->unanalyzed)
		return;
	w.stack[0].function = f->function;
	w.stack[0].file = f->file;
	w.stack[0].line = f->line;
	is_static = site_static(c, f, &w.boot[0]);
	if (f->synced_locally) {
		struct call_chain *ch = new_chain(&w);

		ch->synced = true;
		ch->sync_function = xstrdup(f->function);
		ch->sync_file = xstrdup(f->file);
		ch->sync_call = xstrdup("a sync later in the function");
		return;
	}
	up(&w, is_static);
	free(w.seen);
}

struct chain_ctx *chain_ctx_new(const char *root, const char *overlay,
				char *const *overlay_paths, size_t nr_overlay)
{
	struct chain_ctx *c = xcalloc(1, sizeof(*c));

	c->root = root;
	c->overlay = overlay;
	c->overlay_paths = overlay_paths;
	c->nr_overlay = nr_overlay;
	/* while spatch runs, when the stored answers will not do */
	name_files_preload(root);
	return c;
}

void chain_ctx_free(struct chain_ctx *c)
{
	size_t i, j;

	if (!c)
		return;
	name_files_settle(c->root);
	file_facts_flush();
	for (i = 0; i < c->nr_files; i++) {
		free(c->files[i]->path);
		file_facts_free(&c->files[i]->facts);
		free(c->files[i]);
	}
	free(c->files);
	for (i = 0; i < NAME_BUCKETS; i++)
		while (c->memo[i]) {
			struct callers_memo *m = c->memo[i];

			c->memo[i] = m->next;
			free((char *)m->name);
			free((char *)m->def_file);
			free(m->v);
			free(m);
		}
	for (i = 0; i < NAME_BUCKETS; i++)
		while (c->names[i]) {
			struct name_memo *n = c->names[i];

			c->names[i] = n->next;
			free(n->name);
			for (j = 0; j < n->nr; j++)
				free(n->paths[j]);
			free(n->paths);
			free(n);
		}
	free(c);
}

/* A function a level of the prefetch asks for, where it is defined. */
struct wanted_fn {
	const char *name, *def_file;
	bool is_static;
};

static void add_wanted(struct wanted_fn **v, size_t *nr, size_t *alloc,
		       const char *name, const char *def_file, bool is_static)
{
	struct wanted_fn *w;
	size_t i;

	for (i = 0; i < *nr; i++)
		if (!strcmp((*v)[i].name, name) &&
		    !strcmp((*v)[i].def_file, def_file))
			return;
	w = ARRAY_PUSH(*v, *nr, *alloc);
	w->name = name;
	w->def_file = def_file;
	w->is_static = is_static;
}

/*
 * What can_link() decides from the paths alone: a file of another
 * arch/ directory cannot call w, nor can another file call w when it
 * is static in a .c file.  A file that passes may still fail
 * can_link() (its own static function of that name hides w); telling
 * that would mean lexing it, which is what is being saved here: `main`
 * and `connect`, static in the files of a chain, are named by thousands
 * of files of tools/ and drivers/.
 */
static bool may_link(const char *file, const struct wanted_fn *w)
{
	char *a = arch_dir(w->def_file), *b = arch_dir(file);
	bool ok = !a || !b || !strcmp(a, b);

	free(a);
	free(b);
	if (!ok || !strcmp(file, w->def_file))
		return ok;
	return !w->is_static || str_ends_with(w->def_file, ".h");
}

struct fill_pool {
	const struct chain_ctx *c;
	struct file_slot **v;
	size_t nr;
	atomic_size_t next;
};

static void *fill_worker(void *arg)
{
	struct fill_pool *p = arg;
	size_t i;

	while ((i = atomic_fetch_add(&p->next, 1)) < p->nr)
		slot_load(p->c, p->v[i]);
	return NULL;
}

/*
 * Read the facts of every file that may call one of level[0..nr), on
 * every CPU: a cold check lexes thousands of files here, after spatch,
 * with nothing else left to run beside it.
 */
static void fill_files(struct chain_ctx *c, const struct wanted_fn *level,
		       size_t nr)
{
	struct fill_pool p = { .c = c };
	const struct name_memo *nf;
	struct file_slot *s;
	size_t alloc = 0, k, i;
	pthread_t *tids;
	int jobs = default_jobs(), started = 0;

	for (k = 0; k < nr; k++) {
		nf = name_find(c, level[k].name);
		for (i = 0; nf && i < nf->nr; i++) {
			if (!may_link(nf->paths[i], &level[k]))
				continue;
			s = slot_of(c, nf->paths[i]);
			if (!s->filled && !s->queued) {
				s->queued = true;
				*ARRAY_PUSH(p.v, p.nr, alloc) = s;
			}
		}
	}
	atomic_init(&p.next, 0);
	tids = xcalloc(jobs, sizeof(*tids));
	while (started + 1 < jobs && (size_t)started + 1 < p.nr &&
	       !pthread_create(&tids[started], NULL, fill_worker, &p))
		started++;
	fill_worker(&p);
	while (started)
		pthread_join(tids[--started], NULL);
	free(tids);
	free(p.v);
}

/* The functions calling any of level[], but for synced and __init calls. */
static void callers_level(struct chain_ctx *c, const struct wanted_fn *level,
			  size_t nr, struct wanted_fn **next, size_t *nr_next,
			  size_t *alloc)
{
	const struct name_memo *nf;
	const struct file_facts *ff;
	const struct fn_fact *fn;
	size_t k, i, j, m;

	for (k = 0; k < nr; k++) {
		nf = name_find(c, level[k].name);
		for (i = 0; nf && i < nf->nr; i++) {
			if (!may_link(nf->paths[i], &level[k]))
				continue;
			ff = facts_of(c, nf->paths[i]);
			for (j = 0; j < ff->nr_fns; j++) {
				fn = &ff->fns[j];
				if (fn->boot_only || name_find(c, fn->name))
					continue;
				for (m = 0; m < fn->nr_calls; m++)
					if (!fn->calls[m].synced &&
					    !strcmp(fn->calls[m].callee,
						    level[k].name))
						break;
				if (m < fn->nr_calls)
					add_wanted(next, nr_next, alloc,
						   fn->name, nf->paths[i],
						   fn->is_static);
			}
		}
	}
}

/* The names of level[0..nr), each once, for the name index. */
static char **level_names(const struct wanted_fn *level, size_t nr,
			  size_t *nr_names)
{
	char **names = NULL;
	size_t alloc = 0, i, j;

	*nr_names = 0;
	for (i = 0; i < nr; i++) {
		for (j = 0; j < *nr_names; j++)
			if (!strcmp(names[j], level[i].name))
				break;
		if (j == *nr_names)
			*ARRAY_PUSH(names, *nr_names, alloc) =
				(char *)level[i].name;
	}
	return names;
}

/*
 * Find the files of the names the walks will ask for, level by level up
 * from the populations, a level per pass over the index; the walks then
 * find them known.  Bounded: what lies beyond is asked name by name.
 */
static int prefetch_levels(struct chain_ctx *c,
			   const struct finding_list *findings,
			   const bool *wanted)
{
	struct wanted_fn *level = NULL, *next;
	size_t nr = 0, alloc = 0, nr_next, alloc_next, total = 0, i, nr_names;
	const struct finding *f;
	char **names;
	bool boot;
	int depth, ret = 0;

	for (i = 0; i < findings->nr; i++) {
		f = &findings->items[i];
		if (wanted[i] && *f->function)
			add_wanted(&level, &nr, &alloc, f->function, f->file,
				   site_static(c, f, &boot));
	}
	for (depth = 0; nr && depth < CHAIN_MAX_DEPTH &&
	     total < PREFETCH_MAX && !ret; depth++) {
		names = level_names(level, nr, &nr_names);
		ret = prefetch(c, names, nr_names);
		free(names);
		total += nr_names;
		fill_files(c, level, nr);
		next = NULL;
		nr_next = alloc_next = 0;
		callers_level(c, level, nr, &next, &nr_next, &alloc_next);
		free(level);
		level = next;
		nr = nr_next;
		alloc = alloc_next;
	}
	free(level);
	return ret;
}

/* Keep the chains with what the walks read: their files and names. */
static void store_chains(struct chain_ctx *c, const struct cache_key *k,
			 const struct finding_list *findings,
			 const bool *wanted)
{
	char **files = xcalloc(c->nr_files + 1, sizeof(*files)), **names = NULL;
	size_t i, nr_names = 0, alloc = 0;
	struct name_memo *n;

	for (i = 0; i < c->nr_files; i++)
		files[i] = c->files[i]->path;
	for (i = 0; i < NAME_BUCKETS; i++)
		for (n = c->names[i]; n; n = n->next)
			*ARRAY_PUSH(names, nr_names, alloc) = n->name;
	chain_cache_store(c->root, k, findings, wanted, files, c->nr_files,
			  names, nr_names);
	free(files);
	free(names);
}

int chains_compute(struct chain_ctx *c, struct finding_list *findings,
		   const bool *wanted, chain_exposed_fn *exposed, void *data)
{
	struct cache_key k;
	bool keyed;
	size_t i;

	/* in review the patched copies stand in: no record of those */
	keyed = !c->overlay && chain_cache_key(c->root, findings, wanted,
					       exposed, data, &k);
	if (keyed && chain_cache_replay(c->root, &k, findings, wanted))
		return 0;
	if (prefetch_levels(c, findings, wanted))
		return -1;
	for (i = 0; i < findings->nr; i++)
		if (wanted[i])
			chains_of_finding(c, &findings->items[i], exposed,
					  data);
	if (keyed)
		store_chains(c, &k, findings, wanted);
	/* the facts of the files read, in a few objects (scan/calls.h) */
	file_facts_flush();
	return 0;
}
