/* test_comment.c: clause resolution, labels, dispositions, counts, records, import. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "st_comment.h"
#include "st_error.h"
#include "suites.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
	"<standard xmlns:tbx=\"urn:iso:std:iso:30042:ed-1\" xml:lang=\"zh\">"

/*
 * A GB/T draft: a foreword, clauses 1-5 (3 with term entries, 5 with a
 * subclause without an id, a table, a figure and a formula), annexes A
 * and B, a bibliography.  %s is where a clause may be put in front of
 * clause 4, to renumber what follows.
 */
static const char draft_fmt[] =
	HEAD
	"<front><std-meta><title-wrap xml:lang=\"zh\"><main>机器人 末端执行器</main></title-wrap>"
	"<std-ref type=\"dated\">GB/T 45888—2026</std-ref><comm-ref>SAC/TC 591</comm-ref></std-meta>"
	"<sec sec-type=\"foreword\" id=\"foreword\"><title>前言</title><p>x</p></sec></front>"
	"<body>"
	"<sec id=\"scope\"><title>范围</title><p>x</p></sec>"
	"<sec id=\"norm-refs\"><title>规范性引用文件</title><p>x</p></sec>"
	"<sec id=\"terms\"><title>术语和定义</title>"
	"<term-sec id=\"term-a\"><tbx:termEntry id=\"te-a\"/></term-sec>"
	"<term-sec id=\"term-b\"><tbx:termEntry id=\"te-b\"/></term-sec></sec>"
	"%s"
	"<sec id=\"classes\"><title>分类</title><p>x</p></sec>"
	"<sec id=\"req\"><title>要求</title>"
	"<sec id=\"req-look\"><title>外观</title><p id=\"p-look\">x</p></sec>"
	"<sec id=\"req-force\"><title>夹持力</title>"
	"<table-wrap id=\"tab-grades\"><caption><title>等级</title></caption></table-wrap>"
	"<fig id=\"fig-rig\"><caption><title>装置</title></caption></fig>"
	"<disp-formula id=\"eq-dev\"><mml:math xmlns:mml=\"http://www.w3.org/1998/Math/MathML\"/></disp-formula>"
	"<non-normative-note id=\"note-force\"><p>n</p></non-normative-note></sec>"
	"<sec><title>没有id的条</title><p>x</p></sec></sec>"
	"</body><back><app-group>"
	"<app id=\"app-rig\" content-type=\"norm-annex\"><title>试验装置</title>"
	"<sec id=\"app-rig-general\"><title>总则</title></sec>"
	"<table-wrap id=\"tab-blocks\"/></app>"
	"<app id=\"app-sel\" content-type=\"inform-annex\"><title>选型</title></app></app-group>"
	"<ref-list content-type=\"bibl\" id=\"bibliography\"><title>参考文献</title>"
	"<ref id=\"bib-1\"><mixed-citation>x</mixed-citation></ref></ref-list>"
	"</back></standard>";

static st_comment_draft *load(const char *inserted, st_profile profile)
{
	st_comment_draft *d = NULL;
	char *text = NULL;

	ck_assert_int_ge(asprintf(&text, draft_fmt, inserted), 0);
	ck_assert_msg(st_comment_draft_load(&d, text, strlen(text), "t.xml", profile) == 0,
		      "%s", st_error_last());
	free(text);
	return d;
}

static const struct {
	const char *ref;
	const char *id;   /* NULL: the whole document */
} refs[] = {
	{ "5.2", "req-force" },
	{ "5", "req" },
	{ "Clause 5", "req" },
	{ "clause 5.1", "req-look" },
	{ "Subclause 5.2", "req-force" },
	{ "第5章", "req" },
	{ "5.2条", "req-force" },
	{ " 5.2 ", "req-force" },
	{ "5.2.", "req-force" },
	{ "3.2", "term-b" },
	{ "A", "app-rig" },
	{ "A.1", "app-rig-general" },
	{ "Annex B", "app-sel" },
	{ "附录A", "app-rig" },
	{ "附录 B", "app-sel" },
	{ "Table 1", "tab-grades" },
	{ "表1", "tab-grades" },
	{ "表　1", "tab-grades" },
	{ "表 A.1", "tab-blocks" },
	{ "table A.1", "tab-blocks" },
	{ "Figure 1", "fig-rig" },
	{ "图1", "fig-rig" },
	{ "Formula (1)", "eq-dev" },
	{ "公式(1)", "eq-dev" },
	{ "公式（1）", "eq-dev" },
	{ "formula 1", "eq-dev" },
	{ "前言", "foreword" },
	{ "参考文献", "bibliography" },
	{ "p-look", "p-look" },
	{ "te-a", "te-a" },
	{ "general", NULL },
	{ "General", NULL },
	{ "总体", NULL },
	{ "全文", NULL },
	{ "", NULL },
};

