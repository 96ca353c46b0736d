/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Diagnostics on stderr in one form, as objtool's warn.h gives its own:
 *
 *   ptsync check: cannot scan /src: No such file or directory
 *   ptsync check: warning: mm/x.c: spatch timed out; ...
 *   ptsync review: error: ...
 *
 * The program name is fixed and the command name is set once, by the
 * dispatcher, so no caller spells either.
 */
#ifndef PTSYNC_DIAG_H
#define PTSYNC_DIAG_H

#include "lib/util.h"

/* "check", "review", ...; NULL before a command is chosen. */
void diag_set_command(const char *cmd);
const char *diag_command(void);

/* "ptsync CMD: <message>\n" */
__printf(1, 2) void diag(const char *fmt, ...);
/* The same with "error: ", "warning: " or "note: " before the message. */
__printf(1, 2) void diag_error(const char *fmt, ...);
__printf(1, 2) void diag_warn(const char *fmt, ...);
__printf(1, 2) void diag_note(const char *fmt, ...);

#endif
