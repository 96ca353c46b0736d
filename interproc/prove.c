// SPDX-License-Identifier: GPL-2.0-only
/*
 * Proving an entry pointer's address from the callers.  A value (from the
 * semantic patch) is one of: the entry of a level for an address, a
 * parameter of the enclosing function, the result of a call, or unknown.
 * A parameter is resolved through every call site of its function, a
 * result through every return of the callee; both recurse, with a depth
 * bound, and every step that was needed is kept as the proof.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "interproc/interproc.h"
#include "lib/util.h"
#include "scan/name_index.h"

struct lex_memo {
	char *key;		/* "file:name" */
	char *reason;		/* why callers cannot be trusted, or NULL */
};

struct ip_context {
	const char *root;	/* the files analysed */
	const char *tree;	/* the whole tree, for callers found by name */
	struct ip_facts *facts;
	char **need;		/* non-static functions missing callers */
	size_t nr_need, alloc_need;
	json_t *visiting[INTERPROC_MAX_DEPTH + 2];
	int nr_visiting;
	struct proof_step *steps;
	size_t nr_steps, alloc_steps;
	struct lex_memo *memo;
	size_t nr_memo, alloc_memo;
	size_t passed;		/* call sites the last prove_callers() passed */
	char *owner;		/* the private table every caller passes */
	bool owner_sited;	/* owner already names the call passing it */
};

#define MAX_ARGS 16

struct call_site {
	const char *key;	/* "file:line:column" of the call */
	const char *file;
	int line;
	const char *caller;
	json_t *args[MAX_ARGS];	/* by argument index */
};

static const char *str(json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));

	return s ? s : "";
}

static bool has(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);

	return v && !json_is_null(v);
}

char *interproc_normalise(const char *text)
{
	char *out = xmalloc(strlen(text) + 1), *p = out;
	size_t len, i;
	int depth;
	bool whole;

	for (; *text; text++)
		if (*text != ' ' && *text != '\t' && *text != '\n' &&
		    *text != '\r')
			*p++ = *text;
	*p = '\0';
	/* Drop parentheses that enclose the whole expression. */
	for (len = strlen(out); len >= 2 && out[0] == '(' &&
	     out[len - 1] == ')'; len -= 2) {
		whole = true;
		for (i = 0, depth = 0; i < len - 1; i++) {
			depth += out[i] == '(';
			depth -= out[i] == ')';
			if (!depth) {
				whole = false;
				break;
			}
		}
		if (!whole)
			break;
		memmove(out, out + 1, len - 2);
		out[len - 2] = '\0';
	}
	return out;
}

static bool same_text(const char *a, const char *b)
{
	char *x = interproc_normalise(a), *y = interproc_normalise(b);
	bool same = !strcmp(x, y);

	free(x);
	free(y);
	return same;
}

static int param_index(json_t *fn, const char *name)
{
	json_t *params = json_object_get(fn, "params");
	size_t i;

	for (i = 0; i < json_array_size(params); i++)
		if (!strcmp(json_string_value(json_array_get(params, i)) ?: "",
			    name))
			return (int)i;
	return -1;
}

static const char *param_name(json_t *fn, int i)
{
	return json_string_value(json_array_get(json_object_get(fn, "params"),
						i)) ?: "";
}

static bool in_array(json_t *arr, const char *s)
{
	size_t i;

	for (i = 0; i < json_array_size(arr); i++)
		if (!strcmp(json_string_value(json_array_get(arr, i)) ?: "", s))
			return true;
	return false;
}

/* file and every file that #includes it as "....c", transitively. */
static size_t sharing_files(const struct ip_context *c, const char *file,
			    char ***out)
{
	const struct scan_c_include *inc;
	size_t nr = 0, alloc = 0, i, j;

	*out = NULL;
	*ARRAY_PUSH(*out, nr, alloc) = xstrdup(file);
	for (i = 0; i < nr; i++) {
		for (j = 0; j < c->facts->nr_c_includes; j++) {
			inc = &c->facts->c_includes[j];
			if (!strcmp(inc->included, (*out)[i]) &&
			    !strings_have(*out, nr, inc->path))
				*ARRAY_PUSH(*out, nr, alloc) = xstrdup(inc->path);
		}
	}
	return nr;
}

static bool is_static_c(json_t *fn)
{
	return json_is_true(json_object_get(fn, "static")) &&
	       !str_ends_with(str(fn, "file"), ".h");
}

