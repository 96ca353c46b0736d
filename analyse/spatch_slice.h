/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The tree spatch reads in json mode: a folder of the run's own holding,
 * at their paths, the candidate files with the bodies that cannot matter
 * blanked (scan/slice.h), and links to the files that stay whole.  spatch
 * runs there, so what it prints names the same paths and lines.
 */
#ifndef PTSYNC_ANALYSE_SPATCH_SLICE_H
#define PTSYNC_ANALYSE_SPATCH_SLICE_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Whether a run may read sliced files: json mode without the rewrite
 * (a rewrite's output is the whole file), paths inside the tree, and
 * PTSYNC_SLICE not "0" (which compares a run with the whole files).
 */
bool spatch_may_slice(const char *mode, bool with_patch, char *const *paths,
		      size_t nr);

/*
 * The folder, which the caller removes with tmpdir_remove_tree() and
 * frees; NULL when it could not be made, and spatch reads the tree.
 */
char *spatch_slice_tree(const char *root, char *const *paths, size_t nr);

#endif