START_TEST(clause_resolves)
{
	st_comment_draft *d = load("", ST_PROFILE_GBT);
	char *id = (char *)"unset";

	ck_assert_msg(st_comment_clause_resolve(&id, d, refs[_i].ref) == 0, "%s: %s",
		      refs[_i].ref, st_error_last());
	if (refs[_i].id)
		ck_assert_msg(id && strcmp(id, refs[_i].id) == 0, "'%s' gave '%s', not '%s'",
			      refs[_i].ref, id ? id : "(general)", refs[_i].id);
	else
		ck_assert_msg(id == NULL, "'%s' gave '%s'", refs[_i].ref, id);
	free(id);
	st_comment_draft_free(d);
}
END_TEST

static const struct {
	const char *ref;
	const char *message_part;
} bad_refs[] = {
	{ "9.9", "no clause, annex, table, figure or element id '9.9' in t.xml" },
	{ "Table 9", "'Table 9'" },
	{ "Annex 5", "'Annex 5'" },   /* an annex is a letter */
	{ "Table A", "'Table A'" },
	{ "1", "'1'" },                /* clause 1 is there: see below */
	{ "5.3", "has no id" },        /* numbered, but without an id */
	{ "(1)", "'(1)'" },            /* a formula needs its word */
	{ "Foreword", "'Foreword'" },  /* the title is 前言 */
};

START_TEST(clause_refused)
{
	st_comment_draft *d = load("", ST_PROFILE_GBT);
	char *id = NULL;

	if (strcmp(bad_refs[_i].ref, "1") == 0) {
		/* the control: "1" is clause 1, so the others fail for their own reason */
		ck_assert_int_eq(st_comment_clause_resolve(&id, d, "1"), 0);
		ck_assert_str_eq(id, "scope");
		free(id);
	} else {
		ck_assert_int_eq(st_comment_clause_resolve(&id, d, bad_refs[_i].ref), ST_EINVALID);
		ck_assert_ptr_null(id);
		ck_assert_msg(strstr(st_error_last(), bad_refs[_i].message_part) != NULL, "%s",
			      st_error_last());
	}
	st_comment_draft_free(d);
}
END_TEST

static void assert_label(const st_comment_draft *d, const char *id, int state, const char *want)
{
	st_buf out = ST_BUF_INIT;

	ck_assert_int_eq(st_comment_clause_label(&out, d, id), state);
	ck_assert_msg(strcmp(out.ptr, want) == 0, "%s: '%s', not '%s'", id ? id : "(general)",
		      out.ptr, want);
	st_buf_dispose(&out);
}

START_TEST(labels_follow_renumbering)
{
	st_comment_draft *before = load("", ST_PROFILE_GBT);
	st_comment_draft *after = load("<sec id=\"new\"><title>新的一章</title></sec>", ST_PROFILE_GBT);
	st_comment_draft *iso = load("", ST_PROFILE_ISO);

	assert_label(before, "req-force", ST_CLAUSE_FOUND, "5.2");
	assert_label(after, "req-force", ST_CLAUSE_FOUND, "6.2");
	assert_label(before, "p-look", ST_CLAUSE_FOUND, "5.1");    /* a paragraph: its clause */
	assert_label(after, "p-look", ST_CLAUSE_FOUND, "6.1");
	assert_label(before, "note-force", ST_CLAUSE_FOUND, "5.2"); /* a note: its clause */
	assert_label(before, "te-b", ST_CLAUSE_FOUND, "3.2");       /* a term entry: its term-sec */
	assert_label(before, "tab-grades", ST_CLAUSE_FOUND, "表 1");
	assert_label(iso, "tab-grades", ST_CLAUSE_FOUND, "Table 1");
	assert_label(before, "app-rig", ST_CLAUSE_FOUND, "附录 A");
	assert_label(iso, "app-sel", ST_CLAUSE_FOUND, "Annex B");
	assert_label(before, "tab-blocks", ST_CLAUSE_FOUND, "表 A.1");
	assert_label(before, "foreword", ST_CLAUSE_FOUND, "前言");
	assert_label(before, "bib-1", ST_CLAUSE_FOUND, "参考文献");
	assert_label(before, "gone", ST_CLAUSE_MISSING, "");
	assert_label(before, NULL, ST_CLAUSE_GENERAL, "");
	st_comment_draft_free(before);
	st_comment_draft_free(after);
	st_comment_draft_free(iso);
}
END_TEST

