// SPDX-License-Identifier: GPL-2.0-only
/*
 * lib/run.c (child processes), lib/quote.c (text for mails and patches)
 * and lib/tmpdir.c (the run's private directory) on their own.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lib/quote.h"
#include "lib/run.h"
#include "lib/tmpdir.h"
#include "lib/util.h"
#include "testcases/unit/unit.h"

static int open_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	int n = 0;

	while (d && readdir(d))
		n++;
	if (d)
		closedir(d);
	return n;
}

static double seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

/* A zombie waiting for init to reap it is dead too. */
static bool alive_now(pid_t pid)
{
	char path[64], *text, *close;
	size_t len;
	bool live;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	text = read_file(path, &len);
	close = text ? strrchr(text, ')') : NULL;
	live = close && close[1] == ' ' && close[2] != 'Z' && close[2] != 'X';
	free(text);
	return live;
}

/* Whether pid is still alive after up to two seconds. */
static bool alive(pid_t pid)
{
	int i;

	for (i = 0; i < 100 && alive_now(pid); i++)
		usleep(20000);
	return alive_now(pid);
}

/* stdin from in_path (git mailinfo reads mail there), else /dev/null. */
static void run_stdin(void)
{
	static char *const cat[] = { "cat", NULL };
	char path[] = "/tmp/ptsync-test-stdin-XXXXXX", *out = NULL;
	struct run_cmd c = { .argv = cat, .capture = true };
	int fd = mkstemp(path);

	CHECK(fd >= 0 && write(fd, "mail\n", 5) == 5, "run: stdin file made");
	close(fd);
	CHECK_INT(run(&c, &out), 0, "run: cat without in_path");
	CHECK_STR(out, "", "run: stdin is /dev/null without in_path");
	free(out);
	c.in_path = path;
	CHECK_INT(run(&c, &out), 0, "run: cat with in_path");
	CHECK_STR(out, "mail\n", "run: stdin is in_path");
	free(out);
	unlink(path);
}

static void test_run(void)
{
	static char *const echo[] = { "sh", "-c", "echo out; echo err >&2; exit 3", NULL };
	static char *const sig[] = { "sh", "-c", "kill -9 $$", NULL };
	static char *const none[] = { "/nonexistent/program", NULL };
	/* The grandchild prints its pid, then both sleep: a process tree. */
	static char *const tree[] = { "sh", "-c", "sleep 30 & echo $!; wait", NULL };
	struct run_cmd c = { .argv = echo, .capture = true };
	int fds = open_fds(), ret;
	char *out = NULL;
	double t;

	ret = run(&c, &out);
	CHECK_INT(ret, 3, "run: the exit status");
	CHECK_STR(out, "out\n", "run: stdout captured, stderr not");
	free(out);
	c.argv = sig;
	CHECK_INT(run(&c, NULL), 128 + SIGKILL, "run: a signal is 128 + signal");
	c.argv = none;
	CHECK_INT(run(&c, NULL), 127, "run: a missing program exits 127");
	c.argv = tree;
	c.timeout = 1;
	t = seconds();
	ret = run(&c, &out);
	CHECK_INT(ret, RUN_TIMED_OUT, "run: the timeout fires");
	CHECK(seconds() - t < 5, "run: the timeout took %.1f s", seconds() - t);
	CHECK(out && atoi(out) > 0 && !alive(atoi(out)),
	      "run: the timeout killed the grandchild too (%s)", out ? out : "");
	free(out);
	run_stdin();
	CHECK_INT(open_fds(), fds, "run: no file descriptor leaked");
}

/* A child whose parent dies by SIGKILL: its command dies with it. */
static void test_death(void)
{
	static char *const tree[] = { "sh", "-c", "sleep 30 & echo $! >&2; wait", NULL };
	int fds[2], status;
	char buf[32] = "";
	pid_t parent, sleeper = 0;

	if (pipe(fds))
		return;
	fflush(stdout);
	parent = fork();
	if (!parent) {
		struct run_cmd c = { .argv = tree, .keep_stderr = true };
		struct run_job job;

		dup2(fds[1], 2);	/* the command reports its sleeper there */
		close(fds[0]);
		close(fds[1]);
		run_start(&c, &job);
		pause();
		_exit(0);
	}
	close(fds[1]);
	if (read(fds[0], buf, sizeof(buf) - 1) > 0)
		sleeper = atoi(buf);
	close(fds[0]);
	kill(parent, SIGKILL);
	waitpid(parent, &status, 0);
	CHECK(sleeper > 0 && !alive(sleeper),
	      "run: SIGKILL of the parent ends the command's children (pid %d)",
	      (int)sleeper);
	if (sleeper > 0)
		kill(sleeper, SIGKILL);
}

