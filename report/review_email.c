// SPDX-License-Identifier: GPL-2.0-only
/*
 * The review as replies to the patches, in the kernel test robot's
 * layout: threaded under the patch that added the findings (In-Reply-To,
 * References), to its author, Cc the lists it went to; "Hi <name>,", the
 * Reported-by:/Closes: tags a fix can credit, "cocci warnings: (new ones
 * prefixed by >>)" with the lines exactly as make coccicheck prints them,
 * the code around each new one as "vim +line file" shows it, and the fix.
 * One reply per patch with new findings; several make an mbox that
 * git send-email and mail clients read.  Markdown is one document with
 * the same text, for forges.
 */
#define _GNU_SOURCE	/* open_memstream() */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "classify/classify.h"
#include "lib/hash.h"
#include "lib/quote.h"
#include "lib/util.h"
#include "lib/wrap.h"
#include "report/internal.h"
#include "review/review.h"

#define QUOTE_BEFORE	4	/* lines quoted around a new finding */
#define QUOTE_AFTER	3
#define DEFAULT_REPORTER "ptsync <ptsync@localhost>"
#define MBOX_FROM	"From ptsync Thu Jan  1 00:00:00 1970"

struct style {
	bool md;
	const char *open, *open_c, *open_diff, *close;
};

/* The items one reply lists, and the patch it answers (NULL: none). */
struct reply {
	const struct review *r;
	const struct patch *patch;
	bool all;		/* the series as one: every finding */
	bool *listed;		/* per item */
	size_t nr_new, nr_listed;
};

static void fence(FILE *out, const char *open)
{
	if (open)
		fprintf(out, "%s\n", open);
}

static bool is_listed_new(const struct reply *rp, size_t i)
{
	return rp->listed[i] && rp->r->items[i].is_new &&
	       (rp->all || rp->r->items[i].patch == rp->patch);
}

/* Every arch variant the reply's new (or, when none, any) finding skips. */
static char *exposed_arches(const struct reply *rp)
{
	const struct review *r = rp->r;
	const struct finding **fs = xcalloc(r->nr_items + 1, sizeof(*fs));
	char *all;
	size_t i, nr = 0;

	for (i = 0; i < r->nr_items; i++)
		if (rp->listed[i] && (!rp->nr_new || is_listed_new(rp, i)))
			fs[nr++] = r->items[i].f;
	all = exposed_on(&r->post.model, fs, nr, "()");
	free(fs);
	if (!*all) {
		free(all);
		return NULL;
	}
	return all;
}

static void explanation(FILE *out, const struct reply *rp)
{
	char *arches = exposed_arches(rp), *why;

	if (!rp->nr_listed) {
		fputs("ptsync found no raw pgd/p4d_populate() calls on init_mm in the files this patch touches.\n\n",
		      out);
		free(arches);
		return;
	}
	why = xasprintf("ptsync noticed %zu new and %zu old call%s on init_mm that populate a top-level entry without the sync (pgd/p4d_populate(), p4d/pud_alloc()) in the files this patch touches (%zu before the series).",
			rp->nr_new, rp->nr_listed - rp->nr_new,
			report_plural(rp->nr_listed), rp->r->nr_pre);
	put_wrapped(out, why);
	fputc('\n', out);
	free(why);
	why = rule_why("pgd_populate() and p4d_populate()");
	str_append(&why, xstrdup("  Use pgd_populate_kernel() and p4d_populate_kernel() from <linux/pgalloc.h>, which sync when needed."));
	put_wrapped(out, why);
	fputc('\n', out);
	free(why);
	if (arches)
		fprintf(out, "The %s calls skip a needed sync on: %s.\n\n",
			rp->nr_new ? "new" : "old", arches);
	free(arches);
}

/*
 * The robot's lines naming the patch: its lore link (Message-Id with
 * the characters a URL path cannot hold percent-encoded) and subject.
 */
static void patch_lines(FILE *out, const struct reply *rp)
{
	const struct patch *p = rp->patch;
	const char *c;

	if (!p || rp->all)
		return;
	if (p->message_id) {
		fputs("patch link:    https://lore.kernel.org/r/", out);
		for (c = p->message_id; *c; c++)
			if (*c == '<' || *c == '>')
				continue;
			else if (strchr("%/?#@ \"", *c))
				fprintf(out, "%%%02X", (unsigned char)*c);
			else
				fputc(*c, out);
		fputc('\n', out);
	}
	if (p->subject)
		fprintf(out, "patch subject: %s\n", p->subject);
	if (p->message_id || p->subject)
		fputc('\n', out);
}

