/*
 * st_xml.h: the one way stdtool reads XML, validates it and transforms it.
 *
 * Parsing never touches the network, never loads an external DTD or
 * entity, refuses documents that declare entities (so nothing can expand),
 * and bounds size and nesting depth.  Errors read "name:line:column:
 * message".  Documents returned through xmlDoc **out are the caller's, to
 * free with xmlFreeDoc().
 */
#ifndef ST_XML_H
#define ST_XML_H

#include <stddef.h>

#include <libxml/tree.h>
#include <libxslt/xsltInternals.h>

#include "st_buf.h"

/* Largest document read: drafts of a few tens of megabytes fit easily. */
#define ST_XML_MAX_BYTES ((size_t)256 * 1024 * 1024)
/* Deepest element nesting accepted. */
#define ST_XML_MAX_DEPTH 128

/* Parses 'len' bytes; 'name' is used in messages.  ST_EINVALID when bad. */
int st_xml_parse_memory(xmlDoc **out, const char *data, size_t len, const char *name);

/* Reads and parses a file. */
int st_xml_parse_file(xmlDoc **out, const char *path);

/* Parses what is read from 'fd' as it comes (no copy of the whole file);
 * the same limits and messages as st_xml_parse_memory(). */
int st_xml_parse_fd(xmlDoc **out, int fd, const char *name);

/*
 * Whether 'element' holds elements only (no text of its own), so that the
 * white space between its children is the source file's layout.
 */
typedef int (*st_xml_element_only_fn)(const xmlNode *element);

/*
 * st_xml_parse_memory() and st_xml_parse_fd() that leave out, while
 * parsing, the text nodes of white space only that sit directly in an
 * element 'element_only' accepts (st_draft_element_only for a draft).
 * Text in mixed content stays as it is, and so does every line number
 * xmlGetLineNo() gives (a few such nodes stay where libxml2 reads a line
 * from them, beyond line 65535).
 */
int st_xml_parse_memory_trimmed(xmlDoc **out, const char *data, size_t len, const char *name,
				st_xml_element_only_fn element_only);
int st_xml_parse_fd_trimmed(xmlDoc **out, int fd, const char *name,
			    st_xml_element_only_fn element_only);

/*
 * Attributes that st_xml_parse_*_held() keep out of the tree: those of each
 * element named 'element' in no namespace whose attributes are all in no
 * namespace and written out without references, none of them 'id' (in a
 * document without a DTD).  The element's _private is then the offset + 1 of its record in
 * 'records': the name and the value of each attribute in order, each
 * NUL-terminated, then an empty name.  The caller puts them back
 * (st_draft_render does, for xref: a draft has one in every other
 * paragraph, and their attributes would take a fifth of its tree).
 */
typedef struct st_xml_held {
	const char *element;
	st_buf records;
} st_xml_held;

/* st_xml_parse_*_trimmed() that hold attributes out of the tree as 'held' says. */
int st_xml_parse_memory_held(xmlDoc **out, const char *data, size_t len, const char *name,
			     st_xml_element_only_fn element_only, st_xml_held *held);
int st_xml_parse_fd_held(xmlDoc **out, int fd, const char *name,
			 st_xml_element_only_fn element_only, st_xml_held *held);

/* Serialises 'doc' as indented UTF-8 with an XML declaration. */
int st_xml_serialise(st_buf *out, xmlDoc *doc);

/*
 * Appends 's' escaped for XML text or a double-quoted attribute value:
 * & < > " and the line-break and tab characters, which an attribute would
 * otherwise turn into spaces.
 */
void st_xml_escape(st_buf *out, const char *s);

/* A compiled RELAX NG schema. */
typedef struct st_schema st_schema;

int st_schema_load(st_schema **out, const char *path);
void st_schema_free(st_schema *schema);

/*
 * Validates 'doc' ('name' in messages).  Returns 0, or ST_EINVALID with the
 * first problem as "name:line:column: message".
 */
int st_schema_validate(st_schema *schema, xmlDoc *doc, const char *name);

/*
 * Validates 'doc', calling 'cb' with the line and message of every error.
 * Returns 0 when valid, 1 when not, < 0 when it could not run or 'cb'
 * returned < 0.
 */
typedef int (*st_schema_error_cb)(long line, const char *message, void *payload);
int st_schema_validate_each(st_schema *schema, xmlDoc *doc, st_schema_error_cb cb, void *payload);

/* A compiled XSLT 1.0 stylesheet. */
typedef struct st_stylesheet st_stylesheet;

int st_stylesheet_load(st_stylesheet **out, const char *path);
void st_stylesheet_free(st_stylesheet *sheet);

/* Whether the stylesheet declares the top-level parameter 'name'. */
int st_stylesheet_has_param(const st_stylesheet *sheet, const char *name);

/*
 * Transforms 'doc' and appends the serialised result to 'out'.  The
 * transform may read files next to the stylesheet but may not write files,
 * create folders or reach the network.  'params' is a NULL-terminated list
 * of name, XPath-expression pairs, or NULL.
 */
int st_stylesheet_apply(st_buf *out, st_stylesheet *sheet, xmlDoc *doc,
			const char **params);

/*
 * Where output goes: 'write' takes the next bytes and returns 0, or < 0
 * with the error set.  st_write_buf appends to the st_buf 'payload'.
 */
typedef int (*st_write_fn)(const char *data, size_t len, void *payload);
int st_write_buf(const char *data, size_t len, void *payload);

/* The same, writing the result to 'write' as it is serialised, then
 * freeing *doc (and setting it to NULL) when 'consume' is set. */
int st_stylesheet_apply_to(st_write_fn write, void *payload, st_stylesheet *sheet,
			   xmlDoc **doc, int consume, const char **params);

/* Convenience: the value of an attribute as a new string, or NULL. */
char *st_xml_attr(xmlNode *node, const char *name);
/* The text of the first child element called 'name', as a new string. */
char *st_xml_child_text(xmlNode *node, const char *name);

/* Releases libxml2's and libxslt's global state at exit. */
void st_xml_global_init(void);
void st_xml_global_shutdown(void);

#endif
