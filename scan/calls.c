// SPDX-License-Identifier: GPL-2.0-only
/*
 * file_facts_scan(): the functions of one file, each with its calls by
 * name and, per call, whether a sync call follows on the same path.
 *
 * "The same path" is judged from braces and if/else alone: a sync S
 * after a call C counts unless S sits in another branch of an if/else
 * chain that holds C ("if (a) { C } else { S }", "if (a) C; else S;").
 * A sync after the whole if statement, or in a block opened after C
 * ("if (!err) sync_global_pgds(...)"), counts: that is the idiom of
 * x86's vmemmap_populate().  Preprocessor conditionals keep the state of
 * their first live branch, and "#if 0" code is skipped: scan/ppcond.h,
 * as for scan.c.
 *
 * Two jumps end a path before a later sync:
 * - a switch's case: a sync under a later "case"/"default" label is on
 *   the call's path only when the call's case falls through to it (its
 *   last statement is not a break, return, goto or continue); after the
 *   switch's closing brace the paths meet again;
 * - a return between the call and the sync, unless it is the error path.
 *   A return that skips the sync after the population succeeded leaves
 *   the new entry unsynced: "if (done) return 0;" between the two is the
 *   bug shape.  An error return is not: x86's own "if (!err) sync" says
 *   that a failed population needs no sync, so "if (err) return err;"
 *   before the sync is the same idiom.  A return is the error path when
 *   it is conditional and returns an error: a negative value ("-ENOMEM"),
 *   NULL, ERR_PTR()/ERR_CAST(), or the variable a call's value went to
 *   ("err = f(...); if (err) return err;").  An unconditional return
 *   always ends the path.  goto is not followed (the label may be before
 *   or after the sync); a loop's break and continue stay on the path.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/kernel_facts.h"
#include "lib/util.h"
#include "scan/calls.h"
#include "scan/lexer.h"
#include "scan/ppcond.h"

#define MAX_DEPTH	64
#define HEAD_MAX	16
#define RESULTS_MAX	16

struct close_event {
	long pos;
	int depth;		/* the depth after the "}" */
};

struct pending_call {
	long pos;
	int depth;
	bool cut;		/* a return ended its path */
	int park;		/* its case ended: a switch body's depth, or 0 */
};

struct branch_state {
	long chain_if;		/* the "if" that opened the chain, or -1 */
	long else_pos;
	bool else_active;	/* inside the else part of that chain */
};

struct saved {
	int depth;
	bool in_fn;
	size_t nr_fns;
};

struct fscan {
	struct lexer lx;
	struct file_facts *ff;
	int depth;
	int paren;		/* in the head, or in the body */
	bool in_fn;
	bool assign;		/* "=" in the head: an initializer */
	int prev_punct;
	bool prev_else;
	long pos;
	struct token last_ident;	/* an identifier waiting for "(" */
	bool have_ident;
	int before_ident;	/* the punctuator before it, or 0 */
	int nr_head;
	struct token head[HEAD_MAX];
	bool head_call[HEAD_MAX];
	const char *initcall;	/* inside xxx_initcall( at file scope */
	int initcall_paren;
	struct branch_state br[MAX_DEPTH];
	struct close_event *closes;
	size_t nr_closes, alloc_closes;
	struct pending_call *pend;	/* one per call of the function */
	size_t nr_pend, alloc_pend;
	struct pp_conds pc;
	struct saved at_if[PP_COND_MAX], first_end[PP_COND_MAX];
	/* control statements, for jumps and case labels */
	bool ctl_head;		/* in the parens of if/for/while/switch */
	int ctl_paren;		/* the paren level the head opened at */
	bool after_ctl;		/* a head, else or do ended: its body next */
	int ctl_depth;		/* an unbraced body runs at this depth, or -1 */
	bool body_block[MAX_DEPTH];	/* the block is a statement's body */
	bool last_jump[MAX_DEPTH];	/* the last statement here jumped */
	int jump;		/* the statement's jump keyword: 'r', ... */
	bool jump_ctl;		/* ... in an unbraced control body */
	int ret_tokens;		/* tokens of the return value so far */
	bool ret_error;		/* the return value is an error */
	struct token hist[3];	/* the last tokens, newest first */
	struct token results[RESULTS_MAX];	/* x in "x = f(...)" */
	int nr_results;
};

static const char *const not_calls[] = {
	"if", "while", "for", "switch", "return", "sizeof", "typeof",
	"__typeof__", "__attribute__", "asm", "__asm__", "defined",
	"_Static_assert", "static_assert", "__builtin_expect", NULL,
};

