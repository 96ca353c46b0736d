// SPDX-License-Identifier: GPL-2.0-only
/*
 * The review itself: the check on the touched C files before and after
 * the patch, each finding after it judged new or old, and the fixes.
 * The arch model always comes from the real tree, since the copies hold
 * only the touched files; it is built once, and only when there is a
 * finding to classify.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "lib/util.h"
#include "review/review.h"

/* The touched C files present under root, relative to it. */
static size_t c_files(const struct workdir *w, const char *root,
		      char ***paths)
{
	size_t nr = 0, alloc = 0, i;
	struct stat st;
	char *full;

	*paths = NULL;
	for (i = 0; i < w->nr_paths; i++) {
		const char *p = w->paths[i];

		if (!str_ends_with(p, ".c") && !str_ends_with(p, ".h"))
			continue;
		full = path_join(root, p);
		if (!stat(full, &st) && S_ISREG(st.st_mode))
			*ARRAY_PUSH(*paths, nr, alloc) = (char *)p;
		free(full);
	}
	return nr;
}

/*
 * Check the C files of root.  With none, an empty pipeline: the check's
 * empty path list means the whole tree.
 */
static int check_copy(const char *root, const char *kdir,
		      const struct workdir *w, int timeout, bool progress,
		      struct shared_model *model, bool fixes,
		      struct pipeline *p, char **err)
{
	struct pipeline_opts o = {
		.root = root, .model_root = kdir, .timeout = timeout,
		.jobs = default_jobs(), .progress = progress,
		.shared_model = model, .with_patch = fixes,
		/* the pre-image's findings are only counted */
		.count_only = !fixes,
	};
	char **paths;
	size_t nr = c_files(w, root, &paths);
	int ret = 0;

	memset(p, 0, sizeof(*p));
	o.paths = paths;
	o.nr_paths = (int)nr;
	if (nr && pipeline_run(&o, p)) {
		*err = xasprintf("cannot scan the copies in %s: %s", root,
				 strerror(errno));
		ret = -1;
	} else if (nr && p->setup_error) {
		/* spatch cannot run at all: its one message is the error. */
		*err = xstrdup(p->tool_error);
		pipeline_free(p);
		ret = -1;
	} else if (nr && pipeline_report_problems(p)) {
		*err = xstrdup("the check could not run on every touched file");
		pipeline_free(p);
		ret = -1;
	}
	free(paths);
	return ret;
}

/* The diff of each touched file, kept for the lost syncs' line maps. */
static void collect_added(struct review *r, const struct workdir *w)
{
	struct patch *d;
	size_t i;

	r->files = xcalloc(w->nr_paths ? w->nr_paths : 1, sizeof(*r->files));
	for (i = 0; i < w->nr_paths; i++) {
		d = xcalloc(1, sizeof(*d));
		if (workdir_diff(w, w->paths[i], d)) {
			patch_free(d);
			free(d);
			d = NULL;
		}
		r->files[i].path = xstrdup(w->paths[i]);
		r->files[i].diff = d;
		r->files[i].nr_added = diff_added_lines(d, &r->files[i].added);
	}
	r->nr_files = w->nr_paths;
}

void review_file_free(struct review_file *rf)
{
	free(rf->path);
	free(rf->added);
	if (rf->diff)
		patch_free(rf->diff);
	free(rf->diff);
}

static void free_added(struct review *r)
{
	size_t i;

	for (i = 0; i < r->nr_files; i++)
		review_file_free(&r->files[i]);
	free(r->files);
	r->files = NULL;
	r->nr_files = 0;
}

bool review_is_added(const struct review *r, const char *path, int line)
{
	size_t i, j;

	for (i = 0; i < r->nr_files; i++) {
		if (strcmp(r->files[i].path, path))
			continue;
		for (j = 0; j < r->files[i].nr_added; j++)
			if (r->files[i].added[j] == line)
				return true;
	}
	return false;
}

bool review_touches(const struct review *r, const char *path)
{
	size_t i;

	for (i = 0; i < r->nr_files; i++)
		if (!strcmp(r->files[i].path, path))
			return true;
	return false;
}

const struct review_mark *review_mark_at(const struct review *r,
					 const char *path, int line)
{
	size_t i;

	for (i = 0; i < r->nr_marks; i++)
		if (r->marks[i].line == line && !strcmp(r->marks[i].file, path))
			return &r->marks[i];
	return NULL;
}

char *review_file_line(const char *root, const char *path, int n)
{
	char *full = path_join(root, path), *text, *p, *end, *line = NULL;
	size_t len;

	text = read_file(full, &len);
	free(full);
	if (!text)
		return NULL;
	for (p = text; n > 1 && p; n--) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	if (p && *p) {
		end = strchr(p, '\n');
		line = xstrndup(p, end ? (size_t)(end - p) : strlen(p));
	}
	free(text);
	return line;
}

