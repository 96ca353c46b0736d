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
#include "convert/verify.h"
#include "lib/diag.h"
#include "lib/util.h"

enum convert_mode { MODE_DRY_RUN, MODE_APPLY, MODE_SERIES };

struct cli {
	struct convert_opts o;
	enum convert_mode mode;
	const char *series_dir;
	const char *from, *base, *build_dir;
	bool force, verify_build, dry_run, apply, signoff;
	struct cache_choice cache;
};

/* --from: one "Name <email>" line, as git's --author takes it. */
static int parse_from(void *value, const char *arg)
{
	if (!strchr(arg, '<') || !strchr(arg, '>') || strpbrk(arg, "\r\n"))
		return -1;
	*(const char **)value = arg;
	return 0;
}

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
		OPT_FLAG("signoff", &c->signoff,
			 "--series: add Signed-off-by: (git's user of KDIR or --from)"),
		OPT_CB("from", &c->from, "ID", parse_from, "'Name <email>'",
		       "--series: the author, 'Name <email>'"),
		OPT_STR("base", &c->base, "REV",
			"--series: base-commit: REV (default HEAD when KDIR is git)"),
		OPT_FLAG("add-helpers", &c->o.add_helpers,
			 "create include/linux/pgalloc.h when the tree lacks it"),
		OPT_FLAG("verify-build", &c->verify_build,
			 "compile each changed file for its arch (Debian's cross\n"
			 "compilers) before and after, in a scratch copy of KDIR,\n"
			 "and compare the code; --series states the outcome"),
		OPT_STR("build-dir", &c->build_dir, "DIR",
			"keep the configured scratch copies in DIR for reuse"),
		OPT_JOBS(&c->o.jobs),
		OPT_TIMEOUT(&c->o.timeout),
		OPT_CACHE(&c->cache),
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
		.outro = "Exit: 0 done (or nothing to convert), 1 a --verify-build failure (a build\n"
			 "error, or changed code where the arch's sync mask lacks the level),\n"
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
	apply_cache_choice(&c->cache);
	if (c->dry_run + c->apply + !!c->series_dir > 1)
		return cmd_usage_error("%s", "--dry-run, --apply and --series exclude each other");
	c->mode = c->apply ? MODE_APPLY : c->series_dir ? MODE_SERIES :
		  MODE_DRY_RUN;
	if ((c->signoff || c->from || c->base) && c->mode != MODE_SERIES)
		return cmd_usage_error("%s", "--signoff, --from and --base need --series");
	if (c->build_dir && !c->verify_build)
		return cmd_usage_error("%s", "--build-dir needs --verify-build");
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
	return EXIT_CLEAN;
}

static int series(const struct cli *c, const struct convert_plan *plan,
		  const struct build_report *rep)
{
	struct series_opts so = {
		.dir = c->series_dir, .force = c->force, .signoff = c->signoff,
		.from = c->from, .base = c->base, .builds = rep,
	};

	return convert_series(c->o.root, &so, plan) ? EXIT_USAGE : EXIT_CLEAN;
}

/* The mode's work, after the builds so that a series says what was built. */
static int output(const struct cli *c, const struct convert_plan *plan,
		  const struct build_report *rep)
{
	if (c->mode == MODE_APPLY)
		return apply(c, plan);
	if (c->mode == MODE_SERIES)
		return series(c, plan, rep);
	print_diff(plan);
	return fflush(stdout) ? EXIT_USAGE : EXIT_CLEAN;
}

static int run(const struct cli *c, const struct convert_plan *plan)
{
	struct verify_opts vo;
	struct build_report rep;
	int failed, ret;

	if (plan->nr_left) {
		diag("%zu site%s left for manual conversion:",
			plan->nr_left, plan->nr_left == 1 ? "" : "s");
		convert_print_left(stderr, plan);
	}
	if (!plan->nr_files) {
		diag("nothing to convert");
		return EXIT_CLEAN;
	}
	if (!c->verify_build)
		return output(c, plan, NULL);
	vo.build_dir = c->build_dir;
	vo.jobs = c->o.jobs;
	failed = verify_build(c->o.root, plan, &vo, &rep);
	/* the diff goes to stdout: the build lines go to stderr then */
	build_report_print(&rep, c->mode == MODE_DRY_RUN ? stderr : stdout);
	ret = output(c, plan, &rep);
	build_report_free(&rep);
	return ret == EXIT_CLEAN && failed ? EXIT_FINDINGS : ret;
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
