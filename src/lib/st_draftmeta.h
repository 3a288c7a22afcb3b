/*
 * st_draftmeta.h: drafts/ID/meta.xml, stdtool's record of a draft (its
 * profile, its stage history and the rules switched off for it), and the
 * repository operations on drafts.
 */
#ifndef ST_DRAFTMETA_H
#define ST_DRAFTMETA_H

#include "st_draft.h"
#include "st_repo.h"
#include "st_stage.h"

typedef struct {
	st_stage stage;
	char date[11];
	char *by;     /* or NULL */
	char *tag;    /* or NULL */
} st_draft_stage;

typedef struct {
	char *id;
	st_profile profile;
	st_draft_stage *stages;  /* oldest first; the last is the current one */
	size_t nstages, astages;
	char **ignore;
	size_t nignore, aignore;
} st_draft_meta;

void st_draft_meta_free(st_draft_meta *meta);
int st_draft_meta_parse(st_draft_meta **out, const char *data, size_t len, const char *name);
int st_draft_meta_serialise(st_buf *out, const st_draft_meta *meta);
int st_draft_meta_add_stage(st_draft_meta *meta, st_stage stage, const char *date,
			    const char *by, const char *tag);
const st_draft_stage *st_draft_meta_current(const st_draft_meta *meta);

/* "drafts/ID/meta.xml" and "drafts/ID/draft.xml". */
void st_draft_path(st_buf *out, const char *id, const char *file);

/* Reads the committed meta.xml of draft 'id'; ST_ENOTFOUND when there is no such draft. */
int st_draft_meta_read(st_draft_meta **out, st_repo *repo, const char *id);

#endif
