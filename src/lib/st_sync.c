/* st_sync.c: stdtool sync over libgit2 (st_sync.h, doc/sync.md). */
#include <config.h>

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <git2.h>

#include "st_ballot_merge.h"
#include "st_buf.h"
#include "st_comment_merge.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_repo.h"
#include "st_sync.h"

#define HEADS "refs/heads/"
#define TAGS "refs/tags/"

struct tag_ref {
	char *name;   /* refs/tags/... */
	git_oid id;
	int make;     /* the remote's, missing here: made after the merge */
};

struct sync {
	st_repo *repo;
	git_repository *git;
	const st_sync_options *opts;
	st_sync_result *result;
	st_txn *txn;
	const char *branch;        /* refs/heads/..., borrowed from the txn */
	git_oid base_id;           /* the branch before the sync */
	git_oid merge_base;        /* of the branch and the remote's, for a merge */
	git_remote *remote;        /* fetches from the remote's URL */
	char *push_url;            /* where the push goes: pushurl, or the URL */
	char *remote_ref;          /* the branch on the remote: refs/heads/... */
	int remote_has_branch;
	git_oid remote_id;
	struct tag_ref *tags;      /* the remote's tags */
	size_t ntags, atags;
	char **push;               /* refspecs to push */
	size_t npush, apush;
	git_refspec **fetch_specs; /* the remote's configured fetch refspecs */
	size_t nfetch_specs, afetch_specs;
	int credential_tries;
	st_buf rejected;           /* refs the remote refused, with its reasons */
};

/* For the tests: stop before pushing until told to go on. */
static void test_pause(void)
{
	const char *path = getenv("STDTOOL_TEST_SYNC_PAUSE");
	st_buf ready = ST_BUF_INIT, go = ST_BUF_INIT;
	int fd, i;

	if (!path || !*path)
		return;
	st_buf_printf(&ready, "%s.ready", path);
	st_buf_printf(&go, "%s.go", path);
	if (st_buf_check(&ready) == 0 && st_buf_check(&go) == 0 &&
	    (fd = open(ready.ptr, O_WRONLY | O_CREAT | O_CLOEXEC, 0644)) >= 0) {
		close(fd);
		for (i = 0; i < 600 && access(go.ptr, F_OK) != 0; i++)
			usleep(100 * 1000);
	}
	st_buf_dispose(&ready);
	st_buf_dispose(&go);
}

/* Keys from an SSH agent, once; anything else as libgit2 does it. */
static int credentials_cb(git_credential **out, const char *url, const char *user,
			  unsigned int allowed, void *payload)
{
	struct sync *s = payload;

	(void)url;
	if (s->credential_tries++ == 0 && (allowed & GIT_CREDENTIAL_SSH_KEY))
		return git_credential_ssh_key_from_agent(out, user ? user : "git");
	return GIT_PASSTHROUGH;
}

static int push_ref_cb(const char *refname, const char *status, void *payload)
{
	struct sync *s = payload;

	if (status)
		st_buf_printf(&s->rejected, "%s%s (%s)", s->rejected.size ? ", " : "",
			      refname, status);
	return 0;
}

static void callbacks_init(git_remote_callbacks *cb, struct sync *s)
{
	git_remote_init_callbacks(cb, GIT_REMOTE_CALLBACKS_VERSION);
	s->credential_tries = 0; /* once per connection */
	cb->credentials = credentials_cb;
	cb->push_update_reference = push_ref_cb;
	cb->payload = s;
}

static int add_conflict(st_sync_result *r, const char *path, st_sync_conflict_kind kind)
{
	char *copy;

	if (st_array_grow(&r->conflicts, &r->aconflicts, r->nconflicts, sizeof(*r->conflicts)) < 0 ||
	    !(copy = strdup(path)))
		return st_error_oom();
	r->conflicts[r->nconflicts].path = copy;
	r->conflicts[r->nconflicts++].kind = kind;
	return 0;
}

static int add_push(struct sync *s, const char *src, const char *dst)
{
	st_buf spec = ST_BUF_INIT;

	st_buf_printf(&spec, "%s:%s", src, dst);
	if (st_buf_check(&spec) < 0 ||
	    st_array_grow(&s->push, &s->apush, s->npush, sizeof(*s->push)) < 0) {
		st_buf_dispose(&spec);
		return st_error_oom();
	}
	s->push[s->npush++] = st_buf_detach(&spec);
	return 0;
}

