// SPDX-License-Identifier: GPL-2.0-only
/*
 * The rule table.  The messages are the semantic patch's own words (its
 * report mode prints "WARNING: " and then the message), so that the
 * kernel's make coccicheck and ptsync say the same thing.
 */
#include <string.h>

#include "lib/rules.h"
#include "lib/util.h"

const struct rule rules[] = {
	{
		.name = RULE_CONVERT,
		.title = "raw pgd/p4d_populate() on init_mm",
		.message = "{call}() on init_mm skips the page table sync, use {level}_populate_kernel({address}, ...)",
		.help = "pgd_populate() and p4d_populate() on init_mm change the kernel page tables without the arch_sync_kernel_mappings() that ARCH_PAGE_TABLE_SYNC_MASK asks for, so other page tables can miss the new mapping. Use pgd_populate_kernel(addr, ...) or p4d_populate_kernel(addr, ...), which sync when the level is in the mask.",
	},
	{
		.name = RULE_MANUAL,
		.title = "raw populate call that needs a manual conversion",
		.message = "{call}() on init_mm skips the page table sync, convert to {level}_populate_kernel() by hand: {reason}",
		.help = "The call changes the kernel page tables without the sync ARCH_PAGE_TABLE_SYNC_MASK asks for, but no single address could be inferred for the _kernel() variant: convert it by hand, passing the address that the entry maps.",
	},
	{
		.name = RULE_UNANALYZED,
		.title = "raw populate call that could not be analysed",
		.message = "{call}() on init_mm not analysed: {reason}",
		.help = "The call looks like a raw pgd/p4d_populate() on init_mm but spatch could not analyse its function; check it by hand and use the _kernel() variant if it populates init_mm.",
	},
	{
		.name = RULE_INDIRECT,
		.title = "p4d_alloc()/pud_alloc() on init_mm populates without a sync",
		.message = "{call}() on init_mm populates an empty {level} entry without the page table sync, sync after it (arch_sync_kernel_mappings({address}, {address}) where the mask has the level) or populate it first with {level}_populate_kernel({address}, ...)",
		.help = "p4d_alloc() and pud_alloc() populate an empty pgd / p4d entry through __p4d_alloc()/__pud_alloc(), which call pgd_populate()/p4d_populate() and never sync. Where ARCH_PAGE_TABLE_SYNC_MASK has the level, call arch_sync_kernel_mappings(addr, addr) after the allocation, or populate the entry first with pgd_populate_kernel()/p4d_populate_kernel(), as mm/kasan/init.c's early path does. ptsync never rewrites these calls.",
	},
	{
		.name = RULE_PRIVATE,
		.title = "populate on init_mm of a private page table",
		.message = "{call}() on init_mm populates an entry of a private page table ({reason}), nothing to sync: leave it",
		.help = "&init_mm is passed, but the entry belongs to another table (arm64 hibernation's trans_pgd, x86 EFI's pgd, a table just allocated): arch_sync_kernel_mappings() copies the kernel's own entries, so the _kernel() helpers do not apply. ptsync never rewrites these calls.",
	},
	{
		.name = RULE_UNSYNCED_PATH,
		.title = "call on a path to a raw populate that nothing syncs",
		.message = "{call}() leads down to a raw {level} populate on init_mm that no caller syncs: {reason}",
		.help = "The line creates or changes a call on a chain of callers that ends in a raw pgd/p4d_populate() or p4d_alloc()/pud_alloc() on init_mm, where the level is in some arch's ARCH_PAGE_TABLE_SYNC_MASK, and no function on the chain calls arch_sync_kernel_mappings(), sync_global_pgds() or a _kernel() helper after the call leading down. Other paths to the same populate may be synced by their callers (x86's vmemmap_populate() calls sync_global_pgds()); this one is not. The same holds when the patch takes away the sync that closed the chain (deletes it, moves it before the call or into another branch): the finding is then on the line that now stands where the sync was. Sync after the call, or convert the populate to pgd_populate_kernel()/p4d_populate_kernel().",
	},
};

const size_t nr_rules = ARRAY_SIZE(rules);

char *rule_why(const char *calls)
{
	return xasprintf("%s on &init_mm change%s a top-level entry of the kernel page table without calling arch_sync_kernel_mappings().  Where ARCH_PAGE_TABLE_SYNC_MASK has the matching PGTBL_{PGD,P4D}_MODIFIED bit, the new entry must be copied into every other page table, or the mapping is missing from page tables created earlier; vmemmap and memory hotplug crashed that way.",
			 calls, strstr(calls, " and ") ? "" : "s");
}

const struct rule *rule_find(const char *name)
{
	size_t i;

	for (i = 0; name && i < nr_rules; i++)
		if (!strcmp(rules[i].name, name))
			return &rules[i];
	return NULL;
}

const char *rule_title(const char *name)
{
	const struct rule *r = rule_find(name);

	return r ? r->title : name;
}

const char *rule_help(const char *name)
{
	const struct rule *r = rule_find(name);

	return r ? r->help : name;
}

static const char *placeholder(const char *p, const char *name, size_t *len)
{
	*len = strlen(name);
	return strncmp(p, name, *len) ? NULL : name;
}

char *rule_message(const char *name, const char *call, const char *level,
		   const char *address, const char *reason)
{
	const struct rule *r = rule_find(name);
	const char *p = (r ? r : rule_find(RULE_UNANALYZED))->message;
	static const char *const keys[] = {
		"{call}", "{level}", "{address}", "{reason}" };
	const char *const *values[] = { &call, &level, &address, &reason };
	char *out = xstrdup("");
	size_t i, len;

	while (*p) {
		for (i = 0; i < ARRAY_SIZE(keys); i++)
			if (placeholder(p, keys[i], &len))
				break;
		if (i < ARRAY_SIZE(keys)) {
			str_append(&out, xstrdup(*values[i] ? *values[i] : ""));
			p += len;
		} else {
			str_append(&out, xstrndup(p, 1));
			p++;
		}
	}
	return out;
}

/* Whether text matches template t, where each {...} stands for any text. */
static bool matches(const char *t, const char *text)
{
	const char *close = *t == '{' ? strchr(t, '}') : NULL;

	if (!*t)
		return !*text;
	if (close) {
		for (;; text++) {
			if (*text && matches(close + 1, text + 1))
				return true;
			if (!*text)
				return false;
		}
	}
	return *t == *text && matches(t + 1, text + 1);
}

bool rule_matches(const struct rule *r, const char *text)
{
	return matches(r->message, text);
}

bool rule_message_matches(const char *text)
{
	size_t i;

	for (i = 0; i < nr_rules; i++)
		if (rule_matches(&rules[i], text))
			return true;
	return false;
}
