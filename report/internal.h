/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the renderers share: counting, the text form of a variant's mask,
 * folds and hooks, an aligned table, and the jansson helpers.  Not part of
 * the interface of report/.
 */
#ifndef PTSYNC_REPORT_INTERNAL_H
#define PTSYNC_REPORT_INTERNAL_H

#include <jansson.h>
#include <stdio.h>

#include "report/report.h"

/* util.c */

/* Flush out and say whether everything written so far reached it. */
int report_finish(FILE *out);
const char *report_level_name(enum pt_level level);
/* "s" unless n is 1, for "1 error" / "2 errors". */
const char *report_plural(size_t n);

/* counts.c */

/* A variant's row in the text table and its counts in the JSON. */
struct variant_counts {
	size_t direct;		/* compiled for the variant, analysed */
	size_t unanalyzed;	/* compiled for the variant, unanalyzed */
	size_t exposed;		/* EXPOSURE_EXPOSED on the variant */
};

/* The totals of a list of findings, whatever the driver counted. */
struct finding_counts {
	size_t findings;
	size_t by_severity[3];	/* indexed by enum severity */
	size_t direct;
	size_t unanalyzed;
	size_t files;		/* distinct files with a finding */
};

void report_count_variant(const struct finding_list *findings,
			  size_t variant, struct variant_counts *c);
void report_count_findings(const struct finding_list *findings,
			   struct finding_counts *c);

/* gcc.c */

void report_gcc_line(FILE *out, const struct finding *f);

/* model_text.c: every function returns a string the caller frees. */

char *report_mask_text(unsigned int mask);		/* "pgd|p4d", or "0" */
char *report_variant_mask(const struct arch_variant *v);
char *report_variant_folds(const struct arch_variant *v);
char *report_variant_hooks(const struct arch_variant *v);
char *report_variant_condition(const struct arch_variant *v);

/* table.c: columns padded to their widest cell, two spaces apart. */

struct report_table {
	size_t nr_cols;
	const char *const *headers;
	unsigned int right;	/* bit i: right-align column i (numbers) */
	char **cells;		/* nr_rows * nr_cols, owned */
	size_t nr_rows, alloc_cells;
};

void report_table_init(struct report_table *t, const char *const *headers,
		       size_t nr_cols, unsigned int right);
/* Append a row of nr_cols strings, taking ownership of them. */
void report_table_add(struct report_table *t, char **row);
void report_table_print(FILE *out, const struct report_table *t);
void report_table_free(struct report_table *t);

/* json_util.c: jansson calls that only fail when memory is exhausted. */

json_t *rjson_checked(json_t *value);
void rjson_put(json_t *object, const char *key, json_t *value);
void rjson_push(json_t *array, json_t *value);
/* A string, NULL as null; bytes that are not UTF-8 become U+FFFD. */
json_t *rjson_text(const char *s);
/* As rjson_text(), but "" is null too. */
json_t *rjson_text_or_null(const char *s);
/* Dump doc with a final newline, then release it. */
int rjson_write(FILE *out, json_t *doc);

/* One finding as in the check JSON; review adds its own keys to it. */
/* The chains of f, for the JSON formats. */
json_t *report_chains_json(const struct finding *f);
json_t *report_finding_json(const struct finding *f,
			    const struct arch_model *model);

/* model_json.c */

json_t *report_levels_json(unsigned int mask);		/* ["pgd", "p4d"] */
json_t *report_variant_json(const struct arch_variant *v);


#endif
