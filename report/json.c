// SPDX-License-Identifier: GPL-2.0-only
/*
 * The "ptsync check" JSON document.  report/README.md says what every key
 * means and report/schema.json is its JSON Schema; a change here that is
 * not a new key needs a new PTSYNC_JSON_SCHEMA_VERSION.
 *
 * Lines and columns are 1-based, columns counting bytes as gcc does;
 * column_end is 1-based too and exclusive (the column just after the
 * callee name), as in SARIF.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "report/internal.h"

static unsigned int level_bit(enum pt_level level)
{
	return level == LEVEL_PGD ? MASK_PGD : MASK_P4D;
}

/* "pgtable_l5_enabled()" and "X" negate as "!..."; others as "!(...)". */
static json_t *negated(const char *cond)
{
	const char *p = cond;
	json_t *value;
	char *text;

	while (isalnum((unsigned char)*p) || *p == '_')
		p++;
	if (p != cond && (!*p || !strcmp(p, "()")))
		text = xasprintf("!%s", cond);
	else
		text = xasprintf("!(%s)", cond);
	value = rjson_text(text);
	free(text);
	return value;
}

/*
 * When the mask is chosen at run time, the call is exposed only when the
 * choice includes its level: say under which run-time condition.
 */
static json_t *exposed_when(const struct arch_variant *v, unsigned int bit)
{
	bool yes = v->mask_if_true & bit, no = v->mask_if_false & bit;

	if (!v->mask_condition || yes == no)
		return rjson_checked(json_null());
	return yes ? rjson_text(v->mask_condition) : negated(v->mask_condition);
}

static json_t *exposed_on_json(const struct finding *f,
			       const struct arch_model *model)
{
	json_t *array = rjson_checked(json_array()), *o;
	size_t i;

	for (i = 0; !f->owner && i < model->nr_variants; i++) {
		const struct arch_variant *v = &model->variants[i];

		if (f->exposure[i] != EXPOSURE_EXPOSED)
			continue;
		o = rjson_checked(json_object());
		rjson_put(o, "variant", json_integer(i));
		rjson_put(o, "arch", rjson_text(v->arch));
		rjson_put(o, "condition",
			  rjson_text(v->condition ? v->condition : ""));
		rjson_put(o, "mask_condition",
			  exposed_when(v, level_bit(f->level)));
		rjson_push(array, o);
	}
	return array;
}

static size_t count_exposure(const struct finding *f, size_t nr,
			     enum exposure e)
{
	size_t i, n = 0;

	for (i = 0; i < nr; i++)
		n += f->exposure[i] == e;
	return n;
}

/* How the callers prove the address: one object per call site or return. */
static json_t *proof_json(const struct finding *f)
{
	json_t *array = rjson_checked(json_array()), *o;
	size_t i;

	for (i = 0; i < f->nr_proof; i++) {
		o = rjson_checked(json_object());
		rjson_put(o, "file", rjson_text(f->proof[i].file));
		rjson_put(o, "line", json_integer(f->proof[i].line));
		rjson_put(o, "function", rjson_text(f->proof[i].function));
		rjson_put(o, "text", rjson_text(f->proof[i].text));
		json_array_append_new(array, o);
	}
	return array;
}

json_t *report_finding_json(const struct finding *f,
			    const struct arch_model *model)
{
	json_t *o = rjson_checked(json_object());
	size_t nr = f->exposure ? model->nr_variants : 0;
	char *msg = finding_message(f);

	rjson_put(o, "file", rjson_text(f->file));
	rjson_put(o, "line", json_integer(f->line));
	rjson_put(o, "column", json_integer(f->column + 1));
	rjson_put(o, "column_end", json_integer(f->column_end + 1));
	rjson_put(o, "function", rjson_text_or_null(f->function));
	rjson_put(o, "section", rjson_text_or_null(f->section));
	rjson_put(o, "level", json_string(report_level_name(f->level)));
	rjson_put(o, "call", rjson_text(f->call));
	rjson_put(o, "rule", rjson_text(f->rule));
	rjson_put(o, "severity", json_string(severity_name(f->severity)));
	rjson_put(o, "message", rjson_text(msg));
	rjson_put(o, "why", rjson_text(f->why ? f->why : ""));
	rjson_put(o, "reason", rjson_text(f->reason));
	rjson_put(o, "address", rjson_text(f->address));
	rjson_put(o, "proof", proof_json(f));
	rjson_put(o, "owner", rjson_text(f->owner));
	rjson_put(o, "unanalyzed", json_boolean(f->unanalyzed));
	rjson_put(o, "synced_locally", json_boolean(f->synced_locally));
	rjson_put(o, "boot_only", json_boolean(f->boot_only));
	rjson_put(o, "arch", rjson_text(f->arch));
	rjson_put(o, "exposed_on", nr ? exposed_on_json(f, model) :
		 json_array());
	rjson_put(o, "latent_on_count",
		  json_integer(count_exposure(f, nr, EXPOSURE_LATENT)));
	rjson_put(o, "noop_on_count",
		  json_integer(count_exposure(f, nr, EXPOSURE_NOOP)));
	rjson_put(o, "chains", report_chains_json(f));
	free(msg);
	return o;
}

