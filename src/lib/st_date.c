/* st_date.c: ISO 8601 calendar dates. */
#include <config.h>

#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <time.h>

#include "st_date.h"
#include "st_error.h"
#include "st_i18n.h"

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int st_date_parse(st_date *out, const char *text, const char *what)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d, i;

	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (text[i] != '-')
				goto bad;
		} else if (text[i] < '0' || text[i] > '9') {
			goto bad;
		}
	}
	if (text[10] != '\0')
		goto bad;
	y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
	m = (text[5] - '0') * 10 + (text[6] - '0');
	d = (text[8] - '0') * 10 + (text[9] - '0');
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 ||
	    d > days[m - 1] + (m == 2 && leap(y)))
		return st_error_set(ST_EINVALID, _("%s '%s' is not a real date"), what, text);
	*out = (st_date)y * 10000 + m * 100 + d;
	return 0;
bad:
	return st_error_set(ST_EINVALID,
		_("%s '%s' is not a date of the form YYYY-MM-DD"), what, text);
}

void st_date_format(char out[11], st_date date)
{
	unsigned long d = date > 0 ? (unsigned long)date : 0;

	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)(d / 10000 % 10000),
		 (unsigned)(d / 100 % 100), (unsigned)(d % 100));
}

/*
 * Today's date.  The test suite fixes it with STDTOOL_TEST_TODAY
 * (YYYY-MM-DD), so that closing dates and late votes can be tested.
 */
st_date st_date_today(void)
{
	const char *fixed = getenv("STDTOOL_TEST_TODAY");
	time_t now = time(NULL);
	struct tm tm;
	st_date d;

	if (fixed && *fixed && st_date_parse(&d, fixed, "STDTOOL_TEST_TODAY") == 0)
		return d;
	localtime_r(&now, &tm);
	return (st_date)(tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

int st_date_year(st_date date)
{
	return (int)(date / 10000);
}
