// SPDX-License-Identifier: GPL-2.0-only
/*
 * The proposed fix is the semantic patch's own rewrite, run in patch mode
 * on the patched copies: the review then suggests exactly what "ptsync
 * convert" would do.  Its diff is cut into hunks; a finding's rewrite is
 * the run of changed lines that removes the finding's line.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyse/spatch.h"
#include "lib/util.h"
#include "review/review.h"
#include "scan/scan.h"

/* A run of changed lines in a hunk, in the patched file's numbering. */
struct block {
	int start, end;		/* the '-' lines; end < start: none */
	size_t first, last;	/* its lines in the hunk */
};

static struct line_edit *block_edit(const struct hunk *h,
				    const struct block *b)
{
	struct line_edit *e = xcalloc(1, sizeof(*e));
	size_t i;

	e->start = b->start;
	e->end = b->end;
	for (i = b->first; i <= b->last; i++) {
		if (h->lines[i].kind != '+')
			continue;
		if (e->text)
			str_append(&e->text, xasprintf("\n%s", h->lines[i].text));
		else
			e->text = xstrdup(h->lines[i].text);
	}
	if (!e->text)
		e->text = xstrdup("");
	return e;
}

/* The next block of h at or after *i; false when there is none. */
static bool next_block(const struct hunk *h, size_t *i, int *line,
		       struct block *b)
{
	while (*i < h->nr_lines && h->lines[*i].kind == ' ') {
		(*line)++;
		(*i)++;
	}
	if (*i >= h->nr_lines)
		return false;
	b->first = *i;
	b->start = *line;
	while (*i < h->nr_lines && h->lines[*i].kind != ' ') {
		*line += h->lines[*i].kind == '-';
		(*i)++;
	}
	b->last = *i - 1;
	b->end = *line - 1;
	return true;
}

static char *diff_header(const char *path)
{
	return xasprintf("--- a/%s\n+++ b/%s\n", path, path);
}

/* Whether block b, in a hunk of path, rewrites the line of it. */
static bool block_has(const struct review_item *it, const char *path,
		      const struct block *b)
{
	return !strcmp(it->f->file, path) && it->f->line >= b->start &&
	       it->f->line <= b->end;
}

/* Which blocks a fix keeps changed; the others stay as they were. */
struct keep {
	bool (*want)(const struct review *r, size_t k, const void *data);
	const void *data;
};

/*
 * Whether block b of a hunk of path stays changed in the fix: a block
 * that rewrites a finding's line belongs to the fixes that want that
 * finding; a block of no finding (the #include the rewrites need) to
 * every fix, wherever diff put it, in a hunk of its own or beside a
 * rewrite.
 */
static bool keep_block(const struct review *r, const char *path,
		       const struct block *b, const struct keep *kp)
{
	bool any = false;
	size_t k;

	for (k = 0; k < r->nr_items; k++) {
		if (!block_has(&r->items[k], path, b))
			continue;
		if (kp->want(r, k, kp->data))
			return true;
		any = true;
	}
	return !any;
}

/* Whether a block of h rewrites a finding the fix wants. */
static bool hunk_wanted(const struct review *r, const char *path,
			const struct hunk *h, const struct keep *kp)
{
	struct block b;
	size_t i = 0, k;
	int line = h->old_start;

	while (next_block(h, &i, &line, &b))
		for (k = 0; k < r->nr_items; k++)
			if (block_has(&r->items[k], path, &b) &&
			    kp->want(r, k, kp->data))
				return true;
	return false;
}

/* One hunk with the blocks not kept as context; NULL when none is kept. */
static char *hunk_keeping(const struct review *r, const char *path,
			  const struct hunk *h, const struct keep *kp,
			  int *delta)
{
	char *body = NULL, *text;
	size_t i = 0, j, from = 0;
	int line = h->old_start, new_count = 0;
	struct block b;
	bool kept = false, keep;

	while (next_block(h, &i, &line, &b)) {
		for (j = from; j < b.first; j++)
			str_append(&body, xasprintf(" %s\n", h->lines[j].text));
		new_count += b.first - from;
		keep = keep_block(r, path, &b, kp);
		kept |= keep;
		for (j = b.first; j <= b.last; j++) {
			char kind = h->lines[j].kind;

			if (!keep && kind == '+')
				continue;
			new_count += kind == '+' || !keep;
			str_append(&body, xasprintf("%c%s\n",
						    keep ? kind : ' ',
						    h->lines[j].text));
		}
		from = b.last + 1;
	}
	for (j = from; j < h->nr_lines; j++)
		str_append(&body, xasprintf(" %s\n", h->lines[j].text));
	new_count += h->nr_lines - from;
	if (!kept) {
		free(body);
		return NULL;
	}
	text = xasprintf("@@ -%d,%d +%d,%d @@\n%s", h->old_start,
			 h->old_count, h->old_start + *delta, new_count, body);
	*delta += new_count - h->old_count;
	free(body);
	return text;
}

/*
 * The file's diff with only the kept blocks changed; NULL when it has no
 * block of a wanted finding (its #include alone is no fix).
 */
