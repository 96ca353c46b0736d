// SPDX-License-Identifier: GPL-2.0-only
/*
 * The conversion plan: the check's findings, spatch's patch mode on the
 * files with a convertible call, and each rewrite applied in memory and
 * held against the findings.  A file is only changed when the rewrite
 * removes exactly lines of convertible calls and never a line of a site
 * left for manual conversion; anything else is listed with its reason.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "analyse/spatch.h"
#include "lib/diag.h"
#include "lib/stop.h"
#include "convert/convert.h"
#include "convert/diff.h"
#include "lib/quote.h"
#include "lib/tmpdir.h"
#include "lib/util.h"

static void leave(struct convert_plan *plan, const char *file, int line,
		  char *reason)
{
	struct convert_left *l = ARRAY_PUSH(plan->left, plan->nr_left,
					    plan->alloc_left);

	l->file = xstrdup(file);
	l->line = line;
	l->reason = reason;
}

static bool convertible(const struct finding *f)
{
	return !strcmp(f->rule, RULE_CONVERT) && f->address;
}

static void leave_finding(struct convert_plan *plan, const struct finding *f,
			  const char *why)
{
	if (!why && f->owner)
		leave(plan, f->file, f->line, xasprintf("%s(): left alone: the entry is in %s, not the kernel's page table",
							f->call, f->owner));
	else if (!why && f->indirect)
		leave(plan, f->file, f->line, xasprintf("%s(): populates a %s entry with no sync; never rewritten: add the sync, or populate first with %s_populate_kernel()",
							f->call, level_name(f->level),
							level_name(f->level)));
	else if (why)
		leave(plan, f->file, f->line, xasprintf("%s(): %s", f->call, why));
	else if (f->unanalyzed)
		leave(plan, f->file, f->line, xasprintf("%s(): unanalyzed: %s",
							f->call, f->reason));
	else
		leave(plan, f->file, f->line, xasprintf("%s(): %s", f->call,
			f->reason ? f->reason : "no address inferred"));
}

/* The files with a convertible call, each once, in findings order. */
static size_t convertible_files(const struct finding_list *fl, char ***files)
{
	size_t nr = 0, alloc = 0, i;

	*files = NULL;
	for (i = 0; i < fl->nr; i++) {
		if (!convertible(&fl->items[i]))
			continue;
		if (nr && !strcmp((*files)[nr - 1], fl->items[i].file))
			continue;
		*ARRAY_PUSH(*files, nr, alloc) = xstrdup(fl->items[i].file);
	}
	return nr;
}

static bool removed(const struct diff_result *r, int line)
{
	size_t i;

	for (i = 0; i < r->nr_removed; i++)
		if (r->removed[i] == line)
			return true;
	return false;
}

/* Why the rewrite of this file is refused as a whole, or NULL. */
static const char *check_rewrite(const struct convert_plan *plan,
				 const char *path, const struct diff_result *r)
{
	const struct finding_list *fl = &plan->pipe.findings;
	size_t i;

	for (i = 0; i < fl->nr; i++) {
		const struct finding *f = &fl->items[i];

		if (!strcmp(f->file, path) && !convertible(f) &&
		    removed(r, f->line))
			return "the rewrite would touch a site left for manual conversion";
	}
	return NULL;
}

/* Record the file's convertible calls as converted or left. */
static void take_findings(struct convert_plan *plan, struct convert_file *cf,
			  const struct diff_result *r, const char *why)
{
	const struct finding_list *fl = &plan->pipe.findings;
	size_t i;

	for (i = 0; i < fl->nr; i++) {
		const struct finding *f = &fl->items[i];

		if (strcmp(f->file, cf->path) || !convertible(f))
			continue;
		if (why || !removed(r, f->line)) {
			leave_finding(plan, f, why ? why :
				      "not rewritten by the semantic patch");
			continue;
		}
		*ARRAY_PUSH(cf->lines, cf->nr_lines, cf->alloc_lines) = f->line;
		*ARRAY_PUSH(cf->findings, cf->nr_findings,
			    cf->alloc_findings) = i;
		cf->levels |= 1u << f->level;
		cf->calls++;
	}
}

