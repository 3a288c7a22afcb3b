/*
 * st_uscc.h: the unified social credit code (统一社会信用代码, GB 32100-2015).
 *
 * 18 characters from "0123456789ABCDEFGHJKLMNPQRTUWXY".  Positions 9-17 hold
 * a GB 11714 organisation code whose ninth character is its own check
 * character; position 18 checks the whole code.
 */
#ifndef ST_USCC_H
#define ST_USCC_H

#include <stddef.h>

#define ST_USCC_LEN 18

typedef enum {
	ST_USCC_OK = 0,
	ST_USCC_BAD_LENGTH,    /* not 18 characters */
	ST_USCC_BAD_CHARACTER, /* a character outside the alphabet */
	ST_USCC_BAD_ORG_CHECK, /* position 17 fails the GB 11714 check */
	ST_USCC_BAD_CHECK      /* position 18 fails the GB 32100 check */
} st_uscc_status;

typedef struct {
	st_uscc_status status;
	size_t position; /* 1-based position of the offending character */
	char found;      /* the character found there */
	char expected;   /* for the checks: the character that would be right */
} st_uscc_result;

/*
 * Checks 'code' (exactly as given: no case folding, no trimming) and fills
 * 'result'.  Returns the status, ST_USCC_OK when the code is valid.
 */
st_uscc_status st_uscc_check(st_uscc_result *result, const char *code);

/*
 * Copies 'in' to 'out' (19 bytes) in upper case, so that codes typed in
 * lower case are accepted.  Returns ST_EINVALID, with a message that names
 * the problem, when the result is not a valid code.
 */
int st_uscc_normalise(char out[ST_USCC_LEN + 1], const char *in);

/* The region code (positions 3-8) of a valid code, as 6 characters + NUL. */
void st_uscc_region(char out[7], const char *code);

/* Computes the check character for the first 17 characters of 'code'. */
char st_uscc_check_character(const char *code17);

/* Computes the GB 11714 check character for 8 organisation-code characters. */
char st_uscc_org_check_character(const char *body8);

#endif
