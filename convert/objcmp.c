// SPDX-License-Identifier: GPL-2.0-only
/*
 * Compare the code of two objects: objdump -d -r of every executable
 * section, without addresses or raw bytes, so that only instructions and
 * the symbols they reference count.  When they differ, the symbols the
 * new code references more often name what the patch added.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "convert/run.h"
#include "convert/verify.h"
#include "lib/util.h"

static char *disassemble(const char *objdump, const char *object)
{
	char *out = NULL, *start;

	if (run_args(NULL, &out, false, objdump, "-d", "-r",
		     "--no-show-raw-insn", "--no-addresses", object, NULL)) {
		free(out);
		return NULL;
	}
	/* the header names the file: start at the first section */
	start = strstr(out, "Disassembly of section");
	if (!start)
		start = out + strlen(out);
	memmove(out, start, strlen(start) + 1);
	return out;
}

struct sym_count {
	char *name;
	int before, after;
};

/* Count the relocation targets: "R_X86_64_PLT32	sym-0x4". */
static void count_syms(const char *text, bool after, struct sym_count **syms,
		       size_t *nr, size_t *alloc)
{
	const char *p = text, *s, *e;
	size_t i;

	for (; (p = strstr(p, "R_")); p = e) {
		e = p;
		while (*e && !isspace((unsigned char)*e))
			e++;
		s = e;
		while (*s == '\t' || *s == ' ')
			s++;
		for (e = s; *e && !isspace((unsigned char)*e) && *e != '+' &&
		     *e != '-'; e++)
			;
		if (e == s || *s == '.')
			continue;
		for (i = 0; i < *nr; i++)
			if (strlen((*syms)[i].name) == (size_t)(e - s) &&
			    !strncmp((*syms)[i].name, s, e - s))
				break;
		if (i == *nr) {
			struct sym_count *c = ARRAY_PUSH(*syms, *nr, *alloc);

			c->name = xstrndup(s, e - s);
			c->before = c->after = 0;
		}
		if (after)
			(*syms)[i].after++;
		else
			(*syms)[i].before++;
	}
}

/* "adds the arch_sync_kernel_mappings() call (new references: x, y)" */
static char *added_refs(const char *before, const char *after)
{
	struct sym_count *syms = NULL;
	size_t nr = 0, alloc = 0, i;
	char *list = NULL, *next;
	bool sync = false;

	count_syms(before, false, &syms, &nr, &alloc);
	count_syms(after, true, &syms, &nr, &alloc);
	for (i = 0; i < nr; i++) {
		if (syms[i].after <= syms[i].before) {
			free(syms[i].name);
			continue;
		}
		if (!strcmp(syms[i].name, "arch_sync_kernel_mappings")) {
			sync = true;
		} else {
			next = xasprintf("%s%s%s", list ? list : "",
					 list ? ", " : "", syms[i].name);
			free(list);
			list = next;
		}
		free(syms[i].name);
	}
	free(syms);
	next = xasprintf("%s%s%s%s",
			 sync ? "adds the arch_sync_kernel_mappings() call" :
				"object code changed",
			 list ? " (new references: " : "", list ? list : "",
			 list ? ")" : "");
	free(list);
	return next;
}

int objcmp(const char *objdump, const char *before, const char *after,
	   bool *same, char **what)
{
	char *a = disassemble(objdump, before), *b = disassemble(objdump, after);
	int ret = a && b ? 0 : -1;

	*what = NULL;
	if (!ret) {
		*same = !strcmp(a, b);
		*what = *same ? xstrdup("object code unchanged") :
			added_refs(a, b);
	}
	free(a);
	free(b);
	return ret;
}
