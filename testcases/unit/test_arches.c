// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests for the architecture model: a small tree written to a
 * temporary directory, then the kernel trees in cache/ when they are there.
 */
#define _GNU_SOURCE
#include <ftw.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arches/arches.h"
#include "arches/source.h"
#include "classify/classify.h"
#include "lib/util.h"
#include "testcases/unit/unit.h"

static const struct {
	const char *path;
	const char *text;
} fixture[] = {
	{ "arch/Kconfig", "# not an arch\n" },
	{ "include/asm-generic/pgtable-nop4d.h", "/* folds p4d */\n" },
	{ "include/asm-generic/pgtable-nopud.h",
	  "#include <asm-generic/pgtable-nop4d.h>\n" },
	{ "include/asm-generic/pgtable-nopmd.h",
	  "#include <asm-generic/pgtable-nopud.h>\n" },
	/* foo: a 64-bit header and a 32-bit one chosen by CONFIG_64BIT */
	{ "arch/foo/Kconfig",
	  "config PGTABLE_LEVELS\n\tint\n\tdefault 3 if 64BIT\n\tdefault 2\n\n"
	  "config OTHER\n\tdefault 5\n" },
	{ "arch/foo/include/asm/pgtable.h",
	  "#ifndef _ASM_FOO_PGTABLE_H\n#define _ASM_FOO_PGTABLE_H\n"
	  "#include <asm-generic/pgtable-nop4d.h>\n"
	  "#include <asm/pgtable_types.h>\n#endif\n" },
	{ "arch/foo/include/asm/pgtable_types.h",
	  "#ifndef _ASM_FOO_PGTABLE_TYPES_H\n#define _ASM_FOO_PGTABLE_TYPES_H\n"
	  "#ifdef CONFIG_64BIT\n# include <asm/big_types.h>\n#else\n"
	  "# include \"small_types.h\"\n#endif /* CONFIG_64BIT */\n"
	  "#if CONFIG_PGTABLE_LEVELS == 2\n"
	  "#include <asm-generic/pgtable-nopmd.h>\n#endif\n#endif\n" },
	{ "arch/foo/include/asm/big_types.h",
	  "#ifndef __ASSEMBLY__\n#define ARCH_PAGE_TABLE_SYNC_MASK \\\n"
	  "\t(foo_l3() ? (PGTBL_PUD_MODIFIED | PGTBL_PMD_MODIFIED) : \\\n"
	  "\t PGTBL_PMD_MODIFIED)\n#endif\n" },
	{ "arch/foo/include/asm/small_types.h",
	  "#ifdef CONFIG_FOO_SYNC /* a comment */\n"
	  "#define ARCH_PAGE_TABLE_SYNC_MASK\tPGTBL_PTE_MODIFIED\n"
	  "#elif defined(CONFIG_FOO_WEIRD)\n"
	  "#define ARCH_PAGE_TABLE_SYNC_MASK\t(1 << 4)\n#endif\n"
	  "/* #define ARCH_PAGE_TABLE_SYNC_MASK PGTBL_PGD_MODIFIED */\n"
	  "#if 0\n#define ARCH_PAGE_TABLE_SYNC_MASK PGTBL_PGD_MODIFIED\n#endif\n"
	  "#define ARCH_PAGE_TABLE_SYNC_MASK_X 1\n" },
	{ "arch/foo/mm/Makefile",
	  "obj-y += init_$(BITS).o fault.o\n"
	  "obj-$(CONFIG_FOO_EXTRA) += a.o \\\n\textra.o\n" },
	{ "arch/foo/mm/init_64.c",
	  "void arch_sync_kernel_mappings(unsigned long start,\n"
	  "\t\t\t       unsigned long end)\n{\n}\n" },
	{ "arch/foo/mm/fault.c",
	  "void arch_sync_kernel_mappings(unsigned long start, unsigned long end);\n"
	  "static void __arch_sync_kernel_mappings(unsigned long s, unsigned long e)\n"
	  "{\n}\n#ifdef CONFIG_32BIT\n"
	  "void arch_sync_kernel_mappings(unsigned long start, unsigned long end)\n"
	  "{\n\t__arch_sync_kernel_mappings(start, end);\n}\n#endif\n"
	  "void f(void)\n{\n\tarch_sync_kernel_mappings(0, 1);\n}\n" },
	{ "arch/foo/mm/extra.c",
	  "/* void arch_sync_kernel_mappings(long a) { } */\n"
	  "void arch_sync_kernel_mappings(unsigned long start, unsigned long end) {}\n" },
	/* bar: one header brought in under several conditions, and a cycle */
	{ "arch/bar/include/asm/x.h",
	  "#define ARCH_PAGE_TABLE_SYNC_MASK (PGTBL_PGD_MODIFIED | PGTBL_P4D_MODIFIED)\n" },
	{ "arch/bar/include/asm/y.h",
	  "#include <asm/q.h>\n#ifdef CONFIG_Y\n#include <asm/x.h>\n#endif\n" },
	{ "arch/bar/include/asm/q.h", "#include <asm/y.h>\n" },
	{ "arch/bar/include/asm/z.h",
	  "#if defined(CONFIG_Z) && defined(CONFIG_Y)\n#include \"x.h\"\n#endif\n" },
	{ "arch/bar/include/asm/w.h",
	  "#ifdef CONFIG_W\n#include <asm/x.h>\n#endif\n" },
	/*
	 * zz: no mask, but a 64-bit function that syncs the top level by
	 * hand, as x86-64 had before v5.8 (a prototype and a call are no
	 * definition, nor is a longer name)
	 */
	{ "arch/zz/Makefile", "# empty\n" },
	/*
	 * and a pgtable.h only a 32-bit header of its own includes, which
	 * generic code includes everywhere; other.h it does not
	 */
	{ "include/linux/pgtable.h",
	  "#include <asm/pgtable.h>\n#ifndef ARCH_PAGE_TABLE_SYNC_MASK\n"
	  "#define ARCH_PAGE_TABLE_SYNC_MASK 0\n#endif\n" },
	{ "arch/zz/include/asm/pgtable.h",
	  "#ifdef CONFIG_ZZ_2LEVEL\n#include <asm-generic/pgtable-nopud.h>\n#endif\n" },
	{ "arch/zz/include/asm/other.h",
	  "#include <asm-generic/pgtable-nopmd.h>\n" },
	{ "arch/zz/include/asm/only32.h",
	  "#ifdef CONFIG_ZZ32\n#include <asm/pgtable.h>\n#include <asm/other.h>\n#endif\n" },
	{ "arch/zz/mm/init_64.c",
	  "void sync_global_pgds(unsigned long start, unsigned long end);\n"
	  "static void sync_global_pgds_l4(unsigned long s, unsigned long e)\n"
	  "{\n}\n"
	  "void sync_global_pgds(unsigned long start, unsigned long end)\n"
	  "{\n\tsync_global_pgds_l4(start, end);\n}\n" },
};