static json_t *arches_json(const struct finding_list *findings,
			   const struct arch_model *model)
{
	json_t *array = rjson_checked(json_array()), *o, *counts;
	struct variant_counts c;
	size_t i;

	for (i = 0; i < model->nr_variants; i++) {
		report_count_variant(findings, i, &c);
		counts = rjson_checked(json_object());
		rjson_put(counts, "direct", json_integer(c.direct));
		rjson_put(counts, "unanalyzed", json_integer(c.unanalyzed));
		rjson_put(counts, "exposed", json_integer(c.exposed));
		o = report_variant_json(&model->variants[i]);
		rjson_put(o, "counts", counts);
		rjson_push(array, o);
	}
	return array;
}

static json_t *helpers_json(const struct check_summary *s)
{
	json_t *array = rjson_checked(json_array()), *o;
	size_t i;

	for (i = 0; i < s->nr_helpers; i++) {
		const struct scan_helper *h = &s->helpers[i];

		o = rjson_checked(json_object());
		rjson_put(o, "file", rjson_text(h->path));
		rjson_put(o, "line", json_integer(h->line));
		rjson_put(o, "name", rjson_text(h->name));
		rjson_put(o, "macro", json_boolean(h->is_macro));
		rjson_push(array, o);
	}
	return array;
}

static json_t *problems_json(const struct check_summary *s)
{
	json_t *array = rjson_checked(json_array()), *o;
	size_t i;

	for (i = 0; i < s->nr_problems; i++) {
		o = rjson_checked(json_object());
		rjson_put(o, "file", rjson_text(s->problems[i].path));
		rjson_put(o, "reason", rjson_text(s->problems[i].reason));
		rjson_push(array, o);
	}
	return array;
}

static json_t *counts_json(const struct finding_list *findings,
			   const struct check_summary *s)
{
	json_t *o = rjson_checked(json_object());
	struct finding_counts c;

	report_count_findings(findings, &c);
	rjson_put(o, "findings", json_integer(c.findings));
	rjson_put(o, "errors", json_integer(c.by_severity[SEV_ERROR]));
	rjson_put(o, "warnings", json_integer(c.by_severity[SEV_WARNING]));
	rjson_put(o, "notes", json_integer(c.by_severity[SEV_NOTE]));
	rjson_put(o, "direct", json_integer(c.direct));
	rjson_put(o, "unanalyzed", json_integer(c.unanalyzed));
	rjson_put(o, "files_with_findings", json_integer(c.files));
	rjson_put(o, "files_scanned", json_integer(s->files_scanned));
	rjson_put(o, "candidates", json_integer(s->candidates));
	rjson_put(o, "sites", json_integer(s->sites));
	rjson_put(o, "in_helper", json_integer(s->in_helper));
	rjson_put(o, "helpers", json_integer(s->nr_helpers));
	rjson_put(o, "problems", json_integer(s->nr_problems));
	rjson_put(o, "interrupted", json_boolean(s->interrupted));
	return o;
}

int report_json(FILE *out, const struct finding_list *findings,
		const struct arch_model *model,
		const struct check_summary *summary)
{
	static const struct check_summary none;
	json_t *doc = rjson_checked(json_object());
	json_t *list = rjson_checked(json_array());
	size_t i;

	if (!summary)
		summary = &none;
	for (i = 0; i < findings->nr; i++)
		rjson_push(list, report_finding_json(&findings->items[i], model));
	rjson_put(doc, "schema", json_string("ptsync-check"));
	rjson_put(doc, "version", json_integer(PTSYNC_JSON_SCHEMA_VERSION));
	rjson_put(doc, "tree", rjson_text(summary->root));
	rjson_put(doc, "findings", list);
	rjson_put(doc, "arches", arches_json(findings, model));
	rjson_put(doc, "helpers", helpers_json(summary));
	rjson_put(doc, "problems", problems_json(summary));
	rjson_put(doc, "counts", counts_json(findings, summary));
	return rjson_write(out, doc);
}
