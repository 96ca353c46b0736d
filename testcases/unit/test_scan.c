// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests for scan/: the lexical rules through scan_buffer() on small
 * buffers, the tree walk through scan_tree() on a fixture built under
 * /tmp, and a cross-check against grep on the real 6.12 tree when the
 * cache holds it.
 *
 * Buffers are scanned from heap copies of exactly their length, so that
 * valgrind sees any read past the end.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lib/util.h"
#include "scan/scan.h"
#include "testcases/unit/unit.h"

#define REAL_TREE "cache/linux-source-6.12"
#define GREP_CMD							\
	"cd " REAL_TREE " && grep -rEn "				\
	"'\\b(pgd|p4d)_populate(_safe)?\\s*\\(\\s*&\\s*init_mm' "	\
	"arch --include=*.c --include=*.h"

static struct scan_result res;

static void scan_len(const char *text, size_t len)
{
	char *copy = xmalloc(len);

	memcpy(copy, text, len);
	scan_result_free(&res);
	scan_buffer("t.c", copy, len, &res);
	free(copy);
}

static void scan_str(const char *text)
{
	scan_len(text, strlen(text));
}

/* #include "....c" lines, resolved from the including file's folder. */
static void test_c_includes(void)
{
	const char *text =
		"#include <linux/mm.h>\n"
		"#include \"util.h\"\n"
		"  #  include \"impl.c\"\n"
		"#include \"../lib/./x.c\"\n"
		"#include \"../../../out.c\"\n"
		"const char *s = \"#include \\\"no.c\\\"\";\n";
	char *copy = xstrdup(text);

	scan_result_free(&res);
	scan_buffer("arch/foo/t.c", copy, strlen(copy), &res);
	free(copy);
	CHECK_INT((int)res.nr_c_includes, 2, "c includes");
	if (res.nr_c_includes < 2)
		return;
	CHECK_STR(res.c_includes[0].included, "arch/foo/impl.c", "same folder");
	CHECK_STR(res.c_includes[0].path, "arch/foo/t.c", "includer");
	CHECK_STR(res.c_includes[1].included, "arch/lib/x.c", "up and back");
}

/* For literals holding NUL bytes. */
#define SCAN_LIT(lit) scan_len(lit, sizeof(lit) - 1)

/* text on one line, C-escaped and cut short, for CHECK messages */
static const char *show(const char *text)
{
	static char out[128];
	size_t n = 0;

	for (; *text && n < sizeof(out) - 8; text++) {
		unsigned char c = *text;

		if (c == '\n' || c == '\r' || c == '\t' || c == '\\')
			n += sprintf(out + n, "\\%c",
				     c == '\n' ? 'n' : c == '\r' ? 'r' :
				     c == '\t' ? 't' : '\\');
		else if (c < ' ' || c >= 0x7f)
			n += sprintf(out + n, "\\x%02x", c);
		else
			out[n++] = c;
	}
	snprintf(out + n, sizeof(out) - n, "%s", *text ? "..." : "");
	return out;
}

static size_t count_sites(const char *text)
{
	scan_str(text);
	return res.nr_sites;
}

static void test_basic(void)
{
	const struct scan_site *s;

	scan_str("void f(void)\n{\n\tpgd_populate(&init_mm, pgd, p4d);\n}\n");
	CHECK_INT(res.nr_sites, 1, "basic: one site");
	CHECK_INT(res.files_scanned, 1, "basic: files_scanned");
	CHECK_INT(res.bytes_scanned, 52, "basic: bytes_scanned");
	CHECK_INT(res.nr_problems, 0, "basic: no problem");
	if (res.nr_sites != 1)
		return;
	s = &res.sites[0];
	CHECK_STR(s->path, "t.c", "basic: path");
	CHECK_INT(s->line, 3, "basic: line");
	CHECK_INT(s->column, 1, "basic: column after a tab");
	CHECK_INT(s->column_end, 13, "basic: column_end");
	CHECK_INT(s->level, LEVEL_PGD, "basic: level");
	CHECK(!s->safe, "basic: not safe");
	CHECK(!s->in_helper && !s->in_macro, "basic: not in helper/macro");
	CHECK(!s->synced_after, "basic: not synced");
	CHECK_STR(s->function, "f", "basic: function");
	CHECK_STR(s->section, "", "basic: section");

	scan_str("void f(void)\n{\n  p4d_populate_safe(&init_mm, a, b);\n}\n");
	CHECK_INT(res.nr_sites, 1, "safe: one site");
	if (res.nr_sites == 1) {
		s = &res.sites[0];
		CHECK_INT(s->level, LEVEL_P4D, "safe: level p4d");
		CHECK(s->safe, "safe: safe set");
		CHECK_INT(s->column, 2, "safe: column");
		CHECK_INT(s->column_end, 19, "safe: column_end");
	}
	scan_str("f() { pgd_populate_safe(&init_mm, a, b); }");
	CHECK(res.nr_sites == 1 && res.sites[0].safe &&
	      res.sites[0].level == LEVEL_PGD, "pgd_populate_safe");

	scan_str("void f(void)\r\n{\r\n\tif (x)\r\n\t\tpgd_populate(&init_mm,\r\n"
		 "\t\t\t     a, b);\r\n}\r\n");
	CHECK(res.nr_sites == 1 && res.sites[0].line == 4 &&
	      res.sites[0].column == 2 && res.sites[0].column_end == 14,
	      "CRLF: line 4, columns 2-14");

	scan_str("f() { pgd_populate(&init_mm, a, b); p4d_populate(&init_mm, c, d); }");
	CHECK(res.nr_sites == 2 && res.sites[0].column == 6 &&
	      res.sites[1].column == 36, "two sites on a line: columns 6, 36");

	CHECK_STR(level_name(LEVEL_PGD), "pgd", "level_name pgd");
	CHECK_STR(level_name(LEVEL_P4D), "p4d", "level_name p4d");
}

