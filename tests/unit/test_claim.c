/*
 * test_claim.c: every rule of the claim, under the shipped policy and under
 * a policy file with other answers (tests/data/policies/alt-policy.xml).
 * Each case names the clause words or the parameter that decides it.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "st_buf.h"
#include "st_claim.h"
#include "st_error.h"
#include "st_org.h"
#include "st_policy.h"
#include "suites.h"

#define APP "91440300MA5FK2L751"   /* the applicant, Shenzhen */
#define OTHER "91440101MA9XR3A45U" /* another Guangdong enterprise */
#define SHANGHAI "91310115MA1K4Q6R97"

struct claim_case {
	const char *name;
	int alt;                 /* 0: shipped policy, 1: alt-policy.xml */
	const char *kind, *uscc; /* the applicant */
	long as_of;              /* 0: 2026-11-25 */
	/* a standard ... */
	const char *level, *number, *fields, *published, *implemented, *revision_of;
	const char *drafters;    /* "A:1 O:2": A the applicant, O the other */
	const char *roles;       /* "A:project-leader O:convenor" */
	const char *funding;     /* "provincial:programme" */
	/* ... or a secretariat */
	const char *committee, *sec_level, *sec_kind, *approved, *ended;
	/* expected */
	int eligible;
	long long amount;
	const char *code, *param;
};

#define STD(lv, num, f, pub) NULL, lv, num, f, pub
#define SEC(c, lv, k, ap) c, lv, k, ap

