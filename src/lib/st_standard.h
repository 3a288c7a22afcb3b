/*
 * st_standard.h: standards and who contributed to them, one record per
 * standard in standards/ID.xml.
 *
 * An st_standard obtained through st_standard **out is the caller's,
 * freed with st_standard_free(); one passed to a callback is borrowed.
 */
#ifndef ST_STANDARD_H
#define ST_STANDARD_H

#include <stddef.h>

#include "st_buf.h"
#include "st_date.h"
#include "st_repo.h"
#include "st_stdnum.h"
#include "st_uscc.h"

#define ST_ID_MAX 64
#define ST_TITLE_MAX 300

typedef struct {
	char uscc[ST_USCC_LEN + 1];
	int rank; /* 1 = 第一起草单位 */
} st_drafter;

typedef struct {
	char uscc[ST_USCC_LEN + 1];
	char role[16]; /* project-leader convenor editor expert */
} st_role;

typedef struct {
	char source[16]; /* provincial municipal district national */
	char *program;
	long long amount_yuan;
} st_funding;

typedef struct {
	char *id;
	char *level;
	char *deliverable;
	st_stdnum number;
	char *title, *title_en;
	char **fields;
	size_t nfields;
	st_date published, implemented; /* implemented 0 when not given */
	char *revision_of, *committee, *ics;
	st_drafter *drafters;
	size_t ndrafters;
	st_role *roles;
	size_t nroles;
	st_funding *funding;
	size_t nfunding;
} st_standard;

extern const char *const st_roles[];
extern const char *const st_funding_sources[];

/* What "standard add" takes, as typed. */
typedef struct {
	const char *id, *level, *number, *title, *title_en, *fields;
	const char *published, *implemented, *deliverable, *revision_of;
	const char *committee, *ics;
} st_standard_input;

/*
 * Builds a standard from user input, checking every field and that the
 * number agrees with the level and deliverable.  ST_EINVALID with a
 * message naming the field.
 */
int st_standard_new(st_standard **out, const st_standard_input *in);
void st_standard_free(st_standard *std);

/* Checks a record id: letters, digits, '.', '_', '-', at most 64. */
int st_id_check(const char *id, const char *what);
/* Splits "ai,robotics" into checked field tags. */
int st_fields_parse(char ***out, size_t *count, const char *text);
void st_fields_free(char **fields, size_t count);
/* Checks an amount in whole yuan: digits only, 1 to 10^12. */
int st_amount_parse(long long *out, const char *text);

int st_standard_to_xml(st_buf *out, const st_standard *std);
int st_standard_from_xml(st_standard **out, const char *data, size_t len, const char *name);
int st_standard_path(st_buf *out, const char *id);

/* 1 when the organisation drafted it or holds a role in it. */
int st_standard_involves(const st_standard *std, const char *uscc);

int st_standard_add(st_repo *repo, const st_standard *std, const char *author);
int st_standard_get(st_standard **out, st_repo *repo, const char *id);
int st_standard_remove(st_repo *repo, const char *id, const char *author);

/* Adds a drafting unit; the rank must be free and the org registered. */
int st_standard_add_drafter(st_repo *repo, const char *id, const char *uscc,
			    const char *rank, const char *author);
int st_standard_add_role(st_repo *repo, const char *id, const char *uscc,
			 const char *role, const char *author);
int st_standard_add_funding(st_repo *repo, const char *id, const char *source,
			    const char *program, const char *amount, const char *author);

/*
 * Calls 'cb' for every standard; when 'uscc' is not NULL, only for those
 * the organisation drafted or holds a role in (other records are skipped
 * unparsed).  The callback takes ownership of 'std'.
 */
typedef int (*st_standard_cb)(st_standard *std, void *payload);
int st_standard_each(st_repo *repo, const char *uscc, st_standard_cb cb, void *payload);

#endif