static const char *const one_site[] = {
	"f() { pgd_populate(&init_mm, a, b); }",
	"f() { pgd_populate(& init_mm, a, b); }",
	"f() { pgd_populate((&init_mm), a, b); }",
	"f() { pgd_populate( ( & init_mm ) , a, b); }",
	"f() { pgd_populate(&(init_mm), a, b); }",
	"f() { pgd_populate(((&((init_mm)))), a, b); }",
	"f() { pgd_populate\n(\n&\ninit_mm\n,\na, b); }",
	"f() { pgd_populate /* c */ ( /* d */ & // e\n init_mm /**/ , a); }",
	"f() { pgd_populate(&init_mm \\\n, a, b); }",
	"f() { pgd_populate(\r\n&init_mm,\r\n a, b); }",
	"#define X \\\n\tpgd_populate(&init_mm, \\\n\t\ta, b)\n",
	"f() { c = '\"'; pgd_populate(&init_mm, a, b); }",
	"f() { s = \"a\\\\\"; pgd_populate(&init_mm, a, b); }",
	"f() { s = \"abc\npgd_populate(&init_mm, a, b); }",
	"#if 0\n#else\npgd_populate(&init_mm, a, b);\n#endif\n",
	"#if 0\n#elif 1\npgd_populate(&init_mm, a, b);\n#endif\n",
	"#if 0\n#elif defined(X)\npgd_populate(&init_mm, a, b);\n#endif\n",
	"#if 1\npgd_populate(&init_mm, a, b);\n#else\n"
	"pgd_populate(&init_mm, a, b);\n#endif\n",
	"#if 0\nit's dead\n#endif\npgd_populate(&init_mm, a, b);\n",
	"#if 0 && X\npgd_populate(&init_mm, a, b);\n#endif\n",
	"#if 10\npgd_populate(&init_mm, a, b);\n#endif\n",
	"#if 0\n/*\n#endif\n*/\n#endif\npgd_populate(&init_mm, a, b);\n",
	"#if 0 // comment \\\n still the comment\n#endif\n"
	"pgd_populate(&init_mm, a, b);\n",
	"#endif\n#else\n#elif 0\npgd_populate(&init_mm, a, b);\n",
	"}}} pgd_populate(&init_mm, a, b); {{{",
	"x = a # if 0\npgd_populate(&init_mm, a, b);\n",
};

static const char *const no_site[] = {
	"f() { pgd_populate(&init_mm.pgd, a, b); }",
	"f() { pgd_populate(&init_mm->pgd, a, b); }",
	"f() { pgd_populate(&init_mm_foo, a, b); }",
	"f() { pgd_populate(&x.init_mm, a, b); }",
	"f() { pgd_populate(*&init_mm, a, b); }",
	"f() { xpgd_populate(&init_mm, a, b); }",
	"f() { pgd_populatex(&init_mm, a, b); }",
	"f() { pgd_populate_kernel(&init_mm, a, b); }",
	"f() { pgd_populate_safe_x(&init_mm, a, b); }",
	"f() { pmd_populate(&init_mm, a, b); }",
	"f() { pgd_populate(mm, a, b); }",
	"f() { pgd_populate(&init_mm); }",
	"f() { pgd_populate(&init_mm) , a; }",
	"f() { pgd_populate(&&init_mm, a, b); }",
	"f() { pgd_populate((&init_mm, x), a); }",
	"f() { pgd_populate; (&init_mm, a, b); }",
	"/* pgd_populate(&init_mm, a, b); */",
	"// pgd_populate(&init_mm, a, b);\n",
	"// continued \\\n pgd_populate(&init_mm, a, b);\n",
	"// continued CRLF \\\r\n pgd_populate(&init_mm, a, b);\r\n",
	"f() { s = \"pgd_populate(&init_mm, a, b)\"; }",
	"f() { s = \"\\\"pgd_populate(&init_mm, a, b)\"; }",
	"f() { s = \"x\\\n pgd_populate(&init_mm, a, b)\"; }",
	"f() { c = 'pgd_populate(&init_mm, a, b)'; }",
	"#if 0\npgd_populate(&init_mm, a, b);\n#endif\n",
	"# if 0\npgd_populate(&init_mm, a, b);\n# endif\n",
	"  #  if  0\npgd_populate(&init_mm, a, b);\n#endif\n",
	"/* x */ #if 0\npgd_populate(&init_mm, a, b);\n#endif\n",
	"#if (0) /* off */\npgd_populate(&init_mm, a, b);\n#endif\n",
	"#if 0\n#if 1\npgd_populate(&init_mm, a, b);\n#endif\n"
	"pgd_populate(&init_mm, a, b);\n#endif\n",
	"#if 1\n#else\npgd_populate(&init_mm, a, b);\n#endif\n",
	"#if 1\n#elif 1\npgd_populate(&init_mm, a, b);\n#endif\n",
	"#if 0\n#elif 0\npgd_populate(&init_mm, a, b);\n#endif\n",
	"#ifdef X\n#elif 1\n#else\npgd_populate(&init_mm, a, b);\n#endif\n",
	"#if 0\n#define M pgd_populate(&init_mm, a, b)\n#endif\n",
	"#if \\\n 0\npgd_populate(&init_mm, a, b);\n#endif\n",
};

static void test_site_forms(void)
{
	size_t i, n;

	for (i = 0; i < sizeof(one_site) / sizeof(*one_site); i++) {
		n = count_sites(one_site[i]);
		CHECK_INT(n, 1, show(one_site[i]));
	}
	for (i = 0; i < sizeof(no_site) / sizeof(*no_site); i++) {
		n = count_sites(no_site[i]);
		CHECK_INT(n, 0, show(no_site[i]));
	}
	n = count_sites("#ifdef X\npgd_populate(&init_mm, a, b);\n"
			"#else\np4d_populate(&init_mm, a, b);\n#endif\n");
	CHECK_INT(n, 2, "both branches of #ifdef are live");

	/* an identifier cut by a line splice, "d_populate" nowhere */
	scan_str("f() { pgd_popu\\\nlate(&init_mm, a, b); }");
	CHECK(res.nr_sites == 1 && res.sites[0].line == 1 &&
	      res.sites[0].column == 6 && res.sites[0].column_end == 18,
	      "spliced identifier: line 1, columns 6-18");
}