static bool included_elsewhere(const struct ip_context *c, const char *file)
{
	size_t j;

	for (j = 0; j < c->facts->nr_c_includes; j++)
		if (!strcmp(c->facts->c_includes[j].included, file))
			return true;
	return false;
}

/*
 * A static function defined in a .c file has its callers there, unless
 * another file includes that .c; one in a header has them in every file
 * that includes it, like a global one.
 */
static bool file_local(const struct ip_context *c, json_t *fn)
{
	return is_static_c(fn) && !included_elsewhere(c, str(fn, "file"));
}

/* Can a call in file reach fn (defined in another file)? */
static bool reaches(const struct ip_context *c, json_t *fn, const char *file)
{
	char **files;
	size_t nr;
	bool seen;

	if (file_local(c, fn))
		return false;
	if (!is_static_c(fn))
		return true;
	nr = sharing_files(c, str(fn, "file"), &files);
	seen = strings_have(files, nr, file);
	strings_free(files, nr);
	return seen;
}

/*
 * Two definitions of one name in one file (#ifdef alternatives) are only
 * trusted when their parameters are the same.
 */
static bool same_everywhere(const struct ip_context *c, json_t *fn)
{
	json_t *other;
	size_t i;

	for (i = 0; i < c->facts->nr_functions; i++) {
		other = c->facts->functions[i];
		if (other != fn && !strcmp(str(other, "name"), str(fn, "name")) &&
		    !strcmp(str(other, "file"), str(fn, "file")) &&
		    !json_equal(json_object_get(other, "params"),
				json_object_get(fn, "params")))
			return false;
	}
	return true;
}

/* The function a call in file names: its own static one, else a global. */
static json_t *find_function(const struct ip_context *c, const char *file,
			     const char *name)
{
	json_t *global = NULL, *fn;
	bool ambiguous = false;
	size_t i;

	for (i = 0; i < c->facts->nr_functions; i++) {
		fn = c->facts->functions[i];
		if (strcmp(str(fn, "name"), name))
			continue;
		if (!strcmp(str(fn, "file"), file))
			return same_everywhere(c, fn) ? fn : NULL;
		if (reaches(c, fn, file)) {
			ambiguous |= global != NULL;	/* per-arch twins */
			global = fn;
		}
	}
	return global && !ambiguous && same_everywhere(c, global) ?
	       global : NULL;
}

static void add_step(struct ip_context *c, const char *file, int line,
		     const char *function, char *text)
{
	struct proof_step *s = ARRAY_PUSH(c->steps, c->nr_steps,
					  c->alloc_steps);

	s->file = xstrdup(file);
	s->line = line;
	s->function = xstrdup(function);
	s->text = text;
}

static void drop_steps(struct ip_context *c, size_t from)
{
	while (c->nr_steps > from) {
		struct proof_step *s = &c->steps[--c->nr_steps];

		free(s->file);
		free(s->function);
		free(s->text);
	}
}

static void need(struct ip_context *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->nr_need; i++)
		if (!strcmp(c->need[i], name))
			return;
	*ARRAY_PUSH(c->need, c->nr_need, c->alloc_need) = xstrdup(name);
}

static int call_line(json_t *arg)
{
	const char *key = str(arg, "call"), *colon = strchr(key, ':');

	return colon ? atoi(colon + 1) : 0;
}

/* The call sites of fn, each with its arguments by index. */
static size_t call_sites(const struct ip_context *c, json_t *fn,
			 struct call_site **out)
{
	const char *name = str(fn, "name"), *file = str(fn, "file");
	bool is_static = file_local(c, fn);
	size_t nr = 0, alloc = 0, i, j;
	struct call_site *s;
	json_t *arg;
	int idx;

	*out = NULL;
	for (i = 0; i < c->facts->nr_args; i++) {
		arg = c->facts->args[i];
		if (strcmp(str(arg, "callee"), name) ||
		    (is_static && strcmp(str(arg, "file"), file)) ||
		    find_function(c, str(arg, "file"), name) != fn)
			continue;
		for (j = 0; j < nr; j++)
			if (!strcmp((*out)[j].key, str(arg, "call")))
				break;
		if (j == nr) {
			s = ARRAY_PUSH(*out, nr, alloc);
			memset(s, 0, sizeof(*s));
			s->key = str(arg, "call");
			s->file = str(arg, "file");
			s->line = call_line(arg);
			s->caller = str(arg, "caller");
		}
		idx = (int)json_integer_value(json_object_get(arg, "index"));
		if (idx >= 0 && idx < MAX_ARGS)
			(*out)[j].args[idx] = arg;
	}
	return nr;
}

