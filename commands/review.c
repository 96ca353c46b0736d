// SPDX-License-Identifier: GPL-2.0-only
/*
 * ptsync review: check a patch or a series as a review bot would, telling
 * the findings it adds from those already in the tree.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "commands/commands.h"
#include "lib/util.h"
#include "report/report.h"
#include "review/review.h"

#define usage_error(fmt, arg) cmd_usage_error(fmt, arg)

static const char review_usage[] =
"usage: ptsync review [--tree KDIR] [--format FMT] [--fail-on SEV] PATCH...\n"
"       ptsync review [--tree KDIR] [--format FMT] [--fail-on SEV] --git A..B\n"
"\n"
"Check what a patch or a series does to raw pgd_populate()/p4d_populate()\n"
"calls on init_mm: findings on lines it adds are new, others old.  PATCH\n"
"is a git format-patch file, an mbox of a series or a plain unified diff\n"
"that applies with patch -p1; - reads standard input.  KDIR is only read:\n"
"the touched files are patched and checked as copies.\n"
"\n"
"  --tree KDIR      the kernel tree the patch applies to (default: .)\n"
"  --git A..B       the commits A..B of the git tree KDIR, applied to A\n"
"  --format FMT     email (default): a reply in the kernel test robot's\n"
"                   style; markdown: the same for forges; sarif: SARIF\n"
"                   2.1.0; rdjsonl: reviewdog; github: Checks annotations;\n"
"                   json: {\"schema\": \"ptsync-review\", ...}\n"
"  --fail-on SEV    exit 1 when the patch adds a finding of at least SEV:\n"
"                   error, warning (default) or note\n"
"  --timeout SEC    spatch time per file (default 120)\n"
"\n"
"Exit: 0 nothing new at --fail-on or above, 1 new findings, 2 usage error\n"
"or a patch that does not parse or apply, 130 interrupted.\n";

static const char *const formats[] = {
	"email", "markdown", "sarif", "rdjsonl", "github", "json",
};

struct review_opts {
	const char *tree;
	const char *format;
	const char *git;
	enum severity fail_on;
	int timeout;
	char **inputs;
	int nr_inputs;
};

static bool known_format(const char *s)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(formats); i++)
		if (!strcmp(s, formats[i]))
			return true;
	return false;
}

static int parse_option(struct review_opts *o, int c)
{
	switch (c) {
	case 'T':
		o->tree = optarg;
		return 0;
	case 'g':
		o->git = optarg;
		return 0;
	case 'f':
		if (!known_format(optarg))
			return usage_error("unknown format '%s'", optarg);
		o->format = optarg;
		return 0;
	case 'F':
		if (parse_severity(optarg, &o->fail_on))
			return usage_error("--fail-on takes error, warning or note, not '%s'",
					   optarg);
		return 0;
	case 't':
		if (parse_count(optarg, &o->timeout))
			return usage_error("--timeout needs seconds from 1 to 4096, not '%s'",
					   optarg);
		return 0;
	case 'h':
		fputs(review_usage, stdout);
		return -1;
	default:
		return usage_error("%s", "invalid option");
	}
}

static int parse_review_args(struct review_opts *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "tree", required_argument, NULL, 'T' },
		{ "git", required_argument, NULL, 'g' },
		{ "format", required_argument, NULL, 'f' },
		{ "fail-on", required_argument, NULL, 'F' },
		{ "timeout", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ }
	};
	int c, ret;

	o->tree = ".";
	o->format = "email";
	o->fail_on = SEV_WARNING;
	o->timeout = 120;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		ret = parse_option(o, c);
		if (ret)
			return ret;
	}
	o->inputs = argv + optind;
	o->nr_inputs = argc - optind;
	if (o->git && o->nr_inputs)
		return usage_error("%s", "--git takes no PATCH operands");
	if (!o->git && !o->nr_inputs)
		return usage_error("%s", "no PATCH given (use - for standard input)");
	if (o->git && (!strstr(o->git, "..") || str_starts_with(o->git, "..") ||
		       strstr(o->git, "...")))
		return usage_error("--git needs a range A..B, not '%s'", o->git);
	return require_kernel_tree(o->tree) ? 0 : EXIT_USAGE;
}

static char *read_stream(FILE *f)
{
	size_t len = 0, alloc = 4096, n;
	char *buf = xmalloc(alloc);

	while ((n = fread(buf + len, 1, alloc - len - 1, f)) > 0) {
		len += n;
		if (alloc - len < 2)
			buf = xrealloc(buf, alloc *= 2);
	}
	buf[len] = '\0';
	return buf;
}

/* git format-patch --stdout A..B, run in KDIR. */
static char *format_patch(const char *kdir, const char *range)
{
	int fds[2], status;
	pid_t pid;
	FILE *f;
	char *text;

	if (pipe(fds))
		return NULL;
	pid = fork();
	if (pid < 0)
		return NULL;
	if (!pid) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execlp("git", "git", "-C", kdir, "format-patch", "--stdout",
		       "--no-signature", range, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	f = fdopen(fds[0], "r");
	text = read_stream(f);
	fclose(f);
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status)) {
		free(text);
		return NULL;
	}
	return text;
}

