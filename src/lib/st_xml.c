/* st_xml.c: safe XML parsing, RELAX NG validation and sandboxed XSLT. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libexslt/exslt.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>

#include "st_error.h"
#include "st_i18n.h"
#include "st_xml.h"

/*
 * No NOENT (entities stay unexpanded), no DTDLOAD, no XINCLUDE; NONET
 * blocks any fetch that slips through.  Errors are collected, not printed.
 */
#define SAFE_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | \
			    XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | \
			    XML_PARSE_BIG_LINES | XML_PARSE_COMPACT)

struct st_schema {
	xmlRelaxNGPtr rng;
};

struct st_stylesheet {
	xsltStylesheetPtr xslt;
};

/* Strips the trailing newline libxml2 puts on its messages. */
static void set_xml_error(int code, const char *name, const xmlError *err)
{
	char msg[512];
	size_t len;

	snprintf(msg, sizeof(msg), "%s", err && err->message ? err->message : "");
	len = strlen(msg);
	while (len > 0 && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
		msg[--len] = '\0';
	if (err && err->line > 0)
		st_error_set(code, "%s:%d:%d: %s", name, err->line,
			     err->int2 > 0 ? err->int2 : 1, msg);
	else
		st_error_set(code, "%s: %s", name, msg);
}

/*
 * Finds the first node that breaks the limits: an element nested too
 * deep, or a reference to an entity nobody declared (a document that names
 * an external DTD it may not load).  Iterative, so depth costs no stack.
 */
static xmlNode *find_offender(xmlNode *root, int *too_deep)
{
	xmlNode *node = root;
	int depth = 1;

	while (node) {
		if (node->type == XML_ENTITY_REF_NODE) {
			*too_deep = 0;
			return node;
		}
		if (node->type == XML_ELEMENT_NODE && depth > ST_XML_MAX_DEPTH) {
			*too_deep = 1;
			return node;
		}
		if (node->children && node->type == XML_ELEMENT_NODE) {
			node = node->children;
			depth++;
			continue;
		}
		while (node && !node->next && node != root) {
			node = node->parent;
			depth--;
		}
		if (!node || node == root)
			break;
		node = node->next;
	}
	return NULL;
}

/* What the parser saw first: its first error, and any entity declaration. */
struct parse_watch {
	xmlError first;
	int seen;
	long entity_line;       /* > 0: an entity was declared there */
	long deep_line;         /* > 0: an element nested too deep starts there */
	startElementNsSAX2Func start_element;
	endElementNsSAX2Func end_element;
	st_xml_element_only_fn element_only; /* NULL: keep all white space */
	st_xml_held *held;      /* NULL: every attribute in the tree */
	int held_error;
};

static void watch_error(void *data, xmlErrorPtr err)
{
	xmlParserCtxtPtr ctxt = data;
	struct parse_watch *w = ctxt ? ctxt->_private : NULL;

	if (!w || w->seen || !err)
		return;
	w->seen = 1;
	w->first = *err;
	w->first.message = NULL; /* copied below, as the error is reused */
	if (err->message)
		w->first.message = (char *)xmlStrdup((const xmlChar *)err->message);
	w->first.file = NULL;
	w->first.str1 = w->first.str2 = w->first.str3 = NULL;
	w->first.node = NULL;
}

/* Stops at the first entity declaration: nothing gets to expand. */
static void watch_entity_decl(void *data, const xmlChar *name, int type,
			      const xmlChar *public_id, const xmlChar *system_id,
			      xmlChar *content)
{
	xmlParserCtxtPtr ctxt = data;
	struct parse_watch *w = ctxt->_private;

	(void)name;
	(void)type;
	(void)public_id;
	(void)system_id;
	(void)content;
	if (w && !w->entity_line)
		w->entity_line = ctxt->input ? ctxt->input->line : 1;
	xmlStopParser(ctxt);
}

static int parse(xmlDoc **out, const char *data, size_t len, int fd, const char *name,
		 st_xml_element_only_fn element_only, st_xml_held *held);

/*
 * Whether the attributes of this element go to w->held rather than into
 * the tree: the element is named w->held->element, in no namespace, and
 * its attributes are all in no namespace, written out (not defaulted) and
 * free of references (the value is the text as it stands); an element
 * with an id (looked up in the tree) and a document with a DTD keep them.
 */
static int hold_attributes(xmlParserCtxtPtr ctxt, const struct parse_watch *w,
			   const xmlChar *localname, const xmlChar *uri, int nb_attributes,
			   int nb_defaulted, const xmlChar **attributes)
{
	int i;

	if (uri || nb_attributes <= 0 || nb_defaulted || !ctxt->myDoc || ctxt->myDoc->intSubset ||
	    ctxt->myDoc->extSubset || strcmp((const char *)localname, w->held->element) != 0)
		return 0;
	for (i = 0; i < nb_attributes; i++) {
		const xmlChar **a = attributes + 5 * i;
		if (a[1] || a[2] || !a[3] || a[4] < a[3] || strcmp((const char *)a[0], "id") == 0 ||
		    memchr(a[3], '&', (size_t)(a[4] - a[3])) ||
		    memchr(a[3], '\0', (size_t)(a[4] - a[3])))
			return 0;
	}
	return 1;
}

/* Stops at the first element nested deeper than the limit. */
static void watch_start_element(void *data, const xmlChar *localname, const xmlChar *prefix,
				const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
				int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxtPtr ctxt = data;
	struct parse_watch *w = ctxt->_private;

	/* nameNr counts the open ancestors of this element */
	if (w && ctxt->nameNr >= ST_XML_MAX_DEPTH) {
		if (!w->deep_line)
			w->deep_line = ctxt->input ? ctxt->input->line : 1;
		xmlStopParser(ctxt);
		return;
	}
	if (w->held && hold_attributes(ctxt, w, localname, uri, nb_attributes, nb_defaulted,
				       attributes)) {
		size_t at = w->held->records.size;
		xmlNode *before;
		int i;
		for (i = 0; i < nb_attributes; i++) {
			const xmlChar **a = attributes + 5 * i;
			st_buf_put(&w->held->records, (const char *)a[0], strlen((const char *)a[0]) + 1);
			st_buf_put(&w->held->records, (const char *)a[3], (size_t)(a[4] - a[3]));
			st_buf_put(&w->held->records, "", 1);
		}
		st_buf_put(&w->held->records, "", 1);
		if (st_buf_check(&w->held->records) < 0) {
			w->held_error = 1;
			xmlStopParser(ctxt);
			return;
		}
		before = ctxt->node;
		w->start_element(data, localname, prefix, uri, nb_namespaces, namespaces, 0, 0, NULL);
		if (ctxt->node && ctxt->node != before && xmlStrEqual(ctxt->node->name, localname))
			ctxt->node->_private = (void *)(uintptr_t)(at + 1);
		else
			w->held->records.size = at; /* (not made: the parse stops) */
		return;
	}
	w->start_element(data, localname, prefix, uri, nb_namespaces, namespaces,
			 nb_attributes, nb_defaulted, attributes);
}

static int is_blank_text(const xmlNode *node)
{
	const xmlChar *s;

	if (node->type != XML_TEXT_NODE)
		return 0;
	for (s = node->content; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* A node whose line libxml2 did not store (65535: it is beyond that). */
static int line_unstored(const xmlNode *node)
{
	return (node->type == XML_ELEMENT_NODE || node->type == XML_COMMENT_NODE ||
		node->type == XML_PI_NODE) && node->line == 65535;
}

/*
 * Whether xmlGetLineNo() of a neighbour reads its line from the text node
 * 't': beyond line 65535 an element has no line of its own, and libxml2
 * takes that of its first child, else of its next sibling, else of its
 * previous one.  Such a node stays, so that every line reported is the
 * same with or without the white space.
 */
static int holds_line(const xmlNode *t)
{
	const xmlNode *prev = t->prev, *next = t->next;

	if (!prev && t->parent && line_unstored(t->parent))
		return 1;
	if (prev && line_unstored(prev) && !prev->children)
		return 1;
	return next && line_unstored(next) && !next->children && !next->next;
}

/*
 * Drops the white space between the children of an element that holds
 * elements only, once the element is complete: the layout of the source
 * file is some 15 % of a draft's tree, and nothing reads it.
 */
static void drop_layout(struct parse_watch *w, xmlNode *node)
{
	xmlNode *c, *next;

	for (c = node->children; c; c = c->next)
		if (is_blank_text(c))
			break;
	if (!c || !w->element_only(node))
		return;
	for (; c; c = next) {
		next = c->next;
		if (is_blank_text(c) && !holds_line(c)) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		}
	}
}

static void watch_end_element(void *data, const xmlChar *localname, const xmlChar *prefix,
			      const xmlChar *uri)
{
	xmlParserCtxtPtr ctxt = data;
	struct parse_watch *w = ctxt->_private;
	xmlNode *node = ctxt->node;

	w->end_element(data, localname, prefix, uri);
	if (node && node->type == XML_ELEMENT_NODE && node->children && ctxt->wellFormed)
		drop_layout(w, node);
}

static int parse_memory(xmlDoc **out, const char *data, size_t len, const char *name,
			st_xml_element_only_fn element_only, st_xml_held *held)
{
	*out = NULL;
	if (len > ST_XML_MAX_BYTES)
		return st_error_set(ST_EINVALID,
			_("%s: document is larger than the limit of %zu bytes"),
			name, ST_XML_MAX_BYTES);
	if (len > (size_t)2147483647)
		return st_error_set(ST_EINVALID, _("%s: document is too large"), name);
	return parse(out, data, len, -1, name, element_only, held);
}

static int parse_fd(xmlDoc **out, int fd, const char *name, st_xml_element_only_fn element_only,
		    st_xml_held *held)
{
	struct stat st;

	*out = NULL;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size > ST_XML_MAX_BYTES)
		return st_error_set(ST_EINVALID,
			_("%s: document is larger than the limit of %zu bytes"),
			name, ST_XML_MAX_BYTES);
	return parse(out, NULL, 0, fd, name, element_only, held);
}

int st_xml_parse_memory(xmlDoc **out, const char *data, size_t len, const char *name)
{
	return parse_memory(out, data, len, name, NULL, NULL);
}

int st_xml_parse_fd(xmlDoc **out, int fd, const char *name)
{
	return parse_fd(out, fd, name, NULL, NULL);
}

int st_xml_parse_memory_trimmed(xmlDoc **out, const char *data, size_t len, const char *name,
				st_xml_element_only_fn element_only)
{
	return parse_memory(out, data, len, name, element_only, NULL);
}

int st_xml_parse_fd_trimmed(xmlDoc **out, int fd, const char *name,
			    st_xml_element_only_fn element_only)
{
	return parse_fd(out, fd, name, element_only, NULL);
}

int st_xml_parse_memory_held(xmlDoc **out, const char *data, size_t len, const char *name,
			     st_xml_element_only_fn element_only, st_xml_held *held)
{
	return parse_memory(out, data, len, name, element_only, held);
}

int st_xml_parse_fd_held(xmlDoc **out, int fd, const char *name,
			 st_xml_element_only_fn element_only, st_xml_held *held)
{
	return parse_fd(out, fd, name, element_only, held);
}

/*
 * Text in memory, handed to the parser a piece at a time: xmlCtxtReadMemory()
 * would copy all of it first, and a 20 MB draft read from Git would be held
 * three times (blob, copy, tree).
 */
struct memory_input {
	const char *data;
	size_t left;
};

static int memory_read(void *context, char *buffer, int len)
{
	struct memory_input *in = context;
	size_t n = len > 0 ? (size_t)len : 0;

	if (n > in->left)
		n = in->left;
	memcpy(buffer, in->data, n);
	in->data += n;
	in->left -= n;
	return (int)n;
}

/* Parses 'data' or, when 'fd' >= 0, what it reads from 'fd' (a regular file). */
static int parse(xmlDoc **out, const char *data, size_t len, int fd, const char *name,
		 st_xml_element_only_fn element_only, st_xml_held *held)
{
	xmlParserCtxtPtr ctxt = NULL;
	xmlDoc *doc = NULL;
	xmlNode *root;
	struct parse_watch watch;
	struct memory_input from = { data, len };
	int error = ST_EINVALID;

	memset(&watch, 0, sizeof(watch));
	*out = NULL;
	if (!(ctxt = xmlNewParserCtxt()))
		return st_error_oom();

	ctxt->_private = &watch;
	watch.held = held;
	ctxt->sax->serror = watch_error;
	ctxt->sax->entityDecl = watch_entity_decl;
	watch.start_element = ctxt->sax->startElementNs;
	ctxt->sax->startElementNs = watch_start_element;
	if (element_only) {
		watch.element_only = element_only;
		watch.end_element = ctxt->sax->endElementNs;
		ctxt->sax->endElementNs = watch_end_element;
	}
	if (fd >= 0)
		doc = xmlCtxtReadFd(ctxt, fd, name, NULL, SAFE_PARSE_OPTIONS);
	else
		doc = xmlCtxtReadIO(ctxt, memory_read, NULL, &from, name, NULL, SAFE_PARSE_OPTIONS);
	if (watch.held_error) {
		error = st_error_oom();
		goto done;
	}
	if (watch.deep_line) {
		st_error_set(ST_EINVALID, _("%s:%ld:1: elements are nested deeper than %d levels"),
			     name, watch.deep_line, ST_XML_MAX_DEPTH);
		goto done;
	}
	if (watch.entity_line) {
		st_error_set(ST_EINVALID, _("%s:%ld:1: entity declarations are not allowed"),
			     name, watch.entity_line);
		goto done;
	}
	if (!doc || !ctxt->wellFormed) {
		const xmlError *err = watch.seen ? &watch.first : xmlCtxtGetLastError(ctxt);
		if (err && err->code != XML_ERR_OK)
			set_xml_error(ST_EINVALID, name, err);
		else
			st_error_set(ST_EINVALID, _("%s: not well-formed XML"), name);
		goto done;
	}
	if (doc->intSubset || doc->extSubset) {
		xmlDtd *dtd = doc->intSubset ? doc->intSubset : doc->extSubset;
		if (dtd->entities || dtd->pentities) {
			st_error_set(ST_EINVALID,
				_("%s: entity declarations are not allowed"), name);
			goto done;
		}
	}
	root = xmlDocGetRootElement(doc);
	if (!root) {
		st_error_set(ST_EINVALID, _("%s: document has no root element"), name);
		goto done;
	}
	/* Entity references can stay only where a DTD was named; depth was
	 * watched while parsing, but a document that names a DTD is walked. */
	if (doc->intSubset || doc->extSubset) {
		int too_deep = 0;
		xmlNode *bad = find_offender(root, &too_deep);
		if (bad && too_deep) {
			st_error_set(ST_EINVALID,
				_("%s:%ld:1: elements are nested deeper than %d levels"),
				name, xmlGetLineNo(bad), ST_XML_MAX_DEPTH);
			goto done;
		}
		if (bad) {
			st_error_set(ST_EINVALID,
				_("%s:%ld:1: reference to an undeclared entity '&%s;'"),
				name, xmlGetLineNo(bad->parent ? bad->parent : bad),
				(const char *)bad->name);
			goto done;
		}
	}
	*out = doc;
	doc = NULL;
	error = 0;
done:
	xmlFree(watch.first.message);
	xmlFreeDoc(doc);
	if (ctxt)
		ctxt->_private = NULL;
	xmlFreeParserCtxt(ctxt);
	return error;
}

int st_xml_parse_file(xmlDoc **out, const char *path)
{
	FILE *fp = NULL;
	st_buf content = ST_BUF_INIT;
	struct stat st;
	char chunk[65536];
	size_t n;
	int error = ST_ERROR;

	*out = NULL;
	if (!(fp = fopen(path, "rb"))) {
		error = st_error_set(errno == ENOENT ? ST_ENOTFOUND : ST_ERROR,
				     _("cannot open '%s': %s"), path, strerror(errno));
		goto done;
	}
	if (fstat(fileno(fp), &st) == 0 && (size_t)st.st_size > ST_XML_MAX_BYTES) {
		error = st_error_set(ST_EINVALID,
			_("%s: document is larger than the limit of %zu bytes"),
			path, ST_XML_MAX_BYTES);
		goto done;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		st_buf_put(&content, chunk, n);
		if (content.size > ST_XML_MAX_BYTES) {
			error = st_error_set(ST_EINVALID,
				_("%s: document is larger than the limit of %zu bytes"),
				path, ST_XML_MAX_BYTES);
			goto done;
		}
	}
	if (ferror(fp)) {
		st_error_set(ST_ERROR, _("cannot read '%s': %s"), path, strerror(errno));
		goto done;
	}
	if ((error = st_buf_check(&content)) < 0)
		goto done;
	error = st_xml_parse_memory(out, content.ptr, content.size, path);
done:
	if (fp)
		fclose(fp);
	st_buf_dispose(&content);
	return error;
}

int st_xml_serialise(st_buf *out, xmlDoc *doc)
{
	xmlChar *mem = NULL;
	int size = 0;

	xmlDocDumpFormatMemoryEnc(doc, &mem, &size, "UTF-8", 1);
	if (!mem)
		return st_error_oom();
	st_buf_put(out, (const char *)mem, (size_t)size);
	xmlFree(mem);
	return st_buf_check(out);
}

void st_xml_escape(st_buf *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': st_buf_puts(out, "&amp;"); break;
		case '<': st_buf_puts(out, "&lt;"); break;
		case '>': st_buf_puts(out, "&gt;"); break;
		case '"': st_buf_puts(out, "&quot;"); break;
		case '\t': st_buf_puts(out, "&#9;"); break;
		case '\n': st_buf_puts(out, "&#10;"); break;
		case '\r': st_buf_puts(out, "&#13;"); break;
		default: st_buf_putc(out, *s); break;
		}
	}
}

