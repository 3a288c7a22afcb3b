/* st_hooks.c: stdtool's Git pre-commit hook (st_hooks.h). */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <git2.h>

#include "st_draftmeta.h"
#include "st_error.h"
#include "st_hooks.h"
#include "st_i18n.h"
#include "st_lint.h"
#include "st_repo.h"

#define HOOK_NAME "pre-commit"

int st_hooks_dir(st_buf *out, st_repo *repo)
{
	git_repository *git = st_repo_git(repo);
	git_config *config = NULL;
	git_buf value = GIT_BUF_INIT;
	int error = 0;

	if (git_repository_config_snapshot(&config, git) < 0)
		return st_git_fail(ST_ERROR, _("cannot read the Git configuration"));
	if (git_config_get_path(&value, config, "core.hooksPath") == 0 && value.ptr && *value.ptr) {
		/* git runs hooks from the top of the work tree: a relative
		 * core.hooksPath is taken from there. */
		if (value.ptr[0] != '/')
			st_buf_puts(out, git_repository_is_bare(git) ? git_repository_path(git)
								      : git_repository_workdir(git));
		st_buf_puts(out, value.ptr);
	} else {
		st_buf_printf(out, "%shooks", git_repository_commondir(git));
	}
	git_error_clear();
	while (out->size > 1 && out->ptr[out->size - 1] == '/')
		out->ptr[--out->size] = '\0';
	error = st_buf_check(out);
	git_buf_dispose(&value);
	git_config_free(config);
	return error;
}

/* Appends 's' quoted for sh: 'it'\''s'. */
static void sh_quote(st_buf *out, const char *s)
{
	st_buf_putc(out, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			st_buf_puts(out, "'\\''");
		else
			st_buf_putc(out, *s);
	}
	st_buf_putc(out, '\'');
}

static void hook_script(st_buf *out, const char *program)
{
	st_buf missing = ST_BUF_INIT;

	st_buf_printf(&missing,
		_("stdtool pre-commit hook: cannot find stdtool, neither at '%s' nor on PATH: install it and run 'stdtool hooks install' again, or commit with 'git commit --no-verify' to skip the check"),
		program);
	st_buf_puts(out,
		"#!/bin/sh\n"
		ST_HOOK_MARK "\n"
		"# Written by 'stdtool hooks install'; 'stdtool hooks uninstall' removes it.\n"
		"# Refuses a commit whose staged records or drafts are not valid\n"
		"# ('git commit --no-verify' skips the check).\n"
		"hooks=$(dirname \"$0\")\n"
		"if [ -x \"$hooks/" ST_HOOK_SAVED "\" ]; then\n"
		"\t\"$hooks/" ST_HOOK_SAVED "\" \"$@\" || exit $?\n"
		"fi\n"
		"stdtool=");
	sh_quote(out, program);
	st_buf_puts(out,
		"\n"
		"if [ -x \"$stdtool\" ]; then\n"
		"\texec \"$stdtool\" hooks run pre-commit\n"
		"fi\n"
		"if command -v stdtool >/dev/null 2>&1; then\n"
		"\texec stdtool hooks run pre-commit\n"
		"fi\n"
		"printf '%s\\n' ");
	sh_quote(out, missing.ptr);
	st_buf_puts(out, " >&2\nexit 1\n");
	if (st_buf_failed(&missing))
		out->failed = 1;
	st_buf_dispose(&missing);
}

/* 1 when the file at 'path' is a hook stdtool wrote, 0 when not. */
static int is_ours(const char *path)
{
	char head[512];
	FILE *fp = fopen(path, "rb");
	size_t n;

	if (!fp)
		return 0;
	n = fread(head, 1, sizeof(head) - 1, fp);
	fclose(fp);
	head[n] = '\0';
	return strstr(head, "\n" ST_HOOK_MARK "\n") != NULL;
}

static int exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

/* Creates 'dir' and the folders above it that are missing. */
static int make_dirs(const char *dir)
{
	st_buf path = ST_BUF_INIT;
	size_t i;
	int error = 0;

	st_buf_puts(&path, dir);
	if ((error = st_buf_check(&path)) < 0)
		return error;
	for (i = 1; i <= path.size && !error; i++) {
		char c = path.ptr[i];
		if (c != '/' && c != '\0')
			continue;
		path.ptr[i] = '\0';
		if (mkdir(path.ptr, 0777) < 0 && errno != EEXIST)
			error = st_error_set(ST_ERROR, _("cannot create '%s': %s"), path.ptr, strerror(errno));
		path.ptr[i] = c;
	}
	st_buf_dispose(&path);
	return error;
}

