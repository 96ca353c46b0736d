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

/* Which blocks a fix keeps changed; the others stay as they were. */
struct keep {
	size_t item;		/* this finding's block, or */
	bool all_new;		/* the blocks of every new finding */
	bool prelude;		/* and the blocks of no finding (#include) */
};

/*
 * Whether block b of a hunk of path stays changed in the fix: a block
 * that rewrites a finding's line belongs to that finding's fix alone; a
 * block of no finding (the #include the rewrites need) to every fix
 * with a prelude, wherever diff put it, in a hunk of its own or beside
 * a rewrite.
 */
static bool keep_block(const struct review *r, const char *path,
		       const struct block *b, const struct keep *kp)
{
	bool any = false;
	size_t k;

	for (k = 0; k < r->nr_items; k++) {
		const struct review_item *it = &r->items[k];

		if (strcmp(it->f->file, path) || it->f->line < b->start ||
		    it->f->line > b->end)
			continue;
		if (kp->all_new ? it->is_new : k == kp->item)
			return true;
		any = true;
	}
	return !any && kp->prelude;
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

/* The file's diff with only the kept blocks changed; NULL: none is. */
static char *diff_keeping(const struct review *r, const char *path,
			  const struct file_diff *pf, const struct keep *kp)
{
	char *text = NULL, *hunk;
	int delta = 0;
	size_t i;

	for (i = 0; i < pf->nr_hunks; i++) {
		hunk = hunk_keeping(r, path, &pf->hunks[i], kp, &delta);
		if (hunk)
			str_append(&text, hunk);
	}
	if (!text)
		return NULL;
	hunk = diff_header(path);
	str_append(&hunk, text);
	return hunk;
}

/*
 * Each finding of path that a block rewrites gets that block as its
 * edit, and as its fix the file's diff with its own block and the
 * #include changed: it builds alone, and the rewrites of the findings
 * beside it are left out.  fix_alone has its block only, for a reply
 * that printed the #include with an earlier finding of the file.
 */
static void attach_items(struct review *r, const char *path,
			 const struct file_diff *pf)
{
	struct keep with = { .prelude = true }, alone = { 0 };
	struct block b;
	size_t h, i, k;
	int line;

	for (h = 0; h < pf->nr_hunks; h++) {
		i = 0;
		line = pf->hunks[h].old_start;
		while (next_block(&pf->hunks[h], &i, &line, &b)) {
			for (k = 0; k < r->nr_items; k++) {
				struct review_item *it = &r->items[k];

				if (it->edit || strcmp(it->f->file, path) ||
				    it->f->line < b.start || it->f->line > b.end)
					continue;
				it->edit = block_edit(&pf->hunks[h], &b);
				with.item = alone.item = k;
				it->fix = diff_keeping(r, path, pf, &with);
				it->fix_alone = diff_keeping(r, path, pf, &alone);
			}
		}
	}
}

static void attach_file(struct review *r, const char *path, const char *diff)
{
	const char *at = strstr(diff, "\n@@ ");
	struct keep new = { .all_new = true, .prelude = true };
	char *text, *err = NULL, *fix;
	struct patch p = { 0 };

	if (!at)
		return;
	text = xasprintf("--- a/x\n+++ b/x%s", at);
	if (!diff_parse(text, 1, &p, &err) && p.nr_files == 1) {
		attach_items(r, path, &p.files[0]);
		/* no new finding's block in the file: nothing of it to fix */
		new.prelude = false;
		fix = diff_keeping(r, path, &p.files[0], &new);
		if (fix) {
			free(fix);
			new.prelude = true;
			str_append(&r->fix, diff_keeping(r, path, &p.files[0],
							 &new));
		}
	}
	free(err);
	free(text);
	patch_free(&p);
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
				attach_file(r, an.files[i].path, an.files[i].output);
	analysis_free(&an);
	free(files);
	free(cocci);
}

void review_free(struct review *r)
{
	size_t i;

	for (i = 0; i < r->nr_items; i++) {
		if (r->items[i].edit)
			free(r->items[i].edit->text);
		free(r->items[i].edit);
		free(r->items[i].fix);
		free(r->items[i].fix_alone);
	}
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
