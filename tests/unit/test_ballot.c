/* test_ballot.c: the voting rules on boundary counts, the records and the roster. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "st_ballot.h"
#include "st_error.h"
#include "suites.h"

#define U UINT32_MAX
/* U is 3 * K: exactly two thirds of U + ... stays exact in the checks below. */
#define K 1431655765u

/* members, yes, no (with reasons), no without reasons, abstain */
#define C(m, y, n, nu, a) { (m), (y), (n), (nu), (a) }
#define NONE C(0, 0, 0, 0, 0)

#define A ST_OUTCOME_APPROVED
#define N ST_OUTCOME_NOT_APPROVED
#define V ST_OUTCOME_VOID

static const struct rule_case {
	const char *what;
	st_ballot_type type;
	const char *approve, *quorum, *max_against; /* sac-review; NULL: default */
	uint32_t p[5], o[5], m[5];
	st_ballot_outcome outcome;
	int quorum_met, in_favour_met, against_met; /* -1: the rule has no such condition */
	uint64_t favour_part, favour_whole, against_part, against_whole;
} rules[] = {
	/* dis and fdis: 3*yes_p >= 2*(yes_p+no_p) and 4*no_all <= yes_all+no_all */
	{ "dis: exactly 2/3 of P and exactly 1/4 negative pass", ST_BALLOT_DIS, NULL, NULL, NULL,
	  C(15, 10, 5, 0, 0), C(5, 5, 0, 0, 0), NONE, A, -1, 1, 1, 10, 15, 5, 20 },
	{ "dis: one P vote under 2/3 fails", ST_BALLOT_DIS, NULL, NULL, NULL,
	  C(14, 9, 5, 0, 0), C(6, 6, 0, 0, 0), NONE, N, -1, 0, 1, 9, 14, 5, 20 },
	{ "dis: just over 1/4 negative fails", ST_BALLOT_DIS, NULL, NULL, NULL,
	  C(15, 10, 5, 0, 0), C(4, 4, 0, 0, 0), NONE, N, -1, 1, 0, 10, 15, 5, 19 },
	{ "fdis: the same rule as dis", ST_BALLOT_FDIS, NULL, NULL, NULL,
	  C(15, 10, 5, 0, 0), C(4, 4, 0, 0, 0), NONE, N, -1, 1, 0, 10, 15, 5, 19 },
	{ "fdis: exactly both boundaries", ST_BALLOT_FDIS, NULL, NULL, NULL,
	  C(15, 10, 5, 0, 0), C(5, 5, 0, 0, 0), NONE, A, -1, 1, 1, 10, 15, 5, 20 },
	{ "dis: the example of the brief", ST_BALLOT_DIS, NULL, NULL, NULL,
	  C(14, 10, 4, 0, 0), C(2, 2, 0, 0, 0), NONE, A, -1, 1, 1, 10, 14, 4, 16 },
	{ "dis: everyone abstains", ST_BALLOT_DIS, NULL, NULL, NULL,
	  C(5, 0, 0, 0, 5), C(2, 0, 0, 0, 2), NONE, N, -1, 0, 1, 0, 0, 0, 0 },
	{ "dis: no P-member votes cast, O-members all yes", ST_BALLOT_DIS, NULL, NULL, NULL,
	  C(5, 0, 0, 0, 0), C(3, 3, 0, 0, 0), NONE, N, -1, 0, 1, 0, 0, 0, 3 },
	{ "dis: O-member yes votes count only in the 1/4 condition", ST_BALLOT_DIS, NULL, NULL, NULL,
	  C(3, 2, 1, 0, 0), C(1, 1, 0, 0, 0), NONE, A, -1, 1, 1, 2, 3, 1, 4 },
	{ "dis: without the O-member the same P votes fail the 1/4 condition", ST_BALLOT_DIS, NULL, NULL, NULL,
	  C(3, 2, 1, 0, 0), C(1, 0, 0, 0, 1), NONE, N, -1, 1, 0, 2, 3, 1, 3 },
	{ "dis: O-member negatives fail a unanimous P vote", ST_BALLOT_DIS, NULL, NULL, NULL,
	  C(3, 3, 0, 0, 0), C(2, 0, 2, 0, 0), NONE, N, -1, 1, 0, 3, 3, 2, 5 },
	{ "dis: negative votes without reasons are not counted", ST_BALLOT_DIS, NULL, NULL, NULL,
	  C(7, 2, 0, 5, 0), C(2, 0, 0, 2, 0), NONE, A, -1, 1, 1, 2, 2, 0, 2 },
	{ "dis: only negatives without reasons: nothing counted", ST_BALLOT_DIS, NULL, NULL, NULL,
	  C(3, 0, 0, 3, 0), NONE, NONE, N, -1, 0, 1, 0, 0, 0, 0 },
	{ "dis: large counts, exactly 2/3", ST_BALLOT_DIS, NULL, NULL, NULL,
	  C(U, 2 * K, K, 0, 0), C(U, U, 0, 0, 0), NONE, A, -1, 1, 1, 2ULL * K, 3ULL * K, K, 3ULL * K + U },
	{ "dis: large counts, one under 2/3", ST_BALLOT_DIS, NULL, NULL, NULL,
	  C(U, 2 * K - 1, K, 0, 0), C(U, U, 0, 0, 0), NONE, N, -1, 0, 1, 2ULL * K - 1, 3ULL * K - 1, K, 3ULL * K - 1 + U },
	{ "dis: large counts, half of P against fails both", ST_BALLOT_DIS, NULL, NULL, NULL,
	  C(U, U, U, 0, 0), C(U, U, 0, 0, 0), NONE, N, -1, 0, 0, U, 2ULL * U, U, 3ULL * U },
	{ "dis: large counts, exactly 1/4 negative (O-members)", ST_BALLOT_DIS, NULL, NULL, NULL,
	  C(U, U, 0, 0, 0), C(U, 0, K, 0, 0), NONE, A, -1, 1, 1, U, U, K, 4ULL * K },
	{ "dis: large counts, one negative over 1/4", ST_BALLOT_DIS, NULL, NULL, NULL,
	  C(U, U, 0, 0, 0), C(U, 0, K + 1, 0, 0), NONE, N, -1, 1, 0, U, U, K + 1, 4ULL * K + 1 },

	/* cd: 2/3 of the P-member votes cast; O-members do not count */
	{ "cd: exactly 2/3", ST_BALLOT_CD, NULL, NULL, NULL,
	  C(3, 2, 1, 0, 0), C(10, 0, 10, 0, 0), NONE, A, -1, 1, -1, 2, 3, 0, 0 },
	{ "cd: one under 2/3", ST_BALLOT_CD, NULL, NULL, NULL,
	  C(11, 5, 3, 0, 3), NONE, NONE, N, -1, 0, -1, 5, 8, 0, 0 },
	{ "cd: all abstain", ST_BALLOT_CD, NULL, NULL, NULL,
	  C(3, 0, 0, 0, 3), NONE, NONE, N, -1, 0, -1, 0, 0, 0, 0 },

	/* ni: more than half of the P-members voting */
	{ "ni: a tie is no majority", ST_BALLOT_NI, NULL, NULL, NULL,
	  C(6, 3, 3, 0, 0), C(3, 3, 0, 0, 0), NONE, N, -1, 0, -1, 3, 6, 0, 0 },
	{ "ni: one more in favour", ST_BALLOT_NI, NULL, NULL, NULL,
	  C(7, 4, 3, 0, 0), NONE, NONE, A, -1, 1, -1, 4, 7, 0, 0 },
	{ "ni: abstentions and unreasoned negatives left out", ST_BALLOT_NI, NULL, NULL, NULL,
	  C(9, 1, 0, 4, 4), NONE, NONE, A, -1, 1, -1, 1, 1, 0, 0 },
	{ "ni: no P votes", ST_BALLOT_NI, NULL, NULL, NULL,
	  C(9, 0, 0, 0, 0), C(2, 2, 0, 0, 0), NONE, N, -1, 0, -1, 0, 0, 0, 0 },

	/* sac-review, defaults: 3/4 of the members voting in favour, 2/3 voting */
	{ "sac: exactly 3/4 in favour, abstentions count as voting", ST_BALLOT_SAC_REVIEW, NULL, NULL, NULL,
	  NONE, NONE, C(20, 12, 2, 0, 2), A, 1, 1, -1, 12, 16, 0, 0 },
	{ "sac: one under 3/4", ST_BALLOT_SAC_REVIEW, NULL, NULL, NULL,
	  NONE, NONE, C(20, 11, 3, 0, 2), N, 1, 0, -1, 11, 16, 0, 0 },
	{ "sac: one more abstention breaks 3/4", ST_BALLOT_SAC_REVIEW, NULL, NULL, NULL,
	  NONE, NONE, C(20, 12, 2, 0, 3), N, 1, 0, -1, 12, 17, 0, 0 },
	{ "sac: quorum exactly 2/3", ST_BALLOT_SAC_REVIEW, NULL, NULL, NULL,
	  NONE, NONE, C(30, 20, 0, 0, 0), A, 1, 1, -1, 20, 20, 0, 0 },
	{ "sac: quorum one under 2/3 is void", ST_BALLOT_SAC_REVIEW, NULL, NULL, NULL,
	  NONE, NONE, C(30, 19, 0, 0, 0), V, 0, 1, -1, 19, 19, 0, 0 },
	{ "sac: no member voting is void", ST_BALLOT_SAC_REVIEW, NULL, NULL, NULL,
	  NONE, NONE, C(30, 0, 0, 0, 0), V, 0, 0, -1, 0, 0, 0, 0 },
	{ "sac: all abstain", ST_BALLOT_SAC_REVIEW, NULL, NULL, NULL,
	  NONE, NONE, C(3, 0, 0, 0, 3), N, 1, 0, -1, 0, 3, 0, 0 },
	{ "sac: a zero quorum still voids a vote nobody cast", ST_BALLOT_SAC_REVIEW, NULL, "0/1", NULL,
	  NONE, NONE, C(3, 0, 0, 0, 0), V, 0, 0, -1, 0, 0, 0, 0 },
	{ "sac: large counts, exactly 3/4", ST_BALLOT_SAC_REVIEW, NULL, NULL, NULL,
	  NONE, NONE, C(U, 3 * (U / 4), U / 4, 0, 0), A, 1, 1, -1, 3ULL * (U / 4), 4ULL * (U / 4), 0, 0 },
	/* the 2020 rule: 2/3 in favour, at most 1/4 against, 3/4 of the members voting */
	{ "sac 2020: every boundary exactly", ST_BALLOT_SAC_REVIEW, "2/3", "3/4", "1/4",
	  NONE, NONE, C(20, 10, 3, 0, 2), A, 1, 1, 1, 10, 15, 3, 15 },
	{ "sac 2020: one against too many", ST_BALLOT_SAC_REVIEW, "2/3", "3/4", "1/4",
	  NONE, NONE, C(20, 10, 4, 0, 1), N, 1, 1, 0, 10, 15, 4, 15 },
	{ "sac 2020: quorum one under 3/4", ST_BALLOT_SAC_REVIEW, "2/3", "3/4", "1/4",
	  NONE, NONE, C(20, 14, 0, 0, 0), V, 0, 1, 1, 14, 14, 0, 14 },
	{ "sac 2020: no vote against allowed at all", ST_BALLOT_SAC_REVIEW, NULL, NULL, "0/1",
	  NONE, NONE, C(4, 3, 1, 0, 0), N, 1, 1, 0, 3, 4, 1, 4 },
};

