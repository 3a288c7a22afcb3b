/*
 * st_claim.h: what an organisation may claim under a policy, item by item,
 * with the reasons as stable codes and the parameter that decided each.
 *
 * Amounts are whole yuan in long long from policy file to output; 万元 is
 * a way of printing, never a value.  Objects through **out are the
 * caller's, freed with the matching _free(), which accepts NULL.
 */
#ifndef ST_CLAIM_H
#define ST_CLAIM_H

#include <stddef.h>

#include "st_buf.h"
#include "st_date.h"
#include "st_org.h"
#include "st_policy.h"
#include "st_repo.h"
#include "st_secretariat.h"
#include "st_standard.h"

typedef struct {
	char code[32];   /* NOT_LEAD, OUT_OF_WINDOW, ... */
	char param[4];   /* A1 ... A15, or "" */
	char *message;   /* in the user's language */
	char *message_c; /* untranslated, for machine-readable output */
} st_reason;

typedef struct {
	char *ref;          /* the standard's id, or the committee id */
	const char *kind;   /* "standard" or "secretariat" */
	char *label;        /* number and title, or committee */
	char *number;       /* a standard's number; NULL for a secretariat */
	char level[16];
	st_date date;       /* the date the window was read from */
	int eligible;
	long long amount_yuan, ceiling_yuan;
	st_reason *reasons;
	size_t nreasons;
	char **evidence;    /* what to attach, in the user's language */
	char **evidence_c;
	size_t nevidence;
} st_claim_item;

typedef struct {
	st_org *org;
	const st_policy *policy; /* borrowed */
	st_date as_of;
	st_claim_item *items;
	size_t nitems;
	long long total_yuan;
} st_claim;

/* Items already filed under one policy, by every organisation. */
typedef struct st_ledger st_ledger;

int st_ledger_load(st_ledger **out, st_repo *repo, const char *policy_id);
void st_ledger_free(st_ledger *ledger);

/*
 * Computes the claim of 'org' over its standards and secretariats (the
 * arrays are borrowed; pass only those involving the organisation, or all
 * of them).
 */
int st_claim_compute(st_claim **out, const st_policy *policy, const st_org *org,
		     st_standard *const *standards, size_t nstandards,
		     st_secretariat *const *secretariats, size_t nsecretariats,
		     const st_ledger *ledger, st_date as_of);
void st_claim_free(st_claim *claim);

size_t st_claim_eligible_count(const st_claim *claim);

/* The claim document (root "claim"); 'translated' picks the messages. */
int st_claim_to_xml(st_buf *out, const st_claim *claim, int translated);
/* A readable table, amounts in 万元 with two decimals. */
int st_claim_to_text(st_buf *out, const st_claim *claim);

/* "123.46": yuan as 万元 with two decimals, rounded half up. */
void st_yuan_to_wan(char *out, size_t size, long long yuan);

/*
 * Records the eligible items of 'claim' in claims/POLICY/USCC.xml, one
 * commit.  *filed receives how many items were filed; nothing is written
 * when none is eligible.
 */
int st_claim_file(st_repo *repo, const st_claim *claim, const char *author, size_t *filed);

#endif
