// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests for the renderers: a small arch model and a few findings,
 * built by hand, rendered in every format into memory and checked to the
 * byte where the format is meant to be fixed, and through jansson where
 * it is JSON.  Run from the top of the tree (report/schema.json is read).
 */
#define _GNU_SOURCE
#include <jansson.h>
#include <stdlib.h>

#include "arches/arches.h"
#include "analyse/finding.h"
#include "lib/util.h"
#include "report/report.h"
#include "testcases/unit/unit.h"

#define NR_VARIANTS 3

/* Variant 0: x86 2-level; 1: x86 64-bit with a run-time mask; 2: arm64. */
static struct arch_variant *add_variant(struct arch_model *m,
					const char *arch, const char *cond,
					const char *file, int line,
					const char *expr, unsigned int mask)
{
	struct arch_variant *v = ARRAY_PUSH(m->variants, m->nr_variants,
					    m->alloc_variants);

	memset(v, 0, sizeof(*v));
	v->arch = xstrdup(arch);
	v->condition = xstrdup(cond);
	v->file = file ? xstrdup(file) : NULL;
	v->line = line;
	v->expr = expr ? xstrdup(expr) : NULL;
	v->mask = mask;
	return v;
}

static void add_hook(struct arch_variant *v, const char *file, int line,
		     const char *cond)
{
	struct arch_hook *h;

	v->hooks = xrealloc(v->hooks, (v->nr_hooks + 1) * sizeof(*h));
	h = &v->hooks[v->nr_hooks++];
	h->file = xstrdup(file);
	h->line = line;
	h->condition = xstrdup(cond);
}

static void add_fold(struct arch_variant *v, unsigned int level,
		     const char *cond, const char *file, int line)
{
	struct arch_fold *f;

	v->folds = xrealloc(v->folds, (v->nr_folds + 1) * sizeof(*f));
	f = &v->folds[v->nr_folds++];
	f->level = level;
	f->condition = xstrdup(cond);
	f->file = xstrdup(file);
	f->line = line;
}

static void build_model(struct arch_model *m)
{
	struct arch_variant *v;

	memset(m, 0, sizeof(*m));
	v = add_variant(m, "x86", "CONFIG_X86_32 && !CONFIG_X86_PAE",
			"arch/x86/include/asm/pgtable-2level_types.h", 23,
			"PGTBL_PMD_MODIFIED", MASK_PMD);
	add_hook(v, "arch/x86/mm/fault.c", 267, "CONFIG_X86_32");
	add_fold(v, MASK_P4D, "!(CONFIG_PGTABLE_LEVELS > 4)",
		 "arch/x86/include/asm/pgtable_types.h", 358);
	add_fold(v, MASK_PUD, "!(CONFIG_PGTABLE_LEVELS > 3)",
		 "arch/x86/include/asm/pgtable_types.h", 384);
	add_fold(v, MASK_P4D, "!(CONFIG_PGTABLE_LEVELS > 3)",
		 "arch/x86/include/asm/pgtable_types.h", 384);

	v = add_variant(m, "x86", "!CONFIG_X86_32",
			"arch/x86/include/asm/pgtable_64_types.h", 44,
			"(pgtable_l5_enabled() ? PGTBL_PGD_MODIFIED : PGTBL_P4D_MODIFIED)",
			MASK_PGD | MASK_P4D);
	v->mask_condition = xstrdup("pgtable_l5_enabled()");
	v->mask_if_true = MASK_PGD;
	v->mask_if_false = MASK_P4D;
	add_hook(v, "arch/x86/mm/init_64.c", 239, "CONFIG_X86_64_ONLY");
	add_fold(v, MASK_P4D, "!(CONFIG_PGTABLE_LEVELS > 4)",
		 "arch/x86/include/asm/pgtable_types.h", 358);

	add_variant(m, "arm64", "", NULL, 0, NULL, 0);
}

