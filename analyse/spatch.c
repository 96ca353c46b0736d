// SPDX-License-Identifier: GPL-2.0-only
/*
 * The spatch process pool.  Each process gets a batch of files; lib/run.c
 * starts it in a process group of its own.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/pidfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "analyse/spatch.h"
#include "analyse/spatch_setup.h"
#include "analyse/spatch_slice.h"
#include "lib/run.h"
#include "lib/tmpdir.h"
#include "lib/util.h"

struct batch {
	size_t *files;		/* indexes into the caller's list */
	size_t nr;
	pid_t pid;
	int pidfd;		/* readable once pid exits; -1: none */
	double deadline;
	bool killed;		/* by the watchdog */
	char out[4096], err[4096];	/* temporary files for stdout, stderr */
	char groups[4096];	/* --file-groups list, "" when not used */
	char rewrite[4096];	/* with_patch: spatch's rewritten file, or "" */
};

struct pool {
	const struct spatch_config *cfg;
	const char *dir;	/* where spatch runs: the tree or its slice */
	char *const *paths;
	struct analysis *out;
	char **argv;		/* spatch and its options; files appended */
	size_t nr_argv;
	struct batch *queue;
	size_t nr_queue, alloc_queue;
	struct batch *running;
	size_t nr_running;
	size_t done;
	bool probed;		/* the setup probe ran once */
};

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

char *spatch_find(const char *spatch)
{
	const char *path = getenv("PATH");
	char *dirs, *dir, *save, *full;

	if (strchr(spatch, '/'))
		return access(spatch, X_OK) ? NULL : xstrdup(spatch);
	dirs = xstrdup(path ? path : "/usr/bin:/bin");
	for (dir = strtok_r(dirs, ":", &save); dir;
	     dir = strtok_r(NULL, ":", &save)) {
		full = path_join(*dir ? dir : ".", spatch);
		if (!access(full, X_OK)) {
			free(dirs);
			return full;
		}
		free(full);
	}
	free(dirs);
	return NULL;
}

static void push_arg(struct pool *p, size_t *alloc, const char *arg)
{
	*ARRAY_PUSH(p->argv, p->nr_argv, *alloc) = arg ? xstrdup(arg) : NULL;
}

/* The semantic patch's own "// Options:" line, as coccicheck reads it. */
static void push_cocci_options(struct pool *p, size_t *alloc)
{
	size_t len;
	char *text = read_file(p->cfg->cocci, &len);
	char *line, *tok, *save;

	if (!text)
		return;
	line = strstr(text, "\n// Options:");
	if (line) {
		line += strlen("\n// Options:");
		line[strcspn(line, "\n")] = '\0';
		for (tok = strtok_r(line, " \t", &save); tok;
		     tok = strtok_r(NULL, " \t", &save))
			push_arg(p, alloc, tok);
	}
	free(text);
}

static bool is_patch(const struct pool *p)
{
	return p->cfg->mode && !strcmp(p->cfg->mode, "patch");
}

static bool with_patch(const struct pool *p)
{
	return p->cfg->with_patch && !is_patch(p);
}

static void build_argv(struct pool *p, const char *spatch)
{
	char timeout[16];
	size_t alloc = 0;

	snprintf(timeout, sizeof(timeout), "%d", p->cfg->timeout);
	push_arg(p, &alloc, spatch);
	push_arg(p, &alloc, "--very-quiet");
	push_arg(p, &alloc, "-D");
	push_arg(p, &alloc, is_patch(p) ? "patch" : "json");
	push_cocci_options(p, &alloc);
	push_arg(p, &alloc, "--timeout");
	push_arg(p, &alloc, timeout);
	if (p->cfg->python) {
		push_arg(p, &alloc, "--python");
		push_arg(p, &alloc, p->cfg->python);
	}
	push_arg(p, &alloc, "--sp-file");
	push_arg(p, &alloc, p->cfg->cocci);
}

static void set_status(struct pool *p, size_t file, enum file_status st,
		       char *detail)
{
	struct file_result *r = &p->out->files[file];

	r->status = st;
	free(r->detail);
	r->detail = detail;
	p->done++;
	if (p->cfg->progress)
		p->cfg->progress(p->done, p->out->nr_files);
}