static int write_fixture(const char *root)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(fixture); i++) {
		char *path, *p;
		FILE *f;

		if (asprintf(&path, "%s/%s", root, fixture[i].path) < 0)
			return -1;
		for (p = strchr(path + strlen(root) + 1, '/'); p;
		     p = strchr(p + 1, '/')) {
			*p = '\0';
			mkdir(path, 0755);
			*p = '/';
		}
		f = fopen(path, "w");
		free(path);
		if (!f)
			return -1;
		fputs(fixture[i].text, f);
		fclose(f);
	}
	return 0;
}

static int remove_one(const char *path, const struct stat *st, int flag,
		      struct FTW *ftw)
{
	return remove(path);
}

static const struct arch_variant *nth_variant(const struct arch_model *m,
					      const char *arch, size_t n)
{
	size_t i;

	for (i = 0; i < m->nr_variants; i++)
		if (!strcmp(m->variants[i].arch, arch) && !n--)
			return &m->variants[i];
	return NULL;
}

static size_t count_variants(const struct arch_model *m, const char *arch)
{
	size_t i, n = 0;

	for (i = 0; i < m->nr_variants; i++)
		n += !strcmp(m->variants[i].arch, arch);
	return n;
}

static bool has_arch(const struct arch_model *m, const char *arch)
{
	size_t i;

	for (i = 0; i < m->nr_arches; i++)
		if (!strcmp(m->arches[i], arch))
			return true;
	return false;
}

