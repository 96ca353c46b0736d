// SPDX-License-Identifier: GPL-2.0-only
/*
 * The architecture model, read from arch/<a> of a kernel tree.
 *
 * A variant's condition is the #if stack around its ARCH_PAGE_TABLE_SYNC_MASK
 * define, preceded by the condition under which the defining header is
 * included.  That include condition is found in arch/<a>/include only:
 * for each header there that includes ours, the #if stack at the include
 * line joined with that header's own include condition, recursively (at
 * most MAX_INCLUDE_DEPTH deep, a cycle ends a chain).  A header that no
 * arch header includes is included by generic code, unconditionally.
 * When several includers bring a header in, any unconditional one makes
 * it unconditional; otherwise the distinct conditions are sorted and
 * joined as "(a || b)".
 *
 * Hooks (definitions of arch_sync_kernel_mappings()) take the #if stack of
 * their file, and a heuristic for files built only in some configurations:
 * a file named *_64.c or *_32.c is taken as built under CONFIG_64BIT or
 * !CONFIG_64BIT (the kernel-wide convention that Makefiles select with
 * $(BITS)), and a file the Makefile beside it adds with
 * "obj-$(CONFIG_FOO) += name.o" gets CONFIG_FOO.  cond_compatible()
 * knows the bitness aliases, so x86's "CONFIG_X86_32" excludes *_64.c.
 *
 * Folds are the includes of asm-generic/pgtable-no{p4d,pud,pmd}.h in
 * arch/<a>/include, with the same include-chain condition.  A folding
 * header that includes another (nopmd includes nopud includes nop4d, as
 * read from include/asm-generic) records each implied fold as its own
 * entry at the same place.  A fold goes with a variant when the
 * conditions are compatible and, when the fold is chosen by a comparison
 * on CONFIG_PGTABLE_LEVELS, some value the arch's Kconfig allows for the
 * variant satisfies it.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arches/arches.h"
#include "arches/generic.h"
#include "arches/inputs.h"
#include "lib/cond.h"
#include "arches/source.h"
#include "lib/kernel_facts.h"
#include "lib/util.h"

#define MAX_INCLUDE_DEPTH 8
#define SYNC_MASK "ARCH_PAGE_TABLE_SYNC_MASK"
#define HOOK_NAME KF_SYNC_HOOK

static const struct {
	const char *name;	/* as included from arch code */
	unsigned int level;
} fold_headers[] = {
	{ "asm-generic/pgtable-nop4d.h", MASK_P4D },
	{ "asm-generic/pgtable-nopud.h", MASK_PUD },
	{ "asm-generic/pgtable-nopmd.h", MASK_PMD },
};

#define NR_FOLD_HEADERS ARRAY_SIZE(fold_headers)

struct header {
	char *path;		/* "arch/x86/include/asm/page.h" */
	char *key;		/* "asm/page.h", as <...> names it */
	char *text;		/* comments stripped */
	char *cond;		/* include condition, once known */
	bool visiting;
};

/* A definition of the mask, before its include condition is known. */
struct define {
	struct header *hdr;	/* NULL outside arch/<a>/include */
	char *file;
	int line;
	char *cond;
	char *expr;
};

struct arch_scan {
	const char *root;
	const char *arch;
	const struct generic_asm *generic;	/* included by generic code */
	unsigned int implied[NR_FOLD_HEADERS];	/* levels each header folds */
	struct header *hdrs;
	size_t nr_hdrs, alloc_hdrs;
	struct define *defs;
	size_t nr_defs, alloc_defs;
	struct arch_fold *folds;
	size_t nr_folds, alloc_folds;
	struct arch_hook *hooks;
	size_t nr_hooks, alloc_hooks;
	struct arch_hook *hand_syncs;	/* definitions of sync_global_pgds() */
	size_t nr_hand_syncs, alloc_hand_syncs;
	char **files;		/* .c and .h under arch/<a>, sorted */
	size_t nr_files, alloc_files;
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_source(const char *name)
{
	return str_ends_with(name, ".c") || str_ends_with(name, ".h");
}

/*
 * Collect .c and .h files below rel (relative to root); symlinks are not
 * followed, so the walk cannot loop.
 */
static void walk(struct arch_scan *s, const char *rel)
{
	DIR *d = arch_input_dir(s->root, rel);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d))) {
		char *sub;
		unsigned char type = e->d_type;

		if (e->d_name[0] == '.')
			continue;
		sub = path_join(rel, e->d_name);
		if (type == DT_UNKNOWN) {
			char *full = path_join(s->root, sub);
			struct stat st;

			if (!lstat(full, &st))
				type = S_ISDIR(st.st_mode) ? DT_DIR :
				       S_ISREG(st.st_mode) ? DT_REG :
				       DT_UNKNOWN;
			free(full);
		}
		if (type == DT_DIR)
			walk(s, sub);
		if (type == DT_REG && is_source(e->d_name))
			*ARRAY_PUSH(s->files, s->nr_files,
				    s->alloc_files) = sub;
		else
			free(sub);
	}
	closedir(d);
}

