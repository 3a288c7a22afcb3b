/*
 * st_ballot.h: ballots on drafts (doc/ballots.md): the voting rules as pure
 * functions over a tally, the ballot and vote records, the roster read
 * from CSV, and the repository operations on them.
 *
 * A ballot lives in drafts/ID/ballots/N/: ballot.xml (type, dates, the
 * rule as used, the roster and, once closed, the result) and one file per
 * vote, votes/MEMBER.xml, so that votes recorded at two sites merge in Git
 * without conflict.
 *
 * Every count is an integer and every rule is decided by cross
 * multiplication: counts are 32-bit, fractions have terms of at most
 * ST_FRACTION_MAX, so every product fits in 64 bits with room to spare.
 *
 * Ownership: st_ballot and st_ballot_vote objects are freed with
 * st_ballot_free() and st_ballot_vote_free(); both accept NULL.
 */
#ifndef ST_BALLOT_H
#define ST_BALLOT_H

#include <stddef.h>
#include <stdint.h>

#include "st_buf.h"
#include "st_draft.h"
#include "st_repo.h"

/* ------------------------------------------------------------------ */
/* The rules                                                            */

/* A share: num/den with 0 <= num <= den, 1 <= den <= ST_FRACTION_MAX. */
#define ST_FRACTION_MAX 1000
typedef struct {
	unsigned num, den;
} st_fraction;

/* Parses "2/3"; 'what' names the value in messages.  ST_EINVALID. */
int st_fraction_parse(st_fraction *out, const char *text, const char *what);
/* "2/3" into 'out' (at least 12 bytes). */
void st_fraction_format(char out[12], st_fraction f);

typedef enum {
	ST_BALLOT_NI = 1,       /* ISO new work item proposal */
	ST_BALLOT_CD,           /* ISO committee draft */
	ST_BALLOT_DIS,          /* ISO enquiry */
	ST_BALLOT_FDIS,         /* ISO final draft */
	ST_BALLOT_SAC_REVIEW    /* SAC TC review of a 送审稿 */
} st_ballot_type;

int st_ballot_type_parse(st_ballot_type *out, const char *text);
const char *st_ballot_type_name(st_ballot_type type);
/* 1 for the ISO types, whose rosters have P- and O-members. */
int st_ballot_type_is_iso(st_ballot_type type);
/* 0 when 'type' suits a draft of 'profile', else ST_EINVALID saying why. */
int st_ballot_type_fits(st_ballot_type type, st_profile profile);

typedef enum {
	ST_MEMBER_P = 0,   /* ISO P-member (participating) */
	ST_MEMBER_O,       /* ISO O-member (observing) */
	ST_MEMBER_MEMBER,  /* SAC committee member (委员) */
	ST_MEMBER_CATEGORIES
} st_ballot_category;

int st_ballot_category_parse(st_ballot_category *out, const char *text);
const char *st_ballot_category_name(st_ballot_category category);

typedef enum {
	ST_VOTE_YES = 1,
	ST_VOTE_NO,
	ST_VOTE_ABSTAIN
} st_vote_value;

int st_vote_value_parse(st_vote_value *out, const char *text);
const char *st_vote_value_name(st_vote_value value);

/* The votes of one category of members. */
typedef struct {
	uint32_t members;        /* on the roster */
	uint32_t yes;
	uint32_t no;             /* negative votes that count */
	uint32_t no_unreasoned;  /* ISO: negative votes without technical reasons, not counted */
	uint32_t abstain;
} st_ballot_count;

typedef struct {
	st_ballot_count by[ST_MEMBER_CATEGORIES];
} st_ballot_tally;

/* What a share is taken of. */
typedef enum {
	ST_BASIS_P_VOTES = 1,  /* P-member votes cast: yes + no, abstentions and
				  negative votes without reasons not counted */
	ST_BASIS_VOTES,        /* all votes cast, the same way, every category */
	ST_BASIS_REPLIES,      /* every member who voted, abstaining included */
	ST_BASIS_MEMBERS       /* every member on the roster */
} st_ballot_basis;

