// SPDX-License-Identifier: GPL-2.0-only
/*
 * Totals are counted here from the findings themselves, so that every
 * format agrees with the lines it prints, whatever list it is given.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "report/internal.h"

void report_count_variant(const struct finding_list *findings,
			  size_t variant, struct variant_counts *c)
{
	size_t i;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < findings->nr; i++) {
		const struct finding *f = &findings->items[i];

		if (!f->exposure || f->exposure[variant] == EXPOSURE_NONE)
			continue;
		if (f->unanalyzed)
			c->unanalyzed++;
		else
			c->direct++;
		/* a private table needs no sync, whatever the mask */
		if (f->exposure[variant] == EXPOSURE_EXPOSED && !f->owner)
			c->exposed++;
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static size_t count_files(const struct finding_list *findings)
{
	const char **files;
	size_t i, n = 0;

	if (!findings->nr)
		return 0;
	files = xmalloc(findings->nr * sizeof(*files));
	for (i = 0; i < findings->nr; i++)
		files[i] = findings->items[i].file;
	qsort(files, findings->nr, sizeof(*files), cmp_str);
	for (i = 0; i < findings->nr; i++)
		if (!i || strcmp(files[i - 1], files[i]))
			n++;
	free(files);
	return n;
}

void report_count_findings(const struct finding_list *findings,
			   struct finding_counts *c)
{
	size_t i;

	memset(c, 0, sizeof(*c));
	c->findings = findings->nr;
	for (i = 0; i < findings->nr; i++) {
		const struct finding *f = &findings->items[i];

		c->by_severity[f->severity]++;
		if (f->unanalyzed)
			c->unanalyzed++;
		else
			c->direct++;
	}
	c->files = count_files(findings);
}
