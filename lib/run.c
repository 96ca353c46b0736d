// SPDX-License-Identifier: GPL-2.0-only
/*
 * Child processes that cannot outlive ptsync.
 *
 * PR_SET_PDEATHSIG alone covers only the direct child: spatch, make or git
 * may start processes of their own, and those would run on.  So each job
 * is two processes: a keeper, forked from ptsync, that leads a new process
 * group, and the command, forked from the keeper into that group.  When
 * ptsync dies, however it dies, the kernel sends the keeper SIGHUP and the
 * keeper kills its whole group, itself included.  The command also gets
 * SIGKILL as its own death signal in case the keeper is killed first.
 * ptsync stops a job the same way: SIGKILL to the group.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lib/run.h"
#include "lib/stop.h"
#include "lib/util.h"

/*
 * Ctrl-C: children are in process groups of their own, so the terminal's
 * SIGINT reaches only ptsync, whose handler (lib/stop.c, no SA_RESTART)
 * interrupts the wait; the job is then killed instead of waited for.
 */
static bool stopped(void)
{
	return stop_requested;
}

static void keeper_orphaned(int sig)
{
	kill(0, SIGKILL);	/* the keeper's group: the whole job */
}

/* Death signal, then the race: the parent may be gone already. */
static void die_with(pid_t parent, int sig)
{
	prctl(PR_SET_PDEATHSIG, sig);
	if (getppid() != parent)
		raise(sig);
}

static int redirect(const char *path, int to)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

	if (fd < 0 || dup2(fd, to) < 0)
		return -1;
	close(fd);
	return 0;
}

/* git mailinfo, for one, reads its mail on stdin only. */
static int input(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0 || dup2(fd, 0) < 0)
		return -1;
	close(fd);
	return 0;
}

/* In the command's process: descriptors, directory, exec.  No return. */
static void exec_command(const struct run_cmd *c, int capture_fd,
			 char *const *envp)
{
	int null = open("/dev/null", O_RDWR | O_CLOEXEC);

	if (null < 0 || (c->in_path ? input(c->in_path) : dup2(null, 0) < 0))
		_exit(127);
	if (capture_fd >= 0 ? dup2(capture_fd, 1) < 0 :
	    c->out_path ? redirect(c->out_path, 1) : dup2(null, 1) < 0)
		_exit(127);
	if (c->err_to_out ? dup2(1, 2) < 0 :
	    c->err_path ? redirect(c->err_path, 2) :
	    !c->keep_stderr && dup2(null, 2) < 0)
		_exit(127);
	close_range(3, ~0U, 0);
	if (c->dir && chdir(c->dir)) {
		fprintf(stderr, "cannot enter %s: %s\n", c->dir, strerror(errno));
		_exit(127);
	}
	if (envp)
		execvpe(c->argv[0], c->argv, envp);
	else
		execvp(c->argv[0], c->argv);
	fprintf(stderr, "cannot run %s: %s\n", c->argv[0], strerror(errno));
	_exit(127);
}

/* Pass the command's end on as the keeper's own. */
static void keeper_exit(int wstatus)
{
	struct rlimit no_core = { 0, 0 };
	int sig;

	if (WIFEXITED(wstatus))
		_exit(WEXITSTATUS(wstatus));
	sig = WTERMSIG(wstatus);
	setrlimit(RLIMIT_CORE, &no_core);
	signal(sig, SIG_DFL);
	raise(sig);
	_exit(128 + sig);
}

static void keeper(const struct run_cmd *c, pid_t ptsync, int capture_fd,
		   char *const *envp)
{
	struct sigaction sa;
	pid_t self = getpid(), child;
	int wstatus;

	setpgid(0, 0);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = keeper_orphaned;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGPIPE, SIG_DFL);
	die_with(ptsync, SIGHUP);
	child = fork();
	if (child < 0)
		_exit(127);
	if (!child) {
		signal(SIGHUP, SIG_DFL);
		die_with(self, SIGKILL);
		exec_command(c, capture_fd, envp);
	}
	if (capture_fd >= 0)
		close(capture_fd);
	while (waitpid(child, &wstatus, 0) < 0)
		if (errno != EINTR)
			_exit(127);
	keeper_exit(wstatus);
}

static bool same_name(const char *a, const char *b)
{
	size_t n = strcspn(b, "=");

	return !strncmp(a, b, n) && a[n] == '=';
}

/*
 * The environment with add's "NAME=value" entries in place of their
 * names', built before fork(): the forked children of a threaded
 * ptsync may not allocate (another thread may hold the allocator's lock
 * at the fork, and putenv() there hung under ASan).
 */