/*
 * The remote is read from the configuration here rather than with
 * git_remote_lookup(): libgit2 1.5 applies url.<base>.insteadOf with a
 * regular expression that leaks memory for every configuration entry.
 */

/* 1 when 'name' (as libgit2 writes it: "remote.origin.url") is
 * PREFIX<something>SUFFIX; *mid and *len get the something. */
static int entry_between(const char *name, const char *prefix, const char *suffix,
			 const char **mid, size_t *len)
{
	size_t n = strlen(name), p = strlen(prefix), x = strlen(suffix);

	if (n <= p + x || strncmp(name, prefix, p) != 0 || strcasecmp(name + n - x, suffix) != 0)
		return 0;
	*mid = name + p;
	*len = n - p - x;
	return 1;
}

/* "origin, site-b": the remotes of the repository. */
static void remote_names(st_buf *out, git_config *config)
{
	git_config_iterator *it = NULL;
	git_config_entry *e;
	const char *mid;
	size_t len;

	if (git_config_iterator_new(&it, config) < 0)
		return;
	while (git_config_next(&e, it) == 0)
		if (entry_between(e->name, "remote.", ".url", &mid, &len)) {
			st_buf_puts(out, out->size ? ", " : "");
			st_buf_put(out, mid, len);
		}
	git_config_iterator_free(it);
	git_error_clear();
}

/*
 * Rewrites 'url' as git does with url.<base>.<key> ("insteadOf" or
 * "pushInsteadOf"): the longest value that starts the URL is replaced by
 * its base.  Returns 1 when rewritten, 0 when not, < 0 on error.
 */
static int rewrite_url(st_buf *out, git_config *config, const char *url, const char *key)
{
	git_config_iterator *it = NULL;
	git_config_entry *e;
	st_buf base = ST_BUF_INIT, suffix = ST_BUF_INIT;
	const char *mid;
	size_t len, best = 0;
	int error;

	st_buf_printf(&suffix, ".%s", key);
	if ((error = st_buf_check(&suffix)) < 0)
		return error;
	if (git_config_iterator_new(&it, config) < 0) {
		st_buf_dispose(&suffix);
		return st_git_fail(ST_ERROR, _("cannot read the Git configuration"));
	}
	while (git_config_next(&e, it) == 0) {
		size_t n = e->value ? strlen(e->value) : 0;
		if (n > best && entry_between(e->name, "url.", suffix.ptr, &mid, &len) &&
		    strncmp(url, e->value, n) == 0) {
			best = n;
			st_buf_clear(&base);
			st_buf_put(&base, mid, len);
		}
	}
	git_config_iterator_free(it);
	git_error_clear();
	st_buf_clear(out);
	if (best)
		st_buf_puts(out, base.ptr);
	st_buf_puts(out, url + best);
	error = st_buf_check(out);
	if (error == 0 && st_buf_check(&base) < 0)
		error = st_error_oom();
	st_buf_dispose(&base);
	st_buf_dispose(&suffix);
	return error < 0 ? error : best > 0;
}

static int fetch_spec_cb(const git_config_entry *e, void *payload)
{
	struct sync *s = payload;
	git_refspec *spec = NULL;

	if (git_refspec_parse(&spec, e->value, 1) < 0)
		return 0; /* git ignores what it cannot read too */
	if (st_array_grow(&s->fetch_specs, &s->afetch_specs, s->nfetch_specs,
			  sizeof(*s->fetch_specs)) < 0) {
		git_refspec_free(spec);
		return -1;
	}
	s->fetch_specs[s->nfetch_specs++] = spec;
	return 0;
}

/* An in-memory remote of the repository for 'url', which is used as it is. */
static int anonymous_remote(git_remote **out, git_repository *git, const char *url)
{
	git_remote_create_options opts;

	git_remote_create_options_init(&opts, GIT_REMOTE_CREATE_OPTIONS_VERSION);
	opts.repository = git;
	opts.flags = GIT_REMOTE_CREATE_SKIP_INSTEADOF | GIT_REMOTE_CREATE_SKIP_DEFAULT_FETCHSPEC;
	if (git_remote_create_with_opts(out, url, &opts) < 0)
		return st_git_fail(ST_ERROR, url);
	return 0;
}

/*
 * An in-memory remote for the configured remote 'name', and its push URL;
 * ST_ENOTFOUND when there is none.
 */