/* The robot's block of tags, which a fix in a separate patch carries. */
static void tags_block(FILE *out, const struct reply *rp)
{
	const struct review *r = rp->r;

	if (!rp->nr_new)
		return;
	fputs("If you fix the issue in a separate patch/commit (i.e. not just a new version of\n"
	      "the same patch/commit), kindly add following tags\n", out);
	fprintf(out, "| Reported-by: %s\n",
		r->reported_by ? r->reported_by : DEFAULT_REPORTER);
	if (r->closes_url)
		fprintf(out, "| Closes: %s\n", r->closes_url);
	fputc('\n', out);
}

static void warnings_block(FILE *out, const struct reply *rp,
			   const struct style *s)
{
	const struct review *r = rp->r;
	char *line;
	size_t i;

	if (!rp->nr_listed)
		return;
	fputs(s->md ? "**cocci warnings:** (new ones prefixed by `>>`)\n" :
	      "cocci warnings: (new ones prefixed by >>)\n", out);
	fence(out, s->open);
	for (i = 0; i < r->nr_items; i++) {
		if (!rp->listed[i])
			continue;
		line = finding_cocci_line(r->items[i].f);
		fprintf(out, "%s%s\n", is_listed_new(rp, i) ? ">> " : "   ", line);
		free(line);
	}
	fence(out, s->close);
	fputc('\n', out);
}

/* The call sites that prove the address, one line each, as gcc notes. */
static void proof(FILE *out, const struct finding *f, const struct style *s)
{
	size_t i;

	if (!f->nr_proof)
		return;
	fputs("The address is proved by the callers:\n\n", out);
	fence(out, s->open);
	for (i = 0; i < f->nr_proof; i++)
		fprintf(out, "%s:%d: note: address proved by the callers: %s\n",
			f->proof[i].file, f->proof[i].line, f->proof[i].text);
	fence(out, s->close);
	fputc('\n', out);
}

/* The patched lines around a new finding: ">" marks it, "+" added lines. */
static void quote(FILE *out, const struct review *r,
		  const struct review_item *it, const struct style *s)
{
	const struct finding *f = it->f;
	int n = f->line > QUOTE_BEFORE ? f->line - QUOTE_BEFORE : 1;
	char *line;

	fprintf(out, s->md ? "`vim +%d %s`\n\n" : "vim +%d %s\n\n", f->line,
		f->file);
	fence(out, s->open_c);
	for (; n <= f->line + QUOTE_AFTER; n++) {
		line = review_file_line(r->post_root, f->file, n);
		if (!line)
			break;
		fprintf(out, "%c %5d\t%s\n", n == f->line ? '>' :
			review_is_added(r, f->file, n) ? '+' : ' ', n, line);
		free(line);
	}
	fence(out, s->close);
	fputc('\n', out);
	proof(out, f, s);
}

static bool reply_wants(const struct review *r, size_t k, const void *data)
{
	return is_listed_new(data, k);
}

/* The rewrites of the reply's new findings, as one diff. */
static void fix_block(FILE *out, const struct reply *rp, const struct style *s)
{
	const struct review *r = rp->r;
	char *fix;
	size_t i;

	for (i = 0; r->no_helpers && i < r->nr_items; i++)
		if (is_listed_new(rp, i) &&
		    !strcmp(r->items[i].f->rule, RULE_CONVERT))
			break;
	if (r->no_helpers && i < r->nr_items) {
		fputs("No fix is proposed: this tree does not define pgd_populate_kernel()\n"
		      "and p4d_populate_kernel() (include/linux/pgalloc.h, added in v6.17\n"
		      "and its stable backports). Sync after the call where the\n"
		      "architecture needs it, or add the helpers first.\n\n", out);
		return;
	}
	fix = review_fix_of(r, reply_wants, rp);
	if (!fix)
		return;
	fputs(s->md ? "**Suggested fix** (generated by the semantic patch populate_kernel.cocci):\n\n" :
	      "Suggested fix, generated by the semantic patch populate_kernel.cocci:\n\n",
	      out);
	fence(out, s->open_diff);
	fputs(fix, out);
	fence(out, s->close);
	fputc('\n', out);
	free(fix);
}

