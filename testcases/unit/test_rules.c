// SPDX-License-Identifier: GPL-2.0-only
/*
 * The rule catalogue against the semantic patch: every message the SmPL
 * prints in report mode (kept inline in testcases/cocci/, and checked
 * there against spatch's real output) must be one of the catalogue's
 * templates, and each template the SmPL can print must occur.  Run from
 * the top of the tree.
 */
#include <glob.h>
#include <stdlib.h>
#include <string.h>

#include "lib/kernel_facts.h"
#include "lib/rules.h"
#include "lib/util.h"
#include "unit.h"

#define WARNING ": WARNING: "

/* Unquote one line of an expectation comment (" * text", "*\/"). */
static char *unquote(const char *line, size_t len)
{
	char *s, *p;

	if (len >= 3 && !strncmp(line, " * ", 3)) {
		line += 3;
		len -= 3;
	} else {
		len = 0;
	}
	s = xstrndup(line, len);
	while ((p = strstr(s, "*\\/")))
		memmove(p + 1, p + 2, strlen(p + 2) + 1);
	return s;
}

/* Check each report line of file; count them and the rules seen. */
static void check_file(const char *file, size_t *lines, bool *seen)
{
	size_t len;
	char *text = read_file(file, &len), *p, *end, *line, *msg;
	bool on = false;
	size_t i;

	CHECK(text, "%s is readable", file);
	for (p = text; p && *p; p = end ? end + 1 : NULL) {
		end = strchr(p, '\n');
		line = unquote(p, end ? (size_t)(end - p) : strlen(p));
		if (!strcmp(line, "check-report-end"))
			on = false;
		msg = on ? strstr(line, WARNING) : NULL;
		if (msg) {
			msg += strlen(WARNING);
			(*lines)++;
			CHECK(rule_message_matches(msg), "%s: catalogue has \"%s\"",
			      file, msg);
			for (i = 0; i < nr_rules; i++)
				seen[i] |= rule_matches(&rules[i], msg);
		} else if (on) {
			CHECK(!*line, "%s: a report line without \"WARNING: \": %s",
			      file, line);
		}
		if (!strcmp(line, "check-report-start"))
			on = true;
		free(line);
	}
	free(text);
}

static void smpl_messages(void)
{
	bool seen[16] = { false };
	size_t lines = 0, i;
	glob_t g;

	CHECK(!glob("testcases/cocci/*.[ch]", 0, NULL, &g),
	      "testcases/cocci/ has inputs");
	for (i = 0; i < g.gl_pathc; i++)
		check_file(g.gl_pathv[i], &lines, seen);
	globfree(&g);
	CHECK(lines >= 20, "%zu SmPL messages checked", lines);
	CHECK(seen[0] && !strcmp(rules[0].name, RULE_CONVERT),
	      "the SmPL prints the %s message", RULE_CONVERT);
	CHECK(seen[1] && !strcmp(rules[1].name, RULE_MANUAL),
	      "the SmPL prints the %s message", RULE_MANUAL);
}

/*
 * The SmPL names the helpers, section markers and syncs of
 * lib/kernel_facts.c.
 */
static void smpl_facts(void)
{
	const char *const *lists[] = {
		kf_helpers, kf_section_prefixes, kf_section_names,
		kf_sync_calls, kf_sync_prefixes };
	const char *const *p;
	size_t len, i;
	char *cocci = read_file("semantic-patches/populate_kernel.cocci", &len);

	CHECK(cocci, "the semantic patch is readable");
	for (i = 0; cocci && i < ARRAY_SIZE(lists); i++)
		for (p = lists[i]; *p; p++)
			CHECK(strstr(cocci, *p) != NULL,
			      "the semantic patch names %s", *p);
	free(cocci);
}

static void templates(void)
{
	char *m;
	size_t i;

	for (i = 0; i < nr_rules; i++) {
		CHECK(rule_find(rules[i].name) == &rules[i], "%s found by name",
		      rules[i].name);
		CHECK(*rules[i].title && *rules[i].help, "%s has a title and help",
		      rules[i].name);
		m = rule_message(rules[i].name, "pgd_populate", "pgd", "addr",
				 "why");
		CHECK(rule_message_matches(m), "%s: its own message matches: %s",
		      rules[i].name, m);
		free(m);
	}
	m = rule_message(RULE_CONVERT, "p4d_populate", "p4d", "vaddr + 1", NULL);
	CHECK_STR(m, "p4d_populate() on init_mm skips the page table sync, use p4d_populate_kernel(vaddr + 1, ...)",
		  "placeholders filled");
	free(m);
	CHECK(!rule_message_matches("pgd_populate() on init_mm skips the page table sync; use pgd_populate_kernel(addr, ...)"),
	      "an older wording does not match");
	CHECK(!rule_message_matches("pgd_populate() on init_mm skips the page table sync, use pgd_populate_kernel(, ...)"),
	      "a placeholder stands for some text, not none");
	CHECK(!rule_find("no-such-rule"), "unknown rule not found");
	CHECK_STR(rule_title("no-such-rule"), "no-such-rule",
		  "unknown rule titled by its name");
	m = rule_why("pgd_populate()");
	CHECK(str_starts_with(m, "pgd_populate() on &init_mm changes a top-level entry") &&
	      strstr(m, "arch_sync_kernel_mappings()"),
	      "why it matters: one call, the sync named");
	free(m);
	m = rule_why("pgd_populate() and p4d_populate()");
	CHECK(str_starts_with(m, "pgd_populate() and p4d_populate() on &init_mm change a"),
	      "why it matters: two calls");
	free(m);
}

int main(void)
{
	templates();
	smpl_messages();
	smpl_facts();
	return unit_done("unit rules");
}
