// SPDX-License-Identifier: GPL-2.0-only
/*
 * ptsync arches: the architecture model alone, to see why a finding is
 * exposed where it is.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "arches/arches.h"
#include "commands/commands.h"
#include "lib/diag.h"
#include "report/report.h"

static const char *const format_names[] = { "text", "json", NULL };

int cmd_arches(int argc, char **argv)
{
	const char *format = "text", *root;
	struct cache_choice cache = { 0 };
	const struct opt opts[] = {
		OPT_ONE_OF("format", &format, "FMT", format_names,
			   "text (default), or json"),
		OPT_CACHE(&cache),
		OPT_DONE
	};
	const struct usage usage = {
		.command = "arches",
		.operands = "[KDIR]",
		.intro = "Print, for each arch/<a> of the kernel tree (default: the current\n"
			 "directory), every ARCH_PAGE_TABLE_SYNC_MASK definition with the\n"
			 "configuration it applies under, the levels folded away, and where\n"
			 "arch_sync_kernel_mappings() is defined.\n",
		.opts = opts,
		.outro = "Exit: 0, or 2 for usage or input errors.\n",
	};
	struct arch_model model = { 0 };
	int first, ret;

	ret = parse_options(&usage, argc, argv, &first);
	if (ret)
		return ret == 1 ? EXIT_CLEAN : EXIT_USAGE;
	apply_cache_choice(&cache);
	if (argc - first > 1)
		return cmd_usage_error("too many operands, starting at '%s'",
				       argv[first + 1]);
	root = require_kernel_tree(first < argc ? argv[first] : NULL);
	if (!root)
		return EXIT_USAGE;
	if (arch_model_build(root, &model)) {
		diag("cannot read %s/arch: %s", root,
			strerror(errno));
		return EXIT_USAGE;
	}
	ret = strcmp(format, "json") ? report_arches_text(stdout, &model) :
		report_arches_json(stdout, &model);
	if (ret || fflush(stdout)) {
		diag("cannot write the output");
		ret = EXIT_USAGE;
	}
	arch_model_free(&model);
	return ret;
}
