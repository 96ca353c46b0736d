// SPDX-License-Identifier: GPL-2.0-only
/*
 * scan_buffer(): find the raw {pgd,p4d}_populate{,_safe}(&init_mm, ...)
 * calls in one file, and the context each sits in.
 *
 * There is no parser here, only a token stream and a few counters: brace
 * depth to know function bodies, the identifiers of the declaration head
 * at file scope to name a function and its section, and the stack of
 * preprocessor conditionals of scan/ppcond.h to drop "#if 0" code (the
 * call facts of calls.c follow the same stack).  Where branches leave
 * braces unbalanced (one "{" opened in both the #if and the #else part),
 * the state at the end of the first live branch wins, as in ctags.
 */
#define _GNU_SOURCE		/* memmem() */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/cond.h"
#include "lib/kernel_facts.h"
#include "lib/util.h"
#include "scan/internal.h"
#include "scan/lexer.h"
#include "scan/ppcond.h"

#define BINARY_PROBE	(64u << 10)	/* a NUL in here: binary file */
#define HEAD_MAX	16	/* head identifiers kept at file scope */
#define HIGH_BITS	0x8080808080808080ull

#define BINARY		"binary file, not scanned"
#define BAD_UTF8	"invalid UTF-8 at line %d; scanned as bytes"


enum match_state { M_IDLE, M_WANT_PAREN, M_ARG };

/* Recognises callee ( [parens] & [parens] init_mm [parens] , */
struct matcher {
	enum match_state state;
	int paren;		/* nesting inside the first argument */
	int seen;		/* 1 after "&", 2 after "& init_mm" */
	struct token callee;
};

/* A function or macro body, or file scope (active == false). */
struct body {
	const char *name;
	size_t name_len;
	const char *section;
	size_t section_len;
	bool active;
	bool in_helper;
	bool in_macro;
	size_t first_site;	/* index in res->sites of the body's first */
	bool stmt_or_assign;	/* the current statement has a "|=" */
	bool stmt_pgd_mod;	/* ... and PGTBL_PGD_MODIFIED */
	bool stmt_p4d_mod;	/* ... and PGTBL_P4D_MODIFIED */
	struct matcher m;
};

/* An identifier of a declaration head, outside its parentheses. */
struct head_ident {
	const char *s;
	size_t len;
	int line;
	bool call;		/* directly followed by "(" */
};

/* Everything a conditional branch can change, to save and restore. */
struct pstate {
	int depth;		/* brace depth */
	int paren;		/* parenthesis depth in the head */
	bool assign;		/* "=" in the head: an initializer, no body */
	int prev;		/* previous token: T_IDENT, ')' or 0 */
	int nr_head;
	struct head_ident head[HEAD_MAX];
	struct body fn;
};

struct scanner {
	struct lexer lx;
	struct scan_result *res;
	const char *path;
	struct pstate st;
	struct pp_conds pc;
	struct pstate at_if[PP_COND_MAX];	/* by conditional level */
	struct pstate first_end[PP_COND_MAX];
	/* the conditions as text, for each site's exposure (lib/cond.h) */
	struct cond_stack *conds;
	const char *end;	/* of the buffer: a directive's text stops there */
};

static const struct body file_scope = { .name = "", .section = "" };

/* Macros that take parentheses but never name the function defined. */
static const char *const attribute_names[] = {
	"__attribute__", "__attribute", "__section", "__aligned", "__printf",
	"__scanf", "__alloc_size", "__acquires", "__releases", "__must_hold",
	"__cond_acquires", "__cond_releases", "__counted_by",
	"__assume_aligned", "__mode", "_Alignas", "alignas", "typeof",
	"__typeof", "__typeof__", "asm", "__asm", "__asm__",
};

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static bool is_punct(const struct token *t, int c)
{
	return t->kind == T_PUNCT && t->punct == c;
}

static bool text_is(const char *s, size_t len, const char *word)
{
	return len == strlen(word) && !memcmp(s, word, len);
}

