/* st_policy.c: grant policies read from policy files. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "st_buf.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_policy.h"
#include "st_repo.h"
#include "st_xml.h"

int st_words_has(const st_words *words, const char *word)
{
	size_t i;

	for (i = 0; i < words->count; i++)
		if (strcmp(words->items[i], word) == 0)
			return 1;
	return 0;
}

static void words_free(st_words *w)
{
	size_t i;

	for (i = 0; i < w->count; i++)
		free(w->items[i]);
	free(w->items);
}

void st_policy_free(st_policy *p)
{
	if (!p)
		return;
	free(p->id);
	free(p->title);
	free(p->document);
	free(p->issuer);
	free(p->clause);
	words_free(&p->applicants);
	free(p->national_lead);
	free(p->lead_iso);
	free(p->lead_itu);
	free(p->convenor);
	free(p->window_date);
	words_free(&p->bodies);
	words_free(&p->deliverables);
	free(p->several_leads);
	words_free(&p->sec_applicants);
	words_free(&p->committee_kinds);
	free(p->sec_timing);
	free(p->funding_same_policy);
	free(p->funding_provincial);
	free(p->funding_municipal);
	free(p->funding_district);
	free(p->funding_national);
	words_free(&p->fields);
	free(p->region_prefix);
	free(p);
}

static xmlNode *child(xmlNode *parent, const char *name)
{
	xmlNode *n;

	for (n = parent->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0)
			return n;
	return NULL;
}

/* Space-separated words of an element's text. */
static int read_words(st_words *out, xmlNode *root, const char *name)
{
	xmlNode *n = child(root, name);
	xmlChar *text;
	const char *p;

	if (!n || !(text = xmlNodeGetContent(n)))
		return 0;
	for (p = (const char *)text; *p;) {
		size_t len;
		char **grown;
		p += strspn(p, " \t\r\n");
		len = strcspn(p, " \t\r\n");
		if (!len)
			break;
		if (!(grown = realloc(out->items, (out->count + 1) * sizeof(*grown))) ||
		    !(grown[out->count] = strndup(p, len))) {
			if (grown)
				out->items = grown;
			xmlFree(text);
			return st_error_oom();
		}
		out->items = grown;
		out->count++;
		p += len;
	}
	xmlFree(text);
	return 0;
}

static char *read_attr(xmlNode *root, const char *name, const char *attr)
{
	xmlNode *n = child(root, name);

	return n ? st_xml_attr(n, attr) : NULL;
}

static long long amount(xmlNode *root, const char *kind, const char *level)
{
	xmlNode *amounts = child(root, "amounts"), *n;
	long long value = 0;

	for (n = amounts ? amounts->children : NULL; n; n = n->next) {
		char *l, *y;
		if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, kind) != 0)
			continue;
		l = st_xml_attr(n, "level");
		y = st_xml_attr(n, "yuan");
		if (l && y && strcmp(l, level) == 0)
			value = atoll(y);
		free(l);
		free(y);
	}
	return value;
}

static int load_doc(st_policy **out, xmlDoc *doc, const char *name)
{
	xmlNode *root = xmlDocGetRootElement(doc);
	static const char *const std_levels[] = { "international", "national", "industry" };
	static const char *const sec_levels[] = { "international", "national", "provincial" };
	st_policy *p;
	char *text;
	int error, i;

	if (!(p = calloc(1, sizeof(*p))))
		return st_error_oom();
	p->id = st_xml_attr(root, "id");
	p->title = st_xml_child_text(root, "title");
	p->document = st_xml_child_text(root, "document");
	p->issuer = st_xml_child_text(root, "issuer");
	p->clause = st_xml_child_text(root, "clause");
	p->national_lead = read_attr(root, "national-lead", "rule");
	p->lead_iso = read_attr(root, "international-lead", "iso-iec");
	p->lead_itu = read_attr(root, "international-lead", "itu");
	p->convenor = read_attr(root, "international-lead", "convenor");
	p->window_date = read_attr(root, "window", "date");
	p->several_leads = read_attr(root, "several-leads", "rule");
	p->sec_timing = read_attr(root, "secretariat-timing", "rule");
	p->funding_same_policy = read_attr(root, "prior-funding", "same-policy");
	p->funding_provincial = read_attr(root, "prior-funding", "provincial");
	p->funding_municipal = read_attr(root, "prior-funding", "municipal");
	p->funding_district = read_attr(root, "prior-funding", "district");
	p->funding_national = read_attr(root, "prior-funding", "national");
	p->region_prefix = read_attr(root, "region", "uscc-region-prefix");
	if ((error = read_words(&p->applicants, root, "applicants")) < 0 ||
	    (error = read_words(&p->bodies, root, "bodies")) < 0 ||
	    (error = read_words(&p->deliverables, root, "deliverables")) < 0 ||
	    (error = read_words(&p->sec_applicants, root, "secretariat-applicants")) < 0 ||
	    (error = read_words(&p->committee_kinds, root, "committee-kinds")) < 0 ||
	    (error = read_words(&p->fields, root, "fields")) < 0)
		goto fail;
	/* The schema guarantees these are present and well-formed. */
	text = read_attr(root, "revisions", "percent");
	p->revision_percent = text ? atoi(text) : 100;
	free(text);
	text = read_attr(root, "secretariat-timing", "once");
	p->sec_once = text && strcmp(text, "true") == 0;
	free(text);
	text = read_attr(root, "yearly-cap", "yuan");
	p->yearly_cap = text ? atoll(text) : 0;
	free(text);
	text = read_attr(root, "window", "from");
	error = text ? st_date_parse(&p->from, text, "window from") : ST_EINVALID;
	free(text);
	if (error < 0)
		goto bad;
	text = read_attr(root, "window", "to");
	error = text ? st_date_parse(&p->to, text, "window to") : ST_EINVALID;
	free(text);
	if (error < 0 || p->to < p->from)
		goto bad;
	for (i = 0; i < 3; i++) {
		p->standard_amount[i] = amount(root, "standard", std_levels[i]);
		p->secretariat_amount[i] = amount(root, "secretariat", sec_levels[i]);
	}
	if (!p->id || !p->title || !p->national_lead || !p->lead_iso || !p->lead_itu ||
	    !p->convenor || !p->window_date || !p->several_leads || !p->sec_timing ||
	    !p->funding_same_policy || !p->funding_provincial || !p->funding_municipal ||
	    !p->funding_district || !p->funding_national || !p->region_prefix)
		goto bad;
	*out = p;
	return 0;
bad:
	error = st_error_set(ST_EINVALID, _("%s: the policy window or a parameter is missing or wrong"), name);
fail:
	st_policy_free(p);
	return error;
}

