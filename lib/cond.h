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
 *
 * Other lines may be fed too, and should be: an include guard is an
 * outermost "#ifndef X" whose next non-blank line is "#define X", so a
 * line of code in between keeps the #ifndef a condition.  Guards and
 * __ASSEMBLY__/__ASSEMBLER__ blocks are never rendered: they say nothing
 * about the configuration C code is built for.
 */
bool cond_stack_directive(struct cond_stack *cs, const char *line);

/*
 * The condition now in force, e.g. "!CONFIG_X86_32 && CONFIG_X86_PAE";
 * "" when unconditional.  Caller frees.
 */
char *cond_stack_render(const struct cond_stack *cs);

/* True when the current block is dead for every configuration (#if 0). */
bool cond_stack_dead(const struct cond_stack *cs);

/*
 * 0 or 1 when the #if expression expr is that constant ("0", "(1)", " ( 0 )"),
 * -1 for anything else.  The scanner drops "#if 0" code with it, the model
 * its dead branches.
 */
int cond_constant(const char *expr);

/* Join two rendered conditions with " && ", dropping empty ones. */
char *cond_and(const char *a, const char *b);

/*
 * False only when a and b are certainly never true together (one has a
 * conjunct "X" and the other "!X").  CONFIG_X86_32 and CONFIG_32BIT are
 * read as !CONFIG_64BIT, CONFIG_X86_64 as CONFIG_64BIT.
 */
bool cond_compatible(const char *a, const char *b);

/*
 * True when every conjunct of b is a conjunct of a (same aliases), so a
 * certainly implies b.  cond_implies(a, "") is true.
 */
bool cond_implies(const char *a, const char *b);

/*
 * The condition under which none of conds[0..nr) holds, as a rendered
 * condition: "!CONFIG_X86_32" for "CONFIG_X86_32 && CONFIG_X86_PAE" and
 * "CONFIG_X86_32 && !CONFIG_X86_PAE".  Each conjunct is taken as an
 * independent symbol; when the result is no plain conjunction of them,
 * it is "!(a) && !(b) ...".  NULL when the conditions cover every case
 * (one of them is "", or they name X and !X).  Caller frees.
 */
char *cond_complement(char *const *conds, size_t nr);

/*
 * An #if expression as the model writes it: one space between tokens,
 * none inside parentheses or after "!", defined(X) as X.  Caller frees.
 */
char *cond_normalise(const char *expr);

#endif
