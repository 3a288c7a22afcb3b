/* test_stdnum.c: standard numbers, committee ids and dates. */
#include <config.h>

#include <string.h>

#include "st_date.h"
#include "st_error.h"
#include "st_stdnum.h"
#include "suites.h"

static const struct {
	const char *input, *number, *body, *level, *deliverable;
} numbers[] = {
	{ "ISO 10218-1:2025", "ISO 10218-1:2025", "ISO", "international", "is" },
	{ "ISO/IEC 42001:2023", "ISO/IEC 42001:2023", "ISO/IEC", "international", "is" },
	{ "ISO/IEC  22989:2022", "ISO/IEC 22989:2022", "ISO/IEC", "international", "is" },
	{ "ISO/TS 15066:2016", "ISO/TS 15066:2016", "ISO", "international", "ts" },
	{ "ISO/IEC TR 24028:2020", "ISO/IEC TR 24028:2020", "ISO/IEC", "international", "tr" },
	{ "ISO/PAS 8800:2024", "ISO/PAS 8800:2024", "ISO", "international", "pas" },
	{ "IEC 61508-1:2010", "IEC 61508-1:2010", "IEC", "international", "is" },
	{ "ISO 8373", "ISO 8373", "ISO", "international", "is" },
	{ "ITU-T Y.3172", "ITU-T Y.3172", "ITU", "international", "rec" },
	{ "ITU-R M.2083-0", "ITU-R M.2083-0", "ITU", "international", "rec" },
	{ "GB 12345—2026", "GB 12345—2026", "SAC", "national", "standard" },
	{ "GB/T 12345-2026", "GB/T 12345—2026", "SAC", "national", "standard" },
	{ "GB/T 12345.1–2026", "GB/T 12345.1—2026", "SAC", "national", "standard" },
	{ "GB/Z 41234—2022", "GB/Z 41234—2022", "SAC", "national", "guidance" },
	{ "JB/T 14567—2024", "JB/T 14567—2024", "MIIT", "industry", "standard" },
	{ "YD/T 3945-2021", "YD/T 3945—2021", "MIIT", "industry", "standard" },
	{ "GA/T 1234—2020", "GA/T 1234—2020", "MPS", "industry", "standard" },
	{ "DB44/T 2456—2024", "DB44/T 2456—2024", "DB44", "local", "standard" },
	{ "T/CAS 123—2024", "T/CAS 123—2024", "CAS", "group", "standard" },
};

START_TEST(numbers_parse)
{
	st_stdnum n;

	ck_assert_msg(st_stdnum_parse(&n, numbers[_i].input) == 0, "%s: %s",
		      numbers[_i].input, st_error_last());
	ck_assert_str_eq(n.number, numbers[_i].number);
	ck_assert_str_eq(n.body, numbers[_i].body);
	ck_assert_str_eq(n.level, numbers[_i].level);
	ck_assert_str_eq(n.deliverable, numbers[_i].deliverable);
}
END_TEST

static const char *const bad_numbers[] = {
	"", "ISO", "ISO 12345:25", "ISO 12345:20250", "ISO12345", "IEEE 802.3", "GB 12345",
	"GB/T 12345", "GB/T 12345—26", "GB/X 123—2020", "XX/T 123—2020", "DB4/T 12—2020",
	"T/C 12—2020", "ITU-T 3172", "ITU-X Y.1", "ISO 12345:2025 extra", "ＧＢ/T 1—2020",
};

START_TEST(bad_numbers_refused)
{
	st_stdnum n;

	ck_assert_msg(st_stdnum_parse(&n, bad_numbers[_i]) == ST_EINVALID, "'%s' passed", bad_numbers[_i]);
	ck_assert_ptr_nonnull(strstr(st_error_last(), "expected a form such as"));
}
END_TEST

