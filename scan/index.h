/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The scan's stat index, as git's index: per file of a tree its path,
 * size, mtime, ctime, inode and device, the hash of its bytes and the
 * scan's facts about it (sites, helpers, problems).  A file whose stat
 * data all match is not read again; its facts come from the index.  An
 * entry whose mtime is not older than the index's stamp (the start of
 * the run that wrote it, less a second for coarse file system clocks) is
 * racily clean: the file may have changed in the same tick after it was
 * read, so it is read again.  Stored in the cache (lib/cache.h), keyed
 * by the tree's real path.
 */
#ifndef PTSYNC_SCAN_INDEX_H
#define PTSYNC_SCAN_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "lib/file_id.h"
#include "lib/hash.h"
#include "lib/record.h"
#include "scan/scan.h"

/* Bump when what scan_buffer() records, or the encoding, changes. */
#define SCAN_INDEX_VERSION 3	/* 3: each site's #if conditions */

struct index_entry {
	const char *path;		/* NULL: no entry (the file went unread) */
	struct file_id id;		/* the stat data it was read with */
	struct hash128 hash;		/* of the file's bytes */
	const char *facts;		/* encoded, see index_encode_facts() */
	size_t facts_len;
	char *owned;			/* facts of a file read in this run */
	uint32_t *ids;			/* its identifier hashes, if asked */
	size_t nr_ids;
};

struct scan_index {
	uint64_t stamp_ns;		/* when the run that wrote it started */
	struct index_entry *v;		/* sorted by path */
	size_t nr;
	char *blob;			/* what v points into */
};

/* The tree's index, or an empty one (a miss, a corrupt object). */
void index_load(const char *root, struct scan_index *idx);
/* Entries must be sorted by path; 0 or -1 (not written). */
int index_save(const char *root, uint64_t stamp_ns,
	       const struct index_entry *v, size_t nr);
void index_free(struct scan_index *idx);

const struct index_entry *index_find(const struct scan_index *idx,
				     const char *path);
/* Whether st still describes what e was read from, and safely so. */
bool index_clean(const struct scan_index *idx, const struct index_entry *e,
		 const struct stat *st);

/* The facts res gained from sites/helpers/problems/includes [from..] on. */
void index_encode_facts(struct rec_buf *b, const struct scan_result *res,
			size_t site0, size_t helper0, size_t problem0,
			size_t include0, size_t files0, size_t bytes0);
/* Append the facts of e (path rel) to res; false when corrupt. */
bool index_replay_facts(const struct index_entry *e, const char *rel,
			struct scan_result *res);

/*
 * Remember the content hashes of a scan of root for scan_file_hash(),
 * and take the identifier hashes of v's entries (v[i].ids is NULL then).
 */
void index_remember_hashes(const char *root, struct index_entry *v,
			   size_t nr, bool whole);

#endif
