/*
 * st_error.h: return codes and the last error message of the stdtool library.
 *
 * Every library function returns an int: 0 on success, or one of the
 * negative codes below.  A function that fails records a message the caller
 * reads with st_error_last(); the message is already translated and has no
 * trailing newline or full stop.  As in libgit2, the record is per thread
 * and a callee's error is passed up unchanged.  The library never prints
 * and never exits.
 */
#ifndef ST_ERROR_H
#define ST_ERROR_H

enum st_code {
	ST_OK = 0,
	ST_ERROR = -1,     /* runtime failure: I/O, libgit2, libxml2, memory */
	ST_EINVALID = -2,  /* a value given by the user is malformed */
	ST_ENOTFOUND = -3, /* the thing asked for does not exist */
	ST_EEXISTS = -4,   /* the thing to create exists already */
	ST_ECONFLICT = -5, /* another writer changed the repository first */
	ST_ELOCKED = -6,   /* another process holds the repository's lock */
	ST_EDIRTY = -7,    /* uncommitted edits stand in the way */
	ST_EREPO = -8      /* not a stdtool repository */
};

#if defined(__GNUC__)
#define ST_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define ST_PRINTF(f, a)
#endif

/* Records a message (printf format) and returns 'code' for tail calls. */
int st_error_set(int code, const char *fmt, ...) ST_PRINTF(2, 3);

/* Records an out-of-memory error and returns ST_ERROR. */
int st_error_oom(void);

/* The last message recorded on this thread, or "" (borrowed). */
const char *st_error_last(void);

void st_error_clear(void);

#endif
