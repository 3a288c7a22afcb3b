/* test_csv.c: CSV as spreadsheets save it. */
#include <config.h>

#include <string.h>

#include "st_csv.h"
#include "st_error.h"
#include "suites.h"

START_TEST(csv_fields_and_lines)
{
	const char text[] = "\xef\xbb\xbf" "a,b,c\r\n" "1,\"x, y\",\"say \"\"hi\"\"\"\r\n"
			    "\r\n" "2,\"two\nlines\",\n" "3,last,end";
	st_csv csv;

	ck_assert_int_eq(st_csv_parse(&csv, text, sizeof(text) - 1, "t.csv"), 0);
	ck_assert_uint_eq(csv.nrows, 4);
	ck_assert_str_eq(csv.rows[0].fields[0], "a");
	ck_assert_str_eq(csv.rows[1].fields[1], "x, y");
	ck_assert_str_eq(csv.rows[1].fields[2], "say \"hi\"");
	ck_assert_uint_eq(csv.rows[2].line, 4);
	ck_assert_str_eq(csv.rows[2].fields[1], "two\nlines");
	ck_assert_uint_eq(csv.rows[2].nfields, 3);
	ck_assert_str_eq(csv.rows[2].fields[2], "");
	ck_assert_uint_eq(csv.rows[3].line, 6);
	ck_assert_str_eq(csv.rows[3].fields[2], "end");
	st_csv_free(&csv);
}
END_TEST

static const struct {
	const char *text;
	const char *message_part;
} bad_csv[] = {
	{ "a,b\n1,\"open\n", "t.csv:2: a quoted field is not closed" },
	{ "a,b\n1,x\"y\n", "t.csv:2: a quote inside" },
	{ "a,b\n1,2\n\xff\xfe,3\n", "t.csv:3: not valid UTF-8" },
};

START_TEST(csv_errors_name_the_line)
{
	st_csv csv;

	ck_assert_int_eq(st_csv_parse(&csv, bad_csv[_i].text, strlen(bad_csv[_i].text), "t.csv"), ST_EINVALID);
	ck_assert_msg(strstr(st_error_last(), bad_csv[_i].message_part) != NULL, "%s", st_error_last());
}
END_TEST

Suite *csv_suite(void)
{
	Suite *s = suite_create("csv");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, csv_fields_and_lines);
	tcase_add_loop_test(tc, csv_errors_name_the_line, 0, sizeof(bad_csv) / sizeof(bad_csv[0]));
	suite_add_tcase(s, tc);
	return s;
}
