// SPDX-License-Identifier: GPL-2.0-only
/*
 * --verify-build: compile each changed .c file for its architecture with
 * the tree's own kbuild, in a scratch copy (hard links; every file written
 * there is a new inode, so KDIR is never touched), configured with the
 * arch's defconfig plus the options the file needs.  Each object is built
 * before and after the conversion and the code compared (objcmp.c).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "convert/align.h"
#include "convert/run.h"
#include "convert/verify.h"
#include "lib/diag.h"
#include "lib/util.h"

/* One configured copy of the tree for one arch and defconfig. */
struct scratch {
	const struct cross_arch *arch;
	const char *config;
	char *dir;
	size_t round;		/* copies of the same defconfig: 0, 1... */
	const char *tag;	/* "live": the retry for dead code; or "" */
	char *desc;		/* "defconfig+KASAN" */
	char *dotconfig;	/* the resulting .config */
	char *plain;		/* the .config of the defconfig alone */
};

/* Run argv in dir, stderr with stdout into *log. */
static int run_logged(const char *dir, char **argv, char **log)
{
	struct run_cmd c = { .argv = argv, .dir = dir, .capture = true,
			     .err_to_out = true };
	char *out = NULL;
	int ret = run(&c, &out);

	if (log)
		*log = out;
	else
		free(out);
	return ret;
}

/* nice -n 10 make ARCH=.. CROSS_COMPILE=.. -jN target... */
static int kmake(const struct scratch *s, int jobs, char **targets,
		 char **log)
{
	char *argv[32] = { "nice", "-n", "10", "make", "-s" };
	char *karch = xasprintf("ARCH=%s", s->arch->karch);
	char *cross = xasprintf("CROSS_COMPILE=%s", s->arch->prefix);
	char *j = xasprintf("-j%d", jobs > 0 ? jobs : 1);
	size_t n = 5;
	int ret;

	argv[n++] = karch;
	argv[n++] = cross;
	argv[n++] = j;
	while (*targets && n < ARRAY_SIZE(argv) - 1)
		argv[n++] = *targets++;
	argv[n] = NULL;
	ret = run_logged(s->dir, argv, log);
	free(karch);
	free(cross);
	free(j);
	return ret;
}

/* The last lines of a make log, indented under the BUILD line. */
static char *log_tail(const char *log)
{
	const char *p = log ? log + strlen(log) : NULL, *nl;
	char *out, *o;
	int lines = 0;

	if (!p || p == log)
		return xstrdup("");
	if (p[-1] == '\n')
		p--;
	while (p > log && lines < 12)
		if (*--p == '\n')
			lines++;
	if (*p == '\n')
		p++;
	out = o = xmalloc(2 * strlen(p) + 8 * lines + 16);
	for (; *p; p = *nl ? nl + 1 : nl) {
		nl = strchrnul(p, '\n');
		o += sprintf(o, "\n    %.*s", (int)(nl - p), p);
	}
	return out;
}

/* Hard-link copy of root without .git; a plain copy across filesystems. */
static int copy_tree(const char *root, const char *dir)
{
	static const char copy[] =
		"cd \"$1\" && for e in * .[!.]*; do [ -e \"$e\" ] && [ \"$e\" != .git ] && printf '%s\\0' \"$e\"; done | xargs -0 cp $3 -t \"$2\"";

	if (run_args(NULL, NULL, false, "mkdir", "-p", dir, NULL))
		return -1;
	if (!run_args(NULL, NULL, false, "sh", "-c", copy, "sh", root, dir,
		      "-al", NULL))
		return 0;
	if (run_args(NULL, NULL, false, "rm", "-rf", dir, NULL) ||
	    run_args(NULL, NULL, false, "mkdir", "-p", dir, NULL))
		return -1;
	return run_args(NULL, NULL, false, "sh", "-c", copy, "sh", root, dir,
			"-a", NULL) ? -1 : 0;
}

static bool config_has(const char *dotconfig, const char *opt)
{
	char *want = xasprintf("\nCONFIG_%s=y\n", opt);
	bool ok = dotconfig && strstr(dotconfig, want);

	free(want);
	return ok;
}

