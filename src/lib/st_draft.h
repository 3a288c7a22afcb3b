/*
 * st_draft.h: drafts of standards in NISO STS 1.2 XML (doc/drafts.md).
 *
 * A draft lives in drafts/ID/ as draft.xml (the text) and meta.xml (its
 * profile, stage, stage history and rule settings).  Numbers (clauses,
 * annexes, tables, figures, formulae, term entries, notes, examples,
 * footnotes) are never typed: st_numbering computes them in one pass in
 * document order, for the drafting rules (st_lint.h) and for rendering.
 */
#ifndef ST_DRAFT_H
#define ST_DRAFT_H

#include <libxml/tree.h>

#include "st_buf.h"
#include "st_xml.h"

typedef enum {
	ST_PROFILE_NONE = 0,
	ST_PROFILE_GBT,     /* GB/T 1.1-2020 */
	ST_PROFILE_ISO      /* ISO/IEC Directives Part 2 */
} st_profile;

/* "gbt" or "iso" (case-insensitive); ST_EINVALID otherwise. */
int st_profile_parse(st_profile *out, const char *name);
const char *st_profile_name(st_profile profile);

/*
 * The profile a draft names (custom-meta "profile"), else the one its
 * root's xml:lang suggests ("zh" → GB/T, anything else ISO).
 */
st_profile st_draft_profile_of(xmlDoc *doc);

/* A draft id: 1-64 of A-Z a-z 0-9 . _ -, starting with a letter or digit. */
int st_draft_id_check(const char *id);

/* The kinds of numbered things. */
enum st_num_kind {
	ST_NUM_CLAUSE = 1,  /* top-level sec of the body */
	ST_NUM_SUBCLAUSE,   /* sec below a clause, an annex or the introduction */
	ST_NUM_TERM,        /* term-sec */
	ST_NUM_ANNEX,       /* app */
	ST_NUM_TABLE,       /* table-wrap */
	ST_NUM_FIGURE,      /* fig */
	ST_NUM_FORMULA,     /* disp-formula */
	ST_NUM_NOTE,        /* non-normative-note */
	ST_NUM_EXAMPLE,     /* non-normative-example */
	ST_NUM_FOOTNOTE,    /* fn */
	ST_NUM_BIBREF,      /* ref of the bibliography */
	ST_NUM_NORMREF      /* ref of the normative references (no number) */
};

typedef struct st_numbering st_numbering;

/*
 * Numbers every numbered element of 'doc' as 'profile' requires.  Uses the
 * nodes' _private field until st_numbering_free().
 */
int st_numbering_compute(st_numbering **out, xmlDoc *doc, st_profile profile);
void st_numbering_free(st_numbering *numbering);

/* The computed number of 'node' ("5.2", "A.1", "(3)"), or NULL. */
const char *st_numbering_label(const st_numbering *numbering, const xmlNode *node,
			       enum st_num_kind *kind, const xmlNode **hand_label);

/* Calls 'cb' for each numbered element, in document order. */
typedef int (*st_numbering_cb)(xmlNode *node, enum st_num_kind kind, const char *label,
			       const xmlNode *hand_label, void *payload);
int st_numbering_each(const st_numbering *numbering, st_numbering_cb cb, void *payload);

/*
 * The number a hand-typed label holds, its words left out: "表 A.1" and
 * "Table A.1" give "A.1", "(3)" gives "3", "注：" gives "".
 */
void st_label_number(st_buf *out, const char *label_text);

/* The first std-ref below 'node' (depth first), or NULL. */
const xmlNode *st_draft_first_std_ref(const xmlNode *node);

/*
 * Whether a draft's 'element' holds elements only, by schemas/sts-draft.rng
 * (and NISO STS, MathML and TBX for what that schema leaves loose): sec,
 * body, list, tr ... but not p, title, td or the MathML tokens.  Parse a
 * draft with st_xml_parse_fd_trimmed(..., st_draft_element_only).
 */
int st_draft_element_only(const xmlNode *element);

/*
 * Appends a number 'n' of 'kind' in the words of the profile: "第5章",
 * "表 A.1", "Note 2", "Footnote a"; a normative reference reads as the
 * number of 'target''s first std-ref.
 */
void st_numbering_words(st_buf *out, st_profile profile, enum st_num_kind kind,
			const char *n, const xmlNode *target);

/* Appends how a cross reference to 'target' reads ("表 A.1", "Clause 5"). */
int st_numbering_ref_text(st_buf *out, const st_numbering *numbering, const xmlNode *target);

/*
 * Prepares 'doc' for a stylesheet (doc/drafts.md): a label child on every
 * numbered element without one, the text of every empty xref, and the
 * st-profile, st-stage and st-stage-label attributes on the root.
 */
int st_draft_annotate(xmlDoc *doc, st_profile profile, const char *stage, int stage_label);

/*
 * Annotates *doc (st_draft_annotate) and renders it with 'sheet' to 'write', in parts
 * when the stylesheet takes the st-part parameter and the draft is large
 * (doc/drafts.md).  Frees *doc (and sets it to NULL) as soon as it can.
 * 'held' (or NULL): the xref attributes that st_xml_parse_*_held() kept
 * out of *doc (element "xref"); they go back into each xref as it is
 * annotated, and their records are freed.
 */
int st_draft_render(st_write_fn write, void *payload, xmlDoc **doc, st_stylesheet *sheet,
		    st_profile profile, const char *stage, int stage_label, st_xml_held *held);

/* Creates a skeleton draft from DATADIR/templates/skeleton-PROFILE.xml. */
typedef struct {
	st_profile profile;
	const char *title;       /* in the profile's language */
	const char *title_en;    /* English title (GB/T), or NULL */
	const char *number;      /* "GB/T 12345—2026", or NULL */
	const char *ics;
	const char *ccs;
	const char *committee;
	const char *replaces;
} st_draft_new_options;

int st_draft_skeleton(st_buf *out, const char *datadir, const st_draft_new_options *opts);

#endif
