// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "convert/run.h"
#include "lib/util.h"

static void child(const char *dir, char *const argv[], int out, bool keep)
{
	int null = open("/dev/null", O_RDWR);

	if (null >= 0) {
		dup2(null, 0);
		if (!keep)
			dup2(null, 2);
	}
	dup2(out, 1);
	if (dir && chdir(dir))
		_exit(127);
	execvp(argv[0], argv);
	_exit(127);
}

static char *slurp(int fd)
{
	size_t len = 0, alloc = 4096;
	char *buf = xmalloc(alloc);
	ssize_t n;

	for (;;) {
		if (len + 1 >= alloc)
			buf = xrealloc(buf, alloc *= 2);
		n = read(fd, buf + len, alloc - len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	buf[len] = '\0';
	return buf;
}

int run_capture(const char *dir, char *const argv[], char **out,
		bool keep_stderr)
{
	int fds[2], status;
	char *text;
	pid_t pid;

	if (out)
		*out = NULL;
	if (pipe(fds))
		return -1;
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		child(dir, argv, fds[1], keep_stderr);
	}
	close(fds[1]);
	if (pid < 0) {
		close(fds[0]);
		return -1;
	}
	text = slurp(fds[0]);
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (out)
		*out = text;
	else
		free(text);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

char *git_output(const char *root, char *const args[])
{
	char *argv[16] = { "git", "-C", (char *)root };
	char *out = NULL;
	size_t n = 3, len;

	while (*args && n < ARRAY_SIZE(argv) - 1)
		argv[n++] = *args++;
	argv[n] = NULL;
	if (run_capture(NULL, argv, &out, false)) {
		free(out);
		return NULL;
	}
	len = strlen(out);
	while (len && out[len - 1] == '\n')
		out[--len] = '\0';
	return out;
}

bool git_tree(const char *root)
{
	char *args[3], *top;

	args[0] = "rev-parse";
	args[1] = "--show-toplevel";
	args[2] = NULL;
	top = git_output(root, args);

	free(top);
	return top != NULL;
}