static char *stamp_text(const char *root, const struct scratch *s,
			char **opts, size_t nr)
{
	char *real = realpath(root, NULL), *text, *next;
	size_t i;

	text = xasprintf("root=%s\narch=%s\nconfig=%s\n", real ? real : root,
			 s->arch->karch, s->config);
	for (i = 0; i < nr; i++) {
		next = xasprintf("%sCONFIG_%s\n", text, opts[i]);
		free(text);
		text = next;
	}
	free(real);
	return text;
}

/*
 * Objects built in KDIR were copied as hard links, and the assembler
 * rewrites an existing output in place: remove every generated file of
 * the copy (unlinking leaves KDIR's alone) before building there.
 */
static int scrub(struct scratch *s, int jobs)
{
	static const char *const marks[] = {
		".config", "include/config", "include/generated",
		"scripts/basic/fixdep", "scripts/kconfig/conf" };
	char *targets[2], *log = NULL, *path;
	bool built = false;
	size_t i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(marks) && !built; i++) {
		path = path_join(s->dir, marks[i]);
		built = !access(path, F_OK);
		free(path);
	}
	if (!built)
		return 0;
	targets[0] = "mrproper";
	targets[1] = NULL;
	ret = kmake(s, jobs, targets, &log);
	free(log);
	return ret;
}

/* defconfig, then the options, then olddefconfig; the .config read back. */
static int configure(struct scratch *s, char **opts, size_t nr, int jobs,
		     char **why)
{
	char *targets[2] = { (char *)s->config, NULL }, *log = NULL;
	char *cfg = path_join(s->dir, ".config"), *plain, *next, *tail;
	char **argv = xcalloc(2 * nr + 5, sizeof(*argv));
	size_t i, n = 0;
	int ret;

	ret = kmake(s, jobs, targets, &log);
	plain = ret ? NULL : slurp_file(cfg);
	s->plain = plain ? xstrdup(plain) : NULL;
	argv[n++] = "scripts/config";
	argv[n++] = "--file";
	argv[n++] = ".config";
	for (i = 0; i < nr; i++) {
		argv[n++] = "-e";
		argv[n++] = opts[i];
	}
	s->desc = xstrdup(s->config);
	for (i = 0; i < nr && plain; i++) {
		if (config_has(plain, opts[i]))
			continue;
		next = xasprintf("%s+%s", s->desc, opts[i]);
		free(s->desc);
		s->desc = next;
	}
	if (!ret && nr)
		ret = run_logged(s->dir, argv, NULL);
	targets[0] = "olddefconfig";
	if (!ret) {
		free(log);
		ret = kmake(s, jobs, targets, &log);
	}
	if (ret) {
		tail = log_tail(log);
		*why = xasprintf("make %s failed:%s", s->config, tail);
		free(tail);
	} else {
		s->dotconfig = slurp_file(cfg);
	}
	free(log);
	free(plain);
	free(cfg);
	free(argv);
	return ret || !s->dotconfig ? -1 : 0;
}

static int scratch_prepare(const char *root, const char *base,
			   struct scratch *s, char **opts, size_t nr,
			   int jobs, char **why)
{
	char *round = s->round ? xasprintf("-%zu", s->round) : xstrdup("");
	char *name = xasprintf("%s-%s%s%s%s", s->arch->karch, s->config,
			       *s->tag ? "-" : "", s->tag, round);
	char *stamp_path, *stamp = NULL, *want = stamp_text(root, s, opts, nr);
	char *desc_path, *plain_path;
	int ret = 0;

	s->dir = path_join(base, name);
	stamp_path = path_join(s->dir, ".ptsync-stamp");
	desc_path = path_join(s->dir, ".ptsync-desc");
	plain_path = path_join(s->dir, ".ptsync-defconfig");
	stamp = slurp_file(stamp_path);
	/* a copy configured the same way from the same tree is reused */
	if (stamp && !strcmp(stamp, want)) {
		char *cfg = path_join(s->dir, ".config");

		s->dotconfig = slurp_file(cfg);
		s->desc = slurp_file(desc_path);
		s->plain = slurp_file(plain_path);
		free(cfg);
		if (s->dotconfig && s->desc && s->plain)
			goto out;
	}
	if (run_args(NULL, NULL, false, "rm", "-rf", s->dir, NULL) ||
	    copy_tree(root, s->dir)) {
		*why = xasprintf("cannot copy the tree to %s", s->dir);
		ret = -1;
	} else if (scrub(s, jobs)) {
		*why = xasprintf("make mrproper failed in %s", s->dir);
		ret = -1;
	} else if (configure(s, opts, nr, jobs, why)) {
		ret = -1;
	} else if (write_atomic(desc_path, s->desc, strlen(s->desc), 0644) ||
		   write_atomic(plain_path, s->plain, strlen(s->plain), 0644) ||
		   write_atomic(stamp_path, want, strlen(want), 0644)) {
		*why = xasprintf("cannot write %s", stamp_path);
		ret = -1;
	}
out:
	free(stamp);
	free(want);
	free(stamp_path);
	free(desc_path);
	free(plain_path);
	free(name);
	free(round);
	return ret;
}

