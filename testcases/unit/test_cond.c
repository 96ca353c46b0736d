// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests for arches/cond.c and arches/mask.c: how #if stacks are
 * rendered and compared, and how mask expressions are read.
 */
#include <stdlib.h>

#include "arches/arches.h"
#include "lib/cond.h"
#include "lib/util.h"
#include "testcases/unit/unit.h"

/* Feed lines (NULL-terminated) and render what is in force after them. */
static char *render_after(const char *const *lines, bool *dead)
{
	struct cond_stack *cs = cond_stack_new();
	char *r;

	for (; *lines; lines++)
		cond_stack_directive(cs, *lines);
	r = cond_stack_render(cs);
	if (dead)
		*dead = cond_stack_dead(cs);
	cond_stack_free(cs);
	return r;
}

#define RENDER(want, ...) do {						\
	const char *const l_[] = { __VA_ARGS__, NULL };			\
	char *got_ = render_after(l_, NULL);				\
									\
	CHECK_STR(got_, want, "render " #__VA_ARGS__);			\
	free(got_);							\
} while (0)

static void test_render(void)
{
	bool dead;
	char *r;

	RENDER("", "int x;");
	RENDER("CONFIG_X86_32", "#ifdef CONFIG_X86_32");
	RENDER("!CONFIG_X86_32", "#ifndef CONFIG_X86_32", "int x;");
	RENDER("CONFIG_A && !CONFIG_B", "#if defined(CONFIG_A) && !defined (CONFIG_B)");
	RENDER("CONFIG_A || CONFIG_B", "#if defined CONFIG_A ||  defined(CONFIG_B)");
	RENDER("CONFIG_PGTABLE_LEVELS > 4", "#  if   CONFIG_PGTABLE_LEVELS>4");
	RENDER("!CONFIG_MMU", "#ifdef CONFIG_MMU", "#else");
	RENDER("CONFIG_MMU", "#ifndef CONFIG_MMU", "int x;", "#else");
	RENDER("!(CONFIG_PGTABLE_LEVELS > 4)", "#if CONFIG_PGTABLE_LEVELS > 4", "#else");
	RENDER("!A && B", "#if A", "#elif B");
	RENDER("!(A && C) && B", "#if A && C", "#elif B");
	RENDER("!A && !B", "#if A", "#elif B", "#else");
	RENDER("(A || B) && C", "#if A || B", "#if C");
	RENDER("!(A || B)", "#if A || B", "#else");
	RENDER("CONFIG_MMU && !CONFIG_ARM_LPAE && CONFIG_VMAP_STACK",
	       "#ifndef CONFIG_MMU", "#else", "#ifdef CONFIG_ARM_LPAE",
	       "#else", "#ifdef CONFIG_VMAP_STACK");
	RENDER("A", "#ifdef A", "#ifdef B", "#endif");
	RENDER("", "#ifdef A", "#endif");
	/* the include guard is no condition; the same #ifndef after code is */
	RENDER("CONFIG_X", "#ifndef _ASM_FOO_H", "#define _ASM_FOO_H",
	       "#ifdef CONFIG_X");
	RENDER("!_ASM_FOO_H && CONFIG_X", "#ifndef _ASM_FOO_H", "int x;",
	       "#define _ASM_FOO_H", "#ifdef CONFIG_X");
	RENDER("!FOO", "#ifndef FOO", "#define FOO 42");
	RENDER("CONFIG_X", "#ifndef __ASSEMBLY__", "#ifdef CONFIG_X");
	RENDER("CONFIG_X", "#if !defined(__ASSEMBLY__)", "#ifdef CONFIG_X");
	RENDER("B", "#if 1", "#ifdef B");
	RENDER("B", "#if 0", "#elif B");
	RENDER("!A", "#if A", "#elif 1");

	r = render_after((const char *const[]){ "#if 0", "#ifdef B", NULL }, &dead);
	CHECK(dead, "#if 0 is dead");
	free(r);
	r = render_after((const char *const[]){ "#if 0", "#else", NULL }, &dead);
	CHECK(!dead && !*r, "#else of #if 0 is live and unconditional: \"%s\"", r);
	free(r);
	r = render_after((const char *const[]){ "#if 1", "#else", NULL }, &dead);
	CHECK(dead, "#else of #if 1 is dead");
	free(r);
	r = render_after((const char *const[]){ "#ifdef A", "#endif", NULL }, &dead);
	CHECK(!dead, "closed block is not dead");
	free(r);
}