/* A new empty file in the run's directory, its path into name. */
static int make_temp(char *name, size_t size, const char *what)
{
	char *path = tmpdir_file(what);

	if (!path || strlen(path) >= size) {
		free(path);
		return -1;
	}
	snprintf(name, size, "%s", path);
	free(path);
	return 0;
}

/*
 * spatch runs as a job of lib/run.c: in a process group of its own, so
 * that a hang, a timeout or Ctrl-C takes down spatch with everything it
 * started, and it dies with ptsync even when ptsync is killed.
 */
/*
 * Each file of a batch is its own group: on one command line spatch would
 * join the files into one program, and every rule that inherits bindings
 * would then run each file's bindings against every other file.
 */
static int write_groups(struct pool *p, struct batch *b)
{
	FILE *f;
	size_t i;

	if (make_temp(b->groups, sizeof(b->groups), "groups"))
		return -1;
	f = fopen(b->groups, "w");
	if (!f)
		return -1;
	for (i = 0; i < b->nr; i++)
		fprintf(f, "%s\n\n", p->paths[b->files[i]]);
	return fclose(f);
}

/*
 * Where spatch writes the rewritten file (-o): a name in the run's
 * directory with no file yet, so that a run which wrote none leaves none;
 * absolute, since spatch and diff run in the tree (TMPDIR may be relative).
 */
static int rewrite_file(struct batch *b)
{
	char cwd[2048], *path;

	if (make_temp(b->rewrite, sizeof(b->rewrite), "rewrite"))
		return -1;
	unlink(b->rewrite);
	if (b->rewrite[0] == '/')
		return 0;
	if (!getcwd(cwd, sizeof(cwd)))
		return -1;
	path = path_join(cwd, b->rewrite);
	snprintf(b->rewrite, sizeof(b->rewrite), "%s", path);
	free(path);
	return 0;
}

static void remove_temps(struct batch *b)
{
	unlink(b->out);
	unlink(b->err);
	if (*b->groups)
		unlink(b->groups);
	if (*b->rewrite)
		unlink(b->rewrite);
}

static int start(struct pool *p, struct batch *b)
{
	char **argv = xcalloc(p->nr_argv + b->nr + 8, sizeof(*argv));
	struct run_cmd c = {
		.argv = argv, .dir = p->dir,
		.out_path = b->out, .err_path = b->err,
		.env = p->cfg->env,
	};
	struct run_job job;
	size_t i;
	int ret;

	memcpy(argv, p->argv, p->nr_argv * sizeof(*argv));
	b->out[0] = b->err[0] = b->groups[0] = b->rewrite[0] = '\0';
	ret = make_temp(b->out, sizeof(b->out), "out") ||
	      make_temp(b->err, sizeof(b->err), "err") ||
	      (b->nr > 1 && write_groups(p, b)) ||
	      (b->nr == 1 && with_patch(p) && rewrite_file(b));
	if (b->nr > 1) {
		argv[p->nr_argv] = "--file-groups";
		argv[p->nr_argv + 1] = b->groups;
	} else {
		i = p->nr_argv;
		if (with_patch(p)) {
			argv[i++] = "-D";
			argv[i++] = "patch";
			argv[i++] = "--no-show-diff";
			argv[i++] = "-o";
			argv[i++] = b->rewrite;
		}
		argv[i] = p->paths[b->files[0]];
	}
	ret = ret || run_start(&c, &job);
	free(argv);
	if (ret) {
		remove_temps(b);
		return -1;
	}
	b->pid = job.pid;
	b->pidfd = pidfd_open(job.pid, 0);
	/* spatch's own --timeout should fire first; this catches hangs. */
	b->deadline = now() + (double)p->cfg->timeout * (b->nr + 1);
	p->out->processes++;
	return 0;
}

static void kill_batch(struct batch *b)
{
	struct run_job job = { .pid = b->pid, .out_fd = -1 };

	run_kill(&job);
}

/* On a stop: nothing of the batch may be left when ptsync exits. */
static void kill_wait_batch(struct batch *b)
{
	struct run_job job = { .pid = b->pid, .out_fd = -1 };

	run_kill_wait(&job);
}

