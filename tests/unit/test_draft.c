/* test_draft.c: numbering, cross-reference text, stages and the lint core. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "st_draft.h"
#include "st_error.h"
#include "st_lint.h"
#include "st_stage.h"
#include "st_xml.h"
#include "suites.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
	"<standard xmlns:tbx=\"urn:iso:std:iso:30042:ed-1\" xml:lang=\"zh\">"

/* A draft whose every numbered element has the id it should be numbered as. */
static const char numbered[] =
	HEAD
	"<front><std-meta/>"
	"<sec sec-type=\"foreword\" id=\"fw\"><title>前言</title><p>x</p>"
	"<non-normative-note id=\"fw-note\"><p>n</p></non-normative-note></sec>"
	"<sec sec-type=\"intro\" id=\"in\"><title>引言</title>"
	"<sec id=\"s0.1\"><title>a</title></sec><sec id=\"s0.2\"><title>b</title></sec></sec></front>"
	"<body>"
	"<sec id=\"s1\"><title>范围</title><p>x</p></sec>"
	"<sec id=\"s2\"><title>规范性引用文件</title><ref-list content-type=\"norm-refs\">"
	"<ref id=\"nr\"><std><std-ref>GB/T 1.1—2020</std-ref></std></ref></ref-list></sec>"
	"<sec id=\"s3\"><title>术语和定义</title>"
	"<term-sec id=\"s3.1\"><tbx:termEntry id=\"te1\"/></term-sec>"
	"<term-sec id=\"s3.2\"><tbx:termEntry id=\"te2\"/>"
	"<term-sec id=\"s3.2.1\"><tbx:termEntry id=\"te3\"/></term-sec></term-sec></sec>"
	"<sec id=\"s4\"><title>要求</title>"
	"<sec id=\"s4.1\"><title>a</title>"
	"<table-wrap id=\"t1\"><table><tr><td>x<fn id=\"tfa\"><p>a</p></fn><fn id=\"tfb\"><p>b</p></fn></td></tr></table></table-wrap>"
	"<non-normative-note id=\"n4.1-1\"><p>x</p></non-normative-note>"
	"<non-normative-note id=\"n4.1-2\"><p>x</p></non-normative-note>"
	"<non-normative-example id=\"e4.1\"><p>x</p></non-normative-example>"
	"<p>text<fn id=\"fn1\"><p>f</p></fn></p>"
	"<fig id=\"f1\"><caption><title>图</title></caption></fig>"
	"<disp-formula id=\"eq1\"><mml:math xmlns:mml=\"http://www.w3.org/1998/Math/MathML\"/></disp-formula>"
	"</sec>"
	"<sec id=\"s4.2\"><title>b</title>"
	"<sec id=\"s4.2.1\"><title>c</title><table-wrap id=\"t2\"><label>表 9</label></table-wrap></sec></sec>"
	"</sec></body>"
	"<back><app-group>"
	"<app id=\"A\" content-type=\"norm-annex\"><title>x</title>"
	"<table-wrap id=\"tA.1\"/><fig id=\"fA.1\"/><disp-formula id=\"eqA.1\"/>"
	"<sec id=\"sA.1\"><title>y</title><sec id=\"sA.1.1\"><title>z</title></sec></sec></app>"
	"<app id=\"B\" content-type=\"inform-annex\"><title>x</title><table-wrap id=\"tB.1\"/></app>"
	"</app-group>"
	"<ref-list content-type=\"bibl\"><ref id=\"b1\"/><ref id=\"b2\"><p>x<fn id=\"fn2\"><p>f</p></fn></p></ref></ref-list>"
	"</back></standard>";

static const struct {
	const char *id, *label, *gbt_ref, *iso_ref;
} expected[] = {
	{ "s0.1", "0.1", "0.1", "0.1" },
	{ "s0.2", "0.2", "0.2", "0.2" },
	{ "fw-note", "", "注", "Note" },
	{ "s1", "1", "第1章", "Clause 1" },
	{ "s3", "3", "第3章", "Clause 3" },
	{ "s3.1", "3.1", "3.1", "3.1" },
	{ "s3.2", "3.2", "3.2", "3.2" },
	{ "s3.2.1", "3.2.1", "3.2.1", "3.2.1" },
	{ "s4.1", "4.1", "4.1", "4.1" },
	{ "s4.2.1", "4.2.1", "4.2.1", "4.2.1" },
	{ "t1", "1", "表 1", "Table 1" },
	{ "tfa", "a", "a", "a" },
	{ "tfb", "b", "b", "b" },
	{ "n4.1-1", "1", "注 1", "Note 1" },
	{ "n4.1-2", "2", "注 2", "Note 2" },
	{ "e4.1", "", "示例", "Example" },
	{ "f1", "1", "图 1", "Figure 1" },
	{ "eq1", "(1)", "公式(1)", "Formula (1)" },
	/* a hand-typed label is what a cross reference shows */
	{ "t2", "2", "表 9", "Table 9" },
	{ "A", "A", "附录 A", "Annex A" },
	{ "tA.1", "A.1", "表 A.1", "Table A.1" },
	{ "fA.1", "A.1", "图 A.1", "Figure A.1" },
	{ "eqA.1", "(A.1)", "公式(A.1)", "Formula (A.1)" },
	{ "sA.1", "A.1", "A.1", "A.1" },
	{ "sA.1.1", "A.1.1", "A.1.1", "A.1.1" },
	{ "B", "B", "附录 B", "Annex B" },
	{ "tB.1", "B.1", "表 B.1", "Table B.1" },
	{ "b1", "[1]", "[1]", "[1]" },
	{ "b2", "[2]", "[2]", "[2]" },
	{ "nr", "", "GB/T 1.1—2020", "GB/T 1.1—2020" },
};

