/* test_diff.c: the token diff and the redline of drafts (st_diff.h). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "st_diff.h"
#include "st_draftmeta.h"
#include "st_error.h"
#include "st_xml.h"
#include "suites.h"

/* The runs as git's word diff shows them: [-deleted-]{+inserted+}. */
static char *marked(const st_diff_runs *r)
{
	st_buf out = ST_BUF_INIT;
	size_t i;

	for (i = 0; i < r->n; i++) {
		const st_diff_run *run = &r->runs[i];
		const char *open = run->op == ST_DIFF_DELETED ? "[-" : run->op == ST_DIFF_INSERTED ? "{+" : "";
		const char *close = run->op == ST_DIFF_DELETED ? "-]" : run->op == ST_DIFF_INSERTED ? "+}" : "";
		st_buf_printf(&out, "%s%.*s%s", open, (int)run->len, r->text.ptr + run->off, close);
	}
	return st_buf_detach(&out);
}

/* Diffs a and b; checks the result flag and the marked text. */
static void check_text(const char *a, const char *b, int differ, const char *want)
{
	st_diff_runs runs = ST_DIFF_RUNS_INIT;
	char *got;
	int rc = st_diff_text(&runs, a, strlen(a), b, strlen(b));

	ck_assert_int_eq(rc, differ);
	got = marked(&runs);
	ck_assert_str_eq(got, want);
	free(got);
	st_diff_runs_dispose(&runs);
}

START_TEST(latin_words)
{
	check_text("the quick brown fox", "the slow brown fox", 1, "the [-quick-]{+slow+} brown fox");
	check_text("the brown fox", "the quick brown fox", 1, "the {+quick+} brown fox");
	check_text("the quick brown fox", "quick brown fox", 1, "[-the-] quick brown fox");
	check_text("Robots shall stop.", "Robots should stop.", 1, "Robots [-shall-]{+should+} stop.");
	/* punctuation is a token of its own */
	check_text("stop, then wait", "stop; then wait", 1, "stop[-,-]{+;+} then wait");
	/* a decimal number is one token */
	check_text("at most 0.05 mm", "at most 0.06 mm", 1, "at most [-0.05-]{+0.06+} mm");
	/* letters outside ASCII stay in their word */
	check_text("résumé café", "résumé cafés", 1, "résumé [-café-]{+cafés+}");
}
END_TEST

START_TEST(cjk_characters)
{
	check_text("末端执行器的抓取力应不大于50 N。", "末端执行器的夹持力应不小于60 N。", 1,
		   "末端执行器的[-抓取-]{+夹持+}力应不[-大-]{+小+}于[-50-]{+60+} N。");
	check_text("协作机器人在制造业中的使用", "协作机器人在工业中的使用", 1,
		   "协作机器人在[-制造-]{+工+}业中的使用");
	/* full-width punctuation is a character of its own */
	check_text("应符合下列要求：", "应符合下列要求。", 1, "应符合下列要求[-：-]{+。+}");
	/* Latin words inside Chinese text */
	check_text("用obstacle-sim软件", "用crowd-sim软件", 1, "用[-obstacle-]{+crowd+}-sim软件");
}
END_TEST

START_TEST(empty_texts)
{
	check_text("", "", 0, "");
	check_text("", "新增", 1, "{+新增+}");
	check_text("deleted words", "", 1, "[-deleted words-]");
}
END_TEST

START_TEST(identical_texts)
{
	check_text("本文件适用于……。", "本文件适用于……。", 0, "本文件适用于……。");
	/* white space is not compared: the newer text's spacing is shown */
	check_text("a  b\tc", "a b c", 0, "a b c");
	check_text("中 文", "中文", 0, "中文");
}
END_TEST

START_TEST(paragraph_breaks)
{
	check_text("标题\n第一段。", "标题\n第二段。", 1, "标题\n第[-一-]{+二+}段。");
	check_text("标题\n第一段。", "标题\n第一段。\n新的一段。", 1, "标题\n第一段。{+\n新的一段。+}");
}
END_TEST

