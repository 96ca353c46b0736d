// SPDX-License-Identifier: GPL-2.0-only
/*
 * The review as SARIF 2.1.0, for code scanning services.  Regions are
 * 1-based with an exclusive end column; a fix replaces whole lines of the
 * patched file, because that is what the semantic patch's diff gives.
 * baselineState tells the patch's findings from those it inherited.
 *
 * Code scanning matches a result with the alerts it already has by
 * partialFingerprints: ours hashes the rule, the file, the function and
 * the call's line with its spacing squeezed, plus which of equal such
 * lines it is, so an alert survives lines moving above it and a rerun.
 * URIs are relative to the tree: no local path leaves the machine.
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "lib/hash.h"
#include "lib/util.h"
#include "lib/version.h"
#include "report/internal.h"
#include "review/review.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

static json_t *text_object(const char *key, const char *text)
{
	json_t *o = rjson_checked(json_object());

	rjson_put(o, key, rjson_text(text));
	return o;
}

static json_t *rules_json(void)
{
	json_t *all = rjson_checked(json_array()), *rule;
	size_t i;

	for (i = 0; i < nr_rules; i++) {
		rule = rjson_checked(json_object());
		rjson_put(rule, "id", json_string(rules[i].name));
		rjson_put(rule, "shortDescription",
			  text_object("text", rules[i].title));
		rjson_put(rule, "fullDescription",
			  text_object("text", rules[i].help));
		rjson_put(rule, "help", text_object("text", rules[i].help));
		rjson_put(rule, "helpUri", json_string(PTSYNC_URL));
		rjson_push(all, rule);
	}
	return all;
}

static size_t rule_index(const char *rule)
{
	size_t i;

	for (i = 0; i < nr_rules; i++)
		if (!strcmp(rules[i].name, rule))
			return i;
	return 0;
}

static json_t *artifact(const char *path)
{
	return text_object("uri", path);
}

/* Line n of the patched file with every whitespace run one space. */
static char *squeezed_line(const struct review *r, const struct finding *f)
{
	char *line = review_file_line(r->post_root, f->file, f->line);
	char *p, *q;

	if (!line)
		return xstrdup("");
	for (p = q = line; *p; p++) {
		if (isspace((unsigned char)*p) &&
		    (q == line || isspace((unsigned char)p[1]) || !p[1]))
			continue;
		*q++ = isspace((unsigned char)*p) ? ' ' : *p;
	}
	*q = '\0';
	return line;
}

static uint64_t fingerprint_key(const struct review *r, size_t i)
{
	const struct finding *f = r->items[i].f;
	char *line = squeezed_line(r, f);
	uint64_t h = HASH_INIT;

	h = hash_str(hash_str(h, f->rule), "\n");
	h = hash_str(hash_str(h, f->file), "\n");
	h = hash_str(hash_str(h, f->function ? f->function : ""), "\n");
	h = hash_str(h, line);
	free(line);
	return h;
}

/* "<hash>:<n>", n counting the earlier results with the same hash. */
static json_t *fingerprints(const struct review *r, size_t i)
{
	uint64_t key = fingerprint_key(r, i);
	size_t j, n = 1;
	char *value;
	json_t *o = rjson_checked(json_object());

	for (j = 0; j < i; j++)
		n += fingerprint_key(r, j) == key;
	value = xasprintf("%016" PRIx64 ":%zu", key, n);
	rjson_put(o, "ptsyncLineHash/v1", json_string(value));
	free(value);
	return o;
}

static json_t *location(const struct finding *f)
{
	json_t *region = rjson_checked(json_object());
	json_t *phys = rjson_checked(json_object());
	json_t *loc = rjson_checked(json_object());
	int end = f->column_end > f->column ? f->column_end : f->column + 1;

	rjson_put(region, "startLine", json_integer(f->line));
	rjson_put(region, "startColumn", json_integer(f->column + 1));
	rjson_put(region, "endLine", json_integer(f->line));
	rjson_put(region, "endColumn", json_integer(end + 1));
	rjson_put(phys, "artifactLocation", artifact(f->file));
	rjson_put(phys, "region", region);
	rjson_put(loc, "physicalLocation", phys);
	return loc;
}

/* Lines start..end as a region: up to the end of the last line. */
static json_t *line_region(const struct review *r, const char *path,
			   const struct line_edit *e)
{
	json_t *region = rjson_checked(json_object());
	char *last = review_file_line(r->post_root, path, e->end);

	rjson_put(region, "startLine", json_integer(e->start));
	rjson_put(region, "startColumn", json_integer(1));
	rjson_put(region, "endLine", json_integer(e->end));
	rjson_put(region, "endColumn",
		  json_integer(last ? strlen(last) + 1 : 1));
	free(last);
	return region;
}

static json_t *fixes(const struct review *r, const struct review_item *it)
{
	json_t *repl = rjson_checked(json_object());
	json_t *change = rjson_checked(json_object());
	json_t *fix = rjson_checked(json_object());
	json_t *array = rjson_checked(json_array());

	rjson_put(repl, "deletedRegion", line_region(r, it->f->file, it->edit));
	rjson_put(repl, "insertedContent", text_object("text", it->edit->text));
	rjson_put(change, "artifactLocation", artifact(it->f->file));
	rjson_put(change, "replacements", json_pack("[o]", repl));
	rjson_put(fix, "description",
		  text_object("text", "Use the _kernel() variant, which syncs the page tables"));
	rjson_put(fix, "artifactChanges", json_pack("[o]", change));
	rjson_push(array, fix);
	return array;
}

static const char *sarif_level(enum severity sev)
{
	return sev == SEV_ERROR ? "error" : sev == SEV_WARNING ? "warning" :
	       "note";
}

static json_t *result(const struct review *r, size_t i)
{
	const struct review_item *it = &r->items[i];
	json_t *o = rjson_checked(json_object());
	char *msg = finding_message(it->f);

	rjson_put(o, "ruleId", rjson_text(it->f->rule));
	rjson_put(o, "ruleIndex", json_integer(rule_index(it->f->rule)));
	rjson_put(o, "level", json_string(sarif_level(it->f->severity)));
	rjson_put(o, "message", text_object("text", msg));
	rjson_put(o, "locations", json_pack("[o]", location(it->f)));
	rjson_put(o, "partialFingerprints", fingerprints(r, i));
	rjson_put(o, "baselineState",
		  json_string(it->is_new ? "new" : "unchanged"));
	if (it->edit)
		rjson_put(o, "fixes", fixes(r, it));
	free(msg);
	return o;
}

static json_t *driver(void)
{
	json_t *d = rjson_checked(json_object());

	rjson_put(d, "name", json_string("ptsync"));
	rjson_put(d, "version", json_string(PTSYNC_VERSION));
	rjson_put(d, "informationUri", json_string(PTSYNC_URL));
	rjson_put(d, "rules", rules_json());
	return d;
}

int review_sarif(FILE *out, const struct review *r)
{
	json_t *doc = rjson_checked(json_object());
	json_t *run = rjson_checked(json_object());
	json_t *results = rjson_checked(json_array());
	size_t i;

	for (i = 0; i < r->nr_items; i++)
		rjson_push(results, result(r, i));
	rjson_put(run, "tool", json_pack("{s:o}", "driver", driver()));
	rjson_put(run, "results", results);
	rjson_put(doc, "$schema", json_string(SARIF_SCHEMA));
	rjson_put(doc, "version", json_string("2.1.0"));
	rjson_put(doc, "runs", json_pack("[o]", run));
	return rjson_write(out, doc);
}