START_TEST(types_parse)
{
	st_comment_type t;

	ck_assert_int_eq(st_comment_type_parse(&t, "te"), 0);
	ck_assert_int_eq(t, ST_COMMENT_TE);
	ck_assert_int_eq(st_comment_type_parse(&t, "GE"), 0);
	ck_assert_int_eq(t, ST_COMMENT_GE);
	ck_assert_int_eq(st_comment_type_parse(&t, "Editorial"), 0);
	ck_assert_int_eq(t, ST_COMMENT_ED);
	ck_assert_int_eq(st_comment_type_parse(&t, "tech"), ST_EINVALID);
	ck_assert_int_eq(st_comment_type_parse(&t, ""), ST_EINVALID);
	ck_assert_str_eq(st_comment_type_name(ST_COMMENT_ED), "ed");
}
END_TEST

START_TEST(dispositions_parse_and_check)
{
	st_disposition d;

	ck_assert_int_eq(st_disposition_parse(&d, "accepted-modified"), 0);
	ck_assert_int_eq(d, ST_DISPOSITION_ACCEPTED_MODIFIED);
	ck_assert_int_eq(st_disposition_parse(&d, "部分采纳"), 0);
	ck_assert_int_eq(d, ST_DISPOSITION_ACCEPTED_MODIFIED);
	ck_assert_int_eq(st_disposition_parse(&d, "采纳"), 0);
	ck_assert_int_eq(d, ST_DISPOSITION_ACCEPTED);
	ck_assert_int_eq(st_disposition_parse(&d, "未采纳"), 0);
	ck_assert_int_eq(d, ST_DISPOSITION_REJECTED);
	ck_assert_int_eq(st_disposition_parse(&d, "Accepted"), ST_EINVALID);
	ck_assert_int_eq(st_disposition_parse(&d, "open"), ST_EINVALID);
	ck_assert_str_eq(st_disposition_name(ST_DISPOSITION_OPEN), "open");
	ck_assert_str_eq(st_disposition_name(ST_DISPOSITION_NOTED), "noted");

	ck_assert_int_eq(st_disposition_check(ST_DISPOSITION_REJECTED, NULL, ST_PROFILE_ISO), ST_EINVALID);
	ck_assert_int_eq(st_disposition_check(ST_DISPOSITION_REJECTED, "", ST_PROFILE_GBT), ST_EINVALID);
	ck_assert_int_eq(st_disposition_check(ST_DISPOSITION_REJECTED, "why", ST_PROFILE_GBT), 0);
	ck_assert_int_eq(st_disposition_check(ST_DISPOSITION_NOTED, NULL, ST_PROFILE_GBT), ST_EINVALID);
	ck_assert_msg(strstr(st_error_last(), "accepted (采纳)") != NULL, "%s", st_error_last());
	ck_assert_int_eq(st_disposition_check(ST_DISPOSITION_NOTED, NULL, ST_PROFILE_ISO), 0);
	ck_assert_int_eq(st_disposition_check(ST_DISPOSITION_ACCEPTED, NULL, ST_PROFILE_GBT), 0);
}
END_TEST

