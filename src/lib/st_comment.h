/*
 * st_comment.h: committee comments on a draft (doc/comments.md).
 *
 * A comment is one record, drafts/ID/comments/N.xml, numbered 1, 2 ... per
 * draft and never renumbered, except by a sync that merges comments two
 * sites numbered alike (st_comment_merge.h).  It names the element it is about by the
 * element's id, so it follows the element when clauses are renumbered;
 * st_comment_draft turns a number typed by a person ("5.2", "A.1",
 * "Table 1") into that id and back.  drafts/ID/comments/round.xml keeps
 * the units the draft was sent to, those that answered without comments,
 * and the last number given.
 *
 * Ownership: what a function hands out through 'T **out' is freed with the
 * matching st_..._free(); st_comments and st_comment_round are embedded
 * structures released with st_comments_dispose() and
 * st_comment_round_dispose().  Every free and dispose accepts NULL or an
 * empty value.
 */
#ifndef ST_COMMENT_H
#define ST_COMMENT_H

#include <stddef.h>

#include <libxml/tree.h>

#include "st_buf.h"
#include "st_draft.h"
#include "st_repo.h"

typedef enum {
	ST_COMMENT_TYPE_NONE = 0,  /* not given (the SAC table has no type) */
	ST_COMMENT_GE,             /* general */
	ST_COMMENT_TE,             /* technical */
	ST_COMMENT_ED              /* editorial */
} st_comment_type;

typedef enum {
	ST_DISPOSITION_OPEN = 0,
	ST_DISPOSITION_ACCEPTED,           /* 采纳 */
	ST_DISPOSITION_ACCEPTED_MODIFIED,  /* 部分采纳 */
	ST_DISPOSITION_REJECTED,           /* 未采纳: needs the reason */
	ST_DISPOSITION_NOTED               /* ISO only */
} st_disposition;

/* Longest texts, in characters. */
#define ST_COMMENT_LABEL_MAX 200
#define ST_COMMENT_TEXT_MAX 20000

typedef struct {
	unsigned number;
	st_comment_type type;
	char *by;          /* member body (MB/NC) or 提出单位 */
	char *clause;      /* an element id of the draft; NULL: the whole document */
	char *line;        /* "17" or "17-19", or NULL */
	char *paragraph;   /* "Table 1", or NULL */
	char *text;
	char *proposal;    /* or NULL */
	char *remark;      /* 备注 of the SAC table, or NULL */
	char stage[6];     /* the draft's stage when the comment was made */
	char date[11];
	st_disposition disposition;
	char *note;        /* the reason or remark of the disposition, or NULL */
	char resolved[11]; /* the date of the disposition, or "" */
	size_t source_line; /* the line of an imported row, for messages */
} st_comment;

/* A new empty comment (ST_ERROR when out of memory). */
int st_comment_new(st_comment **out);
void st_comment_free(st_comment *comment);

/* "ge", "te", "ed" (any case; also "general", "technical", "editorial"). */
int st_comment_type_parse(st_comment_type *out, const char *text);
/* "ge", "te", "ed", or "" for none. */
const char *st_comment_type_name(st_comment_type type);

/* accepted, accepted-modified, rejected, noted, or 采纳, 部分采纳, 未采纳. */
int st_disposition_parse(st_disposition *out, const char *text);
/* The value ("accepted-modified"), or "open". */
const char *st_disposition_name(st_disposition d);
/*
 * Whether 'd' with 'note' may be recorded on a draft of 'profile': a
 * rejection needs its reason, and a GB/T draft (the SAC table) has no
 * 'noted'.  0 or ST_EINVALID.
 */
int st_disposition_check(st_disposition d, const char *note, st_profile profile);
/*
 * Reads a filled 处理意见 / "Observations of the secretariat" cell: a
 * disposition word (采纳, 部分采纳, 未采纳, 不采纳, Accepted, Accepted with
 * modification(s), Accepted in principle, Partially accepted, Not accepted,
 * Rejected, Noted, or a value of st_disposition_parse) and then, after any
 * punctuation, the note.  An empty cell gives ST_DISPOSITION_OPEN.  *note
 * is a new string or NULL.  ST_EINVALID when the cell starts otherwise.
 */
int st_disposition_from_text(st_disposition *out, char **note, const char *text);

/*
 * Checks and normalises a comment typed or imported: trims every text,
 * turns CR LF into LF, and refuses an empty comment text, a 'by' that is
 * not a one-line label, a malformed line ("17" or "17-19"), control
 * characters and texts that are too long.  ST_EINVALID with the reason.
 */
int st_comment_normalise(st_comment *comment);
/* Normalises and checks a line number ("17", "17-19", "17–19"). */
int st_comment_line_parse(char **out, const char *text);

/* Reads and writes drafts/ID/comments/N.xml. */
int st_comment_parse(st_comment **out, const char *data, size_t len, const char *name);
int st_comment_serialise(st_buf *out, const st_comment *comment);
/* "drafts/ID/comments/N.xml"; with n == 0 "drafts/ID/comments/round.xml". */
void st_comment_path(st_buf *out, const char *draft, unsigned n);

/* The units of round.xml. */
typedef struct {
	char **items;
	size_t n, alloc;
} st_unit_list;

int st_unit_list_has(const st_unit_list *list, const char *unit);
int st_unit_list_add(st_unit_list *list, const char *unit);

typedef struct {
	unsigned last_number;      /* the highest number ever given */
	st_unit_list sent;         /* the units the draft was sent to */
	st_unit_list replied;      /* the units that answered without comments */
} st_comment_round;