static bool site_has_line(struct call_site *sites, size_t nr,
			  const char *file, int line)
{
	size_t i;

	for (i = 0; i < nr; i++)
		if (sites[i].line == line && !strcmp(sites[i].file, file))
			return true;
	return false;
}

static bool in_root(const struct ip_context *c, const char *path)
{
	char *full = path_join(c->root, path);
	bool there = !access(full, R_OK);

	free(full);
	return there;
}

/*
 * Why the call sites found are not all of fn's callers, or NULL: its
 * address is taken, it is exported, a call was not analysed.
 */
static char *check_mentions(struct ip_context *c, json_t *fn,
			    struct call_site *sites, size_t nr_sites)
{
	const char *name = str(fn, "name"), *file = str(fn, "file");
	bool is_static = file_local(c, fn);
	struct name_uses uses = { 0 };
	char **files = NULL, *why = NULL;
	size_t nr_files, i;

	if (is_static) {
		files = xcalloc(1, sizeof(*files));
		files[0] = xstrdup(file);
		nr_files = 1;
	} else if (is_static_c(fn)) {
		/* static, in a .c that others include: theirs too */
		nr_files = sharing_files(c, file, &files);
	} else {
		nr_files = name_files(c->tree, name, &files);
	}
	/* a file of root (a patched copy in review) stands for the tree's */
	for (i = 0; i < nr_files; i++)
		names_in_file(in_root(c, files[i]) ? c->root : c->tree,
			      files[i], name, &uses);
	for (i = 0; !why && i < uses.nr; i++) {
		struct name_use *u = &uses.items[i];

		if (u->kind == USE_EXPORT)
			why = xasprintf("%s() is exported at %s:%d, so callers outside the tree may pass anything",
					name, u->file, u->line);
		else if (u->kind == USE_OTHER)
			why = xasprintf("the address of %s() is taken at %s:%d (a function pointer or macro), so not every caller is known",
					name, u->file, u->line);
	}
	for (i = 0; !why && i < uses.nr; i++) {
		struct name_use *u = &uses.items[i];

		if (u->kind != USE_CALL ||
		    site_has_line(sites, nr_sites, u->file, u->line))
			continue;
		if (!ip_facts_has_file(c->facts, u->file)) {
			need(c, name);
			why = xasprintf("%s() is called at %s:%d, a file not analysed",
					name, u->file, u->line);
		} else if (!ip_facts_asked(c->facts, u->file, name)) {
			need(c, name);
			why = xasprintf("%s() is called at %s:%d, a file not analysed for its callers",
					name, u->file, u->line);
		} else if (find_function(c, u->file, name) != fn) {
			why = xasprintf("the call of %s() at %s:%d may reach another definition of %s()",
					name, u->file, u->line, name);
		} else {
			why = xasprintf("the call of %s() at %s:%d was not analysed (spatch could not parse it)",
					name, u->file, u->line);
		}
	}
	for (i = 0; i < nr_files; i++)
		free(files[i]);
	free(files);
	name_uses_free(&uses);
	return why;
}

static char *lexical_check(struct ip_context *c, json_t *fn,
			   struct call_site *sites, size_t nr)
{
	char *key = xasprintf("%s:%s", str(fn, "file"), str(fn, "name"));
	struct lex_memo *m;
	size_t i;

	for (i = 0; i < c->nr_memo; i++) {
		if (!strcmp(c->memo[i].key, key)) {
			free(key);
			return c->memo[i].reason ?
			       xstrdup(c->memo[i].reason) : NULL;
		}
	}
	m = ARRAY_PUSH(c->memo, c->nr_memo, c->alloc_memo);
	m->key = key;
	m->reason = check_mentions(c, fn, sites, nr);
	return m->reason ? xstrdup(m->reason) : NULL;
}

static char *resolve(struct ip_context *c, json_t *val, const char *file,
		     const char *function, const char *level, int depth,
		     char **addr);
static char *prove_table(struct ip_context *c, json_t *val, const char *file,
			 const char *function, int depth);

/*
 * fn's call sites, or why they are not all of its callers; fn is then
 * being visited, until the caller's loop is done.
 */
static char *callers_of(struct ip_context *c, json_t *fn,
			struct call_site **sites, size_t *nr)
{
	char *why;

