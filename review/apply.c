// SPDX-License-Identifier: GPL-2.0-only
/*
 * Applying a patch without touching the kernel tree: the files it names
 * are copied into TMP/pre and TMP/post, and patch(1) edits only the post
 * copies.  Which lines are new is then read from a diff of pre and post
 * rather than from the patch's own hunk headers, so that offsets and a
 * series whose patches touch the same lines still give the right lines.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/run.h"
#include "lib/tmpdir.h"
#include "lib/util.h"
#include "review/review.h"

static int write_file(const char *path, const char *data, size_t len)
{
	FILE *f;
	int ret;

	if (make_dirs(path, false, 0700))
		return -1;
	f = fopen(path, "w");
	if (!f)
		return -1;
	ret = fwrite(data, 1, len, f) == len ? 0 : -1;
	return fclose(f) || ret ? -1 : 0;
}

static void add_path(struct workdir *w, const char *path)
{
	size_t i;

	if (!path)
		return;
	for (i = 0; i < w->nr_paths; i++)
		if (!strcmp(w->paths[i], path))
			return;
	*ARRAY_PUSH(w->paths, w->nr_paths, w->alloc_paths) = xstrdup(path);
}

/* The first diff of the series that names path, or NULL. */
static const struct file_diff *first_diff(const struct patch_set *ps,
					  const char *path)
{
	size_t i, j;

	for (i = 0; i < ps->nr; i++)
		for (j = 0; j < ps->patches[i].nr_files; j++) {
			const struct file_diff *fd = &ps->patches[i].files[j];

			if ((fd->old_path && !strcmp(fd->old_path, path)) ||
			    (fd->new_path && !strcmp(fd->new_path, path)))
				return fd;
		}
	return NULL;
}

/*
 * The pre-image blob the diff's "index" line names, from KDIR's object
 * store: 0, or -1 when it is not there.  This is what the patch was made
 * against, whatever the work tree holds now: b4 prep --check runs with
 * the patch already applied, and a patch of a series committed there
 * finds its predecessors' result.
 */
static int copy_blob(const char *kdir, const char *id, const char *dst)
{
	char *spec = xasprintf("%s^{blob}", id);
	const char *argv[7] = { "git", "-C", kdir, "cat-file", "blob", spec };
	int ret = make_dirs(dst, false, 0700) || review_run(argv, NULL, NULL, dst, NULL);

	if (ret)
		unlink(dst);
	free(spec);
	return ret ? -1 : 0;
}

/*
 * The version of path before the series into dst; a file that is not
 * there is none.  A file the series creates has none, even when the
 * work tree already holds it.
 */
static int copy_base(const char *kdir, const char *base,
		     const struct patch_set *ps, const char *path,
		     const char *dst)
{
	const struct file_diff *fd = first_diff(ps, path);
	char *src, *data, *spec;
	size_t len;
	int ret = 0;

	if (fd && !fd->old_path)
		return 0;
	if (fd && fd->old_blob && !strcmp(fd->old_path, path) &&
	    !copy_blob(kdir, fd->old_blob, dst))
		return 0;
	if (base) {
		const char *argv[6] = { "git", "-C", kdir, "show", NULL, NULL };

		spec = xasprintf("%s:%s", base, path);
		argv[4] = spec;
		if (make_dirs(dst, false, 0700) || review_run(argv, NULL, NULL, dst, NULL))
			unlink(dst);
		free(spec);
		return 0;
	}
	src = path_join(kdir, path);
	data = read_file(src, &len);
	if (data)
		ret = write_file(dst, data, len);
	else if (errno != ENOENT && errno != ENOTDIR)
		ret = -1;
	free(data);
	free(src);
	return ret;
}

static int copy_touched(const char *kdir, const char *base,
			const struct patch_set *ps, struct workdir *w,
			char **err)
{
	size_t i, len;
	char *pre, *post, *data;
	int ret = 0;

	for (i = 0; i < w->nr_paths && !ret; i++) {
		pre = path_join(w->pre, w->paths[i]);
		post = path_join(w->post, w->paths[i]);
		if (copy_base(kdir, base, ps, w->paths[i], pre)) {
			*err = xasprintf("cannot copy %s: %s", w->paths[i],
					 strerror(errno));
			ret = -1;
		}
		data = ret ? NULL : read_file(pre, &len);
		if (data && write_file(post, data, len)) {
			*err = xasprintf("cannot write %s: %s", post, strerror(errno));
			ret = -1;
		}
		free(data);
		free(pre);
		free(post);
	}
	return ret;
}

/* patch(1)'s complaint, indented, for the error message. */
static char *patch_log(const char *log)
{
	size_t len;
	char *text = read_file(log, &len), *p;

	if (!text)
		return xstrdup("");
	while (len && text[len - 1] == '\n')
		text[--len] = '\0';
	for (p = text; (p = strchr(p, '\n')); p++)
		if (p - text > 600) {
			memcpy(p, "\n...", 5);
			break;
		}
	return text;
}

/*
 * Strict like git am: no fuzz, and --forward so that a patch already in
 * the tree fails instead of being reverted.
 */