static int write_file(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0755);

	if (fd < 0)
		return st_error_set(ST_ERROR, _("cannot write '%s': %s"), path, strerror(errno));
	if (write(fd, data, len) != (ssize_t)len || fchmod(fd, 0755) < 0 || close(fd) < 0) {
		int saved = errno;
		close(fd);
		unlink(path);
		return st_error_set(ST_ERROR, _("cannot write '%s': %s"), path, strerror(saved));
	}
	return 0;
}

int st_hooks_install(st_hook_install_outcome *outcome, st_buf *path_out, st_repo *repo,
		     const char *program, int force)
{
	st_buf dir = ST_BUF_INIT, hook = ST_BUF_INIT, saved = ST_BUF_INIT, tmp = ST_BUF_INIT;
	st_buf script = ST_BUF_INIT;
	int error, moved = 0;

	*outcome = ST_HOOK_INSTALLED;
	if (st_repo_is_bare(repo))
		return st_error_set(ST_ERROR,
			_("'%s' is a bare repository: nothing is committed there with 'git commit', so it needs no pre-commit hook"),
			st_repo_path(repo));
	if ((error = st_hooks_dir(&dir, repo)) < 0)
		goto done;
	st_buf_printf(&hook, "%s/" HOOK_NAME, dir.ptr);
	st_buf_printf(&saved, "%s/" ST_HOOK_SAVED, dir.ptr);
	st_buf_printf(&tmp, "%s/" HOOK_NAME ".stdtool-new", dir.ptr);
	hook_script(&script, program);
	if ((error = st_buf_check(&hook)) < 0 || (error = st_buf_check(&saved)) < 0 ||
	    (error = st_buf_check(&tmp)) < 0 || (error = st_buf_check(&script)) < 0)
		goto done;
	st_buf_puts(path_out, hook.ptr);
	if ((error = st_buf_check(path_out)) < 0)
		goto done;

	if (exists(hook.ptr)) {
		if (is_ours(hook.ptr)) {
			*outcome = ST_HOOK_UPDATED;
		} else if (!force) {
			error = st_error_set(ST_EEXISTS,
				_("'%s' is a pre-commit hook that is not stdtool's; it is left alone (--force keeps it as '%s' and runs it before stdtool's check)"),
				hook.ptr, ST_HOOK_SAVED);
			goto done;
		} else if (exists(saved.ptr)) {
			error = st_error_set(ST_EEXISTS,
				_("cannot keep the pre-commit hook there as '%s': that file exists already"),
				saved.ptr);
			goto done;
		} else {
			*outcome = ST_HOOK_CHAINED;
		}
	}
	if ((error = make_dirs(dir.ptr)) < 0 ||
	    (error = write_file(tmp.ptr, script.ptr, script.size)) < 0)
		goto done;
	if (*outcome == ST_HOOK_CHAINED) {
		if (rename(hook.ptr, saved.ptr) < 0) {
			error = st_error_set(ST_ERROR, _("cannot rename '%s': %s"), hook.ptr, strerror(errno));
			unlink(tmp.ptr);
			goto done;
		}
		moved = 1;
	}
	if (rename(tmp.ptr, hook.ptr) < 0) {
		error = st_error_set(ST_ERROR, _("cannot write '%s': %s"), hook.ptr, strerror(errno));
		unlink(tmp.ptr);
		if (moved)
			rename(saved.ptr, hook.ptr);
		goto done;
	}
done:
	st_buf_dispose(&dir);
	st_buf_dispose(&hook);
	st_buf_dispose(&saved);
	st_buf_dispose(&tmp);
	st_buf_dispose(&script);
	return error;
}

