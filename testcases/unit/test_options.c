// SPDX-License-Identifier: GPL-2.0-only
/*
 * lib/options.c: one table parses, validates and prints --help.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/options.h"
#include "lib/util.h"
#include "unit.h"

static const char *const colours[] = { "red", "green", NULL };

struct vals {
	bool flag;
	const char *name, *colour;
	int count;
};

static int odd(void *value, const char *arg)
{
	int n = atoi(arg);

	if (n % 2 == 0)
		return -1;
	*(int *)value = n;
	return 0;
}

static int run(struct vals *v, int *cb, int argc, char **argv, int *first)
{
	const struct opt opts[] = {
		OPT_FLAG("flag", &v->flag, "a flag"),
		OPT_STR("name", &v->name, "NAME", "a name\nover two lines"),
		OPT_ONE_OF("colour", &v->colour, "C", colours, "a colour"),
		{ .type = OPT_COUNT, .name = "count", .short_name = 'c',
		  .value = &v->count, .arg = "N", .want = "1 to 4096",
		  .help = "a count" },
		OPT_CB("odd", cb, "N", odd, "an odd number", "an odd number"),
		OPT_DONE
	};
	const struct usage u = {
		.command = "test", .operands = "[FILE...]", .opts = opts,
		.intro = "Intro.\n", .outro = "Outro.\n",
	};

	memset(v, 0, sizeof(*v));
	if (!argv) {
		char *buf = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);

		options_usage(f, &u);
		fclose(f);
		CHECK(strstr(buf, "usage: ptsync test [--flag] [--name NAME] [--colour red|green]") == buf,
		      "synopsis from the table: %.60s", buf);
		CHECK(strstr(buf, "\n  --name NAME      a name\n                   over two lines\n") != NULL,
		      "help lines aligned, continued");
		CHECK(strstr(buf, "Intro.") && strstr(buf, "Outro."),
		      "intro and outro");
		free(buf);
		return 0;
	}
	return parse_options(&u, argc, argv, first);
}

int main(void)
{
	struct vals v;
	int cb = 0, first = 0;
	char *ok[] = { "cmd", "a", "--flag", "--name", "x", "b", "--colour=green",
		       "-c", "7", "--odd", "3", "--", "--flag", NULL };
	char *bad_choice[] = { "cmd", "--colour", "blue", NULL };
	char *bad_count[] = { "cmd", "--count", "0", NULL };
	char *bad_cb[] = { "cmd", "--odd", "4", NULL };
	char *missing[] = { "cmd", "--name", NULL };
	char *unknown[] = { "cmd", "--nope", NULL };
	char *value_on_flag[] = { "cmd", "--flag=1", NULL };
	char *help[] = { "cmd", "--help", NULL };

	int ret = run(&v, &cb, 13, ok, &first);

	CHECK_INT(ret, 0, "options and operands mixed");
	CHECK(v.flag && !strcmp(v.name, "x") && !strcmp(v.colour, "green") &&
	      v.count == 7 && cb == 3, "every value taken");
	CHECK_INT(13 - first, 3, "three operands");
	CHECK(!strcmp(ok[first], "a") && !strcmp(ok[first + 1], "b") &&
	      !strcmp(ok[first + 2], "--flag"), "operands in order, -- ends options");
	ret = run(&v, &cb, 3, bad_choice, &first);
	CHECK_INT(ret, 2, "unknown choice refused");
	ret = run(&v, &cb, 3, bad_count, &first);
	CHECK_INT(ret, 2, "count out of range refused");
	ret = run(&v, &cb, 3, bad_cb, &first);
	CHECK_INT(ret, 2, "callback refusal");
	ret = run(&v, &cb, 2, missing, &first);
	CHECK_INT(ret, 2, "missing value refused");
	ret = run(&v, &cb, 2, unknown, &first);
	CHECK_INT(ret, 2, "unknown option refused");
	ret = run(&v, &cb, 2, value_on_flag, &first);
	CHECK_INT(ret, 2, "value on a flag refused");
	fflush(stdout);
	ret = run(&v, &cb, 2, help, &first);
	CHECK_INT(ret, 1, "--help prints and says so");
	run(&v, &cb, 0, NULL, &first);
	return unit_done("unit options");
}
