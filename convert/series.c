// SPDX-License-Identifier: GPL-2.0-only
/*
 * --series: one git format-patch style file per subsystem (the directory
 * of the changed files), the helper header first when it is created, and
 * a cover letter with the totals and the sites left for manual work.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "convert/convert.h"
#include "convert/message.h"
#include "convert/run.h"
#include "lib/diag.h"
#include "lib/quote.h"
#include "lib/util.h"
#include "lib/wrap.h"

#define FROM_LINE "From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\n"

struct series {
	const char *root, *dir;
	const struct series_opts *o;
	const struct convert_plan *plan;
	struct patch_group *groups;
	size_t nr, alloc;
	char *author;		/* "Name <email>" */
	char *base;		/* base-commit, NULL when unknown */
	char date[64];
};

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? xstrndup(path, slash - path) : xstrdup(".");
}

/* The new helper header sorts first: the other patches need it. */
static int group_order(const void *a, const void *b)
{
	const struct patch_group *x = a, *y = b;

	if (x->files[0]->is_new != y->files[0]->is_new)
		return x->files[0]->is_new ? -1 : 1;
	return strcmp(x->subsys, y->subsys);
}

static void make_groups(struct series *s)
{
	const struct convert_plan *plan = s->plan;
	struct patch_group *g;
	size_t i, j;

	for (i = 0; i < plan->nr_files; i++) {
		const struct convert_file *cf = &plan->files[i];
		char *subsys = dir_of(cf->path);

		for (j = 0; j < s->nr; j++)
			if (!strcmp(s->groups[j].subsys, subsys) &&
			    s->groups[j].files[0]->is_new == cf->is_new)
				break;
		if (j == s->nr) {
			g = ARRAY_PUSH(s->groups, s->nr, s->alloc);
			memset(g, 0, sizeof(*g));
			g->subsys = subsys;
		} else {
			g = &s->groups[j];
			free(subsys);
		}
		*ARRAY_PUSH(g->files, g->nr, g->alloc) = cf;
		g->levels |= cf->levels;
		g->calls += cf->calls;
	}
	qsort(s->groups, s->nr, sizeof(*s->groups), group_order);
}

static char *git_config(const char *root, const char *key)
{
	char *args[3], *v;

	args[0] = "config";
	args[1] = (char *)key;
	args[2] = NULL;
	v = git_output(root, args);

	if (v && !*v) {
		free(v);
		return NULL;
	}
	return v;
}