static const struct {
	const char *cell;
	int ok;
	st_disposition d;
	const char *note;
} cells[] = {
	{ "", 1, ST_DISPOSITION_OPEN, NULL },
	{ "  ", 1, ST_DISPOSITION_OPEN, NULL },
	{ "采纳", 1, ST_DISPOSITION_ACCEPTED, NULL },
	{ "采纳。", 1, ST_DISPOSITION_ACCEPTED, NULL },
	{ "部分采纳：改为±8%", 1, ST_DISPOSITION_ACCEPTED_MODIFIED, "改为±8%" },
	{ "未采纳：与GB/T 12642一致", 1, ST_DISPOSITION_REJECTED, "与GB/T 12642一致" },
	{ "不采纳，理由见会议纪要", 1, ST_DISPOSITION_REJECTED, "理由见会议纪要" },
	{ "Accepted", 1, ST_DISPOSITION_ACCEPTED, NULL },
	{ "accepted in principle - see new text", 1, ST_DISPOSITION_ACCEPTED_MODIFIED, "see new text" },
	{ "Accepted with modification: eight runs", 1, ST_DISPOSITION_ACCEPTED_MODIFIED, "eight runs" },
	{ "Not accepted. Counted in 4.3.", 1, ST_DISPOSITION_REJECTED, "Counted in 4.3." },
	{ "Not accepted\nCounted in 4.3.", 1, ST_DISPOSITION_REJECTED, "Counted in 4.3." },
	{ "Noted", 1, ST_DISPOSITION_NOTED, NULL },
	{ "rejected", 1, ST_DISPOSITION_REJECTED, NULL },
	{ "Acceptedly", 0, ST_DISPOSITION_OPEN, NULL },
	{ "Maybe later", 0, ST_DISPOSITION_OPEN, NULL },
	{ "暂缓", 0, ST_DISPOSITION_OPEN, NULL },
};

START_TEST(disposition_cells)
{
	st_disposition d = ST_DISPOSITION_NOTED;
	char *note = (char *)"unset";
	int rc = st_disposition_from_text(&d, &note, cells[_i].cell);

	if (!cells[_i].ok) {
		ck_assert_int_eq(rc, ST_EINVALID);
		ck_assert_ptr_null(note);
		ck_assert_msg(strstr(st_error_last(), "does not begin with a disposition") != NULL,
			      "%s", st_error_last());
		return;
	}
	ck_assert_msg(rc == 0, "%s: %s", cells[_i].cell, st_error_last());
	ck_assert_int_eq(d, cells[_i].d);
	if (cells[_i].note)
		ck_assert_msg(note && strcmp(note, cells[_i].note) == 0, "'%s' gave note '%s'",
			      cells[_i].cell, note ? note : "(none)");
	else
		ck_assert_ptr_null(note);
	free(note);
}
END_TEST

START_TEST(lines_parse)
{
	char *line = NULL;

	ck_assert_int_eq(st_comment_line_parse(&line, "17"), 0);
	ck_assert_str_eq(line, "17");
	free(line);
	ck_assert_int_eq(st_comment_line_parse(&line, "17 - 19"), 0);
	ck_assert_str_eq(line, "17-19");
	free(line);
	ck_assert_int_eq(st_comment_line_parse(&line, "17–19"), 0);
	ck_assert_str_eq(line, "17-19");
	free(line);
	ck_assert_int_eq(st_comment_line_parse(&line, "19-17"), ST_EINVALID);
	ck_assert_int_eq(st_comment_line_parse(&line, "0"), ST_EINVALID);
	ck_assert_int_eq(st_comment_line_parse(&line, "seventeen"), ST_EINVALID);
	ck_assert_int_eq(st_comment_line_parse(&line, "17-"), ST_EINVALID);
	ck_assert_int_eq(st_comment_line_parse(&line, "12345678"), ST_EINVALID);
	ck_assert_ptr_null(line);
}
END_TEST

static st_comment *make(unsigned number, const char *by, st_disposition d)
{
	st_comment *c = NULL;

	ck_assert_int_eq(st_comment_new(&c), 0);
	c->number = number;
	c->by = strdup(by);
	c->text = strdup("text");
	c->disposition = d;
	return c;
}

