/* st_comment.c: committee comments on a draft (doc/comments.md). */
#include <config.h>

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "st_comment.h"
#include "st_csv.h"
#include "st_date.h"
#include "st_draftmeta.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_stage.h"
#include "st_text.h"
#include "st_xml.h"

#define NAME_IS(n, s) (strcmp((const char *)(n)->name, (s)) == 0)

/* ------------------------------------------------------------------ */
/* Small text helpers                                                   */

static int ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int ascii_casecmp(const char *a, const char *b)
{
	for (; *a && ascii_lower((unsigned char)*a) == ascii_lower((unsigned char)*b); a++, b++)
		;
	return ascii_lower((unsigned char)*a) - ascii_lower((unsigned char)*b);
}

/* Length of 'prefix' when 's' starts with it (ASCII case ignored), else 0. */
static size_t ascii_prefix(const char *s, const char *prefix)
{
	size_t i;

	for (i = 0; prefix[i]; i++)
		if (ascii_lower((unsigned char)s[i]) != ascii_lower((unsigned char)prefix[i]))
			return 0;
	return i;
}

/* Bytes of white space at 's': ASCII, U+3000 (全角空格) or U+00A0. */
static size_t space_at(const char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		return 1;
	if (strncmp(s, "\xe3\x80\x80", 3) == 0)
		return 3;
	if (strncmp(s, "\xc2\xa0", 2) == 0)
		return 2;
	return 0;
}

/* Bytes of white space ending at s[len - 1]. */
static size_t space_before(const char *s, size_t len)
{
	if (len >= 1 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' ||
			 s[len - 1] == '\r'))
		return 1;
	if (len >= 3 && memcmp(s + len - 3, "\xe3\x80\x80", 3) == 0)
		return 3;
	if (len >= 2 && memcmp(s + len - 2, "\xc2\xa0", 2) == 0)
		return 2;
	return 0;
}

/* Trims white space at both ends, in place. */
static void trim(char *s)
{
	size_t len = strlen(s), start = 0, n;

	while ((n = space_at(s + start)) > 0)
		start += n;
	len -= start;
	memmove(s, s + start, len + 1);
	while ((n = space_before(s, len)) > 0)
		len -= n;
	s[len] = '\0';
}

