/* SPDX-License-Identifier: GPL-2.0-only */
/* Shared between the files of scan/; not part of the module interface. */
#ifndef PTSYNC_SCAN_INTERNAL_H
#define PTSYNC_SCAN_INTERNAL_H

#include "scan/scan.h"

/* Record a problem; takes ownership of reason (from xasprintf & co). */
void scan_add_problem(struct scan_result *res, const char *path,
		      char *reason);

#endif
