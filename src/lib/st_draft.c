/*
 * st_draft.c: profiles, draft ids, numbering and the skeleton of a draft.
 *
 * Numbering is one walk of the tree in document order.  Sub-clause
 * counters live on the walk's stack; notes and examples are collected per
 * clause and numbered when the clause ends (one alone has no number).
 * Nothing looks backwards, so the cost is linear in the document's size.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "st_draft.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_text.h"
#include "st_xml.h"

#define NAME_IS(n, s) (strcmp((const char *)(n)->name, (s)) == 0)

int st_profile_parse(st_profile *out, const char *name)
{
	if (strcasecmp(name, "gbt") == 0)
		*out = ST_PROFILE_GBT;
	else if (strcasecmp(name, "iso") == 0)
		*out = ST_PROFILE_ISO;
	else
		return st_error_set(ST_EINVALID,
			_("unknown profile '%s' (use gbt or iso)"), name);
	return 0;
}

const char *st_profile_name(st_profile profile)
{
	return profile == ST_PROFILE_GBT ? "gbt" : profile == ST_PROFILE_ISO ? "iso" : "";
}

static xmlNode *child_element(const xmlNode *parent, const char *name)
{
	xmlNode *c;

	for (c = parent ? parent->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && NAME_IS(c, name))
			return c;
	return NULL;
}

st_profile st_draft_profile_of(xmlDoc *doc)
{
	xmlNode *root = xmlDocGetRootElement(doc), *front, *meta, *group, *cm;
	xmlChar *lang;
	st_profile profile = ST_PROFILE_ISO;

	if (!root)
		return ST_PROFILE_ISO;
	front = child_element(root, "front");
	for (meta = front ? front->children : NULL; meta; meta = meta->next) {
		if (meta->type != XML_ELEMENT_NODE || !NAME_IS(meta, "std-meta"))
			continue;
		for (group = meta->children; group; group = group->next) {
			if (group->type != XML_ELEMENT_NODE || !NAME_IS(group, "custom-meta-group"))
				continue;
			for (cm = group->children; cm; cm = cm->next) {
				char *name, *value;
				if (cm->type != XML_ELEMENT_NODE || !NAME_IS(cm, "custom-meta"))
					continue;
				name = st_xml_child_text(cm, "meta-name");
				value = st_xml_child_text(cm, "meta-value");
				if (name && value && strcmp(name, "profile") == 0 &&
				    st_profile_parse(&profile, value) == 0) {
					free(name);
					free(value);
					return profile;
				}
				free(name);
				free(value);
			}
		}
	}
	lang = xmlNodeGetLang(root);
	if (lang && (strncmp((const char *)lang, "zh", 2) == 0))
		profile = ST_PROFILE_GBT;
	xmlFree(lang);
	return profile;
}

int st_draft_id_check(const char *id)
{
	size_t i, len = strlen(id);

	if (len == 0 || len > 64)
		goto bad;
	for (i = 0; i < len; i++) {
		char c = id[i];
		int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			    (c >= '0' && c <= '9');
		if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-')))
			goto bad;
	}
	if (strstr(id, "..") || id[len - 1] == '.')
		goto bad;
	return 0;
bad:
	return st_error_set(ST_EINVALID,
		_("'%s' is not a draft id: use 1 to 64 letters, digits, '.', '_' and '-', starting with a letter or digit"),
		id);
}

/* ------------------------------------------------------------------ */
/* Numbering                                                            */

struct entry {
	xmlNode *node;
	const xmlNode *hand;   /* label typed by hand, or NULL */
	enum st_num_kind kind;
	size_t label;          /* offset of the NUL-terminated label in 'labels' */
};

struct st_numbering {
	st_profile profile;
	struct entry *entries;
	size_t n, alloc;
	st_buf labels;
	/* Per-document counters. */
	unsigned footnotes, bibrefs, annexes;
};

/* Notes and examples waiting for their clause to end. */
struct frame {
	size_t *notes, nnotes, anotes;
	size_t *examples, nexamples, aexamples;
	int table;             /* a table: its footnotes are a, b, c ... */
	unsigned footnotes;
};

/* Counters of the body or of one annex. */
struct scope {
	const char *prefix;    /* "" in the body, "A" in annex A */
	unsigned tables, figures, formulae;
};

static const xmlNode *hand_label(const xmlNode *node)
{
	const xmlNode *c;

	for (c = node->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (NAME_IS(c, "label"))
			return c;
		if (!NAME_IS(c, "editing-instructions") && !NAME_IS(c, "sec-meta") &&
		    !NAME_IS(c, "object-id"))
			return NULL;
	}
	return NULL;
}

static int add_entry(st_numbering *nb, xmlNode *node, enum st_num_kind kind,
		     const char *label, size_t *index)
{
	struct entry *e;

	if (nb->n == nb->alloc) {
		size_t alloc = nb->alloc ? nb->alloc * 2 : 256;
		struct entry *grown = realloc(nb->entries, alloc * sizeof(*grown));
		if (!grown)
			return st_error_oom();
		nb->entries = grown;
		nb->alloc = alloc;
	}
	e = &nb->entries[nb->n];
	e->node = node;
	e->kind = kind;
	e->hand = hand_label(node);
	e->label = nb->labels.size;
	st_buf_put(&nb->labels, label, strlen(label) + 1);
	if (st_buf_check(&nb->labels) < 0)
		return st_error_oom();
	node->_private = (void *)(uintptr_t)(nb->n + 1);
	if (index)
		*index = nb->n;
	nb->n++;
	return 0;
}

static int push_index(size_t **list, size_t *n, size_t *alloc, size_t index)
{
	if (*n == *alloc) {
		size_t a = *alloc ? *alloc * 2 : 4;
		size_t *grown = realloc(*list, a * sizeof(*grown));
		if (!grown)
			return st_error_oom();
		*list = grown;
		*alloc = a;
	}
	(*list)[(*n)++] = index;
	return 0;
}

/* Numbers the notes (or examples) of a finished clause. */
static int number_list(st_numbering *nb, const size_t *list, size_t n)
{
	size_t i;

	if (n < 2)
		return 0; /* one alone keeps its empty label */
	for (i = 0; i < n; i++) {
		char label[32];
		struct entry *e = &nb->entries[list[i]];
		snprintf(label, sizeof(label), "%zu", i + 1);
		/* Re-point the entry at a new label; the empty one stays unused. */
		e->label = nb->labels.size;
		st_buf_put(&nb->labels, label, strlen(label) + 1);
	}
	return st_buf_check(&nb->labels) < 0 ? st_error_oom() : 0;
}

static void annex_letters(char *out, size_t size, unsigned n)
{
	static const char letters[] = "ABCDEFGHJKLMNPQRSTUVWXYZ"; /* no I, no O */
	const unsigned count = sizeof(letters) - 1;

	if (n <= count)
		snprintf(out, size, "%c", letters[n - 1]);
	else
		snprintf(out, size, "%c%c", letters[(n - 1) / count - 1 < count ?
						    (n - 1) / count - 1 : count - 1],
			 letters[(n - 1) % count]);
}

static int scoped_label(st_buf *out, const struct scope *scope, unsigned n, int parens)
{
	st_buf_clear(out);
	st_buf_printf(out, "%s%s%s%u%s", parens ? "(" : "", scope->prefix,
		      *scope->prefix ? "." : "", n, parens ? ")" : "");
	return st_buf_check(out);
}

/* The elements numbering cares about, told apart by one switch. */
enum nkind {
	NK_OTHER, NK_SEC, NK_TERM_SEC, NK_APP, NK_TABLE, NK_FIG, NK_FORMULA, NK_NOTE,
	NK_EXAMPLE, NK_FN, NK_REF_LIST, NK_REF, NK_SKIP
};

static enum nkind classify(const xmlNode *c)
{
	const char *n = (const char *)c->name;

