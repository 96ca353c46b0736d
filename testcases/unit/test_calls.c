// SPDX-License-Identifier: GPL-2.0-only
/*
 * scan/calls.c: which calls a later sync covers (same block, enclosing
 * block, a block opened later) and which it does not (another branch of
 * the if/else holding the call); functions, static, __init, roots.
 */
#include <stdlib.h>

#include "scan/calls.h"
#include "testcases/unit/unit.h"

static struct file_facts ff;

static void scan(const char *src)
{
	file_facts_free(&ff);
	file_facts_scan("t.c", src, strlen(src), &ff);
}

static const struct call_fact *call(const char *fn, const char *callee)
{
	size_t i, j;

	for (i = 0; i < ff.nr_fns; i++)
		for (j = 0; j < ff.fns[i].nr_calls; j++)
			if (!strcmp(ff.fns[i].name, fn) &&
			    !strcmp(ff.fns[i].calls[j].callee, callee))
				return &ff.fns[i].calls[j];
	return NULL;
}

static bool synced(const char *fn, const char *callee)
{
	const struct call_fact *c = call(fn, callee);

	return c && c->synced;
}

static bool has(char **v, size_t nr, const char *name)
{
	while (nr--)
		if (!strcmp(v[nr], name))
			return true;
	return false;
}

static void test_paths(void)
{
	/* x86's vmemmap_populate(): a guarded sync after an if chain */
	scan("int __meminit vmemmap_populate(unsigned long s, unsigned long e)\n"
	     "{\n\tint err;\n"
	     "\tif (e - s < 4)\n\t\terr = basepages(s, e);\n"
	     "\telse if (pse)\n\t\terr = hugepages(s, e);\n"
	     "\telse\n\t\terr = basepages(s, e);\n"
	     "\tif (!err)\n\t\tsync_global_pgds(s, e - 1);\n"
	     "\treturn err;\n}\n");
	CHECK(synced("vmemmap_populate", "basepages"),
	      "a sync after the whole if statement covers its branches");
	CHECK(synced("vmemmap_populate", "hugepages"), "... every branch");
	CHECK(call("vmemmap_populate", "basepages")->sync_line == 11,
	      "the sync's line is kept");

	scan("static void f(void)\n{\n\tif (a) {\n\t\tdown();\n\t} else {\n"
	     "\t\tarch_sync_kernel_mappings(0, 0);\n\t}\n}\n");
	CHECK(!synced("f", "down"), "a sync in the else branch does not cover the then branch");

	scan("static void f(void)\n{\n\tif (a)\n\t\tdown();\n\telse\n"
	     "\t\tarch_sync_kernel_mappings(0, 0);\n}\n");
	CHECK(!synced("f", "down"), "... without braces either");

	scan("static void f(void)\n{\n\tdown();\n\tif (a)\n\t\tx();\n\telse\n"
	     "\t\tarch_sync_kernel_mappings(0, 0);\n}\n");
	CHECK(synced("f", "down"), "an else after the call's own statement is on its path");

	scan("static void f(void)\n{\n\tarch_sync_kernel_mappings(0, 0);\n\tdown();\n}\n");
	CHECK(!synced("f", "down"), "a sync before the call covers nothing");

	scan("static void f(void)\n{\n\tfor (;;) {\n\t\tdown();\n\t}\n"
	     "\tpgd_populate_kernel(a, p, q);\n}\n");
	CHECK(synced("f", "down"), "a _kernel helper after a loop syncs");
}

#define SYNC "arch_sync_kernel_mappings(0, 0);\n"

static void test_switch(void)
{
	scan("static void f(int x)\n{\n\tswitch (x) {\n\tcase 1:\n\t\tdown();\n"
	     "\t\tbreak;\n\tcase 2:\n\t\t" SYNC "\t\tbreak;\n\t}\n}\n");
	CHECK(!synced("f", "down"), "a sync under a later case is not on a case that breaks");

	scan("static void f(int x)\n{\n\tswitch (x) {\n\tcase 1:\n\t\tdown();\n"
	     "\t\treturn;\n\tdefault:\n\t\t" SYNC "\t}\n}\n");
	CHECK(!synced("f", "down"), "... nor on one that returns, before default");

	scan("static void f(int x)\n{\n\tswitch (x) {\n\tcase 1: {\n\t\tdown();\n"
	     "\t\tbreak;\n\t}\n\tcase 2:\n\t\t" SYNC "\t}\n}\n");
	CHECK(!synced("f", "down"), "... nor when the case is a block ending in break");

	scan("static void f(int x)\n{\n\tswitch (x) {\n\tcase 1:\n\t\tdown();\n"
	     "\t\tfallthrough;\n\tcase 2:\n\t\t" SYNC "\t}\n}\n");
	CHECK(synced("f", "down"), "a case that falls through reaches the sync");

	scan("static void f(int x)\n{\n\tswitch (x) {\n\tcase 1:\n\t\tdown();\n"
	     "\t\tif (x)\n\t\t\tbreak;\n\tcase 2:\n\t\t" SYNC "\t}\n}\n");
	CHECK(synced("f", "down"), "... and so does one whose break is conditional");

	scan("static void f(int x)\n{\n\tswitch (x) {\n\tcase 1:\n\t\tdown();\n"
	     "\t\tbreak;\n\tdefault:\n\t\tbreak;\n\t}\n\t" SYNC "}\n");
	CHECK(synced("f", "down"), "a sync after the switch is on every case's path");
}

