// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer: the #if model (lib/cond.c) the arch model and the scanner
 * share: the condition tracker fed a header line by line, the constant
 * evaluation of each line as an expression, and the operations on the
 * conditions it renders.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/cond.h"
#include "lib/util.h"

static void combine(const char *a, const char *b)
{
	char *s = cond_and(a, b);

	free(s);
	cond_compatible(a, b);
	cond_implies(a, b);
	s = cond_normalise(a);
	free(s);
}

/*
 * The complement of the conditions rendered so far, as the arch model
 * takes it for the configurations no definition covers.
 */
static void complement(char **conds, size_t nr)
{
	free(cond_complement(conds, nr));
	strings_free(conds, nr);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xstrndup((const char *)data, size), *line, *save;
	char *prev = xstrdup(""), *now, **all = NULL;
	struct cond_stack *cs = cond_stack_new();
	size_t nr = 0, alloc = 0;

	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		cond_constant(line);
		/* Other lines change nothing but the include-guard state. */
		if (!cond_stack_directive(cs, line))
			continue;
		cond_stack_dead(cs);
		now = cond_stack_render(cs);
		combine(now, prev);
		*ARRAY_PUSH(all, nr, alloc) = xstrdup(now);
		free(prev);
		prev = now;
	}
	complement(all, nr);
	cond_stack_free(cs);
	free(prev);
	free(text);
	return 0;
}