	if (c->ns)
		return NK_OTHER; /* MathML, TBX: nothing numbered inside is theirs */
	switch (n[0]) {
	case 'a':
		return strcmp(n, "app") == 0 ? NK_APP : NK_OTHER;
	case 'd':
		return strcmp(n, "disp-formula") == 0 ? NK_FORMULA : NK_OTHER;
	case 'f':
		if (n[1] == 'n' && n[2] == '\0')
			return NK_FN;
		return strcmp(n, "fig") == 0 ? NK_FIG : NK_OTHER;
	case 'i':
		return strcmp(n, "iso-meta") == 0 ? NK_SKIP : NK_OTHER;
	case 'l':
		return strcmp(n, "label") == 0 ? NK_SKIP : NK_OTHER;
	case 'n':
		if (strcmp(n, "non-normative-note") == 0)
			return NK_NOTE;
		if (strcmp(n, "non-normative-example") == 0)
			return NK_EXAMPLE;
		return strcmp(n, "nat-meta") == 0 ? NK_SKIP : NK_OTHER;
	case 'r':
		if (strcmp(n, "ref") == 0)
			return NK_REF;
		if (strcmp(n, "ref-list") == 0)
			return NK_REF_LIST;
		return strcmp(n, "reg-meta") == 0 ? NK_SKIP : NK_OTHER;
	case 's':
		if (strcmp(n, "sec") == 0)
			return NK_SEC;
		return strcmp(n, "std-meta") == 0 ? NK_SKIP : NK_OTHER;
	case 't':
		if (strcmp(n, "table-wrap") == 0)
			return NK_TABLE;
		if (strcmp(n, "term-sec") == 0)
			return NK_TERM_SEC;
		return strcmp(n, "title") == 0 ? NK_SKIP : NK_OTHER;
	default:
		return NK_OTHER;
	}
}

enum sec_mode {
	SEC_NONE,      /* sections here are not numbered (foreword, back matter) */
	SEC_NUMBERED   /* sections here are numbered below 'label' */
};

static int visit(st_numbering *nb, xmlNode *parent, const char *label, enum sec_mode mode,
		 struct scope *scope, struct frame *frame, int in_bibl);

static int visit_section(st_numbering *nb, xmlNode *node, const char *label,
			 enum sec_mode mode, struct scope *scope)
{
	struct frame frame;
	int error;

	memset(&frame, 0, sizeof(frame));
	frame.table = NAME_IS(node, "table-wrap");
	error = visit(nb, node, label, mode, scope, &frame, 0);
	if (!error)
		error = number_list(nb, frame.notes, frame.nnotes);
	if (!error)
		error = number_list(nb, frame.examples, frame.nexamples);
	free(frame.notes);
	free(frame.examples);
	return error;
}

static int visit(st_numbering *nb, xmlNode *parent, const char *label, enum sec_mode mode,
		 struct scope *scope, struct frame *frame, int in_bibl)
{
	st_buf buf = ST_BUF_INIT;
	unsigned subs = 0;
	xmlNode *c;
	size_t index;
	int error = 0;

	for (c = parent->children; c && !error; c = c->next) {
		enum nkind k;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (c->ns && c->ns->href &&
		    strcmp((const char *)c->ns->href, "http://www.w3.org/1998/Math/MathML") == 0)
			continue; /* nothing to number inside a formula */
		k = classify(c);
		if (k == NK_OTHER) {
			if (c->children)
				error = visit(nb, c, label, mode == SEC_NUMBERED ? SEC_NONE : mode,
					      scope, frame, in_bibl);
			continue;
		}
		if (k == NK_SEC || k == NK_TERM_SEC) {
			int term = k == NK_TERM_SEC;
			if (mode == SEC_NUMBERED) {
				subs++;
				st_buf_clear(&buf);
				st_buf_printf(&buf, "%s%s%u", label, *label ? "." : "", subs);
				if ((error = st_buf_check(&buf)) < 0)
					break;
				error = add_entry(nb, c, term ? ST_NUM_TERM :
						  *label ? ST_NUM_SUBCLAUSE : ST_NUM_CLAUSE,
						  buf.ptr, NULL);
				if (!error) {
					char *own = strdup(buf.ptr);
					if (!own)
						error = st_error_oom();
					else
						error = visit_section(nb, c, own, SEC_NUMBERED, scope);
					free(own);
				}
			} else {
				error = visit_section(nb, c, "", SEC_NONE, scope);
			}
		} else if (k == NK_APP) {
			char letters[8];
			struct scope annex;
			annex_letters(letters, sizeof(letters), ++nb->annexes);
			memset(&annex, 0, sizeof(annex));
			annex.prefix = letters;
			error = add_entry(nb, c, ST_NUM_ANNEX, letters, NULL);
			if (!error)
				error = visit_section(nb, c, letters, SEC_NUMBERED, &annex);
		} else if (k == NK_TABLE || k == NK_FIG || k == NK_FORMULA) {
			enum st_num_kind kind = k == NK_TABLE ? ST_NUM_TABLE :
						k == NK_FIG ? ST_NUM_FIGURE : ST_NUM_FORMULA;
			unsigned n = kind == ST_NUM_TABLE ? ++scope->tables :
				     kind == ST_NUM_FIGURE ? ++scope->figures : ++scope->formulae;
			if ((error = scoped_label(&buf, scope, n, kind == ST_NUM_FORMULA)) < 0)
				break;
			if ((error = add_entry(nb, c, kind, buf.ptr, NULL)) < 0)
				break;
			/* Notes in a table or figure are its own. */
			error = kind == ST_NUM_FORMULA ? 0 :
				visit_section(nb, c, label, SEC_NONE, scope);
		} else if (k == NK_NOTE || k == NK_EXAMPLE) {
			int note = k == NK_NOTE;
			if ((error = add_entry(nb, c, note ? ST_NUM_NOTE : ST_NUM_EXAMPLE, "",
					       &index)) < 0)
				break;
			error = note ? push_index(&frame->notes, &frame->nnotes, &frame->anotes, index) :
				push_index(&frame->examples, &frame->nexamples, &frame->aexamples, index);
			if (!error)
				error = visit(nb, c, label, SEC_NONE, scope, frame, in_bibl);
		} else if (k == NK_FN) {
			st_buf_clear(&buf);
			if (frame->table)
				st_buf_putc(&buf, (char)('a' + (frame->footnotes++ % 26)));
			else
				st_buf_printf(&buf, nb->profile == ST_PROFILE_GBT ? "%u)" : "%u",
					      ++nb->footnotes);
			if ((error = st_buf_check(&buf)) < 0 ||
			    (error = add_entry(nb, c, ST_NUM_FOOTNOTE, buf.ptr, NULL)) < 0)
				break;
			error = visit(nb, c, label, SEC_NONE, scope, frame, in_bibl);
		} else if (k == NK_REF_LIST) {
			xmlChar *type = xmlGetProp(c, (const xmlChar *)"content-type");
			int bibl = !type || strcmp((const char *)type, "norm-refs") != 0;
			xmlFree(type);
			error = visit(nb, c, label, SEC_NONE, scope, frame, bibl ? 1 : 2);
		} else if (k == NK_REF && in_bibl) {
			if (in_bibl == 1) {
				st_buf_clear(&buf);
				st_buf_printf(&buf, "[%u]", ++nb->bibrefs);
				if ((error = st_buf_check(&buf)) < 0)
					break;
			}
			error = add_entry(nb, c, in_bibl == 1 ? ST_NUM_BIBREF : ST_NUM_NORMREF,
					  in_bibl == 1 ? buf.ptr : "", NULL);
			if (!error)
				error = visit(nb, c, label, SEC_NONE, scope, frame, 0);
		} else if (k == NK_SKIP) {
			continue;
		} else {
			error = visit(nb, c, label, mode == SEC_NUMBERED ? SEC_NONE : mode,
				      scope, frame, in_bibl);
		}
	}
	st_buf_dispose(&buf);
	return error;
}

