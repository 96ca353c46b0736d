/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * "ptsync review": a patch or a series checked as a review bot would.
 * The patch is parsed, applied to copies of the files it touches, both
 * versions are checked, and each finding of the patched version is new
 * (on a line the patch adds) or old (there before).  The renderers, in
 * report/, read only struct review.
 */
#ifndef PTSYNC_REVIEW_H
#define PTSYNC_REVIEW_H

#include <stdbool.h>
#include <stdio.h>

#include "pipeline/pipeline.h"

/* One line of a hunk: ' ', '-' or '+', and its text without the newline. */
struct hunk_line {
	char kind;
	char *text;
};

struct hunk {
	int old_start, old_count;
	int new_start, new_count;
	struct hunk_line *lines;
	size_t nr_lines, alloc_lines;
};

/* One file of a diff; a path is NULL for /dev/null. */
struct file_diff {
	char *old_path, *new_path;	/* prefix (a/, b/) stripped */
	char *old_blob;		/* the "index" line's pre-image id, or NULL */
	bool git_only;		/* paths so far from "diff --git" alone */
	struct hunk *hunks;
	size_t nr_hunks, alloc_hunks;
};

/*
 * One patch of the input.  The mail fields come from git mailinfo
 * (decoded, UTF-8, printable) and the raw headers; each is NULL when the
 * input is a plain diff or the mail lacks it.
 */
struct patch {
	size_t index;		/* 1-based, in the order of the input */
	char *subject;		/* as sent, "[PATCH 2/3] ..." kept */
	char *message_id;	/* "<...>" */
	char *author_name, *author_email;
	char *to, *cc;		/* header values, unfolded */
	char *references;	/* the patch's own References: */
	char *text;		/* the decoded diff, for patch(1) */
	struct file_diff *files;
	size_t nr_files, alloc_files;
};

struct patch_set {
	struct patch *patches;
	size_t nr, alloc;
	struct patch *cover;	/* a [PATCH 0/N] without diffs, or NULL */
};

/* child.c */

/*
 * Run argv in cwd (NULL: here) with stdin from in, stdout to out and
 * stderr to err (each NULL: /dev/null), through lib/run.c: its exit
 * status, 128 + a signal, RUN_STOPPED, or -1 when it could not start.
 */
int review_run(const char *const *argv, const char *cwd, const char *in,
	       const char *out, const char *err);

/* mail.c */

/*
 * Split text (an mbox or mboxrd of a series, a format-patch file, one
 * mail, or a plain diff) into patches with git mailsplit and git
 * mailinfo, which undo base64, quoted-printable and RFC 2047, and parse
 * their diffs; a bare diff that git would hand back unchanged is parsed
 * as it is.  0, or -1 with a message in *err.
 */
int patch_set_parse(const char *text, struct patch_set *ps, char **err);
/*
 * One message, once git mailinfo has read it: mail its raw text (for
 * the headers mailinfo does not return), info mailinfo's output, diff
 * the decoded patch.  Added to ps as a patch or its cover letter.  0, or
 * -1 with a message in *err.
 */
int patch_set_add(struct patch_set *ps, const char *mail, const char *info,
		  const char *diff, char **err);

/* patch_parse.c */

/*
 * Parse the unified diff in text, dropping strip leading components of
 * each path; spatch's own diffs need 0.
 */
int diff_parse(const char *text, int strip, struct patch *p, char **err);
void patch_free(struct patch *p);
void patch_set_free(struct patch_set *ps);
/* The subject for "Re:": the cover letter's, else the first patch's. */
const char *patch_set_subject(const struct patch_set *ps);

/* apply.c */

struct workdir {
	char *dir;		/* the mkdtemp directory */
	char *pre, *post;	/* dir/pre and dir/post */
	char **paths;		/* every touched path, relative */
	size_t nr_paths, alloc_paths;
};

/*
 * Copy the touched files of KDIR (or of git revision base in KDIR) into
 * a new temporary directory and apply the patches in order to the post
 * copy.  0, or -1 with a message in *err; KDIR is only read.
 */
int workdir_apply(const char *kdir, const char *base,
		  const struct patch_set *ps, struct workdir *w, char **err);
/*
 * The -U0 diff of pre/path and post/path, as one patch of one file: 0,
 * or -1 (none: the same, or a copy missing); free it with patch_free().
 */
int workdir_diff(const struct workdir *w, const char *path, struct patch *p);
/* The lines of p's post-image that its pre-image lacks, ascending. */
size_t diff_added_lines(const struct patch *p, int **lines);
/* Remove the temporary directory and free w. */
void workdir_free(struct workdir *w);

