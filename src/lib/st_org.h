/*
 * st_org.h: organisations, one record per USCC in orgs/USCC.xml.
 *
 * An st_org obtained through st_org **out is the caller's, freed with
 * st_org_free(); one passed to a callback is borrowed for that call.
 */
#ifndef ST_ORG_H
#define ST_ORG_H

#include "st_buf.h"
#include "st_repo.h"
#include "st_uscc.h"

#define ST_ORG_NAME_MAX 200 /* characters */

typedef struct {
	char uscc[ST_USCC_LEN + 1];
	char *name;    /* registered Chinese name */
	char *name_en; /* English name, or NULL */
	char *kind;    /* one of st_org_kinds */
} st_org;

/* The kinds of organisation, NULL-terminated. */
extern const char *const st_org_kinds[];

int st_org_kind_valid(const char *kind);

/*
 * Fills a new organisation from user input, normalising the USCC to upper
 * case.  ST_EINVALID with a message naming the bad field.
 */
int st_org_new(st_org **out, const char *uscc, const char *name,
	       const char *name_en, const char *kind);
void st_org_free(st_org *org);
int st_org_dup(st_org **out, const st_org *org);

int st_org_to_xml(st_buf *out, const st_org *org);
int st_org_from_xml(st_org **out, const char *data, size_t len, const char *name);

/* The record path of a USCC: "orgs/USCC.xml". */
int st_org_path(st_buf *out, const char *uscc);

/* Registers 'org' in one commit.  ST_EEXISTS when the USCC is registered. */
int st_org_add(st_repo *repo, const st_org *org, const char *author);

/* Looks up a registered organisation.  ST_ENOTFOUND when absent. */
int st_org_get(st_org **out, st_repo *repo, const char *uscc);

/* Calls 'cb' for every organisation in USCC order; non-zero stops. */
typedef int (*st_org_cb)(const st_org *org, void *payload);
int st_org_each(st_repo *repo, st_org_cb cb, void *payload);

/* Removes an organisation in one commit.  ST_ENOTFOUND when absent. */
int st_org_remove(st_repo *repo, const char *uscc, const char *author);

#endif
