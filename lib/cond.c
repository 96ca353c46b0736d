// SPDX-License-Identifier: GPL-2.0-only
/*
 * Preprocessor conditions kept as normalised text.  Only what the model
 * needs: render the #if stack around a line, join conditions, and tell
 * conditions apart that have a conjunct X on one side and !X on the other.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lib/cond.h"
#include "lib/kernel_facts.h"
#include "lib/util.h"

struct cond_frame {
	char *branch;		/* condition of the branch in force */
	char *negs;		/* negations of the branches before it */
	bool ignored;		/* include guard, __ASSEMBLY__: not rendered */
	bool dead;		/* never compiled: #if 0, or after #if 1 */
	bool const_taken;	/* an earlier branch was #if 1 */
};

struct cond_stack {
	struct cond_frame *frames;
	size_t nr, alloc;
	char *pending_guard;	/* X of an "#ifndef X" that may be a guard */
};

static bool is_ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

static bool is_ident(const char *s, size_t n)
{
	size_t i;

	if (!n || isdigit((unsigned char)s[0]))
		return false;
	for (i = 0; i < n; i++)
		if (!is_ident_char(s[i]))
			return false;
	return true;
}

/* Length of the token at s (s is not whitespace), 0 at the end. */
static size_t token_len(const char *s)
{
	static const char *const two[] = {
		"&&", "||", "==", "!=", "<=", ">=", "<<", ">>", "->", "##",
	};
	size_t i;

	if (!*s)
		return 0;
	if (is_ident_char(*s)) {
		for (i = 1; is_ident_char(s[i]); i++)
			;
		return i;
	}
	for (i = 0; i < ARRAY_SIZE(two); i++)
		if (!strncmp(s, two[i], 2))
			return 2;
	return 1;
}

static bool tok_is(const char *t, size_t n, const char *what)
{
	return n == strlen(what) && !strncmp(t, what, n);
}

/* Whether the token just emitted leaves the next one glued to it. */
static bool glues_right(const char *t, size_t n, bool unary)
{
	return tok_is(t, n, "(") || tok_is(t, n, "!") || tok_is(t, n, "~") ||
	       unary;
}

static const char *skip_space(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return s;
}

/* "defined(X)" or "defined X" at *p: make the token X. */
static void strip_defined(const char **p, size_t *n, const char **next)
{
	const char *q = skip_space(*p + *n), *r;
	bool paren = *q == '(';
	size_t m;

	if (paren)
		q = skip_space(q + 1);
	m = token_len(q);
	if (!m || !is_ident(q, m))
		return;
	r = q + m;
	if (paren) {
		r = skip_space(r);
		if (*r != ')')
			return;
		r++;
	}
	*p = q;
	*n = m;
	*next = r;
}

/*
 * One space between tokens, none inside parentheses, after a unary
 * operator or before a call's "(", and defined(X) or "defined X" become X:
 * "defined(A)&&!defined (B)" and "A && !B" must compare equal.
 */
char *cond_normalise(const char *expr)
{
	/* at most one blank per token, and tokens are never empty */
	char *buf = xmalloc(2 * strlen(expr) + 1);
	const char *p = expr, *next, *prev = NULL;
	size_t n, out = 0, prev_n = 0;
	bool prev_unary = false, unary;

	for (;;) {
		p = skip_space(p);
		n = token_len(p);
		if (!n)
			break;
		next = p + n;
		if (tok_is(p, n, "defined"))
			strip_defined(&p, &n, &next);
		unary = (tok_is(p, n, "-") || tok_is(p, n, "+")) &&
			(!prev || !(is_ident_char(*prev) ||
				    tok_is(prev, prev_n, ")")));
		if (prev && !glues_right(prev, prev_n, prev_unary) &&
		    !tok_is(p, n, ")") && !tok_is(p, n, ",") &&
		    !(tok_is(p, n, "(") && is_ident(prev, prev_n)))
			buf[out++] = ' ';
		memcpy(buf + out, p, n);
		out += n;
		prev = p;
		prev_n = n;
		prev_unary = unary;
		p = next;
	}
	buf[out] = '\0';
	return buf;
}