static int open_remote(struct sync *s, git_config *config, const char *name)
{
	const char *value = NULL, *push_value = NULL;
	st_buf key = ST_BUF_INIT, url = ST_BUF_INIT, push_url = ST_BUF_INIT;
	int valid = 0, rc, error = 0;

	if (git_remote_name_is_valid(&valid, name) < 0 || !valid)
		return ST_ENOTFOUND;
	st_buf_printf(&key, "remote.%s.url", name);
	if ((error = st_buf_check(&key)) < 0)
		goto done;
	rc = git_config_get_string(&value, config, key.ptr);
	if (rc == GIT_ENOTFOUND) {
		error = ST_ENOTFOUND;
		goto done;
	}
	if (rc < 0 || (error = rewrite_url(&url, config, value, "insteadof")) < 0) {
		error = error < 0 ? error : st_git_fail(ST_ERROR, key.ptr);
		goto done;
	}
	st_buf_clear(&key);
	st_buf_printf(&key, "remote.%s.pushurl", name);
	if ((error = st_buf_check(&key)) < 0)
		goto done;
	/* As git: a pushurl gets insteadOf; else the url gets pushInsteadOf,
	 * and without one the push goes where the fetch does. */
	if (git_config_get_string(&push_value, config, key.ptr) == 0)
		error = rewrite_url(&push_url, config, push_value, "insteadof");
	else if ((error = rewrite_url(&push_url, config, value, "pushinsteadof")) == 0)
		st_buf_clear(&push_url);
	git_error_clear();
	if (error < 0)
		goto done;
	if ((error = anonymous_remote(&s->remote, s->git, url.ptr)) < 0)
		goto done;
	if (!(s->push_url = strdup(push_url.size ? push_url.ptr : url.ptr))) {
		error = st_error_oom();
		goto done;
	}
	st_buf_clear(&key);
	st_buf_printf(&key, "remote.%s.fetch", name);
	if ((error = st_buf_check(&key)) < 0)
		goto done;
	rc = git_config_get_multivar_foreach(config, key.ptr, NULL, fetch_spec_cb, s);
	if (rc < 0 && rc != GIT_ENOTFOUND)
		error = st_error_oom();
	git_error_clear();
done:
	st_buf_dispose(&key);
	st_buf_dispose(&url);
	st_buf_dispose(&push_url);
	return error;
}

/* The remote to use and its branch. */
static int pick_remote(struct sync *s)
{
	git_buf upstream = GIT_BUF_INIT, merge = GIT_BUF_INIT;
	git_config *config = NULL;
	st_buf known = ST_BUF_INIT;
	const char *name = s->opts->remote;
	int from_upstream = 0, error = 0;

	if (git_repository_config_snapshot(&config, s->git) < 0)
		return st_git_fail(ST_ERROR, _("cannot read the Git configuration"));
	if (git_branch_upstream_remote(&upstream, s->git, s->branch) == 0) {
		from_upstream = !name || strcmp(upstream.ptr, name) == 0;
		if (!name)
			name = upstream.ptr;
	}
	if (!name)
		name = "origin";
	git_error_clear();
	error = open_remote(s, config, name);
	if (error == ST_ENOTFOUND) {
		remote_names(&known, config);
		if (s->opts->remote && known.size)
			error = st_error_set(ST_EINVALID,
				_("'%s' is not a remote of this repository (its remotes: %s)"),
				name, known.ptr);
		else if (s->opts->remote)
			error = st_error_set(ST_EINVALID,
				_("'%s' is not a remote of this repository, which has none; add one with 'git remote add NAME URL'"),
				name);
		else
			error = st_error_set(ST_ENOTFOUND,
				_("the branch '%s' has no upstream and there is no remote 'origin': name the remote ('stdtool sync REMOTE') or add one with 'git remote add origin URL'"),
				s->branch + strlen(HEADS));
		goto done;
	}
	if (error < 0)
		goto done;
	if (from_upstream && git_branch_upstream_merge(&merge, s->git, s->branch) == 0 &&
	    strncmp(merge.ptr, HEADS, strlen(HEADS)) == 0)
		s->remote_ref = strdup(merge.ptr);
	else
		s->remote_ref = strdup(s->branch);
	git_error_clear();
	s->result->remote = strdup(name);
	s->result->branch = strdup(s->branch + strlen(HEADS));
	if (!s->remote_ref || !s->result->remote || !s->result->branch ||
	    !(s->result->remote_branch = strdup(s->remote_ref + strlen(HEADS))))
		error = st_error_oom();
done:
	git_buf_dispose(&upstream);
	git_buf_dispose(&merge);
	git_config_free(config);
	st_buf_dispose(&known);
	return error;
}

