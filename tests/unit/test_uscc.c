/* test_uscc.c: the two check characters of a USCC. */
#include <config.h>

#include <string.h>

#include "helpers.h"
#include "st_error.h"
#include "st_uscc.h"
#include "suites.h"

static const struct {
	const char *code;
	st_uscc_status status;
	size_t position;
	char expected;
} cases[] = {
	/* Valid: published codes of real registrations, and the design example. */
	{ "91440300MA5GD0001H", ST_USCC_OK, 0, 0 },
	{ "914403001922038216", ST_USCC_OK, 0, 0 },
	{ "9144030071526726XG", ST_USCC_OK, 0, 0 }, /* organisation check 'X' */
	{ "91110000100010249W", ST_USCC_OK, 0, 0 },
	{ "12100000400000624D", ST_USCC_OK, 0, 0 }, /* a public institution */
	/* Wrong check character (position 18). */
	{ "91440300MA5GD0001X", ST_USCC_BAD_CHECK, 18, 'H' },
	{ "914403001922038210", ST_USCC_BAD_CHECK, 18, '6' },
	/* Wrong organisation-code check character (position 17). */
	{ "91440300MA5GD0002H", ST_USCC_BAD_ORG_CHECK, 17, '1' },
	{ "9144030071526726YG", ST_USCC_BAD_ORG_CHECK, 17, 'X' },
	/* Two digits swapped: caught by the organisation check. */
	{ "91440300AM5GD0001H", ST_USCC_BAD_ORG_CHECK, 17, 0 },
	/* Characters outside the alphabet. */
	{ "91440300MA5GD000IH", ST_USCC_BAD_CHARACTER, 17, 0 },
	{ "91440300MO5GD0001H", ST_USCC_BAD_CHARACTER, 10, 0 },
	{ "91440300ma5gd0001h", ST_USCC_BAD_CHARACTER, 9, 0 },
	{ "9144 300MA5GD0001H", ST_USCC_BAD_CHARACTER, 5, 0 },
	{ "91440300MA5GD0001Z", ST_USCC_BAD_CHARACTER, 18, 0 },
	/* Wrong length. */
	{ "", ST_USCC_BAD_LENGTH, 0, 0 },
	{ "91440300MA5GD0001", ST_USCC_BAD_LENGTH, 17, 0 },
	{ "91440300MA5GD0001H0", ST_USCC_BAD_LENGTH, 19, 0 },
};

START_TEST(check_table)
{
	st_uscc_result r;

	ck_assert_msg(st_uscc_check(&r, cases[_i].code) == cases[_i].status,
		      "%s: status %d", cases[_i].code, r.status);
	if (cases[_i].status != ST_USCC_OK && cases[_i].status != ST_USCC_BAD_LENGTH)
		ck_assert_uint_eq(r.position, cases[_i].position);
	if (cases[_i].expected)
		ck_assert_int_eq(r.expected, cases[_i].expected);
}
END_TEST

START_TEST(normalise_accepts_lower_case)
{
	char out[ST_USCC_LEN + 1];

	ck_assert_int_eq(st_uscc_normalise(out, "91440300ma5gd0001h"), 0);
	ck_assert_str_eq(out, "91440300MA5GD0001H");
}
END_TEST

static const struct {
	const char *code;
	const char *message_part;
} messages[] = {
	{ "91440300MA5GD0001X", "character 18 is 'X', expected 'H'" },
	{ "91440300MA5GD0002H", "character 17 is '2', expected '1'" },
	{ "91440300MA5GD000IH", "character 17 'I' is not allowed" },
	{ "91440300MA5GD0001", "it has 17 characters" },
	{ "91440300MA5GD0\001\0021H", "character 15 is not allowed" },
};

START_TEST(normalise_messages_name_the_failed_check)
{
	char out[ST_USCC_LEN + 1];

	ck_assert_int_eq(st_uscc_normalise(out, messages[_i].code), ST_EINVALID);
	ck_assert_msg(strstr(st_error_last(), messages[_i].message_part) != NULL,
		      "'%s' lacks '%s'", st_error_last(), messages[_i].message_part);
}
END_TEST

START_TEST(every_single_character_change_is_caught)
{
	static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	char code[19];
	st_uscc_result r;
	size_t pos, k;

	for (pos = 0; pos < 18; pos++) {
		for (k = 0; alphabet[k]; k++) {
			strcpy(code, "91440300MA5GD0001H");
			if (code[pos] == alphabet[k])
				continue;
			code[pos] = alphabet[k];
			ck_assert_msg(st_uscc_check(&r, code) != ST_USCC_OK,
				      "%s passed", code);
		}
	}
}
END_TEST

START_TEST(generated_codes_are_valid)
{
	char code[19], region[7];
	st_uscc_result r;
	unsigned i;

	for (i = 0; i < 2000; i += 7) {
		make_uscc(code, i);
		ck_assert_msg(st_uscc_check(&r, code) == ST_USCC_OK, "%s", code);
	}
	st_uscc_region(region, "91440300MA5GD0001H");
	ck_assert_str_eq(region, "440300");
}
END_TEST

Suite *uscc_suite(void)
{
	Suite *s = suite_create("uscc");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, check_table, 0, sizeof(cases) / sizeof(cases[0]));
	tcase_add_test(tc, normalise_accepts_lower_case);
	tcase_add_loop_test(tc, normalise_messages_name_the_failed_check, 0,
			    sizeof(messages) / sizeof(messages[0]));
	tcase_add_test(tc, every_single_character_change_is_caught);
	tcase_add_test(tc, generated_codes_are_valid);
	suite_add_tcase(s, tc);
	return s;
}
