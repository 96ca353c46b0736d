/* SPDX-License-Identifier: GPL-2.0-only */
/* The one version string: --version, the SARIF driver, the series text. */
#ifndef PTSYNC_VERSION_H
#define PTSYNC_VERSION_H

#define PTSYNC_VERSION "0.1.0"

/*
 * Where a reader of a report learns about what it flags (SARIF's
 * informationUri and helpUri): the kernel's own header that introduced
 * the _kernel() helpers, until ptsync has a home page.  A packager sets
 * it with CFLAGS=-DPTSYNC_URL='"..."'.
 */
#ifndef PTSYNC_URL
#define PTSYNC_URL "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/include/linux/pgalloc.h"
#endif

#endif
