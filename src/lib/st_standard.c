/* st_standard.c: standards, drafting units, roles and funding received. */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "st_error.h"
#include "st_i18n.h"
#include "st_index.h"
#include "st_org.h"
#include "st_standard.h"
#include "st_text.h"
#include "st_xml.h"

const char *const st_roles[] = {
	"project-leader", "convenor", "editor", "expert", NULL,
};

const char *const st_funding_sources[] = {
	"provincial", "municipal", "district", "national", NULL,
};

static int in_list(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

void st_fields_free(char **fields, size_t count)
{
	size_t i;

	for (i = 0; fields && i < count; i++)
		free(fields[i]);
	free(fields);
}

void st_standard_free(st_standard *std)
{
	size_t i;

	if (!std)
		return;
	free(std->id);
	free(std->level);
	free(std->deliverable);
	free(std->title);
	free(std->title_en);
	st_fields_free(std->fields, std->nfields);
	free(std->revision_of);
	free(std->committee);
	free(std->ics);
	free(std->drafters);
	free(std->roles);
	for (i = 0; i < std->nfunding; i++)
		free(std->funding[i].program);
	free(std->funding);
	free(std);
}

int st_id_check(const char *id, const char *what)
{
	size_t i, len = strlen(id);

	if (len == 0 || len > ST_ID_MAX || !isalnum((unsigned char)id[0]) ||
	    strstr(id, ".."))
		goto bad;
	for (i = 0; i < len; i++)
		if (!isalnum((unsigned char)id[i]) && !strchr("._-", id[i]))
			goto bad;
	return 0;
bad:
	return st_error_set(ST_EINVALID,
		_("invalid %s '%s': use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"),
		what, id);
}

int st_fields_parse(char ***out, size_t *count, const char *text)
{
	char **fields = NULL;
	size_t n = 0, i;
	const char *p = text, *end;

	*out = NULL;
	*count = 0;
	for (;;) {
		char *tag, **grown;
		end = strchr(p, ',');
		if (!end)
			end = p + strlen(p);
		if (!(tag = strndup(p, (size_t)(end - p))))
			goto oom;
		if (!*tag || !islower((unsigned char)tag[0]) || strlen(tag) > 32 ||
		    strspn(tag, "abcdefghijklmnopqrstuvwxyz0123456789-") != strlen(tag)) {
			if (strcmp(tag, text) == 0)
				st_error_set(ST_EINVALID,
					_("invalid field '%s': fields are lowercase tags such as ai or robotics, separated by commas"),
					tag);
			else
				st_error_set(ST_EINVALID,
					_("invalid field '%s' in '%s': fields are lowercase tags such as ai or robotics, separated by commas"),
					tag, text);
			free(tag);
			st_fields_free(fields, n);
			return ST_EINVALID;
		}
		for (i = 0; i < n; i++) {
			if (strcmp(fields[i], tag) == 0)
				break;
		}
		if (i < n) {
			free(tag);
		} else {
			if (!(grown = realloc(fields, (n + 1) * sizeof(*grown)))) {
				free(tag);
				goto oom;
			}
			fields = grown;
			fields[n++] = tag;
		}
		if (!*end)
			break;
		p = end + 1;
	}
	*out = fields;
	*count = n;
	return 0;
oom:
	st_fields_free(fields, n);
	return st_error_oom();
}

int st_amount_parse(long long *out, const char *text)
{
	size_t len = strlen(text);
	char *end;
	long long v;

	if (len == 0 || len > 13 || strspn(text, "0123456789") != len || text[0] == '0')
		goto bad;
	errno = 0;
	v = strtoll(text, &end, 10);
	if (errno || *end || v <= 0 || v > 1000000000000LL)
		goto bad;
	*out = v;
	return 0;
bad:
	return st_error_set(ST_EINVALID,
		_("invalid amount '%s': give whole yuan as digits, e.g. 300000 for 30 万元"), text);
}

static int set_string(char **dst, const char *src)
{
	if (!src)
		return 0;
	if (!(*dst = strdup(src)))
		return st_error_oom();
	return 0;
}

int st_standard_new(st_standard **out, const st_standard_input *in)
{
	st_standard *std;
	int error;

	*out = NULL;
	if (!(std = calloc(1, sizeof(*std))))
		return st_error_oom();
	if ((error = st_id_check(in->id, _("standard id"))) < 0)
		goto fail;
	if (!st_level_valid(in->level)) {
		error = st_error_set(ST_EINVALID,
			_("unknown level '%s' (expected one of: international, national, industry, local, group)"),
			in->level);
		goto fail;
	}
	if ((error = st_stdnum_parse(&std->number, in->number)) < 0)
		goto fail;
	if (strcmp(std->number.level, in->level) != 0) {
		error = st_error_set(ST_EINVALID,
			_("the number '%s' belongs to the %s level, but --level says %s"),
			std->number.number, std->number.level, in->level);
		goto fail;
	}
	if (in->deliverable) {
		if (!st_deliverable_valid(in->deliverable)) {
			error = st_error_set(ST_EINVALID,
				_("unknown deliverable '%s' (expected one of: is, ts, tr, pas, rec, standard, guidance)"),
				in->deliverable);
			goto fail;
		}
		if (strcmp(in->deliverable, std->number.deliverable) != 0) {
			error = st_error_set(ST_EINVALID,
				_("the number '%s' is of deliverable '%s', but --deliverable says %s"),
				std->number.number, std->number.deliverable, in->deliverable);
			goto fail;
		}
	}
	if ((error = st_text_check_label(in->title, _("the title"), ST_TITLE_MAX)) < 0 ||
	    (in->title_en &&
	     (error = st_text_check_label(in->title_en, _("the English title"), ST_TITLE_MAX)) < 0))
		goto fail;
	if ((error = st_fields_parse(&std->fields, &std->nfields, in->fields)) < 0)
		goto fail;
	if ((error = st_date_parse(&std->published, in->published, _("the publication date"))) < 0)
		goto fail;
	if (in->implemented) {
		if ((error = st_date_parse(&std->implemented, in->implemented,
					   _("the implementation date"))) < 0)
			goto fail;
		if (std->implemented < std->published) {
			error = st_error_set(ST_EINVALID,
				_("the implementation date %s is before the publication date %s"),
				in->implemented, in->published);
			goto fail;
		}
	}
	if (in->revision_of) {
		st_stdnum old;
		if ((error = st_stdnum_parse(&old, in->revision_of)) < 0)
			goto fail;
		if ((error = set_string(&std->revision_of, old.number)) < 0)
			goto fail;
	}
	if (in->committee) {
		st_committee c;
		if ((error = st_committee_parse(&c, in->committee)) < 0 ||
		    (error = set_string(&std->committee, c.id)) < 0)
			goto fail;
	}
	if (in->ics) {
		size_t len = strlen(in->ics);
		if (len < 2 || len > 12 || strspn(in->ics, "0123456789.") != len ||
		    in->ics[0] == '.' || in->ics[len - 1] == '.' || strstr(in->ics, "..")) {
			error = st_error_set(ST_EINVALID,
				_("invalid ICS code '%s': expected digits and dots such as 25.040.30"), in->ics);
			goto fail;
		}
	}
	if ((error = set_string(&std->id, in->id)) < 0 ||
	    (error = set_string(&std->level, in->level)) < 0 ||
	    (error = set_string(&std->deliverable, std->number.deliverable)) < 0 ||
	    (error = set_string(&std->title, in->title)) < 0 ||
	    (error = set_string(&std->title_en, in->title_en)) < 0 ||
	    (error = set_string(&std->ics, in->ics)) < 0)
		goto fail;
	*out = std;
	return 0;
fail:
	st_standard_free(std);
	return error;
}

int st_standard_path(st_buf *out, const char *id)
{
	st_buf_printf(out, "standards/%s.xml", id);
	return st_buf_check(out);
}

static xmlNode *text_child(xmlNode *parent, const char *name, const char *text)
{
	return text ? xmlNewTextChild(parent, NULL, (const xmlChar *)name, (const xmlChar *)text) : NULL;
}

static void attr(xmlNode *node, const char *name, const char *value)
{
	xmlNewProp(node, (const xmlChar *)name, (const xmlChar *)value);
}

int st_standard_to_xml(st_buf *out, const st_standard *std)
{
	xmlDoc *doc;
	xmlNode *root, *node;
	char date[11], number[32];
	size_t i;
	int error;

	if (!(doc = xmlNewDoc((const xmlChar *)"1.0")) ||
	    !(root = xmlNewDocNode(doc, NULL, (const xmlChar *)"standard", NULL))) {
		xmlFreeDoc(doc);
		return st_error_oom();
	}
	xmlDocSetRootElement(doc, root);
	attr(root, "id", std->id);
	attr(root, "level", std->level);
	attr(root, "body", std->number.body);
	attr(root, "deliverable", std->deliverable);
	text_child(root, "number", std->number.number);
	text_child(root, "title", std->title);
	text_child(root, "title-en", std->title_en);
	for (i = 0; i < std->nfields; i++)
		text_child(root, "field", std->fields[i]);
	st_date_format(date, std->published);
	text_child(root, "published", date);
	if (std->implemented) {
		st_date_format(date, std->implemented);
		text_child(root, "implemented", date);
	}
	text_child(root, "revision-of", std->revision_of);
	text_child(root, "committee", std->committee);
	text_child(root, "ics", std->ics);
	for (i = 0; i < std->ndrafters; i++) {
		node = xmlNewChild(root, NULL, (const xmlChar *)"drafter", NULL);
		attr(node, "org", std->drafters[i].uscc);
		snprintf(number, sizeof(number), "%d", std->drafters[i].rank);
		attr(node, "rank", number);
	}
	for (i = 0; i < std->nroles; i++) {
		node = xmlNewChild(root, NULL, (const xmlChar *)"role", NULL);
		attr(node, "org", std->roles[i].uscc);
		attr(node, "role", std->roles[i].role);
	}
	for (i = 0; i < std->nfunding; i++) {
		node = xmlNewChild(root, NULL, (const xmlChar *)"funding", NULL);
		attr(node, "source", std->funding[i].source);
		snprintf(number, sizeof(number), "%lld", std->funding[i].amount_yuan);
		attr(node, "amount-yuan", number);
		text_child(node, "program", std->funding[i].program);
	}
	error = st_xml_serialise(out, doc);
	xmlFreeDoc(doc);
	return error;
}

static int child_date(st_date *out, xmlNode *root, const char *name, const char *file)
{
	char *text = st_xml_child_text(root, name);
	int error = 0;

	*out = 0;
	if (text && st_date_parse(out, text, name) < 0)
		error = st_error_set(ST_EINVALID, _("%s: bad <%s> '%s'"), file, name, text);
	free(text);
	return error;
}

int st_standard_from_xml(st_standard **out, const char *data, size_t len, const char *name)
{
	xmlDoc *doc = NULL;
	xmlNode *root, *n;
	st_standard *std = NULL;
	char *number = NULL, *text;
	int error;

	*out = NULL;
	if ((error = st_xml_parse_memory(&doc, data, len, name)) < 0)
		return error;
	root = xmlDocGetRootElement(doc);
	error = ST_EINVALID;
	if (strcmp((const char *)root->name, "standard") != 0) {
		st_error_set(ST_EINVALID, _("%s: not a standard record"), name);
		goto done;
	}
	if (!(std = calloc(1, sizeof(*std)))) {
		error = st_error_oom();
		goto done;
	}
	std->id = st_xml_attr(root, "id");
	std->level = st_xml_attr(root, "level");
	std->deliverable = st_xml_attr(root, "deliverable");
	std->title = st_xml_child_text(root, "title");
	std->title_en = st_xml_child_text(root, "title-en");
	std->revision_of = st_xml_child_text(root, "revision-of");
	std->committee = st_xml_child_text(root, "committee");
	std->ics = st_xml_child_text(root, "ics");
	number = st_xml_child_text(root, "number");
	if (!std->id || !std->level || !std->deliverable || !std->title || !number) {
		st_error_set(ST_EINVALID, _("%s: incomplete standard record"), name);
		goto done;
	}
	if (st_stdnum_parse(&std->number, number) < 0) {
		st_error_set(ST_EINVALID, _("%s: bad <number> '%s'"), name, number);
		goto done;
	}
	if ((error = child_date(&std->published, root, "published", name)) < 0 ||
	    (error = child_date(&std->implemented, root, "implemented", name)) < 0)
		goto done;
	error = ST_EINVALID;
	if (!std->published) {
		st_error_set(ST_EINVALID, _("%s: incomplete standard record"), name);
		goto done;
	}
	for (n = root->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, "field") == 0) {
			char **grown = realloc(std->fields, (std->nfields + 1) * sizeof(*grown));
			if (grown)
				std->fields = grown;
			if (!grown || !(text = (char *)xmlNodeGetContent(n))) {
				error = st_error_oom();
				goto done;
			}
			std->fields = grown;
			std->fields[std->nfields] = strdup(text);
			xmlFree(text);
			if (!std->fields[std->nfields]) {
				error = st_error_oom();
				goto done;
			}
			std->nfields++;
		} else if (strcmp((const char *)n->name, "drafter") == 0) {
			st_drafter *grown = realloc(std->drafters, (std->ndrafters + 1) * sizeof(*grown));
			char *org = st_xml_attr(n, "org"), *rank = st_xml_attr(n, "rank");
			if (grown)
				std->drafters = grown;
			if (!grown || !org || !rank || strlen(org) != ST_USCC_LEN) {
				free(org);
				free(rank);
				st_error_set(ST_EINVALID, _("%s: incomplete drafter"), name);
				goto done;
			}
			memcpy(grown[std->ndrafters].uscc, org, ST_USCC_LEN + 1);
			grown[std->ndrafters].rank = atoi(rank);
			std->ndrafters++;
			free(org);
			free(rank);
		} else if (strcmp((const char *)n->name, "role") == 0) {
			st_role *grown = realloc(std->roles, (std->nroles + 1) * sizeof(*grown));
			char *org = st_xml_attr(n, "org"), *role = st_xml_attr(n, "role");
			if (grown)
				std->roles = grown;
			if (!grown || !org || !role || strlen(org) != ST_USCC_LEN ||
			    strlen(role) >= sizeof(grown->role)) {
				free(org);
				free(role);
				st_error_set(ST_EINVALID, _("%s: incomplete role"), name);
				goto done;
			}
			memcpy(grown[std->nroles].uscc, org, ST_USCC_LEN + 1);
			snprintf(grown[std->nroles].role, sizeof(grown->role), "%s", role);
			std->nroles++;
			free(org);
			free(role);
		} else if (strcmp((const char *)n->name, "funding") == 0) {
			st_funding *grown = realloc(std->funding, (std->nfunding + 1) * sizeof(*grown));
			char *source = st_xml_attr(n, "source"), *amount = st_xml_attr(n, "amount-yuan");
			if (grown)
				std->funding = grown;
			if (!grown || !source || !amount || strlen(source) >= sizeof(grown->source)) {
				free(source);
				free(amount);
				st_error_set(ST_EINVALID, _("%s: incomplete funding"), name);
				goto done;
			}
			snprintf(grown[std->nfunding].source, sizeof(grown->source), "%s", source);
			grown[std->nfunding].amount_yuan = atoll(amount);
			grown[std->nfunding].program = st_xml_child_text(n, "program");
			std->nfunding++;
			free(source);
			free(amount);
		}
	}
	*out = std;
	std = NULL;
	error = 0;