/* Keeps the runs of 'op' and SAME, spaces left out. */
static char *side_of(const st_diff_runs *r, st_diff_op op)
{
	st_buf out = ST_BUF_INIT;
	size_t i, k;

	for (i = 0; i < r->n; i++) {
		if (r->runs[i].op != ST_DIFF_SAME && r->runs[i].op != op)
			continue;
		for (k = 0; k < r->runs[i].len; k++)
			if (r->text.ptr[r->runs[i].off + k] != ' ')
				st_buf_putc(&out, r->text.ptr[r->runs[i].off + k]);
	}
	return st_buf_detach(&out);
}

static char *without_spaces(const char *s)
{
	st_buf out = ST_BUF_INIT;

	for (; *s; s++)
		if (*s != ' ')
			st_buf_putc(&out, *s);
	return st_buf_detach(&out);
}

/* Same and deleted runs give back the older text; same and inserted the newer. */
START_TEST(runs_give_back_both_texts)
{
	static const char *const words[] = { "机", "器", "人", "应", "不", "大", "于", "robot", "shall", "5", "。" };
	unsigned seed = 7;
	int round;

	for (round = 0; round < 40; round++) {
		st_buf a = ST_BUF_INIT, b = ST_BUF_INIT;
		st_diff_runs runs = ST_DIFF_RUNS_INIT;
		char *a0, *b0, *a1, *b1;
		int i, n = 50 + round * 40;
		for (i = 0; i < n; i++) {
			const char *w;
			seed = seed * 1103515245u + 12345u;
			w = words[(seed >> 16) % 11];
			st_buf_printf(&a, "%s%s", i ? " " : "", w);
			/* b: a with about one word in six replaced, dropped or doubled */
			switch ((seed >> 8) % 12) {
			case 0: st_buf_printf(&b, "%s%s", b.size ? " " : "", "新"); break;
			case 1: break;
			case 2: st_buf_printf(&b, "%s%s %s", b.size ? " " : "", w, w); break;
			default: st_buf_printf(&b, "%s%s", b.size ? " " : "", w); break;
			}
		}
		ck_assert_int_ge(st_diff_text(&runs, a.ptr, a.size, b.ptr, b.size), 0);
		a0 = without_spaces(a.ptr);
		b0 = without_spaces(b.ptr);
		a1 = side_of(&runs, ST_DIFF_DELETED);
		b1 = side_of(&runs, ST_DIFF_INSERTED);
		ck_assert_str_eq(a1, a0);
		ck_assert_str_eq(b1, b0);
		free(a0);
		free(b0);
		free(a1);
		free(b1);
		st_diff_runs_dispose(&runs);
		st_buf_dispose(&a);
		st_buf_dispose(&b);
	}
}
END_TEST

/* Two long texts with nothing in common: the cost bound keeps it quick. */
START_TEST(disjoint_long_texts)
{
	st_buf a = ST_BUF_INIT, b = ST_BUF_INIT;
	st_diff_runs runs = ST_DIFF_RUNS_INIT;
	char *a1, *b1, *a0, *b0;
	int i;

	for (i = 0; i < 40000; i++) {
		st_buf_puts(&a, i % 3 ? "甲" : "乙");
		st_buf_puts(&b, i % 5 ? "丙" : "丁");
	}
	ck_assert_int_eq(st_diff_text(&runs, a.ptr, a.size, b.ptr, b.size), 1);
	a1 = side_of(&runs, ST_DIFF_DELETED);
	b1 = side_of(&runs, ST_DIFF_INSERTED);
	a0 = without_spaces(a.ptr);
	b0 = without_spaces(b.ptr);
	ck_assert_str_eq(a1, a0);
	ck_assert_str_eq(b1, b0);
	free(a1);
	free(b1);
	free(a0);
	free(b0);
	st_diff_runs_dispose(&runs);
	st_buf_dispose(&a);
	st_buf_dispose(&b);
}
END_TEST

/* ---- drafts ----------------------------------------------------------- */

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
	"<standard xmlns:tbx=\"urn:iso:std:iso:30042:ed-1\" xml:lang=\"zh\"><front><std-meta/></front><body>"
#define TAIL "</body></standard>"

static xmlDoc *parse(const char *text)
{
	xmlDoc *doc = NULL;

	ck_assert_msg(st_xml_parse_memory(&doc, text, strlen(text), "test.xml") == 0, "%s", st_error_last());
	return doc;
}

