// SPDX-License-Identifier: GPL-2.0-only
/*
 * Which compiler builds which arch/ directory.  Debian 12 ships a cross
 * gcc for most architectures as gcc-<triplet>; loongarch has none there,
 * so its files can only be reported as not built.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "convert/verify.h"
#include "lib/util.h"

static const struct cross_arch cross_arches[] = {
	{ "x86", "x86", "x86_64-linux-gnu-", "gcc-x86-64-linux-gnu",
	  { "x86_64_defconfig" } },
	{ "s390", "s390", "s390x-linux-gnu-", "gcc-s390x-linux-gnu",
	  { "defconfig" } },
	/* book3s64 (radix) and book3e code need different platforms */
	{ "powerpc", "powerpc", "powerpc64le-linux-gnu-",
	  "gcc-powerpc64le-linux-gnu",
	  { "ppc64le_defconfig", "ppc64e_defconfig" } },
	{ "arm", "arm", "arm-linux-gnueabihf-", "gcc-arm-linux-gnueabihf",
	  { "defconfig" } },
	{ "sparc", "sparc64", "sparc64-linux-gnu-", "gcc-sparc64-linux-gnu",
	  { "sparc64_defconfig" } },
	{ "arm64", "arm64", "aarch64-linux-gnu-", "gcc-aarch64-linux-gnu",
	  { "defconfig" } },
	{ "riscv", "riscv", "riscv64-linux-gnu-", "gcc-riscv64-linux-gnu",
	  { "defconfig" } },
	{ "loongarch", "loongarch", NULL, NULL, { "defconfig" } },
};

const struct cross_arch *cross_arch_find(const char *dir)
{
	static struct cross_arch host_x86;
	struct utsname u;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cross_arches); i++) {
		if (strcmp(cross_arches[i].dir, dir))
			continue;
		/* x86 on an x86-64 host is the native gcc, no prefix */
		if (!strcmp(dir, "x86") && !uname(&u) &&
		    !strcmp(u.machine, "x86_64")) {
			host_x86 = cross_arches[i];
			host_x86.prefix = "";
			host_x86.package = "gcc";
			return &host_x86;
		}
		return &cross_arches[i];
	}
	return NULL;
}

/*
 * Code outside arch/ is built for x86-64: the architecture whose sync
 * mask has the top levels, where the conversion does something.
 */
char *cross_arch_of(const char *path)
{
	const char *p, *slash;

	if (!str_starts_with(path, "arch/"))
		return xstrdup("x86");
	p = path + strlen("arch/");
	slash = strchr(p, '/');
	return slash ? xstrndup(p, slash - p) : xstrdup(p);
}

bool cross_compiler_present(const struct cross_arch *a)
{
	const char *path = getenv("PATH");
	char *copy, *dir, *save = NULL, *gcc;
	bool found = false;

	if (!a->prefix || !path)
		return false;
	copy = xstrdup(path);
	for (dir = strtok_r(copy, ":", &save); dir && !found;
	     dir = strtok_r(NULL, ":", &save)) {
		gcc = xasprintf("%s/%sgcc", *dir ? dir : ".", a->prefix);
		found = !access(gcc, X_OK);
		free(gcc);
	}
	free(copy);
	return found;
}

char *slurp_file(const char *path)
{
	size_t len;

	return read_file(path, &len);
}