/* The last non-empty line of a file, for error messages. */
static char *last_line(const char *path)
{
	size_t len;
	char *text = read_file(path, &len), *end, *start, *line;

	if (!text)
		return xstrdup("");
	end = text + len;
	while (end > text && (end[-1] == '\n' || end[-1] == ' '))
		end--;
	start = end;
	while (start > text && start[-1] != '\n')
		start--;
	line = xstrndup(start, end - start);
	free(text);
	return line;
}

static void collect_patch(struct pool *p, struct batch *b)
{
	size_t len;
	char *diff = read_file(b->out, &len);

	p->out->files[b->files[0]].output = diff ? diff : xstrdup("");
	set_status(p, b->files[0], FILE_ANALYSED, NULL);
}

void analysis_add_line(struct analysis *out, const char *line)
{
	struct sem_finding sf;

	switch (sem_finding_parse(line, &sf)) {
	case 0:
		*ARRAY_PUSH(out->findings, out->nr_findings,
			    out->alloc_findings) = sf;
		break;
	case 1:
		*ARRAY_PUSH(out->facts, out->nr_facts, out->alloc_facts) =
			xstrdup(line);
		break;
	default:
		return;
	}
	*ARRAY_PUSH(out->lines, out->nr_lines, out->alloc_lines) =
		xstrdup(line);
}

/*
 * The rewrite's diff as spatch prints it in patch mode: "diff -u -p" of
 * the file and spatch's output, headed "--- file" and "+++ output"; ""
 * when spatch wrote no output, NULL when diff fails.  spatch's own diff
 * costs a C parse of both files, to tell a change of spacing alone
 * (never one here: a rewrite renames the call), and two shells: some
 * 50 ms of a review's 0.5 s.
 */
static char *rewrite_diff(struct pool *p, struct batch *b)
{
	char *path = p->paths[b->files[0]], *out = NULL;
	char *argv[10] = { "diff", "-u", "-p", "--label", path, "--label",
			 b->rewrite, path, b->rewrite, NULL };
	int ret;

	if (access(b->rewrite, F_OK))
		return xstrdup("");
	ret = run_capture(p->cfg->root, argv, &out, false);
	if (ret == 0 || ret == 1)
		return out ? out : xstrdup("");
	free(out);
	return NULL;
}

/*
 * In json mode the semantic patch prints one JSON object per line; with
 * the rewrite too, spatch writes the rewritten file, and the diff comes
 * from rewrite_diff().
 */
static void collect(struct pool *p, struct batch *b)
{
	bool patch = with_patch(p) && b->nr == 1;
	char *line = NULL, *diff = patch ? rewrite_diff(p, b) : NULL;
	FILE *f;
	size_t cap = 0, i;

	if (patch && !diff) {
		set_status(p, b->files[0], FILE_CRASHED,
			   xstrdup("diff cannot compare the file with spatch's rewrite"));
		return;
	}
	f = fopen(b->out, "r");
	while (f && getline(&line, &cap, f) > 0)
		if (line[0] == '{')
			analysis_add_line(p->out, line);
	if (patch) {
		free(p->out->files[b->files[0]].output);
		p->out->files[b->files[0]].output = diff;
	}
	free(line);
	if (f)
		fclose(f);
	for (i = 0; i < b->nr; i++)
		set_status(p, b->files[i], FILE_ANALYSED, NULL);
}

/* Rerun each file of a failed batch alone, so only the culprit fails. */
static void split(struct pool *p, struct batch *b)
{
	size_t i;
	struct batch *one;

	for (i = 0; i < b->nr; i++) {
		one = ARRAY_PUSH(p->queue, p->nr_queue, p->alloc_queue);
		memset(one, 0, sizeof(*one));
		one->files = xmalloc(sizeof(size_t));
		one->files[0] = b->files[i];
		one->nr = 1;
	}
}

static char *failure(struct pool *p, struct batch *b, int status)
{
	char *tail = last_line(b->err), *why;

	if (b->killed)
		why = xasprintf("no result after %d s", 2 * p->cfg->timeout);
	else if (WIFSIGNALED(status))
		why = xasprintf("spatch killed by signal %d (%s)%s%s",
				WTERMSIG(status), strsignal(WTERMSIG(status)),
				*tail ? ": " : "", tail);
	else
		why = xasprintf("spatch exited with status %d%s%s",
				WEXITSTATUS(status), *tail ? ": " : "", tail);
	free(tail);
	return why;
}

