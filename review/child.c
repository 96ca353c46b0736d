// SPDX-License-Identifier: GPL-2.0-only
/*
 * The review's child processes (git, patch, diff), started in this one
 * place.  git mailinfo reads its mail on stdin, so stdin is a file here.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "review/review.h"

static int redirect(const char *path, int fd, int flags)
{
	int f = open(path ? path : "/dev/null", flags, 0600);

	return f < 0 || dup2(f, fd) < 0 ? -1 : 0;
}

int review_run(const char *const *argv, const char *cwd, const char *in,
	       const char *out, const char *err)
{
	pid_t pid = fork();
	int status;

	if (pid < 0)
		return -1;
	if (!pid) {
		if (redirect(in, 0, O_RDONLY) ||
		    redirect(out, 1, O_WRONLY | O_CREAT | O_TRUNC) ||
		    (err && out && !strcmp(err, out) ? dup2(1, 2) < 0 :
		     redirect(err, 2, O_WRONLY | O_CREAT | O_TRUNC)) ||
		    (cwd && chdir(cwd)))
			_exit(127);
		execvp(argv[0], (char *const *)argv);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) :
	       128 + WTERMSIG(status);
}