static void fill(st_ballot_count *c, const uint32_t v[5])
{
	c->members = v[0];
	c->yes = v[1];
	c->no = v[2];
	c->no_unreasoned = v[3];
	c->abstain = v[4];
}

START_TEST(rule_boundaries)
{
	const struct rule_case *rc = &rules[_i];
	st_ballot_sac_params sac;
	st_ballot_tally tally;
	st_ballot_rule rule;
	st_ballot_result r;

	st_ballot_sac_defaults(&sac);
	if (rc->approve)
		ck_assert_int_eq(st_fraction_parse(&sac.approve, rc->approve, "approve"), 0);
	if (rc->quorum)
		ck_assert_int_eq(st_fraction_parse(&sac.quorum, rc->quorum, "quorum"), 0);
	if (rc->max_against) {
		ck_assert_int_eq(st_fraction_parse(&sac.max_against, rc->max_against, "max"), 0);
		sac.has_max_against = 1;
	}
	st_ballot_rule_for(&rule, rc->type, &sac);
	memset(&tally, 0, sizeof(tally));
	fill(&tally.by[ST_MEMBER_P], rc->p);
	fill(&tally.by[ST_MEMBER_O], rc->o);
	fill(&tally.by[ST_MEMBER_MEMBER], rc->m);
	ck_assert_int_eq(st_ballot_decide(&r, &rule, &tally), 0);
	ck_assert_msg(r.outcome == rc->outcome, "%s: outcome %s", rc->what,
		      st_ballot_outcome_name(r.outcome));
	ck_assert_msg(rc->quorum_met < 0 ? !r.quorum.set : r.quorum.set && r.quorum.met == rc->quorum_met,
		      "%s: quorum", rc->what);
	ck_assert_msg(r.in_favour.set && r.in_favour.met == rc->in_favour_met, "%s: in favour", rc->what);
	ck_assert_msg(r.in_favour.part == rc->favour_part && r.in_favour.whole == rc->favour_whole,
		      "%s: in favour %llu of %llu", rc->what, (unsigned long long)r.in_favour.part,
		      (unsigned long long)r.in_favour.whole);
	ck_assert_msg(rc->against_met < 0 ? !r.against.set : r.against.set && r.against.met == rc->against_met,
		      "%s: against", rc->what);
	if (rc->against_met >= 0)
		ck_assert_msg(r.against.part == rc->against_part && r.against.whole == rc->against_whole,
			      "%s: against %llu of %llu", rc->what, (unsigned long long)r.against.part,
			      (unsigned long long)r.against.whole);
}
END_TEST