static void test_directive_result(void)
{
	struct cond_stack *cs = cond_stack_new();

	CHECK(cond_stack_directive(cs, "#ifdef X"), "#ifdef is conditional");
	CHECK(!cond_stack_directive(cs, "#include <asm/x.h>"), "#include is not");
	CHECK(!cond_stack_directive(cs, "#define Y 1"), "#define is not");
	CHECK(!cond_stack_directive(cs, "x = 1;"), "code is not");
	CHECK(cond_stack_directive(cs, "# else"), "# else is");
	CHECK(cond_stack_directive(cs, "#endif"), "#endif is");
	cond_stack_free(cs);
}

#define AND(a, b, want) do {						\
	char *got_ = cond_and(a, b);					\
									\
	CHECK_STR(got_, want, "cond_and(\"" a "\", \"" b "\")");	\
	free(got_);							\
} while (0)

static void test_and(void)
{
	char *n;

	AND("", "", "");
	AND("A", "", "A");
	AND("", "B", "B");
	AND("A", "B", "A && B");
	AND("A && B", "B && C", "A && B && C");
	AND("A || B", "C", "(A || B) && C");
	AND("C", "A || B", "C && (A || B)");
	n = cond_and(NULL, "X");
	CHECK_STR(n, "X", "cond_and(NULL, X)");
	free(n);
	n = cond_normalise("defined(A)&&!defined B||f( x ,y )");
	CHECK_STR(n, "A && !B || f(x, y)", "cond_normalise");
	free(n);
}

static void test_compatible(void)
{
	CHECK(cond_compatible("", ""), "empty with empty");
	CHECK(cond_compatible("A", ""), "A with empty");
	CHECK(cond_compatible("A", "B"), "A with B");
	CHECK(!cond_compatible("A", "!A"), "A with !A");
	CHECK(!cond_compatible("!A && B", "A"), "!A && B with A");
	CHECK(!cond_compatible("A", "!(A)"), "A with !(A)");
	CHECK(!cond_compatible("!(X > 4)", "X > 4"), "!(X > 4) with X > 4");
	CHECK(cond_compatible("(A || B)", "!A"), "(A || B) with !A");
	CHECK(!cond_compatible("IS_ENABLED(CONFIG_A)", "!CONFIG_A"),
	      "IS_ENABLED(CONFIG_A) with !CONFIG_A");
	/* bitness aliases */
	CHECK(!cond_compatible("!CONFIG_X86_32", "!CONFIG_64BIT"),
	      "!CONFIG_X86_32 with !CONFIG_64BIT");
	CHECK(cond_compatible("!CONFIG_X86_32", "CONFIG_64BIT"),
	      "!CONFIG_X86_32 with CONFIG_64BIT");
	CHECK(!cond_compatible("CONFIG_X86_32 && CONFIG_X86_PAE", "CONFIG_64BIT"),
	      "x86 PAE with CONFIG_64BIT");
	CHECK(!cond_compatible("CONFIG_32BIT", "CONFIG_X86_64"),
	      "CONFIG_32BIT with CONFIG_X86_64");
	CHECK(cond_compatible("CONFIG_X86_32", "CONFIG_32BIT"),
	      "CONFIG_X86_32 with CONFIG_32BIT");
	CHECK(!cond_compatible("CONFIG_X86_64", "CONFIG_X86_32"),
	      "CONFIG_X86_64 with CONFIG_X86_32");

	CHECK(cond_implies("A && B", "B"), "A && B implies B");
	CHECK(cond_implies("A", ""), "A implies nothing");
	CHECK(!cond_implies("A", "B"), "A does not imply B");
	CHECK(cond_implies("!CONFIG_X86_32", "CONFIG_X86_64"),
	      "!CONFIG_X86_32 implies CONFIG_X86_64");
}

