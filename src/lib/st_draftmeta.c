/* st_draftmeta.c: the record of a draft (drafts/ID/meta.xml). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "st_draftmeta.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_xml.h"

#define NAME_IS(n, s) (strcmp((const char *)(n)->name, (s)) == 0)

void st_draft_meta_free(st_draft_meta *meta)
{
	size_t i;

	if (!meta)
		return;
	for (i = 0; i < meta->nstages; i++) {
		free(meta->stages[i].by);
		free(meta->stages[i].tag);
	}
	free(meta->stages);
	for (i = 0; i < meta->nignore; i++)
		free(meta->ignore[i]);
	free(meta->ignore);
	free(meta->id);
	free(meta);
}

static char *dup_or_null(const char *s)
{
	return s && *s ? strdup(s) : NULL;
}

int st_draft_meta_add_stage(st_draft_meta *meta, st_stage stage, const char *date,
			    const char *by, const char *tag)
{
	st_draft_stage *s;

	if (st_array_grow(&meta->stages, &meta->astages, meta->nstages, sizeof(*meta->stages)) < 0)
		return st_error_oom();
	s = &meta->stages[meta->nstages];
	memset(s, 0, sizeof(*s));
	s->stage = stage;
	snprintf(s->date, sizeof(s->date), "%s", date ? date : "");
	s->by = dup_or_null(by);
	s->tag = dup_or_null(tag);
	if ((by && *by && !s->by) || (tag && *tag && !s->tag)) {
		free(s->by);
		free(s->tag);
		return st_error_oom();
	}
	meta->nstages++;
	return 0;
}

const st_draft_stage *st_draft_meta_current(const st_draft_meta *meta)
{
	return meta->nstages ? &meta->stages[meta->nstages - 1] : NULL;
}

int st_draft_meta_parse(st_draft_meta **out, const char *data, size_t len, const char *name)
{
	st_draft_meta *meta;
	xmlDoc *doc = NULL;
	xmlNode *root, *c, *s;
	char *v = NULL;
	int error;

	*out = NULL;
	if ((error = st_xml_parse_memory(&doc, data, len, name)) < 0)
		return error;
	if (!(meta = calloc(1, sizeof(*meta)))) {
		xmlFreeDoc(doc);
		return st_error_oom();
	}
	root = xmlDocGetRootElement(doc);
	error = ST_EINVALID;
	if (!NAME_IS(root, "draft") || !(meta->id = st_xml_attr(root, "id")) ||
	    !(v = st_xml_attr(root, "profile")) || st_profile_parse(&meta->profile, v) < 0) {
		st_error_set(ST_EINVALID, _("%s: not a draft record"), name);
		goto done;
	}
	for (c = root->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		for (s = c->children; s; s = s->next) {
			if (s->type != XML_ELEMENT_NODE)
				continue;
			if (NAME_IS(c, "stages") && NAME_IS(s, "stage")) {
				char *code = st_xml_attr(s, "code"), *date = st_xml_attr(s, "date");
				char *by = st_xml_attr(s, "by"), *tag = st_xml_attr(s, "tag");
				st_stage stage;
				int bad = !code || st_stage_parse(&stage, code) < 0 || !date;
				if (!bad)
					error = st_draft_meta_add_stage(meta, stage, date, by, tag);
				free(code);
				free(date);
				free(by);
				free(tag);
				if (bad) {
					error = st_error_set(ST_EINVALID, _("%s: a stage without a valid code and date"), name);
					goto done;
				}
				if (error < 0)
					goto done;
			} else if (NAME_IS(c, "rules") && NAME_IS(s, "ignore")) {
				char *rule = st_xml_attr(s, "rule");
				if (!rule)
					continue;
				if (st_array_grow(&meta->ignore, &meta->aignore, meta->nignore,
						  sizeof(*meta->ignore)) < 0) {
					free(rule);
					error = st_error_oom();
					goto done;
				}
				meta->ignore[meta->nignore++] = rule;
			}
		}
	}
	if (!meta->nstages) {
		error = st_error_set(ST_EINVALID, _("%s: the draft record has no stage"), name);
		goto done;
	}
	*out = meta;
	meta = NULL;
	error = 0;
done:
	free(v);
	st_draft_meta_free(meta);
	xmlFreeDoc(doc);
	return error;
}

int st_draft_meta_serialise(st_buf *out, const st_draft_meta *meta)
{
	size_t i;

	st_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<draft id=\"");
	st_xml_escape(out, meta->id);
	st_buf_printf(out, "\" profile=\"%s\">\n  <stages>\n", st_profile_name(meta->profile));
	for (i = 0; i < meta->nstages; i++) {
		const st_draft_stage *s = &meta->stages[i];
		char code[6];
		st_stage_format(code, s->stage);
		st_buf_printf(out, "    <stage code=\"%s\" date=\"%s\"", code, s->date);
		if (s->by) {
			st_buf_puts(out, " by=\"");
			st_xml_escape(out, s->by);
			st_buf_putc(out, '"');
		}
		if (s->tag) {
			st_buf_puts(out, " tag=\"");
			st_xml_escape(out, s->tag);
			st_buf_putc(out, '"');
		}
		st_buf_puts(out, "/>\n");
	}
	st_buf_puts(out, "  </stages>\n");
	if (meta->nignore) {
		st_buf_puts(out, "  <rules>\n");
		for (i = 0; i < meta->nignore; i++) {
			st_buf_puts(out, "    <ignore rule=\"");
			st_xml_escape(out, meta->ignore[i]);
			st_buf_puts(out, "\"/>\n");
		}
		st_buf_puts(out, "  </rules>\n");
	}
	st_buf_puts(out, "</draft>\n");
	return st_buf_check(out);
}

void st_draft_path(st_buf *out, const char *id, const char *file)
{
	st_buf_printf(out, "drafts/%s/%s", id, file);
}

int st_draft_meta_read(st_draft_meta **out, st_repo *repo, const char *id)
{
	st_buf path = ST_BUF_INIT, data = ST_BUF_INIT;
	int error;

	*out = NULL;
	if ((error = st_draft_id_check(id)) < 0)
		return error;
	st_draft_path(&path, id, "meta.xml");
	if ((error = st_buf_check(&path)) < 0)
		goto done;
	if ((error = st_repo_read(&data, repo, path.ptr)) < 0) {
		if (error == ST_ENOTFOUND)
			error = st_error_set(ST_ENOTFOUND, _("there is no draft '%s'"), id);
		goto done;
	}
	error = st_draft_meta_parse(out, data.ptr, data.size, path.ptr);
done:
	st_buf_dispose(&path);
	st_buf_dispose(&data);
	return error;
}