int st_hooks_uninstall(int *restored, st_buf *path_out, st_repo *repo)
{
	st_buf dir = ST_BUF_INIT, hook = ST_BUF_INIT, saved = ST_BUF_INIT;
	int error;

	*restored = 0;
	if ((error = st_hooks_dir(&dir, repo)) < 0)
		goto done;
	st_buf_printf(&hook, "%s/" HOOK_NAME, dir.ptr);
	st_buf_printf(&saved, "%s/" ST_HOOK_SAVED, dir.ptr);
	if ((error = st_buf_check(&hook)) < 0 || (error = st_buf_check(&saved)) < 0)
		goto done;
	st_buf_puts(path_out, hook.ptr);
	if ((error = st_buf_check(path_out)) < 0)
		goto done;
	if (!exists(hook.ptr)) {
		error = st_error_set(ST_ENOTFOUND, _("there is no pre-commit hook in '%s'"), dir.ptr);
		goto done;
	}
	if (!is_ours(hook.ptr)) {
		error = st_error_set(ST_EEXISTS,
			_("'%s' is not stdtool's pre-commit hook; it is left alone"), hook.ptr);
		goto done;
	}
	if (exists(saved.ptr)) {
		if (rename(saved.ptr, hook.ptr) < 0) {
			error = st_error_set(ST_ERROR, _("cannot rename '%s': %s"), saved.ptr, strerror(errno));
			goto done;
		}
		*restored = 1;
	} else if (unlink(hook.ptr) < 0) {
		error = st_error_set(ST_ERROR, _("cannot remove '%s': %s"), hook.ptr, strerror(errno));
		goto done;
	}
done:
	st_buf_dispose(&dir);
	st_buf_dispose(&hook);
	st_buf_dispose(&saved);
	return error;
}

/* ------------------------------------------------------------------ */
/* the check                                                            */

struct check {
	st_repo *repo;
	git_repository *git;
	git_index *index;
	st_hook_counts *counts;
	st_hook_finding_cb cb;
	void *payload;
};

static int report(struct check *c, const st_hook_finding *f)
{
	if (f->severity == ST_SEVERITY_ERROR)
		c->counts->errors++;
	else
		c->counts->warnings++;
	return c->cb(f, c->payload);
}

/* Reads "PATH:LINE:COLUMN: message" (as st_xml reports) into 'f'. */
static void split_location(st_hook_finding *f, const char *message)
{
	size_t n = strlen(f->path);
	const char *p;
	char *end;
	long line, column;

	f->line = 1;
	f->column = 0;
	f->message = message;
	if (strncmp(message, f->path, n) != 0 || message[n] != ':')
		return;
	p = message + n + 1;
	if (*p < '0' || *p > '9')
		return;
	line = strtol(p, &end, 10);
	if (*end != ':')
		return;
	p = end + 1;
	column = 0;
	if (*p >= '0' && *p <= '9') {
		column = strtol(p, &end, 10);
		if (*end != ':')
			return;
		p = end + 1;
	}
	while (*p == ' ')
		p++;
	f->line = line > 0 ? line : 1;
	f->column = column;
	f->message = p;
}

/* The id of a drafts/ID/draft.xml path into 'id', or 0 when it is not one. */
static int draft_text_id(st_buf *id, const char *path)
{
	const char *rest, *slash;

	if (strncmp(path, "drafts/", 7) != 0)
		return 0;
	rest = path + 7;
	slash = strchr(rest, '/');
	if (!slash || slash == rest || strcmp(slash, "/draft.xml") != 0)
		return 0;
	st_buf_put(id, rest, (size_t)(slash - rest));
	return 1;
}

/* The staged content of 'path', or ST_ENOTFOUND. */
static int staged_blob(git_blob **out, struct check *c, const char *path)
{
	const git_index_entry *e = git_index_get_bypath(c->index, path, 0);

	if (!e)
		return ST_ENOTFOUND;
	if (git_blob_lookup(out, c->git, &e->id) < 0)
		return st_git_fail(ST_ERROR, path);
	return 0;
}