START_TEST(counts_of_the_sac_table)
{
	st_comment_round round;
	st_comments comments;
	st_comment_counts k;
	const char *sent[] = { "甲", "乙", "丙", "丁", "戊" };
	size_t i;

	memset(&round, 0, sizeof(round));
	memset(&comments, 0, sizeof(comments));
	for (i = 0; i < 5; i++)
		ck_assert_int_eq(st_unit_list_add(&round.sent, sent[i]), 0);
	ck_assert_int_eq(st_unit_list_add(&round.sent, "甲"), 0); /* once only */
	ck_assert_uint_eq(round.sent.n, 5);
	ck_assert_int_eq(st_unit_list_add(&round.replied, "丁"), 0);
	/* 甲 twice, 乙 once, and 丁 both with a comment and without: counted once */
	ck_assert_int_eq(st_comments_add(&comments, make(1, "甲", ST_DISPOSITION_OPEN)), 0);
	ck_assert_int_eq(st_comments_add(&comments, make(2, "甲", ST_DISPOSITION_ACCEPTED)), 0);
	ck_assert_int_eq(st_comments_add(&comments, make(3, "乙", ST_DISPOSITION_OPEN)), 0);
	ck_assert_int_eq(st_comment_counts_compute(&k, &round, &comments), 0);
	ck_assert_uint_eq(k.sent, 5);
	ck_assert_uint_eq(k.with_comments, 2);
	ck_assert_uint_eq(k.replied, 3);
	ck_assert_uint_eq(k.not_replied, 2);
	ck_assert_int_eq(st_comments_add(&comments, make(4, "丁", ST_DISPOSITION_OPEN)), 0);
	ck_assert_int_eq(st_comment_counts_compute(&k, &round, &comments), 0);
	ck_assert_uint_eq(k.with_comments, 3);
	ck_assert_uint_eq(k.replied, 3);
	ck_assert_uint_eq(k.not_replied, 2);
	ck_assert_uint_eq(st_comments_open(&comments), 3);
	/* units that were never sent the draft: not replied stays at 0 */
	ck_assert_int_eq(st_comments_add(&comments, make(5, "己", ST_DISPOSITION_OPEN)), 0);
	ck_assert_int_eq(st_comments_add(&comments, make(6, "庚", ST_DISPOSITION_OPEN)), 0);
	ck_assert_int_eq(st_comments_add(&comments, make(7, "辛", ST_DISPOSITION_OPEN)), 0);
	ck_assert_int_eq(st_comment_counts_compute(&k, &round, &comments), 0);
	ck_assert_uint_eq(k.replied, 6);
	ck_assert_uint_eq(k.not_replied, 0);
	/* no round at all */
	ck_assert_int_eq(st_comment_counts_compute(&k, NULL, &comments), 0);
	ck_assert_uint_eq(k.sent, 0);
	ck_assert_uint_eq(k.replied, 6);
	ck_assert_uint_eq(k.not_replied, 0);
	/* the next number: past both the files and round.xml's last one */
	ck_assert_uint_eq(st_comments_next_number(&comments, &round), 8);
	round.last_number = 12;
	ck_assert_uint_eq(st_comments_next_number(&comments, &round), 13);
	st_comments_dispose(&comments);
	st_comment_round_dispose(&round);
}
END_TEST