struct context_case {
	const char *text;
	const char *function;
	const char *section;
};

static const struct context_case contexts[] = {
	{ "static void __meminit vmemmap_foo(unsigned long a)\n{\n"
	  "\tpgd_populate(&init_mm, a, b);\n}\n", "vmemmap_foo", "__meminit" },
	{ "int __ref foo(void)\n{\n\tp4d_populate(&init_mm, a, b);\n}\n",
	  "foo", "__ref" },
	{ "pgd_t * __init bar(pgd_t *p)\n{\n\tpgd_populate(&init_mm, p, b);\n"
	  "\treturn p;\n}\n", "bar", "__init" },
	{ "static void plain(void)\n{\n\tif (x) {\n"
	  "\t\tpgd_populate(&init_mm, a, b);\n\t}\n}\n", "plain", "" },
	{ "static int __section(\".x.text\") sect(void)\n{\n"
	  "\tpgd_populate(&init_mm, a, b);\n}\n", "sect", "__section" },
	{ "static void __init_memblock mb(void)\n{\n"
	  "\tpgd_populate(&init_mm, a, b);\n}\n", "mb", "__init_memblock" },
	{ "static void __exit ex(void)\n{\n\tpgd_populate(&init_mm, a, b);\n}\n",
	  "ex", "__exit" },
	{ "void __head hd(void)\n{\n\tpgd_populate(&init_mm, a, b);\n}\n",
	  "hd", "__head" },
	{ "static __always_inline void inl(void)\n{\n"
	  "\tpgd_populate(&init_mm, a, b);\n}\n", "inl", "" },
	{ "void lk(void) __acquires(l)\n{\n\tpgd_populate(&init_mm, a, b);\n}\n",
	  "lk", "" },
	{ "DEFINE_MUTEX(m)\nstatic void __init late(void)\n{\n"
	  "\tpgd_populate(&init_mm, a, b);\n}\n", "late", "__init" },
	{ "struct foo {\n\tint a;\n};\nstatic struct foo x = {\n\t.a = f(1),\n};\n"
	  "void g(int (*cb)(void))\n{\n\tpgd_populate(&init_mm, a, b);\n}\n",
	  "g", "" },
	{ "void m(void)\n{\n\tstruct { int a; } s = { 1 };\n"
	  "\tpgd_populate(&init_mm, a, b);\n}\n", "m", "" },
	{ "#ifdef A\nstatic void dual(int a)\n#else\nstatic void dual(void)\n"
	  "#endif\n{\n\tpgd_populate(&init_mm, a, b);\n}\n", "dual", "" },
	{ "#ifdef A\nstatic void two(int a) {\n#else\nstatic void two(void) {\n"
	  "#endif\n\tpgd_populate(&init_mm, a, b);\n}\n", "two", "" },
	{ "#if 0\nvoid dead(void) {\n#else\nvoid live(void) {\n#endif\n"
	  "\tpgd_populate(&init_mm, a, b);\n}\n", "live", "" },
	{ "#if 1\nvoid one(void) {\n#else\nvoid other(void) {\n#endif\n"
	  "\tpgd_populate(&init_mm, a, b);\n}\n", "one", "" },
	{ "void h(void)\n{\n\tif (a) {\n#ifdef A\n\t\tx();\n\t}\n#else\n"
	  "\t\ty();\n\t}\n#endif\n}\nvoid after(void)\n{\n"
	  "\tpgd_populate(&init_mm, a, b);\n}\n", "after", "" },
	{ "int f(void);\nint g(void)\n{\n\t{ pgd_populate(&init_mm, a, b); }\n"
	  "}\n", "g", "" },
	{ "static int a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r\n"
	  "static void __init longhead(void)\n{\n"
	  "\tpgd_populate(&init_mm, a, b);\n}\n", "longhead", "__init" },
	{ "void f(void)\n{\n}\npgd_populate(&init_mm, a, b);\n", "", "" },
	{ "static struct s x = {\n\t.p = pgd_populate(&init_mm, a, b),\n};\n",
	  "", "" },
};

static void test_context(void)
{
	const struct context_case *c;
	size_t i;

	for (i = 0; i < sizeof(contexts) / sizeof(*contexts); i++) {
		c = &contexts[i];
		scan_str(c->text);
		CHECK_INT(res.nr_sites, 1, show(c->text));
		if (res.nr_sites != 1)
			continue;
		CHECK_STR(res.sites[0].function, c->function, "function");
		CHECK_STR(res.sites[0].section, c->section, "section");
		CHECK(!res.sites[0].in_macro && !res.sites[0].in_helper,
		      "not in a macro or helper: %s", c->function);
	}
}

static const char pgalloc_h[] =
	"#define pgd_populate_kernel(addr, pgd, p4d)\t\t\t\t\\\n"
	"\tdo {\t\t\t\t\t\t\t\t\\\n"
	"\t\tpgd_populate(&init_mm, pgd, p4d);\t\t\t\\\n"
	"\t\tif (ARCH_PAGE_TABLE_SYNC_MASK & PGTBL_PGD_MODIFIED)\t\\\n"
	"\t\t\tarch_sync_kernel_mappings(addr, addr);\t\t\\\n"
	"\t} while (0)\n"
	"\n"
	"#define p4d_populate_kernel(addr, p4d, pud)\t\t\t\t\\\n"
	"\tdo {\t\t\t\t\t\t\t\t\\\n"
	"\t\tp4d_populate(&init_mm, p4d, pud);\t\t\t\\\n"
	"\t\tif (ARCH_PAGE_TABLE_SYNC_MASK & PGTBL_P4D_MODIFIED)\t\\\n"
	"\t\t\tarch_sync_kernel_mappings(addr, addr);\t\t\\\n"
	"\t} while (0)\n";

