/* st_import.c: CSV import of organisations, standards and secretariats. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "st_csv.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_import.h"
#include "st_index.h"
#include "st_org.h"
#include "st_secretariat.h"
#include "st_standard.h"

/* The columns each kind knows; required ones first, up to 'required'. */
static const char *const org_columns[] = { "uscc", "name", "kind", "name_en", NULL };
static const char *const standard_columns[] = {
	"id", "level", "number", "title", "fields", "published", "title_en", "implemented",
	"deliverable", "revision_of", "committee", "ics", "drafters", "roles", NULL,
};
static const char *const secretariat_columns[] = {
	"committee", "level", "kind", "org", "approved", "fields", "document", "ended", NULL,
};

/* A set of strings (open addressing), for duplicates within the file and
 * against the repository: constant time per row at any size. */
struct set {
	char **slots;
	size_t n, nslots;
};

static size_t set_hash(const char *s)
{
	size_t h = 14695981039346656037UL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211UL;
	return h;
}

static int set_has(struct set *s, const char *item)
{
	size_t i;

	if (!s->nslots)
		return 0;
	for (i = set_hash(item) & (s->nslots - 1); s->slots[i]; i = (i + 1) & (s->nslots - 1))
		if (strcmp(s->slots[i], item) == 0)
			return 1;
	return 0;
}

static int set_add(struct set *s, const char *item)
{
	size_t i;

	if ((s->n + 1) * 2 > s->nslots) {
		size_t n = s->nslots ? s->nslots * 2 : 256, k;
		char **slots = calloc(n, sizeof(*slots));
		if (!slots)
			return st_error_oom();
		for (k = 0; k < s->nslots; k++) {
			if (!s->slots[k])
				continue;
			for (i = set_hash(s->slots[k]) & (n - 1); slots[i]; i = (i + 1) & (n - 1))
				;
			slots[i] = s->slots[k];
		}
		free(s->slots);
		s->slots = slots;
		s->nslots = n;
	}
	for (i = set_hash(item) & (s->nslots - 1); s->slots[i]; i = (i + 1) & (s->nslots - 1))
		if (strcmp(s->slots[i], item) == 0)
			return 0;
	if (!(s->slots[i] = strdup(item)))
		return st_error_oom();
	s->n++;
	return 0;
}

static int set_insert(struct set *s, const char *item)
{
	return set_add(s, item);
}

static void set_free(struct set *s)
{
	size_t i;

	for (i = 0; i < s->nslots; i++)
		free(s->slots[i]);
	free(s->slots);
}

struct import {
	st_txn *txn;
	const char *name;
	st_import_report report;
	void *payload;
	size_t bad;       /* problems reported */
	size_t bad_rows;  /* rows with at least one problem */
	size_t last_bad_line;
	int column[16]; /* index in the row of each known column, or -1 */
	size_t width;   /* cells in the header row */
	struct set ids, numbers;
	st_buf path, xml;
};

static void bad_row(struct import *im, size_t line, const char *message)
{
	im->bad++;
	if (line != im->last_bad_line)
		im->bad_rows++;
	im->last_bad_line = line;
	im->report(line, message, im->payload);
}

static const char *cell(const struct import *im, const st_csv_row *row, int col)
{
	int at = im->column[col];

	if (at < 0 || (size_t)at >= row->nfields || row->fields[at][0] == '\0')
		return NULL;
	return row->fields[at];
}

static int map_header(struct import *im, const st_csv_row *header, const char *const *columns,
		      int required)
{
	size_t i;
	int c, ok = 1;
	char name[64], msg[256];

	for (c = 0; columns[c]; c++)
		im->column[c] = -1;
	for (i = 0; i < header->nfields; i++) {
		size_t k;
		snprintf(name, sizeof(name), "%s", header->fields[i]);
		for (k = 0; name[k]; k++) {
			if (name[k] == '-')
				name[k] = '_';
			if (name[k] >= 'A' && name[k] <= 'Z')
				name[k] = (char)(name[k] - 'A' + 'a');
		}
		for (c = 0; columns[c] && strcmp(columns[c], name) != 0; c++)
			;
		if (!columns[c]) {
			snprintf(msg, sizeof(msg), _("unknown column '%s'"), header->fields[i]);
			bad_row(im, header->line, msg);
			ok = 0;
		} else if (im->column[c] >= 0) {
			snprintf(msg, sizeof(msg), _("column '%s' appears twice"), header->fields[i]);
			bad_row(im, header->line, msg);
			ok = 0;
		} else {
			im->column[c] = (int)i;
		}
	}
	for (c = 0; c < required; c++) {
		if (im->column[c] < 0) {
			snprintf(msg, sizeof(msg), _("missing column '%s'"), columns[c]);
			bad_row(im, header->line, msg);
			ok = 0;
		}
	}
	return ok;
}

