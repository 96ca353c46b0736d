// SPDX-License-Identifier: GPL-2.0-only
/*
 * In-place edits that an interrupted run cannot leave half done: each file
 * is written beside the original, synced, and renamed over it.  The rename
 * also gives the file a new inode, so hard-linked copies of a tree keep
 * their own content.
 */
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
 * The temporary file beside path, "<path>.ptsync-<pid>-<n>", journaled
 * before it exists: if this run is killed before the rename, the next
 * run finds the name in the journal and removes the file.
 */
static int open_temp(const char *path, char **tmp)
{
	static unsigned int serial;
	int fd;

	for (;;) {
		*tmp = xasprintf("%s.ptsync-%d-%u", path, (int)getpid(),
				 serial++);
		if (tmpdir_journal(*tmp))
			return -1;
		fd = open(*tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd >= 0 || errno != EEXIST)
			return fd;
		free(*tmp);
	}
}

int write_atomic(const char *path, const char *text, size_t len, int mode)
{
	char *tmp;
	int fd = open_temp(path, &tmp), err;

	if (fd < 0)
		goto fail_open;
	if (fchmod(fd, mode & 07777) || write_all(fd, text, len) || fsync(fd))
		goto fail;
	if (close(fd)) {
		fd = -1;
		goto fail;
	}
	if (rename(tmp, path)) {
		fd = -1;
		goto fail;
	}
	free(tmp);
	sync_dir(path);
	return 0;
fail:
	err = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	errno = err;
fail_open:
	free(tmp);
	return -1;
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
			diag("interrupted after writing %zu of %zu files; the others are unchanged",
			     i, plan->nr_files);
			free(full);
			return 1;
		}
		if (write_atomic(full, cf->new_text, cf->new_len, mode)) {
			diag("cannot write %s: %s",
				full, strerror(errno));
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