static void test_helpers(void)
{
	const struct scan_site *s;

	scan_str("static inline void pgd_populate_kernel(unsigned long addr,\n"
		 "\t\t\t\t       pgd_t *pgd, p4d_t *p4d)\n{\n"
		 "\tpgd_populate(&init_mm, pgd, p4d);\n"
		 "\tarch_sync_kernel_mappings(addr, addr);\n}\n");
	CHECK_INT(res.nr_helpers, 1, "helper function recorded");
	if (res.nr_helpers == 1) {
		CHECK_STR(res.helpers[0].name, "pgd_populate_kernel",
			  "helper function: name");
		CHECK_STR(res.helpers[0].path, "t.c", "helper function: path");
		CHECK_INT(res.helpers[0].line, 1, "helper function: line");
		CHECK(!res.helpers[0].is_macro, "helper function: not a macro");
	}
	CHECK_INT(res.nr_sites, 1, "helper function: its site");
	if (res.nr_sites == 1) {
		s = &res.sites[0];
		CHECK(s->in_helper && !s->in_macro,
		      "helper function: in_helper, not in_macro");
		CHECK_STR(s->function, "pgd_populate_kernel",
			  "helper function: function");
		CHECK(s->synced_after, "helper function: synced");
	}

	scan_str(pgalloc_h);
	CHECK_INT(res.nr_helpers, 2, "helper macros recorded");
	CHECK_INT(res.nr_sites, 2, "helper macros: their sites");
	if (res.nr_helpers == 2 && res.nr_sites == 2) {
		CHECK(res.helpers[0].is_macro && res.helpers[1].is_macro,
		      "helper macros: is_macro");
		CHECK_STR(res.helpers[1].name, "p4d_populate_kernel",
			  "helper macros: second name");
		CHECK_INT(res.helpers[1].line, 8, "helper macros: second line");
		CHECK(res.sites[0].in_helper && !res.sites[0].in_macro &&
		      res.sites[1].in_helper && !res.sites[1].in_macro,
		      "helper macros: in_helper, not in_macro");
		CHECK_STR(res.sites[1].function, "p4d_populate_kernel",
			  "helper macros: function");
		CHECK_INT(res.sites[1].line, 10, "helper macros: site line");
		CHECK(res.sites[0].synced_after && res.sites[1].synced_after,
		      "helper macros: synced");
	}

	scan_str("#define p4d_populate_kernel(addr, p4d, pud) do { } while (0)\n");
	CHECK(res.nr_helpers == 1 && res.helpers[0].is_macro &&
	      !res.nr_sites, "helper macro without a raw call");
	scan_str("void pgd_populate_kernel(unsigned long addr, pgd_t *pgd);\n"
		 "void f(void)\n{\n\tpgd_populate_kernel(a, b, c);\n}\n");
	CHECK_INT(res.nr_helpers, 0, "prototype and call are no helper");
	scan_str("#if 0\n"
		 "#define pgd_populate_kernel(a, b, c) pgd_populate(&init_mm, b, c)\n"
		 "#endif\n");
	CHECK(!res.nr_helpers && !res.nr_sites, "helper in #if 0 ignored");
}

static void test_macros(void)
{
	scan_str("#define FOO(x) \\\n\tpgd_populate(&init_mm, x, y)\n"
		 "void f(void)\n{\n\tp4d_populate(&init_mm, a, b);\n}\n");
	CHECK_INT(res.nr_sites, 2, "macro then function: two sites");
	if (res.nr_sites == 2) {
		CHECK(res.sites[0].in_macro && !res.sites[0].in_helper,
		      "macro: in_macro");
		CHECK_STR(res.sites[0].function, "FOO", "macro: function");
		CHECK_STR(res.sites[0].section, "", "macro: section");
		CHECK_INT(res.sites[0].line, 2, "macro: line");
		CHECK(!res.sites[1].in_macro, "after the macro: not in_macro");
		CHECK_STR(res.sites[1].function, "f", "after the macro: function");
	}
	scan_str("void __init f(void)\n{\n#define BAR pgd_populate(&init_mm, a, b)\n"
		 "\tBAR;\n}\n");
	CHECK(res.nr_sites == 1 && res.sites[0].in_macro &&
	      !strcmp(res.sites[0].function, "BAR") &&
	      !strcmp(res.sites[0].section, ""),
	      "macro inside a function body: function BAR, no section");
	scan_str("# define SPACED pgd_populate(&init_mm, a, b)\n");
	CHECK(res.nr_sites == 1 && res.sites[0].in_macro &&
	      !strcmp(res.sites[0].function, "SPACED"), "# define");
}

#define BODY(code) "void f(void)\n{\n" code "\n}\n"

static const char *const synced[] = {
	BODY("pgd_populate(&init_mm, a, b);\narch_sync_kernel_mappings(s, e);"),
	BODY("pgd_populate(&init_mm, a, b);\nsync_global_pgds(s, e - 1);"),
	BODY("p4d_populate(&init_mm, a, b);\nsync_global_pgds_l5(s, e);"),
	BODY("pgd_populate(&init_mm, a, b);\n*mask |= PGTBL_PGD_MODIFIED;"),
	BODY("p4d_populate(&init_mm, a, b);\nmask |= PGTBL_P4D_MODIFIED;"),
	BODY("pgd_populate(&init_mm, a, b);\n"
	     "mask |= PGTBL_PTE_MODIFIED | PGTBL_PGD_MODIFIED;"),
	BODY("pgd_populate(&init_mm, a, b);\nmask |=\n\tPGTBL_PGD_MODIFIED;"),
	BODY("if (x) {\npgd_populate(&init_mm, a, b);\n}\n"
	     "if (y)\narch_sync_kernel_mappings(s, e);"),
	"#define M(a) do { pgd_populate(&init_mm, a, b); "
	"arch_sync_kernel_mappings(a, a); } while (0)\n",
};