static int registered(struct import *im, const char *uscc)
{
	int yes;

	st_buf_clear(&im->path);
	st_org_path(&im->path, uscc);
	yes = !im->path.failed && st_txn_exists(im->txn, im->path.ptr);
	return yes;
}

/* A row's own problem: reported, not fatal. */
static int row_problem(struct import *im, size_t line)
{
	bad_row(im, line, st_error_last());
	return 0;
}

static int import_org(struct import *im, const st_csv_row *row)
{
	st_org *org = NULL;
	char msg[256];
	int error;

	if (st_org_new(&org, cell(im, row, 0) ? cell(im, row, 0) : "", cell(im, row, 1) ? cell(im, row, 1) : "",
		       cell(im, row, 3), cell(im, row, 2) ? cell(im, row, 2) : "") < 0)
		return row_problem(im, row->line);
	if (set_has(&im->ids, org->uscc)) {
		snprintf(msg, sizeof(msg), _("organisation %s appears twice in the file"), org->uscc);
		bad_row(im, row->line, msg);
		goto done;
	}
	if ((error = set_insert(&im->ids, org->uscc)) < 0)
		goto fail;
	if (registered(im, org->uscc)) {
		snprintf(msg, sizeof(msg), _("organisation %s is already registered"), org->uscc);
		bad_row(im, row->line, msg);
		goto done;
	}
	st_buf_clear(&im->xml);
	if ((error = st_org_to_xml(&im->xml, org)) < 0)
		goto fail;
	if (st_txn_put(im->txn, im->path.ptr, im->xml.ptr, im->xml.size) < 0)
		row_problem(im, row->line);
done:
	st_org_free(org);
	return 0;
fail:
	st_org_free(org);
	return error;
}

/* "USCC:X;USCC:Y" or separated by spaces. */
static int parse_pairs(struct import *im, const st_csv_row *row, const char *text, st_standard *std,
		       int drafters)
{
	char *copy = strdup(text), *p, *next;
	char msg[512];
	int error = 0;

	if (!copy)
		return st_error_oom();
	for (p = copy; p && *p; p = next) {
		char *colon, code[ST_USCC_LEN + 1];
		size_t len;
		p += strspn(p, "; ");
		if (!*p)
			break;
		len = strcspn(p, "; ");
		next = p[len] ? p + len + 1 : NULL;
		p[len] = '\0';
		colon = strchr(p, ':');
		if (!colon) {
			snprintf(msg, sizeof(msg), drafters ?
				 _("drafter '%s' is not of the form USCC:RANK") :
				 _("role '%s' is not of the form USCC:ROLE"), p);
			bad_row(im, row->line, msg);
			continue;
		}
		*colon = '\0';
		if (st_uscc_normalise(code, p) < 0) {
			row_problem(im, row->line);
			continue;
		}
		if (!registered(im, code)) {
			snprintf(msg, sizeof(msg), _("organisation %s is not registered"), code);
			bad_row(im, row->line, msg);
			continue;
		}
		if (drafters) {
			int rank = atoi(colon + 1);
			size_t i;
			if (rank < 1 || rank > 999 || strspn(colon + 1, "0123456789") != strlen(colon + 1)) {
				snprintf(msg, sizeof(msg), _("invalid rank '%s'"), colon + 1);
				bad_row(im, row->line, msg);
				continue;
			}
			for (i = 0; i < std->ndrafters; i++)
				if (std->drafters[i].rank == rank || strcmp(std->drafters[i].uscc, code) == 0)
					break;
			if (i < std->ndrafters) {
				snprintf(msg, sizeof(msg), _("rank %d or drafting unit %s given twice"), rank, code);
				bad_row(im, row->line, msg);
				continue;
			}
			{
				st_drafter *grown = realloc(std->drafters, (std->ndrafters + 1) * sizeof(*grown));
				if (!grown) {
					error = st_error_oom();
					break;
				}
				std->drafters = grown;
				memcpy(grown[std->ndrafters].uscc, code, sizeof(code));
				grown[std->ndrafters++].rank = rank;
			}
		} else {
			static const char *const roles[] = { "project-leader", "convenor", "editor", "expert", NULL };
			size_t r;
			st_role *grown;
			for (r = 0; roles[r] && strcmp(roles[r], colon + 1) != 0; r++)
				;
			if (!roles[r]) {
				snprintf(msg, sizeof(msg), _("unknown role '%s'"), colon + 1);
				bad_row(im, row->line, msg);
				continue;
			}
			if (!(grown = realloc(std->roles, (std->nroles + 1) * sizeof(*grown)))) {
				error = st_error_oom();
				break;
			}
			std->roles = grown;
			memcpy(grown[std->nroles].uscc, code, sizeof(code));
			snprintf(grown[std->nroles].role, sizeof(grown->role), "%s", roles[r]);
			std->nroles++;
		}
	}
	free(copy);
	return error;
}

