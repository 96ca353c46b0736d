// SPDX-License-Identifier: GPL-2.0-only
/*
 * ptsync check: scan, analyse, cross-check, classify, report.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/diag.h"
#include "pipeline/pipeline.h"
#include "commands/commands.h"
#include "lib/util.h"
#include "report/report.h"

#define usage_error(fmt, arg) cmd_usage_error(fmt, arg)

static const char check_usage[] =
"usage: ptsync check [KDIR] [--format text|gcc|json] [--jobs N]\n"
"                    [--fail-on error|warning|note] [--timeout SEC] [PATH...]\n"
"\n"
"Check a kernel tree (KDIR, default the current directory) for raw\n"
"pgd_populate()/p4d_populate() calls on init_mm, optionally only under\n"
"the given PATHs (relative to the tree).\n"
"\n"
"  --format FMT     text (default): gcc lines, a table per arch variant and\n"
"                   a summary; gcc: the lines alone; json: report/schema.json\n"
"  --jobs N         spatch processes and scan threads (default: CPUs)\n"
"  --fail-on SEV    exit 1 when a finding is at least SEV (default warning)\n"
"  --timeout SEC    spatch time per file (default 120)\n"
"\n"
"Environment: SPATCH (the spatch program), PTSYNC_COCCI (the semantic patch).\n"
"Exit: 0 clean, 1 findings at --fail-on or above, 2 usage or input error\n"
"(not a kernel tree, unreadable files, spatch missing), 130 interrupted.\n";

struct check_opts {
	const char *format;
	int jobs;
	int timeout;
	enum severity fail_on;
	const char *root;
	char **paths;
	int nr_paths;
};

static int parse_check_args(struct check_opts *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "fail-on", required_argument, NULL, 'F' },
		{ "timeout", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ }
	};
	struct tree_operands t;
	int c, ret;

	o->format = "text";
	o->jobs = default_jobs();
	o->timeout = 120;
	o->fail_on = SEV_WARNING;
	optind = 1;
	while ((c = getopt_long(argc, argv, "j:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "text") && strcmp(optarg, "gcc") &&
			    strcmp(optarg, "json"))
				return usage_error("unknown format '%s'", optarg);
			o->format = optarg;
			break;
		case 'j':
			if (parse_count(optarg, &o->jobs))
				return usage_error("--jobs needs a number from 1 to 4096, not '%s'",
						   optarg);
			break;
		case 'F':
			if (parse_severity(optarg, &o->fail_on))
				return usage_error("--fail-on takes error, warning or note, not '%s'",
						   optarg);
			break;
		case 't':
			if (parse_count(optarg, &o->timeout))
				return usage_error("--timeout needs seconds from 1 to 4096, not '%s'",
						   optarg);
			break;
		case 'h':
			fputs(check_usage, stdout);
			return -1;
		default:
			return usage_error("%s", "invalid option");
		}
	}
	ret = parse_tree_operands(argc - optind, argv + optind, &t);
	o->root = t.root;
	o->paths = t.paths;
	o->nr_paths = t.nr_paths;
	return ret;
}

static int render(const struct check_opts *o, const struct finding_list *f,
		  const struct arch_model *m, const struct check_summary *s)
{
	int ret;

	if (!strcmp(o->format, "gcc"))
		ret = report_gcc(stdout, f);
	else if (!strcmp(o->format, "json"))
		ret = report_json(stdout, f, m, s);
	else
		ret = report_text(stdout, f, m, s);
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
	install_stop_handlers();
	if (pipeline_run(&po, &p)) {
		diag("cannot scan %s: %s", o.root,
			strerror(errno));
		return EXIT_USAGE;
	}
	incomplete = pipeline_report_problems(&p);
	pipeline_summary(&p, o.root, stop_requested != 0, &summary);
	ret = render(&o, &p.findings, &p.model, &summary) ? EXIT_USAGE :
		exit_code(&o, &summary, incomplete);
	pipeline_free(&p);
	return ret;
}
