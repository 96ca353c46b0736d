// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reading patch mail with git's own tools, as git am does: git mailsplit
 * cuts an mbox (git's "From <sha>" separators, or lore's mboxrd with its
 * ">From" quoting undone) or a bare mail into messages, and git mailinfo
 * decodes each one (base64, quoted-printable, RFC 2047 headers, charsets
 * to UTF-8) into its author, subject and diff.  Only the headers git does
 * not hand back (Message-Id, To, Cc, References) are read here, from the
 * message's header block.  Everything that reaches a report passes
 * text_printable(), so a header cannot carry a line break into a reply.
 * A bare diff that git would pass through unchanged skips both tools.
 */
#define _GNU_SOURCE	/* strchrnul() */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/quote.h"
#include "lib/tmpdir.h"
#include "lib/util.h"
#include "review/review.h"

/* A temporary directory for one parse, removed by mail_dir_free(). */
struct mail_dir {
	char *dir;
	char *input, *split, *info, *msg, *diff;
};

static int mail_dir_init(struct mail_dir *m, char **err)
{
	memset(m, 0, sizeof(*m));
	m->dir = tmpdir_subdir("mail");
	if (!m->dir) {
		*err = xasprintf("cannot create a temporary directory: %s",
				 strerror(errno));
		return -1;
	}
	m->input = path_join(m->dir, "input");
	m->split = path_join(m->dir, "split");
	m->info = path_join(m->dir, "info");
	m->msg = path_join(m->dir, "msg");
	m->diff = path_join(m->dir, "diff");
	if (!mkdir(m->split, 0700))
		return 0;
	*err = xasprintf("cannot create %s: %s", m->split, strerror(errno));
	return -1;
}

static void mail_dir_free(struct mail_dir *m)
{
	if (m->dir)
		tmpdir_remove_tree(m->dir);
	free(m->dir);
	free(m->input);
	free(m->split);
	free(m->info);
	free(m->msg);
	free(m->diff);
}

static int write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	size_t len = strlen(text);
	int ret;

	if (!f)
		return -1;
	ret = fwrite(text, 1, len, f) == len ? 0 : -1;
	return fclose(f) || ret ? -1 : 0;
}

/*
 * git mailsplit: the number of messages.  lore's mboxes say that they
 * are mboxrd in their first separator; git's own are plain mbox.
 */
static int split(const struct mail_dir *m, const char *text, size_t *nr,
		 char **err)
{
	char *out = xasprintf("-o%s", m->split), *count = NULL;
	char *countfile = path_join(m->dir, "count");
	const char *argv[7] = { "git", "mailsplit", "-b", out, m->input };
	size_t len;
	int ret = -1;

	if (str_starts_with(text, "From mboxrd@z ")) {
		argv[4] = "--mboxrd";
		argv[5] = m->input;
	}
	if (write_text(m->input, text)) {
		*err = xasprintf("cannot write %s: %s", m->input, strerror(errno));
	} else if (review_run(argv, m->dir, NULL, countfile, NULL)) {
		*err = xstrdup("git mailsplit cannot cut the input into messages");
	} else {
		count = read_file(countfile, &len);
		ret = count ? 0 : -1;
		if (!count)
			*err = xstrdup("git mailsplit printed no message count");
	}
	*nr = count ? strtoul(count, NULL, 10) : 0;
	unlink(countfile);
	free(countfile);
	free(count);
	free(out);
	return ret;
}

/* The value of "Name: value" in git mailinfo's output, or NULL. */
static char *info_field(const char *info, const char *name)
{
	size_t n = strlen(name);
	const char *p = info, *value, *end;
	char *raw, *printable;

	for (; *p && *p != '\n'; p = *end ? end + 1 : end) {
		end = strchrnul(p, '\n');
		if (strncmp(p, name, n) || p[n] != ':' || p[n + 1] != ' ')
			continue;
		value = p + n + 2;
		if (value == end)
			return NULL;
		raw = xstrndup(value, end - value);
		printable = text_printable(raw);
		free(raw);
		return printable;
	}
	return NULL;
}

/* A header line "Name: value": the length of its name, or 0. */
static size_t header_name_len(const char *line)
{
	size_t n = 0;

	while (line[n] > ' ' && line[n] < 0x7f && line[n] != ':')
		n++;
	return line[n] == ':' ? n : 0;
}

/*
 * The unfolded value of header name in the header block of a message
 * (which mailsplit may start with its "From " line), or NULL.
 */
static char *raw_header(const char *mail, const char *name)
{
	const char *p = mail, *end;
	char *value = NULL, *line, *printable;
	size_t n;

	if (str_starts_with(p, "From "))
		p = strchrnul(p, '\n') + (strchr(p, '\n') ? 1 : 0);
	for (; *p && *p != '\n' && !(p[0] == '\r' && p[1] == '\n');
	     p = *end ? end + 1 : end) {
		end = strchrnul(p, '\n');
		line = xstrndup(p, end - p);
		n = header_name_len(line);
		if (value && (line[0] == ' ' || line[0] == '\t')) {
			str_append(&value, xasprintf(" %s", line + strspn(line, " \t")));
		} else if (value) {
			free(line);
			break;
		} else if (!n && line[0] != ' ' && line[0] != '\t') {
			free(line);
			break;	/* not a header block: a bare diff */
		} else if (n == strlen(name) && !strncasecmp(line, name, n)) {
			value = xstrdup(line + n + 1 + strspn(line + n + 1, " \t"));
		}
		free(line);
	}
	if (!value)
		return NULL;
	printable = text_printable(value);
	free(value);
	return printable;
}

