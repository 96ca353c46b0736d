// SPDX-License-Identifier: GPL-2.0-only
/*
 * The arch model through the cache.  Building it reads every file under
 * arch/ (some 9,000 in 6.12) for its sync masks, hooks and folds; a
 * warm run stats them instead.  The object, keyed by the tree's real
 * path, holds the inputs (each path with its size, mtime, ctime, inode,
 * or its absence) and the model; it is used only when every input still
 * stats the same.  A model whose inputs changed less than a second before
 * the build began is not stored, as a racily clean index entry is not
 * trusted: the file may have changed again within its mtime's tick.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arches/arches.h"
#include "arches/inputs.h"
#include "lib/cache.h"
#include "lib/file_id.h"
#include "lib/record.h"
#include "lib/util.h"

#define MODEL_CACHE_VERSION 5	/* 5: hand syncs from v5.8; 4: generic includes */

struct input {
	char *path;
	struct file_id id;	/* all zero: absent */
};

static struct {
	bool on;
	struct input *v;
	size_t nr, alloc;
} recording;

void arch_input(const char *path)
{
	struct input *in;

	if (!recording.on)
		return;
	in = ARRAY_PUSH(recording.v, recording.nr, recording.alloc);
	in->path = xstrdup(path);
	file_id_lstat(path, &in->id);
}

DIR *arch_input_dir(const char *root, const char *rel)
{
	char *dir = path_join(root, rel);
	DIR *d;

	arch_input(dir);
	d = opendir(dir);
	free(dir);
	return d;
}

static bool model_key(const char *root, struct cache_key *k)
{
	char *real = realpath(root, NULL);
	char *cwd = getcwd(NULL, 0);

	if (!real || !cwd) {
		free(real);
		free(cwd);
		return false;
	}
	cache_key_init(k, CACHE_ARCH_MODEL, MODEL_CACHE_VERSION);
	cache_key_add_str(k, real);
	/* the inputs' paths are spelled as root was */
	cache_key_add_str(k, root);
	cache_key_add_str(k, cwd);
	free(real);
	free(cwd);
	return true;
}

static void put_hooks(struct rec_buf *b, const struct arch_hook *h, size_t nr)
{
	size_t i;

	rec_put_u64(b, nr);
	for (i = 0; i < nr; i++) {
		rec_put_str(b, h[i].file);
		rec_put_u64(b, (uint64_t)h[i].line);
		rec_put_str(b, h[i].condition);
	}
}

static void get_hooks(struct rec_reader *r, struct arch_hook **h, size_t *nr)
{
	size_t i;

	*nr = rec_get_count(r, 8 * 3);
	*h = xcalloc(*nr + 1, sizeof(**h));
	for (i = 0; i < *nr; i++) {
		(*h)[i].file = rec_get_str(r);
		(*h)[i].line = rec_get_int(r);
		(*h)[i].condition = rec_get_str(r);
	}
}

static void put_variant(struct rec_buf *b, const struct arch_variant *v)
{
	size_t i;

	rec_put_str(b, v->arch);
	rec_put_str(b, v->condition);
	rec_put_str(b, v->file);
	rec_put_u64(b, (uint64_t)v->line);
	rec_put_str(b, v->expr);
	rec_put_u64(b, v->mask);
	rec_put_str(b, v->mask_condition);
	rec_put_u64(b, v->mask_if_true);
	rec_put_u64(b, v->mask_if_false);
	rec_put_u64(b, v->mask_unknown);
	put_hooks(b, v->hooks, v->nr_hooks);
	put_hooks(b, v->hand_syncs, v->nr_hand_syncs);
	rec_put_u64(b, v->nr_folds);
	for (i = 0; i < v->nr_folds; i++) {
		rec_put_u64(b, v->folds[i].level);
		rec_put_str(b, v->folds[i].condition);
		rec_put_str(b, v->folds[i].file);
		rec_put_u64(b, (uint64_t)v->folds[i].line);
	}
}

