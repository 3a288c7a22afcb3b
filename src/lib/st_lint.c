/*
 * st_lint.c: the drafting rules (doc/drafts.md, "Drafting rules").
 *
 * One walk over the tree does the text rules (verbal forms, 必须/must, the
 * em dash in Chinese standard numbers) and gathers the text in which terms
 * and references must appear; the defined terms and the references'
 * numbers are then all found in that text in one pass of an Aho-Corasick
 * automaton.  The structure rules look only at the top levels and at each
 * clause's children.  Nothing is quadratic in the size of the draft.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "st_error.h"
#include "st_i18n.h"
#include "st_lint.h"

#define NAME_IS(n, s) (strcmp((const char *)(n)->name, (s)) == 0)

const char *const st_lint_rules[] = {
	"XML", "SCHEMA", "DUPLICATE-ID", "REQUIRED", "ORDER", "FIXED-SENTENCE",
	"CLAUSE-TITLE", "DEPTH", "SUBCLAUSE-TITLES", "HANGING-PARAGRAPH",
	"VERBAL-FORM", "MUST", "XREF-TARGET", "TERM-UNUSED", "REF-UNCITED",
	"ANNEX-TYPE", "ANNEX-UNCITED", "NUMBER-DASH", "LABEL", NULL,
};

int st_lint_rule_known(const char *rule)
{
	size_t i;

	for (i = 0; st_lint_rules[i]; i++)
		if (strcmp(st_lint_rules[i], rule) == 0)
			return 1;
	return 0;
}

void st_findings_dispose(st_findings *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		free(f->items[i].message);
	free(f->items);
	memset(f, 0, sizeof(*f));
}

/* The fixed sentences, compared with all white space left out. */
#define GBT_DRAFTING_RULE "本文件按照GB/T1.1—2020《标准化工作导则第1部分：标准化文件的结构和起草规则》的规定起草。"
#define GBT_NO_REFS "本文件没有规范性引用文件。"
#define GBT_NO_TERMS "本文件没有需要界定的术语和定义。"
#define ISO_NO_REFS "Therearenonormativereferencesinthisdocument."
#define ISO_NO_TERMS "Notermsanddefinitionsarelistedinthisdocument."

struct ac;

struct lint {
	st_findings *out;
	const st_lint_options *opts;
	st_profile profile;
	xmlDoc *doc;
	st_numbering *nb;
	struct idmap {
		struct id_slot { const char *key; xmlNode *node; } *slots;
		size_t n, cap;
	} ids;                  /* keys point into the document */
	struct nodeset {
		const xmlNode **slots;
		size_t n, cap;
	} cited;                /* what cross references point at, from outside */
	/* xrefs seen, for the targets and for what is cited */
	xmlNode **xrefs;
	size_t nxrefs, axrefs;
	/* terms and references are looked for in the text as it is walked */
	struct ac *ac;
	int ac_state;
	const xmlNode *entry;   /* the term entry being walked: its own text is no use */
	int has_labels;         /* a label typed by hand was seen */
	int error;
};

static int ignored(const struct lint *l, const char *rule)
{
	size_t i;

	for (i = 0; i < l->opts->nignore; i++)
		if (strcmp(l->opts->ignore[i], rule) == 0)
			return 1;
	return 0;
}

static void report(struct lint *l, long line, st_severity severity, const char *rule,
		   const char *fmt, ...) ST_PRINTF(5, 6);

static void report(struct lint *l, long line, st_severity severity, const char *rule,
		   const char *fmt, ...)
{
	st_findings *f = l->out;
	st_buf msg = ST_BUF_INIT;
	va_list ap;

	if (l->error || ignored(l, rule))
		return;
	if (st_array_grow(&f->items, &f->alloc, f->n + 1, sizeof(*f->items)) < 0) {
		l->error = st_error_oom();
		return;
	}
	va_start(ap, fmt);
	st_buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	if (st_buf_check(&msg) < 0) {
		l->error = st_error_oom();
		return;
	}
	f->items[f->n].line = line > 0 ? line : 1;
	f->items[f->n].severity = severity;
	f->items[f->n].rule = rule;
	f->items[f->n].message = st_buf_detach(&msg);
	f->items[f->n].seq = f->n;
	f->n++;
	if (severity == ST_SEVERITY_ERROR)
		f->errors++;
	else
		f->warnings++;
}

static long line_of(const xmlNode *node)
{
	return xmlGetLineNo((xmlNodePtr)node);
}

static xmlNode *child_element(const xmlNode *parent, const char *name)
{
	xmlNode *c;

	for (c = parent ? parent->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && NAME_IS(c, name))
			return c;
	return NULL;
}

/* An attribute's value without copying it (NULL when absent or not plain text). */
static const char *attr_value(const xmlNode *node, const char *name)
{
	const xmlAttr *a;

	for (a = node->properties; a; a = a->next) {
		if (a->ns || strcmp((const char *)a->name, name) != 0)
			continue;
		if (!a->children)
			return "";
		if (a->children->type == XML_TEXT_NODE && !a->children->next)
			return (const char *)a->children->content;
		return NULL;
	}
	return NULL;
}

static int attr_is(const xmlNode *node, const char *name, const char *value)
{
	const char *v = attr_value(node, name);

	if (v)
		return strcmp(v, value) == 0;
	if (!node->properties)
		return 0;
	{
		/* an attribute holding entity references or the like */
		xmlChar *copy = xmlGetProp((xmlNodePtr)node, (const xmlChar *)name);
		int same = copy && strcmp((const char *)copy, value) == 0;
		xmlFree(copy);
		return same;
	}
}

static int is_sec_type(const xmlNode *node, const char *type)
{
	return node->type == XML_ELEMENT_NODE && NAME_IS(node, "sec") &&
	       attr_is(node, "sec-type", type);
}

/* The element's text with all white space (ASCII and U+3000) left out. */
static void squeezed_text(st_buf *out, const xmlNode *node)
{
	xmlChar *text = xmlNodeGetContent((xmlNodePtr)node);
	const unsigned char *p;

	for (p = text; p && *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			continue;
		if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) { /* U+3000 */
			p += 2;
			continue;
		}
		st_buf_putc(out, (char)*p);
	}
	xmlFree(text);
}

static int has_sentence(const xmlNode *node, const char *sentence)
{
	st_buf text = ST_BUF_INIT;
	int found;

	squeezed_text(&text, node);
	found = text.ptr && strstr(text.ptr, sentence) != NULL;
	st_buf_dispose(&text);
	return found;
}

/* Any text but white space below 'node'. */
static int has_text(const xmlNode *node)
{
	const xmlNode *c;

	for (c = node->children; c; c = c->next) {
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content &&
		    c->content[strspn((const char *)c->content, " \t\r\n")] != '\0')
			return 1;
		if (c->type == XML_ELEMENT_NODE && has_text(c))
			return 1;
	}
	return 0;
}

