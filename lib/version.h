/* SPDX-License-Identifier: GPL-2.0-only */
/* The one version string: --version, the SARIF driver, the series text. */
#ifndef PTSYNC_VERSION_H
#define PTSYNC_VERSION_H

#define PTSYNC_VERSION "0.1.0"

#endif
