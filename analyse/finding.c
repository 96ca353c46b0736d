// SPDX-License-Identifier: GPL-2.0-only
#include <stdlib.h>

#include "analyse/finding.h"

void call_chain_free(struct call_chain *c)
{
	size_t i;

	for (i = 0; i < c->nr_steps; i++) {
		free(c->steps[i].function);
		free(c->steps[i].file);
	}
	free(c->steps);
	free(c->root);
	free(c->sync_function);
	free(c->sync_call);
	free(c->sync_file);
	free(c->arch);
}

static void finding_free(struct finding *f)
{
	size_t i;

	for (i = 0; i < f->nr_chains; i++)
		call_chain_free(&f->chains[i]);
	free(f->chains);

	for (i = 0; i < f->nr_proof; i++) {
		free(f->proof[i].file);
		free(f->proof[i].function);
		free(f->proof[i].text);
	}
	free(f->proof);
	free(f->owner);
	free(f->value);
	free(f->file);
	free(f->function);
	free(f->section);
	free(f->call);
	free(f->address);
	free(f->reason);
	free(f->arch);
	free(f->condition);
	free(f->why);
	free(f->exposure);
}

void finding_list_free(struct finding_list *list)
{
	size_t i;

	for (i = 0; i < list->nr; i++)
		finding_free(&list->items[i]);
	free(list->items);
	list->items = NULL;
	list->nr = 0;
	list->alloc = 0;
}

const char *severity_name(enum severity sev)
{
	switch (sev) {
	case SEV_ERROR:
		return "error";
	case SEV_WARNING:
		return "warning";
	default:
		return "note";
	}
}

const char *exposure_name(enum exposure e)
{
	switch (e) {
	case EXPOSURE_EXPOSED:
		return "exposed";
	case EXPOSURE_LATENT:
		return "latent";
	case EXPOSURE_NOOP:
		return "no-op";
	default:
		return "not built";
	}
}