static const char *const not_synced[] = {
	BODY("arch_sync_kernel_mappings(s, e);\npgd_populate(&init_mm, a, b);"),
	BODY("p4d_populate(&init_mm, a, b);\nmask |= PGTBL_PGD_MODIFIED;"),
	BODY("pgd_populate(&init_mm, a, b);\nmask |= PGTBL_P4D_MODIFIED;"),
	BODY("pgd_populate(&init_mm, a, b);\n"
	     "if (ARCH_PAGE_TABLE_SYNC_MASK & PGTBL_PGD_MODIFIED)\n\tfoo();"),
	BODY("pgd_populate(&init_mm, a, b);\nmask |= x;\nfoo(PGTBL_PGD_MODIFIED);"),
	BODY("pgd_populate(&init_mm, a, b);\n"
	     "/* arch_sync_kernel_mappings(s, e); */"),
	BODY("pgd_populate(&init_mm, a, b);\n#if 0\n"
	     "arch_sync_kernel_mappings(s, e);\n#endif"),
	BODY("pgd_populate(&init_mm, a, b);\narch_sync_kernel_mappings_x(s);"),
	BODY("pgd_populate(&init_mm, a, b);") "void g(void)\n{\n"
	"\tarch_sync_kernel_mappings(s, e);\n}\n",
	"#define M(a) pgd_populate(&init_mm, a, b)\n"
	"void g(void)\n{\n\tarch_sync_kernel_mappings(s, e);\n}\n",
};

static void test_synced(void)
{
	size_t i;

	for (i = 0; i < sizeof(synced) / sizeof(*synced); i++) {
		scan_str(synced[i]);
		CHECK(res.nr_sites == 1 && res.sites[0].synced_after,
		      "synced: %s", show(synced[i]));
	}
	for (i = 0; i < sizeof(not_synced) / sizeof(*not_synced); i++) {
		scan_str(not_synced[i]);
		CHECK(res.nr_sites == 1 && !res.sites[0].synced_after,
		      "not synced: %s", show(not_synced[i]));
	}
}

static const char *const truncated[] = {
	"", "/", "#", "'", "\"", "\\", "x \\", "/*", "//", "// x \\",
	"/* pgd_populate(&init_mm, a, b);",
	"f() { s = \"pgd_populate(&init_mm, a, b);",
	"f() { s = \"\\", "pgd_populate", "pgd_populate(", "pgd_populate(&init_mm",
	"pgd_popu\\", "pgd_popu\\\r", "#define", "#define X \\", "#if",
	"#if (", "#define pgd_populate_kernel", "int f(void) {", "0x1e+",
	"d_populate \\\n",
};

static void test_robustness(void)
{
	char text[1024] = "";
	size_t i, n;

	for (i = 0; i < sizeof(truncated) / sizeof(*truncated); i++) {
		n = count_sites(truncated[i]);
		CHECK_INT(n, 0, show(truncated[i]));
	}
	CHECK_INT(res.files_scanned, 1, "a file with no site still counts");

	/* deeper than the conditional stack: unknown, so live */
	for (i = 0; i < 40; i++)
		strcat(text, "#ifdef X\n");
	strcat(text, "#if 0\npgd_populate(&init_mm, a, b);\n#endif\n");
	for (i = 0; i < 40; i++)
		strcat(text, "#endif\n");
	strcat(text, "p4d_populate(&init_mm, a, b);\n");
	scan_str(text);
	CHECK(res.nr_sites >= 1 &&
	      res.sites[res.nr_sites - 1].level == LEVEL_P4D,
	      "40 nested conditionals: the code after them is seen");
}

static void test_content_checks(void)
{
	size_t big = 70000;
	char *buf;

	SCAN_LIT("int a;\0pgd_populate(&init_mm, a, b);");
	CHECK(!res.nr_sites && res.nr_problems == 1 && !res.files_scanned,
	      "NUL byte: not scanned");
	if (res.nr_problems == 1)
		CHECK_STR(res.problems[0].reason, "binary file, not scanned",
			  "NUL byte: reason");

	/* a NUL past the first 64 KiB is not looked for */
	buf = xmalloc(big);
	memset(buf, ' ', big);
	memcpy(buf, "pgd_populate(&init_mm, a, b);", 29);
	buf[68000] = '\0';
	scan_len(buf, big);
	free(buf);
	CHECK(res.nr_sites == 1 && !res.nr_problems,
	      "NUL past 64 KiB: scanned");

	scan_str("int a;\n/* \xff */\npgd_populate(&init_mm, a, b);\n");
	CHECK_INT(res.nr_sites, 1, "invalid UTF-8: still scanned");
	CHECK_INT(res.nr_problems, 1, "invalid UTF-8: reported");
	if (res.nr_problems == 1)
		CHECK_STR(res.problems[0].reason,
			  "invalid UTF-8 at line 2; scanned as bytes",
			  "invalid UTF-8: reason");
	scan_str("/* caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 */\n");
	CHECK_INT(res.nr_problems, 0, "valid UTF-8: no problem");
	scan_str("/* overlong \xc0\xaf */");
	CHECK_INT(res.nr_problems, 1, "overlong UTF-8");
	scan_str("/* surrogate \xed\xa0\x80 */");
	CHECK_INT(res.nr_problems, 1, "UTF-8 surrogate");
	scan_str("/* above U+10FFFF \xf4\x90\x80\x80 */");
	CHECK_INT(res.nr_problems, 1, "UTF-8 above U+10FFFF");
	scan_str("\n\n\n/* truncated \xe2\x82");
	CHECK(res.nr_problems == 1 &&
	      !strcmp(res.problems[0].reason,
		      "invalid UTF-8 at line 4; scanned as bytes"),
	      "truncated UTF-8 at the end, line 4");
}