struct spec {
	const char *file;
	int line, column, column_end;
	const char *function, *section;
	enum pt_level level;
	const char *call, *rule, *address, *reason;
	bool synced, boot;
	const char *arch;
	enum severity severity;
	const char *why;
	enum exposure exposure[NR_VARIANTS];
};

static const struct spec specs[] = {
	{ "mm/sparse-vmemmap.c", 42, 8, 20, "vmemmap_pgd", "__meminit",
	  LEVEL_PGD, "pgd_populate", RULE_CONVERT, "addr", NULL,
	  false, false, NULL, SEV_ERROR,
	  "exposed on x86 [!CONFIG_X86_32]; can run after boot",
	  { EXPOSURE_NOOP, EXPOSURE_EXPOSED, EXPOSURE_LATENT } },
	{ "mm/kasan/init.c", 7, 0, 12, "", "__init",
	  LEVEL_P4D, "p4d_populate", RULE_MANUAL, NULL,
	  "the address is a loop\n\tvariable advanced by PGDIR_SIZE.",
	  false, true, NULL, SEV_WARNING, "exposed, but boot-only.",
	  { EXPOSURE_NOOP, EXPOSURE_EXPOSED, EXPOSURE_LATENT } },
	{ "arch/x86/mm/init_64.c", 700, 2, 19, "kernel_physical_mapping_init",
	  "__meminit", LEVEL_P4D, "p4d_populate_safe", RULE_CONVERT,
	  "__va(paddr)", NULL, true, false, "x86", SEV_NOTE,
	  "synced locally by sync_global_pgds()",
	  { EXPOSURE_NONE, EXPOSURE_EXPOSED, EXPOSURE_NONE } },
	{ "arch/arm64/mm/mmu.c", 99, 1, 13, "map_kernel", "", LEVEL_PGD,
	  "pgd_populate", RULE_UNANALYZED, NULL,
	  "spatch could not parse the function", false, false, "arm64",
	  SEV_NOTE, "latent: the arch does not sync its page tables",
	  { EXPOSURE_NONE, EXPOSURE_NONE, EXPOSURE_LATENT } },
};

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif
#define NR_SPECS ARRAY_SIZE(specs)

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void build_findings(struct finding_list *list)
{
	size_t i;

	memset(list, 0, sizeof(*list));
	for (i = 0; i < NR_SPECS; i++) {
		const struct spec *s = &specs[i];
		struct finding *f = ARRAY_PUSH(list->items, list->nr,
					       list->alloc);

		memset(f, 0, sizeof(*f));
		f->file = xstrdup(s->file);
		f->line = s->line;
		f->column = s->column;
		f->column_end = s->column_end;
		f->function = xstrdup(s->function);
		f->section = xstrdup(s->section);
		f->level = s->level;
		f->call = xstrdup(s->call);
		f->rule = s->rule;
		f->address = dup_or_null(s->address);
		f->reason = dup_or_null(s->reason);
		f->unanalyzed = !strcmp(s->rule, RULE_UNANALYZED);
		f->synced_locally = s->synced;
		f->boot_only = s->boot;
		f->arch = dup_or_null(s->arch);
		f->severity = s->severity;
		f->why = xstrdup(s->why);
		f->exposure = xmalloc(sizeof(s->exposure));
		memcpy(f->exposure, s->exposure, sizeof(s->exposure));
	}
}

static const struct scan_helper helpers[] = {
	{ "include/linux/pgalloc.h", 8, "pgd_populate_kernel", false },
	{ "include/linux/pgalloc.h", 17, "p4d_populate_kernel", false },
};

static const struct scan_problem problems[] = {
	{ "drivers/bad.c", "binary file" },
};

static struct check_summary summary = {
	.root = "/src/linux",
	.files_scanned = 62000,
	.candidates = 9,
	.sites = 12,
	.in_helper = 2,
	.helpers = helpers,
	.nr_helpers = 2,
};

static struct finding_list findings;
static struct arch_model model;