static bool text_starts(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);

	return len >= n && !memcmp(s, prefix, n);
}

static bool in_names(const char *s, size_t len, const char *const *names,
		     bool prefix)
{
	for (; *names; names++)
		if (prefix ? text_starts(s, len, *names) :
			     text_is(s, len, *names))
			return true;
	return false;
}

static bool is_helper_name(const char *s, size_t len)
{
	return in_names(s, len, kf_helpers, false);
}

/*
 * p4d_alloc() and pud_alloc() populate a pgd / p4d entry when it is empty
 * (through __p4d_alloc()/__pud_alloc(), which never sync).
 */
static bool is_indirect(const struct token *t)
{
	return t->kind == T_IDENT &&
	       (TOK_IS(t, "p4d_alloc") || TOK_IS(t, "pud_alloc"));
}

/* Whole tokens only: xpgd_populate and pgd_populate_kernel do not count. */
static bool is_callee(const struct token *t)
{
	if (is_indirect(t))
		return true;
	if (t->kind != T_IDENT || (t->len != 12 && t->len != 17))
		return false;
	if (memcmp(t->s, "pgd", 3) && memcmp(t->s, "p4d", 3))
		return false;
	if (memcmp(t->s + 3, "_populate", 9))
		return false;
	return t->len == 12 || !memcmp(t->s + 12, "_safe", 5);
}

void scan_add_problem(struct scan_result *res, const char *path,
		      char *reason)
{
	struct scan_problem *p;

	p = ARRAY_PUSH(res->problems, res->nr_problems, res->alloc_problems);
	p->path = xstrdup(path);
	p->reason = reason;
}

static void add_helper(struct scanner *s, const char *name, size_t len,
		       int line, bool is_macro)
{
	struct scan_result *res = s->res;
	struct scan_helper *h;

	h = ARRAY_PUSH(res->helpers, res->nr_helpers, res->alloc_helpers);
	h->path = xstrdup(s->path);
	h->line = line;
	h->name = xstrndup(name, len);
	h->is_macro = is_macro;
}

static void add_site(struct scanner *s, const struct body *b)
{
	const struct token *c = &b->m.callee;
	struct scan_result *res = s->res;
	struct scan_site *site;

	site = ARRAY_PUSH(res->sites, res->nr_sites, res->alloc_sites);
	memset(site, 0, sizeof(*site));
	site->path = xstrdup(s->path);
	site->line = c->line;
	site->column = c->col;
	site->column_end = c->col + (int)c->len;
	site->indirect = is_indirect(c);
	if (site->indirect)	/* the level of the entry it populates */
		site->level = c->s[1] == '4' ? LEVEL_PGD : LEVEL_P4D;
	else
		site->level = c->s[1] == '4' ? LEVEL_P4D : LEVEL_PGD;
	site->safe = !site->indirect && c->len == 17;
	site->in_helper = b->in_helper;
	site->in_macro = b->in_macro;
	site->function = xstrndup(b->name, b->name_len);
	site->section = xstrndup(b->section, b->section_len);
	site->condition = cond_stack_render(s->conds);
}

/* One token of the first argument: false once it cannot be &init_mm. */
static bool match_arg(struct scanner *s, struct body *b,
		      const struct token *t)
{
	struct matcher *m = &b->m;

	if (is_punct(t, '(')) {
		m->paren++;
		return true;
	}
	if (is_punct(t, ')'))
		return m->paren-- > 0;
	if (is_punct(t, '&') && m->seen == 0) {
		m->seen = 1;
		return true;
	}
	if (m->seen == 1 && t->kind == T_IDENT && TOK_IS(t, "init_mm")) {
		m->seen = 2;
		return true;
	}
	if (is_punct(t, ',') && !m->paren && m->seen == 2)
		add_site(s, b);
	return false;
}

