// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/diag.h"
#include "pipeline/pipeline.h"
#include "analyse/spatch.h"
#include "classify/classify.h"
#include "interproc/chains.h"
#include "interproc/interproc.h"
#include "lib/cache.h"
#include "lib/util.h"

static void show_progress(size_t done, size_t total)
{
	fprintf(stderr, "\rptsync: analysed %zu/%zu files", done, total);
	if (done == total)
		fputs("\r\033[K", stderr);
}

static void warn_failed_files(const struct analysis *an)
{
	size_t i;

	for (i = 0; i < an->nr_files; i++)
		if (an->files[i].status == FILE_CRASHED ||
		    an->files[i].status == FILE_TIMED_OUT)
			diag_warn("%s: %s; its calls are listed as unanalyzed",
				an->files[i].path, an->files[i].detail);
}

/*
 * Chains are tree-wide: in review the tree is the kernel beside the
 * patched copies, which stand in for the files they hold.
 */
static struct chain_ctx *start_chains(const struct pipeline_opts *o,
				      const struct pipeline *p)
{
	bool overlay = o->model_root && strcmp(o->model_root, o->root);

	if (!p->scan.nr_sites)
		return NULL;
	if (o->chain_overlay)
		return chain_ctx_new(o->root, o->chain_overlay,
				     o->chain_overlay_paths,
				     (size_t)o->nr_chain_overlay);
	return chain_ctx_new(overlay ? o->model_root : o->root,
			     overlay ? o->root : NULL, o->paths,
			     overlay ? (size_t)o->nr_paths : 0);
}

/*
 * The copies of review stand in for a few files of the kernel tree
 * beside them, where the callers are looked for by name and the chains
 * walk.  Scanned whole through the stat index, a tree that was checked
 * before costs a stat per file and no read, and then the files naming a
 * function come from the answers stored per name (scan/name_index.h)
 * instead of the tree's whole identifier index, which a tree not scanned
 * in the run must load and check file by file.  true when the scan saw
 * every file.
 */
static bool scan_beside(const struct pipeline_opts *o, bool *has_helpers)
{
	struct scan_result whole;
	struct hash128 h;
	bool ok;

	/* without a cache the layers above grep and hash as before */
	if (!o->model_root || !strcmp(o->model_root, o->root) ||
	    !cache_enabled())
		return false;
	memset(&whole, 0, sizeof(whole));
	ok = !scan_tree_indexed(o->model_root, NULL, 0, o->jobs, &whole) &&
	     scan_tree_fingerprint(o->model_root, &h);
	*has_helpers = scan_has_helpers(&whole);
	scan_result_free(&whole);
	return ok;
}

/*
 * The scan beside the copies and the start of the chains' index need
 * nothing from spatch: on a second core they take the time spatch
 * spends on the touched files.  Joined before the cross-function stage.
 */
struct beside {
	const struct pipeline_opts *o;
	const struct pipeline *p;
	struct chain_ctx *chains;
	bool scanned;		/* the tree was scanned whole */
	bool has_helpers;	/* and defines the _kernel helpers */
	pthread_t tid;
	bool running;
};

static void *beside_main(void *arg)
{
	struct beside *b = arg;

	b->scanned = scan_beside(b->o, &b->has_helpers);
	b->chains = start_chains(b->o, b->p);
	return NULL;
}

static void beside_start(struct beside *b, const struct pipeline_opts *o,
			 const struct pipeline *p)
{
	memset(b, 0, sizeof(*b));
	b->o = o;
	b->p = p;
	if (!p->scan.nr_sites)
		return;
	if (!o->model_root || !strcmp(o->model_root, o->root)) {
		b->chains = start_chains(o, p);
		return;
	}
	b->running = !pthread_create(&b->tid, NULL, beside_main, b);
	if (!b->running)
		beside_main(b);
}