static void check_complement(const char *want, const char *const *given,
			     size_t nr, const char *what)
{
	char **conds = xcalloc(nr, sizeof(*conds)), *got;
	size_t i;

	for (i = 0; i < nr; i++)
		conds[i] = (char *)given[i];
	got = cond_complement(conds, nr);
	free(conds);

	if (want)
		CHECK_STR(got, want, what);
	else
		CHECK(!got, "%s: got %s, want none", what, got ? got : "(null)");
	free(got);
}

#define COMPLEMENT(want, ...) do {					\
	static const char *const conds_[] = { __VA_ARGS__ };		\
	check_complement(want, conds_, ARRAY_SIZE(conds_),		\
			 "complement of " #__VA_ARGS__);		\
} while (0)

/* The configurations no definition of a mask covers: its implicit 0. */
static void test_complement(void)
{
	/* x86 before the backport: only the 32-bit headers define it */
	COMPLEMENT("!CONFIG_X86_32", "CONFIG_X86_32 && !CONFIG_X86_PAE",
		   "CONFIG_X86_32 && CONFIG_X86_PAE");
	/* after it, x86-64 defines it too: nothing is left */
	COMPLEMENT(NULL, "CONFIG_X86_32 && !CONFIG_X86_PAE",
		   "CONFIG_X86_32 && CONFIG_X86_PAE", "!CONFIG_X86_32");
	/* the aliases: CONFIG_X86_64 is !CONFIG_X86_32 */
	COMPLEMENT(NULL, "CONFIG_X86_32", "CONFIG_X86_64");
	COMPLEMENT("!CONFIG_A", "CONFIG_A");
	COMPLEMENT("CONFIG_A", "!CONFIG_A && CONFIG_B", "!CONFIG_A && !CONFIG_B");
	COMPLEMENT(NULL, "", "CONFIG_A");
	/* no plain conjunction: every definition negated */
	COMPLEMENT("!(CONFIG_MMU && !CONFIG_ARM_LPAE && CONFIG_VMAP_STACK)",
		   "CONFIG_MMU && !CONFIG_ARM_LPAE && CONFIG_VMAP_STACK");
	COMPLEMENT("!(A && B) && !C", "A && B", "C");
	COMPLEMENT("!(CONFIG_PGTABLE_LEVELS > 4)", "(CONFIG_PGTABLE_LEVELS > 4)");
	/* a conjunct with its own || is one symbol, not a negation */
	COMPLEMENT("(A || B) && !(!A || B)", "!(A || B)", "!A || B");
	COMPLEMENT("!(!A || B) && !A", "!A || B", "A");
	/* more than 64 definitions: negated, but never "!A && A" */
	COMPLEMENT(NULL, "A", "!A", "B", "B", "B", "B", "B", "B", "B", "B",
		   "B", "B", "B", "B", "B", "B", "B", "B", "B", "B", "B", "B",
		   "B", "B", "B", "B", "B", "B", "B", "B", "B", "B", "B", "B",
		   "B", "B", "B", "B", "B", "B", "B", "B", "B", "B", "B", "B",
		   "B", "B", "B", "B", "B", "B", "B", "B", "B", "B", "B", "B",
		   "B", "B", "B", "B", "B", "B", "B");
}