/* Collects the first structured error of a RELAX NG run. */
struct first_error {
	int seen;
	char message[512];
	int line;
	int column;
	char file[256];
};

static void collect_error(void *data, xmlErrorPtr err)
{
	struct first_error *first = data;
	size_t len;

	if (first->seen || !err)
		return;
	first->seen = 1;
	snprintf(first->message, sizeof(first->message), "%s",
		 err->message ? err->message : "");
	len = strlen(first->message);
	while (len > 0 && first->message[len - 1] == '\n')
		first->message[--len] = '\0';
	first->line = err->line;
	if (err->node && err->line <= 0)
		first->line = (int)xmlGetLineNo((xmlNodePtr)err->node);
	first->column = err->int2;
	snprintf(first->file, sizeof(first->file), "%s", err->file ? err->file : "");
}

int st_schema_load(st_schema **out, const char *path)
{
	xmlRelaxNGParserCtxtPtr pctxt = NULL;
	struct first_error first;
	st_schema *schema = NULL;
	xmlDoc *doc = NULL;
	int error = ST_ERROR;

	*out = NULL;
	memset(&first, 0, sizeof(first));
	if (!(schema = calloc(1, sizeof(*schema))))
		return st_error_oom();
	/* The schema itself is read like any other document. */
	if ((error = st_xml_parse_file(&doc, path)) < 0) {
		char reason[512];
		snprintf(reason, sizeof(reason), "%s", st_error_last());
		st_error_set(ST_ERROR, _("cannot load schema '%s': %s"), path, reason);
		error = ST_ERROR;
		goto done;
	}
	if (!(pctxt = xmlRelaxNGNewDocParserCtxt(doc))) {
		error = st_error_oom();
		goto done;
	}
	xmlRelaxNGSetParserStructuredErrors(pctxt, collect_error, &first);
	schema->rng = xmlRelaxNGParse(pctxt);
	if (!schema->rng) {
		st_error_set(ST_ERROR, _("cannot load schema '%s': %s"), path,
			     first.seen ? first.message : _("unreadable or invalid"));
		goto done;
	}
	*out = schema;
	schema = NULL;
	error = 0;
done:
	xmlRelaxNGFreeParserCtxt(pctxt);
	xmlFreeDoc(doc);
	st_schema_free(schema);
	return error;
}

