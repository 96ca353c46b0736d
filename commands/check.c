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

#include "analyse/crosscheck.h"
#include "analyse/spatch.h"
#include "arches/arches.h"
#include "classify/classify.h"
#include "commands/commands.h"
#include "lib/util.h"
#include "report/report.h"
#include "scan/scan.h"

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

static int parse_severity(const char *s, enum severity *sev)
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

static int parse_count(const char *s, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s == '\0' || *end || v < 1 || v > 4096)
		return -1;
	*out = (int)v;
	return 0;
}

static int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "ptsync check: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry 'ptsync check --help'.\n");
	return EXIT_USAGE;
}

/* The first operand is KDIR when it is a kernel tree; PATHs follow. */
static int parse_operands(struct check_opts *o, int argc, char **argv)
{
	struct stat st;

	o->root = ".";
	if (argc > 0 && is_kernel_tree(argv[0])) {
		o->root = argv[0];
		argc--;
		argv++;
	} else if (argc > 0 && !is_kernel_tree(".")) {
		o->root = argv[0];	/* not a tree: refused below */
		argc--;
		argv++;
	}
	if (!require_kernel_tree("check", o->root))
		return EXIT_USAGE;
	o->paths = argv;
	o->nr_paths = argc;
	for (int i = 0; i < argc; i++) {
		char *full = path_join(o->root, argv[i]);
		int bad = stat(full, &st);

		free(full);
		if (bad || argv[i][0] == '/' || strstr(argv[i], ".."))
			return usage_error("%s: no such path inside the tree",
					   argv[i]);
	}
	return 0;
}

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
	int c;

	o->format = "text";
	o->jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
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
	if (o->jobs < 1)
		o->jobs = 1;
	return parse_operands(o, argc - optind, argv + optind);
}

static void show_progress(size_t done, size_t total)
{
	fprintf(stderr, "\rptsync: analysed %zu/%zu files", done, total);
	if (done == total)
		fputs("\r\033[K", stderr);
}

/* Problems that left a file unread make the result incomplete. */
static bool report_problems(const struct scan_result *scan)
{
	bool incomplete = false;
	size_t i;

	for (i = 0; i < scan->nr_problems; i++) {
		const struct scan_problem *p = &scan->problems[i];
		bool skipped = !str_starts_with(p->reason, "invalid UTF-8");

		fprintf(stderr, "ptsync check: %s: %s: %s\n",
			skipped ? "error" : "note", p->path, p->reason);
		incomplete |= skipped;
	}
	return incomplete;
}

static int analyse(const struct check_opts *o, const struct scan_result *scan,
		   struct finding_list *findings, struct crosscheck_counts *cc,
		   size_t *nr_candidates, bool *tool_failed)
{
	struct spatch_config cfg = {
		.root = o->root, .jobs = o->jobs, .timeout = o->timeout,
		.stop = &stop_requested,
	};
	struct analysis an;
	char **files, *cocci = find_cocci(), *why = NULL;
	size_t nr = crosscheck_candidates(scan, &files), i;

	*nr_candidates = nr;
	cfg.spatch = getenv("SPATCH") ? getenv("SPATCH") : "spatch";
	cfg.cocci = cocci;
	cfg.python = access("/usr/bin/python3", X_OK) ? NULL : "/usr/bin/python3";
	if (isatty(2) && nr)
		cfg.progress = show_progress;
	if (!cocci) {
		fprintf(stderr, "ptsync check: cannot find the semantic patch populate_kernel.cocci (set PTSYNC_COCCI)\n");
		why = xstrdup("not analysed: semantic patch not found");
	} else if (nr && analyse_files(&cfg, files, nr, &an)) {
		fprintf(stderr, "ptsync check: %s not found; install Debian's coccinelle package\n",
			cfg.spatch);
		why = xasprintf("not analysed: %s not found", cfg.spatch);
		analysis_free(&an);
	}
	*tool_failed = why != NULL;
	crosscheck(scan, why || !nr ? NULL : &an, why, findings, cc);
	for (i = 0; !why && i < nr; i++)
		if (an.files[i].status == FILE_CRASHED ||
		    an.files[i].status == FILE_TIMED_OUT)
			fprintf(stderr, "ptsync check: warning: %s: %s; its calls are listed as unanalyzed\n",
				an.files[i].path, an.files[i].detail);
	if (!why && nr)
		analysis_free(&an);
	for (i = 0; i < nr; i++)
		free(files[i]);
	free(files);
	free(cocci);
	free(why);
	return 0;
}

static void summarise(struct check_summary *s, const struct check_opts *o,
		      const struct scan_result *scan,
		      const struct finding_list *findings,
		      const struct crosscheck_counts *cc, size_t candidates)
{
	size_t i;

	memset(s, 0, sizeof(*s));
	s->root = o->root;
	s->files_scanned = scan->files_scanned;
	s->candidates = candidates;
	s->sites = scan->nr_sites;
	s->in_helper = cc->in_helper;
	s->helpers = scan->helpers;
	s->nr_helpers = scan->nr_helpers;
	s->problems = scan->problems;
	s->nr_problems = scan->nr_problems;
	s->direct = cc->direct;
	s->unanalyzed = cc->unanalyzed;
	s->interrupted = stop_requested != 0;
	for (i = 0; i < findings->nr; i++)
		s->by_severity[findings->items[i].severity]++;
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
		fprintf(stderr, "ptsync check: cannot write the report\n");
	return ret;
}

static int exit_code(const struct check_opts *o, const struct check_summary *s,
		     bool incomplete)
{
	int sev;

	if (s->interrupted) {
		fprintf(stderr, "ptsync check: interrupted; calls not analysed are listed as unanalyzed\n");
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
	struct check_opts o;
	struct scan_result scan = { 0 };
	struct arch_model model = { 0 };
	struct finding_list findings = { 0 };
	struct crosscheck_counts cc;
	struct check_summary summary;
	size_t candidates;
	bool incomplete, tool_failed;
	int ret = parse_check_args(&o, argc, argv);

	if (ret)
		return ret < 0 ? EXIT_CLEAN : ret;
	install_stop_handlers();
	if (scan_tree(o.root, o.paths, o.nr_paths, o.jobs, &scan)) {
		fprintf(stderr, "ptsync check: cannot scan %s: %s\n", o.root,
			strerror(errno));
		return EXIT_USAGE;
	}
	if (arch_model_build(o.root, &model))
		fprintf(stderr, "ptsync check: cannot model the architectures of %s: %s\n",
			o.root, strerror(errno));
	incomplete = report_problems(&scan);
	analyse(&o, &scan, &findings, &cc, &candidates, &tool_failed);
	classify_findings(&findings, &model);
	summarise(&summary, &o, &scan, &findings, &cc, candidates);
	ret = render(&o, &findings, &model, &summary) ? EXIT_USAGE :
		exit_code(&o, &summary, incomplete || tool_failed);
	finding_list_free(&findings);
	arch_model_free(&model);
	scan_result_free(&scan);
	return ret;
}