done:
	free(number);
	st_standard_free(std);
	xmlFreeDoc(doc);
	return error;
}

int st_standard_involves(const st_standard *std, const char *uscc)
{
	size_t i;

	for (i = 0; i < std->ndrafters; i++)
		if (strcmp(std->drafters[i].uscc, uscc) == 0)
			return 1;
	for (i = 0; i < std->nroles; i++)
		if (strcmp(std->roles[i].uscc, uscc) == 0)
			return 1;
	return 0;
}

/* Finds a standard already recorded under the same number. */
struct number_search {
	const char *needle;
	size_t needle_len;
	char *found_id;
};

static int match_number(const char *name, const char *data, size_t len, void *payload)
{
	struct number_search *s = payload;

	if (!memmem(data, len, s->needle, s->needle_len))
		return 0;
	s->found_id = strndup(name, strlen(name) > 4 ? strlen(name) - 4 : strlen(name));
	return 1;
}

int st_standard_add(st_repo *repo, const st_standard *std, const char *author)
{
	st_txn *txn = NULL;
	st_buf path = ST_BUF_INIT, xml = ST_BUF_INIT, message = ST_BUF_INIT, needle = ST_BUF_INIT;
	struct number_search search = { NULL, 0, NULL };
	int error;

	if ((error = st_standard_path(&path, std->id)) < 0 ||
	    (error = st_standard_to_xml(&xml, std)) < 0)
		goto done;
	if ((error = st_txn_begin(&txn, repo)) < 0)
		goto done;
	if (st_txn_exists(txn, path.ptr)) {
		error = st_error_set(ST_EEXISTS, _("standard '%s' is already recorded"), std->id);
		goto done;
	}
	/* The serialised form of the number, as every record writes it. */
	st_buf_printf(&needle, "<number>%s</number>", std->number.number);
	search.needle = needle.ptr;
	search.needle_len = needle.size;
	if ((error = st_buf_check(&needle)) < 0 ||
	    (error = st_repo_each_blob(repo, "standards", match_number, &search)) < 0)
		goto done;
	if (search.found_id) {
		error = st_error_set(ST_EEXISTS,
			_("standard %s is already recorded as '%s'"), std->number.number, search.found_id);
		goto done;
	}
	if ((error = st_txn_put(txn, path.ptr, xml.ptr, xml.size)) < 0)
		goto done;
	st_buf_printf(&message, "standard: add %s %s\n", std->number.number, std->title);
	if ((error = st_buf_check(&message)) < 0)
		goto done;
	error = st_txn_commit(txn, message.ptr, author);
done:
	free(search.found_id);
	st_txn_free(txn);
	st_buf_dispose(&path);
	st_buf_dispose(&xml);
	st_buf_dispose(&message);
	st_buf_dispose(&needle);
	return error;
}