void st_schema_free(st_schema *schema)
{
	if (!schema)
		return;
	if (schema->rng)
		xmlRelaxNGFree(schema->rng);
	free(schema);
}

int st_schema_validate(st_schema *schema, xmlDoc *doc, const char *name)
{
	xmlRelaxNGValidCtxtPtr vctxt;
	struct first_error first;
	int rc;

	memset(&first, 0, sizeof(first));
	if (!(vctxt = xmlRelaxNGNewValidCtxt(schema->rng)))
		return st_error_oom();
	xmlRelaxNGSetValidStructuredErrors(vctxt, collect_error, &first);
	rc = xmlRelaxNGValidateDoc(vctxt, doc);
	xmlRelaxNGFreeValidCtxt(vctxt);
	if (rc == 0)
		return 0;
	if (rc < 0)
		return st_error_set(ST_ERROR, _("%s: schema validation failed to run"), name);
	return st_error_set(ST_EINVALID, "%s:%d:%d: %s", name,
			    first.line > 0 ? first.line : 1,
			    first.column > 0 ? first.column : 1,
			    first.seen ? first.message : _("does not match its schema"));
}

struct each_error {
	st_schema_error_cb cb;
	void *payload;
	int error;
};

/*
 * libxml2 reports an element whose attributes fail at its first child,
 * which takes the element's line when it is text (white space) but its
 * own when it is an element (white space left out by
 * st_xml_parse_fd_trimmed): the element's line, either way.
 */