static st_draft_diff *compare(const char *a, const char *b)
{
	xmlDoc *da = parse(a), *db = parse(b);
	st_draft_diff *d = NULL;

	ck_assert_msg(st_draft_diff_compute(&d, da, ST_PROFILE_GBT, db, ST_PROFILE_GBT) == 0,
		      "%s", st_error_last());
	xmlFreeDoc(da);
	xmlFreeDoc(db);
	return d;
}

static const st_change *find(const st_draft_diff *d, const char *key)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (strcmp(d->changes[i].key, key) == 0)
			return &d->changes[i];
	return NULL;
}

#define SEC(id, title, text) "<sec id=\"" id "\"><title>" title "</title><p>" text "</p></sec>"

static const char five[] = HEAD
	SEC("s1", "范围", "一") SEC("s2", "规范性引用文件", "二") SEC("s3", "术语和定义", "三")
	SEC("s4", "要求", "四") SEC("s5", "试验方法", "五") TAIL;

START_TEST(identical_drafts)
{
	st_draft_diff *d = compare(five, five);

	ck_assert_uint_eq(d->n, 0);
	ck_assert_uint_eq(d->units_from, 7); /* document, std-meta, five clauses */
	st_draft_diff_free(d);
}
END_TEST

START_TEST(inserted_clause)
{
	st_draft_diff *d = compare(five, HEAD
		SEC("s1", "范围", "一") SEC("s2", "规范性引用文件", "二") SEC("s3", "术语和定义", "三")
		SEC("new", "分类", "新条款。") SEC("s4", "要求", "四") SEC("s5", "试验方法", "五") TAIL);
	const st_change *c = find(d, "new");
	char *text;

	ck_assert_uint_eq(d->n, 1);
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(c->type, ST_CHANGE_INSERTED);
	ck_assert_uint_eq(d->inserted, 1);
	ck_assert(!c->from.present);
	ck_assert_str_eq(c->to.number, "4");
	ck_assert_str_eq(c->to.title, "分类");
	ck_assert_str_eq(c->element, "sec");
	ck_assert_str_eq(c->id, "new");
	text = marked(&c->text);
	ck_assert_str_eq(text, "{+分类\n新条款。+}");
	free(text);
	st_draft_diff_free(d);
}
END_TEST

START_TEST(deleted_clause_at_its_old_place)
{
	st_draft_diff *d = compare(five, HEAD
		SEC("s1", "范围", "一") SEC("s2", "规范性引用文件", "二甲") SEC("s3", "术语和定义", "三")
		SEC("s5", "试验方法", "五乙") TAIL);

	ck_assert_uint_eq(d->n, 3);
	ck_assert_uint_eq(d->deleted, 1);
	ck_assert_uint_eq(d->changed, 2);
	/* TO's order: s2 changed, s4 deleted where it was, s5 changed */
	ck_assert_str_eq(d->changes[0].key, "s2");
	ck_assert_str_eq(d->changes[1].key, "s4");
	ck_assert_int_eq(d->changes[1].type, ST_CHANGE_DELETED);
	ck_assert_str_eq(d->changes[1].from.number, "4");
	ck_assert(!d->changes[1].to.present);
	ck_assert_str_eq(d->changes[2].key, "s5");
	/* renumbered 5 -> 4 and changed */
	ck_assert_str_eq(d->changes[2].from.number, "5");
	ck_assert_str_eq(d->changes[2].to.number, "4");
	st_draft_diff_free(d);
}
END_TEST

/* One clause moved to the front: only it is moved, not the four it passed. */
START_TEST(moved_clause_by_lis)
{
	st_draft_diff *d = compare(five, HEAD
		SEC("s5", "试验方法", "五") SEC("s1", "范围", "一") SEC("s2", "规范性引用文件", "二")
		SEC("s3", "术语和定义", "三") SEC("s4", "要求", "四") TAIL);
	const st_change *c = find(d, "s5");

	ck_assert_uint_eq(d->n, 1);
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(c->type, ST_CHANGE_MOVED);
	ck_assert(!c->parent_changed);
	ck_assert(!c->text_changed);
	ck_assert_str_eq(c->from.number, "5");
	ck_assert_str_eq(c->to.number, "1");
	ck_assert_uint_eq(c->from.position, 6); /* std-meta is the first unit */
	ck_assert_uint_eq(c->to.position, 2);
	ck_assert_uint_eq(c->text.n, 0);
	st_draft_diff_free(d);
}
END_TEST