static int read_in_txn(st_standard **out, st_txn *txn, const char *id, st_buf *path)
{
	st_buf xml = ST_BUF_INIT;
	int error;

	if ((error = st_id_check(id, _("standard id"))) < 0 ||
	    (error = st_standard_path(path, id)) < 0)
		return error;
	error = st_txn_read(&xml, txn, path->ptr);
	if (error == ST_ENOTFOUND)
		error = st_error_set(ST_ENOTFOUND, _("standard '%s' is not recorded"), id);
	else if (error == 0)
		error = st_standard_from_xml(out, xml.ptr, xml.size, path->ptr);
	st_buf_dispose(&xml);
	return error;
}

int st_standard_get(st_standard **out, st_repo *repo, const char *id)
{
	st_buf path = ST_BUF_INIT, xml = ST_BUF_INIT;
	int error;

	*out = NULL;
	if ((error = st_id_check(id, _("standard id"))) < 0 ||
	    (error = st_standard_path(&path, id)) < 0)
		goto done;
	error = st_repo_read(&xml, repo, path.ptr);
	if (error == ST_ENOTFOUND) {
		error = st_error_set(ST_ENOTFOUND, _("standard '%s' is not recorded"), id);
		goto done;
	}
	if (error == 0)
		error = st_standard_from_xml(out, xml.ptr, xml.size, path.ptr);
done:
	st_buf_dispose(&path);
	st_buf_dispose(&xml);
	return error;
}