static xmlNode *find_id(xmlNode *node, const char *id)
{
	xmlNode *c, *found;

	for (c = node; c; c = c->next) {
		xmlChar *v;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		v = xmlGetProp(c, (const xmlChar *)"id");
		if (v && strcmp((const char *)v, id) == 0) {
			xmlFree(v);
			return c;
		}
		xmlFree(v);
		if (c->children && (found = find_id(c->children, id)))
			return found;
	}
	return NULL;
}

START_TEST(numbering_labels)
{
	xmlDoc *doc = NULL;
	st_numbering *nb = NULL;
	size_t i;
	int p;

	ck_assert_int_eq(st_xml_parse_memory(&doc, numbered, strlen(numbered), "t"), 0);
	for (p = 0; p < 2; p++) {
		st_profile profile = p ? ST_PROFILE_ISO : ST_PROFILE_GBT;
		ck_assert_int_eq(st_numbering_compute(&nb, doc, profile), 0);
		for (i = 0; i < sizeof(expected) / sizeof(expected[0]); i++) {
			xmlNode *n = find_id(xmlDocGetRootElement(doc), expected[i].id);
			const char *label;
			st_buf ref = ST_BUF_INIT;
			ck_assert_msg(n != NULL, "no element %s", expected[i].id);
			label = st_numbering_label(nb, n, NULL, NULL);
			ck_assert_msg(label != NULL, "%s is not numbered", expected[i].id);
			if (strcmp(expected[i].id, "fn1") != 0)
				ck_assert_msg(strcmp(label, expected[i].label) == 0, "%s: label '%s', want '%s'",
					      expected[i].id, label, expected[i].label);
			ck_assert_int_eq(st_numbering_ref_text(&ref, nb, n), 0);
			ck_assert_msg(strcmp(ref.ptr ? ref.ptr : "", p ? expected[i].iso_ref : expected[i].gbt_ref) == 0,
				      "%s: reference '%s'", expected[i].id, ref.ptr ? ref.ptr : "");
			st_buf_dispose(&ref);
		}
		/* document footnotes: 1) 2) in GB/T, 1 2 in ISO; table ones don't count */
		ck_assert_str_eq(st_numbering_label(nb, find_id(xmlDocGetRootElement(doc), "fn1"), NULL, NULL),
				 p ? "1" : "1)");
		ck_assert_str_eq(st_numbering_label(nb, find_id(xmlDocGetRootElement(doc), "fn2"), NULL, NULL),
				 p ? "2" : "2)");
		st_numbering_free(nb);
	}
	xmlFreeDoc(doc);
}
END_TEST

START_TEST(annotate_inserts_labels_and_xref_text)
{
	static const char src[] = HEAD
		"<front/><body><sec id=\"a\"><title>x</title><p><xref ref-type=\"table\" rid=\"t\"/>"
		"<xref rid=\"a\">own text</xref><xref rid=\"nosuch\"/></p>"
		"<table-wrap id=\"t\"><caption><title>c</title></caption></table-wrap></sec></body></standard>";
	xmlDoc *doc = NULL;
	st_buf out = ST_BUF_INIT;

	ck_assert_int_eq(st_xml_parse_memory(&doc, src, strlen(src), "t"), 0);
	ck_assert_int_eq(st_draft_annotate(doc, ST_PROFILE_GBT, "30.20", 1), 0);
	{
		xmlChar *mem = NULL;
		int size = 0;
		xmlDocDumpMemory(doc, &mem, &size); /* unformatted */
		st_buf_put(&out, (const char *)mem, (size_t)size);
		st_buf_putc(&out, '\0');
		xmlFree(mem);
	}
	ck_assert_ptr_nonnull(strstr(out.ptr, "<sec id=\"a\"><label>1</label><title>x</title>"));
	ck_assert_ptr_nonnull(strstr(out.ptr, "<xref ref-type=\"table\" rid=\"t\">表 1</xref>"));
	ck_assert_ptr_nonnull(strstr(out.ptr, "<xref rid=\"a\">own text</xref>"));
	ck_assert_ptr_nonnull(strstr(out.ptr, "<xref rid=\"nosuch\"/>"));
	ck_assert_ptr_nonnull(strstr(out.ptr, "<table-wrap id=\"t\"><label>1</label><caption>"));
	ck_assert_ptr_nonnull(strstr(out.ptr, "st-profile=\"gbt\" st-stage=\"30.20\" st-stage-label=\"1\""));
	st_buf_dispose(&out);
	xmlFreeDoc(doc);
}
END_TEST

static const struct {
	const char *text, *number;
} label_numbers[] = {
	{ "表 A.1", "A.1" }, { "Table 12", "12" }, { "(3)", "3" }, { "(A.2)", "A.2" },
	{ "注：", "" }, { "NOTE 2", "2" }, { "附录A\n（规范性）", "A" }, { "Annex B (informative)", "B" },
	{ "5.2.", "5.2" }, { "[4]", "4" }, { "1)", "1" }, { "示例 3：", "3" }, { "第5章", "5" },
};