/* A whole-line rewrite: lines start..end of the file become text. */
struct line_edit {
	int start, end;		/* 1-based, inclusive */
	char *text;		/* the new lines joined with "\n", no final one */
};

struct review_item {
	const struct finding *f;
	bool is_new;
	const struct patch *patch;	/* the one that added it, when new */
	struct line_edit *edit;		/* NULL when no rewrite exists */
	/*
	 * a/ b/ diff of the file with this finding's rewrite and the changes
	 * of no finding (the added #include, without which the rewrite does
	 * not build), the other findings' rewrites left out; or NULL
	 */
	char *fix;
};

/* spatch's rewrite of one file, the diff every fix is cut from. */
struct review_rewrite {
	char *path;
	struct patch diff;	/* one file */
};

/* A touched file and the lines the patch adds to it. */
struct review_file {
	char *path;
	int *added;		/* ascending */
	size_t nr_added;
	/* workdir_diff() of the copies, taken once; NULL: none */
	struct patch *diff;
};

/*
 * A line the patch changed that no added line shows: where a removed
 * sync stood (lost_sync.c).  A finding there is new.
 */
struct review_mark {
	char *file;
	int line;
	char *removed_text;	/* the removed line, to find its patch */
};

struct review {
	const struct patch_set *ps;
	const char *kdir;		/* as given */
	const char *post_root;		/* the patched copies */
	struct review_file *files;
	size_t nr_files;
	struct pipeline post;
	size_t nr_pre;			/* findings before the patch */
	struct review_item *items;	/* one per post finding, same order */
	size_t nr_items;
	size_t nr_new;
	char *fix;	/* the diff of every hunk with a new rewrite, or NULL */
	bool no_helpers;	/* the tree has no _kernel helpers: no fix */
	struct review_rewrite *rewrites;
	size_t nr_rewrites, alloc_rewrites;
	struct review_mark *marks;
	size_t nr_marks, alloc_marks;
	/* For the mail, set by the command: "Name <addr>" and a URL or NULL. */
	const char *reported_by, *closes_url;
};

/* unsynced.c */

/* Rule unsynced-path: added lines on open chains, as new findings. */
void review_add_unsynced(struct review *r);
/* Whether ch is open: no sync, after boot, exposed, on an error. */
bool review_open_chain(const struct finding *f, const struct call_chain *ch,
		       const struct arch_model *m);
/* Whether l holds a finding at file:line from index from on. */
bool review_have_finding(const struct finding_list *l, size_t from,
			 const char *file, int line);
/* The unsynced-path finding for step of ch, appended to l. */
struct finding *review_unsynced_add(const struct review *r,
				    struct finding_list *l,
				    const struct finding *f,
				    const struct call_chain *ch, size_t step,
				    size_t nr_models);

/* lost_sync.c */

/*
 * Rule unsynced-path for a sync the patch takes away: each open chain
 * through a call that a sync followed before the patch and none follows
 * after it, as a new finding on the changed line (marked in r->marks).
 * Checks the whole tree at r->kdir, only when such a call exists.
 */
void review_add_lost_syncs(struct review *r, const struct workdir *w,
			   int timeout, struct shared_model *model);

/* check.c */

/*
 * Check the touched files of w before and after the patches of ps and
 * judge each finding after them; the fixes come with it.  progress shows
 * the steps on stderr (a terminal).  0, or -1 with a message in *err.
 */
int review_check(const char *kdir, const struct patch_set *ps,
		 const struct workdir *w, int timeout, bool progress,
		 struct review *r, char **err);

void review_file_free(struct review_file *rf);
/* Line n (1-based) of root/path, without its newline; NULL past the end. */
char *review_file_line(const char *root, const char *path, int n);

/* fix.c */

/*
 * Run spatch's patch mode on the post files with new findings and attach
 * each finding's rewrite.  A spatch failure only leaves fixes out.
 */
void review_attach_fixes(struct review *r, int timeout);
/*
 * The fix of the findings items[k] for which want(r, k, data) holds: each
 * rewritten file's diff with their rewrites and the changes of no finding
 * (the #include), the other findings' rewrites left as they were; NULL
 * when none of them has a rewrite.  A reply of a series fixes its own.
 */
char *review_fix_of(const struct review *r,
		    bool (*want)(const struct review *r, size_t k,
				 const void *data),
		    const void *data);
void review_free(struct review *r);
/* Whether the patch adds line of path. */
bool review_is_added(const struct review *r, const char *path, int line);
/* Whether the patch touches path. */
bool review_touches(const struct review *r, const char *path);
/* The mark at line of path, or NULL. */
const struct review_mark *review_mark_at(const struct review *r,
					 const char *path, int line);

#endif