/* Fixture helpers: paths are relative to the fixture root. */
static char fixture[64];

static char *fx(const char *rel)
{
	return xasprintf("%s/%s", fixture, rel);
}

static void mkdirs(const char *rel)
{
	char *path = fx(rel), *p;

	for (p = path + strlen(fixture) + 1; (p = strchr(p, '/')); p++) {
		*p = '\0';
		mkdir(path, 0755);
		*p = '/';
	}
	free(path);
}

static void put(const char *rel, const char *text, size_t len)
{
	char *path = fx(rel);
	FILE *f;

	mkdirs(rel);
	f = fopen(path, "wb");
	if (!f || fwrite(text, 1, len, f) != len || fclose(f))
		printf("FAIL: cannot write %s\n", path);
	free(path);
}

#define PUT(rel, lit) put(rel, lit, sizeof(lit) - 1)

static void link_to(const char *rel, const char *target)
{
	char *path = fx(rel);

	mkdirs(rel);
	if (symlink(target, path))
		printf("FAIL: symlink %s: %s\n", path, strerror(errno));
	free(path);
}

static int remove_entry(const char *path, const struct stat *st, int flag,
			struct FTW *ftw)
{
	if (flag == FTW_DP)
		chmod(path, 0700);
	return remove(path);
}

static void remove_fixture(void)
{
	char *locked = fx("locked");

	chmod(locked, 0755);
	free(locked);
	nftw(fixture, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

#define BIG_SIZE ((long long)SCAN_MAX_FILE_SIZE + (1 << 20))
#define SITE "void f(void)\n{\n\tpgd_populate(&init_mm, a, b);\n}\n"

static void build_fixture(void)
{
	char *path;
	int fd;

	PUT("arch/x/a.c", SITE);
	PUT("arch/x/b.h", "#define B p4d_populate(&init_mm, a, b)\n");
	PUT("arch/x/notc.txt", SITE);
	PUT("arch/x/a.mod.c", SITE);
	PUT("arch/.tmp_versions/t.c", SITE);
	PUT(".git/g.c", SITE);
	PUT("mm/e.c", "pgd_populate(&init_mm, a, b);\n");
	PUT("utf.c", "/* \xe9 */\n" SITE);
	PUT("bin.c", "int a;\0" SITE);
	PUT("empty.c", "");
	link_to("arch/x/up", "..");
	link_to("self", ".");
	link_to("link.c", "arch/x/a.c");
	link_to("dangling.c", "nowhere/at/all.c");
	path = fx("fifo.c");
	if (mkfifo(path, 0644))
		printf("FAIL: mkfifo: %s\n", strerror(errno));
	free(path);
	/* sparse, so going over the limit costs nothing */
	path = fx("big.c");
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || ftruncate(fd, BIG_SIZE) || close(fd))
		printf("FAIL: big.c: %s\n", strerror(errno));
	free(path);
}

static bool has_problem(const struct scan_result *r, const char *path,
			const char *reason)
{
	size_t i;

	for (i = 0; i < r->nr_problems; i++) {
		if (!strcmp(r->problems[i].path, path) &&
		    !strcmp(r->problems[i].reason, reason))
			return true;
	}
	return false;
}

static int scan_paths(struct scan_result *r, int jobs, int n, ...)
{
	char *paths[8];
	va_list ap;
	int i;

	va_start(ap, n);
	for (i = 0; i < n; i++)
		paths[i] = va_arg(ap, char *);
	va_end(ap);
	scan_result_free(r);
	return scan_tree(fixture, paths, n, jobs, r);
}

static void test_tree_all(void)
{
	struct scan_result r = { 0 }, r1 = { 0 };
	char *big;
	size_t i;
	int ret;

	ret = scan_paths(&r, 2, 0);
	CHECK_INT(ret, 0, "tree: scan_tree returns 0");
	CHECK_INT(r.nr_sites, 4, "tree: sites");
	if (r.nr_sites == 4) {
		CHECK_STR(r.sites[0].path, "arch/x/a.c", "tree: site 0");
		CHECK_STR(r.sites[1].path, "arch/x/b.h", "tree: site 1");
		CHECK_STR(r.sites[2].path, "mm/e.c", "tree: site 2");
		CHECK_STR(r.sites[3].path, "utf.c", "tree: site 3");
		CHECK_INT(r.sites[3].line, 4, "tree: line in utf.c");
	}
	CHECK_INT(r.files_scanned, 5, "tree: files scanned");
	CHECK_INT(r.nr_problems, 3, "tree: problems");
	big = xasprintf("too large (%lld bytes), not scanned", BIG_SIZE);
	CHECK(has_problem(&r, "big.c", big), "tree: big.c %s", big);
	free(big);
	CHECK(has_problem(&r, "bin.c", "binary file, not scanned"),
	      "tree: bin.c binary");
	CHECK(has_problem(&r, "utf.c",
			  "invalid UTF-8 at line 1; scanned as bytes"),
	      "tree: utf.c invalid UTF-8");
	for (i = 1; i < r.nr_problems; i++)
		CHECK(strcmp(r.problems[i - 1].path, r.problems[i].path) <= 0,
		      "tree: problems sorted (%s)", r.problems[i].path);

	ret = scan_paths(&r1, 1, 0);
	CHECK_INT(ret, 0, "tree, 1 job");
	CHECK(r1.nr_sites == r.nr_sites && r1.nr_problems == r.nr_problems &&
	      r1.files_scanned == r.files_scanned &&
	      r1.bytes_scanned == r.bytes_scanned, "tree: 1 job = 2 jobs");
	ret = scan_paths(&r1, 0, 0);
	CHECK_INT(ret, 0, "tree, jobs 0");
	CHECK(r1.nr_sites == r.nr_sites && r1.files_scanned == r.files_scanned,
	      "tree: jobs 0 = 2 jobs");
	ret = scan_paths(&r1, 64, 0);
	CHECK_INT(ret, 0, "tree, more jobs than files");
	CHECK_INT(r1.nr_sites, r.nr_sites, "tree: 64 jobs = 2 jobs");
	scan_result_free(&r1);
	scan_result_free(&r);
}

static void test_tree_paths(void)
{
	struct scan_result r = { 0 };
	int ret;

	scan_paths(&r, 2, 1, "mm");
	CHECK(r.nr_sites == 1 && !strcmp(r.sites[0].path, "mm/e.c") &&
	      !r.nr_problems, "paths: mm only");
	scan_paths(&r, 2, 3, "./arch/", "arch/x", "arch/x/a.c");
	CHECK(r.nr_sites == 2 && r.files_scanned == 2 &&
	      !strcmp(r.sites[0].path, "arch/x/a.c"),
	      "paths: overlapping paths scan each file once");
	scan_paths(&r, 2, 1, "arch/x/a.c");
	CHECK(r.nr_sites == 1 && r.files_scanned == 1, "paths: one file");
	scan_paths(&r, 2, 1, "arch/x/notc.txt");
	CHECK_INT(r.nr_sites, 1, "paths: a file named explicitly is scanned");
	scan_paths(&r, 2, 1, ".");
	CHECK_INT(r.nr_sites, 4, "paths: \".\" is the whole tree");
	ret = scan_paths(&r, 2, 1, "nope");
	CHECK_INT(ret, 0, "paths: missing path");
	CHECK(r.nr_problems == 1 &&
	      has_problem(&r, "nope", "unreadable: No such file or directory"),
	      "paths: missing path is a problem");
	scan_result_free(&r);
}

static void test_tree_errors(void)
{
	struct scan_result r = { 0 };
	char *file = fx("mm/e.c");

	errno = 0;
	CHECK(scan_tree("/nonexistent/ptsync", NULL, 0, 1, &r) == -1 &&
	      errno == ENOENT, "missing root: -1, ENOENT");
	errno = 0;
	CHECK(scan_tree(file, NULL, 0, 1, &r) == -1 && errno == ENOTDIR,
	      "root is a file: -1, ENOTDIR");
	free(file);
	scan_result_free(&r);
}

enum { U_FILE = 1, U_DIR = 2, U_SITE = 4, U_RET = 8, U_SKIP = 99 };

/*
 * Root reads everything, and these tests run as root: a child drops to
 * nobody before scanning, so that mode 000 means what it says.
 */
static int unreadable_child(void)
{
	struct scan_result r = { 0 };
	int bits = 0;

	if (geteuid() == 0 && (setgid(65534) || setuid(65534)))
		return U_SKIP;
	if (!scan_tree(fixture, NULL, 0, 2, &r))
		bits |= U_RET;
	if (has_problem(&r, "secret.c", "unreadable: Permission denied"))
		bits |= U_FILE;
	if (has_problem(&r, "locked", "unreadable: Permission denied"))
		bits |= U_DIR;
	if (r.nr_sites == 1 && !strcmp(r.sites[0].path, "ok.c"))
		bits |= U_SITE;
	return bits;
}

static void test_unreadable(void)
{
	char *path;
	int status = 0;
	pid_t pid;

	PUT("ok.c", "pgd_populate(&init_mm, a, b);\n");
	PUT("secret.c", "pgd_populate(&init_mm, a, b);\n");
	PUT("locked/x.c", "pgd_populate(&init_mm, a, b);\n");
	path = fx("secret.c");
	chmod(path, 0);
	free(path);
	path = fx("locked");
	chmod(path, 0);
	free(path);
	chmod(fixture, 0755);
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(unreadable_child());
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) {
		CHECK(0, "unreadable: child failed");
		return;
	}
	status = WEXITSTATUS(status);
	if (status == U_SKIP) {
		printf("SKIP: unreadable: cannot drop root privileges\n");
		return;
	}
	CHECK(status & U_RET, "unreadable: scan_tree returns 0");
	CHECK(status & U_FILE, "unreadable: file reported");
	CHECK(status & U_DIR, "unreadable: directory reported");
	CHECK(status & U_SITE, "unreadable: the readable file is scanned");
}

