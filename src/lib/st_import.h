/*
 * st_import.h: bringing a spreadsheet's rows in as records, all or
 * nothing.  Columns are matched by the header row's names (order free;
 * '-' and '_' alike):
 *
 *   orgs:          uscc, name, kind [, name_en]
 *   standards:     id, level, number, title, fields, published
 *                  [, title_en, implemented, deliverable, revision_of,
 *                  committee, ics, drafters, roles]
 *                  drafters: "USCC:RANK;USCC:RANK", roles: "USCC:ROLE;..."
 *   secretariats:  committee, level, kind, org, approved, fields
 *                  [, document, ended]
 */
#ifndef ST_IMPORT_H
#define ST_IMPORT_H

#include <stddef.h>

#include "st_repo.h"

/* Called once per bad row (or bad header), with a translated message. */
typedef void (*st_import_report)(size_t line, const char *message, void *payload);

/*
 * Imports the CSV 'data' as records of 'kind' in one commit.  Every bad row
 * is reported; if there is any, nothing is written and ST_EINVALID is
 * returned.  *count receives the number of records written.
 */
int st_import_csv(st_repo *repo, const char *kind, const char *data, size_t len,
		  const char *name, const char *author, st_import_report report,
		  void *payload, size_t *count);

#endif