START_TEST(record_round_trip)
{
	st_comment *c = make(7, "示例理工大学", ST_DISPOSITION_REJECTED), *back = NULL;
	st_comment_round round, round_back;
	st_buf xml = ST_BUF_INIT;

	c->type = ST_COMMENT_TE;
	c->clause = strdup("req-force");
	c->line = strdup("17-19");
	c->paragraph = strdup("表 1");
	free(c->text);
	c->text = strdup("两行\n文字 <&> \"quoted\"");
	c->proposal = strdup("改为±8%");
	c->note = strdup("理由");
	strcpy(c->stage, "30.20");
	strcpy(c->date, "2026-03-02");
	strcpy(c->resolved, "2026-03-05");
	ck_assert_int_eq(st_comment_serialise(&xml, c), 0);
	ck_assert_int_eq(st_comment_parse(&back, xml.ptr, xml.size, "7.xml"), 0);
	ck_assert_uint_eq(back->number, 7);
	ck_assert_int_eq(back->type, ST_COMMENT_TE);
	ck_assert_str_eq(back->by, c->by);
	ck_assert_str_eq(back->clause, "req-force");
	ck_assert_str_eq(back->line, "17-19");
	ck_assert_str_eq(back->paragraph, "表 1");
	ck_assert_str_eq(back->text, c->text);
	ck_assert_str_eq(back->proposal, c->proposal);
	ck_assert_ptr_null(back->remark);
	ck_assert_int_eq(back->disposition, ST_DISPOSITION_REJECTED);
	ck_assert_str_eq(back->note, "理由");
	ck_assert_str_eq(back->stage, "30.20");
	ck_assert_str_eq(back->resolved, "2026-03-05");
	st_comment_free(back);
	back = NULL;
	/* a general comment: an empty clause */
	free(c->clause);
	c->clause = NULL;
	st_buf_clear(&xml);
	ck_assert_int_eq(st_comment_serialise(&xml, c), 0);
	ck_assert_ptr_nonnull(strstr(xml.ptr, "<clause/>"));
	ck_assert_int_eq(st_comment_parse(&back, xml.ptr, xml.size, "7.xml"), 0);
	ck_assert_ptr_null(back->clause);
	st_comment_free(back);

	memset(&round, 0, sizeof(round));
	round.last_number = 9;
	ck_assert_int_eq(st_unit_list_add(&round.sent, "甲"), 0);
	ck_assert_int_eq(st_unit_list_add(&round.replied, "甲"), 0);
	st_buf_clear(&xml);
	ck_assert_int_eq(st_comment_round_serialise(&xml, &round), 0);
	ck_assert_int_eq(st_comment_round_parse(&round_back, xml.ptr, xml.size, "round.xml"), 0);
	ck_assert_uint_eq(round_back.last_number, 9);
	ck_assert_uint_eq(round_back.sent.n, 1);
	ck_assert_uint_eq(round_back.replied.n, 1);
	st_comment_round_dispose(&round);
	st_comment_round_dispose(&round_back);
	st_comment_free(c);
	st_buf_dispose(&xml);
}
END_TEST

START_TEST(normalise_checks)
{
	st_comment *c = make(1, " DE ", ST_DISPOSITION_OPEN);

	free(c->text);
	c->text = strdup("  line one\r\nline two\r  ");
	ck_assert_int_eq(st_comment_normalise(c), 0);
	ck_assert_str_eq(c->by, "DE");
	ck_assert_str_eq(c->text, "line one\nline two");
	free(c->text);
	c->text = strdup("\xe3\x80\x80 ");
	ck_assert_int_eq(st_comment_normalise(c), ST_EINVALID);
	ck_assert_str_eq(st_error_last(), "the comment's text is empty");
	free(c->text);
	c->text = strdup("bell\a");
	ck_assert_int_eq(st_comment_normalise(c), ST_EINVALID);
	free(c->text);
	c->text = strdup("ok");
	free(c->by);
	c->by = strdup("two\nlines");
	ck_assert_int_eq(st_comment_normalise(c), ST_EINVALID);
	st_comment_free(c);
}
END_TEST

/* Collects what an import reports, one "LINE: message" a line. */
static void collect(size_t line, const char *message, void *payload)
{
	st_buf *out = payload;

	st_buf_printf(out, "%zu: %s\n", line, message);
}

static int import_text(st_comments *out, st_buf *reports, const char *text, const st_comments *existing)
{
	st_comment_draft *d = load("", ST_PROFILE_GBT);
	st_comment_import_options opts;
	size_t problems = 0;
	int rc;

	memset(&opts, 0, sizeof(opts));
	opts.name = "in.csv";
	opts.draft = d;
	opts.existing = existing;
	opts.stage = "30.00";
	opts.date = "2026-03-02";
	opts.datadir = datadir();
	opts.report = collect;
	opts.payload = reports;
	rc = st_comment_import(out, NULL, text, strlen(text), &opts, &problems);
	st_comment_draft_free(d);
	return rc;
}