const char *st_ballot_basis_name(st_ballot_basis basis);
int st_ballot_basis_parse(st_ballot_basis *out, const char *text);

typedef struct {
	int set;
	int more_than;      /* in favour: strictly more than 'share' (a simple majority) */
	st_fraction share;
	st_ballot_basis of;
} st_ballot_condition;

/*
 * A rule: a quorum (members voting, of the roster), a share in favour
 * needed and a share against allowed.  Unset conditions do not apply;
 * in_favour is always set.
 */
typedef struct {
	st_ballot_condition quorum, in_favour, against;
} st_ballot_rule;

/* The SAC review's parameters as the repository sets them. */
typedef struct {
	st_fraction approve, quorum, max_against;
	int has_max_against;
} st_ballot_sac_params;

/* The defaults: 3/4 in favour, quorum 2/3, no limit against. */
void st_ballot_sac_defaults(st_ballot_sac_params *out);

/*
 * The rule of a ballot type: the ISO Directives' for ni, cd, dis and fdis,
 * 'sac' (NULL: the defaults) for sac-review.
 */
void st_ballot_rule_for(st_ballot_rule *out, st_ballot_type type, const st_ballot_sac_params *sac);

typedef enum {
	ST_OUTCOME_NOT_APPROVED = 0,
	ST_OUTCOME_APPROVED,
	ST_OUTCOME_VOID         /* too few members voted: the vote does not count */
} st_ballot_outcome;

const char *st_ballot_outcome_name(st_ballot_outcome outcome); /* "not-approved" ... */
/* The outcome in words, translated: "approved", "not approved", "void". */
const char *st_ballot_outcome_text(st_ballot_outcome outcome);
int st_ballot_outcome_parse(st_ballot_outcome *out, const char *text);

/* One condition applied: part of whole, and whether it was met. */
typedef struct {
	int set, met;
	uint64_t part, whole;
} st_ballot_check;

typedef struct {
	st_ballot_outcome outcome;
	st_ballot_check quorum, in_favour, against;
} st_ballot_result;

/*
 * Decides a ballot: pure, integer arithmetic only.  A condition with
 * nothing to take a share of (no votes cast) is not met; a quorum that is
 * not met, or no member voting at all, makes the ballot void when the rule
 * has a quorum.  ST_EINVALID for a rule with a fraction out of range.
 */
int st_ballot_decide(st_ballot_result *out, const st_ballot_rule *rule,
		     const st_ballot_tally *tally);

/* 100 * part / whole, rounded down; 0 when whole is 0. */
unsigned st_ballot_percent(uint64_t part, uint64_t whole);

/*
 * Says in words why the ballot passed or failed, with the figures: one
 * piece per condition, then the outcome, each piece followed by 'sep'
 * except the last.
 */
int st_ballot_explain(st_buf *out, const st_ballot_rule *rule, const st_ballot_result *result,
		      const char *sep);

/* The rule in words ("at least 2/3 of the P-member votes cast in favour; ..."). */
int st_ballot_rule_describe(st_buf *out, const st_ballot_rule *rule);

/* ------------------------------------------------------------------ */
/* The records                                                          */

/* Longest member name, in characters, and its file name, in bytes. */
#define ST_BALLOT_MEMBER_MAX_CHARS 100
#define ST_BALLOT_FILE_NAME_MAX 200
/* Most members on a roster. */
#define ST_BALLOT_MAX_MEMBERS 10000

typedef struct {
	char *name;
	st_ballot_category category;
} st_ballot_member;

typedef struct {
	char *draft;
	unsigned number;
	st_ballot_type type;
	char opened[11], closes[11];
	char stage[6];             /* the draft's stage when the ballot was opened */
	st_ballot_rule rule;
	st_ballot_member *members;
	size_t nmembers, amembers;
	/* after closing */
	int closed;
	char closed_on[11];
	int early;                 /* closed before the end of the closing date */
	st_ballot_outcome outcome;
	st_ballot_tally tally;
} st_ballot;