START_TEST(rule_out_of_range_refused)
{
	st_ballot_tally tally;
	st_ballot_rule rule;
	st_ballot_result r;

	memset(&tally, 0, sizeof(tally));
	st_ballot_rule_for(&rule, ST_BALLOT_DIS, NULL);
	rule.in_favour.share.den = 0;
	ck_assert_int_eq(st_ballot_decide(&r, &rule, &tally), ST_EINVALID);
	st_ballot_rule_for(&rule, ST_BALLOT_DIS, NULL);
	rule.against.share.num = 5;
	ck_assert_int_eq(st_ballot_decide(&r, &rule, &tally), ST_EINVALID);
	st_ballot_rule_for(&rule, ST_BALLOT_CD, NULL);
	rule.in_favour.share.den = ST_FRACTION_MAX + 1;
	rule.in_favour.share.num = 1;
	ck_assert_int_eq(st_ballot_decide(&r, &rule, &tally), ST_EINVALID);
}
END_TEST

START_TEST(percent_rounds_down_without_overflow)
{
	ck_assert_uint_eq(st_ballot_percent(10, 14), 71);
	ck_assert_uint_eq(st_ballot_percent(2, 3), 66);
	ck_assert_uint_eq(st_ballot_percent(1, 4), 25);
	ck_assert_uint_eq(st_ballot_percent(0, 0), 0);
	ck_assert_uint_eq(st_ballot_percent(5, 5), 100);
	ck_assert_uint_eq(st_ballot_percent(3ULL * U, 6ULL * U), 50);
	ck_assert_uint_eq(st_ballot_percent(6ULL * U - 1, 6ULL * U), 99);
}
END_TEST

