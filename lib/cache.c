// SPDX-License-Identifier: GPL-2.0-only
/*
 * The object store behind lib/cache.h.  Layout under the cache directory:
 *
 *   CACHEDIR.TAG          so that backup tools skip it
 *   v1/ab/cdef...         one object per key (its 32 hex digits)
 *   v1/tmp-PID-N          an object being written, renamed when whole
 *
 * An object is a header (magic, kind, version, key, payload length), the
 * payload, and a checksum of the payload.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lib/cache.h"
#include "lib/diag.h"
#include "lib/util.h"
#include "lib/version.h"

#define MAGIC		"PTSYNC\0\1"
#define HEADER_SIZE	(8 + 4 + 4 + 16 + 8)
#define TRAILER_SIZE	16
#define STORE		"v1"
/* An object larger than this is not ours: a miss. */
#define MAX_OBJECT	(1u << 30)

static struct {
	bool configured;
	char *dir;		/* NULL: disabled */
	bool warned;		/* about a store that cannot be written */
	bool wrote;
	struct hash128 binary;	/* this build's identity */
} cache;

static atomic_size_t counters[CS_NR];
static atomic_ullong bytes_written;

static const char *const counter_names[CS_NR] = {
	[CS_FILES_READ] = "files read",
	[CS_FILES_CHANGED] = "files changed",
	[CS_STAT_HITS] = "stat hits",
	[CS_RACY] = "racy",
	[CS_HITS] = "hits",
	[CS_MISSES] = "misses",
	[CS_CORRUPT] = "corrupt",
	[CS_WRITES] = "writes",
	[CS_EVICTED] = "evicted",
	[CS_SPATCH_FILES] = "spatch files",
	[CS_INDEX_LOADS] = "index loads",
	[CS_NAMES_INDEXED] = "names indexed",
	[CS_NAMES_UPDATED] = "names updated",
	[CS_CHAINS_REPLAYED] = "chains replayed",
	[CS_NAMES_ABSENT] = "names absent",
	[CS_INDEX_READS] = "index reads",
};

void cache_count(enum cache_stat s, size_t n)
{
	atomic_fetch_add(&counters[s], n);
}

const char *cache_counter_name(enum cache_stat s)
{
	return counter_names[s];
}

size_t cache_counter(enum cache_stat s)
{
	return atomic_load(&counters[s]);
}

static char *default_dir(void)
{
	const char *env = getenv("PTSYNC_CACHE_DIR");

	if (env && *env)
		return xstrdup(env);
	env = getenv("XDG_CACHE_HOME");
	if (env && *env == '/')		/* the spec ignores relative values */
		return path_join(env, "ptsync");
	env = getenv("HOME");
	if (env && *env)
		return xasprintf("%s/.cache/ptsync", env);
	return NULL;
}

/*
 * The binary's size, times and inode stand for its code: a rebuild (or
 * an upgrade) starts from an empty cache instead of trusting facts that
 * other code computed.
 */
static void identify_binary(void)
{
	struct hash128 h = { 0, 0 };
	struct stat st;

	h = hash_text(h, PTSYNC_VERSION);
	if (!stat("/proc/self/exe", &st)) {
		uint64_t id[4] = {
			(uint64_t)st.st_size, (uint64_t)st.st_ino,
			(uint64_t)st.st_mtim.tv_sec,
			(uint64_t)st.st_mtim.tv_nsec,
		};

		h = hash_bytes(h, id, sizeof(id));
	}
	cache.binary = h;
}

void cache_configure(const char *dir, bool disabled)
{
	free(cache.dir);
	cache.dir = disabled ? NULL : dir ? xstrdup(dir) : default_dir();
	cache.configured = true;
	identify_binary();
}

static void configure_once(void)
{
	if (!cache.configured)
		cache_configure(NULL, false);
}

bool cache_enabled(void)
{
	configure_once();
	return cache.dir != NULL;
}

const char *cache_dir(void)
{
	configure_once();
	return cache.dir;
}

void cache_key_init(struct cache_key *k, enum cache_kind kind,
		    unsigned int version)
{
	configure_once();
	k->kind = kind;
	k->version = version;
	k->h = cache.binary;
	cache_key_add_u64(k, kind);
	cache_key_add_u64(k, version);
}

void cache_key_add(struct cache_key *k, const void *data, size_t len)
{
	cache_key_add_u64(k, len);
	k->h = hash_bytes(k->h, data, len);
}

void cache_key_add_str(struct cache_key *k, const char *s)
{
	if (s)
		cache_key_add(k, s, strlen(s));
	else
		cache_key_add_u64(k, UINT64_MAX);
}

void cache_key_add_u64(struct cache_key *k, uint64_t v)
{
	k->h = hash_bytes(k->h, &v, sizeof(v));
}

static char *object_path(const struct cache_key *k)
{
	char hex[33];

	hash_hex(k->h, hex);
	return xasprintf("%s/" STORE "/%.2s/%s", cache.dir, hex, hex + 2);
}

static void put_le(unsigned char *p, uint64_t v, int n)
{
	int i;

	for (i = 0; i < n; i++)
		p[i] = v >> (8 * i);
}

static uint64_t get_le(const unsigned char *p, int n)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < n; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

