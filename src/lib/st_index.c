/* st_index.c: organisations to the standards that name them, cached. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "st_buf.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_index.h"
#include "st_uscc.h"

#define INDEX_DIR "stdtool-cache"
#define INDEX_FILE INDEX_DIR "/standards-by-org"
#define INDEX_MAGIC "stdtool-index 1 "

struct entry {
	char uscc[ST_USCC_LEN + 1];
	char *name;
};

struct index {
	char tree[41];
	struct entry *entries;
	size_t n, alloc;
	/* while updating: names that changed, and what they say now */
	char **gone;
	size_t ngone, agone;
};

static void index_free(struct index *ix)
{
	size_t i;

	for (i = 0; i < ix->n; i++)
		free(ix->entries[i].name);
	free(ix->entries);
	for (i = 0; i < ix->ngone; i++)
		free(ix->gone[i]);
	free(ix->gone);
	memset(ix, 0, sizeof(*ix));
}

static int add_entry(struct index *ix, const char *uscc, const char *name)
{
	struct entry *e;

	if (ix->n == ix->alloc) {
		size_t n = ix->alloc ? ix->alloc * 2 : 1024;
		struct entry *grown = realloc(ix->entries, n * sizeof(*grown));
		if (!grown)
			return st_error_oom();
		ix->entries = grown;
		ix->alloc = n;
	}
	e = &ix->entries[ix->n];
	memcpy(e->uscc, uscc, ST_USCC_LEN);
	e->uscc[ST_USCC_LEN] = '\0';
	if (!(e->name = strdup(name)))
		return st_error_oom();
	ix->n++;
	return 0;
}

static int entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = strcmp(x->uscc, y->uscc);

	return c ? c : strcmp(x->name, y->name);
}