/*
 * The first time spatch exits with an error, ask whether it can run the
 * semantic patch at all; if not, the run stops with that one message.
 */
static bool setup_failed(struct pool *p, struct batch *b, int status)
{
	size_t i;

	if (p->probed || b->killed || !WIFEXITED(status))
		return false;
	p->probed = true;
	p->out->setup_error = spatch_setup_problem(p->argv, p->nr_argv,
						   p->cfg->timeout);
	if (!p->out->setup_error)
		return false;
	for (i = 0; i < b->nr; i++)
		set_status(p, b->files[i], FILE_NOT_RUN,
			   xstrdup("spatch cannot run the semantic patch"));
	return true;
}

/* A batch failed: a setup error stops all, else retry or blame the file. */
static void failed(struct pool *p, struct batch *b, int status)
{
	if (setup_failed(p, b, status))
		return;
	if (b->nr > 1)
		split(p, b);
	else
		set_status(p, b->files[0],
			   b->killed ? FILE_TIMED_OUT : FILE_CRASHED,
			   failure(p, b, status));
}

static void close_pidfd(struct batch *b)
{
	if (b->pidfd >= 0)
		close(b->pidfd);
	b->pidfd = -1;
}

static void finish(struct pool *p, struct batch *b, int status)
{
	bool ok = !b->killed && WIFEXITED(status) && !WEXITSTATUS(status);

	close_pidfd(b);

	if (ok && is_patch(p))
		collect_patch(p, b);
	else if (ok)
		collect(p, b);
	else
		failed(p, b, status);
	remove_temps(b);
	free(b->files);
}

static void stop_all(struct pool *p, const char *why)
{
	size_t i, j;
	struct batch *b;

	for (i = 0; i < p->nr_running; i++) {
		b = &p->running[i];
		kill_wait_batch(b);
		close_pidfd(b);
		for (j = 0; j < b->nr; j++)
			set_status(p, b->files[j], FILE_NOT_RUN,
				   xstrdup(why));
		remove_temps(b);
		free(b->files);
	}
	p->nr_running = 0;
	for (i = 0; i < p->nr_queue; i++) {
		for (j = 0; j < p->queue[i].nr; j++)
			set_status(p, p->queue[i].files[j], FILE_NOT_RUN,
				   xstrdup(why));
		free(p->queue[i].files);
	}
	p->nr_queue = 0;
}

/*
 * Sleep until a batch may have ended, at most ms: a fixed 20 ms nap
 * after each check cost a review 10 ms on average after its one spatch
 * had ended.  Without a pidfd for every batch (Linux before 5.3), nap.
 */
static void wait_exit(struct pool *p, int ms)
{
	struct pollfd fds[64];
	size_t i, n = p->nr_running;

	for (i = 0; i < n && i < 64 && p->running[i].pidfd >= 0; i++) {
		fds[i].fd = p->running[i].pidfd;
		fds[i].events = POLLIN;
	}
	if (i == n && n)
		poll(fds, n, ms);
	else
		usleep(ms * 1000);
}

static void reap(struct pool *p)
{
	int status;
	size_t i;
	pid_t pid = waitpid(-1, &status, WNOHANG);
	double t = now();

	for (i = 0; i < p->nr_running; i++) {
		struct batch *b = &p->running[i];

		if (b->pid == pid) {
			struct batch done = *b;

			*b = p->running[--p->nr_running];
			finish(p, &done, status);
			return;
		}
		if (t > b->deadline && !b->killed) {
			b->killed = true;
			kill_batch(b);
		}
	}
	if (pid <= 0)
		wait_exit(p, 20);
}

static void launch(struct pool *p)
{
	struct batch b;
	size_t i;

	while (p->nr_running < (size_t)p->cfg->jobs && p->nr_queue) {
		b = p->queue[--p->nr_queue];
		if (start(p, &b)) {
			for (i = 0; i < b.nr; i++)
				set_status(p, b.files[i], FILE_NOT_RUN,
					   xasprintf("cannot start spatch: %s",
						     strerror(errno)));
			free(b.files);
			continue;
		}
		p->running[p->nr_running++] = b;
	}
}

