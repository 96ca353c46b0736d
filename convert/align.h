/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef PTSYNC_CONVERT_ALIGN_H
#define PTSYNC_CONVERT_ALIGN_H

/* old padded with blank lines so its lines number as after diff. */
char *align_old_text(const char *old, const char *diff);

#endif
