// SPDX-License-Identifier: GPL-2.0-only
/*
 * ptsync check: scan, analyse, cross-check, classify, report.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/diag.h"
#include "lib/kernel_facts.h"
#include "lib/rules.h"
#include "pipeline/pipeline.h"
#include "commands/commands.h"
#include "lib/util.h"
#include "report/report.h"
#include "scan/scan.h"

struct check_opts {
	const char *format;
	int jobs;
	int timeout;
	enum severity fail_on;
	const char *root;
	char **paths;
	int nr_paths;
	struct cache_choice cache;
};

static int render_gcc(const struct finding_list *f, const struct arch_model *m,
		      const struct check_summary *s)
{
	return report_gcc(stdout, f);
}

static int render_text(const struct finding_list *f,
		       const struct arch_model *m,
		       const struct check_summary *s)
{
	return report_text(stdout, f, m, s);
}

static int render_json(const struct finding_list *f,
		       const struct arch_model *m,
		       const struct check_summary *s)
{
	return report_json(stdout, f, m, s);
}

static const struct {
	const char *name;
	int (*render)(const struct finding_list *f, const struct arch_model *m,
		      const struct check_summary *s);
} formats[] = {
	{ "text", render_text },
	{ "gcc", render_gcc },
	{ "json", render_json },
};

static const char *const format_names[] = { "text", "gcc", "json", NULL };

static int parse_check_args(struct check_opts *o, int argc, char **argv)
{
	const struct opt opts[] = {
		OPT_ONE_OF("format", &o->format, "FMT", format_names,
			   "text (default): gcc lines, a table per arch variant and\n"
			   "a summary; gcc: the lines alone; json: report/schema.json"),
		OPT_JOBS(&o->jobs),
		OPT_FAIL_ON(&o->fail_on,
			    "exit 1 when a finding is at least SEV (default warning)"),
		OPT_TIMEOUT(&o->timeout),
		OPT_CACHE(&o->cache),
		OPT_DONE
	};
	const struct usage usage = {
		.command = "check",
		.operands = "[KDIR] [PATH...]",
		.intro = "Check a kernel tree (KDIR, default the current directory) for raw\n"
			 "pgd_populate()/p4d_populate() calls on init_mm, optionally only under\n"
			 "the given PATHs (relative to the tree).\n",
		.opts = opts,
		.outro = "Environment: SPATCH (the spatch program), PTSYNC_COCCI (the semantic patch),\n"
			 "PTSYNC_CACHE_DIR, XDG_CACHE_HOME (the cache), PTSYNC_CACHE_MAX (its bound\n"
			 "in MiB, default 256).\n"
			 "Exit: 0 clean, 1 findings at --fail-on or above, 2 usage or input error\n"
			 "(not a kernel tree, unreadable files, spatch missing or unable to run the\n"
			 "semantic patch), 130 interrupted.\n",
	};
	struct tree_operands t;
	int first, ret;

	o->format = "text";
	o->jobs = default_jobs();
	o->timeout = 120;
	o->fail_on = SEV_WARNING;
	ret = parse_options(&usage, argc, argv, &first);
	if (ret)
		return ret == 1 ? -1 : EXIT_USAGE;
	apply_cache_choice(&o->cache);
	ret = parse_tree_operands(argc - first, argv + first, &t);
	o->root = t.root;
	o->paths = t.paths;
	o->nr_paths = t.nr_paths;
	return ret;
}

static int render(const struct check_opts *o, const struct finding_list *f,
		  const struct arch_model *m, const struct check_summary *s)
{
	size_t i;
	int ret = -1;

	for (i = 0; i < ARRAY_SIZE(formats); i++)
		if (!strcmp(o->format, formats[i].name))
			ret = formats[i].render(f, m, s);
	if (ret || fflush(stdout))
		diag("cannot write the report");
	return ret;
}

static int exit_code(const struct check_opts *o, const struct check_summary *s,
		     bool incomplete)
{
	int sev;

	if (s->interrupted) {
		diag("interrupted; calls not analysed are listed as unanalyzed");
		return EXIT_INTERRUPTED;
	}
	if (incomplete)
		return EXIT_USAGE;
	for (sev = SEV_ERROR; sev >= (int)o->fail_on; sev--)
		if (s->by_severity[sev])
			return EXIT_FINDINGS;
	return EXIT_CLEAN;
}

/* Does root's include/linux carry the generic ARCH_PAGE_TABLE_SYNC_MASK? */
static bool has_generic_mask(const char *root)
{
	static const char *const homes[] = {
		"include/linux/pgtable.h",	/* v6.17 and later */
		"include/linux/vmalloc.h",	/* v5.8 to v6.16 */
	};
	bool found = false;
	size_t i, len;

	for (i = 0; i < ARRAY_SIZE(homes) && !found; i++) {
		char *path = path_join(root, homes[i]);
		char *text = read_file(path, &len);

		found = text && strstr(text, "ARCH_PAGE_TABLE_SYNC_MASK");
		free(text);
		free(path);
	}
	return found;
}