static const struct claim_case cases[] = {
	/* 主导制定国际标准 ... 每项最高50万元 */
	{ "ISO standard, employee is project leader (A3)", 0, "enterprise", APP, 0,
	  "international", "ISO 10218-1:2025", "robotics", "2025-06-01", NULL, NULL, "O:1", "A:project-leader", NULL,
	  NULL, NULL, NULL, NULL, NULL, 1, 500000, "LEAD_PROJECT_LEADER", "A3" },
	{ "ITU-T Recommendation, employee is editor (A3)", 0, "enterprise", APP, 0,
	  "international", "ITU-T Y.3172", "ai", "2025-06-01", NULL, NULL, NULL, "A:editor", NULL,
	  NULL, NULL, NULL, NULL, NULL, 1, 500000, "LEAD_EDITOR", "A3" },
	{ "convenor alone is for an officer (default A3)", 0, "enterprise", APP, 0,
	  "international", "ISO/IEC 42001:2025", "ai", "2025-06-01", NULL, NULL, NULL, "A:convenor O:project-leader", NULL,
	  NULL, NULL, NULL, NULL, NULL, 0, 0, "NEEDS_REVIEW", "A3" },
	{ "an expert is not a lead (A3)", 0, "enterprise", APP, 0,
	  "international", "ISO 8373:2026", "robotics", "2026-01-10", NULL, NULL, NULL, "A:expert", NULL,
	  NULL, NULL, NULL, NULL, NULL, 0, 0, "NOT_LEAD", "A3" },
	{ "co-project leaders, applicant first in the drafting order (default A8)", 0, "enterprise", APP, 0,
	  "international", "ISO 11111:2025", "robotics", "2025-06-01", NULL, NULL, "A:1 O:2", "A:project-leader O:project-leader", NULL,
	  NULL, NULL, NULL, NULL, NULL, 1, 500000, "LEAD_PROJECT_LEADER", "A3" },
	{ "co-project leaders, applicant second (default A8)", 0, "enterprise", APP, 0,
	  "international", "ISO 11112:2025", "robotics", "2025-06-01", NULL, NULL, "O:1 A:2", "A:project-leader O:project-leader", NULL,
	  NULL, NULL, NULL, NULL, NULL, 0, 0, "SHARED_LEAD_NOT_FIRST", "A8" },
	{ "co-project leaders, no drafting order (default A8)", 0, "enterprise", APP, 0,
	  "international", "ISO 11113:2025", "robotics", "2025-06-01", NULL, NULL, NULL, "A:project-leader O:project-leader", NULL,
	  NULL, NULL, NULL, NULL, NULL, 0, 0, "NEEDS_REVIEW", "A8" },
	/* 国家标准 ... 30万元 */
	{ "GB/T, first drafting unit (default A2)", 0, "enterprise", APP, 0,
	  "national", "GB/T 45001—2025", "robotics", "2025-06-01", NULL, NULL, "A:1 O:2", NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL, 1, 300000, "LEAD_RANK_1", "A2" },
	{ "GB mandatory standard, sole drafter (default A2)", 0, "research-institute", "12440000455601021N", 0,
	  "national", "GB 45002—2025", "ai", "2025-06-01", NULL, NULL, "A:1", NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL, 1, 300000, "LEAD_SOLE_DRAFTER", "A2" },
	{ "GB/T, second drafting unit (default A2)", 0, "enterprise", APP, 0,
	  "national", "GB/T 45003—2025", "robotics", "2025-06-01", NULL, NULL, "O:1 A:2", NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL, 0, 0, "NOT_LEAD", "A2" },
	/* 行业标准 ... 15万元 */
	{ "JB/T industry standard, first unit", 0, "enterprise", APP, 0,
	  "industry", "JB/T 14567—2025", "robotics", "2025-06-01", NULL, NULL, "A:1", NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL, 1, 150000, "LEAD_SOLE_DRAFTER", "A2" },
	{ "local standards are not named in the clause", 0, "enterprise", APP, 0,
	  "local", "DB44/T 2456—2025", "robotics", "2025-06-01", NULL, NULL, "A:1", NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL, 0, 0, "LEVEL_NOT_FUNDED", "" },
	{ "group standards are not named in the clause", 0, "enterprise", APP, 0,
	  "group", "T/CAS 123—2025", "robotics", "2025-06-01", NULL, NULL, "A:1", NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL, 0, 0, "LEVEL_NOT_FUNDED", "" },
	{ "a technical specification is not a standard (default A7)", 0, "enterprise", APP, 0,
	  "international", "ISO/TS 15066:2025", "robotics", "2025-06-01", NULL, NULL, NULL, "A:project-leader", NULL,
	  NULL, NULL, NULL, NULL, NULL, 0, 0, "DELIVERABLE_NOT_FUNDED", "A7" },
	{ "a GB/Z guidance document is not a standard (default A7)", 0, "enterprise", APP, 0,
	  "national", "GB/Z 41234—2025", "ai", "2025-06-01", NULL, NULL, "A:1", NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL, 0, 0, "DELIVERABLE_NOT_FUNDED", "A7" },
	/* 有效期至2027年12月31日; issued 2025-03-09 */
	{ "published the day before the policy (default A5)", 0, "enterprise", APP, 0,
	  "national", "GB/T 45004—2025", "robotics", "2025-03-08", NULL, NULL, "A:1", NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL, 0, 0, "OUT_OF_WINDOW", "A5" },
	{ "published the day the policy was issued (default A5)", 0, "enterprise", APP, 0,
	  "national", "GB/T 45005—2025", "robotics", "2025-03-09", NULL, NULL, "A:1", NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL, 1, 300000, "LEAD_SOLE_DRAFTER", "A2" },
	{ "published the last day of the policy (default A5)", 0, "enterprise", APP, 20280115,
	  "national", "GB/T 45006—2027", "robotics", "2027-12-31", NULL, NULL, "A:1", NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL, 1, 300000, "LEAD_SOLE_DRAFTER", "A2" },
	{ "published after the policy expired (default A5)", 0, "enterprise", APP, 20280115,
	  "national", "GB/T 45007—2028", "robotics", "2028-01-01", NULL, NULL, "A:1", NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL, 0, 0, "OUT_OF_WINDOW", "A5" },
	{ "not yet published on the claim date (A5)", 0, "enterprise", APP, 0,
	  "national", "GB/T 45008—2027", "robotics", "2027-05-01", NULL, NULL, "A:1", NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL, 0, 0, "NOT_YET_PUBLISHED", "A5" },
	/* 对于企业、科研院所 */
	{ "a university may not apply (default A1)", 0, "university", "1244000045557123XD", 0,
	  "national", "GB/T 45009—2025", "robotics", "2025-06-01", NULL, NULL, "A:1", NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL, 0, 0, "APPLICANT_KIND", "A1" },
	{ "registered outside Guangdong (default A15)", 0, "enterprise", SHANGHAI, 0,
	  "national", "GB/T 45010—2025", "robotics", "2025-06-01", NULL, NULL, "A:1", NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL, 0, 0, "OUT_OF_REGION", "A15" },
	/* 围绕人工智能与机器人产业 */
	{ "a field outside AI and robotics (default A14)", 0, "enterprise", APP, 0,
	  "national", "GB/T 45011—2025", "iot", "2025-06-01", NULL, NULL, "A:1", NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL, 0, 0, "FIELD_NOT_COVERED", "A14" },
	{ "a revision counts in full (default A4)", 0, "enterprise", APP, 0,
	  "national", "GB/T 45012—2025", "robotics", "2025-06-01", NULL, "GB/T 30000—2013", "A:1", NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL, 1, 300000, "LEAD_SOLE_DRAFTER", "A2" },
	{ "provincial funding already received (default A12)", 0, "enterprise", APP, 0,
	  "national", "GB/T 45013—2025", "robotics", "2025-06-01", NULL, NULL, "A:1", NULL, "provincial:省标准化专项",
	  NULL, NULL, NULL, NULL, NULL, 0, 0, "ALREADY_FUNDED", "A12" },
	{ "city funding does not stop the claim (default A12)", 0, "enterprise", APP, 0,
	  "national", "GB/T 45014—2025", "robotics", "2025-06-01", NULL, NULL, "A:1", NULL, "municipal:深圳市标准化资助",
	  NULL, NULL, NULL, NULL, NULL, 1, 300000, "OTHER_FUNDING_ALLOWED", "A12" },
	{ "funded before under this same policy (A12)", 0, "enterprise", APP, 0,
	  "national", "GB/T 45015—2025", "robotics", "2025-06-01", NULL, NULL, "A:1", NULL, "provincial:gd-ai-robotics-2025",
	  NULL, NULL, NULL, NULL, NULL, 0, 0, "ALREADY_FUNDED", "A12" },
	/* 承担国际标准化组织技术委员会，全国、广东省专业标准化技术委员会秘书处 */
	{ "ISO TC secretariat, 100 万元 (A11)", 0, "enterprise", APP, 0,
	  NULL, NULL, "robotics", NULL, NULL, NULL, NULL, NULL, NULL,
	  SEC("ISO/TC 299", "international", "tc", "2025-05-20"), NULL, 1, 1000000, "SECRETARIAT_HELD", "A11" },
	{ "JTC 1 counts as a TC (default A10)", 0, "enterprise", APP, 0,
	  NULL, NULL, "ai", NULL, NULL, NULL, NULL, NULL, NULL,
	  SEC("ISO/IEC JTC 1", "international", "tc", "2025-05-20"), NULL, 1, 1000000, "SECRETARIAT_HELD", "A11" },
	{ "national TC secretariat, 30 万元", 0, "research-institute", "12440000455601021N", 0,
	  NULL, NULL, "ai", NULL, NULL, NULL, NULL, NULL, NULL,
	  SEC("SAC/TC 591", "national", "tc", "2025-08-01"), NULL, 1, 300000, "SECRETARIAT_HELD", "A11" },
	{ "Guangdong provincial TC secretariat, 10 万元", 0, "enterprise", APP, 0,
	  NULL, NULL, "robotics", NULL, NULL, NULL, NULL, NULL, NULL,
	  SEC("GD/TC 22", "provincial", "tc", "2026-01-15"), NULL, 1, 100000, "SECRETARIAT_HELD", "A11" },
	{ "a subcommittee is not a TC (default A10)", 0, "enterprise", APP, 0,
	  NULL, NULL, "ai", NULL, NULL, NULL, NULL, NULL, NULL,
	  SEC("SAC/TC 28/SC 42", "national", "sc", "2025-08-01"), NULL, 0, 0, "SUBCOMMITTEE_NOT_COUNTED", "A10" },
	{ "approved before the policy (default A11)", 0, "enterprise", APP, 0,
	  NULL, NULL, "robotics", NULL, NULL, NULL, NULL, NULL, NULL,
	  SEC("ISO/TC 299", "international", "tc", "2024-12-31"), NULL, 0, 0, "OUT_OF_WINDOW", "A11" },
	{ "approved after the claim date (A11)", 0, "enterprise", APP, 0,
	  NULL, NULL, "robotics", NULL, NULL, NULL, NULL, NULL, NULL,
	  SEC("GD/TC 23", "provincial", "tc", "2027-03-01"), NULL, 0, 0, "NOT_YET_APPROVED", "A11" },
	{ "a university may not hold a funded secretariat (default A9)", 0, "university", "1244000045557123XD", 0,
	  NULL, NULL, "ai", NULL, NULL, NULL, NULL, NULL, NULL,
	  SEC("GD/TC 24", "provincial", "tc", "2025-08-01"), NULL, 0, 0, "APPLICANT_KIND", "A9" },
	{ "a secretariat handed over before the claim date (A11)", 0, "enterprise", APP, 0,
	  NULL, NULL, "ai", NULL, NULL, NULL, NULL, NULL, NULL,
	  SEC("GD/TC 25", "provincial", "tc", "2025-08-01"), "2026-06-30", 0, 0, "SECRETARIAT_ENDED", "A11" },

	/* The same facts under a policy file with other answers. */
	{ "alt: universities may apply (A1)", 1, "university", "1244000045557123XD", 0,
	  "national", "GB/T 46001—2025", "robotics", "2025-06-01", "2025-07-01", NULL, "A:1", NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL, 1, 200000, "LEAD_SOLE_DRAFTER", "A2" },
	{ "alt: every drafting unit leads (A2, A8)", 1, "enterprise", APP, 0,
	  "national", "GB/T 46002—2025", "robotics", "2025-06-01", "2025-07-01", NULL, "O:1 A:2", NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL, 1, 200000, "LEAD_DRAFTER", "A2" },
	{ "alt: the convenor counts (A3)", 1, "enterprise", APP, 0,
	  "international", "ISO 46003:2025", "robotics", "2025-06-01", "2025-07-01", NULL, NULL, "A:convenor", NULL,
	  NULL, NULL, NULL, NULL, NULL, 1, 400000, "LEAD_CONVENOR", "A3" },
	{ "alt: revisions at half (A4)", 1, "enterprise", APP, 0,
	  "national", "GB/T 46004—2025", "robotics", "2025-06-01", "2025-07-01", "GB/T 30001—2013", "A:1", NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL, 1, 100000, "REVISION_REDUCED", "A4" },
	{ "alt: the implementation date is read, and missing (A5)", 1, "enterprise", APP, 0,
	  "national", "GB/T 46005—2025", "robotics", "2025-06-01", NULL, NULL, "A:1", NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL, 0, 0, "DATE_MISSING", "A5" },
	{ "alt: published before, implemented within the window (A5)", 1, "enterprise", APP, 0,
	  "national", "GB/T 46006—2023", "robotics", "2023-11-01", "2024-05-01", NULL, "A:1", NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL, 1, 200000, "LEAD_SOLE_DRAFTER", "A2" },
	{ "alt: only ISO is funded (A6)", 1, "enterprise", APP, 0,
	  "international", "IEC 46007:2025", "robotics", "2025-06-01", "2025-07-01", NULL, NULL, "A:project-leader", NULL,
	  NULL, NULL, NULL, NULL, NULL, 0, 0, "BODY_NOT_FUNDED", "A6" },
	{ "alt: guidance documents are funded (A7)", 1, "enterprise", APP, 0,
	  "national", "GB/Z 46008—2025", "iot", "2025-06-01", "2025-07-01", NULL, "A:1", NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL, 1, 200000, "LEAD_SOLE_DRAFTER", "A2" },
	{ "alt: industry standards get nothing", 1, "enterprise", APP, 0,
	  "industry", "JB/T 46009—2025", "robotics", "2025-06-01", "2025-07-01", NULL, "A:1", NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL, 0, 0, "LEVEL_NOT_FUNDED", "" },
	{ "alt: provincial funding allowed (A12)", 1, "enterprise", APP, 0,
	  "national", "GB/T 46010—2025", "robotics", "2025-06-01", "2025-07-01", NULL, "A:1", NULL, "provincial:省标准化专项",
	  NULL, NULL, NULL, NULL, NULL, 1, 200000, "OTHER_FUNDING_ALLOWED", "A12" },
	{ "alt: city funding refused (A12)", 1, "enterprise", APP, 0,
	  "national", "GB/T 46011—2025", "robotics", "2025-06-01", "2025-07-01", NULL, "A:1", NULL, "municipal:深圳市标准化资助",
	  NULL, NULL, NULL, NULL, NULL, 0, 0, "ALREADY_FUNDED", "A12" },
	{ "alt: any region (A15)", 1, "enterprise", SHANGHAI, 0,
	  "national", "GB/T 46012—2025", "robotics", "2025-06-01", "2025-07-01", NULL, "A:1", NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL, 1, 200000, "LEAD_SOLE_DRAFTER", "A2" },
	{ "alt: subcommittees count (A10)", 1, "enterprise", APP, 0,
	  NULL, NULL, "ai", NULL, NULL, NULL, NULL, NULL, NULL,
	  SEC("SAC/TC 28/SC 42", "national", "sc", "2025-08-01"), NULL, 1, 250000, "SECRETARIAT_HELD", "A11" },
	{ "alt: held during the window counts (A11)", 1, "enterprise", APP, 0,
	  NULL, NULL, "robotics", NULL, NULL, NULL, NULL, NULL, NULL,
	  SEC("ISO/TC 299", "international", "tc", "2019-03-01"), NULL, 1, 600000, "CAPPED", "A13" },
	{ "alt: handed over before the window (A11)", 1, "enterprise", APP, 0,
	  NULL, NULL, "robotics", NULL, NULL, NULL, NULL, NULL, NULL,
	  SEC("GD/TC 26", "provincial", "tc", "2019-03-01"), "2023-06-30", 0, 0, "OUT_OF_WINDOW", "A11" },
	{ "alt: research institutes may not hold funded secretariats (A9)", 1, "research-institute", "12440000455601021N", 0,
	  NULL, NULL, "ai", NULL, NULL, NULL, NULL, NULL, NULL,
	  SEC("SAC/TC 591", "national", "tc", "2025-08-01"), NULL, 0, 0, "APPLICANT_KIND", "A9" },
};