static int has_title(const xmlNode *node)
{
	const xmlNode *c;

	for (c = node->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && NAME_IS(c, "title"))
			return has_text(c);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Structure                                                            */

static void check_front(struct lint *l, xmlNode *root)
{
	int gbt = l->profile == ST_PROFILE_GBT;
	xmlNode *front = child_element(root, "front"), *c, *meta = NULL;
	xmlNode *foreword = NULL, *intro = NULL;
	const char *lang = gbt ? "zh" : "en";
	int titled = 0;

	if (!front)
		return; /* the schema says so */
	for (c = front->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (NAME_IS(c, "std-meta") || NAME_IS(c, "iso-meta") ||
		    NAME_IS(c, "nat-meta") || NAME_IS(c, "reg-meta")) {
			xmlNode *tw;
			if (!meta)
				meta = c;
			for (tw = c->children; tw; tw = tw->next) {
				xmlChar *tl;
				if (tw->type != XML_ELEMENT_NODE || !NAME_IS(tw, "title-wrap"))
					continue;
				tl = xmlNodeGetLang(tw);
				if ((!tl || strncmp((const char *)tl, lang, 2) == 0) && has_title(tw))
					titled = 1;
				else if ((!tl || strncmp((const char *)tl, lang, 2) == 0)) {
					xmlNode *m = child_element(tw, "main");
					xmlChar *t = m ? xmlNodeGetContent(m) : NULL;
					if (t && t[strspn((const char *)t, " \t\r\n")])
						titled = 1;
					xmlFree(t);
				}
				xmlFree(tl);
			}
		} else if (is_sec_type(c, "foreword")) {
			if (!foreword)
				foreword = c;
		} else if (is_sec_type(c, "intro")) {
			if (!intro)
				intro = c;
		}
	}
	if (!titled)
		report(l, line_of(meta ? meta : front), ST_SEVERITY_ERROR, "REQUIRED",
		       gbt ? _("the draft has no Chinese title (title-wrap xml:lang=\"zh\" with main)")
			   : _("the draft has no English title (title-wrap xml:lang=\"en\" with main)"));
	if (!foreword) {
		report(l, line_of(front), ST_SEVERITY_ERROR, "REQUIRED",
		       gbt ? _("the draft has no 前言 (sec sec-type=\"foreword\")")
			   : _("the draft has no Foreword (sec sec-type=\"foreword\")"));
	} else if (gbt && !has_sentence(foreword, GBT_DRAFTING_RULE)) {
		report(l, line_of(foreword), ST_SEVERITY_ERROR, "FIXED-SENTENCE",
		       _("the 前言 does not begin with 「本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。」"));
	}
	if (foreword && intro && line_of(intro) < line_of(foreword))
		report(l, line_of(intro), ST_SEVERITY_ERROR, "ORDER",
		       gbt ? _("the 引言 comes before the 前言") :
			     _("the Introduction comes before the Foreword"));
}

static int ref_count(const xmlNode *sec)
{
	const xmlNode *c, *r;
	int n = 0;

	for (c = sec->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || !NAME_IS(c, "ref-list"))
			continue;
		for (r = c->children; r; r = r->next)
			n += r->type == XML_ELEMENT_NODE && NAME_IS(r, "ref");
	}
	return n;
}

static int term_count(const xmlNode *sec)
{
	const xmlNode *c;
	int n = 0;

	for (c = sec->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (NAME_IS(c, "term-sec"))
			n++;
		else if (NAME_IS(c, "sec"))
			n += term_count(c);
	}
	return n;
}

static void check_norm_refs(struct lint *l, const xmlNode *sec)
{
	int gbt = l->profile == ST_PROFILE_GBT;
	const char *none = gbt ? GBT_NO_REFS : ISO_NO_REFS;
	int refs = ref_count(sec), says_none = has_sentence(sec, none);

	if (!refs && !says_none)
		report(l, line_of(sec), ST_SEVERITY_ERROR, "FIXED-SENTENCE",
		       gbt ? _("clause 2 lists no references but does not say 「本文件没有规范性引用文件。」")
			   : _("clause 2 lists no references but does not say \"There are no normative references in this document.\""));
	else if (refs && says_none)
		report(l, line_of(sec), ST_SEVERITY_ERROR, "FIXED-SENTENCE",
		       _("clause 2 lists references but says there are none"));
}

static void check_terms(struct lint *l, const xmlNode *sec)
{
	int gbt = l->profile == ST_PROFILE_GBT;
	const char *none = gbt ? GBT_NO_TERMS : ISO_NO_TERMS;
	int terms = term_count(sec), says_none = has_sentence(sec, none);

	if (!terms && !says_none)
		report(l, line_of(sec), ST_SEVERITY_ERROR, "FIXED-SENTENCE",
		       gbt ? _("clause 3 defines no terms but does not say 「本文件没有需要界定的术语和定义。」")
			   : _("clause 3 defines no terms but does not say \"No terms and definitions are listed in this document.\""));
	else if (terms && says_none)
		report(l, line_of(sec), ST_SEVERITY_ERROR, "FIXED-SENTENCE",
		       _("clause 3 defines terms but says there are none"));
}

static void check_body(struct lint *l, xmlNode *root)
{
	static const char *const parts[] = { "scope", "norm-refs", "terms" };
	int gbt = l->profile == ST_PROFILE_GBT;
	xmlNode *body = child_element(root, "body"), *c, *found[3] = { NULL, NULL, NULL };
	const char *want[3];
	size_t i, nwant = 0, index = 0;

	if (!body)
		return;
	for (c = body->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || !NAME_IS(c, "sec"))
			continue;
		for (i = 0; i < 3; i++)
			if (!found[i] && is_sec_type(c, parts[i]))
				found[i] = c;
	}
	if (!found[0])
		report(l, line_of(body), ST_SEVERITY_ERROR, "REQUIRED",
		       gbt ? _("the draft has no clause 范围 (sec sec-type=\"scope\")")
			   : _("the draft has no clause Scope (sec sec-type=\"scope\")"));
	if (!found[1])
		report(l, line_of(body), ST_SEVERITY_ERROR, "REQUIRED",
		       gbt ? _("the draft has no clause 规范性引用文件 (sec sec-type=\"norm-refs\")")
			   : _("the draft has no clause Normative references (sec sec-type=\"norm-refs\")"));
	if (!found[2])
		report(l, line_of(body), ST_SEVERITY_ERROR, "REQUIRED",
		       gbt ? _("the draft has no clause 术语和定义 (sec sec-type=\"terms\")")
			   : _("the draft has no clause Terms and definitions (sec sec-type=\"terms\")"));
	for (i = 0; i < 3; i++)
		if (found[i])
			want[nwant++] = parts[i];
	/* The parts there are must be the first clauses, in this order. */
	for (c = body->children; c && index < nwant; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || !NAME_IS(c, "sec"))
			continue;
		if (!is_sec_type(c, want[index])) {
			report(l, line_of(c), ST_SEVERITY_ERROR, "ORDER",
			       _("clause %zu should be the %s clause (scope, normative references, terms and definitions come first, in this order)"),
			       index + 1, want[index]);
			break;
		}
		index++;
	}
	if (found[1])
		check_norm_refs(l, found[1]);
	if (found[2])
		check_terms(l, found[2]);
}

