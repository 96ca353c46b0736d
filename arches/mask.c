// SPDX-License-Identifier: GPL-2.0-only
/*
 * ARCH_PAGE_TABLE_SYNC_MASK bodies: "0", PGTBL_*_MODIFIED names joined by
 * "|", parentheses, and "c ? a : b" whose condition is only known at run
 * time.  Anything else is refused rather than guessed.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "arches/arches.h"
#include "lib/cond.h"
#include "arches/source.h"
#include "lib/util.h"

static const char *const level_names[] = { "pgd", "p4d", "pud", "pmd", "pte" };
static const char *const level_macros[] = {
	"PGTBL_PGD_MODIFIED", "PGTBL_P4D_MODIFIED", "PGTBL_PUD_MODIFIED",
	"PGTBL_PMD_MODIFIED", "PGTBL_PTE_MODIFIED",
};

#define NR_LEVELS ARRAY_SIZE(level_names)

size_t mask_levels(unsigned int mask, const char **names, size_t max)
{
	size_t i, n = 0;

	for (i = 0; i < NR_LEVELS && n < max; i++)
		if (mask & (1u << i))
			names[n++] = level_names[i];
	return n;
}

/* s[0..n) with blanks trimmed and one pair of enclosing parentheses gone. */
static void trim(const char **s, size_t *n)
{
	int depth;
	size_t i;

	for (;;) {
		while (*n && isspace((unsigned char)**s)) {
			(*s)++;
			(*n)--;
		}
		while (*n && isspace((unsigned char)(*s)[*n - 1]))
			(*n)--;
		if (*n < 2 || (*s)[0] != '(' || (*s)[*n - 1] != ')')
			return;
		for (depth = 0, i = 0; i < *n - 1; i++) {
			if ((*s)[i] == '(')
				depth++;
			else if ((*s)[i] == ')')
				depth--;
			if (!depth)
				return;	/* "(a) | (b)": not one pair */
		}
		(*s)++;
		*n -= 2;
	}
}

/*
 * First top-level occurrence of c in s[0..n), skipping nested "?:" when
 * looking for the ":" of a ternary; -1 when there is none.
 */
static long find_top(const char *s, size_t n, char c)
{
	int depth = 0, ternary = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '(') {
			depth++;
		} else if (s[i] == ')') {
			if (--depth < 0)
				return -2;
		} else if (depth) {
			continue;
		} else if (s[i] == c && !(c == ':' && ternary)) {
			return i;
		} else if (s[i] == '?') {
			ternary++;
		} else if (s[i] == ':') {
			ternary--;
		}
	}
	return depth ? -2 : -1;
}

static int parse_atom(const char *s, size_t n, unsigned int *mask)
{
	size_t i;

	if (n == 1 && s[0] == '0') {
		*mask = 0;
		return 0;
	}
	for (i = 0; i < NR_LEVELS; i++) {
		if (n == strlen(level_macros[i]) &&
		    !strncmp(s, level_macros[i], n)) {
			*mask = 1u << i;
			return 0;
		}
	}
	return -1;
}

static int parse(const char *s, size_t n, unsigned int *mask, char **cond,
		 unsigned int *if_true, unsigned int *if_false)
{
	unsigned int a, b;
	long q, c;

	trim(&s, &n);
	if (!n)
		return -1;
	q = find_top(s, n, '?');
	if (q == -2)
		return -1;
	if (q >= 0) {
		c = find_top(s + q + 1, n - q - 1, ':');
		if (c < 0 || q == 0 ||
		    parse(s + q + 1, c, &a, NULL, NULL, NULL) ||
		    parse(s + q + 2 + c, n - q - 2 - c, &b, NULL, NULL, NULL))
			return -1;
		*mask = a | b;
		if (cond) {
			char *t = xstrndup(s, q);

			*cond = cond_normalise(t);
			free(t);
			*if_true = a;
			*if_false = b;
		}
		return 0;
	}
	q = find_top(s, n, '|');
	if (q < 0)
		return parse_atom(s, n, mask);
	if (parse(s, q, &a, NULL, NULL, NULL) ||
	    parse(s + q + 1, n - q - 1, &b, NULL, NULL, NULL))
		return -1;
	*mask = a | b;
	return 0;
}

int mask_parse(const char *expr, unsigned int *mask, char **mask_condition,
	       unsigned int *if_true, unsigned int *if_false)
{
	unsigned int m = 0, t = 0, f = 0;
	char *c = NULL;

	if (!expr || parse(expr, strlen(expr), &m, &c, &t, &f)) {
		free(c);
		return -1;
	}
	*mask = m;
	if (mask_condition)
		*mask_condition = c;
	else
		free(c);
	if (if_true)
		*if_true = c ? t : 0;
	if (if_false)
		*if_false = c ? f : 0;
	return 0;
}
