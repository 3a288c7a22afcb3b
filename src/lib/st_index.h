/*
 * st_index.h: which standards name an organisation, without reading every
 * standard.
 *
 * The index is derived data, kept in the Git folder (stdtool-cache/) and
 * never committed.  It records the id of the standards/ tree it was built
 * from; when the branch has moved on, it is brought up to date from a diff
 * of the two trees, reading only the records that changed.  An index that
 * is missing, unreadable or stale costs time, never a wrong answer.
 */
#ifndef ST_INDEX_H
#define ST_INDEX_H

#include <stddef.h>

#include "st_repo.h"

/*
 * Sets *names to the file names (in standards/) of the records that
 * mention 'uscc' as an organisation, and *count to their number; free
 * with st_index_names_free().  The caller still parses each record.
 */
int st_index_standards_of(char ***names, size_t *count, st_repo *repo, const char *uscc);
void st_index_names_free(char **names, size_t count);

/* Brings the index up to date now (after a bulk write); best effort. */
void st_index_refresh(st_repo *repo);

#endif