static void scratch_free(struct scratch *s)
{
	free(s->dir);
	free(s->desc);
	free(s->dotconfig);
	free(s->plain);
	memset(s, 0, sizeof(*s));
}

enum phase { PHASE_BEFORE, PHASE_AFTER, PHASE_PROBE };
static const char *const phase_name[] = { "before", "after", "probe" };

/*
 * Every file of the plan as it is before (aligned) or after the change,
 * or after it with the converted calls marked (align.c).
 */
static int write_state(const struct scratch *s, const struct convert_plan *plan,
		       enum phase phase)
{
	size_t probes;

	size_t i;
	int ret = 0;

	for (i = 0; i < plan->nr_files && !ret; i++) {
		const struct convert_file *cf = &plan->files[i];
		char *path = path_join(s->dir, cf->path), *text;

		if (phase == PHASE_PROBE && str_ends_with(cf->path, ".c")) {
			text = probe_new_text(cf->new_text, cf->diff, &probes);
			ret = write_atomic(path, text, strlen(text), 0644);
			free(text);
		} else if (phase != PHASE_BEFORE) {
			ret = write_atomic(path, cf->new_text, cf->new_len, 0644);
		} else if (cf->is_new) {
			ret = unlink(path) && errno != ENOENT ? -1 : 0;
		} else {
			text = align_old_text(cf->old_text, cf->diff);
			ret = write_atomic(path, text, strlen(text), 0644);
			free(text);
		}
		free(path);
	}
	return ret;
}

static char *object_of(const char *path)
{
	char *o = xstrdup(path);

	o[strlen(o) - 1] = 'o';
	return o;
}

/* Build every object of the group in one state; saved as .o.ptsync-<state>. */
static void build_state(const struct scratch *s, struct build_result **group,
			size_t nr, const struct convert_plan *plan,
			const struct verify_opts *o, enum phase phase)
{
	char *targets[2] = { NULL, NULL }, *log, *obj, *saved, *tail;
	size_t i;

	if (write_state(s, plan, phase)) {
		for (i = 0; i < nr; i++) {
			group[i]->state = BUILD_FAILED;
			group[i]->detail = xasprintf("cannot write the files into %s",
						     s->dir);
		}
		return;
	}
	for (i = 0; i < nr; i++) {
		if (group[i]->state == BUILD_FAILED)
			continue;
		targets[0] = object_of(group[i]->file->path);
		obj = path_join(s->dir, targets[0]);
		saved = xasprintf("%s.ptsync-%s", obj, phase_name[phase]);
		log = NULL;
		unlink(obj);
		unlink(saved);
		if (kmake(s, o->jobs, targets, &log) || rename(obj, saved)) {
			/* a probe that does not build only leaves it unprobed */
			if (phase == PHASE_PROBE)
				goto next;
			tail = log_tail(log);
			group[i]->state = BUILD_FAILED;
			group[i]->detail = xasprintf("%s the conversion:%s",
						     phase_name[phase], tail);
			free(tail);
		}
next:
		free(log);
		free(saved);
		free(obj);
		free(targets[0]);
	}
}