/* Whether hunk h of a patch adds a line that reads text. */
static bool hunk_adds(const struct hunk *h, const char *text)
{
	size_t i;

	for (i = 0; i < h->nr_lines; i++)
		if (h->lines[i].kind == '+' && !strcmp(h->lines[i].text, text))
			return true;
	return false;
}

/*
 * The patch of the series that added line n of path: the last one whose
 * hunks add that very text (a later patch that rewrote the line made
 * what is there now); else the last one that touches path, else the
 * last one.
 */
static const struct patch *added_by(const struct review *r, const char *path,
				    int n)
{
	char *text = review_file_line(r->post_root, path, n);
	const struct patch *touched = NULL;
	size_t i, j, k;

	for (i = r->ps->nr; i-- > 0;) {
		const struct patch *p = &r->ps->patches[i];

		for (j = 0; j < p->nr_files; j++) {
			const struct file_diff *fd = &p->files[j];

			if (!fd->new_path || strcmp(fd->new_path, path))
				continue;
			if (!touched)
				touched = p;
			for (k = 0; text && k < fd->nr_hunks; k++)
				if (hunk_adds(&fd->hunks[k], text)) {
					free(text);
					return p;
				}
		}
	}
	free(text);
	if (!touched && r->ps->nr)	/* never unattributed: the last one */
		touched = &r->ps->patches[r->ps->nr - 1];
	return touched;
}

/* Whether hunk h of a patch removes a line that reads text. */
static bool hunk_removes(const struct hunk *h, const char *text)
{
	size_t i;

	for (i = 0; i < h->nr_lines; i++)
		if (h->lines[i].kind == '-' && !strcmp(h->lines[i].text, text))
			return true;
	return false;
}

/*
 * The patch of the series that made a marked line: the last one whose
 * hunks remove the sync's text, else as for an added line.
 */
static const struct patch *marked_by(const struct review *r,
				     const struct review_mark *m)
{
	size_t i, j, k;

	for (i = r->ps->nr; m->removed_text && i-- > 0;) {
		const struct patch *p = &r->ps->patches[i];

		for (j = 0; j < p->nr_files; j++) {
			const struct file_diff *fd = &p->files[j];

			if (!fd->old_path || strcmp(fd->old_path, m->file))
				continue;
			for (k = 0; k < fd->nr_hunks; k++)
				if (hunk_removes(&fd->hunks[k], m->removed_text))
					return p;
		}
	}
	return added_by(r, m->file, m->line);
}

/* Which step a long review is at, on a terminal as check shows it. */
static void stage(bool progress, const char *what)
{
	if (progress)
		fprintf(stderr, "\rptsync review: %s...\033[K", what);
}

int review_check(const char *kdir, const struct patch_set *ps,
		 const struct workdir *w, int timeout, bool progress,
		 struct review *r, char **err)
{
	struct shared_model model = { 0 };
	struct pipeline pre;
	size_t i;

	memset(r, 0, sizeof(*r));
	r->ps = ps;
	r->kdir = kdir;
	r->post_root = w->post;
	/*
	 * diff(1) per touched file, first: later the process holds the
	 * tree's indexes, and each fork would copy their page tables.
	 */
	collect_added(r, w);
	stage(progress, "checking the touched files before the patches");
	if (check_copy(w->pre, kdir, w, timeout, progress, &model, false,
		       &pre, err)) {
		arch_model_free(&model.model);
		free_added(r);
		return -1;
	}
	r->nr_pre = pre.findings.nr;
	pipeline_free(&pre);
	stage(progress, "checking them after the patches");
	/* The fixes' rewrite runs with the post-image's analysis. */
	if (check_copy(w->post, kdir, w, timeout, progress, &model, true,
		       &r->post, err)) {
		arch_model_free(&model.model);
		free_added(r);
		return -1;
	}
	stage(progress, "looking for syncs the patches take away");
	review_add_lost_syncs(r, w, timeout, &model);
	/* The reports read the model from the post-image's pipeline. */
	r->post.model = model.model;
	review_add_unsynced(r);
	r->nr_items = r->post.findings.nr;
	r->items = xcalloc(r->nr_items ? r->nr_items : 1, sizeof(*r->items));
	for (i = 0; i < r->nr_items; i++) {
		struct finding *f = &r->post.findings.items[i];
		const struct review_mark *m = NULL;

		r->items[i].f = f;
		if (!strcmp(f->rule, RULE_UNSYNCED_PATH))
			m = review_mark_at(r, f->file, f->line);
		r->items[i].is_new = m || review_is_added(r, f->file, f->line);
		if (m)
			r->items[i].patch = marked_by(r, m);
		else if (r->items[i].is_new)
			r->items[i].patch = added_by(r, f->file, f->line);
		r->nr_new += r->items[i].is_new;
	}
	stage(progress, "proposing fixes");
	review_attach_fixes(r, timeout);
	if (progress)
		fputs("\r\033[K", stderr);
	return 0;
}