static void get_variant(struct rec_reader *r, struct arch_variant *v)
{
	size_t i;

	v->arch = rec_get_str(r);
	v->condition = rec_get_str(r);
	v->file = rec_get_str(r);
	v->line = rec_get_int(r);
	v->expr = rec_get_str(r);
	v->mask = rec_get_u64(r);
	v->mask_condition = rec_get_str(r);
	v->mask_if_true = rec_get_u64(r);
	v->mask_if_false = rec_get_u64(r);
	v->mask_unknown = rec_get_u64(r) != 0;
	get_hooks(r, &v->hooks, &v->nr_hooks);
	get_hooks(r, &v->hand_syncs, &v->nr_hand_syncs);
	v->nr_folds = rec_get_count(r, 8 * 4);
	v->folds = xcalloc(v->nr_folds + 1, sizeof(*v->folds));
	for (i = 0; i < v->nr_folds; i++) {
		v->folds[i].level = rec_get_u64(r);
		v->folds[i].condition = rec_get_str(r);
		v->folds[i].file = rec_get_str(r);
		v->folds[i].line = rec_get_int(r);
	}
}

/* Every input still as recorded? */
static bool inputs_unchanged(struct rec_reader *r)
{
	size_t n = rec_get_count(r, 8 * 6), i;
	struct file_id want, now;
	const char *path;

	for (i = 0; i < n && !r->bad; i++) {
		path = rec_peek_str(r);
		rec_get_file_id(r, &want);
		if (r->bad)
			return false;
		file_id_lstat(path, &now);
		if (!file_id_equal(&want, &now))
			return false;
	}
	return !r->bad;
}

static bool load(const char *root, struct arch_model *m)
{
	struct cache_key k;
	struct rec_reader r;
	size_t len, i;
	char *blob;

	if (!cache_enabled() || !model_key(root, &k))
		return false;
	blob = cache_get(&k, &len);
	if (!blob)
		return false;
	rec_reader_init(&r, blob, len);
	if (!inputs_unchanged(&r)) {
		free(blob);
		return false;
	}
	memset(m, 0, sizeof(*m));
	m->nr_arches = m->alloc_arches = rec_get_count(&r, 8);
	m->arches = xcalloc(m->nr_arches + 1, sizeof(*m->arches));
	for (i = 0; i < m->nr_arches; i++)
		m->arches[i] = rec_get_str(&r);
	m->nr_variants = m->alloc_variants = rec_get_count(&r, 8 * 10);
	m->variants = xcalloc(m->nr_variants + 1, sizeof(*m->variants));
	for (i = 0; i < m->nr_variants; i++)
		get_variant(&r, &m->variants[i]);
	free(blob);
	if (rec_done(&r))
		return true;
	cache_count(CS_CORRUPT, 1);
	arch_model_free(m);
	return false;
}

static bool racy(uint64_t stamp)
{
	size_t i;

	for (i = 0; i < recording.nr; i++)
		if (file_id_racy(&recording.v[i].id, stamp))
			return true;
	return false;
}

static void save(const char *root, const struct arch_model *m, uint64_t stamp)
{
	struct rec_buf b = { 0 };
	struct cache_key k;
	size_t i;

	if (racy(stamp) || !model_key(root, &k))
		return;
	rec_put_u64(&b, recording.nr);
	for (i = 0; i < recording.nr; i++) {
		rec_put_str(&b, recording.v[i].path);
		rec_put_file_id(&b, &recording.v[i].id);
	}
	rec_put_u64(&b, m->nr_arches);
	for (i = 0; i < m->nr_arches; i++)
		rec_put_str(&b, m->arches[i]);
	rec_put_u64(&b, m->nr_variants);
	for (i = 0; i < m->nr_variants; i++)
		put_variant(&b, &m->variants[i]);
	cache_put(&k, b.data, b.len);
	rec_buf_free(&b);
}

static void stop_recording(void)
{
	size_t i;

	for (i = 0; i < recording.nr; i++)
		free(recording.v[i].path);
	free(recording.v);
	memset(&recording, 0, sizeof(recording));
}

int arch_model_build(const char *root, struct arch_model *model)
{
	uint64_t stamp = file_id_now_ns();
	int ret;

	if (load(root, model))
		return 0;
	recording.on = cache_enabled();
	ret = arch_model_read(root, model);
	if (!ret && recording.on)
		save(root, model, stamp);
	stop_recording();
	return ret;
}
