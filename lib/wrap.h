/* SPDX-License-Identifier: GPL-2.0-only */
/* Prose for mails and commit messages, wrapped as git's own tools do. */
#ifndef PTSYNC_WRAP_H
#define PTSYNC_WRAP_H

#include <stdio.h>

#define WRAP 72

/* text as paragraphs ("\n\n" between them) wrapped at WRAP columns. */
void put_wrapped(FILE *out, const char *text);

#endif
