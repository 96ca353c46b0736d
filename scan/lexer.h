/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The tokenizer behind scan_buffer(): just enough of translation phases
 * 1 to 3 to see identifiers and punctuators outside comments and literals,
 * with line splices and CRLF line ends handled.  Private to scan/.
 */
#ifndef PTSYNC_SCAN_LEXER_H
#define PTSYNC_SCAN_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

enum tok_kind { T_EOF, T_EOL, T_IDENT, T_NUMBER, T_LITERAL, T_PUNCT };

/*
 * Punctuators the scanner tells apart are their own character; "|=" is
 * P_OR_ASSIGN and everything else, "&&" and "==" included, is P_OTHER.
 */
enum { P_OR_ASSIGN = 256, P_OTHER };

struct token {
	enum tok_kind kind;
	int punct;
	const char *s;		/* text, valid until scan_lex_free() */
	size_t len;
	int line;		/* 1-based */
	int col;		/* 0-based byte offset in its physical line */
	bool bol;		/* first token of its logical line */
};

struct lexer {
	const char *p, *end;
	const char *line_start;
	int line;
	bool bol;
	bool directive;		/* a newline ends the stream with T_EOL */
	char **spliced;		/* identifiers rebuilt across line splices */
	size_t nr_spliced, alloc_spliced;
};

#define TOK_IS(t, lit) \
	((t)->len == sizeof(lit) - 1 && !memcmp((t)->s, lit, sizeof(lit) - 1))

void scan_lex_init(struct lexer *lx, const char *buf, size_t len);
void scan_lex_free(struct lexer *lx);
void scan_lex_next(struct lexer *lx, struct token *t);
/*
 * The rest of a directive line as a condition: 0 or 1 when it is that
 * constant as lib/cond.c reads it (maybe parenthesized), else -1.
 */
int scan_lex_cond(struct lexer *lx, struct token *t);

#endif
