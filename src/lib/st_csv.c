/* st_csv.c: reading CSV files. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "st_buf.h"
#include "st_csv.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_text.h"

void st_csv_free(st_csv *csv)
{
	size_t i, k;

	for (i = 0; i < csv->nrows; i++) {
		for (k = 0; k < csv->rows[i].nfields; k++)
			free(csv->rows[i].fields[k]);
		free(csv->rows[i].fields);
	}
	free(csv->rows);
	csv->rows = NULL;
	csv->nrows = 0;
}

static int push_field(st_csv_row *row, st_buf *field)
{
	char **grown = realloc(row->fields, (row->nfields + 1) * sizeof(*grown));
	char *text;

	if (!grown)
		return st_error_oom();
	row->fields = grown;
	if (!(text = st_buf_detach(field)))
		return st_error_oom();
	row->fields[row->nfields++] = text;
	return 0;
}

static int push_row(st_csv *csv, st_csv_row *row)
{
	st_csv_row *grown;
	size_t k;

	/* A line with one empty field is a blank line. */
	if (row->nfields == 1 && row->fields[0][0] == '\0') {
		free(row->fields[0]);
		free(row->fields);
		memset(row, 0, sizeof(*row));
		return 0;
	}
	if (!(grown = realloc(csv->rows, (csv->nrows + 1) * sizeof(*grown)))) {
		for (k = 0; k < row->nfields; k++)
			free(row->fields[k]);
		free(row->fields);
		memset(row, 0, sizeof(*row));
		return st_error_oom();
	}
	csv->rows = grown;
	csv->rows[csv->nrows++] = *row;
	memset(row, 0, sizeof(*row));
	return 0;
}

int st_csv_parse(st_csv *out, const char *data, size_t len, const char *name)
{
	st_csv csv = { NULL, 0 };
	st_csv_row row;
	st_buf field = ST_BUF_INIT;
	size_t i = 0, line = 1, k;
	int quoted = 0, error = 0;

	memset(&row, 0, sizeof(row));
	memset(out, 0, sizeof(*out));
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	/* Report bad encoding by line, before anything else. */
	{
		size_t start = i, l = 1, p;
		for (p = i; p <= len; p++) {
			if (p == len || data[p] == '\n') {
				if (!st_utf8_valid(data + start, p - start))
					return st_error_set(ST_EINVALID,
						_("%s:%zu: not valid UTF-8 (save the sheet as CSV UTF-8)"), name, l);
				start = p + 1;
				l++;
			}
		}
	}
	row.line = line;
	for (; i < len; i++) {
		char c = data[i];
		if (quoted) {
			if (c == '"') {
				if (i + 1 < len && data[i + 1] == '"') {
					st_buf_putc(&field, '"');
					i++;
				} else {
					quoted = 0;
				}
			} else {
				if (c == '\n')
					line++;
				st_buf_putc(&field, c);
			}
			continue;
		}
		if (c == '"' && field.size == 0) {
			quoted = 1;
		} else if (c == ',') {
			if ((error = push_field(&row, &field)) < 0)
				goto done;
		} else if (c == '\r' && i + 1 < len && data[i + 1] == '\n') {
			continue;
		} else if (c == '\n') {
			if ((error = push_field(&row, &field)) < 0 || (error = push_row(&csv, &row)) < 0)
				goto done;
			row.line = ++line;
		} else if (c == '"') {
			error = st_error_set(ST_EINVALID,
				_("%s:%zu: a quote inside an unquoted field"), name, line);
			goto done;
		} else {
			st_buf_putc(&field, c);
		}
	}
	if (quoted) {
		error = st_error_set(ST_EINVALID,
			_("%s:%zu: a quoted field is not closed"), name, row.line);
		goto done;
	}
	if (field.size || row.nfields) {
		if ((error = push_field(&row, &field)) < 0 || (error = push_row(&csv, &row)) < 0)
			goto done;
	}
	if ((error = st_buf_check(&field)) < 0)
		goto done;
	*out = csv;
	csv.rows = NULL;
	csv.nrows = 0;
done:
	for (k = 0; k < row.nfields; k++)
		free(row.fields[k]);
	free(row.fields);
	st_buf_dispose(&field);
	st_csv_free(&csv);
	return error;
}
