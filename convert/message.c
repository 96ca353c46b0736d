// SPDX-License-Identifier: GPL-2.0-only
#define _GNU_SOURCE
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "classify/classify.h"
#include "convert/diff.h"
#include "convert/message.h"
#include "convert/run.h"
#include "lib/quote.h"
#include "lib/util.h"
#include "lib/wrap.h"

const char *helper_names(unsigned int levels)
{
	if (levels == 1u << LEVEL_PGD)
		return "pgd_populate_kernel()";
	if (levels == 1u << LEVEL_P4D)
		return "p4d_populate_kernel()";
	return "{pgd,p4d}_populate_kernel()";
}

static const char *raw_names(unsigned int levels)
{
	if (levels == 1u << LEVEL_PGD)
		return "pgd_populate()";
	if (levels == 1u << LEVEL_P4D)
		return "p4d_populate()";
	return "pgd_populate() and p4d_populate()";
}

/* Kernel subjects name arch code without "arch/": "x86/mm: ...". */
static const char *subject_prefix(const char *subsys)
{
	return str_starts_with(subsys, "arch/") ? subsys + strlen("arch/") :
						  subsys;
}

/* The directory is quoted as git quotes names: no newline gets in. */
char *group_subject(const struct patch_group *g)
{
	char *prefix = path_quote("", subject_prefix(g->subsys)), *s;

	if (g->files[0]->is_new)
		s = xasprintf("%s: add {pgd,p4d}_populate_kernel()", prefix);
	else
		s = xasprintf("%s: use %s", prefix, helper_names(g->levels));
	free(prefix);
	return s;
}

/* As git format-patch: runs of other characters become one '-'. */
char *subject_file_name(const char *subject)
{
	char *name = xmalloc(strlen(subject) + 1), *p = name;
	bool dash = false;

	for (; *subject && p - name < 64; subject++) {
		if (isalnum((unsigned char)*subject) || *subject == '.' ||
		    *subject == '_') {
			if (dash && p > name)
				*p++ = '-';
			*p++ = *subject;
			dash = false;
		} else {
			dash = true;
		}
	}
	while (p > name && (p[-1] == '.' || p[-1] == '-'))
		p--;
	*p = '\0';
	return name;
}

/* Append s to a ", "-separated list unless it is already there. */
static void list_add(char **list, const char *s)
{
	char *hay = xasprintf(", %s,", *list), *needle = xasprintf(", %s,", s);
	char *next = NULL;

	if (!strstr(hay, needle))
		next = xasprintf("%s%s%s", *list, **list ? ", " : "", s);
	free(hay);
	free(needle);
	if (next) {
		free(*list);
		*list = next;
	}
}

/* "x86 (!CONFIG_X86_32)": the variants where a converted call is exposed. */
static char *exposed_arches(const struct convert_plan *plan,
			    const struct patch_group *g)
{
	const struct finding **fs = NULL;
	size_t i, j, nr = 0, alloc = 0;
	char *list;

	for (i = 0; i < g->nr; i++)
		for (j = 0; j < g->files[i]->nr_findings; j++)
			*ARRAY_PUSH(fs, nr, alloc) =
				&plan->pipe.findings.items[g->files[i]->findings[j]];
	list = exposed_on(&plan->pipe.model, fs, nr, "()");
	free(fs);
	return list;
}

static char *functions(const struct convert_plan *plan,
		       const struct patch_group *g)
{
	char *list = xstrdup(""), *name;
	size_t i, j;

	for (i = 0; i < g->nr; i++)
		for (j = 0; j < g->files[i]->nr_findings; j++) {
			const struct finding *f = &plan->pipe.findings.items[g->files[i]->findings[j]];

			if (!*f->function)
				continue;
			name = xasprintf("%s()", f->function);
			list_add(&list, name);
			free(name);
		}
	return list;
}