int st_standard_remove(st_repo *repo, const char *id, const char *author)
{
	st_txn *txn = NULL;
	st_standard *std = NULL;
	st_buf path = ST_BUF_INIT, message = ST_BUF_INIT;
	int error;

	if ((error = st_txn_begin(&txn, repo)) < 0 ||
	    (error = read_in_txn(&std, txn, id, &path)) < 0 ||
	    (error = st_txn_remove(txn, path.ptr)) < 0)
		goto done;
	st_buf_printf(&message, "standard: remove %s %s\n", std->number.number, std->title);
	if ((error = st_buf_check(&message)) < 0)
		goto done;
	error = st_txn_commit(txn, message.ptr, author);
done:
	st_standard_free(std);
	st_txn_free(txn);
	st_buf_dispose(&path);
	st_buf_dispose(&message);
	return error;
}

/* Read, change and write one standard in one commit. */
typedef int (*change_fn)(st_standard *std, st_txn *txn, const void *arg, st_buf *message);

static int update(st_repo *repo, const char *id, change_fn fn, const void *arg, const char *author)
{
	st_txn *txn = NULL;
	st_standard *std = NULL;
	st_buf path = ST_BUF_INIT, xml = ST_BUF_INIT, message = ST_BUF_INIT;
	int error;

	if ((error = st_txn_begin(&txn, repo)) < 0 ||
	    (error = read_in_txn(&std, txn, id, &path)) < 0 ||
	    (error = fn(std, txn, arg, &message)) < 0 ||
	    (error = st_standard_to_xml(&xml, std)) < 0 ||
	    (error = st_txn_put(txn, path.ptr, xml.ptr, xml.size)) < 0 ||
	    (error = st_buf_check(&message)) < 0)
		goto done;
	error = st_txn_commit(txn, message.ptr, author);
done:
	st_standard_free(std);
	st_txn_free(txn);
	st_buf_dispose(&path);
	st_buf_dispose(&xml);
	st_buf_dispose(&message);
	return error;
}