static int is_para_level(const xmlNode *c)
{
	return !(NAME_IS(c, "label") || NAME_IS(c, "title") || NAME_IS(c, "sec-meta") ||
		 NAME_IS(c, "editing-instructions") || NAME_IS(c, "annex-type") ||
		 NAME_IS(c, "sec") || NAME_IS(c, "term-sec") || NAME_IS(c, "object-id"));
}

/* Clause-level rules for 'node' (a sec or an app) at 'depth' (clause = 1). */
static void check_clause(struct lint *l, xmlNode *node, int depth, int in_terms)
{
	xmlNode *c, *first_sec = NULL, *hanging = NULL;
	size_t subs = 0, titled = 0;

	if (depth == 6)
		report(l, line_of(node), ST_SEVERITY_ERROR, "DEPTH",
		       _("this subclause is at level %d; clauses go at most 5 levels deep"), depth);
	for (c = node->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (NAME_IS(c, "sec")) {
			if (!first_sec)
				first_sec = c;
			subs++;
			titled += has_title(c) ? 1 : 0;
		} else if (!first_sec && !hanging && is_para_level(c)) {
			hanging = c;
		}
	}
	if (first_sec && hanging && !in_terms && !is_sec_type(node, "terms"))
		report(l, line_of(hanging), ST_SEVERITY_ERROR, "HANGING-PARAGRAPH",
		       _("text between a clause's title and its first subclause cannot be referred to (a hanging paragraph): move it into a subclause such as \"General\""));
	if (subs >= 2 && titled && titled < subs)
		report(l, line_of(node), ST_SEVERITY_ERROR, "SUBCLAUSE-TITLES",
		       _("%zu of the %zu subclauses here have a title: give all of them a title, or none"),
		       titled, subs);
	for (c = node->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && (NAME_IS(c, "sec") || NAME_IS(c, "term-sec")))
			check_clause(l, c, depth + 1, in_terms || is_sec_type(node, "terms"));
}

static void check_clauses(struct lint *l, xmlNode *root)
{
	int gbt = l->profile == ST_PROFILE_GBT;
	xmlNode *body = child_element(root, "body"), *back, *c, *app, *bibl = NULL;

	for (c = body ? body->children : NULL; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || !NAME_IS(c, "sec"))
			continue;
		if (!has_title(c))
			report(l, line_of(c), ST_SEVERITY_ERROR, "CLAUSE-TITLE",
			       _("this clause has no title"));
		check_clause(l, c, 1, 0);
	}
	for (back = root->children; back; back = back->next) {
		if (back->type != XML_ELEMENT_NODE || !NAME_IS(back, "back"))
			continue;
		for (c = back->children; c; c = c->next) {
			if (c->type != XML_ELEMENT_NODE)
				continue;
			if (NAME_IS(c, "ref-list") && !bibl)
				bibl = c;
			if (!NAME_IS(c, "app-group") && !NAME_IS(c, "app"))
				continue;
			if (bibl)
				report(l, line_of(bibl), ST_SEVERITY_ERROR, "ORDER",
				       gbt ? _("the 参考文献 come before an annex")
					   : _("the Bibliography comes before an annex"));
			bibl = NULL;
			for (app = NAME_IS(c, "app") ? c : c->children; app;
			     app = NAME_IS(c, "app") ? NULL : app->next) {
				if (app->type != XML_ELEMENT_NODE || !NAME_IS(app, "app"))
					continue;
				if (!has_title(app))
					report(l, line_of(app), ST_SEVERITY_ERROR, "CLAUSE-TITLE",
					       _("this annex has no title"));
				if (!attr_is(app, "content-type", "norm-annex") &&
				    !attr_is(app, "content-type", "inform-annex"))
					report(l, line_of(app), ST_SEVERITY_ERROR, "ANNEX-TYPE",
					       gbt ? _("say whether this annex is 规范性 or 资料性: content-type=\"norm-annex\" or \"inform-annex\"")
						   : _("say whether this annex is normative or informative: content-type=\"norm-annex\" or \"inform-annex\""));
				check_clause(l, app, 1, 0);
			}
		}
	}
}

/* ------------------------------------------------------------------ */
/* Ids and cross references                                             */