START_TEST(moved_into_another_clause)
{
	st_draft_diff *d = compare(
		HEAD "<sec id=\"a\"><title>甲</title><sec id=\"a1\"><title>子</title><p>x</p></sec>"
		"<sec id=\"a2\"><title>丑</title><p>y</p></sec></sec>"
		"<sec id=\"b\"><title>乙</title><sec id=\"b1\"><title>寅</title><p>z</p></sec></sec>" TAIL,
		HEAD "<sec id=\"a\"><title>甲</title><sec id=\"a1\"><title>子</title><p>x</p></sec></sec>"
		"<sec id=\"b\"><title>乙</title><sec id=\"b1\"><title>寅</title><p>z</p></sec>"
		"<sec id=\"a2\"><title>丑</title><p>y 改</p></sec></sec>" TAIL);
	const st_change *c = find(d, "a2");
	char *text;

	ck_assert_uint_eq(d->n, 1);
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(c->type, ST_CHANGE_MOVED);
	ck_assert(c->parent_changed);
	ck_assert(c->text_changed);
	ck_assert_str_eq(c->from.number, "1.2");
	ck_assert_str_eq(c->to.number, "2.2");
	ck_assert_str_eq(c->from.parent, "a");
	ck_assert_str_eq(c->to.parent, "b");
	text = marked(&c->text);
	ck_assert_str_eq(text, "丑\ny {+改+}");
	free(text);
	ck_assert_uint_eq(d->moved, 1);
	st_draft_diff_free(d);
}
END_TEST

/* A clause's own text leaves out its subclauses: a change deep down is reported there only. */
START_TEST(changed_own_text_only)
{
	st_draft_diff *d = compare(
		HEAD "<sec id=\"a\"><title>要求</title><sec id=\"a1\"><title>总则</title><p>抓取力应不大于50 N。</p></sec></sec>" TAIL,
		HEAD "<sec id=\"a\"><title>要求</title><sec id=\"a1\"><title>总则</title><p>抓取力应不大于60 N。</p></sec></sec>" TAIL);
	char *text;

	ck_assert_uint_eq(d->n, 1);
	ck_assert_str_eq(d->changes[0].key, "a1");
	ck_assert_int_eq(d->changes[0].type, ST_CHANGE_CHANGED);
	ck_assert_str_eq(d->changes[0].to.label, "1.1");
	ck_assert_str_eq(d->changes[0].to.title, "总则");
	text = marked(&d->changes[0].text);
	ck_assert_str_eq(text, "总则\n抓取力应不大于[-50-]{+60+} N。");
	free(text);
	st_draft_diff_free(d);
}
END_TEST

/*
 * A clause inserted first renumbers every clause, table, note and cross
 * reference after it, and a hand-typed label changes with it: still only
 * the insertion is reported, no text changed.
 */
START_TEST(renumbering_changes_no_text)
{
	static const char before[] = HEAD
		"<sec id=\"s1\"><title>要求</title><p>见<xref ref-type=\"sec\" rid=\"s2\"/>和<xref ref-type=\"table\" rid=\"t1\"/>。</p>"
		"<table-wrap id=\"t1\"><label>表 1</label><caption><title>限值</title></caption><table><tr><td>5</td></tr></table></table-wrap>"
		"<non-normative-note><p>注文。</p></non-normative-note></sec>"
		"<sec id=\"s2\"><title>试验</title><sec><title>总则</title><p>按<xref ref-type=\"sec\" rid=\"s1\"/>。</p></sec></sec>"
		TAIL;
	static const char after[] = HEAD
		"<sec id=\"s0\"><title>分类</title><p>分为两类。</p>"
		"<table-wrap id=\"t0\"><caption><title>类别</title></caption><table><tr><td>A</td></tr></table></table-wrap>"
		"<non-normative-note><p>另一注。</p></non-normative-note></sec>"
		"<sec id=\"s1\"><title>要求</title><p>见<xref ref-type=\"sec\" rid=\"s2\"/>和<xref ref-type=\"table\" rid=\"t1\"/>。</p>"
		"<table-wrap id=\"t1\"><label>表 2</label><caption><title>限值</title></caption><table><tr><td>5</td></tr></table></table-wrap>"
		"<non-normative-note><p>注文。</p></non-normative-note></sec>"
		"<sec id=\"s2\"><title>试验</title><sec><title>总则</title><p>按<xref ref-type=\"sec\" rid=\"s1\"/>。</p></sec></sec>"
		TAIL;
	st_draft_diff *d = compare(before, after);

	ck_assert_uint_eq(d->n, 1);
	ck_assert_uint_eq(d->changed, 0);
	ck_assert_uint_eq(d->moved, 0);
	ck_assert_str_eq(d->changes[0].key, "s0");
	ck_assert_int_eq(d->changes[0].type, ST_CHANGE_INSERTED);
	st_draft_diff_free(d);
}
END_TEST

