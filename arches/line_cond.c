// SPDX-License-Identifier: GPL-2.0-only
/*
 * The preprocessor conditions around one line of a C file, rendered as
 * the arch model renders its own (lib/cond.h): what a call inside
 * "#ifdef CONFIG_X86_32" of a file built for both bitnesses needs, so
 * that x86-64 is not told it is exposed to code it never builds.
 */
#include <stdlib.h>

#include "arches/arches.h"
#include "arches/source.h"
#include "lib/cond.h"
#include "lib/util.h"

char *arch_line_condition(const char *root, const char *file, int line)
{
	char *full = path_join(root, file), *text, *cond;
	struct cond_stack *cs;
	struct src_lines it;
	size_t len;

	text = read_file(full, &len);
	free(full);
	if (!text)
		return xstrdup("");
	src_strip_comments(text, len);
	cs = cond_stack_new();
	src_lines_init(&it, text);
	while (src_next_line(&it) && it.lineno < line)
		cond_stack_directive(cs, it.line);
	cond = cond_stack_render(cs);
	src_lines_release(&it);
	cond_stack_free(cs);
	free(text);
	return cond;
}
