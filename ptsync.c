// SPDX-License-Identifier: GPL-2.0-only
/*
 * ptsync: find raw pgd/p4d_populate() calls on init_mm that skip the
 * kernel page table sync.  This file only dispatches to the subcommands
 * in commands/.
 */
#include <stdio.h>
#include <string.h>

#include "commands/commands.h"
#include "lib/cache.h"
#include "lib/diag.h"
#include "lib/tmpdir.h"
#include "lib/util.h"


static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *what;
} commands[] = {
	{ "check", cmd_check, "check a kernel tree, findings per arch and sync mask" },
	{ "arches", cmd_arches, "print the architecture model alone" },
	{ "review", cmd_review, "check a patch or series: new and old findings, fixes" },
	{ "convert", cmd_convert, "convert the raw calls: a diff, in place, or a patch series" },
};

static void print_usage(FILE *out)
{
	size_t i;

	fputs("usage: ptsync <command> [options] [KDIR] ...\n\ncommands:\n", out);
	for (i = 0; i < ARRAY_SIZE(commands); i++)
		fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].what);
	fputs("\n'ptsync <command> --help' describes one; --version prints the version.\n",
	      out);
}

int main(int argc, char **argv)
{
	size_t i;
	int ret;

	if (argc < 2) {
		print_usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		print_usage(stdout);
		return EXIT_CLEAN;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("ptsync %s\n", PTSYNC_VERSION);
		return EXIT_CLEAN;
	}
	for (i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcmp(argv[1], commands[i].name)) {
			diag_set_command(commands[i].name);
			/* What a killed run left behind goes first. */
			tmpdir_clean_stale();
			ret = commands[i].run(argc - 1, argv + 1);
			cache_finish();
			return ret;
		}
	diag("unknown command '%s'", argv[1]);
	print_usage(stderr);
	return EXIT_USAGE;
}