static const struct {
	st_ballot_type type;
	uint32_t p[5], o[5], m[5];
	const char *sac_max_against;
	const char *text;
} explanations[] = {
	{ ST_BALLOT_DIS, C(14, 10, 4, 0, 0), C(2, 2, 0, 0, 0), NONE, NULL,
	  "P-members: 10 of 14 votes cast in favour (71%), at least 2/3 needed: met; "
	  "negative votes: 4 of 16 cast (25%), at most 1/4 allowed: met; approved" },
	{ ST_BALLOT_DIS, C(5, 0, 0, 0, 5), NONE, NONE, NULL,
	  "P-members: 0 of 0 votes cast in favour, at least 2/3 needed: not met; "
	  "negative votes: 0 of 0 cast, at most 1/4 allowed: met; not approved" },
	{ ST_BALLOT_NI, C(6, 3, 3, 0, 0), NONE, NONE, NULL,
	  "P-members: 3 of 6 votes cast in favour (50%), more than 1/2 needed: not met; not approved" },
	{ ST_BALLOT_SAC_REVIEW, NONE, NONE, C(30, 19, 0, 0, 0), NULL,
	  "members voting: 19 of 30 (63%), at least 2/3 needed: not met; "
	  "in favour: 19 of 19 members voting (100%), at least 3/4 needed: met; "
	  "void: fewer than 2/3 of the members voted" },
	{ ST_BALLOT_SAC_REVIEW, NONE, NONE, C(30, 0, 0, 0, 0), NULL,
	  "members voting: 0 of 30 (0%), at least 2/3 needed: not met; "
	  "in favour: 0 of 0 members voting, at least 3/4 needed: not met; void: no member voted" },
	{ ST_BALLOT_SAC_REVIEW, NONE, NONE, C(20, 16, 4, 0, 0), "1/4",
	  "members voting: 20 of 20 (100%), at least 2/3 needed: met; "
	  "in favour: 16 of 20 members voting (80%), at least 3/4 needed: met; "
	  "against: 4 of 20 members voting (20%), at most 1/4 allowed: met; approved" },
};

START_TEST(explain_in_words)
{
	st_ballot_sac_params sac;
	st_ballot_tally tally;
	st_ballot_rule rule;
	st_ballot_result r;
	st_buf out = ST_BUF_INIT;

	st_ballot_sac_defaults(&sac);
	if (explanations[_i].sac_max_against) {
		ck_assert_int_eq(st_fraction_parse(&sac.max_against, explanations[_i].sac_max_against, "m"), 0);
		sac.has_max_against = 1;
	}
	st_ballot_rule_for(&rule, explanations[_i].type, &sac);
	memset(&tally, 0, sizeof(tally));
	fill(&tally.by[ST_MEMBER_P], explanations[_i].p);
	fill(&tally.by[ST_MEMBER_O], explanations[_i].o);
	fill(&tally.by[ST_MEMBER_MEMBER], explanations[_i].m);
	ck_assert_int_eq(st_ballot_decide(&r, &rule, &tally), 0);
	ck_assert_int_eq(st_ballot_explain(&out, &rule, &r, "; "), 0);
	ck_assert_str_eq(out.ptr, explanations[_i].text);
	st_buf_dispose(&out);
}
END_TEST

