// SPDX-License-Identifier: GPL-2.0-only
/*
 * The sliced tree of analyse/spatch_slice.h.  The semantic patch's
 * callarg rule also keeps the calls of PTSYNC_CALLEES (the cross-function
 * stage's names from other files), so the slice keeps them too; the
 * cache keys every PTSYNC_* variable, PTSYNC_SLICE with them.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyse/spatch_slice.h"
#include "lib/tmpdir.h"
#include "lib/util.h"
#include "scan/slice.h"

static bool inside_tree(const char *path)
{
	return *path && *path != '/' && strcmp(path, "..") &&
	       !str_starts_with(path, "../") && !strstr(path, "/../") &&
	       !str_ends_with(path, "/..");
}

bool spatch_may_slice(const char *mode, bool with_patch, char *const *paths,
		      size_t nr)
{
	const char *env = getenv("PTSYNC_SLICE");
	size_t i;

	if ((mode && strcmp(mode, "json")) || with_patch ||
	    (env && !strcmp(env, "0")))
		return false;
	for (i = 0; i < nr; i++)
		if (!inside_tree(paths[i]))
			return false;
	return true;
}

static char **callee_names(char **text, size_t *nr)
{
	const char *env = getenv("PTSYNC_CALLEES");
	char **v = NULL, *tok, *save;
	size_t alloc = 0;

	*nr = 0;
	*text = xstrdup(env ? env : "");
	for (tok = strtok_r(*text, " \t\n", &save); tok;
	     tok = strtok_r(NULL, " \t\n", &save))
		*ARRAY_PUSH(v, *nr, alloc) = tok;
	return v;
}

static int write_all(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	ssize_t n = 0;
	size_t done = 0;

	if (fd < 0)
		return -1;
	while (done < len && (n = write(fd, data + done, len - done)) > 0)
		done += n;
	return close(fd) || done < len ? -1 : 0;
}

/* One file into the folder: its slice, or a link to the whole file. */
static int place(const char *root, const char *dir, const char *path,
		 char *const *callees, size_t nr_callees)
{
	char *from = path_join(root, path), *to = path_join(dir, path);
	char *text = NULL, *cut = NULL;
	size_t len = 0, cut_len = 0;
	int ret = make_dirs(to, false, 0700);

	if (!ret)
		text = read_file(from, &len);
	if (text)
		cut = slice_for_spatch(text, len,
				       (const char *const *)callees,
				       nr_callees, &cut_len);
	if (!ret)
		ret = cut ? write_all(to, cut, cut_len) : symlink(from, to);
	free(cut);
	free(text);
	free(from);
	free(to);
	return ret;
}

/* spatch reads .cocciconfig where it runs: the tree's, as without a slice. */
static int link_config(const char *root, const char *dir)
{
	char *from = path_join(root, ".cocciconfig");
	char *to = path_join(dir, ".cocciconfig");
	int ret = access(from, F_OK) ? 0 : symlink(from, to);

	free(from);
	free(to);
	return ret;
}

static char *absolute(const char *path)
{
	char *cwd;
	char *full;

	if (*path == '/')
		return xstrdup(path);
	cwd = getcwd(NULL, 0);
	if (!cwd)
		return NULL;
	full = path_join(cwd, path);
	free(cwd);
	return full;
}

char *spatch_slice_tree(const char *root, char *const *paths, size_t nr)
{
	char *made = tmpdir_subdir("slice"), *dir = made ? absolute(made) : NULL;
	char *top = absolute(root), *names, **callees;
	size_t nr_callees, i;
	int ret = dir && top ? 0 : -1;

	callees = callee_names(&names, &nr_callees);
	for (i = 0; i < nr && !ret; i++)
		ret = place(top, dir, paths[i], callees, nr_callees);
	if (!ret)
		ret = link_config(top, dir);
	if (ret && made)
		tmpdir_remove_tree(made);
	free(callees);
	free(names);
	free(top);
	free(made);
	if (ret) {
		free(dir);
		return NULL;
	}
	return dir;
}