/* A trimmed copy of 's' with CR LF and CR turned into LF; NULL when empty. */
static int clean_copy(char **out, const char *s)
{
	char *copy, *w;
	const char *r;

	*out = NULL;
	if (!s)
		return 0;
	if (!(copy = strdup(s)))
		return st_error_oom();
	for (r = s, w = copy; *r; r++) {
		if (*r == '\r') {
			*w++ = '\n';
			if (r[1] == '\n')
				r++;
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
	trim(copy);
	if (!*copy) {
		free(copy);
		return 0;
	}
	*out = copy;
	return 0;
}

/* Replaces *field by its clean copy. */
static int clean_field(char **field)
{
	char *copy = NULL;
	int error;

	if ((error = clean_copy(&copy, *field)) < 0)
		return error;
	free(*field);
	*field = copy;
	return 0;
}

/* A text of several lines: valid UTF-8, no control characters but line
 * breaks and tabs, no non-characters, at most 'max' characters. */
static int check_text(const char *s, const char *what, size_t max)
{
	size_t len = strlen(s), i;

	if (!st_utf8_valid(s, len))
		return st_error_set(ST_EINVALID, _("%s is not valid UTF-8 text"), what);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
			return st_error_set(ST_EINVALID, _("%s holds a control character"), what);
		/* U+FFFE and U+FFFF cannot be written in XML */
		if (c == 0xef && i + 2 < len && (unsigned char)s[i + 1] == 0xbf &&
		    ((unsigned char)s[i + 2] == 0xbe || (unsigned char)s[i + 2] == 0xbf))
			return st_error_set(ST_EINVALID, _("%s holds a character that is not allowed"), what);
	}
	if (st_utf8_length(s) > max)
		return st_error_set(ST_EINVALID, _("%s is longer than %zu characters"), what, max);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Types and dispositions                                               */

int st_comment_type_parse(st_comment_type *out, const char *text)
{
	static const struct {
		const char *word;
		st_comment_type type;
	} words[] = {
		{ "ge", ST_COMMENT_GE }, { "te", ST_COMMENT_TE }, { "ed", ST_COMMENT_ED },
		{ "general", ST_COMMENT_GE }, { "technical", ST_COMMENT_TE },
		{ "editorial", ST_COMMENT_ED },
	};
	size_t i;

	for (i = 0; text && i < sizeof(words) / sizeof(words[0]); i++) {
		if (ascii_casecmp(text, words[i].word) == 0) {
			*out = words[i].type;
			return 0;
		}
	}
	return st_error_set(ST_EINVALID, _("unknown comment type '%s' (expected ge, te or ed)"),
			    text ? text : "");
}

const char *st_comment_type_name(st_comment_type type)
{
	switch (type) {
	case ST_COMMENT_GE: return "ge";
	case ST_COMMENT_TE: return "te";
	case ST_COMMENT_ED: return "ed";
	default: return "";
	}
}

static const char *const disposition_names[] = {
	"open", "accepted", "accepted-modified", "rejected", "noted",
};

int st_disposition_parse(st_disposition *out, const char *text)
{
	static const struct {
		const char *word;
		st_disposition d;
	} words[] = {
		{ "accepted", ST_DISPOSITION_ACCEPTED },
		{ "accepted-modified", ST_DISPOSITION_ACCEPTED_MODIFIED },
		{ "rejected", ST_DISPOSITION_REJECTED },
		{ "noted", ST_DISPOSITION_NOTED },
		{ "采纳", ST_DISPOSITION_ACCEPTED },
		{ "部分采纳", ST_DISPOSITION_ACCEPTED_MODIFIED },
		{ "未采纳", ST_DISPOSITION_REJECTED },
	};
	size_t i;

	for (i = 0; text && i < sizeof(words) / sizeof(words[0]); i++) {
		if (strcmp(text, words[i].word) == 0) {
			*out = words[i].d;
			return 0;
		}
	}
	return st_error_set(ST_EINVALID,
		_("unknown disposition '%s' (expected accepted, accepted-modified, rejected or noted; or 采纳, 部分采纳 or 未采纳)"),
		text ? text : "");
}

const char *st_disposition_name(st_disposition d)
{
	if ((size_t)d >= sizeof(disposition_names) / sizeof(disposition_names[0]))
		return "open";
	return disposition_names[d];
}

int st_disposition_check(st_disposition d, const char *note, st_profile profile)
{
	if (d == ST_DISPOSITION_NOTED && profile == ST_PROFILE_GBT)
		return st_error_set(ST_EINVALID,
			_("'noted' is not a disposition of the SAC table for GB/T drafts: use accepted (采纳), accepted-modified (部分采纳) or rejected (未采纳)"));
	if (d == ST_DISPOSITION_REJECTED && (!note || !*note))
		return st_error_set(ST_EINVALID, _("a rejection (未采纳) needs its reason"));
	return 0;
}

/* Is 'c' a letter of an English word (so "Acceptedly" is no "Accepted")? */
static int word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
}

/* Punctuation that may stand between a disposition and its note. */
static size_t separator_at(const char *s)
{
	static const char *const marks[] = {
		".", ":", ";", ",", "-", "\xe2\x80\x94" /* — */, "\xe2\x80\x93" /* – */,
		"\xef\xbc\x9a" /* ： */, "\xef\xbc\x8c" /* ， */, "\xe3\x80\x82" /* 。 */,
		"\xef\xbc\x9b" /* ； */, "\xe3\x80\x81" /* 、 */,
	};
	size_t i, n;

	if ((n = space_at(s)) > 0)
		return n;
	for (i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (strncmp(s, marks[i], strlen(marks[i])) == 0)
			return strlen(marks[i]);
	return 0;
}

int st_disposition_from_text(st_disposition *out, char **note, const char *text)
{
	/* Longest first, so "部分采纳" is not read as "采纳". */
	static const struct {
		const char *word;
		st_disposition d;
		int english;
	} words[] = {
		{ "部分采纳", ST_DISPOSITION_ACCEPTED_MODIFIED, 0 },
		{ "未采纳", ST_DISPOSITION_REJECTED, 0 },
		{ "不采纳", ST_DISPOSITION_REJECTED, 0 },
		{ "采纳", ST_DISPOSITION_ACCEPTED, 0 },
		{ "accepted-modified", ST_DISPOSITION_ACCEPTED_MODIFIED, 1 },
		{ "accepted with modifications", ST_DISPOSITION_ACCEPTED_MODIFIED, 1 },
		{ "accepted with modification", ST_DISPOSITION_ACCEPTED_MODIFIED, 1 },
		{ "accepted in principle", ST_DISPOSITION_ACCEPTED_MODIFIED, 1 },
		{ "partially accepted", ST_DISPOSITION_ACCEPTED_MODIFIED, 1 },
		{ "partly accepted", ST_DISPOSITION_ACCEPTED_MODIFIED, 1 },
		{ "not accepted", ST_DISPOSITION_REJECTED, 1 },
		{ "rejected", ST_DISPOSITION_REJECTED, 1 },
		{ "accepted", ST_DISPOSITION_ACCEPTED, 1 },
		{ "noted", ST_DISPOSITION_NOTED, 1 },
	};
	char *copy = NULL;
	const char *rest;
	size_t i, n = 0, k;
	int error;

	*out = ST_DISPOSITION_OPEN;
	*note = NULL;
	if ((error = clean_copy(&copy, text)) < 0)
		return error;
	if (!copy)
		return 0;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		if (words[i].english)
			n = ascii_prefix(copy, words[i].word);
		else
			n = strncmp(copy, words[i].word, strlen(words[i].word)) == 0 ?
			    strlen(words[i].word) : 0;
		if (n && words[i].english && word_char(copy[n]))
			n = 0;
		if (n)
			break;
	}
	if (!n) {
		char shown[64];
		/* Cut at a character boundary for the message. */
		snprintf(shown, sizeof(shown), "%s", copy);
		for (k = strlen(shown); k > 0 && !st_utf8_valid(shown, k); k--)
			shown[k - 1] = '\0';
		error = st_error_set(ST_EINVALID,
			_("'%s%s' does not begin with a disposition: 采纳, 部分采纳, 未采纳 (or Accepted, Accepted with modification, Not accepted, Noted); leave it empty to import the comment open"),
			shown, strlen(copy) > strlen(shown) ? "…" : "");
		free(copy);
		return error;
	}
	*out = words[i].d;
	for (rest = copy + n; (k = separator_at(rest)) > 0; rest += k)
		;
	if (*rest && !(*note = strdup(rest)))
		error = st_error_oom();
	free(copy);
	return error;
}

/* ------------------------------------------------------------------ */
/* A comment                                                            */

int st_comment_new(st_comment **out)
{
	if (!(*out = calloc(1, sizeof(**out))))
		return st_error_oom();
	return 0;
}

void st_comment_free(st_comment *c)
{
	if (!c)
		return;
	free(c->by);
	free(c->clause);
	free(c->line);
	free(c->paragraph);
	free(c->text);
	free(c->proposal);
	free(c->remark);
	free(c->note);
	free(c);
}

int st_comment_line_parse(char **out, const char *text)
{
	st_buf norm = ST_BUF_INIT;
	const char *p;
	unsigned long a = 0, b = 0;
	int dash = 0, ok = 1, digits = 0;

	*out = NULL;
	for (p = text; *p && ok; p++) {
		if (*p == ' ')
			continue;
		if (*p >= '0' && *p <= '9') {
			unsigned long *v = dash ? &b : &a;
			if (digits == 0 && *p == '0')
				ok = 0;
			else if (++digits > 7)
				ok = 0;
			else
				*v = *v * 10 + (unsigned long)(*p - '0');
			st_buf_putc(&norm, *p);
		} else if ((*p == '-' || strncmp(p, "\xe2\x80\x93", 3) == 0) && !dash && digits) {
			if (*p != '-')
				p += 2;
			dash = 1;
			digits = 0;
			st_buf_putc(&norm, '-');
		} else {
			ok = 0;
		}
	}
	if (!digits || (dash && b < a))
		ok = 0;
	if (!ok) {
		st_buf_dispose(&norm);
		return st_error_set(ST_EINVALID,
			_("'%s' is not a line number: write 17, or 17-19 for several lines"), text);
	}
	if (st_buf_check(&norm) < 0)
		return st_buf_check(&norm);
	*out = st_buf_detach(&norm);
	return *out ? 0 : st_error_oom();
}

int st_comment_normalise(st_comment *c)
{
	int error;

	if ((error = clean_field(&c->by)) < 0 || (error = clean_field(&c->line)) < 0 ||
	    (error = clean_field(&c->paragraph)) < 0 || (error = clean_field(&c->text)) < 0 ||
	    (error = clean_field(&c->proposal)) < 0 || (error = clean_field(&c->remark)) < 0 ||
	    (error = clean_field(&c->note)) < 0 || (error = clean_field(&c->clause)) < 0)
		return error;
	if (!c->by)
		return st_error_set(ST_EINVALID, _("the comment has no author (the member body or 提出单位)"));
	if ((error = st_text_check_label(c->by, _("the comment's author"), ST_COMMENT_LABEL_MAX)) < 0)
		return error;
	if (!c->text)
		return st_error_set(ST_EINVALID, _("the comment's text is empty"));
	if ((error = check_text(c->text, _("the comment's text"), ST_COMMENT_TEXT_MAX)) < 0)
		return error;
	if (c->proposal &&
	    (error = check_text(c->proposal, _("the proposed change"), ST_COMMENT_TEXT_MAX)) < 0)
		return error;
	if (c->remark && (error = check_text(c->remark, _("the remark"), ST_COMMENT_TEXT_MAX)) < 0)
		return error;
	if (c->note && (error = check_text(c->note, _("the note"), ST_COMMENT_TEXT_MAX)) < 0)
		return error;
	if (c->paragraph &&
	    (error = st_text_check_label(c->paragraph, _("the paragraph, figure or table"),
					 ST_COMMENT_LABEL_MAX)) < 0)
		return error;
	if (c->clause && (strlen(c->clause) > 200 || strpbrk(c->clause, " \t\n")))
		return st_error_set(ST_EINVALID, _("'%s' is not an element id"), c->clause);
	if (c->line) {
		char *line = NULL;
		if ((error = st_comment_line_parse(&line, c->line)) < 0)
			return error;
		free(c->line);
		c->line = line;
	}
	return 0;
}

void st_comment_path(st_buf *out, const char *draft, unsigned n)
{
	if (n)
		st_buf_printf(out, "drafts/%s/comments/%u.xml", draft, n);
	else
		st_buf_printf(out, "drafts/%s/comments/round.xml", draft);
}

static xmlNode *text_child(xmlNode *parent, const char *name, const char *text)
{
	return xmlNewTextChild(parent, NULL, (const xmlChar *)name, (const xmlChar *)text);
}

int st_comment_serialise(st_buf *out, const st_comment *c)
{
	xmlDoc *doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNode *root = NULL, *n;
	char number[16];
	int ok, error;

	if (!doc || !(root = xmlNewNode(NULL, (const xmlChar *)"comment"))) {
		xmlFreeDoc(doc);
		return st_error_oom();
	}
	xmlDocSetRootElement(doc, root);
	snprintf(number, sizeof(number), "%u", c->number);
	ok = xmlSetProp(root, (const xmlChar *)"number", (const xmlChar *)number) != NULL;
	if (c->type != ST_COMMENT_TYPE_NONE)
		ok &= xmlSetProp(root, (const xmlChar *)"type",
				 (const xmlChar *)st_comment_type_name(c->type)) != NULL;
	ok &= xmlSetProp(root, (const xmlChar *)"stage", (const xmlChar *)c->stage) != NULL;
	ok &= xmlSetProp(root, (const xmlChar *)"date", (const xmlChar *)c->date) != NULL;
	ok &= text_child(root, "by", c->by) != NULL;
	ok &= text_child(root, "clause", c->clause) != NULL;
	if (c->line)
		ok &= text_child(root, "line", c->line) != NULL;
	if (c->paragraph)
		ok &= text_child(root, "paragraph", c->paragraph) != NULL;
	ok &= text_child(root, "text", c->text) != NULL;
	if (c->proposal)
		ok &= text_child(root, "proposal", c->proposal) != NULL;
	if (c->remark)
		ok &= text_child(root, "remark", c->remark) != NULL;
	if (c->disposition != ST_DISPOSITION_OPEN) {
		ok &= (n = text_child(root, "resolution", c->note)) != NULL;
		if (n) {
			ok &= xmlSetProp(n, (const xmlChar *)"disposition",
					 (const xmlChar *)st_disposition_name(c->disposition)) != NULL;
			ok &= xmlSetProp(n, (const xmlChar *)"date", (const xmlChar *)c->resolved) != NULL;
		}
	}
	error = ok ? st_xml_serialise(out, doc) : st_error_oom();
	xmlFreeDoc(doc);
	return error;
}

static xmlNode *child(xmlNode *parent, const char *name)
{
	xmlNode *c;

	for (c = parent ? parent->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && NAME_IS(c, name))
			return c;
	return NULL;
}

/* The text of child 'name' as a new string, NULL when absent or empty. */
static int child_text(char **out, xmlNode *parent, const char *name)
{
	xmlNode *c = child(parent, name);
	xmlChar *text;

	*out = NULL;
	if (!c)
		return 0;
	if (!(text = xmlNodeGetContent(c)))
		return 0;
	if (*text && !(*out = strdup((const char *)text))) {
		xmlFree(text);
		return st_error_oom();
	}
	xmlFree(text);
	return 0;
}

/* Copies attribute 'name' into a fixed buffer; "" when absent. */
static void attr_into(char *out, size_t size, xmlNode *node, const char *name)
{
	xmlChar *v = xmlGetProp(node, (const xmlChar *)name);

	snprintf(out, size, "%s", v ? (const char *)v : "");
	xmlFree(v);
}

/* Reads a comment element of a record or of the form; the caller checks it. */
static int comment_from_node(st_comment *c, xmlNode *root, const char *name, int form)
{
	xmlNode *r;
	char buf[32];
	int error;

	attr_into(buf, sizeof(buf), root, "number");
	c->number = (unsigned)strtoul(buf, NULL, 10);
	attr_into(buf, sizeof(buf), root, "type");
	if (*buf && (error = st_comment_type_parse(&c->type, buf)) < 0)
		return error;
	attr_into(c->stage, sizeof(c->stage), root, "stage");
	attr_into(c->date, sizeof(c->date), root, "date");
	if ((error = child_text(&c->by, root, "by")) < 0 ||
	    (error = child_text(&c->line, root, "line")) < 0 ||
	    (error = child_text(&c->paragraph, root, "paragraph")) < 0 ||
	    (error = child_text(&c->text, root, "text")) < 0 ||
	    (error = child_text(&c->proposal, root, "proposal")) < 0 ||
	    (error = child_text(&c->remark, root, "remark")) < 0)
		return error;
	if (!form && (error = child_text(&c->clause, root, "clause")) < 0)
		return error;
	if ((r = child(root, "resolution"))) {
		attr_into(buf, sizeof(buf), r, "disposition");
		if ((error = st_disposition_parse(&c->disposition, buf)) < 0 ||
		    (error = child_text(&c->note, root, "resolution")) < 0)
			return error;
		if (c->disposition == ST_DISPOSITION_OPEN)
			return st_error_set(ST_EINVALID, _("%s: a resolution without a disposition"), name);
		attr_into(c->resolved, sizeof(c->resolved), r, "date");
	}
	return 0;
}

int st_comment_parse(st_comment **out, const char *data, size_t len, const char *name)
{
	st_comment *c = NULL;
	xmlDoc *doc = NULL;
	xmlNode *root;
	int error;

	*out = NULL;
	if ((error = st_xml_parse_memory(&doc, data, len, name)) < 0)
		return error;
	root = xmlDocGetRootElement(doc);
	if (!NAME_IS(root, "comment")) {
		error = st_error_set(ST_EINVALID, _("%s: not a comment record"), name);
		goto done;
	}
	if ((error = st_comment_new(&c)) < 0 ||
	    (error = comment_from_node(c, root, name, 0)) < 0)
		goto done;
	if (!c->number || !c->by || !c->text) {
		error = st_error_set(ST_EINVALID, _("%s: not a comment record"), name);
		goto done;
	}
	*out = c;
	c = NULL;
done:
	st_comment_free(c);
	xmlFreeDoc(doc);
	return error;
}

/* ------------------------------------------------------------------ */
/* round.xml                                                            */

int st_unit_list_has(const st_unit_list *list, const char *unit)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		if (strcmp(list->items[i], unit) == 0)
			return 1;
	return 0;
}