static bool word_in(const char *s, size_t len, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == len && !memcmp(s, *list, len))
			return true;
	return false;
}

static bool starts(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);

	return len >= n && !memcmp(s, prefix, n);
}

bool is_sync_name(const char *s, size_t len)
{
	const char *const *p;

	if (word_in(s, len, kf_sync_calls) || word_in(s, len, kf_helpers))
		return true;
	for (p = kf_sync_prefixes; *p; p++)
		if (starts(s, len, *p))
			return true;
	return false;
}

static bool ends(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);

	return len >= n && !memcmp(s + len - n, suffix, n);
}

static bool is_punct(const struct token *t, int c)
{
	return t->kind == T_PUNCT && t->punct == c;
}

static struct fn_fact *cur_fn(struct fscan *s)
{
	return &s->ff->fns[s->ff->nr_fns - 1];
}

/* The depth where C's and S's paths part: the lowest one in between. */
static int meet_depth(const struct fscan *s, const struct pending_call *c)
{
	int k = c->depth < s->depth ? c->depth : s->depth;
	size_t i;

	for (i = s->nr_closes; i-- > 0 && s->closes[i].pos > c->pos;)
		if (s->closes[i].depth < k)
			k = s->closes[i].depth;
	return k;
}

static bool other_branch(const struct fscan *s, const struct pending_call *c)
{
	int k = meet_depth(s, c);
	const struct branch_state *b;

	if (k >= MAX_DEPTH)
		return false;
	b = &s->br[k];
	return b->else_active && b->chain_if >= 0 && b->chain_if <= c->pos &&
	       b->else_pos > c->pos;
}

/* Whether a jump took the call's path away from here. */
static bool jumped_away(const struct fscan *s, const struct pending_call *c)
{
	return c->cut || (c->park && meet_depth(s, c) >= c->park);
}

static void mark_synced(struct fscan *s, const struct token *t)
{
	struct fn_fact *fn = cur_fn(s);
	size_t i;

	for (i = 0; i < fn->nr_calls; i++) {
		struct call_fact *c = &fn->calls[i];

		if (c->synced || other_branch(s, &s->pend[i]) ||
		    jumped_away(s, &s->pend[i]))
			continue;
		c->synced = true;
		c->sync_name = xstrndup(t->s, t->len);
		c->sync_line = t->line;
	}
}

static bool same_token(const struct token *a, const struct token *b)
{
	return a->len == b->len && !memcmp(a->s, b->s, a->len);
}

static bool is_result(const struct fscan *s, const struct token *t)
{
	int i;

	for (i = 0; i < s->nr_results; i++)
		if (same_token(&s->results[i], t))
			return true;
	return false;
}

/* "x = f(": x holds a call's value, its error on the error path. */
static void note_result(struct fscan *s)
{
	const struct token *lhs = &s->hist[2];

	if (is_punct(&s->hist[1], '=') && lhs->kind == T_IDENT &&
	    !is_result(s, lhs) && s->nr_results < RESULTS_MAX)
		s->results[s->nr_results++] = *lhs;
}

/* The first tokens of a return value: is it an error? */
static void return_value(struct fscan *s, const struct token *t)
{
	int n = s->ret_tokens++;

	if (n == 0)
		/* the lexer tells "-" apart from "->" and "-=" by text */
		s->ret_error = (t->kind == T_PUNCT && TOK_IS(t, "-")) ||
			       TOK_IS(t, "NULL") ||
			       TOK_IS(t, "ERR_PTR") || TOK_IS(t, "ERR_CAST");
	if (n == 1 && is_punct(t, ';') && is_result(s, &s->hist[0]))
		s->ret_error = true;
}

/*
 * The ";" of a return: it ends the path of the calls before it that it
 * is on the path of, unless it is a conditional error return.
 */
static void returned(struct fscan *s)
{
	struct fn_fact *fn = cur_fn(s);
	struct pending_call *p;
	bool cond;
	size_t i;

	for (i = 0; i < fn->nr_calls; i++) {
		p = &s->pend[i];
		if (fn->calls[i].synced || p->cut || other_branch(s, p))
			continue;
		cond = s->depth > meet_depth(s, p) || s->jump_ctl;
		if (!(cond && s->ret_error))
			p->cut = true;
	}
}

/*
 * A case label at depth d: the calls of the case before it that does
 * not fall through leave the switch body's paths.
 */
