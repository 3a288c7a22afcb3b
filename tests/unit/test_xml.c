/* test_xml.c: the safe parser, RELAX NG validation and the XSLT sandbox. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "st_buf.h"
#include "st_error.h"
#include "st_xml.h"
#include "suites.h"

static int parse(const char *text, xmlDoc **doc)
{
	return st_xml_parse_memory(doc, text, strlen(text), "in.xml");
}

START_TEST(parses_well_formed_documents)
{
	xmlDoc *doc = NULL;

	ck_assert_int_eq(parse("<a x='1'><b>示例</b></a>", &doc), 0);
	ck_assert_ptr_nonnull(doc);
	ck_assert_str_eq((const char *)xmlDocGetRootElement(doc)->name, "a");
	xmlFreeDoc(doc);
}
END_TEST

static const struct {
	const char *text;
	const char *message_part;
} bad_documents[] = {
	/* Malformed: the message gives file, line and column. */
	{ "<a>\n  <b></c>\n</a>", "in.xml:2:" },
	{ "", "in.xml" },
	{ "<a>", "in.xml:1:" },
	/* Billion laughs: declaring entities at all is refused. */
	{ "<!DOCTYPE a [<!ENTITY l0 'ha'><!ENTITY l1 '&l0;&l0;&l0;&l0;'>]><a>&l1;</a>",
	  "entity declarations are not allowed" },
	/* XXE: an external entity, declared and used. */
	{ "<!DOCTYPE a [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><a>&x;</a>",
	  "entity declarations are not allowed" },
	/* A parameter entity pulling a remote DTD. */
	{ "<!DOCTYPE a [<!ENTITY % p SYSTEM 'http://192.0.2.1/x.dtd'> %p;]><a/>",
	  "in.xml" },
	/* An entity that is nowhere declared. */
	{ "<a>&undeclared;</a>", "in.xml:1:" },
};

START_TEST(refuses_bad_and_hostile_documents)
{
	xmlDoc *doc = NULL;

	ck_assert_int_eq(parse(bad_documents[_i].text, &doc), ST_EINVALID);
	ck_assert_ptr_null(doc);
	ck_assert_msg(strstr(st_error_last(), bad_documents[_i].message_part) != NULL,
		      "case %d: '%s'", _i, st_error_last());
}
END_TEST

START_TEST(external_dtd_is_not_loaded)
{
	char *dir = scratch_dir(), path[4096], text[8192];
	xmlDoc *doc = NULL;
	xmlChar *content;

	/* The DTD would define &x; if it were read: it must not be. */
	snprintf(path, sizeof(path), "%s/evil.dtd", dir);
	ck_assert_int_eq(write_file(path, "<!ENTITY x 'leaked'>"), 0);
	snprintf(text, sizeof(text), "<!DOCTYPE a SYSTEM '%s'><a>safe</a>", path);
	ck_assert_int_eq(parse(text, &doc), 0);
	content = xmlNodeGetContent(xmlDocGetRootElement(doc));
	ck_assert_str_eq((const char *)content, "safe");
	xmlFree(content);
	xmlFreeDoc(doc);
	snprintf(text, sizeof(text), "<!DOCTYPE a SYSTEM '%s'><a>&x;</a>", path);
	ck_assert_int_eq(parse(text, &doc), ST_EINVALID);
	rm_tree(dir);
	free(dir);
}
END_TEST

START_TEST(nesting_depth_is_bounded)
{
	st_buf text = ST_BUF_INIT;
	xmlDoc *doc = NULL;
	int i;

	for (i = 0; i < ST_XML_MAX_DEPTH; i++)
		st_buf_puts(&text, "<d>");
	for (i = 0; i < ST_XML_MAX_DEPTH; i++)
		st_buf_puts(&text, "</d>");
	ck_assert_int_eq(parse(text.ptr, &doc), 0);
	xmlFreeDoc(doc);
	doc = NULL;

	st_buf_clear(&text);
	for (i = 0; i <= ST_XML_MAX_DEPTH; i++)
		st_buf_puts(&text, "<d>");
	for (i = 0; i <= ST_XML_MAX_DEPTH; i++)
		st_buf_puts(&text, "</d>");
	ck_assert_int_eq(parse(text.ptr, &doc), ST_EINVALID);
	ck_assert_ptr_nonnull(strstr(st_error_last(), "nested deeper"));
	st_buf_dispose(&text);
}
END_TEST

START_TEST(missing_file_is_not_found)
{
	xmlDoc *doc = NULL;

	ck_assert_int_eq(st_xml_parse_file(&doc, "/nonexistent/x.xml"), ST_ENOTFOUND);
	ck_assert_ptr_nonnull(strstr(st_error_last(), "/nonexistent/x.xml"));
}
END_TEST