/* Notes the remote's branch and tags from the connection's listing. */
static int read_listing(struct sync *s)
{
	const git_remote_head **heads = NULL;
	size_t n = 0, i, len;

	if (git_remote_ls(&heads, &n, s->remote) < 0)
		return st_git_fail(ST_ERROR, _("cannot list the remote's branches"));
	for (i = 0; i < n; i++) {
		const char *name = heads[i]->name;
		if (strcmp(name, s->remote_ref) == 0) {
			s->remote_has_branch = 1;
			git_oid_cpy(&s->remote_id, &heads[i]->oid);
			continue;
		}
		len = strlen(name);
		if (strncmp(name, TAGS, strlen(TAGS)) != 0 ||
		    (len > 3 && strcmp(name + len - 3, "^{}") == 0))
			continue;
		if (st_array_grow(&s->tags, &s->atags, s->ntags, sizeof(*s->tags)) < 0 ||
		    !(s->tags[s->ntags].name = strdup(name)))
			return st_error_oom();
		git_oid_cpy(&s->tags[s->ntags].id, &heads[i]->oid);
		s->tags[s->ntags++].make = 0;
	}
	return 0;
}

/* Downloads the remote branch's and tags' objects; no ref moves here. */
static int fetch(struct sync *s)
{
	git_remote_callbacks cb;
	git_fetch_options fo;
	st_buf branch_spec = ST_BUF_INIT;
	char tag_spec[] = "+refs/tags/*:refs/tags/*";
	char *specs[2];
	git_strarray refspecs;
	int error = 0;

	callbacks_init(&cb, s);
	if (git_remote_connect(s->remote, GIT_DIRECTION_FETCH, &cb, NULL, NULL) < 0)
		return st_git_fail(ST_ERROR, s->result->remote);
	if ((error = read_listing(s)) < 0)
		goto done;
	st_buf_printf(&branch_spec, "+%s:%s", s->remote_ref, s->remote_ref);
	if ((error = st_buf_check(&branch_spec)) < 0)
		goto done;
	specs[0] = branch_spec.ptr;
	specs[1] = tag_spec;
	refspecs.strings = specs;
	refspecs.count = 2;
	git_fetch_options_init(&fo, GIT_FETCH_OPTIONS_VERSION);
	fo.callbacks = cb;
	fo.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_ALL;
	fo.update_fetchhead = 0;
	fo.prune = GIT_FETCH_NO_PRUNE;
	if (git_remote_download(s->remote, &refspecs, &fo) < 0)
		error = st_git_fail(ST_ERROR, s->result->remote);
done:
	git_remote_disconnect(s->remote);
	st_buf_dispose(&branch_spec);
	return error;
}

/* Commits reachable from 'from' and not from 'hide' (NULL: none hidden). */
static int count_commits(size_t *out, git_repository *git, const git_oid *from, const git_oid *hide)
{
	git_revwalk *walk = NULL;
	git_oid id;
	int error = 0;

	*out = 0;
	if (git_revwalk_new(&walk, git) < 0 || git_revwalk_push(walk, from) < 0 ||
	    (hide && git_revwalk_hide(walk, hide) < 0))
		error = st_git_fail(ST_ERROR, _("cannot read the history"));
	while (!error && git_revwalk_next(&id, walk) == 0)
		(*out)++;
	git_revwalk_free(walk);
	return error;
}

static int tree_of(git_tree **out, git_repository *git, const git_oid *commit_id)
{
	git_commit *commit = NULL;
	int error = 0;

	if (git_commit_lookup(&commit, git, commit_id) < 0 || git_commit_tree(out, commit) < 0)
		error = st_git_fail(ST_ERROR, _("cannot read a commit"));
	git_commit_free(commit);
	return error;
}

/*
 * Validates every file that is added or changed between the trees 'from'
 * and 'to' as the record its path makes it.
 */