static void test_returns(void)
{
	scan("static int f(int done)\n{\n\tdown();\n\tif (done)\n\t\treturn 0;\n"
	     "\t" SYNC "\treturn 0;\n}\n");
	CHECK(!synced("f", "down"), "a success return between the call and the sync skips it");

	scan("static int f(int a)\n{\n\tif (a) {\n\t\tdown();\n\t\treturn 0;\n\t}\n"
	     "\t" SYNC "\treturn 1;\n}\n");
	CHECK(!synced("f", "down"), "an unconditional return after the call ends its path");

	scan("static int f(void)\n{\n\tint err;\n\n\terr = down();\n\tif (err)\n"
	     "\t\treturn err;\n\t" SYNC "\treturn 0;\n}\n");
	CHECK(synced("f", "down"), "the call's error return is the error path: synced");

	scan("static void *f(void)\n{\n\tvoid *p = down();\n\n\tif (!p)\n"
	     "\t\treturn NULL;\n\tif (other())\n\t\treturn ERR_PTR(-EINVAL);\n"
	     "\tif (more() < 0) {\n\t\treturn -ENOMEM;\n\t}\n\t" SYNC "\treturn p;\n}\n");
	CHECK(synced("f", "down"), "NULL, ERR_PTR() and -E... returns are error paths");

	scan("static int f(int a)\n{\n\tif (a)\n\t\tdown();\n\telse\n\t\treturn 0;\n"
	     "\t" SYNC "\treturn 1;\n}\n");
	CHECK(synced("f", "down"), "a return in another branch is not on the call's path");

	scan("static void f(void)\n{\n\tfor (;;) {\n\t\tdown();\n\t\tif (x)\n"
	     "\t\t\tbreak;\n\t\tcontinue;\n\t}\n\t" SYNC "}\n");
	CHECK(synced("f", "down"), "a loop's break and continue stay on the path");

	scan("static int f(void)\n{\n\tint ret;\n\n\tdown();\n\tret = other();\n"
	     "\tif (ret)\n\t\treturn ret;\n\t" SYNC "\treturn 0;\n}\n");
	CHECK(synced("f", "down"), "a later call's error return is an error path too");

	scan("static int f(void)\n{\n\tdown();\n\treturn arch_sync_kernel_mappings(0, 0);\n}\n");
	CHECK(synced("f", "down"), "a sync in the return value runs before the return");
}

static void test_functions(void)
{
	scan("static int __init early(void)\n{\n\treturn late(1);\n}\n"
	     "int late(int x)\n{\n\treturn x;\n}\n"
	     "static struct ops o = { .fn = late, };\n"
	     "core_initcall(early);\n"
	     "#if 0\n#else\nvoid g(void)\n{\n#endif\n\tlate(2);\n}\n");
	CHECK(ff.nr_fns == 3, "three functions, got %zu", ff.nr_fns);
	CHECK(ff.nr_fns && ff.fns[0].is_static && ff.fns[0].boot_only,
	      "static and __init are seen");
	CHECK(ff.nr_fns > 1 && !ff.fns[1].is_static && !ff.fns[1].boot_only,
	      "a plain function is neither");
	CHECK(has(ff.refs, ff.nr_refs, "late"), "a function taken as a value is a reference");
	CHECK(has(ff.initcalls, ff.nr_initcalls, "early"), "an initcall names its function");
	CHECK(call("g", "late") != NULL, "a body after #if/#else braces is still a function");
}

static void test_index(void)
{
	CHECK(id_hash("abc", 3) != id_hash("abd", 3), "hashes differ");
	CHECK(is_sync_name("sync_global_pgds_l4", 19), "sync_global_pgds* syncs");
	CHECK(!is_sync_name("pgd_populate", 12), "a raw populate does not");
}

int main(void)
{
	test_paths();
	test_switch();
	test_returns();
	test_functions();
	test_index();
	file_facts_free(&ff);
	return unit_done("unit calls");
}
