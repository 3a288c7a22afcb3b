/* st_org.c: the organisation registry. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "st_error.h"
#include "st_i18n.h"
#include "st_org.h"
#include "st_text.h"
#include "st_xml.h"

const char *const st_org_kinds[] = {
	"enterprise", "research-institute", "university",
	"association", "government", "other", NULL,
};

int st_org_kind_valid(const char *kind)
{
	size_t i;

	for (i = 0; st_org_kinds[i]; i++)
		if (strcmp(kind, st_org_kinds[i]) == 0)
			return 1;
	return 0;
}

void st_org_free(st_org *org)
{
	if (!org)
		return;
	free(org->name);
	free(org->name_en);
	free(org->kind);
	free(org);
}

int st_org_new(st_org **out, const char *uscc, const char *name,
	       const char *name_en, const char *kind)
{
	st_org *org = NULL;
	int error;

	*out = NULL;
	if (!(org = calloc(1, sizeof(*org))))
		return st_error_oom();
	if ((error = st_uscc_normalise(org->uscc, uscc)) < 0)
		goto fail;
	if (!st_org_kind_valid(kind)) {
		error = st_error_set(ST_EINVALID,
			_("unknown organisation kind '%s' (expected one of: enterprise, research-institute, university, association, government, other)"),
			kind);
		goto fail;
	}
	if ((error = st_text_check_label(name, _("the name"), ST_ORG_NAME_MAX)) < 0)
		goto fail;
	if (name_en && (error = st_text_check_label(name_en, _("the English name"),
						    ST_ORG_NAME_MAX)) < 0)
		goto fail;
	org->name = strdup(name);
	org->kind = strdup(kind);
	org->name_en = name_en ? strdup(name_en) : NULL;
	if (!org->name || !org->kind || (name_en && !org->name_en)) {
		error = st_error_oom();
		goto fail;
	}
	*out = org;
	return 0;
fail:
	st_org_free(org);
	return error;
}

int st_org_dup(st_org **out, const st_org *org)
{
	st_org *copy;

	*out = NULL;
	if (!(copy = calloc(1, sizeof(*copy))))
		return st_error_oom();
	memcpy(copy->uscc, org->uscc, sizeof(copy->uscc));
	copy->name = strdup(org->name);
	copy->kind = strdup(org->kind);
	copy->name_en = org->name_en ? strdup(org->name_en) : NULL;
	if (!copy->name || !copy->kind || (org->name_en && !copy->name_en)) {
		st_org_free(copy);
		return st_error_oom();
	}
	*out = copy;
	return 0;
}

int st_org_path(st_buf *out, const char *uscc)
{
	st_buf_printf(out, "orgs/%s.xml", uscc);
	return st_buf_check(out);
}

int st_org_to_xml(st_buf *out, const st_org *org)
{
	xmlDoc *doc;
	xmlNode *root;
	int error;

	if (!(doc = xmlNewDoc((const xmlChar *)"1.0")) ||
	    !(root = xmlNewDocNode(doc, NULL, (const xmlChar *)"organisation", NULL))) {
		xmlFreeDoc(doc);
		return st_error_oom();
	}
	xmlDocSetRootElement(doc, root);
	xmlNewProp(root, (const xmlChar *)"uscc", (const xmlChar *)org->uscc);
	xmlNewProp(root, (const xmlChar *)"kind", (const xmlChar *)org->kind);
	xmlNewTextChild(root, NULL, (const xmlChar *)"name", (const xmlChar *)org->name);
	if (org->name_en)
		xmlNewTextChild(root, NULL, (const xmlChar *)"name-en",
				(const xmlChar *)org->name_en);
	error = st_xml_serialise(out, doc);
	xmlFreeDoc(doc);
	return error;
}

int st_org_from_xml(st_org **out, const char *data, size_t len, const char *name)
{
	xmlDoc *doc = NULL;
	xmlNode *root;
	st_org *org = NULL;
	char *uscc = NULL;
	int error;

	*out = NULL;
	if ((error = st_xml_parse_memory(&doc, data, len, name)) < 0)
		return error;
	root = xmlDocGetRootElement(doc);
	error = ST_EINVALID;
	if (strcmp((const char *)root->name, "organisation") != 0) {
		st_error_set(ST_EINVALID, _("%s: not an organisation record"), name);
		goto done;
	}
	if (!(org = calloc(1, sizeof(*org)))) {
		error = st_error_oom();
		goto done;
	}
	uscc = st_xml_attr(root, "uscc");
	org->kind = st_xml_attr(root, "kind");
	org->name = st_xml_child_text(root, "name");
	org->name_en = st_xml_child_text(root, "name-en");
	if (!uscc || strlen(uscc) != ST_USCC_LEN || !org->kind || !org->name) {
		st_error_set(ST_EINVALID, _("%s: incomplete organisation record"), name);
		goto done;
	}
	memcpy(org->uscc, uscc, ST_USCC_LEN + 1);
	*out = org;
	org = NULL;
	error = 0;
done:
	free(uscc);
	st_org_free(org);
	xmlFreeDoc(doc);
	return error;
}

static int org_remove_record(st_repo *repo, const char *uscc, const char *author);

int st_org_add(st_repo *repo, const st_org *org, const char *author)
{
	st_txn *txn = NULL;
	st_buf path = ST_BUF_INIT, xml = ST_BUF_INIT, message = ST_BUF_INIT;
	int error;

	if ((error = st_org_path(&path, org->uscc)) < 0 ||
	    (error = st_org_to_xml(&xml, org)) < 0)
		goto done;
	if ((error = st_txn_begin(&txn, repo)) < 0)
		goto done;
	if (st_txn_exists(txn, path.ptr)) {
		error = st_error_set(ST_EEXISTS,
			_("organisation %s is already registered"), org->uscc);
		goto done;
	}
	if ((error = st_txn_put(txn, path.ptr, xml.ptr, xml.size)) < 0)
		goto done;
	st_buf_printf(&message, "org: add %s %s\n", org->uscc, org->name);
	if ((error = st_buf_check(&message)) < 0)
		goto done;
	error = st_txn_commit(txn, message.ptr, author);
done:
	st_txn_free(txn);
	st_buf_dispose(&path);
	st_buf_dispose(&xml);
	st_buf_dispose(&message);
	return error;
}

int st_org_get(st_org **out, st_repo *repo, const char *uscc)
{
	st_buf path = ST_BUF_INIT, xml = ST_BUF_INIT;
	int error;

	*out = NULL;
	if ((error = st_org_path(&path, uscc)) < 0)
		goto done;
	error = st_repo_read(&xml, repo, path.ptr);
	if (error == ST_ENOTFOUND) {
		error = st_error_set(ST_ENOTFOUND, _("organisation %s is not registered"), uscc);
		goto done;
	}
	if (error < 0)
		goto done;
	error = st_org_from_xml(out, xml.ptr, xml.size, path.ptr);
done:
	st_buf_dispose(&path);
	st_buf_dispose(&xml);
	return error;
}

struct each_state {
	st_org_cb cb;
	void *payload;
};

static int each_blob(const char *name, const char *data, size_t len, void *p)
{
	struct each_state *state = p;
	st_org *org = NULL;
	char path[64];
	size_t n = strlen(name);
	int error;

	if (n < 5 || strcmp(name + n - 4, ".xml") != 0)
		return 0;
	snprintf(path, sizeof(path), "orgs/%s", name);
	if ((error = st_org_from_xml(&org, data, len, path)) < 0)
		return error;
	error = state->cb(org, state->payload);
	st_org_free(org);
	return error;
}

int st_org_each(st_repo *repo, st_org_cb cb, void *payload)
{
	struct each_state state = { cb, payload };

	/* One pass over the folder's tree, not a path lookup per record. */
	return st_repo_each_blob(repo, "orgs", each_blob, &state);
}