	*nr = call_sites(c, fn, sites);
	why = lexical_check(c, fn, *sites, *nr);
	if (!why && !*nr)
		why = xasprintf("%s() has no in-tree caller", str(fn, "name"));
	c->visiting[c->nr_visiting++] = fn;
	return why;
}

/*
 * The in-tree callers of a function defined in a header all agree: that
 * proves nothing for modules, which include headers too (like an export).
 */
static char *header_callers(json_t *fn)
{
	if (!str_ends_with(str(fn, "file"), ".h"))
		return NULL;
	return xasprintf("%s() is defined in a header, so callers outside the tree may pass anything",
			 str(fn, "name"));
}

/* A private table was met: remember whose, for the note. */
static char *private_table(struct ip_context *c, const char *owner)
{
	if (!c->owner) {
		c->owner = xstrdup(owner);
		c->owner_sited = false;
	}
	return xasprintf("the entry is in %s, not the kernel's page table",
			 owner);
}

/* The first call passing the private table found is named in the note. */
static void site_owner(struct ip_context *c, const struct call_site *s,
		       const char *callee)
{
	char *named;

	if (!c->owner || c->owner_sited)
		return;
	named = xasprintf("%s, which %s() passes to %s() at %s:%d",
			  c->owner, s->caller, callee, s->file, s->line);
	free(c->owner);
	c->owner = named;
	c->owner_sited = true;
}

static void forget_owner(struct ip_context *c)
{
	free(c->owner);
	c->owner = NULL;
}

/* What the callers' private tables make of a proof, at its end. */
struct private_sites {
	size_t nr;		/* call sites passing a private table */
	char *owner;		/* the first one's owner, with its site */
	char *why;		/* and its explanation */
};

/*
 * The call site s passed a private table for callee's parameter ip (inner
 * says so, and is freed): keep the first one.
 */
static void private_site(struct ip_context *c, struct private_sites *ps,
			 const struct call_site *s, json_t *callee, int ip,
			 char *inner)
{
	char *why = xasprintf("the call at %s:%d in %s() passes '%s' for '%s': %s",
			      s->file, s->line, s->caller,
			      str(s->args[ip], "text"), param_name(callee, ip),
			      inner);

	free(inner);
	site_owner(c, s, str(callee, "name"));
	ps->nr++;
	if (ps->owner) {
		free(why);
		forget_owner(c);
		return;
	}
	ps->owner = c->owner;
	ps->why = why;
	c->owner = NULL;
}

/*
 * Callers that all pass private tables make the entry private; some
 * private and some the kernel's, it is for a maintainer to split.  why
 * is the failure met otherwise, if any.
 */
static char *private_verdict(struct ip_context *c, struct private_sites *ps,
			     size_t nr, char *why)
{
	if (why || !ps->nr) {
		free(ps->owner);
		free(ps->why);
		return why;
	}
	if (ps->nr == nr) {
		forget_owner(c);
		c->owner = ps->owner;
		return ps->why;
	}
	why = xasprintf("%s; other callers pass the kernel's table", ps->why);
	free(ps->owner);
	free(ps->why);
	return why;
}

static bool enter(struct ip_context *c, json_t *fn, int depth, char **why)
{
	int v;

	if (depth >= INTERPROC_MAX_DEPTH) {
		*why = xasprintf("the depth bound of %d callers is hit at %s()",
				 INTERPROC_MAX_DEPTH, str(fn, "name"));
		return false;
	}
	for (v = 0; v < c->nr_visiting; v++) {
		if (c->visiting[v] == fn) {
			*why = xasprintf("%s() is reached again through its own callers (recursion)",
					 str(fn, "name"));
			return false;
		}
	}
	return true;
}

/*
 * Does every caller of fn pass, for its parameter ip, a pointer into the
 * kernel's page table (pgd_offset_k(), init_mm's pgd, swapper_pg_dir ...)?
 */