static void case_label(struct fscan *s)
{
	int d = s->depth;
	size_t i;

	if (d >= MAX_DEPTH || !s->last_jump[d])
		return;
	for (i = 0; i < s->nr_pend; i++)
		if (!s->pend[i].park && meet_depth(s, &s->pend[i]) >= d)
			s->pend[i].park = d;
	s->last_jump[d] = false;
}

static void add_call(struct fscan *s, const struct token *t)
{
	struct fn_fact *fn = cur_fn(s);
	struct call_fact *c;
	struct pending_call *p;

	if (is_sync_name(t->s, t->len))
		mark_synced(s, t);
	c = ARRAY_PUSH(fn->calls, fn->nr_calls, fn->alloc_calls);
	memset(c, 0, sizeof(*c));
	c->callee = xstrndup(t->s, t->len);
	c->line = t->line;
	p = ARRAY_PUSH(s->pend, s->nr_pend, s->alloc_pend);
	memset(p, 0, sizeof(*p));
	p->pos = s->pos;
	p->depth = s->depth;
	note_result(s);
}

static void add_name(char ***v, size_t *nr, size_t *alloc,
		     const struct token *t)
{
	*ARRAY_PUSH(*v, *nr, *alloc) = xstrndup(t->s, t->len);
}

/* A value use: "= foo,", "(foo)", "&foo;" and the like. */
static void ident_done(struct fscan *s, const struct token *next)
{
	struct file_facts *ff = s->ff;
	const struct token *t = &s->last_ident;
	int b = s->before_ident;

	s->have_ident = false;
	if (is_punct(next, '(')) {
		if (s->in_fn && !word_in(t->s, t->len, not_calls))
			add_call(s, t);
		return;
	}
	if (next->kind != T_PUNCT || !strchr(",;)}", next->punct))
		return;
	if (s->initcall && s->depth == 0)
		add_name(&ff->initcalls, &ff->nr_initcalls,
			 &ff->alloc_initcalls, t);
	else if (b && strchr("=(,&?:", b))
		add_name(&ff->refs, &ff->nr_refs, &ff->alloc_refs, t);
}

static int find_name(const struct fscan *s)
{
	static const char *const attrs[] = {
		"__attribute__", "__attribute", "__section", "__aligned",
		"__printf", "__acquires", "__releases", "__must_hold",
		"__alloc_size", "__counted_by", "asm", "__asm__", NULL,
	};
	int i;

	for (i = s->nr_head - 1; i >= 0; i--)
		if (s->head_call[i] &&
		    !word_in(s->head[i].s, s->head[i].len, attrs))
			return i;
	return -1;
}

static void start_fn(struct fscan *s, int name)
{
	struct fn_fact *fn;
	int i;

	fn = ARRAY_PUSH(s->ff->fns, s->ff->nr_fns, s->ff->alloc_fns);
	memset(fn, 0, sizeof(*fn));
	fn->name = xstrndup(s->head[name].s, s->head[name].len);
	fn->line = s->head[name].line;
	for (i = 0; i < name; i++) {
		const struct token *h = &s->head[i];

		if (TOK_IS(h, "static"))
			fn->is_static = true;
		if (starts(h->s, h->len, "__init"))
			fn->boot_only = true;
	}
	s->in_fn = true;
	s->nr_closes = 0;
	s->nr_pend = 0;
	s->nr_results = 0;
	s->ctl_head = s->after_ctl = false;
	s->ctl_depth = -1;
	s->jump = 0;
}

static void head_reset(struct fscan *s)
{
	s->nr_head = 0;
	s->assign = false;
}

static void open_brace(struct fscan *s)
{
	int name;

	if (!s->depth && !s->paren && s->prev_punct == ')' && !s->assign) {
		name = find_name(s);
		if (name >= 0)
			start_fn(s, name);
	}
	if (!s->depth)
		head_reset(s);
	s->depth++;
	if (s->depth < MAX_DEPTH) {
		s->br[s->depth].chain_if = -1;
		s->br[s->depth].else_active = false;
		/* after "if (...)", "else", a loop macro's ")": a body */
		s->body_block[s->depth] = s->prev_punct == ')' ||
					  TOK_IS(&s->hist[0], "else") ||
					  TOK_IS(&s->hist[0], "do");
		s->last_jump[s->depth] = false;
	}
}