static char *diff_keeping(const struct review *r, const char *path,
			  const struct file_diff *pf, const struct keep *kp)
{
	char *text = NULL, *hunk;
	int delta = 0;
	size_t i;

	for (i = 0; i < pf->nr_hunks; i++)
		if (hunk_wanted(r, path, &pf->hunks[i], kp))
			break;
	if (i == pf->nr_hunks)
		return NULL;
	for (i = 0; i < pf->nr_hunks; i++) {
		hunk = hunk_keeping(r, path, &pf->hunks[i], kp, &delta);
		if (hunk)
			str_append(&text, hunk);
	}
	hunk = diff_header(path);
	str_append(&hunk, text);
	return hunk;
}

char *review_fix_of(const struct review *r,
		    bool (*want)(const struct review *r, size_t k,
				 const void *data),
		    const void *data)
{
	struct keep kp = { .want = want, .data = data };
	char *fix = NULL;
	size_t i;

	for (i = 0; i < r->nr_rewrites; i++)
		str_append(&fix, diff_keeping(r, r->rewrites[i].path,
					      &r->rewrites[i].diff.files[0],
					      &kp));
	return fix;
}

static bool is_item(const struct review *r, size_t k, const void *data)
{
	return k == *(const size_t *)data;
}

static bool is_new(const struct review *r, size_t k, const void *data)
{
	return r->items[k].is_new;
}

/* Each finding a block of path rewrites: that block is its edit. */
static void attach_edits(struct review *r, const char *path,
			 const struct file_diff *pf)
{
	struct block b;
	size_t h, i, k;
	int line;

	for (h = 0; h < pf->nr_hunks; h++) {
		i = 0;
		line = pf->hunks[h].old_start;
		while (next_block(&pf->hunks[h], &i, &line, &b))
			for (k = 0; k < r->nr_items; k++) {
				struct review_item *it = &r->items[k];

				if (!it->edit && block_has(it, path, &b))
					it->edit = block_edit(&pf->hunks[h], &b);
			}
	}
}

static void add_rewrite(struct review *r, const char *path, const char *diff)
{
	const char *at = strstr(diff, "\n@@ ");
	struct review_rewrite *rw;
	char *text, *err = NULL;
	struct patch p = { 0 };

	if (!at)
		return;
	text = xasprintf("--- a/x\n+++ b/x%s", at);
	if (!diff_parse(text, 1, &p, &err) && p.nr_files == 1) {
		attach_edits(r, path, &p.files[0]);
		rw = ARRAY_PUSH(r->rewrites, r->nr_rewrites, r->alloc_rewrites);
		rw->path = xstrdup(path);
		rw->diff = p;
	} else {
		patch_free(&p);
	}
	free(err);
	free(text);
}

/*
 * A finding's fix builds alone: its own rewrite and the #include, the
 * rewrites of the findings beside it left out.
 */
static void attach_fixes(struct review *r)
{
	size_t k;

	for (k = 0; k < r->nr_items; k++)
		if (r->items[k].edit)
			r->items[k].fix = review_fix_of(r, is_item, &k);
	r->fix = review_fix_of(r, is_new, NULL);
}

/* The files with a convertible finding: the only ones spatch rewrites. */
static size_t fixable_files(const struct review *r, char ***files)
{
	size_t nr = 0, alloc = 0, i, j;

	*files = NULL;
	for (i = 0; i < r->nr_items; i++) {
		const struct finding *f = r->items[i].f;

		if (strcmp(f->rule, RULE_CONVERT))
			continue;
		for (j = 0; j < nr && strcmp((*files)[j], f->file); j++)
			;
		if (j == nr)
			*ARRAY_PUSH(*files, nr, alloc) = f->file;
	}
	return nr;
}

void review_attach_fixes(struct review *r, int timeout)
{
	struct spatch_config cfg;
	struct analysis an = { 0 };
	char **files, *cocci;
	size_t nr = fixable_files(r, &files), i;

	/*
	 * A fix calling helpers the tree lacks would not build.  The scan
	 * of the whole tree beside the copies, when it ran, already knows.
	 */
	if (nr && !scan_has_helpers(&r->post.scan) &&
	    !(r->post.helpers_known ? r->post.has_helpers :
	      scan_helpers_defined(r->kdir, NULL))) {
		r->no_helpers = true;
		free(files);
		return;
	}
	spatch_config_init(&cfg, r->post_root,
			   default_jobs(), timeout, "patch");
	cocci = (char *)cfg.cocci;
	if (nr && cocci && !analyse_files(&cfg, files, nr, &an))
		for (i = 0; i < an.nr_files; i++)
			if (an.files[i].status == FILE_ANALYSED &&
			    an.files[i].output)
				add_rewrite(r, an.files[i].path,
					    an.files[i].output);
	attach_fixes(r);
	analysis_free(&an);
	free(files);
	spatch_config_release(&cfg);	/* the environment, the cocci path */
}

void review_free(struct review *r)
{
	size_t i;

	for (i = 0; i < r->nr_items; i++) {
		if (r->items[i].edit)
			free(r->items[i].edit->text);
		free(r->items[i].edit);
		free(r->items[i].fix);
	}
	for (i = 0; i < r->nr_rewrites; i++) {
		free(r->rewrites[i].path);
		patch_free(&r->rewrites[i].diff);
	}
	free(r->rewrites);
	for (i = 0; i < r->nr_files; i++)
		review_file_free(&r->files[i]);
	free(r->files);
	for (i = 0; i < r->nr_marks; i++) {
		free(r->marks[i].file);
		free(r->marks[i].removed_text);
	}
	free(r->marks);
	free(r->items);
	free(r->fix);
	pipeline_free(&r->post);
}
