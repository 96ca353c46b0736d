// SPDX-License-Identifier: GPL-2.0-only
/*
 * "ptsync arches": the arch model alone, as a table with a row per
 * variant or as a JSON document whose variant objects are those of the
 * "ptsync check" document.
 */
#include "lib/util.h"
#include "report/internal.h"

/* folded is last: it can be long, and must not push the hooks away */
enum { COL_ARCH, COL_COND, COL_MASK, COL_HOOK, COL_FOLDED, NR_COLS };

static const char *const headers[NR_COLS] = {
	"arch", "condition", "mask", "sync hook", "folded",
};

int report_arches_text(FILE *out, const struct arch_model *model)
{
	char *row[NR_COLS];
	struct report_table t;
	size_t i;

	report_table_init(&t, headers, NR_COLS, 0);
	for (i = 0; i < model->nr_variants; i++) {
		const struct arch_variant *v = &model->variants[i];

		row[COL_ARCH] = xstrdup(v->arch);
		row[COL_COND] = report_variant_condition(v);
		row[COL_MASK] = report_variant_mask(v);
		row[COL_FOLDED] = report_variant_folds(v);
		row[COL_HOOK] = report_variant_hooks(v);
		report_table_add(&t, row);
	}
	report_table_print(out, &t);
	report_table_free(&t);
	return report_finish(out);
}

int report_arches_json(FILE *out, const struct arch_model *model)
{
	json_t *doc = rjson_checked(json_object());
	json_t *arches = rjson_checked(json_array());
	size_t i;

	rjson_put(doc, "schema", json_string("ptsync-arches"));
	rjson_put(doc, "version", json_integer(PTSYNC_JSON_SCHEMA_VERSION));
	for (i = 0; i < model->nr_variants; i++)
		rjson_push(arches, report_variant_json(&model->variants[i]));
	rjson_put(doc, "arches", arches);
	return rjson_write(out, doc);
}
