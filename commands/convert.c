// SPDX-License-Identifier: GPL-2.0-only
/*
 * ptsync convert: turn every convertible raw pgd/p4d_populate() call on
 * init_mm into the _kernel helper, as one diff, in place, or as a patch
 * series.  The work is in convert/; this file reads the options.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analyse/spatch.h"
#include "commands/commands.h"
#include "convert/convert.h"
#include "lib/diag.h"
#include "lib/util.h"

#define usage_error(fmt, arg) cmd_usage_error(fmt, arg)

static const char convert_usage[] =
"usage: ptsync convert [KDIR] [--dry-run | --apply | --series DIR] [--force]\n"
"                      [--add-helpers] [--verify-build] [--jobs N]\n"
"                      [--timeout SEC] [PATH...]\n"
"\n"
"Convert the raw pgd_populate()/p4d_populate() calls on init_mm of a kernel\n"
"tree (KDIR, default the current directory; optionally only under PATHs)\n"
"to pgd_populate_kernel()/p4d_populate_kernel().  Calls without a single\n"
"inferable address are never touched; they are listed on stderr.\n"
"\n"
"  --dry-run        print one unified diff (default)\n"
"  --apply          edit the files in place (temporary file, then rename)\n"
"  --series DIR     write a git format-patch series, one patch per directory\n"
"  --force          --apply: also files with uncommitted git changes;\n"
"                   --series: write into a non-empty DIR\n"
"  --add-helpers    create include/linux/pgalloc.h when the tree lacks it\n"
"  --verify-build   with --apply: make each changed object (needs .config)\n"
"  --jobs N         spatch processes and scan threads (default: CPUs)\n"
"  --timeout SEC    spatch time per file (default 120)\n"
"\n"
"Exit: 0 done (or nothing to convert), 1 a --verify-build failure,\n"
"2 usage or input error (nothing is written).\n";

enum convert_mode { MODE_DRY_RUN, MODE_APPLY, MODE_SERIES };

struct cli {
	struct convert_opts o;
	enum convert_mode mode;
	const char *series_dir;
	bool force, verify_build, mode_set;
};

static int set_mode(struct cli *c, enum convert_mode mode)
{
	if (c->mode_set && c->mode != mode)
		return usage_error("%s", "--dry-run, --apply and --series exclude each other");
	c->mode = mode;
	c->mode_set = true;
	return 0;
}

/* The first operand is KDIR when it is a kernel tree; PATHs follow. */
static int parse_option(struct cli *c, int opt)
{
	switch (opt) {
	case 'd':
		return set_mode(c, MODE_DRY_RUN);
	case 'a':
		return set_mode(c, MODE_APPLY);
	case 's':
		c->series_dir = optarg;
		return set_mode(c, MODE_SERIES);
	case 'f':
		c->force = true;
		return 0;
	case 'H':
		c->o.add_helpers = true;
		return 0;
	case 'b':
		c->verify_build = true;
		return 0;
	case 'j':
		if (parse_count(optarg, &c->o.jobs))
			return usage_error("--jobs needs a number from 1 to 4096, not '%s'",
					   optarg);
		return 0;
	case 't':
		if (parse_count(optarg, &c->o.timeout))
			return usage_error("--timeout needs seconds from 1 to 4096, not '%s'",
					   optarg);
		return 0;
	case 'h':
		fputs(convert_usage, stdout);
		return -1;
	default:
		return usage_error("%s", "invalid option");
	}
}

static int parse_args(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "dry-run", no_argument, NULL, 'd' },
		{ "apply", no_argument, NULL, 'a' },
		{ "series", required_argument, NULL, 's' },
		{ "force", no_argument, NULL, 'f' },
		{ "add-helpers", no_argument, NULL, 'H' },
		{ "verify-build", no_argument, NULL, 'b' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "timeout", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ }
	};
	struct tree_operands t;
	int opt, ret;

	c->o.jobs = default_jobs();
	c->o.timeout = 120;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "j:h", longopts, NULL)) != -1) {
		ret = parse_option(c, opt);
		if (ret)
			return ret;
	}
	if (c->verify_build && c->mode != MODE_APPLY)
		return usage_error("%s", "--verify-build needs --apply");
	ret = parse_tree_operands(argc - optind, argv + optind, &t);
	c->o.root = t.root;
	c->o.paths = t.paths;
	c->o.nr_paths = t.nr_paths;
	return ret;
}

/* Refusals that must come before any work, so nothing is written. */
static int preflight(const struct cli *c)
{
	const char *spatch = getenv("SPATCH") ? getenv("SPATCH") : "spatch";
	char *found = spatch_find(spatch);

	free(found);
	if (!found) {
		diag("%s not found; install Debian's coccinelle package",
			spatch);
		return EXIT_USAGE;
	}
	if (c->verify_build && !tree_configured(c->o.root)) {
		diag("--verify-build: %s is not configured (no .config); run 'make defconfig' or copy a config there first",
			c->o.root);
		return EXIT_USAGE;
	}
	if (c->mode == MODE_SERIES && series_dir_check(c->series_dir, c->force))
		return EXIT_USAGE;
	return 0;
}

static void print_diff(const struct convert_plan *plan)
{
	size_t i;

	for (i = 0; i < plan->nr_files; i++) {
		const struct convert_file *cf = &plan->files[i];

		printf("diff --git a/%s b/%s\n%s%s", cf->path, cf->path,
		       cf->is_new ? "new file mode 100644\n" : "", cf->diff);
	}
}

static int apply(const struct cli *c, const struct convert_plan *plan)
{
	if (!c->force && convert_dirty_files(c->o.root, plan)) {
		diag("refusing to edit files with uncommitted changes; commit or stash them, or use --force");
		return EXIT_USAGE;
	}
	if (convert_apply(c->o.root, plan))
		return EXIT_USAGE;
	diag("converted %zu calls in %zu files",
		convert_plan_calls(plan), plan->nr_files);
	if (c->verify_build && verify_build(c->o.root, plan))
		return EXIT_FINDINGS;
	return EXIT_CLEAN;
}

static int run(const struct cli *c, const struct convert_plan *plan)
{
	if (plan->nr_left) {
		diag("%zu site%s left for manual conversion:",
			plan->nr_left, plan->nr_left == 1 ? "" : "s");
		convert_print_left(stderr, plan);
	}
	if (!plan->nr_files) {
		diag("nothing to convert");
		return EXIT_CLEAN;
	}
	if (c->mode == MODE_APPLY)
		return apply(c, plan);
	if (c->mode == MODE_SERIES)
		return convert_series(c->o.root, c->series_dir, c->force, plan) ?
			EXIT_USAGE : EXIT_CLEAN;
	print_diff(plan);
	return fflush(stdout) ? EXIT_USAGE : EXIT_CLEAN;
}

int cmd_convert(int argc, char **argv)
{
	struct cli c = { 0 };
	struct convert_plan plan;
	int ret = parse_args(&c, argc, argv);

	if (ret)
		return ret < 0 ? EXIT_CLEAN : ret;
	ret = preflight(&c);
	if (ret)
		return ret;
	install_stop_handlers();
	if (convert_plan_build(&c.o, &plan)) {
		convert_plan_free(&plan);
		return EXIT_USAGE;
	}
	if (stop_requested) {
		diag("interrupted; nothing written");
		convert_plan_free(&plan);
		return EXIT_INTERRUPTED;
	}
	ret = run(&c, &plan);
	convert_plan_free(&plan);
	return ret;
}