static char *read_source(const struct arch_scan *s, const char *rel)
{
	char *full = path_join(s->root, rel), *text;
	size_t len;

	arch_input(full);
	text = read_file(full, &len);
	free(full);
	if (text)
		src_strip_comments(text, len);
	return text;
}

/* Normalise "a/./b/../c" to "a/c"; the result is a fresh string. */
static char *normalise_path(const char *p)
{
	char *out = xmalloc(strlen(p) + 1);
	size_t n = 0;

	while (*p) {
		const char *slash = strchr(p, '/');
		size_t len = slash ? (size_t)(slash - p) : strlen(p);

		if (len == 2 && !strncmp(p, "..", 2)) {
			while (n && out[--n] != '/')
				;
		} else if (len && !(len == 1 && *p == '.')) {
			if (n)
				out[n++] = '/';
			memcpy(out + n, p, len);
			n += len;
		}
		p += len + (slash ? 1 : 0);
	}
	out[n] = '\0';
	return out;
}

/* uapi headers are found by the same <asm/...> names as the others. */
static char *header_key(const char *name)
{
	char *n = normalise_path(name), *k;

	if (!str_starts_with(n, "uapi/"))
		return n;
	k = xstrdup(n + strlen("uapi/"));
	free(n);
	return k;
}

/* What an #include in header h names, as a key. */
static char *include_key(const struct header *h, const char *target,
			 bool quoted)
{
	const char *slash = strrchr(h->key, '/');
	char *joined, *k;

	if (!quoted || !slash)
		return header_key(target);
	joined = xasprintf("%.*s/%s", (int)(slash - h->key), h->key, target);
	k = header_key(joined);
	free(joined);
	return k;
}

/* What to do with each live line; fn returns false to stop early. */
struct line_visitor {
	bool (*fn)(void *ctx, const struct src_lines *it,
		   const struct cond_stack *cs);
	void *ctx;
};

/* Call the visitor for every live line, with the condition in force. */
static void visit_lines(const char *text, struct line_visitor v)
{
	struct cond_stack *cs = cond_stack_new();
	struct src_lines it;

	src_lines_init(&it, text);
	while (src_next_line(&it)) {
		if (cond_stack_directive(cs, it.line) || cond_stack_dead(cs))
			continue;
		if (!v.fn(v.ctx, &it, cs))
			break;
	}
	src_lines_release(&it);
	cond_stack_free(cs);
}

static char *header_cond(struct arch_scan *s, struct header *h, int depth);

struct includer_ctx {
	struct arch_scan *s;
	struct header *from, *target;
	int depth;
	char **conds;
	size_t nr, alloc;
	bool unconditional;
};

static bool includer_line(void *p, const struct src_lines *it,
			  const struct cond_stack *cs)
{
	struct includer_ctx *c = p;
	char *target, *key, *up, *here, *all;
	bool quoted;
	size_t i;

	target = src_include_target(it->line, &quoted);
	if (!target)
		return true;
	key = include_key(c->from, target, quoted);
	free(target);
	if (strcmp(key, c->target->key)) {
		free(key);
		return true;
	}
	free(key);
	up = header_cond(c->s, c->from, c->depth + 1);
	if (!up)
		return true;	/* a cycle: this chain adds nothing */
	here = cond_stack_render(cs);
	all = cond_and(up, here);
	free(here);
	if (!*all) {
		free(all);
		c->unconditional = true;
		return false;
	}
	for (i = 0; i < c->nr; i++)
		if (!strcmp(c->conds[i], all))
			break;
	if (i < c->nr)
		free(all);
	else
		*ARRAY_PUSH(c->conds, c->nr, c->alloc) = all;
	return true;
}