static bool has_hook(const struct arch_variant *v, const char *file)
{
	size_t i;

	for (i = 0; v && i < v->nr_hooks; i++)
		if (!strcmp(v->hooks[i].file, file))
			return true;
	return false;
}

/* The union of the folded levels attached to v. */
static unsigned int folded(const struct arch_variant *v)
{
	unsigned int m = 0;
	size_t i;

	for (i = 0; v && i < v->nr_folds; i++)
		m |= v->folds[i].level;
	return m;
}

static void test_fixture_foo(const struct arch_model *m)
{
	const struct arch_variant *big = nth_variant(m, "foo", 0);
	const struct arch_variant *small = nth_variant(m, "foo", 1);
	const struct arch_variant *weird = nth_variant(m, "foo", 2);

	const struct arch_variant *rest = nth_variant(m, "foo", 3);

	CHECK_INT(count_variants(m, "foo"), 4, "foo variants");
	CHECK(rest && !rest->file && !rest->expr && !rest->mask &&
	      !rest->mask_unknown, "foo: mask 0 where no definition is built");
	if (rest)
		CHECK_STR(rest->condition,
			  "!CONFIG_64BIT && !CONFIG_FOO_SYNC && !CONFIG_FOO_WEIRD",
			  "foo: the configurations no definition covers");
	if (!big || !small || !weird)
		return;
	CHECK_STR(big->file, "arch/foo/include/asm/big_types.h", "big file");
	CHECK_INT(big->line, 2, "big line");
	CHECK_STR(big->condition, "CONFIG_64BIT", "big condition");
	CHECK_STR(big->expr,
		  "(foo_l3() ? (PGTBL_PUD_MODIFIED | PGTBL_PMD_MODIFIED) : PGTBL_PMD_MODIFIED)",
		  "big expr, continuations joined");
	CHECK_INT(big->mask, MASK_PUD | MASK_PMD, "big mask");
	CHECK_STR(big->mask_condition, "foo_l3()", "big mask condition");
	CHECK_INT(big->mask_if_true, MASK_PUD | MASK_PMD, "big if true");
	CHECK_INT(big->mask_if_false, MASK_PMD, "big if false");
	CHECK(!big->mask_unknown, "big mask understood");
	CHECK_INT(big->nr_hooks, 2, "big hooks");
	CHECK(has_hook(big, "arch/foo/mm/init_64.c"), "big hook init_64.c");
	CHECK(has_hook(big, "arch/foo/mm/extra.c"), "big hook extra.c");
	CHECK_INT(big->nr_folds, 1, "big folds: PGTABLE_LEVELS 3 excludes nopmd");
	CHECK_INT(folded(big), MASK_P4D, "big folds p4d");

	CHECK_STR(small->file, "arch/foo/include/asm/small_types.h", "small file");
	CHECK_INT(small->line, 2, "small line");
	CHECK_STR(small->condition, "!CONFIG_64BIT && CONFIG_FOO_SYNC",
		  "small condition");
	CHECK_INT(small->mask, MASK_PTE, "small mask");
	CHECK(!small->mask_condition, "small has no mask condition");
	CHECK_INT(small->nr_hooks, 2, "small hooks");
	CHECK(has_hook(small, "arch/foo/mm/fault.c"), "small hook fault.c");
	CHECK(has_hook(small, "arch/foo/mm/extra.c"), "small hook extra.c");
	CHECK_INT(small->nr_folds, 4, "small folds: nop4d, nopmd and its two");
	CHECK_INT(folded(small), MASK_P4D | MASK_PUD | MASK_PMD, "small folds");
	if (small->nr_folds == 4) {
		CHECK_STR(small->folds[1].file, "arch/foo/include/asm/pgtable_types.h",
			  "nopmd fold file");
		CHECK_INT(small->folds[1].line, 9, "nopmd fold line");
		CHECK_STR(small->folds[1].condition, "CONFIG_PGTABLE_LEVELS == 2",
			  "nopmd fold condition");
		CHECK_INT(small->folds[3].line, 9, "implied fold, same line");
	}
	if (small->nr_hooks == 2) {
		CHECK_STR(small->hooks[0].condition, "CONFIG_FOO_EXTRA",
			  "Makefile condition of extra.c");
		CHECK_STR(small->hooks[1].condition, "CONFIG_32BIT",
			  "#ifdef condition of fault.c");
		CHECK_INT(small->hooks[1].line, 6, "fault.c hook line");
	}
	CHECK_STR(weird->condition,
		  "!CONFIG_64BIT && !CONFIG_FOO_SYNC && CONFIG_FOO_WEIRD",
		  "weird condition");
	CHECK(weird->mask_unknown && weird->mask == 0 && !weird->mask_condition,
	      "weird mask unknown");
	CHECK_STR(weird->expr, "(1 << 4)", "weird expr kept");
}