static int is_uscc_char(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

/*
 * The organisations a record names: every org="..." attribute (spaces
 * around '=' and either quote).  A false match is harmless, since the
 * caller parses the record; the writer always uses this form.
 */
static int extract(struct index *ix, const char *name, const char *data, size_t len)
{
	const char *p = data, *end = data + len;
	int error;

	while ((p = memmem(p, (size_t)(end - p), "org", 3)) != NULL) {
		const char *q = p + 3;
		char quote;
		p += 3;
		if (p - 4 >= data && p[-4] != ' ' && p[-4] != '\t' && p[-4] != '\n')
			continue;
		while (q < end && (*q == ' ' || *q == '\t' || *q == '\n'))
			q++;
		if (q >= end || *q++ != '=')
			continue;
		while (q < end && (*q == ' ' || *q == '\t' || *q == '\n'))
			q++;
		if (q >= end || (*q != '"' && *q != '\''))
			continue;
		quote = *q++;
		if (end - q < ST_USCC_LEN + 1 || q[ST_USCC_LEN] != quote)
			continue;
		{
			int k, ok = 1;
			for (k = 0; k < ST_USCC_LEN; k++)
				ok &= is_uscc_char(q[k]);
			if (ok && (error = add_entry(ix, q, name)) < 0)
				return error;
		}
	}
	return 0;
}

static int build_one(const char *name, const char *data, size_t len, void *payload)
{
	return extract(payload, name, data, len);
}

static int note_change(const char *name, const char *data, size_t len, void *payload)
{
	struct index *ix = payload;

	if (ix->ngone == ix->agone) {
		size_t n = ix->agone ? ix->agone * 2 : 64;
		char **grown = realloc(ix->gone, n * sizeof(*grown));
		if (!grown)
			return st_error_oom();
		ix->gone = grown;
		ix->agone = n;
	}
	if (!(ix->gone[ix->ngone] = strdup(name)))
		return st_error_oom();
	ix->ngone++;
	return data ? extract(ix, name, data, len) : 0;
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Drops the entries of changed files that were in the index before 'kept'. */
static void drop_changed(struct index *ix, size_t kept)
{
	size_t i, out = 0;

	if (ix->ngone)
		qsort(ix->gone, ix->ngone, sizeof(*ix->gone), str_cmp);
	for (i = 0; i < ix->n; i++) {
		struct entry *e = &ix->entries[i];
		if (i < kept && ix->ngone &&
		    bsearch(&e->name, ix->gone, ix->ngone, sizeof(*ix->gone), str_cmp)) {
			free(e->name);
			continue;
		}
		ix->entries[out++] = *e;
	}
	ix->n = out;
}

static int load(struct index *ix, const char *path)
{
	st_buf data = ST_BUF_INIT;
	char chunk[65536], *line, *eol;
	size_t n;
	FILE *fp = fopen(path, "rb");
	int error = -1;

	if (!fp)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		st_buf_put(&data, chunk, n);
	fclose(fp);
	if (data.failed || strncmp(data.ptr, INDEX_MAGIC, strlen(INDEX_MAGIC)) != 0)
		goto done;
	line = data.ptr + strlen(INDEX_MAGIC);
	if (!(eol = strchr(line, '\n')) || eol - line != 40)
		goto done;
	memcpy(ix->tree, line, 40);
	ix->tree[40] = '\0';
	for (line = eol + 1; *line; line = eol + 1) {
		if (!(eol = strchr(line, '\n')) || eol - line < ST_USCC_LEN + 2 || line[ST_USCC_LEN] != ' ')
			goto done; /* damaged: rebuilt by the caller */
		*eol = '\0';
		if (add_entry(ix, line, line + ST_USCC_LEN + 1) < 0)
			goto done;
	}
	error = 0;
done:
	if (error)
		index_free(ix);
	st_buf_dispose(&data);
	return error;
}

/* Best effort: a read-only Git folder just means no cache. */
static void save(const struct index *ix, const char *gitdir)
{
	st_buf path = ST_BUF_INIT, tmp = ST_BUF_INIT, out = ST_BUF_INIT;
	size_t i;
	int fd;

	st_buf_printf(&path, "%s%s", gitdir, INDEX_DIR);
	mkdir(path.ptr, 0755);
	st_buf_clear(&path);
	st_buf_printf(&path, "%s%s", gitdir, INDEX_FILE);
	st_buf_printf(&tmp, "%s.XXXXXX", path.ptr);
	st_buf_printf(&out, "%s%s\n", INDEX_MAGIC, ix->tree);
	for (i = 0; i < ix->n; i++)
		st_buf_printf(&out, "%s %s\n", ix->entries[i].uscc, ix->entries[i].name);
	if (!path.failed && !tmp.failed && !out.failed && (fd = mkstemp(tmp.ptr)) >= 0) {
		if (write(fd, out.ptr, out.size) == (ssize_t)out.size && fchmod(fd, 0644) == 0 &&
		    close(fd) == 0) {
			if (rename(tmp.ptr, path.ptr) != 0)
				unlink(tmp.ptr);
		} else {
			unlink(tmp.ptr);
		}
	}
	st_buf_dispose(&path);
	st_buf_dispose(&tmp);
	st_buf_dispose(&out);
}

void st_index_refresh(st_repo *repo)
{
	char **names = NULL;
	size_t n = 0;

	if (st_index_standards_of(&names, &n, repo, "") == 0)
		st_index_names_free(names, n);
	st_error_clear();
}

void st_index_names_free(char **names, size_t count)
{
	size_t i;

	for (i = 0; names && i < count; i++)
		free(names[i]);
	free(names);
}

int st_index_standards_of(char ***names, size_t *count, st_repo *repo, const char *uscc)
{
	struct index ix;
	st_buf path = ST_BUF_INIT;
	char tree[41];
	size_t i, n = 0;
	int error, changed = 0;

	*names = NULL;
	*count = 0;
	memset(&ix, 0, sizeof(ix));
	if ((error = st_repo_folder_id(tree, repo, "standards")) < 0 || !*tree)
		return error;
	st_buf_printf(&path, "%s%s", st_repo_git_dir(repo), INDEX_FILE);
	if ((error = st_buf_check(&path)) < 0)
		return error;
	if (load(&ix, path.ptr) == 0 && strcmp(ix.tree, tree) != 0) {
		size_t kept = ix.n;
		error = st_repo_folder_changes(repo, ix.tree, tree, note_change, &ix);
		if (error == ST_ENOTFOUND) {
			index_free(&ix);   /* the old tree is gone: start afresh */
			error = 0;
		} else if (error < 0) {
			goto done;
		} else {
			drop_changed(&ix, kept);
			changed = 1;
		}
	}
	if (!ix.tree[0] || strcmp(ix.tree, tree) != 0) {
		if (!ix.tree[0]) {
			if ((error = st_repo_each_blob(repo, "standards", build_one, &ix)) < 0)
				goto done;
		}
		memcpy(ix.tree, tree, sizeof(tree));
		changed = 1;
	}
	if (changed) {
		if (ix.n)
			qsort(ix.entries, ix.n, sizeof(*ix.entries), entry_cmp);
		save(&ix, st_repo_git_dir(repo));
	}
	for (i = 0; i < ix.n; i++) {
		if (strcmp(ix.entries[i].uscc, uscc) != 0)
			continue;
		/* One record may name an organisation twice (drafter and role). */
		if (n && strcmp((*names)[n - 1], ix.entries[i].name) == 0)
			continue;
		{
			char **grown = realloc(*names, (n + 1) * sizeof(*grown));
			if (!grown || !(grown[n] = strdup(ix.entries[i].name))) {
				if (grown)
					*names = grown;
				error = st_error_oom();
				goto done;
			}
			*names = grown;
			n++;
			*count = n;
		}
	}
done:
	if (error < 0) {
		st_index_names_free(*names, n);
		*names = NULL;
		*count = 0;
	}
	index_free(&ix);
	st_buf_dispose(&path);
	return error;
}
