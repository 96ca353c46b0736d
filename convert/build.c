// SPDX-License-Identifier: GPL-2.0-only
/*
 * --verify-build: rebuild the object of each changed .c file with the
 * tree's own kbuild, so a conversion that does not compile for the
 * configured arch shows at once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "convert/convert.h"
#include "convert/run.h"
#include "lib/util.h"

bool tree_configured(const char *root)
{
	char *config = path_join(root, ".config");
	struct stat st;
	bool ok = !stat(config, &st) && S_ISREG(st.st_mode);

	free(config);
	return ok;
}

static int build_one(const char *root, const char *path)
{
	char *object = xstrdup(path), *log = NULL;
	char *argv[5];
	int status;

	/* kbuild's single-object target: dir/file.o */
	argv[0] = "make";
	argv[1] = "-C";
	argv[2] = (char *)root;
	argv[3] = object;
	argv[4] = NULL;

	object[strlen(object) - 1] = 'o';
	status = run_capture(NULL, argv, &log, true);
	printf("BUILD %s %s\n", status ? "FAILED" : "OK", path);
	if (status && log)
		fputs(log, stdout);
	free(log);
	free(object);
	return status ? -1 : 0;
}

int verify_build(const char *root, const struct convert_plan *plan)
{
	size_t i;
	int failed = 0;

	for (i = 0; i < plan->nr_files; i++)
		if (str_ends_with(plan->files[i].path, ".c"))
			failed |= build_one(root, plan->files[i].path);
	fflush(stdout);
	return failed;
}
