// SPDX-License-Identifier: GPL-2.0-only
/*
 * spatch's facts through the cache: the json lines spatch printed for one
 * file, or in patch mode its diff, keyed by everything they depend on.  spatch reads one file at a
 * time (each its own group), so a file's lines depend on its own bytes
 * and path and not on the batch it ran in.  Only files spatch analysed
 * completely are stored; a crash or a timeout is asked again next time.
 */
#define _GNU_SOURCE		/* environ */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "analyse/spatch.h"
#include "lib/cache.h"
#include "lib/record.h"
#include "lib/util.h"
#include "scan/scan.h"

/* Bump when the stored record or the key changes. */
#define SPATCH_CACHE_VERSION 1

static void add_file_bytes(struct cache_key *k, const char *path)
{
	struct hash128 zero = { 0, 0 };
	size_t len;
	char *text = path ? read_file(path, &len) : NULL;

	if (!text) {
		cache_key_add_str(k, NULL);
		return;
	}
	zero = hash_bytes(zero, text, len);
	cache_key_add(k, &zero, sizeof(zero));
	free(text);
}

static void add_program(struct cache_key *k, const char *program)
{
	char *full = spatch_find(program);
	struct stat st;

	cache_key_add_str(k, full);
	if (full && !stat(full, &st)) {
		cache_key_add_u64(k, st.st_size);
		cache_key_add_u64(k, st.st_mtim.tv_sec);
		cache_key_add_u64(k, st.st_mtim.tv_nsec);
	}
	free(full);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The semantic patch reads PTSYNC_* variables (the callees of the
 * cross-function stage, the proved addresses): all of them, sorted, are
 * part of the key, and the file PTSYNC_PROVEN names by its bytes.
 */
static void add_environment(struct cache_key *k)
{
	char **vars = NULL;
	size_t nr = 0, alloc = 0, i;

	for (i = 0; environ && environ[i]; i++)
		if (str_starts_with(environ[i], "PTSYNC_") &&
		    !str_starts_with(environ[i], "PTSYNC_CACHE"))
			*ARRAY_PUSH(vars, nr, alloc) = environ[i];
	if (nr > 1)
		qsort(vars, nr, sizeof(*vars), cmp_str);
	for (i = 0; i < nr; i++)
		cache_key_add_str(k, vars[i]);
	free(vars);
	add_file_bytes(k, getenv("PTSYNC_PROVEN"));
}

static bool is_patch(const struct spatch_config *cfg)
{
	return cfg->mode && !strcmp(cfg->mode, "patch");
}

static void run_key(const struct spatch_config *cfg, struct cache_key *k,
		    bool patch)
{
	cache_key_init(k, CACHE_SPATCH, SPATCH_CACHE_VERSION);
	add_file_bytes(k, cfg->cocci);
	add_program(k, cfg->spatch);
	cache_key_add_str(k, cfg->python);
	cache_key_add_str(k, patch ? "patch" : "json");
	add_environment(k);
}

static bool read_hash(const struct spatch_config *cfg, const char *path,
		      struct hash128 *h)
{
	char *full = path_join(cfg->root, path), *text;
	struct hash128 zero = { 0, 0 };
	size_t len;

	text = read_file(full, &len);
	free(full);
	if (!text)
		return false;
	*h = hash_bytes(zero, text, len);
	free(text);
	return true;
}

/*
 * The key of one file's facts, by the hash the scan took of it (no read)
 * or by reading it; false when it cannot be read: spatch will say why.
 */
static bool file_key(const struct spatch_config *cfg,
		     const struct cache_key *run, const char *path,
		     struct cache_key *k, struct hash128 *content)
{
	if (!scan_file_hash(cfg->root, path, content) &&
	    !read_hash(cfg, path, content))
		return false;
	*k = *run;
	cache_key_add_str(k, path);
	cache_key_add(k, content, sizeof(*content));
	return true;
}

/*
 * Whether the file still has the bytes its key names, after spatch read
 * it: a file edited since the scan must not have spatch's view of its new
 * bytes stored under the old ones.
 */
static bool unchanged(const struct spatch_config *cfg, const char *path,
		      struct hash128 content)
{
	struct hash128 now;

	return read_hash(cfg, path, &now) && now.lo == content.lo &&
	       now.hi == content.hi;
}

/* The cached diff of one file into r; false on a miss. */
static bool load_patch(const struct cache_key *k, struct file_result *res)
{
	size_t len;
	char *blob = cache_get(k, &len);

	if (!blob)
		return false;
	if (memchr(blob, '\0', len)) {
		cache_count(CS_CORRUPT, 1);
		free(blob);
		return false;
	}
	res->output = blob;
	return true;
}

/* The cached lines of one file into out (empty); false on a miss. */
static bool load(const struct cache_key *k, struct analysis *out)
{
	struct rec_reader r;
	size_t len, n, i;
	char *blob = cache_get(k, &len);
	struct analysis got = { 0 };

	if (!blob)
		return false;
	rec_reader_init(&r, blob, len);
	n = rec_get_count(&r, 8);
	for (i = 0; i < n && !r.bad; i++)
		analysis_add_line(&got, rec_peek_str(&r));
	if (!rec_done(&r) || got.nr_lines != n) {
		cache_count(CS_CORRUPT, 1);
		analysis_free(&got);
		free(blob);
		return false;
	}
	*out = got;
	free(blob);
	return true;
}

/* The "file" of a json line, or NULL. */
static char *line_file(const char *line)
{
	json_t *obj = json_loads(line, 0, NULL);
	const char *f = json_string_value(json_object_get(obj, "file"));
	char *copy = f ? xstrdup(f) : NULL;

	json_decref(obj);
	return copy;
}

struct pending {
	size_t index;		/* into the caller's files */
	struct cache_key key;
	struct hash128 content;	/* the file's bytes, as keyed */
	bool keyed;
};

/* The file each line names, or NULL. */
static char **line_owners(const struct analysis *sub)
{
	char **owner = xcalloc(sub->nr_lines + 1, sizeof(*owner));
	size_t i;

	for (i = 0; i < sub->nr_lines; i++)
		owner[i] = line_file(sub->lines[i]);
	return owner;
}

static bool owned_by(const char *owner, const char *path)
{
	return owner && !strcmp(owner, path);
}

/*
 * Store each completely analysed file's lines; every line must name one
 * of the files run, or nothing is stored (whose would it be?).
 */
static void store(const struct spatch_config *cfg,
		  const struct analysis *sub, char **owner,
		  const struct pending *miss, size_t nr)
{
	struct rec_buf b;
	size_t i, j, n;
	bool sure = true;

	for (i = 0; i < sub->nr_lines; i++) {
		for (j = 0; owner[i] && j < sub->nr_files; j++)
			if (!strcmp(owner[i], sub->files[j].path))
				break;
		sure &= owner[i] && j < sub->nr_files;
	}
	for (j = 0; sure && j < nr; j++) {
		if (!miss[j].keyed || sub->files[j].status != FILE_ANALYSED ||
		    !unchanged(cfg, sub->files[j].path, miss[j].content))
			continue;
		memset(&b, 0, sizeof(b));
		for (i = n = 0; i < sub->nr_lines; i++)
			n += owned_by(owner[i], sub->files[j].path);
		rec_put_u64(&b, n);
		for (i = 0; i < sub->nr_lines; i++)
			if (owned_by(owner[i], sub->files[j].path))
				rec_put_str(&b, sub->lines[i]);
		cache_put(&miss[j].key, b.data, b.len);
		rec_buf_free(&b);
	}
}

static void store_patches(const struct spatch_config *cfg,
			  const struct analysis *sub,
			  const struct pending *miss, size_t nr)
{
	const char *diff;
	size_t j;

	for (j = 0; j < nr; j++) {
		if (!miss[j].keyed || sub->files[j].status != FILE_ANALYSED ||
		    !unchanged(cfg, sub->files[j].path, miss[j].content))
			continue;
		diff = sub->files[j].output ? sub->files[j].output : "";
		cache_put(&miss[j].key, diff, strlen(diff));
	}
}

/*
 * A json run with the rewrite: each file's diff as a patch-mode run
 * would have stored it (its key differs from the json key by the mode).
 */
static void store_rewrites(const struct spatch_config *cfg,
			   const struct analysis *sub, const struct pending *miss,
			   size_t nr)
{
	struct cache_key run, k;
	struct hash128 content;
	const char *diff;
	size_t j;

	run_key(cfg, &run, true);
	for (j = 0; j < nr; j++) {
		diff = sub->files[j].output;
		if (!diff || sub->files[j].status != FILE_ANALYSED ||
		    !file_key(cfg, &run, sub->files[j].path, &k, &content) ||
		    !unchanged(cfg, sub->files[j].path, content))
			continue;
		cache_put(&k, diff, strlen(diff));
	}
}

static void take_result(struct file_result *dst, struct file_result *src)
{
	free(dst->path);
	*dst = *src;
	memset(src, 0, sizeof(*src));
}

/*
 * Every line into out in the order of the files given, whether it came
 * from the cache or from spatch (whose processes finish in any order), so
 * that a run's facts never depend on timing or on what was cached; the
 * lines that name no file given go last.  sub's file results to their
 * places.
 */
static void merge(struct analysis *out, struct analysis *hits,
		  struct analysis *sub, char **owner,
		  const struct pending *miss, size_t nm)
{
	size_t i, j, k;

	for (i = 0, k = 0; i < out->nr_files; i++) {
		for (j = 0; j < hits[i].nr_lines; j++)
			analysis_add_line(out, hits[i].lines[j]);
		if (k < nm && miss[k].index == i) {
			for (j = 0; j < sub->nr_lines; j++)
				if (owned_by(owner[j], out->files[i].path))
					analysis_add_line(out, sub->lines[j]);
			take_result(&out->files[i], &sub->files[k++]);
		}
	}
	for (j = 0; j < sub->nr_lines; j++) {
		for (i = 0; i < out->nr_files; i++)
			if (owned_by(owner[j], out->files[i].path))
				break;
		if (i == out->nr_files)
			analysis_add_line(out, sub->lines[j]);
	}
	out->processes += sub->processes;
	out->setup_error = sub->setup_error;
	sub->setup_error = NULL;
}

int analyse_files(const struct spatch_config *cfg, char *const *files,
		  size_t nr, struct analysis *out)
{
	struct analysis sub = { 0 }, *hits;
	struct pending *miss;
	struct cache_key run, k;
	struct hash128 content = { 0, 0 };
	char **miss_files, **owner;
	size_t i, nm = 0;
	bool keyed, cached = cache_enabled();
	int ret;

	if ((cfg->mode && strcmp(cfg->mode, "json") && !is_patch(cfg)) ||
	    !cfg->cocci || (is_patch(cfg) && !cached))
		return spatch_run_files(cfg, files, nr, out);
	memset(out, 0, sizeof(*out));
	out->files = xcalloc(nr ? nr : 1, sizeof(*out->files));
	out->nr_files = nr;
	hits = xcalloc(nr ? nr : 1, sizeof(*hits));
	miss = xcalloc(nr ? nr : 1, sizeof(*miss));
	miss_files = xcalloc(nr ? nr : 1, sizeof(*miss_files));
	if (cached)
		run_key(cfg, &run, is_patch(cfg));
	for (i = 0; i < nr; i++) {
		out->files[i].path = xstrdup(files[i]);
		out->files[i].status = FILE_ANALYSED;
		keyed = cached && file_key(cfg, &run, files[i], &k, &content);
		if (keyed && (is_patch(cfg) ? load_patch(&k, &out->files[i]) :
					      load(&k, &hits[i])))
			continue;
		miss[nm].index = i;
		miss[nm].key = k;
		miss[nm].content = content;
		miss[nm].keyed = keyed;
		miss_files[nm++] = files[i];
	}
	cache_count(CS_SPATCH_FILES, nm);
	ret = nm ? spatch_run_files(cfg, miss_files, nm, &sub) : 0;
	owner = line_owners(&sub);
	if (nm && !ret && !sub.setup_error) {
		if (is_patch(cfg))
			store_patches(cfg, &sub, miss, nm);
		else
			store(cfg, &sub, owner, miss, nm);
		if (cfg->with_patch && !is_patch(cfg))
			store_rewrites(cfg, &sub, miss, nm);
	}
	merge(out, hits, &sub, owner, miss, nm);
	for (i = 0; i < sub.nr_lines; i++)
		free(owner[i]);
	free(owner);
	for (i = 0; i < nr; i++)
		analysis_free(&hits[i]);
	free(hits);
	analysis_free(&sub);
	free(miss);
	free(miss_files);
	return ret;
}
