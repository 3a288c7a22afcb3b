/*
 * st_hooks.h: stdtool's Git pre-commit hook (doc/sync.md, "The pre-commit
 * hook"): installing it, removing it, and the check it runs on what is
 * being committed.
 *
 * The check reads the staged files (an index: the repository's own, or
 * the one named by GIT_INDEX_FILE that git hands its hooks), never the
 * work tree, and only those added or changed against HEAD.
 */
#ifndef ST_HOOKS_H
#define ST_HOOKS_H

#include <stddef.h>

#include "st_buf.h"
#include "st_lint.h"
#include "st_repo.h"

/* The line that marks a hook as stdtool's own. */
#define ST_HOOK_MARK "# stdtool-hook: pre-commit"
/* Where --force keeps a pre-commit hook that was there before. */
#define ST_HOOK_SAVED "pre-commit.stdtool-saved"

/*
 * The folder of the repository's hooks: core.hooksPath (a relative one
 * taken from the top of the work tree, as git does), else the Git
 * folder's hooks/.  No trailing '/'.
 */
int st_hooks_dir(st_buf *out, st_repo *repo);

typedef enum {
	ST_HOOK_INSTALLED = 0,  /* there was no pre-commit hook */
	ST_HOOK_UPDATED,        /* stdtool's hook was there: rewritten */
	ST_HOOK_CHAINED         /* another hook was there: kept as pre-commit.stdtool-saved,
				   and run first by stdtool's */
} st_hook_install_outcome;

/*
 * Writes the pre-commit hook: a sh script that runs 'program hooks run
 * pre-commit' ('program' an absolute path; stdtool on PATH when it is
 * gone).  A bare repository is refused (ST_ERROR: nothing is committed
 * there with git commit).  A pre-commit hook that is not stdtool's is
 * refused with ST_EEXISTS, unless 'force': then it is renamed
 * ST_HOOK_SAVED and the new hook runs it first (ST_EEXISTS when that name
 * is taken too).  *path_out gets the hook's path.
 */
int st_hooks_install(st_hook_install_outcome *outcome, st_buf *path_out, st_repo *repo,
		     const char *program, int force);

/*
 * Removes stdtool's pre-commit hook and puts back a hook it had saved
 * (*restored = 1).  ST_ENOTFOUND when there is no pre-commit hook,
 * ST_EEXISTS when the hook there is not stdtool's (it is left alone).
 */
int st_hooks_uninstall(int *restored, st_buf *path_out, st_repo *repo);

/* One problem in a staged file. */
typedef struct {
	const char *path;    /* the file, as in the repository */
	long line;           /* 1 for a problem of the file as a whole */
	long column;         /* 0 when unknown */
	st_severity severity;
	const char *rule;    /* a drafting rule id, or NULL for a record problem */
	const char *message; /* translated, without the location */
} st_hook_finding;

typedef int (*st_hook_finding_cb)(const st_hook_finding *finding, void *payload);

typedef struct {
	size_t files;    /* staged files looked at (added or changed) */
	size_t errors;
	size_t warnings;
} st_hook_counts;

/*
 * Checks every file added or changed in the index 'index_path' (NULL: the
 * repository's index) against HEAD: a record must match its schema; a
 * drafts/ID/draft.xml must also follow the drafting rules (with the rules
 * its staged meta.xml switches off), where errors count and warnings are
 * only reported; an .xml file where no record belongs is an error; other
 * files pass.  'cb' gets each finding, in path order.  Returns 0 when the
 * check ran, whatever it found (see 'counts').
 */
int st_hooks_check_staged(st_hook_counts *counts, st_repo *repo, const char *index_path,
			  st_hook_finding_cb cb, void *payload);

#endif