START_TEST(label_number_words)
{
	st_buf out = ST_BUF_INIT;

	st_label_number(&out, label_numbers[_i].text);
	st_buf_putc(&out, '\0');
	ck_assert_str_eq(out.ptr, label_numbers[_i].number);
	st_buf_dispose(&out);
}
END_TEST

static const struct {
	const char *from, *to;
	int allowed;
} moves[] = {
	{ "20.00", "20.20", 1 }, { "20.20", "20.00", 0 }, { "20.00", "30.00", 1 },
	{ "20.60", "40.00", 1 },  /* the committee stage may be skipped */
	{ "20.00", "50.00", 0 }, { "00.00", "10.00", 1 }, { "00.00", "20.00", 1 },
	{ "00.00", "30.00", 0 }, { "30.00", "20.00", 0 }, { "30.92", "20.00", 1 },
	{ "40.92", "30.20", 1 }, { "30.93", "30.20", 1 }, { "30.20", "30.20", 0 },
	{ "20.98", "30.00", 0 }, { "40.99", "50.00", 1 }, { "40.60", "60.00", 1 },
	{ "50.00", "60.00", 1 }, { "60.60", "90.00", 1 }, { "60.60", "95.00", 1 },
	{ "90.00", "95.99", 1 }, { "95.99", "20.00", 0 }, { "60.00", "40.00", 0 },
};

START_TEST(stage_moves)
{
	st_stage from, to;

	ck_assert_int_eq(st_stage_parse(&from, moves[_i].from), 0);
	ck_assert_int_eq(st_stage_parse(&to, moves[_i].to), 0);
	if (moves[_i].allowed)
		ck_assert_msg(st_stage_move_check(from, to) == 0, "%s → %s: %s",
			      moves[_i].from, moves[_i].to, st_error_last());
	else
		ck_assert_int_eq(st_stage_move_check(from, to), ST_EINVALID);
}
END_TEST

START_TEST(stage_names)
{
	static const struct { const char *name, *code; } names[] = {
		{ "cd", "30.00" }, { "DIS", "40.00" }, { "报批稿", "50.00" }, { "征求意见稿", "30.00" },
		{ "30.20", "30.20" }, { "60.60", "60.60" }, { "is", "60.00" }, { "复审", "90.00" },
	};
	static const char *const bad[] = { "30.50", "35.00", "60.20", "3.20", "final", "", "30.2" };
	st_stage s;
	char code[6];
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		ck_assert_int_eq(st_stage_parse(&s, names[i].name), 0);
		st_stage_format(code, s);
		ck_assert_str_eq(code, names[i].code);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_int_eq(st_stage_parse(&s, bad[i]), ST_EINVALID);
}
END_TEST

/* A decision substage reads as what it decides in its stage. */
START_TEST(substage_names)
{
	ck_assert_str_eq(st_substage_name(40, 99), "approved to go on");
	ck_assert_str_eq(st_substage_name(30, 92), "back to an earlier stage");
	ck_assert_str_eq(st_substage_name(60, 0), "registered");
	ck_assert_str_eq(st_substage_name(60, 60), "published");
	ck_assert_str_eq(st_substage_name(90, 60), "completed");
	ck_assert_str_eq(st_substage_name(90, 92), "to be revised");
	ck_assert_str_eq(st_substage_name(90, 93), "confirmed");
	ck_assert_str_eq(st_substage_name(90, 99), "withdrawal proposed");
	ck_assert_str_eq(st_substage_name(95, 92), "not withdrawn");
	ck_assert_str_eq(st_substage_name(95, 99), "withdrawn");
	ck_assert_str_eq(st_substage_name(95, 98), "abandoned");
}
END_TEST

/* A clean GB/T draft; the cases below change one thing in it. */
static const char clean[] =
	HEAD
	"<front><std-meta><title-wrap xml:lang=\"zh\"><main>机器人</main></title-wrap></std-meta>\n"
	"<sec sec-type=\"foreword\" id=\"fw\"><title>前言</title>"
	"<p>本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。</p>"
	"<p>应用领域见相应条款。</p></sec></front>\n"
	"<body><sec sec-type=\"scope\" id=\"s1\"><title>范围</title><p>本文件规定了协作机器人的要求。</p></sec>\n"
	"<sec sec-type=\"norm-refs\" id=\"s2\"><title>规范性引用文件</title><p>下列文件……</p>"
	"<ref-list content-type=\"norm-refs\"><ref id=\"r1\"><std><std-ref>GB/T 12345—2020</std-ref></std></ref>"
	"<ref id=\"r2\"><std><std-ref>ISO 10218-1:2025</std-ref></std></ref></ref-list></sec>\n"
	"<sec sec-type=\"terms\" id=\"s3\"><title>术语和定义</title><p>下列术语和定义适用于本文件。</p>"
	"<term-sec id=\"t1\"><tbx:termEntry id=\"te1\"><tbx:langSet xml:lang=\"zh\"><tbx:tig><tbx:term>协作机器人</tbx:term></tbx:tig>"
	"<tbx:definition>与人协作的机器人</tbx:definition></tbx:langSet></tbx:termEntry></term-sec>"
	"<term-sec id=\"t2\"><tbx:termEntry id=\"te2\"><tbx:langSet xml:lang=\"zh\"><tbx:tig><tbx:term>力限值</tbx:term></tbx:tig>"
	"<tbx:definition>x</tbx:definition></tbx:langSet></tbx:termEntry></term-sec></sec>\n"
	"<sec id=\"s4\"><title>要求</title><sec id=\"s4.1\"><title>总则</title>"
	"<p>协作机器人应符合GB/T 12345和ISO 10218-1的规定，见<xref ref-type=\"app\" rid=\"A\"/>和<xref rid=\"t2\"/>。</p></sec>"
	"<sec id=\"s4.2\"><title>力</title><p>x</p></sec></sec></body>\n"
	"<back><app-group><app id=\"A\" content-type=\"norm-annex\"><title>试验</title><p>x</p></app></app-group></back>"
	"</standard>";