static st_policy *policies[2];

static void load_policies(void)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/policies/gd-ai-robotics-2025.xml", datadir());
	ck_assert_msg(st_policy_load_file(&policies[0], path, datadir()) == 0, "%s", st_error_last());
	snprintf(path, sizeof(path), "%s/tests/data/policies/alt-policy.xml", datadir());
	ck_assert_msg(st_policy_load_file(&policies[1], path, datadir()) == 0, "%s", st_error_last());
}

static void free_policies(void)
{
	st_policy_free(policies[0]);
	st_policy_free(policies[1]);
	policies[0] = policies[1] = NULL;
}

static const char *who(char c, const char *applicant)
{
	return c == 'A' ? applicant : OTHER;
}

/* Builds the standard of a case: "A:1 O:2" drafters, "A:role" roles. */
static st_standard *make_standard(const struct claim_case *k)
{
	st_standard_input in;
	st_standard *s = NULL;
	const char *p;

	memset(&in, 0, sizeof(in));
	in.id = "case";
	in.level = k->level;
	in.number = k->number;
	in.title = "测试标准";
	in.fields = k->fields;
	in.published = k->published;
	in.implemented = k->implemented;
	in.revision_of = k->revision_of;
	ck_assert_msg(st_standard_new(&s, &in) == 0, "%s: %s", k->name, st_error_last());
	for (p = k->drafters; p && *p; p += strcspn(p, " "), p += strspn(p, " ")) {
		s->drafters = realloc(s->drafters, (s->ndrafters + 1) * sizeof(*s->drafters));
		strcpy(s->drafters[s->ndrafters].uscc, who(p[0], k->uscc));
		s->drafters[s->ndrafters++].rank = atoi(p + 2);
	}
	for (p = k->roles; p && *p; p += strcspn(p, " "), p += strspn(p, " ")) {
		size_t len = strcspn(p + 2, " ");
		s->roles = realloc(s->roles, (s->nroles + 1) * sizeof(*s->roles));
		strcpy(s->roles[s->nroles].uscc, who(p[0], k->uscc));
		snprintf(s->roles[s->nroles++].role, sizeof(s->roles->role), "%.*s", (int)len, p + 2);
	}
	if (k->funding) {
		const char *colon = strchr(k->funding, ':');
		s->funding = calloc(1, sizeof(*s->funding));
		snprintf(s->funding[0].source, sizeof(s->funding->source), "%.*s",
			 (int)(colon - k->funding), k->funding);
		s->funding[0].program = strdup(colon + 1);
		s->funding[0].amount_yuan = 50000;
		s->nfunding = 1;
	}
	return s;
}

