// SPDX-License-Identifier: GPL-2.0-only
/*
 * "exposed on x86 (!CONFIG_X86_32), arm": the one way every message names
 * the arch variants where a call misses a needed sync.
 */
#include <stdlib.h>

#include "classify/classify.h"
#include "lib/util.h"

char *exposed_on(const struct arch_model *m, const struct finding *const *fs,
		 size_t nr, const char *brackets)
{
	char *list = xstrdup("");
	size_t v, i;

	for (v = 0; v < m->nr_variants; v++) {
		const struct arch_variant *av = &m->variants[v];

		/* a private table needs no sync, whatever the mask */
		for (i = 0; i < nr; i++)
			if (fs[i]->exposure && !fs[i]->owner &&
			    fs[i]->exposure[v] == EXPOSURE_EXPOSED)
				break;
		if (i == nr)
			continue;
		str_append(&list, xasprintf("%s%s", *list ? ", " : "", av->arch));
		if (av->condition && *av->condition)
			str_append(&list, xasprintf(" %c%s%c", brackets[0],
						    av->condition, brackets[1]));
	}
	return list;
}