static void body(FILE *out, const struct reply *rp, const struct style *s)
{
	const char *name = rp->patch ? rp->patch->author_name : NULL;
	size_t i;

	if (name && *name)
		fprintf(out, "Hi %s,\n\n", name);
	else
		fputs("Hi,\n\n", out);
	explanation(out, rp);
	patch_lines(out, rp);
	tags_block(out, rp);
	warnings_block(out, rp, s);
	for (i = 0; i < rp->r->nr_items; i++)
		if (is_listed_new(rp, i))
			quote(out, rp->r, &rp->r->items[i], s);
	fix_block(out, rp, s);
}

/* Whether patch p names path as a file it changes. */
static bool touches(const struct patch *p, const char *path)
{
	size_t i;

	for (i = 0; i < p->nr_files; i++)
		if (p->files[i].new_path && !strcmp(p->files[i].new_path, path))
			return true;
	return false;
}

/*
 * A reply to p lists the findings in the files p touches, or with all
 * (the series as one) every finding.
 */
static void reply_init(struct reply *rp, const struct review *r,
		       const struct patch *p, bool all)
{
	size_t i;

	memset(rp, 0, sizeof(*rp));
	rp->r = r;
	rp->patch = p;
	rp->all = all;
	rp->listed = xcalloc(r->nr_items + 1, sizeof(*rp->listed));
	for (i = 0; i < r->nr_items; i++) {
		rp->listed[i] = all || touches(p, r->items[i].f->file);
		rp->nr_listed += rp->listed[i];
		rp->nr_new += is_listed_new(rp, i);
	}
}

/* "Name <addr>" for a header: the name quoted or RFC 2047 encoded. */
static char *mailbox(const char *name, const char *addr, int column)
{
	bool ascii = true, special = false;
	const char *c;
	char *phrase, *out;

	if (!name || !*name)
		return xasprintf("<%s>", addr);
	for (c = name; *c; c++) {
		ascii &= (unsigned char)*c < 0x80;
		special |= !!strchr("()<>[]:;@\\,.\"", *c);
	}
	if (!ascii) {
		phrase = header_encode(name, column);
	} else if (special) {
		phrase = xstrdup("\"");
		for (c = name; *c; c++)
			str_append(&phrase, xasprintf("%s%c",
				   *c == '"' || *c == '\\' ? "\\" : "", *c));
		str_append(&phrase, xstrdup("\""));
	} else {
		phrase = xstrdup(name);
	}
	out = xasprintf("%s <%s>", phrase, addr);
	free(phrase);
	return out;
}

/* name: value, folded at the spaces after commas or between ids. */
static void header(FILE *out, const char *name, const char *value)
{
	size_t col = fprintf(out, "%s:", name), len;
	const char *p = value;

	while (*p) {
		len = strcspn(p + 1, " ") + 1;
		if (col + len > 78 && p != value && *p == ' ') {
			fputs("\n", out);
			col = 0;
		}
		col += fwrite(p == value ? " " : "", 1, p == value, out);
		col += fwrite(p, 1, len, out);
		p += len;
	}
	fputc('\n', out);
}

/* A stable Message-Id for the reply, from the patch it answers. */
static char *reply_id(const struct patch *p, const char *reporter)
{
	const char *at = strrchr(reporter, '@');
	uint64_t h = hash_str(HASH_INIT, p->message_id);
	char *domain, *id;

	domain = xstrndup(at ? at + 1 : "localhost",
			  at ? strcspn(at + 1, ">") : strlen("localhost"));
	id = xasprintf("<ptsync-review-%016llx@%s>", (unsigned long long)h,
		       domain);
	free(domain);
	return id;
}

static void threading(FILE *out, const struct patch *p, const char *reporter)
{
	char *refs, *id;

	if (!p->message_id)
		return;
	id = reply_id(p, reporter);
	header(out, "Message-Id", id);
	header(out, "In-Reply-To", p->message_id);
	refs = p->references ? xasprintf("%s %s", p->references, p->message_id) :
	       xstrdup(p->message_id);
	header(out, "References", refs);
	free(refs);
	free(id);
}