void st_comment_round_dispose(st_comment_round *round);
int st_comment_round_parse(st_comment_round *out, const char *data, size_t len, const char *name);
int st_comment_round_serialise(st_buf *out, const st_comment_round *round);

/* The comments of a draft, by number. */
typedef struct {
	st_comment **items;
	size_t n, alloc;
} st_comments;

void st_comments_dispose(st_comments *comments);
int st_comments_add(st_comments *comments, st_comment *comment);
/* The comment numbered 'number', or NULL (borrowed). */
st_comment *st_comments_find(const st_comments *comments, unsigned number);
/* The number the next comment gets. */
unsigned st_comments_next_number(const st_comments *comments, const st_comment_round *round);
/* Comments still without a disposition. */
size_t st_comments_open(const st_comments *comments);

/*
 * Reads the committed comments of draft 'id' (sorted by number) and its
 * round.xml (all empty when there is none); 'round' may be NULL.  A file
 * whose number disagrees with its name is an error.
 */
int st_comments_read(st_comments *out, st_comment_round *round, st_repo *repo, const char *id);

/*
 * The footer counts of the SAC table: sent = units the draft was sent to;
 * replied with comments = distinct 'by' of the comments; replied = those
 * and the units that answered without comments (each counted once);
 * not replied = sent - replied, never below 0.
 */
typedef struct {
	size_t sent, replied, with_comments, not_replied;
} st_comment_counts;

int st_comment_counts_compute(st_comment_counts *out, const st_comment_round *round,
			      const st_comments *comments);

/* A draft's text, numbered, for finding and naming the elements commented on. */
typedef struct st_comment_draft st_comment_draft;

int st_comment_draft_load(st_comment_draft **out, const char *data, size_t len,
			  const char *name, st_profile profile);
/* The committed drafts/ID/draft.xml. */
int st_comment_draft_read(st_comment_draft **out, st_repo *repo, const char *id,
			  st_profile profile);
void st_comment_draft_free(st_comment_draft *draft);
st_profile st_comment_draft_profile(const st_comment_draft *draft);

/*
 * Finds what 'ref' names: an element id of the draft; a number as the draft
 * numbers it now ("5", "5.2", "3.4" for a term entry, "A" or "A.1" in an
 * annex); a number with its word ("Clause 5", "Annex A", "Table 1",
 * "Figure A.2", "Formula (3)", "第5章", "5.2条", "附录A", "表1", "图2",
 * "公式(1)"); or the title of an unnumbered section ("Foreword", "前言").
 * "general", "总体", "全文" and "" name the whole document: *id is NULL.
 * Otherwise *id is the element's id (a new string).  ST_EINVALID when
 * nothing matches, or the element matched has no id.
 */
int st_comment_clause_resolve(char **id, const st_comment_draft *draft, const char *ref);

/* What st_comment_clause_label() found. */
enum st_clause_state {
	ST_CLAUSE_GENERAL = 0,  /* no id: the whole document; 'out' unchanged */
	ST_CLAUSE_FOUND,        /* 'out' has the label */
	ST_CLAUSE_MISSING       /* the id is no longer in the draft; 'out' unchanged */
};

/*
 * Appends how the element 'id' is numbered now: "5.2" for a clause,
 * subclause or term entry, "Table 1" / "表 1" for a table, figure,
 * formula or annex, the title of an unnumbered section, and for anything
 * else (a paragraph, a note) the label of the nearest of those around it.
 * Returns an st_clause_state, or < 0 on error.
 */
int st_comment_clause_label(st_buf *out, const st_comment_draft *draft, const char *id);

/*
 * Import (doc/comments.md): the ISO comment form or the SAC table as CSV
 * (UTF-8, header names in any order), or the XML of st_comment_form().
 * Every row is checked; 'report' is called with the line and message of
 * each problem.  The comments read go to 'out' (numbers 0: the caller
 * gives them), with stage and date from the XML or else 'stage' and
 * 'date'; units named in the XML go to 'units' (may be NULL).  Returns
 * ST_EINVALID when anything was reported, and *problems counts them.
 */
typedef void (*st_comment_report)(size_t line, const char *message, void *payload);

typedef struct {
	const char *name;              /* the file, in messages */
	const st_comment_draft *draft; /* clauses are resolved here */
	const st_comments *existing;   /* a row equal to one of these is refused */
	const char *stage;             /* the draft's stage now */
	const char *date;              /* today */
	const char *datadir;           /* where schemas/comment-form.rng is */
	st_comment_report report;
	void *payload;
} st_comment_import_options;

int st_comment_import(st_comments *out, st_comment_round *units, const char *data, size_t len,
		      const st_comment_import_options *opts, size_t *problems);

/*
 * The comment form as XML (schemas/comment-form.rng): the draft's number,
 * title and committee, 'stage' and 'date', every comment (or only the
 * open ones) with its clause as numbered now, the units and the counts.
 */
typedef struct {
	const char *draft_id;
	const char *stage;
	const char *date;
	int open_only;
} st_comment_form_options;

int st_comment_form(xmlDoc **out, const st_comment_draft *draft, const st_comments *comments,
		    const st_comment_round *round, const st_comment_form_options *opts);

/*
 * The guard of stage 30 (DESIGN 8): ST_EINVALID, naming how many comments
 * are open and the first few numbers, when a comment of draft 'id' has no
 * disposition yet.
 */
int st_comment_guard_stage(st_repo *repo, const char *id);

#endif
