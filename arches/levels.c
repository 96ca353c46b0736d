// SPDX-License-Identifier: GPL-2.0-only
/*
 * Which CONFIG_PGTABLE_LEVELS values a configuration allows, from the
 * arch's own "config PGTABLE_LEVELS" defaults.  Folding headers are picked
 * by comparisons on that number (x86: "#if CONFIG_PGTABLE_LEVELS > 3"),
 * while the mask is picked by symbols such as CONFIG_X86_PAE; the Kconfig
 * defaults are what ties the two together.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lib/cond.h"
#include "arches/source.h"
#include "lib/util.h"

#define LEVELS_SYMBOL "CONFIG_PGTABLE_LEVELS"

/* A Kconfig expression in the model's notation: FOO -> CONFIG_FOO. */
static char *kconfig_to_cond(const char *e)
{
	size_t alloc = 0, n = 0, i;
	char *out = NULL, *res;

	while (*e) {
		size_t len = 0;
		bool digits = true;

		while (isalnum((unsigned char)e[len]) || e[len] == '_') {
			digits &= !!isdigit((unsigned char)e[len]);
			len++;
		}
		if (!len) {
			*ARRAY_PUSH(out, n, alloc) = *e++;
			continue;
		}
		if (!digits && !(len == 1 && strchr("ymn", e[0])))
			for (i = 0; i < strlen("CONFIG_"); i++)
				*ARRAY_PUSH(out, n, alloc) = "CONFIG_"[i];
		for (i = 0; i < len; i++)
			*ARRAY_PUSH(out, n, alloc) = e[i];
		e += len;
	}
	*ARRAY_PUSH(out, n, alloc) = '\0';
	res = cond_normalise(out);
	free(out);
	return res;
}

/* "default 3 if X86_PAE": the value, and the condition ("" when none). */
static bool parse_default(const char *line, unsigned int *value, char **cond)
{
	char *end;
	long v;

	while (isspace((unsigned char)*line))
		line++;
	if (strncmp(line, "default", 7) || !isspace((unsigned char)line[7]))
		return false;
	v = strtol(line + 7, &end, 10);
	if (end == line + 7 || v < 0 || v > 31)
		return false;
	while (isspace((unsigned char)*end))
		end++;
	if (!strncmp(end, "if", 2) && isspace((unsigned char)end[2]))
		*cond = kconfig_to_cond(end + 3);
	else if (!*end)
		*cond = xstrdup("");
	else
		return false;
	*value = v;
	return true;
}

/* The body of "config PGTABLE_LEVELS", or NULL. */
static const char *find_config(const char *kconfig)
{
	const char *p = kconfig;

	while ((p = strstr(p, "config PGTABLE_LEVELS"))) {
		const char *e = p + strlen("config PGTABLE_LEVELS");

		if ((p == kconfig || p[-1] == '\n') &&
		    (*e == '\n' || *e == ' ' || *e == '\t'))
			return strchr(e, '\n');
		p = e;
	}
	return NULL;
}

unsigned int levels_possible(const char *kconfig, const char *cond)
{
	const char *p = kconfig ? find_config(kconfig) : NULL;
	unsigned int levels = 0, v;
	bool done = false;

	while (p && !done && *++p && (*p == ' ' || *p == '\t' || *p == '\n')) {
		const char *nl = strchr(p, '\n');
		char *line = nl ? xstrndup(p, nl - p) : xstrdup(p);
		char *c;

		/* Kconfig takes the first default whose condition holds. */
		if (parse_default(line, &v, &c)) {
			if (cond_compatible(cond, c))
				levels |= 1u << v;
			done = cond_implies(cond, c);
			free(c);
		}
		free(line);
		p = nl;
	}
	return levels;
}

/* For a conjunct "[!](CONFIG_PGTABLE_LEVELS op n)": does v satisfy it? */
static bool conjunct_allows(const char *c, size_t n, unsigned int v, bool *ok)
{
	bool neg = false, res;
	char op[3] = "";
	long num;
	char *s = xstrndup(c, n), *p = s, *end;
	size_t len;

	*ok = false;
	for (; *p == '!' || *p == '('; p++)
		neg ^= *p == '!';
	if (!str_starts_with(p, LEVELS_SYMBOL " ")) {
		free(s);
		return true;
	}
	p += strlen(LEVELS_SYMBOL " ");
	for (len = 0; len < 2 && strchr("<>=!", p[len]); len++)
		op[len] = p[len];
	num = strtol(p + len, &end, 10);
	while (*end == ')')
		end++;
	*ok = len && end > p + len && !*end;
	res = !strcmp(op, ">") ? v > num : !strcmp(op, ">=") ? v >= num :
	      !strcmp(op, "<") ? v < num : !strcmp(op, "<=") ? v <= num :
	      !strcmp(op, "==") ? (long)v == num : (long)v != num;
	free(s);
	return !*ok || res != neg;
}

static bool value_allowed(unsigned int v, const char *cond)
{
	const char *p = cond, *start = cond;
	int depth = 0;
	bool ok;

	for (;; p++) {
		if (*p == '(') {
			depth++;
		} else if (*p == ')') {
			depth--;
		} else if (!*p || (!depth && !strncmp(p, " && ", 4))) {
			if (!conjunct_allows(start, p - start, v, &ok))
				return false;
			if (!*p)
				return true;
			start = p + 4;
		}
	}
}

bool levels_allow(unsigned int levels, const char *cond)
{
	unsigned int v;

	if (!levels || !strstr(cond, LEVELS_SYMBOL))
		return true;
	for (v = 0; v < 32; v++)
		if ((levels & (1u << v)) && value_allowed(v, cond))
			return true;
	return false;
}