static int validate_changes(struct sync *s, git_tree *from, git_tree *to)
{
	git_diff_options opts;
	git_diff *diff = NULL;
	git_blob *blob = NULL;
	st_buf what = ST_BUF_INIT;
	size_t i, n;
	int error = 0;

	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	opts.flags = GIT_DIFF_INCLUDE_TYPECHANGE;
	if (git_diff_tree_to_tree(&diff, s->git, from, to, &opts) < 0)
		return st_git_fail(ST_ERROR, _("cannot compare the commits"));
	n = git_diff_num_deltas(diff);
	for (i = 0; i < n && !error; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		if (d->status == GIT_DELTA_DELETED ||
		    (d->new_file.mode != GIT_FILEMODE_BLOB &&
		     d->new_file.mode != GIT_FILEMODE_BLOB_EXECUTABLE))
			continue;
		if (git_blob_lookup(&blob, s->git, &d->new_file.id) < 0) {
			error = st_git_fail(ST_ERROR, d->new_file.path);
			break;
		}
		error = st_repo_validate_record(s->repo, d->new_file.path,
						git_blob_rawcontent(blob),
						(size_t)git_blob_rawsize(blob));
		git_blob_free(blob);
		blob = NULL;
		if (error == ST_EINVALID) {
			s->result->invalid_record = 1;
			st_buf_puts(&what, st_error_last());
			if ((error = st_buf_check(&what)) == 0)
				error = st_error_set(ST_EINVALID,
					_("the sync with %s/%s would bring in a record that is not valid, so nothing was changed: %s"),
					s->result->remote, s->result->remote_branch, what.ptr);
		}
	}
	git_diff_free(diff);
	st_buf_dispose(&what);
	return error;
}

/* Notes each conflicting file of a merge. */
static int collect_conflicts(struct sync *s, git_index *index)
{
	git_index_conflict_iterator *it = NULL;
	const git_index_entry *ancestor, *ours, *theirs;
	int rc, error = 0;

	if (git_index_conflict_iterator_new(&it, index) < 0)
		return st_git_fail(ST_ERROR, _("cannot read the merge"));
	while (!error && (rc = git_index_conflict_next(&ancestor, &ours, &theirs, it)) == 0) {
		st_sync_conflict_kind kind;
		const char *path = ours ? ours->path : theirs ? theirs->path : ancestor->path;
		if (!ancestor)
			kind = ST_SYNC_BOTH_ADDED;
		else if (!ours)
			kind = ST_SYNC_REMOVED_HERE;
		else if (!theirs)
			kind = ST_SYNC_REMOVED_THERE;
		else
			kind = ST_SYNC_BOTH_CHANGED;
		error = add_conflict(s->result, path, kind);
	}
	git_index_conflict_iterator_free(it);
	return error;
}

/*
 * Compares the tags: a remote tag missing here is to be made, a local one
 * missing there is to be pushed, one of the same name on two different
 * objects is a conflict.
 */
static int compare_tags(struct sync *s)
{
	git_reference_iterator *it = NULL;
	const char *name;
	size_t i;
	int rc, error = 0;

	for (i = 0; i < s->ntags && !error; i++) {
		git_oid here;
		rc = git_reference_name_to_id(&here, s->git, s->tags[i].name);
		if (rc == GIT_ENOTFOUND)
			s->tags[i].make = 1;
		else if (rc < 0)
			error = st_git_fail(ST_ERROR, s->tags[i].name);
		else if (!git_oid_equal(&here, &s->tags[i].id))
			error = add_conflict(s->result, s->tags[i].name + strlen(TAGS), ST_SYNC_TAG);
	}
	if (error)
		return error;
	if (git_reference_iterator_glob_new(&it, s->git, TAGS "*") < 0)
		return st_git_fail(ST_ERROR, _("cannot read the tags"));
	while (!error && (rc = git_reference_next_name(&name, it)) == 0) {
		int there = 0;
		for (i = 0; i < s->ntags && !there; i++)
			there = strcmp(s->tags[i].name, name) == 0;
		if (!there)
			error = add_push(s, name, name);
	}
	if (!error && rc != GIT_ITEROVER && rc < 0)
		error = st_git_fail(ST_ERROR, _("cannot read the tags"));
	git_reference_iterator_free(it);
	return error;
}

/* Points the remote-tracking branch at 'id', where the remote has one. */
static void update_tracking(struct sync *s, const git_oid *id)
{
	git_reference *ref = NULL;
	git_buf name = GIT_BUF_INIT;
	size_t i;

	for (i = 0; i < s->nfetch_specs; i++) {
		const git_refspec *spec = s->fetch_specs[i];
		if (!git_refspec_src_matches(spec, s->remote_ref))
			continue;
		if (git_refspec_transform(&name, spec, s->remote_ref) == 0)
			git_reference_create(&ref, s->git, name.ptr, id, 1, "stdtool: sync");
		break;
	}
	git_reference_free(ref);
	git_buf_dispose(&name);
	git_error_clear();
}