/* Each address that only the callers show, with the call sites. */
static void put_proofs(FILE *out, const struct convert_plan *plan,
		       const struct patch_group *g)
{
	size_t i, j, k;
	char *text;

	for (i = 0; i < g->nr; i++)
		for (j = 0; j < g->files[i]->nr_findings; j++) {
			const struct finding *f = &plan->pipe.findings.items[g->files[i]->findings[j]];

			if (!f->nr_proof)
				continue;
			text = xasprintf("\nThe address of %s() in %s() is a parameter; its callers prove it is '%s':",
					 f->call, f->function, f->address);
			put_wrapped(out, text);
			free(text);
			for (k = 0; k < f->nr_proof; k++)
				fprintf(out, "  %s:%d: %s\n", f->proof[k].file,
					f->proof[k].line, f->proof[k].text);
		}
}

static void put_helpers_body(FILE *out)
{
	put_wrapped(out,
		    "Add pgd_populate_kernel() and p4d_populate_kernel(): they populate a top-level entry of the kernel page table and call arch_sync_kernel_mappings() when ARCH_PAGE_TABLE_SYNC_MASK has the level's PGTBL_*_MODIFIED bit, so that callers cannot forget the sync.\n\n"
		    "They are macros, so that calls in code built for configurations that lack a level compile away instead of referencing symbols that exist only for other levels.  The following patches convert the raw callers.");
}

void put_body(FILE *out, const struct convert_plan *plan,
	      const struct patch_group *g)
{
	char *archs, *funcs, *text, *why;

	if (g->files[0]->is_new) {
		put_helpers_body(out);
		return;
	}
	archs = exposed_arches(plan, g);
	funcs = functions(plan, g);
	why = rule_why(raw_names(g->levels));
	text = xasprintf("%s\n\n"
			 "Convert the %zu call%s%s%s to %s from <linux/pgalloc.h>, which populate%s and sync%s in one step.\n\n%s%s%s",
			 why, g->calls, g->calls == 1 ? "" : "s",
			 *funcs ? " in " : "", funcs, helper_names(g->levels),
			 g->levels == 3 ? "" : "s", g->levels == 3 ? "" : "s",
			 *archs ? "This matters on " : "No architecture in this tree has the level in ARCH_PAGE_TABLE_SYNC_MASK today, so nothing changes in the generated code yet; the calls stay right when one does.",
			 archs, *archs ? ", where the level is in ARCH_PAGE_TABLE_SYNC_MASK; elsewhere the helpers are the raw calls." : "");
	put_wrapped(out, text);
	free(text);
	free(why);
	free(archs);
	free(funcs);
	put_proofs(out, plan, g);
}

/* One line blame attributes to a commit. */
struct blamed {
	char sha[41];
	char *path;		/* the file's name in that commit */
	char *line;		/* the line's text */
	char *summary;		/* NULL until seen */
	bool boundary;
};

/*
 * git blame --porcelain: a "<sha> <orig> <final> [n]" header, key lines
 * (summary, boundary, filename; only the first time a commit appears),
 * then the line itself after a tab.
 */
static size_t parse_blame(const char *porcelain, struct blamed **out)
{
	struct blamed *b = NULL, *cur = NULL;
	size_t nr = 0, alloc = 0, i;
	const char *p = porcelain, *nl;

	for (; *p; p = *nl ? nl + 1 : nl) {
		nl = strchrnul(p, '\n');
		if (nl - p > 41 && strspn(p, "0123456789abcdef") == 40 &&
		    p[40] == ' ') {
			cur = ARRAY_PUSH(b, nr, alloc);
			memset(cur, 0, sizeof(*cur));
			memcpy(cur->sha, p, 40);
			for (i = 0; i + 1 < nr; i++)	/* inherit what git said once */
				if (!strcmp(b[i].sha, cur->sha)) {
					cur->summary = b[i].summary ?
						xstrdup(b[i].summary) : NULL;
					cur->boundary = b[i].boundary;
					cur->path = b[i].path ? xstrdup(b[i].path) : NULL;
					break;
				}
		} else if (!cur) {
			continue;
		} else if (!strncmp(p, "summary ", 8)) {
			free(cur->summary);
			cur->summary = xstrndup(p + 8, nl - p - 8);
		} else if (!strncmp(p, "boundary", 8)) {
			cur->boundary = true;
		} else if (!strncmp(p, "filename ", 9)) {
			free(cur->path);
			cur->path = xstrndup(p + 9, nl - p - 9);
		} else if (*p == '\t') {
			cur->line = xstrndup(p + 1, nl - p - 1);
		}
	}
	*out = b;
	return nr;
}