static int import_standard(struct import *im, const st_csv_row *row)
{
	st_standard_input in;
	st_standard *std = NULL;
	char msg[256];
	size_t before = im->bad;
	int error = 0;

	memset(&in, 0, sizeof(in));
	in.id = cell(im, row, 0) ? cell(im, row, 0) : "";
	in.level = cell(im, row, 1) ? cell(im, row, 1) : "";
	in.number = cell(im, row, 2) ? cell(im, row, 2) : "";
	in.title = cell(im, row, 3) ? cell(im, row, 3) : "";
	in.fields = cell(im, row, 4) ? cell(im, row, 4) : "";
	in.published = cell(im, row, 5) ? cell(im, row, 5) : "";
	in.title_en = cell(im, row, 6);
	in.implemented = cell(im, row, 7);
	in.deliverable = cell(im, row, 8);
	in.revision_of = cell(im, row, 9);
	in.committee = cell(im, row, 10);
	in.ics = cell(im, row, 11);
	if (st_standard_new(&std, &in) < 0)
		return row_problem(im, row->line);
	if (set_has(&im->ids, std->id)) {
		snprintf(msg, sizeof(msg), _("standard '%s' appears twice in the file"), std->id);
		bad_row(im, row->line, msg);
	} else if ((error = set_insert(&im->ids, std->id)) < 0) {
		goto done;
	}
	if (set_has(&im->numbers, std->number.number)) {
		snprintf(msg, sizeof(msg), _("standard %s is already recorded or appears twice"), std->number.number);
		bad_row(im, row->line, msg);
	} else if ((error = set_insert(&im->numbers, std->number.number)) < 0) {
		goto done;
	}
	if (cell(im, row, 12) && (error = parse_pairs(im, row, cell(im, row, 12), std, 1)) < 0)
		goto done;
	if (cell(im, row, 13) && (error = parse_pairs(im, row, cell(im, row, 13), std, 0)) < 0)
		goto done;
	st_buf_clear(&im->path);
	st_standard_path(&im->path, std->id);
	if (im->bad == before && st_txn_exists(im->txn, im->path.ptr)) {
		snprintf(msg, sizeof(msg), _("standard '%s' is already recorded"), std->id);
		bad_row(im, row->line, msg);
	}
	if (im->bad == before) {
		st_buf_clear(&im->xml);
		if ((error = st_standard_to_xml(&im->xml, std)) < 0)
			goto done;
		if (st_txn_put(im->txn, im->path.ptr, im->xml.ptr, im->xml.size) < 0)
			row_problem(im, row->line);
	}
done:
	st_standard_free(std);
	return error;
}

static int import_secretariat(struct import *im, const st_csv_row *row)
{
	st_secretariat_input in;
	st_secretariat *sec = NULL;
	char msg[256];
	int error = 0;

	memset(&in, 0, sizeof(in));
	in.committee = cell(im, row, 0) ? cell(im, row, 0) : "";
	in.level = cell(im, row, 1) ? cell(im, row, 1) : "";
	in.kind = cell(im, row, 2) ? cell(im, row, 2) : "";
	in.org = cell(im, row, 3) ? cell(im, row, 3) : "";
	in.approved = cell(im, row, 4) ? cell(im, row, 4) : "";
	in.fields = cell(im, row, 5) ? cell(im, row, 5) : "";
	in.document = cell(im, row, 6);
	in.ended = cell(im, row, 7);
	if (st_secretariat_new(&sec, &in) < 0)
		return row_problem(im, row->line);
	if (set_has(&im->ids, sec->committee.id)) {
		snprintf(msg, sizeof(msg), _("the secretariat of %s appears twice in the file"), sec->committee.id);
		bad_row(im, row->line, msg);
		goto done;
	}
	if ((error = set_insert(&im->ids, sec->committee.id)) < 0)
		goto done;
	if (!registered(im, sec->uscc)) {
		snprintf(msg, sizeof(msg), _("organisation %s is not registered"), sec->uscc);
		bad_row(im, row->line, msg);
		goto done;
	}
	st_buf_clear(&im->path);
	st_secretariat_path(&im->path, sec->committee.slug);
	if (st_txn_exists(im->txn, im->path.ptr)) {
		snprintf(msg, sizeof(msg), _("the secretariat of %s is already recorded"), sec->committee.id);
		bad_row(im, row->line, msg);
		goto done;
	}
	st_buf_clear(&im->xml);
	if ((error = st_secretariat_to_xml(&im->xml, sec)) < 0)
		goto done;
	if (st_txn_put(im->txn, im->path.ptr, im->xml.ptr, im->xml.size) < 0)
		row_problem(im, row->line);
done:
	st_secretariat_free(sec);
	return error;
}