static void compare(const struct scratch *s, struct build_result *r)
{
	char *objdump = xasprintf("%sobjdump", s->arch->prefix);
	char *obj = object_of(r->file->path), *path = path_join(s->dir, obj);
	char *before = xasprintf("%s.ptsync-before", path);
	char *after = xasprintf("%s.ptsync-after", path);
	bool same = false;

	if (objcmp(objdump, before, after, &same, &r->detail)) {
		r->state = BUILD_FAILED;
		r->detail = xasprintf("%s cannot read the objects", objdump);
	} else {
		r->state = same ? BUILD_SAME : BUILD_CHANGED;
	}
	free(objdump);
	free(obj);
	free(path);
	free(before);
	free(after);
}

/*
 * Identical code proves nothing when the converted calls were compiled
 * out (a caller under IS_ENABLED(), an unused static function): the probe
 * object must hold the mark of every converted call.
 */
static void compiled_in(const struct scratch *s, struct build_result *r)
{
	char *objcopy = xasprintf("%sobjcopy", s->arch->prefix);
	char *obj = object_of(r->file->path), *path = path_join(s->dir, obj);
	char *probe = xasprintf("%s.ptsync-probe", path);
	char *bin = xasprintf("%s.ptsync-marks", path), *marks, *text, *next;
	size_t expected, kept = 0;

	text = probe_new_text(r->file->new_text, r->file->diff, &expected);
	free(text);
	unlink(bin);
	marks = run_args(NULL, NULL, false, objcopy, "-O", "binary",
			 "--only-section=.ptsync_probe", probe, bin, NULL) ?
		NULL : slurp_file(bin);
	if (!marks || !expected) {
		r->probed = false;
	} else {
		/* count the distinct marks: "L12;L40;L12;" */
		char *seen = xstrdup(";"), *m, *save = NULL, *key;

		for (m = strtok_r(marks, ";", &save); m;
		     m = strtok_r(NULL, ";", &save)) {
			key = xasprintf(";%s;", m);
			if (!strstr(seen, key)) {
				next = xasprintf("%s%s;", seen, m);
				free(seen);
				seen = next;
				kept++;
			}
			free(key);
		}
		free(seen);
		r->probed = true;
		r->compiled = kept;
		r->probes = expected;
	}
	free(marks);
	free(objcopy);
	free(obj);
	free(path);
	free(probe);
	free(bin);
}

/* The arch's sync mask can hold one of the levels the file converts. */
static bool level_synced(const struct arch_model *m, const char *arch,
			 unsigned int levels)
{
	size_t v;

	for (v = 0; v < m->nr_variants; v++)
		if (!strcmp(m->variants[v].arch, arch) &&
		    ((m->variants[v].mask & levels) ||
		     m->variants[v].mask_unknown))
			return true;
	return false;
}

struct pending {
	struct build_result *r;
	char **opts;
	size_t nr_opts;
};

static void union_opts(struct pending *p, size_t nr, char ***all, size_t *n)
{
	size_t alloc = 0, i, j, k;

	*all = NULL;
	*n = 0;
	for (i = 0; i < nr; i++)
		for (j = 0; j < p[i].nr_opts; j++) {
			for (k = 0; k < *n; k++)
				if (!strcmp((*all)[k], p[i].opts[j]))
					break;
			if (k == *n)
				*ARRAY_PUSH(*all, *n, alloc) = p[i].opts[j];
		}
}

static bool has_all(const char *dotconfig, const struct pending *p)
{
	size_t j;

	for (j = 0; j < p->nr_opts; j++)
		if (!config_has(dotconfig, p->opts[j]))
			return false;
	return true;
}

/* Configure s for the options of p[0..nr); 0, or -1 with all failed. */
static int prepare_for(const char *root, const char *base, struct scratch *s,
		       struct pending *p, size_t nr,
		       const struct verify_opts *o, int *failed)
{
	char **all, *why = NULL;
	size_t i, nr_all;
	int ret;

	union_opts(p, nr, &all, &nr_all);
	ret = scratch_prepare(root, base, s, all, nr_all, o->jobs, &why);
	for (i = 0; ret && i < nr; i++) {
		p[i].r->state = BUILD_FAILED;
		p[i].r->detail = xstrdup(why);
		p[i].r->config = xstrdup(s->config);
	}
	*failed |= ret ? 1 : 0;
	free(why);
	free(all);
	return ret;
}