/* Cross references show the number of their own version. */
START_TEST(xref_shown_as_numbered)
{
	st_draft_diff *d = compare(
		HEAD SEC("s1", "甲", "x") "<sec id=\"s2\"><title>乙</title><p>按<xref ref-type=\"sec\" rid=\"s1\"/>执行。</p></sec>" TAIL,
		HEAD SEC("s0", "丙", "y") SEC("s1", "甲", "x") "<sec id=\"s2\"><title>乙</title><p>应按<xref ref-type=\"sec\" rid=\"s1\"/>执行。</p></sec>" TAIL);
	const st_change *c = find(d, "s2");
	char *text;

	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(c->type, ST_CHANGE_CHANGED);
	text = marked(&c->text);
	/* the reference is the same (to s1), shown as TO numbers it */
	ck_assert_str_eq(text, "乙\n{+应+}按第2章执行。");
	free(text);
	st_draft_diff_free(d);
}
END_TEST

/* Drafts without ids compare by place: parent key, element name, position. */
START_TEST(drafts_without_ids)
{
	st_draft_diff *d = compare(
		HEAD "<sec><title>甲</title><p>一</p></sec><sec><title>乙</title><p>二</p>"
		"<sec><title>丙</title><p>三</p></sec></sec>" TAIL,
		HEAD "<sec><title>甲</title><p>一</p></sec><sec><title>乙</title><p>二</p>"
		"<sec><title>丙</title><p>叁</p></sec></sec><sec><title>丁</title><p>四</p></sec>" TAIL);
	const st_change *c = find(d, "/sec[2]/sec[1]");
	const st_change *added = find(d, "/sec[3]");

	ck_assert_uint_eq(d->n, 2);
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(c->type, ST_CHANGE_CHANGED);
	ck_assert_ptr_null(c->id);
	ck_assert_str_eq(c->to.number, "2.1");
	ck_assert_ptr_nonnull(added);
	ck_assert_int_eq(added->type, ST_CHANGE_INSERTED);
	st_draft_diff_free(d);
}
END_TEST

/* Many units without ids: their keys, made from their parents', all match. */
START_TEST(many_units_without_ids)
{
	st_buf a = ST_BUF_INIT, b = ST_BUF_INIT;
	st_draft_diff *d;
	int i;

	st_buf_puts(&a, HEAD);
	st_buf_puts(&b, HEAD);
	for (i = 1; i <= 300; i++) {
		st_buf_printf(&a, "<sec><title>条%d</title><sec><title>子</title><p>文%d</p>"
			      "<non-normative-note><p>注</p></non-normative-note></sec></sec>", i, i);
		st_buf_printf(&b, "<sec><title>条%d</title><sec><title>子</title><p>文%d%s</p>"
			      "<non-normative-note><p>注</p></non-normative-note></sec></sec>", i, i,
			      i == 300 ? "改" : "");
	}
	st_buf_puts(&a, TAIL);
	st_buf_puts(&b, TAIL);
	d = compare(a.ptr, b.ptr);
	ck_assert_uint_eq(d->units_from, 2 + 3 * 300);
	ck_assert_uint_eq(d->n, 1);
	ck_assert_str_eq(d->changes[0].key, "/sec[300]/sec[1]");
	ck_assert_str_eq(d->changes[0].to.number, "300.1");
	st_draft_diff_free(d);
	st_buf_dispose(&a);
	st_buf_dispose(&b);
}
END_TEST