START_TEST(fractions)
{
	static const char *const bad[] = {
		"3/2", "0/0", "1/1001", "abc", "2/", "/3", "2/3x", " 2/3", "-1/3", "2:3", "", "99999/99999",
	};
	st_fraction f;
	char text[12];
	size_t i;

	ck_assert_int_eq(st_fraction_parse(&f, "2/3", "x"), 0);
	ck_assert_uint_eq(f.num, 2);
	ck_assert_uint_eq(f.den, 3);
	st_fraction_format(text, f);
	ck_assert_str_eq(text, "2/3");
	ck_assert_int_eq(st_fraction_parse(&f, "0/1", "x"), 0);
	ck_assert_int_eq(st_fraction_parse(&f, "1000/1000", "x"), 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_msg(st_fraction_parse(&f, bad[i], "the share") == ST_EINVALID, "%s", bad[i]);
		ck_assert_msg(strstr(st_error_last(), "the share") != NULL, "%s", st_error_last());
	}
}
END_TEST

static const struct {
	const char *member, *file;
} files[] = {
	{ "DIN", "DIN.xml" },
	{ "AFNOR", "AFNOR.xml" },
	{ "中国电子技术标准化研究院", "中国电子技术标准化研究院.xml" },
	{ "ISO/TC 299", "ISO%2FTC%20299.xml" },
	{ "a\\b:c*d?e\"f<g>h|i", "a%5Cb%3Ac%2Ad%3Fe%22f%3Cg%3Eh%7Ci.xml" },
	{ "50%", "50%25.xml" },
	{ ".hidden", "%2Ehidden.xml" },
	{ "..", "%2E%2E.xml" },
	{ "Inc.", "Inc%2E.xml" },
	{ "A.B", "A.B.xml" },
	{ "CON", "%43ON.xml" },
	{ "nul.txt", "%6Eul.txt.xml" },
	{ "COM1", "%43OM1.xml" },
	{ "COM", "COM.xml" },
	{ "CONSORTIUM", "CONSORTIUM.xml" },
	{ "Ａ\xe3\x80\x80Ｂ", "Ａ%E3%80%80Ｂ.xml" },                 /* ideographic space */
	{ "A\xe2\x80\x8d" "B", "A%E2%80%8DB.xml" },                   /* zero-width joiner */
	{ "\xef\xbb\xbf" "DIN", "%EF%BB%BFDIN.xml" },                 /* byte-order mark */
	{ "Müller GmbH", "Müller%20GmbH.xml" },
};

START_TEST(member_file_names)
{
	st_buf out = ST_BUF_INIT;

	ck_assert_int_eq(st_ballot_member_file(&out, files[_i].member), 0);
	ck_assert_str_eq(out.ptr, files[_i].file);
	st_buf_dispose(&out);
}
END_TEST

START_TEST(member_file_name_limits)
{
	st_buf out = ST_BUF_INIT, name = ST_BUF_INIT;
	size_t i;

	/* 66 Chinese characters are 198 bytes: fits; 67 do not */
	for (i = 0; i < 66; i++)
		st_buf_puts(&name, "中");
	ck_assert_int_eq(st_ballot_member_file(&out, name.ptr), 0);
	ck_assert_uint_eq(out.size, 198 + 4);
	st_buf_clear(&out);
	st_buf_puts(&name, "中");
	ck_assert_int_eq(st_ballot_member_file(&out, name.ptr), ST_EINVALID);
	ck_assert_str_eq(out.ptr, "");
	ck_assert_ptr_nonnull(strstr(st_error_last(), "too long for a file name"));
	ck_assert_int_eq(st_ballot_member_file(&out, "\xff"), ST_EINVALID);
	ck_assert_int_eq(st_ballot_member_file(&out, ""), ST_EINVALID);
	st_buf_dispose(&out);
	st_buf_dispose(&name);
}
END_TEST

/* Collects reported rows as "LINE: message\n". */
static void collect(size_t line, const char *message, void *payload)
{
	st_buf_printf(payload, "%zu: %s\n", line, message);
}

static st_ballot *new_ballot(st_ballot_type type)
{
	st_ballot *b = calloc(1, sizeof(*b));

	ck_assert_ptr_nonnull(b);
	b->type = type;
	b->draft = strdup("d");
	b->number = 1;
	memcpy(b->opened, "2026-01-10", 11);
	memcpy(b->closes, "2026-03-10", 11);
	memcpy(b->stage, "40.20", 6);
	st_ballot_rule_for(&b->rule, type, NULL);
	return b;
}

