/*
 * st_date.h: calendar dates as ISO 8601 "YYYY-MM-DD", compared as integers.
 */
#ifndef ST_DATE_H
#define ST_DATE_H

/* A date as YYYYMMDD (20250309): ordered like the calendar. */
typedef long st_date;

/*
 * Parses "YYYY-MM-DD" (a real date of years 1900-2999).  'what' names the
 * value in the message.  Returns 0 or ST_EINVALID.
 */
int st_date_parse(st_date *out, const char *text, const char *what);

/* Writes "YYYY-MM-DD" into out (11 bytes). */
void st_date_format(char out[11], st_date date);

/* Today in local time. */
st_date st_date_today(void);

int st_date_year(st_date date);

#endif
