// SPDX-License-Identifier: GPL-2.0-only
/*
 * In-place edits that an interrupted run cannot leave half done: each file
 * is written beside the original (unnamed, with O_TMPFILE, where the file
 * system allows), synced, named and renamed over it.  The rename
 * also gives the file a new inode, so hard-linked copies of a tree keep
 * their own content.
 */
#define _GNU_SOURCE	/* O_TMPFILE */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "convert/convert.h"
#include "lib/diag.h"
#include "lib/tmpdir.h"
#include "lib/util.h"

static int write_all(int fd, const char *text, size_t len)
{
	ssize_t n;

	while (len) {
		n = write(fd, text, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		text += n;
		len -= (size_t)n;
	}
	return 0;
}

/* The rename is durable only once the directory entry is. */
static void sync_dir(const char *path)
{
	char *copy = xstrdup(path);
	int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(copy);
}

/*
 * The temporary name beside path, "<path>.ptsync-<pid>-<n>", journaled
 * before anything may get it: if this run is killed while the name
 * exists, the next run finds it in the journal and removes the file.
 */
static char *temp_name(const char *path)
{
	static unsigned int serial;
	char *tmp = xasprintf("%s.ptsync-%d-%u", path, (int)getpid(), serial++);

	if (tmpdir_journal(tmp)) {
		free(tmp);
		return NULL;
	}
	return tmp;
}

/*
 * An unnamed file in path's directory (O_TMPFILE): a SIGKILL while it is
 * written leaves nothing behind.  -1 where the file system cannot.
 */
static int open_unnamed(const char *path)
{
	char *copy = xstrdup(path);
	int fd = open(dirname(copy), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);

	free(copy);
	return fd;
}

/*
 * fd under a new temporary name: linked when unnamed, else created.  The
 * name exists only from here to the rename.
 */
static int name_temp(const char *path, int *fd, char **tmp)
{
	char proc[64];
	int ret;

	for (;;) {
		*tmp = temp_name(path);
		if (!*tmp)
			return -1;
		if (*fd >= 0) {
			snprintf(proc, sizeof(proc), "/proc/self/fd/%d", *fd);
			ret = linkat(AT_FDCWD, proc, AT_FDCWD, *tmp,
				     AT_SYMLINK_FOLLOW);
		} else {
			*fd = open(*tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
				   0600);
			ret = *fd < 0 ? -1 : 0;
		}
		if (!ret || errno != EEXIST)
			return ret;
		free(*tmp);
		*tmp = NULL;
	}
}

int write_atomic(const char *path, const char *text, size_t len, int mode)
{
	int fd = open_unnamed(path), err;
	char *tmp = NULL;

	if (fd < 0 && name_temp(path, &fd, &tmp))
		goto fail;
	if (fchmod(fd, mode & 07777) || write_all(fd, text, len) || fsync(fd))
		goto fail;
	if (!tmp && name_temp(path, &fd, &tmp))
		goto fail;
	err = close(fd);
	fd = -1;
	if (err || rename(tmp, path))
		goto fail;
	free(tmp);
	sync_dir(path);
	return 0;
fail:
	err = errno;
	if (fd >= 0)
		close(fd);
	if (tmp)
		unlink(tmp);
	free(tmp);
	errno = err;
	return -1;
}

/*
 * Why the run stopped between two files, and which ones it wrote: the
 * user must know the tree is now partly converted.
 */
static void stopped_after(const char *why, size_t done, size_t total)
{
	diag("%s after writing %zu of %zu files; the others are unchanged",
	     why, done, total);
}

int convert_apply(const char *root, const struct convert_plan *plan,
		  atomic_int *stop)
{
	size_t i;
	int ret = 0;

	for (i = 0; i < plan->nr_files && ret >= 0; i++) {
		const struct convert_file *cf = &plan->files[i];
		char *full = path_join(root, cf->path);
		struct stat st;
		int mode = cf->is_new || stat(full, &st) ? 0644 : st.st_mode;

		/* Between two files, never within one: each is whole. */
		if (stop && *stop) {
			stopped_after("interrupted", i, plan->nr_files);
			free(full);
			return 1;
		}
		if (write_atomic(full, cf->new_text, cf->new_len, mode)) {
			diag("cannot write %s: %s", full, strerror(errno));
			stopped_after("stopped", i, plan->nr_files);
			ret = -1;
		} else if (cf->is_new) {
			printf("created %s\n", cf->path);
		} else {
			printf("converted %s (%zu call%s)\n", cf->path, cf->calls,
			       cf->calls == 1 ? "" : "s");
		}
		fflush(stdout);
		free(full);
	}
	return ret;
}