/* Index of the ")" matching the "(" at s[open], or -1. */
static long match_paren(const char *s, size_t open)
{
	int depth = 0;
	size_t i;

	for (i = open; s[i]; i++) {
		if (s[i] == '(')
			depth++;
		else if (s[i] == ')' && !--depth)
			return i;
	}
	return -1;
}

/* True when s has a top-level "||" or "?": it needs parentheses in a && b. */
static bool has_top_level_or(const char *s)
{
	int depth = 0;

	for (; *s; s++) {
		if (*s == '(')
			depth++;
		else if (*s == ')')
			depth--;
		else if (!depth && (*s == '?' || (s[0] == '|' && s[1] == '|')))
			return true;
	}
	return false;
}

static char *cond_negate(const char *c)
{
	size_t n = strlen(c);

	if (!n)
		return xstrdup("0");
	if (is_ident(c, n))
		return xasprintf("!%s", c);
	if (c[0] == '!' && is_ident(c + 1, n - 1))
		return xstrdup(c + 1);
	if (c[0] == '!' && c[1] == '(' && match_paren(c, 1) == (long)n - 1)
		return xstrndup(c + 2, n - 3);
	return xasprintf("!(%s)", c);
}

/* Split a rendered condition at its top-level " && ". */
static size_t split_conjuncts(const char *c, char ***out)
{
	size_t nr = 0, alloc = 0;
	const char *start = c;
	int depth = 0;

	*out = NULL;
	for (;; c++) {
		if (*c == '(') {
			depth++;
		} else if (*c == ')') {
			depth--;
		} else if (!*c || (!depth && !strncmp(c, " && ", 4))) {
			if (c > start)
				*ARRAY_PUSH(*out, nr, alloc) =
					xstrndup(start, c - start);
			if (!*c)
				break;
			start = c + 4;
			c += 3;
		}
	}
	return nr;
}

static void free_strv(char **v, size_t n)
{
	while (n)
		free(v[--n]);
	free(v);
}

static char *wrap_if_or(const char *s)
{
	return has_top_level_or(s) ? xasprintf("(%s)", s) : xstrdup(s);
}

char *cond_and(const char *a, const char *b)
{
	char **ca, **cb, *res, *pa, *pb;
	size_t na, nb, i, j;

	/* Alone, a || b needs no parentheses; joined, it gets them. */
	if (!a || !*a)
		return xstrdup(b ? b : "");
	if (!b || !*b)
		return xstrdup(a);
	pa = wrap_if_or(a);
	pb = wrap_if_or(b);
	na = split_conjuncts(pa, &ca);
	nb = split_conjuncts(pb, &cb);
	res = xstrdup(pa);
	/* A chain of includes repeats conditions; say each one once. */
	for (j = 0; j < nb; j++) {
		for (i = 0; i < na; i++)
			if (!strcmp(ca[i], cb[j]))
				break;
		if (i == na) {
			char *t = xasprintf("%s && %s", res, cb[j]);

			free(res);
			res = t;
		}
	}
	free_strv(ca, na);
	free_strv(cb, nb);
	free(pa);
	free(pb);
	return res;
}

/*
 * Bitness is named three ways in the kernel; CONFIG_64BIT is the one every
 * arch has, so the others (lib/kernel_facts.c) are read as it.  It is the
 * only knowledge of symbols here: a file named *_64.c is built for 64-bit
 * and *_32.c for 32-bit ones, and x86 conditions say CONFIG_X86_32 for the
 * same thing.
 */
/* A conjunct as (negated?, atom), the atom freshly allocated. */
static char *conjunct_atom(const char *c, bool *neg)
{
	char *atom = xstrdup(c), *t;
	size_t i, n;

	*neg = false;
	for (;;) {
		n = strlen(atom);
		if (atom[0] == '!' && atom[1] == '(' &&
		    match_paren(atom, 1) == (long)n - 1) {
			t = xstrndup(atom + 2, n - 3);
		} else if (atom[0] == '!') {
			t = xstrdup(atom + 1);
		} else if (atom[0] == '(' &&
			   match_paren(atom, 0) == (long)n - 1) {
			t = xstrndup(atom + 1, n - 2);
			free(atom);
			atom = t;
			continue;
		} else if (str_starts_with(atom, "IS_ENABLED(") &&
			   match_paren(atom, 10) == (long)n - 1) {
			t = xstrndup(atom + 11, n - 12);
			free(atom);
			atom = t;
			continue;
		} else {
			break;
		}
		*neg = !*neg;
		free(atom);
		atom = t;
	}
	for (i = 0; kf_bitness_aliases[i].name; i++) {
		if (!strcmp(atom, kf_bitness_aliases[i].name)) {
			free(atom);
			atom = xstrdup(KF_BITNESS);
			*neg ^= kf_bitness_aliases[i].negated;
			break;
		}
	}
	return atom;
}