static char *prove_table_param(struct ip_context *c, json_t *fn, int ip,
			       int depth)
{
	const char *name = str(fn, "name"), *pname = param_name(fn, ip);
	struct private_sites ps = { 0 };
	size_t nr = 0, i, mark = c->nr_steps;
	struct call_site *sites = NULL;
	char *why = NULL, *inner;

	if (ip < 0 || ip >= MAX_ARGS)
		return xasprintf("'%s' is no parameter of %s()", pname, name);
	if (!enter(c, fn, depth, &why))
		return why;
	why = callers_of(c, fn, &sites, &nr);
	for (i = 0; !why && i < nr; i++) {
		struct call_site *s = &sites[i];

		if (!s->args[ip]) {
			why = xasprintf("the call at %s:%d passes too few arguments",
					s->file, s->line);
			break;
		}
		inner = prove_table(c, json_object_get(s->args[ip], "value"),
				    s->file, s->caller, depth + 1);
		if (inner && c->owner) {
			private_site(c, &ps, s, fn, ip, inner);
			continue;
		}
		if (inner) {
			why = xasprintf("the call at %s:%d in %s() passes '%s' for '%s', not shown to be the kernel's table: %s",
					s->file, s->line, s->caller,
					str(s->args[ip], "text"), pname, inner);
			free(inner);
			break;
		}
		add_step(c, s->file, s->line, s->caller,
			 xasprintf("%s() passes '%s', in the kernel's page table, for '%s'",
				   s->caller, str(s->args[ip], "text"),
				   pname));
	}
	c->nr_visiting--;
	free(sites);
	why = private_verdict(c, &ps, nr, why);
	if (!why)
		why = header_callers(fn);
	if (why)
		drop_steps(c, mark);
	return why;
}

/* Does every caller of fn pass the entry of its argument iv for ip? */
static char *prove_callers(struct ip_context *c, json_t *fn, int ip, int iv,
			   const char *level, int depth)
{
	const char *name = str(fn, "name"), *pname = param_name(fn, ip);
	const char *vname = param_name(fn, iv);
	struct private_sites ps = { 0 };
	struct call_site *sites;
	char *why = NULL, *inner, *x;
	size_t nr, i, mark = c->nr_steps, passed = 0;

	c->passed = 0;
	if (!enter(c, fn, depth, &why))
		return why;
	why = callers_of(c, fn, &sites, &nr);
	for (i = 0; !why && i < nr; i++) {
		struct call_site *s = &sites[i];

		if (ip >= MAX_ARGS || iv >= MAX_ARGS || !s->args[ip] || !s->args[iv]) {
			why = xasprintf("the call at %s:%d passes too few arguments",
					s->file, s->line);
			break;
		}
		if (!strcmp(s->caller, name) && !strcmp(s->file, str(fn, "file"))) {
			why = xasprintf("%s() calls itself at %s:%d (recursion)",
					name, s->file, s->line);
			break;
		}
		x = NULL;
		inner = resolve(c, json_object_get(s->args[ip], "value"),
				s->file, s->caller, level, depth + 1, &x);
		if (inner && c->owner) {
			/* a private table: no address to compare */
			private_site(c, &ps, s, fn, ip, inner);
		} else if (inner && has(json_object_get(s->args[ip], "value"), "param")) {
			/* a caller passing its own parameter on: one link */
			why = xasprintf("%s() passes its parameter '%s' on at %s:%d; %s",
					s->caller, str(s->args[ip], "text"),
					s->file, s->line, inner);
			free(inner);
		} else if (inner) {
			why = xasprintf("the call at %s:%d in %s() passes '%s' for '%s': %s",
					s->file, s->line, s->caller,
					str(s->args[ip], "text"), pname, inner);
			free(inner);
		} else if (!same_text(x, str(s->args[iv], "text"))) {
			why = xasprintf("the call at %s:%d in %s() passes the %s entry of '%s' for '%s' but '%s' for '%s'",
					s->file, s->line, s->caller, level, x,
					pname, str(s->args[iv], "text"), vname);
		} else {
			add_step(c, s->file, s->line, s->caller,
				 xasprintf("%s() passes '%s', the %s entry of '%s', and '%s'",
					   s->caller, str(s->args[ip], "text"),
					   level, x, str(s->args[iv], "text")));
			passed++;
		}
		free(x);
	}
	c->nr_visiting--;
	c->passed = passed;
	why = private_verdict(c, &ps, nr, why);
	if (!why)
		why = header_callers(fn);
	if (why)
		drop_steps(c, mark);
	free(sites);
	return why;
}