int st_unit_list_add(st_unit_list *list, const char *unit)
{
	char *copy;

	if (st_unit_list_has(list, unit))
		return 0;
	if (st_array_grow(&list->items, &list->alloc, list->n, sizeof(*list->items)) < 0)
		return st_error_oom();
	if (!(copy = strdup(unit)))
		return st_error_oom();
	list->items[list->n++] = copy;
	return 0;
}

static void unit_list_dispose(st_unit_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		free(list->items[i]);
	free(list->items);
	memset(list, 0, sizeof(*list));
}

void st_comment_round_dispose(st_comment_round *round)
{
	if (!round)
		return;
	unit_list_dispose(&round->sent);
	unit_list_dispose(&round->replied);
	round->last_number = 0;
}

int st_comment_round_parse(st_comment_round *out, const char *data, size_t len, const char *name)
{
	xmlDoc *doc = NULL;
	xmlNode *root, *c;
	char buf[32];
	int error;

	memset(out, 0, sizeof(*out));
	if ((error = st_xml_parse_memory(&doc, data, len, name)) < 0)
		return error;
	root = xmlDocGetRootElement(doc);
	if (!NAME_IS(root, "round")) {
		xmlFreeDoc(doc);
		return st_error_set(ST_EINVALID, _("%s: not a comment round record"), name);
	}
	attr_into(buf, sizeof(buf), root, "last-number");
	out->last_number = (unsigned)strtoul(buf, NULL, 10);
	for (c = root->children; c && !error; c = c->next) {
		xmlChar *text;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		text = xmlNodeGetContent(c);
		if (text && NAME_IS(c, "sent"))
			error = st_unit_list_add(&out->sent, (const char *)text);
		else if (text && NAME_IS(c, "replied-without-comments"))
			error = st_unit_list_add(&out->replied, (const char *)text);
		xmlFree(text);
	}
	xmlFreeDoc(doc);
	if (error)
		st_comment_round_dispose(out);
	return error;
}

int st_comment_round_serialise(st_buf *out, const st_comment_round *round)
{
	xmlDoc *doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNode *root = NULL;
	char number[16];
	size_t i;
	int ok, error;

	if (!doc || !(root = xmlNewNode(NULL, (const xmlChar *)"round"))) {
		xmlFreeDoc(doc);
		return st_error_oom();
	}
	xmlDocSetRootElement(doc, root);
	snprintf(number, sizeof(number), "%u", round->last_number);
	ok = xmlSetProp(root, (const xmlChar *)"last-number", (const xmlChar *)number) != NULL;
	for (i = 0; i < round->sent.n; i++)
		ok &= text_child(root, "sent", round->sent.items[i]) != NULL;
	for (i = 0; i < round->replied.n; i++)
		ok &= text_child(root, "replied-without-comments", round->replied.items[i]) != NULL;
	error = ok ? st_xml_serialise(out, doc) : st_error_oom();
	xmlFreeDoc(doc);
	return error;
}

/* ------------------------------------------------------------------ */
/* The comments of a draft                                              */

void st_comments_dispose(st_comments *comments)
{
	size_t i;

	if (!comments)
		return;
	for (i = 0; i < comments->n; i++)
		st_comment_free(comments->items[i]);
	free(comments->items);
	memset(comments, 0, sizeof(*comments));
}

int st_comments_add(st_comments *comments, st_comment *comment)
{
	if (st_array_grow(&comments->items, &comments->alloc, comments->n,
			  sizeof(*comments->items)) < 0)
		return st_error_oom();
	comments->items[comments->n++] = comment;
	return 0;
}

st_comment *st_comments_find(const st_comments *comments, unsigned number)
{
	size_t i;

	for (i = 0; i < comments->n; i++)
		if (comments->items[i]->number == number)
			return comments->items[i];
	return NULL;
}

unsigned st_comments_next_number(const st_comments *comments, const st_comment_round *round)
{
	unsigned last = round ? round->last_number : 0;
	size_t i;

	for (i = 0; i < comments->n; i++)
		if (comments->items[i]->number > last)
			last = comments->items[i]->number;
	return last + 1;
}

size_t st_comments_open(const st_comments *comments)
{
	size_t i, n = 0;

	for (i = 0; i < comments->n; i++)
		if (comments->items[i]->disposition == ST_DISPOSITION_OPEN)
			n++;
	return n;
}

struct read_state {
	st_comments *comments;
	st_comment_round *round;
	const char *id;
	st_buf name;
};

static int read_cb(const char *file, const char *data, size_t len, void *payload)
{
	struct read_state *s = payload;
	st_comment *c = NULL;
	size_t flen = strlen(file), i;
	unsigned number = 0;
	int error;

	st_buf_clear(&s->name);
	st_buf_printf(&s->name, "drafts/%s/comments/%s", s->id, file);
	if ((error = st_buf_check(&s->name)) < 0)
		return error;
	if (strcmp(file, "round.xml") == 0) {
		if (!s->round)
			return 0;
		st_comment_round_dispose(s->round);
		return st_comment_round_parse(s->round, data, len, s->name.ptr);
	}
	if (flen < 5 || strcmp(file + flen - 4, ".xml") != 0)
		return 0;
	for (i = 0; i < flen - 4; i++) {
		if (file[i] < '0' || file[i] > '9' || (i == 0 && file[i] == '0'))
			return st_error_set(ST_EINVALID,
				_("%s: a comment's file is named after its number (N.xml)"), s->name.ptr);
		number = number * 10 + (unsigned)(file[i] - '0');
		if (number > 999999)
			break;
	}
	if ((error = st_comment_parse(&c, data, len, s->name.ptr)) < 0)
		return error;
	if (c->number != number) {
		error = st_error_set(ST_EINVALID, _("%s holds comment %u"), s->name.ptr, c->number);
		st_comment_free(c);
		return error;
	}
	if ((error = st_comments_add(s->comments, c)) < 0)
		st_comment_free(c);
	return error;
}

static int by_number(const void *a, const void *b)
{
	const st_comment *x = *(st_comment *const *)a, *y = *(st_comment *const *)b;

	return x->number < y->number ? -1 : x->number > y->number;
}

