/*
 * st_policy.h: a grant policy as data.  Every open question of the policy
 * text is a parameter (A1 to A15 of the design) in a policy file validated
 * against schemas/policy.rng; the claim rules read only this structure.
 *
 * An st_policy through st_policy **out is the caller's, freed with
 * st_policy_free().
 */
#ifndef ST_POLICY_H
#define ST_POLICY_H

#include <stddef.h>

#include "st_date.h"

typedef struct {
	char **items;
	size_t count;
} st_words;

int st_words_has(const st_words *words, const char *word);

typedef struct {
	char *id, *title, *document, *issuer, *clause;
	st_words applicants;          /* A1 */
	char *national_lead;          /* A2: rank-1 | any-drafter */
	char *lead_iso, *lead_itu;    /* A3: the role that leads */
	char *convenor;               /* A3: counted | needs-review | not-counted */
	int revision_percent;         /* A4 */
	char *window_date;            /* A5: published | implemented */
	st_date from, to;             /* A5, inclusive */
	st_words bodies;              /* A6 */
	st_words deliverables;        /* A7 */
	char *several_leads;          /* A8: rank-1-only | each-lead */
	st_words sec_applicants;      /* A9 */
	st_words committee_kinds;     /* A10 */
	char *sec_timing;             /* A11: approved-in-window | held-in-window */
	int sec_once;                 /* A11 */
	char *funding_same_policy;    /* A12: refuse | allow, and per source: */
	char *funding_provincial, *funding_municipal, *funding_district, *funding_national;
	long long yearly_cap;         /* A13: 0 = none */
	st_words fields;              /* A14 */
	char *region_prefix;          /* A15: "" = anywhere */
	long long standard_amount[3]; /* international national industry */
	long long secretariat_amount[3]; /* international national provincial */
} st_policy;

/* Reads, validates (schemas/policy.rng under 'datadir') and loads a policy. */
int st_policy_load_file(st_policy **out, const char *path, const char *datadir);
int st_policy_load_memory(st_policy **out, const char *data, size_t len,
			  const char *name, const char *datadir);
void st_policy_free(st_policy *policy);

struct st_repo;
/*
 * Finds a policy by name or file: a value with a '/' or ending in ".xml"
 * is a file; a name is looked for in the repository's committed
 * policies/NAME.xml, then in DATADIR/policies/NAME.xml.
 */
int st_policy_find(st_policy **out, struct st_repo *repo, const char *name_or_file,
		   const char *datadir);

/* The ceiling for a standard of 'level' or a secretariat of 'level' (0: none). */
long long st_policy_standard_amount(const st_policy *policy, const char *level);
long long st_policy_secretariat_amount(const st_policy *policy, const char *level);

/* The funding rule for a source ("provincial" ...): "refuse" or "allow". */
const char *st_policy_funding_rule(const st_policy *policy, const char *source);

#endif