/* A term entry is known by the number of its term-sec. */
START_TEST(term_definition_changed)
{
	static const char before[] = HEAD
		"<sec id=\"terms\" sec-type=\"terms\"><title>术语和定义</title><term-sec id=\"term-robot\">"
		"<tbx:termEntry id=\"te-robot\"><tbx:langSet xml:lang=\"zh\"><tbx:definition>能自主移动的机器</tbx:definition>"
		"<tbx:tig><tbx:term>机器人</tbx:term></tbx:tig></tbx:langSet></tbx:termEntry></term-sec></sec>" TAIL;
	static const char after[] = HEAD
		"<sec id=\"terms\" sec-type=\"terms\"><title>术语和定义</title><term-sec id=\"term-robot\">"
		"<tbx:termEntry id=\"te-robot\"><tbx:langSet xml:lang=\"zh\"><tbx:definition>能自主运动的机器</tbx:definition>"
		"<tbx:tig><tbx:term>机器人</tbx:term></tbx:tig></tbx:langSet></tbx:termEntry></term-sec></sec>" TAIL;
	st_draft_diff *d = compare(before, after);
	char *text;

	ck_assert_uint_eq(d->n, 1);
	ck_assert_str_eq(d->changes[0].element, "tbx:termEntry");
	ck_assert_str_eq(d->changes[0].to.number, "1.1");
	ck_assert_str_eq(d->changes[0].to.title, "机器人");
	text = marked(&d->changes[0].text);
	ck_assert_str_eq(text, "能自主[-移-]{+运+}动的机器\n机器人");
	free(text);
	st_draft_diff_free(d);
}
END_TEST

/* Tables are compared row by row, their cells parted by " | ". */
START_TEST(table_rows)
{
	st_draft_diff *d = compare(
		HEAD "<sec id=\"s\"><title>甲</title><table-wrap id=\"t\"><caption><title>限值</title></caption><table>"
		"<tr><th>等级</th><th>误差</th></tr><tr><td>A</td><td><p>≤10</p></td></tr></table></table-wrap></sec>" TAIL,
		HEAD "<sec id=\"s\"><title>甲</title><table-wrap id=\"t\"><caption><title>限值</title></caption><table>"
		"<tr><th>等级</th><th>误差</th></tr><tr><td>A</td><td><p>≤12</p></td></tr></table></table-wrap></sec>" TAIL);
	char *text;

	ck_assert_uint_eq(d->n, 1);
	ck_assert_str_eq(d->changes[0].to.label, "表 1");
	text = marked(&d->changes[0].text);
	ck_assert_str_eq(text, "限值\n等级 | 误差\nA | ≤[-10-]{+12+}");
	free(text);
	st_draft_diff_free(d);
}
END_TEST

/* A reference entry is one paragraph; a normative one is named by its std-ref. */
START_TEST(reference_entries)
{
	st_draft_diff *d = compare(
		HEAD "<sec id=\"norm-refs\" sec-type=\"norm-refs\"><title>规范性引用文件</title><ref-list content-type=\"norm-refs\">"
		"<ref id=\"r1\"><std><std-ref>GB/T 1.1—2020</std-ref>　<title>标准化工作导则　第1部分</title></std></ref>"
		"</ref-list></sec>" TAIL,
		HEAD "<sec id=\"norm-refs\" sec-type=\"norm-refs\"><title>规范性引用文件</title><ref-list content-type=\"norm-refs\">"
		"<ref id=\"r1\"><std><std-ref>GB/T 1.1—2020</std-ref>　<title>标准化工作导则　第2部分</title></std></ref>"
		"</ref-list></sec>" TAIL);
	char *text;

	ck_assert_uint_eq(d->n, 1);
	ck_assert_str_eq(d->changes[0].element, "ref");
	ck_assert_str_eq(d->changes[0].to.label, "GB/T 1.1—2020");
	ck_assert_str_eq(d->changes[0].to.title, "标准化工作导则 第2部分");
	text = marked(&d->changes[0].text);
	ck_assert_str_eq(text, "GB/T 1.1—2020 标准化工作导则 第[-1-]{+2+}部分");
	free(text);
	st_draft_diff_free(d);
}
END_TEST

/* A deleted clause brings what was inside it, each part with its number. */
START_TEST(deleted_clause_folds_its_subclauses)
{
	st_draft_diff *d = compare(
		HEAD SEC("s1", "甲", "一") "<sec id=\"s2\"><title>乙</title><sec id=\"s21\"><title>丙</title><p>二</p></sec></sec>" TAIL,
		HEAD SEC("s1", "甲", "一") TAIL);
	char *text;

	ck_assert_uint_eq(d->n, 1);
	ck_assert_int_eq(d->changes[0].type, ST_CHANGE_DELETED);
	text = marked(&d->changes[0].text);
	ck_assert_str_eq(text, "[-乙\n2.1 丙\n二-]");
	free(text);
	st_draft_diff_free(d);
}
END_TEST