static size_t str_hash(const char *s)
{
	size_t h = 14695981039346656037u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static xmlNode *idmap_get(const struct idmap *m, const char *key)
{
	size_t i;

	if (!m->cap)
		return NULL;
	for (i = str_hash(key) & (m->cap - 1); m->slots[i].key; i = (i + 1) & (m->cap - 1))
		if (strcmp(m->slots[i].key, key) == 0)
			return m->slots[i].node;
	return NULL;
}

static int idmap_put(struct idmap *m, const char *key, xmlNode *node)
{
	size_t i;

	if (2 * (m->n + 1) > m->cap) {
		struct idmap grown;
		grown.cap = m->cap ? m->cap * 2 : 1024;
		grown.n = 0;
		if (!(grown.slots = calloc(grown.cap, sizeof(*grown.slots))))
			return st_error_oom();
		for (i = 0; i < m->cap; i++)
			if (m->slots[i].key)
				idmap_put(&grown, m->slots[i].key, m->slots[i].node);
		free(m->slots);
		*m = grown;
	}
	for (i = str_hash(key) & (m->cap - 1); m->slots[i].key; i = (i + 1) & (m->cap - 1))
		;
	m->slots[i].key = key;
	m->slots[i].node = node;
	m->n++;
	return 0;
}

static size_t ptr_hash(const void *p)
{
	size_t h = (size_t)(uintptr_t)p;

	h ^= h >> 17;
	h *= 0xed5ad4bbu;
	h ^= h >> 11;
	return h;
}

static int nodeset_has(const struct nodeset *set, const xmlNode *node)
{
	size_t i;

	if (!set->cap)
		return 0;
	for (i = ptr_hash(node) & (set->cap - 1); set->slots[i]; i = (i + 1) & (set->cap - 1))
		if (set->slots[i] == node)
			return 1;
	return 0;
}

static int nodeset_add(struct nodeset *set, const xmlNode *node)
{
	size_t i;

	if (nodeset_has(set, node))
		return 0;
	if (2 * (set->n + 1) > set->cap) {
		struct nodeset grown;
		grown.cap = set->cap ? set->cap * 2 : 256;
		grown.n = 0;
		if (!(grown.slots = calloc(grown.cap, sizeof(*grown.slots))))
			return st_error_oom();
		for (i = 0; i < set->cap; i++)
			if (set->slots[i])
				nodeset_add(&grown, set->slots[i]);
		free(set->slots);
		*set = grown;
	}
	for (i = ptr_hash(node) & (set->cap - 1); set->slots[i]; i = (i + 1) & (set->cap - 1))
		;
	set->slots[i] = node;
	set->n++;
	return 0;
}

/* Notes the id of one element (reporting a second use) and its cross references. */
static void note_ids(struct lint *l, xmlNode *c)
{
	const char *id;

	if (c->properties && (id = attr_value(c, "id"))) {
		xmlNode *first = idmap_get(&l->ids, id);
		if (first)
			report(l, line_of(c), ST_SEVERITY_ERROR, "DUPLICATE-ID",
			       _("the id '%s' is used already on line %ld"),
			       id, line_of(first));
		else if (idmap_put(&l->ids, id, c) < 0)
			l->error = st_error_oom();
	}
	if ((c->name[0] == 'x' && NAME_IS(c, "xref")) || (c->ns && NAME_IS(c, "entailedTerm"))) {
		if (st_array_grow(&l->xrefs, &l->axrefs, l->nxrefs + 1, sizeof(*l->xrefs)) < 0)
			l->error = st_error_oom();
		else
			l->xrefs[l->nxrefs++] = c;
	}
}

static int is_ancestor(const xmlNode *ancestor, const xmlNode *node)
{
	for (; node; node = node->parent)
		if (node == ancestor)
			return 1;
	return 0;
}

/* Checks one target of a cross reference and notes what it cites. */
static void xref_target(struct lint *l, const xmlNode *x, const char *id)
{
	xmlNode *target = idmap_get(&l->ids, id);

	if (!target) {
		report(l, line_of(x), ST_SEVERITY_ERROR, "XREF-TARGET",
		       _("the cross reference points at '%s', and no element has that id"), id);
		return;
	}
	/* citing from inside the target itself does not count */
	if (!is_ancestor(target, x) && nodeset_add(&l->cited, target) < 0)
		l->error = st_error_oom();
}

static void check_xrefs(struct lint *l)
{
	size_t i;

	for (i = 0; i < l->nxrefs && !l->error; i++) {
		xmlNode *x = l->xrefs[i];
		int entailed = NAME_IS(x, "entailedTerm");
		const char *rid = attr_value(x, entailed ? "target" : "rid");
		char *copy, *p, *save = NULL;

		if (entailed && !rid)
			continue; /* an entailed term may name no entry */
		if (!rid || !*rid) {
			report(l, line_of(x), ST_SEVERITY_ERROR, "XREF-TARGET",
			       _("this cross reference has no rid"));
			continue;
		}
		if (!strpbrk(rid, " \t\r\n")) {
			xref_target(l, x, rid);
			continue;
		}
		/* rid may name several targets */
		if (!(copy = strdup(rid))) {
			l->error = st_error_oom();
			return;
		}
		for (p = strtok_r(copy, " \t\r\n", &save); p; p = strtok_r(NULL, " \t\r\n", &save))
			xref_target(l, x, p);
		free(copy);
	}
}

/* ------------------------------------------------------------------ */
/* Text                                                                 */

enum {
	T_INFORMATIVE = 1,  /* no requirements here */
	T_META = 2,         /* metadata: no text rules, not searched */
	T_UNSEARCHED = 4,   /* reference lists, term designations */
	T_SKIP = 8          /* formulae: nothing to read */
};

/* Decodes the code point at 'p'; *len gets its length in bytes. */
static unsigned long utf8_at(const unsigned char *p, size_t *len)
{
	if (p[0] < 0x80) {
		*len = 1;
		return p[0];
	}
	if ((p[0] & 0xE0) == 0xC0 && p[1]) {
		*len = 2;
		return ((unsigned long)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
	}
	if ((p[0] & 0xF0) == 0xE0 && p[1] && p[2]) {
		*len = 3;
		return ((unsigned long)(p[0] & 0x0F) << 12) | ((unsigned long)(p[1] & 0x3F) << 6) |
		       (p[2] & 0x3F);
	}
	if ((p[0] & 0xF8) == 0xF0 && p[1] && p[2] && p[3]) {
		*len = 4;
		return ((unsigned long)(p[0] & 0x07) << 18) | ((unsigned long)(p[1] & 0x3F) << 12) |
		       ((unsigned long)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
	}
	*len = 1;
	return 0xFFFD;
}

/* The code point before 'p' (which is not the start of 's'). */
static unsigned long utf8_before(const unsigned char *s, const unsigned char *p)
{
	const unsigned char *q = p;
	size_t len;

	if (q == s)
		return 0;
	do
		q--;
	while (q > s && (*q & 0xC0) == 0x80);
	return utf8_at(q, &len);
}

static int in_list(unsigned long cp, const char *list)
{
	const unsigned char *p = (const unsigned char *)list;
	size_t len;

	while (*p) {
		if (utf8_at(p, &len) == cp)
			return 1;
		p += len;
	}
	return 0;
}

/* Words with 应 that are no requirement: 应用, 对应, 响应 ... */
#define YING_BEFORE "对相响适供反效感呼回答照顺内报策"
#define YING_AFTER "用急力变答对聘届激酬邀征收付运声"

static int gbt_requirement(const unsigned char *s)
{
	const unsigned char *p;
	size_t len;

	for (p = s; *p; p += len) {
		unsigned long cp = utf8_at(p, &len);
		if (cp != 0x5E94) /* 应 */
			continue;
		if (in_list(utf8_before(s, p), YING_BEFORE))
			continue;
		if (p[len]) {
			size_t l2;
			if (in_list(utf8_at(p + len, &l2), YING_AFTER))
				continue;
		}
		return 1;
	}
	return 0;
}

static int is_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* 'word' (lower case) as a whole word in 's', in any case. */
static int has_word(const unsigned char *s, const char *word)
{
	size_t wl = strlen(word);
	const unsigned char *p;

	for (p = s; *p; p++) {
		size_t i;
		if (p > s && is_letter(p[-1]))
			continue;
		for (i = 0; i < wl; i++)
			if (!p[i] || (p[i] | 0x20) != (unsigned char)word[i])
				break;
		if (i == wl && !is_letter(p[wl]))
			return 1;
	}
	return 0;
}

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

/*
 * Finds a Chinese standard number written with a hyphen or en dash before
 * the year: GB/T 1.1-2020, JB/T 123–2019, DB44/T 5-2021, T/CAS 1-2022.
 */
static int bad_number_dash(const unsigned char *s)
{
	const unsigned char *p, *q;

	for (p = s; *p; p++) {
		size_t letters = 0, len;
		int chinese = 0;
		unsigned long cp;
		if (!is_upper(*p) || (p > s && (is_letter(p[-1]) || p[-1] == '/')))
			continue;
		q = p;
		while (is_upper(*q))
			q++, letters++;
		if (letters == 1 && q[0] == '/' && q[-1] == 'T') {
			/* group standards: T/CAS */
			q++;
			if (!is_upper(*q))
				continue;
			while (is_upper(*q))
				q++;
			chinese = 1;
		} else {
			if (letters == 2 && p[0] == 'D' && p[1] == 'B' && is_digit(q[0]) && is_digit(q[1]))
				q += 2, chinese = 1;
			if (letters == 2 && p[0] == 'G' && p[1] == 'B')
				chinese = 1;
			if (q[0] == '/' && (q[1] == 'T' || q[1] == 'Z') && !is_letter(q[2]) &&
			    letters >= 2 && letters <= 4)
				q += 2, chinese = 1;
			if (letters == 2 && !(p[0] == 'E' && p[1] == 'N'))
				chinese = 1;
			if (letters > 4)
				continue;
		}
		if (!chinese)
			continue;
		while (*q == ' ')
			q++;
		if (!is_digit(*q))
			continue;
		while (is_digit(*q) || (*q == '.' && is_digit(q[1])))
			q++;
		while (*q == ' ')
			q++;
		cp = utf8_at(q, &len);
		if (cp != '-' && cp != 0x2013 && cp != 0xFF0D && cp != 0x2015 &&
		    cp != 0x2010 && cp != 0x2212 && cp != 0x2011)
			continue;
		q += len;
		while (*q == ' ')
			q++;
		if ((q[0] == '1' && q[1] == '9') || (q[0] == '2' && q[1] == '0')) {
			if (is_digit(q[2]) && is_digit(q[3]) && !is_digit(q[4]))
				return 1;
		}
	}
	return 0;
}

struct text_state {
	unsigned reported; /* bits: 1 verbal form, 2 must, 4 number dash */
};

static void check_text(struct lint *l, const xmlNode *element, const unsigned char *text,
		       unsigned flags, struct text_state *ts)
{
	int gbt = l->profile == ST_PROFILE_GBT;

	if (flags & T_META) {
		if (gbt && !(ts->reported & 4) && bad_number_dash(text)) {
			ts->reported |= 4;
			report(l, line_of(element), ST_SEVERITY_ERROR, "NUMBER-DASH",
			       _("write the year of a Chinese standard number after an em dash (GB/T 1.1—2020), not a hyphen or en dash"));
		}
		return;
	}
	if ((flags & T_INFORMATIVE) && !(ts->reported & 1) &&
	    (gbt ? gbt_requirement(text) : has_word(text, "shall"))) {
		ts->reported |= 1;
		report(l, line_of(element), ST_SEVERITY_ERROR, "VERBAL-FORM",
		       gbt ? _("a requirement (应/不应) in a part that states none: the 前言, the 引言, notes, examples and 资料性 annexes give information only")
			   : _("a requirement (shall) in a part that states none: the Foreword, the Introduction, the Scope, notes, examples and informative annexes give information only"));
	}
	if (!(ts->reported & 2) &&
	    (gbt ? strstr((const char *)text, "必须") != NULL : has_word(text, "must"))) {
		ts->reported |= 2;
		if (gbt)
			report(l, line_of(element), ST_SEVERITY_ERROR, "MUST",
			       _("必须 is not used for a requirement: write 应"));
		else
			report(l, line_of(element), ST_SEVERITY_WARNING, "MUST",
			       _("\"must\" states an external constraint; for a requirement of this document write \"shall\""));
	}
	if (gbt && !(ts->reported & 4) && bad_number_dash(text)) {
		ts->reported |= 4;
		report(l, line_of(element), ST_SEVERITY_ERROR, "NUMBER-DASH",
		       _("write the year of a Chinese standard number after an em dash (GB/T 1.1—2020), not a hyphen or en dash"));
	}
}

static int is_block(const xmlNode *n)
{
	const char *name = (const char *)n->name;

	switch (name[0]) {
	case 'p':
		return name[1] == '\0';
	case 't':
		return strcmp(name, "title") == 0 || strcmp(name, "td") == 0 ||
		       strcmp(name, "th") == 0 || strcmp(name, "term") == 0;
	case 'l':
		return strcmp(name, "list-item") == 0;
	case 'd':
		return strcmp(name, "definition") == 0;
	default:
		return 0;
	}
}

static void ac_feed(struct lint *l, const unsigned char *s);

/* What an element makes of the text inside it; most elements are plain. */
static unsigned text_flags(const struct lint *l, const xmlNode *c)
{
	const char *name = (const char *)c->name;
	const char *ns = c->ns && c->ns->href ? (const char *)c->ns->href : NULL;

	if (ns) {
		if (strcmp(ns, "http://www.w3.org/1998/Math/MathML") == 0)
			return T_SKIP;
		if (strcmp(ns, "urn:iso:std:iso:30042:ed-1") == 0) {
			if (strcmp(name, "tig") == 0)
				return T_UNSEARCHED;
			if (strcmp(name, "note") == 0 || strcmp(name, "example") == 0)
				return T_INFORMATIVE;
		}
		return 0;
	}
	switch (name[0]) {
	case 'a':
		if (strcmp(name, "app") == 0 && attr_is(c, "content-type", "inform-annex"))
			return T_INFORMATIVE;
		if (strcmp(name, "annex-type") == 0)
			return T_UNSEARCHED;
		return 0;
	case 'i':
		return strcmp(name, "iso-meta") == 0 ? T_META : 0;
	case 'l':
		return strcmp(name, "label") == 0 ? T_UNSEARCHED : 0;
	case 'n':
		if (strcmp(name, "nat-meta") == 0)
			return T_META;
		if (strcmp(name, "non-normative-note") == 0 ||
		    strcmp(name, "non-normative-example") == 0)
			return T_INFORMATIVE;
		return 0;
	case 'r':
		if (strcmp(name, "reg-meta") == 0)
			return T_META;
		return strcmp(name, "ref-list") == 0 ? T_UNSEARCHED : 0;
	case 's':
		if (strcmp(name, "std-meta") == 0)
			return T_META;
		if (strcmp(name, "sec") != 0)
			return 0;
		if (c->parent && NAME_IS(c->parent, "front"))
			return T_INFORMATIVE;
		if (l->profile == ST_PROFILE_ISO && attr_is(c, "sec-type", "scope"))
			return T_INFORMATIVE;
		return 0;
	default:
		return 0;
	}
}

static void walk_text(struct lint *l, xmlNode *element, unsigned flags)
{
	struct text_state ts = { 0 };
	xmlNode *c;
	int element_only = st_draft_element_only(element);

	for (c = element->children; c && !l->error; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content) {
			check_text(l, element, c->content, flags, &ts);
			if (!(flags & (T_META | T_UNSEARCHED)))
				ac_feed(l, c->content);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		/* no match runs from one child of an element-only element into the
		 * next, with or without the white space between them */
		if (element_only)
			l->ac_state = 0;
		{
			unsigned f = flags | text_flags(l, c);
			note_ids(l, c);
			if (c->name[0] == 'l' && !c->ns && NAME_IS(c, "label"))
				l->has_labels = 1;
			if (f & T_SKIP)
				continue;
			if (c->ns && NAME_IS(c, "termEntry")) {
				const xmlNode *outer = l->entry;
				l->entry = c;
				walk_text(l, c, f);
				l->entry = outer;
			} else {
				walk_text(l, c, f);
			}
			if (is_block(c))
				l->ac_state = 0; /* no match runs from one paragraph into the next */
		}
	}
}

/* ------------------------------------------------------------------ */
/* Terms and references found in the text: Aho-Corasick over bytes     */

struct ac_node {
	int child, sibling;   /* first child, next sibling (0: none) */
	int fail, dict;       /* failure link; next node on it that ends a pattern */
	int pattern;          /* a pattern ending here, or -1 */
	int table;            /* a full transition table: index + 1 into 'tables' */
	unsigned char c;
};

struct ac_pattern {
	const xmlNode *owner;  /* the term-sec or ref */
	size_t len;
	const xmlNode *entry;  /* its own term entry: a match there is no use */
	int ref;               /* a reference number: the next character decides */
	int same;              /* the next pattern with the same text, or -1 */
	int found;
};

struct ac {
	struct ac_node *nodes;
	size_t n, alloc;
	struct ac_pattern *patterns;
	size_t npatterns, apatterns;
	int root[256];
	int *tables;          /* 256 entries a table, for the nodes with many children */
	size_t ntables;
	/* the first characters of the patterns (Basic Multilingual Plane), so
	 * that the search steps over every other character at once */
	unsigned char starts[65536 / 8];
	int starts_all;       /* a pattern starts beyond the BMP: no skipping */
};

static int ac_new_node(struct ac *ac, unsigned char c)
{
	if (st_array_grow(&ac->nodes, &ac->alloc, ac->n + 1, sizeof(*ac->nodes)) < 0)
		return -1;
	memset(&ac->nodes[ac->n], 0, sizeof(ac->nodes[0]));
	ac->nodes[ac->n].pattern = -1;
	ac->nodes[ac->n].c = c;
	return (int)ac->n++;
}

static int ac_child(const struct ac *ac, int node, unsigned char c)
{
	int k;

	if (node == 0)
		return ac->root[c];
	if (ac->nodes[node].table)
		return ac->tables[(size_t)(ac->nodes[node].table - 1) * 256 + c];
	for (k = ac->nodes[node].child; k; k = ac->nodes[k].sibling)
		if (ac->nodes[k].c == c)
			return k;
	return 0;
}

static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

static int ac_add(struct ac *ac, const char *text, const xmlNode *owner, int ref)
{
	const unsigned char *p = (const unsigned char *)text;
	int node = 0, next, index;

	if (!*p)
		return 0;
	if (ac->n == 0 && ac_new_node(ac, 0) < 0)
		return st_error_oom();
	{
		size_t len;
		unsigned long cp = p[0] < 0x80 ? lower(p[0]) : utf8_at(p, &len);
		if (cp < 65536)
			ac->starts[cp >> 3] |= (unsigned char)(1u << (cp & 7));
		else
			ac->starts_all = 1;
	}
	for (; *p; p++) {
		unsigned char c = lower(*p);
		if (!(next = ac_child(ac, node, c))) {
			if ((next = ac_new_node(ac, c)) < 0)
				return st_error_oom();
			if (node == 0) {
				ac->root[c] = next;
			} else {
				ac->nodes[next].sibling = ac->nodes[node].child;
				ac->nodes[node].child = next;
			}
		}
		node = next;
	}
	if (st_array_grow(&ac->patterns, &ac->apatterns, ac->npatterns + 1,
			  sizeof(*ac->patterns)) < 0)
		return st_error_oom();
	index = (int)ac->npatterns++;
	ac->patterns[index].owner = owner;
	ac->patterns[index].len = strlen(text);
	ac->patterns[index].ref = ref;
	ac->patterns[index].found = 0;
	ac->patterns[index].entry = NULL;
	ac->patterns[index].same = ac->nodes[node].pattern;
	ac->nodes[node].pattern = index;
	return 0;
}

/*
 * Nodes with many children (the second byte of Chinese characters fans out
 * widely) get a full table, so no step scans a long list of children.
 */
#define AC_DENSE 3

static int ac_densify(struct ac *ac)
{
	size_t i, n = 0;
	int k;

	for (i = 1; i < ac->n; i++) {
		int children = 0;
		for (k = ac->nodes[i].child; k && children < AC_DENSE; k = ac->nodes[k].sibling)
			children++;
		if (children >= AC_DENSE)
			n++;
	}
	if (!n)
		return 0;
	if (!(ac->tables = calloc(n * 256, sizeof(*ac->tables))))
		return st_error_oom();
	for (i = 1; i < ac->n; i++) {
		int children = 0, *table;
		for (k = ac->nodes[i].child; k && children < AC_DENSE; k = ac->nodes[k].sibling)
			children++;
		if (children < AC_DENSE)
			continue;
		table = ac->tables + ac->ntables * 256;
		for (k = ac->nodes[i].child; k; k = ac->nodes[k].sibling)
			table[ac->nodes[k].c] = k;
		ac->nodes[i].table = (int)++ac->ntables;
	}
	return 0;
}

/* Breadth first: failure links from the parents' ones. */
static int ac_build(struct ac *ac)
{
	int *queue;
	size_t head = 0, tail = 0;
	int k, c;

	if (ac->n == 0)
		return 0;
	if ((c = ac_densify(ac)) < 0)
		return c;
	if (!(queue = malloc(ac->n * sizeof(*queue))))
		return st_error_oom();
	for (c = 0; c < 256; c++)
		if ((k = ac->root[c])) {
			ac->nodes[k].fail = 0;
			queue[tail++] = k;
		}
	while (head < tail) {
		int node = queue[head++];
		for (k = ac->nodes[node].child; k; k = ac->nodes[k].sibling) {
			int f = ac->nodes[node].fail, to;
			while (f && !ac_child(ac, f, ac->nodes[k].c))
				f = ac->nodes[f].fail;
			to = ac_child(ac, f, ac->nodes[k].c);
			ac->nodes[k].fail = to == k ? 0 : to;
			ac->nodes[k].dict = ac->nodes[ac->nodes[k].fail].pattern >= 0 ?
					    ac->nodes[k].fail : ac->nodes[ac->nodes[k].fail].dict;
			queue[tail++] = k;
		}
	}
	free(queue);
	return 0;
}

/* A reference number must not run on: "ISO 123" is not in "ISO 1234". */
static int ref_ends(const unsigned char *after)
{
	if (is_digit(after[0]))
		return 0;
	if (after[0] == '.' && is_digit(after[1]))
		return 0;
	/* a part number (ISO 10218-1) runs on; a year (GB/T 1-2020, a wrong dash) does not */
	if (after[0] == '-' && is_digit(after[1]))
		return is_digit(after[2]) && is_digit(after[3]) && is_digit(after[4]) &&
		       !is_digit(after[5]);
	return 1;
}

/* A match of 'pattern' ending at s[end] ('s' is one text node's text). */
static void ac_mark(struct ac *ac, int pattern, const unsigned char *s, size_t end,
		    const xmlNode *entry)
{
	for (; pattern >= 0; pattern = ac->patterns[pattern].same) {
		struct ac_pattern *p = &ac->patterns[pattern];
		size_t start;
		if (p->found || (entry && p->entry == entry))
			continue;
		if (p->ref && !ref_ends(s + end + 1))
			continue;
		/* An English word starts at a word boundary (a match begun in an
		 * earlier text node has one). */
		if (p->len <= end) {
			start = end + 1 - p->len;
			if (is_letter(s[start]) && is_letter(s[start - 1]))
				continue;
		}
		p->found = 1;
	}
}

/* Runs the automaton over one text node, carrying its state on. */
static void ac_feed(struct lint *l, const unsigned char *s)
{
	struct ac *ac = l->ac;
	size_t i;
	int state = l->ac_state;

	if (!ac || ac->n == 0)
		return;
	for (i = 0; s[i]; i++) {
		unsigned char c = lower(s[i]);
		int next;
		if (state == 0 && !ac->starts_all) {
			/* no pattern starts with this character: step over it */
			size_t len;
			unsigned long cp = c < 0x80 ? c : utf8_at(s + i, &len);
			if (cp < 65536 && !(ac->starts[cp >> 3] & (1u << (cp & 7)))) {
				if (c >= 0x80)
					i += len - 1;
				continue;
			}
		}
		while (state && !(next = ac_child(ac, state, c)))
			state = ac->nodes[state].fail;
		state = state ? ac_child(ac, state, c) : ac->root[c];
		if (!state)
			continue;
		if (ac->nodes[state].pattern >= 0)
			ac_mark(ac, ac->nodes[state].pattern, s, i, l->entry);
		for (next = ac->nodes[state].dict; next; next = ac->nodes[next].dict)
			ac_mark(ac, ac->nodes[next].pattern, s, i, l->entry);
	}
	l->ac_state = state;
}

static void ac_free(struct ac *ac)
{
	free(ac->tables);
	free(ac->nodes);
	free(ac->patterns);
}

/* Adds every designation of a term entry (not of entries nested in it). */
/* Adds every designation of a term entry (not of entries nested in it). */
static int add_designations(struct ac *ac, const xmlNode *term_sec, const xmlNode *node,
			    const xmlNode *entry, int *added)
{
	const xmlNode *n;
	int error;

	for (n = node->children; n; n = n->next) {
		const xmlNode *e = entry;
		if (n->type != XML_ELEMENT_NODE || NAME_IS(n, "term-sec"))
			continue;
		if (n->ns && NAME_IS(n, "termEntry"))
			e = n;
		if (NAME_IS(n, "term") && n->ns) {
			xmlChar *text = xmlNodeGetContent((xmlNodePtr)n);
			error = text && *text ? ac_add(ac, (const char *)text, term_sec, 0) : 0;
			if (!error && text && *text)
				ac->patterns[ac->npatterns - 1].entry = entry;
			*added += text && *text;
			xmlFree(text);
			if (error < 0)
				return error;
		} else if (n->children && (error = add_designations(ac, term_sec, n, e, added)) < 0) {
			return error;
		}
	}
	return 0;
}

/* Strips the year: "GB/T 1.1—2020" → "GB/T 1.1", "ISO 12100:2010" → "ISO 12100". */
static void undated(char *number)
{
	size_t len = strlen(number);
	char *p;

	while (len && (number[len - 1] == ' ' || number[len - 1] == '\n'))
		number[--len] = '\0';
	if (len >= 5 && is_digit((unsigned char)number[len - 1]) &&
	    is_digit((unsigned char)number[len - 4])) {
		p = number + len - 4;
		if (p > number && (p[-1] == ':' || p[-1] == '-'))
			p[-1] = '\0';
		else if (p - number >= 3 && strncmp(p - 3, "—", 3) == 0)
			p[-3] = '\0';
		else if (p - number >= 3 && strncmp(p - 3, "–", 3) == 0)
			p[-3] = '\0';
	}
	len = strlen(number);
	while (len && number[len - 1] == ' ')
		number[--len] = '\0';
}

struct usage {
	struct lint *l;
	struct ac *ac;
	xmlNode *terms_sec;
	xmlNode *refs_sec;
};

static void add_terms(struct usage *u, xmlNode *node)
{
	xmlNode *c;

	for (c = node->children; c && !u->l->error; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (NAME_IS(c, "term-sec")) {
			int added = 0;
			if ((u->l->error = add_designations(u->ac, c, c, NULL, &added)) < 0)
				return;
			if (!added && (u->l->error = ac_add(u->ac, "\x01\x02", c, 0)) < 0)
				return; /* no designation: only an xref can use it */
			add_terms(u, c);
		} else if (NAME_IS(c, "sec")) {
			add_terms(u, c);
		}
	}
}

static void add_refs(struct usage *u, xmlNode *sec)
{
	xmlNode *list, *ref;

	for (list = sec->children; list && !u->l->error; list = list->next) {
		if (list->type != XML_ELEMENT_NODE || !NAME_IS(list, "ref-list"))
			continue;
		for (ref = list->children; ref && !u->l->error; ref = ref->next) {
			const xmlNode *sr;
			xmlChar *text;
			if (ref->type != XML_ELEMENT_NODE || !NAME_IS(ref, "ref"))
				continue;
			sr = st_draft_first_std_ref(ref);
			text = sr ? xmlNodeGetContent((xmlNodePtr)sr) : NULL;
			if (text) {
				undated((char *)text);
				u->l->error = ac_add(u->ac, *text ? (const char *)text : "\x01\x02", ref, 1);
			} else {
				u->l->error = ac_add(u->ac, "\x01\x02", ref, 1);
			}
			xmlFree(text);
		}
	}
}

static int cited_by_xref(const struct lint *l, const xmlNode *node)
{
	const xmlNode *c;

	if (nodeset_has(&l->cited, node))
		return 1;
	if (!NAME_IS(node, "term-sec"))
		return 0;
	/* a term is also cited through its termEntry */
	for (c = node->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && NAME_IS(c, "termEntry") &&
		    nodeset_has(&l->cited, c))
			return 1;
	return 0;
}

/* Builds the automaton of the defined terms and the references' numbers. */
static void usage_prepare(struct lint *l, xmlNode *root, struct ac *ac)
{
	xmlNode *body = child_element(root, "body"), *c;
	struct usage u;

	memset(&u, 0, sizeof(u));
	u.l = l;
	u.ac = ac;
	for (c = body ? body->children : NULL; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!u.terms_sec && is_sec_type(c, "terms"))
			u.terms_sec = c;
		if (!u.refs_sec && is_sec_type(c, "norm-refs"))
			u.refs_sec = c;
	}
	if (u.terms_sec)
		add_terms(&u, u.terms_sec);
	if (u.refs_sec && !l->error)
		add_refs(&u, u.refs_sec);
	if (!l->error)
		l->error = ac_build(ac);
	l->ac = ac;
}

/* After the walk: what was neither found in the text nor cited. */
static void check_usage(struct lint *l, xmlNode *root, struct ac *acp)
{
	int gbt = l->profile == ST_PROFILE_GBT;
	xmlNode *c, *back, *app;
	struct ac ac = *acp;
	size_t i;

	for (i = 0; i < ac.npatterns && !l->error; i++) {
		struct ac_pattern *p = &ac.patterns[i];
		size_t j;
		int found = 0;
		/* an entry's designations are added one after the other */
		for (j = i; j < ac.npatterns && ac.patterns[j].owner == p->owner; j++)
			found |= ac.patterns[j].found;
		i = j - 1;
		if (found || cited_by_xref(l, p->owner))
			continue;
		if (p->ref)
			report(l, line_of(p->owner), ST_SEVERITY_ERROR, "REF-UNCITED",
			       gbt ? _("this normative reference is not cited in the text: cite it where it applies, or move it to the 参考文献")
				   : _("this normative reference is not cited in the text: cite it where it applies, or move it to the Bibliography"));
		else
			report(l, line_of(p->owner), ST_SEVERITY_WARNING, "TERM-UNUSED",
			       _("this term is defined but not used in the text"));
	}

	for (back = root->children; back && !l->error; back = back->next) {
		if (back->type != XML_ELEMENT_NODE || !NAME_IS(back, "back"))
			continue;
		for (c = back->children; c; c = c->next) {
			if (c->type != XML_ELEMENT_NODE ||
			    (!NAME_IS(c, "app-group") && !NAME_IS(c, "app")))
				continue;
			for (app = NAME_IS(c, "app") ? c : c->children; app;
			     app = NAME_IS(c, "app") ? NULL : app->next) {
				if (app->type != XML_ELEMENT_NODE || !NAME_IS(app, "app"))
					continue;
				if (!cited_by_xref(l, app))
					report(l, line_of(app), ST_SEVERITY_ERROR, "ANNEX-UNCITED",
					       gbt ? _("no text refers to this annex: cite it (xref ref-type=\"app\") where it applies")
						   : _("no text refers to this annex: cite it (xref ref-type=\"app\") where it applies"));
			}
		}
	}
}

/* ------------------------------------------------------------------ */
/* Labels typed by hand                                                  */

static int label_check_cb(xmlNode *node, enum st_num_kind kind, const char *label,
			  const xmlNode *hand, void *payload)
{
	struct lint *l = payload;
	st_buf typed = ST_BUF_INIT, computed = ST_BUF_INIT;
	xmlChar *text;

	(void)node;
	if (!hand || kind == ST_NUM_NORMREF)
		return 0;
	text = xmlNodeGetContent((xmlNodePtr)hand);
	st_label_number(&typed, text ? (const char *)text : "");
	st_label_number(&computed, label);
	xmlFree(text);
	if (st_buf_check(&typed) < 0 || st_buf_check(&computed) < 0) {
		l->error = st_error_oom();
	} else if (strcmp(typed.ptr ? typed.ptr : "", computed.ptr ? computed.ptr : "") != 0) {
		report(l, line_of(hand), ST_SEVERITY_WARNING, "LABEL",
		       _("the label says '%s', but this is number '%s'; leave numbers out and stdtool writes them"),
		       typed.ptr ? typed.ptr : "", computed.ptr ? computed.ptr : "");
	}
	st_buf_dispose(&typed);
	st_buf_dispose(&computed);
	return l->error;
}

/* ------------------------------------------------------------------ */

static int schema_cb(long line, const char *message, void *payload)
{
	struct lint *l = payload;

	/* The one summary libxml2 adds for every failing ancestor says nothing new. */
	if (strstr(message, "failed to validate content"))
		return 0;
	report(l, line, ST_SEVERITY_ERROR, "SCHEMA", "%s", message);
	return l->error;
}

static int by_line(const void *a, const void *b)
{
	const st_finding *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

int st_lint_doc(st_findings *out, xmlDoc *doc, const st_lint_options *opts)
{
	struct lint l;
	struct ac ac;
	xmlNode *root = xmlDocGetRootElement(doc);

	memset(&l, 0, sizeof(l));
	memset(&ac, 0, sizeof(ac));
	l.out = out;
	l.opts = opts;
	l.doc = doc;
	l.profile = opts->profile != ST_PROFILE_NONE ? opts->profile : st_draft_profile_of(doc);
	if (opts->schema && (l.error = st_schema_validate_each(opts->schema, doc, schema_cb, &l)) > 0)
		l.error = 0;
	if (l.error < 0)
		goto done;
	if (!root || !NAME_IS(root, "standard"))
		goto done; /* the schema has said it; nothing else applies */
	note_ids(&l, root);
	if (l.error)
		goto done;
	check_front(&l, root);
	check_body(&l, root);
	check_clauses(&l, root);
	if (!l.error)
		usage_prepare(&l, root, &ac);
	if (!l.error)
		walk_text(&l, root, 0);
	if (!l.error)
		check_xrefs(&l);
	if (!l.error)
		check_usage(&l, root, &ac);
	/* Numbers matter here only to check labels typed by hand. */
	if (!l.error && l.has_labels && !ignored(&l, "LABEL") &&
	    (l.error = st_numbering_compute(&l.nb, doc, l.profile)) == 0)
		l.error = st_numbering_each(l.nb, label_check_cb, &l);
done:
	if (out->n > 1)
		qsort(out->items, out->n, sizeof(*out->items), by_line);
	st_numbering_free(l.nb);
	free(l.ids.slots);
	free(l.cited.slots);
	free(l.xrefs);
	ac_free(&ac);
	return l.error < 0 ? l.error : 0;
}

/* "name:12:5: message" → 12 and "message". */
static long split_location(const char *text, const char *name, const char **message)
{
	size_t nl = strlen(name);
	const char *p = text;
	char *end;
	long line = 1;

	*message = text;
	if (strncmp(p, name, nl) != 0 || p[nl] != ':')
		return 1;
	p += nl + 1;
	line = strtol(p, &end, 10);
	if (end == p) {
		*message = p + (*p == ' ');
		return 1;
	}
	p = end;
	if (*p == ':') {
		strtol(p + 1, &end, 10);
		p = end;
	}
	if (*p == ':')
		p++;
	while (*p == ' ')
		p++;
	*message = p;
	return line > 0 ? line : 1;
}

/* Lints what was parsed, or reports why it could not be as finding [XML]. */
static int lint_parsed(st_findings *out, xmlDoc *doc, int parsed, const char *name,
		       const st_lint_options *opts, st_profile *profile_out)
{
	st_lint_options o = *opts;
	int error;

	if (parsed < 0) {
		struct lint l;
		char copy[1024];
		const char *message;
		long line;
		memset(&l, 0, sizeof(l));
		l.out = out;
		l.opts = opts;
		snprintf(copy, sizeof(copy), "%s", st_error_last());
		line = split_location(copy, name, &message);
		report(&l, line, ST_SEVERITY_ERROR, "XML", "%s", message);
		if (profile_out)
			*profile_out = opts->profile;
		return l.error;
	}
	if (o.profile == ST_PROFILE_NONE)
		o.profile = st_draft_profile_of(doc);
	if (profile_out)
		*profile_out = o.profile;
	error = st_lint_doc(out, doc, &o);
	xmlFreeDoc(doc);
	return error;
}

int st_lint_memory(st_findings *out, const char *data, size_t len, const char *name,
		   const st_lint_options *opts, st_profile *profile_out)
{
	xmlDoc *doc = NULL;
	int parsed = st_xml_parse_memory_trimmed(&doc, data, len, name,
						  st_draft_element_only);

	return lint_parsed(out, doc, parsed, name, opts, profile_out);
}

int st_lint_buf(st_findings *out, st_buf *data, const char *name,
		const st_lint_options *opts, st_profile *profile_out)
{
	xmlDoc *doc = NULL;
	int parsed = st_xml_parse_memory_trimmed(&doc, data->ptr ? data->ptr : "", data->size, name,
						  st_draft_element_only);

	/* the tree holds it all now */
	st_buf_dispose(data);
	return lint_parsed(out, doc, parsed, name, opts, profile_out);
}

int st_lint_fd(st_findings *out, int fd, const char *name,
	       const st_lint_options *opts, st_profile *profile_out)
{
	xmlDoc *doc = NULL;
	int parsed = st_xml_parse_fd_trimmed(&doc, fd, name, st_draft_element_only);

	return lint_parsed(out, doc, parsed, name, opts, profile_out);
}