static st_schema *org_schema(void)
{
	char path[4096];
	st_schema *schema = NULL;

	snprintf(path, sizeof(path), "%s/schemas/org.rng", datadir());
	ck_assert_int_eq(st_schema_load(&schema, path), 0);
	return schema;
}

static const struct {
	const char *text;
	int valid;
} org_records[] = {
	{ "<organisation uscc='91440300MA5GD0001H' kind='enterprise'><name>示例</name></organisation>", 1 },
	{ "<organisation uscc='91440300MA5GD0001H' kind='university'><name>示例</name><name-en>Ex</name-en></organisation>", 1 },
	{ "<organisation uscc='91440300MA5GD0001H' kind='company'><name>示例</name></organisation>", 0 },
	{ "<organisation uscc='91440300MA5GD0001' kind='enterprise'><name>示例</name></organisation>", 0 },
	{ "<organisation uscc='91440300MA5GD0001H' kind='enterprise'><name></name></organisation>", 0 },
	{ "<organisation uscc='91440300MA5GD0001H' kind='enterprise'><name> x</name></organisation>", 0 },
	{ "<organisation uscc='91440300MA5GD0001H' kind='enterprise'/>", 0 },
	{ "<organisation uscc='91440300MA5GD0001H' kind='enterprise'><name>a</name><extra/></organisation>", 0 },
	{ "<org uscc='91440300MA5GD0001H' kind='enterprise'><name>a</name></org>", 0 },
};

START_TEST(schema_validation)
{
	st_schema *schema = org_schema();
	xmlDoc *doc = NULL;
	int rc;

	ck_assert_int_eq(parse(org_records[_i].text, &doc), 0);
	rc = st_schema_validate(schema, doc, "orgs/x.xml");
	if (org_records[_i].valid) {
		ck_assert_int_eq(rc, 0);
	} else {
		ck_assert_int_eq(rc, ST_EINVALID);
		ck_assert_msg(strncmp(st_error_last(), "orgs/x.xml:1:", 13) == 0,
			      "'%s'", st_error_last());
	}
	xmlFreeDoc(doc);
	st_schema_free(schema);
}
END_TEST

START_TEST(schema_load_failure_is_reported)
{
	st_schema *schema = NULL;

	ck_assert_int_eq(st_schema_load(&schema, "/nonexistent/none.rng"), ST_ERROR);
	ck_assert_ptr_null(schema);
	ck_assert_ptr_nonnull(strstr(st_error_last(), "none.rng"));
}
END_TEST

static st_stylesheet *sheet_from(const char *dir, const char *body)
{
	char path[4096];
	st_stylesheet *sheet = NULL;
	st_buf text = ST_BUF_INIT;

	st_buf_printf(&text,
		"<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'"
		" xmlns:exsl='http://exslt.org/common' extension-element-prefixes='exsl'>"
		"<xsl:output method='text'/>%s</xsl:stylesheet>", body);
	snprintf(path, sizeof(path), "%s/sheet.xsl", dir);
	ck_assert_int_eq(write_file(path, text.ptr), 0);
	ck_assert_int_eq(st_stylesheet_load(&sheet, path), 0);
	st_buf_dispose(&text);
	return sheet;
}

START_TEST(stylesheet_transforms)
{
	char *dir = scratch_dir();
	st_stylesheet *sheet = sheet_from(dir,
		"<xsl:param name='p' select=\"'?'\"/>"
		"<xsl:template match='/'>[<xsl:value-of select='a/b'/>|<xsl:value-of select='$p'/>]</xsl:template>");
	xmlDoc *doc = NULL;
	st_buf out = ST_BUF_INIT;
	const char *params[] = { "p", "'given'", NULL };

	ck_assert_int_eq(parse("<a><b>示例</b></a>", &doc), 0);
	ck_assert_int_eq(st_stylesheet_apply(&out, sheet, doc, params), 0);
	ck_assert_str_eq(out.ptr, "[示例|given]");
	xmlFreeDoc(doc);
	st_stylesheet_free(sheet);
	st_buf_dispose(&out);
	rm_tree(dir);
	free(dir);
}
END_TEST

START_TEST(stylesheet_cannot_write_files)
{
	char *dir = scratch_dir(), body[8192], target[4096];
	st_stylesheet *sheet;
	xmlDoc *doc = NULL;
	st_buf out = ST_BUF_INIT;

	snprintf(target, sizeof(target), "%s/sub/written.txt", dir);
	snprintf(body, sizeof(body),
		 "<xsl:template match='/'><exsl:document href='%s' method='text'>pwned</exsl:document>done</xsl:template>",
		 target);
	sheet = sheet_from(dir, body);
	ck_assert_int_eq(parse("<a/>", &doc), 0);
	ck_assert_int_eq(st_stylesheet_apply(&out, sheet, doc, NULL), ST_ERROR);
	ck_assert_msg(!file_exists(target), "the stylesheet wrote %s", target);
	snprintf(target, sizeof(target), "%s/sub", dir);
	ck_assert_msg(!file_exists(target), "the stylesheet created %s", target);
	xmlFreeDoc(doc);
	st_stylesheet_free(sheet);
	st_buf_dispose(&out);
	rm_tree(dir);
	free(dir);
}
END_TEST