/*
 * A plain diff is no mail to answer: the subject says what the robot's
 * does, the first new warning.
 */
static char *plain_subject(const struct review *r)
{
	char *line, *subject;
	size_t i;

	for (i = 0; i < r->nr_items; i++)
		if (r->items[i].is_new) {
			line = finding_cocci_line(r->items[i].f);
			subject = header_encode(line, strlen("Subject: "));
			free(line);
			return subject;
		}
	return xstrdup("ptsync review: no new raw pgd/p4d_populate() calls on init_mm");
}

/* The headers of a reply to p (NULL: a plain diff, no one to answer). */
static void headers(FILE *out, const struct review *r, const struct patch *p,
		    const char *text)
{
	const char *reporter = r->reported_by ? r->reported_by : DEFAULT_REPORTER;
	const char *subject = p && p->subject ? p->subject : patch_set_subject(r->ps);
	char *value;

	fprintf(out, "%s\n", MBOX_FROM);
	header(out, "From", reporter);
	if (p && p->author_email) {
		value = mailbox(p->author_name, p->author_email, 4);
		header(out, "To", value);
		free(value);
	}
	if (p && (p->to || p->cc)) {
		value = xasprintf("%s%s%s", p->to ? p->to : "",
				  p->to && p->cc ? ", " : "", p->cc ? p->cc : "");
		header(out, "Cc", value);
		free(value);
	}
	if (subject) {
		value = header_encode(subject, strlen("Subject: Re: "));
		fprintf(out, "Subject: Re: %s\n", value);
	} else {
		value = plain_subject(r);
		fprintf(out, "Subject: %s\n", value);
	}
	free(value);
	if (p)
		threading(out, p, reporter);
	fputs("MIME-Version: 1.0\n", out);
	fprintf(out, "Content-Type: text/plain; charset=%s\n",
		text_is_ascii(text) ? "us-ascii" : "UTF-8");
	fprintf(out, "Content-Transfer-Encoding: %s\n\n",
		text_is_ascii(text) ? "7bit" : "8bit");
}

/*
 * One mail: the body is made first, so that the headers can say its
 * charset.  A body line starting with "From " would end the message in
 * an mbox: it is quoted as mboxrd does.
 */
static void mail(FILE *out, const struct reply *rp)
{
	static const struct style text = { false, NULL, NULL, NULL, NULL };
	char *buf = NULL, *p, *nl;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (!f)
		return;
	body(f, rp, &text);
	fprintf(f, "--%c\nptsync review\n", ' ');
	fclose(f);
	headers(out, rp->r, rp->patch, buf);
	for (p = buf; *p; p = nl + 1) {
		nl = strchrnul(p, '\n');
		if (str_starts_with(p + strspn(p, ">"), "From "))
			fputc('>', out);
		fwrite(p, 1, nl - p + !!*nl, out);
		if (!*nl)
			break;
	}
	fputc('\n', out);
	free(buf);
}

static int markdown(FILE *out, const struct review *r)
{
	static const struct style md = {
		true, "```text", "```c", "```diff", "```",
	};
	const char *subject = patch_set_subject(r->ps);
	struct reply rp;

	reply_init(&rp, r, NULL, true);
	fprintf(out, "### Re: %s\n\n", subject ? subject : "your patch");
	body(out, &rp, &md);
	fputs("---\n*ptsync review*\n", out);
	free(rp.listed);
	return report_finish(out);
}

/* The patch the series-wide reply answers: the cover letter, or the first. */
static const struct patch *series_head(const struct patch_set *ps)
{
	return ps->cover ? ps->cover : ps->nr ? &ps->patches[0] : NULL;
}

int review_email(FILE *out, const struct review *r, bool md)
{
	struct reply rp;
	size_t i;

	if (md)
		return markdown(out, r);
	for (i = 0; i < r->ps->nr; i++) {
		reply_init(&rp, r, &r->ps->patches[i], false);
		if (rp.nr_new)
			mail(out, &rp);
		free(rp.listed);
	}
	if (!r->nr_new) {
		/* Nothing new: one reply to the series says what is there. */
		reply_init(&rp, r, series_head(r->ps), true);
		mail(out, &rp);
		free(rp.listed);
	}
	return report_finish(out);
}