int st_comments_read(st_comments *out, st_comment_round *round, st_repo *repo, const char *id)
{
	struct read_state s;
	st_buf folder = ST_BUF_INIT;
	int error;

	memset(out, 0, sizeof(*out));
	if (round)
		memset(round, 0, sizeof(*round));
	s.comments = out;
	s.round = round;
	s.id = id;
	st_buf_init(&s.name);
	st_buf_printf(&folder, "drafts/%s/comments", id);
	if ((error = st_buf_check(&folder)) == 0)
		error = st_repo_each_blob(repo, folder.ptr, read_cb, &s);
	st_buf_dispose(&folder);
	st_buf_dispose(&s.name);
	if (error < 0) {
		st_comments_dispose(out);
		st_comment_round_dispose(round);
		return error;
	}
	if (out->n > 1)
		qsort(out->items, out->n, sizeof(*out->items), by_number);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Counts                                                               */

int st_comment_counts_compute(st_comment_counts *out, const st_comment_round *round,
			      const st_comments *comments)
{
	st_unit_list commented = { NULL, 0, 0 };
	size_t i, replied;
	int error = 0;

	memset(out, 0, sizeof(*out));
	for (i = 0; comments && i < comments->n && !error; i++)
		error = st_unit_list_add(&commented, comments->items[i]->by);
	if (error) {
		unit_list_dispose(&commented);
		return error;
	}
	replied = commented.n;
	for (i = 0; round && i < round->replied.n; i++)
		if (!st_unit_list_has(&commented, round->replied.items[i]))
			replied++;
	out->sent = round ? round->sent.n : 0;
	out->with_comments = commented.n;
	out->replied = replied;
	out->not_replied = out->sent > replied ? out->sent - replied : 0;
	unit_list_dispose(&commented);
	return 0;
}

/* ------------------------------------------------------------------ */
/* The draft commented on                                               */

struct id_entry {
	const char *id;  /* borrowed from 'ids' */
	xmlNode *node;
};

struct numbered {
	xmlNode *node;
	enum st_num_kind kind;
	const char *label; /* borrowed from the numbering */
};

struct titled {
	char *title;       /* white space collapsed */
	xmlNode *node;
};

struct st_comment_draft {
	xmlDoc *doc;
	st_numbering *nb;
	st_profile profile;
	char *name;
	st_buf ids;                 /* every id, NUL-separated */
	struct id_entry *by_id;     /* sorted by id */
	size_t nids, aids;
	struct numbered *numbered;
	size_t nnumbered, anumbered;
	struct titled *titled;      /* unnumbered sections with a title */
	size_t ntitled, atitled;
	char *number, *title, *committee;
};

void st_comment_draft_free(st_comment_draft *d)
{
	size_t i;

	if (!d)
		return;
	st_numbering_free(d->nb);
	xmlFreeDoc(d->doc);
	st_buf_dispose(&d->ids);
	free(d->by_id);
	free(d->numbered);
	for (i = 0; i < d->ntitled; i++)
		free(d->titled[i].title);
	free(d->titled);
	free(d->name);
	free(d->number);
	free(d->title);
	free(d->committee);
	free(d);
}

st_profile st_comment_draft_profile(const st_comment_draft *d)
{
	return d->profile;
}

/* The text of 'node' with runs of white space made one space, trimmed. */
static char *collapsed_text(xmlNode *node)
{
	xmlChar *text = xmlNodeGetContent(node);
	char *out, *w;
	const char *r;
	size_t n;
	int space = 0;

	if (!text)
		return NULL;
	if (!(out = malloc(strlen((const char *)text) + 1))) {
		xmlFree(text);
		return NULL;
	}
	for (r = (const char *)text, w = out; *r;) {
		if ((n = space_at(r)) > 0) {
			space = 1;
			r += n;
			continue;
		}
		if (space && w > out)
			*w++ = ' ';
		space = 0;
		*w++ = *r++;
	}
	*w = '\0';
	xmlFree(text);
	return out;
}

static int by_id_cmp(const void *a, const void *b)
{
	const struct id_entry *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	/* Equal ids keep document order: the first one wins a lookup. */
	if (c == 0)
		return x->node < y->node ? -1 : x->node > y->node;
	return c;
}

struct collect {
	st_comment_draft *d;
	st_buf offsets;  /* size_t offsets into d->ids, one per id */
	int error;
};

static int is_section(const xmlNode *n)
{
	return NAME_IS(n, "sec") || NAME_IS(n, "ref-list") || NAME_IS(n, "app") ||
	       NAME_IS(n, "app-group") || NAME_IS(n, "term-sec");
}

static void collect_ids(struct collect *c, xmlNode *node)
{
	xmlNode *n;

	for (n = node; n && !c->error; n = n->next) {
		xmlChar *id;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!n->ns && NAME_IS(n, "std-meta"))
			continue; /* the cover's data is not commented on by id */
		if ((id = xmlGetNoNsProp(n, (const xmlChar *)"id"))) {
			size_t offset = c->d->ids.size;
			st_buf_put(&c->d->ids, (const char *)id, strlen((const char *)id) + 1);
			st_buf_put(&c->offsets, (const char *)&offset, sizeof(offset));
			if (st_array_grow(&c->d->by_id, &c->d->aids, c->d->nids,
					  sizeof(*c->d->by_id)) < 0)
				c->error = st_error_oom();
			else
				c->d->by_id[c->d->nids++].node = n;
			xmlFree(id);
		}
		if (!n->ns && is_section(n) && !n->_private) {
			xmlNode *t = child(n, "title");
			char *title = t ? collapsed_text(t) : NULL;
			if (title && *title &&
			    st_array_grow(&c->d->titled, &c->d->atitled, c->d->ntitled,
					  sizeof(*c->d->titled)) == 0) {
				c->d->titled[c->d->ntitled].title = title;
				c->d->titled[c->d->ntitled++].node = n;
			} else {
				free(title);
			}
		}
		if (n->children)
			collect_ids(c, n->children);
	}
}

static int numbered_cb(xmlNode *node, enum st_num_kind kind, const char *label,
		       const xmlNode *hand, void *payload)
{
	st_comment_draft *d = payload;

	(void)hand;
	if (st_array_grow(&d->numbered, &d->anumbered, d->nnumbered, sizeof(*d->numbered)) < 0)
		return st_error_oom();
	d->numbered[d->nnumbered].node = node;
	d->numbered[d->nnumbered].kind = kind;
	d->numbered[d->nnumbered++].label = label;
	return 0;
}

/* The whole title: 'full', or intro, main and compl joined as the profile does. */
static int join_title(char **out, xmlNode *wrap, st_profile profile)
{
	static const char *const parts[] = { "intro", "main", "compl" };
	st_buf title = ST_BUF_INIT;
	xmlNode *full = child(wrap, "full");
	size_t i;

	*out = NULL;
	if (full) {
		*out = collapsed_text(full);
		return *out ? 0 : st_error_oom();
	}
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		xmlNode *part = child(wrap, parts[i]);
		char *text = part ? collapsed_text(part) : NULL;
		if (text && *text) {
			if (title.size)
				st_buf_puts(&title, profile == ST_PROFILE_GBT ? "\xe3\x80\x80" : " \xe2\x80\x94 ");
			st_buf_puts(&title, text);
		}
		free(text);
	}
	if (st_buf_check(&title) < 0)
		return st_buf_check(&title);
	*out = st_buf_detach(&title);
	return 0;
}

/* Number, title and committee from std-meta (or iso-meta, nat-meta). */
static int read_front(st_comment_draft *d)
{
	xmlNode *root = xmlDocGetRootElement(d->doc), *front = child(root, "front"), *meta, *c;
	const char *lang = d->profile == ST_PROFILE_GBT ? "zh" : "en";
	int error = 0;

	meta = child(front, "std-meta");
	if (!meta)
		meta = child(front, "nat-meta");
	if (!meta)
		meta = child(front, "iso-meta");
	if (!meta)
		return 0;
	for (c = meta->children; c && !error; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (NAME_IS(c, "title-wrap")) {
			xmlChar *l = xmlNodeGetLang(c);
			if (!d->title && (!l || strncmp((const char *)l, lang, 2) == 0))
				error = join_title(&d->title, c, d->profile);
			xmlFree(l);
		} else if (NAME_IS(c, "std-ref") && !d->number) {
			if (!(d->number = collapsed_text(c)))
				error = st_error_oom();
		} else if (NAME_IS(c, "comm-ref") && !d->committee) {
			if (!(d->committee = collapsed_text(c)))
				error = st_error_oom();
		}
	}
	/* Empty values are no values. */
	if (d->title && !*d->title) { free(d->title); d->title = NULL; }
	if (d->number && !*d->number) { free(d->number); d->number = NULL; }
	if (d->committee && !*d->committee) { free(d->committee); d->committee = NULL; }
	return error;
}

int st_comment_draft_load(st_comment_draft **out, const char *data, size_t len,
			  const char *name, st_profile profile)
{
	st_comment_draft *d;
	struct collect c;
	size_t i;
	int error;

	*out = NULL;
	if (!(d = calloc(1, sizeof(*d))))
		return st_error_oom();
	st_buf_init(&d->ids);
	memset(&c, 0, sizeof(c));
	st_buf_init(&c.offsets);
	if (!(d->name = strdup(name))) {
		error = st_error_oom();
		goto done;
	}
	if ((error = st_xml_parse_memory(&d->doc, data, len, name)) < 0)
		goto done;
	d->profile = profile != ST_PROFILE_NONE ? profile : st_draft_profile_of(d->doc);
	if ((error = st_numbering_compute(&d->nb, d->doc, d->profile)) < 0 ||
	    (error = st_numbering_each(d->nb, numbered_cb, d)) < 0)
		goto done;
	c.d = d;
	collect_ids(&c, xmlDocGetRootElement(d->doc));
	if ((error = c.error) < 0 || (error = st_buf_check(&d->ids)) < 0 ||
	    (error = st_buf_check(&c.offsets)) < 0)
		goto done;
	/* The buffer has stopped moving: point the entries into it. */
	for (i = 0; i < d->nids; i++) {
		size_t offset;
		memcpy(&offset, c.offsets.ptr + i * sizeof(offset), sizeof(offset));
		d->by_id[i].id = d->ids.ptr + offset;
	}
	if (d->nids > 1)
		qsort(d->by_id, d->nids, sizeof(*d->by_id), by_id_cmp);
	if ((error = read_front(d)) < 0)
		goto done;
	*out = d;
	d = NULL;
done:
	st_buf_dispose(&c.offsets);
	st_comment_draft_free(d);
	return error;
}

int st_comment_draft_read(st_comment_draft **out, st_repo *repo, const char *id, st_profile profile)
{
	st_buf path = ST_BUF_INIT, data = ST_BUF_INIT;
	int error;

	*out = NULL;
	st_draft_path(&path, id, "draft.xml");
	if ((error = st_buf_check(&path)) == 0 &&
	    (error = st_repo_read(&data, repo, path.ptr)) == 0)
		error = st_comment_draft_load(out, data.ptr, data.size, path.ptr, profile);
	else if (error == ST_ENOTFOUND)
		error = st_error_set(ST_ENOTFOUND, _("there is no draft '%s'"), id);
	st_buf_dispose(&path);
	st_buf_dispose(&data);
	return error;
}

static xmlNode *find_id(const st_comment_draft *d, const char *id)
{
	size_t lo = 0, hi = d->nids;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(d->by_id[mid].id, id);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < d->nids && strcmp(d->by_id[lo].id, id) == 0 ? d->by_id[lo].node : NULL;
}

/* What a number with a word names. */
enum ref_class { REF_BARE, REF_CLAUSE, REF_ANNEX, REF_TABLE, REF_FIGURE, REF_FORMULA };

static int is_general(const char *ref)
{
	return !*ref || ascii_casecmp(ref, "general") == 0 || strcmp(ref, "总体") == 0 ||
	       strcmp(ref, "全文") == 0;
}

/* Strips 'suffix' from the end of buf (of length *len); 1 when it did. */
static int strip_suffix(char *buf, size_t *len, const char *suffix)
{
	size_t n = strlen(suffix);

	if (*len > n && memcmp(buf + *len - n, suffix, n) == 0) {
		*len -= n;
		buf[*len] = '\0';
		return 1;
	}
	return 0;
}