/* 1 when b has conjunct c, -1 when it has !c, else 0. */
static int lookup_conjunct(char **v, size_t n, const char *atom, bool neg)
{
	int res = 0;
	size_t i;

	for (i = 0; i < n && res >= 0; i++) {
		bool n2;
		char *a2 = conjunct_atom(v[i], &n2);

		if (!strcmp(a2, atom))
			res = n2 == neg ? 1 : -1;
		free(a2);
	}
	return res;
}

static int compare_all(const char *a, const char *b, bool want_all)
{
	char **ca, **cb;
	size_t na = split_conjuncts(a ? a : "", &ca);
	size_t nb = split_conjuncts(b ? b : "", &cb);
	size_t i;
	int res = 1;

	for (i = 0; i < nb; i++) {
		bool neg;
		char *atom = conjunct_atom(cb[i], &neg);
		int r = lookup_conjunct(ca, na, atom, neg);

		free(atom);
		if (r < 0 || (want_all && r == 0)) {
			res = 0;
			break;
		}
	}
	free_strv(ca, na);
	free_strv(cb, nb);
	return res;
}

/*
 * The symbols of a set of conditions, as cond_complement() needs them:
 * each atom once, with the conjunct it was first written as.
 */
#define COMPLEMENT_MAX_ATOMS 12

struct literal {
	int atom;
	bool neg;
};

struct atoms {
	char *atom[COMPLEMENT_MAX_ATOMS];
	char *spelling[COMPLEMENT_MAX_ATOMS];	/* the conjunct as written */
	bool spelling_neg[COMPLEMENT_MAX_ATOMS];
	int nr;
};

/*
 * The atom number of conjunct c, added if new; -1 when there are too
 * many.  A conjunct with a "||" of its own ("!A || B") is one opaque
 * atom: conjunct_atom() would read it as the negation of "A || B".
 */
static int atom_of(struct atoms *a, const char *c, bool *neg)
{
	char *atom;
	int i;

	if (has_top_level_or(c)) {
		atom = xstrdup(c);
		*neg = false;
	} else {
		atom = conjunct_atom(c, neg);
	}

	for (i = 0; i < a->nr; i++)
		if (!strcmp(a->atom[i], atom))
			break;
	if (i < a->nr) {
		free(atom);
		return i;
	}
	if (a->nr == COMPLEMENT_MAX_ATOMS) {
		free(atom);
		return -1;
	}
	a->atom[i] = atom;
	a->spelling[i] = xstrdup(c);
	a->spelling_neg[i] = *neg;
	a->nr++;
	return i;
}

/* Whether the assignment bits (bit k: atom k is true) satisfies every literal. */
static bool holds(const struct literal *l, size_t n, unsigned int bits)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!!(bits >> l[i].atom & 1) == l[i].neg)
			return false;
	return true;
}

/* The literal "atom k is value" as the tree wrote that symbol. */
static char *spell(const struct atoms *a, int k, bool value)
{
	const char *c = a->spelling[k];
	size_t n = strlen(c);
	char *inner, *res;

	/* the spelling says "atom is !spelling_neg" */
	if (value != a->spelling_neg[k])
		return xstrdup(c);
	if (c[0] != '(' || match_paren(c, 0) != (long)n - 1)
		return cond_negate(c);
	inner = xstrndup(c + 1, n - 2);	/* "(X > 4)": "!(X > 4)" */
	res = cond_negate(inner);
	free(inner);
	return res;
}

/*
 * The conjunction of the literals every case of the complement shares,
 * when it is the complement exactly; NULL when it is not.
 */