void st_ballot_free(st_ballot *ballot);
int st_ballot_parse(st_ballot **out, const char *data, size_t len, const char *name);
int st_ballot_serialise(st_buf *out, const st_ballot *ballot);

/* The roster entry for 'name' (ASCII letters compared without case), or NULL. */
const st_ballot_member *st_ballot_find_member(const st_ballot *ballot, const char *name);

/*
 * Reads a roster (CSV with the columns member and category; other columns
 * are ignored) into ballot->members, checking each category against
 * ballot->type.  Each bad row is passed to 'report' with its line; the
 * return is then ST_EINVALID with "NAME: N bad rows" as the message.
 */
typedef void (*st_ballot_report)(size_t line, const char *message, void *payload);
int st_ballot_roster_parse(st_ballot *ballot, const char *data, size_t len, const char *name,
			   st_ballot_report report, void *payload);

typedef struct {
	char *member;
	st_ballot_category category;
	st_vote_value vote;
	char *reason;   /* or NULL */
	char date[11];
} st_ballot_vote;

void st_ballot_vote_free(st_ballot_vote *vote);
int st_ballot_vote_parse(st_ballot_vote **out, const char *data, size_t len, const char *name);
int st_ballot_vote_serialise(st_buf *out, const st_ballot_vote *vote);

/*
 * The file name of a member's vote (doc/ballots.md): the name in UTF-8 with
 * '%XX' for every byte that is not safe in a file name on common systems,
 * then ".xml".  ST_EINVALID when it would be longer than
 * ST_BALLOT_FILE_NAME_MAX bytes.
 */
int st_ballot_member_file(st_buf *out, const char *member);

/*
 * Counts 'votes' against the roster of 'ballot'.  A vote by someone not
 * on the roster, under another category, twice, or in a file named for
 * someone else is an error (ST_EINVALID naming the file).
 */
int st_ballot_count_votes(st_ballot_tally *out, const st_ballot *ballot,
			  st_ballot_vote *const *votes, size_t n);

/* ------------------------------------------------------------------ */
/* The repository                                                       */

/* "drafts/ID/ballots/N/" followed by 'file'. */
void st_ballot_path(st_buf *out, const char *draft, unsigned number, const char *file);

/* Reads ballot 'number' of 'draft' as committed.  ST_ENOTFOUND when absent. */
int st_ballot_read(st_ballot **out, st_repo *repo, const char *draft, unsigned number);

/*
 * The number of the draft's latest ballot, 0 when it has none.  Ballots are
 * numbered 1, 2, 3 ... without gaps.
 */
int st_ballot_latest(unsigned *out, st_repo *repo, const char *draft);

/* The votes cast in 'ballot', as committed, in file-name order. */
typedef struct {
	st_ballot_vote **votes;
	size_t n, alloc;
} st_ballot_votes;
void st_ballot_votes_dispose(st_ballot_votes *votes);
int st_ballot_read_votes(st_ballot_votes *out, st_repo *repo, const st_ballot *ballot);

/* The vote of 'member' among 'votes', or NULL. */
const st_ballot_vote *st_ballot_votes_find(const st_ballot_votes *votes, const char *member);

/*
 * The SAC review's parameters from the repository's config record
 * (stdtool.xml, element ballot-rules/sac-review); the defaults where it
 * says nothing.  ST_EINVALID for a value that is not a fraction in range.
 */
int st_ballot_sac_config(st_ballot_sac_params *out, st_repo *repo);

/*
 * The guard of stage 'to' (50, or 60 skipping 50): 0 when the draft's
 * latest ballot of the type that decides it (dis for an ISO draft,
 * sac-review for a GB/T one) is closed and approved; otherwise
 * ST_EINVALID saying what is missing.
 */
int st_ballot_stage_guard(st_repo *repo, const char *draft, st_profile profile, int to);

#endif