static void test_tree(void)
{
	snprintf(fixture, sizeof(fixture), "/tmp/test_scan.XXXXXX");
	if (!mkdtemp(fixture)) {
		CHECK(0, "mkdtemp: %s", strerror(errno));
		return;
	}
	build_fixture();
	test_tree_all();
	test_tree_paths();
	test_tree_errors();
	remove_fixture();

	snprintf(fixture, sizeof(fixture), "/tmp/test_scan.XXXXXX");
	if (!mkdtemp(fixture)) {
		CHECK(0, "mkdtemp: %s", strerror(errno));
		return;
	}
	test_unreadable();
	remove_fixture();
}

/* Raw populate sites under prefix (p4d_alloc/pud_alloc ones apart). */
static size_t count_prefix(const struct scan_result *r, const char *prefix)
{
	size_t i, n = 0;

	for (i = 0; i < r->nr_sites; i++)
		n += !r->sites[i].indirect &&
		     str_starts_with(r->sites[i].path, prefix);
	return n;
}

static size_t count_indirect(const struct scan_result *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->nr_sites; i++)
		n += r->sites[i].indirect;
	return n;
}

static bool has_site(const struct scan_result *r, const char *path, int line)
{
	size_t i;

	for (i = 0; i < r->nr_sites; i++) {
		if (r->sites[i].line == line && !strcmp(r->sites[i].path, path))
			return true;
	}
	return false;
}