/* A dangling link and a looping one: neither may stop or trap the walk. */
static void add_symlinks(const char *root)
{
	char *a, *b;

	if (asprintf(&a, "%s/arch/foo/include/asm/dangling.h", root) > 0) {
		CHECK(!symlink("/nonexistent/x.h", a), "dangling symlink");
		free(a);
	}
	if (asprintf(&b, "%s/arch/foo/loop", root) > 0) {
		CHECK(!symlink("..", b), "looping symlink");
		free(b);
	}
}

/*
 * A hand sync names no level: pgd_populate() where p4d is folded in
 * every build (x86-64 before 5-level paging) stays a no-op.
 */
static void check_hand_sync_folded(const struct arch_variant *v)
{
	struct arch_fold fold = { .level = MASK_P4D, .condition = "",
				  .file = "x.h", .line = 1 };
	struct arch_variant w = *v;
	struct finding f = { .file = "arch/zz/mm/init_64.c", .arch = "zz",
			     .level = LEVEL_PGD };

	CHECK(classify_exposure(&f, &w) == EXPOSURE_EXPOSED,
	      "zz: pgd_populate() misses the hand sync where p4d may be real");
	w.folds = &fold;
	w.nr_folds = 1;
	CHECK(classify_exposure(&f, &w) == EXPOSURE_NOOP,
	      "zz: p4d folded always: pgd_populate() is a no-op, not exposed");
	fold.condition = "CONFIG_PGTABLE_LEVELS == 4";
	CHECK(classify_exposure(&f, &w) == EXPOSURE_EXPOSED,
	      "zz: p4d folded in some builds only: exposed in the others");
}

/* zz syncs by hand in 64-bit code: a 64-bit call there is exposed. */
static void check_hand_sync(const struct arch_variant *v)
{
	struct finding f = { .file = "arch/zz/mm/init_64.c", .arch = "zz",
			     .level = LEVEL_P4D };

	CHECK_INT(v ? v->nr_hand_syncs : 0, 1, "zz: one hand sync");
	if (!v || v->nr_hand_syncs != 1)
		return;
	CHECK_STR(v->hand_syncs[0].file, "arch/zz/mm/init_64.c", "zz hand sync file");
	CHECK_INT(v->hand_syncs[0].line, 5, "zz hand sync line: the definition");
	CHECK_STR(v->hand_syncs[0].condition, "CONFIG_64BIT",
		  "zz hand sync built for 64-bit");
	CHECK(!v->nr_hooks, "a hand sync is no arch_sync_kernel_mappings()");
	CHECK(classify_exposure(&f, v) == EXPOSURE_EXPOSED,
	      "zz: a 64-bit p4d call misses the hand sync");
	f.file = "arch/zz/mm/init_32.c";
	CHECK(classify_exposure(&f, v) != EXPOSURE_EXPOSED,
	      "zz: a 32-bit call is built without the hand sync");
	check_hand_sync_folded(v);
}