/* From: and Signed-off-by: are --from, else KDIR's git user. */
static int identify(struct series *s)
{
	static const char *const days[] = {
		"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const months[] = {
		"Jan", "Feb", "Mar", "Apr", "May", "Jun",
		"Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	char *name = git_config(s->root, "user.name");
	char *email = git_config(s->root, "user.email");
	time_t now = time(NULL);
	struct tm tm;
	long off;

	if (s->o->from)
		s->author = xstrdup(s->o->from);
	else if (name && email)
		s->author = xasprintf("%s <%s>", name, email);
	free(name);
	free(email);
	if (!s->author && s->o->signoff) {
		diag("--signoff needs user.name and user.email in %s's git config, or --from 'Name <email>'",
			s->root);
		return -1;
	}
	if (!s->author)
		s->author = xstrdup("ptsync <ptsync@localhost>");
	localtime_r(&now, &tm);
	off = tm.tm_gmtoff / 60;
	snprintf(s->date, sizeof(s->date), "%s, %d %s %d %02d:%02d:%02d %c%02ld%02ld",
		 days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
		 tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec,
		 off < 0 ? '-' : '+', labs(off) / 60, labs(off) % 60);
	return 0;
}

/* "-- " with its trailing blank, as git format-patch ends a mail. */
static void put_signature(FILE *out)
{
	fprintf(out, "--%c\nptsync\n\n", ' ');
}

static void put_header(FILE *out, const struct series *s, size_t n,
		       const char *subject)
{
	fprintf(out, FROM_LINE "From: %s\nDate: %s\nSubject: [PATCH %zu/%zu] %s\n\n",
		s->author, s->date, n, s->nr, subject);
}

static int write_text(const struct series *s, const char *name, char *text,
		      size_t len)
{
	char *path = path_join(s->dir, name);
	int ret = write_atomic(path, text, len, 0644);

	if (ret)
		diag("cannot write %s: %s", path,
			strerror(errno));
	else
		printf("%s\n", path);
	free(path);
	free(text);
	return ret;
}

static int write_patch(const struct series *s, size_t n)
{
	const struct patch_group *g = &s->groups[n - 1];
	char *subject = group_subject(g), *file = subject_file_name(subject);
	char *name = xasprintf("%04zu-%s.patch", n, file), *text;
	size_t len;
	FILE *out = open_memstream(&text, &len);
	int ret;

	put_header(out, s, n, subject);
	put_body(out, s->plan, g);
	if (s->o->builds) {
		fputc('\n', out);
		put_build_tested(out, s->o->builds, g);
	}
	fputc('\n', out);
	if (!g->files[0]->is_new)
		put_fixes(out, s->root, g);
	if (s->o->signoff)
		fprintf(out, "Signed-off-by: %s\n", s->author);
	fputs("---\n", out);
	put_diffstat(out, g->files, g->nr);
	fputc('\n', out);
	put_diffs(out, g);
	put_signature(out);
	fclose(out);
	ret = write_text(s, name, text, len);
	free(name);
	free(file);
	free(subject);
	return ret;
}

static void put_totals(FILE *out, const struct series *s)
{
	const struct convert_plan *plan = s->plan;
	size_t i, files = 0;

	for (i = 0; i < plan->nr_files; i++)
		files += !plan->files[i].is_new;
	fprintf(out, "Totals: %zu call%s converted in %zu file%s.\n\n",
		convert_plan_calls(plan), convert_plan_calls(plan) == 1 ? "" : "s",
		files, files == 1 ? "" : "s");
	for (i = 0; i < s->nr; i++) {
		const struct patch_group *g = &s->groups[i];
		char *dir = path_quote("", g->subsys);

		if (g->files[0]->is_new)
			fprintf(out, "  %s: new %s\n", dir, HELPERS_PATH);
		else
			fprintf(out, "  %s: %zu call%s in %zu file%s\n", dir,
				g->calls, g->calls == 1 ? "" : "s", g->nr,
				g->nr == 1 ? "" : "s");
		free(dir);
	}
}

static void put_left(FILE *out, const struct convert_plan *plan)
{
	if (!plan->nr_left) {
		fputs("\nNo site is left for manual conversion.\n", out);
		return;
	}
	fprintf(out, "\nLeft for manual conversion (%zu site%s):\n\n",
		plan->nr_left, plan->nr_left == 1 ? "" : "s");
	convert_print_left(out, plan);
}

/* What --verify-build built, file by file, and what it could not. */
static void put_builds(FILE *out, const struct build_report *rep)
{
	size_t i, nr = 0;

	fputs("\nBuild-tested with the kernel's kbuild, each object compiled before and after its patch and the code sections compared (objdump -d):\n\n",
	      out);
	for (i = 0; i < rep->nr; i++) {
		const struct build_result *r = &rep->items[i];

		if (r->state == BUILD_SKIPPED) {
			nr++;
			continue;
		}
		fprintf(out, "  %s: %s %s, %s%s\n", r->file->path, r->arch,
			r->config ? r->config : "",
			r->state == BUILD_FAILED ? "FAILED: " : "",
			r->state == BUILD_FAILED ? "see ptsync convert --verify-build" : r->detail);
	}
	if (!nr)
		return;
	fputs("\nNot built:\n\n", out);
	for (i = 0; i < rep->nr; i++)
		if (rep->items[i].state == BUILD_SKIPPED)
			fprintf(out, "  %s: %s: %s\n", rep->items[i].file->path,
				rep->items[i].arch, rep->items[i].detail);
}

static int write_cover(const struct series *s)
{
	const struct convert_file **all;
	char *text, *why;
	size_t len, i;
	FILE *out = open_memstream(&text, &len);

	fprintf(out, FROM_LINE "From: %s\nDate: %s\nSubject: [PATCH 0/%zu] treewide: use {pgd,p4d}_populate_kernel() on the kernel page table\n\n",
		s->author, s->date, s->nr);
	why = rule_why("pgd_populate() and p4d_populate()");
	str_append(&why, xstrdup("  This series converts the raw calls to the _kernel helpers from <linux/pgalloc.h>, which populate and sync in one step; it was generated by ptsync convert."));
	put_wrapped(out, why);
	free(why);
	fputc('\n', out);
	put_totals(out, s);
	put_left(out, s->plan);
	if (s->o->builds)
		put_builds(out, s->o->builds);
	fputs("\n---\n", out);
	all = xcalloc(s->plan->nr_files + 1, sizeof(*all));
	for (i = 0; i < s->plan->nr_files; i++)
		all[i] = &s->plan->files[i];
	put_diffstat(out, all, s->plan->nr_files);
	free(all);
	fputc('\n', out);
	if (s->base)
		fprintf(out, "base-commit: %s\n", s->base);
	put_signature(out);
	fclose(out);
	return write_text(s, "0000-cover-letter.patch", text, len);
}

/* DIR must be new or empty, unless --force. */
int series_dir_check(const char *dir, bool force)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	bool empty = true;

	if (!d) {
		if (errno == ENOENT)
			return 0;
		diag("--series %s: %s", dir,
			strerror(errno));
		return -1;
	}
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			empty = false;
	closedir(d);
	if (!empty && !force) {
		diag("--series %s: directory is not empty (--force writes into it anyway)",
			dir);
		return -1;
	}
	return 0;
}