/* Every line grep finds in arch/ must be a site, and no more sites. */
static void check_against_grep(const struct scan_result *r)
{
	char line[4096], *colon;
	size_t found = 0;
	FILE *p;

	p = popen(GREP_CMD, "r");
	if (!p) {
		CHECK(0, "popen grep: %s", strerror(errno));
		return;
	}
	while (fgets(line, sizeof(line), p)) {
		colon = strchr(line, ':');
		if (!colon)
			continue;
		*colon = '\0';
		found++;
		CHECK(has_site(r, line, atoi(colon + 1)), "grep hit %s:%d is a site",
		      line, atoi(colon + 1));
	}
	pclose(p);
	CHECK(found > 0, "grep finds sites in arch/");
	CHECK_INT(count_prefix(r, "arch/"), found, "arch/ sites = grep hits");
}

static void test_real_tree(void)
{
	struct scan_result r = { 0 };
	struct timespec t0, t1;
	size_t i, helpers = 0, in_helper = 0, sites = 0;
	int ret;

	if (access(REAL_TREE, F_OK)) {
		printf("SKIP: %s not found, real-tree checks not run\n",
		       REAL_TREE);
		return;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ret = scan_tree(REAL_TREE, NULL, 0, 0, &r);
	CHECK_INT(ret, 0, "6.12: scan_tree");
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("info: 6.12: %zu files, %zu MiB in %.2f s\n", r.files_scanned,
	       r.bytes_scanned >> 20, (double)(t1.tv_sec - t0.tv_sec) +
	       (t1.tv_nsec - t0.tv_nsec) / 1e9);
	CHECK(r.files_scanned > 50000, "6.12: %zu files scanned",
	      r.files_scanned);
	CHECK_INT(count_prefix(&r, "mm/"), 0, "6.12: no site under mm/");
	/* mm/kasan 2, x86 5, nios2 2, powerpc 5, riscv 2 */
	CHECK_INT(count_indirect(&r), 16,
		  "6.12: p4d_alloc/pud_alloc(&init_mm, ...) sites");
	for (i = 0; i < r.nr_helpers; i++) {
		if (!strcmp(r.helpers[i].path, "include/linux/pgalloc.h"))
			helpers += r.helpers[i].is_macro;
	}
	CHECK_INT(helpers, 2, "6.12: pgalloc.h has 2 helper macros");
	for (i = 0; i < r.nr_sites; i++) {
		if (strcmp(r.sites[i].path, "include/linux/pgalloc.h"))
			continue;
		sites++;
		in_helper += r.sites[i].in_helper;
	}
	CHECK(sites == 2 && in_helper == 2,
	      "6.12: pgalloc.h sites are in_helper (%zu of %zu)", in_helper,
	      sites);
	for (i = 1; i < r.nr_sites; i++)
		if (strcmp(r.sites[i - 1].path, r.sites[i].path) > 0)
			break;
	CHECK(i >= r.nr_sites, "6.12: sites sorted by path");
	check_against_grep(&r);
	scan_result_free(&r);
}

/* p4d_alloc/pud_alloc on init_mm populate the level above them. */
static void test_indirect(void)
{
	scan_str("void f(void)\n{\n\tp4d = p4d_alloc(&init_mm, pgd, a);\n"
		 "\tpud = pud_alloc( ( &init_mm ), p4d, a);\n"
		 "\tpud = pud_alloc(mm, p4d, a);\n}\n");
	CHECK_INT(res.nr_sites, 2, "indirect: two sites on init_mm");
	if (res.nr_sites != 2)
		return;
	CHECK(res.sites[0].indirect && res.sites[0].level == LEVEL_PGD &&
	      !res.sites[0].safe, "indirect: p4d_alloc fills a pgd entry");
	CHECK(res.sites[1].indirect && res.sites[1].level == LEVEL_P4D,
	      "indirect: pud_alloc fills a p4d entry");
	CHECK_INT(res.sites[0].line, 3, "indirect: line");
	CHECK_STR(res.sites[0].function, "f", "indirect: function");
	scan_str("static inline p4d_t *p4d_alloc(struct mm_struct *mm, pgd_t *pgd,\n"
		 "\tunsigned long address)\n{ return 0; }\n");
	CHECK_INT(res.nr_sites, 0, "indirect: the definition is no site");
}

/* Each site carries the #if conditions around it, as lib/cond.c renders them. */
static void test_conditions(void)
{
	scan_str("#ifndef _T_H\n#define _T_H\n"
		 "#ifdef CONFIG_X86_32\n"
		 "void a(void)\n{\n\tpgd_populate(&init_mm, p, q);\n}\n"
		 "#else /* a comment */\n"
		 "void b(void)\n{\n\tpgd_populate(&init_mm, p, q);\n}\n"
		 "#endif\n"
		 "#if defined(CONFIG_A) && \\\n    !defined(CONFIG_B)\n"
		 "void c(void)\n{\n\tp4d_populate(&init_mm, p, q);\n}\n"
		 "#endif\n"
		 "void d(void)\n{\n\tp4d_populate(&init_mm, p, q);\n}\n"
		 "#endif\n");
	CHECK_INT(res.nr_sites, 4, "conditions: four sites");
	if (res.nr_sites != 4)
		return;
	CHECK_STR(res.sites[0].condition, "CONFIG_X86_32",
		  "conditions: #ifdef, the include guard left out");
	CHECK_STR(res.sites[1].condition, "!CONFIG_X86_32",
		  "conditions: #else, its comment left out");
	CHECK_STR(res.sites[2].condition, "CONFIG_A && !CONFIG_B",
		  "conditions: a continued #if");
	CHECK_STR(res.sites[3].condition, "", "conditions: none after #endif");
}

int main(void)
{
	test_basic();
	test_site_forms();
	test_context();
	test_helpers();
	test_macros();
	test_synced();
	test_indirect();
	test_robustness();
	test_content_checks();
	test_c_includes();
	test_conditions();
	scan_result_free(&res);
	test_tree();
	test_real_tree();
	return unit_done("unit scan");
}
