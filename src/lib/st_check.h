/*
 * st_check.h: checks every record of the current commit, as "git fsck"
 * checks objects: each record against its schema, and what a schema cannot
 * say (a USCC's check characters, a file named after its record).
 */
#ifndef ST_CHECK_H
#define ST_CHECK_H

#include <stddef.h>

#include "st_repo.h"

/* Called once per problem; 'message' is translated.  Non-zero stops. */
typedef int (*st_check_cb)(const char *path, const char *message, void *payload);

/*
 * Checks the repository.  *checked receives the number of records looked
 * at.  Returns 0 when the walk completed (problems or not), or an error.
 */
int st_check_repository(st_repo *repo, st_check_cb cb, void *payload, size_t *checked);

#endif
