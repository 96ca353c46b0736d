/* SPDX-License-Identifier: GPL-2.0-only */
/* The text of the patches --series writes: subjects, bodies, tags, stats. */
#ifndef PTSYNC_CONVERT_MESSAGE_H
#define PTSYNC_CONVERT_MESSAGE_H

#include <stdio.h>

#include "convert/convert.h"
#include "convert/verify.h"

/* One patch: the files of one directory (its subsystem). */
struct patch_group {
	char *subsys;			/* "mm/kasan", "include/linux" */
	const struct convert_file **files;
	size_t nr, alloc;
	unsigned int levels;
	size_t calls;
	char **index;			/* "index <old>..<new> 100644\n" or NULL */
};

/* "pgd_populate_kernel()", "{pgd,p4d}_populate_kernel()" */
const char *helper_names(unsigned int levels);
/* "mm/kasan: use {pgd,p4d}_populate_kernel()" */
char *group_subject(const struct patch_group *g);
/* git format-patch's file name part of a subject. */
char *subject_file_name(const char *subject);

void put_body(FILE *out, const struct convert_plan *plan,
	      const struct patch_group *g);
/* One Fixes: tag per commit that introduced a converted line. */
void put_fixes(FILE *out, const char *root, const struct patch_group *g);
void put_diffstat(FILE *out, const struct convert_file *const *files,
		  size_t nr);
void put_diffs(FILE *out, const struct patch_group *g);
/* "Build-tested: s390 defconfig, object code unchanged" lines. */
void put_build_tested(FILE *out, const struct build_report *rep,
		      const struct patch_group *g);
/* git's blob id of text, NULL when root is no git repository. */
char *blob_id(const char *root, const char *text, size_t len);

#endif