static int make_series_dir(const char *dir)
{
	int ret = make_dirs(dir, true, 0777);

	if (ret)
		diag("cannot create %s: %s", dir, strerror(errno));
	return ret;
}

/* "index <old>..<new> <mode>" for each file, when KDIR is git's. */
static void make_index(struct series *s)
{
	size_t i, j;

	if (!git_tree(s->root))
		return;
	for (i = 0; i < s->nr; i++) {
		struct patch_group *g = &s->groups[i];

		g->index = xcalloc(g->nr, sizeof(*g->index));
		for (j = 0; j < g->nr; j++) {
			const struct convert_file *cf = g->files[j];
			char *path = path_join(s->root, cf->path);
			char *old = cf->is_new ? xstrdup("0000000000000000000000000000000000000000") :
				blob_id(s->root, cf->old_text, cf->old_len);
			char *new = blob_id(s->root, cf->new_text, cf->new_len);
			struct stat st;
			bool exec = !cf->is_new && !stat(path, &st) &&
				(st.st_mode & 0111);

			if (old && new)
				g->index[j] = cf->is_new ?
					xasprintf("index %s..%s\n", old, new) :
					xasprintf("index %s..%s %s\n", old, new,
						  exec ? "100755" : "100644");
			free(old);
			free(new);
			free(path);
		}
	}
}

static char *base_commit(const struct series *s)
{
	char *rev = xasprintf("%s^{commit}", s->o->base ? s->o->base : "HEAD");
	char *args[5], *id;

	args[0] = "rev-parse";
	args[1] = "--verify";
	args[2] = "-q";
	args[3] = rev;
	args[4] = NULL;
	id = git_output(s->root, args);
	free(rev);
	return id;
}

int convert_series(const char *root, const struct series_opts *o,
		   const struct convert_plan *plan)
{
	struct series s = { .root = root, .dir = o->dir, .o = o, .plan = plan };
	size_t i, j;
	int ret;

	if (identify(&s))
		return -1;
	s.base = base_commit(&s);
	if (o->base && !s.base) {
		diag("--base %s: no such commit in %s",
			o->base, root);
		free(s.author);
		return -1;
	}
	ret = series_dir_check(o->dir, o->force) || make_series_dir(o->dir) ? -1 : 0;
	if (ret) {
		free(s.author);
		free(s.base);
		return ret;
	}
	make_groups(&s);
	make_index(&s);
	ret = write_cover(&s);
	for (i = 1; i <= s.nr && !ret; i++)
		ret = write_patch(&s, i);
	for (i = 0; i < s.nr; i++) {
		for (j = 0; s.groups[i].index && j < s.groups[i].nr; j++)
			free(s.groups[i].index[j]);
		free(s.groups[i].index);
		free(s.groups[i].subsys);
		free(s.groups[i].files);
	}
	free(s.groups);
	free(s.author);
	free(s.base);
	return ret;
}
