/*
 * st_sync.h: sharing a secretariat repository between sites through a Git
 * remote (doc/sync.md), with libgit2 alone.
 *
 * st_sync() holds the repository's write lock from start to end and
 *
 *   1. fetches the remote's branch and its tags (objects only: no local
 *      ref moves until the merge is known to be good);
 *   2. when the remote is ahead, fast-forwards; when both sides have new
 *      commits, merges them in memory (no rename detection, so records
 *      stay the files they are named as); comments both sides numbered
 *      alike on the same draft are settled by st_comment_merge() (those
 *      made here move past the remote's numbers); any other conflict, in
 *      a file or in a tag of the same name on two commits, stops here; a
 *      ballot closed at one site is counted again with the votes recorded
 *      at the other (st_ballot_merge());
 *   3. validates every record that would change in the branch against
 *      its schema;
 *   4. moves the branch (st_txn_fast_forward() / st_txn_merge(): the
 *      journal, the compare-and-swap, the index and work tree for the
 *      changed paths; uncommitted edits to one of them refuse before
 *      anything moves), makes the remote's new tags here and the
 *      remote-tracking branch follow;
 *   5. pushes the branch and every tag the remote lacks.
 *
 * Ownership: a st_sync_result is filled by st_sync() and released with
 * st_sync_result_dispose(), whatever st_sync() returned.
 */
#ifndef ST_SYNC_H
#define ST_SYNC_H

#include <stddef.h>

#include "st_ballot_merge.h"
#include "st_comment_merge.h"
#include "st_repo.h"

typedef struct {
	const char *remote;  /* NULL: the branch's upstream remote, else "origin" */
	const char *author;  /* of a merge commit: "Name <email>", or NULL */
} st_sync_options;

typedef enum {
	ST_SYNC_UP_TO_DATE = 0, /* the same commit on both sides */
	ST_SYNC_FAST_FORWARD,   /* the remote was ahead: the branch moved to it */
	ST_SYNC_AHEAD,          /* the branch was ahead (or new to the remote) */
	ST_SYNC_MERGED          /* both had new commits: a merge commit */
} st_sync_outcome;

typedef enum {
	ST_SYNC_BOTH_CHANGED = 0, /* changed on both sides, differently */
	ST_SYNC_BOTH_ADDED,       /* added on both sides, differently */
	ST_SYNC_REMOVED_HERE,     /* removed here, changed on the remote */
	ST_SYNC_REMOVED_THERE,    /* changed here, removed on the remote */
	ST_SYNC_TAG               /* a tag of this name names another object there */
} st_sync_conflict_kind;

typedef struct {
	char *path;   /* the file, or the tag's name without refs/tags/ */
	st_sync_conflict_kind kind;
} st_sync_conflict;

typedef struct {
	char *remote;          /* the remote's name */
	char *branch;          /* the local branch, without refs/heads/ */
	char *remote_branch;   /* the branch on the remote, without refs/heads/ */
	st_sync_outcome outcome;
	size_t fetched;        /* commits the remote had and the branch had not */
	size_t local;          /* commits the branch had and the remote had not */
	size_t tags_fetched;   /* tags made here from the remote's */
	size_t tags_pushed;    /* tags pushed to the remote */
	int pushed;            /* the branch was pushed */
	st_sync_conflict *conflicts; /* when st_sync() returned ST_ECONFLICT for a merge */
	size_t nconflicts, aconflicts;
	int done_here;         /* the branch, tags and tracking ref here are synced:
				  only the push is left (or failed) */
	int invalid_record;    /* st_sync() refused a record that would change */
	int push_rejected;     /* the remote moved after the fetch: push refused */
	st_comment_renumbering renumbered; /* comments made here that the merge
					      numbered after the remote's */
	st_ballot_recounts recounts;       /* closed ballots the merge brought
					      votes to, counted again */
} st_sync_result;

/*
 * Synchronises the current branch of 'repo' with its remote.  Returns 0, or:
 *   ST_ECONFLICT  with result->nconflicts: the merge stopped, nothing changed;
 *                 with result->push_rejected: the branch is merged here, the
 *                 push was refused because the remote moved meanwhile;
 *   ST_EINVALID   with result->invalid_record: a record the sync would bring
 *                 in fails its schema, or votes it would bring together
 *                 cannot be counted, nothing changed; without it, the
 *                 remote named is not one of this repository;
 *   ST_ENOTFOUND  no remote was named and there is no upstream nor origin;
 *   ST_EDIRTY, ST_ELOCKED, ST_ERROR as for st_txn_commit().
 * The error message says what happened in each case.
 */
int st_sync(st_sync_result *result, st_repo *repo, const st_sync_options *opts);

void st_sync_result_dispose(st_sync_result *result);

#endif
