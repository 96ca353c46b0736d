// SPDX-License-Identifier: GPL-2.0-only
/*
 * The slice of a file that spatch's json mode needs (scan/slice.h).
 *
 * A function's body is blanked only when nothing in it or its head can
 * start a fact: no name of slice_kept_names[], no pgd_t or p4d_t in its
 * head, no call of a function whose head has one (the semantic patch's
 * callarg rule) or of a callee the caller names, and no directive at all
 * (braces that pair differently across #if branches would make the span
 * wrong).  Every other rule of the semantic patch binds inside a
 * function that has one of those, and a function's head, its section
 * and everything outside function bodies stay as they are.
 */
#define _GNU_SOURCE
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "scan/internal.h"
#include "scan/lexer.h"
#include "scan/slice.h"

const char *const slice_kept_names[] = {
	"pgd_populate", "p4d_populate", "pgd_populate_safe",
	"p4d_populate_safe", "pgd_populate_kernel", "p4d_populate_kernel",
	"p4d_alloc", "pud_alloc", "init_mm", NULL,
};

/* A function body: the offsets of its braces, and whether it stays. */
struct body {
	size_t head, open, close;
	bool keep;
	const char *name;	/* the function's, as calls.c finds it */
	size_t name_len;
};

struct name {
	const char *s;
	size_t len;
};

struct names {
	struct name *v;
	size_t nr, alloc;
};

struct slicer {
	const char *buf;
	struct lexer lx;
	struct body *bodies;
	size_t nr_bodies, alloc_bodies;
	struct names called;	/* functions with a pgd_t/p4d_t head */
	/* the head being read: after the last ';' or '}' at file scope */
	size_t head;
	bool head_started, head_assign, head_ptr_type, head_kept;
	bool head_typedef;
	struct names head_calls;	/* its names followed by '(' */
	int paren;			/* its parentheses open */
	const char *group;		/* the name before its last "(", or NULL */
	size_t group_len;
	int depth, prev;
	bool in_body_directive;
	const char *last_ident;
	size_t last_len;
};

static void names_add(struct names *n, const char *s, size_t len)
{
	*ARRAY_PUSH(n->v, n->nr, n->alloc) = (struct name){ s, len };
}

static bool names_have(const struct names *n, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < n->nr; i++)
		if (n->v[i].len == len && !memcmp(n->v[i].s, s, len))
			return true;
	return false;
}

static bool is_kept_name(const struct token *t)
{
	const char *const *p;

	for (p = slice_kept_names; *p; p++)
		if (t->len == strlen(*p) && !memcmp(t->s, *p, t->len))
			return true;
	return false;
}

static bool is_ptr_type(const struct token *t)
{
	return TOK_IS(t, "pgd_t") || TOK_IS(t, "p4d_t");
}

/* A head starts after the ';' or '}' at t: never inside a token. */
static void head_reset(struct slicer *s, const struct token *t)
{
	s->head = t ? (size_t)(t->s - s->buf) + 1 : 0;
	s->head_started = s->head_assign = false;
	s->head_ptr_type = s->head_kept = s->head_typedef = false;
	s->head_calls.nr = 0;
	s->paren = 0;
	s->group = NULL;
}

static void head_token(struct slicer *s, const struct token *t)
{
	s->head_started = true;
	if (t->kind == T_IDENT) {
		s->head_ptr_type |= is_ptr_type(t);
		s->head_kept |= is_kept_name(t);
		s->head_typedef |= TOK_IS(t, "typedef");
	} else if (t->kind == T_PUNCT && t->punct == '=') {
		s->head_assign = true;
	} else if (t->kind == T_PUNCT && t->punct == '(') {
		if (!s->paren++) {
			s->group = s->last_ident;
			s->group_len = s->last_len;
		}
		if (s->last_ident)
			names_add(&s->head_calls, s->last_ident, s->last_len);
	} else if (t->kind == T_PUNCT && t->punct == ')' && s->paren) {
		s->paren--;
	}
}

/* The last name before a "(" that is no attribute, as calls.c's. */
static void function_name(const struct slicer *s, struct body *b)
{
	size_t i;

	b->name = NULL;
	b->name_len = 0;
	for (i = s->head_calls.nr; i-- > 0;)
		if (!scan_is_attribute(s->head_calls.v[i].s, s->head_calls.v[i].len)) {
			b->name = s->head_calls.v[i].s;
			b->name_len = s->head_calls.v[i].len;
			return;
		}
}

static void open_body(struct slicer *s, const struct token *t)
{
	struct body *b;
	size_t i;

	/* an initializer, a typedef, "struct __attribute__((x)) {" */
	if (s->prev != ')' || s->head_assign || !s->head_started ||
	    s->head_typedef ||
	    (s->group && scan_is_attribute(s->group, s->group_len)))
		return;
	b = ARRAY_PUSH(s->bodies, s->nr_bodies, s->alloc_bodies);
	b->head = s->head;
	b->open = t->s - s->buf;
	b->close = 0;
	b->keep = s->head_kept || s->head_ptr_type;
	function_name(s, b);
	if (s->head_ptr_type)
		for (i = 0; i < s->head_calls.nr; i++)
			*ARRAY_PUSH(s->called.v, s->called.nr,
				    s->called.alloc) = s->head_calls.v[i];
	s->in_body_directive = false;
}