/* Is conds[i] redundant next to a weaker alternative ("A && B" || "A")? */
static bool absorbed(char **conds, size_t nr, size_t i)
{
	size_t j;

	for (j = 0; j < nr; j++)
		if (j != i && cond_implies(conds[i], conds[j]) &&
		    (j < i || !cond_implies(conds[j], conds[i])))
			return true;
	return false;
}

static char *join_alternatives(char **conds, size_t nr)
{
	char *res = NULL, *t;
	size_t i, kept = 0;

	if (nr)
		qsort(conds, nr, sizeof(*conds), cmp_str);
	for (i = 0; i < nr; i++) {
		if (absorbed(conds, nr, i))
			continue;
		t = res ? xasprintf("%s || %s", res, conds[i]) :
			  xstrdup(conds[i]);
		free(res);
		res = t;
		kept++;
	}
	if (kept < 2)
		return res ? res : xstrdup("");
	t = xasprintf("(%s)", res);
	free(res);
	return t;
}

/*
 * The condition under which h is included; NULL inside a cycle or too
 * deep.  The result belongs to h.
 */
static char *header_cond(struct arch_scan *s, struct header *h, int depth)
{
	struct includer_ctx c = { .s = s, .target = h, .depth = depth };
	const char *base = strrchr(h->key, '/');
	size_t i;

	if (h->cond)
		return h->cond;
	if (generic_asm_has(s->generic, h->key)) {
		h->cond = xstrdup("");	/* every build has it */
		return h->cond;
	}
	if (h->visiting || depth > MAX_INCLUDE_DEPTH)
		return NULL;
	base = base ? base + 1 : h->key;
	h->visiting = true;
	for (i = 0; i < s->nr_hdrs && !c.unconditional; i++) {
		c.from = &s->hdrs[i];
		if (c.from != h && strstr(c.from->text, base))
			visit_lines(c.from->text,
				    (struct line_visitor){ includer_line, &c });
	}
	h->visiting = false;
	h->cond = c.unconditional ? xstrdup("") :
		  join_alternatives(c.conds, c.nr);
	for (i = 0; i < c.nr; i++)
		free(c.conds[i]);
	free(c.conds);
	return h->cond;
}

struct file_ctx {
	struct arch_scan *s;
	struct header *hdr;	/* when the file is in arch/<a>/include */
	const char *file;
	const char *text;
	char *implied;		/* the file's build condition, for hooks */
	const char *hook;	/* the function whose definitions are sought */
	bool by_hand;		/* it syncs by hand (kf_sync_prefixes) */
};

static bool define_line(void *p, const struct src_lines *it,
			const struct cond_stack *cs)
{
	struct file_ctx *f = p;
	const char *d = src_directive(it->line), *body;
	struct define *def;
	char *expr;

	if (!d || strncmp(d, "define", 6))
		return true;
	d += 6;
	while (*d == ' ' || *d == '\t')
		d++;
	if (strncmp(d, SYNC_MASK, strlen(SYNC_MASK)))
		return true;
	body = d + strlen(SYNC_MASK);
	if (*body && *body != ' ' && *body != '\t')
		return true;	/* a longer name, or a function-like macro */
	expr = cond_normalise(body);
	if (!*expr) {
		free(expr);
		return true;
	}
	def = ARRAY_PUSH(f->s->defs, f->s->nr_defs, f->s->alloc_defs);
	def->hdr = f->hdr;
	def->file = xstrdup(f->file);
	def->line = it->lineno;
	def->cond = cond_stack_render(cs);
	def->expr = expr;
	return true;
}

static void add_fold(struct arch_scan *s, unsigned int level, const char *cond,
		     const char *file, int line)
{
	struct arch_fold *f = ARRAY_PUSH(s->folds, s->nr_folds, s->alloc_folds);

	f->level = level;
	f->condition = xstrdup(cond);
	f->file = xstrdup(file);
	f->line = line;
}

