// SPDX-License-Identifier: GPL-2.0-only
#include <stdlib.h>
#include <string.h>

#include "analyse/crosscheck.h"
#include "lib/util.h"

size_t crosscheck_candidates(const struct scan_result *scan, char ***files)
{
	size_t i, nr = 0, alloc = 0;
	const char *last = NULL;

	*files = NULL;
	for (i = 0; i < scan->nr_sites; i++) {
		const struct scan_site *s = &scan->sites[i];

		if (s->in_helper || (last && !strcmp(last, s->path)))
			continue;
		*ARRAY_PUSH(*files, nr, alloc) = xstrdup(s->path);
		last = s->path;
	}
	return nr;
}

/*
 * The semantic finding for a site: same file, line and level, the nearest
 * column (spatch counts characters, the scan bytes), not taken yet.
 */
static long match(const struct scan_site *s, const struct analysis *an,
		  bool *taken)
{
	long best = -1;
	int dist, best_dist = 0;
	size_t i;

	for (i = 0; an && i < an->nr_findings; i++) {
		const struct sem_finding *f = &an->findings[i];

		if (taken[i] || f->line != s->line || f->level != s->level ||
		    f->indirect != s->indirect || strcmp(f->file, s->path))
			continue;
		dist = abs(f->column - s->column);
		if (best < 0 || dist < best_dist) {
			best = i;
			best_dist = dist;
		}
	}
	return best;
}

static const struct file_result *file_of(const struct analysis *an,
					 const char *path)
{
	size_t i;

	for (i = 0; an && i < an->nr_files; i++)
		if (!strcmp(an->files[i].path, path))
			return &an->files[i];
	return NULL;
}

/* Why spatch has nothing for a site, as precisely as we can tell. */
static char *unanalyzed_reason(const struct scan_site *s,
			       const struct analysis *an, const char *why)
{
	const struct file_result *r = file_of(an, s->path);

	if (why)
		return xstrdup(why);
	if (r && r->status == FILE_TIMED_OUT)
		return xasprintf("timeout: %s", r->detail);
	if (r && r->status == FILE_CRASHED)
		return xasprintf("spatch crash: %s", r->detail);
	if (r && r->status == FILE_NOT_RUN)
		return xasprintf("not analysed: %s",
				 r->detail ? r->detail : "not run");
	if (s->in_macro)
		return xasprintf("macro: inside #define %s, which spatch does not analyse as code",
				 s->function);
	if (!*s->function)
		return xstrdup("parse failure: not inside a function spatch could parse");
	return xasprintf("parse failure: spatch could not parse %s() and skipped it",
			 s->function);
}

static struct finding *new_finding(struct finding_list *out, const char *file,
				   int line, int col, int col_end)
{
	struct finding *f = ARRAY_PUSH(out->items, out->nr, out->alloc);

	memset(f, 0, sizeof(*f));
	f->file = xstrdup(file);
	f->line = line;
	f->column = col;
	f->column_end = col_end;
	return f;
}

static void from_semantic(struct finding *f, const struct sem_finding *sf)
{
	f->function = xstrdup(sf->function);
	f->section = xstrdup(sf->section);
	f->call = xstrdup(sf->call);
	f->level = sf->level;
	f->address = sf->address ? xstrdup(sf->address) : NULL;
	f->reason = sf->reason ? xstrdup(sf->reason) : NULL;
	f->rule = sf->address ? RULE_CONVERT : RULE_MANUAL;
	f->indirect = sf->indirect;
	if (f->indirect)
		f->rule = RULE_INDIRECT;
	f->value = sf->value ? xstrdup(sf->value) : NULL;
}

static void replace_str(char **dst, const char *src)
{
	free(*dst);
	*dst = xstrdup(src);
}

static void from_site(struct finding *f, const struct scan_site *s)
{
	f->level = s->level;
	if (s->indirect)	/* p4d_alloc fills a pgd entry */
		f->call = xstrdup(s->level == LEVEL_PGD ? "p4d_alloc" :
				  "pud_alloc");
	else
		f->call = xasprintf("%s_populate%s", level_name(s->level),
				    s->safe ? "_safe" : "");
	f->indirect = s->indirect;
	f->function = xstrdup(s->function);
	f->section = xstrdup(s->section);
	f->rule = RULE_UNANALYZED;
	f->unanalyzed = true;
}

static int by_position(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;
	int c = strcmp(x->file, y->file);

	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return (x->column > y->column) - (x->column < y->column);
}

void crosscheck(const struct scan_result *scan, const struct analysis *an,
		const char *why, struct finding_list *out,
		struct crosscheck_counts *counts)
{
	size_t nr_sem = an ? an->nr_findings : 0, i;
	bool *taken = xcalloc(nr_sem ? nr_sem : 1, sizeof(bool));
	struct finding *f;
	long m;

	memset(counts, 0, sizeof(*counts));
	for (i = 0; i < scan->nr_sites; i++) {
		const struct scan_site *s = &scan->sites[i];

		if (s->in_helper) {
			counts->in_helper++;
			continue;
		}
		m = match(s, an, taken);
		f = new_finding(out, s->path, s->line, s->column,
				s->column_end);
		f->synced_locally = s->synced_after;
		f->condition = s->condition ? xstrdup(s->condition) : NULL;
		if (m >= 0) {
			taken[m] = true;
			from_semantic(f, &an->findings[m]);
			if (s->in_macro)	/* spatch's name is no function */
				replace_str(&f->function, s->function);
			counts->direct++;
		} else {
			from_site(f, s);
			f->reason = unanalyzed_reason(s, an, why);
			counts->unanalyzed++;
		}
	}
	/* A semantic finding the scan missed is still a finding. */
	for (i = 0; i < nr_sem; i++) {
		const struct sem_finding *sf = &an->findings[i];

		if (taken[i])
			continue;
		f = new_finding(out, sf->file, sf->line, sf->column,
				sf->column_end);
		from_semantic(f, sf);
		counts->semantic_only++;
		counts->direct++;
	}
	free(taken);
	if (out->nr)	/* qsort() must not get NULL, even for nothing */
		qsort(out->items, out->nr, sizeof(*out->items), by_position);
}
