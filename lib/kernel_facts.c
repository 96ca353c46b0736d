// SPDX-License-Identifier: GPL-2.0-only
#include "lib/kernel_facts.h"

const char *const kf_helpers[] = { KF_HELPER_PGD, KF_HELPER_P4D, NULL };

const char *const kf_sync_calls[] = { KF_SYNC_HOOK, NULL };

const char *const kf_sync_prefixes[] = { KF_HAND_SYNC, NULL };

const char *const kf_section_prefixes[] = {
	"__init", "__meminit", "__exit", NULL,
};

const char *const kf_section_names[] = {
	"__ref", "__head", "__cpuinit", "__devinit", "__section", "noinstr",
	NULL,
};

const struct kf_alias kf_bitness_aliases[] = {
	{ "CONFIG_X86_32", true },
	{ "CONFIG_32BIT", true },
	{ "CONFIG_X86_64", false },
	{ NULL, false },
};