static void lint(st_findings *f, const char *doc)
{
	st_lint_options opts;

	memset(&opts, 0, sizeof(opts));
	ck_assert_int_eq(st_lint_memory(f, doc, strlen(doc), "t.xml", &opts, NULL), 0);
}

static char *replaced(const char *from, const char *to)
{
	const char *at = strstr(clean, from);
	char *out;

	ck_assert_msg(at != NULL, "'%s' is not in the clean draft", from);
	out = malloc(strlen(clean) + strlen(to) + 1);
	memcpy(out, clean, (size_t)(at - clean));
	strcpy(out + (at - clean), to);
	strcat(out, at + strlen(from));
	return out;
}

START_TEST(lint_clean_draft)
{
	st_findings f = ST_FINDINGS_INIT;

	lint(&f, clean);
	ck_assert_msg(f.n == 0, "finding: [%s] %s", f.n ? f.items[0].rule : "",
		      f.n ? f.items[0].message : "");
	st_findings_dispose(&f);
}
END_TEST

static const struct {
	const char *from, *to, *rule;
	long line;
} breaks[] = {
	{ "<p>应用领域见相应条款。</p>", "<p>使用者应阅读。</p>", "VERBAL-FORM", 3 },
	{ "<p>本文件规定了协作机器人的要求。</p>", "<p>本文件必须规定协作机器人的要求。</p>", "MUST", 4 },
	{ "协作机器人应符合GB/T 12345和", "协作机器人应符合GB/T 12345-2020和", "NUMBER-DASH", 7 },
	{ "<xref rid=\"t2\"/>", "<xref rid=\"t9\"/>", "XREF-TARGET", 7 },
	/* no xref and no text: the term and the reference are unused */
	{ "和<xref rid=\"t2\"/>", "", "TERM-UNUSED", 6 },
	{ "和ISO 10218-1的规定", "的规定", "REF-UNCITED", 5 },
	/* "ISO 10218" is not "ISO 10218-1" */
	{ "和ISO 10218-1的规定", "和ISO 10218的规定", "REF-UNCITED", 5 },
	{ "<xref ref-type=\"app\" rid=\"A\"/>", "", "ANNEX-UNCITED", 8 },
	{ " content-type=\"norm-annex\"", "", "ANNEX-TYPE", 8 },
	{ "<sec id=\"s4.2\"><title>力</title>", "<sec id=\"s4.2\">", "SUBCLAUSE-TITLES", 7 },
	{ "<sec id=\"s4\"><title>要求</title>", "<sec id=\"s4\"><title>要求</title><p>悬置</p>", "HANGING-PARAGRAPH", 7 },
	{ "id=\"s4.2\"", "id=\"s4.1\"", "DUPLICATE-ID", 7 },
	{ "<p>本文件按照GB/T 1.1—2020", "<p>本文件参照GB/T 1.1—2020", "FIXED-SENTENCE", 3 },
};

START_TEST(lint_one_break)
{
	st_findings f = ST_FINDINGS_INIT;
	char *doc = replaced(breaks[_i].from, breaks[_i].to);
	size_t i;
	int hit = 0;

	lint(&f, doc);
	for (i = 0; i < f.n; i++)
		if (strcmp(f.items[i].rule, breaks[_i].rule) == 0 && f.items[i].line == breaks[_i].line)
			hit = 1;
	ck_assert_msg(hit, "[%s] not found on line %ld (%zu findings, first [%s] line %ld)",
		      breaks[_i].rule, breaks[_i].line, f.n, f.n ? f.items[0].rule : "",
		      f.n ? f.items[0].line : 0L);
	st_findings_dispose(&f);
	free(doc);
}
END_TEST

START_TEST(lint_ignore)
{
	st_findings f = ST_FINDINGS_INIT;
	char *doc = replaced("<p>本文件规定了协作机器人的要求。</p>", "<p>本文件必须规定协作机器人的要求。</p>");
	char *ignore[] = { (char *)"MUST" };
	st_lint_options opts;

	memset(&opts, 0, sizeof(opts));
	opts.ignore = ignore;
	opts.nignore = 1;
	ck_assert_int_eq(st_lint_memory(&f, doc, strlen(doc), "t.xml", &opts, NULL), 0);
	ck_assert_uint_eq(f.n, 0);
	st_findings_dispose(&f);
	free(doc);
}
END_TEST

