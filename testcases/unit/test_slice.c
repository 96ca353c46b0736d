// SPDX-License-Identifier: GPL-2.0-only
/*
 * scan/slice.c: which function bodies spatch's json mode may skip, that
 * what stays keeps its lines and columns, and that the names it keeps
 * functions for are the semantic patch's own.
 */
#include <stdbool.h>
#include <stdlib.h>

#include "lib/util.h"
#include "scan/slice.h"
#include "testcases/unit/unit.h"

static char *cut(const char *src, const char *const *callees, size_t nr)
{
	size_t len = 0;

	return slice_for_spatch(src, strlen(src), callees, nr, &len);
}

/* Is the body of fn (its first "{" after "fn(") blanked in s? */
static bool blanked(const char *s, const char *fn)
{
	char *head = xasprintf("%s(", fn);
	const char *at = strstr(s, head), *open;

	free(head);
	open = at ? strchr(at, '{') : NULL;
	if (!open)
		return false;
	for (open++; *open == ' ' || *open == '\n'; open++)
		;
	return *open == '}';
}

static const char *const src =
	"static int plain(int a)\n{\n\treturn a + 1; /* { */\n}\n"
	"static void raw(unsigned long addr)\n{\n"
	"\tpgd_populate(&init_mm, pgd_offset_k(addr), p4d);\n}\n"
	"static void walk(pgd_t *pgd, unsigned long addr)\n{\n\tfoo(addr);\n}\n"
	"static void caller(unsigned long addr)\n{\n\twalk(NULL, addr);\n}\n"
	"static void other(void)\n{\n\tbar(\"}\");\n}\n"
	"static const struct ops o = { .f = plain };\n"
	"static int x = (int){ 1 };\n"
	"static void outside(void)\n{\n\tfar_away();\n} int after;\n";

static void test_bodies(void)
{
	char *s = cut(src, NULL, 0);

	CHECK(s != NULL, "a file with bodies that cannot matter is sliced");
	if (!s)
		return;
	CHECK(blanked(s, "plain"), "a body without a kept name is blanked");
	CHECK(blanked(s, "other"), "braces in a literal do not end a body");
	CHECK(!blanked(s, "raw"), "a raw call keeps its function");
	CHECK(!blanked(s, "walk"), "a pgd_t in the head keeps the function");
	CHECK(!blanked(s, "caller"),
	      "a call of a function with a pgd_t head keeps the caller");
	CHECK(strstr(s, "{ .f = plain }") && strstr(s, "(int){ 1 }"),
	      "initializers stay, a compound literal's too");
	CHECK_INT(strlen(s), strlen(src) - strlen("\n\treturn a + 1; /* { */") -
		  strlen("\n\tbar(\"}\");") - strlen("\n\tfar_away();") + 3,
		  "only the blanked bodies' bytes go, their newlines stay");
	CHECK(strstr(s, "\n} int after;\n") != NULL,
	      "what follows a blanked body on its line keeps its column");
	free(s);
}

static void test_lines_kept(void)
{
	char *s = cut(src, NULL, 0);
	const char *a, *b;
	int la = 0, lb = 0;

	if (!s)
		return;
	for (a = src; (a = strchr(a, '\n')) && a < strstr(src, "pgd_populate"); a++)
		la++;
	for (b = s; (b = strchr(b, '\n')) && b < strstr(s, "pgd_populate"); b++)
		lb++;
	CHECK_INT(lb, la, "a kept call stays on its line");
	CHECK(strstr(s, "\tpgd_populate(&init_mm, pgd_offset_k(addr), p4d);\n"),
	      "a kept call keeps its column");
	free(s);
}

static void test_callees(void)
{
	const char *const callees[] = { "far_away" };
	char *s = cut(src, callees, 1);

	CHECK(s && !blanked(s, "outside"),
	      "a call of a callee from another file keeps the function");
	CHECK(s && blanked(s, "plain"), "the callees keep nothing else");
	free(s);
}

