// SPDX-License-Identifier: GPL-2.0-only
/*
 * The configuration options a converted call needs to be compiled at
 * all: without them a "before and after are identical" comparison would
 * prove nothing.  They come from the kbuild lines that add the object
 * (obj-$(CONFIG_X) += file.o, and dir/ in the Makefiles above) and from
 * the #ifdef/#if blocks around the converted lines.  KASAN code (a kasan
 * file name or block) needs CONFIG_KASAN.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "convert/verify.h"
#include "lib/util.h"

static void add_opt(char ***opts, size_t *nr, size_t *alloc, const char *s,
		    size_t len)
{
	size_t i;

	if (len > 7 && !strncmp(s + len - 7, "_MODULE", 7))
		len -= 7;
	for (i = 0; i < *nr; i++)
		if (strlen((*opts)[i]) == len && !strncmp((*opts)[i], s, len))
			return;
	*ARRAY_PUSH(*opts, *nr, *alloc) = xstrndup(s, len);
}

/* word appears in text as a whole make word. */
static bool has_word(const char *text, const char *word)
{
	size_t n = strlen(word);
	const char *p = text;

	while ((p = strstr(p, word))) {
		bool start = p == text || isspace((unsigned char)p[-1]);
		bool end = !p[n] || isspace((unsigned char)p[n]);

		if (start && end)
			return true;
		p += n;
	}
	return false;
}

/*
 * The first obj-$(CONFIG_X) line of dir/Makefile that adds target: when
 * several do (mm/kasan: KASAN_GENERIC, KASAN_SW_TAGS), any one builds it.
 */
static void makefile_opts(const char *root, const char *dir,
			  const char *target, char ***opts, size_t *nr,
			  size_t *alloc)
{
	char *rel = xasprintf("%s/Makefile", dir), *path = path_join(root, rel);
	char *text = slurp_file(path), *line, *save = NULL, *p;

	free(rel);
	free(path);
	if (!text)
		return;
	/* join continuation lines */
	for (p = text; (p = strstr(p, "\\\n")); )
		p[0] = p[1] = ' ';
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		const char *c = line, *eq;

		while (isspace((unsigned char)*c))
			c++;
		if (strncmp(c, "obj-$(CONFIG_", 13))
			continue;
		eq = strchr(c, '=');
		if (!eq || !has_word(eq + 1, target))
			continue;
		c += 13;
		add_opt(opts, nr, alloc, c, strcspn(c, ")"));
		break;
	}
	free(text);
}

/* The CONFIG_ symbols an #if expression requires, when it is a plain &&. */
static void cond_opts(const char *expr, bool ifdef, char ***opts,
		      size_t *nr, size_t *alloc)
{
	const char *p = expr, *q;

	if (strstr(expr, "||"))
		return;
	while ((p = strstr(p, "CONFIG_"))) {
		bool negated = false;

		for (q = p; q > expr; q--) {
			char c = q[-1];

			if (c == '!') {
				negated = true;
				break;
			}
			if (c == '&' || (!isspace((unsigned char)c) &&
					 c != '(' && !isalpha((unsigned char)c) &&
					 c != '_'))
				break;
		}
		q = p + 7;
		while (isalnum((unsigned char)*q) || *q == '_')
			q++;
		if (!negated || ifdef)
			add_opt(opts, nr, alloc, p + 7, q - p - 7);
		p = q;
	}
}

struct frame {
	char *expr;		/* NULL once in #else/#elif */
	bool ifdef;
};

/* Walk the preprocessor blocks open at line; add what they require. */
static void block_opts(const char *text, int line, char ***opts, size_t *nr,
		       size_t *alloc)
{
	struct frame *stack = NULL;
	size_t depth = 0, nalloc = 0, i;
	const char *p = text, *nl;
	int n;

	for (n = 1; n < line && *p; n++, p = *nl ? nl + 1 : nl) {
		const char *d = p;

		nl = strchrnul(p, '\n');
		while (d < nl && isspace((unsigned char)*d))
			d++;
		if (d == nl || *d != '#')
			continue;
		d++;
		while (d < nl && isspace((unsigned char)*d))
			d++;
		if (!strncmp(d, "ifdef", 5) || !strncmp(d, "if ", 3) ||
		    !strncmp(d, "if(", 3) || !strncmp(d, "ifndef", 6)) {
			struct frame *f = ARRAY_PUSH(stack, depth, nalloc);

			f->ifdef = !strncmp(d, "ifdef", 5);
			f->expr = strncmp(d, "ifndef", 6) ?
				xstrndup(d, nl - d) : NULL;
		} else if (!strncmp(d, "el", 2) && depth) {
			free(stack[depth - 1].expr);
			stack[depth - 1].expr = NULL;
		} else if (!strncmp(d, "endif", 5) && depth) {
			free(stack[--depth].expr);
		}
	}
	for (i = 0; i < depth; i++) {
		if (stack[i].expr)
			cond_opts(stack[i].expr + (stack[i].ifdef ? 5 : 2),
				  stack[i].ifdef, opts, nr, alloc);
		free(stack[i].expr);
	}
	free(stack);
}

size_t kopts_needed(const char *root, const struct convert_file *cf,
		    char ***opts)
{
	size_t nr = 0, alloc = 0, i;
	char *dir = xstrdup(cf->path), *slash, *target;

	*opts = NULL;
	/* file.o in its directory, then dir/ in each directory above */
	slash = strrchr(dir, '/');
	target = slash ? xasprintf("%.*s.o", (int)strlen(slash + 1) - 2,
				   slash + 1) : xstrdup("");
	while (slash) {
		*slash = '\0';
		makefile_opts(root, dir, target, opts, &nr, &alloc);
		free(target);
		slash = strrchr(dir, '/');
		target = xasprintf("%s/", slash ? slash + 1 : dir);
		if (!strcmp(dir, "arch") || !slash)
			break;
	}
	free(target);
	free(dir);
	for (i = 0; i < cf->nr_lines; i++)
		block_opts(cf->old_text, cf->lines[i], opts, &nr, &alloc);
	if (strstr(cf->path, "kasan"))
		add_opt(opts, &nr, &alloc, "KASAN", 5);
	return nr;
}

/*
 * IS_ENABLED(CONFIG_X) in the file, not negated: a converted call that
 * was dead code may come alive with them (x86's KASAN_VMALLOC).  Added
 * to opts[0..*nr) when not there yet; returns how many were new.
 */
size_t kopts_add_live(const struct convert_file *cf, char ***opts, size_t *nr)
{
	const char *p = cf->new_text, *q;
	size_t alloc = *nr, before = *nr;

	while ((p = strstr(p, "IS_ENABLED(CONFIG_"))) {
		for (q = p; q > cf->new_text && isspace((unsigned char)q[-1]); q--)
			;
		p += strlen("IS_ENABLED(CONFIG_");
		if (q > cf->new_text && q[-1] == '!')
			continue;
		add_opt(opts, nr, &alloc, p, strspn(p,
			"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_"));
	}
	return *nr - before;
}