/* Numbers of the standards already recorded, read from the raw records. */
static int collect_number(const char *name, const char *data, size_t len, void *p)
{
	struct set *numbers = p;
	const char *start = memmem(data, len, "<number>", 8), *end;
	char number[ST_STDNUM_MAX];

	(void)name;
	if (!start)
		return 0;
	start += 8;
	end = memmem(start, len - (size_t)(start - data), "</number>", 9);
	if (!end || (size_t)(end - start) >= sizeof(number))
		return 0;
	memcpy(number, start, (size_t)(end - start));
	number[end - start] = '\0';
	return set_add(numbers, number);
}

int st_import_csv(st_repo *repo, const char *kind, const char *data, size_t len,
		  const char *name, const char *author, st_import_report report,
		  void *payload, size_t *count)
{
	struct import im;
	st_csv csv = { NULL, 0 };
	st_buf message = ST_BUF_INIT;
	const char *const *columns;
	int required, error;
	size_t i;

	*count = 0;
	memset(&im, 0, sizeof(im));
	st_buf_init(&im.path);
	st_buf_init(&im.xml);
	im.name = name;
	im.report = report;
	im.payload = payload;
	if (strcmp(kind, "orgs") == 0) {
		columns = org_columns;
		required = 3;
	} else if (strcmp(kind, "standards") == 0) {
		columns = standard_columns;
		required = 6;
	} else if (strcmp(kind, "secretariats") == 0) {
		columns = secretariat_columns;
		required = 6;
	} else {
		return st_error_set(ST_EINVALID,
			_("unknown kind '%s' (expected orgs, standards or secretariats)"), kind);
	}
	if ((error = st_csv_parse(&csv, data, len, name)) < 0)
		return error;
	if (csv.nrows == 0) {
		error = st_error_set(ST_EINVALID, _("%s: the file is empty; it needs a header row"), name);
		goto done;
	}
	if ((error = st_txn_begin(&im.txn, repo)) < 0)
		goto done;
	if (!map_header(&im, &csv.rows[0], columns, required)) {
		error = st_error_set(ST_EINVALID, _("%s: the header row is wrong; nothing was imported"), name);
		goto done;
	}
	if (strcmp(kind, "standards") == 0 &&
	    (error = st_repo_each_blob(repo, "standards", collect_number, &im.numbers)) < 0)
		goto done;
	im.width = csv.rows[0].nfields;
	for (i = 1; i < csv.nrows; i++) {
		if (csv.rows[i].nfields > im.width) {
			char msg[256];
			snprintf(msg, sizeof(msg),
				 _("this row has %zu cells but the header has %zu (a value with a comma needs quotes)"),
				 csv.rows[i].nfields, im.width);
			bad_row(&im, csv.rows[i].line, msg);
			continue;
		}
		if (strcmp(kind, "orgs") == 0)
			error = import_org(&im, &csv.rows[i]);
		else if (strcmp(kind, "standards") == 0)
			error = import_standard(&im, &csv.rows[i]);
		else
			error = import_secretariat(&im, &csv.rows[i]);
		if (error < 0)
			goto done;
	}
	if (im.bad) {
		error = st_error_set(ST_EINVALID,
			Q_("%s: %zu bad row; nothing was imported", "%s: %zu bad rows; nothing was imported", im.bad_rows),
			name, im.bad_rows);
		goto done;
	}
	if (csv.nrows == 1) {
		error = st_error_set(ST_EINVALID, _("%s: no rows below the header; nothing was imported"), name);
		goto done;
	}
	st_buf_printf(&message, "import: %zu %.*s from %s\n", csv.nrows - 1,
		      (int)(csv.nrows - 1 == 1 ? strlen(kind) - 1 : strlen(kind)), kind, name);
	if ((error = st_buf_check(&message)) < 0 ||
	    (error = st_txn_commit(im.txn, message.ptr, author)) < 0)
		goto done;
	*count = csv.nrows - 1;
	/* The first claim after a bulk import should not pay for the index. */
	if (strcmp(kind, "standards") == 0)
		st_index_refresh(repo);
done:
	st_txn_free(im.txn);
	st_csv_free(&csv);
	set_free(&im.ids);
	set_free(&im.numbers);
	st_buf_dispose(&im.path);
	st_buf_dispose(&im.xml);
	st_buf_dispose(&message);
	return error;
}
