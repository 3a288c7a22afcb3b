/*
 * st_stage.c: stage codes and the moves between them.
 *
 * Forward, a draft goes to the next stage of 00 10 20 30 40 50 60 90 95;
 * it may skip stage 10 (a preliminary item accepted straight into
 * drafting), stage 30 (a committee that goes straight to the enquiry) and
 * stage 50 (an enquiry approved without a final vote), and be withdrawn
 * (95) from publication or review.  Within a stage the substage only goes
 * up (00 registered, 20 started, 60 completed, 92/93/98/99 decisions), save
 * that a repeat (.93) starts the stage again.  Backwards, a draft goes only
 * after the decision to go back has been recorded (.92).  An abandoned
 * draft (.98) and a withdrawn standard (95.99) move no more.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "st_error.h"
#include "st_i18n.h"
#include "st_stage.h"

static const int stages[] = { 0, 10, 20, 30, 40, 50, 60, 90, 95 };
static const int subs[] = { 0, 20, 60, 92, 93, 98, 99 };
#define NSTAGES (sizeof(stages) / sizeof(stages[0]))
#define NSUBS (sizeof(subs) / sizeof(subs[0]))

static const struct {
	const char *name;
	int stage;
} names[] = {
	{ "preliminary", 0 }, { "pwi", 0 }, { "预阶段", 0 },
	{ "proposal", 10 }, { "nwip", 10 }, { "np", 10 }, { "立项", 10 },
	{ "preparatory", 20 }, { "wd", 20 }, { "起草", 20 }, { "工作组讨论稿", 20 },
	{ "committee", 30 }, { "cd", 30 }, { "征求意见稿", 30 }, { "征求意见", 30 },
	{ "enquiry", 40 }, { "dis", 40 }, { "送审稿", 40 }, { "审查", 40 },
	{ "approval", 50 }, { "fdis", 50 }, { "报批稿", 50 }, { "批准", 50 },
	{ "publication", 60 }, { "is", 60 }, { "出版", 60 }, { "发布", 60 },
	{ "review", 90 }, { "复审", 90 },
	{ "withdrawal", 95 }, { "废止", 95 },
};

static int known(const int *list, size_t n, int v)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (list[i] == v)
			return 1;
	return 0;
}

int st_stage_parse(st_stage *out, const char *text)
{
	size_t i;

	if (strlen(text) == 5 && text[2] == '.' &&
	    text[0] >= '0' && text[0] <= '9' && text[1] >= '0' && text[1] <= '9' &&
	    text[3] >= '0' && text[3] <= '9' && text[4] >= '0' && text[4] <= '9') {
		out->stage = (text[0] - '0') * 10 + (text[1] - '0');
		out->sub = (text[3] - '0') * 10 + (text[4] - '0');
		if (!known(stages, NSTAGES, out->stage))
			return st_error_set(ST_EINVALID,
				_("'%s' is not a stage: the stages are 00, 10, 20, 30, 40, 50, 60, 90 and 95"),
				text);
		if (!known(subs, NSUBS, out->sub) || (out->stage == 60 && out->sub != 0 && out->sub != 60))
			return st_error_set(ST_EINVALID,
				_("'%s' is not a stage: the substages are .00, .20, .60, .92, .93, .98 and .99 (stage 60: .00 and .60)"),
				text);
		return 0;
	}
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcasecmp(names[i].name, text) == 0) {
			out->stage = names[i].stage;
			out->sub = 0;
			return 0;
		}
	}
	return st_error_set(ST_EINVALID,
		_("'%s' is not a stage: give a code such as 30.20 or a name such as cd, dis or 征求意见稿"),
		text);
}

void st_stage_format(char *out, st_stage s)
{
	out[0] = (char)('0' + s.stage / 10);
	out[1] = (char)('0' + s.stage % 10);
	out[2] = '.';
	out[3] = (char)('0' + s.sub / 10);
	out[4] = (char)('0' + s.sub % 10);
	out[5] = '\0';
}

/* The stage's English name, for commit and tag messages in any locale. */
const char *st_stage_english(int stage)
{
	switch (stage) {
	case 0: return "preliminary";
	case 10: return "proposal";
	case 20: return "preparatory";
	case 30: return "committee";
	case 40: return "enquiry";
	case 50: return "approval";
	case 60: return "publication";
	case 90: return "review";
	case 95: return "withdrawal";
	default: return "";
	}
}

const char *st_stage_name(int stage)
{
	switch (stage) {
	case 0: return C_("stage", "preliminary");
	case 10: return C_("stage", "proposal");
	case 20: return C_("stage", "preparatory");
	case 30: return C_("stage", "committee");
	case 40: return C_("stage", "enquiry");
	case 50: return C_("stage", "approval");
	case 60: return C_("stage", "publication");
	case 90: return C_("stage", "review");
	case 95: return C_("stage", "withdrawal");
	default: return "";
	}
}

const char *st_substage_name(int stage, int sub)
{
	/* what the decision substages mean after publication (ISO's harmonized codes) */
	switch (stage * 100 + sub) {
	case 6060: return _("published");
	case 9092: return _("to be revised");
	case 9093: return _("confirmed");
	case 9099: return _("withdrawal proposed");
	case 9592: return _("not withdrawn");
	case 9599: return _("withdrawn");
	default: break;
	}
	switch (sub) {
	case 0: return _("registered");
	case 20: return _("started");
	case 60: return _("completed");
	case 92: return _("back to an earlier stage");
	case 93: return _("repeat");
	case 98: return _("abandoned");
	case 99: return _("approved to go on");
	default: return "";
	}
}

static size_t stage_index(int stage)
{
	size_t i;

	for (i = 0; i < NSTAGES; i++)
		if (stages[i] == stage)
			return i;
	return 0;
}

int st_stage_move_check(st_stage from, st_stage to)
{
	char f[6], t[6];
	size_t fi = stage_index(from.stage), ti = stage_index(to.stage);

	st_stage_format(f, from);
	st_stage_format(t, to);
	if (from.stage == to.stage && from.sub == to.sub)
		return st_error_set(ST_EINVALID, _("the draft is at %s already"), f);
	if (from.sub == 98)
		return st_error_set(ST_EINVALID,
			_("the draft was abandoned at %s and moves no more"), f);
	if (from.stage == 95 && from.sub == 99)
		return st_error_set(ST_EINVALID,
			_("the standard was withdrawn (%s) and moves no more"), f);
	if (to.stage == from.stage) {
		if (to.sub > from.sub || from.sub == 93)
			return 0;
		return st_error_set(ST_EINVALID,
			_("cannot go from %s back to %s within the stage: record the decision first (%02d.92 to go back, %02d.93 to repeat)"),
			f, t, from.stage, from.stage);
	}
	if (ti < fi) {
		if (from.sub == 92)
			return 0;
		return st_error_set(ST_EINVALID,
			_("cannot go back from %s to %s: record the decision to go back first (%02d.92)"),
			f, t, from.stage);
	}
	if (ti == fi + 1)
		return 0;
	/* allowed skips */
	if ((from.stage == 0 && to.stage == 20) || (from.stage == 20 && to.stage == 40) ||
	    (from.stage == 40 && to.stage == 60) || (from.stage == 60 && to.stage == 95))
		return 0;
	return st_error_set(ST_EINVALID,
		_("cannot go from %s to %s: a draft goes through the stages in order (it may skip only 10, 30 and 50)"),
		f, t);
}
