/*
 * st_stage.h: the harmonized stage codes (GB/T 16733, ISO) a draft moves
 * through, and which moves are allowed (doc/drafts.md, "Stages").
 */
#ifndef ST_STAGE_H
#define ST_STAGE_H

typedef struct {
	int stage;  /* 00 10 20 30 40 50 60 90 95 */
	int sub;    /* 00 20 60 92 93 98 99 */
} st_stage;

/* A code "30.20" or a name ("cd", "征求意见稿"); ST_EINVALID otherwise. */
int st_stage_parse(st_stage *out, const char *text);

/* "30.20" into 'out' (at least 6 bytes). */
void st_stage_format(char *out, st_stage s);

/* The stage's name ("committee"), translated. */
const char *st_stage_name(int stage);
/* The same in English whatever the locale: Git history reads alike everywhere. */
const char *st_stage_english(int stage);
/* The substage's meaning in its stage ("started"; 95.99 "withdrawn"), translated. */
const char *st_substage_name(int stage, int sub);

/*
 * Whether a draft may move from 'from' to 'to'.  ST_EINVALID with the
 * reason when it may not.  The guards that need the draft (rules clean,
 * comments resolved, ballot passed) are the caller's.
 */
int st_stage_move_check(st_stage from, st_stage to);

#endif
