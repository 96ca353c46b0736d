/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Preprocessor conditions as text: the stack of #if/#ifdef/#elif/#else
 * around a line, rendered as one C-like expression.  The model only needs
 * to show conditions to people and to tell obviously incompatible ones
 * apart, so it keeps them as normalised strings, not as a solver.
 */
#ifndef PTSYNC_COND_H
#define PTSYNC_COND_H

#include <stdbool.h>
#include <stddef.h>

struct cond_stack;

struct cond_stack *cond_stack_new(void);
void cond_stack_free(struct cond_stack *cs);

/*
 * Feed one logical preprocessor line (continuations joined, comments
 * removed), e.g. "#ifdef CONFIG_X86_32" or "#elif defined(CONFIG_FOO)".
 * Returns true when the line was a conditional directive.
 */
bool cond_stack_directive(struct cond_stack *cs, const char *line);

/* The condition now in force, e.g. "!CONFIG_X86_32 && CONFIG_X86_PAE";
 * "" when unconditional.  Caller frees. */
char *cond_stack_render(const struct cond_stack *cs);

/* True when the current block is dead for every configuration (#if 0). */
bool cond_stack_dead(const struct cond_stack *cs);

/* Join two rendered conditions with " && ", dropping empty ones. */
char *cond_and(const char *a, const char *b);

/* False only when a and b are certainly never true together (one has a
 * conjunct "X" and the other "!X"). */
bool cond_compatible(const char *a, const char *b);

#endif