START_TEST(roster_good)
{
	const char csv[] = "\xef\xbb\xbfMember,Category,country\r\nDIN,p,DE\r\nAFNOR,P,FR\r\n"
			   "\"Standards Australia, Ltd\",o,AU\r\n中国电子技术标准化研究院,p,CN\r\n";
	st_ballot *b = new_ballot(ST_BALLOT_DIS);
	st_buf rep = ST_BUF_INIT;

	ck_assert_int_eq(st_ballot_roster_parse(b, csv, sizeof(csv) - 1, "r.csv", collect, &rep), 0);
	ck_assert_str_eq(rep.ptr, "");
	ck_assert_uint_eq(b->nmembers, 4);
	ck_assert_str_eq(b->members[2].name, "Standards Australia, Ltd");
	ck_assert_int_eq(b->members[1].category, ST_MEMBER_P);
	ck_assert_int_eq(b->members[2].category, ST_MEMBER_O);
	ck_assert_ptr_eq(st_ballot_find_member(b, "din"), &b->members[0]);
	ck_assert_ptr_null(st_ballot_find_member(b, "BSI"));
	st_buf_dispose(&rep);
	st_ballot_free(b);
}
END_TEST

static const struct {
	st_ballot_type type;
	const char *csv;
	const char *reports; /* each bad row, "LINE: message\n" */
	const char *error;
} bad_rosters[] = {
	{ ST_BALLOT_DIS, "member,category\nDIN,p\nAFNOR,x\nBSI,member\n",
	  "3: category 'x' of 'AFNOR' is not p or o (a dis ballot's roster has P- and O-members)\n"
	  "4: category 'member' of 'BSI' is not p or o (a dis ballot's roster has P- and O-members)\n",
	  "r.csv: 2 bad rows in the roster" },
	{ ST_BALLOT_SAC_REVIEW, "member,category\n委员甲,member\n委员乙,p\n",
	  "3: category 'p' of '委员乙' is not member (a sac-review ballot's roster lists the committee's members)\n",
	  "r.csv: 1 bad row in the roster" },
	{ ST_BALLOT_DIS, "member,category\nDIN,p\nAFNOR,p\ndin,o\n",
	  "4: 'din' is on the roster twice (first on line 2)\n", "r.csv: 1 bad row in the roster" },
	{ ST_BALLOT_CD, "member,category\n,p\n DIN,p\nBSI,\nAFNOR,p,extra\n",
	  "2: the member name must not be empty\n"
	  "3: the member name must not begin or end with a space\n"
	  "4: no category for 'BSI'\n"
	  "5: this row has 3 cells but the header has 2 (a value with a comma needs quotes)\n",
	  "r.csv: 4 bad rows in the roster" },
	{ ST_BALLOT_DIS, "name,category\nDIN,p\n", "1: missing column 'member'\n",
	  "r.csv: the header row is wrong; it needs the columns member and category" },
	{ ST_BALLOT_DIS, "member,category,member\nDIN,p,x\n", "1: column 'member' appears twice\n",
	  "r.csv: the header row is wrong; it needs the columns member and category" },
	{ ST_BALLOT_DIS, "member,category\n", "", "r.csv: the roster lists no members" },
	{ ST_BALLOT_DIS, "", "", "r.csv: the roster is empty; it needs the header row member,category and a row per member" },
	{ ST_BALLOT_FDIS, "member,category\nSAC,o\nANSI,o\n", "",
	  "r.csv: the roster has no P-members, so no fdis ballot could be approved" },
	{ ST_BALLOT_DIS, "member,category\nDIN,p\n\"open,p\n", "", "r.csv:3: a quoted field is not closed" },
};

START_TEST(roster_bad)
{
	st_ballot *b = new_ballot(bad_rosters[_i].type);
	st_buf rep = ST_BUF_INIT;

	ck_assert_int_eq(st_ballot_roster_parse(b, bad_rosters[_i].csv, strlen(bad_rosters[_i].csv),
						"r.csv", collect, &rep), ST_EINVALID);
	ck_assert_str_eq(rep.ptr, bad_rosters[_i].reports);
	ck_assert_msg(strncmp(st_error_last(), bad_rosters[_i].error, strlen(bad_rosters[_i].error)) == 0,
		      "%s", st_error_last());
	st_buf_dispose(&rep);
	st_ballot_free(b);
}
END_TEST

static st_ballot_vote *vote(const char *member, st_ballot_category c, st_vote_value v, const char *reason)
{
	st_ballot_vote *x = calloc(1, sizeof(*x));

	ck_assert_ptr_nonnull(x);
	x->member = strdup(member);
	x->category = c;
	x->vote = v;
	x->reason = reason ? strdup(reason) : NULL;
	memcpy(x->date, "2026-02-01", 11);
	return x;
}

