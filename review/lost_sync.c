// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rule unsynced-path, second shape: the patch takes away the sync that
 * closed a chain.  Deleting x86 vmemmap_populate()'s sync_global_pgds(),
 * moving it before the call, or into another branch adds no call at all,
 * yet every chain through that call is open afterwards.
 *
 * A lost sync is found lexically, file by file: a call of the patched
 * copy that no sync follows on its path, whose line was there before and
 * was followed by one (scan/calls.c on both copies, lines matched through
 * the diff of the two).  Only then is the rest of the tree needed: the
 * populations below that call are mostly in files the patch does not
 * touch, so the kernel tree is checked whole, with the patched copies
 * standing in for their files in the chains.
 *
 * Where the finding goes: on the post-image line nearest to the sync the
 * patch removed.  A deleted line has no line of its own afterwards; it
 * lands on the line that now stands in its place (the first line after
 * the deletion, or the line that replaced it), which is in the hunk, so
 * that a reviewer's comment and a GitHub annotation sit on the change.
 * A sync line that stays but no longer counts (an "else" or a "return"
 * put before it) is flagged on the first line the patch adds between the
 * call and the sync, or else on the sync itself.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/diag.h"
#include "lib/util.h"
#include "review/review.h"
#include "scan/calls.h"

struct lost_sync {
	const char *file;	/* a review file's path */
	const char *function, *callee;	/* in post's facts */
	int call_line;		/* in the post-image */
	char *sync_name;
	int sync_line;		/* in the pre-image */
	int line;		/* where the finding goes */
	bool removed;		/* the sync's line is gone, not bypassed */
	char *sync_text;	/* the pre-image line of the sync */
};

struct lost_set {
	struct lost_sync *v;
	size_t nr, alloc;
	struct file_facts *facts;	/* post's, which v points into */
	size_t nr_facts, alloc_facts;
};

/* The last line a hunk consumes before it: its start when it has none. */
static int hunk_end(int start, int count)
{
	return count ? start + count - 1 : start;
}

/* The pre-image line of post-image line n, or 0 when the patch adds it. */
static int post_to_pre(const struct file_diff *fd, int n)
{
	int delta = 0;
	size_t i;

	for (i = 0; i < fd->nr_hunks; i++) {
		const struct hunk *h = &fd->hunks[i];
		int first = h->new_count ? h->new_start : h->new_start + 1;

		if (n < first)
			break;
		if (h->new_count && n < h->new_start + h->new_count)
			return 0;
		delta = hunk_end(h->old_start, h->old_count) -
			hunk_end(h->new_start, h->new_count);
	}
	return n + delta;
}

/*
 * The post-image line of pre-image line n; for a line the patch removes
 * (*removed), the line that stands in its place.
 */
static int pre_to_post(const struct file_diff *fd, int n, int nr_lines,
		       bool *removed)
{
	int delta = 0, k;
	size_t i;

	*removed = false;
	for (i = 0; i < fd->nr_hunks; i++) {
		const struct hunk *h = &fd->hunks[i];
		int first = h->old_count ? h->old_start : h->old_start + 1;

		if (n < first)
			break;
		if (h->old_count && n < h->old_start + h->old_count) {
			*removed = true;
			k = n - h->old_start;
			if (h->new_count)
				return h->new_start +
				       (k < h->new_count ? k : h->new_count - 1);
			/* a pure deletion: the next line, or the last one */
			return h->new_start < nr_lines ? h->new_start + 1 :
							 nr_lines;
		}
		delta = hunk_end(h->new_start, h->new_count) -
			hunk_end(h->old_start, h->old_count);
	}
	return n + delta;
}

static const struct fn_fact *fn_named(const struct file_facts *ff,
				      const char *name)
{
	size_t i;

	for (i = 0; i < ff->nr_fns; i++)
		if (!strcmp(ff->fns[i].name, name))
			return &ff->fns[i];
	return NULL;
}