/* The drafting rules on a staged draft, with its staged meta.xml's settings. */
static int lint_draft(struct check *c, const char *path, const char *id,
		      const char *data, size_t len)
{
	st_findings findings = ST_FINDINGS_INIT;
	st_lint_options opts;
	st_draft_meta *meta = NULL;
	git_blob *blob = NULL;
	st_buf meta_path = ST_BUF_INIT;
	size_t i;
	int error;

	memset(&opts, 0, sizeof(opts));
	st_draft_path(&meta_path, id, "meta.xml");
	if ((error = st_buf_check(&meta_path)) < 0)
		goto done;
	error = staged_blob(&blob, c, meta_path.ptr);
	if (error < 0 && error != ST_ENOTFOUND)
		goto done;
	/* A meta.xml that is missing or broken is its own finding (if it
	 * is staged) or 'stdtool check''s: the rules run with defaults. */
	if (blob && st_draft_meta_parse(&meta, git_blob_rawcontent(blob),
					(size_t)git_blob_rawsize(blob), meta_path.ptr) < 0)
		meta = NULL;
	st_error_clear();
	if (meta) {
		opts.profile = meta->profile;
		opts.ignore = meta->ignore;
		opts.nignore = meta->nignore;
	}
	opts.schema = NULL; /* the record's schema was checked already */
	if ((error = st_lint_memory(&findings, data, len, path, &opts, NULL)) < 0)
		goto done;
	for (i = 0; i < findings.n && !error; i++) {
		const st_finding *lf = &findings.items[i];
		st_hook_finding f;
		f.path = path;
		f.line = lf->line > 0 ? lf->line : 1;
		f.column = 0;
		f.severity = lf->severity;
		f.rule = lf->rule;
		f.message = lf->message;
		error = report(c, &f);
	}
done:
	st_findings_dispose(&findings);
	st_draft_meta_free(meta);
	git_blob_free(blob);
	st_buf_dispose(&meta_path);
	return error;
}

static int check_file(struct check *c, const char *path, const git_oid *id)
{
	git_blob *blob = NULL;
	st_buf message = ST_BUF_INIT, draft = ST_BUF_INIT;
	const char *data;
	size_t len;
	int error;

	if (git_blob_lookup(&blob, c->git, id) < 0)
		return st_git_fail(ST_ERROR, path);
	data = git_blob_rawcontent(blob);
	len = (size_t)git_blob_rawsize(blob);
	c->counts->files++;
	error = st_repo_validate_record(c->repo, path, data, len);
	if (error == ST_EINVALID) {
		st_hook_finding f;
		st_buf_puts(&message, st_error_last());
		if ((error = st_buf_check(&message)) < 0)
			goto done;
		f.path = path;
		f.severity = ST_SEVERITY_ERROR;
		f.rule = NULL;
		split_location(&f, message.ptr);
		error = report(c, &f);
		goto done;
	}
	if (error < 0)
		goto done;
	if (draft_text_id(&draft, path)) {
		if ((error = st_buf_check(&draft)) == 0)
			error = lint_draft(c, path, draft.ptr, data, len);
	}
done:
	git_blob_free(blob);
	st_buf_dispose(&message);
	st_buf_dispose(&draft);
	return error;
}

int st_hooks_check_staged(st_hook_counts *counts, st_repo *repo, const char *index_path,
			  st_hook_finding_cb cb, void *payload)
{
	struct check c;
	git_object *head = NULL;
	git_tree *tree = NULL;
	git_diff_options opts;
	git_diff *diff = NULL;
	size_t i, n;
	int rc, error = 0;

	memset(counts, 0, sizeof(*counts));
	memset(&c, 0, sizeof(c));
	c.repo = repo;
	c.git = st_repo_git(repo);
	c.counts = counts;
	c.cb = cb;
	c.payload = payload;
	if (index_path && *index_path)
		rc = git_index_open(&c.index, index_path);
	else if ((rc = git_repository_index(&c.index, c.git)) == 0)
		rc = git_index_read(c.index, 0); /* as it is on disk now */
	if (rc < 0)
		return st_git_fail(ST_ERROR, index_path && *index_path ? index_path : _("cannot read the index"));
	rc = git_revparse_single(&head, c.git, "HEAD^{tree}");
	if (rc == 0)
		tree = (git_tree *)head;
	else if (rc != GIT_ENOTFOUND && rc != GIT_EUNBORNBRANCH) {
		error = st_git_fail(ST_ERROR, _("cannot read HEAD"));
		goto done;
	}
	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	opts.flags = GIT_DIFF_INCLUDE_TYPECHANGE;
	if (git_diff_tree_to_index(&diff, c.git, tree, c.index, &opts) < 0) {
		error = st_git_fail(ST_ERROR, _("cannot compare the index with HEAD"));
		goto done;
	}
	n = git_diff_num_deltas(diff);
	for (i = 0; i < n && !error; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		if (d->status == GIT_DELTA_DELETED || d->new_file.mode == GIT_FILEMODE_COMMIT ||
		    d->new_file.mode == GIT_FILEMODE_TREE || d->new_file.mode == 0)
			continue;
		error = check_file(&c, d->new_file.path, &d->new_file.id);
	}
done:
	git_diff_free(diff);
	git_object_free(head);
	git_index_free(c.index);
	return error;
}