START_TEST(xml_follows_the_schema)
{
	st_draft_diff *d = compare(five, HEAD
		SEC("s5", "试验方法", "五") SEC("s1", "范围", "一 &amp; &lt;二&gt;") SEC("s3", "术语和定义", "三")
		SEC("new", "分类", "新") SEC("s4", "要求", "四") TAIL);
	st_diff_header h;
	st_buf xml = ST_BUF_INIT, path = ST_BUF_INIT;
	st_schema *schema = NULL;
	xmlDoc *doc = NULL;

	memset(&h, 0, sizeof(h));
	h.draft = "d";
	h.profile = ST_PROFILE_GBT;
	h.from.source = "stage";
	h.from.tag = "d/30.00";
	h.from.stage = "30.00";
	h.from.commit = "0123456789abcdef0123456789abcdef01234567";
	h.from.path = "drafts/d/draft.xml";
	h.to.source = "worktree";
	h.to.path = "drafts/d/draft.xml";
	ck_assert_int_eq(st_draft_diff_xml(&xml, d, &h), 0);
	ck_assert_ptr_nonnull(strstr(xml.ptr, "changes=\"4\" changed=\"1\" inserted=\"1\" deleted=\"1\" moved=\"1\""));
	ck_assert_ptr_nonnull(strstr(xml.ptr, "<ins>&amp; &lt;二&gt;</ins>"));
	ck_assert_int_eq(st_xml_parse_memory(&doc, xml.ptr, xml.size, "diff.xml"), 0);
	st_buf_printf(&path, "%s/schemas/draft-diff.rng", datadir());
	ck_assert_int_eq(st_schema_load(&schema, path.ptr), 0);
	ck_assert_msg(st_schema_validate(schema, doc, "diff.xml") == 0, "%s", st_error_last());
	st_schema_free(schema);
	xmlFreeDoc(doc);
	st_buf_dispose(&xml);
	st_buf_dispose(&path);
	st_draft_diff_free(d);
}
END_TEST

/* ---- stages named on the command line --------------------------------- */

START_TEST(stage_specs)
{
	static const char meta_xml[] =
		"<draft id=\"d\" profile=\"gbt\"><stages>"
		"<stage code=\"20.00\" date=\"2026-01-01\" tag=\"d/20.00\"/>"
		"<stage code=\"30.00\" date=\"2026-02-01\" tag=\"d/30.00\"/>"
		"<stage code=\"30.20\" date=\"2026-02-02\" tag=\"d/30.20\"/>"
		"<stage code=\"30.92\" date=\"2026-03-01\" tag=\"d/30.92\"/>"
		"<stage code=\"20.00\" date=\"2026-03-02\" tag=\"d/20.00-2\"/>"
		"<stage code=\"30.00\" date=\"2026-04-01\" tag=\"d/30.00-2\"/>"
		"<stage code=\"30.20\" date=\"2026-04-02\" tag=\"d/30.20-2\"/>"
		"</stages></draft>";
	st_draft_meta *meta = NULL;
	const st_draft_stage *s = NULL;

	ck_assert_msg(st_draft_meta_parse(&meta, meta_xml, strlen(meta_xml), "meta.xml") == 0,
		      "%s", st_error_last());
	/* a name: the last time the draft entered that stage */
	ck_assert_int_eq(st_diff_find_stage(&s, meta, "cd"), 1);
	ck_assert_str_eq(s->tag, "d/30.00-2");
	ck_assert_int_eq(st_diff_find_stage(&s, meta, "征求意见稿"), 1);
	ck_assert_str_eq(s->tag, "d/30.00-2");
	ck_assert_int_eq(st_diff_find_stage(&s, meta, "wd"), 1);
	ck_assert_str_eq(s->tag, "d/20.00-2");
	/* a code: the last time it was at exactly that code */
	ck_assert_int_eq(st_diff_find_stage(&s, meta, "30.20"), 1);
	ck_assert_str_eq(s->tag, "d/30.20-2");
	ck_assert_int_eq(st_diff_find_stage(&s, meta, "30.92"), 1);
	ck_assert_str_eq(s->tag, "d/30.92");
	/* never reached */
	ck_assert_int_eq(st_diff_find_stage(&s, meta, "dis"), ST_ENOTFOUND);
	ck_assert_int_eq(st_diff_find_stage(&s, meta, "30.60"), ST_ENOTFOUND);
	/* no stage at all: maybe a revision */
	ck_assert_int_eq(st_diff_find_stage(&s, meta, "HEAD~2"), 0);
	ck_assert_int_eq(st_diff_find_stage(&s, meta, "d/30.00"), 0);
	/* a stage code that is no stage */
	ck_assert_int_eq(st_diff_find_stage(&s, meta, "30.50"), ST_EINVALID);
	st_draft_meta_free(meta);
}
END_TEST