int st_numbering_compute(st_numbering **out, xmlDoc *doc, st_profile profile)
{
	st_numbering *nb;
	struct scope body_scope;
	xmlNode *root = xmlDocGetRootElement(doc), *part, *c;
	int error = 0;

	*out = NULL;
	if (!(nb = calloc(1, sizeof(*nb))))
		return st_error_oom();
	nb->profile = profile;
	memset(&body_scope, 0, sizeof(body_scope));
	body_scope.prefix = "";
	for (part = root ? root->children : NULL; part && !error; part = part->next) {
		if (part->type != XML_ELEMENT_NODE)
			continue;
		if (NAME_IS(part, "front")) {
			for (c = part->children; c && !error; c = c->next) {
				xmlChar *type;
				if (c->type != XML_ELEMENT_NODE)
					continue;
				if (!NAME_IS(c, "sec")) {
					error = visit_section(nb, c, "", SEC_NONE, &body_scope);
					continue;
				}
				/* The introduction's subclauses are 0.1, 0.2 ... */
				type = xmlGetProp(c, (const xmlChar *)"sec-type");
				if (type && strcmp((const char *)type, "intro") == 0)
					error = visit_section(nb, c, "0", SEC_NUMBERED, &body_scope);
				else
					error = visit_section(nb, c, "", SEC_NONE, &body_scope);
				xmlFree(type);
			}
		} else if (NAME_IS(part, "body")) {
			error = visit_section(nb, part, "", SEC_NUMBERED, &body_scope);
		} else {
			error = visit_section(nb, part, "", SEC_NONE, &body_scope);
		}
	}
	if (error) {
		st_numbering_free(nb);
		return error;
	}
	*out = nb;
	return 0;
}

void st_numbering_free(st_numbering *nb)
{
	size_t i;

	if (!nb)
		return;
	for (i = 0; i < nb->n; i++)
		nb->entries[i].node->_private = NULL;
	free(nb->entries);
	st_buf_dispose(&nb->labels);
	free(nb);
}

static const struct entry *entry_of(const st_numbering *nb, const xmlNode *node)
{
	uintptr_t i = (uintptr_t)node->_private;

	if (i == 0 || i > nb->n || nb->entries[i - 1].node != node)
		return NULL;
	return &nb->entries[i - 1];
}

const char *st_numbering_label(const st_numbering *nb, const xmlNode *node,
			       enum st_num_kind *kind, const xmlNode **hand)
{
	const struct entry *e = entry_of(nb, node);

	if (!e)
		return NULL;
	if (kind)
		*kind = e->kind;
	if (hand)
		*hand = e->hand;
	return nb->labels.ptr + e->label;
}

int st_numbering_each(const st_numbering *nb, st_numbering_cb cb, void *payload)
{
	size_t i;
	int error;

	for (i = 0; i < nb->n; i++) {
		const struct entry *e = &nb->entries[i];
		if ((error = cb(e->node, e->kind, nb->labels.ptr + e->label, e->hand, payload)) != 0)
			return error;
	}
	return 0;
}

/* Words a hand-typed label may carry around its number. */
static const char *const label_words[] = {
	"Table", "Figure", "Annex", "Clause", "Formula", "Equation", "NOTE", "Note",
	"EXAMPLE", "Example", "Appendix", "表", "图", "附录", "公式", "注", "示例", "第", "章",
};