static bool fold_line(void *p, const struct src_lines *it,
		      const struct cond_stack *cs)
{
	struct file_ctx *f = p;
	char *target, *here, *cond;
	unsigned int levels = 0;
	bool quoted;
	size_t i;

	target = src_include_target(it->line, &quoted);
	if (!target)
		return true;
	for (i = 0; i < NR_FOLD_HEADERS; i++)
		if (!strcmp(target, fold_headers[i].name))
			levels = f->s->implied[i];
	free(target);
	if (!levels)
		return true;
	here = cond_stack_render(cs);
	cond = cond_and(header_cond(f->s, f->hdr, 0), here);
	free(here);
	/* Deepest level first: nopmd's own fold, then what it implies. */
	for (i = NR_FOLD_HEADERS; i-- > 0;)
		if (levels & fold_headers[i].level)
			add_fold(f->s, fold_headers[i].level, cond, f->file,
				 it->lineno);
	free(cond);
	return true;
}

/* "name(...) {" at text[pos]: a definition, not a call or prototype. */
static bool is_definition(const char *text, size_t pos, const char *name)
{
	const char *p = text + pos + strlen(name);
	int depth = 0;

	if (pos && (isalnum((unsigned char)text[pos - 1]) ||
		    text[pos - 1] == '_'))
		return false;
	while (*p == ' ' || *p == '\t' || *p == '\n')
		p++;
	if (*p != '(')
		return false;
	for (; *p; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')' && !--depth)
			break;
	}
	if (!*p)
		return false;
	for (p++; *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'; p++)
		;
	return *p == '{';
}

static bool hook_line(void *p, const struct src_lines *it,
		      const struct cond_stack *cs)
{
	struct file_ctx *f = p;
	struct arch_hook *h;
	const char *hit = strstr(it->line, f->hook);
	const char *raw = f->text + it->start;
	char *here, *up;

	if (!hit || src_directive(it->line))
		return true;
	/* Continuations aside, the joined line is the text it starts at. */
	raw = strstr(raw, f->hook);
	if (!raw || !is_definition(f->text, raw - f->text, f->hook))
		return true;
	here = cond_stack_render(cs);
	up = f->hdr ? header_cond(f->s, f->hdr, 0) : NULL;
	h = f->by_hand ? ARRAY_PUSH(f->s->hand_syncs, f->s->nr_hand_syncs,
				    f->s->alloc_hand_syncs) :
			 ARRAY_PUSH(f->s->hooks, f->s->nr_hooks,
				    f->s->alloc_hooks);
	h->file = xstrdup(f->file);
	h->line = it->lineno;
	h->condition = cond_and(up ? up : f->implied, here);
	free(here);
	return true;
}

/* "obj-$(CONFIG_FOO) += a.o name.o" in the Makefile beside file. */
static char *makefile_cond(const struct arch_scan *s, const char *file)
{
	const char *slash = strrchr(file, '/'), *base = slash + 1;
	char *mk = xasprintf("%s/%.*s/Makefile", s->root,
			     (int)(slash - file), file);
	char *obj = xasprintf("%.*s.o", (int)(strlen(base) - 2), base);
	char *text, *res = NULL;
	struct src_lines it;
	size_t len;

	arch_input(mk);
	text = read_file(mk, &len);
	free(mk);
	if (!text) {
		free(obj);
		return NULL;
	}
	src_lines_init(&it, text);
	while (!res && src_next_line(&it)) {
		const char *l = it.line, *o;
		size_t n = strlen(obj);

		while (*l == ' ' || *l == '\t')
			l++;
		if (!str_starts_with(l, "obj-$(CONFIG_"))
			continue;
		for (o = strstr(l, obj); o; o = strstr(o + 1, obj))
			if ((o[-1] == ' ' || o[-1] == '\t' || o[-1] == '=') &&
			    (!o[n] || o[n] == ' ' || o[n] == '\t'))
				break;
		if (o)
			res = xstrndup(l + 6, strcspn(l + 6, ")"));
	}
	src_lines_release(&it);
	free(text);
	free(obj);
	return res;
}

const char *arch_file_bitness(const char *file)
{
	if (str_ends_with(file, "_64.c"))
		return KF_BITNESS;
	if (str_ends_with(file, "_32.c"))
		return "!" KF_BITNESS;
	return "";
}

/* The build condition a .c file's name and Makefile imply. */
static char *file_implied_cond(const struct arch_scan *s, const char *file)
{
	char *mk, *res;
	const char *bits;

	if (!str_ends_with(file, ".c"))
		return xstrdup("");
	bits = arch_file_bitness(file);
	mk = makefile_cond(s, file);
	res = cond_and(bits, mk);
	free(mk);
	return res;
}

