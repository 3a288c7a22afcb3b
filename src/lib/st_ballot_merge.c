/* st_ballot_merge.c: recounting ballots a merge brought votes to (st_ballot_merge.h). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "st_ballot_merge.h"
#include "st_buf.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_repo.h"

#define BALLOT_FILE "ballot.xml"
#define VOTES "votes/"

/*
 * The length of "drafts/ID/ballots/N/" when 'path' is that folder's
 * ballot.xml, else 0.
 */
static size_t ballot_prefix(const char *path)
{
	const char *p = path, *id, *n;
	size_t len = strlen(path);

	if (strncmp(p, "drafts/", 7) != 0)
		return 0;
	id = p + 7;
	if (!(p = strchr(id, '/')) || p == id || strncmp(p, "/ballots/", 9) != 0)
		return 0;
	n = p + 9;
	for (p = n; *p >= '0' && *p <= '9'; p++)
		;
	if (p == n || *n == '0' || *p != '/' || strcmp(p + 1, BALLOT_FILE) != 0)
		return 0;
	return len - strlen(BALLOT_FILE);
}

static int read_blob(git_blob **out, git_repository *git, const git_oid *id, const char *path)
{
	if (git_blob_lookup(out, git, id) < 0)
		return st_git_fail(ST_ERROR, path);
	return 0;
}

/* The folder's tree id on one side; 0 when it is there. */
static int folder_id(git_oid *out, git_tree *tree, const char *folder)
{
	git_tree_entry *e = NULL;
	int rc = git_tree_entry_bypath(&e, tree, folder);

	if (rc == 0)
		git_oid_cpy(out, git_tree_entry_id(e));
	git_tree_entry_free(e);
	git_error_clear();
	return rc;
}

static size_t votes_counted(const st_ballot_tally *t)
{
	size_t i, n = 0;

	for (i = 0; i < ST_MEMBER_CATEGORIES; i++)
		n += (size_t)t->by[i].yes + t->by[i].no + t->by[i].no_unreasoned + t->by[i].abstain;
	return n;
}

static int same_tally(const st_ballot_tally *a, const st_ballot_tally *b)
{
	size_t i;

	for (i = 0; i < ST_MEMBER_CATEGORIES; i++) {
		const st_ballot_count *x = &a->by[i], *y = &b->by[i];
		if (x->members != y->members || x->yes != y->yes || x->no != y->no ||
		    x->no_unreasoned != y->no_unreasoned || x->abstain != y->abstain)
			return 0;
	}
	return 1;
}

/* The votes under 'prefix' "votes/" in the index, parsed: found by prefix, not by a scan. */
static int index_votes(st_ballot_votes *out, git_repository *git, git_index *index,
		       const char *prefix, size_t plen)
{
	size_t pos, n = git_index_entrycount(index);
	st_buf dir = ST_BUF_INIT;
	git_blob *blob = NULL;
	int error = 0;

	st_buf_put(&dir, prefix, plen);
	st_buf_puts(&dir, VOTES);
	if ((error = st_buf_check(&dir)) < 0)
		return error;
	if (git_index_find_prefix(&pos, index, dir.ptr) < 0) {
		git_error_clear();
		pos = n; /* no votes */
	}
	for (; pos < n && !error; pos++) {
		const git_index_entry *e = git_index_get_byindex(index, pos);
		st_ballot_vote *v = NULL;
		if (strncmp(e->path, dir.ptr, dir.size) != 0)
			break;
		if (strchr(e->path + dir.size, '/'))
			continue;
		if ((error = read_blob(&blob, git, &e->id, e->path)) < 0)
			break;
		error = st_ballot_vote_parse(&v, git_blob_rawcontent(blob),
					     (size_t)git_blob_rawsize(blob), e->path);
		git_blob_free(blob);
		blob = NULL;
		if (!error && st_array_grow(&out->votes, &out->alloc, out->n, sizeof(*out->votes)) < 0)
			error = st_error_oom();
		if (error)
			st_ballot_vote_free(v);
		else
			out->votes[out->n++] = v;
	}
	st_buf_dispose(&dir);
	return error;
}

struct pending {
	char *path;        /* its ballot.xml */
	git_oid blob;      /* recounted */
};

