/* test_buf.c: growable buffers. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "st_buf.h"
#include "suites.h"

START_TEST(empty_buffer_is_empty_string)
{
	st_buf b = ST_BUF_INIT;

	ck_assert_str_eq(b.ptr, "");
	ck_assert_uint_eq(b.size, 0);
	st_buf_clear(&b);
	ck_assert_str_eq(b.ptr, "");
	st_buf_dispose(&b);
}
END_TEST

START_TEST(appends_accumulate)
{
	st_buf b = ST_BUF_INIT;
	int i;

	st_buf_puts(&b, "ab");
	st_buf_putc(&b, 'c');
	st_buf_printf(&b, "-%d-%s", 42, "x");
	st_buf_pad(&b, 3);
	st_buf_put(&b, "yz", 1);
	ck_assert_str_eq(b.ptr, "abc-42-x   y");
	ck_assert_uint_eq(b.size, strlen("abc-42-x   y"));
	for (i = 0; i < 10000; i++)
		st_buf_puts(&b, "0123456789");
	ck_assert_uint_eq(b.size, 12 + 100000);
	ck_assert_int_eq(st_buf_check(&b), 0);
	st_buf_dispose(&b);
	ck_assert_uint_eq(b.size, 0);
}
END_TEST

START_TEST(detach_hands_over_content)
{
	st_buf b = ST_BUF_INIT;
	char *s;

	s = st_buf_detach(&b);
	ck_assert_str_eq(s, "");
	free(s);
	st_buf_puts(&b, "kept");
	s = st_buf_detach(&b);
	ck_assert_str_eq(s, "kept");
	ck_assert_str_eq(b.ptr, "");
	free(s);
}
END_TEST

START_TEST(huge_growth_fails_cleanly)
{
	st_buf b = ST_BUF_INIT;

	st_buf_puts(&b, "x");
	ck_assert_int_lt(st_buf_grow(&b, (size_t)-1), 0);
	ck_assert(st_buf_failed(&b));
	st_buf_puts(&b, "ignored");
	ck_assert_int_lt(st_buf_check(&b), 0);
	ck_assert_ptr_null(st_buf_detach(&b));
}
END_TEST

START_TEST(arrays_grow_and_keep_their_elements)
{
	const char **items = NULL;
	size_t n = 0, alloc = 0, i;

	for (i = 0; i < 1000; i++) {
		ck_assert_int_eq(st_array_grow(&items, &alloc, n, sizeof(*items)), 0);
		ck_assert_uint_gt(alloc, n);
		items[n++] = i % 2 ? "odd" : "even";
	}
	ck_assert_uint_eq(n, 1000);
	ck_assert_str_eq(items[0], "even");
	ck_assert_str_eq(items[999], "odd");
	/* A capacity that cannot be allocated fails and leaves the array alone. */
	alloc = n;
	ck_assert_int_eq(st_array_grow(&items, &alloc, n, (size_t)-1 / 4), ST_ERROR);
	ck_assert_uint_eq(alloc, 1000);
	ck_assert_str_eq(items[999], "odd");
	free(items);
}
END_TEST

Suite *buf_suite(void)
{
	Suite *s = suite_create("buf");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, empty_buffer_is_empty_string);
	tcase_add_test(tc, appends_accumulate);
	tcase_add_test(tc, detach_hands_over_content);
	tcase_add_test(tc, huge_growth_fails_cleanly);
	tcase_add_test(tc, arrays_grow_and_keep_their_elements);
	suite_add_tcase(s, tc);
	return s;
}