/* A cover letter: "[PATCH 0/3]", "[RFC PATCH v2 00/12]", ... */
static bool is_cover(const char *subject)
{
	const char *open = subject ? strchr(subject, '[') : NULL;
	const char *close = open ? strchr(open, ']') : NULL;
	const char *slash = close ? memchr(open, '/', close - open) : NULL;
	const char *p = slash;

	if (!slash)
		return false;
	while (p > open + 1 && p[-1] == '0')
		p--;
	return p != slash && (p[-1] == ' ' || p[-1] == '[') &&
	       isdigit((unsigned char)slash[1]);
}

/* The mail fields of p from the message and git mailinfo's output. */
static void mail_fields(struct patch *p, const char *mail, const char *info)
{
	p->subject = info_field(info, "Subject");
	p->author_name = info_field(info, "Author");
	p->author_email = info_field(info, "Email");
	p->message_id = raw_header(mail, "Message-Id");
	p->to = raw_header(mail, "To");
	p->cc = raw_header(mail, "Cc");
	p->references = raw_header(mail, "References");
}

static char *patch_name(const struct patch *p)
{
	return p->subject ? xasprintf("patch '%s'", p->subject) :
	       xstrdup("input");
}

int patch_set_add(struct patch_set *ps, const char *mail, const char *info,
		  const char *diff, char **err)
{
	struct patch p = { .index = ps->nr + 1 };
	char *name, *msgerr = NULL;
	int ret = -1;

	mail_fields(&p, mail, info);
	p.text = xstrdup(diff);
	name = patch_name(&p);
	if (diff_parse(p.text, 1, &p, &msgerr)) {
		*err = xasprintf("%s: %s", name, msgerr);
	} else if (!p.nr_files && is_cover(p.subject) && !ps->cover) {
		ps->cover = xmalloc(sizeof(*ps->cover));
		*ps->cover = p;
		memset(&p, 0, sizeof(p));
		ret = 0;
	} else if (!p.nr_files) {
		*err = xasprintf("%s: no file diffs found", name);
	} else {
		*ARRAY_PUSH(ps->patches, ps->nr, ps->alloc) = p;
		memset(&p, 0, sizeof(p));
		ret = 0;
	}
	free(name);
	free(msgerr);
	patch_free(&p);
	return ret;
}

/* git mailinfo on message n, then patch_set_add(). */
static int read_message(const struct mail_dir *m, size_t n,
			struct patch_set *ps, char **err)
{
	const char *argv[8] = { "git", "mailinfo", "-k", "-u", "--no-scissors",
				m->msg, m->diff };
	char *file = xasprintf("%s/%04zu", m->split, n);
	char *mail, *info = NULL, *diff = NULL;
	size_t len;
	int ret = -1;

	mail = read_file(file, &len);
	if (mail && !review_run(argv, m->dir, file, m->info, NULL)) {
		info = read_file(m->info, &len);
		diff = read_file(m->diff, &len);
	}
	if (info && diff)
		ret = patch_set_add(ps, mail, info, diff, err);
	else
		*err = xasprintf("message %zu: git mailinfo cannot read it", n);
	free(mail);
	free(info);
	free(diff);
	free(file);
	return ret;
}

/*
 * A bare diff, as diff -u or git diff print it, that git mailsplit and
 * git mailinfo would hand back byte for byte with no mail field: its
 * first line is no mail header and is where mailinfo sees the patch
 * start ("diff -", or "--- " and a name); that line is plain ASCII
 * without trailing white space (mailinfo trims it); no line ends in CR
 * (mailsplit strips it) or starts an mbox message ("From "); the last
 * line ends.  Such input skips the two processes, some 10 ms of a
 * review; anything else goes to git.
 */
static bool bare_diff(const char *text)
{
	const char *eol = strchr(text, '\n'), *p;
	size_t len = strlen(text);

	if (!str_starts_with(text, "diff -") &&
	    !(str_starts_with(text, "--- ") && !isspace((unsigned char)text[4])))
		return false;
	if (!eol || isspace((unsigned char)eol[-1]) || text[len - 1] != '\n' ||
	    strchr(text, '\r') || strstr(text, "\nFrom "))
		return false;
	for (p = text; p < eol; p++)
		if (!isprint((unsigned char)*p) && *p != '\t')
			return false;
	return true;
}

/* Mail, an mbox or anything else: through git mailsplit and mailinfo. */
static int parse_mail(const char *text, struct patch_set *ps, char **err)
{
	struct mail_dir m;
	size_t nr = 0, i;
	int ret;

	ret = mail_dir_init(&m, err);
	if (!ret)
		ret = split(&m, text, &nr, err);
	for (i = 1; !ret && i <= nr; i++)
		ret = read_message(&m, i, ps, err);
	mail_dir_free(&m);
	return ret;
}

int patch_set_parse(const char *text, struct patch_set *ps, char **err)
{
	int ret;

	memset(ps, 0, sizeof(*ps));
	if (bare_diff(text))
		ret = patch_set_add(ps, text, "", text, err);
	else
		ret = parse_mail(text, ps, err);
	if (!ret && !ps->nr) {
		*err = xstrdup("no file diffs found in the input");
		ret = -1;
	}
	return ret;
}
