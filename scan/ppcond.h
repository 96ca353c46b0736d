/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The preprocessor conditionals that both token scanners of scan/ follow
 * (scan.c for the raw calls, calls.c for the call facts).  "#if 0" code
 * is dead and a literal 1 kills the branches after it; any other
 * condition keeps every branch, since a missed call is worse than a
 * duplicate.  At each #elif/#else the scanner's state goes back to what
 * it was at the #if, and at #endif the end of the first live branch may
 * win where the branches left the state different (as in ctags).  The
 * scanner owns those states: this says when to save and restore them.
 * Private to scan/.
 */
#ifndef PTSYNC_SCAN_PPCOND_H
#define PTSYNC_SCAN_PPCOND_H

#include <stdbool.h>

#include "scan/lexer.h"

#define PP_COND_MAX	32	/* deeper conditionals count as unknown */

enum pp_slot {
	PP_AT_IF,		/* the state at the #if */
	PP_FIRST_END,		/* the state at the end of the first live branch */
};

struct pp_hooks {
	void *ctx;
	/* keep the state of level (< PP_COND_MAX) in slot */
	void (*save)(void *ctx, int level, enum pp_slot slot);
	/*
	 * go back to a saved state; PP_FIRST_END comes at #endif, when the
	 * first live branch was not the last one, and the scanner decides
	 * whether its state there should win
	 */
	void (*restore)(void *ctx, int level, enum pp_slot slot);
	/* a directive that is no conditional, t its name; may be NULL */
	void (*other)(void *ctx, struct token *t);
};

struct pp_conds {
	int nr;				/* open conditionals, beyond the max too */
	signed char value[PP_COND_MAX];	/* of the branch: 0, 1 or -1 unknown */
	bool taken[PP_COND_MAX];	/* a branch was literally 1 */
	bool have_first[PP_COND_MAX];	/* the first live branch has ended */
	bool dead;			/* in a branch that is literally 0 */
};

/*
 * The directive after a '#' that starts a logical line, read through the
 * end of its line; t is left at that T_EOL (or T_EOF).
 */
void pp_directive(struct pp_conds *pc, struct lexer *lx,
		  const struct pp_hooks *h, struct token *t);

#endif