START_TEST(count_votes_against_roster)
{
	const char csv[] = "member,category\nDIN,p\nAFNOR,p\nBSI,p\nSAC,o\n";
	st_ballot *b = new_ballot(ST_BALLOT_DIS);
	st_ballot_vote *v[5];
	st_ballot_tally t;
	st_buf rep = ST_BUF_INIT;
	size_t i;

	ck_assert_int_eq(st_ballot_roster_parse(b, csv, sizeof(csv) - 1, "r.csv", collect, &rep), 0);
	v[0] = vote("DIN", ST_MEMBER_P, ST_VOTE_YES, NULL);
	v[1] = vote("afnor", ST_MEMBER_P, ST_VOTE_NO, NULL);
	v[2] = vote("BSI", ST_MEMBER_P, ST_VOTE_NO, "clause 4 contradicts ISO 10218");
	v[3] = vote("SAC", ST_MEMBER_O, ST_VOTE_ABSTAIN, NULL);
	ck_assert_int_eq(st_ballot_count_votes(&t, b, v, 4), 0);
	ck_assert_uint_eq(t.by[ST_MEMBER_P].members, 3);
	ck_assert_uint_eq(t.by[ST_MEMBER_P].yes, 1);
	ck_assert_uint_eq(t.by[ST_MEMBER_P].no, 1);
	ck_assert_uint_eq(t.by[ST_MEMBER_P].no_unreasoned, 1);
	ck_assert_uint_eq(t.by[ST_MEMBER_O].abstain, 1);
	ck_assert_uint_eq(t.by[ST_MEMBER_O].members, 1);

	/* the same member twice */
	v[4] = vote("din", ST_MEMBER_P, ST_VOTE_NO, "x");
	ck_assert_int_eq(st_ballot_count_votes(&t, b, v, 5), ST_EINVALID);
	ck_assert_str_eq(st_error_last(), "ballot #1 on 'd' has two votes by 'DIN'");
	st_ballot_vote_free(v[4]);
	/* not on the roster */
	v[4] = vote("JISC", ST_MEMBER_P, ST_VOTE_YES, NULL);
	ck_assert_int_eq(st_ballot_count_votes(&t, b, v, 5), ST_EINVALID);
	ck_assert_str_eq(st_error_last(), "ballot #1 on 'd' has a vote by 'JISC', who is not on its roster");
	st_ballot_vote_free(v[4]);
	/* another category */
	v[4] = v[3];
	v[3] = vote("SAC", ST_MEMBER_P, ST_VOTE_YES, NULL);
	ck_assert_int_eq(st_ballot_count_votes(&t, b, v, 4), ST_EINVALID);
	ck_assert_str_eq(st_error_last(), "ballot #1 on 'd' has a vote by 'SAC' as p, but the roster lists them as o");
	for (i = 0; i < 5; i++)
		st_ballot_vote_free(v[i]);
	st_buf_dispose(&rep);
	st_ballot_free(b);
}
END_TEST

START_TEST(count_votes_sac_counts_every_no)
{
	const char csv[] = "member,category\n甲,member\n乙,member\n丙,member\n";
	st_ballot *b = new_ballot(ST_BALLOT_SAC_REVIEW);
	st_ballot_vote *v[2];
	st_ballot_tally t;
	st_buf rep = ST_BUF_INIT;

	ck_assert_int_eq(st_ballot_roster_parse(b, csv, sizeof(csv) - 1, "r.csv", collect, &rep), 0);
	v[0] = vote("甲", ST_MEMBER_MEMBER, ST_VOTE_NO, NULL);
	v[1] = vote("乙", ST_MEMBER_MEMBER, ST_VOTE_YES, NULL);
	ck_assert_int_eq(st_ballot_count_votes(&t, b, v, 2), 0);
	ck_assert_uint_eq(t.by[ST_MEMBER_MEMBER].no, 1);
	ck_assert_uint_eq(t.by[ST_MEMBER_MEMBER].no_unreasoned, 0);
	ck_assert_uint_eq(t.by[ST_MEMBER_MEMBER].members, 3);
	st_ballot_vote_free(v[0]);
	st_ballot_vote_free(v[1]);
	st_buf_dispose(&rep);
	st_ballot_free(b);
}
END_TEST

