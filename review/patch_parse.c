// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reading the diff of a patch (mail.c hands it over decoded) or of
 * spatch, as patch -p1 reads it.  The parse is strict where a lenient one would
 * pass a patch unchecked: a hunk whose lines do not match its header's
 * counts, or a message without any file diff, is an error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/hunk.h"
#include "lib/util.h"
#include "review/review.h"

struct cursor {
	const char *p;		/* the next line */
	int lineno;		/* of the next line, 1-based */
};

/* The next line without its newline, or NULL at the end. */
static char *next_line(struct cursor *c)
{
	const char *end;
	char *line;

	if (!*c->p)
		return NULL;
	end = strchr(c->p, '\n');
	if (!end)
		end = c->p + strlen(c->p);
	line = xstrndup(c->p, end - c->p);
	if (end > c->p && end[-1] == '\r')
		line[end - c->p - 1] = '\0';
	c->p = *end ? end + 1 : end;
	c->lineno++;
	return line;
}

static bool peek_starts(const struct cursor *c, const char *prefix)
{
	return str_starts_with(c->p, prefix);
}

/*
 * Whether a relative path stays where it is rooted: every component is a
 * plain name (no "", "." or ".."), and no byte could be read differently
 * by patch(1) or a shell (controls, quotes, backslashes for C escapes).
 * git quotes exactly the names with such bytes, so a quoted name is
 * never safe either.
 */
static bool safe_path(const char *p)
{
	const char *c;
	size_t len;

	for (c = p; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7f || *c == '"' ||
		    *c == '\\')
			return false;
	do {
		len = strcspn(p, "/");
		if (!len || (len == 1 && p[0] == '.') ||
		    (len == 2 && p[0] == '.' && p[1] == '.'))
			return false;
		p += len;
	} while (*p++);
	return true;
}

/* A diff path with strip components dropped; NULL for /dev/null. */
static int diff_path(const char *field, int strip, char **out, char **err)
{
	size_t len = strcspn(field, "\t");
	char *path = xstrndup(field, len), *p = path;
	int i;

	while (len && path[len - 1] == ' ')
		path[--len] = '\0';
	*out = NULL;
	if (!strcmp(path, "/dev/null")) {
		free(path);
		return 0;
	}
	for (i = 0; i < strip; i++) {
		p = strchr(p, '/');
		if (!p) {
			*err = xasprintf("cannot strip a directory from path '%s'",
					 path);
			free(path);
			return -1;
		}
		p++;
	}
	if (*path == '"' || !safe_path(p)) {
		*err = xasprintf("unsafe path '%s' in the diff", path);
		free(path);
		return -1;
	}
	*out = xstrdup(p);
	free(path);
	return 0;
}

static int hunk_header(const char *line, struct hunk *h)
{
	struct hunk_range r;

	if (hunk_header_parse(line, &r))
		return -1;
	h->old_start = r.old_start;
	h->old_count = r.old_count;
	h->new_start = r.new_start;
	h->new_count = r.new_count;
	return 0;
}

/* Read the body of a hunk: exactly the lines its counts promise. */
static int hunk_body(struct cursor *c, struct hunk *h, char **err)
{
	int old = h->old_count, new = h->new_count;
	char *line;
	char kind;

	while (old > 0 || new > 0) {
		line = next_line(c);
		if (!line) {
			*err = xasprintf("line %d: hunk ends early", c->lineno);
			return -1;
		}
		kind = line[0] ? line[0] : ' ';	/* mailers drop the space */
		if (kind == '\\') {
			free(line);
			continue;
		}
		if ((kind != ' ' && kind != '-' && kind != '+') ||
		    (kind != '+' && !old) || (kind != '-' && !new)) {
			*err = xasprintf("line %d: hunk does not match its header's line counts",
					 c->lineno);
			free(line);
			return -1;
		}
		old -= kind != '+';
		new -= kind != '-';
		ARRAY_PUSH(h->lines, h->nr_lines, h->alloc_lines)->kind = kind;
		h->lines[h->nr_lines - 1].text = xstrdup(line[0] ? line + 1 : "");
		free(line);
	}
	if (peek_starts(c, "\\"))
		free(next_line(c));
	return 0;
}

static struct file_diff *new_file(struct patch *p)
{
	struct file_diff *fd = ARRAY_PUSH(p->files, p->nr_files,
					  p->alloc_files);

	memset(fd, 0, sizeof(*fd));
	return fd;
}

/*
 * "diff --git a/x b/y": the paths, used when no ---/+++ lines follow.
 * Both names must be there, in that order, unquoted: a name git had to
 * quote is refused by diff_path().
 */
static int git_header(const char *line, int strip, struct file_diff *fd,
		      char **err)
{
	const char *names = line + strlen("diff --git ");
	const char *b = strstr(names, " b/");
	char *a;
	int ret;

	fd->git_only = true;
	if (*names == '"') {
		*err = xasprintf("quoted path in '%s': file names git has to quote are not supported",
				 line);
		return -1;
	}
	if (!b || b == names) {
		*err = xasprintf("malformed diff header '%s'", line);
		return -1;
	}
	a = xstrndup(names, b - names);
	ret = diff_path(a, strip, &fd->old_path, err) ||
	      diff_path(b + 1, strip, &fd->new_path, err);
	free(a);
	return ret ? -1 : 0;
}

static int file_header(struct cursor *c, const char *minus, int strip,
		       struct file_diff *fd, char **err)
{
	char *plus = next_line(c);
	int ret;