static long attributes_line(const void *node, long line)
{
	const xmlNode *child = node;

	if (child && child->type == XML_ELEMENT_NODE && child->parent &&
	    child->parent->type == XML_ELEMENT_NODE && child->parent->children == child)
		return xmlGetLineNo(child->parent);
	return line;
}

static void each_error(void *data, xmlErrorPtr err)
{
	struct each_error *each = data;
	char message[512];
	size_t len;
	long line;

	if (!err || each->error)
		return;
	snprintf(message, sizeof(message), "%s", err->message ? err->message : "");
	len = strlen(message);
	while (len > 0 && (message[len - 1] == '\n' || message[len - 1] == ' '))
		message[--len] = '\0';
	line = err->line;
	if (err->node && (line <= 0 || line == 65535))
		line = xmlGetLineNo((xmlNodePtr)err->node);
	if (err->domain == XML_FROM_RELAXNGV && err->code == XML_RELAXNG_ERR_ATTRVALID)
		line = attributes_line(err->node, line);
	each->error = each->cb(line > 0 ? line : 1, message, each->payload);
}

int st_schema_validate_each(st_schema *schema, xmlDoc *doc, st_schema_error_cb cb, void *payload)
{
	xmlRelaxNGValidCtxtPtr vctxt;
	struct each_error each;
	int rc;

	each.cb = cb;
	each.payload = payload;
	each.error = 0;
	if (!(vctxt = xmlRelaxNGNewValidCtxt(schema->rng)))
		return st_error_oom();
	xmlRelaxNGSetValidStructuredErrors(vctxt, each_error, &each);
	rc = xmlRelaxNGValidateDoc(vctxt, doc);
	xmlRelaxNGFreeValidCtxt(vctxt);
	if (each.error)
		return each.error;
	if (rc < 0)
		return st_error_set(ST_ERROR, _("schema validation failed to run"));
	return rc == 0 ? 0 : 1;
}