static char *trim(const char *s)
{
	const char *e = s + strlen(s);

	while (isspace((unsigned char)*s))
		s++;
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	return xstrndup(s, e - s);
}

/* How many lines of rev:path are line, trimmed; -1 when there is none. */
static int count_line(const char *root, const char *rev, const char *path,
		      const char *line)
{
	char *spec = xasprintf("%s:%s", rev, path), *args[] = { "show", spec, NULL };
	char *text = git_output(root, args), *want = trim(line), *t, *l, *save;
	int n = 0;

	free(spec);
	if (!text) {
		free(want);
		return -1;
	}
	for (l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		t = trim(l);
		n += !strcmp(t, want);
		free(t);
	}
	free(text);
	free(want);
	return n;
}

/*
 * The commit blame names added the line when it has a parent (a root
 * commit is an import, not a bug) and the line is more often in it than
 * in its parent.  A commit that only moved or re-indented it did not.
 */
static bool added_the_line(const char *root, const struct blamed *b)
{
	char *parent, *id, *args[] = { "rev-parse", "--verify", "-q", NULL, NULL };
	int before, after;

	if (b->boundary || !b->path || !b->line || !b->summary ||
	    strspn(b->sha, "0") == 40)
		return false;
	args[3] = parent = xasprintf("%s^", b->sha);
	id = git_output(root, args);
	if (!id) {
		free(parent);
		return false;
	}
	free(id);
	after = count_line(root, b->sha, b->path, b->line);
	before = count_line(root, parent, b->path, b->line);
	free(parent);
	return after > 0 && after > (before < 0 ? 0 : before);
}

static void put_blamed(FILE *out, const char *root, const char *porcelain,
		       char **seen)
{
	struct blamed *b;
	size_t nr = parse_blame(porcelain, &b), i;
	char *tag;

	for (i = 0; i < nr; i++) {
		if (added_the_line(root, &b[i])) {
			tag = xasprintf("%.12s (\"%s\")", b[i].sha, b[i].summary);
			if (!strstr(*seen, tag)) {
				fprintf(out, "Fixes: %s\n", tag);
				list_add(seen, tag);
			}
			free(tag);
		}
		free(b[i].path);
		free(b[i].line);
		free(b[i].summary);
	}
	free(b);
}

/* Blame every converted line of one file in a single run. */
static char *blame_lines(const char *root, const struct convert_file *cf)
{
	char **argv = xcalloc(2 * cf->nr_lines + 8, sizeof(*argv));
	char *out = NULL;
	size_t n = 0, j, first;

	argv[n++] = "git";
	argv[n++] = "-C";
	argv[n++] = (char *)root;
	argv[n++] = "blame";
	argv[n++] = "--porcelain";
	first = n;
	for (j = 0; j < cf->nr_lines; j++) {
		argv[n++] = "-L";
		argv[n++] = xasprintf("%d,%d", cf->lines[j], cf->lines[j]);
	}
	argv[n++] = "--";
	argv[n++] = cf->path;
	if (run_capture(NULL, argv, &out, false)) {
		free(out);
		out = NULL;
	}
	for (j = first + 1; j < first + 2 * cf->nr_lines; j += 2)
		free(argv[j]);
	free(argv);
	return out;
}

void put_fixes(FILE *out, const char *root, const struct patch_group *g)
{
	char *blame, *seen = xstrdup("");
	size_t i;

	if (git_tree(root))
		for (i = 0; i < g->nr; i++) {
			if (g->files[i]->is_new || !g->files[i]->nr_lines)
				continue;
			blame = blame_lines(root, g->files[i]);
			if (blame)
				put_blamed(out, root, blame, &seen);
			free(blame);
		}
	free(seen);
}