/* st_lint_buf finds what st_lint_memory finds, and frees the text once parsed. */
START_TEST(lint_buf_disposes_text)
{
	st_findings f = ST_FINDINGS_INIT, g = ST_FINDINGS_INIT;
	char *doc = replaced("<p>本文件规定了协作机器人的要求。</p>", "<p>本文件必须规定协作机器人的要求。</p>");
	st_buf text = ST_BUF_INIT;
	st_lint_options opts;
	size_t i;

	memset(&opts, 0, sizeof(opts));
	st_buf_puts(&text, doc);
	lint(&f, doc);
	ck_assert_int_eq(st_lint_buf(&g, &text, "t.xml", &opts, NULL), 0);
	ck_assert_uint_eq(text.asize, 0);
	ck_assert_uint_eq(text.size, 0);
	ck_assert_uint_eq(g.n, f.n);
	ck_assert_uint_ge(g.n, 1);
	for (i = 0; i < f.n; i++) {
		ck_assert_str_eq(g.items[i].rule, f.items[i].rule);
		ck_assert_int_eq(g.items[i].line, f.items[i].line);
	}
	st_findings_dispose(&f);
	st_findings_dispose(&g);
	free(doc);
}
END_TEST

START_TEST(lint_depth)
{
	static const char deep6[] = HEAD
		"<front><std-meta/></front><body><sec id=\"a\"><title>a</title>"
		"<sec id=\"b\"><sec id=\"c\"><sec id=\"d\"><sec id=\"e\">\n<sec id=\"f\"><p>x</p>"
		"</sec></sec></sec></sec></sec></sec></body></standard>";
	st_findings f = ST_FINDINGS_INIT;
	size_t i, depth = 0;

	lint(&f, deep6);
	for (i = 0; i < f.n; i++)
		if (strcmp(f.items[i].rule, "DEPTH") == 0) {
			depth++;
			ck_assert_int_eq(f.items[i].line, 3);
		}
	ck_assert_uint_eq(depth, 1);
	st_findings_dispose(&f);
}
END_TEST

START_TEST(lint_not_well_formed)
{
	static const char bad[] = "<standard>\n<front>\n</standard>";
	st_findings f = ST_FINDINGS_INIT;

	lint(&f, bad);
	ck_assert_uint_eq(f.n, 1);
	ck_assert_str_eq(f.items[0].rule, "XML");
	ck_assert_int_eq(f.items[0].line, 3);
	ck_assert_uint_eq(f.errors, 1);
	st_findings_dispose(&f);
}
END_TEST


/* ------------------------------------------------------------------ */
/* White space left out while a draft is parsed                         */

#define NS_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
	"<standard xmlns:tbx=\"urn:iso:std:iso:30042:ed-1\"" \
	" xmlns:mml=\"http://www.w3.org/1998/Math/MathML\" dtd-version=\"1.2\" xml:lang=\"en\">\n"

/* Layout between blocks; meaningful spaces between inline elements. */
static const char spaced[] =
	NS_HEAD
	"  <front>\n    <std-meta>\n      <title-wrap xml:lang=\"en\"><main>Robots</main></title-wrap>\n"
	"    </std-meta>\n  </front>\n"
	"  <body>\n    <sec id=\"s1\">\n      <title>Scope <bold>and</bold> <italic>field</italic></title>\n"
	"      <p><bold>a</bold> <italic>b</italic></p>\n"
	"      <list>\n        <list-item>\n          <p><bold>c</bold> <xref rid=\"s1\"/> d</p>\n"
	"        </list-item>\n      </list>\n"
	"      <table-wrap>\n        <table>\n          <tr>\n"
	"            <td><bold>1</bold> <italic>2</italic></td>\n            <td> </td>\n"
	"          </tr>\n        </table>\n      </table-wrap>\n"
	"      <disp-formula>\n        <mml:math>\n          <mml:mrow>\n"
	"            <mml:mi>x</mml:mi>\n            <mml:mo> + </mml:mo>\n          </mml:mrow>\n"
	"        </mml:math>\n      </disp-formula>\n"
	"    </sec>\n    <sec id=\"s2\">\n      <title>Terms</title>\n"
	"      <term-sec id=\"t1\">\n        <tbx:termEntry id=\"te1\">\n"
	"          <tbx:langSet xml:lang=\"en\">\n"
	"            <tbx:definition>a <bold>robot</bold> <italic>arm</italic></tbx:definition>\n"
	"            <tbx:tig>\n              <tbx:term>end <italic>effector</italic></tbx:term>\n"
	"            </tbx:tig>\n          </tbx:langSet>\n        </tbx:termEntry>\n      </term-sec>\n"
	"    </sec>\n  </body>\n</standard>\n";

static xmlDoc *parse_draft(const char *text, size_t len, int trimmed)
{
	xmlDoc *doc = NULL;
	int error = trimmed ?
		st_xml_parse_memory_trimmed(&doc, text, len, "t.xml", st_draft_element_only) :
		st_xml_parse_memory(&doc, text, len, "t.xml");

	ck_assert_msg(error == 0, "parse: %s", st_error_last());
	return doc;
}

/* Blank text nodes directly in element-only elements, and in the others. */
static void count_blanks(const xmlNode *node, size_t *layout, size_t *mixed)
{
	const xmlNode *c;

	for (c = node->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE &&
		    c->content[strspn((const char *)c->content, " \t\r\n")] == '\0')
			(*(st_draft_element_only(node) ? layout : mixed))++;
		if (c->type == XML_ELEMENT_NODE)
			count_blanks(c, layout, mixed);
	}
}

