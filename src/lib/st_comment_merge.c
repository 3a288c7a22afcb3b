/* st_comment_merge.c: comments two sites numbered alike (st_comment_merge.h). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "st_buf.h"
#include "st_comment.h"
#include "st_comment_merge.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_repo.h"

#define PREFIX "drafts/"
#define COMMENTS "/comments/"
#define ROUND "round.xml"
#define MAX_NUMBER 999999u  /* as schemas/comment-round.rng */

/* One side of the merge, for one draft: its comments folder. */
struct side {
	git_tree *dir;            /* drafts/ID/comments, or NULL */
	st_comment_round round;   /* empty when there is no round.xml */
	unsigned last;            /* the highest number it gave */
};

/* One comment made here that moves. */
struct move {
	unsigned from, to;
	git_oid blob;             /* the record with its new number */
};

/* "12.xml" -> 12; 0 for any other name. */
static unsigned number_of(const char *name)
{
	unsigned long n = 0;
	const char *p = name;

	if (*p < '1' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9' && n <= MAX_NUMBER)
		n = n * 10 + (unsigned long)(*p++ - '0');
	return strcmp(p, ".xml") == 0 && n <= MAX_NUMBER ? (unsigned)n : 0;
}

/* The draft of "drafts/ID/comments/NAME" when NAME is a comment or round.xml. */
static int comment_path(st_buf *draft, const char *path)
{
	const char *id = path + strlen(PREFIX), *slash, *name;

	if (strncmp(path, PREFIX, strlen(PREFIX)) != 0 || !(slash = strchr(id, '/')) ||
	    slash == id || strncmp(slash, COMMENTS, strlen(COMMENTS)) != 0)
		return 0;
	name = slash + strlen(COMMENTS);
	if (strcmp(name, ROUND) != 0 && !number_of(name))
		return 0;
	st_buf_clear(draft);
	st_buf_put(draft, id, (size_t)(slash - id));
	return st_buf_check(draft) < 0 ? -1 : 1;
}

static int list_has(char **list, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return 1;
	return 0;
}

/* The drafts whose comment records conflict in 'index'. */
static int conflicting_drafts(char ***out, size_t *n, git_index *index)
{
	git_index_conflict_iterator *it = NULL;
	const git_index_entry *ancestor, *ours, *theirs;
	st_buf draft = ST_BUF_INIT;
	size_t alloc = 0;
	int rc, error = 0;

	if (git_index_conflict_iterator_new(&it, index) < 0)
		return st_git_fail(ST_ERROR, _("cannot read the merge"));
	while (!error && (rc = git_index_conflict_next(&ancestor, &ours, &theirs, it)) == 0) {
		const char *path = ours ? ours->path : theirs ? theirs->path : ancestor->path;
		char *copy;
		int found = comment_path(&draft, path);
		if (found < 0)
			error = st_error_oom();
		if (found <= 0 || list_has(*out, *n, draft.ptr))
			continue;
		if (st_array_grow(out, &alloc, *n, sizeof(**out)) < 0 || !(copy = strdup(draft.ptr)))
			error = st_error_oom();
		else
			(*out)[(*n)++] = copy;
	}
	git_index_conflict_iterator_free(it);
	st_buf_dispose(&draft);
	return error;
}

static int read_blob(git_blob **out, git_repository *git, const git_oid *id, const char *path)
{
	if (git_blob_lookup(out, git, id) < 0)
		return st_git_fail(ST_ERROR, path);
	return 0;
}

static void side_dispose(struct side *s)
{
	git_tree_free(s->dir);
	st_comment_round_dispose(&s->round);
	memset(s, 0, sizeof(*s));
}

/*
 * Reads a side's comments folder of draft 'id'.  Returns 0, ST_EINVALID
 * when its round.xml cannot be read (the draft is left to the person), or
 * ST_ERROR.
 */
static int side_load(struct side *s, git_repository *git, git_tree *tree, const char *id)
{
	git_tree_entry *entry = NULL;
	git_blob *blob = NULL;
	st_buf path = ST_BUF_INIT;
	size_t i, n;
	int rc, error = 0;

	memset(s, 0, sizeof(*s));
	st_buf_printf(&path, PREFIX "%s" COMMENTS, id);
	if ((error = st_buf_check(&path)) < 0)
		return error;
	path.ptr[--path.size] = '\0';
	rc = tree ? git_tree_entry_bypath(&entry, tree, path.ptr) : GIT_ENOTFOUND;
	if (rc == GIT_ENOTFOUND || (rc == 0 && git_tree_entry_type(entry) != GIT_OBJECT_TREE))
		goto done;
	if (rc < 0 || git_tree_lookup(&s->dir, git, git_tree_entry_id(entry)) < 0) {
		error = st_git_fail(ST_ERROR, path.ptr);
		goto done;
	}
	n = git_tree_entrycount(s->dir);
	for (i = 0; i < n; i++) {
		const git_tree_entry *e = git_tree_entry_byindex(s->dir, i);
		unsigned k = number_of(git_tree_entry_name(e));
		if (k > s->last)
			s->last = k;
		if (strcmp(git_tree_entry_name(e), ROUND) != 0 ||
		    git_tree_entry_type(e) != GIT_OBJECT_BLOB)
			continue;
		st_buf_puts(&path, "/" ROUND);
		if ((error = st_buf_check(&path)) < 0 ||
		    (error = read_blob(&blob, git, git_tree_entry_id(e), path.ptr)) < 0)
			goto done;
		error = st_comment_round_parse(&s->round, git_blob_rawcontent(blob),
					       (size_t)git_blob_rawsize(blob), path.ptr);
		if (error < 0)
			goto done;
		if (s->round.last_number > s->last)
			s->last = s->round.last_number;
	}
done:
	git_tree_entry_free(entry);
	git_blob_free(blob);
	st_buf_dispose(&path);
	return error;
}

static const git_tree_entry *dir_entry(const struct side *s, const char *name)
{
	return s->dir ? git_tree_entry_byname(s->dir, name) : NULL;
}

/* Units in both lists or new on one side; those one side removed go. */
static int merge_units(st_unit_list *out, const st_unit_list *base, const st_unit_list *ours,
		       const st_unit_list *theirs)
{
	size_t i;
	int error = 0;

	for (i = 0; i < theirs->n && !error; i++)
		if (st_unit_list_has(ours, theirs->items[i]) ||
		    !st_unit_list_has(base, theirs->items[i]))
			error = st_unit_list_add(out, theirs->items[i]);
	for (i = 0; i < ours->n && !error; i++)
		if (!st_unit_list_has(theirs, ours->items[i]) &&
		    !st_unit_list_has(base, ours->items[i]))
			error = st_unit_list_add(out, ours->items[i]);
	return error;
}

static int in_conflict(git_index *index, const char *path)
{
	const git_index_entry *ancestor, *ours, *theirs;
	int rc = git_index_conflict_get(&ancestor, &ours, &theirs, index, path);

	git_error_clear();
	return rc == 0;
}

/* Puts blob 'id' at 'path' in the index, in place of any conflict there. */
static int index_put(git_index *index, const char *path, const git_oid *id, uint32_t mode)
{
	git_index_entry e;

	if (in_conflict(index, path) && git_index_conflict_remove(index, path) < 0)
		return st_git_fail(ST_ERROR, path);
	memset(&e, 0, sizeof(e));
	e.path = path;
	e.mode = mode;
	git_oid_cpy(&e.id, id);
	if (git_index_add(index, &e) < 0)
		return st_git_fail(ST_ERROR, path);
	return 0;
}

/* Takes 'path' out of the index, conflict or not. */
static int index_drop(git_index *index, const char *path)
{
	git_index_conflict_remove(index, path);
	git_error_clear();
	if (git_index_remove(index, path, 0) < 0 && git_index_get_bypath(index, path, 0))
		return st_git_fail(ST_ERROR, path);
	git_error_clear();
	return 0;
}

/* The comment made here as 'entry', numbered 'to': a new blob. */
static int renumbered_blob(git_oid *out, git_repository *git, const git_tree_entry *entry,
			   const char *path, unsigned to)
{
	git_blob *blob = NULL;
	st_comment *c = NULL;
	st_buf xml = ST_BUF_INIT;
	int error;

	if ((error = read_blob(&blob, git, git_tree_entry_id(entry), path)) < 0 ||
	    (error = st_comment_parse(&c, git_blob_rawcontent(blob),
				      (size_t)git_blob_rawsize(blob), path)) < 0)
		goto done;
	c->number = to;
	if ((error = st_comment_serialise(&xml, c)) < 0)
		goto done;
	if (git_blob_create_from_buffer(out, git, xml.ptr, xml.size) < 0)
		error = st_git_fail(ST_ERROR, path);
done:
	git_blob_free(blob);
	st_comment_free(c);
	st_buf_dispose(&xml);
	return error;
}

static int note_move(st_comment_renumbering *out, const char *draft, unsigned from, unsigned to)
{
	st_comment_renumber *r;
	char *copy;

	if (st_array_grow(&out->items, &out->alloc, out->n, sizeof(*out->items)) < 0 ||
	    !(copy = strdup(draft)))
		return st_error_oom();
	r = &out->items[out->n++];
	r->draft = copy;
	r->from = from;
	r->to = to;
	return 0;
}

static int cmp_move(const void *a, const void *b)
{
	const struct move *x = a, *y = b;

	return x->from < y->from ? -1 : x->from > y->from;
}

/*
 * Merges the comments of draft 'id'.  A record that cannot be read leaves
 * the draft's conflicts as they are, for the person to see (returns 0).
 */
static int merge_draft(st_comment_renumbering *out, git_repository *git, git_index *index,
		       git_tree *base_tree, git_tree *ours_tree, git_tree *theirs_tree,
		       const char *id)
{
	struct side base, ours, theirs;
	struct move *moves = NULL;
	size_t nmoves = 0, amoves = 0, i, n;
	st_comment_round round;
	st_buf path = ST_BUF_INIT, xml = ST_BUF_INIT;
	unsigned shift = 0, last;
	git_oid round_blob;
	int write_round, error;

	memset(&round, 0, sizeof(round));
	memset(&ours, 0, sizeof(ours));
	memset(&theirs, 0, sizeof(theirs));
	if ((error = side_load(&base, git, base_tree, id)) < 0 ||
	    (error = side_load(&ours, git, ours_tree, id)) < 0 ||
	    (error = side_load(&theirs, git, theirs_tree, id)) < 0)
		goto done;
	last = ours.last > theirs.last ? ours.last : theirs.last;
	/* Both gave numbers since the base: here's move past the remote's. */
	if (ours.last > base.last && theirs.last > base.last) {
		shift = theirs.last - base.last;
		if ((unsigned long)ours.last + shift > MAX_NUMBER) {
			error = ST_EINVALID;
			goto done;
		}
		last = ours.last + shift;
		n = ours.dir ? git_tree_entrycount(ours.dir) : 0;
		for (i = 0; i < n; i++) {
			const git_tree_entry *e = git_tree_entry_byindex(ours.dir, i), *t;
			const char *name = git_tree_entry_name(e);
			unsigned k = number_of(name);
			struct move *m;
			if (k <= base.last || dir_entry(&base, name) ||
			    git_tree_entry_type(e) != GIT_OBJECT_BLOB)
				continue;
			/* the very same record on both sides is one comment */
			if ((t = dir_entry(&theirs, name)) &&
			    git_oid_equal(git_tree_entry_id(t), git_tree_entry_id(e)))
				continue;
			if (st_array_grow(&moves, &amoves, nmoves, sizeof(*moves)) < 0) {
				error = st_error_oom();
				goto done;
			}
			m = &moves[nmoves++];
			m->from = k;
			m->to = k + shift;
			st_buf_clear(&path);
			st_buf_printf(&path, PREFIX "%s" COMMENTS "%s", id, name);
			if ((error = st_buf_check(&path)) < 0 ||
			    (error = renumbered_blob(&m->blob, git, e, path.ptr, m->to)) < 0)
				goto done;
		}
		qsort(moves, nmoves, sizeof(*moves), cmp_move);
	}
	/* round.xml: the last number given and the units, merged three ways */
	round.last_number = last;
	if ((error = merge_units(&round.sent, &base.round.sent, &ours.round.sent,
				 &theirs.round.sent)) < 0 ||
	    (error = merge_units(&round.replied, &base.round.replied, &ours.round.replied,
				 &theirs.round.replied)) < 0 ||
	    (error = st_comment_round_serialise(&xml, &round)) < 0)
		goto done;
	if (git_blob_create_from_buffer(&round_blob, git, xml.ptr, xml.size) < 0) {
		error = st_git_fail(ST_ERROR, ROUND);
		goto done;
	}
	/* round.xml is written when numbers moved or it is in conflict */
	st_buf_clear(&path);
	st_buf_printf(&path, PREFIX "%s" COMMENTS ROUND, id);
	if ((error = st_buf_check(&path)) < 0)
		goto done;
	write_round = nmoves > 0 || in_conflict(index, path.ptr);

	/* Everything is read: the index changes, first where the moves leave. */
	for (i = 0; i < nmoves; i++) {
		const git_tree_entry *t;
		char name[24];
		snprintf(name, sizeof(name), "%u.xml", moves[i].from);
		st_buf_clear(&path);
		st_buf_printf(&path, PREFIX "%s" COMMENTS "%s", id, name);
		if ((error = st_buf_check(&path)) < 0)
			goto done;
		if ((t = dir_entry(&theirs, name)))
			error = index_put(index, path.ptr, git_tree_entry_id(t),
					  (uint32_t)git_tree_entry_filemode(t));
		else
			error = index_drop(index, path.ptr);
		if (error < 0)
			goto done;
	}
	for (i = 0; i < nmoves; i++) {
		st_buf_clear(&path);
		st_buf_printf(&path, PREFIX "%s" COMMENTS "%u.xml", id, moves[i].to);
		if ((error = st_buf_check(&path)) < 0 ||
		    (error = index_put(index, path.ptr, &moves[i].blob, GIT_FILEMODE_BLOB)) < 0 ||
		    (error = note_move(out, id, moves[i].from, moves[i].to)) < 0)
			goto done;
	}
	st_buf_clear(&path);
	st_buf_printf(&path, PREFIX "%s" COMMENTS ROUND, id);
	if ((error = st_buf_check(&path)) == 0 && write_round)
		error = index_put(index, path.ptr, &round_blob, GIT_FILEMODE_BLOB);
done:
	side_dispose(&base);
	side_dispose(&ours);
	side_dispose(&theirs);
	st_comment_round_dispose(&round);
	st_buf_dispose(&path);
	st_buf_dispose(&xml);
	free(moves);
	/* a record that cannot be read: its conflicts stay for the person */
	if (error == ST_EINVALID) {
		st_error_clear();
		return 0;
	}
	return error;
}

int st_comment_merge(st_comment_renumbering *out, git_repository *git, git_index *index,
		     git_tree *base, git_tree *ours, git_tree *theirs)
{
	char **drafts = NULL;
	size_t ndrafts = 0, i;
	int error;

	error = conflicting_drafts(&drafts, &ndrafts, index);
	for (i = 0; i < ndrafts && !error; i++)
		error = merge_draft(out, git, index, base, ours, theirs, drafts[i]);
	for (i = 0; i < ndrafts; i++)
		free(drafts[i]);
	free(drafts);
	return error;
}

void st_comment_renumbering_dispose(st_comment_renumbering *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->n; i++)
		free(r->items[i].draft);
	free(r->items);
	memset(r, 0, sizeof(*r));
}
