/* test_org.c: organisation values and their records. */
#include <config.h>

#include <string.h>

#include "st_error.h"
#include "st_org.h"
#include "suites.h"

static const struct {
	const char *uscc, *name, *name_en, *kind;
	int rc;
	const char *message_part;
} new_cases[] = {
	{ "91440300MA5GD0001H", "示例科技有限公司", NULL, "enterprise", 0, NULL },
	{ "91440300ma5gd0001h", "示例科技有限公司", "Example Co.", "university", 0, NULL },
	{ "91440300MA5GD0001X", "示例", NULL, "enterprise", ST_EINVALID, "character 18" },
	{ "91440300MA5GD0002H", "示例", NULL, "enterprise", ST_EINVALID, "character 17" },
	{ "91440300MA5GD0001H", "示例", NULL, "company", ST_EINVALID, "unknown organisation kind 'company'" },
	{ "91440300MA5GD0001H", "示例", NULL, "Enterprise", ST_EINVALID, "unknown organisation kind" },
	{ "91440300MA5GD0001H", "", NULL, "enterprise", ST_EINVALID, "the name must not be empty" },
	{ "91440300MA5GD0001H", "示例", "", "enterprise", ST_EINVALID, "the English name must not be empty" },
	{ "91440300MA5GD0001H", "示例\n公司", NULL, "enterprise", ST_EINVALID, "one line" },
};

START_TEST(new_validates_every_field)
{
	st_org *org = NULL;
	int rc = st_org_new(&org, new_cases[_i].uscc, new_cases[_i].name,
			    new_cases[_i].name_en, new_cases[_i].kind);

	ck_assert_int_eq(rc, new_cases[_i].rc);
	if (rc == 0) {
		ck_assert_str_eq(org->uscc, "91440300MA5GD0001H");
		ck_assert_str_eq(org->name, new_cases[_i].name);
	} else {
		ck_assert_ptr_null(org);
		ck_assert_msg(strstr(st_error_last(), new_cases[_i].message_part) != NULL,
			      "'%s' lacks '%s'", st_error_last(), new_cases[_i].message_part);
	}
	st_org_free(org);
}
END_TEST

START_TEST(record_round_trip)
{
	st_org *org = NULL, *back = NULL;
	st_buf xml = ST_BUF_INIT;

	ck_assert_int_eq(st_org_new(&org, "91440300MA5GD0001H", "示例 & <科技>", "A \"B\" & C",
				    "research-institute"), 0);
	ck_assert_int_eq(st_org_to_xml(&xml, org), 0);
	ck_assert_ptr_nonnull(strstr(xml.ptr, "&amp; &lt;"));
	ck_assert_int_eq(st_org_from_xml(&back, xml.ptr, xml.size, "t.xml"), 0);
	ck_assert_str_eq(back->uscc, org->uscc);
	ck_assert_str_eq(back->name, org->name);
	ck_assert_str_eq(back->name_en, org->name_en);
	ck_assert_str_eq(back->kind, org->kind);
	st_org_free(org);
	st_org_free(back);
	st_buf_dispose(&xml);
}
END_TEST

START_TEST(from_xml_refuses_other_records)
{
	static const char *const bad[] = {
		"<standard/>",
		"<organisation kind='enterprise'><name>x</name></organisation>",
		"<organisation uscc='91440300MA5GD0001H'><name>x</name></organisation>",
		"<organisation uscc='91440300MA5GD0001H' kind='enterprise'/>",
		"<organisation",
	};
	st_org *org = NULL;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_int_eq(st_org_from_xml(&org, bad[i], strlen(bad[i]), "t.xml"), ST_EINVALID);
		ck_assert_ptr_null(org);
		ck_assert_msg(strncmp(st_error_last(), "t.xml", 5) == 0, "%s", st_error_last());
	}
}
END_TEST

Suite *org_suite(void)
{
	Suite *s = suite_create("org");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, new_validates_every_field, 0, sizeof(new_cases) / sizeof(new_cases[0]));
	tcase_add_test(tc, record_round_trip);
	tcase_add_test(tc, from_xml_refuses_other_records);
	suite_add_tcase(s, tc);
	return s;
}