static void header(unsigned char *h, const struct cache_key *k, size_t len)
{
	memcpy(h, MAGIC, 8);
	put_le(h + 8, k->kind, 4);
	put_le(h + 12, k->version, 4);
	put_le(h + 16, k->h.lo, 8);
	put_le(h + 24, k->h.hi, 8);
	put_le(h + 32, len, 8);
}

static void checksum(unsigned char *t, const void *data, size_t len)
{
	struct hash128 zero = { 0, 0 }, h = hash_bytes(zero, data, len);

	put_le(t, h.lo, 8);
	put_le(t + 8, h.hi, 8);
}

/* The payload of a whole, matching object in text, or NULL. */
static char *validate(const struct cache_key *k, const unsigned char *text,
		      size_t size, size_t *len)
{
	unsigned char want[HEADER_SIZE], sum[TRAILER_SIZE];
	size_t n;
	char *payload;

	if (size < HEADER_SIZE + TRAILER_SIZE)
		return NULL;
	n = get_le(text + 32, 8);
	if (n != size - HEADER_SIZE - TRAILER_SIZE)
		return NULL;
	header(want, k, n);
	if (memcmp(want, text, HEADER_SIZE))
		return NULL;
	checksum(sum, text + HEADER_SIZE, n);
	if (memcmp(sum, text + HEADER_SIZE + n, TRAILER_SIZE))
		return NULL;
	payload = xmalloc(n + 1);
	memcpy(payload, text + HEADER_SIZE, n);
	payload[n] = '\0';
	*len = n;
	return payload;
}

static char *read_object(const char *path, size_t *size)
{
	struct stat st;

	if (stat(path, &st) || !S_ISREG(st.st_mode) ||
	    (uint64_t)st.st_size > MAX_OBJECT)
		return NULL;
	return read_file(path, size);
}

char *cache_get(const struct cache_key *k, size_t *len)
{
	char *path, *text, *payload = NULL;
	size_t size;

	*len = 0;
	if (!cache_enabled())
		return NULL;
	path = object_path(k);
	text = read_object(path, &size);
	if (text)
		payload = validate(k, (unsigned char *)text, size, len);
	if (payload) {
		cache_count(CS_HITS, 1);
		/* the last use, for eviction; relatime would hide a read */
		utimensat(AT_FDCWD, path, NULL, 0);
	} else if (text) {
		cache_count(CS_CORRUPT, 1);
		cache_count(CS_MISSES, 1);
		unlink(path);
	} else {
		cache_count(CS_MISSES, 1);
	}
	free(text);
	free(path);
	return payload;
}

bool cache_has(const struct cache_key *k)
{
	char *path;
	bool there;

	if (!cache_enabled())
		return false;
	path = object_path(k);
	there = !utimensat(AT_FDCWD, path, NULL, 0);
	free(path);
	return there;
}

static void write_tag(void)
{
	char *tag = path_join(cache.dir, "CACHEDIR.TAG");
	FILE *f;

	if (access(tag, F_OK)) {
		f = fopen(tag, "w");
		if (f) {
			fputs("Signature: 8a477f597d28d172789f06886806bc55\n"
			      "# ptsync's cache of per-file facts; see ptsync(1).\n",
			      f);
			fclose(f);
		}
	}
	free(tag);
}

static int write_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	ssize_t n;

	while (len) {
		n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= n;
	}
	return 0;
}

static int write_object(const char *tmp, const struct cache_key *k,
			const void *data, size_t len)
{
	unsigned char h[HEADER_SIZE], t[TRAILER_SIZE];
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	int ret;

	if (fd < 0)
		return -1;
	header(h, k, len);
	checksum(t, data, len);
	ret = write_all(fd, h, sizeof(h)) || write_all(fd, data, len) ||
	      write_all(fd, t, sizeof(t));
	if (close(fd))
		ret = -1;
	return ret ? -1 : 0;
}

int cache_put(const struct cache_key *k, const void *data, size_t len)
{
	static atomic_uint seq;
	char *path, *dir, *tmp, *slash;
	int ret = -1;

	if (!cache_enabled() || len > MAX_OBJECT)
		return -1;
	path = object_path(k);
	dir = xstrdup(path);
	slash = strrchr(dir, '/');
	*slash = '\0';
	tmp = xasprintf("%s/" STORE "/tmp-%d-%u", cache.dir, (int)getpid(),
			atomic_fetch_add(&seq, 1));
	if (!make_dirs(dir, true, 0700) && !write_object(tmp, k, data, len) &&
	    !rename(tmp, path))
		ret = 0;
	if (!ret && !cache.wrote)
		write_tag();
	if (ret) {
		unlink(tmp);
		if (!cache.warned)
			diag_note("cannot write the cache in %s: %s",
				  cache.dir, strerror(errno));
		cache.warned = true;
	} else {
		cache.wrote = true;
		cache_count(CS_WRITES, 1);
		atomic_fetch_add(&bytes_written,
				 HEADER_SIZE + len + TRAILER_SIZE);
	}
	free(tmp);
	free(dir);
	free(path);
	return ret;
}

bool cache_wrote(void)
{
	return cache.wrote;
}

unsigned long long cache_bytes_written(void)
{
	return atomic_load(&bytes_written);
}