static void match_token(struct scanner *s, struct body *b,
			const struct token *t)
{
	struct matcher *m = &b->m;

	if (m->state == M_WANT_PAREN && is_punct(t, '(')) {
		m->state = M_ARG;
		m->paren = 0;
		m->seen = 0;
		return;
	}
	if (m->state == M_ARG && match_arg(s, b, t))
		return;
	m->state = M_IDLE;
	if (is_callee(t)) {
		m->state = M_WANT_PAREN;
		m->callee = *t;
	}
}

/* level < 0: every level */
static void mark_synced(struct scanner *s, const struct body *b, int level)
{
	struct scan_site *site;
	size_t i;

	for (i = b->first_site; i < s->res->nr_sites; i++) {
		site = &s->res->sites[i];
		if (level < 0 || (int)site->level == level)
			site->synced_after = true;
	}
}

static void sync_token(struct scanner *s, struct body *b,
		       const struct token *t)
{
	if (t->kind == T_IDENT) {
		if (in_names(t->s, t->len, kf_sync_calls, false) ||
		    in_names(t->s, t->len, kf_sync_prefixes, true))
			mark_synced(s, b, -1);
		else if (TOK_IS(t, "PGTBL_PGD_MODIFIED"))
			b->stmt_pgd_mod = true;
		else if (TOK_IS(t, "PGTBL_P4D_MODIFIED"))
			b->stmt_p4d_mod = true;
	} else if (is_punct(t, P_OR_ASSIGN)) {
		b->stmt_or_assign = true;
	} else if (is_punct(t, ';') || is_punct(t, '{') || is_punct(t, '}')) {
		b->stmt_or_assign = false;
		b->stmt_pgd_mod = false;
		b->stmt_p4d_mod = false;
		return;
	}
	if (!b->stmt_or_assign)
		return;
	if (b->stmt_pgd_mod)
		mark_synced(s, b, LEVEL_PGD);
	if (b->stmt_p4d_mod)
		mark_synced(s, b, LEVEL_P4D);
	b->stmt_pgd_mod = false;
	b->stmt_p4d_mod = false;
}

static void body_token(struct scanner *s, struct body *b,
		       const struct token *t)
{
	match_token(s, b, t);
	if (b->active)
		sync_token(s, b, t);
}

static void head_reset(struct pstate *st)
{
	st->paren = 0;
	st->assign = false;
	st->prev = 0;
	st->nr_head = 0;
}

static void head_push(struct pstate *st, const struct token *t)
{
	struct head_ident *h;

	if (st->nr_head == HEAD_MAX) {
		/* a long run without ";": only its end can name a function */
		memmove(st->head, st->head + HEAD_MAX / 2,
			HEAD_MAX / 2 * sizeof(*st->head));
		st->nr_head = HEAD_MAX / 2;
	}
	h = &st->head[st->nr_head++];
	h->s = t->s;
	h->len = t->len;
	h->line = t->line;
	h->call = false;
}

static bool in_list(const struct head_ident *h, const char *const *list,
		    size_t n, bool prefix)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (prefix ? text_starts(h->s, h->len, list[i]) :
			     text_is(h->s, h->len, list[i]))
			return true;
	}
	return false;
}

bool scan_is_attribute(const char *s, size_t len)
{
	const struct head_ident h = { .s = s, .len = len };

	return in_list(&h, attribute_names, ARRAY_SIZE(attribute_names),
		       false);
}

/*
 * The name is the last identifier before a parenthesis that is not an
 * attribute: "int __init foo(void) __acquires(x)" names foo, and a macro
 * invocation left without ";" before the definition is passed over.
 */
static int find_name(const struct pstate *st)
{
	int i;

	for (i = st->nr_head - 1; i >= 0; i--) {
		if (st->head[i].call &&
		    !in_list(&st->head[i], attribute_names,
			     ARRAY_SIZE(attribute_names), false))
			return i;
	}
	return -1;
}

