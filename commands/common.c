// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands/commands.h"
#include "lib/diag.h"
#include "lib/cache.h"
#include "lib/util.h"

static bool exists(const char *dir, const char *name, bool want_dir)
{
	char *path = path_join(dir, name);
	struct stat st;
	bool ok = !stat(path, &st) && (want_dir ? S_ISDIR(st.st_mode) :
					S_ISREG(st.st_mode));

	free(path);
	return ok;
}

bool is_kernel_tree(const char *dir)
{
	return exists(dir, "Makefile", false) && exists(dir, "arch", true) &&
	       exists(dir, "include/linux", true) && exists(dir, "mm", true);
}

const char *require_kernel_tree(const char *dir)
{
	struct stat st;

	if (!dir)
		dir = ".";
	if (stat(dir, &st)) {
		diag("%s: %s", dir, strerror(errno));
		return NULL;
	}
	if (!S_ISDIR(st.st_mode) || !is_kernel_tree(dir)) {
		diag("%s is not a kernel source tree (needs Makefile, arch/, include/linux/, mm/)",
		     dir);
		return NULL;
	}
	return dir;
}

int cmd_usage_error(const char *fmt, const char *arg)
{
	char *msg = xasprintf(fmt, arg);

	diag("%s\nTry 'ptsync %s --help'.", msg, diag_command());
	free(msg);
	return EXIT_USAGE;
}

int parse_severity(const char *s, enum severity *sev)
{
	if (!strcmp(s, "error"))
		*sev = SEV_ERROR;
	else if (!strcmp(s, "warning"))
		*sev = SEV_WARNING;
	else if (!strcmp(s, "note"))
		*sev = SEV_NOTE;
	else
		return -1;
	return 0;
}

int opt_severity(void *value, const char *arg)
{
	return parse_severity(arg, value);
}

/*
 * "[KDIR] [PATH...]": the first operand is KDIR when it is a kernel tree,
 * or when the current directory is not one (then it is refused by name).
 * PATHs must exist inside the tree, and a file must be C (.c or .h).
 */
int parse_tree_operands(int argc, char **argv,
			struct tree_operands *t)
{
	struct stat st;
	int i, bad;
	char *full;

	t->root = ".";
	if (argc > 0 && (is_kernel_tree(argv[0]) || !is_kernel_tree("."))) {
		t->root = argv[0];
		argc--;
		argv++;
	}
	if (!require_kernel_tree(t->root))
		return EXIT_USAGE;
	t->paths = argv;
	t->nr_paths = argc;
	for (i = 0; i < argc; i++) {
		full = path_join(t->root, argv[i]);
		bad = stat(full, &st);
		free(full);
		if (bad || argv[i][0] == '/' || strstr(argv[i], ".."))
			return cmd_usage_error("%s: no such path inside the tree",
					       argv[i]);
		/* the scan reads only C: another file would check nothing */
		if (S_ISREG(st.st_mode) && !str_ends_with(argv[i], ".c") &&
		    !str_ends_with(argv[i], ".h"))
			return cmd_usage_error("%s: not a C source or header (.c, .h)",
					       argv[i]);
	}
	return 0;
}

void apply_cache_choice(const struct cache_choice *c)
{
	cache_configure(c->dir && *c->dir ? c->dir : NULL, c->off);
}