static const struct {
	const char *input, *id, *slug, *level, *kind;
} committees[] = {
	{ "ISO/TC 299", "ISO/TC 299", "ISO_TC-299", "international", "tc" },
	{ "ISO/TC 299/WG 2", "ISO/TC 299/WG 2", "ISO_TC-299_WG-2", "international", "wg" },
	{ "IEC/TC 65/SC 65A", "IEC/TC 65/SC 65A", "IEC_TC-65_SC-65A", "international", "sc" },
	{ "ISO/IEC JTC 1", "ISO/IEC JTC 1", "ISO_IEC-JTC-1", "international", "tc" },
	{ "ISO/IEC JTC 1/SC 42", "ISO/IEC JTC 1/SC 42", "ISO_IEC-JTC-1_SC-42", "international", "sc" },
	{ "SAC/TC 591", "SAC/TC 591", "SAC_TC-591", "national", "tc" },
	{ "SAC/TC 28/SC 42", "SAC/TC 28/SC 42", "SAC_TC-28_SC-42", "national", "sc" },
	{ "GD/TC 22", "GD/TC 22", "GD_TC-22", "provincial", "tc" },
};

START_TEST(committees_parse)
{
	st_committee c;

	ck_assert_msg(st_committee_parse(&c, committees[_i].input) == 0, "%s", st_error_last());
	ck_assert_str_eq(c.id, committees[_i].id);
	ck_assert_str_eq(c.slug, committees[_i].slug);
	ck_assert_str_eq(c.level, committees[_i].level);
	ck_assert_str_eq(c.kind, committees[_i].kind);
}
END_TEST

static const char *const bad_committees[] = {
	"", "ISO/TC", "ISO/TC 0", "ISO/TC 299/XX 1", "ISO/TC 299/SC 1/SC 2", "SAC 591",
	"GD/TC abc", "ISO/TC 29 9", "ITU-T SG 13", "ISO/TC 299/SC 65A",
};

START_TEST(bad_committees_refused)
{
	st_committee c;

	ck_assert_msg(st_committee_parse(&c, bad_committees[_i]) == ST_EINVALID, "'%s' passed",
		      bad_committees[_i]);
}
END_TEST

static const struct {
	const char *text;
	long value;
} dates[] = {
	{ "2025-03-09", 20250309 }, { "2027-12-31", 20271231 }, { "2024-02-29", 20240229 },
	{ "2000-02-29", 20000229 }, { "2025-02-29", 0 }, { "1900-02-29", 0 }, { "2025-13-01", 0 },
	{ "2025-04-31", 0 }, { "2025-4-1", 0 }, { "2025/04/01", 0 }, { "25-04-01", 0 },
	{ "2025-04-01x", 0 }, { "", 0 }, { "1899-12-31", 0 },
};

START_TEST(date_table)
{
	st_date d = 0;
	int rc = st_date_parse(&d, dates[_i].text, "the date");
	char back[11];

	if (dates[_i].value) {
		ck_assert_int_eq(rc, 0);
		ck_assert_int_eq(d, dates[_i].value);
		st_date_format(back, d);
		ck_assert_str_eq(back, dates[_i].text);
	} else {
		ck_assert_int_eq(rc, ST_EINVALID);
		ck_assert_ptr_nonnull(strstr(st_error_last(), dates[_i].text));
	}
}
END_TEST

Suite *stdnum_suite(void)
{
	Suite *s = suite_create("stdnum");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, numbers_parse, 0, sizeof(numbers) / sizeof(numbers[0]));
	tcase_add_loop_test(tc, bad_numbers_refused, 0, sizeof(bad_numbers) / sizeof(bad_numbers[0]));
	tcase_add_loop_test(tc, committees_parse, 0, sizeof(committees) / sizeof(committees[0]));
	tcase_add_loop_test(tc, bad_committees_refused, 0, sizeof(bad_committees) / sizeof(bad_committees[0]));
	tcase_add_loop_test(tc, date_table, 0, sizeof(dates) / sizeof(dates[0]));
	suite_add_tcase(s, tc);
	return s;
}
