/*
 * st_stdnum.h: standard numbers (标准编号) and committee ids, parsed into
 * what the rules need: level, issuing body, deliverable.
 *
 *   ISO 10218-1:2025   ISO/IEC 42001:2023   ISO/TS 15066:2016   IEC 61508-1:2010
 *   ITU-T Y.3172       GB 12345—2026        GB/T 12345.1—2026   GB/Z 12345—2026
 *   JB/T 12345—2026    DB44/T 1234—2024     T/CAS 123—2024
 *
 * Chinese numbers take an em dash before the year; a hyphen or en dash is
 * accepted on input and normalised.
 */
#ifndef ST_STDNUM_H
#define ST_STDNUM_H

#define ST_STDNUM_MAX 96

typedef struct {
	char number[ST_STDNUM_MAX]; /* normalised */
	char body[24];              /* ISO, IEC, ISO/IEC, ITU, SAC, MIIT, DB44, CAS ... */
	const char *level;          /* international national industry local group */
	const char *deliverable;    /* is ts tr pas rec standard guidance */
	int year;                   /* 0 when the number has none (ITU) */
} st_stdnum;

/* The levels and deliverables, NULL-terminated. */
extern const char *const st_levels[];
extern const char *const st_deliverables[];

int st_level_valid(const char *level);
int st_deliverable_valid(const char *deliverable);

/* Parses a standard number; ST_EINVALID with the expected forms. */
int st_stdnum_parse(st_stdnum *out, const char *text);

typedef struct {
	char id[64];        /* normalised: "ISO/IEC JTC 1/SC 42" */
	char slug[64];      /* file name stem: "ISO_IEC-JTC-1_SC-42" */
	const char *level;  /* international national provincial */
	const char *kind;   /* tc sc wg */
} st_committee;

/* Parses a committee id; ST_EINVALID with the expected forms. */
int st_committee_parse(st_committee *out, const char *text);

#endif