/* Move the files whose options all of p[0..nr) must share to the front. */
static size_t native_first(struct pending *p, size_t nr, const char *plain)
{
	struct pending t;
	size_t i, n = 0;

	for (i = 0; i < nr; i++) {
		if (!has_all(plain, &p[i]))
			continue;
		t = p[n];
		p[n++] = p[i];
		p[i] = t;
	}
	return n;
}

/*
 * Configure a copy for the options of all pending files and build those
 * it compiles.  When those options turned off one the defconfig had (a
 * Kconfig choice: powerpc's book3s64 and book3e) and a file that needed
 * it is lost, the copy is configured again for the defconfig's own files
 * only; the others wait for a defconfig of their kind.  Returns how many
 * files it built; the rest are left in p[0..*nr).
 */
static size_t build_round(const char *root, const char *base,
			  struct scratch *s, struct pending *p, size_t *nr,
			  const struct convert_plan *plan,
			  const struct verify_opts *o, int *failed)
{
	struct build_result **group = xcalloc(*nr, sizeof(*group));
	size_t i, n, native;

	if (prepare_for(root, base, s, p, *nr, o, failed))
		goto out;
	native = native_first(p, *nr, s->plain);
	for (i = 0; i < native; i++)
		if (!has_all(s->dotconfig, &p[i]))
			break;
	if (i < native) {
		struct scratch again = { .arch = s->arch, .config = s->config,
					 .round = s->round, .tag = s->tag };

		scratch_free(s);
		*s = again;
		if (prepare_for(root, base, s, p, native, o, failed))
			goto out;
	}
	for (i = n = 0; i < *nr; i++) {
		if (!has_all(s->dotconfig, &p[i]))
			continue;
		group[n++] = p[i].r;
		p[i].r->config = xstrdup(s->desc);
	}
	if (n) {
		/* minutes of silence otherwise: say what is being built */
		diag("--verify-build: %zu file%s for %s %s in %s", n,
		     n == 1 ? "" : "s", s->arch->karch, s->desc, s->dir);
		build_state(s, group, n, plan, o, PHASE_BEFORE);
		build_state(s, group, n, plan, o, PHASE_AFTER);
		build_state(s, group, n, plan, o, PHASE_PROBE);
	}
	for (i = 0; i < n; i++)
		if (group[i]->state != BUILD_FAILED) {
			compare(s, group[i]);
			compiled_in(s, group[i]);
		}
out:
	free(group);
	/* what this configuration could not compile is tried again */
	for (i = n = 0; i < *nr; i++)
		if (!p[i].r->config)
			p[n++] = p[i];
	i = *nr - n;
	*nr = n;
	return i;
}

/*
 * Build one arch's files with its defconfigs in turn.  Options of
 * different files can exclude each other (a Kconfig choice: powerpc's
 * book3s and book3e): a configuration that compiles some of them is made
 * again for the rest, until one compiles none.
 */
static int build_arch(const char *root, const char *base,
		      const struct cross_arch *a, struct pending *p, size_t nr,
		      const struct convert_plan *plan,
		      const struct verify_opts *o, const char *tag)
{
	size_t c, i, round, placed;
	int failed = 0;

	for (c = 0; c < ARRAY_SIZE(a->configs) && a->configs[c] && nr; c++) {
		bool last = c + 1 == ARRAY_SIZE(a->configs) ||
			!a->configs[c + 1];

		/* the last defconfig is made again for what is still left */
		for (round = 0, placed = 1; nr && placed && (last || !round);
		     round++) {
			struct scratch s = { .arch = a, .config = a->configs[c],
					     .round = round, .tag = tag };

			placed = build_round(root, base, &s, p, &nr, plan, o,
					     &failed);
			scratch_free(&s);
		}
	}
	for (i = 0; i < nr; i++) {
		char *list = xstrdup(""), *next;
		size_t j;

		for (j = 0; j < p[i].nr_opts; j++) {
			next = xasprintf("%s CONFIG_%s", list, p[i].opts[j]);
			free(list);
			list = next;
		}
		p[i].r->detail = xasprintf("not compiled: cannot enable all of%s on %s",
					   list, a->karch);
		free(list);
	}
	return failed;
}

