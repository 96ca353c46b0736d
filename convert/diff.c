// SPDX-License-Identifier: GPL-2.0-only
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "convert/diff.h"
#include "lib/hunk.h"
#include "lib/quote.h"
#include "lib/util.h"

/* A cursor over lines; a line includes its '\n' when it has one. */
struct lines {
	const char *p, *end;
};

static size_t next_line(struct lines *l, const char **line)
{
	const char *nl;
	size_t n;

	if (l->p >= l->end)
		return 0;
	nl = memchr(l->p, '\n', l->end - l->p);
	n = nl ? (size_t)(nl - l->p) + 1 : (size_t)(l->end - l->p);
	*line = l->p;
	l->p += n;
	return n;
}

char *diff_normalise(const char *spatch_out, const char *path)
{
	const char *hunks = strstr(spatch_out, "\n@@ ");

	if (strncmp(spatch_out, "--- ", 4) || !hunks)
		return NULL;
	char *a = path_quote("a/", path), *b = path_quote("b/", path);
	char *text = xasprintf("--- %s\n+++ %s\n%s", a, b, hunks + 1);

	free(a);
	free(b);
	return text;
}

/*
 * "diff --git a/path b/path" and, for a new file, its mode line; a name
 * with a newline or another control is quoted as git quotes it, so that
 * it cannot start a line of its own in a patch or a mail.
 */
void put_git_header(FILE *out, const char *path, bool is_new)
{
	char *a = path_quote("a/", path), *b = path_quote("b/", path);

	fprintf(out, "diff --git %s %s\n%s", a, b,
		is_new ? "new file mode 100644\n" : "");
	free(a);
	free(b);
}

/* Append n bytes to the growing result text. */
static void put(struct diff_result *r, size_t *alloc, const char *s, size_t n)
{
	grow_array((void **)&r->text, alloc, r->len + n + 1, 1);
	memcpy(r->text + r->len, s, n);
	r->len += n;
	r->text[r->len] = '\0';
}

/* Copy old lines up to (not including) line number upto. */
static int copy_until(struct lines *old, int *lineno, int upto,
		      struct diff_result *r, size_t *alloc)
{
	const char *line;
	size_t n;

	while (*lineno < upto) {
		n = next_line(old, &line);
		if (!n)
			return -1;
		put(r, alloc, line, n);
		(*lineno)++;
	}
	return 0;
}

/* The body of a diff line must equal the old line, newline aside. */
static int match_old(struct lines *old, const char *body, size_t n,
		     bool no_newline)
{
	const char *line;
	size_t m = next_line(old, &line);

	if (!m)
		return -1;
	if (no_newline)
		return m == n && !memcmp(line, body, n) ? 0 : -1;
	return m == n + 1 && !memcmp(line, body, n) && line[n] == '\n' ? 0 : -1;
}

static int apply_line(struct lines *old, int *lineno, const char *dl, size_t n,
		      bool no_nl, struct diff_result *r, size_t *alloc)
{
	bool keep_nl = !no_nl;

	if (dl[0] == ' ' || dl[0] == '-') {
		if (match_old(old, dl + 1, n - 1, no_nl))
			return -1;
		if (dl[0] == '-') {
			*ARRAY_PUSH(r->removed, r->nr_removed,
				    r->alloc_removed) = *lineno;
			r->dels++;
		}
		(*lineno)++;
		if (dl[0] == '-')
			return 0;
	} else if (dl[0] == '+') {
		r->adds++;
	} else {
		return -1;
	}
	put(r, alloc, dl + 1, n - 1);
	if (keep_nl)
		put(r, alloc, "\n", 1);
	return 0;
}

/*
 * One diff line: its length without the newline in *n, and *no_nl when
 * "\ No newline at end of file" follows.  False at the end.
 */
static bool diff_line(struct lines *d, const char **line, size_t *n,
		      bool *no_nl)
{
	struct lines peek;
	const char *next;

	*n = next_line(d, line);
	if (!*n)
		return false;
	if ((*line)[*n - 1] == '\n')
		(*n)--;
	peek = *d;
	*no_nl = next_line(&peek, &next) && next[0] == '\\';
	if (*no_nl)
		next_line(d, &next);
	return true;
}

static int apply_hunks(struct lines *old, struct lines *d,
		       struct diff_result *r, size_t *alloc)
{
	const char *dl;
	int lineno = 1, start, bad;
	bool no_nl, in_hunks = false;
	struct hunk_range h;
	char *header;
	size_t n;

	while (diff_line(d, &dl, &n, &no_nl)) {
		if (n >= 3 && !strncmp(dl, "@@ ", 3)) {
			header = xstrndup(dl, n);
			bad = hunk_header_parse(header, &h);
			free(header);
			if (bad)
				return -1;
			start = h.old_start;
			if (!h.old_count)
				start++;	/* "-N,0" inserts after line N */
			if (start < lineno ||
			    copy_until(old, &lineno, start, r, alloc))
				return -1;
			in_hunks = true;
			continue;
		}
		if (!in_hunks)
			continue;	/* the --- +++ header */
		if (!n) {	/* a context line whose blank was stripped */
			dl = " ";
			n = 1;
		}
		if (apply_line(old, &lineno, dl, n, no_nl, r, alloc))
			return -1;
	}
	while ((n = next_line(old, &dl)))
		put(r, alloc, dl, n);
	return in_hunks ? 0 : -1;
}

int diff_apply(const char *old, size_t len, const char *diff,
	       struct diff_result *res)
{
	struct lines o = { old, old + len };
	struct lines d = { diff, diff + strlen(diff) };
	size_t alloc = 0;

	memset(res, 0, sizeof(*res));
	put(res, &alloc, "", 0);
	if (apply_hunks(&o, &d, res, &alloc)) {
		diff_result_free(res);
		return -1;
	}
	return 0;
}

void diff_result_free(struct diff_result *res)
{
	free(res->text);
	free(res->removed);
	memset(res, 0, sizeof(*res));
}

char *diff_new_file(const char *path, const char *text)
{
	size_t nr = 0, len = strlen(text), i;
	char *head, *body = xmalloc(2 * len + 2), *out;
	char *b = body;

	for (i = 0; i < len; i++) {
		if (i == 0 || text[i - 1] == '\n') {
			*b++ = '+';
			nr++;
		}
		*b++ = text[i];
	}
	*b = '\0';
	head = xasprintf("--- /dev/null\n+++ b/%s\n@@ -0,0 +1,%zu @@\n",
			 path, nr);
	out = xasprintf("%s%s", head, body);
	free(head);
	free(body);
	return out;
}