static struct chain_ctx *beside_wait(struct beside *b)
{
	if (b && b->running) {
		pthread_join(b->tid, NULL);
		b->running = false;
	}
	return b ? b->chains : NULL;
}

/* b: the kernel tree beside the copies, scanned meanwhile, or NULL. */
static void analyse(const struct pipeline_opts *o, struct pipeline *p,
		    struct beside *b)
{
	struct spatch_config cfg;
	struct analysis an = { 0 };
	char **files, *cocci;
	size_t nr = crosscheck_candidates(&p->scan, &files), i;
	bool ran = false;

	spatch_config_init(&cfg, o->root, o->jobs, o->timeout, NULL);
	cfg.with_patch = o->with_patch;
	cocci = (char *)cfg.cocci;
	p->candidates = nr;
	if (o->progress && nr)
		cfg.progress = show_progress;
	if (!cocci) {
		p->tool_error = xstrdup("cannot find the semantic patch populate_kernel.cocci (set PTSYNC_COCCI)");
	} else if (nr && analyse_files(&cfg, files, nr, &an)) {
		p->tool_error = xasprintf("%s not found; install Debian's coccinelle package",
					  cfg.spatch);
	} else if (an.setup_error) {
		/* One message for the run; no per-file list of the same. */
		p->tool_error = xstrdup(an.setup_error);
		p->setup_error = true;
	} else {
		ran = nr > 0;
	}
	crosscheck(&p->scan, ran ? &an : NULL,
		   p->tool_error ? "not analysed: spatch could not run" : NULL,
		   &p->findings, &p->counts);
	if (ran)
		warn_failed_files(&an);
	if (ran && !o->count_only) {
		cfg.progress = NULL;
		cfg.with_patch = false;
		/* the callers by name need the tree's scan, if any */
		beside_wait(b);
		interproc_run(&cfg, o->model_root, &an, &p->scan, &p->findings);
	}
	analysis_free(&an);
	for (i = 0; i < nr; i++)
		free(files[i]);
	free(files);
	spatch_config_release(&cfg);	/* the environment, the cocci path */
}

static void build_model(const char *root, struct arch_model *model)
{
	if (arch_model_build(root, model))
		diag("cannot model the architectures of %s: %s",
			root, strerror(errno));
}

void shared_model_need(struct shared_model *s, const char *root)
{
	if (!s->built)
		build_model(root, &s->model);
	s->built = true;
}

struct model_job {
	const char *root;
	struct arch_model *model;
};

static void *model_thread(void *arg)
{
	struct model_job *job = arg;

	build_model(job->root, job->model);
	return NULL;
}

/*
 * The arch model and spatch need nothing from each other, and spatch's
 * processes leave a core idle while they start (its Python set-up waits
 * on shells) and when one batch ends first: the model is built in that
 * time rather than before spatch starts.  Only the model's own code runs
 * in the thread; a thread that cannot start builds it here instead.
 */
static void analyse_with_model(const struct pipeline_opts *o,
			       struct pipeline *p, const char *model_root,
			       struct arch_model *model, struct beside *b)
{
	struct model_job job = { .root = model_root, .model = model };
	pthread_t tid;
	bool started = !pthread_create(&tid, NULL, model_thread, &job);

	analyse(o, p, b);
	if (started)
		pthread_join(tid, NULL);
	else
		build_model(model_root, model);
}

/*
 * Whether the scan has a site outside the approved helpers: each is a
 * finding whatever spatch says (analyse/crosscheck.h), and a finding's
 * classification needs the model.
 */
static bool will_find(const struct scan_result *scan)
{
	size_t i;

	for (i = 0; i < scan->nr_sites; i++)
		if (!scan->sites[i].in_helper)
			return true;
	return false;
}

static bool exposed_on_arch(const struct finding *f, const char *arch,
			    void *model)
{
	return arch_exposed(f, arch, model);
}

/*
 * Only a finding exposed on some variant has a severity that its chains
 * can change; walking the callers of a latent ioremap() through every
 * driver would cost seconds for nothing.
 */