/* Splits "Table A.1" into REF_TABLE and "A.1" (in 'number'). */
static enum ref_class split_ref(char *number, size_t size, const char *ref)
{
	static const struct {
		const char *word;
		enum ref_class cls;
		int english;
	} words[] = {
		{ "subclause", REF_CLAUSE, 1 }, { "clause", REF_CLAUSE, 1 },
		{ "annex", REF_ANNEX, 1 }, { "appendix", REF_ANNEX, 1 },
		{ "table", REF_TABLE, 1 }, { "figure", REF_FIGURE, 1 }, { "fig.", REF_FIGURE, 1 },
		{ "formula", REF_FORMULA, 1 }, { "equation", REF_FORMULA, 1 },
		{ "第", REF_CLAUSE, 0 }, { "附录", REF_ANNEX, 0 }, { "表", REF_TABLE, 0 },
		{ "图", REF_FIGURE, 0 }, { "公式", REF_FORMULA, 0 },
	};
	enum ref_class cls = REF_BARE;
	const char *p = ref;
	size_t i, n = 0, len;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		n = words[i].english ? ascii_prefix(ref, words[i].word) :
		    (strncmp(ref, words[i].word, strlen(words[i].word)) == 0 ? strlen(words[i].word) : 0);
		if (n && words[i].english && word_char(ref[n]))
			n = 0;
		if (n) {
			cls = words[i].cls;
			break;
		}
	}
	p = ref + n;
	while ((n = space_at(p)) > 0)
		p += n;
	snprintf(number, size, "%s", p);
	len = strlen(number);
	while ((n = space_before(number, len)) > 0)
		number[len -= n] = '\0';
	if (cls == REF_BARE || cls == REF_CLAUSE) {
		/* 第5章, 5.2条 */
		if (!strip_suffix(number, &len, "章"))
			strip_suffix(number, &len, "条");
		while ((n = space_before(number, len)) > 0)
			number[len -= n] = '\0';
	}
	if (cls == REF_FORMULA) {
		/* (3) or （3） */
		if ((number[0] == '(' && strip_suffix(number, &len, ")")) ||
		    (strncmp(number, "（", 3) == 0 && strip_suffix(number, &len, "）"))) {
			size_t skip = number[0] == '(' ? 1 : 3;
			memmove(number, number + skip, len - skip + 1);
			len -= skip;
		}
	}
	if (len > 1 && number[len - 1] == '.')
		number[--len] = '\0';
	return cls;
}

static int kind_fits(enum ref_class cls, enum st_num_kind kind)
{
	switch (cls) {
	case REF_BARE:
		return kind == ST_NUM_CLAUSE || kind == ST_NUM_SUBCLAUSE || kind == ST_NUM_TERM ||
		       kind == ST_NUM_ANNEX;
	case REF_CLAUSE:
		return kind == ST_NUM_CLAUSE || kind == ST_NUM_SUBCLAUSE || kind == ST_NUM_TERM;
	case REF_ANNEX:
		return kind == ST_NUM_ANNEX;
	case REF_TABLE:
		return kind == ST_NUM_TABLE;
	case REF_FIGURE:
		return kind == ST_NUM_FIGURE;
	case REF_FORMULA:
		return kind == ST_NUM_FORMULA;
	}
	return 0;
}

static const xmlNode *find_number(const st_comment_draft *d, enum ref_class cls, const char *number)
{
	size_t i;

	if (!*number)
		return NULL;
	for (i = 0; i < d->nnumbered; i++) {
		const struct numbered *e = &d->numbered[i];
		const char *label = e->label;
		if (!kind_fits(cls, e->kind))
			continue;
		if (e->kind == ST_NUM_FORMULA && label[0] == '(') {
			size_t n = strlen(label);
			if (n == strlen(number) + 2 && strncmp(label + 1, number, n - 2) == 0)
				return e->node;
			continue;
		}
		if (strcmp(label, number) == 0)
			return e->node;
	}
	return NULL;
}

static const xmlNode *find_title(const st_comment_draft *d, const char *ref)
{
	size_t i;

	for (i = 0; i < d->ntitled; i++)
		if (ascii_casecmp(d->titled[i].title, ref) == 0)
			return d->titled[i].node;
	return NULL;
}

int st_comment_clause_resolve(char **id, const st_comment_draft *d, const char *ref)
{
	char *copy = NULL, number[256];
	const xmlNode *node = NULL;
	enum ref_class cls;
	xmlChar *own;
	int error;

	*id = NULL;
	if ((error = clean_copy(&copy, ref)) < 0)
		return error;
	if (!copy || is_general(copy)) {
		free(copy);
		return 0;
	}
	if (find_id(d, copy)) {
		*id = copy;
		return 0;
	}
	cls = split_ref(number, sizeof(number), copy);
	node = find_number(d, cls, number);
	if (!node && cls == REF_BARE)
		node = find_title(d, copy);
	if (!node) {
		error = st_error_set(ST_EINVALID,
			_("no clause, annex, table, figure or element id '%s' in %s"), copy, d->name);
		free(copy);
		return error;
	}
	own = xmlGetNoNsProp((xmlNode *)node, (const xmlChar *)"id");
	if (!own || !*own) {
		error = st_error_set(ST_EINVALID,
			_("'%s' has no id in %s, and a comment is tied to an element by its id: give the element an id first"),
			copy, d->name);
		xmlFree(own);
		free(copy);
		return error;
	}
	free(copy);
	*id = strdup((const char *)own);
	xmlFree(own);
	return *id ? 0 : st_error_oom();
}

int st_comment_clause_label(st_buf *out, const st_comment_draft *d, const char *id)
{
	xmlNode *node, *n;

	if (!id || !*id)
		return ST_CLAUSE_GENERAL;
	if (!(node = find_id(d, id)))
		return ST_CLAUSE_MISSING;
	for (n = node; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
		enum st_num_kind kind;
		const char *label = st_numbering_label(d->nb, n, &kind, NULL);
		if (label) {
			switch (kind) {
			case ST_NUM_CLAUSE:
			case ST_NUM_SUBCLAUSE:
			case ST_NUM_TERM:
				st_buf_puts(out, label);
				return st_buf_check(out) < 0 ? ST_ERROR : ST_CLAUSE_FOUND;
			case ST_NUM_ANNEX:
			case ST_NUM_TABLE:
			case ST_NUM_FIGURE:
			case ST_NUM_FORMULA: {
				int error = st_numbering_ref_text(out, d->nb, n);
				return error < 0 ? error : ST_CLAUSE_FOUND;
			}
			default:
				continue;
			}
		}
		if (!n->ns && is_section(n)) {
			xmlNode *t = child(n, "title");
			char *title = t ? collapsed_text(t) : NULL;
			if (title && *title) {
				st_buf_puts(out, title);
				free(title);
				return st_buf_check(out) < 0 ? ST_ERROR : ST_CLAUSE_FOUND;
			}
			free(title);
		}
	}
	st_buf_puts(out, id);
	return st_buf_check(out) < 0 ? ST_ERROR : ST_CLAUSE_FOUND;
}

/* ------------------------------------------------------------------ */
/* Import                                                               */

enum column {
	COL_BY, COL_LINE, COL_CLAUSE, COL_PARA, COL_TYPE, COL_TEXT, COL_PROPOSAL, COL_OBS,
	COL_SERIAL, COL_REMARK, NCOLUMNS
};

/* Header names after normalise_header(): lower case, no notes. */
static const struct {
	const char *name;
	enum column col;
	int sac;
} header_names[] = {
	{ "mb/nc", COL_BY, 0 }, { "member body", COL_BY, 0 },
	{ "line number", COL_LINE, 0 }, { "line", COL_LINE, 0 },
	{ "clause/subclause", COL_CLAUSE, 0 }, { "clause", COL_CLAUSE, 0 },
	{ "paragraph/figure/table", COL_PARA, 0 }, { "paragraph/figure/table/note", COL_PARA, 0 },
	{ "type of comment", COL_TYPE, 0 }, { "type", COL_TYPE, 0 },
	{ "comments", COL_TEXT, 0 }, { "comment", COL_TEXT, 0 },
	{ "proposed change", COL_PROPOSAL, 0 }, { "proposed changes", COL_PROPOSAL, 0 },
	{ "observations of the secretariat", COL_OBS, 0 }, { "observations", COL_OBS, 0 },
	{ "secretariat observations", COL_OBS, 0 },
	{ "序号", COL_SERIAL, 1 }, { "章条编号", COL_CLAUSE, 1 }, { "标准章条编号", COL_CLAUSE, 1 },
	{ "意见内容", COL_TEXT, 1 }, { "提出单位", COL_BY, 1 }, { "处理意见", COL_OBS, 1 },
	{ "备注", COL_REMARK, 1 }, { "意见类型", COL_TYPE, 1 }, { "类型", COL_TYPE, 1 },
	{ "修改建议", COL_PROPOSAL, 1 },
};
#define NHEADER_NAMES (sizeof(header_names) / sizeof(header_names[0]))

struct importer {
	const st_comment_import_options *opts;
	st_comments *out;
	size_t problems;
	st_profile profile;
};

static void report(struct importer *im, size_t line, const char *message)
{
	im->problems++;
	im->opts->report(line, message, im->opts->payload);
}

/*
 * "Clause/ Subclause (e.g. 3.1)" → "clause/subclause", "MB/NC¹" → "mb/nc":
 * lower case, no parenthesised notes, footnote marks, digits or '*',
 * white space made one space and none around '/', no final '/' or ':'.
 */