static char *read_input(const char *name)
{
	FILE *f = strcmp(name, "-") ? fopen(name, "r") : stdin;
	char *text;

	if (!f)
		return NULL;
	text = read_stream(f);
	if (ferror(f)) {
		free(text);
		text = NULL;
	}
	if (f != stdin)
		fclose(f);
	return text;
}

/* Move the patches of from to the end of to. */
static void merge(struct patch_set *to, struct patch_set *from)
{
	size_t i;

	for (i = 0; i < from->nr; i++)
		*ARRAY_PUSH(to->patches, to->nr, to->alloc) = from->patches[i];
	if (!to->cover) {
		to->cover = from->cover;
		from->cover = NULL;
	}
	from->nr = 0;
	patch_set_free(from);
}

static int parse_one(const char *name, const char *text,
		     struct patch_set *ps)
{
	struct patch_set one;
	char *err = NULL;

	if (patch_set_parse(text, &one, &err)) {
		fprintf(stderr, "ptsync review: %s: %s\n", name, err);
		free(err);
		patch_set_free(&one);
		return EXIT_USAGE;
	}
	merge(ps, &one);
	return 0;
}

static int load_patches(const struct review_opts *o, struct patch_set *ps)
{
	char *text;
	int i, ret = 0;

	memset(ps, 0, sizeof(*ps));
	if (o->git) {
		text = format_patch(o->tree, o->git);
		if (!text) {
			fprintf(stderr, "ptsync review: git format-patch %s failed in %s\n",
				o->git, o->tree);
			return EXIT_USAGE;
		}
		ret = parse_one(o->git, text, ps);
		free(text);
		return ret;
	}
	for (i = 0; i < o->nr_inputs && !ret; i++) {
		const char *name = o->inputs[i];

		text = read_input(name);
		if (!text) {
			fprintf(stderr, "ptsync review: %s: %s\n",
				strcmp(name, "-") ? name : "standard input",
				strerror(errno));
			return EXIT_USAGE;
		}
		ret = parse_one(strcmp(name, "-") ? name : "standard input",
				text, ps);
		free(text);
	}
	return ret;
}

static int render(const struct review_opts *o, const struct review *r)
{
	const char *f = o->format;
	int ret;

	if (!strcmp(f, "markdown"))
		ret = review_email(stdout, r, true);
	else if (!strcmp(f, "sarif"))
		ret = review_sarif(stdout, r);
	else if (!strcmp(f, "rdjsonl"))
		ret = review_rdjsonl(stdout, r);
	else if (!strcmp(f, "github"))
		ret = review_github(stdout, r);
	else if (!strcmp(f, "json"))
		ret = review_json(stdout, r);
	else
		ret = review_email(stdout, r, false);
	if (ret || fflush(stdout))
		fprintf(stderr, "ptsync review: cannot write the report\n");
	return ret;
}

/* Only what the patch adds can fail it: old findings are not its fault. */
static int exit_code(const struct review_opts *o, const struct review *r)
{
	size_t i;

	if (stop_requested) {
		fprintf(stderr, "ptsync review: interrupted; the review is partial\n");
		return EXIT_INTERRUPTED;
	}
	for (i = 0; i < r->nr_items; i++)
		if (r->items[i].is_new && r->items[i].f->severity >= o->fail_on)
			return EXIT_FINDINGS;
	return EXIT_CLEAN;
}

static int review_patches(const struct review_opts *o,
			  const struct patch_set *ps)
{
	struct workdir w;
	struct review r;
	char *err = NULL, *base = NULL;
	int ret;

	if (o->git)
		base = xstrndup(o->git, strstr(o->git, "..") - o->git);
	ret = workdir_apply(o->tree, base, ps, &w, &err);
	if (!ret)
		ret = review_check(o->tree, ps, &w, o->timeout, &r, &err);
	if (ret) {
		fprintf(stderr, "ptsync review: %s\n", err);
		ret = EXIT_USAGE;
	} else {
		ret = render(o, &r) ? EXIT_USAGE : exit_code(o, &r);
		review_free(&r);
	}
	workdir_free(&w);
	free(base);
	free(err);
	return ret;
}

int cmd_review(int argc, char **argv)
{
	struct review_opts o = { 0 };
	struct patch_set ps;
	int ret = parse_review_args(&o, argc, argv);

	if (ret)
		return ret < 0 ? EXIT_CLEAN : ret;
	install_stop_handlers();
	ret = load_patches(&o, &ps);
	if (!ret)
		ret = review_patches(&o, &ps);
	patch_set_free(&ps);
	return ret;
}
