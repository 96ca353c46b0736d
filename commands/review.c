// SPDX-License-Identifier: GPL-2.0-only
/*
 * ptsync review: check a patch or a series as a review bot would, telling
 * the findings it adds from those already in the tree.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands/commands.h"
#include "lib/diag.h"
#include "lib/run.h"
#include "lib/util.h"
#include "report/report.h"
#include "review/review.h"

static int render_email(FILE *out, const struct review *r)
{
	return review_email(out, r, false);
}

static int render_markdown(FILE *out, const struct review *r)
{
	return review_email(out, r, true);
}

static const struct {
	const char *name;
	int (*render)(FILE *out, const struct review *r);
} formats[] = {
	{ "email", render_email },
	{ "markdown", render_markdown },
	{ "sarif", review_sarif },
	{ "rdjsonl", review_rdjsonl },
	{ "github", review_github },
	{ "json", review_json },
	{ "b4", review_b4 },
};

static const char *const format_names[] = {
	"email", "markdown", "sarif", "rdjsonl", "github", "json", "b4", NULL,
};

struct review_opts {
	const char *tree;
	const char *format;
	const char *git;
	const char *reported_by, *closes_url;
	enum severity fail_on;
	int timeout;
	char **inputs;
	int nr_inputs;
	struct cache_choice cache;
};

/* Text for a mail header or tag: printable, one line. */
static bool one_line(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	return true;
}

/* "Name <user@host>", as a Reported-by: tag and a From: header take it. */
static int set_mailbox(void *value, const char *arg)
{
	const char *lt = strchr(arg, '<'), *at = lt ? strchr(lt, '@') : NULL;

	if (!one_line(arg) || !lt || !at || !str_ends_with(arg, ">") ||
	    strchr(lt + 1, '<') || strchr(arg, '>') != arg + strlen(arg) - 1)
		return -1;
	*(const char **)value = arg;
	return 0;
}

static int set_url(void *value, const char *arg)
{
	if (!one_line(arg) || strchr(arg, ' ') ||
	    (!str_starts_with(arg, "https://") && !str_starts_with(arg, "http://")))
		return -1;
	*(const char **)value = arg;
	return 0;
}

static int parse_review_args(struct review_opts *o, int argc, char **argv)
{
	const struct opt opts[] = {
		OPT_STR("tree", &o->tree, "KDIR",
			"the kernel tree the patch applies to (default: .)"),
		OPT_STR("git", &o->git, "A..B",
			"the commits A..B of the git tree KDIR, applied to A"),
		OPT_ONE_OF("format", &o->format, "FMT", format_names,
			   "email (default): a reply in the kernel test robot's\n"
			   "style; markdown: the same for forges; sarif: SARIF\n"
			   "2.1.0; rdjsonl: reviewdog; github: Checks annotations;\n"
			   "json: {\"schema\": \"ptsync-review\", ...}; b4: b4's\n"
			   "per-patch check (one ERROR:/WARNING: line per new\n"
			   "finding, nothing when clean, exit 0)"),
		OPT_CB("reported-by", &o->reported_by, "'NAME <ADDR>'", set_mailbox,
		       "'Name <user@host>'",
		       "the email's From: and Reported-by: (default\n"
		       "'ptsync <ptsync@localhost>')"),
		OPT_CB("closes-url", &o->closes_url, "URL", set_url,
		       "an http(s) URL without spaces",
		       "the email's Closes: tag, e.g. the report's archive URL"),
		OPT_FAIL_ON(&o->fail_on,
			    "exit 1 when the patch adds a finding of at least SEV:\n"
			    "error, warning (default) or note"),
		OPT_TIMEOUT(&o->timeout),
		OPT_CACHE(&o->cache),
		OPT_DONE
	};
	const struct usage usage = {
		.command = "review",
		.operands = "PATCH... | --git A..B",
		.intro = "Check what a patch or a series does to raw pgd_populate()/p4d_populate()\n"
			 "calls on init_mm: findings on lines it adds are new, others old.  PATCH\n"
			 "is a git format-patch file, an mbox of a series or a plain unified diff\n"
			 "that applies with patch -p1; - reads standard input.  KDIR is only read:\n"
			 "the touched files are patched and checked as copies.\n",
		.opts = opts,
		.outro = "Exit: 0 nothing new at --fail-on or above, 1 new findings, 2 usage error\n"
			 "or a patch that does not parse or apply, 130 interrupted.\n",
	};
	int first, ret;

	o->tree = ".";
	o->format = "email";
	o->fail_on = SEV_WARNING;
	o->timeout = 120;
	ret = parse_options(&usage, argc, argv, &first);
	if (ret)
		return ret == 1 ? -1 : EXIT_USAGE;
	apply_cache_choice(&o->cache);
	o->inputs = argv + first;
	o->nr_inputs = argc - first;
	if (o->git && o->nr_inputs)
		return cmd_usage_error("%s", "--git takes no PATCH operands");
	if (!o->git && !o->nr_inputs)
		return cmd_usage_error("%s", "no PATCH given (use - for standard input)");
	if (o->git && (!strstr(o->git, "..") || str_starts_with(o->git, "..") ||
		       strstr(o->git, "...")))
		return cmd_usage_error("--git needs a range A..B, not '%s'", o->git);
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
	char *argv[8], *text = NULL;

	argv[0] = "git";
	argv[1] = "-C";
	argv[2] = (char *)kdir;
	argv[3] = "format-patch";
	argv[4] = "--stdout";
	argv[5] = "--no-signature";
	argv[6] = (char *)range;
	argv[7] = NULL;

	if (run_capture(NULL, argv, &text, true)) {
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

	for (i = 0; i < from->nr; i++) {
		from->patches[i].index = to->nr + 1;
		*ARRAY_PUSH(to->patches, to->nr, to->alloc) = from->patches[i];
	}
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
	size_t i;
	int ret = -1;

	for (i = 0; i < ARRAY_SIZE(formats); i++)
		if (!strcmp(o->format, formats[i].name))
			ret = formats[i].render(stdout, r);
	if (ret || fflush(stdout))
		diag("cannot write the report");
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
	/* b4 reads the lines; a non-zero exit would be one more failure. */
	if (!strcmp(o->format, "b4"))
		return EXIT_CLEAN;
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
		ret = review_check(o->tree, ps, &w, o->timeout, isatty(2),
				   &r, &err);
	if (ret) {
		fprintf(stderr, "ptsync review: %s\n", err);
		ret = EXIT_USAGE;
	} else {
		r.reported_by = o->reported_by;
		r.closes_url = o->closes_url;
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