/* The element 'name' with the given id, or the n-th one in document order. */
static xmlNode *nth_element(xmlNode *node, const char *name, int *n)
{
	xmlNode *c, *found;

	for (c = node; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)c->name, name) == 0 && (*n)-- == 0)
			return c;
		if (c->children && (found = nth_element(c->children, name, n)))
			return found;
	}
	return NULL;
}

static void assert_dump(xmlDoc *doc, const char *name, int n, const char *dump)
{
	xmlBuffer *buf = xmlBufferCreate();
	xmlNode *node = nth_element(xmlDocGetRootElement(doc), name, &n);

	ck_assert_msg(node != NULL, "no %s", name);
	xmlNodeDump(buf, doc, node, 0, 0);
	ck_assert_str_eq((const char *)xmlBufferContent(buf), dump);
	xmlBufferFree(buf);
}

START_TEST(trim_keeps_mixed_content)
{
	xmlDoc *plain = parse_draft(spaced, sizeof(spaced) - 1, 0);
	xmlDoc *doc = parse_draft(spaced, sizeof(spaced) - 1, 1);
	size_t layout = 0, mixed = 0, plain_layout = 0, plain_mixed = 0;

	count_blanks(xmlDocGetRootElement(plain), &plain_layout, &plain_mixed);
	count_blanks(xmlDocGetRootElement(doc), &layout, &mixed);
	ck_assert_uint_gt(plain_layout, 30);
	ck_assert_uint_eq(layout, 0);
	/* the spaces between inline elements, the blank cell, and the layout
	 * inside elements that take text (tbx:definition's line end, mml:mi) */
	ck_assert_uint_eq(mixed, plain_mixed);
	ck_assert_uint_ge(mixed, 6);
	assert_dump(doc, "p", 0, "<p><bold>a</bold> <italic>b</italic></p>");
	assert_dump(doc, "p", 1, "<p><bold>c</bold> <xref rid=\"s1\"/> d</p>");
	assert_dump(doc, "title", 0, "<title>Scope <bold>and</bold> <italic>field</italic></title>");
	assert_dump(doc, "td", 0, "<td><bold>1</bold> <italic>2</italic></td>");
	assert_dump(doc, "td", 1, "<td> </td>");
	assert_dump(doc, "mo", 0, "<mml:mo> + </mml:mo>");
	assert_dump(doc, "definition", 0,
		    "<tbx:definition>a <bold>robot</bold> <italic>arm</italic></tbx:definition>");
	assert_dump(doc, "tig", 0, "<tbx:tig><tbx:term>end <italic>effector</italic></tbx:term></tbx:tig>");
	assert_dump(doc, "list", 0,
		    "<list><list-item><p><bold>c</bold> <xref rid=\"s1\"/> d</p></list-item></list>");
	xmlFreeDoc(plain);
	xmlFreeDoc(doc);
}
END_TEST

static const struct {
	const char *name, *ns;
	int element_only;
} element_kinds[] = {
	{ "standard", NULL, 1 }, { "front", NULL, 1 }, { "body", NULL, 1 }, { "back", NULL, 1 },
	{ "sec", NULL, 1 }, { "app", NULL, 1 }, { "app-group", NULL, 1 }, { "std-meta", NULL, 1 },
	{ "ref-list", NULL, 1 }, { "list", NULL, 1 }, { "list-item", NULL, 1 },
	{ "table-wrap", NULL, 1 }, { "table", NULL, 1 }, { "tbody", NULL, 1 }, { "tr", NULL, 1 },
	{ "fig", NULL, 1 }, { "term-sec", NULL, 1 }, { "adoption", NULL, 1 },
	{ "adoption-front", NULL, 1 }, { "caption", NULL, 1 }, { "colgroup", NULL, 1 },
	{ "custom-meta", NULL, 1 }, { "custom-meta-group", NULL, 1 }, { "def-item", NULL, 1 },
	{ "def-list", NULL, 1 }, { "disp-formula", NULL, 1 }, { "fn", NULL, 1 },
	{ "fn-group", NULL, 1 }, { "iso-meta", NULL, 1 }, { "nat-meta", NULL, 1 },
	{ "non-normative-example", NULL, 1 }, { "non-normative-note", NULL, 1 },
	{ "permissions", NULL, 1 }, { "reg-meta", NULL, 1 }, { "std-doc-meta", NULL, 1 },
	{ "std-ident", NULL, 1 }, { "std-xref", NULL, 1 }, { "table-wrap-foot", NULL, 1 },
	{ "tfoot", NULL, 1 }, { "thead", NULL, 1 }, { "title-wrap", NULL, 1 },
	{ "p", NULL, 0 }, { "title", NULL, 0 }, { "label", NULL, 0 }, { "td", NULL, 0 },
	{ "th", NULL, 0 }, { "std", NULL, 0 }, { "xref", NULL, 0 }, { "bold", NULL, 0 },
	{ "main", NULL, 0 }, { "tex-math", NULL, 0 }, { "mixed-citation", NULL, 0 },
	{ "math", NULL, 0 }, { "mrow", NULL, 0 }, { "termEntry", NULL, 0 },
	{ "termEntry", "urn:iso:std:iso:30042:ed-1", 1 }, { "langSet", "urn:iso:std:iso:30042:ed-1", 1 },
	{ "tig", "urn:iso:std:iso:30042:ed-1", 1 }, { "term", "urn:iso:std:iso:30042:ed-1", 0 },
	{ "definition", "urn:iso:std:iso:30042:ed-1", 0 }, { "sec", "urn:iso:std:iso:30042:ed-1", 0 },
	{ "math", "http://www.w3.org/1998/Math/MathML", 1 },
	{ "mrow", "http://www.w3.org/1998/Math/MathML", 1 },
	{ "mfenced", "http://www.w3.org/1998/Math/MathML", 1 },
	{ "mfrac", "http://www.w3.org/1998/Math/MathML", 1 },
	{ "mover", "http://www.w3.org/1998/Math/MathML", 1 },
	{ "mroot", "http://www.w3.org/1998/Math/MathML", 1 },
	{ "msqrt", "http://www.w3.org/1998/Math/MathML", 1 },
	{ "mstyle", "http://www.w3.org/1998/Math/MathML", 1 },
	{ "msub", "http://www.w3.org/1998/Math/MathML", 1 },
	{ "msubsup", "http://www.w3.org/1998/Math/MathML", 1 },
	{ "msup", "http://www.w3.org/1998/Math/MathML", 1 },
	{ "mtable", "http://www.w3.org/1998/Math/MathML", 1 },
	{ "mtd", "http://www.w3.org/1998/Math/MathML", 1 },
	{ "mtr", "http://www.w3.org/1998/Math/MathML", 1 },
	{ "munder", "http://www.w3.org/1998/Math/MathML", 1 },
	{ "munderover", "http://www.w3.org/1998/Math/MathML", 1 },
	{ "semantics", "http://www.w3.org/1998/Math/MathML", 1 },
	{ "mi", "http://www.w3.org/1998/Math/MathML", 0 },
	{ "mo", "http://www.w3.org/1998/Math/MathML", 0 },
	{ "mtext", "http://www.w3.org/1998/Math/MathML", 0 },
	{ "annotation", "http://www.w3.org/1998/Math/MathML", 0 },
	{ "sec", "http://example.org/other", 0 },
};

