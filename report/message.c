// SPDX-License-Identifier: GPL-2.0-only
/*
 * The one-line message of a finding, shared by every format:
 *
 *   <call>() on init_mm skips the page table sync; <what to do> (<why>)
 *
 * what to do is "use pgd_populate_kernel(<address>, ...)" when the
 * address is known, "convert by hand to pgd_populate_kernel(): <reason>"
 * when it is not, and an unanalyzed call says "not analysed: <reason>"
 * instead.  The why is the classification's sentence, so the severity is
 * never left unexplained.
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

/* What to do about the call, or why it was not looked at. */
static char *action(const struct finding *f, const char *level)
{
	char *text, *arg;
	const char *rule = f->rule ? f->rule : "";

	if (!strcmp(rule, RULE_UNANALYZED)) {
		arg = clean(f->reason ? f->reason : "");
		text = xasprintf("not analysed: %s",
				 *arg ? arg : "no reason given");
	} else if (!strcmp(rule, RULE_MANUAL) && f->call &&
		   strstr(f->call, "_safe")) {
		/* There is no _kernel form to convert to: the sync is manual. */
		arg = xstrdup("");
		text = xasprintf("skips the page table sync; there is no %s_populate_safe_kernel(), call arch_sync_kernel_mappings() after it",
				 level);
	} else if (!strcmp(rule, RULE_MANUAL)) {
		arg = clean(f->reason ? f->reason : "");
		text = xasprintf("skips the page table sync; convert by hand to %s_populate_kernel(): %s",
				 level, *arg ? arg : "no single address");
	} else {
		arg = clean(f->address ? f->address : "");
		text = xasprintf("skips the page table sync; use %s_populate_kernel(%s, ...)",
				 level, *arg ? arg : "addr");
	}
	free(arg);
	return text;
}

char *finding_message(const struct finding *f)
{
	const char *level = report_level_name(f->level);
	char *call = f->call && *f->call ? clean(f->call) :
		     xasprintf("%s_populate", level);
	char *why = clean(f->why ? f->why : "");
	char *what = action(f, level);
	char *msg;

	if (*why)
		msg = xasprintf("%s() on init_mm %s (%s)", call, what, why);
	else
		msg = xasprintf("%s() on init_mm %s", call, what);
	free(call);
	free(why);
	free(what);
	return msg;
}