static const char *const debian_missing =
	"Debian 12 has no cross compiler for this architecture";

/* The result of one file, SKIPPED with why until it is built. */
static struct build_result *add_result(struct build_report *rep,
				       const struct convert_plan *plan,
				       const struct convert_file *cf,
				       const struct cross_arch **arch)
{
	struct build_result *r = ARRAY_PUSH(rep->items, rep->nr, rep->alloc);

	memset(r, 0, sizeof(*r));
	r->file = cf;
	r->arch = cross_arch_of(cf->path);
	r->level_synced = level_synced(&plan->pipe.model, r->arch, cf->levels);
	*arch = cross_arch_find(r->arch);
	if (!*arch)
		r->detail = xasprintf("no compiler known for arch/%s", r->arch);
	else if (!(*arch)->prefix)
		r->detail = xstrdup(debian_missing);
	else if (!cross_compiler_present(*arch))
		r->detail = xasprintf("%sgcc not found: install Debian's %s",
				      (*arch)->prefix, (*arch)->package);
	return r;
}

static char *make_base(const struct verify_opts *o)
{
	const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	char *base;

	if (o->build_dir)
		return run_args(NULL, NULL, false, "mkdir", "-p", o->build_dir,
				NULL) ? NULL : xstrdup(o->build_dir);
	base = xasprintf("%s/ptsync-build.XXXXXX", tmp);
	if (!mkdtemp(base)) {
		free(base);
		return NULL;
	}
	return base;
}

/* A changed object where the mask lacks the level disproves the no-op. */
static int judge(struct build_result *r)
{
	char *detail;

	if (r->state == BUILD_FAILED)
		return 1;
	if (r->state == BUILD_SAME && r->probed && r->compiled < r->probes) {
		/*
		 * Unchanged in this configuration, but the comparison says
		 * nothing about the calls the compiler dropped as dead code.
		 */
		detail = r->compiled ?
			xasprintf("object code unchanged; %zu of the %zu converted calls are dead code here",
				  r->probes - r->compiled, r->probes) :
			xstrdup("object code unchanged; the converted calls are dead code here");
		free(r->detail);
		r->detail = detail;
		r->state = r->compiled ? BUILD_SAME : BUILD_COMPILED_OUT;
		return 0;
	}
	if (r->state != BUILD_CHANGED || r->level_synced)
		return 0;
	detail = xasprintf("%s, although the %s sync mask lacks the level: not a no-op",
			   r->detail, r->arch);
	free(r->detail);
	r->detail = detail;
	return 1;
}

/*
 * One pass: the results marked todo, built together per arch; with live,
 * also with the IS_ENABLED() options of their files.
 */
static int build_pass(const char *root, const char *base,
		      struct build_report *rep, const struct cross_arch **arch,
		      struct pending *p, struct pending *q, bool live,
		      const struct convert_plan *plan,
		      const struct verify_opts *o)
{
	size_t i, j, n;
	int failed = 0;

	for (i = 0; i < rep->nr; i++) {
		if (!rep->items[i].todo)
			continue;
		for (j = i, n = 0; j < rep->nr; j++) {
			struct build_result *r = &rep->items[j];

			if (arch[j] != arch[i] || !r->todo)
				continue;
			r->todo = false;
			p[n].r = r;
			p[n].nr_opts = kopts_needed(root, r->file, &p[n].opts);
			if (live)
				kopts_add_live(r->file, &p[n].opts, &p[n].nr_opts);
			n++;
		}
		/* build_arch() reorders its array: free from this one */
		memcpy(q, p, n * sizeof(*p));
		failed |= build_arch(root, base, arch[i], q, n, plan, o,
				     live ? "live" : "");
		for (j = 0; j < n; j++) {
			while (p[j].nr_opts)
				free(p[j].opts[--p[j].nr_opts]);
			free(p[j].opts);
		}
	}
	return failed;
}