void st_label_number(st_buf *out, const char *text)
{
	const char *p = text;
	size_t i, start;

	start = out->size;
	while (*p) {
		int matched = 0;
		for (i = 0; i < sizeof(label_words) / sizeof(label_words[0]); i++) {
			size_t len = strlen(label_words[i]);
			if (strncmp(p, label_words[i], len) == 0) {
				p += len;
				matched = 1;
				break;
			}
		}
		if (matched)
			continue;
		if ((*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z') ||
		    (*p == '.' && out->size > start)) {
			st_buf_putc(out, *p++);
			continue;
		}
		if (out->size > start)
			break; /* the number ended */
		p++;
	}
	/* "5." is "5". */
	while (out->size > start && out->ptr[out->size - 1] == '.')
		out->ptr[--out->size] = '\0';
}

const xmlNode *st_draft_first_std_ref(const xmlNode *node)
{
	const xmlNode *c, *found;

	for (c = node->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (NAME_IS(c, "std-ref"))
			return c;
		if ((found = st_draft_first_std_ref(c)))
			return found;
	}
	return NULL;
}

void st_numbering_words(st_buf *out, st_profile profile, enum st_num_kind kind,
			const char *n, const xmlNode *target)
{
	int gbt = profile == ST_PROFILE_GBT;

	switch (kind) {
	case ST_NUM_CLAUSE:
		st_buf_printf(out, gbt ? "第%s章" : "Clause %s", n);
		break;
	case ST_NUM_ANNEX:
		st_buf_printf(out, gbt ? "附录 %s" : "Annex %s", n);
		break;
	case ST_NUM_TABLE:
		st_buf_printf(out, gbt ? "表 %s" : "Table %s", n);
		break;
	case ST_NUM_FIGURE:
		st_buf_printf(out, gbt ? "图 %s" : "Figure %s", n);
		break;
	case ST_NUM_FORMULA:
		st_buf_printf(out, gbt ? "公式%s" : "Formula %s", n);
		break;
	case ST_NUM_NOTE:
		st_buf_printf(out, "%s%s%s", gbt ? "注" : "Note", *n ? " " : "", n);
		break;
	case ST_NUM_EXAMPLE:
		st_buf_printf(out, "%s%s%s", gbt ? "示例" : "Example", *n ? " " : "", n);
		break;
	case ST_NUM_FOOTNOTE:
		st_buf_printf(out, gbt ? "脚注%s" : "Footnote %s", n);
		break;
	case ST_NUM_NORMREF: {
		const xmlNode *ref = st_draft_first_std_ref(target);
		xmlChar *text = ref ? xmlNodeGetContent(ref) : NULL;
		if (text)
			st_buf_puts(out, (const char *)text);
		xmlFree(text);
		break;
	}
	default:
		st_buf_puts(out, n);
		break;
	}
}

int st_numbering_ref_text(st_buf *out, const st_numbering *nb, const xmlNode *target)
{
	const struct entry *e = entry_of(nb, target);
	st_buf number = ST_BUF_INIT;
	const char *n;

	if (!e)
		return 0;
	if (e->hand) {
		xmlChar *text = xmlNodeGetContent(e->hand);
		st_label_number(&number, text ? (const char *)text : "");
		xmlFree(text);
		if (e->kind == ST_NUM_FORMULA) {
			st_buf shaped = ST_BUF_INIT;
			st_buf_printf(&shaped, "(%s)", number.ptr ? number.ptr : "");
			st_buf_dispose(&number);
			number = shaped;
		} else if (e->kind == ST_NUM_BIBREF) {
			st_buf shaped = ST_BUF_INIT;
			st_buf_printf(&shaped, "[%s]", number.ptr ? number.ptr : "");
			st_buf_dispose(&number);
			number = shaped;
		}
	} else {
		st_buf_puts(&number, nb->labels.ptr + e->label);
	}
	if (st_buf_check(&number) < 0)
		return st_error_oom();
	n = number.ptr ? number.ptr : "";
	/* A footnote is referred to by its bare mark. */
	if (e->kind == ST_NUM_FOOTNOTE)
		st_buf_puts(out, n);
	else
		st_numbering_words(out, nb->profile, e->kind, n, target);
	st_buf_dispose(&number);
	return st_buf_check(out);
}

/* ------------------------------------------------------------------ */
/* Rendering preparation                                                */

static int insert_label(xmlNode *node, const char *text)
{
	xmlNode *label, *c, *before = NULL;

	for (c = node->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (NAME_IS(c, "editing-instructions") || NAME_IS(c, "sec-meta") ||
		    NAME_IS(c, "object-id"))
			continue;
		before = c;
		break;
	}
	if (!(label = xmlNewDocNode(node->doc, node->ns, (const xmlChar *)"label", NULL)))
		return st_error_oom();
	xmlNodeAddContent(label, (const xmlChar *)text);
	if (before)
		xmlAddPrevSibling(before, label);
	else
		xmlAddChild(node, label);
	return 0;
}

/*
 * What annotating a draft needs, worked out on the whole tree before any
 * part of it is rendered and freed: its numbers, and the text of every
 * empty xref (an xref's _private holds the offset of its text + 1, a
 * numbered element's its entry, until it is annotated).
 */
struct annotation {
	st_numbering *nb;
	st_buf texts;
	int error;
};

struct fill {
	st_numbering *nb;
	xmlHashTablePtr ids;
	const st_xml_held *held;
	st_buf text;
	st_buf *texts;
	int error;
};

/*
 * Elements whose children are elements only: the white space between them
 * is layout of the source file, and dropping it before a stylesheet runs
 * saves a third of the tree.  Text elements (p, title, td ...) keep theirs.
 */
static const char *const block_names[] = {
	"standard", "front", "body", "back", "sec", "app", "app-group", "std-meta",
	"iso-meta", "nat-meta", "reg-meta", "std-doc-meta", "title-wrap", "ref-list",
	"term-sec", "table-wrap", "table", "thead", "tbody", "tfoot", "tr", "colgroup",
	"list", "list-item", "fig", "def-list", "def-item", "non-normative-note",
	"non-normative-example", "fn-group", "fn", "custom-meta-group", "custom-meta",
	"std-xref", "std-ident", "doc-ident", "permissions", "table-wrap-foot", "caption",
	"adoption", "adoption-front", "disp-formula", "termEntry", "langSet", "tig",
	"math", "mrow", "mfrac", "msub", "msup", "msubsup", "msqrt", "mroot", "mtable",
	"mtr", "mtd", "munder", "mover", "munderover", "mfenced", "mstyle", "semantics",
};
#define NBLOCK (sizeof(block_names) / sizeof(block_names[0]))

/*
 * The element-only content models of schemas/sts-draft.rng, with the NISO
 * STS metadata elements it leaves out and the MathML and TBX containers:
 * all of them also in block_names, so that a draft parsed without their
 * white space renders exactly as one parsed with it.  Sorted (bsearch).
 */
static const char *const element_only_names[] = {
	"adoption", "adoption-front", "app", "app-group", "back", "body", "caption",
	"colgroup", "custom-meta", "custom-meta-group", "def-item", "def-list",
	"disp-formula", "fig", "fn", "fn-group", "front", "iso-meta", "list", "list-item",
	"nat-meta", "non-normative-example", "non-normative-note", "permissions",
	"ref-list", "reg-meta", "sec", "standard", "std-doc-meta", "std-ident", "std-meta",
	"std-xref", "table", "table-wrap", "table-wrap-foot", "tbody", "term-sec", "tfoot",
	"thead", "title-wrap", "tr",
};
static const char *const element_only_mathml[] = {
	"math", "mfenced", "mfrac", "mover", "mroot", "mrow", "msqrt", "mstyle", "msub",
	"msubsup", "msup", "mtable", "mtd", "mtr", "munder", "munderover", "semantics",
};
static const char *const element_only_tbx[] = { "langSet", "termEntry", "tig" };

static int name_cmp(const void *key, const void *item)
{
	return strcmp(key, *(const char *const *)item);
}

#define IN_SORTED(name, list) \
	(bsearch((name), (list), sizeof(list) / sizeof((list)[0]), sizeof((list)[0]), \
		 name_cmp) != NULL)

int st_draft_element_only(const xmlNode *element)
{
	const char *name = (const char *)element->name;
	const char *ns = element->ns && element->ns->href ? (const char *)element->ns->href : NULL;

	if (element->type != XML_ELEMENT_NODE || !name)
		return 0;
	if (!ns)
		return IN_SORTED(name, element_only_names);
	if (strcmp(ns, "http://www.w3.org/1998/Math/MathML") == 0)
		return IN_SORTED(name, element_only_mathml);
	if (strcmp(ns, "urn:iso:std:iso:30042:ed-1") == 0)
		return IN_SORTED(name, element_only_tbx);
	return 0;
}

struct prepare {
	xmlHashTablePtr ids;
	const xmlChar *block[NBLOCK];  /* the names as the document's dictionary holds them */
};

static int is_block(const struct prepare *p, const xmlNode *n)
{
	size_t i;

	for (i = 0; i < NBLOCK; i++)
		if (n->name == p->block[i])
			return 1;
	return 0;
}

static int is_blank(const xmlChar *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* Notes every id (the first one wins) and drops layout white space. */
static void prepare_tree(struct prepare *p, xmlNode *node)
{
	xmlNode *c, *next;

	for (c = node; c; c = next) {
		next = c->next;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (c->properties) {
			xmlAttr *a;
			for (a = c->properties; a; a = a->next)
				if (!a->ns && strcmp((const char *)a->name, "id") == 0 && a->children &&
				    a->children->content) {
					xmlHashAddEntry(p->ids, a->children->content, c);
					break;
				}
		}
		if (c->children && is_block(p, c)) {
			xmlNode *t, *tn;
			for (t = c->children; t; t = tn) {
				tn = t->next;
				if (t->type == XML_TEXT_NODE && (!t->content || is_blank(t->content))) {
					xmlUnlinkNode(t);
					xmlFreeNode(t);
				}
			}
		}
		if (c->children)
			prepare_tree(p, c->children);
	}
}

/*
 * Notes what annotate_element() puts into an xref: its text, and the
 * attributes the parse held out of the tree (st_xml_held; a draft has an
 * xref in every other paragraph, and its attributes would take a fifth of
 * the tree).  The record in 'texts': the text, then name and value of each
 * attribute, then an empty name, all NUL-terminated.
 */
static void note_xref(struct fill *f, xmlNode *xref, const char *held, const st_buf *text)
{
	size_t start = f->texts->size;

	xref->_private = NULL;
	if (!held && !text->size)
		return;
	st_buf_put(f->texts, text->size ? text->ptr : "", text->size + 1);
	if (held) {
		const char *r = held;
		while (*r) {
			r += strlen(r) + 1;
			r += strlen(r) + 1;
		}
		st_buf_put(f->texts, held, (size_t)(r - held));
	}
	st_buf_put(f->texts, "", 1);
	if (st_buf_check(f->texts) < 0)
		f->error = st_error_oom();
	else
		xref->_private = (void *)(uintptr_t)(start + 1);
}

/* The attribute 'name' of an xref, from the tree or from its held record. */
static char *xref_attribute(const xmlNode *xref, const char *held, const char *name)
{
	if (!held)
		return (char *)xmlGetProp(xref, (const xmlChar *)name);
	while (*held) {
		const char *value = held + strlen(held) + 1;
		if (strcmp(held, name) == 0)
			return (char *)xmlStrdup((const xmlChar *)value);
		held = value + strlen(value) + 1;
	}
	return NULL;
}

/*
 * Works out the text of every empty xref (not those inside another xref,
 * 'inside') and notes every xref (note_xref).
 */
static void note_xref_texts(struct fill *f, xmlNode *node, int inside)
{
	xmlNode *c;

	for (c = node; c && !f->error; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (NAME_IS(c, "xref")) {
			const char *held = NULL;
			char *rid = NULL;
			xmlNode *target;
			if (f->held && c->_private && (uintptr_t)c->_private <= f->held->records.size)
				held = f->held->records.ptr + (uintptr_t)c->_private - 1;
			st_buf_clear(&f->text);
			/* an xref with text of its own keeps it */
			if (!inside && !c->children && (rid = xref_attribute(c, held, "rid"))) {
				/* rid may list several ids; the first names the target */
				char *space = strchr(rid, ' ');
				if (space)
					*space = '\0';
				target = xmlHashLookup(f->ids, (const xmlChar *)rid);
				if (target)
					f->error = st_numbering_ref_text(&f->text, f->nb, target);
			}
			xmlFree(rid);
			if (!f->error && (f->error = st_buf_check(&f->text)) == 0)
				note_xref(f, c, held, &f->text);
			if (c->children)
				note_xref_texts(f, c->children, 1);
			continue;
		}
		if (c->children)
			note_xref_texts(f, c->children, inside);
	}
}

/* Frees the numbering without touching its nodes, some of them freed by now. */
static void numbering_release(st_numbering *nb)
{
	if (!nb)
		return;
	free(nb->entries);
	st_buf_dispose(&nb->labels);
	free(nb);
}

/*
 * Numbers the draft, notes every xref's text, drops layout white space and
 * sets the root's attributes; the labels and the xrefs' texts go into the
 * tree later, a part at a time (annotate_tree).
 */
static int annotation_begin(struct annotation *a, xmlDoc *doc, st_profile profile,
			    const char *stage, int stage_label, const st_xml_held *held)
{
	xmlNode *root = xmlDocGetRootElement(doc);
	struct prepare p;
	struct fill f;
	size_t i;
	int error;

	memset(a, 0, sizeof(*a));
	memset(&f, 0, sizeof(f));
	if (!root)
		return st_error_set(ST_EINVALID, _("the document is empty"));
	if ((error = st_numbering_compute(&a->nb, doc, profile)) < 0)
		return error;
	if (!(f.ids = xmlHashCreate(1024))) {
		error = st_error_oom();
		goto done;
	}
	p.ids = f.ids;
	for (i = 0; i < NBLOCK; i++)
		p.block[i] = doc->dict ? xmlDictLookup(doc->dict, (const xmlChar *)block_names[i], -1)
				       : NULL;
	/* (a tree built without a dictionary keeps its white space) */
	prepare_tree(&p, root);
	/* the texts before any label goes in: they come from hand labels, not new ones */
	f.nb = a->nb;
	f.texts = &a->texts;
	f.held = held;
	note_xref_texts(&f, root, 0);
	error = f.error;
	xmlSetProp(root, (const xmlChar *)"st-profile", (const xmlChar *)st_profile_name(profile));
	xmlSetProp(root, (const xmlChar *)"st-stage", (const xmlChar *)(stage ? stage : ""));
	xmlSetProp(root, (const xmlChar *)"st-stage-label",
		   (const xmlChar *)(stage_label ? "1" : "0"));
done:
	xmlHashFree(f.ids, NULL);
	st_buf_dispose(&f.text);
	if (error < 0) {
		st_numbering_free(a->nb); /* every node is still there */
		a->nb = NULL;
		st_buf_dispose(&a->texts);
	}
	return error;
}

static void annotation_end(struct annotation *a)
{
	numbering_release(a->nb);
	a->nb = NULL;
	st_buf_dispose(&a->texts);
}

/* Fills one element: the xref's text, or the numbered element's label. */
static void annotate_element(struct annotation *a, xmlNode *node)
{
	const struct entry *e;

	if (!node->_private)
		return;
	if (NAME_IS(node, "xref")) {
		uintptr_t at = (uintptr_t)node->_private;
		const char *r, *text;
		node->_private = NULL;
		if (at > a->texts.size)
			return;
		/* the record of note_xref: its attributes back, then its text */
		text = r = a->texts.ptr + at - 1;
		r += strlen(r) + 1;
		while (*r && !a->error) {
			const char *value = r + strlen(r) + 1;
			if (!xmlNewProp(node, (const xmlChar *)r, (const xmlChar *)value))
				a->error = st_error_oom();
			r = value + strlen(value) + 1;
		}
		if (!node->children && *text)
			xmlNodeAddContent(node, (const xmlChar *)text);
		return;
	}
	if (!(e = entry_of(a->nb, node)))
		return;
	node->_private = NULL;
	if (!e->hand && a->nb->labels.ptr[e->label] && e->kind != ST_NUM_NORMREF && !a->error)
		a->error = insert_label(node, a->nb->labels.ptr + e->label);
}

/* Fills 'node' and everything below it. */
static void annotate_tree(struct annotation *a, xmlNode *node)
{
	xmlNode *c;

	annotate_element(a, node);
	for (c = node->children; c && !a->error; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			annotate_tree(a, c);
}

int st_draft_annotate(xmlDoc *doc, st_profile profile, const char *stage, int stage_label)
{
	struct annotation a;
	int error;

	if ((error = annotation_begin(&a, doc, profile, stage, stage_label, NULL)) < 0)
		return error;
	annotate_tree(&a, xmlDocGetRootElement(doc));
	error = a.error;
	if (error)
		st_numbering_free(a.nb); /* some nodes still hold their entries */
	else
		numbering_release(a.nb);
	a.nb = NULL;
	annotation_end(&a);
	return error;
}

/* ------------------------------------------------------------------ */
/* Skeleton                                                             */

static xmlNode *add_text_child(xmlNode *parent, const char *name, const char *text)
{
	xmlNode *n = xmlNewChild(parent, NULL, (const xmlChar *)name, NULL);

	if (n && text)
		xmlNodeAddContent(n, (const xmlChar *)text);
	return n;
}

static int add_title(xmlNode *meta, const char *lang, const char *title)
{
	xmlNode *wrap = xmlNewChild(meta, NULL, (const xmlChar *)"title-wrap", NULL);

	if (!wrap)
		return st_error_oom();
	xmlNodeSetLang(wrap, (const xmlChar *)lang);
	if (!add_text_child(wrap, "main", title))
		return st_error_oom();
	return 0;
}

static int add_custom_meta(xmlNode *group, const char *name, const char *value)
{
	xmlNode *cm = xmlNewChild(group, NULL, (const xmlChar *)"custom-meta", NULL);

	if (!cm || !add_text_child(cm, "meta-name", name) ||
	    !add_text_child(cm, "meta-value", value))
		return st_error_oom();
	return 0;
}

/* Fills std-meta in the order NISO STS requires. */
static int fill_meta(xmlNode *meta, const st_draft_new_options *opts)
{
	int gbt = opts->profile == ST_PROFILE_GBT;
	xmlNode *n, *group;
	int error;

	if ((error = add_title(meta, gbt ? "zh" : "en", opts->title)) < 0)
		return error;
	if (gbt && opts->title_en && (error = add_title(meta, "en", opts->title_en)) < 0)
		return error;
	if (opts->number) {
		if (!(n = add_text_child(meta, "std-ref", opts->number)))
			return st_error_oom();
		xmlSetProp(n, (const xmlChar *)"type", (const xmlChar *)"dated");
	}
	if (opts->committee && !add_text_child(meta, "comm-ref", opts->committee))
		return st_error_oom();
	if (opts->ics && !add_text_child(meta, "ics", opts->ics))
		return st_error_oom();
	if (opts->replaces) {
		if (!(n = xmlNewChild(meta, NULL, (const xmlChar *)"std-xref", NULL)) ||
		    !add_text_child(n, "std-ref", opts->replaces))
			return st_error_oom();
		xmlSetProp(n, (const xmlChar *)"type", (const xmlChar *)"replaces");
	}
	if (!(group = xmlNewChild(meta, NULL, (const xmlChar *)"custom-meta-group", NULL)))
		return st_error_oom();
	if (opts->ccs && (error = add_custom_meta(group, "ccs", opts->ccs)) < 0)
		return error;
	return add_custom_meta(group, "profile", st_profile_name(opts->profile));
}

/* Indents the children of 'node' (at 'depth') when they are elements only. */
static void indent(xmlNode *node, int depth)
{
	char pad[64];
	xmlNode *c, *next;
	int i;

	for (c = node->children; c; c = c->next)
		if (c->type != XML_ELEMENT_NODE)
			return; /* mixed content keeps its spacing */
	if (!node->children)
		return;
	for (c = node->children; c; c = next) {
		next = c->next;
		pad[0] = '\n';
		for (i = 0; i < (depth + 1) * 2 && i < 60; i++)
			pad[i + 1] = ' ';
		pad[i + 1] = '\0';
		xmlAddPrevSibling(c, xmlNewDocText(node->doc, (const xmlChar *)pad));
		indent(c, depth + 1);
	}
	pad[0] = '\n';
	for (i = 0; i < depth * 2 && i < 60; i++)
		pad[i + 1] = ' ';
	pad[i + 1] = '\0';
	xmlAddChild(node, xmlNewDocText(node->doc, (const xmlChar *)pad));
}

/* GB/T: the foreword says which document this one replaces. */
static int add_replaces_sentence(xmlNode *foreword, const st_draft_new_options *opts)
{
	xmlNode *c, *p;
	st_buf text = ST_BUF_INIT;
	int error;

	for (c = foreword->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && NAME_IS(c, "p"))
			break;
	if (!c)
		return 0;
	if (opts->profile == ST_PROFILE_GBT)
		st_buf_printf(&text, "本文件代替%s，与%s相比，除结构调整和编辑性改动外，主要技术变化如下：……。",
			      opts->replaces, opts->replaces);
	else
		st_buf_printf(&text, "This edition cancels and replaces %s, which has been technically revised.",
			      opts->replaces);
	if ((error = st_buf_check(&text)) < 0)
		return error;
	if (!(p = xmlNewDocNode(foreword->doc, NULL, (const xmlChar *)"p", NULL))) {
		st_buf_dispose(&text);
		return st_error_oom();
	}
	xmlNodeAddContent(p, (const xmlChar *)text.ptr);
	xmlAddNextSibling(c, p);
	xmlAddPrevSibling(p, xmlNewDocText(foreword->doc, (const xmlChar *)"\n      "));
	st_buf_dispose(&text);
	return 0;
}

int st_draft_skeleton(st_buf *out, const char *datadir, const st_draft_new_options *opts)
{
	st_buf path = ST_BUF_INIT;
	xmlDoc *doc = NULL;
	xmlNode *root, *front, *meta = NULL, *c;
	int error;

	st_buf_printf(&path, "%s/templates/skeleton-%s.xml", datadir,
		      st_profile_name(opts->profile));
	if ((error = st_buf_check(&path)) < 0)
		goto done;
	if ((error = st_xml_parse_file(&doc, path.ptr)) < 0)
		goto done;
	/* The template's own comments are not the draft's. */
	for (c = doc->children; c;) {
		xmlNode *next = c->next;
		if (c->type == XML_COMMENT_NODE) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		}
		c = next;
	}
	root = xmlDocGetRootElement(doc);
	front = child_element(root, "front");
	meta = child_element(front, "std-meta");
	if (!meta) {
		error = st_error_set(ST_ERROR, _("'%s' has no std-meta"), path.ptr);
		goto done;
	}
	if ((error = fill_meta(meta, opts)) < 0)
		goto done;
	indent(meta, 2);
	if (opts->replaces) {
		for (c = front->children; c; c = c->next) {
			xmlChar *type;
			int fw;
			if (c->type != XML_ELEMENT_NODE || !NAME_IS(c, "sec"))
				continue;
			type = xmlGetProp(c, (const xmlChar *)"sec-type");
			fw = type && strcmp((const char *)type, "foreword") == 0;
			xmlFree(type);
			if (fw && (error = add_replaces_sentence(c, opts)) < 0)
				goto done;
		}
	}
	error = st_xml_serialise(out, doc);
done:
	xmlFreeDoc(doc);
	st_buf_dispose(&path);
	return error;
}

/* ------------------------------------------------------------------ */
/* Rendering in parts                                                   */

/*
 * A 20 MB draft makes a tree of more than 100 MB, and a stylesheet's result
 * about as much again.  A stylesheet that takes the parameter st-part
 * (doc/drafts.md) is therefore run once for the frame of the document
 * (cover, contents, front matter, the bibliography) with a marker
 * <!--st:slot N--> where each clause and annex goes, and then on the
 * clauses and annexes a few at a time, each part freed once rendered.  The
 * markers of the parts' results say where each piece goes in the frame.
 * The labels and the xrefs' texts (st_draft_annotate) go into each part
 * just before it renders: the numbers and the texts are worked out on the
 * whole tree first, but the nodes that hold them are made a part at a time;
 * so do the xrefs' attributes, which the parse held out (st_xml_held).
 *
 * A clause or annex larger than a part (the terms clause of a large draft
 * is a seventh of it) is split when the stylesheet also takes st-holes:
 * its sub-clauses and terms (sec, term-sec) are slots of their own, again
 * and again while they are too large.  The clause renders with an empty
 * element carrying st-hole="N" in place of each, which leaves the marker
 * <!--st:hole N--> in its piece, and each of them renders later inside
 * what is left of the clause (a shell: the element without its children,
 * so that it has the same ancestors).  Only a clause without footnotes
 * outside tables in its sub-clauses is split: the clause lists them all at
 * its end (st-fns).  A part never holds a slot and one split from it;
 * the pieces wait, each up to the hole where the next one goes, in a stack
 * above the frame (struct pending).
 */
#define PART_NODES 5000 /* nodes rendered at once: smaller parts, a smaller peak, no slower */
#define NO_SLOT ((size_t)-1)

/* STDTOOL_TEST_PART_NODES makes parts small, so tests see many of them. */
static size_t part_nodes(void)
{
	const char *v = getenv("STDTOOL_TEST_PART_NODES");
	char *end;
	unsigned long n;

	if (!v || !*v)
		return PART_NODES;
	n = strtoul(v, &end, 10);
	return *end || n == 0 ? PART_NODES : (size_t)n;
}

struct slot {
	xmlNode *item;      /* the clause, annex, sub-clause or term */
	xmlNode *parent;    /* body, app-group or the outer slot's item */
	size_t outer;       /* the slot it is split from, or NO_SLOT */
	size_t nodes;       /* rendered with it: its sub-slots' not counted */
	int split;          /* it has sub-slots (and is a shell once rendered) */
};

struct slots {
	struct slot *s;
	size_t n, alloc;
};

static size_t count_nodes(const xmlNode *node)
{
	const xmlNode *c;
	size_t n = 1;

	for (c = node->children; c; c = c->next)
		n += c->type == XML_ELEMENT_NODE ? count_nodes(c) : 1;
	return n;
}

/*
 * What the contents needs of a clause: its label, title and annex-type, and
 * those of its sub-clauses to two levels.  While the frame renders, the
 * clauses hold only that: the rest is taken out of their lists of children
 * (not copied, not freed) and put back after.
 */
struct hollow_log {
	struct hollow_entry {
		xmlNode *node;
		xmlNode *a, *b;  /* a hollowed element: its children and last; a kept child: its prev and next */
		int hollowed;
	} *entries;
	size_t n, alloc;
};

static int hollow_note(struct hollow_log *log, xmlNode *node, xmlNode *a, xmlNode *b, int hollowed)
{
	struct hollow_entry *e;

	if (st_array_grow(&log->entries, &log->alloc, log->n, sizeof(*log->entries)) < 0)
		return st_error_oom();
	e = &log->entries[log->n++];
	e->node = node;
	e->a = a;
	e->b = b;
	e->hollowed = hollowed;
	return 0;
}

static int hollow_keeps(const xmlNode *c, int depth)
{
	if (c->type != XML_ELEMENT_NODE)
		return 0;
	return NAME_IS(c, "label") || NAME_IS(c, "title") || NAME_IS(c, "annex-type") ||
	       (NAME_IS(c, "sec") && depth < 3);
}

/* Leaves in the children of 'node' only what the contents needs. */
static int hollow(struct hollow_log *log, xmlNode *node, int depth)
{
	xmlNode *c, *next, *last = NULL;
	int error;

	if ((error = hollow_note(log, node, node->children, node->last, 1)) < 0)
		return error;
	for (c = node->children; c; c = next) {
		next = c->next;
		if (!hollow_keeps(c, depth))
			continue;
		if ((error = hollow_note(log, c, c->prev, c->next, 0)) < 0)
			return error;
		if (NAME_IS(c, "sec") && (error = hollow(log, c, depth + 1)) < 0)
			return error;
		c->prev = last;
		if (last)
			last->next = c;
		else
			node->children = c;
		last = c;
	}
	if (last)
		last->next = NULL;
	else
		node->children = NULL;
	node->last = last;
	return 0;
}

/* Puts back what hollow() took out. */
static void hollow_undo(struct hollow_log *log)
{
	while (log->n > 0) {
		struct hollow_entry *e = &log->entries[--log->n];
		if (e->hollowed) {
			e->node->children = e->a;
			e->node->last = e->b;
		} else {
			e->node->prev = e->a;
			e->node->next = e->b;
		}
	}
	free(log->entries);
	log->entries = NULL;
	log->alloc = 0;
}

/*
 * Fills what hollow() leaves of a clause (its label, title and
 * annex-type, and those of its sub-clauses) for the frame.
 */
static void annotate_hollow(struct annotation *a, xmlNode *node, int depth)
{
	xmlNode *c;

	annotate_element(a, node);
	for (c = node->children; c && !a->error; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (NAME_IS(c, "label") || NAME_IS(c, "title") || NAME_IS(c, "annex-type"))
			annotate_tree(a, c);
		else if (NAME_IS(c, "sec") && depth < 3)
			annotate_hollow(a, c, depth + 1);
	}
}

/* A footnote that the clause lists at its end: one outside tables and fn-groups. */
static int has_loose_fn(const xmlNode *node)
{
	const xmlNode *c;

	for (c = node->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || NAME_IS(c, "table-wrap") || NAME_IS(c, "fn-group"))
			continue;
		if (NAME_IS(c, "fn") || has_loose_fn(c))
			return 1;
	}
	return 0;
}

static int splits_into(const xmlNode *c)
{
	return c->type == XML_ELEMENT_NODE && !c->ns && (NAME_IS(c, "sec") || NAME_IS(c, "term-sec"));
}

/* Adds 'item' and, when it is too large for a part and may be split, its sub-slots. */
static int add_slot(struct slots *sl, xmlNode *item, xmlNode *parent, size_t outer,
		    size_t budget, int nested, size_t *count)
{
	struct slot *s;
	size_t at = sl->n, total;
	xmlNode *c;
	int error;

	if (st_array_grow(&sl->s, &sl->alloc, sl->n, sizeof(*sl->s)) < 0)
		return st_error_oom();
	s = &sl->s[sl->n++];
	memset(s, 0, sizeof(*s));
	s->item = item;
	s->parent = parent;
	s->outer = outer;
	s->nodes = total = *count = count_nodes(item);
	if (!nested || total <= budget)
		return 0;
	/* a clause's footnotes are listed at its end: they must all be in its part */
	if (outer == NO_SLOT)
		for (c = item->children; c; c = c->next)
			if (splits_into(c) && has_loose_fn(c))
				return 0;
	for (c = item->children; c; c = c->next) {
		size_t sub;
		if (!splits_into(c))
			continue;
		if ((error = add_slot(sl, c, item, at, budget, nested, &sub)) < 0)
			return error;
		/* what it leaves in this slot: an empty element */
		sl->s[at].nodes -= sub - 1;
		sl->s[at].split = 1;
	}
	return 0;
}

/* Finds "<tag>N-->" from 'from'; *n gets N, *end the end of the marker. */
static const char *find_marker(const char *from, const char *limit, const char *tag,
			       size_t *n, const char **end)
{
	size_t taglen = strlen(tag);
	const char *p = from;

	while ((p = memmem(p, (size_t)(limit - p), tag, taglen))) {
		const char *q = p + taglen;
		size_t v = 0;
		if (q >= limit || *q < '0' || *q > '9') {
			p = q;
			continue;
		}
		while (q < limit && *q >= '0' && *q <= '9')
			v = v * 10 + (size_t)(*q++ - '0');
		if (limit - q >= 3 && strncmp(q, "-->", 3) == 0) {
			*n = v;
			*end = q + 3;
			return p;
		}
		p = q;
	}
	return NULL;
}

static int apply_part(st_buf *out, st_stylesheet *sheet, xmlDoc *doc, const char *part)
{
	const char *params[3];
	char value[16];

	snprintf(value, sizeof(value), "'%s'", part);
	params[0] = "st-part";
	params[1] = value;
	params[2] = NULL;
	return st_stylesheet_apply(out, sheet, doc, params);
}

#define SLOT_TAG "<!--st:slot "
#define HOLE_TAG "<!--st:hole "

/*
 * The output waiting to be written: the frame at the bottom, above it the
 * pieces of split slots, each up to the hole where the next piece goes.
 */
struct pending {
	struct level {
		st_buf own;          /* a piece's copy (the frame is not copied) */
		const char *pos, *limit, *tag;
	} *levels;
	size_t n, alloc;
};

static int pending_push(struct pending *w, const char *text, size_t len, int copy, const char *tag)
{
	struct level *l;

	if (st_array_grow(&w->levels, &w->alloc, w->n, sizeof(*w->levels)) < 0)
		return st_error_oom();
	l = &w->levels[w->n];
	memset(l, 0, sizeof(*l));
	if (copy) {
		st_buf_put(&l->own, text, len);
		if (st_buf_check(&l->own) < 0) {
			st_buf_dispose(&l->own);
			return st_error_oom();
		}
		text = l->own.ptr;
	}
	l->pos = text;
	l->limit = text + len;
	l->tag = tag;
	w->n++;
	return 0;
}

/* Writes 'l' from where it is up to 'upto', leaving out the markers on the way. */
static int level_write(struct level *l, const char *upto, st_write_fn write, void *payload)
{
	const char *m, *end;
	size_t n;
	int error;

	while ((m = find_marker(l->pos, upto, l->tag, &n, &end))) {
		if ((error = write(l->pos, (size_t)(m - l->pos), payload)) < 0)
			return error;
		l->pos = end;
	}
	error = write(l->pos, (size_t)(upto - l->pos), payload);
	l->pos = upto;
	return error;
}

/* Writes the rest of the top level and drops it. */
static int pending_pop(struct pending *w, st_write_fn write, void *payload)
{
	struct level *l = &w->levels[--w->n];
	int error = level_write(l, l->limit, write, payload);

	st_buf_dispose(&l->own);
	return error;
}

/*
 * Writes the piece of slot 'n' where its marker is, and what comes before
 * it.  A piece whose marker is nowhere (the stylesheet did not render the
 * element where it stood) is left out, as it would be in one go.
 */
static int pending_piece(struct pending *w, size_t n, const char *piece, size_t len,
			 st_write_fn write, void *payload)
{
	const char *m = NULL, *end = NULL;
	size_t d, found;
	int error;

	for (d = w->n; d-- > 0 && !m;) {
		const char *p = w->levels[d].pos;
		while ((m = find_marker(p, w->levels[d].limit, w->levels[d].tag, &found, &end)) &&
		       found != n)
			p = end;
		if (m)
			break;
	}
	if (!m)
		return 0;
	while (w->n > d + 1)
		if ((error = pending_pop(w, write, payload)) < 0)
			return error;
	if ((error = level_write(&w->levels[d], m, write, payload)) < 0)
		return error;
	w->levels[d].pos = end;
	if (memmem(piece, len, HOLE_TAG, sizeof(HOLE_TAG) - 1))
		return pending_push(w, piece, len, 1, HOLE_TAG);
	return write(piece, len, payload);
}

/* Links slot k into its parent, and the shells above it into theirs. */
static void link_slot(struct slots *sl, size_t k)
{
	struct slot *s = &sl->s[k];

	if (s->outer != NO_SLOT && !sl->s[s->outer].item->parent)
		link_slot(sl, s->outer);
	xmlAddChild(s->parent, s->item);
}

static int set_num(xmlNode *node, const char *name, size_t n)
{
	char v[24];

	snprintf(v, sizeof(v), "%zu", n);
	return xmlSetProp(node, (const xmlChar *)name, (const xmlChar *)v) ? 0 : st_error_oom();
}

static int render_parts(st_write_fn write, void *payload, st_stylesheet *sheet, xmlDoc *doc,
			struct annotation *a, int nested)
{
	xmlNode *root = xmlDocGetRootElement(doc), *part, *c, *g;
	struct slots sl = { NULL, 0, 0 };
	size_t i, first, count;
	st_buf frame = ST_BUF_INIT, chunk = ST_BUF_INIT;
	struct hollow_log hollowed = { NULL, 0, 0 };
	struct pending w = { NULL, 0, 0 };
	size_t budget = part_nodes();
	int error = 0;

	for (part = root->children; part && !error; part = part->next) {
		if (part->type != XML_ELEMENT_NODE)
			continue;
		if (NAME_IS(part, "body")) {
			for (c = part->children; c && !error; c = c->next)
				if (c->type == XML_ELEMENT_NODE && NAME_IS(c, "sec"))
					error = add_slot(&sl, c, part, NO_SLOT, budget, nested, &count);
		} else if (NAME_IS(part, "back")) {
			for (g = part->children; g && !error; g = g->next) {
				if (g->type != XML_ELEMENT_NODE || !NAME_IS(g, "app-group"))
					continue;
				for (c = g->children; c && !error; c = c->next)
					if (c->type == XML_ELEMENT_NODE && NAME_IS(c, "app"))
						error = add_slot(&sl, c, g, NO_SLOT, budget, nested, &count);
			}
		}
	}
	/* The frame: every clause and annex holds only what the contents needs. */
	for (i = 0; i < sl.n && !error; i++) {
		if (sl.s[i].outer != NO_SLOT)
			continue;
		if ((error = set_num(sl.s[i].item, "st-slot", i + 1)) < 0)
			break;
		annotate_hollow(a, sl.s[i].item, 1);
		if ((error = a->error) < 0)
			break;
		error = hollow(&hollowed, sl.s[i].item, 1);
	}
	/* the frame's labels and xrefs; a part's go in just before it renders */
	if (!error) {
		annotate_tree(a, root);
		error = a->error;
	}
	if (!error)
		error = apply_part(&frame, sheet, doc, "frame");
	hollow_undo(&hollowed);
	/*
	 * Each part holds only its own slots, and the way down to them from
	 * the root (st-path): a sub-slot leaves an empty element with st-hole
	 * in its place.
	 */
	for (i = sl.n; i-- > 0 && !error;) {
		struct slot *s = &sl.s[i];
		if (s->outer == NO_SLOT) {
			xmlNode *up;
			for (up = s->parent; up && up != root && !error; up = up->parent)
				if (!xmlHasProp(up, (const xmlChar *)"st-path") &&
				    !xmlSetProp(up, (const xmlChar *)"st-path", (const xmlChar *)"1"))
					error = st_error_oom();
			xmlUnlinkNode(s->item);
		} else {
			xmlNode *hole = xmlNewDocNode(doc, NULL, s->item->name, NULL);
			if (!hole) {
				error = st_error_oom();
				break;
			}
			xmlReplaceNode(s->item, hole);
			if ((error = set_num(hole, "st-hole", i + 1)) == 0)
				error = set_num(s->item, "st-slot", i + 1);
		}
	}
	if (!error)
		error = pending_push(&w, frame.ptr ? frame.ptr : "", frame.size, 0, SLOT_TAG);
	/*
	 * The parts, a few slots at a time (never a slot with one split from
	 * it), each freed once rendered, a split one kept as a shell; the
	 * output is written up to each piece's marker, then the piece.
	 */
	for (first = 0; first < sl.n && !error;) {
		size_t last = first, nodes = 0, n, next_n, k;
		const char *p, *limit, *end, *next_end;
		while (last < sl.n) {
			if (last > first) {
				if (nodes + sl.s[last].nodes > budget)
					break;
				for (k = sl.s[last].outer; k != NO_SLOT && k < first; k = sl.s[k].outer)
					;
				if (k != NO_SLOT)
					break; /* split from a slot of this part */
			}
			nodes += sl.s[last++].nodes;
		}
		for (i = first; i < last; i++)
			annotate_tree(a, sl.s[i].item);
		error = a->error;
		for (i = first; i < last; i++)
			link_slot(&sl, i);
		st_buf_clear(&chunk);
		if (!error)
			error = apply_part(&chunk, sheet, doc, "part");
		for (i = first; i < last; i++) {
			struct slot *s = &sl.s[i];
			xmlUnlinkNode(s->item);
			if (s->split && !error) {
				/* a shell: what its sub-slots need of it, its place */
				while ((c = s->item->children)) {
					xmlUnlinkNode(c);
					xmlFreeNode(c);
				}
				xmlUnsetProp(s->item, (const xmlChar *)"st-slot");
				if (!xmlSetProp(s->item, (const xmlChar *)"st-path", (const xmlChar *)"1"))
					error = st_error_oom();
			} else {
				xmlFreeNode(s->item);
				s->item = NULL;
			}
		}
		for (i = first; i < last; i++)
			for (k = sl.s[i].outer; k != NO_SLOT && sl.s[k].item->parent; k = sl.s[k].outer)
				xmlUnlinkNode(sl.s[k].item);
		if (error || !chunk.ptr)
			break;
		/* each piece runs from its marker to the next marker or st:end */
		limit = chunk.ptr + chunk.size;
		p = find_marker(chunk.ptr, limit, SLOT_TAG, &n, &end);
		while (p && !error) {
			const char *stop = find_marker(end, limit, SLOT_TAG, &next_n, &next_end);
			const char *piece_end = stop ? stop : memmem(end, (size_t)(limit - end),
								     "<!--st:end-->", 13);
			if (!piece_end)
				piece_end = limit;
			error = pending_piece(&w, n, end, (size_t)(piece_end - end), write, payload);
			p = stop;
			end = next_end;
			n = next_n;
		}
		first = last;
	}
	while (w.n > 0) {
		int e = error ? 0 : pending_pop(&w, write, payload);
		if (error)
			st_buf_dispose(&w.levels[--w.n].own);
		else
			error = e;
	}
	/* (those still in their place go with the tree) */
	for (i = sl.n; i-- > 0;)
		if (sl.s[i].item && !sl.s[i].item->parent)
			xmlFreeNode(sl.s[i].item);
	free(sl.s);
	free(w.levels);
	st_buf_dispose(&frame);
	st_buf_dispose(&chunk);
	return error;
}

int st_draft_render(st_write_fn write, void *payload, xmlDoc **doc, st_stylesheet *sheet,
		    st_profile profile, const char *stage, int stage_label, st_xml_held *held)
{
	struct annotation a;
	xmlNode *root;
	int error;

	error = annotation_begin(&a, *doc, profile, stage, stage_label, held);
	if (held)
		st_buf_dispose(&held->records); /* in the annotation's records now */
	if (error < 0)
		return error;
	root = xmlDocGetRootElement(*doc);
	/* Small drafts, and stylesheets that do not render in parts, in one go. */
	if (!st_stylesheet_has_param(sheet, "st-part") || count_nodes(root) <= 2 * part_nodes()) {
		annotate_tree(&a, root);
		error = a.error;
		annotation_end(&a);
		if (error)
			return error;
		return st_stylesheet_apply_to(write, payload, sheet, doc, 1, NULL);
	}
	/* the labels and xrefs go in a part at a time, as it renders */
	error = render_parts(write, payload, sheet, *doc, &a,
			     st_stylesheet_has_param(sheet, "st-holes"));
	annotation_end(&a);
	xmlFreeDoc(*doc);
	*doc = NULL;
	return error;
}