int st_stylesheet_load(st_stylesheet **out, const char *path)
{
	st_stylesheet *sheet = NULL;
	xmlDoc *doc = NULL;
	int error;

	*out = NULL;
	/* Stylesheets are read through the same safe parser as any input. */
	if ((error = st_xml_parse_file(&doc, path)) < 0)
		return error;
	if (!(sheet = calloc(1, sizeof(*sheet)))) {
		xmlFreeDoc(doc);
		return st_error_oom();
	}
	sheet->xslt = xsltParseStylesheetDoc(doc);
	if (!sheet->xslt) {
		xmlFreeDoc(doc);
		free(sheet);
		return st_error_set(ST_ERROR, _("cannot compile stylesheet '%s'"), path);
	}
	*out = sheet;
	return 0;
}

/* Top-level parameters of a stylesheet (includes are merged into it) and its imports. */
static int style_has_param(xsltStylesheetPtr style, const char *name)
{
	xsltStackElemPtr elem;
	xsltStylesheetPtr imported;

	for (elem = style->variables; elem; elem = elem->next)
		if (elem->name && strcmp((const char *)elem->name, name) == 0 &&
		    elem->comp && elem->comp->type == XSLT_FUNC_PARAM)
			return 1;
	for (imported = style->imports; imported; imported = imported->next)
		if (style_has_param(imported, name))
			return 1;
	return 0;
}