/* Attributes of the element itself: namespaced ones by prefix, the id never. */
START_TEST(attributes_compared)
{
	st_draft_diff *d = compare(HEAD
		"<sec id=\"s1\" sec-type=\"scope\"><title>范围</title><p>一</p></sec>"
		"<sec id=\"s2\" xml:lang=\"zh\"><title>要求</title><p>二</p></sec>"
		"<sec id=\"s3\"><title>试验</title><p>三</p></sec>" TAIL,
		HEAD
		"<sec sec-type=\"scope\" id=\"s1\"><title>范围</title><p>一</p></sec>"
		"<sec id=\"s2\" xml:lang=\"en\"><title>要求</title><p>二</p></sec>"
		"<sec id=\"s3\" sec-type=\"test\"><title>试验</title><p>三改</p></sec>" TAIL);
	const st_change *c;

	ck_assert_uint_eq(d->n, 2);
	ck_assert_ptr_null(find(d, "s1")); /* the same attributes in another order */
	ck_assert_ptr_nonnull(c = find(d, "s2"));
	ck_assert_int_eq(c->type, ST_CHANGE_CHANGED);
	ck_assert_uint_eq(c->nattrs, 1);
	ck_assert_str_eq(c->attrs[0].name, "xml:lang");
	ck_assert_str_eq(c->attrs[0].from, "zh");
	ck_assert_str_eq(c->attrs[0].to, "en");
	ck_assert_uint_eq(c->text.n, 0);
	ck_assert_ptr_nonnull(c = find(d, "s3"));
	ck_assert_uint_eq(c->nattrs, 1);
	ck_assert_str_eq(c->attrs[0].name, "sec-type");
	ck_assert_ptr_null(c->attrs[0].from);
	ck_assert_str_eq(c->attrs[0].to, "test");
	ck_assert_uint_gt(c->text.n, 0);
	st_draft_diff_free(d);
}
END_TEST

Suite *diff_suite(void)
{
	Suite *s = suite_create("diff");
	TCase *text = tcase_create("text");
	TCase *drafts = tcase_create("drafts");

	tcase_add_test(text, latin_words);
	tcase_add_test(text, cjk_characters);
	tcase_add_test(text, empty_texts);
	tcase_add_test(text, identical_texts);
	tcase_add_test(text, paragraph_breaks);
	tcase_add_test(text, runs_give_back_both_texts);
	tcase_add_test(text, disjoint_long_texts);
	suite_add_tcase(s, text);
	tcase_add_test(drafts, identical_drafts);
	tcase_add_test(drafts, inserted_clause);
	tcase_add_test(drafts, deleted_clause_at_its_old_place);
	tcase_add_test(drafts, moved_clause_by_lis);
	tcase_add_test(drafts, moved_into_another_clause);
	tcase_add_test(drafts, changed_own_text_only);
	tcase_add_test(drafts, renumbering_changes_no_text);
	tcase_add_test(drafts, xref_shown_as_numbered);
	tcase_add_test(drafts, drafts_without_ids);
	tcase_add_test(drafts, many_units_without_ids);
	tcase_add_test(drafts, term_definition_changed);
	tcase_add_test(drafts, table_rows);
	tcase_add_test(drafts, reference_entries);
	tcase_add_test(drafts, deleted_clause_folds_its_subclauses);
	tcase_add_test(drafts, xml_follows_the_schema);
	tcase_add_test(drafts, stage_specs);
	tcase_add_test(drafts, attributes_compared);
	suite_add_tcase(s, drafts);
	return s;
}