/* Recounts the ballot at 'prefix' (its ballot.xml is entry 'e') if it must be. */
static int recount(st_ballot_recounts *out, struct pending *p, int *changed, git_repository *git,
		   git_index *index, const git_index_entry *e, size_t plen)
{
	st_ballot *b = NULL;
	st_ballot_votes votes = { NULL, 0, 0 };
	st_ballot_tally tally;
	st_ballot_result r;
	st_ballot_recount *rc;
	git_blob *blob = NULL;
	st_buf prefix = ST_BUF_INIT, xml = ST_BUF_INIT;
	int error;

	*changed = 0;
	st_buf_put(&prefix, e->path, plen);
	if ((error = st_buf_check(&prefix)) < 0 ||
	    (error = read_blob(&blob, git, &e->id, e->path)) < 0 ||
	    (error = st_ballot_parse(&b, git_blob_rawcontent(blob), (size_t)git_blob_rawsize(blob),
				     e->path)) < 0)
		goto done;
	if (!b->closed)
		goto done;
	if ((error = index_votes(&votes, git, index, prefix.ptr, plen)) < 0 ||
	    (error = st_ballot_count_votes(&tally, b, votes.votes, votes.n)) < 0)
		goto done;
	if (same_tally(&tally, &b->tally))
		goto done;
	if ((error = st_ballot_decide(&r, &b->rule, &tally)) < 0 ||
	    (error = st_array_grow(&out->items, &out->alloc, out->n, sizeof(*out->items))) < 0)
		goto done;
	rc = &out->items[out->n];
	memset(rc, 0, sizeof(*rc));
	rc->number = b->number;
	rc->was = b->outcome;
	rc->now = r.outcome;
	rc->votes_was = votes_counted(&b->tally);
	rc->votes_now = votes_counted(&tally);
	b->tally = tally;
	b->outcome = r.outcome;
	if (!(rc->draft = strdup(b->draft))) {
		error = st_error_oom();
		goto done;
	}
	out->n++;
	if ((error = st_ballot_serialise(&xml, b)) < 0)
		goto done;
	if (git_blob_create_from_buffer(&p->blob, git, xml.ptr, xml.size) < 0) {
		error = st_git_fail(ST_ERROR, e->path);
		goto done;
	}
	if (!(p->path = strdup(e->path)))
		error = st_error_oom();
	else
		*changed = 1;
done:
	git_blob_free(blob);
	st_ballot_free(b);
	st_ballot_votes_dispose(&votes);
	st_buf_dispose(&prefix);
	st_buf_dispose(&xml);
	return error;
}

int st_ballot_merge(st_ballot_recounts *out, git_repository *git, git_index *index,
		    git_tree *ours, git_tree *theirs)
{
	struct pending *pending = NULL;
	size_t npending = 0, apending = 0, i, n = git_index_entrycount(index);
	st_buf folder = ST_BUF_INIT;
	int error = 0;

	for (i = 0; i < n && !error; i++) {
		const git_index_entry *e = git_index_get_byindex(index, i);
		size_t plen = ballot_prefix(e->path);
		git_oid a, b;
		int changed;
		if (!plen || git_index_entry_stage(e) != 0)
			continue;
		/* the same folder on both sides: nothing came together here */
		st_buf_clear(&folder);
		st_buf_put(&folder, e->path, plen - 1);
		if ((error = st_buf_check(&folder)) < 0)
			break;
		if (folder_id(&a, ours, folder.ptr) != 0 || folder_id(&b, theirs, folder.ptr) != 0 ||
		    git_oid_equal(&a, &b))
			continue;
		if (st_array_grow(&pending, &apending, npending, sizeof(*pending)) < 0) {
			error = st_error_oom();
			break;
		}
		memset(&pending[npending], 0, sizeof(*pending));
		error = recount(out, &pending[npending], &changed, git, index, e, plen);
		if (changed)
			npending++;
	}
	/* The index changes once every ballot is counted: entries move meanwhile. */
	for (i = 0; i < npending && !error; i++) {
		git_index_entry entry;
		memset(&entry, 0, sizeof(entry));
		entry.path = pending[i].path;
		entry.mode = GIT_FILEMODE_BLOB;
		git_oid_cpy(&entry.id, &pending[i].blob);
		if (git_index_add(index, &entry) < 0)
			error = st_git_fail(ST_ERROR, pending[i].path);
	}
	for (i = 0; i < npending; i++)
		free(pending[i].path);
	free(pending);
	st_buf_dispose(&folder);
	return error;
}

void st_ballot_recounts_dispose(st_ballot_recounts *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->n; i++)
		free(r->items[i].draft);
	free(r->items);
	memset(r, 0, sizeof(*r));
}