/* zz's pgtable.h is in every build, other.h only with CONFIG_ZZ32. */
static void check_generic_include(const struct arch_variant *v)
{
	size_t i;
	bool pud = false, pmd = false;

	for (i = 0; v && i < v->nr_folds; i++) {
		if (!strcmp(v->folds[i].file, "arch/zz/include/asm/pgtable.h"))
			pud |= v->folds[i].level == MASK_PUD &&
			       !strcmp(v->folds[i].condition, "CONFIG_ZZ_2LEVEL");
		if (!strcmp(v->folds[i].file, "arch/zz/include/asm/other.h") &&
		    v->folds[i].level == MASK_PMD)
			pmd = !strcmp(v->folds[i].condition, "CONFIG_ZZ32");
	}
	CHECK(pud, "zz: generic code includes asm/pgtable.h, so its fold has its own condition alone");
	CHECK(pmd, "zz: other.h comes with CONFIG_ZZ32 only");
}

/*
 * Before v5.8 (include/linux defines no mask) x86-64 also synced the
 * vmalloc area lazily: a hand sync says nothing there.
 */
static void check_before_5_8(const char *root)
{
	char *path = NULL;
	struct arch_model m;
	FILE *f;

	if (asprintf(&path, "%s/include/linux/pgtable.h", root) < 0)
		return;
	f = fopen(path, "w");
	free(path);
	if (!f)
		return;
	fputs("#include <asm/pgtable.h>\n", f);
	fclose(f);
	CHECK(!arch_model_read(root, &m), "model without the generic mask");
	CHECK(nth_variant(&m, "zz", 0) && !nth_variant(&m, "zz", 0)->nr_hand_syncs,
	      "zz before v5.8: no hand sync");
	arch_model_free(&m);
}

static void test_fixture(void)
{
	char root[] = "/tmp/ptsync-arches-XXXXXX";
	struct arch_model m;
	const struct arch_variant *v;

	if (!mkdtemp(root) || write_fixture(root)) {
		CHECK(0, "write fixture in %s", root);
		return;
	}
	add_symlinks(root);
	CHECK(!arch_model_build(root, &m), "build fixture model");
	CHECK_INT(m.nr_arches, 3, "fixture arches");
	if (m.nr_arches == 3) {
		CHECK_STR(m.arches[0], "bar", "arch 0");
		CHECK_STR(m.arches[1], "foo", "arch 1");
		CHECK_STR(m.arches[2], "zz", "arch 2");
	}
	test_fixture_foo(&m);

	v = nth_variant(&m, "bar", 1);
	CHECK(v && v->condition && !strcmp(v->condition, "!(CONFIG_W || CONFIG_Y)") &&
	      !v->mask && !v->file, "bar: mask 0 without CONFIG_W or CONFIG_Y");
	v = nth_variant(&m, "bar", 0);
	CHECK_INT(count_variants(&m, "bar"), 2, "bar variants");
	CHECK(v && v->condition, "bar variant");
	if (v) {
		CHECK_STR(v->condition, "(CONFIG_W || CONFIG_Y)",
			  "bar: alternatives joined, Z && Y absorbed by Y");
		CHECK_INT(v->mask, MASK_PGD | MASK_P4D, "bar mask");
		CHECK(!v->nr_hooks && !v->nr_folds, "bar has no hooks or folds");
	}
	v = nth_variant(&m, "zz", 0);
	CHECK_INT(count_variants(&m, "zz"), 1, "zz variants");
	if (v)
		CHECK(!*v->condition && !v->file && !v->expr && !v->mask &&
		      !v->mask_unknown, "zz: the implicit mask 0");
	check_hand_sync(v);
	check_generic_include(v);
	arch_model_free(&m);
	CHECK(!m.nr_variants && !m.variants, "model freed");
	check_before_5_8(root);
	nftw(root, remove_one, 16, FTW_DEPTH | FTW_PHYS);

	CHECK(arch_model_build("/nonexistent/tree", &m) == -1,
	      "no arch/: -1");
}