static void normalise_header(st_buf *out, const char *in)
{
	const char *p = in;
	int depth = 0, space = 0;
	size_t n;

	st_buf_clear(out);
	while (*p) {
		if (*p == '(' || strncmp(p, "（", 3) == 0) {
			depth++;
			p += *p == '(' ? 1 : 3;
			continue;
		}
		if (*p == ')' || strncmp(p, "）", 3) == 0) {
			if (depth)
				depth--;
			p += *p == ')' ? 1 : 3;
			continue;
		}
		if (depth) {
			p++;
			continue;
		}
		if ((n = space_at(p)) > 0) {
			space = 1;
			p += n;
			continue;
		}
		if ((*p >= '0' && *p <= '9') || *p == '*') {
			p++;
			continue;
		}
		/* ¹ ² ³ and ⁰ ⁴-⁹ */
		if (strncmp(p, "\xc2\xb9", 2) == 0 || strncmp(p, "\xc2\xb2", 2) == 0 ||
		    strncmp(p, "\xc2\xb3", 2) == 0) {
			p += 2;
			continue;
		}
		if (strncmp(p, "\xe2\x81", 2) == 0 && ((unsigned char)p[2] == 0xb0 ||
		    ((unsigned char)p[2] >= 0xb4 && (unsigned char)p[2] <= 0xb9))) {
			p += 3;
			continue;
		}
		if (space && out->size && *p != '/' && out->ptr[out->size - 1] != '/')
			st_buf_putc(out, ' ');
		space = 0;
		st_buf_putc(out, (char)ascii_lower((unsigned char)*p));
		p++;
	}
	while (out->size && !out->failed &&
	       (out->ptr[out->size - 1] == '/' || out->ptr[out->size - 1] == ':' ||
		out->ptr[out->size - 1] == ' '))
		out->ptr[--out->size] = '\0';
	if (out->size >= 3 && !out->failed && strcmp(out->ptr + out->size - 3, "：") == 0) {
		out->size -= 3;
		out->ptr[out->size] = '\0';
	}
}

static int header_column(st_buf *scratch, const char *cell, int *sac)
{
	size_t i;

	normalise_header(scratch, cell);
	if (scratch->failed || !scratch->size)
		return -1;
	for (i = 0; i < NHEADER_NAMES; i++) {
		if (strcmp(scratch->ptr, header_names[i].name) == 0) {
			if (sac)
				*sac = header_names[i].sac;
			return (int)header_names[i].col;
		}
	}
	return -1;
}

/* A footer line of a form saved with the table: "说明：①……", "NOTE ...". */
static int footer_row(const st_csv_row *row)
{
	static const char *const prefixes[] = {
		"说明", "①", "②", "③", "④", "注：", "NOTE", "Note", "\xc2\xb9", "\xc2\xb2",
		"1 MB", "2 Type", "MB =",
	};
	size_t i, k, len;

	if (!row->nfields)
		return 0;
	for (k = 1; k < row->nfields; k++) {
		char *copy = row->fields[k];
		for (i = 0; copy[i] && space_at(copy + i); i += space_at(copy + i))
			;
		if (copy[i])
			return 0;
	}
	for (i = 0; row->fields[0][i] && space_at(row->fields[0] + i); i += space_at(row->fields[0] + i))
		;
	for (k = 0; k < sizeof(prefixes) / sizeof(prefixes[0]); k++) {
		len = strlen(prefixes[k]);
		if (strncmp(row->fields[0] + i, prefixes[k], len) == 0)
			return 1;
	}
	return 0;
}

static int blank_row(const st_csv_row *row)
{
	size_t k, i;

	for (k = 0; k < row->nfields; k++) {
		const char *f = row->fields[k];
		for (i = 0; f[i] && space_at(f + i); i += space_at(f + i))
			;
		if (f[i])
			return 0;
	}
	return 1;
}

static int same_comment(const st_comment *a, const st_comment *b)
{
	return strcmp(a->by, b->by) == 0 && strcmp(a->text, b->text) == 0 &&
	       ((!a->clause && !b->clause) ||
		(a->clause && b->clause && strcmp(a->clause, b->clause) == 0));
}

/* Refuses a comment already recorded, or already in the file. */
static int check_duplicate(struct importer *im, const st_comment *c, size_t line)
{
	const st_comments *existing = im->opts->existing;
	char msg[512];
	size_t i;

	for (i = 0; existing && i < existing->n; i++) {
		if (same_comment(c, existing->items[i])) {
			snprintf(msg, sizeof(msg),
				 _("the same comment by %s is recorded already as #%u"),
				 c->by, existing->items[i]->number);
			report(im, line, msg);
			return 1;
		}
	}
	for (i = 0; i < im->out->n; i++) {
		if (same_comment(c, im->out->items[i])) {
			snprintf(msg, sizeof(msg), _("the same comment as on line %zu"),
				 im->out->items[i]->source_line);
			report(im, line, msg);
			return 1;
		}
	}
	return 0;
}

/*
 * Checks what every import path shares (type, disposition, texts, the
 * draft's rules, duplicates) and keeps the comment.  Takes 'c'.
 */
static int finish_comment(struct importer *im, st_comment *c, size_t line, int bad)
{
	int error;

	if (!bad && c->type == ST_COMMENT_TYPE_NONE && im->profile == ST_PROFILE_ISO) {
		report(im, line, _("a comment on an ISO draft needs its type: ge, te or ed"));
		bad = 1;
	}
	if (!bad && st_comment_normalise(c) < 0) {
		report(im, line, st_error_last());
		bad = 1;
	}
	if (!bad && st_disposition_check(c->disposition, c->note, im->profile) < 0) {
		report(im, line, st_error_last());
		bad = 1;
	}
	if (!bad && c->disposition != ST_DISPOSITION_OPEN && !c->resolved[0])
		snprintf(c->resolved, sizeof(c->resolved), "%s", im->opts->date);
	if (!c->stage[0])
		snprintf(c->stage, sizeof(c->stage), "%s", im->opts->stage);
	if (!c->date[0])
		snprintf(c->date, sizeof(c->date), "%s", im->opts->date);
	c->source_line = line;
	if (!bad && check_duplicate(im, c, line))
		bad = 1;
	if (bad) {
		st_comment_free(c);
		return 0;
	}
	if ((error = st_comments_add(im->out, c)) < 0)
		st_comment_free(c);
	return error;
}

/* Copies a trimmed cell into *field (NULL when empty). */
static int take_cell(char **field, const st_csv_row *row, int at)
{
	free(*field);
	*field = NULL;
	if (at < 0 || (size_t)at >= row->nfields)
		return 0;
	return clean_copy(field, row->fields[at]);
}

struct csv_form {
	int column[NCOLUMNS];      /* index of each column in a row, or -1 */
	const char *title[NCOLUMNS]; /* the header's own words */
	size_t width;
	int sac;
	const st_csv_row *header;
};

static int import_row(struct importer *im, const struct csv_form *form, const st_csv_row *row)
{
	st_comment *c = NULL;
	char msg[512];
	char *cell = NULL;
	size_t k;
	int bad = 0, error;

	if (row->nfields != form->width) {
		snprintf(msg, sizeof(msg),
			 Q_("the row has %zu field and the header %zu: a comma too many or too few, or a quote not closed",
			    "the row has %zu fields and the header %zu: a comma too many or too few, or a quote not closed",
			    row->nfields),
			 row->nfields, form->width);
		report(im, row->line, msg);
		return 0;
	}
	for (k = 0; k < row->nfields; k++) {
		size_t i;
		int named = 0, col;
		for (col = 0; col < NCOLUMNS; col++)
			if (form->column[col] == (int)k)
				named = 1;
		if (named)
			continue;
		for (i = 0; row->fields[k][i] && space_at(row->fields[k] + i); i += space_at(row->fields[k] + i))
			;
		if (row->fields[k][i]) {
			snprintf(msg, sizeof(msg), _("a value in field %zu, which has no column name"), k + 1);
			report(im, row->line, msg);
			bad = 1;
		}
	}
	if ((error = st_comment_new(&c)) < 0)
		return error;
	if ((error = take_cell(&c->by, row, form->column[COL_BY])) < 0 ||
	    (error = take_cell(&c->text, row, form->column[COL_TEXT])) < 0 ||
	    (error = take_cell(&c->line, row, form->column[COL_LINE])) < 0 ||
	    (error = take_cell(&c->paragraph, row, form->column[COL_PARA])) < 0 ||
	    (error = take_cell(&c->proposal, row, form->column[COL_PROPOSAL])) < 0 ||
	    (error = take_cell(&c->remark, row, form->column[COL_REMARK])) < 0)
		goto fail;
	if (!c->by) {
		snprintf(msg, sizeof(msg), _("'%s' is empty"), form->title[COL_BY]);
		report(im, row->line, msg);
		bad = 1;
	}
	if (!c->text) {
		snprintf(msg, sizeof(msg), _("'%s' is empty: the comment has no text"), form->title[COL_TEXT]);
		report(im, row->line, msg);
		bad = 1;
	}
	if ((error = take_cell(&cell, row, form->column[COL_CLAUSE])) < 0)
		goto fail;
	if (st_comment_clause_resolve(&c->clause, im->opts->draft, cell ? cell : "") < 0) {
		report(im, row->line, st_error_last());
		bad = 1;
	}
	if ((error = take_cell(&cell, row, form->column[COL_TYPE])) < 0)
		goto fail;
	if (cell) {
		if (st_comment_type_parse(&c->type, cell) < 0) {
			report(im, row->line, st_error_last());
			bad = 1;
		}
	} else if (!form->sac) {
		snprintf(msg, sizeof(msg), _("'%s' is empty (ge, te or ed)"), form->title[COL_TYPE]);
		report(im, row->line, msg);
		bad = 1;
	}
	if ((error = take_cell(&cell, row, form->column[COL_OBS])) < 0)
		goto fail;
	if (cell && st_disposition_from_text(&c->disposition, &c->note, cell) < 0) {
		report(im, row->line, st_error_last());
		bad = 1;
	}
	free(cell);
	return finish_comment(im, c, row->line, bad);
fail:
	free(cell);
	st_comment_free(c);
	return error;
}