/* Calls compiled out that more options may bring in: marked todo. */
static size_t mark_dead(struct build_report *rep, struct build_result *saved)
{
	size_t i, n = 0, nr;
	char **opts;

	for (i = 0; i < rep->nr; i++) {
		struct build_result *r = &rep->items[i];

		if (r->state != BUILD_SAME || !r->probed ||
		    r->compiled >= r->probes)
			continue;
		opts = NULL;
		nr = 0;
		if (kopts_add_live(r->file, &opts, &nr)) {
			saved[i] = *r;
			r->config = r->detail = NULL;
			r->state = BUILD_SKIPPED;
			r->probed = false;
			r->todo = true;
			n++;
		}
		while (nr)
			free(opts[--nr]);
		free(opts);
	}
	return n;
}

/* The retry stands when it compiled more of the calls; else the first. */
static void keep_better(struct build_report *rep, struct build_result *saved)
{
	size_t i;

	for (i = 0; i < rep->nr; i++) {
		struct build_result *r = &rep->items[i], *old = &saved[i];

		if (!old->file)
			continue;
		if (r->state != BUILD_FAILED && r->state != BUILD_SKIPPED &&
		    r->probed && r->compiled > old->compiled) {
			free(old->config);
			free(old->detail);
		} else {
			free(r->config);
			free(r->detail);
			*r = *old;
		}
	}
}

int verify_build(const char *root, const struct convert_plan *plan,
		 const struct verify_opts *o, struct build_report *rep)
{
	const struct cross_arch **arch;
	struct build_result *saved;
	struct pending *p, *q;
	char *base;
	size_t i;
	int failed = 0;

	memset(rep, 0, sizeof(*rep));
	arch = xcalloc(plan->nr_files + 1, sizeof(*arch));
	p = xcalloc(plan->nr_files + 1, sizeof(*p));
	q = xcalloc(plan->nr_files + 1, sizeof(*q));
	for (i = 0; i < plan->nr_files; i++)
		if (str_ends_with(plan->files[i].path, ".c"))
			add_result(rep, plan, &plan->files[i], &arch[rep->nr]);
	for (i = 0; i < rep->nr; i++)
		rep->items[i].todo = !rep->items[i].detail;
	base = make_base(o);
	if (!base) {
		diag("--verify-build: cannot create a scratch directory");
		failed = 1;
	} else {
		failed |= build_pass(root, base, rep, arch, p, q, false, plan, o);
		saved = xcalloc(rep->nr + 1, sizeof(*saved));
		if (mark_dead(rep, saved)) {
			failed |= build_pass(root, base, rep, arch, p, q, true,
					     plan, o);
			keep_better(rep, saved);
		}
		free(saved);
	}
	for (i = 0; i < rep->nr; i++)
		failed |= judge(&rep->items[i]);
	if (base && !o->build_dir)
		run_args(NULL, NULL, false, "rm", "-rf", base, NULL);
	free(base);
	free(arch);
	free(p);
	free(q);
	return failed;
}

void build_report_print(const struct build_report *rep, FILE *out)
{
	static const char *const word[] = {
		[BUILD_SKIPPED] = "NOT BUILT", [BUILD_FAILED] = "FAILED",
		[BUILD_SAME] = "OK", [BUILD_CHANGED] = "OK",
		[BUILD_COMPILED_OUT] = "OK" };
	size_t i;

	for (i = 0; i < rep->nr; i++) {
		const struct build_result *r = &rep->items[i];

		fprintf(out, "BUILD %s %s %s%s%s: %s\n", word[r->state], r->arch,
			r->config ? r->config : "", r->config ? " " : "",
			r->file->path, r->detail ? r->detail : "");
	}
	fflush(out);
}

void build_report_free(struct build_report *rep)
{
	size_t i;

	for (i = 0; i < rep->nr; i++) {
		free(rep->items[i].arch);
		free(rep->items[i].config);
		free(rep->items[i].detail);
	}
	free(rep->items);
}
