// SPDX-License-Identifier: GPL-2.0-only
/*
 * A function's mentions, read lexically: calls, its definition and
 * prototypes, EXPORT_SYMBOL*(), and anything else, which is taken to be
 * its address escaping (a function pointer, a macro).  The callers the
 * proof relies on must be exactly the calls found here, so a call that
 * spatch did not analyse is noticed instead of silently left out.
 */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interproc/interproc.h"
#include "lib/cache.h"
#include "lib/record.h"
#include "lib/util.h"
#include "scan/scan.h"

/* Bump when what names_in_file() finds, or the record, changes. */
#define NAME_USES_VERSION 2

struct lex {
	const char *s, *end;
	int line;
	char prev[64], prev2[64];	/* the two previous tokens */
	bool spliced;		/* a backslash just before the newline */
	bool in_define;		/* inside a #define, up to its last line */
};

static bool ident_byte(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '$';
}

/* Skip blanks, comments and line splices; count lines. */
static void skip_space(struct lex *lx)
{
	while (lx->s < lx->end) {
		if (*lx->s == '\n') {
			if (!lx->spliced)
				lx->in_define = false;
			lx->spliced = false;
			lx->line++;
			lx->s++;
		} else if (*lx->s == '\\') {
			lx->spliced = true;
			lx->s++;
		} else if (isspace((unsigned char)*lx->s)) {
			lx->s++;
		} else if (lx->s + 1 < lx->end && !memcmp(lx->s, "/*", 2)) {
			for (lx->s += 2; lx->s + 1 < lx->end &&
			     memcmp(lx->s, "*/", 2); lx->s++)
				lx->line += *lx->s == '\n';
			lx->s += 2;
		} else if (lx->s + 1 < lx->end && !memcmp(lx->s, "//", 2)) {
			while (lx->s < lx->end && *lx->s != '\n')
				lx->s++;
		} else {
			return;
		}
	}
}

static void skip_quoted(struct lex *lx)
{
	char q = *lx->s++;

	while (lx->s < lx->end && *lx->s != q && *lx->s != '\n') {
		if (*lx->s == '\\' && lx->s + 1 < lx->end)
			lx->s++;
		lx->s++;
	}
	lx->s++;
}

static void remember(struct lex *lx, const char *tok, size_t len)
{
	if (len >= sizeof(lx->prev))
		len = sizeof(lx->prev) - 1;
	memcpy(lx->prev2, lx->prev, sizeof(lx->prev));
	memcpy(lx->prev, tok, len);
	lx->prev[len] = '\0';
}

/* Words after which a name and '(' are a call, not a declaration. */
static bool statement_word(const char *w)
{
	static const char *const words[] = {
		"return", "else", "do", "case", "sizeof", "typeof",
		"__typeof__", "unlikely", "likely",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(words); i++)
		if (!strcmp(w, words[i]))
			return true;
	return false;
}

static int classify(struct lex *lx)
{
	char next;

	skip_space(lx);
	next = lx->s < lx->end ? *lx->s : '\0';
	if (!strcmp(lx->prev, ".") || !strcmp(lx->prev, ">"))
		return -1;		/* a member of the same name */
	if (!strcmp(lx->prev, "(") && !strncmp(lx->prev2, "EXPORT_SYMBOL", 13))
		return USE_EXPORT;
	if (next != '(' || !strcmp(lx->prev, "define"))
		return USE_OTHER;
	/* a call in a macro body: the macro's users are the callers */
	if (lx->in_define)
		return USE_OTHER;
	if (!strcmp(lx->prev, "*") ||
	    (ident_byte(lx->prev[0]) && !statement_word(lx->prev)))
		return USE_DECL;
	return USE_CALL;
}

static void add_use(struct name_uses *out, const char *path, int line,
		    int kind)
{
	struct name_use *u = ARRAY_PUSH(out->items, out->nr, out->alloc);

	u->file = xstrdup(path);
	u->line = line;
	u->kind = kind;
}

/* The uses; false when the file cannot be read.  *h: its bytes' hash. */
static bool read_uses(const char *root, const char *path, const char *name,
		      struct name_uses *out, struct hash128 *h)
{
	char *full = path_join(root, path), *text;
	size_t len, n = strlen(name);
	struct lex lx = { 0 };
	struct hash128 zero = { 0, 0 };
	const char *start;
	int line, kind;