/* The candidates for the address: fn's other parameters, stable here. */
static char *resolve_param(struct ip_context *c, json_t *val,
			   const char *file, const char *function,
			   const char *level, int depth, char **addr)
{
	json_t *fn = find_function(c, file, function), *mods, *steps, *m;
	const char *p = str(val, "param"), *v;
	char *why = NULL, *local = NULL, *narrow = NULL, *reason;
	size_t best = 0, before;
	int ip, iv, n;
	size_t i;
	bool ok;

	if (!fn || strcmp(str(fn, "file"), file))
		return xasprintf("'%s' is a parameter of %s(), whose facts are missing",
				 p, function);
	ip = param_index(fn, p);
	n = (int)json_array_size(json_object_get(fn, "params"));
	mods = json_object_get(val, "mods");
	steps = json_object_get(val, "steps");
	for (iv = 0; iv < n && ip >= 0; iv++) {
		v = param_name(fn, iv);
		if (iv == ip || !*v)
			continue;
		ok = true;
		for (i = 0; ok && i < json_array_size(mods); i++) {
			m = json_array_get(mods, i);
			if (!strcmp(json_string_value(json_array_get(m, 0)) ?: "", v) &&
			    !json_is_true(json_array_get(m, 2)))
				ok = false;
		}
		if (!ok) {
			if (!local)
				local = xasprintf("'%s' changes in %s() before the use and '%s' does not follow",
						  v, function, p);
			continue;
		}
		for (i = 0; ok && i < json_array_size(steps); i++)
			if (!in_array(json_array_get(json_array_get(steps, i), 1), v))
				ok = false;
		if (!ok) {
			if (!local)
				local = xasprintf("'%s' advances in %s() before the use and '%s' does not follow",
						  p, function, v);
			continue;
		}
		before = c->nr_steps;
		reason = prove_callers(c, fn, ip, iv, level, depth);
		if (reason && c->owner) {
			/* private whichever parameter is the address */
			free(local);
			free(narrow);
			free(why);
			return reason;
		}
		if (!reason && in_array(json_object_get(fn, "narrow"), v)) {
			/* a u32 or an int would sync a truncated address */
			drop_steps(c, before);
			free(narrow);
			narrow = xasprintf("the callers pass the address for '%s', but %s() keeps it in too narrow a type",
					   v, function);
			continue;
		}
		if (!reason) {
			*addr = xstrdup(v);
			free(local);
			free(narrow);
			free(why);
			return NULL;
		}
		/* the candidate that got furthest explains the failure best */
		if (!why || c->passed > best) {
			free(why);
			why = reason;
			best = c->passed;
		} else {
			free(reason);
		}
	}
	/*
	 * No caller agreed with any stable parameter: the one that changes
	 * is the likelier address, and its change the better explanation.
	 */
	if (why && local && !best) {
		free(why);
		why = NULL;
	}
	if (narrow) {
		free(why);
		why = narrow;
		narrow = NULL;
	}
	if (!why)
		why = local ? local : xasprintf("%s() has no parameter that could be the address",
					       function);
	else
		free(local);
	return why;
}

/* Argument idx of the call at key "file:line:column", from the facts. */
static json_t *call_arg(const struct ip_context *c, const char *at, int idx)
{
	json_t *arg;
	size_t i;

	for (i = 0; i < c->facts->nr_args; i++) {
		arg = c->facts->args[i];
		if (!strcmp(str(arg, "call"), at) &&
		    json_integer_value(json_object_get(arg, "index")) == idx)
			return arg;
	}
	return NULL;
}

/*
 * Is every value that fn returns in the kernel's table, given what the
 * call val passes?  A return into a parameter's table asks the argument.
 */
static char *prove_returned_table(struct ip_context *c, json_t *fn,
				  json_t *val, int depth)
{
	const char *g = str(fn, "name"), *q;
	json_t *rets = json_object_get(fn, "returns"), *r, *arg;
	char *why = NULL, *inner;
	size_t j;

	for (j = 0; !why && j < json_array_size(rets); j++) {
		r = json_array_get(rets, j);
		if (has(r, "null"))	/* failure: no table to populate */
			continue;
		q = has(r, "table_param") ? str(r, "table_param") :
		    has(r, "param") ? str(r, "param") : NULL;
		if (!q) {
			inner = prove_table(c, r, str(fn, "file"), g,
					    depth + 1);
		} else {
			arg = call_arg(c, str(val, "at"), param_index(fn, q));
			inner = arg ? prove_table(c, json_object_get(arg, "value"),
						  str(arg, "file"),
						  str(arg, "caller"), depth + 1) :
				xasprintf("what the call passes for '%s' is not known",
					  q);
		}
		if (inner)
			why = xasprintf("%s() returns an entry of a table not shown to be the kernel's: %s",
					g, inner);
		free(inner);
	}
	return why;
}