static void test_quote(void)
{
	char *s;

	s = text_printable("caf\xe9 \x1b[31mred\xc3\xa9\tx\xc2\x9by");
	CHECK_STR(s, "caf\xc3\xa9 ?[31mred\xc3\xa9 x?y",
		  "text_printable: Latin-1 to UTF-8, controls to '?'");
	free(s);
	s = header_encode("plain [PATCH] subject", 13);
	CHECK_STR(s, "plain [PATCH] subject", "header_encode: ASCII as is");
	free(s);
	s = header_encode("caf\xe9", 13);
	CHECK_STR(s, "=?UTF-8?B?Y2Fmw6k=?=", "header_encode: RFC 2047 word");
	free(s);
	s = header_encode("\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac"
			  "\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac"
			  "\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac"
			  "\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac", 13);
	CHECK(s && strchr(s, '\n') && !strstr(s, "\n\n") &&
	      strlen(s) - strlen(strrchr(s, '\n')) + 13 <= 76,
	      "header_encode: long text folds within 76 columns: %s", s);
	free(s);
	s = path_quote("a/", "x\nSigned-off-by: y/\"q\"\\.c");
	CHECK_STR(s, "\"a/x\\nSigned-off-by: y/\\\"q\\\"\\\\.c\"",
		  "path_quote: newline and quotes escaped as git does");
	free(s);
	s = path_quote("b/", "mm/init.c");
	CHECK_STR(s, "b/mm/init.c", "path_quote: plain names as they are");
	free(s);
}

static char *unit_root;

static void remove_root(void)
{
	if (unit_root)
		rmdir(unit_root);
}

static void test_tmpdir(void)
{
	char *root = xstrdup("/tmp/ptsync-unit-XXXXXX"), *stale, *file, *kfile;
	const char *mine;
	struct stat st;
	pid_t dead;

	fflush(stdout);
	dead = fork();

	if (!dead)
		_exit(0);
	waitpid(dead, NULL, 0);
	if (!mkdtemp(root))
		return;
	unit_root = root;
	atexit(remove_root);	/* after tmpdir's own handler */
	setenv("TMPDIR", root, 1);
	stale = xasprintf("%s/ptsync-%d-AbCdEf", root, (int)dead);
	kfile = xasprintf("%s/kernel.c.ptsync-%d-0", root, (int)dead);
	file = path_join(stale, "journal");
	mkdir(stale, 0700);
	{
		FILE *f = fopen(file, "w"), *k = fopen(kfile, "w");

		if (f)
			fprintf(f, "%s\n", kfile), fclose(f);
		if (k)
			fclose(k);
	}
	mine = tmpdir_get();
	CHECK(mine && str_starts_with(mine, root), "tmpdir: made in TMPDIR");
	tmpdir_clean_stale();
	CHECK(stat(stale, &st) && errno == ENOENT,
	      "tmpdir: a dead run's directory is removed");
	CHECK(stat(kfile, &st) && errno == ENOENT,
	      "tmpdir: a dead run's journaled file is removed");
	CHECK(mine && !stat(mine, &st), "tmpdir: the live run's stays");
	free(stale);
	free(file);
	free(kfile);
}

/* Repeats go, and are freed (ASan would say otherwise). */
static void test_strings_unique(void)
{
	char **v = xcalloc(5, sizeof(*v));
	size_t n;

	v[0] = xstrdup("a");
	v[1] = xstrdup("a");
	v[2] = xstrdup("b");
	v[3] = xstrdup("c");
	v[4] = xstrdup("c");
	n = strings_unique(v, 5);	/* CHECK_INT reads its argument twice */
	CHECK_INT(n, 3, "strings_unique: three left");
	CHECK(!strcmp(v[0], "a") && !strcmp(v[1], "b") && !strcmp(v[2], "c"),
	      "strings_unique: in order");
	n = strings_unique(v, 0);
	CHECK_INT(n, 0, "strings_unique: none");
	strings_free(v, 3);
}

int main(void)
{
	test_strings_unique();
	test_run();
	test_death();
	test_quote();
	test_tmpdir();
	return unit_done("unit lib");
}