START_TEST(stylesheet_cannot_reach_the_network)
{
	char *dir = scratch_dir();
	st_stylesheet *sheet = sheet_from(dir,
		"<xsl:template match='/'><xsl:value-of select=\"document('http://192.0.2.1/x.xml')\"/>after</xsl:template>");
	xmlDoc *doc = NULL;
	st_buf out = ST_BUF_INIT;

	ck_assert_int_eq(parse("<a/>", &doc), 0);
	/* libxslt either stops or yields an empty node-set; never a fetch. */
	if (st_stylesheet_apply(&out, sheet, doc, NULL) == 0)
		ck_assert_str_eq(out.ptr, "after");
	xmlFreeDoc(doc);
	st_stylesheet_free(sheet);
	st_buf_dispose(&out);
	rm_tree(dir);
	free(dir);
}
END_TEST

START_TEST(stylesheet_document_reads_safely)
{
	char *dir = scratch_dir(), path[4096], body[8192];
	st_stylesheet *sheet;
	xmlDoc *doc = NULL;
	st_buf out = ST_BUF_INIT;

	/* A side document that declares entities is not loaded. */
	snprintf(path, sizeof(path), "%s/side.xml", dir);
	ck_assert_int_eq(write_file(path, "<!DOCTYPE s [<!ENTITY e 'expanded'>]><s>&e;</s>"), 0);
	snprintf(body, sizeof(body),
		 "<xsl:template match='/'>[<xsl:value-of select=\"document('%s')/s\"/>]</xsl:template>", path);
	sheet = sheet_from(dir, body);
	ck_assert_int_eq(parse("<a/>", &doc), 0);
	if (st_stylesheet_apply(&out, sheet, doc, NULL) == 0)
		ck_assert_str_eq(out.ptr, "[]");
	xmlFreeDoc(doc);
	st_stylesheet_free(sheet);
	st_buf_dispose(&out);
	rm_tree(dir);
	free(dir);
}
END_TEST

/* Escaped text read back by the parser is the text written. */
START_TEST(escape_round_trips_through_the_parser)
{
	static const char text[] = "a&b <c> \"d\" 'e'\tf\ng\r\n标准";
	st_buf xml = ST_BUF_INIT;
	xmlDoc *doc = NULL;
	xmlChar *value;

	st_buf_puts(&xml, "<r a=\"");
	st_xml_escape(&xml, text);
	st_buf_puts(&xml, "\"/>");
	ck_assert_int_eq(st_buf_check(&xml), 0);
	ck_assert_str_eq(xml.ptr, "<r a=\"a&amp;b &lt;c&gt; &quot;d&quot; 'e'&#9;f&#10;g&#13;&#10;标准\"/>");
	ck_assert_int_eq(st_xml_parse_memory(&doc, xml.ptr, xml.size, "escape"), 0);
	value = xmlGetProp(xmlDocGetRootElement(doc), BAD_CAST "a");
	ck_assert_str_eq((const char *)value, text);
	xmlFree(value);
	xmlFreeDoc(doc);
	st_buf_dispose(&xml);
}
END_TEST

Suite *xml_suite(void)
{
	Suite *s = suite_create("xml");
	TCase *tc = tcase_create("parse");
	TCase *tv = tcase_create("validate");
	TCase *tx = tcase_create("xslt");

	tcase_add_test(tc, parses_well_formed_documents);
	tcase_add_loop_test(tc, refuses_bad_and_hostile_documents, 0,
			    sizeof(bad_documents) / sizeof(bad_documents[0]));
	tcase_add_test(tc, external_dtd_is_not_loaded);
	tcase_add_test(tc, nesting_depth_is_bounded);
	tcase_add_test(tc, missing_file_is_not_found);
	tcase_add_test(tc, escape_round_trips_through_the_parser);
	tcase_add_loop_test(tv, schema_validation, 0, sizeof(org_records) / sizeof(org_records[0]));
	tcase_add_test(tv, schema_load_failure_is_reported);
	tcase_add_test(tx, stylesheet_transforms);
	tcase_add_test(tx, stylesheet_cannot_write_files);
	tcase_add_test(tx, stylesheet_cannot_reach_the_network);
	tcase_add_test(tx, stylesheet_document_reads_safely);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, tv);
	suite_add_tcase(s, tx);
	return s;
}
