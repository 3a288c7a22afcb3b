/* st_check.c: consistency check of a whole repository. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "st_check.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_org.h"
#include "st_secretariat.h"
#include "st_standard.h"

struct check_state {
	st_repo *repo;
	st_check_cb cb;
	void *payload;
	size_t checked;
	size_t findings;
	st_buf content;
};

static int report(struct check_state *state, const char *path, const char *message)
{
	state->findings++;
	return state->cb(path, message, state->payload);
}

static int ends_with(const char *s, const char *suffix)
{
	size_t ls = strlen(s), lx = strlen(suffix);

	return ls >= lx && strcmp(s + ls - lx, suffix) == 0;
}

/* Org records: the code must pass its checks and name the file. */
static int check_org(struct check_state *state, const char *path)
{
	st_org *org = NULL;
	char uscc[ST_USCC_LEN + 1];
	const char *file = path + strlen("orgs/");
	int error, result = 0;

	if (st_org_from_xml(&org, state->content.ptr, state->content.size, path) < 0)
		return report(state, path, st_error_last());
	if (!st_org_kind_valid(org->kind)) {
		st_error_set(ST_EINVALID,
			_("%s: unknown organisation kind '%s' (expected one of: enterprise, research-institute, university, association, government, other)"),
			path, org->kind);
		result = report(state, path, st_error_last());
	} else if (st_uscc_normalise(uscc, org->uscc) < 0) {
		char message[1024];
		snprintf(message, sizeof(message), "%s: %s", path, st_error_last());
		result = report(state, path, message);
	}
	else if (strncmp(file, org->uscc, ST_USCC_LEN) != 0 || strcmp(file + ST_USCC_LEN, ".xml") != 0) {
		st_error_set(ST_EINVALID, _("%s: the file name does not match the USCC %s"),
			     path, org->uscc);
		result = report(state, path, st_error_last());
	}
	error = result;
	st_org_free(org);
	return error;
}

/* A finding that names its file, from a format and the path. */
static int finding(struct check_state *state, const char *path, const char *message)
{
	char line[1024];

	snprintf(line, sizeof(line), "%s: %s", path, message);
	return report(state, path, line);
}

static int registered(struct check_state *state, const char *uscc)
{
	st_buf path = ST_BUF_INIT, data = ST_BUF_INIT;
	int yes;

	st_org_path(&path, uscc);
	yes = !path.failed && st_repo_read(&data, state->repo, path.ptr) == 0;
	st_buf_dispose(&path);
	st_buf_dispose(&data);
	return yes;
}

/* What a schema cannot say about a standard: its file and its organisations. */
static int check_standard(struct check_state *state, const char *path)
{
	st_standard *std = NULL;
	const char *file = path + strlen("standards/");
	char message[512];
	size_t i;
	int error = 0;

	if (st_standard_from_xml(&std, state->content.ptr, state->content.size, path) < 0)
		return report(state, path, st_error_last());
	if (strlen(file) != strlen(std->id) + 4 || strncmp(file, std->id, strlen(std->id)) != 0) {
		snprintf(message, sizeof(message), _("the file name does not match the id '%s'"), std->id);
		error = finding(state, path, message);
	}
	for (i = 0; !error && i < std->ndrafters + std->nroles; i++) {
		const char *uscc = i < std->ndrafters ? std->drafters[i].uscc
						      : std->roles[i - std->ndrafters].uscc;
		if (!registered(state, uscc)) {
			snprintf(message, sizeof(message), _("names organisation %s, which is not registered"), uscc);
			error = finding(state, path, message);
		}
	}
	st_standard_free(std);
	return error;
}

static int check_secretariat(struct check_state *state, const char *path)
{
	st_secretariat *sec = NULL;
	const char *file = path + strlen("secretariats/");
	char message[512];
	int error = 0;

	if (st_secretariat_from_xml(&sec, state->content.ptr, state->content.size, path) < 0)
		return report(state, path, st_error_last());
	if (strlen(file) != strlen(sec->committee.slug) + 4 ||
	    strncmp(file, sec->committee.slug, strlen(sec->committee.slug)) != 0) {
		snprintf(message, sizeof(message), _("the file name does not match the committee '%s'"),
			 sec->committee.id);
		error = finding(state, path, message);
	} else if (!registered(state, sec->uscc)) {
		snprintf(message, sizeof(message), _("names organisation %s, which is not registered"), sec->uscc);
		error = finding(state, path, message);
	}
	st_secretariat_free(sec);
	return error;
}

static int check_file(const char *path, void *payload)
{
	struct check_state *state = payload;
	int error;

	if (!ends_with(path, ".xml"))
		return 0;
	state->checked++;
	st_buf_clear(&state->content);
	if ((error = st_repo_read(&state->content, state->repo, path)) < 0)
		return error;
	/* The organisation rules speak plainer than a schema message. */
	if (strncmp(path, "orgs/", 5) == 0 && !strchr(path + 5, '/')) {
		size_t before = state->findings;
		if ((error = check_org(state, path)) != 0)
			return error;
		if (state->findings != before)
			return 0;
	}
	error = st_repo_validate_record(state->repo, path, state->content.ptr,
					state->content.size);
	/* ST_EINVALID is the record's fault; anything else (a schema that
	 * cannot be loaded) the installation's, and stops the check. */
	if (error == ST_EINVALID)
		return report(state, path, st_error_last());
	if (error < 0)
		return error;
	if (strncmp(path, "standards/", 10) == 0)
		return check_standard(state, path);
	if (strncmp(path, "secretariats/", 13) == 0)
		return check_secretariat(state, path);
	return 0;
}

int st_check_repository(st_repo *repo, st_check_cb cb, void *payload, size_t *checked)
{
	struct check_state state = { repo, cb, payload, 0, 0, ST_BUF_INIT };
	int error;

	error = st_repo_walk(repo, check_file, &state);
	*checked = state.checked;
	st_buf_dispose(&state.content);
	return error;
}