static void convert_file_free(struct convert_file *cf)
{
	free(cf->path);
	free(cf->old_text);
	free(cf->new_text);
	free(cf->diff);
	free(cf->lines);
	free(cf->findings);
}

/* Why spatch's output for this file cannot be used, or NULL. */
static const char *rewrite(const char *root, const struct file_result *fr,
			   struct convert_file *cf, struct diff_result *r)
{
	char *full, *diff;

	if (fr->status != FILE_ANALYSED)
		return "spatch patch mode failed on this file";
	diff = diff_normalise(fr->output ? fr->output : "", cf->path);
	if (!diff)
		return "not rewritten by the semantic patch";
	full = path_join(root, cf->path);
	cf->old_text = read_file(full, &cf->old_len);
	free(full);
	if (!cf->old_text) {
		free(diff);
		return "cannot read the file";
	}
	cf->diff = diff_fix_crlf(diff, cf->old_text, cf->old_len);
	free(diff);
	if (diff_apply(cf->old_text, cf->old_len, cf->diff, r))
		return "the semantic patch's diff does not apply";
	return NULL;
}

static void plan_file(struct convert_plan *plan, const char *root,
		      const struct file_result *fr)
{
	struct convert_file cf = { .path = xstrdup(fr->path) };
	struct diff_result r = { 0 };
	const char *why = rewrite(root, fr, &cf, &r);

	if (!why)
		why = check_rewrite(plan, cf.path, &r);
	take_findings(plan, &cf, &r, why);
	if (why || !cf.calls) {
		convert_file_free(&cf);
		diff_result_free(&r);
		return;
	}
	cf.new_text = r.text;
	cf.new_len = r.len;
	cf.adds = r.adds;
	cf.dels = r.dels;
	r.text = NULL;
	diff_result_free(&r);
	*ARRAY_PUSH(plan->files, plan->nr_files, plan->alloc_files) = cf;
}

/*
 * The addresses proved from the callers, for the semantic patch's patch
 * mode (PTSYNC_PROVEN names the file): "file:line" -> address.  A line
 * with two such calls gets neither.
 */
static char *write_proven(const struct finding_list *fl)
{
	json_t *map = json_object(), *dup = json_object(), *v;
	const char *k;
	char *path, *key;
	size_t i;

	for (i = 0; i < fl->nr; i++) {
		const struct finding *f = &fl->items[i];

		if (!convertible(f) || !f->nr_proof)
			continue;
		key = xasprintf("%s:%d", f->file, f->line);
		if (json_object_get(map, key))
			json_object_set_new(dup, key, json_true());
		json_object_set_new(map, key, json_string(f->address));
		free(key);
	}
	json_object_foreach(dup, k, v)
		json_object_del(map, k);
	path = tmpdir_file("proven");
	if (path && json_dump_file(map, path, 0)) {
		unlink(path);
		free(path);
		path = NULL;
	}
	json_decref(map);
	json_decref(dup);
	return path;
}

static void forget_proven(char *path)
{
	if (!path)
		return;
	unsetenv("PTSYNC_PROVEN");
	unlink(path);
	free(path);
}

static int run_patch_mode(const struct convert_opts *o,
			  struct convert_plan *plan, char **files, size_t nr)
{
	struct spatch_config cfg;
	struct analysis an = { 0 };
	char *proven = write_proven(&plan->pipe.findings);
	size_t i;

	if (proven)
		setenv("PTSYNC_PROVEN", proven, 1);
	spatch_config_init(&cfg, o->root, o->jobs, o->timeout, "patch");
	if (!cfg.cocci || analyse_files(&cfg, files, nr, &an)) {
		diag("cannot run spatch (%s)",
			cfg.cocci ? cfg.spatch : "populate_kernel.cocci not found");
		spatch_config_release(&cfg);
		analysis_free(&an);
		forget_proven(proven);
		return -1;
	}
	forget_proven(proven);
	for (i = 0; i < an.nr_files; i++)
		plan_file(plan, o->root, &an.files[i]);
	spatch_config_release(&cfg);
	analysis_free(&an);
	return 0;
}

static void leave_others(struct convert_plan *plan)
{
	const struct finding_list *fl = &plan->pipe.findings;
	size_t i;

	for (i = 0; i < fl->nr; i++)
		if (!convertible(&fl->items[i]))
			leave_finding(plan, &fl->items[i], NULL);
}

