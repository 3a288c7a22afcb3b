/*
 * st_repo.h: the secretariat repository, a Git repository (bare or not)
 * that holds every record as an XML file in a folder by kind.
 *
 * Reads come from the commit the branch points at, never from the work
 * tree, so what a person has half-edited is not taken for data.  Writes go
 * through a transaction that turns a set of changed files into exactly one
 * commit:
 *
 *   1. st_txn_begin() takes the repository's write lock (a flock()ed file
 *      in the Git folder, released by the kernel if the process dies) and
 *      notes the commit the branch points at;
 *   2. st_txn_put()/st_txn_remove() collect changes; every record is parsed
 *      and validated against its schema before it is accepted;
 *   3. st_txn_commit() writes the objects, then moves the branch with a
 *      compare-and-swap from the noted commit (the commit point: a branch
 *      moved by anyone else meanwhile fails with ST_ECONFLICT), then brings
 *      the index and work tree up to date for the changed paths.  A journal
 *      in the Git folder names those paths until that is done, so a process
 *      killed between the branch move and the work-tree update is finished
 *      by the next stdtool run that opens the repository.
 *
 * Ownership: st_repo and st_txn objects are freed with st_repo_free() and
 * st_txn_free(); both accept NULL.
 */
#ifndef ST_REPO_H
#define ST_REPO_H

#include <stddef.h>

#include "st_buf.h"
#include "st_xml.h"

typedef struct st_repo st_repo;
typedef struct st_txn st_txn;

/*
 * Sets the error 'code' with "WHAT: " and libgit2's last message, for the
 * parts of the library that call libgit2; returns 'code'.
 */
int st_git_fail(int code, const char *what);

/* The file at the top of every stdtool repository. */
#define ST_REPO_CONFIG "stdtool.xml"
#define ST_REPO_FORMAT 1

typedef struct {
	int bare;             /* create a bare repository */
	const char *name;     /* the secretariat's name for the config record, or NULL */
	const char *author;   /* "Name <email>", or NULL for Git's settings */
	const char *datadir;  /* where schemas/ is found */
} st_repo_init_options;

/*
 * Creates (or adopts an existing Git repository at) 'path' and commits
 * stdtool's layout and config record.  ST_EEXISTS when it already is a
 * stdtool repository.
 */
int st_repo_init(const char *path, const st_repo_init_options *opts);

/*
 * Opens the stdtool repository containing 'path' (searching upwards as git
 * does).  ST_EREPO when there is none.
 */
int st_repo_open(st_repo **out, const char *path, const char *datadir);
void st_repo_free(st_repo *repo);

int st_repo_is_bare(const st_repo *repo);
const char *st_repo_datadir(const st_repo *repo);
/* The folder of the work tree, or the Git folder of a bare repository. */
const char *st_repo_path(const st_repo *repo);

/*
 * The Git repository underneath (borrowed), for what st_repo does not wrap:
 * stdtool sync fetches, merges and pushes with it.
 */
struct git_repository;
struct git_repository *st_repo_git(st_repo *repo);

/* Reads a file of the current commit.  ST_ENOTFOUND when absent. */
int st_repo_read(st_buf *out, st_repo *repo, const char *path);

/*
 * Reads 'path' as it stands at 'revision' (anything git_revparse_single()
 * takes: a tag such as "d/30.20", "HEAD~2", a commit id), peeled to its
 * commit.  'commit', when not NULL, receives the commit's id (40 hex and
 * NUL).  ST_ENOTFOUND, with a message that says which, when the revision
 * is unknown or names no commit, or when 'path' is absent there.
 */
int st_repo_read_at(st_buf *out, char *commit, st_repo *repo, const char *revision,
		    const char *path);


typedef int (*st_repo_file_cb)(const char *name, void *payload);

/*
 * Calls 'cb' with the name and content of each file in 'folder' of the
 * current commit, in Git's order, reading the commit once; the content is
 * borrowed for the call.  A non-zero return from 'cb' stops the walk.
 */
typedef int (*st_repo_blob_cb)(const char *name, const char *data, size_t len, void *payload);
int st_repo_each_blob(st_repo *repo, const char *folder, st_repo_blob_cb cb, void *payload);

/* The same for just the files 'names' of 'folder' (absent ones skipped). */
int st_repo_each_named_blob(st_repo *repo, const char *folder, char *const *names, size_t n,
			    st_repo_blob_cb cb, void *payload);

/*
 * Calls 'cb' with the full path of every file of the current commit, in
 * Git's order; a non-zero return stops the walk and is returned.
 */
int st_repo_walk(st_repo *repo, st_repo_file_cb cb, void *payload);