static int registered(st_txn *txn, const char *uscc)
{
	st_buf path = ST_BUF_INIT;
	int yes;

	st_org_path(&path, uscc);
	yes = !path.failed && st_txn_exists(txn, path.ptr);
	st_buf_dispose(&path);
	if (!yes)
		return st_error_set(ST_ENOTFOUND,
			_("organisation %s is not registered; register it with 'stdtool org add' first"), uscc);
	return 0;
}

struct drafter_arg {
	const char *uscc;
	int rank;
};

static int change_drafter(st_standard *std, st_txn *txn, const void *p, st_buf *message)
{
	const struct drafter_arg *a = p;
	st_drafter *grown;
	size_t i;
	int error;

	if ((error = registered(txn, a->uscc)) < 0)
		return error;
	for (i = 0; i < std->ndrafters; i++) {
		if (std->drafters[i].rank == a->rank)
			return st_error_set(ST_EEXISTS,
				_("rank %d of standard '%s' is already taken by %s"),
				a->rank, std->id, std->drafters[i].uscc);
		if (strcmp(std->drafters[i].uscc, a->uscc) == 0)
			return st_error_set(ST_EEXISTS,
				_("%s is already a drafting unit of standard '%s' (rank %d)"),
				a->uscc, std->id, std->drafters[i].rank);
	}
	if (!(grown = realloc(std->drafters, (std->ndrafters + 1) * sizeof(*grown))))
		return st_error_oom();
	std->drafters = grown;
	memcpy(grown[std->ndrafters].uscc, a->uscc, ST_USCC_LEN + 1);
	grown[std->ndrafters].rank = a->rank;
	std->ndrafters++;
	st_buf_printf(message, "standard: %s drafter %d %s\n", std->number.number, a->rank, a->uscc);
	return 0;
}

