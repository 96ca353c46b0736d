// SPDX-License-Identifier: GPL-2.0-only
#include <stdarg.h>
#include <stdio.h>

#include "lib/diag.h"

static const char *command;

void diag_set_command(const char *cmd)
{
	command = cmd;
}

const char *diag_command(void)
{
	return command;
}

static void vdiag(const char *level, const char *fmt, va_list ap)
{
	fprintf(stderr, "ptsync%s%s: %s", command ? " " : "",
		command ? command : "", level);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

#define DIAG(name, level)				\
void name(const char *fmt, ...)				\
{							\
	va_list ap;					\
							\
	va_start(ap, fmt);				\
	vdiag(level, fmt, ap);				\
	va_end(ap);					\
}

DIAG(diag, "")
DIAG(diag_error, "error: ")
DIAG(diag_warn, "warning: ")
DIAG(diag_note, "note: ")