static void set_section(struct body *b, const struct pstate *st, int name)
{
	const struct head_ident *h;
	int i;

	for (i = 0; i < name; i++) {
		h = &st->head[i];
		if (in_names(h->s, h->len, kf_section_prefixes, true) ||
		    in_names(h->s, h->len, kf_section_names, false)) {
			b->section = h->s;
			b->section_len = h->len;
			return;
		}
	}
}

static void start_function(struct scanner *s, int name)
{
	struct pstate *st = &s->st;
	const struct head_ident *h = &st->head[name];
	struct body *b = &st->fn;

	*b = file_scope;
	b->name = h->s;
	b->name_len = h->len;
	set_section(b, st, name);
	b->active = true;
	b->in_helper = is_helper_name(h->s, h->len);
	b->first_site = s->res->nr_sites;
	if (b->in_helper)
		add_helper(s, h->s, h->len, h->line, false);
}

/* A "{" at file scope: a function body if the head ends in "name(...)". */
static void open_block(struct scanner *s, int prev)
{
	struct pstate *st = &s->st;
	int name = -1;

	if (!st->paren && prev == ')' && !st->assign)
		name = find_name(st);
	if (name >= 0)
		start_function(s, name);
	st->depth = 1;
	head_reset(st);
}

static void head_token(struct scanner *s, const struct token *t)
{
	struct pstate *st = &s->st;
	int prev = st->prev;

	st->prev = t->kind == T_IDENT ? T_IDENT : 0;
	if (t->kind == T_IDENT) {
		if (!st->paren)
			head_push(st, t);
		return;
	}
	if (t->kind != T_PUNCT)
		return;
	switch (t->punct) {
	case '(':
		if (!st->paren && prev == T_IDENT && st->nr_head)
			st->head[st->nr_head - 1].call = true;
		st->paren++;
		break;
	case ')':
		if (st->paren)
			st->paren--;
		st->prev = ')';
		break;
	case '=':
		if (!st->paren)
			st->assign = true;
		break;
	case ';':
	case '}':
		head_reset(st);
		break;
	case '{':
		open_block(s, prev);
		break;
	}
}

static void file_token(struct scanner *s, const struct token *t)
{
	struct pstate *st = &s->st;

	body_token(s, &st->fn, t);
	if (!st->depth) {
		head_token(s, t);
		return;
	}
	if (is_punct(t, '{')) {
		st->depth++;
	} else if (is_punct(t, '}') && !--st->depth) {
		st->fn = file_scope;
		head_reset(st);
	}
}

static struct pstate *slot_of(struct scanner *s, int level,
			      enum pp_slot slot)
{
	return slot == PP_AT_IF ? &s->at_if[level] : &s->first_end[level];
}

static void save_state(void *ctx, int level, enum pp_slot slot)
{
	struct scanner *s = ctx;

	*slot_of(s, level, slot) = s->st;
}

static void restore_state(void *ctx, int level, enum pp_slot slot)
{
	struct scanner *s = ctx;

	s->st = *slot_of(s, level, slot);
}

static void scan_define(struct scanner *s, struct token *t)
{
	struct body b = file_scope;

	scan_lex_next(&s->lx, t);
	if (t->kind != T_IDENT)
		return;
	b.name = t->s;
	b.name_len = t->len;
	b.active = true;
	b.in_helper = is_helper_name(t->s, t->len);
	b.in_macro = !b.in_helper;
	b.first_site = s->res->nr_sites;
	if (b.in_helper)
		add_helper(s, t->s, t->len, t->line, true);
	for (;;) {
		scan_lex_next(&s->lx, t);
		if (t->kind == T_EOL || t->kind == T_EOF)
			return;
		body_token(s, &b, t);
	}
}

static void other_directive(void *ctx, struct token *t)
{
	struct scanner *s = ctx;

	if (TOK_IS(t, "define") && !s->pc.dead)
		scan_define(s, t);
}

/*
 * The directive from p to end as one logical line, as lib/cond.c reads
 * it: continuations joined, comments out.
 */
