/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A minimal harness for the C unit tests: each CHECK prints PASS or FAIL
 * with its own text, and unit_done() prints the closing count that
 * testcases/run-all adds up.
 */
#ifndef PTSYNC_UNIT_H
#define PTSYNC_UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_pass, unit_fail;

#define CHECK(cond, ...) do {						\
	if (cond) {							\
		unit_pass++;						\
		printf("PASS: ");					\
	} else {							\
		unit_fail++;						\
		printf("FAIL: %s:%d: ", __FILE__, __LINE__);		\
	}								\
	printf(__VA_ARGS__);						\
	putchar('\n');							\
} while (0)

#define CHECK_STR(got, want, what) \
	CHECK((got) && !strcmp((got), (want)), "%s: got \"%s\", want \"%s\"", \
	      what, (got) ? (got) : "(null)", want)

#define CHECK_INT(got, want, what) \
	CHECK((got) == (want), "%s: got %ld, want %ld", what, \
	      (long)(got), (long)(want))

static inline int unit_done(const char *name)
{
	printf("%s: %d passed, %d failed\n", name, unit_pass, unit_fail);
	return unit_fail ? 1 : 0;
}

#endif