START_TEST(import_iso_headers)
{
	/* The ISO template's headers with their notes and footnote marks, in another order. */
	const char text[] =
		"Template for comments and secretariat observations,,,,,\n"
		"Comments,\"Clause/ Subclause (e.g. 3.1)\",MB/NC\xc2\xb9,Type of comment\xc2\xb2,"
		"\"Paragraph/ Figure/ Table/ (e.g. Table 1)\",Observations of the secretariat\n"
		"\"Too wide,\nnarrow it\",5.2,DE,te,Table 1,\"Accepted with modification: \xc2\xb1 8 %\"\n"
		",,,,,\n"
		"Fine,General,JP,ge,,\n";
	st_comments out;
	st_buf reports = ST_BUF_INIT;

	ck_assert_msg(import_text(&out, &reports, text, NULL) == 0, "%s", reports.ptr);
	ck_assert_uint_eq(out.n, 2);
	ck_assert_str_eq(out.items[0]->by, "DE");
	ck_assert_str_eq(out.items[0]->clause, "req-force");
	ck_assert_str_eq(out.items[0]->text, "Too wide,\nnarrow it");
	ck_assert_str_eq(out.items[0]->paragraph, "Table 1");
	ck_assert_int_eq(out.items[0]->disposition, ST_DISPOSITION_ACCEPTED_MODIFIED);
	ck_assert_str_eq(out.items[0]->resolved, "2026-03-02");
	ck_assert_uint_eq(out.items[0]->source_line, 3);
	ck_assert_ptr_null(out.items[1]->clause);
	ck_assert_uint_eq(out.items[1]->source_line, 6);
	ck_assert_str_eq(out.items[1]->stage, "30.00");
	st_comments_dispose(&out);
	st_buf_dispose(&reports);
}
END_TEST

START_TEST(import_reports_every_bad_row)
{
	const char text[] =
		"序号,章条编号,意见内容,提出单位,处理意见,备注\n"
		"1,5.2,偏差过宽。,甲,,\n"
		"2,9.9,没有这一条。,乙,,\n"
		"3,5.1,,丙,,\n"
		"4,5.1,\"两行\n意见\",丁,未采纳,\n"
		"5,5.1,太少,戊\n"
		"6,5.2,偏差过宽。,甲,,\n";
	st_comments out, existing;
	st_buf reports = ST_BUF_INIT;

	memset(&existing, 0, sizeof(existing));
	ck_assert_int_eq(import_text(&out, &reports, text, &existing), ST_EINVALID);
	ck_assert_uint_eq(out.n, 0);
	ck_assert_str_eq(reports.ptr,
		"3: no clause, annex, table, figure or element id '9.9' in t.xml\n"
		"4: '意见内容' is empty: the comment has no text\n"
		"5: a rejection (未采纳) needs its reason\n"
		"7: the row has 4 fields and the header 6: a comma too many or too few, or a quote not closed\n"
		"8: the same comment as on line 2\n");
	ck_assert_msg(strstr(st_error_last(), "in.csv: 5 problems; nothing was imported") != NULL,
		      "%s", st_error_last());
	/* the same comment is refused when it is recorded already */
	st_buf_clear(&reports);
	ck_assert_int_eq(st_comments_add(&existing, make(4, "甲", ST_DISPOSITION_OPEN)), 0);
	free(existing.items[0]->text);
	existing.items[0]->text = strdup("偏差过宽。");
	existing.items[0]->clause = strdup("req-force");
	ck_assert_int_eq(import_text(&out, &reports, "章条编号,意见内容,提出单位\n5.2,偏差过宽。,甲\n",
				     &existing), ST_EINVALID);
	ck_assert_str_eq(reports.ptr, "2: the same comment by 甲 is recorded already as #4\n");
	st_comments_dispose(&existing);
	st_buf_dispose(&reports);
}
END_TEST

START_TEST(import_names_the_encoding)
{
	st_comments out;
	st_buf reports = ST_BUF_INIT;

	/* 章条编号 in GBK */
	ck_assert_int_eq(import_text(&out, &reports,
		"\xd5\xc2\xcc\xf5\xb1\xe0\xba\xc5,x\n5.2,y\n", NULL), ST_EINVALID);
	ck_assert_msg(strstr(reports.ptr, "1: not UTF-8: the file looks like GBK") == reports.ptr,
		      "%s", reports.ptr);
	st_buf_clear(&reports);
	ck_assert_int_eq(import_text(&out, &reports, "a,b\nCaf\xe9,x\n", NULL), ST_EINVALID);
	ck_assert_msg(strstr(reports.ptr, "2: not valid UTF-8 text") == reports.ptr, "%s", reports.ptr);
	st_buf_dispose(&reports);
}
END_TEST

