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
	const struct convert_plan *plan;
	struct patch_group *groups;
	size_t nr, alloc;
	char *author;		/* "Name <email>" */
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

static void identify(struct series *s)
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

	s->author = name && email ? xasprintf("%s <%s>", name, email) :
		xstrdup("ptsync <ptsync@localhost>");
	free(name);
	free(email);
	localtime_r(&now, &tm);
	off = tm.tm_gmtoff / 60;
	snprintf(s->date, sizeof(s->date), "%s, %d %s %d %02d:%02d:%02d %c%02ld%02ld",
		 days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
		 tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec,
		 off < 0 ? '-' : '+', labs(off) / 60, labs(off) % 60);
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
	if (!g->files[0]->is_new) {
		fputc('\n', out);
		put_fixes(out, s->root, g);
	}
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

static int write_cover(const struct series *s)
{
	const struct convert_file **all;
	char *text, *why;
	size_t len, i;
	FILE *out = open_memstream(&text, &len);

	fprintf(out, FROM_LINE "From: %s\nDate: %s\nSubject: [PATCH 0/%zu] use {pgd,p4d}_populate_kernel() on the kernel page table\n\n",
		s->author, s->date, s->nr);
	why = rule_why("pgd_populate() and p4d_populate()");
	str_append(&why, xstrdup("  This series converts the raw calls to the _kernel helpers from <linux/pgalloc.h>, which populate and sync in one step; it was generated by ptsync convert."));
	put_wrapped(out, why);
	free(why);
	fputc('\n', out);
	put_totals(out, s);
	put_left(out, s->plan);
	fputs("\n---\n", out);
	all = xcalloc(s->plan->nr_files + 1, sizeof(*all));
	for (i = 0; i < s->plan->nr_files; i++)
		all[i] = &s->plan->files[i];
	put_diffstat(out, all, s->plan->nr_files);
	free(all);
	fputc('\n', out);
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

static int make_dirs(const char *dir)
{
	char *copy = xstrdup(dir), *p;
	int ret = 0;

	for (p = copy + 1; *p && !ret; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(copy, 0777) && errno != EEXIST)
			ret = -1;
		*p = '/';
	}
	if (!ret && mkdir(copy, 0777) && errno != EEXIST)
		ret = -1;
	if (ret)
		diag("cannot create %s: %s", dir,
			strerror(errno));
	free(copy);
	return ret;
}

int convert_series(const char *root, const char *dir, bool force,
		   const struct convert_plan *plan)
{
	struct series s = { .root = root, .dir = dir, .plan = plan };
	size_t i;
	int ret = series_dir_check(dir, force) || make_dirs(dir) ? -1 : 0;

	if (ret)
		return ret;
	make_groups(&s);
	identify(&s);
	ret = write_cover(&s);
	for (i = 1; i <= s.nr && !ret; i++)
		ret = write_patch(&s, i);
	for (i = 0; i < s.nr; i++) {
		free(s.groups[i].subsys);
		free(s.groups[i].files);
	}
	free(s.groups);
	free(s.author);
	return ret;
}