static void test_mask(void)
{
	unsigned int m, t, f;
	const char *names[5];
	char *c;

	CHECK(!mask_parse("PGTBL_PMD_MODIFIED", &m, &c, &t, &f) &&
	      m == MASK_PMD && !c, "single level");
	CHECK(!mask_parse("0", &m, &c, &t, &f) && m == 0 && !c, "0");
	CHECK(!mask_parse("(PGTBL_PMD_MODIFIED | PGTBL_PTE_MODIFIED)", &m, &c,
			  &t, &f) && m == (MASK_PMD | MASK_PTE) && !c, "or");
	CHECK(!mask_parse("((PGTBL_PGD_MODIFIED)|PGTBL_P4D_MODIFIED|0)", &m,
			  &c, &t, &f) && m == (MASK_PGD | MASK_P4D), "nested or");

	c = NULL;
	CHECK(!mask_parse("(pgtable_l5_enabled() ? PGTBL_PGD_MODIFIED : PGTBL_P4D_MODIFIED)",
			  &m, &c, &t, &f) && m == (MASK_PGD | MASK_P4D) &&
	      t == MASK_PGD && f == MASK_P4D, "x86-64 ternary");
	CHECK_STR(c, "pgtable_l5_enabled()", "x86-64 mask condition");
	free(c);
	c = NULL;
	CHECK(!mask_parse("(SHARED_KERNEL_PMD ? 0 : PGTBL_PMD_MODIFIED)",
			  &m, &c, &t, &f) && m == MASK_PMD && t == 0 &&
	      f == MASK_PMD, "x86 PAE ternary");
	CHECK_STR(c, "SHARED_KERNEL_PMD", "PAE mask condition");
	free(c);
	c = NULL;
	CHECK(!mask_parse("a ? (PGTBL_PUD_MODIFIED | PGTBL_PMD_MODIFIED) : b ? 0 : PGTBL_PTE_MODIFIED",
			  &m, &c, &t, &f) &&
	      m == (MASK_PUD | MASK_PMD | MASK_PTE) &&
	      t == (MASK_PUD | MASK_PMD) && f == MASK_PTE, "nested ternary");
	CHECK_STR(c, "a", "nested ternary condition");
	free(c);

	CHECK(mask_parse("PGTBL_FOO_MODIFIED", &m, NULL, NULL, NULL) == -1, "unknown name");
	CHECK(mask_parse("PGTBL_PMD_MODIFIED || 1", &m, NULL, NULL, NULL) == -1, "||");
	CHECK(mask_parse("(PGTBL_PMD_MODIFIED", &m, NULL, NULL, NULL) == -1, "unbalanced");
	CHECK(mask_parse("", &m, NULL, NULL, NULL) == -1, "empty");
	CHECK(mask_parse("x ? PGTBL_PMD_MODIFIED", &m, NULL, NULL, NULL) == -1, "? without :");
	CHECK(mask_parse("? 0 : 0", &m, NULL, NULL, NULL) == -1, "? without condition");
	CHECK(mask_parse("1 << 3", &m, NULL, NULL, NULL) == -1, "shift");
	CHECK(mask_parse(NULL, &m, NULL, NULL, NULL) == -1, "NULL");

	CHECK_INT(mask_levels(MASK_PGD | MASK_P4D, names, 5), 2, "two levels");
	CHECK_STR(names[0], "pgd", "first level");
	CHECK_STR(names[1], "p4d", "second level");
	CHECK_INT(mask_levels(MASK_PUD | MASK_PMD | MASK_PTE, names, 2), 2,
		  "levels capped at max");
	CHECK_STR(names[1], "pmd", "second of three");
	CHECK_INT(mask_levels(0, names, 5), 0, "no levels");
	CHECK_INT(mask_levels(MASK_PTE, names, 5), 1, "pte");
	CHECK_STR(names[0], "pte", "pte name");
}

/* The one reading of "#if 0" that the scanner and the model share. */
static void test_constant(void)
{
	CHECK_INT(cond_constant("0"), 0, "0");
	CHECK_INT(cond_constant("1"), 1, "1");
	CHECK_INT(cond_constant("( ( 0 ) )"), 0, "parenthesized 0");
	CHECK_INT(cond_constant("(1)"), 1, "parenthesized 1");
	CHECK_INT(cond_constant("(0) || (1)"), -1, "an expression");
	CHECK_INT(cond_constant("CONFIG_X86_32"), -1, "a symbol");
	CHECK_INT(cond_constant("10"), -1, "another number");
	CHECK_INT(cond_constant(""), -1, "nothing");
}

int main(void)
{
	test_constant();
	test_render();
	test_directive_result();
	test_and();
	test_compatible();
	test_complement();
	test_mask();
	return unit_done("unit cond");
}