static int digits(int n)
{
	int d = 1;

	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

static void put_graph(FILE *out, int adds, int dels, int max, int width)
{
	int a = adds, d = dels;

	if (max > width) {	/* scale as git does, keeping nonzero visible */
		a = adds ? adds * width / max : 0;
		d = dels ? dels * width / max : 0;
		a += adds && !a;
		d += dels && !d;
	}
	while (a--)
		fputc('+', out);
	while (d--)
		fputc('-', out);
}

void put_diffstat(FILE *out, const struct convert_file *const *files,
		  size_t nr)
{
	int namew = 0, max = 0, adds = 0, dels = 0, width;
	char **names = xcalloc(nr, sizeof(*names));
	size_t i;

	for (i = 0; i < nr; i++) {
		int len;

		names[i] = path_quote("", files[i]->path);
		len = (int)strlen(names[i]);
		int total = files[i]->adds + files[i]->dels;

		namew = len > namew ? len : namew;
		max = total > max ? total : max;
		adds += files[i]->adds;
		dels += files[i]->dels;
	}
	width = WRAP - namew - digits(max) - 5;
	if (width < 10)
		width = 10;
	for (i = 0; i < nr; i++) {
		fprintf(out, " %-*s | %*d ", namew, names[i], digits(max),
			files[i]->adds + files[i]->dels);
		put_graph(out, files[i]->adds, files[i]->dels, max, width);
		fputc('\n', out);
		free(names[i]);
	}
	free(names);
	fprintf(out, " %zu file%s changed", nr, nr == 1 ? "" : "s");
	if (adds)
		fprintf(out, ", %d insertion%s(+)", adds, adds == 1 ? "" : "s");
	if (dels)
		fprintf(out, ", %d deletion%s(-)", dels, dels == 1 ? "" : "s");
	fputc('\n', out);
}

void put_diffs(FILE *out, const struct patch_group *g)
{
	size_t i;

	for (i = 0; i < g->nr; i++) {
		const struct convert_file *cf = g->files[i];

		put_git_header(out, cf->path, cf->is_new);
		if (g->index && g->index[i])
			fputs(g->index[i], out);
		fputs(cf->diff, out);
	}
}

static bool in_group(const struct patch_group *g, const struct convert_file *cf)
{
	size_t i;

	for (i = 0; i < g->nr; i++)
		if (g->files[i] == cf)
			return true;
	return false;
}

static int outcome_len(const char *detail)
{
	const char *refs = strstr(detail, " (new references");

	return refs ? (int)(refs - detail) : (int)strlen(detail);
}

/* One line per arch and outcome: what was built and what it showed. */
void put_build_tested(FILE *out, const struct build_report *rep,
		      const struct patch_group *g)
{
	char *seen = xstrdup(""), *text;
	size_t i;

	for (i = 0; rep && i < rep->nr; i++) {
		const struct build_result *r = &rep->items[i];

		if (!in_group(g, r->file))
			continue;
		if (r->state == BUILD_SAME || r->state == BUILD_CHANGED ||
		    r->state == BUILD_COMPILED_OUT)
			/* the outcome without the list of new references */
			text = xasprintf("Build-tested: %s %s, %.*s", r->arch,
					 r->config, outcome_len(r->detail),
					 r->detail);
		else if (r->state == BUILD_FAILED)
			text = xasprintf("Build FAILED: %s %s", r->arch,
					 r->config ? r->config : "");
		else
			text = xasprintf("Not build-tested: %s (%s)", r->arch,
					 r->detail);
		if (!strstr(seen, text)) {
			put_wrapped(out, text);
			list_add(&seen, text);
		}
		free(text);
	}
	free(seen);
}

char *blob_id(const char *root, const char *text, size_t len)
{
	const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	char *path = xasprintf("%s/ptsync-blob.XXXXXX", tmp), *id = NULL;
	int fd = mkstemp(path);
	bool written;

	if (fd >= 0) {
		written = write(fd, text, len) == (ssize_t)len;
		if (!close(fd) && written &&
		    run_args(NULL, &id, false, "git", "-C", root, "hash-object",
			     "--no-filters", "--", path, NULL)) {
			free(id);
			id = NULL;
		}
		unlink(path);
	}
	free(path);
	if (id && id[0] && id[strlen(id) - 1] == '\n')
		id[strlen(id) - 1] = '\0';
	if (id && (!*id || strspn(id, "0123456789abcdef") != strlen(id))) {
		free(id);
		id = NULL;
	}
	return id;
}
