// SPDX-License-Identifier: GPL-2.0-only
/*
 * ptsync convert: turn every convertible raw pgd/p4d_populate() call on
 * init_mm into the _kernel helper, as one diff, in place, or as a patch
 * series.  The work is in convert/; this file reads the options.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analyse/spatch.h"
#include "commands/commands.h"
#include "convert/convert.h"
#include "convert/diff.h"
#include "lib/diag.h"
#include "lib/util.h"

enum convert_mode { MODE_DRY_RUN, MODE_APPLY, MODE_SERIES };

struct cli {
	struct convert_opts o;
	enum convert_mode mode;
	const char *series_dir;
	bool force, verify_build, dry_run, apply;
};

/* The first operand is KDIR when it is a kernel tree; PATHs follow. */
static int parse_args(struct cli *c, int argc, char **argv)
{
	const struct opt opts[] = {
		OPT_FLAG("dry-run", &c->dry_run, "print one unified diff (default)"),
		OPT_FLAG("apply", &c->apply,
			 "edit the files in place (temporary file, then rename)"),
		OPT_STR("series", &c->series_dir, "DIR",
			"write a git format-patch series, one patch per directory"),
		OPT_FLAG("force", &c->force,
			 "--apply: also files with uncommitted git changes;\n"
			 "--series: write into a non-empty DIR"),
		OPT_FLAG("add-helpers", &c->o.add_helpers,
			 "create include/linux/pgalloc.h when the tree lacks it"),
		OPT_FLAG("verify-build", &c->verify_build,
			 "with --apply: make each changed object (needs .config)"),
		OPT_JOBS(&c->o.jobs),
		OPT_TIMEOUT(&c->o.timeout),
		OPT_DONE
	};
	const struct usage usage = {
		.command = "convert",
		.operands = "[KDIR] [PATH...]",
		.intro = "Convert the raw pgd_populate()/p4d_populate() calls on init_mm of a kernel\n"
			 "tree (KDIR, default the current directory; optionally only under PATHs)\n"
			 "to pgd_populate_kernel()/p4d_populate_kernel().  Calls without a single\n"
			 "inferable address are never touched; they are listed on stderr.\n",
		.opts = opts,
		.outro = "Exit: 0 done (or nothing to convert), 1 a --verify-build failure,\n"
			 "2 usage or input error (nothing is written), 130 interrupted\n"
			 "(--apply stops between files and says what it wrote).\n",
	};
	struct tree_operands t;
	int first, ret;

	c->o.jobs = default_jobs();
	c->o.timeout = 120;
	ret = parse_options(&usage, argc, argv, &first);
	if (ret)
		return ret == 1 ? -1 : EXIT_USAGE;
	if (c->dry_run + c->apply + !!c->series_dir > 1)
		return cmd_usage_error("%s", "--dry-run, --apply and --series exclude each other");
	c->mode = c->apply ? MODE_APPLY : c->series_dir ? MODE_SERIES :
		  MODE_DRY_RUN;
	if (c->verify_build && c->mode != MODE_APPLY)
		return cmd_usage_error("%s", "--verify-build needs --apply");
	ret = parse_tree_operands(argc - first, argv + first, &t);
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

		put_git_header(stdout, cf->path, cf->is_new);
		fputs(cf->diff, stdout);
	}
}

static int apply(const struct cli *c, const struct convert_plan *plan)
{
	int ret;

	if (!c->force && convert_dirty_files(c->o.root, plan)) {
		diag("refusing to edit files with uncommitted changes; commit or stash them, or use --force");
		return EXIT_USAGE;
	}
	ret = convert_apply(c->o.root, plan, &stop_requested);
	if (ret > 0)
		return EXIT_INTERRUPTED;
	if (ret)
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