static int has_reason(const st_claim_item *it, const char *code, const char *param)
{
	size_t i;

	for (i = 0; i < it->nreasons; i++)
		if (strcmp(it->reasons[i].code, code) == 0 && strcmp(it->reasons[i].param, param) == 0)
			return 1;
	return 0;
}

START_TEST(claim_rules)
{
	const struct claim_case *k = &cases[_i];
	st_org *org = NULL;
	st_standard *std = NULL;
	st_secretariat *sec = NULL;
	st_claim *claim = NULL;
	const st_claim_item *it;

	load_policies();
	ck_assert_int_eq(st_org_new(&org, k->uscc, "申请单位", NULL, k->kind), 0);
	if (k->number) {
		std = make_standard(k);
	} else {
		st_secretariat_input in = { k->committee, k->sec_level, k->sec_kind, k->uscc,
					    k->approved, k->fields, NULL, k->ended };
		ck_assert_msg(st_secretariat_new(&sec, &in) == 0, "%s: %s", k->name, st_error_last());
	}
	ck_assert_int_eq(st_claim_compute(&claim, policies[k->alt], org, std ? &std : NULL, std ? 1 : 0,
					  sec ? &sec : NULL, sec ? 1 : 0, NULL,
					  k->as_of ? k->as_of : 20261125), 0);
	ck_assert_uint_eq(claim->nitems, 1);
	it = &claim->items[0];
	ck_assert_msg(it->eligible == k->eligible, "%s: eligible %d", k->name, it->eligible);
	ck_assert_msg(it->amount_yuan == k->amount, "%s: amount %lld", k->name, it->amount_yuan);
	ck_assert_msg(claim->total_yuan == k->amount, "%s: total %lld", k->name, claim->total_yuan);
	ck_assert_msg(has_reason(it, k->code, k->param), "%s: no %s [%s]; first is %s", k->name,
		      k->code, k->param, it->nreasons ? it->reasons[0].code : "(none)");
	/* An eligible item always says what to attach; an ineligible one never. */
	ck_assert(k->eligible ? it->nevidence > 0 : it->nevidence == 0);
	st_claim_free(claim);
	st_standard_free(std);
	st_secretariat_free(sec);
	st_org_free(org);
	free_policies();
}
END_TEST