/*
 * Parses and validates a record held in memory against the schema for its
 * path (by folder).  Files that are not records pass.
 */
int st_repo_validate_record(st_repo *repo, const char *path,
			    const char *data, size_t len);

int st_txn_begin(st_txn **out, st_repo *repo);
/* Reads a file as it stands in the transaction (base commit plus changes). */
int st_txn_read(st_buf *out, st_txn *txn, const char *path);
int st_txn_exists(st_txn *txn, const char *path);
int st_txn_put(st_txn *txn, const char *path, const char *data, size_t len);
int st_txn_remove(st_txn *txn, const char *path);
/*
 * Makes the one commit.  'message' is the whole commit message; 'author'
 * is "Name <email>" or NULL.  On failure nothing visible has changed.
 * ST_ECONFLICT when the branch moved, ST_EDIRTY when the work tree holds
 * uncommitted edits to a path being changed.
 */
/*
 * Has st_txn_commit() also make the annotated tag 'name' (without
 * "refs/tags/") on the new commit, with 'message'.  The tag is written
 * with the commit and named in the journal, so an interrupted write ends
 * with both or, after the next run, both.  ST_EEXISTS when the tag exists.
 */
int st_txn_tag(st_txn *txn, const char *name, const char *message);

int st_txn_commit(st_txn *txn, const char *message, const char *author);
/*
 * For stdtool sync: the branch the transaction writes ("refs/heads/main")
 * and the commit it started from (NULL while the branch is unborn), both
 * borrowed.
 */
struct git_oid;
const char *st_txn_branch(const st_txn *txn);
const struct git_oid *st_txn_base(const st_txn *txn);

/*
 * For stdtool sync, instead of st_txn_put()/st_txn_commit(): move the
 * branch to a commit that is not made from collected changes.
 * st_txn_fast_forward() moves it to 'target', an existing commit that
 * descends from the base; st_txn_merge() first writes a merge commit of
 * the tree 'tree' with the parents base and 'theirs' ('message', 'author'
 * as for st_txn_commit()) and moves the branch to it.  Both keep
 * st_txn_commit()'s guarantees for every path that differs between the
 * base and the new commit: ST_EDIRTY when the work tree holds uncommitted
 * edits to one (before anything moves), the journal, the compare-and-swap
 * of the branch (ST_ECONFLICT), then the index and work tree brought up to
 * date.  Records are not validated here: the caller does it.
 */
int st_txn_fast_forward(st_txn *txn, const struct git_oid *target, const char *message);
int st_txn_merge(st_txn *txn, const struct git_oid *theirs, const struct git_oid *tree,
		 const char *message, const char *author);

/* Releases the lock; a transaction not committed is abandoned. */
void st_txn_free(st_txn *txn);

/* Checks an author given as "Name <email>": 0 or ST_EINVALID. */
int st_repo_author_check(const char *spec);

/* The id (40 hex + NUL) of 'folder' in the current commit; "" when absent. */
int st_repo_folder_id(char out[41], st_repo *repo, const char *folder);

/*
 * Calls 'cb' for each file of 'folder' that differs between the folder
 * trees 'old_id' and 'new_id': with its name, and its new content or NULL
 * when it was removed.  ST_ENOTFOUND when 'old_id' is no longer readable.
 */
int st_repo_folder_changes(st_repo *repo, const char *old_id, const char *new_id,
			   int (*cb)(const char *name, const char *data, size_t len, void *payload),
			   void *payload);

/* The Git folder, where derived caches live; ends in '/'. */
const char *st_repo_git_dir(const st_repo *repo);

/*
 * 1 when the work tree's copy of 'path' differs from the committed one
 * (edited, added or deleted and not committed), 0 when not or when the
 * repository is bare.
 */
int st_repo_worktree_changed(st_repo *repo, const char *path);

/*
 * Calls 'cb' for each commit reachable from HEAD, newest first, that
 * changed something under 'folder' (e.g. "drafts/x/"), with the annotated
 * or light tags pointing at it whose names start with 'tag_prefix'
 * (space-separated, or "").
 */
typedef struct {
	char id[41];
	long long time;       /* seconds since the epoch */
	int offset;           /* the author's time zone, minutes east of UTC */
	const char *author;
	const char *summary;
	const char *tags;
} st_repo_commit;
typedef int (*st_repo_commit_cb)(const st_repo_commit *commit, void *payload);
int st_repo_history(st_repo *repo, const char *folder, const char *tag_prefix,
		    st_repo_commit_cb cb, void *payload);

void st_repo_global_init(void);
void st_repo_global_shutdown(void);

#endif