/* The address a call's result is the entry of: one of its arguments. */
static char *resolve_call(struct ip_context *c, json_t *val, const char *file,
			  const char *level, int depth, char **addr)
{
	const char *g = str(val, "call"), *a;
	json_t *fn = find_function(c, file, g), *rets, *r;
	char *why;
	int k = -1, i;
	size_t j;

	if (!fn)
		return xasprintf("what %s() returns is not known (its definition was not analysed)",
				 g);
	rets = json_object_get(fn, "returns");
	if (!json_array_size(rets))
		return xasprintf("%s() returns no page-table entry", g);
	for (j = 0; j < json_array_size(rets); j++) {
		r = json_array_get(rets, j);
		a = str(r, "address");
		i = has(r, "entry") ? param_index(fn, a) : -1;
		if (strcmp(str(r, "entry"), level) || i < 0 ||
		    in_array(json_object_get(fn, "assigned"), a) ||
		    (k >= 0 && i != k))
			return xasprintf("%s() does not always return the %s entry of one parameter it keeps unchanged",
					 g, level);
		k = i;
	}
	why = prove_returned_table(c, fn, val, depth);
	if (why)
		return why;
	a = json_string_value(json_array_get(json_object_get(val, "args"), k));
	if (!a)
		return xasprintf("the call of %s() passes too few arguments", g);
	*addr = xstrdup(a);
	add_step(c, str(fn, "file"), (int)json_integer_value(json_object_get(fn, "line")),
		 g, xasprintf("%s() returns the %s entry of its parameter '%s'",
			      g, level, param_name(fn, k)));
	return NULL;
}

/*
 * Is the table val points into the kernel's?  NULL when proved; else
 * why not, with c->owner set when it is a private one.
 */
static char *prove_table(struct ip_context *c, json_t *val, const char *file,
			 const char *function, int depth)
{
	const char *q;
	json_t *fn;

	if (!json_is_object(val))
		return xstrdup("no value was inferred");
	if (has(val, "owner"))
		return private_table(c, str(val, "owner"));
	if (has(val, "entry") && !has(val, "table_param"))
		return NULL;
	if (has(val, "call")) {
		fn = find_function(c, file, str(val, "call"));
		if (!fn)
			return xasprintf("what %s() returns is not known (its definition was not analysed)",
					 str(val, "call"));
		return prove_returned_table(c, fn, val, depth);
	}
	q = has(val, "table_param") ? str(val, "table_param") :
	    has(val, "param") ? str(val, "param") : NULL;
	if (!q)
		return xstrdup(has(val, "unknown") ? str(val, "unknown") :
			       "no value was inferred");
	fn = find_function(c, file, function);
	if (!fn || strcmp(str(fn, "file"), file))
		return xasprintf("'%s' is a parameter of %s(), whose facts are missing",
				 q, function);
	return prove_table_param(c, fn, param_index(fn, q), depth);
}

/*
 * No address, but maybe a table: arm64 hibernation's copy_p4d() steps
 * dst_p4dp alone, and the entry is still in trans_pgd.  A private table
 * says more than the lost address (c->owner is set); else the reason.
 */
static char *resolve_unknown(struct ip_context *c, json_t *val,
			     const char *file, const char *function, int depth)
{
	char *why;

	if (has(val, "owner"))
		return private_table(c, str(val, "owner"));
	if (has(val, "table_param")) {
		why = prove_table(c, val, file, function, depth);
		if (why && c->owner)
			return why;
		free(why);
	}
	return xstrdup(str(val, "unknown"));
}

static char *resolve(struct ip_context *c, json_t *val, const char *file,
		     const char *function, const char *level, int depth,
		     char **addr)
{
	char *why = NULL;

	if (!json_is_object(val))
		return xstrdup("no value was inferred");
	if (has(val, "entry")) {
		if (has(val, "owner"))
			return private_table(c, str(val, "owner"));
		if (strcmp(str(val, "entry"), level))
			return xasprintf("it is a %s entry, not a %s entry",
					 str(val, "entry"), level);
		if (has(val, "table_param"))
			why = prove_table(c, val, file, function, depth);
		if (why)
			return why;
		*addr = xstrdup(str(val, "address"));
		return NULL;
	}
	if (has(val, "param"))
		return resolve_param(c, val, file, function, level, depth, addr);
	if (has(val, "call"))
		return resolve_call(c, val, file, level, depth, addr);
	if (has(val, "unknown"))
		return resolve_unknown(c, val, file, function, depth);
	return xstrdup("no value was inferred");
}