static const struct call_fact *call_at(const struct fn_fact *fn,
				       const char *callee, int line)
{
	size_t i;

	for (i = 0; fn && i < fn->nr_calls; i++)
		if (fn->calls[i].line == line &&
		    !strcmp(fn->calls[i].callee, callee))
			return &fn->calls[i];
	return NULL;
}

static int count_lines(const char *buf, size_t len)
{
	int n = 0;
	size_t i;

	for (i = 0; i < len; i++)
		n += buf[i] == '\n';
	return n + (len && buf[len - 1] != '\n');
}

/* Where a sync that stays but no longer counts is flagged. */
static int stay_line(const struct review_file *rf, int call, int sync)
{
	size_t i;

	for (i = 0; i < rf->nr_added; i++)
		if (rf->added[i] > call && rf->added[i] <= sync)
			return rf->added[i];
	return sync;
}

static void lost_in_fn(struct lost_set *set, const struct review_file *rf,
		       const struct file_diff *fd, const struct fn_fact *fn,
		       const struct fn_fact *before, const char *pre_path,
		       int nr_lines)
{
	const struct call_fact *c, *was;
	struct lost_sync *l;
	bool removed;
	size_t i;

	for (i = 0; i < fn->nr_calls; i++) {
		c = &fn->calls[i];
		if (c->synced)
			continue;
		was = call_at(before, c->callee, post_to_pre(fd, c->line));
		if (!was || !was->synced)
			continue;
		l = ARRAY_PUSH(set->v, set->nr, set->alloc);
		l->file = rf->path;
		l->function = fn->name;
		l->callee = c->callee;
		l->call_line = c->line;
		l->sync_name = xstrdup(was->sync_name);
		l->sync_line = was->sync_line;
		l->line = pre_to_post(fd, was->sync_line, nr_lines, &removed);
		l->removed = removed;
		if (!removed)
			l->line = stay_line(rf, c->line, l->line);
		l->sync_text = review_file_line(pre_path, rf->path,
						was->sync_line);
	}
}

static void lost_in_file(struct lost_set *set, const struct workdir *w,
			 const struct review_file *rf)
{
	char *pre_path = path_join(w->pre, rf->path);
	char *post_path = path_join(w->post, rf->path);
	char *pre_buf, *post_buf;
	size_t pre_len, post_len, i;
	struct file_facts before, *after;

	pre_buf = read_file(pre_path, &pre_len);
	post_buf = read_file(post_path, &post_len);
	if (pre_buf && post_buf && rf->diff) {
		file_facts_scan(rf->path, pre_buf, pre_len, &before);
		after = ARRAY_PUSH(set->facts, set->nr_facts,
				   set->alloc_facts);
		file_facts_scan(rf->path, post_buf, post_len, after);
		for (i = 0; i < after->nr_fns; i++)
			lost_in_fn(set, rf, &rf->diff->files[0], &after->fns[i],
				   fn_named(&before, after->fns[i].name),
				   w->pre, count_lines(post_buf, post_len));
		file_facts_free(&before);
	}
	free(pre_buf);
	free(post_buf);
	free(pre_path);
	free(post_path);
}

static const struct lost_sync *lost_at(const struct lost_set *set,
				       const struct call_chain *ch, size_t s)
{
	const struct chain_step *st = &ch->steps[s];
	size_t i;

	for (i = 0; i < set->nr; i++) {
		const struct lost_sync *l = &set->v[i];

		if (l->call_line == st->line && !strcmp(l->file, st->file) &&
		    !strcmp(l->function, st->function) &&
		    !strcmp(l->callee, ch->steps[s + 1].function))
			return l;
	}
	return NULL;
}

static void mark(struct review *r, const struct lost_sync *l)
{
	struct review_mark *m;

	m = ARRAY_PUSH(r->marks, r->nr_marks, r->alloc_marks);
	m->file = xstrdup(l->file);
	m->line = l->line;
	m->removed_text = l->sync_text ? xstrdup(l->sync_text) : NULL;
}

