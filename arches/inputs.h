/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the arch model read, for its cache (arches/model_cache.c): every
 * file and directory, by the path the model used, with its stat data.
 * The model is a function of these inputs: when all still stat the same,
 * the cached model is the model.
 */
#ifndef PTSYNC_ARCHES_INPUTS_H
#define PTSYNC_ARCHES_INPUTS_H

#include <dirent.h>

/* Note that the model is about to read path (a file or a directory). */
void arch_input(const char *path);
/* The directory root/rel, opened as an input of the model; NULL: none. */
DIR *arch_input_dir(const char *root, const char *rel);

#endif
