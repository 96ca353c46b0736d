// SPDX-License-Identifier: GPL-2.0-only
/*
 * The run's private temporary directory, and the cleaning of those that
 * killed runs left.  A directory's owner is its pid together with the
 * pid's start time (from /proc), so a reused pid does not keep a dead
 * run's directory alive, and a live run's directory is never removed.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lib/tmpdir.h"
#include "lib/util.h"

#define PREFIX		"ptsync-"
#define OWNER		"owner"
#define JOURNAL		"journal"
/* A directory without its owner file yet is being created, unless old. */
#define UNOWNED_GRACE	60

static char *run_dir;
static pid_t run_pid;

static const char *tmp_root(void)
{
	const char *t = getenv("TMPDIR");

	return t && *t ? t : "/tmp";
}

/* Field 22 of /proc/pid/stat: when the process started; 0 when gone. */
static unsigned long long start_time(pid_t pid)
{
	char path[64], buf[1024], *p;
	unsigned long long t = 0;
	int fd, i;
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	p = strrchr(buf, ')');	/* the command name may hold spaces */
	for (i = 2; p && i < 22; i++)
		p = strchr(p + 1, ' ');
	if (p)
		sscanf(p + 1, "%llu", &t);
	return t;
}

static int remove_one(const char *path, const struct stat *st, int flag,
		      struct FTW *ftw)
{
	remove(path);
	return 0;
}

void tmpdir_remove_tree(const char *dir)
{
	nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void remove_run_dir(void)
{
	if (run_dir && getpid() == run_pid)
		tmpdir_remove_tree(run_dir);
}

static int write_text(const char *path, const char *text, int flags)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | flags, 0600);
	size_t len = strlen(text);
	int ret;

	if (fd < 0)
		return -1;
	ret = write(fd, text, len) == (ssize_t)len ? 0 : -1;
	return close(fd) || ret ? -1 : 0;
}

const char *tmpdir_get(void)
{
	char *dir, *owner, *text;

	if (run_dir && run_pid == getpid())
		return run_dir;
	dir = xasprintf("%s/" PREFIX "%d-XXXXXX", tmp_root(), (int)getpid());
	if (!mkdtemp(dir)) {
		free(dir);
		return NULL;
	}
	owner = path_join(dir, OWNER);
	text = xasprintf("%d %llu\n", (int)getpid(), start_time(getpid()));
	write_text(owner, text, O_TRUNC);
	free(owner);
	free(text);
	if (!run_dir)
		atexit(remove_run_dir);
	free(run_dir);
	run_dir = dir;
	run_pid = getpid();
	return run_dir;
}

static char *make_in(const char *prefix, bool is_dir)
{
	const char *dir = tmpdir_get();
	char *path;
	int fd, err;

	if (!dir)
		return NULL;
	path = xasprintf("%s/%s-XXXXXX", dir, prefix);
	if (is_dir)
		fd = mkdtemp(path) ? 0 : -1;
	else
		fd = mkostemp(path, O_CLOEXEC);
	if (fd < 0) {
		err = errno;
		free(path);
		errno = err;
		return NULL;
	}
	if (!is_dir)
		close(fd);
	return path;
}

char *tmpdir_file(const char *prefix)
{
	return make_in(prefix, false);
}

char *tmpdir_subdir(const char *prefix)
{
	return make_in(prefix, true);
}

int tmpdir_journal(const char *path)
{
	const char *dir = tmpdir_get();
	char *journal, *line, cwd[4096];
	int ret;

	if (!dir)
		return -1;
	if (*path != '/' && !getcwd(cwd, sizeof(cwd)))
		return -1;
	journal = path_join(dir, JOURNAL);
	line = *path == '/' ? xasprintf("%s\n", path) :
			      xasprintf("%s/%s\n", cwd, path);
	ret = write_text(journal, line, O_APPEND);
	free(journal);
	free(line);
	return ret;
}

/* Remove the files a dead owner journaled: only names it could have made. */
static void replay_journal(const char *dir, int pid)
{
	char *journal = path_join(dir, JOURNAL), *text, *line, *save;
	char *mark = xasprintf(".ptsync-%d-", pid);
	const char *base;
	size_t len;

	text = read_file(journal, &len);
	for (line = text ? strtok_r(text, "\n", &save) : NULL; line;
	     line = strtok_r(NULL, "\n", &save)) {
		base = strrchr(line, '/');
		if (*line == '/' && base && strstr(base, mark))
			unlink(line);
	}
	free(text);
	free(mark);
	free(journal);
}

/* Whether the run that made dir (named for pid) is gone. */
static bool owner_gone(const char *dir, int pid)
{
	char *owner = path_join(dir, OWNER), *text;
	unsigned long long t = 0;
	struct stat st;
	size_t len;
	int p = 0;

	text = read_file(owner, &len);
	free(owner);
	if (text && sscanf(text, "%d %llu", &p, &t) == 2 && p == pid) {
		free(text);
		return start_time(pid) != t;
	}
	free(text);
	if (kill(pid, 0) && errno == ESRCH)
		return true;
	return !stat(dir, &st) && time(NULL) - st.st_mtime > UNOWNED_GRACE;
}

void tmpdir_clean_stale(void)
{
	DIR *d = opendir(tmp_root());
	struct dirent *e;
	struct stat st;
	char *dir, *end;
	long pid;

	if (!d)
		return;
	while ((e = readdir(d))) {
		if (strncmp(e->d_name, PREFIX, strlen(PREFIX)))
			continue;
		pid = strtol(e->d_name + strlen(PREFIX), &end, 10);
		if (pid <= 0 || *end != '-' || strlen(end) != 7 ||
		    pid == getpid())
			continue;
		dir = path_join(tmp_root(), e->d_name);
		if (!lstat(dir, &st) && S_ISDIR(st.st_mode) &&
		    st.st_uid == getuid() && owner_gone(dir, (int)pid)) {
			replay_journal(dir, (int)pid);
			tmpdir_remove_tree(dir);
		}
		free(dir);
	}
	closedir(d);
}
