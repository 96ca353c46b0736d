/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One private temporary directory per run, $TMPDIR/ptsync-<pid>-XXXXXX,
 * removed when the run exits.  A run that was killed cannot remove it, so
 * every run first removes the directories whose owner is gone, and the
 * temporary files that owner had journaled outside it (the kernel tree's
 * "<file>.ptsync-<pid>-<n>" of an interrupted convert --apply).
 */
#ifndef PTSYNC_TMPDIR_H
#define PTSYNC_TMPDIR_H

/* The run's directory, created on first use; NULL with errno on failure. */
const char *tmpdir_get(void);
/*
 * A new empty file in it, named prefix-XXXXXX: its path, which the
 * caller frees, or NULL with errno set.
 */
char *tmpdir_file(const char *prefix);
/* A new directory in it, named prefix-XXXXXX, as tmpdir_file(). */
char *tmpdir_subdir(const char *prefix);
/*
 * Note that path (outside the directory) may be left behind if this run
 * is killed, so that the next run removes it.  0, or -1 with errno set.
 */
int tmpdir_journal(const char *path);
/*
 * Remove dir and everything below it, symlinks not followed.  Best
 * effort: the one helper every private directory is removed with.
 */
void tmpdir_remove_tree(const char *dir);
/* Remove what runs that are gone left behind.  Best effort. */
void tmpdir_clean_stale(void);

#endif
