// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tokenizer for the lexical scan.  It never reads past the end of the
 * buffer (which need not be NUL terminated) and treats unterminated
 * comments and literals as running to the end of the file or line, as the
 * compiler's own diagnostics would.
 *
 * Line splices (backslash-newline) are honoured between tokens, inside
 * identifiers, literals and // comments.  A splice that cuts a comment
 * delimiter or a two-character punctuator in half is not: nothing in the
 * kernel does that, and handling it would cost a check on every byte.
 * Digraphs are not recognised either.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/cond.h"
#include "lib/util.h"
#include "scan/lexer.h"

enum { CH_IDENT = 1, CH_DIGIT = 2 };

/* Bytes from 0x80 up may appear in identifiers (GCC accepts UTF-8). */
static const unsigned char char_class[256] = {
	['a' ... 'z'] = CH_IDENT,
	['A' ... 'Z'] = CH_IDENT,
	['_'] = CH_IDENT,
	['$'] = CH_IDENT,
	['0' ... '9'] = CH_DIGIT,
	[0x80 ... 0xff] = CH_IDENT,
};

static inline bool is_ident_char(char c)
{
	return char_class[(unsigned char)c];
}

void scan_lex_init(struct lexer *lx, const char *buf, size_t len)
{
	memset(lx, 0, sizeof(*lx));
	lx->p = buf;
	lx->end = buf + len;
	lx->line_start = buf;
	lx->line = 1;
	lx->bol = true;
}

void scan_lex_free(struct lexer *lx)
{
	size_t i;

	for (i = 0; i < lx->nr_spliced; i++)
		free(lx->spliced[i]);
	free(lx->spliced);
	lx->spliced = NULL;
	lx->nr_spliced = 0;
	lx->alloc_spliced = 0;
}

/* Length of the backslash-newline (LF or CRLF) at p, or 0 if none. */
static size_t splice_len(const struct lexer *lx, const char *p)
{
	if (p >= lx->end || *p != '\\' || p + 1 >= lx->end)
		return 0;
	if (p[1] == '\n')
		return 2;
	if (p[1] == '\r' && p + 2 < lx->end && p[2] == '\n')
		return 3;
	return 0;
}

static void new_line(struct lexer *lx, const char *next)
{
	lx->line++;
	lx->line_start = next;
}

static void skip_block_comment(struct lexer *lx)
{
	const char *p = lx->p + 2;

	for (; p < lx->end; p++) {
		if (*p == '\n')
			new_line(lx, p + 1);
		else if (*p == '*' && p + 1 < lx->end && p[1] == '/')
			break;
	}
	lx->p = p < lx->end ? p + 2 : lx->end;
}

/* Stops on the newline that ends the comment, so directives see it. */
static void skip_line_comment(struct lexer *lx)
{
	const char *p = lx->p + 2;
	const char *nl;

	for (;;) {
		nl = memchr(p, '\n', lx->end - p);
		if (!nl) {
			lx->p = lx->end;
			return;
		}
		/* nl - 2 >= lx->p here: the comment itself is two bytes */
		if (nl[-1] != '\\' && !(nl[-1] == '\r' && nl[-2] == '\\')) {
			lx->p = nl;
			return;
		}
		p = nl + 1;
		new_line(lx, p);
	}
}

static bool skip_comment(struct lexer *lx)
{
	if (lx->p + 1 >= lx->end)
		return false;
	if (lx->p[1] == '*')
		skip_block_comment(lx);
	else if (lx->p[1] == '/')
		skip_line_comment(lx);
	else
		return false;
	return true;
}

static void skip_space(struct lexer *lx)
{
	size_t n;

	while (lx->p < lx->end) {
		switch (*lx->p) {
		case ' ': case '\t': case '\r': case '\f': case '\v':
			lx->p++;
			break;
		case '\n':
			if (lx->directive)
				return;
			lx->p++;
			new_line(lx, lx->p);
			lx->bol = true;
			break;
		case '\\':
			n = splice_len(lx, lx->p);
			if (!n)
				return;
			lx->p += n;
			new_line(lx, lx->p);
			break;
		case '/':
			if (!skip_comment(lx))
				return;
			break;
		default:
			return;
		}
	}
}

/* Does an identifier character follow the splices at p? */
static bool ident_after_splices(const struct lexer *lx, const char *p)
{
	size_t n;

	while ((n = splice_len(lx, p)))
		p += n;
	return p < lx->end && is_ident_char(*p);
}