static int apply_one(struct workdir *w, const struct patch *p, size_t n,
		     char **err)
{
	char *file = xasprintf("%s/patch-%zu", w->dir, n);
	char *log = xasprintf("%s/patch-%zu.log", w->dir, n);
	const char *argv[11] = { "patch", "-p1", "--batch", "--forward", "--fuzz=0",
			 "--no-backup-if-mismatch", "-d", w->post, "-i", file,
			 NULL };
	int ret = write_file(file, p->text, strlen(p->text));

	if (ret) {
		*err = xasprintf("cannot write %s: %s", file, strerror(errno));
	} else if (review_run(argv, NULL, NULL, log, log)) {
		char *why = patch_log(log);

		*err = xasprintf("%s%s%sdoes not apply to the tree%s%s",
				 p->subject ? "patch '" : "",
				 p->subject ? p->subject : "",
				 p->subject ? "' " : "the patch ",
				 *why ? ":\n" : "", why);
		free(why);
		ret = -1;
	}
	free(file);
	free(log);
	return ret;
}

/*
 * Whether root/path is a regular file, or nothing, reached through real
 * directories only: a symlink anywhere on the way (one a patch made, say)
 * could lead the check and the quoted lines outside the copy.
 */
static bool inside_copy(const char *root, const char *path)
{
	char *full = path_join(root, path);
	char *p = full + strlen(root);
	struct stat st;
	bool ok = true, last;

	for (; ok; p++) {
		p += strcspn(p, "/");
		last = !*p;
		*p = '\0';
		if (lstat(full, &st))
			break;		/* nothing there: nothing to follow */
		ok = last ? S_ISREG(st.st_mode) : S_ISDIR(st.st_mode);
		if (last)
			break;
		*p = '/';
	}
	free(full);
	return ok;
}

static int check_copies(const struct workdir *w, char **err)
{
	size_t i;

	for (i = 0; i < w->nr_paths; i++)
		if (!inside_copy(w->pre, w->paths[i]) ||
		    !inside_copy(w->post, w->paths[i])) {
			*err = xasprintf("%s is not a regular file in the patched copy (symlinks are not supported)",
					 w->paths[i]);
			return -1;
		}
	return 0;
}

int workdir_apply(const char *kdir, const char *base,
		  const struct patch_set *ps, struct workdir *w, char **err)
{
	size_t i, j;

	memset(w, 0, sizeof(*w));
	w->dir = tmpdir_subdir("review");
	if (!w->dir) {
		*err = xasprintf("cannot create a temporary directory: %s",
				 strerror(errno));
		return -1;
	}
	w->pre = path_join(w->dir, "pre");
	w->post = path_join(w->dir, "post");
	if (mkdir(w->pre, 0700) || mkdir(w->post, 0700)) {
		*err = xasprintf("cannot create %s: %s", w->pre, strerror(errno));
		return -1;
	}
	for (i = 0; i < ps->nr; i++)
		for (j = 0; j < ps->patches[i].nr_files; j++) {
			add_path(w, ps->patches[i].files[j].old_path);
			add_path(w, ps->patches[i].files[j].new_path);
		}
	if (copy_touched(kdir, base, ps, w, err))
		return -1;
	for (i = 0; i < ps->nr; i++)
		if (apply_one(w, &ps->patches[i], i, err))
			return -1;
	return check_copies(w, err);
}

int workdir_diff(const struct workdir *w, const char *path, struct patch *p)
{
	char *pre = path_join("pre", path), *post = path_join("post", path);
	char *out = xasprintf("%s/added.diff", w->dir);
	const char *argv[6] = { "diff", "-N", "-U0", pre, post, NULL };
	char *text, *err = NULL;
	size_t len;
	int ret = -1;

	memset(p, 0, sizeof(*p));
	text = review_run(argv, w->dir, NULL, out, NULL) == 1 ? read_file(out, &len) : NULL;
	if (text && !diff_parse(text, 1, p, &err) && p->nr_files)
		ret = 0;
	free(err);
	free(text);
	free(pre);
	free(post);
	free(out);
	return ret;
}

size_t diff_added_lines(const struct patch *p, int **lines)
{
	size_t nr = 0, alloc = 0, i, j;
	int line;

	*lines = NULL;
	if (p && p->nr_files)
		for (i = 0; i < p->files[0].nr_hunks; i++) {
			struct hunk *h = &p->files[0].hunks[i];

			line = h->new_start;
			for (j = 0; j < h->nr_lines; j++) {
				if (h->lines[j].kind == '+')
					*ARRAY_PUSH(*lines, nr, alloc) = line;
				line += h->lines[j].kind != '-';
			}
		}
	return nr;
}

void workdir_free(struct workdir *w)
{
	size_t i;

	if (w->dir)
		tmpdir_remove_tree(w->dir);
	for (i = 0; i < w->nr_paths; i++)
		free(w->paths[i]);
	free(w->paths);
	free(w->dir);
	free(w->pre);
	free(w->post);
	memset(w, 0, sizeof(*w));
}