static void close_brace(struct fscan *s)
{
	struct close_event *e;

	if (!s->depth)
		return;
	s->depth--;
	if (s->depth < MAX_DEPTH)
		s->br[s->depth].else_active = false;
	/* a plain block ending in a jump jumps; a body only may */
	if (s->depth + 1 < MAX_DEPTH)
		s->last_jump[s->depth] = !s->body_block[s->depth + 1] &&
					 s->last_jump[s->depth + 1];
	if (s->ctl_depth == s->depth)
		s->ctl_depth = -1;
	if (s->in_fn) {
		e = ARRAY_PUSH(s->closes, s->nr_closes, s->alloc_closes);
		e->pos = s->pos;
		e->depth = s->depth;
	}
	if (!s->depth) {
		s->in_fn = false;
		head_reset(s);
	}
}

static int jump_kind(const struct token *t)
{
	if (TOK_IS(t, "return"))
		return 'r';
	if (TOK_IS(t, "break"))
		return 'b';
	if (TOK_IS(t, "goto"))
		return 'g';
	if (TOK_IS(t, "continue"))
		return 'c';
	return 0;
}

/* After ";", "{", "}" or ":": "default" there is a label. */
static bool statement_start(const struct fscan *s)
{
	int c = s->prev_punct;

	return c == ';' || c == '{' || c == '}' || c == ':';
}

/* Control heads, bodies, jumps and labels of a function body. */
static void control(struct fscan *s, const struct token *t)
{
	if (TOK_IS(t, "if") || TOK_IS(t, "for") || TOK_IS(t, "while") ||
	    TOK_IS(t, "switch")) {
		s->ctl_head = true;
		s->ctl_paren = s->paren;
	} else if (TOK_IS(t, "else") || TOK_IS(t, "do")) {
		s->after_ctl = true;
	} else if (!s->paren && jump_kind(t)) {
		s->jump = jump_kind(t);
		s->jump_ctl = s->ctl_depth >= 0 && s->ctl_depth <= s->depth;
		s->ret_tokens = 0;
		s->ret_error = false;
	} else if (!s->paren && (TOK_IS(t, "case") ||
				 (TOK_IS(t, "default") && statement_start(s)))) {
		case_label(s);
	}
}

static void keyword(struct fscan *s, const struct token *t)
{
	struct branch_state *b;

	if (!s->in_fn || s->depth >= MAX_DEPTH)
		return;
	control(s, t);
	b = &s->br[s->depth];
	if (TOK_IS(t, "if") && !s->prev_else) {
		b->chain_if = s->pos;
		b->else_active = false;
	} else if (TOK_IS(t, "else")) {
		b->else_pos = s->pos;
		b->else_active = true;
	}
}

static void head_ident(struct fscan *s, const struct token *t)
{
	if (s->depth || s->paren)
		return;
	if (s->nr_head == HEAD_MAX) {
		memmove(s->head, s->head + HEAD_MAX / 2,
			HEAD_MAX / 2 * sizeof(*s->head));
		memmove(s->head_call, s->head_call + HEAD_MAX / 2,
			HEAD_MAX / 2 * sizeof(*s->head_call));
		s->nr_head = HEAD_MAX / 2;
	}
	s->head[s->nr_head] = *t;
	s->head_call[s->nr_head++] = false;
}

static void statement_end(struct fscan *s)
{
	if (s->in_fn && s->jump == 'r')
		returned(s);
	s->br[s->depth].else_active = false;
	s->last_jump[s->depth] = s->jump && !s->jump_ctl;
	s->jump = 0;
	if (s->ctl_depth == s->depth)
		s->ctl_depth = -1;
}

static void punct(struct fscan *s, const struct token *t)
{
	switch (t->punct) {
	case '(':
		if (!s->depth && !s->paren && s->prev_punct == T_IDENT &&
		    s->nr_head)
			s->head_call[s->nr_head - 1] = true;
		s->paren++;
		break;
	case ')':
		if (s->paren)
			s->paren--;
		if (s->ctl_head && s->paren == s->ctl_paren) {
			s->ctl_head = false;
			s->after_ctl = true;
		}
		if (s->initcall && !s->depth && s->paren < s->initcall_paren)
			s->initcall = NULL;
		break;
	case '=':
		if (!s->depth && !s->paren)
			s->assign = true;
		break;
	case ';':
		if (!s->depth)
			head_reset(s);
		else if (s->depth < MAX_DEPTH && !s->paren)
			statement_end(s);
		break;
	case '{':
		open_brace(s);
		break;
	case '}':
		close_brace(s);
		break;
	}
}

