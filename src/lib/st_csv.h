/*
 * st_csv.h: CSV as spreadsheets save it (RFC 4180): UTF-8 with or without
 * a byte-order mark, CRLF or LF, quoted fields with "" for a quote and
 * line breaks inside quotes.  Blank lines are skipped.
 */
#ifndef ST_CSV_H
#define ST_CSV_H

#include <stddef.h>

typedef struct {
	char **fields;
	size_t nfields;
	size_t line; /* where the row starts, 1-based */
} st_csv_row;

typedef struct {
	st_csv_row *rows;
	size_t nrows;
} st_csv;

/* ST_EINVALID with "name:line: message" for bad encoding or quoting. */
int st_csv_parse(st_csv *out, const char *data, size_t len, const char *name);
void st_csv_free(st_csv *csv);

#endif