/* x86: the 2-level, PAE and 64-bit variants, in file order. */
/* A *_32.c file is not built for x86-64: never exposed there. */
static void check_x86_bitness(const struct arch_variant *x64)
{
	struct finding f = { .file = "arch/x86/mm/init_32.c",
			     .arch = "x86", .level = LEVEL_PGD };

	CHECK(classify_exposure(&f, x64) == EXPOSURE_NONE,
	      "x86-64 does not build init_32.c");
	f.file = "arch/x86/mm/init_64.c";
	CHECK(classify_exposure(&f, x64) == EXPOSURE_EXPOSED,
	      "x86-64 builds init_64.c, exposed at pgd");
	f.file = "arch/x86/mm/init.c";
	CHECK(classify_exposure(&f, x64) == EXPOSURE_EXPOSED,
	      "x86-64 builds init.c, exposed at pgd");
}

static void check_x86(const struct arch_model *m, const char *tree)
{
	const struct arch_variant *two = nth_variant(m, "x86", 0);
	const struct arch_variant *pae = nth_variant(m, "x86", 1);
	const struct arch_variant *x64 = nth_variant(m, "x86", 2);

	CHECK_INT(count_variants(m, "x86"), 3, "x86 variants");
	if (!two || !pae || !x64)
		return;
	CHECK(str_ends_with(two->file, "pgtable-2level_types.h"), "%s", two->file);
	CHECK_STR(two->condition, "CONFIG_X86_32 && !CONFIG_X86_PAE",
		  "x86 2-level condition");
	CHECK_INT(two->mask, MASK_PMD, "x86 2-level mask");
	CHECK(!two->mask_condition, "x86 2-level mask is unconditional");
	CHECK(has_hook(two, "arch/x86/mm/fault.c") &&
	      !has_hook(two, "arch/x86/mm/init_64.c"), "x86 2-level hook");
	CHECK_INT(folded(two), MASK_PMD | MASK_PUD | MASK_P4D,
		  "x86 2-level folds pmd, pud, p4d");
	{
		struct finding f = { .file = "arch/x86/mm/init_64.c",
				     .arch = "x86", .level = LEVEL_P4D };

		CHECK(classify_exposure(&f, two) == EXPOSURE_NONE,
		      "x86 2-level does not build init_64.c: not even latent");
	}

	CHECK(str_ends_with(pae->file, "pgtable-3level_types.h"), "%s", pae->file);
	CHECK_STR(pae->condition, "CONFIG_X86_32 && CONFIG_X86_PAE",
		  "x86 PAE condition");
	CHECK_INT(pae->mask, MASK_PMD, "x86 PAE mask");
	CHECK_STR(pae->mask_condition, "SHARED_KERNEL_PMD", "x86 PAE mask condition");
	CHECK(pae->mask_if_true == 0 && pae->mask_if_false == MASK_PMD,
	      "x86 PAE: 0 when the kernel PMD is shared, else pmd");
	CHECK(has_hook(pae, "arch/x86/mm/fault.c"), "x86 PAE hook");
	CHECK_INT(folded(pae), MASK_PUD | MASK_P4D, "x86 PAE folds pud, p4d");

	CHECK(str_ends_with(x64->file, "pgtable_64_types.h"), "%s", x64->file);
	CHECK_STR(x64->condition, "!CONFIG_X86_32", "x86-64 condition");
	CHECK_INT(x64->mask, MASK_PGD | MASK_P4D, "x86-64 mask");
	CHECK_STR(x64->mask_condition, "pgtable_l5_enabled()",
		  "x86-64 mask condition");
	CHECK(x64->mask_if_true == MASK_PGD && x64->mask_if_false == MASK_P4D,
	      "x86-64: pgd with 5 levels, else p4d");
	CHECK(has_hook(x64, "arch/x86/mm/init_64.c") &&
	      !has_hook(x64, "arch/x86/mm/fault.c"), "x86-64 hook");
	CHECK_INT(folded(x64), MASK_P4D, "x86-64 folds p4d (4 levels) only");
	CHECK(!x64->nr_hand_syncs,
	      "x86-64's mask names the top levels: sync_global_pgds() stands for nothing");
	check_x86_bitness(x64);
	(void)tree;
}

