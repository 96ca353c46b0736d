// SPDX-License-Identifier: GPL-2.0-only
/*
 * The header that --add-helpers creates in a tree without the _kernel
 * helpers (scan/helpers.c tells whether it has them).  It is upstream's
 * macro form, so that calls in code built for configs without a level
 * compile away instead of referencing symbols that do not exist there.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "convert/convert.h"
#include "lib/util.h"

/* The include/linux header that contains needle, or NULL. */
static char *header_with(const char *root, const char *needle)
{
	char *dir = path_join(root, "include/linux"), *found = NULL;
	struct dirent **names;
	int n = scandir(dir, &names, NULL, alphasort), i;

	for (i = 0; i < n; i++) {
		char *path = path_join(dir, names[i]->d_name);
		size_t len;
		char *text = str_ends_with(path, ".h") ?
			read_file(path, &len) : NULL;

		if (!found && text && strstr(text, needle))
			found = xstrdup(names[i]->d_name);
		free(text);
		free(path);
		free(names[i]);
	}
	if (n >= 0)
		free(names);
	free(dir);
	return found;
}

static const char helpers_body[] =
"/*\n"
" * {pgd,p4d}_populate_kernel() are defined as macros to allow\n"
" * compile-time optimization based on the configured page table levels.\n"
" * Without this, linking may fail because callers (e.g., KASAN) may rely\n"
" * on calls to these functions being optimized away when passing symbols\n"
" * that exist only for certain page table levels.\n"
" */\n"
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
"\t} while (0)\n"
"\n"
"#endif /* _LINUX_PGALLOC_H */\n";

char *helpers_header(const char *root, char **why)
{
	char *path = path_join(root, HELPERS_PATH), *mask, *hook, *text;
	struct stat st;
	bool exists = !stat(path, &st);

	free(path);
	*why = NULL;
	if (exists) {
		*why = xstrdup(HELPERS_PATH " exists but defines no pgd_populate_kernel(); add the helpers to it by hand");
		return NULL;
	}
	mask = header_with(root, "#ifndef ARCH_PAGE_TABLE_SYNC_MASK");
	hook = header_with(root, "void arch_sync_kernel_mappings(");
	if (!mask || !hook) {
		*why = xstrdup("no include/linux header declares ARCH_PAGE_TABLE_SYNC_MASK and arch_sync_kernel_mappings(); this tree predates them");
		free(mask);
		free(hook);
		return NULL;
	}
	/* The tag is split so that checkers do not take it for this file's. */
	text = xasprintf("/* SPDX-%s: GPL-2.0 */\n"
			 "#ifndef _LINUX_PGALLOC_H\n#define _LINUX_PGALLOC_H\n\n"
			 "#include <linux/%s>\n%s%s%s#include <asm/pgalloc.h>\n\n%s",
			 "License-Identifier", mask, strcmp(mask, hook) ? "#include <linux/" : "",
			 strcmp(mask, hook) ? hook : "",
			 strcmp(mask, hook) ? ">\n" : "", helpers_body);
	free(mask);
	free(hook);
	return text;
}
