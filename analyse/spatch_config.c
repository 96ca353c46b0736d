// SPDX-License-Identifier: GPL-2.0-only
/*
 * How every subcommand runs spatch, in one place: which spatch, which
 * python, which semantic patch, and the stop flag.
 */
#define _GNU_SOURCE		/* dladdr() */
#include <dlfcn.h>
#include <gnu/libc-version.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyse/spatch.h"
#include "lib/stop.h"
#include "lib/util.h"

/* The directory of the running program, for finding its data. */
static char *program_dir(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
	char *slash;

	if (n <= 0)
		return xstrdup(".");
	buf[n] = '\0';
	slash = strrchr(buf, '/');
	if (slash)
		*slash = '\0';
	return xstrdup(buf);
}

char *find_cocci(void)
{
	static const char *const places[] = {
		"semantic-patches/populate_kernel.cocci",
		"../share/ptsync/populate_kernel.cocci",
	};
	const char *env = getenv("PTSYNC_COCCI");
	char *dir, *path;
	size_t i;

	if (env)
		return access(env, R_OK) ? NULL : xstrdup(env);
	dir = program_dir();
	for (i = 0; i < ARRAY_SIZE(places); i++) {
		path = path_join(dir, places[i]);
		if (!access(path, R_OK)) {
			free(dir);
			return path;
		}
		free(path);
	}
	free(dir);
	return NULL;
}

/*
 * The libpython of python's version, in the directory of this process's
 * own libc (/usr/lib/x86_64-linux-gnu on Debian), or NULL.  The libc is
 * found by a function no sanitizer runtime wraps.
 */
static char *python_library(const char *python)
{
	char real[PATH_MAX], *arch, *path;
	unsigned int major, minor;
	Dl_info libc;

	if (!python || !realpath(python, real) ||
	    sscanf(basename(real), "python%u.%u", &major, &minor) != 2 ||
	    !dladdr((void *)gnu_get_libc_version, &libc) || !libc.dli_fname)
		return NULL;
	snprintf(real, sizeof(real), "%s", libc.dli_fname);
	arch = basename(dirname(real));	/* "x86_64-linux-gnu" */
	path = xasprintf("/usr/lib/%s/libpython%u.%u.so.1.0", arch, major,
			 minor);
	if (!access(path, R_OK))
		return path;
	free(path);
	return NULL;
}

/*
 * spatch's Python binding (pyml) looks for libpython by running the
 * interpreter, ldd and ldconfig -p in every spatch process: about 0.1 s
 * of each start, which a review pays in full.  With the library already
 * loaded, pyml takes it and runs none of them.  A LD_PRELOAD the user
 * set stays first.
 */
static char *python_preload(const char *python)
{
	char *lib = python_library(python), *env;
	const char *was = getenv("LD_PRELOAD");

	if (!lib)
		return NULL;
	env = was && *was ? xasprintf("LD_PRELOAD=%s:%s", was, lib) :
			    xasprintf("LD_PRELOAD=%s", lib);
	free(lib);
	return env;
}

/*
 * spatch's major GC: at OCaml's default space_overhead it spent about a
 * tenth of a cold check's spatch time there (caml_page_table_lookup() was
 * its hottest function).  o=200 lets the heap grow further between
 * cycles: on 6.12's 17 candidate files 1.44-1.54 CPU-seconds became
 * 1.33-1.40 for 2 MB more (53 to 55 MB); o=1000 saved a little more for
 * 30 MB, which a large file would multiply.  A setting of the user's
 * stays as it is.
 */
static char *gc_setting(void)
{
	return getenv("OCAMLRUNPARAM") || getenv("CAMLRUNPARAM") ? NULL :
	       xstrdup("OCAMLRUNPARAM=o=200");
}

void spatch_config_init(struct spatch_config *cfg, const char *root,
			int jobs, int timeout, const char *mode)
{
	size_t n = 0;

	memset(cfg, 0, sizeof(*cfg));
	cfg->root = root;
	cfg->jobs = jobs > 0 ? jobs : 1;
	cfg->timeout = timeout;
	cfg->mode = mode;
	cfg->stop = &stop_requested;
	cfg->spatch = getenv("SPATCH") ? getenv("SPATCH") : "spatch";
	/* spatch was built against Debian's python3, not whatever PATH has. */
	cfg->python = access("/usr/bin/python3", X_OK) ? NULL : "/usr/bin/python3";
	cfg->env[n] = python_preload(cfg->python);
	n += cfg->env[n] != NULL;
	cfg->env[n] = gc_setting();
	cfg->cocci = find_cocci();
}

void spatch_config_release(struct spatch_config *cfg)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cfg->env); i++)
		free(cfg->env[i]);
	free((char *)cfg->cocci);
	cfg->cocci = NULL;
}
