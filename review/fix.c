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

static char *hunk_text(const struct hunk *h, int delta)
{
	char *text = xasprintf("@@ -%d,%d +%d,%d @@\n", h->old_start,
			       h->old_count, h->old_start + delta, h->new_count);
	size_t i;

	for (i = 0; i < h->nr_lines; i++)
		str_append(&text, xasprintf("%c%s\n", h->lines[i].kind,
					       h->lines[i].text));
	return text;
}

static char *diff_header(const char *path)
{
	return xasprintf("--- a/%s\n+++ b/%s\n", path, path);
}

/* Whether a block of h rewrites the line of a finding in path. */
static bool hunk_fixes(const struct review *r, const char *path,
		       const struct hunk *h)
{
	struct block b;
	size_t i = 0, k;
	int line = h->old_start;

	while (next_block(h, &i, &line, &b))
		for (k = 0; k < r->nr_items; k++)
			if (!strcmp(r->items[k].f->file, path) &&
			    r->items[k].f->line >= b.start &&
			    r->items[k].f->line <= b.end)
				return true;
	return false;
}

/*
 * Attach the rewrites of one hunk to the findings it fixes, after the
 * file's header and prelude (the hunks that fix no finding, shifting
 * the lines by delta); say whether the hunk belongs in the review's fix:
 * it fixes a new finding, or it fixes none (an added #include).
 */
static bool attach_hunk(struct review *r, const char *path,
			const struct hunk *h, const char *prelude, int delta)
{
	struct block b;
	size_t i = 0, k;
	int line = h->old_start;
	bool any = false, new = false;

	while (next_block(h, &i, &line, &b)) {
		for (k = 0; k < r->nr_items; k++) {
			struct review_item *it = &r->items[k];

			if (it->edit || strcmp(it->f->file, path) ||
			    it->f->line < b.start || it->f->line > b.end)
				continue;
			it->edit = block_edit(h, &b);
			it->fix = diff_header(path);
			str_append(&it->fix, xstrdup(prelude ? prelude : ""));
			it->fix_own = strlen(it->fix);
			str_append(&it->fix, hunk_text(h, delta));
			any = true;
			new |= it->is_new;
		}
	}
	return new || !any;
}

/*
 * The hunks of a file that fix no finding, as text: the #include the
 * rewrites need, put before each finding's own hunk.  *delta: the lines
 * they add.
 */
static char *prelude_of(const struct review *r, const char *path,
			const struct file_diff *pf, int *delta)
{
	char *text = NULL;
	size_t i;

	*delta = 0;
	for (i = 0; i < pf->nr_hunks; i++) {
		const struct hunk *h = &pf->hunks[i];

		if (hunk_fixes(r, path, h))
			continue;
		str_append(&text, hunk_text(h, *delta));
		*delta += h->new_count - h->old_count;
	}
	return text;
}

static void attach_file(struct review *r, const char *path, const char *diff)
{
	const char *at = strstr(diff, "\n@@ ");
	char *text, *err = NULL, *fix = NULL, *prelude = NULL;
	struct patch p = { 0 };
	size_t i;
	int delta = 0, prelude_delta;

	if (!at)
		return;
	text = xasprintf("--- a/x\n+++ b/x%s", at);
	if (!diff_parse(text, 1, &p, &err) && p.nr_files == 1) {
		prelude = prelude_of(r, path, &p.files[0], &prelude_delta);
		for (i = 0; i < p.files[0].nr_hunks; i++) {
			struct hunk *h = &p.files[0].hunks[i];

			if (!attach_hunk(r, path, h, prelude, prelude_delta))
				continue;
			str_append(&fix, hunk_text(h, delta));
			delta += h->new_count - h->old_count;
		}
	}
	if (fix && r->nr_new) {
		str_append(&r->fix, diff_header(path));
		str_append(&r->fix, fix);
	} else {
		free(fix);
	}
	free(prelude);
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