	text = read_file(full, &len);
	free(full);
	if (!text)
		return false;
	*h = hash_bytes(zero, text, len);
	lx.s = text;
	lx.end = text + len;
	lx.line = 1;
	for (skip_space(&lx); lx.s < lx.end; skip_space(&lx)) {
		if (*lx.s == '"' || *lx.s == '\'') {
			skip_quoted(&lx);
			remember(&lx, "\"", 1);
			continue;
		}
		if (!ident_byte(*lx.s)) {
			remember(&lx, lx.s++, 1);
			continue;
		}
		for (start = lx.s; lx.s < lx.end && ident_byte(*lx.s); lx.s++)
			;
		if (!strcmp(lx.prev, "#") && lx.s - start == 6 &&
		    !memcmp(start, "define", 6))
			lx.in_define = true;
		/* a header's name is no use: #include <asm/name.h> */
		if (!strcmp(lx.prev, "#") && lx.s - start == 7 &&
		    !memcmp(start, "include", 7)) {
			while (lx.s < lx.end && *lx.s != '\n')
				lx.s++;
			remember(&lx, start, 7);
			continue;
		}
		if ((size_t)(lx.s - start) == n && !memcmp(start, name, n)) {
			line = lx.line;
			kind = classify(&lx);
			if (kind >= 0)
				add_use(out, path, line, kind);
		}
		remember(&lx, start, lx.s - start);
	}
	free(text);
	return true;
}

/*
 * The key of name's mentions in a file whose bytes the scan of root knows
 * (so that a warm run does not read the callers' files either); false
 * when it does not.
 */
static bool uses_key(const char *root, const char *path, const char *name,
		     struct cache_key *k, struct hash128 *h)
{
	if (!cache_enabled() || !scan_file_hash(root, path, h))
		return false;
	cache_key_init(k, CACHE_NAME_USES, NAME_USES_VERSION);
	cache_key_add_str(k, path);
	cache_key_add(k, h, sizeof(*h));
	cache_key_add_str(k, name);
	return true;
}

static bool load_uses(const struct cache_key *k, const char *path,
		      struct name_uses *out)
{
	struct name_uses got = { 0 };
	struct rec_reader r;
	size_t len, n, i;
	uint64_t line, kind;
	char *blob = cache_get(k, &len);

	if (!blob)
		return false;
	rec_reader_init(&r, blob, len);
	n = rec_get_count(&r, 16);
	for (i = 0; i < n && !r.bad; i++) {
		line = rec_get_u64(&r);
		kind = rec_get_u64(&r);
		if (line > INT_MAX || kind > USE_OTHER)
			r.bad = true;
		else
			add_use(&got, path, (int)line, (int)kind);
	}
	if (!rec_done(&r)) {
		cache_count(CS_CORRUPT, 1);
		name_uses_free(&got);
		free(blob);
		return false;
	}
	for (i = 0; i < got.nr; i++)
		add_use(out, path, got.items[i].line, got.items[i].kind);
	name_uses_free(&got);
	free(blob);
	return true;
}

static void store_uses(const struct cache_key *k, const struct name_uses *u,
		       size_t from)
{
	struct rec_buf b = { 0 };
	size_t i;

	rec_put_u64(&b, u->nr - from);
	for (i = from; i < u->nr; i++) {
		rec_put_u64(&b, (uint64_t)u->items[i].line);
		rec_put_u64(&b, (uint64_t)u->items[i].kind);
	}
	cache_put(k, b.data, b.len);
	rec_buf_free(&b);
}

void names_in_file(const char *root, const char *path, const char *name,
		   struct name_uses *out)
{
	struct hash128 scanned, read;
	struct cache_key k;
	bool keyed = uses_key(root, path, name, &k, &scanned);
	size_t from = out->nr;

	if (keyed && load_uses(&k, path, out))
		return;
	/* stored only if the bytes read are the bytes the key names */
	if (read_uses(root, path, name, out, &read) && keyed &&
	    hash128_equal(read, scanned))
		store_uses(&k, out, from);
}

void name_uses_free(struct name_uses *u)
{
	size_t i;

	for (i = 0; i < u->nr; i++)
		free(u->items[i].file);
	free(u->items);
	memset(u, 0, sizeof(*u));
}