START_TEST(form_of_a_draft)
{
	st_comment_draft *d = load("", ST_PROFILE_GBT);
	st_comments comments;
	st_comment_round round;
	st_comment_form_options opts;
	xmlDoc *doc = NULL;
	st_buf xml = ST_BUF_INIT, path = ST_BUF_INIT;
	st_schema *schema = NULL;
	st_comment *c;

	memset(&comments, 0, sizeof(comments));
	memset(&round, 0, sizeof(round));
	memset(&opts, 0, sizeof(opts));
	c = make(1, "甲", ST_DISPOSITION_ACCEPTED);
	c->clause = strdup("tab-grades");
	strcpy(c->stage, "30.00");
	strcpy(c->date, "2026-03-02");
	strcpy(c->resolved, "2026-03-03");
	ck_assert_int_eq(st_comments_add(&comments, c), 0);
	c = make(2, "乙", ST_DISPOSITION_OPEN);
	c->clause = strdup("gone");
	strcpy(c->stage, "30.00");
	strcpy(c->date, "2026-03-02");
	ck_assert_int_eq(st_comments_add(&comments, c), 0);
	ck_assert_int_eq(st_unit_list_add(&round.sent, "甲"), 0);
	ck_assert_int_eq(st_unit_list_add(&round.sent, "丙"), 0);
	opts.draft_id = "d";
	opts.stage = "30.00";
	opts.date = "2026-03-04";
	ck_assert_int_eq(st_comment_form(&doc, d, &comments, &round, &opts), 0);
	st_buf_printf(&path, "%s/schemas/comment-form.rng", datadir());
	ck_assert_int_eq(st_schema_load(&schema, path.ptr), 0);
	ck_assert_msg(st_schema_validate(schema, doc, "form") == 0, "%s", st_error_last());
	ck_assert_int_eq(st_xml_serialise(&xml, doc), 0);
	ck_assert_ptr_nonnull(strstr(xml.ptr, "<number>GB/T 45888—2026</number>"));
	ck_assert_ptr_nonnull(strstr(xml.ptr, "<title>机器人 末端执行器</title>"));
	ck_assert_ptr_nonnull(strstr(xml.ptr, "<clause ref=\"tab-grades\">表 1</clause>"));
	ck_assert_ptr_nonnull(strstr(xml.ptr, "<clause ref=\"gone\" missing=\"true\"/>"));
	ck_assert_ptr_nonnull(strstr(xml.ptr,
		"<counts sent=\"2\" replied=\"2\" replied-with-comments=\"2\" not-replied=\"0\"/>"));
	xmlFreeDoc(doc);
	/* only the open ones */
	opts.open_only = 1;
	ck_assert_int_eq(st_comment_form(&doc, d, &comments, &round, &opts), 0);
	st_buf_clear(&xml);
	ck_assert_int_eq(st_xml_serialise(&xml, doc), 0);
	ck_assert_ptr_null(strstr(xml.ptr, "number=\"1\""));
	ck_assert_ptr_nonnull(strstr(xml.ptr, "number=\"2\""));
	xmlFreeDoc(doc);
	st_schema_free(schema);
	st_comments_dispose(&comments);
	st_comment_round_dispose(&round);
	st_comment_draft_free(d);
	st_buf_dispose(&xml);
	st_buf_dispose(&path);
}
END_TEST

Suite *comment_suite(void)
{
	Suite *s = suite_create("comment");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, clause_resolves, 0, sizeof(refs) / sizeof(refs[0]));
	tcase_add_loop_test(tc, clause_refused, 0, sizeof(bad_refs) / sizeof(bad_refs[0]));
	tcase_add_test(tc, labels_follow_renumbering);
	tcase_add_test(tc, types_parse);
	tcase_add_test(tc, dispositions_parse_and_check);
	tcase_add_loop_test(tc, disposition_cells, 0, sizeof(cells) / sizeof(cells[0]));
	tcase_add_test(tc, lines_parse);
	tcase_add_test(tc, counts_of_the_sac_table);
	tcase_add_test(tc, record_round_trip);
	tcase_add_test(tc, normalise_checks);
	tcase_add_test(tc, import_iso_headers);
	tcase_add_test(tc, import_reports_every_bad_row);
	tcase_add_test(tc, import_names_the_encoding);
	tcase_add_test(tc, form_of_a_draft);
	suite_add_tcase(s, tc);
	return s;
}
