// SPDX-License-Identifier: GPL-2.0-only
/*
 * The review itself: the check on the touched C files before and after
 * the patch, each finding after it judged new or old, and the fixes.
 * The arch model always comes from the real tree, since the copies hold
 * only the touched files.
 */
#include <errno.h>
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
		      const struct workdir *w, int timeout, struct pipeline *p,
		      char **err)
{
	struct pipeline_opts o = {
		.root = root, .model_root = kdir, .timeout = timeout,
		.jobs = default_jobs(),
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

static void collect_added(struct review *r, const struct workdir *w)
{
	size_t i;

	r->files = xcalloc(w->nr_paths ? w->nr_paths : 1, sizeof(*r->files));
	for (i = 0; i < w->nr_paths; i++) {
		r->files[i].path = xstrdup(w->paths[i]);
		r->files[i].nr_added = workdir_added_lines(w, w->paths[i],
							   &r->files[i].added);
	}
	r->nr_files = w->nr_paths;
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

int review_check(const char *kdir, const struct patch_set *ps,
		 const struct workdir *w, int timeout, struct review *r,
		 char **err)
{
	struct pipeline pre;
	size_t i;

	memset(r, 0, sizeof(*r));
	r->ps = ps;
	r->kdir = kdir;
	r->post_root = w->post;
	if (check_copy(w->pre, kdir, w, timeout, &pre, err))
		return -1;
	r->nr_pre = pre.findings.nr;
	pipeline_free(&pre);
	if (check_copy(w->post, kdir, w, timeout, &r->post, err))
		return -1;
	if (!r->post.model.nr_variants)
		arch_model_build(kdir, &r->post.model);
	collect_added(r, w);
	r->nr_items = r->post.findings.nr;
	r->items = xcalloc(r->nr_items ? r->nr_items : 1, sizeof(*r->items));
	for (i = 0; i < r->nr_items; i++) {
		struct finding *f = &r->post.findings.items[i];

		r->items[i].f = f;
		r->items[i].is_new = review_is_added(r, f->file, f->line);
		r->nr_new += r->items[i].is_new;
	}
	review_attach_fixes(r, timeout);
	return 0;
}