int st_standard_add_drafter(st_repo *repo, const char *id, const char *uscc,
			    const char *rank, const char *author)
{
	struct drafter_arg a;
	char code[ST_USCC_LEN + 1];
	size_t len = strlen(rank);
	int error;

	if ((error = st_uscc_normalise(code, uscc)) < 0)
		return error;
	if (len == 0 || len > 3 || strspn(rank, "0123456789") != len || rank[0] == '0')
		return st_error_set(ST_EINVALID,
			_("invalid rank '%s': give the drafting unit's place in the 前言, 1 for the first"), rank);
	a.uscc = code;
	a.rank = atoi(rank);
	return update(repo, id, change_drafter, &a, author);
}

static int change_role(st_standard *std, st_txn *txn, const void *p, st_buf *message)
{
	const st_role *r = p;
	st_role *grown;
	size_t i;
	int error;

	if ((error = registered(txn, r->uscc)) < 0)
		return error;
	for (i = 0; i < std->nroles; i++)
		if (strcmp(std->roles[i].uscc, r->uscc) == 0 && strcmp(std->roles[i].role, r->role) == 0)
			return st_error_set(ST_EEXISTS,
				_("%s already has the role %s in standard '%s'"), r->uscc, r->role, std->id);
	if (!(grown = realloc(std->roles, (std->nroles + 1) * sizeof(*grown))))
		return st_error_oom();
	std->roles = grown;
	grown[std->nroles++] = *r;
	st_buf_printf(message, "standard: %s role %s %s\n", std->number.number, r->role, r->uscc);
	return 0;
}