	free(fd->old_path);
	free(fd->new_path);
	fd->old_path = fd->new_path = NULL;
	ret = diff_path(minus + 4, strip, &fd->old_path, err) ||
	      diff_path(plus + 4, strip, &fd->new_path, err);
	free(plus);
	return ret ? -1 : 0;
}

/*
 * git's extended header lines that patch(1) acts on.  A symlink or a
 * submodule is refused: a link the patch creates would let a later path
 * of the series point outside the copy.  A rename or copy must name the
 * files of its "diff --git" line, the names that were checked.
 */
static int git_extended(const char *line, const struct file_diff *fd,
			int lineno, char **err)
{
	static const char *const modes[] = {
		"new file mode ", "deleted file mode ", "old mode ", "new mode ",
	};
	static const char *const names[] = {
		"rename from ", "copy from ", "rename to ", "copy to ",
	};
	const char *want, *v;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(modes); i++) {
		if (!str_starts_with(line, modes[i]))
			continue;
		v = line + strlen(modes[i]);
		if (strcmp(v, "100644") && strcmp(v, "100755")) {
			*err = xasprintf("line %d: '%s': only regular files are supported (no symlinks or submodules)",
					 lineno, line);
			return -1;
		}
	}
	for (i = 0; i < ARRAY_SIZE(names); i++) {
		if (!str_starts_with(line, names[i]))
			continue;
		v = line + strlen(names[i]);
		want = i < 2 ? fd->old_path : fd->new_path;
		if (!want || strcmp(v, want)) {
			*err = xasprintf("line %d: '%s' does not match its diff --git line",
					 lineno, line);
			return -1;
		}
	}
	return 0;
}

/*
 * "index <pre>..<post> [mode]": the pre-image's object id, which the
 * tree's object store may hold even when its work tree has moved on.
 * Only hex digits are kept: the id reaches git's command line.
 */
static void index_line(const char *line, struct file_diff *fd)
{
	const char *id = line + strlen("index ");
	size_t len = strspn(id, "0123456789abcdef");

	if (len < 7 || strncmp(id + len, "..", 2) || strspn(id, "0") == len)
		return;
	free(fd->old_blob);
	fd->old_blob = xstrndup(id, len);
}

static int parse_line(struct cursor *c, const char *line, int strip,
		      struct patch *p, char **err)
{
	struct file_diff *fd = p->nr_files ? &p->files[p->nr_files - 1] : NULL;
	struct hunk *h;

	if (str_starts_with(line, "diff --git "))
		return git_header(line, strip, new_file(p), err);
	if (str_starts_with(line, "--- ") && peek_starts(c, "+++ ")) {
		/* After "diff --git", these name the same file. */
		if (!fd || !fd->git_only)
			fd = new_file(p);
		fd->git_only = false;
		return file_header(c, line, strip, fd, err);
	}
	if (fd && fd->git_only && git_extended(line, fd, c->lineno, err))
		return -1;
	if (fd && fd->git_only && str_starts_with(line, "index "))
		index_line(line, fd);
	if (fd && fd->git_only && str_starts_with(line, "new file mode")) {
		free(fd->old_path);
		fd->old_path = NULL;
	}
	if (fd && fd->git_only && str_starts_with(line, "deleted file mode")) {
		free(fd->new_path);
		fd->new_path = NULL;
	}
	if (str_starts_with(line, "GIT binary patch") ||
	    (str_starts_with(line, "Binary files ") && str_ends_with(line, " differ"))) {
		*err = xasprintf("line %d: binary patches are not supported",
				 c->lineno);
		return -1;
	}
	if (!str_starts_with(line, "@@ "))
		return 0;
	if (!fd) {
		*err = xasprintf("line %d: hunk outside of a file diff", c->lineno);
		return -1;
	}
	h = ARRAY_PUSH(fd->hunks, fd->nr_hunks, fd->alloc_hunks);
	memset(h, 0, sizeof(*h));
	if (hunk_header(line, h)) {
		*err = xasprintf("line %d: malformed hunk header '%s'",
				 c->lineno, line);
		return -1;
	}
	return hunk_body(c, h, err);
}

int diff_parse(const char *text, int strip, struct patch *p, char **err)
{
	struct cursor c = { text, 0 };
	char *line;
	int ret = 0;

	while (!ret && (line = next_line(&c))) {
		ret = parse_line(&c, line, strip, p, err);
		free(line);
	}
	return ret;
}

const char *patch_set_subject(const struct patch_set *ps)
{
	if (ps->cover && ps->cover->subject)
		return ps->cover->subject;
	return ps->nr && ps->patches[0].subject ? ps->patches[0].subject : NULL;
}

void patch_free(struct patch *p)
{
	size_t i, j, k;

	for (i = 0; i < p->nr_files; i++) {
		struct file_diff *fd = &p->files[i];

		for (j = 0; j < fd->nr_hunks; j++) {
			for (k = 0; k < fd->hunks[j].nr_lines; k++)
				free(fd->hunks[j].lines[k].text);
			free(fd->hunks[j].lines);
		}
		free(fd->hunks);
		free(fd->old_path);
		free(fd->new_path);
		free(fd->old_blob);
	}
	free(p->files);
	free(p->subject);
	free(p->message_id);
	free(p->author_name);
	free(p->author_email);
	free(p->to);
	free(p->cc);
	free(p->references);
	free(p->text);
	memset(p, 0, sizeof(*p));
}

void patch_set_free(struct patch_set *ps)
{
	size_t i;

	for (i = 0; i < ps->nr; i++)
		patch_free(&ps->patches[i]);
	free(ps->patches);
	if (ps->cover)
		patch_free(ps->cover);
	free(ps->cover);
	memset(ps, 0, sizeof(*ps));
}