enum format { GCC, TEXT, JSON, ARCHES_TEXT, ARCHES_JSON };

static int render_to(FILE *out, enum format fmt)
{
	switch (fmt) {
	case GCC:
		return report_gcc(out, &findings);
	case TEXT:
		return report_text(out, &findings, &model, &summary);
	case JSON:
		return report_json(out, &findings, &model, &summary);
	case ARCHES_TEXT:
		return report_arches_text(out, &model);
	default:
		return report_arches_json(out, &model);
	}
}

static char *render(enum format fmt)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	int ret = render_to(out, fmt);

	CHECK_INT(ret, 0, "renderer returns 0 on success");
	fclose(out);
	return buf;
}

static const char *const messages[NR_SPECS] = {
	"pgd_populate() on init_mm skips the page table sync, use pgd_populate_kernel(addr, ...) (exposed on x86 [!CONFIG_X86_32]; can run after boot)",
	"p4d_populate() on init_mm skips the page table sync, convert to p4d_populate_kernel() by hand: the address is a loop variable advanced by PGDIR_SIZE (exposed, but boot-only)",
	"p4d_populate_safe() on init_mm skips the page table sync, use p4d_populate_kernel(__va(paddr), ...) (synced locally by sync_global_pgds())",
	"pgd_populate() on init_mm not analysed: spatch could not parse the function (latent: the arch does not sync its page tables)",
};

static void test_messages(void)
{
	struct finding bare;
	size_t i;
	char *msg;

	for (i = 0; i < NR_SPECS; i++) {
		msg = finding_message(&findings.items[i]);
		CHECK_STR(msg, messages[i], "message");
		free(msg);
	}
	/* nothing to explain: no parentheses, no dangling text */
	bare = findings.items[1];
	bare.reason = NULL;
	bare.why = NULL;
	msg = finding_message(&bare);
	CHECK_STR(msg, "p4d_populate() on init_mm skips the page table sync, convert to p4d_populate_kernel() by hand: no single address",
		  "message without reason or why");
	free(msg);
}

static const char *const gcc_lines =
	"mm/sparse-vmemmap.c:42:9: error: pgd_populate() on init_mm skips the page table sync, use pgd_populate_kernel(addr, ...) (exposed on x86 [!CONFIG_X86_32]; can run after boot) [raw-populate]\n"
	"mm/kasan/init.c:7:1: warning: p4d_populate() on init_mm skips the page table sync, convert to p4d_populate_kernel() by hand: the address is a loop variable advanced by PGDIR_SIZE (exposed, but boot-only) [raw-populate-manual]\n"
	"arch/x86/mm/init_64.c:700:3: note: p4d_populate_safe() on init_mm skips the page table sync, use p4d_populate_kernel(__va(paddr), ...) (synced locally by sync_global_pgds()) [raw-populate]\n"
	"arch/arm64/mm/mmu.c:99:2: note: pgd_populate() on init_mm not analysed: spatch could not parse the function (latent: the arch does not sync its page tables) [unanalyzed]\n";

static void test_gcc(void)
{
	char *out = render(GCC);

	CHECK_STR(out, gcc_lines, "gcc output");
	free(out);
}

static const char *const variant_table =
	"arch   condition                         mask                                        sync hook                                       direct  unanalyzed  exposed\n"
	"x86    CONFIG_X86_32 && !CONFIG_X86_PAE  pmd                                         arch/x86/mm/fault.c:267                              2           0        0\n"
	"x86    !CONFIG_X86_32                    pgd|p4d (pgtable_l5_enabled() ? pgd : p4d)  arch/x86/mm/init_64.c:239 [CONFIG_X86_64_ONLY]       3           0        3\n"
	"arm64  -                                 0                                           -                                                    2           1        0\n";

static bool trailing_blank(const char *s)
{
	for (; *s; s++)
		if (*s == ' ' && (s[1] == '\n' || !s[1]))
			return true;
	return false;
}