int st_standard_add_role(st_repo *repo, const char *id, const char *uscc,
			 const char *role, const char *author)
{
	st_role r;
	int error;

	memset(&r, 0, sizeof(r));
	if ((error = st_uscc_normalise(r.uscc, uscc)) < 0)
		return error;
	if (!in_list(st_roles, role))
		return st_error_set(ST_EINVALID,
			_("unknown role '%s' (expected one of: project-leader, convenor, editor, expert)"), role);
	snprintf(r.role, sizeof(r.role), "%s", role);
	return update(repo, id, change_role, &r, author);
}

static int change_funding(st_standard *std, st_txn *txn, const void *p, st_buf *message)
{
	const st_funding *f = p;
	st_funding *grown;

	(void)txn;
	if (!(grown = realloc(std->funding, (std->nfunding + 1) * sizeof(*grown))))
		return st_error_oom();
	std->funding = grown;
	grown[std->nfunding] = *f;
	if (!(grown[std->nfunding].program = strdup(f->program)))
		return st_error_oom();
	std->nfunding++;
	st_buf_printf(message, "standard: %s funding %s %lld yuan (%s)\n",
		      std->number.number, f->source, f->amount_yuan, f->program);
	return 0;
}

int st_standard_add_funding(st_repo *repo, const char *id, const char *source,
			    const char *program, const char *amount, const char *author)
{
	st_funding f;
	int error;

	memset(&f, 0, sizeof(f));
	if (!in_list(st_funding_sources, source))
		return st_error_set(ST_EINVALID,
			_("unknown funding source '%s' (expected one of: provincial, municipal, district, national)"),
			source);
	if ((error = st_text_check_label(program, _("the programme name"), ST_TITLE_MAX)) < 0 ||
	    (error = st_amount_parse(&f.amount_yuan, amount)) < 0)
		return error;
	snprintf(f.source, sizeof(f.source), "%s", source);
	f.program = (char *)program;
	return update(repo, id, change_funding, &f, author);
}

struct each_state {
	const char *needle;
	st_standard_cb cb;
	void *payload;
};

static int each_blob(const char *name, const char *data, size_t len, void *p)
{
	struct each_state *s = p;
	st_standard *std = NULL;
	char path[ST_ID_MAX + 32];
	int error;

	if (strlen(name) < 5 || strcmp(name + strlen(name) - 4, ".xml") != 0)
		return 0;
	/* Most records do not mention the organisation: skip them unparsed. */
	if (s->needle && !memmem(data, len, s->needle, ST_USCC_LEN))
		return 0;
	snprintf(path, sizeof(path), "standards/%s", name);
	if ((error = st_standard_from_xml(&std, data, len, path)) < 0)
		return error;
	if (s->needle && !st_standard_involves(std, s->needle)) {
		st_standard_free(std);
		return 0;
	}
	return s->cb(std, s->payload); /* the callback owns std */
}

int st_standard_each(st_repo *repo, const char *uscc, st_standard_cb cb, void *payload)
{
	struct each_state s = { uscc, cb, payload };
	char **names = NULL;
	size_t n = 0;
	int error;

	if (!uscc)
		return st_repo_each_blob(repo, "standards", each_blob, &s);
	/* Read only the records the index says name the organisation. */
	if ((error = st_index_standards_of(&names, &n, repo, uscc)) < 0)
		return error;
	error = st_repo_each_named_blob(repo, "standards", names, n, each_blob, &s);
	st_index_names_free(names, n);
	return error;
}