static char *complement_as_conjunction(const struct atoms *a,
				       const bool *outside, unsigned int cases)
{
	unsigned int b, nr_out = 0, all1 = ~0u, all0 = ~0u, implied = 0;
	char *res = xstrdup(""), *lit, *t;
	int k;

	for (b = 0; b < cases; b++) {
		if (!outside[b])
			continue;
		nr_out++;
		all1 &= b;
		all0 &= ~b;
	}
	for (k = 0; k < a->nr; k++) {
		if (!((all1 | all0) >> k & 1))
			continue;
		implied++;
		lit = spell(a, k, all1 >> k & 1);
		t = cond_and(res, lit);
		free(lit);
		free(res);
		res = t;
	}
	if (nr_out == 1u << (a->nr - implied))
		return res;
	free(res);
	return NULL;
}

static char *complement_as_negations(char *const *conds, size_t nr)
{
	char *res = xstrdup(""), *neg, *t;
	size_t i;

	for (i = 0; i < nr; i++) {
		neg = cond_negate(conds[i]);
		t = cond_and(res, neg);
		free(neg);
		free(res);
		res = t;
	}
	return res;
}

char *cond_complement(char *const *conds, size_t nr)
{
	struct atoms a = { .nr = 0 };
	struct literal *lits[64];
	size_t nr_lits[64], nr_parsed = 0, i, j;
	unsigned int cases, b;
	bool *outside = NULL, any = false, ok = nr <= 64;
	char *res = NULL, **cj;
	int k;

	for (i = 0; i < nr; i++)
		if (!conds[i] || !*conds[i])
			return NULL;	/* one always holds */
	for (i = 0; ok && i < nr; i++, nr_parsed++) {
		nr_lits[i] = split_conjuncts(conds[i], &cj);
		lits[i] = xcalloc(nr_lits[i] + 1, sizeof(**lits));
		for (j = 0; j < nr_lits[i]; j++) {
			k = atom_of(&a, cj[j], &lits[i][j].neg);
			lits[i][j].atom = k;
			ok = ok && k >= 0;
		}
		free_strv(cj, nr_lits[i]);
	}
	if (ok) {
		cases = 1u << a.nr;
		outside = xcalloc(cases, sizeof(*outside));
		for (b = 0; b < cases; b++) {
			for (i = 0; i < nr && !holds(lits[i], nr_lits[i], b); i++)
				;
			outside[b] = i == nr;
			any = any || outside[b];
		}
		if (any)
			res = complement_as_conjunction(&a, outside, cases);
	}
	if ((!ok || any) && !res)
		res = complement_as_negations(conds, nr);
	/* past the limits the negations may contradict: "!A && A" */
	if (res && !cond_compatible(res, res)) {
		free(res);
		res = NULL;
	}
	free(outside);
	for (i = 0; i < nr_parsed; i++)
		free(lits[i]);
	for (k = 0; k < a.nr; k++) {
		free(a.atom[k]);
		free(a.spelling[k]);
	}
	return res;
}

bool cond_compatible(const char *a, const char *b)
{
	return compare_all(a, b, false);
}

bool cond_implies(const char *a, const char *b)
{
	return compare_all(a, b, true);
}

struct cond_stack *cond_stack_new(void)
{
	return xcalloc(1, sizeof(struct cond_stack));
}

static void frame_free(struct cond_frame *f)
{
	free(f->branch);
	free(f->negs);
}

void cond_stack_free(struct cond_stack *cs)
{
	if (!cs)
		return;
	while (cs->nr)
		frame_free(&cs->frames[--cs->nr]);
	free(cs->frames);
	free(cs->pending_guard);
	free(cs);
}

/* Blocks for the assembler are not a configuration; C sees the other side. */
static bool is_asm_symbol(const char *c)
{
	return !strcmp(c, "__ASSEMBLY__") || !strcmp(c, "!__ASSEMBLY__") ||
	       !strcmp(c, "__ASSEMBLER__") || !strcmp(c, "!__ASSEMBLER__");
}

int cond_constant(const char *expr)
{
	char *c = cond_normalise(expr);
	size_t n = strlen(c), start = 0;
	int value = -1;

	while (n - start >= 2 && c[start] == '(' &&
	       match_paren(c, start) == (long)n - 1) {
		start++;
		n--;
	}
	if (n - start == 1 && (c[start] == '0' || c[start] == '1'))
		value = c[start] - '0';
	free(c);
	return value;
}