static void test_text(void)
{
	char *out = render(TEXT), *p;
	size_t n = strlen(gcc_lines);

	CHECK(out && !strncmp(out, gcc_lines, n) && out[n] == '\n',
	      "text starts with the gcc lines and a blank line");
	p = out ? out + n + 1 : NULL;
	CHECK(p && !strncmp(p, variant_table, strlen(variant_table)),
	      "text has the variant table");
	CHECK(out && !trailing_blank(out), "no trailing blanks");
	p = out ? strstr(out, "ptsync: ") : NULL;
	CHECK_STR(p, "ptsync: 4 findings (1 error, 1 warning, 2 notes; 1 unanalyzed) in 4 files of 62000 scanned; 2 approved helpers\n",
		  "summary line");
	free(out);

	summary.interrupted = true;
	summary.problems = problems;
	summary.nr_problems = 1;
	out = render(TEXT);
	p = out ? strstr(out, "ptsync: ") : NULL;
	CHECK(p && strstr(p, "2 approved helpers; 1 problem; interrupted\n"),
	      "summary says problems and interruption: %s", p ? p : "");
	free(out);
}

static json_t *parse(const char *text, const char *what)
{
	json_error_t err;
	json_t *doc = text ? json_loads(text, 0, &err) : NULL;

	CHECK(doc, "%s parses: %s", what, doc ? "ok" : err.text);
	return doc;
}