/* Merges the remote branch in memory; *tree_id gets the result's tree. */
static int merge(struct sync *s, git_oid *tree_id)
{
	git_commit *ours = NULL, *theirs = NULL;
	git_merge_options mo;
	git_index *index = NULL;
	git_tree *base_tree = NULL, *ours_tree = NULL, *theirs_tree = NULL;
	int error = 0;

	git_merge_options_init(&mo, GIT_MERGE_OPTIONS_VERSION);
	/* Records are files with stable names: a record removed at one site
	 * and another added at the other are never "renamed" into each other. */
	mo.flags = 0;
	if (git_commit_lookup(&ours, s->git, &s->base_id) < 0 ||
	    git_commit_lookup(&theirs, s->git, &s->remote_id) < 0 ||
	    git_merge_commits(&index, s->git, ours, theirs, &mo) < 0) {
		error = st_git_fail(ST_ERROR, _("cannot merge"));
		goto done;
	}
	if ((error = tree_of(&base_tree, s->git, &s->merge_base)) < 0 ||
	    (error = tree_of(&ours_tree, s->git, &s->base_id)) < 0 ||
	    (error = tree_of(&theirs_tree, s->git, &s->remote_id)) < 0)
		goto done;
	/* Comments both sites numbered alike are settled; the rest stays. */
	if (git_index_has_conflicts(index) &&
	    (error = st_comment_merge(&s->result->renumbered, s->git, index, base_tree,
				      ours_tree, theirs_tree)) < 0)
		goto done;
	if (git_index_has_conflicts(index)) {
		error = collect_conflicts(s, index);
		goto done;
	}
	/* A ballot closed at one site counts the votes recorded at the other. */
	error = st_ballot_merge(&s->result->recounts, s->git, index, ours_tree, theirs_tree);
	if (error == ST_EINVALID) {
		st_buf why = ST_BUF_INIT;
		s->result->invalid_record = 1;
		st_buf_puts(&why, st_error_last());
		if ((error = st_buf_check(&why)) == 0)
			error = st_error_set(ST_EINVALID,
				_("the sync with %s/%s would bring in votes that cannot be counted, so nothing was changed: %s"),
				s->result->remote, s->result->remote_branch, why.ptr);
		st_buf_dispose(&why);
	}
	if (error < 0)
		goto done;
	if (git_index_write_tree_to(tree_id, index, s->git) < 0)
		error = st_git_fail(ST_ERROR, _("cannot write the merged tree"));
done:
	git_index_free(index);
	git_tree_free(base_tree);
	git_tree_free(ours_tree);
	git_tree_free(theirs_tree);
	git_commit_free(ours);
	git_commit_free(theirs);
	return error;
}

/* Works out what the sync does, stopping at a conflict. */
static int plan(struct sync *s, git_oid *merged_tree)
{
	st_sync_result *r = s->result;
	int error;

	if (!s->remote_has_branch) {
		r->outcome = ST_SYNC_AHEAD;
		return count_commits(&r->local, s->git, &s->base_id, NULL);
	}
	if (git_oid_equal(&s->remote_id, &s->base_id)) {
		r->outcome = ST_SYNC_UP_TO_DATE;
		return 0;
	}
	if (git_graph_descendant_of(s->git, &s->base_id, &s->remote_id) == 1) {
		r->outcome = ST_SYNC_AHEAD;
		return count_commits(&r->local, s->git, &s->base_id, &s->remote_id);
	}
	if ((error = count_commits(&r->fetched, s->git, &s->remote_id, &s->base_id)) < 0)
		return error;
	if (git_graph_descendant_of(s->git, &s->remote_id, &s->base_id) == 1) {
		r->outcome = ST_SYNC_FAST_FORWARD;
		return 0;
	}
	error = git_merge_base(&s->merge_base, s->git, &s->base_id, &s->remote_id);
	if (error == GIT_ENOTFOUND)
		return st_error_set(ST_ERROR,
			_("'%s' and %s/%s have no commit in common, so they cannot be merged; nothing was changed"),
			r->branch, r->remote, r->remote_branch);
	if (error < 0)
		return st_git_fail(ST_ERROR, _("cannot merge"));
	r->outcome = ST_SYNC_MERGED;
	if ((error = count_commits(&r->local, s->git, &s->base_id, &s->remote_id)) < 0)
		return error;
	return merge(s, merged_tree);
}

