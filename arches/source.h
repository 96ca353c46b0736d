/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Internal to arches/: reading C sources line by line as the preprocessor
 * sees them, and the CONFIG_PGTABLE_LEVELS values an arch's Kconfig allows.
 */
#ifndef PTSYNC_ARCHES_SOURCE_H
#define PTSYNC_ARCHES_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/util.h"

/*
 * Blank out comments in place, keeping newlines so line numbers hold;
 * text[len] must be the terminating NUL.
 */
void src_strip_comments(char *text, size_t len);

/* Logical lines of a stripped text: continuations joined. */
struct src_lines {
	const char *text;	/* the whole stripped file */
	size_t pos;		/* where the next line starts */
	int next_line;		/* its physical line number, 1-based */
	char *buf;		/* the joined current line */
	size_t alloc;
	/* results of src_next_line() */
	const char *line;	/* NUL-terminated logical line */
	size_t start;		/* offset of its first character in text */
	int lineno;		/* physical line it starts on */
};

void src_lines_init(struct src_lines *it, const char *text);
bool src_next_line(struct src_lines *it);
void src_lines_release(struct src_lines *it);

/* "#  include <x>" -> pointer to "include <x>"; NULL when not a directive. */
const char *src_directive(const char *line);

/*
 * The target of "#include <name>" or "#include \"name\"" as a fresh string,
 * *quoted telling which; NULL when the line is no such include.
 */
char *src_include_target(const char *line, bool *quoted);

/*
 * Possible values of CONFIG_PGTABLE_LEVELS under condition cond, read from
 * the "config PGTABLE_LEVELS" defaults of kconfig (the text of
 * arch/<a>/Kconfig).  Bit n of the result is set when n levels are
 * possible; 0 when that cannot be told.
 */
unsigned int levels_possible(const char *kconfig, const char *cond);

/*
 * False when cond's CONFIG_PGTABLE_LEVELS comparisons rule out every value
 * in levels (a levels_possible() result); true when unknown.
 */
bool levels_allow(unsigned int levels, const char *cond);

#endif
