// SPDX-License-Identifier: GPL-2.0-only
#define _GNU_SOURCE		/* memmem() */
/*
 * The <asm/...> headers that generic code includes (arches/generic.h).
 * Only include/linux/ and include/asm-generic/ are read, not below them:
 * that is where the kernel's own headers bring the arch's in.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "arches/generic.h"
#include "arches/inputs.h"
#include "arches/source.h"
#include "lib/util.h"

static const char *const generic_dirs[] = {
	"include/linux", "include/asm-generic",
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether a directive line defines ARCH_PAGE_TABLE_SYNC_MASK. */
static bool defines_mask(const char *line)
{
	const char *d = src_directive(line);
	static const char name[] = "ARCH_PAGE_TABLE_SYNC_MASK";

	if (!d || strncmp(d, "define", 6))
		return false;
	for (d += 6; *d == ' ' || *d == '\t'; d++)
		;
	return !strncmp(d, name, strlen(name));
}

static void add_includes(struct generic_asm *g, char *text)
{
	struct src_lines it;
	char *target;
	bool quoted;

	src_lines_init(&it, text);
	while (src_next_line(&it)) {
		g->has_sync_mask |= defines_mask(it.line);
		target = src_include_target(it.line, &quoted);
		if (target && !quoted && str_starts_with(target, "asm/"))
			*ARRAY_PUSH(g->keys, g->nr, g->alloc) = target;
		else
			free(target);
	}
	src_lines_release(&it);
}

static void read_dir(struct generic_asm *g, const char *root, const char *rel)
{
	DIR *d = arch_input_dir(root, rel);
	char *full, *text;
	struct dirent *e;
	size_t len;

	if (!d)
		return;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || !str_ends_with(e->d_name, ".h"))
			continue;
		full = xasprintf("%s/%s/%s", root, rel, e->d_name);
		arch_input(full);
		text = read_file(full, &len);
		free(full);
		if (text && (memmem(text, len, "<asm/", 5) ||
			     memmem(text, len, "SYNC_MASK", 9))) {
			src_strip_comments(text, len);
			add_includes(g, text);
		}
		free(text);
	}
	closedir(d);
}

void generic_asm_read(struct generic_asm *g, const char *root)
{
	size_t i;

	memset(g, 0, sizeof(*g));
	for (i = 0; i < ARRAY_SIZE(generic_dirs); i++)
		read_dir(g, root, generic_dirs[i]);
	if (!g->nr)
		return;
	qsort(g->keys, g->nr, sizeof(*g->keys), cmp_str);
	g->nr = strings_unique(g->keys, g->nr);
}

bool generic_asm_has(const struct generic_asm *g, const char *key)
{
	return g->nr && bsearch(&key, g->keys, g->nr, sizeof(*g->keys),
				cmp_str);
}

void generic_asm_free(struct generic_asm *g)
{
	strings_free(g->keys, g->nr);
	memset(g, 0, sizeof(*g));
}
