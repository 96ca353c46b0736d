// SPDX-License-Identifier: GPL-2.0-only
/*
 * The setup probe: spatch on a three-line function with a raw call, run
 * only after a batch has failed, so a working setup pays nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyse/spatch_setup.h"
#include "lib/run.h"
#include "lib/tmpdir.h"
#include "lib/util.h"

/* The oldest Coccinelle the semantic patch is written for (Debian 12's). */
#define MIN_MAJOR 1
#define MIN_MINOR 1
#define MIN_PATCH 1

static const char probe_source[] =
	"void probe(unsigned long addr, p4d_t *p4d)\n"
	"{\n"
	"\tpgd_t *pgd = pgd_offset_k(addr);\n"
	"\n"
	"\tpgd_populate(&init_mm, pgd, p4d);\n"
	"}\n";

/* What spatch prints when a piece it loads at run time is missing. */
static const struct {
	const char *needle;
	const char *message;
} missing[] = {
	{ "Py.find_library",
	  "spatch cannot load Python for the semantic patch's script rules; install Debian's libpython3.11-dev" },
	{ "libpython",
	  "spatch cannot load Python for the semantic patch's script rules; install Debian's libpython3.11-dev" },
	{ "No OCaml compiler",
	  "spatch cannot compile OCaml script rules; install Debian's ocaml-nox (the ocaml package)" },
};

char *spatch_setup_diagnose(const char *err)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(missing); i++)
		if (strstr(err, missing[i].needle))
			return xstrdup(missing[i].message);
	return NULL;
}

/* The first line of text that holds needle, or the last line. */
static char *line_of(const char *text, const char *needle)
{
	const char *start = needle ? strstr(text, needle) : NULL;
	const char *end;

	if (!start) {
		end = text + strlen(text);
		while (end > text && (end[-1] == '\n' || end[-1] == ' '))
			end--;
		start = end;
		while (start > text && start[-1] != '\n')
			start--;
	}
	while (start > text && start[-1] != '\n')
		start--;
	end = start + strcspn(start, "\n");
	return xstrndup(start, end - start > 300 ? 300 : end - start);
}

/* "spatch version 1.1.1 compiled with ..." -> too old or not. */
static char *version_problem(const char *spatch)
{
	char *argv[3] = { (char *)spatch, "--version" };
	struct run_cmd c = { .argv = argv, .capture = true, .timeout = 30 };
	char *text = NULL, *msg = NULL;
	int major, minor, patch = 0;
	const char *v;

	if (run(&c, &text) != 0) {
		free(text);
		text = NULL;
	}
	v = text ? strstr(text, "version ") : NULL;
	if (v && sscanf(v, "version %d.%d.%d", &major, &minor, &patch) >= 2 &&
	    (major < MIN_MAJOR ||
	     (major == MIN_MAJOR && (minor < MIN_MINOR ||
				     (minor == MIN_MINOR && patch < MIN_PATCH)))))
		msg = xasprintf("spatch %d.%d.%d is too old for the semantic patch; install coccinelle >= %d.%d.%d (Debian 12's)",
				major, minor, patch, MIN_MAJOR, MIN_MINOR,
				MIN_PATCH);
	free(text);
	return msg;
}

static char *diagnose_run(char *const *argv, const char *dir, int status)
{
	char *errpath = path_join(dir, "err"), *err, *msg, *line;
	size_t len;

	err = read_file(errpath, &len);
	free(errpath);
	if (!err)
		err = xstrdup("");
	msg = spatch_setup_diagnose(err);
	if (!msg)
		msg = version_problem(argv[0]);
	if (!msg) {
		line = line_of(err, "rror");
		msg = xasprintf("spatch cannot run the semantic patch (status %d%s%s); it needs coccinelle >= %d.%d.%d with libpython3.11-dev",
				status, *line ? ": " : "", line, MIN_MAJOR,
				MIN_MINOR, MIN_PATCH);
		free(line);
	}
	free(err);
	return msg;
}

char *spatch_setup_problem(char *const *argv, size_t nr, int timeout)
{
	char *dir = tmpdir_subdir("probe");
	char **args, *src, *out, *err, *msg = NULL;
	struct run_cmd c = { .timeout = timeout };
	bool written;
	int status;
	FILE *f;

	if (!dir)
		return NULL;
	src = path_join(dir, "probe.c");
	out = path_join(dir, "out");
	err = path_join(dir, "err");
	f = fopen(src, "w");
	written = f && fputs(probe_source, f) >= 0;
	/* Closed exactly once, whether or not the write worked. */
	if (f && fclose(f))
		written = false;
	if (written) {
		args = xcalloc(nr + 2, sizeof(*args));
		memcpy(args, argv, nr * sizeof(*args));
		args[nr] = "probe.c";
		c.argv = args;
		c.dir = dir;
		c.out_path = out;
		c.err_path = err;
		status = run(&c, NULL);
		/* A hang, a stop or a failure to start is not a setup answer. */
		if (status > 0)
			msg = diagnose_run(argv, dir, status);
		free(args);
	}
	tmpdir_remove_tree(dir);
	free(src);
	free(out);
	free(err);
	free(dir);
	return msg;
}
