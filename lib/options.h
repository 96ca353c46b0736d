/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Declarative options, as git's parse-options and objtool's option tables:
 * a command lists its options once, with their help, and the same table
 * parses argv, validates each value and prints --help.
 */
#ifndef PTSYNC_OPTIONS_H
#define PTSYNC_OPTIONS_H

#include <stdbool.h>
#include <stdio.h>

enum opt_type {
	OPT_END,
	OPT_BOOL,	/* sets *(bool *)value */
	OPT_STRING,	/* *(const char **)value = the argument */
	OPT_CHOICE,	/* OPT_STRING, one of choices */
	OPT_COUNT,	/* *(int *)value, a whole number from 1 to 4096 */
	OPT_CALLBACK,	/* cb(value, arg) parses it; -1 refuses it */
};

struct opt {
	enum opt_type type;
	const char *name;	/* the long name, without "--" */
	void *value;
	const char *arg;	/* "N", "DIR", "FMT"; NULL for OPT_BOOL */
	const char *help;	/* "\n" continues on an indented line */
	const char *const *choices;	/* OPT_CHOICE: NULL-terminated */
	int (*cb)(void *value, const char *arg);	/* OPT_CALLBACK */
	const char *want;	/* what a refused value should have been */
	char short_name;	/* -j for --jobs, or 0 */
};

#define OPT_FLAG(n, v, h) \
	{ .type = OPT_BOOL, .name = n, .value = v, .help = h }
#define OPT_STR(n, v, a, h) \
	{ .type = OPT_STRING, .name = n, .value = v, .arg = a, .help = h }
#define OPT_ONE_OF(n, v, a, c, h) \
	{ .type = OPT_CHOICE, .name = n, .value = v, .arg = a, .help = h, \
	  .choices = c }
#define OPT_NUMBER(n, v, a, w, h) \
	{ .type = OPT_COUNT, .name = n, .value = v, .arg = a, .help = h, \
	  .want = w }
#define OPT_CB(n, v, a, f, w, h) \
	{ .type = OPT_CALLBACK, .name = n, .value = v, .arg = a, .help = h, \
	  .cb = f, .want = w }
#define OPT_DONE { .type = OPT_END }

struct usage {
	const char *command;	/* "check" */
	const char *operands;	/* "[KDIR] [PATH...]" */
	const char *intro;	/* the paragraph after the synopsis */
	const struct opt *opts;
	const char *outro;	/* environment, exit codes */
};

/*
 * Parse the options of argv[1..argc); the operands are left, in order, at
 * argv[*first..argc).  0 to go on; 1 when --help was printed (exit 0);
 * 2 when an option was refused, with the reason on stderr.
 */
int parse_options(const struct usage *u, int argc, char **argv, int *first);

/* The synopsis, the intro, one line per option, the outro. */
void options_usage(FILE *out, const struct usage *u);

/* The choices of o as "a|b|c"; a static buffer. */
const char *opt_choices(const struct opt *o);

#endif