/* The rare identifier cut by a line splice gets a copy of its own. */
static void lex_spliced_ident(struct lexer *lx, struct token *t)
{
	size_t alloc = 64, len = 0, n;
	const char *p = t->s;
	char *s = xmalloc(alloc);

	for (;;) {
		n = splice_len(lx, p);
		if (n && ident_after_splices(lx, p)) {
			p += n;
			new_line(lx, p);
			continue;
		}
		if (n || p >= lx->end || !is_ident_char(*p))
			break;
		if (len + 1 >= alloc)
			s = xrealloc(s, alloc *= 2);
		s[len++] = *p++;
	}
	s[len] = '\0';
	*ARRAY_PUSH(lx->spliced, lx->nr_spliced, lx->alloc_spliced) = s;
	t->s = s;
	t->len = len;
	lx->p = p;
}

static void lex_ident(struct lexer *lx, struct token *t)
{
	const char *p = lx->p;

	while (p < lx->end && is_ident_char(*p))
		p++;
	if (splice_len(lx, p) && ident_after_splices(lx, p)) {
		lex_spliced_ident(lx, t);
		return;
	}
	lx->p = p;
	t->len = p - t->s;
}

static inline bool is_exponent(char c)
{
	return c == 'e' || c == 'E' || c == 'p' || c == 'P';
}

/* A preprocessing number: digits, letters, dots and exponent signs. */
static void lex_number(struct lexer *lx, struct token *t)
{
	const char *p = lx->p + 1;
	char c;

	while (p < lx->end) {
		c = *p;
		if ((c == '+' || c == '-') && is_exponent(p[-1]))
			p++;
		else if (is_ident_char(c) || c == '.')
			p++;
		else
			break;
	}
	lx->p = p;
	t->len = p - t->s;
}

/* A string or character literal; an unescaped newline ends it. */
static void lex_literal(struct lexer *lx, struct token *t)
{
	char quote = *lx->p;
	const char *p = lx->p + 1;
	size_t n;

	while (p < lx->end && *p != '\n') {
		if (*p == quote) {
			p++;
			break;
		}
		if (*p != '\\') {
			p++;
			continue;
		}
		n = splice_len(lx, p);
		if (n) {
			p += n;
			new_line(lx, p);
		} else {
			p = p + 2 < lx->end ? p + 2 : lx->end;
		}
	}
	lx->p = p;
	t->len = p - t->s;
}

static int lex_punct(struct lexer *lx)
{
	char c = *lx->p++;
	char next = lx->p < lx->end ? *lx->p : '\0';

	switch (c) {
	case '(': case ')': case ',': case '{': case '}': case ';': case '#':
		return c;
	case '&':
		if (next != '&' && next != '=')
			return c;
		lx->p++;
		return P_OTHER;
	case '|':
		if (next == '=' || next == '|')
			lx->p++;
		return next == '=' ? P_OR_ASSIGN : P_OTHER;
	case '=':
		if (next != '=')
			return c;
		lx->p++;
		return P_OTHER;
	case '!': case '<': case '>': case '+': case '-': case '*': case '/':
	case '%': case '^':
		/* so that "==" or "<=" is never taken for an assignment */
		if (next == '=')
			lx->p++;
		return P_OTHER;
	default:
		return P_OTHER;
	}
}

void scan_lex_next(struct lexer *lx, struct token *t)
{
	char c;

	skip_space(lx);
	t->s = lx->p;
	t->len = 0;
	t->punct = 0;
	t->line = lx->line;
	t->col = lx->p - lx->line_start;
	t->bol = lx->bol;
	if (lx->p >= lx->end) {
		t->kind = T_EOF;
		return;
	}
	c = *lx->p;
	if (c == '\n') {	/* only reached in a directive */
		t->kind = T_EOL;
		return;
	}
	lx->bol = false;
	if (char_class[(unsigned char)c] == CH_IDENT) {
		t->kind = T_IDENT;
		lex_ident(lx, t);
	} else if (char_class[(unsigned char)c] == CH_DIGIT ||
		   (c == '.' && lx->p + 1 < lx->end &&
		    char_class[(unsigned char)lx->p[1]] == CH_DIGIT)) {
		t->kind = T_NUMBER;
		lex_number(lx, t);
	} else if (c == '"' || c == '\'') {
		t->kind = T_LITERAL;
		lex_literal(lx, t);
	} else {
		t->kind = T_PUNCT;
		t->punct = lex_punct(lx);
		t->len = lx->p - t->s;
	}
}

int scan_lex_cond(struct lexer *lx, struct token *t)
{
	char *expr = xstrdup("");
	int value;

	for (scan_lex_next(lx, t); t->kind != T_EOL && t->kind != T_EOF;
	     scan_lex_next(lx, t))
		str_append(&expr, xasprintf("%s%.*s", *expr ? " " : "",
					    (int)t->len, t->s));
	value = cond_constant(expr);
	free(expr);
	return value == 0 || value == 1 ? value : -1;
}
