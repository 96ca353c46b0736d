// SPDX-License-Identifier: GPL-2.0-only
/*
 * scan/ppcond.c: which code is dead, and when the scanners are told to
 * save and restore their state, recorded as a trace of hook calls.
 */
#include <stdio.h>
#include <stdlib.h>

#include "scan/ppcond.h"
#include "testcases/unit/unit.h"

static char trace[512];

static void note(const char *what, int level, enum pp_slot slot)
{
	size_t n = strlen(trace);

	snprintf(trace + n, sizeof(trace) - n, "%s%s%d ", what,
		 slot == PP_AT_IF ? "if" : "first", level);
}

static void on_save(void *ctx, int level, enum pp_slot slot)
{
	note("save:", level, slot);
}

static void on_restore(void *ctx, int level, enum pp_slot slot)
{
	note("restore:", level, slot);
}

static void on_other(void *ctx, struct token *t)
{
	size_t n = strlen(trace);

	snprintf(trace + n, sizeof(trace) - n, "other:%.*s ", (int)t->len,
		 t->s);
}

/*
 * Run src's directives (every line of src is one); dead gets, per line,
 * '0' or '1': whether the code after it would be dead.
 */
static void run(const char *src, char *dead)
{
	const struct pp_hooks h = { NULL, on_save, on_restore, on_other };
	struct pp_conds pc = { 0 };
	struct lexer lx;
	struct token t;

	trace[0] = '\0';
	scan_lex_init(&lx, src, strlen(src));
	for (;;) {
		scan_lex_next(&lx, &t);
		if (t.kind == T_EOF)
			break;
		if (t.kind == T_PUNCT && t.punct == '#' && t.bol) {
			pp_directive(&pc, &lx, &h, &t);
			*dead++ = pc.dead ? '1' : '0';
		}
	}
	*dead = '\0';
	scan_lex_free(&lx);
}

static void test_values(void)
{
	char dead[64];

	run("#if 0\n#else\n#endif\n", dead);
	CHECK(!strcmp(dead, "100"), "#if 0 is dead, its #else is not");
	run("#if 1\n#elif X\n#else\n#endif\n", dead);
	CHECK(!strcmp(dead, "0110"), "after a literal 1 the other branches die");
	run("#ifdef X\n#elif 0\n#else\n#endif\n", dead);
	CHECK(!strcmp(dead, "0100"), "an unknown condition keeps its branches");
	run("#if 0\n#if 1\n#endif\n#endif\n", dead);
	CHECK(!strcmp(dead, "1110"), "a live branch inside a dead one is dead");
	run("#if (0)\n#endif\n", dead);
	CHECK(!strcmp(dead, "10"), "a parenthesized 0 is 0");
}

static void test_hooks(void)
{
	char dead[64];

	run("#ifdef X\n#else\n#endif\n", dead);
	CHECK(!strcmp(trace, "save:if0 save:first0 restore:if0 restore:first0 "),
	      "#else keeps the first branch's end and goes back to the #if");
	run("#ifdef X\n#endif\n", dead);
	CHECK(!strcmp(trace, "save:if0 "), "one branch: nothing to restore");
	run("#if 0\n#else\n#endif\n", dead);
	CHECK(!strcmp(trace, "save:if0 restore:if0 "),
	      "a dead first branch is not the one that wins");
	run("#define A 1\n#include <x.h>\n", dead);
	CHECK(!strcmp(trace, "other:define other:include "),
	      "other directives go to their hook");
}

static void test_depth(void)
{
	char src[PP_COND_MAX * 20 + 64] = "", dead[PP_COND_MAX * 2 + 8];
	int i;

	for (i = 0; i < PP_COND_MAX + 2; i++)
		strcat(src, "#ifdef X\n");
	strcat(src, "#if 0\n#endif\n");
	for (i = 0; i < PP_COND_MAX + 2; i++)
		strcat(src, "#endif\n");
	run(src, dead);
	CHECK(!strchr(dead, '1'), "beyond the maximum depth a 0 counts as unknown");
	CHECK(strstr(trace, "save:if31 ") && !strstr(trace, "save:if32 "),
	      "no state is kept beyond the maximum depth");
}

int main(void)
{
	test_values();
	test_hooks();
	test_depth();
	return unit_done("unit ppcond");
}