/* A13: 600,000 yuan a year under alt-policy; what comes first is paid first. */
START_TEST(yearly_cap)
{
	static const struct claim_case k[] = {
		{ "a", 1, NULL, APP, 0, "international", "ISO 47001:2025", "ai", "2025-01-10", "2025-01-10", NULL, NULL, "A:project-leader", NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, NULL, NULL },
		{ "b", 1, NULL, APP, 0, "international", "ISO 47002:2025", "ai", "2025-02-10", "2025-02-10", NULL, NULL, "A:project-leader", NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, NULL, NULL },
		{ "c", 1, NULL, APP, 0, "national", "GB/T 47003—2025", "ai", "2025-03-10", "2025-03-10", NULL, "A:1", NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, NULL, NULL },
		{ "d", 1, NULL, APP, 0, "national", "GB/T 47004—2026", "ai", "2026-01-10", "2026-01-10", NULL, "A:1", NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, NULL, NULL },
	};
	st_standard *stds[4];
	st_org *org = NULL;
	st_claim *claim = NULL;
	size_t i;

	load_policies();
	ck_assert_int_eq(st_org_new(&org, APP, "申请单位", NULL, "enterprise"), 0);
	for (i = 0; i < 4; i++) {
		stds[i] = make_standard(&k[i]);
		free(stds[i]->id);
		stds[i]->id = strdup(k[i].name);
	}
	ck_assert_int_eq(st_claim_compute(&claim, policies[1], org, stds, 4, NULL, 0, NULL, 20261125), 0);
	ck_assert_uint_eq(claim->nitems, 4);
	/* 2025: 400,000 paid, then 200,000 of 400,000, then nothing; 2026 starts afresh. */
	ck_assert_str_eq(claim->items[0].ref, "a");
	ck_assert_int_eq(claim->items[0].amount_yuan, 400000);
	ck_assert_int_eq(claim->items[1].amount_yuan, 200000);
	ck_assert(has_reason(&claim->items[1], "CAPPED", "A13"));
	ck_assert_int_eq(claim->items[2].amount_yuan, 0);
	ck_assert(!claim->items[2].eligible);
	ck_assert(has_reason(&claim->items[2], "CAP_REACHED", "A13"));
	ck_assert_int_eq(claim->items[3].amount_yuan, 200000);
	ck_assert_int_eq(claim->total_yuan, 800000);
	/* The shipped policy has no cap, but reads the publication date: the
	 * two published before 2025-03-09 fall outside, the other two in full. */
	st_claim_free(claim);
	ck_assert_int_eq(st_claim_compute(&claim, policies[0], org, stds, 4, NULL, 0, NULL, 20261125), 0);
	ck_assert_int_eq(claim->total_yuan, 300000 + 300000);
	st_claim_free(claim);
	for (i = 0; i < 4; i++)
		st_standard_free(stds[i]);
	st_org_free(org);
	free_policies();
}
END_TEST