/*
 * Which levels each folding header folds, itself and through the folding
 * headers it includes, as include/asm-generic says.  When the tree has no
 * include/asm-generic (a partial tree), each folds its own level.
 */
static void read_implied_folds(struct arch_scan *s)
{
	bool changed = true;
	size_t i, j;

	for (i = 0; i < NR_FOLD_HEADERS; i++) {
		char *rel = path_join("include", fold_headers[i].name);
		char *text = read_source(s, rel);
		struct src_lines it;
		bool quoted;

		free(rel);
		s->implied[i] = fold_headers[i].level;
		if (!text)
			continue;
		src_lines_init(&it, text);
		while (src_next_line(&it)) {
			char *t = src_include_target(it.line, &quoted);

			for (j = 0; t && j < NR_FOLD_HEADERS; j++)
				if (j != i && !strcmp(t, fold_headers[j].name))
					s->implied[i] |= 1u << (8 + j);
			free(t);
		}
		src_lines_release(&it);
		free(text);
	}
	/* Bits 8+j say "includes header j"; close over them. */
	while (changed) {
		changed = false;
		for (i = 0; i < NR_FOLD_HEADERS; i++) {
			for (j = 0; j < NR_FOLD_HEADERS; j++) {
				unsigned int old = s->implied[i];

				if (old & (1u << (8 + j)))
					s->implied[i] |= s->implied[j];
				changed |= old != s->implied[i];
			}
		}
	}
	for (i = 0; i < NR_FOLD_HEADERS; i++)
		s->implied[i] &= 0xff;
}

static struct header *find_header(struct arch_scan *s, const char *path)
{
	size_t lo = 0, hi = s->nr_hdrs;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(s->hdrs[mid].path, path);

