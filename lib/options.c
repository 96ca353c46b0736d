// SPDX-License-Identifier: GPL-2.0-only
#include <stdlib.h>
#include <string.h>

#include "lib/diag.h"
#include "lib/options.h"

#define HELP_COLUMN 19		/* "  --timeout SEC    " */
#define SYNOPSIS_WIDTH 76

const char *opt_choices(const struct opt *o)
{
	static char buf[256];
	const char *const *c;

	buf[0] = '\0';
	for (c = o->choices; c && *c; c++) {
		if (c != o->choices)
			strncat(buf, "|", sizeof(buf) - strlen(buf) - 1);
		strncat(buf, *c, sizeof(buf) - strlen(buf) - 1);
	}
	return buf;
}

/* Say why, point to --help, free msg; 2. */
static int refuse(const struct usage *u, char *msg)
{
	diag("%s\nTry 'ptsync %s --help'.", msg, u->command);
	free(msg);
	return 2;
}

static int parse_count(const char *s, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s == '\0' || *end || v < 1 || v > 4096)
		return -1;
	*out = (int)v;
	return 0;
}

static bool is_choice(const struct opt *o, const char *arg)
{
	const char *const *c;

	for (c = o->choices; *c; c++)
		if (!strcmp(*c, arg))
			return true;
	return false;
}

/* Take the value of o from arg; 0 or 2. */
static int take(const struct usage *u, const struct opt *o, const char *arg)
{
	switch (o->type) {
	case OPT_BOOL:
		*(bool *)o->value = true;
		return 0;
	case OPT_CHOICE:
		if (!is_choice(o, arg))
			return refuse(u, xasprintf("unknown %s '%s'", o->name,
						   arg));
		/* fall through */
	case OPT_STRING:
		*(const char **)o->value = arg;
		return 0;
	case OPT_COUNT:
		if (parse_count(arg, o->value))
			return refuse(u, xasprintf("--%s needs %s, not '%s'",
						   o->name, o->want, arg));
		return 0;
	case OPT_CALLBACK:
		if (o->cb(o->value, arg))
			return refuse(u, xasprintf("--%s takes %s, not '%s'",
						   o->name, o->want, arg));
		return 0;
	default:
		return 2;
	}
}

/* The option called name (len bytes), or by its short name when len is 0. */
static const struct opt *find(const struct usage *u, const char *name,
			      size_t len)
{
	const struct opt *o;

	for (o = u->opts; o->type != OPT_END; o++)
		if (len ? strlen(o->name) == len && !strncmp(o->name, name, len) :
			  o->short_name && o->short_name == name[0])
			return o;
	return NULL;
}

/*
 * One option at argv[*i]: "--name", "--name=value", "--name value" or
 * "-j value".
 */
static int one(const struct usage *u, int argc, char **argv, int *i)
{
	bool is_long = argv[*i][1] == '-';
	const char *name = argv[*i] + (is_long ? 2 : 1);
	const char *eq = is_long ? strchr(name, '=') : NULL;
	size_t len = eq ? (size_t)(eq - name) : strlen(name);
	const struct opt *o = is_long ? find(u, name, len) :
				      len == 1 ? find(u, name, 0) : NULL;
	const char *arg = eq ? eq + 1 : NULL;

	if (!o)
		return refuse(u, xasprintf("invalid option '%s'", argv[*i]));
	if (o->type == OPT_BOOL && arg)
		return refuse(u, xasprintf("--%s takes no value", o->name));
	if (o->type != OPT_BOOL && !arg) {
		if (*i + 1 >= argc)
			return refuse(u, xasprintf("--%s needs a value (%s)",
						   o->name, o->arg));
		arg = argv[++*i];
	}
	return take(u, o, arg);
}

int parse_options(const struct usage *u, int argc, char **argv, int *first)
{
	int i, ret;
	char **operands = xcalloc(argc + 1, sizeof(*operands));
	int nr = 0;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--")) {
			while (++i < argc)
				operands[nr++] = argv[i];
			break;
		}
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			options_usage(stdout, u);
			free(operands);
			return 1;
		}
		if (argv[i][0] == '-' && argv[i][1]) {
			ret = one(u, argc, argv, &i);
			if (ret) {
				free(operands);
				return ret;
			}
		} else {
			operands[nr++] = argv[i];
		}
	}
	/* The operands, in order, after the options. */
	for (i = 0; i < nr; i++)
		argv[argc - nr + i] = operands[i];
	*first = argc - nr;
	free(operands);
	return 0;
}

static const char *arg_text(const struct opt *o)
{
	return o->type == OPT_CHOICE ? opt_choices(o) : o->arg;
}

static void print_synopsis(FILE *out, const struct usage *u)
{
	const struct opt *o;
	char *head = xasprintf("usage: ptsync %s", u->command), *item;
	size_t col = strlen(head), indent = col + 1;

	fputs(head, out);
	for (o = u->opts; o->type != OPT_END; o++) {
		item = o->arg ? xasprintf("[--%s %s]", o->name, arg_text(o)) :
				xasprintf("[--%s]", o->name);
		if (col + 1 + strlen(item) > SYNOPSIS_WIDTH) {
			fprintf(out, "\n%*s", (int)indent, "");
			col = indent;
		} else {
			fputc(' ', out);
			col++;
		}
		fputs(item, out);
		col += strlen(item);
		free(item);
	}
	if (u->operands) {
		if (col + 1 + strlen(u->operands) > SYNOPSIS_WIDTH)
			fprintf(out, "\n%*s", (int)indent, "");
		else
			fputc(' ', out);
		fputs(u->operands, out);
	}
	fputc('\n', out);
	free(head);
}

void options_usage(FILE *out, const struct usage *u)
{
	const struct opt *o;
	const char *h, *nl;
	int n;

	print_synopsis(out, u);
	if (u->intro)
		fprintf(out, "\n%s", u->intro);
	fputc('\n', out);
	for (o = u->opts; o->type != OPT_END; o++) {
		n = o->arg ? fprintf(out, "  --%s %s", o->name, o->arg) :
			     fprintf(out, "  --%s", o->name);
		for (h = o->help; h; h = nl ? nl + 1 : NULL) {
			nl = strchr(h, '\n');
			if (n >= HELP_COLUMN - 1) {
				fputc('\n', out);
				n = 0;
			}
			fprintf(out, "%*s%.*s\n", HELP_COLUMN - n, "",
				nl ? (int)(nl - h) : (int)strlen(h), h);
			n = 0;
		}
	}
	if (u->outro)
		fprintf(out, "\n%s", u->outro);
}