static int import_csv(struct importer *im, const char *data, size_t len)
{
	static const enum column iso_required[] = { COL_BY, COL_CLAUSE, COL_TYPE, COL_TEXT };
	static const enum column sac_required[] = { COL_CLAUSE, COL_TEXT, COL_BY };
	static const char *const iso_titles[NCOLUMNS] = {
		"MB/NC", "Line number", "Clause/Subclause", "Paragraph/Figure/Table",
		"Type of comment", "Comments", "Proposed change", "Observations of the secretariat",
		"序号", "备注",
	};
	static const char *const sac_titles[NCOLUMNS] = {
		"提出单位", "Line number", "章条编号", "Paragraph/Figure/Table", "类型", "意见内容",
		"修改建议", "处理意见", "序号", "备注",
	};
	const st_csv_row *header = NULL;
	struct csv_form form;
	st_csv csv = { NULL, 0 };
	st_buf scratch = ST_BUF_INIT;
	char msg[512];
	size_t r, k, first = 0;
	int error, header_bad = 0, col;

	memset(&form, 0, sizeof(form));
	if ((error = st_csv_parse(&csv, data, len, im->opts->name)) < 0) {
		if (error != ST_EINVALID)
			return error;
		/* Quoting: the message names file and line already. */
		report(im, 0, st_error_last());
		return 0;
	}
	if (!csv.nrows) {
		report(im, 1, _("the file has no rows"));
		goto done;
	}
	/* The header: the first row naming two known columns (a form saved
	 * from a spreadsheet may have its title above it). */
	for (r = 0; r < csv.nrows && r < 20 && !header; r++) {
		size_t known = 0;
		for (k = 0; k < csv.rows[r].nfields; k++)
			if (header_column(&scratch, csv.rows[r].fields[k], NULL) >= 0)
				known++;
		if (known >= 2) {
			header = &csv.rows[r];
			first = r + 1;
		}
	}
	if (!header) {
		report(im, csv.rows[0].line,
		       _("no header row: name the columns of the ISO comment form (MB/NC, Clause/Subclause, Type of comment, Comments ...) or of the SAC table (章条编号, 意见内容, 提出单位 ...)"));
		goto done;
	}
	for (col = 0; col < NCOLUMNS; col++)
		form.column[col] = -1;
	for (k = 0; k < header->nfields; k++) {
		int sac = 0;
		if ((col = header_column(&scratch, header->fields[k], &sac)) >= 0 && sac)
			form.sac = 1;
	}
	for (k = 0; k < header->nfields; k++) {
		char *name = NULL;
		if ((error = clean_copy(&name, header->fields[k])) < 0)
			goto done;
		col = header_column(&scratch, header->fields[k], NULL);
		if (!name) {
			/* an unnamed column may stay empty */
		} else if (col < 0) {
			snprintf(msg, sizeof(msg), _("unknown column '%s'"), name);
			report(im, header->line, msg);
			header_bad = 1;
		} else if (form.column[col] >= 0) {
			snprintf(msg, sizeof(msg), _("column '%s' appears twice"), name);
			report(im, header->line, msg);
			header_bad = 1;
		} else {
			form.column[col] = (int)k;
		}
		free(name);
	}
	for (col = 0; col < NCOLUMNS; col++)
		form.title[col] = form.sac ? sac_titles[col] : iso_titles[col];
	{
		const enum column *required = form.sac ? sac_required : iso_required;
		size_t nrequired = form.sac ? sizeof(sac_required) / sizeof(sac_required[0]) :
					      sizeof(iso_required) / sizeof(iso_required[0]);
		for (k = 0; k < nrequired; k++) {
			if (form.column[required[k]] >= 0)
				continue;
			snprintf(msg, sizeof(msg), form.sac ?
				 _("no column '%s' (the SAC table needs 章条编号, 意见内容 and 提出单位)") :
				 _("no column '%s' (the ISO comment form needs MB/NC, Clause/Subclause, Type of comment and Comments)"),
				 form.title[required[k]]);
			report(im, header->line, msg);
			header_bad = 1;
		}
	}
	if (header_bad)
		goto done;
	form.width = header->nfields;
	form.header = header;
	/* The column's own words in messages. */
	for (col = 0; col < NCOLUMNS; col++) {
		if (form.column[col] >= 0) {
			const char *t = header->fields[form.column[col]];
			while (space_at(t))
				t += space_at(t);
			form.title[col] = t;
		}
	}
	for (r = first; r < csv.nrows; r++) {
		const st_csv_row *row = &csv.rows[r];
		if (blank_row(row) || footer_row(row))
			continue;
		if ((error = import_row(im, &form, row)) < 0)
			goto done;
	}
	if (!im->out->n && !im->problems)
		report(im, header->line, _("the file has no comments under its header"));
	error = 0;
done:
	st_buf_dispose(&scratch);
	st_csv_free(&csv);
	return error;
}

static int import_xml(struct importer *im, st_comment_round *units, const char *data, size_t len);

/* Whether the text that is not UTF-8 reads as GB 18030 (GBK) throughout. */
static int reads_as_gb18030(const char *data, size_t len)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	char out[4096];
	char *in = (char *)data;
	size_t left = len;
	int ok = 1;

	if (cd == (iconv_t)-1)
		return 0;
	while (left > 0) {
		char *o = out;
		size_t room = sizeof(out);
		if (iconv(cd, &in, &left, &o, &room) == (size_t)-1 && errno != E2BIG) {
			ok = 0;
			break;
		}
	}
	iconv_close(cd);
	return ok;
}

/* Reports text that is not UTF-8; 1 when it did. */
static int check_encoding(struct importer *im, const char *data, size_t len)
{
	size_t start = 0, line = 1, p;

	if (len >= 2 && ((unsigned char)data[0] == 0xff && (unsigned char)data[1] == 0xfe)) {
		report(im, 1, _("the file is UTF-16 (Excel's 'Unicode text'): save it as 'CSV UTF-8' and import it again"));
		return 1;
	}
	if (len >= 2 && ((unsigned char)data[0] == 0xfe && (unsigned char)data[1] == 0xff)) {
		report(im, 1, _("the file is UTF-16: save it as 'CSV UTF-8' and import it again"));
		return 1;
	}
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		start = 3;
	for (p = start; p <= len; p++) {
		if (p == len || data[p] == '\n') {
			if (!st_utf8_valid(data + start, p - start)) {
				report(im, line, reads_as_gb18030(data, len) ?
				       _("not UTF-8: the file looks like GBK (GB 18030), as Excel saves CSV on a Chinese Windows; save it as 'CSV UTF-8' and import it again") :
				       _("not valid UTF-8 text: save the file as 'CSV UTF-8' and import it again"));
				return 1;
			}
			start = p + 1;
			line++;
		}
	}
	return 0;
}

int st_comment_import(st_comments *out, st_comment_round *units, const char *data, size_t len,
		      const st_comment_import_options *opts, size_t *problems)
{
	struct importer im;
	size_t i = 0;
	int error;

	memset(out, 0, sizeof(*out));
	memset(&im, 0, sizeof(im));
	im.opts = opts;
	im.out = out;
	im.profile = st_comment_draft_profile(opts->draft);
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
		i++;
	if (i < len && data[i] == '<')
		error = import_xml(&im, units, data, len);
	else if (check_encoding(&im, data, len))
		error = 0;
	else
		error = import_csv(&im, data, len);
	*problems = im.problems;
	if (error < 0 || im.problems) {
		st_comments_dispose(out);
		return error < 0 ? error : st_error_set(ST_EINVALID,
			Q_("%s: %zu problem; nothing was imported", "%s: %zu problems; nothing was imported",
			   im.problems), opts->name, im.problems);
	}
	return 0;
}

static int schema_error_cb(long line, const char *message, void *payload)
{
	char msg[600];

	snprintf(msg, sizeof(msg), _("not as schemas/comment-form.rng has it: %s"), message);
	report(payload, (size_t)line, msg);
	return 0;
}

/*
 * What a person writing a form by hand gets wrong most, said plainly
 * before the schema's own words: a comment without its author, clause or
 * text, and an unknown type or disposition.  1 when something was found.
 */
static int precheck_form(struct importer *im, xmlNode *root)
{
	static const char *const needed[] = { "by", "clause", "text" };
	xmlNode *n;
	char msg[512];
	size_t i;
	int found = 0;

	for (n = root->children; n; n = n->next) {
		xmlChar *v;
		xmlNode *r;
		size_t line = (size_t)xmlGetLineNo(n);
		if (n->type != XML_ELEMENT_NODE || !NAME_IS(n, "comment"))
			continue;
		for (i = 0; i < sizeof(needed) / sizeof(needed[0]); i++) {
			if (child(n, needed[i]))
				continue;
			snprintf(msg, sizeof(msg), _("the comment has no <%s>"), needed[i]);
			report(im, line, msg);
			found = 1;
		}
		if ((v = xmlGetNoNsProp(n, (const xmlChar *)"type"))) {
			st_comment_type t;
			if (st_comment_type_parse(&t, (const char *)v) < 0 ||
			    strcmp((const char *)v, st_comment_type_name(t)) != 0) {
				snprintf(msg, sizeof(msg), _("unknown comment type '%s' (expected ge, te or ed)"),
					 (const char *)v);
				report(im, line, msg);
				found = 1;
			}
			xmlFree(v);
		}
		if ((r = child(n, "resolution")) &&
		    (v = xmlGetNoNsProp(r, (const xmlChar *)"disposition"))) {
			st_disposition d;
			if (st_disposition_parse(&d, (const char *)v) < 0 ||
			    strcmp((const char *)v, st_disposition_name(d)) != 0) {
				snprintf(msg, sizeof(msg),
					 _("unknown disposition '%s' (expected accepted, accepted-modified, rejected or noted)"),
					 (const char *)v);
				report(im, (size_t)xmlGetLineNo(r), msg);
				found = 1;
			}
			xmlFree(v);
		}
	}
	return found;
}