/*
 * The comments that moved, in the merge's message (English, as every
 * commit message): "Comments made here renumbered: arm 3->5, 4->6".
 */
static void renumbering_message(st_buf *out, const st_comment_renumbering *r)
{
	size_t i;

	if (!r->n)
		return;
	st_buf_puts(out, "\nComments made here, renumbered after the remote's:\n");
	for (i = 0; i < r->n; i++) {
		if (i == 0 || strcmp(r->items[i].draft, r->items[i - 1].draft) != 0)
			st_buf_printf(out, "%s%s:", i ? "\n" : "", r->items[i].draft);
		st_buf_printf(out, " %u->%u", r->items[i].from, r->items[i].to);
	}
	st_buf_putc(out, '\n');
}

/* The ballots counted again, in the merge's message. */
static void recount_message(st_buf *out, const st_ballot_recounts *r)
{
	size_t i;

	if (!r->n)
		return;
	st_buf_puts(out, "\nBallots closed at one site, counted again with the votes of the other:\n");
	for (i = 0; i < r->n; i++)
		st_buf_printf(out, "%s #%u: %zu votes, %s (was %zu votes, %s)\n", r->items[i].draft,
			      r->items[i].number, r->items[i].votes_now,
			      st_ballot_outcome_name(r->items[i].now), r->items[i].votes_was,
			      st_ballot_outcome_name(r->items[i].was));
}

/* Brings the branch here up to the plan. */
static int apply(struct sync *s, const git_oid *merged_tree)
{
	st_sync_result *r = s->result;
	git_tree *base_tree = NULL, *new_tree = NULL;
	st_buf message = ST_BUF_INIT;
	int error = 0;

	if (r->outcome != ST_SYNC_FAST_FORWARD && r->outcome != ST_SYNC_MERGED)
		return 0;
	if ((error = tree_of(&base_tree, s->git, &s->base_id)) < 0)
		goto done;
	if (r->outcome == ST_SYNC_FAST_FORWARD)
		error = tree_of(&new_tree, s->git, &s->remote_id);
	else if (git_tree_lookup(&new_tree, s->git, merged_tree) < 0)
		error = st_git_fail(ST_ERROR, _("cannot read the merged tree"));
	if (error < 0 || (error = validate_changes(s, base_tree, new_tree)) < 0)
		goto done;
	if (r->outcome == ST_SYNC_FAST_FORWARD) {
		st_buf_printf(&message, "sync: fast-forward to %s/%s", r->remote, r->remote_branch);
		if ((error = st_buf_check(&message)) == 0)
			error = st_txn_fast_forward(s->txn, &s->remote_id, message.ptr);
	} else {
		st_buf_printf(&message, "sync: merge %s/%s\n", r->remote, r->remote_branch);
		renumbering_message(&message, &r->renumbered);
		recount_message(&message, &r->recounts);
		if ((error = st_buf_check(&message)) == 0)
			error = st_txn_merge(s->txn, &s->remote_id, merged_tree, message.ptr,
					     s->opts->author);
	}
done:
	git_tree_free(base_tree);
	git_tree_free(new_tree);
	st_buf_dispose(&message);
	return error;
}

/* Makes here the remote's tags that were missing. */
static int make_tags(struct sync *s)
{
	git_reference *ref = NULL;
	size_t i;

	for (i = 0; i < s->ntags; i++) {
		if (!s->tags[i].make)
			continue;
		if (git_reference_create(&ref, s->git, s->tags[i].name, &s->tags[i].id, 0,
					 "stdtool: sync") < 0)
			return st_git_fail(ST_ERROR, s->tags[i].name);
		git_reference_free(ref);
		ref = NULL;
		s->result->tags_fetched++;
	}
	return 0;
}