static void find_chains(struct chain_ctx *c, struct pipeline *p,
			const struct arch_model *model)
{
	bool *wanted = xcalloc(p->findings.nr + 1, sizeof(*wanted));
	size_t i, j, n = 0;

	for (i = 0; c && i < p->findings.nr; i++) {
		const struct finding *f = &p->findings.items[i];

		for (j = 0; f->exposure && j < model->nr_variants; j++)
			wanted[i] |= f->exposure[j] == EXPOSURE_EXPOSED;
		n += wanted[i];
	}
	if (n && chains_compute(c, &p->findings, wanted, exposed_on_arch,
				(void *)model))
		diag_warn("cannot index the tree for call chains: %s",
			  strerror(errno));
	else if (n)	/* judge again, with the chains */
		classify_findings(&p->findings, model);
	chain_ctx_free(c);
	free(wanted);
}

int pipeline_run(const struct pipeline_opts *o, struct pipeline *p)
{
	const char *model_root = o->model_root ? o->model_root : o->root;
	struct shared_model *shared = o->shared_model;
	const struct arch_model *model;
	struct chain_ctx *chains;
	struct beside b;

	memset(p, 0, sizeof(*p));
	if ((o->indexed ? scan_tree_indexed : scan_tree)(o->root, o->paths,
							  o->nr_paths, o->jobs,
							  &p->scan))
		return -1;
	if (o->count_only) {
		analyse(o, p, NULL);
		return 0;
	}
	beside_start(&b, o, p);
	if (!shared) {
		analyse_with_model(o, p, model_root, &p->model, &b);
	} else if (!shared->built && will_find(&p->scan)) {
		/* review's copies: built while spatch runs, not after it */
		analyse_with_model(o, p, model_root, &shared->model, &b);
		shared->built = true;
	} else {
		analyse(o, p, &b);
	}
	chains = beside_wait(&b);
	p->helpers_known = b.scanned;
	p->has_helpers = b.has_helpers;
	if (shared && p->findings.nr)
		shared_model_need(shared, model_root);
	model = shared ? &shared->model : &p->model;
	if (!shared || p->findings.nr)
		classify_findings(&p->findings, model);
	find_chains(chains, p, model);
	return 0;
}

bool pipeline_report_problems(const struct pipeline *p)
{
	bool incomplete = false;
	size_t i;

	for (i = 0; i < p->scan.nr_problems; i++) {
		const struct scan_problem *pr = &p->scan.problems[i];
		bool skipped = !str_starts_with(pr->reason, "invalid UTF-8");

		if (skipped)
			diag_error("%s: %s", pr->path, pr->reason);
		else
			diag_note("%s: %s", pr->path, pr->reason);
		incomplete |= skipped;
	}
	if (p->tool_error)
		diag("%s", p->tool_error);
	return incomplete || p->tool_error;
}

void pipeline_summary(const struct pipeline *p, const char *root,
		      bool interrupted, struct check_summary *s)
{
	size_t i;

	memset(s, 0, sizeof(*s));
	s->root = root;
	s->files_scanned = p->scan.files_scanned;
	s->candidates = p->candidates;
	s->sites = p->scan.nr_sites;
	s->in_helper = p->counts.in_helper;
	s->helpers = p->scan.helpers;
	s->nr_helpers = p->scan.nr_helpers;
	s->problems = p->scan.problems;
	s->nr_problems = p->scan.nr_problems;
	s->direct = p->counts.direct;
	s->unanalyzed = p->counts.unanalyzed;
	s->interrupted = interrupted;
	for (i = 0; i < p->findings.nr; i++)
		s->by_severity[p->findings.items[i].severity]++;
}

void pipeline_free(struct pipeline *p)
{
	finding_list_free(&p->findings);
	arch_model_free(&p->model);
	scan_result_free(&p->scan);
	free(p->tool_error);
}
