/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The rule catalogue: every rule ptsync reports, once.  Each renderer
 * (gcc, text, json, sarif, rdjsonl, github, email, markdown), the convert
 * messages and the tests take a rule's name, title, message, help and
 * "why it matters" from here, so a wording is changed in one place.  The
 * semantic patch prints the same messages; testcases/unit/test_rules.c
 * compares its output with the templates below.
 *
 * A message template has placeholders: {call} the call as written
 * ("pgd_populate_safe"), {level} "pgd" or "p4d", {address} the inferred
 * address, {reason} why there is none or why the call was not analysed.
 */
#ifndef PTSYNC_RULES_H
#define PTSYNC_RULES_H

#include <stdbool.h>
#include <stddef.h>

/* Rule names, the same in every format: [<name>], JSON, SARIF ruleIds. */
#define RULE_CONVERT	"raw-populate"		/* convertible, address known */
#define RULE_MANUAL	"raw-populate-manual"	/* no single address */
#define RULE_UNANALYZED	"unanalyzed"		/* spatch did not see it */
#define RULE_INDIRECT	"indirect-populate"	/* p4d_alloc/pud_alloc */
#define RULE_PRIVATE	"private-table"		/* &init_mm, private table */
#define RULE_UNSYNCED_PATH "unsynced-path"	/* review: a new unsynced chain */

struct rule {
	const char *name;
	const char *title;	/* one line, for SARIF and GitHub */
	const char *message;	/* the template of a finding's message */
	const char *help;	/* what to do, a paragraph */
};

extern const struct rule rules[];
extern const size_t nr_rules;

/* The rule called name; NULL when there is none. */
const struct rule *rule_find(const char *name);
/* Its title and help; name itself for an unknown rule. */
const char *rule_title(const char *name);
const char *rule_help(const char *name);

/*
 * The finding message of rule name with its placeholders filled (NULL
 * ones read as ""); the caller frees it.  An unknown name gives the bare
 * template of RULE_UNANALYZED, so a message is never lost.
 */
char *rule_message(const char *name, const char *call, const char *level,
		   const char *address, const char *reason);

/*
 * Whether text is a message of rule r, or of any rule; a placeholder
 * stands for any non-empty text.
 */
bool rule_matches(const struct rule *r, const char *text);
bool rule_message_matches(const char *text);

/*
 * Why the raw calls matter, one paragraph that starts with calls
 * ("pgd_populate()", "pgd_populate() and p4d_populate()"): the review
 * mail, the convert commit messages and the cover letter open with it,
 * and the semantic patch's header says the same.  The caller frees it.
 */
char *rule_why(const char *calls);

#endif