static void check_arm(const struct arch_model *m, const char *tree)
{
	const struct arch_variant *v = nth_variant(m, "arm", 0);
	const struct arch_variant *rest = nth_variant(m, "arm", 1);

	/* LPAE or no VMAP_STACK: arm has no mask, the generic 0 */
	CHECK_INT(count_variants(m, "arm"), 2, "arm variants");
	CHECK(rest && !rest->file && !rest->mask && rest->condition &&
	      !strcmp(rest->condition,
		      "!(CONFIG_MMU && !CONFIG_ARM_LPAE && CONFIG_VMAP_STACK)"),
	      "arm: mask 0 where page.h does not define it: %s",
	      rest && rest->condition ? rest->condition : "(none)");
	if (!v)
		return;
	CHECK_STR(v->file, "arch/arm/include/asm/page.h", "arm mask file");
	CHECK(strstr(v->condition, "CONFIG_MMU") &&
	      strstr(v->condition, "!CONFIG_ARM_LPAE") &&
	      strstr(v->condition, "CONFIG_VMAP_STACK"),
	      "arm condition: %s", v->condition);
	CHECK_INT(v->mask, MASK_PMD, "arm mask");
	CHECK(has_hook(v, "arch/arm/kernel/traps.c"), "arm hook in traps.c");
	(void)tree;
}

static void check_tree(const char *tree, bool want_ia64)
{
	bool others_zero = true;
	struct arch_model m;
	size_t i;

	if (access(tree, R_OK)) {
		printf("SKIP: %s not present\n", tree);
		return;
	}
	/* Speed is measured by bench/, not asserted here. */
	CHECK(!arch_model_build(tree, &m), "build %s", tree);
	check_x86(&m, tree);
	check_arm(&m, tree);
	for (i = 0; i < m.nr_arches; i++) {
		const struct arch_variant *v = nth_variant(&m, m.arches[i], 0);

		if (!strcmp(m.arches[i], "x86") || !strcmp(m.arches[i], "arm"))
			continue;
		if (count_variants(&m, m.arches[i]) != 1 || !v || v->file ||
		    v->mask || *v->condition) {
			others_zero = false;
			printf("  %s has a mask\n", m.arches[i]);
		}
	}
	CHECK(others_zero, "%s: every other arch has mask 0 (%zu arches)",
	      tree, m.nr_arches);
	CHECK(has_arch(&m, "arm64") && has_arch(&m, "s390") &&
	      has_arch(&m, "riscv"), "%s: arm64, s390, riscv listed", tree);
	CHECK(has_arch(&m, "ia64") == want_ia64, "%s: ia64 %s", tree,
	      want_ia64 ? "present" : "absent");
	arch_model_free(&m);
}

int main(void)
{
	test_fixture();
	check_tree("cache/linux-source-6.12", false);
	check_tree("cache/linux-source-6.1", true);
	return unit_done("unit arches");
}