START_TEST(records_round_trip)
{
	const char csv[] = "member,category\nDIN,p\n\"A&B <\"\"x\"\">\",o\n";
	st_ballot *b = new_ballot(ST_BALLOT_FDIS), *back = NULL;
	st_ballot_vote *v = vote("A&B <\"x\">", ST_MEMBER_O, ST_VOTE_NO, "see <5> & \"6\""), *vb = NULL;
	st_buf rep = ST_BUF_INIT, xml = ST_BUF_INIT, again = ST_BUF_INIT;

	ck_assert_int_eq(st_ballot_roster_parse(b, csv, sizeof(csv) - 1, "r.csv", collect, &rep), 0);
	b->closed = 1;
	b->early = 1;
	b->outcome = ST_OUTCOME_NOT_APPROVED;
	memcpy(b->closed_on, "2026-02-02", 11);
	b->tally.by[ST_MEMBER_P].members = 1;
	b->tally.by[ST_MEMBER_P].yes = 1;
	b->tally.by[ST_MEMBER_O].members = 1;
	b->tally.by[ST_MEMBER_O].no = 1;
	ck_assert_int_eq(st_ballot_serialise(&xml, b), 0);
	ck_assert_ptr_nonnull(strstr(xml.ptr, "<condition name=\"against\" part=\"1\" whole=\"2\" met=\"no\"/>"));
	ck_assert_int_eq(st_ballot_parse(&back, xml.ptr, xml.size, "ballot.xml"), 0);
	ck_assert_int_eq(st_ballot_serialise(&again, back), 0);
	ck_assert_str_eq(again.ptr, xml.ptr);
	ck_assert_str_eq(back->members[1].name, "A&B <\"x\">");
	ck_assert_int_eq(back->early, 1);
	ck_assert_int_eq(back->tally.by[ST_MEMBER_O].no, 1);

	st_buf_clear(&xml);
	ck_assert_int_eq(st_ballot_vote_serialise(&xml, v), 0);
	ck_assert_int_eq(st_ballot_vote_parse(&vb, xml.ptr, xml.size, "v.xml"), 0);
	ck_assert_str_eq(vb->member, v->member);
	ck_assert_str_eq(vb->reason, v->reason);
	ck_assert_int_eq(vb->vote, ST_VOTE_NO);
	ck_assert_str_eq(vb->date, "2026-02-01");

	st_ballot_free(back);
	ck_assert_int_eq(st_ballot_parse(&back, "<ballot/>", 9, "x.xml"), ST_EINVALID);
	ck_assert_ptr_null(back);
	ck_assert_str_eq(st_error_last(), "x.xml: not a valid ballot record");
	st_ballot_vote_free(vb);
	ck_assert_int_eq(st_ballot_vote_parse(&vb, "<vote member=\"x\"/>", 18, "v.xml"), ST_EINVALID);
	ck_assert_ptr_null(vb);
	ck_assert_str_eq(st_error_last(), "v.xml: not a valid vote record");
	st_ballot_vote_free(v);
	st_buf_dispose(&rep);
	st_buf_dispose(&xml);
	st_buf_dispose(&again);
	st_ballot_free(b);
}
END_TEST

START_TEST(types_fit_profiles)
{
	st_ballot_type t;

	ck_assert_int_eq(st_ballot_type_parse(&t, "sac-review"), 0);
	ck_assert_int_eq(st_ballot_type_fits(t, ST_PROFILE_GBT), 0);
	ck_assert_int_eq(st_ballot_type_fits(t, ST_PROFILE_ISO), ST_EINVALID);
	ck_assert_int_eq(st_ballot_type_parse(&t, "dis"), 0);
	ck_assert_int_eq(st_ballot_type_fits(t, ST_PROFILE_ISO), 0);
	ck_assert_int_eq(st_ballot_type_fits(t, ST_PROFILE_GBT), ST_EINVALID);
	ck_assert_int_eq(st_ballot_type_parse(&t, "DIS"), ST_EINVALID);
	ck_assert_int_eq(st_ballot_type_parse(&t, "enquiry"), ST_EINVALID);
}
END_TEST

Suite *ballot_suite(void)
{
	Suite *s = suite_create("ballot");
	TCase *tc = tcase_create("rules");

	tcase_add_loop_test(tc, rule_boundaries, 0, sizeof(rules) / sizeof(rules[0]));
	tcase_add_test(tc, rule_out_of_range_refused);
	tcase_add_test(tc, percent_rounds_down_without_overflow);
	tcase_add_loop_test(tc, explain_in_words, 0, sizeof(explanations) / sizeof(explanations[0]));
	tcase_add_test(tc, fractions);
	suite_add_tcase(s, tc);
	tc = tcase_create("records");
	tcase_add_loop_test(tc, member_file_names, 0, sizeof(files) / sizeof(files[0]));
	tcase_add_test(tc, member_file_name_limits);
	tcase_add_test(tc, roster_good);
	tcase_add_loop_test(tc, roster_bad, 0, sizeof(bad_rosters) / sizeof(bad_rosters[0]));
	tcase_add_test(tc, count_votes_against_roster);
	tcase_add_test(tc, count_votes_sac_counts_every_no);
	tcase_add_test(tc, records_round_trip);
	tcase_add_test(tc, types_fit_profiles);
	suite_add_tcase(s, tc);
	return s;
}
