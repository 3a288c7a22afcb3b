/*
 * st_lint.h: the drafting rules of GB/T 1.1-2020 and ISO/IEC Directives
 * Part 2 checked on a draft (doc/drafts.md, "Drafting rules").
 *
 * st_lint_memory() never fails on a bad draft: a document that is not
 * well-formed is finding [XML], one that does not match the profile schema
 * is [SCHEMA], and so on.  It fails (< 0) only when it cannot run.
 */
#ifndef ST_LINT_H
#define ST_LINT_H

#include <stddef.h>

#include "st_draft.h"
#include "st_xml.h"

typedef enum { ST_SEVERITY_ERROR, ST_SEVERITY_WARNING } st_severity;

typedef struct {
	long line;
	st_severity severity;
	const char *rule;   /* static: "VERBAL-FORM" */
	char *message;      /* translated */
	size_t seq;         /* order found, to keep ties in order */
} st_finding;

typedef struct {
	st_finding *items;
	size_t n, alloc;
	size_t errors, warnings;
} st_findings;

#define ST_FINDINGS_INIT { NULL, 0, 0, 0, 0 }

void st_findings_dispose(st_findings *findings);

/* The rule ids, NULL-terminated, in the order of the manual. */
extern const char *const st_lint_rules[];
int st_lint_rule_known(const char *rule);

typedef struct {
	st_profile profile;          /* ST_PROFILE_NONE: the draft's own */
	st_schema *schema;           /* the profile schema, or NULL to skip it */
	char *const *ignore;         /* rule ids switched off */
	size_t nignore;
} st_lint_options;

/*
 * Checks the draft in 'data' ('name' is not printed; findings carry
 * lines).  Findings come out sorted by line.  *profile_out (if not NULL)
 * gets the profile used.
 */
int st_lint_memory(st_findings *out, const char *data, size_t len, const char *name,
		   const st_lint_options *opts, st_profile *profile_out);

/* The same for the text in 'data', disposed of as soon as it is parsed. */
int st_lint_buf(st_findings *out, st_buf *data, const char *name,
		const st_lint_options *opts, st_profile *profile_out);

/* The same for a regular file read from 'fd' as it is parsed. */
int st_lint_fd(st_findings *out, int fd, const char *name,
	       const st_lint_options *opts, st_profile *profile_out);

/* The same for a parsed document (its line numbers). */
int st_lint_doc(st_findings *out, xmlDoc *doc, const st_lint_options *opts);

#endif
