/*
 * st_comment_merge.h: merging the comments two sites recorded on the same
 * draft (doc/sync.md, "Comments from two sites").
 *
 * Each site numbers the comments it records from the last number it knows
 * (drafts/ID/comments/round.xml), so two sites that both record comments
 * on a draft between two syncs give the same numbers to different
 * comments: Git sees drafts/ID/comments/N.xml added on both sides and
 * round.xml changed on both.  The remote's numbers are the ones other
 * sites may already have seen, so they stay; the comments made here since
 * the merge base move up past the remote's last number, in their order
 * (here's N becomes N + the number of comments the remote gave), and
 * round.xml takes the new last number with the units sent to and replied
 * merged three ways.
 *
 * Ownership: st_comment_renumbering is embedded and released with
 * st_comment_renumbering_dispose(), which accepts an empty one.
 */
#ifndef ST_COMMENT_MERGE_H
#define ST_COMMENT_MERGE_H

#include <stddef.h>

#include <git2.h>

typedef struct {
	char *draft;      /* the draft's id */
	unsigned from;    /* the number the comment had here */
	unsigned to;      /* the number it has after the merge */
} st_comment_renumber;

typedef struct {
	st_comment_renumber *items;  /* by draft, then by number */
	size_t n, alloc;
} st_comment_renumbering;

/*
 * Settles in 'index', the in-memory result of merging 'theirs' into
 * 'ours' from 'base', the conflicts of comment numbering described above.
 * Conflicts of any other kind stay in the index, as do those of a draft
 * whose comment records cannot be read.  'out' gets each comment that
 * changed number.  Returns 0, or ST_ERROR (Git or memory).
 */
int st_comment_merge(st_comment_renumbering *out, git_repository *git, git_index *index,
		     git_tree *base, git_tree *ours, git_tree *theirs);

void st_comment_renumbering_dispose(st_comment_renumbering *r);

#endif
