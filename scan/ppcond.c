// SPDX-License-Identifier: GPL-2.0-only
/*
 * pp_directive(): the conditional stack of scan/ppcond.h, one copy for
 * both token scanners, so that they never disagree on which code is live.
 */
#include "scan/ppcond.h"

static void update_dead(struct pp_conds *pc)
{
	int i, n = pc->nr < PP_COND_MAX ? pc->nr : PP_COND_MAX;

	pc->dead = false;
	for (i = 0; i < n; i++)
		pc->dead |= pc->value[i] == 0;
}

static void cond_push(struct pp_conds *pc, const struct pp_hooks *h,
		      int value)
{
	int n = pc->nr++;

	if (n >= PP_COND_MAX)
		return;
	h->save(h->ctx, n, PP_AT_IF);
	pc->have_first[n] = false;
	pc->value[n] = value;
	pc->taken[n] = value == 1;
	update_dead(pc);
}

/* #elif, and #else (value 1) */
static void cond_branch(struct pp_conds *pc, const struct pp_hooks *h,
			int value)
{
	int n = pc->nr - 1;

	if (n < 0 || n >= PP_COND_MAX)
		return;
	if (!pc->have_first[n] && !pc->dead) {
		h->save(h->ctx, n, PP_FIRST_END);
		pc->have_first[n] = true;
	}
	h->restore(h->ctx, n, PP_AT_IF);
	pc->value[n] = pc->taken[n] ? 0 : value;
	pc->taken[n] |= value == 1;
	update_dead(pc);
}

static void cond_endif(struct pp_conds *pc, const struct pp_hooks *h)
{
	int n = pc->nr - 1;

	if (n < 0)
		return;
	if (n < PP_COND_MAX && pc->have_first[n])
		h->restore(h->ctx, n, PP_FIRST_END);
	pc->nr--;
	update_dead(pc);
}

void pp_directive(struct pp_conds *pc, struct lexer *lx,
		  const struct pp_hooks *h, struct token *t)
{
	lx->directive = true;
	scan_lex_next(lx, t);
	if (t->kind != T_IDENT)
		;
	else if (TOK_IS(t, "if"))
		cond_push(pc, h, scan_lex_cond(lx, t));
	else if (TOK_IS(t, "ifdef") || TOK_IS(t, "ifndef"))
		cond_push(pc, h, -1);
	else if (TOK_IS(t, "elif"))
		cond_branch(pc, h, scan_lex_cond(lx, t));
	else if (TOK_IS(t, "elifdef") || TOK_IS(t, "elifndef"))
		cond_branch(pc, h, -1);
	else if (TOK_IS(t, "else"))
		cond_branch(pc, h, 1);
	else if (TOK_IS(t, "endif"))
		cond_endif(pc, h);
	else if (h->other)
		h->other(h->ctx, t);
	while (t->kind != T_EOL && t->kind != T_EOF)
		scan_lex_next(lx, t);
	lx->directive = false;
}
