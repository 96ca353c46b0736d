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

/* What run() returns when it killed the job: timeout, or a stop. */
#define RUN_TIMED_OUT	-2
#define RUN_STOPPED	-3

struct run_cmd {
	char *const *argv;	/* argv[0] is searched in PATH */
	const char *dir;	/* chdir here first, or NULL */
	const char *in_path;	/* stdin from this file, or NULL: /dev/null */
	const char *out_path;	/* stdout to this file (created), or NULL */
	const char *err_path;	/* stderr to this file, or NULL */
	bool capture;		/* stdout into run()'s *out instead */
	bool err_to_out;	/* stderr where stdout goes */
	bool keep_stderr;	/* else stderr goes to /dev/null */
	int timeout;		/* seconds; 0 for none */
	char *const *env;	/* "NAME=value" set in the child, NULL-ended */
};

struct run_job {
	pid_t pid;		/* the keeper; its process group is the job */
	int out_fd;		/* capture: the read end, else -1 */
};

/*
 * Start c without waiting: 0, or -1 with errno set.  stdin is c->in_path
 * or /dev/null.
 * File descriptors are closed on every path.
 */
int run_start(const struct run_cmd *c, struct run_job *job);
/* Kill the whole job (the child and everything it started). */
void run_kill(const struct run_job *job);
/*
 * run_kill(), reap the keeper, and wait (a second at most) until nothing
 * of the job is left: its waitpid() status.
 */
int run_kill_wait(const struct run_job *job);
/*
 * A waitpid() status as one number: the exit status, or 128 + the signal
 * that killed the job; -1 for anything else.
 */
int run_status(int wstatus);

/*
 * Run c to its end: its exit status (0-255, 128 + signal when killed),
 * RUN_TIMED_OUT, RUN_STOPPED (lib/stop.h's stop_requested was set: the
 * job is killed), or -1 when it could not run.  With c->capture, *out
 * gets stdout (also on failure; the caller frees it).
 */
int run(const struct run_cmd *c, char **out);

/* run() with just argv in dir: stdout into *out, stderr discarded. */
int run_capture(const char *dir, char *const argv[], char **out,
		bool keep_stderr);

#endif
