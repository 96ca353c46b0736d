/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Child processes: the one place ptsync forks.  Every child runs under a
 * small keeper process that leads the child's process group and dies
 * with ptsync (PR_SET_PDEATHSIG), taking the whole group along, so that
 * no spatch, git, patch or make outlives ptsync, even when ptsync itself
 * is killed with SIGKILL.
 */
#ifndef PTSYNC_RUN_H
#define PTSYNC_RUN_H

#include <stdbool.h>
#include <sys/types.h>

/* The exit status run_wait() reports when the timeout killed the job. */
#define RUN_TIMED_OUT	-2

struct run_cmd {
	char *const *argv;	/* argv[0] is searched in PATH */
	const char *dir;	/* chdir here first, or NULL */
	const char *out_path;	/* stdout to this file (created), or NULL */
	const char *err_path;	/* stderr to this file, or NULL */
	bool capture;		/* stdout into run()'s *out instead */
	bool err_to_out;	/* stderr where stdout goes */
	bool keep_stderr;	/* else stderr goes to /dev/null */
	int timeout;		/* seconds; 0 for none */
};

struct run_job {
	pid_t pid;		/* the keeper; its process group is the job */
	int out_fd;		/* capture: the read end, else -1 */
};

/*
 * Start c without waiting: 0, or -1 with errno set.  stdin is /dev/null.
 * File descriptors are closed on every path.
 */
int run_start(const struct run_cmd *c, struct run_job *job);
/* Kill the whole job (the child and everything it started). */
void run_kill(const struct run_job *job);
/*
 * The exit status of a job that ended, as in waitpid(); what a signal
 * killed reports 128 + the signal.  Retries on EINTR.  -1 on failure.
 */
int run_status(int wstatus);

/*
 * Run c to its end: its exit status (0-255, 128 + signal when killed),
 * RUN_TIMED_OUT, or -1 when it could not run.  With c->capture, *out
 * gets stdout (also on failure; the caller frees it).
 */
int run(const struct run_cmd *c, char **out);

/* run() with just argv in dir: stdout into *out, stderr discarded. */
int run_capture(const char *dir, char *const argv[], char **out,
		bool keep_stderr);

#endif
