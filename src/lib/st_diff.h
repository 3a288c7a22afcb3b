/*
 * st_diff.h: redlines between two versions of a draft (doc/drafts.md,
 * "Redlines").
 *
 * Two layers.  st_diff_text() compares two texts token by token (words in
 * Latin script, single characters in CJK) with Myers' O(ND) algorithm and
 * returns runs of same, deleted and inserted text.  st_draft_diff_compute()
 * compares two drafts element by element: every element with an id, and
 * every clause, annex, term, table, figure, formula, note, example,
 * footnote and reference (the "units"), matched by id (or, without one,
 * by a key made from the nearest unit above plus element name and
 * position).  It reports units inserted, deleted, moved (to another parent,
 * or out of order among their siblings by a longest increasing
 * subsequence) and changed (their own text, the text of units inside them
 * left out).  Numbers are computed (st_draft.h) in each version, so a
 * renumbering alone changes nothing.
 *
 * Everything is linear or near-linear in the size of the drafts; the token
 * diff of one unit is bounded like git's xdiff (a cost limit past which it
 * settles for a good split rather than the best one).
 *
 * Ownership: an st_draft_diff is freed with st_draft_diff_free() and owns
 * every string it points to; st_diff_runs are disposed of with
 * st_diff_runs_dispose().  Both accept what they were initialised to.
 */
#ifndef ST_DIFF_H
#define ST_DIFF_H

#include <stddef.h>

#include <libxml/tree.h>

#include "st_buf.h"
#include "st_draft.h"
#include "st_draftmeta.h"

/* ---- text ------------------------------------------------------------- */

typedef enum {
	ST_DIFF_SAME = 0,
	ST_DIFF_DELETED,
	ST_DIFF_INSERTED
} st_diff_op;

/* One run of text; its bytes are text.ptr + off, len of them. */
typedef struct {
	st_diff_op op;
	size_t off, len;
} st_diff_run;

/*
 * Runs in order: the text of the newer version with the older one's
 * deletions where they were.  A paragraph break is "\n" inside a run; a
 * deletion comes before the insertion that replaces it.
 */
typedef struct {
	st_diff_run *runs;
	size_t n, alloc;
	st_buf text;
} st_diff_runs;

#define ST_DIFF_RUNS_INIT { NULL, 0, 0, ST_BUF_INIT }
void st_diff_runs_dispose(st_diff_runs *runs);

/*
 * Compares the UTF-8 texts 'a' (older) and 'b' (newer).  Tokens are runs
 * of letters and digits in Latin and other alphabetic scripts (a decimal
 * point or comma between digits included), and single characters
 * otherwise: CJK ideographs, kana, hangul, full-width forms, punctuation.
 * White space separates tokens and is not compared; a newline is a
 * paragraph break, compared like a token.  Appends the runs to 'out';
 * returns 1 when the texts differ, 0 when they are the same token for
 * token, or < 0 on error.
 */
int st_diff_text(st_diff_runs *out, const char *a, size_t alen, const char *b, size_t blen);

/* ---- drafts ----------------------------------------------------------- */

typedef enum {
	ST_CHANGE_CHANGED = 1,  /* its own text or its attributes changed */
	ST_CHANGE_INSERTED,     /* new in TO (with what is new inside it) */
	ST_CHANGE_DELETED,      /* gone from TO (with what went inside it) */
	ST_CHANGE_MOVED         /* another parent, or another order; maybe changed too */
} st_change_type;

/* Where a unit stands in one version. */
typedef struct {
	int present;
	char *number;        /* computed, bare: "5.2", "A.1", "(3)"; "" when none */
	char *label;         /* as a reader names it: "5.2", "表 A.1", "Annex B"; "" when none */
	char *title;         /* its title or first words, at most 60 characters; "" when none */
	char *parent;        /* the key of the unit it is in ("" for the document) */
	size_t position;     /* 1, 2 ... among the units in that parent */
} st_change_side;

/* An attribute of the element itself that differs (not its id). */
typedef struct {
	char *name;          /* "content-type", "xml:lang" */
	char *from;          /* its value, or NULL where it is absent */
	char *to;
} st_attr_change;

typedef struct {
	st_change_type type;
	int text_changed;    /* for ST_CHANGE_MOVED: its text changed as well */
	int parent_changed;  /* for ST_CHANGE_MOVED: into another parent (else reordered) */
	char *element;       /* "sec", "table-wrap", "tbx:termEntry" ... */
	char *id;            /* its id, or NULL */
	char *key;           /* its id, or the key made for it */
	st_change_side from, to;
	st_attr_change *attrs; /* changed and moved: its attributes that differ */
	size_t nattrs;
	/*
	 * Changed: the token diff of its own text.  Inserted or deleted: its
	 * whole text and that of the units inside it that are new (gone) too,
	 * each of those introduced by its number, as one run.  Moved without a
	 * change: nothing.
	 */
	st_diff_runs text;
} st_change;

typedef struct {
	st_change *changes;  /* in TO's document order, deletions at their old place */
	size_t n, alloc;
	size_t changed, inserted, deleted, moved;  /* by type; they add up to n */
	size_t units_from, units_to;               /* units compared */
} st_draft_diff;

/*
 * Compares the drafts 'from' and 'to' (numbered by 'from_profile' and
 * 'to_profile'; ST_PROFILE_NONE: what each draft says).  The documents are
 * only read, but their nodes' _private fields are used meanwhile.
 */
int st_draft_diff_compute(st_draft_diff **out, xmlDoc *from, st_profile from_profile,
			  xmlDoc *to, st_profile to_profile);
void st_draft_diff_free(st_draft_diff *diff);

/* What each side of a comparison was, for the document's header. */
typedef struct {
	const char *source;  /* "stage", "revision", "worktree", "file" */
	const char *spec;    /* as given on the command line, or NULL (the default) */
	const char *tag;     /* the stage tag, or NULL */
	const char *stage;   /* the draft's stage in that version ("30.20"), or NULL */
	const char *commit;  /* the commit id, or NULL */
	const char *path;    /* drafts/ID/draft.xml, or the file's path */
} st_diff_version;

typedef struct {
	const char *draft;   /* the draft id, or NULL for two files */
	st_profile profile;
	st_diff_version from, to;
} st_diff_header;

/* Appends the comparison as the XML of schemas/draft-diff.rng. */
int st_draft_diff_xml(st_buf *out, const st_draft_diff *diff, const st_diff_header *header);

/*
 * The stage entry of 'meta' that 'spec' names, when 'spec' is a stage:
 * a code ("30.20") names the last time the draft was at exactly that
 * stage; a name ("cd", "征求意见稿") the last time it entered that stage.
 * Returns 1 and sets *out when found; 0 when 'spec' is not a stage at all
 * (so it may be a Git revision); ST_ENOTFOUND when the draft never
 * reached that stage.
 */
int st_diff_find_stage(const st_draft_stage **out, const st_draft_meta *meta, const char *spec);

#endif