/* false when the braces cannot pair */
static bool brace(struct slicer *s, const struct token *t)
{
	struct body *b = s->nr_bodies ? &s->bodies[s->nr_bodies - 1] : NULL;

	if (t->punct == '{') {
		if (!s->depth && !s->paren)
			open_body(s, t);
		s->depth++;
		return true;
	}
	if (--s->depth < 0)
		return false;
	/* "f(struct { int x; } *a)": the head goes on */
	if (!s->depth && !s->paren) {
		if (b && !b->close && b->open < (size_t)(t->s - s->buf)) {
			b->close = t->s - s->buf;
			b->keep |= s->in_body_directive;
		}
		head_reset(s, t);
	}
	return true;
}

static void body_token(struct slicer *s, const struct token *t)
{
	struct body *b = &s->bodies[s->nr_bodies - 1];

	if (t->kind == T_IDENT && !b->close && is_kept_name(t))
		b->keep = true;
}

static void skip_directive(struct slicer *s)
{
	struct token t;

	if (s->depth)
		s->in_body_directive = true;
	s->lx.directive = true;
	do
		scan_lex_next(&s->lx, &t);
	while (t.kind != T_EOL && t.kind != T_EOF);
	s->lx.directive = false;
}

static bool one_token(struct slicer *s, const struct token *t)
{
	if (t->kind == T_PUNCT && (t->punct == '{' || t->punct == '}')) {
		if (!brace(s, t))
			return false;
	} else if (!s->depth) {
		head_token(s, t);
		if (t->kind == T_PUNCT && t->punct == ';' && !s->paren)
			head_reset(s, t);
	} else if (s->nr_bodies) {
		body_token(s, t);
	}
	s->prev = t->kind == T_PUNCT ? t->punct : 0;
	if (t->kind == T_IDENT) {
		s->last_ident = t->s;
		s->last_len = t->len;
	} else {
		s->last_ident = NULL;
	}
	return true;
}

/* First pass: the bodies, and the functions whose calls keep a body. */
static bool find_bodies(struct slicer *s, size_t len)
{
	struct token t;
	bool ok = true;

	scan_lex_init(&s->lx, s->buf, len);
	for (;;) {
		scan_lex_next(&s->lx, &t);
		if (t.kind == T_EOF)
			break;
		if (t.kind == T_PUNCT && t.punct == '#' && t.bol)
			skip_directive(s);
		else if (!one_token(s, &t)) {
			ok = false;
			break;
		}
	}
	return ok && !s->depth;
}

/* Second pass, over one body and its head: a call that keeps it. */
static bool calls_a_kept(struct slicer *s, const struct body *b)
{
	struct lexer lx;
	struct token t;
	bool found = false;

	scan_lex_init(&lx, s->buf + b->head, b->close - b->head);
	do {
		scan_lex_next(&lx, &t);
		found = t.kind == T_IDENT &&
			names_have(&s->called, t.s, t.len);
	} while (t.kind != T_EOF && !found);
	scan_lex_free(&lx);
	return found;
}

/*
 * Two definitions of one name (one per #if branch) stay together: the
 * semantic patch keys what it learns of a function by file and name.
 */
static void keep_twins(struct slicer *s)
{
	struct body *b, *o;
	size_t i, j;

	for (i = 0; i < s->nr_bodies; i++) {
		b = &s->bodies[i];
		for (j = 0; !b->keep && b->name && j < s->nr_bodies; j++) {
			o = &s->bodies[j];
			b->keep = o->keep && o->name && o->name_len == b->name_len &&
				  !memcmp(o->name, b->name, b->name_len);
		}
	}
}

/*
 * The body's bytes go, its newlines stay; spaces where the body shares a
 * line with the braces, so that what follows the '}' keeps its column.
 */
static size_t blank(const char *buf, const struct body *b, char *out)
{
	const char *p = buf + b->open + 1, *end = buf + b->close;
	const char *first = memchr(p, '\n', end - p);
	const char *last = memrchr(p, '\n', end - p);
	size_t n = 0;

	if (!first) {
		memset(out, ' ', end - p);
		return end - p;
	}
	memset(out, ' ', first - p);
	n = first - p;
	for (; p < last + 1; p++)
		if (*p == '\n')
			out[n++] = '\n';
	p = last + 1;
	memset(out + n, ' ', end - p);
	return n + (end - p);
}

static char *write_slice(struct slicer *s, size_t len, size_t *out_len)
{
	char *out = xmalloc(len + 1);
	size_t i, from = 0, n = 0;

	for (i = 0; i < s->nr_bodies; i++) {
		const struct body *b = &s->bodies[i];

		if (b->keep)
			continue;
		memcpy(out + n, s->buf + from, b->open + 1 - from);
		n += b->open + 1 - from;
		n += blank(s->buf, b, out + n);
		from = b->close;
	}
	memcpy(out + n, s->buf + from, len - from);
	n += len - from;
	out[n] = '\0';
	*out_len = n;
	return out;
}

char *slice_for_spatch(const char *buf, size_t len,
		       const char *const *callees, size_t nr_callees,
		       size_t *out_len)
{
	struct slicer s = { .buf = buf };
	char *out = NULL;
	bool any = false;
	size_t i;

	for (i = 0; i < nr_callees; i++)
		names_add(&s.called, callees[i], strlen(callees[i]));
	if (find_bodies(&s, len)) {
		for (i = 0; i < s.nr_bodies; i++) {
			struct body *b = &s.bodies[i];

			b->keep |= !b->close || calls_a_kept(&s, b);
		}
		keep_twins(&s);
		for (i = 0; i < s.nr_bodies; i++)
			any |= !s.bodies[i].keep;
		if (any)
			out = write_slice(&s, len, out_len);
	}
	scan_lex_free(&s.lx);
	free(s.bodies);
	free(s.called.v);
	free(s.head_calls.v);
	return out;
}