int st_stylesheet_has_param(const st_stylesheet *sheet, const char *name)
{
	return sheet->xslt && style_has_param(sheet->xslt, name);
}

void st_stylesheet_free(st_stylesheet *sheet)
{
	if (!sheet)
		return;
	if (sheet->xslt)
		xsltFreeStylesheet(sheet->xslt); /* frees its document too */
	free(sheet);
}

/* Collects libxslt's messages for one transform. */
static void transform_message(void *data, const char *fmt, ...)
{
	st_buf *messages = data;
	va_list ap;

	if (messages->size > 4096)
		return;
	va_start(ap, fmt);
	st_buf_vprintf(messages, fmt, ap);
	va_end(ap);
}

int st_write_buf(const char *data, size_t len, void *payload)
{
	st_buf *out = payload;

	st_buf_put(out, data, len);
	return st_buf_check(out);
}

/* Serialises straight to the writer: no copy of a large result. */
struct sink {
	st_write_fn write;
	void *payload;
	int error;
};

static int sink_write(void *context, const char *data, int len)
{
	struct sink *sink = context;

	if (sink->error || (sink->error = sink->write(data, (size_t)len, sink->payload)) < 0)
		return -1;
	return len;
}

static int apply(st_write_fn write, void *payload, st_stylesheet *sheet, xmlDoc **docp,
		 int consume, const char **params);

