/*
 * st_ballot_merge.h: a ballot closed at one site while votes were recorded
 * at another (doc/sync.md, "Ballots from two sites").
 *
 * A vote is its own file and closing a ballot changes only ballot.xml, so
 * Git merges the two without a conflict, and the merged ballot.xml would
 * keep a result that does not count the votes recorded at the other site.
 * Those votes were on time where they were recorded (a late vote is
 * refused), so the merge counts them: the result is worked out again from
 * every vote of the merged ballot, by the rule recorded in it, and the
 * closing date stays.
 *
 * Ownership: st_ballot_recounts is embedded and released with
 * st_ballot_recounts_dispose(), which accepts an empty one.
 */
#ifndef ST_BALLOT_MERGE_H
#define ST_BALLOT_MERGE_H

#include <stddef.h>

#include <git2.h>

#include "st_ballot.h"

typedef struct {
	char *draft;
	unsigned number;
	st_ballot_outcome was, now;
	size_t votes_was, votes_now;  /* the votes the result counted, and counts */
} st_ballot_recount;

typedef struct {
	st_ballot_recount *items;
	size_t n, alloc;
} st_ballot_recounts;

/*
 * Counts again, in 'index' (a merge without conflicts of 'theirs' into
 * 'ours'), every closed ballot whose folder differs between the two sides
 * and whose recorded result does not match its votes, and puts the
 * recounted ballot.xml in the index.  Returns 0; ST_EINVALID when the
 * merged votes of a ballot cannot be counted (two votes of one member, a
 * member not on the roster: the message names the file), nothing changed
 * in the index then; or ST_ERROR.
 */
int st_ballot_merge(st_ballot_recounts *out, git_repository *git, git_index *index,
		    git_tree *ours, git_tree *theirs);

void st_ballot_recounts_dispose(st_ballot_recounts *r);

#endif