/* A policy text with one parameter changed, loaded from memory. */
static st_policy *variant(const char *from, const char *to)
{
	char path[4096];
	st_buf text = ST_BUF_INIT;
	st_policy *p = NULL;
	FILE *fp;
	char chunk[4096], *at;
	size_t n;

	snprintf(path, sizeof(path), "%s/tests/data/policies/alt-policy.xml", datadir());
	ck_assert_ptr_nonnull(fp = fopen(path, "r"));
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		st_buf_put(&text, chunk, n);
	fclose(fp);
	ck_assert_ptr_nonnull(at = strstr(text.ptr, from));
	{
		st_buf changed = ST_BUF_INIT;
		st_buf_put(&changed, text.ptr, (size_t)(at - text.ptr));
		st_buf_puts(&changed, to);
		st_buf_puts(&changed, at + strlen(from));
		ck_assert_int_eq(st_policy_load_memory(&p, changed.ptr, changed.size, "variant.xml", datadir()), 0);
		st_buf_dispose(&changed);
	}
	st_buf_dispose(&text);
	return p;
}

/* A4 at 0%: revisions get nothing; A3 counting experts: an expert leads. */
START_TEST(revision_not_funded_and_expert_lead)
{
	static const struct claim_case rev = { "r", 1, NULL, APP, 0, "national", "GB/T 48001—2025", "ai", "2025-06-01", "2025-07-01", "GB/T 30002—2010", "A:1", NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, NULL, NULL };
	static const struct claim_case exp = { "e", 1, NULL, APP, 0, "international", "ISO 48002:2025", "ai", "2025-06-01", "2025-07-01", NULL, NULL, "A:expert", NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, NULL, NULL };
	st_policy *no_revisions = variant("percent=\"50\"", "percent=\"0\"");
	st_policy *experts = variant("iso-iec=\"project-leader\"", "iso-iec=\"expert\"");
	st_standard *s1 = make_standard(&rev), *s2 = make_standard(&exp);
	st_org *org = NULL;
	st_claim *claim = NULL;

	ck_assert_int_eq(st_org_new(&org, APP, "申请单位", NULL, "enterprise"), 0);
	ck_assert_int_eq(st_claim_compute(&claim, no_revisions, org, &s1, 1, NULL, 0, NULL, 20261125), 0);
	ck_assert(!claim->items[0].eligible);
	ck_assert_int_eq(claim->total_yuan, 0);
	ck_assert(has_reason(&claim->items[0], "REVISION_NOT_FUNDED", "A4"));
	st_claim_free(claim);
	ck_assert_int_eq(st_claim_compute(&claim, experts, org, &s2, 1, NULL, 0, NULL, 20261125), 0);
	ck_assert(claim->items[0].eligible);
	ck_assert_int_eq(claim->total_yuan, 400000);
	ck_assert(has_reason(&claim->items[0], "LEAD_EXPERT", "A3"));
	st_claim_free(claim);
	st_standard_free(s1);
	st_standard_free(s2);
	st_org_free(org);
	st_policy_free(no_revisions);
	st_policy_free(experts);
}
END_TEST