static char **merged_env(char *const *add)
{
	size_t n = 0, m = 0, i, j, k = 0;
	char **env;

	while (environ[n])
		n++;
	while (add[m])
		m++;
	env = xcalloc(n + m + 1, sizeof(*env));
	for (i = 0; i < n; i++) {
		for (j = 0; j < m && !same_name(environ[i], add[j]); j++)
			;
		if (j == m)
			env[k++] = environ[i];
	}
	for (j = 0; j < m; j++)
		env[k++] = add[j];
	return env;
}

int run_start(const struct run_cmd *c, struct run_job *job)
{
	int fds[2] = { -1, -1 }, err;
	pid_t ptsync = getpid();
	char **envp;

	job->pid = -1;
	job->out_fd = -1;
	if (c->capture && pipe2(fds, O_CLOEXEC))
		return -1;
	envp = c->env && c->env[0] ? merged_env(c->env) : NULL;
	fflush(NULL);
	job->pid = fork();
	if (!job->pid) {
		if (fds[0] >= 0)
			close(fds[0]);
		keeper(c, ptsync, fds[1], envp);
	}
	err = errno;
	free(envp);
	if (fds[1] >= 0)
		close(fds[1]);
	if (job->pid < 0) {
		if (fds[0] >= 0)
			close(fds[0]);
		errno = err;
		return -1;
	}
	/* Also here, so that run_kill() finds the group at once. */
	setpgid(job->pid, job->pid);
	job->out_fd = fds[0];
	return 0;
}

void run_kill(const struct run_job *job)
{
	if (job->pid > 0)
		kill(-job->pid, SIGKILL);
}

int run_kill_wait(const struct run_job *job)
{
	int wstatus = -1, i;

	if (job->pid <= 0)
		return -1;
	kill(-job->pid, SIGKILL);
	while (waitpid(job->pid, &wstatus, 0) < 0 && errno == EINTR)
		;
	/* The others die on their own; init reaps them.  A second at most. */
	for (i = 0; i < 100 && !kill(-job->pid, 0); i++)
		poll(NULL, 0, 10);
	return wstatus;
}

int run_status(int wstatus)
{
	if (WIFEXITED(wstatus))
		return WEXITSTATUS(wstatus);
	return WIFSIGNALED(wstatus) ? 128 + WTERMSIG(wstatus) : -1;
}

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

/* Milliseconds to wait for: -1 without a deadline, else at least 0. */
static int left_ms(double deadline)
{
	double left = deadline - now();

	if (!deadline)
		return -1;
	return left > 0 ? (int)(left * 1000) + 1 : 0;
}

/*
 * Read the capture pipe to its end; false when the deadline passed or a
 * stop was requested (the signal interrupts poll()).
 */
static bool slurp(int fd, double deadline, char **out)
{
	size_t len = 0, alloc = 4096;
	char *buf = xmalloc(alloc);
	struct pollfd p = { .fd = fd, .events = POLLIN };
	bool in_time = true;
	ssize_t n;

	for (;;) {
		if (len + 1 >= alloc)
			buf = xrealloc(buf, alloc *= 2);
		n = poll(&p, 1, left_ms(deadline));
		if (n == 0 || stopped()) {
			in_time = false;
			break;
		}
		if (n > 0)
			n = read(fd, buf + len, alloc - len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	buf[len] = '\0';
	*out = buf;
	return in_time;
}

/* Wait for the keeper until the deadline or a stop; false then. */
static bool wait_job(pid_t pid, double deadline, int *wstatus)
{
	pid_t got;

	for (;;) {
		got = waitpid(pid, wstatus, deadline ? WNOHANG : 0);
		if (got == pid)
			return true;
		if (got < 0 && errno != EINTR)
			return true;	/* reaped elsewhere: nothing to wait for */
		if (stopped())
			return false;
		if (got == 0 && !left_ms(deadline))
			return false;
		if (got == 0)
			poll(NULL, 0, 10);
	}
}

int run(const struct run_cmd *c, char **out)
{
	struct run_job job;
	double deadline = c->timeout > 0 ? now() + c->timeout : 0;
	bool in_time = true;
	int wstatus = -1;
	char *text = NULL;

	if (out)
		*out = NULL;
	if (run_start(c, &job))
		return -1;
	if (job.out_fd >= 0) {
		in_time = slurp(job.out_fd, deadline, &text);
		close(job.out_fd);
	}
	if (in_time)
		in_time = wait_job(job.pid, deadline, &wstatus);
	if (!in_time)
		wstatus = run_kill_wait(&job);
	if (out)
		*out = text;
	else
		free(text);
	if (!in_time && stopped())
		return RUN_STOPPED;
	if (!in_time)
		return RUN_TIMED_OUT;
	return wstatus == -1 ? -1 : run_status(wstatus);
}

int run_capture(const char *dir, char *const argv[], char **out,
		bool keep_stderr)
{
	struct run_cmd c = {
		.argv = argv, .dir = dir, .capture = true,
		.keep_stderr = keep_stderr,
	};

	return run(&c, out);
}