START_TEST(element_only_names)
{
	xmlDoc *doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNode *node = xmlNewDocNode(doc, NULL, (const xmlChar *)element_kinds[_i].name, NULL);

	xmlDocSetRootElement(doc, node);
	if (element_kinds[_i].ns)
		xmlSetNs(node, xmlNewNs(node, (const xmlChar *)element_kinds[_i].ns,
					(const xmlChar *)"x"));
	ck_assert_msg(st_draft_element_only(node) == element_kinds[_i].element_only,
		      "%s in %s", element_kinds[_i].name,
		      element_kinds[_i].ns ? element_kinds[_i].ns : "no namespace");
	xmlFreeDoc(doc);
}
END_TEST

/* Compares the lines of the elements of two trees of the same document. */
static void same_lines(xmlNode *a, xmlNode *b, size_t *compared, size_t *big)
{
	for (;;) {
		while (a && a->type != XML_ELEMENT_NODE)
			a = a->next;
		while (b && b->type != XML_ELEMENT_NODE)
			b = b->next;
		if (!a || !b)
			break;
		ck_assert_str_eq((const char *)a->name, (const char *)b->name);
		ck_assert_msg(xmlGetLineNo(a) == xmlGetLineNo(b), "%s: line %ld, trimmed %ld",
			      (const char *)a->name, xmlGetLineNo(a), xmlGetLineNo(b));
		(*compared)++;
		if (a->line == 65535)
			(*big)++;
		same_lines(a->children, b->children, compared, big);
		a = a->next;
		b = b->next;
	}
	ck_assert_msg(!a && !b, "the trees differ");
}

/*
 * Beyond line 65535 libxml2 keeps no line in an element and reads it from
 * the nodes around it: every element still reports the same line.
 */
START_TEST(trim_keeps_line_numbers)
{
	static const char block[] =
		"    <sec id=\"s%u\">\n      <title>t</title>\n"
		"      <fig><graphic/>\n      </fig>\n      <list>\n      </list>\n"
		"      <!-- a comment -->\n"
		"      <table-wrap><table><tr><td>x</td>\n        <td/></tr></table></table-wrap>\n"
		"      <p>x <bold>y</bold></p><fig>\n<graphic/></fig>\n"
		"      <sec id=\"t%u\"><title>u</title>\n<p>v</p><graphic/></sec>\n"
		"    </sec>\n";
	st_buf text = ST_BUF_INIT;
	xmlDoc *plain, *doc;
	size_t compared = 0, big = 0;
	unsigned i;

	st_buf_puts(&text, NS_HEAD "  <front>\n    <std-meta/>\n  </front>\n  <body>\n");
	for (i = 0; i < 5000; i++)
		st_buf_printf(&text, block, i, i);
	st_buf_puts(&text, "  </body>\n</standard>\n");
	ck_assert_int_eq(st_buf_check(&text), 0);
	plain = parse_draft(text.ptr, text.size, 0);
	doc = parse_draft(text.ptr, text.size, 1);
	same_lines(xmlDocGetRootElement(plain), xmlDocGetRootElement(doc), &compared, &big);
	ck_assert_uint_eq(compared, 4 + 5000 * 18);
	ck_assert_uint_gt(big, 5000);
	xmlFreeDoc(plain);
	xmlFreeDoc(doc);
	st_buf_dispose(&text);
}
END_TEST