static int import_xml(struct importer *im, st_comment_round *units, const char *data, size_t len)
{
	const st_comment_import_options *opts = im->opts;
	st_schema *schema = NULL;
	st_buf path = ST_BUF_INIT;
	xmlDoc *doc = NULL;
	xmlNode *root, *n;
	char msg[512];
	int error, rc;

	if ((error = st_xml_parse_memory(&doc, data, len, opts->name)) < 0) {
		if (error != ST_EINVALID)
			return error;
		report(im, 0, st_error_last());
		return 0;
	}
	root = xmlDocGetRootElement(doc);
	if (!NAME_IS(root, "comment-form")) {
		snprintf(msg, sizeof(msg),
			 _("the root element is '%s': a comment form's is 'comment-form'"),
			 (const char *)root->name);
		report(im, (size_t)xmlGetLineNo(root), msg);
		goto done;
	}
	st_buf_printf(&path, "%s/schemas/comment-form.rng", opts->datadir);
	if ((error = st_buf_check(&path)) < 0 || (error = st_schema_load(&schema, path.ptr)) < 0)
		goto done;
	if (precheck_form(im, root))
		goto done;
	if ((rc = st_schema_validate_each(schema, doc, schema_error_cb, im)) != 0) {
		error = rc < 0 ? rc : 0;
		goto done;
	}
	for (n = root->children; n; n = n->next) {
		size_t line = (size_t)xmlGetLineNo(n);
		st_comment *c = NULL;
		xmlNode *clause;
		int bad = 0;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (NAME_IS(n, "units")) {
			xmlNode *u;
			for (u = n->children; u && units; u = u->next) {
				char *name = NULL;
				if (u->type != XML_ELEMENT_NODE)
					continue;
				{
					xmlChar *t = xmlNodeGetContent(u);
					error = t ? clean_copy(&name, (const char *)t) : 0;
					xmlFree(t);
				}
				if (error < 0)
					goto done;
				if (name)
					error = st_unit_list_add(NAME_IS(u, "sent") ? &units->sent :
								 &units->replied, name);
				free(name);
				if (error < 0)
					goto done;
			}
			continue;
		}
		if (!NAME_IS(n, "comment"))
			continue;
		if ((error = st_comment_new(&c)) < 0)
			goto done;
		if (comment_from_node(c, n, opts->name, 1) < 0) {
			report(im, line, st_error_last());
			bad = 1;
		}
		c->number = 0;
		clause = child(n, "clause");
		if (clause) {
			xmlChar *ref = xmlGetNoNsProp(clause, (const xmlChar *)"ref");
			if (ref) {
				if (find_id(opts->draft, (const char *)ref)) {
					if (!(c->clause = strdup((const char *)ref)))
						error = st_error_oom();
				} else {
					snprintf(msg, sizeof(msg), _("no element with the id '%s' in %s"),
						 (const char *)ref, opts->draft->name);
					report(im, (size_t)xmlGetLineNo(clause), msg);
					bad = 1;
				}
			} else {
				xmlChar *label = xmlNodeGetContent(clause);
				if (st_comment_clause_resolve(&c->clause, opts->draft,
							      label ? (const char *)label : "") < 0) {
					report(im, (size_t)xmlGetLineNo(clause), st_error_last());
					bad = 1;
				}
				xmlFree(label);
			}
			xmlFree(ref);
			if (error < 0) {
				st_comment_free(c);
				goto done;
			}
		}
		if ((error = finish_comment(im, c, line, bad)) < 0)
			goto done;
	}
	if (!im->out->n && !im->problems)
		report(im, (size_t)xmlGetLineNo(root), _("the form has no comments"));
	error = 0;
done:
	st_schema_free(schema);
	st_buf_dispose(&path);
	xmlFreeDoc(doc);
	return error;
}

/* ------------------------------------------------------------------ */
/* The form                                                             */

static int set_attr(xmlNode *n, const char *name, const char *value)
{
	if (!value || !*value)
		return 1;
	return xmlSetProp(n, (const xmlChar *)name, (const xmlChar *)value) != NULL;
}

static int count_attr(xmlNode *n, const char *name, size_t value)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%zu", value);
	return xmlSetProp(n, (const xmlChar *)name, (const xmlChar *)buf) != NULL;
}

static int form_comment(xmlNode *root, const st_comment_draft *d, const st_comment *c)
{
	xmlNode *n = xmlNewChild(root, NULL, (const xmlChar *)"comment", NULL), *cl, *r;
	st_buf label = ST_BUF_INIT;
	char number[16];
	int ok, state;

	if (!n)
		return st_error_oom();
	snprintf(number, sizeof(number), "%u", c->number);
	ok = set_attr(n, "number", number);
	ok &= set_attr(n, "type", st_comment_type_name(c->type));
	ok &= set_attr(n, "stage", c->stage);
	ok &= set_attr(n, "date", c->date);
	ok &= text_child(n, "by", c->by) != NULL;
	if ((state = st_comment_clause_label(&label, d, c->clause)) < 0) {
		st_buf_dispose(&label);
		return state;
	}
	ok &= (cl = text_child(n, "clause", state == ST_CLAUSE_FOUND ? label.ptr : NULL)) != NULL;
	if (cl && c->clause)
		ok &= set_attr(cl, "ref", c->clause);
	if (cl && state == ST_CLAUSE_MISSING)
		ok &= set_attr(cl, "missing", "true");
	st_buf_dispose(&label);
	if (c->line)
		ok &= text_child(n, "line", c->line) != NULL;
	if (c->paragraph)
		ok &= text_child(n, "paragraph", c->paragraph) != NULL;
	ok &= text_child(n, "text", c->text) != NULL;
	if (c->proposal)
		ok &= text_child(n, "proposal", c->proposal) != NULL;
	if (c->remark)
		ok &= text_child(n, "remark", c->remark) != NULL;
	if (c->disposition != ST_DISPOSITION_OPEN) {
		ok &= (r = text_child(n, "resolution", c->note)) != NULL;
		if (r) {
			ok &= set_attr(r, "disposition", st_disposition_name(c->disposition));
			ok &= set_attr(r, "date", c->resolved);
		}
	}
	return ok ? 0 : st_error_oom();
}

int st_comment_form(xmlDoc **out, const st_comment_draft *d, const st_comments *comments,
		    const st_comment_round *round, const st_comment_form_options *opts)
{
	xmlDoc *doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNode *root = NULL, *n;
	st_comment_counts counts;
	size_t i;
	int ok, error = 0;

	*out = NULL;
	if (!doc || !(root = xmlNewNode(NULL, (const xmlChar *)"comment-form"))) {
		xmlFreeDoc(doc);
		return st_error_oom();
	}
	xmlDocSetRootElement(doc, root);
	ok = set_attr(root, "draft", opts->draft_id);
	ok &= set_attr(root, "profile", st_profile_name(d->profile));
	ok &= set_attr(root, "stage", opts->stage);
	ok &= set_attr(root, "date", opts->date);
	if (d->number || d->title || d->committee) {
		ok &= (n = xmlNewChild(root, NULL, (const xmlChar *)"document", NULL)) != NULL;
		if (n && d->number)
			ok &= text_child(n, "number", d->number) != NULL;
		if (n && d->title)
			ok &= text_child(n, "title", d->title) != NULL;
		if (n && d->committee)
			ok &= text_child(n, "committee", d->committee) != NULL;
	}
	for (i = 0; ok && !error && i < comments->n; i++) {
		if (opts->open_only && comments->items[i]->disposition != ST_DISPOSITION_OPEN)
			continue;
		error = form_comment(root, d, comments->items[i]);
	}
	if (ok && !error && round && (round->sent.n || round->replied.n)) {
		ok &= (n = xmlNewChild(root, NULL, (const xmlChar *)"units", NULL)) != NULL;
		for (i = 0; n && i < round->sent.n; i++)
			ok &= text_child(n, "sent", round->sent.items[i]) != NULL;
		for (i = 0; n && i < round->replied.n; i++)
			ok &= text_child(n, "replied-without-comments", round->replied.items[i]) != NULL;
	}
	if (ok && !error && (error = st_comment_counts_compute(&counts, round, comments)) == 0) {
		ok &= (n = xmlNewChild(root, NULL, (const xmlChar *)"counts", NULL)) != NULL;
		if (n) {
			ok &= count_attr(n, "sent", counts.sent);
			ok &= count_attr(n, "replied", counts.replied);
			ok &= count_attr(n, "replied-with-comments", counts.with_comments);
			ok &= count_attr(n, "not-replied", counts.not_replied);
		}
	}
	if (!error && !ok)
		error = st_error_oom();
	if (error) {
		xmlFreeDoc(doc);
		return error;
	}
	*out = doc;
	return 0;
}

/* ------------------------------------------------------------------ */
/* The guard of stage 30                                                */

int st_comment_guard_stage(st_repo *repo, const char *id)
{
	st_comments comments;
	st_buf numbers = ST_BUF_INIT;
	size_t i, open, shown = 0;
	int error;

	if ((error = st_comments_read(&comments, NULL, repo, id)) < 0)
		return error;
	open = st_comments_open(&comments);
	for (i = 0; i < comments.n && shown < 5; i++) {
		if (comments.items[i]->disposition != ST_DISPOSITION_OPEN)
			continue;
		st_buf_printf(&numbers, "%s#%u", shown ? ", " : "", comments.items[i]->number);
		shown++;
	}
	if (open > shown)
		st_buf_puts(&numbers, ", …");
	if (open && (error = st_buf_check(&numbers)) == 0)
		error = st_error_set(ST_EINVALID,
			Q_("the draft leaves stage 30 only when every comment has a disposition, and %zu comment is open (%s): see 'stdtool comments list %s --open'",
			   "the draft leaves stage 30 only when every comment has a disposition, and %zu comments are open (%s): see 'stdtool comments list %s --open'",
			   open),
			open, numbers.ptr, id);
	st_buf_dispose(&numbers);
	st_comments_dispose(&comments);
	return error;
}