int st_policy_load_memory(st_policy **out, const char *data, size_t len,
			  const char *name, const char *datadir)
{
	st_buf schema_path = ST_BUF_INIT;
	st_schema *schema = NULL;
	xmlDoc *doc = NULL;
	int error;

	*out = NULL;
	st_buf_printf(&schema_path, "%s/schemas/policy.rng", datadir);
	if ((error = st_buf_check(&schema_path)) < 0 ||
	    (error = st_schema_load(&schema, schema_path.ptr)) < 0)
		goto done;
	if ((error = st_xml_parse_memory(&doc, data, len, name)) < 0)
		goto done;
	if ((error = st_schema_validate(schema, doc, name)) < 0) {
		char reason[1024];
		snprintf(reason, sizeof(reason), "%s", st_error_last());
		error = st_error_set(ST_EINVALID, _("the policy file fails its schema: %s"), reason);
		goto done;
	}
	error = load_doc(out, doc, name);
done:
	xmlFreeDoc(doc);
	st_schema_free(schema);
	st_buf_dispose(&schema_path);
	return error;
}

int st_policy_load_file(st_policy **out, const char *path, const char *datadir)
{
	xmlDoc *doc = NULL;
	xmlChar *mem = NULL;
	int size = 0, error;

	*out = NULL;
	if ((error = st_xml_parse_file(&doc, path)) < 0)
		return error == ST_ENOTFOUND ?
			st_error_set(ST_ENOTFOUND, _("no policy file '%s'"), path) : error;
	xmlDocDumpMemory(doc, &mem, &size);
	xmlFreeDoc(doc);
	if (!mem)
		return st_error_oom();
	error = st_policy_load_memory(out, (const char *)mem, (size_t)size, path, datadir);
	xmlFree(mem);
	return error;
}

long long st_policy_standard_amount(const st_policy *p, const char *level)
{
	if (strcmp(level, "international") == 0)
		return p->standard_amount[0];
	if (strcmp(level, "national") == 0)
		return p->standard_amount[1];
	if (strcmp(level, "industry") == 0)
		return p->standard_amount[2];
	return 0;
}

long long st_policy_secretariat_amount(const st_policy *p, const char *level)
{
	if (strcmp(level, "international") == 0)
		return p->secretariat_amount[0];
	if (strcmp(level, "national") == 0)
		return p->secretariat_amount[1];
	if (strcmp(level, "provincial") == 0)
		return p->secretariat_amount[2];
	return 0;
}

const char *st_policy_funding_rule(const st_policy *p, const char *source)
{
	if (strcmp(source, "provincial") == 0)
		return p->funding_provincial;
	if (strcmp(source, "municipal") == 0)
		return p->funding_municipal;
	if (strcmp(source, "district") == 0)
		return p->funding_district;
	if (strcmp(source, "national") == 0)
		return p->funding_national;
	return "allow";
}

int st_policy_find(st_policy **out, st_repo *repo, const char *name, const char *datadir)
{
	st_buf path = ST_BUF_INIT, data = ST_BUF_INIT;
	size_t len = strlen(name);
	int error;

	*out = NULL;
	if (strchr(name, '/') || (len > 4 && strcmp(name + len - 4, ".xml") == 0))
		return st_policy_load_file(out, name, datadir);
	if (len == 0 || len > 64 || strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") != len)
		return st_error_set(ST_EINVALID, _("invalid policy name '%s'"), name);
	st_buf_printf(&path, "policies/%s.xml", name);
	if ((error = st_buf_check(&path)) < 0)
		goto done;
	error = repo ? st_repo_read(&data, repo, path.ptr) : ST_ENOTFOUND;
	if (error == 0) {
		error = st_policy_load_memory(out, data.ptr, data.size, path.ptr, datadir);
		goto done;
	}
	if (error != ST_ENOTFOUND)
		goto done;
	st_buf_clear(&path);
	st_buf_printf(&path, "%s/policies/%s.xml", datadir, name);
	if ((error = st_buf_check(&path)) < 0)
		goto done;
	error = st_policy_load_file(out, path.ptr, datadir);
	if (error == ST_ENOTFOUND)
		error = st_error_set(ST_ENOTFOUND,
			_("no policy '%s' in the repository's policies/ or among the shipped policies"), name);
done:
	st_buf_dispose(&path);
	st_buf_dispose(&data);
	return error;
}