static char *directive_text(const char *p, const char *end)
{
	char *out = xmalloc(end - p + 1), *o = out;
	const char *close;

	while (p < end) {
		if (*p == '\\' && p + 1 < end && (p[1] == '\n' || p[1] == '\r')) {
			p += p[1] == '\r' && p + 2 < end && p[2] == '\n' ? 3 : 2;
			continue;
		}
		if (*p == '/' && p + 1 < end && p[1] == '/')
			break;
		if (*p == '/' && p + 1 < end && p[1] == '*') {
			close = memmem(p + 2, end - p - 2, "*/", 2);
			p = close ? close + 2 : end;
			*o++ = ' ';
			continue;
		}
		*o++ = *p == '\n' || *p == '\r' ? ' ' : *p;
		p++;
	}
	*o = '\0';
	return out;
}

static void directive(struct scanner *s, const struct token *hash)
{
	const struct pp_hooks hooks = {
		.ctx = s,
		.save = save_state,
		.restore = restore_state,
		.other = other_directive,
	};
	struct token t;
	char *text;

	pp_directive(&s->pc, &s->lx, &hooks, &t);
	text = directive_text(hash->s, s->lx.p < s->end ? s->lx.p : s->end);
	cond_stack_directive(s->conds, text);
	free(text);
}

static void scan_text(const char *path, const char *buf, size_t len,
		      struct scan_result *res)
{
	struct scanner *s = xmalloc(sizeof(*s));
	struct token t;

	scan_lex_init(&s->lx, buf, len);
	s->res = res;
	s->path = path;
	s->end = buf + len;
	s->conds = cond_stack_new();
	memset(&s->st, 0, sizeof(s->st));
	s->st.fn = file_scope;
	memset(&s->pc, 0, sizeof(s->pc));
	for (;;) {
		scan_lex_next(&s->lx, &t);
		if (t.kind == T_EOF)
			break;
		if (is_punct(&t, '#') && t.bol) {
			directive(s, &t);
			continue;
		}
		/* code between "#ifndef X" and "#define X": no guard */
		if (t.bol)
			cond_stack_directive(s->conds, "code");
		if (!s->pc.dead)
			file_token(s, &t);
	}
	cond_stack_free(s->conds);
	scan_lex_free(&s->lx);
	free(s);
}

/* Length of the valid UTF-8 sequence at s, or 0. */
static size_t utf8_seq_len(const unsigned char *s, size_t avail)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xbf;
	size_t n, i;

	if (c >= 0xc2 && c <= 0xdf)
		n = 2;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4;
	else
		return 0;
	/* no overlong forms, no surrogates, nothing above U+10FFFF */
	if (c == 0xe0)
		lo = 0xa0;
	else if (c == 0xed)
		hi = 0x9f;
	else if (c == 0xf0)
		lo = 0x90;
	else if (c == 0xf4)
		hi = 0x8f;
	if (avail < n || s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	}
	return n;
}

/* Offset of the first byte that is not valid UTF-8, or len. */
static size_t utf8_invalid(const char *buf, size_t len)
{
	const unsigned char *s = (const unsigned char *)buf;
	size_t i = 0, n;
	uint64_t w[4];

	while (i < len) {
		if (i + 32 <= len) {
			memcpy(w, s + i, 32);
			if (!((w[0] | w[1] | w[2] | w[3]) & HIGH_BITS)) {
				i += 32;
				continue;
			}
		}
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		n = utf8_seq_len(s + i, len - i);
		if (!n)
			return i;
		i += n;
	}
	return len;
}

static int line_at(const char *buf, size_t off)
{
	const char *p = buf, *end = buf + off;
	int line = 1;

	while ((p = memchr(p, '\n', end - p))) {
		line++;
		p++;
	}
	return line;
}

static bool ident_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '$' ||
	       (unsigned char)c >= 0x80;
}

static bool has_at(const char *buf, size_t len, size_t at, const char *word)
{
	size_t n = strlen(word);

	return at + n <= len && !memcmp(buf + at, word, n);
}