static int push(struct sync *s)
{
	st_sync_result *r = s->result;
	git_remote_callbacks cb;
	git_push_options po;
	git_strarray refspecs;
	git_remote *target = NULL;
	git_oid head;
	size_t tags = s->npush;
	int branch = 0, rc;

	if (git_reference_name_to_id(&head, s->git, s->branch) < 0)
		return st_git_fail(ST_ERROR, s->branch);
	if (!s->remote_has_branch || !git_oid_equal(&head, &s->remote_id)) {
		if (add_push(s, s->branch, s->remote_ref) < 0)
			return ST_ERROR;
		branch = 1;
	}
	if (!s->npush)
		return 0;
	test_pause();
	/* A remote of its own: libgit2 would push through the transport the
	 * fetch opened, to the fetch URL, whatever the push URL. */
	if ((rc = anonymous_remote(&target, s->git, s->push_url)) < 0)
		return rc;
	callbacks_init(&cb, s);
	git_push_options_init(&po, GIT_PUSH_OPTIONS_VERSION);
	po.callbacks = cb;
	refspecs.strings = s->push;
	refspecs.count = s->npush;
	rc = git_remote_push(target, &refspecs, &po);
	git_remote_free(target);
	if (rc == GIT_ENONFASTFORWARD) {
		r->push_rejected = 1;
		return st_error_set(ST_ECONFLICT,
			_("the push to '%s' was refused: %s/%s moved since the fetch; what was merged here stays (it is correct history): run 'stdtool sync' again"),
			r->remote, r->remote, r->remote_branch);
	}
	if (rc == 0 && s->rejected.size) {
		if (st_buf_check(&s->rejected) < 0)
			return ST_ERROR;
		return st_error_set(ST_ERROR,
			_("'%s' refused the push of %s; the sync here is done: run 'stdtool sync' again when the remote takes it"),
			r->remote, s->rejected.ptr);
	}
	if (rc < 0)
		return st_git_fail(ST_ERROR, _("cannot push; the branch here is up to date, run 'stdtool sync' again to push it"));
	r->pushed = branch;
	r->tags_pushed = tags;
	if (branch)
		update_tracking(s, &head);
	return 0;
}

int st_sync(st_sync_result *result, st_repo *repo, const st_sync_options *opts)
{
	struct sync s;
	const git_oid *base;
	git_oid merged_tree;
	size_t i;
	int error;

	memset(result, 0, sizeof(*result));
	memset(&s, 0, sizeof(s));
	memset(&merged_tree, 0, sizeof(merged_tree));
	st_buf_init(&s.rejected);
	s.repo = repo;
	s.git = st_repo_git(repo);
	s.opts = opts;
	s.result = result;

	if ((error = st_txn_begin(&s.txn, repo)) < 0)
		goto done;
	s.branch = st_txn_branch(s.txn);
	if (!(base = st_txn_base(s.txn))) {
		error = st_error_set(ST_ERROR, _("the branch '%s' has no commits yet"), s.branch);
		goto done;
	}
	git_oid_cpy(&s.base_id, base);
	if ((error = pick_remote(&s)) < 0 ||
	    (error = fetch(&s)) < 0 ||
	    (error = plan(&s, &merged_tree)) < 0 ||
	    (error = compare_tags(&s)) < 0)
		goto done;
	if (result->nconflicts) {
		error = st_error_set(ST_ECONFLICT,
			Q_("cannot sync with %s/%s: %zu conflict; nothing was changed, here or there",
			   "cannot sync with %s/%s: %zu conflicts; nothing was changed, here or there",
			   result->nconflicts),
			result->remote, result->remote_branch, result->nconflicts);
		goto done;
	}
	if ((error = apply(&s, &merged_tree)) < 0)
		goto done;
	/* The branch is where it must be: the refs follow, then the push. */
	if (s.remote_has_branch)
		update_tracking(&s, &s.remote_id);
	if ((error = make_tags(&s)) < 0)
		goto done;
	result->done_here = 1;
	error = push(&s);
done:
	for (i = 0; i < s.ntags; i++)
		free(s.tags[i].name);
	free(s.tags);
	for (i = 0; i < s.npush; i++)
		free(s.push[i]);
	free(s.push);
	for (i = 0; i < s.nfetch_specs; i++)
		git_refspec_free(s.fetch_specs[i]);
	free(s.fetch_specs);
	free(s.remote_ref);
	free(s.push_url);
	st_buf_dispose(&s.rejected);
	git_remote_free(s.remote);
	st_txn_free(s.txn);
	return error;
}

void st_sync_result_dispose(st_sync_result *result)
{
	size_t i;

	if (!result)
		return;
	for (i = 0; i < result->nconflicts; i++)
		free(result->conflicts[i].path);
	free(result->conflicts);
	st_comment_renumbering_dispose(&result->renumbered);
	st_ballot_recounts_dispose(&result->recounts);
	free(result->remote);
	free(result->branch);
	free(result->remote_branch);
	memset(result, 0, sizeof(*result));
}