struct references {
	const char *uscc;
	const char *folder;
	size_t count;
	char first[128];
};

static int count_reference(const char *name, const char *data, size_t len, void *p)
{
	struct references *r = p;

	if (!memmem(data, len, r->uscc, ST_USCC_LEN))
		return 0;
	if (!r->count++)
		snprintf(r->first, sizeof(r->first), "%s/%.*s", r->folder,
			 (int)(strlen(name) > 4 ? strlen(name) - 4 : strlen(name)), name);
	return 0;
}

int st_org_remove(st_repo *repo, const char *uscc, const char *author)
{
	struct references refs = { uscc, "standards", 0, "" };
	int error;

	/* Standards and secretariats name their organisations: keep them whole. */
	if ((error = st_repo_each_blob(repo, "standards", count_reference, &refs)) < 0)
		return error;
	refs.folder = "secretariats";
	if ((error = st_repo_each_blob(repo, "secretariats", count_reference, &refs)) < 0)
		return error;
	if (refs.count)
		return st_error_set(ST_EEXISTS,
			Q_("organisation %s is named in %zu record (%s); remove it from there first",
			   "organisation %s is named in %zu records (%s, ...); remove it from those first",
			   refs.count), uscc, refs.count, refs.first);
	return org_remove_record(repo, uscc, author);
}

static int org_remove_record(st_repo *repo, const char *uscc, const char *author)
{
	st_txn *txn = NULL;
	st_org *org = NULL;
	st_buf path = ST_BUF_INIT, xml = ST_BUF_INIT, message = ST_BUF_INIT;
	int error;

	if ((error = st_org_path(&path, uscc)) < 0)
		goto done;
	if ((error = st_txn_begin(&txn, repo)) < 0)
		goto done;
	error = st_txn_read(&xml, txn, path.ptr);
	if (error == ST_ENOTFOUND) {
		error = st_error_set(ST_ENOTFOUND, _("organisation %s is not registered"), uscc);
		goto done;
	}
	if (error < 0 || (error = st_org_from_xml(&org, xml.ptr, xml.size, path.ptr)) < 0)
		goto done;
	if ((error = st_txn_remove(txn, path.ptr)) < 0)
		goto done;
	st_buf_printf(&message, "org: remove %s %s\n", org->uscc, org->name);
	if ((error = st_buf_check(&message)) < 0)
		goto done;
	error = st_txn_commit(txn, message.ptr, author);
done:
	st_org_free(org);
	st_txn_free(txn);
	st_buf_dispose(&path);
	st_buf_dispose(&xml);
	st_buf_dispose(&message);
	return error;
}
