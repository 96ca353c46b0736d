// SPDX-License-Identifier: GPL-2.0-only
/*
 * The one-line message of a finding, shared by every format:
 *
 *   <the rule's message from lib/rules.c> (<why>)
 *
 * The message is the semantic patch's own ("... skips the page table sync,
 * use pgd_populate_kernel(<address>, ...)"); the why is the
 * classification's sentence, so the severity is never left unexplained.
 *
 * Address and reason come from the tree and from spatch and may hold line
 * breaks; all whitespace runs become one space so that a finding is always
 * one line, and trailing periods go so that the parts read as one sentence.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/finding.h"
#include "lib/util.h"
#include "report/internal.h"

/* s with whitespace runs squeezed to one space and trailing periods cut. */
static char *clean(const char *s)
{
	char *out = xmalloc(strlen(s) + 1), *p = out;

	while (*s) {
		if (isspace((unsigned char)*s)) {
			while (isspace((unsigned char)*s))
				s++;
			if (p != out && *s)
				*p++ = ' ';
			continue;
		}
		*p++ = *s++;
	}
	while (p != out && (p[-1] == '.' || p[-1] == ' '))
		p--;
	*p = '\0';
	return out;
}

/* The rule's message from the catalogue, its parts made one line each. */
static char *what(const struct finding *f, const char *call,
		  const char *level)
{
	char *address = clean(f->address ? f->address : "");
	char *reason = clean(f->reason ? f->reason : "");
	const char *rule = f->rule ? f->rule : RULE_UNANALYZED;
	char *text;

	/*
	 * No address proved (an indirect population whose entry pointer
	 * moved): a placeholder no one takes for a variable of the code.
	 */
	if (!*address)
		str_append(&address, xstrdup("<address>"));
	if (!*reason)
		str_append(&reason, xstrdup(strcmp(rule, RULE_MANUAL) ?
					   "no reason given" :
					   "no single address"));
	if (f->owner)	/* a private table: the owner is the reason */
		text = rule_message(RULE_PRIVATE, call, level, address,
				    f->owner);
	else
		text = rule_message(rule, call, level, address, reason);
	free(address);
	free(reason);
	return text;
}

char *finding_rule_message(const struct finding *f)
{
	const char *level = report_level_name(f->level);
	char *call = f->call && *f->call ? clean(f->call) :
		     xasprintf("%s_populate", level);
	char *msg = what(f, call, level);

	free(call);
	return msg;
}

char *finding_message(const struct finding *f)
{
	const char *level = report_level_name(f->level);
	char *call = f->call && *f->call ? clean(f->call) :
		     xasprintf("%s_populate", level);
	char *why = clean(f->why ? f->why : "");
	char *msg = what(f, call, level);

	if (f->nr_proof && f->address)
		str_append(&msg, xstrdup(", the address proved from the callers"));
	if (*why)
		str_append(&msg, xasprintf(" (%s)", why));
	free(call);
	free(why);
	return msg;
}

char *finding_cocci_line(const struct finding *f)
{
	char *msg = finding_rule_message(f);
	char *line = xasprintf("%s:%d:%d-%d: WARNING: %s", f->file, f->line,
			       f->column, f->column_end > f->column ?
			       f->column_end : f->column + 1, msg);

	free(msg);
	return line;
}