/* A first-column-to-end span of the flagged line, for the renderers. */
static void place(const struct review *r, struct finding *n,
		  const struct lost_sync *l)
{
	char *text = review_file_line(r->post_root, l->file, l->line);
	int col = 0;

	n->line = l->line;
	while (text && (text[col] == ' ' || text[col] == '\t'))
		col++;
	n->column = col;
	n->column_end = text && text[col] ? (int)strlen(text) : col + 1;
	free(text);
}

static void add_findings(struct review *r, const struct lost_set *set,
			 const struct finding_list *from, bool skip_touched,
			 size_t first_new, const struct arch_model *model)
{
	struct finding_list *l = &r->post.findings;
	const struct lost_sync *ls;
	struct finding *n;
	size_t i, c, s;
	char *reason;

	for (i = 0; i < from->nr; i++) {
		const struct finding *f = &from->items[i];

		if (skip_touched && review_touches(r, f->file))
			continue;
		for (c = 0; c < f->nr_chains; c++) {
			const struct call_chain *ch = &f->chains[c];

			if (!review_open_chain(f, ch, model))
				continue;
			for (s = 0; s + 1 < ch->nr_steps; s++) {
				ls = lost_at(set, ch, s);
				if (!ls || review_have_finding(l, first_new,
							       ls->file,
							       ls->line))
					continue;
				n = review_unsynced_add(r, l, f, ch, s,
							model->nr_variants);
				place(r, n, ls);
				reason = xasprintf(ls->removed ?
						   "%s; the patch removes the %s() that followed the call in %s() (line %d before it) and synced this path" :
						   "%s; the patch puts the %s() that followed the call in %s() (line %d before it) off this path: a return or another branch comes between",
						   n->reason, ls->sync_name,
						   ls->function, ls->sync_line);
				free(n->reason);
				n->reason = reason;
				mark(r, ls);
				/* from may be l itself: it may have moved */
				f = &from->items[i];
				ch = &f->chains[c];
			}
		}
	}
}

/*
 * The whole kernel tree's findings, with the patched copies in the
 * chains: the populations below a lost sync are anywhere.
 */
static int tree_findings(const struct review *r, const struct workdir *w,
			 int timeout, struct shared_model *model,
			 struct pipeline *p)
{
	struct pipeline_opts o = {
		.root = r->kdir, .model_root = r->kdir, .timeout = timeout,
		.jobs = default_jobs(), .indexed = true,
		.shared_model = model, .chain_overlay = w->post,
		.chain_overlay_paths = w->paths,
		.nr_chain_overlay = (int)w->nr_paths,
	};

	if (pipeline_run(&o, p)) {
		diag_warn("cannot check %s for the chains of a removed sync",
			  r->kdir);
		return -1;
	}
	return 0;
}

void review_add_lost_syncs(struct review *r, const struct workdir *w,
			   int timeout, struct shared_model *model)
{
	struct lost_set set = { 0 };
	struct pipeline tree;
	size_t i, first_new;

	for (i = 0; i < r->nr_files; i++)
		if (str_ends_with(r->files[i].path, ".c") ||
		    str_ends_with(r->files[i].path, ".h"))
			lost_in_file(&set, w, &r->files[i]);
	first_new = r->post.findings.nr;
	if (set.nr) {
		add_findings(r, &set, &r->post.findings, false, first_new,
			     &model->model);
		if (!tree_findings(r, w, timeout, model, &tree)) {
			add_findings(r, &set, &tree.findings, true, first_new,
				     &model->model);
			pipeline_free(&tree);
		}
	}
	for (i = 0; i < set.nr; i++) {
		free(set.v[i].sync_name);
		free(set.v[i].sync_text);
	}
	for (i = 0; i < set.nr_facts; i++)
		file_facts_free(&set.facts[i]);
	free(set.v);
	free(set.facts);
}