static int add_helpers(const char *root, struct convert_plan *plan)
{
	struct convert_file cf = { .is_new = true };
	char *why;
	size_t i;

	cf.new_text = helpers_header(root, &why);
	if (!cf.new_text) {
		diag("cannot add the helpers: %s",
			why);
		free(why);
		return -1;
	}
	cf.path = xstrdup(HELPERS_PATH);
	cf.new_len = strlen(cf.new_text);
	cf.diff = diff_new_file(cf.path, cf.new_text);
	for (i = 0; i < cf.new_len; i++)
		cf.adds += cf.new_text[i] == '\n';
	*ARRAY_PUSH(plan->files, plan->nr_files, plan->alloc_files) = cf;
	return 0;
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const struct convert_file *)a)->path,
		      ((const struct convert_file *)b)->path);
}

static int by_site(const void *a, const void *b)
{
	const struct convert_left *x = a, *y = b;
	int c = strcmp(x->file, y->file);

	return c ? c : x->line - y->line;
}

static int refuse_without_helpers(const struct convert_opts *o)
{
	diag("%s defines no pgd_populate_kernel(); the converted calls would not build.\n"
	     "Rerun with --add-helpers to create " HELPERS_PATH ".",
	     o->root);
	return -1;
}

/* Refuse to convert into helpers that do not exist, unless asked. */
static int need_helpers(const struct convert_opts *o, struct convert_plan *plan)
{
	if (plan->have_helpers || !plan->nr_files)
		return 0;
	if (!o->add_helpers)
		return refuse_without_helpers(o);
	return add_helpers(o->root, plan);
}

int convert_plan_build(const struct convert_opts *o, struct convert_plan *plan)
{
	struct pipeline_opts po = {
		.root = o->root, .paths = o->paths, .nr_paths = o->nr_paths,
		.jobs = o->jobs, .timeout = o->timeout, .progress = isatty(2),
	};
	char **files;
	size_t nr, i;
	int ret = 0;

	memset(plan, 0, sizeof(*plan));
	if (pipeline_run(&po, &plan->pipe)) {
		diag("cannot scan %s: %s", o->root,
			strerror(errno));
		return -1;
	}
	pipeline_report_problems(&plan->pipe);
	if (plan->pipe.tool_error)
		return -1;
	plan->have_helpers = scan_helpers_defined(o->root, &plan->pipe.scan);
	nr = convertible_files(&plan->pipe.findings, &files);
	/* say it before the rewrite's spatch run, not after */
	if (nr && !plan->have_helpers && !o->add_helpers)
		ret = refuse_without_helpers(o);
	else if (nr)
		ret = run_patch_mode(o, plan, files, nr);
	for (i = 0; i < nr; i++)
		free(files[i]);
	free(files);
	leave_others(plan);
	if (!ret)
		ret = need_helpers(o, plan);
	/* qsort() must not get NULL, even with nothing to sort (UBSan). */
	if (plan->nr_files)
		qsort(plan->files, plan->nr_files, sizeof(*plan->files), by_path);
	if (plan->nr_left)
		qsort(plan->left, plan->nr_left, sizeof(*plan->left), by_site);
	return ret;
}

size_t convert_plan_calls(const struct convert_plan *plan)
{
	size_t i, n = 0;

	for (i = 0; i < plan->nr_files; i++)
		n += plan->files[i].calls;
	return n;
}

void convert_print_left(FILE *stream, const struct convert_plan *plan)
{
	size_t i;

	char *name;

	for (i = 0; i < plan->nr_left; i++) {
		name = path_quote("", plan->left[i].file);
		fprintf(stream, "%s:%d: %s\n", name, plan->left[i].line,
			plan->left[i].reason);
		free(name);
	}
}

void convert_plan_free(struct convert_plan *plan)
{
	size_t i;

	for (i = 0; i < plan->nr_files; i++)
		convert_file_free(&plan->files[i]);
	for (i = 0; i < plan->nr_left; i++) {
		free(plan->left[i].file);
		free(plan->left[i].reason);
	}
	free(plan->files);
	free(plan->left);
	pipeline_free(&plan->pipe);
}
