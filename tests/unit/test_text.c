/* test_text.c: UTF-8 checks, widths and label rules. */
#include <config.h>

#include <string.h>

#include "st_error.h"
#include "st_text.h"
#include "suites.h"

static const struct {
	const char *bytes;
	int valid;
} utf8_cases[] = {
	{ "plain", 1 },
	{ "示例科技有限公司", 1 },
	{ "\xf0\x9f\x98\x80", 1 },       /* U+1F600 */
	{ "\xc3\xa9", 1 },               /* é */
	{ "\xc3", 0 },                   /* cut short */
	{ "\xc0\xaf", 0 },               /* overlong '/' */
	{ "\xe0\x80\xaf", 0 },           /* overlong, three bytes */
	{ "\xed\xa0\x80", 0 },           /* a surrogate */
	{ "\xf4\x90\x80\x80", 0 },       /* beyond U+10FFFF */
	{ "\xff", 0 },
	{ "ab\x80", 0 },                 /* stray continuation byte */
};

START_TEST(utf8_validity)
{
	ck_assert_msg(st_utf8_valid(utf8_cases[_i].bytes, strlen(utf8_cases[_i].bytes)) ==
		      utf8_cases[_i].valid, "case %d", _i);
}
END_TEST

static const struct {
	const char *text;
	size_t width, length;
} width_cases[] = {
	{ "", 0, 0 },
	{ "USCC", 4, 4 },
	{ "示例", 4, 2 },
	{ "名称：", 6, 3 },              /* full-width colon */
	{ "ISO/TC 299 机器人", 17, 14 },
	{ "é", 1, 1 },
};

START_TEST(display_width)
{
	ck_assert_uint_eq(st_utf8_width(width_cases[_i].text), width_cases[_i].width);
	ck_assert_uint_eq(st_utf8_length(width_cases[_i].text), width_cases[_i].length);
}
END_TEST

static const struct {
	const char *text;
	int ok;
	const char *message_part;
} label_cases[] = {
	{ "示例科技有限公司", 1, NULL },
	{ "Example Co., Ltd.", 1, NULL },
	{ "", 0, "empty" },
	{ " leading", 0, "space" },
	{ "trailing ", 0, "space" },
	{ "全角空格\xe3\x80\x80", 0, "space" },
	{ "\xe3\x80\x80全角空格", 0, "space" },
	{ "中\xe3\x80\x80间", 1, NULL },
	{ "two\nlines", 0, "one line" },
	{ "tab\there", 0, "one line" },
	{ "bad\xff", 0, "UTF-8" },
};

START_TEST(label_rules)
{
	int rc = st_text_check_label(label_cases[_i].text, "the name", 200);

	if (label_cases[_i].ok) {
		ck_assert_int_eq(rc, 0);
	} else {
		ck_assert_int_eq(rc, ST_EINVALID);
		ck_assert_msg(strstr(st_error_last(), label_cases[_i].message_part) != NULL,
			      "case %d: '%s'", _i, st_error_last());
	}
}
END_TEST

START_TEST(label_length_counts_characters)
{
	char s[700];
	int i;

	s[0] = '\0';
	for (i = 0; i < 200; i++)
		strcat(s, "字"); /* 200 characters, 600 bytes */
	ck_assert_int_eq(st_text_check_label(s, "the name", 200), 0);
	strcat(s, "字");
	ck_assert_int_eq(st_text_check_label(s, "the name", 200), ST_EINVALID);
}
END_TEST

Suite *text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, utf8_validity, 0, sizeof(utf8_cases) / sizeof(utf8_cases[0]));
	tcase_add_loop_test(tc, display_width, 0, sizeof(width_cases) / sizeof(width_cases[0]));
	tcase_add_loop_test(tc, label_rules, 0, sizeof(label_cases) / sizeof(label_cases[0]));
	tcase_add_test(tc, label_length_counts_characters);
	suite_add_tcase(s, tc);
	return s;
}
