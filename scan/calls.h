/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The facts a call chain needs, lexically: per function its calls by name
 * with their position and whether a sync follows on the same path; and,
 * tree-wide, which files mention which identifiers, so that the callers
 * of a name are found without lexing the whole tree again.
 */
#ifndef PTSYNC_SCAN_CALLS_H
#define PTSYNC_SCAN_CALLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/hash.h"

struct call_fact {
	char *callee;
	int line;
	bool synced;		/* a sync follows on the same path */
	char *sync_name;	/* which one, when synced */
	int sync_line;
};

struct fn_fact {
	char *name;
	int line;
	bool is_static;
	bool boot_only;		/* __init... : runs at boot only */
	struct call_fact *calls;
	size_t nr_calls, alloc_calls;
};

/* One file's functions and the names it uses as values. */
struct file_facts {
	char *path;
	struct fn_fact *fns;
	size_t nr_fns, alloc_fns;
	char **refs;		/* taken as a value: a function pointer */
	size_t nr_refs, alloc_refs;
	char **initcalls;	/* named by an *initcall()/module_init() */
	size_t nr_initcalls, alloc_initcalls;
};

void file_facts_scan(const char *path, const char *buf, size_t len,
		     struct file_facts *ff);
void file_facts_free(struct file_facts *ff);

/*
 * Through the cache: the facts of root/path when the last scan of root
 * hashed it and the cache holds facts for those bytes (false: read it,
 * scan it, and store what file_facts_scan() found).
 */
bool file_facts_cached(const char *root, const char *path,
		       struct file_facts *ff);
struct rec_buf;
/*
 * A file's facts as the cache stores them (without its path), and back:
 * false, with ff empty, for anything file_facts_encode() did not write.
 */
void file_facts_encode(struct rec_buf *b, const struct file_facts *ff);
bool file_facts_decode(const char *data, size_t len, struct file_facts *ff);

/* ff must stay as it is until file_facts_flush(), which stores it. */
void file_facts_store(const char *buf, size_t len,
		      const struct file_facts *ff);
/*
 * Write what file_facts_store() gathered to the cache, once per run, and
 * never while a file_facts_cached() runs in another thread.
 */
void file_facts_flush(void);

/* Whether name is a call that syncs the kernel mappings. */
bool is_sync_name(const char *s, size_t len);

/* The identifiers of every .c and .h file of a tree, as 32-bit hashes. */
struct id_index {
	char **paths;		/* sorted */
	uint32_t **ids;		/* sorted, unique, per file */
	size_t *nr_ids;
	long long *size, *mtime;	/* as hashed: the cache's key */
	struct hash128 *hash;		/* of the bytes hashed */
	size_t nr_files;
	char *blob;		/* the cache as read: ids may point into it */
	size_t blob_len;
	size_t fresh;		/* files hashed, not from the cache */
};

uint32_t id_hash(const char *s, size_t len);
/*
 * The hashes of buf's identifiers outside comments and literals, sorted
 * and unique, in *out (malloc'd); their number.
 */
size_t id_hash_buffer(const char *buf, size_t len, uint32_t **out);
/* Room a caller keeps between files: no allocation per file. */
struct id_scratch {
	uint32_t *v, *tmp;
	size_t alloc;
	uint32_t seen[1024];	/* names met lately, by low bits */
};
size_t id_hash_buffer_with(const char *buf, size_t len,
			   struct id_scratch *s, uint32_t **out);
void id_scratch_free(struct id_scratch *s);
/* The same a byte at a time: the reference the fast walk is tested by. */
size_t id_hash_buffer_plain(const char *buf, size_t len, uint32_t **out);
/* Whether the sorted hashes v[0..nr) hold id. */
bool ids_have(const uint32_t *v, size_t nr, uint32_t id);

/* 0, or -1 with errno when root cannot be read. */
int id_index_build(const char *root, int jobs, struct id_index *ix);
/*
 * The same, through a cache of the index per tree (PTSYNC_CACHE_DIR, else
 * $XDG_CACHE_HOME/ptsync, else ~/.cache/ptsync): files whose size and
 * mtime are unchanged keep their hashes, the rest are hashed again
 * (id_index_save() then writes the cache: not from a thread that may be
 * left running at exit).
 */
int id_index_load_or_build(const char *root, int jobs, struct id_index *ix);
/*
 * The same for the files of the last whole-tree scan of root and the
 * hashes of their bytes (scan_tree_listing()): no second walk, and a
 * cached file is trusted by its bytes, not by its stat data.
 */
int id_index_load_listed(const char *root, int jobs, char *const *paths,
			 const struct hash128 *hashes, size_t nr,
			 struct id_index *ix);
/* Write the index of root back to the cache if a file was hashed. */
void id_index_save(const char *root, struct id_index *ix);
bool id_index_has(const struct id_index *ix, size_t file, uint32_t id);
void id_index_free(struct id_index *ix);

#endif