int st_stylesheet_apply(st_buf *out, st_stylesheet *sheet, xmlDoc *doc,
			const char **params)
{
	return apply(st_write_buf, out, sheet, &doc, 0, params);
}

int st_stylesheet_apply_to(st_write_fn write, void *payload, st_stylesheet *sheet,
			   xmlDoc **doc, int consume, const char **params)
{
	return apply(write, payload, sheet, doc, consume, params);
}

static int apply(st_write_fn write, void *payload, st_stylesheet *sheet, xmlDoc **docp,
		 int consume, const char **params)
{
	xmlDoc *doc = *docp;
	struct sink to = { write, payload, 0 };
	xsltSecurityPrefsPtr prefs = NULL;
	xsltTransformContextPtr tctxt = NULL;
	xmlDoc *result = NULL;
	xmlOutputBufferPtr sink = NULL;
	st_buf messages = ST_BUF_INIT;
	int error = ST_ERROR;

	if (!(prefs = xsltNewSecurityPrefs())) {
		error = st_error_oom();
		goto done;
	}
	if (xsltSetSecurityPrefs(prefs, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid) ||
	    xsltSetSecurityPrefs(prefs, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid) ||
	    xsltSetSecurityPrefs(prefs, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid) ||
	    xsltSetSecurityPrefs(prefs, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid)) {
		st_error_set(ST_ERROR, _("cannot set up the stylesheet security policy"));
		goto done;
	}
	if (!(tctxt = xsltNewTransformContext(sheet->xslt, doc))) {
		error = st_error_oom();
		goto done;
	}
	if (xsltSetCtxtSecurityPrefs(prefs, tctxt) != 0) {
		st_error_set(ST_ERROR, _("cannot set up the stylesheet security policy"));
		goto done;
	}
	xsltSetTransformErrorFunc(tctxt, &messages, transform_message);
	result = xsltApplyStylesheetUser(sheet->xslt, doc, params, NULL, NULL, tctxt);
	if (!result || tctxt->state == XSLT_STATE_ERROR ||
	    tctxt->state == XSLT_STATE_STOPPED) {
		size_t len = messages.size;
		while (len > 0 && messages.ptr[len - 1] == '\n')
			messages.ptr[--len] = '\0';
		st_error_set(ST_ERROR, _("stylesheet failed: %s"),
			     len ? messages.ptr : _("no output"));
		goto done;
	}
	if (!(sink = xmlOutputBufferCreateIO(sink_write, NULL, &to, NULL))) {
		error = st_error_oom();
		goto done;
	}
	if (xsltSaveResultTo(sink, result, sheet->xslt) < 0 || to.error) {
		xmlOutputBufferClose(sink);
		error = to.error ? to.error :
			st_error_set(ST_ERROR, _("cannot write the stylesheet's result"));
		goto done;
	}
	if (xmlOutputBufferClose(sink) < 0 || to.error) {
		error = to.error ? to.error :
			st_error_set(ST_ERROR, _("cannot write the stylesheet's result"));
		goto done;
	}
	error = 0;
done:
	xmlFreeDoc(result);
	if (tctxt)
		xsltFreeTransformContext(tctxt);
	/* Not before the result is written: it shares strings with the source. */
	if (consume) {
		xmlFreeDoc(doc);
		*docp = NULL;
	}
	if (prefs)
		xsltFreeSecurityPrefs(prefs);
	st_buf_dispose(&messages);
	return error;
}

