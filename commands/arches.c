// SPDX-License-Identifier: GPL-2.0-only
/*
 * ptsync arches: the architecture model alone, to see why a finding is
 * exposed where it is.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "arches/arches.h"
#include "commands/commands.h"
#include "lib/diag.h"
#include "report/report.h"

static const char arches_usage[] =
"usage: ptsync arches [KDIR] [--format text|json]\n"
"\n"
"Print, for each arch/<a> of the kernel tree (default: the current\n"
"directory), every ARCH_PAGE_TABLE_SYNC_MASK definition with the\n"
"configuration it applies under, the levels folded away, and where\n"
"arch_sync_kernel_mappings() is defined.\n"
"Exit: 0, or 2 for usage or input errors.\n";

static int arches_usage_error(const char *what, const char *arg)
{
	diag("%s '%s'\nTry 'ptsync arches --help'.",
		what, arg);
	return EXIT_USAGE;
}

int cmd_arches(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ }
	};
	const char *format = "text", *root;
	struct arch_model model = { 0 };
	int c, ret;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (c == 'h') {
			fputs(arches_usage, stdout);
			return EXIT_CLEAN;
		}
		if (c != 'f')
			return arches_usage_error("invalid option", argv[optind - 1]);
		if (strcmp(optarg, "text") && strcmp(optarg, "json"))
			return arches_usage_error("unknown format", optarg);
		format = optarg;
	}
	if (argc - optind > 1)
		return arches_usage_error("too many operands, starting at",
					  argv[optind + 1]);
	root = require_kernel_tree(optind < argc ? argv[optind] : NULL);
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
