/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Ctrl-C and SIGTERM set stop_requested instead of killing ptsync, so that
 * long runs stop between files and say what is partial; every layer that
 * loops over files polls it.
 */
#ifndef PTSYNC_STOP_H
#define PTSYNC_STOP_H

#include <stdatomic.h>

/* 0, or the number of the signal that asked to stop. */
extern atomic_int stop_requested;

void install_stop_handlers(void);

#endif