START_TEST(wan_yuan_is_exact)
{
	static const struct {
		long long yuan;
		const char *wan;
	} t[] = {
		{ 0, "0.00" }, { 1, "0.00" }, { 49, "0.00" }, { 50, "0.01" }, { 150000, "15.00" },
		{ 1000000, "100.00" }, { 1234567, "123.46" }, { 999999999999LL, "100000000.00" }, { 669450, "66.95" },
	};
	char out[32];
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		st_yuan_to_wan(out, sizeof(out), t[i].yuan);
		ck_assert_str_eq(out, t[i].wan);
	}
}
END_TEST

static const char *const bad_policies[] = {
	/* not a policy */
	"<policy/>",
	/* an amount with decimals */
	"<policy id='x'><title>t</title><applicants param='A1'>enterprise</applicants><national-lead param='A2' rule='rank-1'/><international-lead param='A3' iso-iec='project-leader' itu='editor' convenor='counted'/><revisions param='A4' percent='100'/><window param='A5' date='published' from='2025-01-01' to='2025-12-31'/><bodies param='A6'>ISO</bodies><deliverables param='A7'>is</deliverables><several-leads param='A8' rule='each-lead'/><secretariat-applicants param='A9'>enterprise</secretariat-applicants><committee-kinds param='A10'>tc</committee-kinds><secretariat-timing param='A11' rule='approved-in-window' once='true'/><prior-funding param='A12' same-policy='refuse' provincial='refuse' municipal='allow' district='allow' national='allow'/><yearly-cap param='A13' yuan='0'/><fields param='A14'>ai</fields><region param='A15' uscc-region-prefix='44'/><amounts><standard level='national' yuan='300000.5'/></amounts></policy>",
	/* a window that ends before it starts */
	"<policy id='x'><title>t</title><applicants param='A1'>enterprise</applicants><national-lead param='A2' rule='rank-1'/><international-lead param='A3' iso-iec='project-leader' itu='editor' convenor='counted'/><revisions param='A4' percent='100'/><window param='A5' date='published' from='2025-12-31' to='2025-01-01'/><bodies param='A6'>ISO</bodies><deliverables param='A7'>is</deliverables><several-leads param='A8' rule='each-lead'/><secretariat-applicants param='A9'>enterprise</secretariat-applicants><committee-kinds param='A10'>tc</committee-kinds><secretariat-timing param='A11' rule='approved-in-window' once='true'/><prior-funding param='A12' same-policy='refuse' provincial='refuse' municipal='allow' district='allow' national='allow'/><yearly-cap param='A13' yuan='0'/><fields param='A14'>ai</fields><region param='A15' uscc-region-prefix='44'/><amounts><standard level='national' yuan='300000'/></amounts></policy>",
	/* an unknown applicant kind */
	"<policy id='x'><title>t</title><applicants param='A1'>company</applicants></policy>",
};

START_TEST(bad_policy_files_refused)
{
	st_policy *p = NULL;

	ck_assert_int_eq(st_policy_load_memory(&p, bad_policies[_i], strlen(bad_policies[_i]),
					       "bad.xml", datadir()), ST_EINVALID);
	ck_assert_ptr_null(p);
	ck_assert_ptr_nonnull(strstr(st_error_last(), "bad.xml"));
}
END_TEST

Suite *claim_suite(void)
{
	Suite *s = suite_create("claim");
	TCase *tc = tcase_create("rules");

	tcase_add_loop_test(tc, claim_rules, 0, sizeof(cases) / sizeof(cases[0]));
	tcase_add_test(tc, yearly_cap);
	tcase_add_test(tc, revision_not_funded_and_expert_lead);
	tcase_add_test(tc, wan_yuan_is_exact);
	tcase_add_loop_test(tc, bad_policy_files_refused, 0, sizeof(bad_policies) / sizeof(bad_policies[0]));
	suite_add_tcase(s, tc);
	return s;
}
