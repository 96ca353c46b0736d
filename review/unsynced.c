// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rule unsynced-path: a line the patch adds that makes or changes a call
 * on an open chain (no sync on it, after boot) down to a raw or indirect
 * population of an exposed level.  4917f55b4ef9 added no raw call, only
 * such a path; the population's own finding is old, so it is the call
 * on the new line that is the new finding.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "classify/classify.h"
#include "lib/util.h"
#include "review/review.h"

bool review_open_chain(const struct finding *f, const struct call_chain *ch,
		       const struct arch_model *m)
{
	return f->severity == SEV_ERROR && !ch->synced && !ch->boot_only &&
	       chain_exposed(f, ch, m);
}

bool review_have_finding(const struct finding_list *l, size_t from,
			 const char *file, int line)
{
	size_t i;

	for (i = from; i < l->nr; i++)
		if (l->items[i].line == line && !strcmp(l->items[i].file, file))
			return true;
	return false;
}

/* The 0-based column of callee as a whole word on the line, or 0. */
static int column_of(const char *text, const char *callee)
{
	size_t n = strlen(callee);
	const char *p;

	for (p = text; p && (p = strstr(p, callee)); p += n) {
		bool starts = p == text || !(isalnum((unsigned char)p[-1]) ||
					     p[-1] == '_');
		bool ends = !(isalnum((unsigned char)p[n]) || p[n] == '_');

		if (starts && ends)
			return (int)(p - text);
	}
	return 0;
}

struct finding *review_unsynced_add(const struct review *r,
				    struct finding_list *l,
				    const struct finding *f,
				    const struct call_chain *ch, size_t step,
				    size_t nr_models)
{
	const struct chain_step *s = &ch->steps[step];
	const struct chain_step *down = &ch->steps[step + 1];
	struct finding *n = ARRAY_PUSH(l->items, l->nr, l->alloc);
	char *via = chain_text(ch), *text;

	memset(n, 0, sizeof(*n));
	n->file = xstrdup(s->file);
	n->line = s->line;
	text = review_file_line(r->post_root, s->file, s->line);
	n->column = text ? column_of(text, down->function) : 0;
	n->column_end = n->column + (text ? (int)strlen(down->function) : 1);
	free(text);
	n->function = xstrdup(s->function);
	n->section = xstrdup("");
	n->level = f->level;
	n->call = xstrdup(down->function);
	n->rule = RULE_UNSYNCED_PATH;
	n->indirect = f->indirect;
	n->arch = f->arch ? xstrdup(f->arch) : NULL;
	n->severity = SEV_ERROR;
	n->reason = xasprintf("via %s, %s() at %s:%d", via, f->call, f->file,
			      f->line);
	n->why = xasprintf("%s", f->why ? f->why : "");
	n->exposure = xcalloc(nr_models ? nr_models : 1, sizeof(*n->exposure));
	if (f->exposure && nr_models)
		memcpy(n->exposure, f->exposure,
		       nr_models * sizeof(*n->exposure));
	n->worst_chain = -1;
	free(via);
	return n;
}

void review_add_unsynced(struct review *r)
{
	struct finding_list *l = &r->post.findings;
	size_t nr = l->nr, nr_models = r->post.model.nr_variants, i, c, s;

	for (i = 0; i < nr; i++) {
		for (c = 0; c < l->items[i].nr_chains; c++) {
			/* items may move as we add: index, never point */
			const struct call_chain *ch = &l->items[i].chains[c];

			if (!review_open_chain(&l->items[i], ch,
					       &r->post.model))
				continue;
			for (s = 0; s + 1 < ch->nr_steps; s++) {
				const struct chain_step *st = &ch->steps[s];

				if (!review_is_added(r, st->file, st->line) ||
				    review_have_finding(l, nr, st->file,
							st->line))
					continue;
				review_unsynced_add(r, l, &l->items[i], ch, s,
						    nr_models);
				ch = &l->items[i].chains[c];
			}
		}
	}
}