static bool wants_proof(const struct finding *f)
{
	return f->value && !f->unanalyzed && !f->indirect && !f->owner &&
	       f->rule && !strcmp(f->rule, RULE_MANUAL) &&
	       !strstr(f->call, "_safe");
}

/* Whose private table the value's entry is in, if spatch said so. */
/* An indirect population's entry address, for the advice. */
static void take_indirect_address(struct finding *f, json_t *val)
{
	if (!f->indirect || f->address || !has(val, "entry") ||
	    strcmp(str(val, "entry"), level_name(f->level)))
		return;
	f->address = xstrdup(str(val, "address"));
}

static void take_owner(struct finding *f, json_t *val)
{
	if (!has(val, "owner") || f->owner)
		return;
	f->owner = xstrdup(str(val, "owner"));
	if (!f->indirect && !f->unanalyzed) {
		f->rule = RULE_PRIVATE;
		free(f->address);
		f->address = NULL;
	}
}

static void prove_finding(struct ip_context *c, struct finding *f)
{
	json_t *val = json_loads(f->value, 0, NULL);
	const char *level = level_name(f->level);
	char *addr = NULL, *why;
	size_t mark = c->nr_steps, i;

	forget_owner(c);
	why = resolve(c, val, f->file, f->function, level, 0, &addr);
	if (why && c->owner) {
		/* every caller passes a private table: never rewritten */
		free(f->address);
		free(f->reason);
		f->address = NULL;
		f->owner = c->owner;
		c->owner = NULL;
		f->rule = RULE_PRIVATE;
		f->reason = why;
	} else if (!why) {
		free(f->address);
		free(f->reason);
		f->address = addr;
		f->reason = NULL;
		f->rule = RULE_CONVERT;
		for (i = mark; i < c->nr_steps; i++)
			*ARRAY_PUSH(f->proof, f->nr_proof, f->alloc_proof) =
				c->steps[i];
		c->nr_steps = mark;
	} else if (has(val, "table_param")) {
		free(f->reason);
		f->reason = xasprintf("the entry is in the table that the callers of %s() pass for '%s', which they do not prove is the kernel's: %s",
				      f->function, str(val, "table_param"),
				      why);
		free(why);
	} else if (has(val, "param") || has(val, "call")) {
		free(f->reason);
		f->reason = has(val, "param") ?
			xasprintf("'%s' comes from the callers of %s(), which do not prove its address: %s",
				  str(val, "param"), f->function, why) :
			xasprintf("the entry is the result of %s(): %s",
				  str(val, "call"), why);
		free(why);
	} else {
		free(why);
	}
	drop_steps(c, mark);
	json_decref(val);
}

/*
 * An indirect population is never rewritten, but whose table it fills
 * decides how it is reported: when every caller passes a private table
 * for the entry's parameter, it is a note naming that table, as a raw
 * call would be.
 */
static void own_indirect(struct ip_context *c, struct finding *f)
{
	json_t *val;
	char *why;
	size_t mark = c->nr_steps;

	if (!f->indirect || f->unanalyzed || f->owner)
		return;
	val = json_loads(f->value, 0, NULL);
	forget_owner(c);
	why = prove_table(c, val, f->file, f->function, 0);
	if (why && c->owner) {
		f->owner = c->owner;
		c->owner = NULL;
	}
	free(why);
	drop_steps(c, mark);
	json_decref(val);
}

size_t interproc_prove(const char *root, const char *tree,
		       struct ip_facts *facts, struct finding_list *findings,
		       char ***need)
{
	struct ip_context c = { .root = root, .tree = tree ? tree : root,
				.facts = facts };
	json_t *val;
	size_t i;

	for (i = 0; i < findings->nr; i++) {
		struct finding *f = &findings->items[i];

		if (!f->value)
			continue;
		val = json_loads(f->value, 0, NULL);
		take_owner(f, val);
		take_indirect_address(f, val);
		json_decref(val);
		if (wants_proof(f))
			prove_finding(&c, f);
		else
			own_indirect(&c, f);
	}
	for (i = 0; i < c.nr_memo; i++) {
		free(c.memo[i].key);
		free(c.memo[i].reason);
	}
	free(c.memo);
	free(c.steps);
	free(c.owner);
	*need = c.need;
	return c.nr_need;
}