static void set_branch(struct cond_frame *f, char *cond)
{
	int constant = cond_constant(cond);

	free(f->branch);
	f->branch = cond;
	f->dead = f->const_taken || constant == 0;
	if (constant == 1) {
		if (!f->dead)
			f->const_taken = true;
		cond[0] = '\0';
	}
}

static void push_frame(struct cond_stack *cs, char *cond)
{
	struct cond_frame *f = ARRAY_PUSH(cs->frames, cs->nr, cs->alloc);

	memset(f, 0, sizeof(*f));
	f->negs = xstrdup("");
	f->ignored = is_asm_symbol(cond);
	set_branch(f, cond);
}

/* Fold the branch in force into the negations before the next one. */
static void close_branch(struct cond_frame *f)
{
	char *neg, *t;

	if (f->dead || !*f->branch)
		return;
	neg = cond_negate(f->branch);
	t = cond_and(f->negs, neg);
	free(neg);
	free(f->negs);
	f->negs = t;
}

/* "#  ifdef X" -> "ifdef", rest " X"; NULL when not a directive. */
static const char *directive_word(const char *line, size_t *n)
{
	const char *p = skip_space(line);

	if (*p != '#')
		return NULL;
	p = skip_space(p + 1);
	for (*n = 0; is_ident_char(p[*n]); (*n)++)
		;
	return p;
}

static void check_guard(struct cond_stack *cs, const char *w, size_t n)
{
	const char *name, *body;
	size_t len;

	if (!cs->pending_guard)
		return;
	if (tok_is(w, n, "define") && cs->nr == 1) {
		name = skip_space(w + n);
		for (len = 0; is_ident_char(name[len]); len++)
			;
		body = skip_space(name + len);
		if (len == strlen(cs->pending_guard) &&
		    !strncmp(name, cs->pending_guard, len) &&
		    (!*body || (!strcmp(body, "1") &&
				strstr(cs->pending_guard, "_H"))))
			cs->frames[0].ignored = true;
	}
	free(cs->pending_guard);
	cs->pending_guard = NULL;
}

static bool do_conditional(struct cond_stack *cs, const char *w, size_t n)
{
	const char *rest = skip_space(w + n);
	struct cond_frame *top = cs->nr ? &cs->frames[cs->nr - 1] : NULL;
	char *c;

	if (tok_is(w, n, "ifdef") || tok_is(w, n, "ifndef")) {
		c = cond_normalise(rest);
		if (tok_is(w, n, "ifndef")) {
			char *t = cond_negate(c);

			if (cs->nr == 0 && is_ident(c, strlen(c)))
				cs->pending_guard = xstrdup(c);
			free(c);
			c = t;
		}
		push_frame(cs, c);
	} else if (tok_is(w, n, "if")) {
		push_frame(cs, cond_normalise(rest));
	} else if (tok_is(w, n, "elif") && top) {
		close_branch(top);
		set_branch(top, cond_normalise(rest));
	} else if (tok_is(w, n, "else") && top) {
		close_branch(top);
		set_branch(top, xstrdup(""));
	} else if (tok_is(w, n, "endif") && top) {
		frame_free(top);
		cs->nr--;
	} else {
		return tok_is(w, n, "elif") || tok_is(w, n, "else") ||
		       tok_is(w, n, "endif");
	}
	return true;
}

bool cond_stack_directive(struct cond_stack *cs, const char *line)
{
	const char *w;
	size_t n;

	if (!*skip_space(line))
		return false;
	w = directive_word(line, &n);
	if (!w) {
		free(cs->pending_guard);
		cs->pending_guard = NULL;
		return false;
	}
	check_guard(cs, w, n);
	return do_conditional(cs, w, n);
}

char *cond_stack_render(const struct cond_stack *cs)
{
	char *res = xstrdup(""), *part, *t;
	size_t i;

	for (i = 0; i < cs->nr; i++) {
		const struct cond_frame *f = &cs->frames[i];

		if (f->ignored)
			continue;
		part = cond_and(f->negs, f->branch);
		t = cond_and(res, part);
		free(part);
		free(res);
		res = t;
	}
	return res;
}

bool cond_stack_dead(const struct cond_stack *cs)
{
	size_t i;

	for (i = 0; i < cs->nr; i++)
		if (cs->frames[i].dead)
			return true;
	return false;
}