/* What st_xml_parse_memory_held() keeps out of the tree, and what it leaves. */
static const char held_text[] =
	"<?xml version=\"1.0\"?>\n"
	"<standard xmlns:xlink=\"http://www.w3.org/1999/xlink\"><body><sec id=\"s1\">\n"
	"<p><xref ref-type=\"sec\" rid=\"s1\ts2\"/><xref rid=\"s1\">own</xref>"
	"<xref id=\"x\" rid=\"s1\"/><xref xlink:title=\"t\" rid=\"s1\"/>"
	"<xref rid=\"a&amp;b\"/><xref/><fig rid=\"s1\"/></p>\n"
	"</sec></body></standard>\n";

START_TEST(held_xref_attributes)
{
	st_xml_held held = { "xref", ST_BUF_INIT };
	xmlDoc *doc = NULL;
	xmlNode *x[7];
	int i;
	static const char first[] = "ref-type\0sec\0rid\0s1 s2\0"; /* then the empty name */

	ck_assert_int_eq(st_xml_parse_memory_held(&doc, held_text, sizeof(held_text) - 1, "t.xml",
						  st_draft_element_only, &held), 0);
	for (i = 0; i < 6; i++) {
		int n = i;
		x[i] = nth_element(xmlDocGetRootElement(doc), "xref", &n);
		ck_assert_ptr_nonnull(x[i]);
	}
	i = 0;
	x[6] = nth_element(xmlDocGetRootElement(doc), "fig", &i);
	/* held: the first two, each with its record */
	ck_assert_ptr_null(x[0]->properties);
	ck_assert_uint_eq((uintptr_t)x[0]->_private, 1);
	ck_assert_uint_ge(held.records.size, sizeof(first) + 1);
	ck_assert_int_eq(memcmp(held.records.ptr, first, sizeof(first)), 0);
	ck_assert_ptr_null(x[1]->properties);
	ck_assert_uint_eq((uintptr_t)x[1]->_private, sizeof(first) + 1);
	ck_assert_int_eq(memcmp(held.records.ptr + sizeof(first), "rid\0s1\0\0", 8), 0);
	ck_assert_uint_eq(held.records.size, sizeof(first) + 8);
	ck_assert_str_eq((const char *)x[1]->children->content, "own");
	/* kept: an id, a namespace, a reference, no attributes, another element */
	for (i = 2; i < 7; i++)
		ck_assert_ptr_null(x[i]->_private);
	for (i = 2; i < 5; i++)
		ck_assert_ptr_nonnull(x[i]->properties);
	ck_assert_ptr_null(x[5]->properties);
	ck_assert_ptr_nonnull(x[6]->properties);
	assert_dump(doc, "xref", 4, "<xref rid=\"a&amp;b\"/>");
	xmlFreeDoc(doc);
	st_buf_dispose(&held.records);

	/* a document with a DOCTYPE keeps them all */
	{
		st_buf text = ST_BUF_INIT;
		st_buf_puts(&text, "<?xml version=\"1.0\"?>\n<!DOCTYPE standard>\n");
		st_buf_puts(&text, held_text + strlen("<?xml version=\"1.0\"?>\n"));
		ck_assert_int_eq(st_buf_check(&text), 0);
		ck_assert_int_eq(st_xml_parse_memory_held(&doc, text.ptr, text.size, "t.xml",
							  st_draft_element_only, &held), 0);
		ck_assert_uint_eq(held.records.size, 0);
		i = 0;
		ck_assert_ptr_nonnull(nth_element(xmlDocGetRootElement(doc), "xref", &i)->properties);
		xmlFreeDoc(doc);
		st_buf_dispose(&text);
	}
	st_buf_dispose(&held.records);
}
END_TEST

Suite *draft_suite(void)
{
	Suite *s = suite_create("draft");
	TCase *tc = tcase_create("numbering");

	tcase_add_test(tc, numbering_labels);
	tcase_add_test(tc, annotate_inserts_labels_and_xref_text);
	tcase_add_loop_test(tc, label_number_words, 0, sizeof(label_numbers) / sizeof(label_numbers[0]));
	suite_add_tcase(s, tc);
	tc = tcase_create("stages");
	tcase_add_loop_test(tc, stage_moves, 0, sizeof(moves) / sizeof(moves[0]));
	tcase_add_test(tc, stage_names);
	tcase_add_test(tc, substage_names);
	suite_add_tcase(s, tc);
	tc = tcase_create("lint");
	tcase_add_test(tc, lint_clean_draft);
	tcase_add_loop_test(tc, lint_one_break, 0, sizeof(breaks) / sizeof(breaks[0]));
	tcase_add_test(tc, lint_ignore);
	tcase_add_test(tc, lint_buf_disposes_text);
	tcase_add_test(tc, lint_depth);
	tcase_add_test(tc, lint_not_well_formed);
	suite_add_tcase(s, tc);
	tc = tcase_create("trim");
	tcase_add_test(tc, trim_keeps_mixed_content);
	tcase_add_loop_test(tc, element_only_names, 0, sizeof(element_kinds) / sizeof(element_kinds[0]));
	tcase_add_test(tc, trim_keeps_line_numbers);
	tcase_add_test(tc, held_xref_attributes);
	suite_add_tcase(s, tc);
	return s;
}