/* The token after a control head, else or do: is the body unbraced? */
static void body_start(struct fscan *s, const struct token *t)
{
	s->after_ctl = false;
	if (!is_punct(t, '{') && s->ctl_depth < 0)
		s->ctl_depth = s->depth;
}

static void token_kind(struct fscan *s, const struct token *t)
{
	if (t->kind == T_IDENT) {
		keyword(s, t);
		head_ident(s, t);
		if (!s->depth && !s->paren &&
		    (ends(t->s, t->len, "initcall") ||
		     TOK_IS(t, "module_init") || TOK_IS(t, "late_initcall_sync"))) {
			s->initcall = t->s;
			s->initcall_paren = 1;
		}
		s->last_ident = *t;
		s->have_ident = true;
		s->before_ident = s->prev_punct == T_IDENT ? 0 : s->prev_punct;
		s->prev_else = TOK_IS(t, "else");
		/* "return foo;" hands foo out as a value */
		s->prev_punct = TOK_IS(t, "return") ? '=' : T_IDENT;
		return;
	}
	s->prev_else = false;
	if (t->kind == T_PUNCT) {
		punct(s, t);
		s->prev_punct = t->punct < 128 ? t->punct : 0;
	} else {
		s->prev_punct = 0;
	}
}

static void token(struct fscan *s, const struct token *t)
{
	if (s->have_ident)
		ident_done(s, t);
	s->pos++;
	if (s->in_fn && s->after_ctl && !s->ctl_head)
		body_start(s, t);
	if (s->jump == 'r')
		return_value(s, t);
	token_kind(s, t);
	s->hist[2] = s->hist[1];
	s->hist[1] = s->hist[0];
	s->hist[0] = *t;
}

static struct saved save(const struct fscan *s)
{
	return (struct saved){ s->depth, s->in_fn, s->ff->nr_fns };
}

static void restore(struct fscan *s, const struct saved *v)
{
	s->depth = v->depth;
	s->in_fn = v->in_fn && s->ff->nr_fns == v->nr_fns;
}

static void save_state(void *ctx, int level, enum pp_slot slot)
{
	struct fscan *s = ctx;

	if (slot == PP_AT_IF)
		s->at_if[level] = save(s);
	else
		s->first_end[level] = save(s);
}

/*
 * At #endif the first live branch wins only where the braces differ: a
 * function whose head has one form per branch keeps the later head's
 * body (restore() would leave the function when nr_fns moved on).
 */
static void restore_state(void *ctx, int level, enum pp_slot slot)
{
	struct fscan *s = ctx;

	if (slot == PP_AT_IF)
		restore(s, &s->at_if[level]);
	else if (s->depth != s->first_end[level].depth)
		restore(s, &s->first_end[level]);
}

static void directive(struct fscan *s)
{
	const struct pp_hooks hooks = {
		.ctx = s,
		.save = save_state,
		.restore = restore_state,
	};
	struct token t;

	pp_directive(&s->pc, &s->lx, &hooks, &t);
}

void file_facts_scan(const char *path, const char *buf, size_t len,
		     struct file_facts *ff)
{
	struct fscan *s = xcalloc(1, sizeof(*s));
	struct token t;

	memset(ff, 0, sizeof(*ff));
	ff->path = xstrdup(path);
	s->ff = ff;
	scan_lex_init(&s->lx, buf, len);
	for (;;) {
		scan_lex_next(&s->lx, &t);
		if (t.kind == T_EOF)
			break;
		if (is_punct(&t, '#') && t.bol)
			directive(s);
		else if (!s->pc.dead)
			token(s, &t);
	}
	scan_lex_free(&s->lx);
	free(s->closes);
	free(s->pend);
	free(s);
}

void file_facts_free(struct file_facts *ff)
{
	size_t i, j;

	for (i = 0; i < ff->nr_fns; i++) {
		for (j = 0; j < ff->fns[i].nr_calls; j++) {
			free(ff->fns[i].calls[j].callee);
			free(ff->fns[i].calls[j].sync_name);
		}
		free(ff->fns[i].calls);
		free(ff->fns[i].name);
	}
	for (i = 0; i < ff->nr_refs; i++)
		free(ff->refs[i]);
	for (i = 0; i < ff->nr_initcalls; i++)
		free(ff->initcalls[i]);
	free(ff->fns);
	free(ff->refs);
	free(ff->initcalls);
	free(ff->path);
	memset(ff, 0, sizeof(*ff));
}