static void test_unsure(void)
{
	char *s;

	s = cut("void f(void)\n{\n#ifdef A\n\ta();\n#endif\n}\n", NULL, 0);
	CHECK(!s, "a body holding a directive stays");
	free(s);
	s = cut("#ifdef A\nvoid f(void) {\n#else\nvoid f(int b) {\n#endif\n"
		"\tg();\n}\n", NULL, 0);
	CHECK(!s, "braces that pair only across #if branches: no slice");
	free(s);
	s = cut("void f(void)\n{\n}\n}\nvoid g(void)\n{\n\th();\n}\n", NULL, 0);
	CHECK(!s, "a '}' too many: no slice");
	free(s);
	s = cut("void f(void)\n{\n\tpgd_populate(&init_mm, p, q);\n}\n",
		NULL, 0);
	CHECK(!s, "nothing to blank: no copy");
	free(s);
	s = cut("void f(void)\n{\n\tx = 1;\n", NULL, 0);
	CHECK(!s, "a body that never ends: no slice");
	free(s);
}

/* Shapes whose bodies must stay, found by the review of the slicer. */
static void test_heads(void)
{
	char *s;

	/* one name per #if branch: the semantic patch keys by name */
	s = cut("#ifdef A\nvoid twin(unsigned long a)\n{\n"
		"\tpgd_populate(&init_mm, pgd_offset_k(a), p);\n}\n#else\n"
		"void twin(unsigned long a)\n{\n\tset_pgd(t + a, 0);\n}\n"
		"#endif\nvoid other(void)\n{\n\tfar();\n}\n", NULL, 0);
	CHECK(s && strstr(s, "\tset_pgd(t + a, 0);\n") && blanked(s, "other"),
	      "a function's twin in another #if branch stays with it");
	free(s);
	/* a '}' inside the parameters does not end the head */
	s = cut("static pgd_t *walk(struct { int x; } *a, unsigned long b)\n"
		"{\n\treturn pgd_offset_k(b);\n}\n"
		"void use(void)\n{\n\twalk(0, 1);\n}\n"
		"void other(void)\n{\n\tfar();\n}\n", NULL, 0);
	CHECK(s && !blanked(s, "walk") && !blanked(s, "use") &&
	      blanked(s, "other"),
	      "a struct in the parameters keeps the head's pgd_t");
	free(s);
	/* no function: a typedef, an attribute's parentheses before '{' */
	s = cut("typedef struct __attribute__((ptsync_test)) {\n\tint x;\n} t_t;\n"
		"static struct __attribute__((ptsync_test)) {\n\tint y;\n} var;\n"
		"typedef struct MY_ALIGN(8) {\n\tint z;\n} z_t;\n"
		"void other(void)\n{\n\tfar();\n}\n", NULL, 0);
	CHECK(s && strstr(s, "\tint x;\n") && strstr(s, "\tint y;\n") &&
	      strstr(s, "\tint z;\n") && blanked(s, "other"),
	      "a struct after an attribute is no function body");
	free(s);
}

static bool kept_name(const char *name, size_t len)
{
	const char *const *p;

	for (p = slice_kept_names; *p; p++)
		if (strlen(*p) == len && !memcmp(*p, name, len))
			return true;
	return false;
}

/*
 * The names of every "identifier pop|palloc|h = {...}" of the semantic
 * patch (the raw calls, p4d_alloc/pud_alloc, the helpers) keep a
 * function here: a rule that binds there must find its function whole.
 */
static void test_cocci_names(void)
{
	static const char *const sets[] = {
		"identifier pop = {", "identifier palloc = {",
		"identifier h = {",
	};
	size_t len, i, n, names = 0, missing = 0;
	char *cocci = read_file("semantic-patches/populate_kernel.cocci", &len);
	const char *at, *end;

	CHECK(cocci != NULL, "the semantic patch is readable");
	for (i = 0; cocci && i < ARRAY_SIZE(sets); i++) {
		for (at = strstr(cocci, sets[i]); at;
		     at = strstr(end, sets[i])) {
			at += strlen(sets[i]);
			end = strchr(at, '}');
			while (at < end) {
				at += strspn(at, " \t\n,");
				n = strspn(at, "abcdefghijklmnopqrstuvwxyz0123456789_");
				if (!n)
					break;
				names++;
				if (!kept_name(at, n)) {
					missing++;
					printf("# not kept: %.*s\n", (int)n, at);
				}
				at += n;
			}
		}
	}
	CHECK(names >= 20, "%zu names of the semantic patch's sets read",
	      names);
	CHECK_INT(missing, 0, "names of those sets that keep no function");
	CHECK(cocci && strstr(cocci, "symbol init_mm;") &&
	      kept_name("init_mm", 7), "init_mm keeps its function");
	free(cocci);
}

int main(void)
{
	test_bodies();
	test_lines_kept();
	test_callees();
	test_unsure();
	test_heads();
	test_cocci_names();
	return unit_done("unit slice");
}