/*
 * A tree older than ARCH_PAGE_TABLE_SYNC_MASK (before v5.8) says nothing
 * about which arches need the sync: every call reads as latent there,
 * although x86-64 then synced its top level by hand, and the vmalloc area
 * lazily (arches/model.c takes no hand sync there).  Say so.
 */
static void note_no_sync_mask(const struct pipeline *p, const char *root)
{
	size_t i;

	if (!p->findings.nr)
		return;
	for (i = 0; i < p->model.nr_variants; i++)
		if (p->model.variants[i].file)
			return;
	if (has_generic_mask(root))
		return;
	diag("%s defines no ARCH_PAGE_TABLE_SYNC_MASK (it predates v5.8): no arch's needs can be read from it, so no call is exposed, although x86-64 synced its top-level entries by hand (sync_global_pgds()) and the vmalloc area lazily (vmalloc_fault()) in such trees",
	     root);
}

static bool names_helper(const struct finding *f)
{
	static const char *const rules[] = {
		RULE_CONVERT, RULE_MANUAL, RULE_INDIRECT,
	};
	size_t i;

	for (i = 0; f->rule && !f->owner && i < ARRAY_SIZE(rules); i++)
		if (!strcmp(f->rule, rules[i]))
			return true;
	return false;
}

/*
 * The advice "use pgd_populate_kernel(...)" names a helper a tree before
 * v6.17 and its stable backports lacks (5.10, vendor trees): say so once,
 * and how to get it, rather than let each line read as a ready fix.
 */
static void note_no_helpers(const struct pipeline *p, const char *root)
{
	size_t i;

	for (i = 0; i < p->findings.nr; i++)
		if (names_helper(&p->findings.items[i]))
			break;
	if (i == p->findings.nr || scan_helpers_defined(root, &p->scan))
		return;
	/* convert --add-helpers refuses a tree without the mask and hook */
	if (!has_generic_mask(root))
		diag("%s defines no %s() or %s() (include/linux/pgalloc.h, v6.17 and the stable backports), nor what they need (ARCH_PAGE_TABLE_SYNC_MASK, arch_sync_kernel_mappings(), v5.8): the fixes below name them; sync by hand where the arch needs it",
		     root, KF_HELPER_PGD, KF_HELPER_P4D);
	else
		diag("%s defines no %s() or %s() (include/linux/pgalloc.h, v6.17 and the stable backports): the fixes below name them; ptsync convert --add-helpers adds them with the conversion",
		     root, KF_HELPER_PGD, KF_HELPER_P4D);
}

int cmd_check(int argc, char **argv)
{
	struct check_opts o = { 0 };
	struct pipeline_opts po = { 0 };
	struct pipeline p;
	struct check_summary summary;
	bool incomplete;
	int ret = parse_check_args(&o, argc, argv);

	if (ret)
		return ret < 0 ? EXIT_CLEAN : ret;
	po.root = o.root;
	po.paths = o.paths;
	po.nr_paths = o.nr_paths;
	po.jobs = o.jobs;
	po.timeout = o.timeout;
	po.progress = isatty(2);
	po.indexed = true;
	install_stop_handlers();
	if (pipeline_run(&po, &p)) {
		diag("cannot scan %s: %s", o.root,
			strerror(errno));
		return EXIT_USAGE;
	}
	incomplete = pipeline_report_problems(&p);
	if (p.setup_error) {
		pipeline_free(&p);
		return EXIT_USAGE;
	}
	note_no_sync_mask(&p, o.root);
	note_no_helpers(&p, o.root);
	pipeline_summary(&p, o.root, stop_requested != 0, &summary);
	ret = render(&o, &p.findings, &p.model, &summary) ? EXIT_USAGE :
		exit_code(&o, &summary, incomplete);
	pipeline_free(&p);
	return ret;
}