static const char *str_at(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static long long int_at(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_integer(v) ? json_integer_value(v) : -1;
}

/* "pgd", "p4d" -> "pgd|p4d", for comparing level arrays. */
static char *joined(json_t *array)
{
	char *buf = xstrdup(""), *next;
	size_t i;

	if (!json_is_array(array))
		return xstrdup("(not an array)");
	for (i = 0; i < json_array_size(array); i++) {
		next = xasprintf("%s%s%s", buf, i ? "|" : "",
				 json_string_value(json_array_get(array, i)));
		free(buf);
		buf = next;
	}
	return buf;
}

static void check_levels(json_t *o, const char *key, const char *want)
{
	char *got = joined(json_object_get(o, key));

	CHECK_STR(got, want, key);
	free(got);
}

static void test_json_findings(json_t *list)
{
	json_t *f, *e;

	CHECK_INT(json_array_size(list), NR_SPECS, "findings[]");
	f = json_array_get(list, 0);
	CHECK_STR(str_at(f, "file"), "mm/sparse-vmemmap.c", "file");
	CHECK_INT(int_at(f, "line"), 42, "line is 1-based");
	CHECK_INT(int_at(f, "column"), 9, "column is 1-based");
	CHECK_INT(int_at(f, "column_end"), 21, "column_end 1-based exclusive");
	CHECK_STR(str_at(f, "function"), "vmemmap_pgd", "function");
	CHECK_STR(str_at(f, "section"), "__meminit", "section");
	CHECK_STR(str_at(f, "level"), "pgd", "level");
	CHECK_STR(str_at(f, "rule"), "raw-populate", "rule");
	CHECK_STR(str_at(f, "severity"), "error", "severity");
	CHECK_STR(str_at(f, "address"), "addr", "address");
	CHECK_STR(str_at(f, "message"), messages[0], "message");
	CHECK(json_is_null(json_object_get(f, "reason")), "reason null");
	CHECK(json_is_null(json_object_get(f, "arch")), "generic: arch null");
	CHECK(json_is_false(json_object_get(f, "unanalyzed")), "analysed");
	CHECK_INT(json_array_size(json_object_get(f, "exposed_on")), 1,
		  "exposed on one variant");
	e = json_array_get(json_object_get(f, "exposed_on"), 0);
	CHECK_INT(int_at(e, "variant"), 1, "exposed_on variant index");
	CHECK_STR(str_at(e, "arch"), "x86", "exposed_on arch");
	CHECK_STR(str_at(e, "condition"), "!CONFIG_X86_32", "exposed_on condition");
	CHECK_STR(str_at(e, "mask_condition"), "pgtable_l5_enabled()",
		  "pgd is in the mask when the condition holds");
	CHECK_INT(int_at(f, "latent_on_count"), 1, "latent_on_count");
	CHECK_INT(int_at(f, "noop_on_count"), 1, "noop_on_count");

	f = json_array_get(list, 1);
	CHECK(json_is_null(json_object_get(f, "function")),
	      "file scope: function null");
	CHECK(json_is_null(json_object_get(f, "address")), "address null");
	CHECK_STR(str_at(f, "reason"),
		  "the address is a loop\n\tvariable advanced by PGDIR_SIZE.",
		  "reason kept as given");
	CHECK(json_is_true(json_object_get(f, "boot_only")), "boot_only");
	e = json_array_get(json_object_get(f, "exposed_on"), 0);
	CHECK_STR(str_at(e, "mask_condition"), "!pgtable_l5_enabled()",
		  "p4d is in the mask when the condition fails");

	f = json_array_get(list, 2);
	CHECK_STR(str_at(f, "arch"), "x86", "arch finding");
	CHECK(json_is_true(json_object_get(f, "synced_locally")),
	      "synced_locally");
	CHECK_STR(str_at(f, "call"), "p4d_populate_safe", "call");

	f = json_array_get(list, 3);
	CHECK(json_is_null(json_object_get(f, "section")), "no section: null");
	CHECK(json_is_true(json_object_get(f, "unanalyzed")), "unanalyzed");
	CHECK_STR(str_at(f, "rule"), "unanalyzed", "unanalyzed rule");
	CHECK_INT(json_array_size(json_object_get(f, "exposed_on")), 0,
		  "exposed nowhere");
}

static void test_json_variants(json_t *arches, bool with_counts)
{
	json_t *v, *fold, *hook;

	CHECK_INT(json_array_size(arches), NR_VARIANTS, "arches[]");
	v = json_array_get(arches, 0);
	check_levels(v, "mask", "pmd");
	CHECK(json_is_null(json_object_get(v, "mask_condition")),
	      "plain mask: mask_condition null");
	CHECK(json_is_null(json_object_get(v, "mask_if_true")),
	      "plain mask: mask_if_true null");
	CHECK_INT(json_array_size(json_object_get(v, "folded")), 3, "folded[]");
	fold = json_array_get(json_object_get(v, "folded"), 1);
	CHECK_STR(str_at(fold, "level"), "pud", "fold level");
	CHECK_STR(str_at(fold, "condition"), "!(CONFIG_PGTABLE_LEVELS > 3)",
		  "fold condition");
	CHECK_INT(int_at(fold, "line"), 384, "fold line");
	hook = json_array_get(json_object_get(v, "sync_hook"), 0);
	CHECK_STR(str_at(hook, "file"), "arch/x86/mm/fault.c", "hook file");
	CHECK_INT(int_at(hook, "line"), 267, "hook line");
	CHECK_STR(str_at(hook, "condition"), "CONFIG_X86_32", "hook condition");

	v = json_array_get(arches, 1);
	check_levels(v, "mask", "pgd|p4d");
	check_levels(v, "mask_if_true", "pgd");
	check_levels(v, "mask_if_false", "p4d");
	CHECK_STR(str_at(v, "mask_condition"), "pgtable_l5_enabled()",
		  "mask_condition");
	CHECK_INT(int_at(v, "line"), 44, "variant line");

	v = json_array_get(arches, 2);
	CHECK_STR(str_at(v, "arch"), "arm64", "arch");
	CHECK_STR(str_at(v, "condition"), "", "no condition: \"\"");
	check_levels(v, "mask", "");
	CHECK(json_is_null(json_object_get(v, "file")) &&
	      json_is_null(json_object_get(v, "line")) &&
	      json_is_null(json_object_get(v, "expr")),
	      "implicit mask 0: file, line, expr null");
	CHECK(json_is_array(json_object_get(v, "sync_hook")) &&
	      !json_array_size(json_object_get(v, "sync_hook")),
	      "no hook: sync_hook []");
	CHECK(json_is_false(json_object_get(v, "mask_unknown")),
	      "mask_unknown false");
	if (!with_counts) {
		CHECK(!json_object_get(v, "counts"), "arches: no counts");
		return;
	}
	v = json_object_get(v, "counts");
	CHECK(int_at(v, "direct") == 2 && int_at(v, "unanalyzed") == 1 &&
	      int_at(v, "exposed") == 0, "arm64 counts 2/1/0");
	v = json_object_get(json_array_get(arches, 1), "counts");
	CHECK(int_at(v, "direct") == 3 && int_at(v, "exposed") == 3,
	      "x86-64 counts 3/3");
}

static void test_json_counts(json_t *c)
{
	CHECK_INT(int_at(c, "findings"), 4, "counts.findings");
	CHECK_INT(int_at(c, "errors"), 1, "counts.errors");
	CHECK_INT(int_at(c, "warnings"), 1, "counts.warnings");
	CHECK_INT(int_at(c, "notes"), 2, "counts.notes");
	CHECK_INT(int_at(c, "direct"), 3, "counts.direct");
	CHECK_INT(int_at(c, "unanalyzed"), 1, "counts.unanalyzed");
	CHECK_INT(int_at(c, "files_scanned"), 62000, "counts.files_scanned");
	CHECK_INT(int_at(c, "in_helper"), 2, "counts.in_helper");
	CHECK_INT(int_at(c, "problems"), 1, "counts.problems");
	CHECK(json_is_true(json_object_get(c, "interrupted")),
	      "counts.interrupted");
}

/* Every key the schema requires of a definition is in the object. */
static void check_required(json_t *schema, const char *def, json_t *obj)
{
	json_t *req = json_object_get(json_object_get(
			json_object_get(schema, "$defs"), def), "required");
	const char *missing = NULL, *key;
	size_t i;

	for (i = 0; i < json_array_size(req); i++) {
		key = json_string_value(json_array_get(req, i));
		if (!json_object_get(obj, key))
			missing = key;
	}
	CHECK(json_array_size(req) && json_is_object(obj) && !missing,
	      "output has every key schema $defs/%s requires%s%s", def,
	      missing ? ", missing " : "", missing ? missing : "");
}

static void test_schema(json_t *doc)
{
	json_error_t err;
	json_t *schema = json_load_file("report/schema.json", 0, &err);
	json_t *list = json_object_get(doc, "findings");
	json_t *arches = json_object_get(doc, "arches");
	size_t i;

	CHECK(schema, "report/schema.json is JSON: %s",
	      schema ? "ok" : err.text);
	if (!schema)
		return;
	CHECK_STR(str_at(schema, "$schema"),
		  "https://json-schema.org/draft/2020-12/schema", "draft");
	check_required(schema, "check", doc);
	check_required(schema, "counts", json_object_get(doc, "counts"));
	check_required(schema, "helper",
		       json_array_get(json_object_get(doc, "helpers"), 0));
	check_required(schema, "problem",
		       json_array_get(json_object_get(doc, "problems"), 0));
	for (i = 0; i < json_array_size(list); i++)
		check_required(schema, "finding", json_array_get(list, i));
	for (i = 0; i < json_array_size(arches); i++)
		check_required(schema, "variant", json_array_get(arches, i));
	json_decref(schema);
}

static void test_json(void)
{
	char *out = render(JSON);
	json_t *doc = parse(out, "check JSON"), *h;

	free(out);
	if (!doc)
		return;
	CHECK_STR(str_at(doc, "schema"), "ptsync-check", "schema");
	CHECK_INT(int_at(doc, "version"), PTSYNC_JSON_SCHEMA_VERSION, "version");
	CHECK_STR(str_at(doc, "tree"), "/src/linux", "tree");
	test_json_findings(json_object_get(doc, "findings"));
	test_json_variants(json_object_get(doc, "arches"), true);
	test_json_counts(json_object_get(doc, "counts"));
	h = json_array_get(json_object_get(doc, "helpers"), 1);
	CHECK(!strcmp(str_at(h, "name") ?: "", "p4d_populate_kernel") &&
	      int_at(h, "line") == 17 && json_is_false(json_object_get(h, "macro")),
	      "helpers[1]");
	CHECK_STR(str_at(json_array_get(json_object_get(doc, "problems"), 0),
			 "reason"), "binary file", "problems[0]");
	test_schema(doc);
	json_decref(doc);
}

static const char *const arches_table =
	"arch   condition                         mask                                        sync hook                                       folded\n"
	"x86    CONFIG_X86_32 && !CONFIG_X86_PAE  pmd                                         arch/x86/mm/fault.c:267                         p4d if !(CONFIG_PGTABLE_LEVELS > 4), p4d|pud if !(CONFIG_PGTABLE_LEVELS > 3)\n"
	"x86    !CONFIG_X86_32                    pgd|p4d (pgtable_l5_enabled() ? pgd : p4d)  arch/x86/mm/init_64.c:239 [CONFIG_X86_64_ONLY]  p4d if !(CONFIG_PGTABLE_LEVELS > 4)\n"
	"arm64  -                                 0                                           -                                               -\n";

static void test_arches(void)
{
	char *out = render(ARCHES_TEXT);
	json_t *doc;

	CHECK_STR(out, arches_table, "arches table");
	free(out);
	out = render(ARCHES_JSON);
	doc = parse(out, "arches JSON");
	free(out);
	if (!doc)
		return;
	CHECK_STR(str_at(doc, "schema"), "ptsync-arches", "arches schema");
	CHECK_INT(int_at(doc, "version"), 1, "arches version");
	test_json_variants(json_object_get(doc, "arches"), false);
	json_decref(doc);
}

/* File names are bytes; the JSON must stay valid and keep the finding. */
static void test_bad_utf8(void)
{
	char *saved = findings.items[0].file, *out;
	json_t *doc;

	findings.items[0].file = "mm/caf\xe9.c";
	out = render(JSON);
	findings.items[0].file = saved;
	doc = parse(out, "JSON with a Latin-1 file name");
	free(out);
	CHECK_STR(str_at(json_array_get(json_object_get(doc, "findings"), 0),
			 "file"), "mm/caf\xef\xbf\xbd.c", "invalid byte is U+FFFD");
	json_decref(doc);
}

static void test_write_error(void)
{
	static const char *const names[] = {
		"gcc", "text", "json", "arches text", "arches json",
	};
	enum format fmt;
	FILE *full;

	for (fmt = GCC; fmt <= ARCHES_JSON; fmt++) {
		full = fopen("/dev/full", "w");
		if (!full) {
			CHECK(0, "open /dev/full");
			return;
		}
		CHECK_INT(render_to(full, fmt), -1, names[fmt]);
		fclose(full);
	}
}

static void test_empty(void)
{
	struct finding_list none = { 0 };
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	report_text(out, &none, &model, NULL);
	fclose(out);
	CHECK(buf && !strncmp(buf, "arch ", 5) &&
	      strstr(buf, "\nptsync: 0 findings (0 errors, 0 warnings, 0 notes; 0 unanalyzed) in 0 files of 0 scanned; 0 approved helpers\n"),
	      "no findings: the table, then the summary");
	free(buf);
}

int main(void)
{
	build_model(&model);
	build_findings(&findings);
	test_messages();
	test_gcc();
	test_text();
	test_json();
	test_arches();
	test_bad_utf8();
	test_write_error();
	test_empty();
	finding_list_free(&findings);
	arch_model_free(&model);
	return unit_done("unit report");
}