static off_t file_size(const char *root, const char *path)
{
	char *full = path_join(root, path);
	struct stat st;
	off_t size = stat(full, &st) ? 0 : st.st_size;

	free(full);
	return size;
}

/* Largest files first, each to the lightest batch: balanced batches. */
static void plan(struct pool *p, size_t nr)
{
	size_t nb = is_patch(p) || nr < (size_t)p->cfg->jobs ?
		    nr : (size_t)p->cfg->jobs;
	off_t *load = xcalloc(nb ? nb : 1, sizeof(off_t));
	off_t *size = xcalloc(nr ? nr : 1, sizeof(off_t));
	size_t *order = xcalloc(nr ? nr : 1, sizeof(size_t));
	size_t i, j, k, lightest;

	for (i = 0; i < nr; i++)
		size[i] = file_size(p->dir, p->paths[i]);
	for (i = 0; i < nr; i++) {
		for (j = i; j > 0 && size[order[j - 1]] < size[i]; j--)
			order[j] = order[j - 1];
		order[j] = i;
	}
	for (k = 0; k < nb; k++) {
		struct batch *b = ARRAY_PUSH(p->queue, p->nr_queue,
					     p->alloc_queue);

		memset(b, 0, sizeof(*b));
		b->files = xcalloc(nr, sizeof(size_t));
	}
	for (i = 0; i < nr; i++) {
		lightest = 0;
		for (k = 1; k < nb; k++)
			if (load[k] < load[lightest])
				lightest = k;
		load[lightest] += size[order[i]] + 4096;
		p->queue[lightest].files[p->queue[lightest].nr++] = order[i];
	}
	free(load);
	free(size);
	free(order);
}

int spatch_run_files(const struct spatch_config *cfg, char *const *files,
		     size_t nr, struct analysis *out)
{
	struct pool p = { .cfg = cfg, .dir = cfg->root, .paths = files,
			  .out = out };
	char *spatch = spatch_find(cfg->spatch), *sliced = NULL;
	size_t i;

	memset(out, 0, sizeof(*out));
	out->files = xcalloc(nr ? nr : 1, sizeof(*out->files));
	out->nr_files = nr;
	for (i = 0; i < nr; i++) {
		out->files[i].path = xstrdup(files[i]);
		out->files[i].status = FILE_NOT_RUN;
	}
	if (!spatch) {
		for (i = 0; i < nr; i++)
			out->files[i].detail = xasprintf("%s not found",
							 cfg->spatch);
		return -1;
	}
	build_argv(&p, spatch);
	free(spatch);
	if (spatch_may_slice(cfg->mode, cfg->with_patch, files, nr))
		sliced = spatch_slice_tree(cfg->root, files, nr);
	if (sliced)
		p.dir = sliced;
	p.running = xcalloc(cfg->jobs, sizeof(*p.running));
	plan(&p, nr);
	while (p.nr_queue || p.nr_running) {
		if (cfg->stop && *cfg->stop) {
			stop_all(&p, "interrupted");
			break;
		}
		if (out->setup_error) {
			stop_all(&p, "spatch cannot run the semantic patch");
			break;
		}
		launch(&p);
		reap(&p);
	}
	for (i = 0; i < p.nr_argv; i++)
		free(p.argv[i]);
	free(p.argv);
	free(p.queue);
	free(p.running);
	if (sliced)
		tmpdir_remove_tree(sliced);
	free(sliced);
	return 0;
}

void analysis_free(struct analysis *a)
{
	size_t i;
	struct sem_finding *f;

	for (i = 0; i < a->nr_findings; i++) {
		f = &a->findings[i];
		free(f->file);
		free(f->call);
		free(f->function);
		free(f->section);
		free(f->address);
		free(f->reason);
		free(f->value);
	}
	for (i = 0; i < a->nr_facts; i++)
		free(a->facts[i]);
	free(a->facts);
	for (i = 0; i < a->nr_lines; i++)
		free(a->lines[i]);
	free(a->lines);
	for (i = 0; i < a->nr_files; i++) {
		free(a->files[i].path);
		free(a->files[i].detail);
		free(a->files[i].output);
	}
	free(a->findings);
	free(a->files);
	free(a->setup_error);
	memset(a, 0, sizeof(*a));
}
