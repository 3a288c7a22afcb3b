/*
 * st_secretariat.h: committee secretariats held, one record per committee
 * in secretariats/SLUG.xml (slug: "ISO/TC 299" -> "ISO_TC-299").
 *
 * An st_secretariat through st_secretariat **out is the caller's, freed
 * with st_secretariat_free(); the callback of st_secretariat_each() takes
 * ownership of the one it is given.
 */
#ifndef ST_SECRETARIAT_H
#define ST_SECRETARIAT_H

#include "st_buf.h"
#include "st_date.h"
#include "st_repo.h"
#include "st_stdnum.h"
#include "st_uscc.h"

typedef struct {
	st_committee committee;
	char uscc[ST_USCC_LEN + 1];
	st_date approved, ended; /* ended 0 while held */
	char **fields;
	size_t nfields;
	char *document;
} st_secretariat;

typedef struct {
	const char *committee, *level, *kind, *org, *approved, *fields, *document, *ended;
} st_secretariat_input;

int st_secretariat_new(st_secretariat **out, const st_secretariat_input *in);
void st_secretariat_free(st_secretariat *sec);

int st_secretariat_to_xml(st_buf *out, const st_secretariat *sec);
int st_secretariat_from_xml(st_secretariat **out, const char *data, size_t len, const char *name);
int st_secretariat_path(st_buf *out, const char *slug);

/* Records a secretariat; the holder must be registered. */
int st_secretariat_add(st_repo *repo, const st_secretariat *sec, const char *author);
/* 'committee' as typed ("ISO/TC 299"). */
int st_secretariat_get(st_secretariat **out, st_repo *repo, const char *committee);
int st_secretariat_remove(st_repo *repo, const char *committee, const char *author);

typedef int (*st_secretariat_cb)(st_secretariat *sec, void *payload);
/* Every secretariat, or those held by 'uscc' when it is not NULL. */
int st_secretariat_each(st_repo *repo, const char *uscc, st_secretariat_cb cb, void *payload);

#endif