char *st_xml_attr(xmlNode *node, const char *name)
{
	xmlChar *value = xmlGetProp(node, (const xmlChar *)name);
	char *copy;

	if (!value)
		return NULL;
	copy = strdup((const char *)value);
	xmlFree(value);
	return copy;
}

char *st_xml_child_text(xmlNode *node, const char *name)
{
	xmlNode *child;

	for (child = node->children; child; child = child->next) {
		if (child->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)child->name, name) == 0) {
			xmlChar *text = xmlNodeGetContent(child);
			char *copy = text ? strdup((const char *)text) : NULL;
			xmlFree(text);
			return copy;
		}
	}
	return NULL;
}

/* Never print to stderr behind the caller's back. */
static void silent_generic_error(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/*
 * libxslt's own loader parses with entity substitution and DTD loading on;
 * stylesheet includes and document() go through this one instead.  It
 * shares the caller's dictionary, as libxslt requires.
 */
static xmlDocPtr safe_loader(const xmlChar *uri, xmlDictPtr dict, int options,
			     void *ctxt, xsltLoadType type)
{
	xmlParserCtxtPtr pctxt;
	xmlDocPtr doc;

	(void)ctxt;
	(void)type;
	if (!(pctxt = xmlNewParserCtxt()))
		return NULL;
	if (dict && pctxt->dict) {
		xmlDictFree(pctxt->dict);
		pctxt->dict = dict;
		xmlDictReference(pctxt->dict);
	}
	options &= ~(XML_PARSE_NOENT | XML_PARSE_DTDLOAD | XML_PARSE_DTDATTR |
		     XML_PARSE_DTDVALID | XML_PARSE_XINCLUDE | XML_PARSE_HUGE);
	options |= XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
	doc = xmlCtxtReadFile(pctxt, (const char *)uri, NULL, options);
	if (doc && doc->intSubset &&
	    (doc->intSubset->entities || doc->intSubset->pentities)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	xmlFreeParserCtxt(pctxt);
	return doc;
}

void st_xml_global_init(void)
{
	xsltSetLoaderFunc(safe_loader);
	xmlInitParser();
	exsltRegisterAll();
	xmlSetGenericErrorFunc(NULL, silent_generic_error);
	xsltSetGenericErrorFunc(NULL, silent_generic_error);
}

void st_xml_global_shutdown(void)
{
	xsltCleanupGlobals();
	xmlCleanupParser();
}
