/* st_secretariat.c: committee secretariats. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "st_error.h"
#include "st_i18n.h"
#include "st_org.h"
#include "st_secretariat.h"
#include "st_standard.h"
#include "st_text.h"
#include "st_xml.h"

void st_secretariat_free(st_secretariat *sec)
{
	if (!sec)
		return;
	st_fields_free(sec->fields, sec->nfields);
	free(sec->document);
	free(sec);
}

int st_secretariat_new(st_secretariat **out, const st_secretariat_input *in)
{
	static const char *const levels[] = { "international", "national", "provincial", NULL };
	st_secretariat *sec;
	size_t i;
	int error;

	*out = NULL;
	if (!(sec = calloc(1, sizeof(*sec))))
		return st_error_oom();
	for (i = 0; levels[i] && strcmp(levels[i], in->level) != 0; i++)
		;
	if (!levels[i]) {
		error = st_error_set(ST_EINVALID,
			_("unknown level '%s' (expected one of: international, national, provincial)"), in->level);
		goto fail;
	}
	if (strcmp(in->kind, "tc") != 0 && strcmp(in->kind, "sc") != 0 && strcmp(in->kind, "wg") != 0) {
		error = st_error_set(ST_EINVALID,
			_("unknown committee kind '%s' (expected one of: tc, sc, wg)"), in->kind);
		goto fail;
	}
	if ((error = st_committee_parse(&sec->committee, in->committee)) < 0)
		goto fail;
	if (strcmp(sec->committee.level, in->level) != 0) {
		error = st_error_set(ST_EINVALID,
			_("committee '%s' is %s, but --level says %s (international: ISO/TC, IEC/TC, ISO/IEC JTC; national: SAC/TC; provincial: GD/TC)"),
			sec->committee.id, sec->committee.level, in->level);
		goto fail;
	}
	if (strcmp(sec->committee.kind, in->kind) != 0) {
		error = st_error_set(ST_EINVALID,
			_("committee '%s' is of kind %s, but --kind says %s"),
			sec->committee.id, sec->committee.kind, in->kind);
		goto fail;
	}
	if ((error = st_uscc_normalise(sec->uscc, in->org)) < 0 ||
	    (error = st_date_parse(&sec->approved, in->approved, _("the approval date"))) < 0 ||
	    (error = st_fields_parse(&sec->fields, &sec->nfields, in->fields)) < 0)
		goto fail;
	if (in->ended) {
		if ((error = st_date_parse(&sec->ended, in->ended, _("the end date"))) < 0)
			goto fail;
		if (sec->ended < sec->approved) {
			error = st_error_set(ST_EINVALID,
				_("the end date %s is before the approval date %s"), in->ended, in->approved);
			goto fail;
		}
	}
	if (in->document) {
		if ((error = st_text_check_label(in->document, _("the approval document"), ST_TITLE_MAX)) < 0)
			goto fail;
		if (!(sec->document = strdup(in->document))) {
			error = st_error_oom();
			goto fail;
		}
	}
	*out = sec;
	return 0;
fail:
	st_secretariat_free(sec);
	return error;
}

int st_secretariat_path(st_buf *out, const char *slug)
{
	st_buf_printf(out, "secretariats/%s.xml", slug);
	return st_buf_check(out);
}

int st_secretariat_to_xml(st_buf *out, const st_secretariat *sec)
{
	xmlDoc *doc;
	xmlNode *root;
	char date[11];
	size_t i;
	int error;

	if (!(doc = xmlNewDoc((const xmlChar *)"1.0")) ||
	    !(root = xmlNewDocNode(doc, NULL, (const xmlChar *)"secretariat", NULL))) {
		xmlFreeDoc(doc);
		return st_error_oom();
	}
	xmlDocSetRootElement(doc, root);
	xmlNewProp(root, (const xmlChar *)"committee", (const xmlChar *)sec->committee.id);
	xmlNewProp(root, (const xmlChar *)"level", (const xmlChar *)sec->committee.level);
	xmlNewProp(root, (const xmlChar *)"kind", (const xmlChar *)sec->committee.kind);
	xmlNewProp(root, (const xmlChar *)"org", (const xmlChar *)sec->uscc);
	st_date_format(date, sec->approved);
	xmlNewTextChild(root, NULL, (const xmlChar *)"approved", (const xmlChar *)date);
	if (sec->ended) {
		st_date_format(date, sec->ended);
		xmlNewTextChild(root, NULL, (const xmlChar *)"ended", (const xmlChar *)date);
	}
	for (i = 0; i < sec->nfields; i++)
		xmlNewTextChild(root, NULL, (const xmlChar *)"field", (const xmlChar *)sec->fields[i]);
	if (sec->document)
		xmlNewTextChild(root, NULL, (const xmlChar *)"document", (const xmlChar *)sec->document);
	error = st_xml_serialise(out, doc);
	xmlFreeDoc(doc);
	return error;
}

int st_secretariat_from_xml(st_secretariat **out, const char *data, size_t len, const char *name)
{
	xmlDoc *doc = NULL;
	xmlNode *root, *n;
	st_secretariat *sec = NULL;
	char *committee = NULL, *org = NULL, *approved = NULL, *ended = NULL;
	st_buf fields = ST_BUF_INIT;
	int error;

	*out = NULL;
	if ((error = st_xml_parse_memory(&doc, data, len, name)) < 0)
		return error;
	root = xmlDocGetRootElement(doc);
	error = ST_EINVALID;
	if (strcmp((const char *)root->name, "secretariat") != 0) {
		st_error_set(ST_EINVALID, _("%s: not a secretariat record"), name);
		goto done;
	}
	if (!(sec = calloc(1, sizeof(*sec)))) {
		error = st_error_oom();
		goto done;
	}
	committee = st_xml_attr(root, "committee");
	org = st_xml_attr(root, "org");
	approved = st_xml_child_text(root, "approved");
	ended = st_xml_child_text(root, "ended");
	sec->document = st_xml_child_text(root, "document");
	for (n = root->children; n; n = n->next) {
		if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "field") == 0) {
			xmlChar *t = xmlNodeGetContent(n);
			st_buf_printf(&fields, "%s%s", fields.size ? "," : "", t ? (const char *)t : "");
			xmlFree(t);
		}
	}
	if (!committee || !org || !approved || strlen(org) != ST_USCC_LEN ||
	    st_committee_parse(&sec->committee, committee) < 0 ||
	    st_date_parse(&sec->approved, approved, "approved") < 0 ||
	    (ended && st_date_parse(&sec->ended, ended, "ended") < 0) ||
	    (fields.size && st_fields_parse(&sec->fields, &sec->nfields, fields.ptr) < 0)) {
		st_error_set(ST_EINVALID, _("%s: incomplete or malformed secretariat record"), name);
		goto done;
	}
	memcpy(sec->uscc, org, ST_USCC_LEN + 1);
	*out = sec;
	sec = NULL;
	error = 0;
done:
	free(committee);
	free(org);
	free(approved);
	free(ended);
	st_buf_dispose(&fields);
	st_secretariat_free(sec);
	xmlFreeDoc(doc);
	return error;
}

int st_secretariat_add(st_repo *repo, const st_secretariat *sec, const char *author)
{
	st_txn *txn = NULL;
	st_buf path = ST_BUF_INIT, xml = ST_BUF_INIT, message = ST_BUF_INIT, org = ST_BUF_INIT;
	int error;

	if ((error = st_secretariat_path(&path, sec->committee.slug)) < 0 ||
	    (error = st_secretariat_to_xml(&xml, sec)) < 0 ||
	    (error = st_org_path(&org, sec->uscc)) < 0)
		goto done;
	if ((error = st_txn_begin(&txn, repo)) < 0)
		goto done;
	if (!st_txn_exists(txn, org.ptr)) {
		error = st_error_set(ST_ENOTFOUND,
			_("organisation %s is not registered; register it with 'stdtool org add' first"), sec->uscc);
		goto done;
	}
	if (st_txn_exists(txn, path.ptr)) {
		error = st_error_set(ST_EEXISTS,
			_("the secretariat of %s is already recorded"), sec->committee.id);
		goto done;
	}
	if ((error = st_txn_put(txn, path.ptr, xml.ptr, xml.size)) < 0)
		goto done;
	st_buf_printf(&message, "secretariat: add %s held by %s\n", sec->committee.id, sec->uscc);
	if ((error = st_buf_check(&message)) < 0)
		goto done;
	error = st_txn_commit(txn, message.ptr, author);
done:
	st_txn_free(txn);
	st_buf_dispose(&path);
	st_buf_dispose(&xml);
	st_buf_dispose(&message);
	st_buf_dispose(&org);
	return error;
}

int st_secretariat_get(st_secretariat **out, st_repo *repo, const char *committee)
{
	st_committee c;
	st_buf path = ST_BUF_INIT, xml = ST_BUF_INIT;
	int error;

	*out = NULL;
	if ((error = st_committee_parse(&c, committee)) < 0 ||
	    (error = st_secretariat_path(&path, c.slug)) < 0)
		goto done;
	error = st_repo_read(&xml, repo, path.ptr);
	if (error == ST_ENOTFOUND)
		error = st_error_set(ST_ENOTFOUND, _("no secretariat of %s is recorded"), c.id);
	else if (error == 0)
		error = st_secretariat_from_xml(out, xml.ptr, xml.size, path.ptr);
done:
	st_buf_dispose(&path);
	st_buf_dispose(&xml);
	return error;
}

int st_secretariat_remove(st_repo *repo, const char *committee, const char *author)
{
	st_committee c;
	st_txn *txn = NULL;
	st_buf path = ST_BUF_INIT, message = ST_BUF_INIT;
	int error;

	if ((error = st_committee_parse(&c, committee)) < 0 ||
	    (error = st_secretariat_path(&path, c.slug)) < 0 ||
	    (error = st_txn_begin(&txn, repo)) < 0)
		goto done;
	if (!st_txn_exists(txn, path.ptr)) {
		error = st_error_set(ST_ENOTFOUND, _("no secretariat of %s is recorded"), c.id);
		goto done;
	}
	if ((error = st_txn_remove(txn, path.ptr)) < 0)
		goto done;
	st_buf_printf(&message, "secretariat: remove %s\n", c.id);
	if ((error = st_buf_check(&message)) < 0)
		goto done;
	error = st_txn_commit(txn, message.ptr, author);
done:
	st_txn_free(txn);
	st_buf_dispose(&path);
	st_buf_dispose(&message);
	return error;
}

struct each_state {
	const char *uscc;
	st_secretariat_cb cb;
	void *payload;
};

static int each_blob(const char *name, const char *data, size_t len, void *p)
{
	struct each_state *s = p;
	st_secretariat *sec = NULL;
	char path[128];
	int error;

	if (strlen(name) < 5 || strcmp(name + strlen(name) - 4, ".xml") != 0)
		return 0;
	if (s->uscc && !memmem(data, len, s->uscc, ST_USCC_LEN))
		return 0;
	snprintf(path, sizeof(path), "secretariats/%s", name);
	if ((error = st_secretariat_from_xml(&sec, data, len, path)) < 0)
		return error;
	if (s->uscc && strcmp(sec->uscc, s->uscc) != 0) {
		st_secretariat_free(sec);
		return 0;
	}
	return s->cb(sec, s->payload);
}

int st_secretariat_each(st_repo *repo, const char *uscc, st_secretariat_cb cb, void *payload)
{
	struct each_state s = { uscc, cb, payload };

	return st_repo_each_blob(repo, "secretariats", each_blob, &s);
}