/* Byte j is a '_' or a backslash: does a reason to lex the file start there? */
static bool lex_reason_at(const char *buf, size_t len, size_t j)
{
	if (buf[j] == '\\')
		return j + 1 < len && (buf[j + 1] == '\n' || buf[j + 1] == '\r') &&
		       ident_byte(j ? buf[j - 1] : ' ');
	if (!j || buf[j - 1] != 'd')
		return false;
	return has_at(buf, len, j - 1, "d_populate") ||
	       (j >= 3 && (has_at(buf, len, j - 3, "p4d_alloc") ||
			   has_at(buf, len, j - 3, "pud_alloc")));
}

/*
 * Most files cannot hold a site or a helper: spare them the tokenizer.
 * Every name looked for contains "d_populate", "p4d_alloc" or "pud_alloc",
 * unless a line splice cuts it, and that takes a backslash-newline right
 * after an identifier byte.  All of these start at a "d_" or a backslash,
 * so one pass looks for those 16 bytes at a time and checks only where
 * one is: three memmem() passes over every file of the tree were a fifth
 * of a cold check's CPU time.
 */
static bool worth_lexing(const char *buf, size_t len)
{
	size_t i = 1, k;
	BYTES16 cur, prev, hit;
	uint64_t any[2];

	if (len && lex_reason_at(buf, len, 0))
		return true;
	for (; i + 16 <= len; i += 16) {
		memcpy(&cur, buf + i, 16);
		memcpy(&prev, buf + i - 1, 16);
		hit = (BYTES16)((cur == '_') & (prev == 'd')) |
		      (BYTES16)(cur == '\\');
		memcpy(any, &hit, sizeof(any));
		if (!(any[0] | any[1]))
			continue;
		for (k = 0; k < 16; k++)
			if (hit[k] && lex_reason_at(buf, len, i + k))
				return true;
	}
	for (; i < len; i++)
		if ((buf[i] == '_' || buf[i] == '\\') &&
		    lex_reason_at(buf, len, i))
			return true;
	return false;
}

/*
 * Content checks live here rather than in the tree walk so that the unit
 * tests reach them: a NUL byte in the first 64 KiB means a binary file,
 * not scanned; invalid UTF-8 is only reported, bytes are bytes to the
 * lexer.  The report names the first bad line and comes for every such
 * file, whether or not it holds a site.
 */
void scan_buffer(const char *path, const char *buf, size_t len,
		 struct scan_result *res)
{
	size_t bad;

	if (len && memchr(buf, '\0', len < BINARY_PROBE ? len : BINARY_PROBE)) {
		scan_add_problem(res, path, xstrdup(BINARY));
		return;
	}
	bad = utf8_invalid(buf, len);
	if (bad < len)
		scan_add_problem(res, path,
				 xasprintf(BAD_UTF8, line_at(buf, bad)));
	res->files_scanned++;
	res->bytes_scanned += len;
	scan_c_includes(path, buf, len, res);
	if (len && worth_lexing(buf, len))
		scan_text(path, buf, len, res);
}

void scan_result_free(struct scan_result *res)
{
	size_t i;

	for (i = 0; i < res->nr_sites; i++) {
		free(res->sites[i].path);
		free(res->sites[i].function);
		free(res->sites[i].section);
		free(res->sites[i].condition);
	}
	for (i = 0; i < res->nr_helpers; i++) {
		free(res->helpers[i].path);
		free(res->helpers[i].name);
	}
	for (i = 0; i < res->nr_problems; i++) {
		free(res->problems[i].path);
		free(res->problems[i].reason);
	}
	for (i = 0; i < res->nr_c_includes; i++) {
		free(res->c_includes[i].path);
		free(res->c_includes[i].included);
	}
	free(res->c_includes);
	free(res->sites);
	free(res->helpers);
	free(res->problems);
	memset(res, 0, sizeof(*res));
}

const char *level_name(enum pt_level level)
{
	return level == LEVEL_P4D ? "p4d" : "pgd";
}
