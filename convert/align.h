/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef PTSYNC_CONVERT_ALIGN_H
#define PTSYNC_CONVERT_ALIGN_H

/* old padded with blank lines so its lines number as after diff. */
char *align_old_text(const char *old, const char *diff);

/*
 * text (a file after the conversion) with each converted call wrapped
 * in a block that first emits "L<line>;" into the section .ptsync_probe:
 * the object has the string only if the compiler kept that call.
 */
char *probe_new_text(const char *text, const char *diff, size_t *nr_probes);

#endif
