// SPDX-License-Identifier: GPL-2.0-only
/*
 * How every subcommand runs spatch, in one place: which spatch, which
 * python, which semantic patch, and the stop flag.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyse/spatch.h"
#include "lib/stop.h"
#include "lib/util.h"

/* The directory of the running program, for finding its data. */
static char *program_dir(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
	char *slash;

	if (n <= 0)
		return xstrdup(".");
	buf[n] = '\0';
	slash = strrchr(buf, '/');
	if (slash)
		*slash = '\0';
	return xstrdup(buf);
}

char *find_cocci(void)
{
	static const char *const places[] = {
		"semantic-patches/populate_kernel.cocci",
		"../share/ptsync/populate_kernel.cocci",
	};
	const char *env = getenv("PTSYNC_COCCI");
	char *dir, *path;
	size_t i;

	if (env)
		return access(env, R_OK) ? NULL : xstrdup(env);
	dir = program_dir();
	for (i = 0; i < ARRAY_SIZE(places); i++) {
		path = path_join(dir, places[i]);
		if (!access(path, R_OK)) {
			free(dir);
			return path;
		}
		free(path);
	}
	free(dir);
	return NULL;
}

void spatch_config_init(struct spatch_config *cfg, const char *root,
			int jobs, int timeout, const char *mode)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->root = root;
	cfg->jobs = jobs > 0 ? jobs : 1;
	cfg->timeout = timeout;
	cfg->mode = mode;
	cfg->stop = &stop_requested;
	cfg->spatch = getenv("SPATCH") ? getenv("SPATCH") : "spatch";
	/* spatch was built against Debian's python3, not whatever PATH has. */
	cfg->python = access("/usr/bin/python3", X_OK) ? NULL : "/usr/bin/python3";
	cfg->cocci = find_cocci();
}