		if (!c)
			return &s->hdrs[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/*
 * Keep the text of every header in arch/<a>/include: includers are
 * searched among them.
 */
static void load_headers(struct arch_scan *s, const char *inc)
{
	size_t i, n = strlen(inc);

	for (i = 0; i < s->nr_files; i++) {
		const char *f = s->files[i];
		struct header *h;
		char *text;

		if (strncmp(f, inc, n) || !str_ends_with(f, ".h"))
			continue;
		text = read_source(s, f);
		if (!text)
			continue;
		h = ARRAY_PUSH(s->hdrs, s->nr_hdrs, s->alloc_hdrs);
		memset(h, 0, sizeof(*h));
		h->path = xstrdup(f);
		h->key = header_key(f + n);
		h->text = text;
	}
}

/*
 * The definitions of arch_sync_kernel_mappings() in f, and of the
 * functions that sync top-level entries by hand (x86-64's
 * sync_global_pgds(), all it had before its mask named pgd and p4d).
 */
static void find_hooks(struct file_ctx *f)
{
	const char *const *p;

	f->implied = NULL;
	if (strstr(f->text, HOOK_NAME)) {
		f->implied = file_implied_cond(f->s, f->file);
		f->hook = HOOK_NAME;
		f->by_hand = false;
		visit_lines(f->text, (struct line_visitor){ hook_line, f });
	}
	for (p = kf_sync_prefixes; *p; p++) {
		if (!strstr(f->text, *p))
			continue;
		if (!f->implied)
			f->implied = file_implied_cond(f->s, f->file);
		f->hook = *p;
		f->by_hand = true;
		visit_lines(f->text, (struct line_visitor){ hook_line, f });
	}
	free(f->implied);
}

static void scan_file(struct arch_scan *s, const char *file)
{
	struct file_ctx f = { .s = s, .file = file };
	char *own = NULL;

	f.hdr = find_header(s, file);
	if (!f.hdr) {
		own = read_source(s, file);
		if (!own)
			return;	/* unreadable: nothing to learn from it */
	}
	f.text = f.hdr ? f.hdr->text : own;
	if (strstr(f.text, SYNC_MASK))
		visit_lines(f.text, (struct line_visitor){ define_line, &f });
	if (f.hdr && strstr(f.text, "pgtable-no"))
		visit_lines(f.text, (struct line_visitor){ fold_line, &f });
	find_hooks(&f);
	free(own);
}

static void copy_folds(struct arch_variant *v, const struct arch_scan *s,
		       unsigned int levels)
{
	size_t i, alloc = 0;

	for (i = 0; i < s->nr_folds; i++) {
		const struct arch_fold *f = &s->folds[i];
		struct arch_fold *d;

		if (!cond_compatible(v->condition, f->condition) ||
		    !levels_allow(levels, f->condition))
			continue;
		d = ARRAY_PUSH(v->folds, v->nr_folds, alloc);
		*d = *f;
		d->condition = xstrdup(f->condition);
		d->file = xstrdup(f->file);
	}
}

/* The hooks of from[0..nr) that can be built with v, into *to. */
static void copy_compatible(const struct arch_variant *v,
			    const struct arch_hook *from, size_t nr,
			    struct arch_hook **to, size_t *nr_to)
{
	size_t i, alloc = 0;

	for (i = 0; i < nr; i++) {
		const struct arch_hook *h = &from[i];
		struct arch_hook *d;

		if (!cond_compatible(v->condition, h->condition))
			continue;
		d = ARRAY_PUSH(*to, *nr_to, alloc);
		*d = *h;
		d->condition = xstrdup(h->condition);
		d->file = xstrdup(h->file);
	}
}

/*
 * A hand sync stands for the mask only where the mask names neither
 * top level: x86-64 before its mask did (v5.8 to the 2025 fix).  Before
 * v5.8 (no generic mask) x86-64 synced the vmalloc area lazily in
 * vmalloc_fault() as well, and which area a call fills cannot be told:
 * no hand sync there.
 */
static void copy_hooks(struct arch_variant *v, const struct arch_scan *s)
{
	copy_compatible(v, s->hooks, s->nr_hooks, &v->hooks, &v->nr_hooks);
	if (!(v->mask & (MASK_PGD | MASK_P4D)) && !v->mask_unknown &&
	    s->generic->has_sync_mask)
		copy_compatible(v, s->hand_syncs, s->nr_hand_syncs,
				&v->hand_syncs, &v->nr_hand_syncs);
}

static struct arch_variant *new_variant(struct arch_model *m, const char *arch)
{
	struct arch_variant *v = ARRAY_PUSH(m->variants, m->nr_variants,
					    m->alloc_variants);

	memset(v, 0, sizeof(*v));
	v->arch = xstrdup(arch);
	return v;
}

static void set_mask(struct arch_variant *v)
{
	if (!mask_parse(v->expr, &v->mask, &v->mask_condition,
			&v->mask_if_true, &v->mask_if_false))
		return;
	/* Keep the text for people; claim no levels rather than guess. */
	v->mask = 0;
	v->mask_condition = NULL;
	v->mask_if_true = v->mask_if_false = 0;
	v->mask_unknown = true;
}

/*
 * Where no definition of the mask is built, the generic 0 is: x86-64 in
 * a tree whose mask only the 32-bit headers define.  Its variant has the
 * configurations none of the definitions covers.
 */
static void add_uncovered(struct arch_model *m, struct arch_scan *s,
			  const char *kconfig)
{
	size_t first = m->nr_variants - s->nr_defs, i;
	char **conds, *rest;
	struct arch_variant *v;

	if (!s->nr_defs)
		return;
	conds = xcalloc(s->nr_defs, sizeof(*conds));
	for (i = 0; i < s->nr_defs; i++)
		conds[i] = m->variants[first + i].condition;
	rest = cond_complement(conds, s->nr_defs);
	free(conds);
	if (!rest)
		return;
	v = new_variant(m, s->arch);
	v->condition = rest;
	copy_hooks(v, s);
	copy_folds(v, s, levels_possible(kconfig, v->condition));
}

static void add_variants(struct arch_model *m, struct arch_scan *s)
{
	char *kpath = xasprintf("%s/arch/%s/Kconfig", s->root, s->arch);
	char *kconfig = NULL;
	size_t i, len;

	if (s->nr_folds) {
		arch_input(kpath);
		kconfig = read_file(kpath, &len);
	}
	free(kpath);
	for (i = 0; i < s->nr_defs || (!i && !s->nr_defs); i++) {
		struct arch_variant *v = new_variant(m, s->arch);
		struct define *d = s->nr_defs ? &s->defs[i] : NULL;

		if (d) {
			v->condition = cond_and(d->hdr ?
						header_cond(s, d->hdr, 0) : "",
						d->cond);
			v->file = xstrdup(d->file);
			v->line = d->line;
			v->expr = xstrdup(d->expr);
			set_mask(v);
		} else {
			v->condition = xstrdup("");
		}
		copy_hooks(v, s);
		copy_folds(v, s, levels_possible(kconfig, v->condition));
	}
	add_uncovered(m, s, kconfig);
	free(kconfig);
}

static void free_hook(struct arch_hook *h)
{
	free(h->file);
	free(h->condition);
}

static void free_fold(struct arch_fold *f)
{
	free(f->file);
	free(f->condition);
}

static void arch_scan_free(struct arch_scan *s)
{
	size_t i;

	for (i = 0; i < s->nr_hdrs; i++) {
		free(s->hdrs[i].path);
		free(s->hdrs[i].key);
		free(s->hdrs[i].text);
		free(s->hdrs[i].cond);
	}
	for (i = 0; i < s->nr_defs; i++) {
		free(s->defs[i].file);
		free(s->defs[i].cond);
		free(s->defs[i].expr);
	}
	for (i = 0; i < s->nr_folds; i++)
		free_fold(&s->folds[i]);
	for (i = 0; i < s->nr_hooks; i++)
		free_hook(&s->hooks[i]);
	for (i = 0; i < s->nr_files; i++)
		free(s->files[i]);
	free(s->hdrs);
	free(s->defs);
	free(s->folds);
	free(s->hooks);
	for (i = 0; i < s->nr_hand_syncs; i++)
		free_hook(&s->hand_syncs[i]);
	free(s->hand_syncs);
	free(s->files);
}

static void build_arch(struct arch_model *m, const char *root,
		       const char *arch, const struct generic_asm *generic)
{
	struct arch_scan s = { .root = root, .arch = arch, .generic = generic };
	char *rel = xasprintf("arch/%s", arch);
	char *inc = xasprintf("arch/%s/include/", arch);
	size_t i;

	read_implied_folds(&s);
	walk(&s, rel);
	if (s.nr_files)
		qsort(s.files, s.nr_files, sizeof(*s.files), cmp_str);
	load_headers(&s, inc);
	for (i = 0; i < s.nr_files; i++)
		scan_file(&s, s.files[i]);
	add_variants(m, &s);
	arch_scan_free(&s);
	free(rel);
	free(inc);
}

static int list_arches(struct arch_model *m, const char *root)
{
	char *dir = path_join(root, "arch");
	DIR *d;
	struct dirent *e;
	int saved;

	arch_input(dir);
	d = opendir(dir);
	if (!d) {
		saved = errno;
		free(dir);
		errno = saved;
		return -1;
	}
	while ((e = readdir(d))) {
		char *full = path_join(dir, e->d_name);
		struct stat st;

		if (e->d_name[0] != '.' && !lstat(full, &st) &&
		    S_ISDIR(st.st_mode))
			*ARRAY_PUSH(m->arches, m->nr_arches, m->alloc_arches) =
				xstrdup(e->d_name);
		free(full);
	}
	closedir(d);
	free(dir);
	if (m->nr_arches)
		qsort(m->arches, m->nr_arches, sizeof(*m->arches), cmp_str);
	return 0;
}

int arch_model_read(const char *root, struct arch_model *model)
{
	struct generic_asm generic;
	size_t i;

	memset(model, 0, sizeof(*model));
	if (list_arches(model, root))
		return -1;
	generic_asm_read(&generic, root);
	for (i = 0; i < model->nr_arches; i++)
		build_arch(model, root, model->arches[i], &generic);
	generic_asm_free(&generic);
	return 0;
}

void arch_model_free(struct arch_model *model)
{
	size_t i, j;

	for (i = 0; i < model->nr_variants; i++) {
		struct arch_variant *v = &model->variants[i];

		for (j = 0; j < v->nr_hooks; j++)
			free_hook(&v->hooks[j]);
		for (j = 0; j < v->nr_hand_syncs; j++)
			free_hook(&v->hand_syncs[j]);
		free(v->hand_syncs);
		for (j = 0; j < v->nr_folds; j++)
			free_fold(&v->folds[j]);
		free(v->hooks);
		free(v->folds);
		free(v->arch);
		free(v->condition);
		free(v->file);
		free(v->expr);
		free(v->mask_condition);
	}
	for (i = 0; i < model->nr_arches; i++)
		free(model->arches[i]);
	free(model->variants);
	free(model->arches);
	memset(model, 0, sizeof(*model));
}
