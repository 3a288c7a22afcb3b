/* st_repo.c: the secretariat repository over libgit2. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <git2.h>

#include "st_error.h"
#include "st_i18n.h"
#include "st_repo.h"
#include "st_text.h"
#include "st_xml.h"

#define LOCK_FILE "stdtool.lock"
#define JOURNAL_FILE "stdtool-journal"
#define JOURNAL_MAGIC "stdtool-journal 1"
#define LOCK_WAIT_STEPS 50 /* of 100 ms: wait up to 5 s for another writer */

/*
 * Which schema each kind of record is validated against.  A pattern's
 * components are matched one for one; "*" stands for any one name and
 * "*.xml" for any name ending in ".xml".  The first match wins, so a
 * named file comes before the pattern that would also take it.
 */
static const struct record_kind {
	const char *pattern;
	const char *schema; /* in DATADIR/schemas/ */
} record_kinds[] = {
	{ ST_REPO_CONFIG, "repository.rng" },
	{ "orgs/*.xml", "org.rng" },
	{ "standards/*.xml", "standard.rng" },
	{ "secretariats/*.xml", "secretariat.rng" },
	{ "claims/*.xml", "claims.rng" },
	{ "claims/*/*.xml", "claims.rng" },
	{ "policies/*.xml", "policy.rng" },
	{ "drafts/*/meta.xml", "draft-meta.rng" },
	{ "drafts/*/draft.xml", "sts-draft.rng" },
	{ "drafts/*/comments/round.xml", "comment-round.rng" },
	{ "drafts/*/comments/*.xml", "comment.rng" },
	{ "drafts/*/ballots/*/ballot.xml", "ballot.rng" },
	{ "drafts/*/ballots/*/votes/*.xml", "vote.rng" },
};
#define RECORD_KINDS (sizeof(record_kinds) / sizeof(record_kinds[0]))

/* The folders of a new repository, each kept by a .gitkeep file. */
static const char *const layout_folders[] = {
	"orgs", "standards", "secretariats", "drafts", "claims", "policies",
};

struct st_repo {
	git_repository *git;
	char *path;
	char *datadir;
	int bare;
	st_schema *schemas[RECORD_KINDS];
};

struct change {
	char *path;
	char *data;
	size_t len;
	int remove;
};

struct st_txn {
	st_repo *repo;
	int lock_fd;
	char *branch;    /* refs/heads/... that HEAD names */
	int has_base;    /* 0 while the branch is unborn */
	git_oid base_id;
	git_commit *base_commit;
	git_tree *base_tree;
	struct change *changes;
	size_t nchanges, achanges;
	size_t *slots;   /* open-addressing index of changes by path: index + 1 */
	size_t nslots;
	/* Folders of the base tree already looked up: a lookup per record
	 * would read and parse a 100,000-entry tree each time. */
	struct {
		char *name;
		git_tree *tree; /* NULL: no such folder */
	} folders[8];
	size_t nfolders;
	struct txn_tag {
		char *name;     /* refs/tags/... */
		char *message;
		git_oid id;     /* the tag object, once written */
	} *tags;
	size_t ntags;
	int advancing;   /* the changes only name the paths of st_txn_fast_forward/merge */
};

/* Above this many changed paths, one status pass and one checkout of the
 * whole tree beat asking about each path. */
#define MANY_CHANGES 64

int st_git_fail(int code, const char *what)
{
	const git_error *e = git_error_last();

	return st_error_set(code, "%s: %s", what,
			    e && e->message ? e->message : _("unknown Git error"));
}

/* Fault injection for the interruption tests: die at a named step. */
static void crash_point(const char *step)
{
	const char *want = getenv("STDTOOL_TEST_CRASH");

	if (want && strcmp(want, step) == 0)
		raise(SIGKILL);
}

/*
 * libgit2 is set up when a repository is first opened: its set-up seeds a
 * random generator, which costs more than checking a small draft file.
 */
static int git_ready;

static void git_setup(void)
{
	if (git_ready)
		return;
	git_ready = 1;
	git_libgit2_init();
	/* Objects and refs as git writes them: no strict checks skipped. */
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, 1);
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_SYMBOLIC_REF_CREATION, 1);
}

void st_repo_global_init(void)
{
	/* nothing yet: see git_setup() */
}

void st_repo_global_shutdown(void)
{
	if (git_ready)
		git_libgit2_shutdown();
	git_ready = 0;
}

/* Does one path component (of length 'n') match one pattern component? */
static int component_matches(const char *pat, size_t plen, const char *name, size_t n)
{
	if (n == 0)
		return 0;
	if (plen == 1 && pat[0] == '*')
		return 1;
	if (pat[0] == '*')
		return n > plen - 1 && memcmp(name + n - (plen - 1), pat + 1, plen - 1) == 0;
	return plen == n && memcmp(pat, name, n) == 0;
}

static int path_matches(const char *pattern, const char *path)
{
	for (;;) {
		const char *pe = strchr(pattern, '/'), *e = strchr(path, '/');
		size_t plen = pe ? (size_t)(pe - pattern) : strlen(pattern);
		size_t n = e ? (size_t)(e - path) : strlen(path);

		if (!component_matches(pattern, plen, path, n))
			return 0;
		if (!pe || !e)
			return !pe && !e;
		pattern = pe + 1;
		path = e + 1;
	}
}

static const struct record_kind *record_kind_of(const char *path, size_t *index)
{
	size_t i;

	for (i = 0; i < RECORD_KINDS; i++) {
		if (path_matches(record_kinds[i].pattern, path)) {
			*index = i;
			return &record_kinds[i];
		}
	}
	return NULL;
}

static int schema_for(st_schema **out, st_repo *repo, size_t index)
{
	st_buf path = ST_BUF_INIT;
	int error;

	if (repo->schemas[index]) {
		*out = repo->schemas[index];
		return 0;
	}
	st_buf_printf(&path, "%s/schemas/%s", repo->datadir, record_kinds[index].schema);
	if ((error = st_buf_check(&path)) < 0)
		goto done;
	if ((error = st_schema_load(&repo->schemas[index], path.ptr)) < 0)
		goto done;
	*out = repo->schemas[index];
done:
	st_buf_dispose(&path);
	return error;
}

int st_repo_validate_record(st_repo *repo, const char *path,
			    const char *data, size_t len)
{
	const struct record_kind *kind;
	st_schema *schema = NULL;
	xmlDoc *doc = NULL;
	size_t index = 0;
	int error;

	kind = record_kind_of(path, &index);
	if (!kind) {
		size_t plen = strlen(path);
		if (plen >= 4 && strcmp(path + plen - 4, ".xml") == 0)
			return st_error_set(ST_EINVALID,
				_("'%s' is not a place for a record"), path);
		return 0;
	}
	if ((error = schema_for(&schema, repo, index)) < 0)
		return error;
	if ((error = st_xml_parse_memory(&doc, data, len, path)) < 0)
		return error;
	error = st_schema_validate(schema, doc, path);
	xmlFreeDoc(doc);
	return error;
}

/* Parses "Name <email>". */
static int parse_person(char **name, char **email, const char *spec)
{
	const char *lt = strchr(spec, '<'), *gt = strrchr(spec, '>');
	const char *end;

	*name = *email = NULL;
	if (!lt || !gt || gt < lt || gt[1] != '\0' || lt == spec)
		goto bad;
	end = lt;
	while (end > spec && end[-1] == ' ')
		end--;
	if (end == spec || gt - lt < 2)
		goto bad;
	*name = strndup(spec, (size_t)(end - spec));
	*email = strndup(lt + 1, (size_t)(gt - lt - 1));
	if (!*name || !*email) {
		free(*name);
		free(*email);
		return st_error_oom();
	}
	return 0;
bad:
	return st_error_set(ST_EINVALID,
		_("invalid author '%s': expected 'Name <email>'"), spec);
}

int st_repo_author_check(const char *spec)
{
	char *name = NULL, *email = NULL;
	int error = parse_person(&name, &email, spec);

	free(name);
	free(email);
	return error;
}

static int make_signature(git_signature **out, git_repository *git,
			  const char *spec, const char *env_name, const char *env_email)
{
	char *name = NULL, *email = NULL;
	int error;

	if (spec) {
		if ((error = parse_person(&name, &email, spec)) < 0)
			return error;
		error = git_signature_now(out, name, email);
		free(name);
		free(email);
		if (error < 0)
			return st_git_fail(ST_EINVALID, _("invalid author"));
		return 0;
	}
	if (getenv(env_name) && getenv(env_email) && *getenv(env_name)) {
		if (git_signature_now(out, getenv(env_name), getenv(env_email)) < 0)
			return st_git_fail(ST_EINVALID, _("invalid author"));
		return 0;
	}
	if (git_signature_default(out, git) < 0)
		return st_error_set(ST_ERROR,
			_("cannot tell who is making this change: set user.name and user.email with 'git config', or give --author 'Name <email>'"));
	return 0;
}

static int open_lock(int *out_fd, git_repository *git)
{
	char path[4096];
	int fd, i;

	*out_fd = -1;
	snprintf(path, sizeof(path), "%s%s", git_repository_path(git), LOCK_FILE);
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0)
		return st_error_set(ST_ERROR, _("cannot open lock '%s': %s"),
				    path, strerror(errno));
	for (i = 0; flock(fd, LOCK_EX | LOCK_NB) < 0; i++) {
		if (errno != EWOULDBLOCK && errno != EINTR) {
			close(fd);
			return st_error_set(ST_ERROR, _("cannot lock '%s': %s"),
					    path, strerror(errno));
		}
		if (i >= LOCK_WAIT_STEPS) {
			close(fd);
			return st_error_set(ST_ELOCKED,
				_("another stdtool process is writing to this repository; try again when it has finished"));
		}
		usleep(100 * 1000);
	}
	*out_fd = fd;
	return 0;
}

static void journal_path(char *out, size_t size, git_repository *git)
{
	snprintf(out, size, "%s%s", git_repository_path(git), JOURNAL_FILE);
}

/* Brings index and work tree to 'target' for 'paths'. */
static int checkout_paths(git_repository *git, git_tree *baseline,
			  git_commit *target, char **paths, size_t npaths)
{
	git_checkout_options opts;

	/* No paths must not become "every path": a forced checkout of all. */
	if (npaths == 0)
		return 0;
	git_checkout_options_init(&opts, GIT_CHECKOUT_OPTIONS_VERSION);
	opts.baseline = baseline;
	if (npaths > MANY_CHANGES) {
		/* Only the changed paths differ between baseline and target, and
		 * they were checked clean: a safe checkout touches just them. */
		opts.checkout_strategy = GIT_CHECKOUT_SAFE;
	} else {
		opts.checkout_strategy = GIT_CHECKOUT_FORCE | GIT_CHECKOUT_DISABLE_PATHSPEC_MATCH;
		opts.paths.strings = paths;
		opts.paths.count = npaths;
	}
	if (git_checkout_tree(git, (const git_object *)target, &opts) < 0)
		return st_git_fail(ST_ERROR, _("cannot update the work tree"));
	return 0;
}

static int write_journal(git_repository *git, const char *branch,
			 const git_oid *old_id, const git_oid *new_id,
			 const struct change *changes, size_t n,
			 const struct txn_tag *tags, size_t ntags)
{
	char path[4096], tmp[4200], old_hex[GIT_OID_HEXSZ + 1], new_hex[GIT_OID_HEXSZ + 1];
	st_buf content = ST_BUF_INIT;
	size_t i;
	int fd = -1, error = ST_ERROR;

	git_oid_tostr(old_hex, sizeof(old_hex), old_id);
	git_oid_tostr(new_hex, sizeof(new_hex), new_id);
	st_buf_printf(&content, "%s\n%s\n%s\n%s\n", JOURNAL_MAGIC, branch, old_hex, new_hex);
	for (i = 0; i < n; i++)
		st_buf_printf(&content, "%s\n", changes[i].path);
	/* Paths never start with ':', so tag lines cannot be taken for one. */
	for (i = 0; i < ntags; i++) {
		char hex[GIT_OID_HEXSZ + 1];
		git_oid_tostr(hex, sizeof(hex), &tags[i].id);
		st_buf_printf(&content, ":tag %s %s\n", hex, tags[i].name);
	}
	if ((error = st_buf_check(&content)) < 0)
		goto done;
	error = ST_ERROR;
	journal_path(path, sizeof(path), git);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0 || write(fd, content.ptr, content.size) != (ssize_t)content.size ||
	    fsync(fd) < 0 || close(fd) < 0) {
		st_error_set(ST_ERROR, _("cannot write '%s': %s"), tmp, strerror(errno));
		if (fd >= 0)
			close(fd);
		unlink(tmp);
		goto done;
	}
	if (rename(tmp, path) < 0) {
		st_error_set(ST_ERROR, _("cannot write '%s': %s"), path, strerror(errno));
		unlink(tmp);
		goto done;
	}
	error = 0;
done:
	st_buf_dispose(&content);
	return error;
}

/* Points the tag ref of a journal line "<tag-id> refs/tags/NAME" at its tag. */
static int make_tag_ref(git_repository *git, const char *line)
{
	git_reference *ref = NULL;
	git_oid id;
	const char *name = strchr(line, ' ');
	int rc;

	if (!name || git_oid_fromstrn(&id, line, (size_t)(name - line)) < 0)
		return 0;
	name++;
	rc = git_reference_create(&ref, git, name, &id, 0, "stdtool: tag");
	git_reference_free(ref);
	if (rc == GIT_EEXISTS) {
		git_oid now;
		if (git_reference_name_to_id(&now, git, name) == 0 && git_oid_equal(&now, &id))
			return 0;
	}
	if (rc < 0)
		return st_git_fail(ST_ERROR, name);
	return 0;
}

/*
 * Finishes a write that was interrupted after its commit point.  Called
 * with the lock held.
 */
static int recover(git_repository *git)
{
	char path[4096], *line;
	st_buf content = ST_BUF_INIT;
	char **paths = NULL;
	size_t npaths = 0, apaths = 0;
	git_oid old_id, new_id, now;
	git_commit *new_commit = NULL, *old_commit = NULL;
	git_tree *old_tree = NULL;
	char *branch = NULL;
	FILE *fp;
	char chunk[4096];
	char *tags[16];
	size_t n, ntags = 0, i;
	int error = 0, fields = 0;

	journal_path(path, sizeof(path), git);
	if (!(fp = fopen(path, "r")))
		return 0; /* nothing was interrupted */
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		st_buf_put(&content, chunk, n);
	fclose(fp);
	if ((error = st_buf_check(&content)) < 0)
		goto done;

	for (line = content.ptr; *line; fields++) {
		char *eol = strchr(line, '\n');
		if (!eol)
			goto discard; /* a journal cut short was never acted on */
		*eol = '\0';
		if (fields == 0 && strcmp(line, JOURNAL_MAGIC) != 0)
			goto discard;
		else if (fields == 1)
			branch = line;
		else if (fields == 2 && git_oid_fromstr(&old_id, line) < 0)
			goto discard;
		else if (fields == 3 && git_oid_fromstr(&new_id, line) < 0)
			goto discard;
		else if (fields >= 4 && strncmp(line, ":tag ", 5) == 0) {
			if (ntags < sizeof(tags) / sizeof(tags[0]))
				tags[ntags++] = line + 5;
		} else if (fields >= 4) {
			if (npaths == apaths) {
				char **grown;
				apaths = apaths ? apaths * 2 : 8;
				if (!(grown = realloc(paths, apaths * sizeof(*paths)))) {
					error = st_error_oom();
					goto done;
				}
				paths = grown;
			}
			paths[npaths++] = line;
		}
		line = eol + 1;
	}
	if (fields < 4 || git_reference_name_to_id(&now, git, branch) < 0 ||
	    !git_oid_equal(&now, &new_id))
		goto discard; /* the branch never moved, or moved on since */

	if (git_commit_lookup(&new_commit, git, &new_id) < 0) {
		error = st_git_fail(ST_ERROR, _("cannot finish an interrupted write"));
		goto done;
	}
	if (!git_oid_is_zero(&old_id) &&
	    (git_commit_lookup(&old_commit, git, &old_id) < 0 ||
	     git_commit_tree(&old_tree, old_commit) < 0)) {
		error = st_git_fail(ST_ERROR, _("cannot finish an interrupted write"));
		goto done;
	}
	if (!git_repository_is_bare(git) &&
	    (error = checkout_paths(git, old_tree, new_commit, paths, npaths)) < 0)
		goto done;
	for (i = 0; i < ntags; i++)
		if ((error = make_tag_ref(git, tags[i])) < 0)
			goto done;
discard:
	if (unlink(path) < 0 && errno != ENOENT)
		error = st_error_set(ST_ERROR, _("cannot remove '%s': %s"), path, strerror(errno));
done:
	git_tree_free(old_tree);
	git_commit_free(old_commit);
	git_commit_free(new_commit);
	free(paths);
	st_buf_dispose(&content);
	return error;
}

static int recover_if_needed(git_repository *git)
{
	char path[4096];
	int fd = -1, error;

	journal_path(path, sizeof(path), git);
	if (access(path, F_OK) != 0)
		return 0;
	if ((error = open_lock(&fd, git)) < 0)
		return error;
	error = recover(git);
	close(fd);
	return error;
}

/* The branch HEAD names, refusing a detached HEAD. */
static int head_branch(char **out, git_repository *git)
{
	git_reference *head = NULL;
	int error = 0;

	*out = NULL;
	if (git_reference_lookup(&head, git, "HEAD") < 0)
		return st_git_fail(ST_ERROR, _("cannot read HEAD"));
	if (git_reference_type(head) != GIT_REFERENCE_SYMBOLIC)
		error = st_error_set(ST_ERROR,
			_("HEAD is detached; check out a branch before changing records"));
	else if (!(*out = strdup(git_reference_symbolic_target(head))))
		error = st_error_oom();
	git_reference_free(head);
	return error;
}

void st_repo_free(st_repo *repo)
{
	size_t i;

	if (!repo)
		return;
	for (i = 0; i < RECORD_KINDS; i++)
		st_schema_free(repo->schemas[i]);
	git_repository_free(repo->git);
	free(repo->path);
	free(repo->datadir);
	free(repo);
}

static int repo_wrap(st_repo **out, git_repository *git, const char *datadir)
{
	st_repo *repo;
	const char *path;

	if (!(repo = calloc(1, sizeof(*repo))))
		return st_error_oom();
	repo->git = git;
	repo->bare = git_repository_is_bare(git);
	path = repo->bare ? git_repository_path(git) : git_repository_workdir(git);
	repo->path = strdup(path);
	repo->datadir = strdup(datadir);
	if (!repo->path || !repo->datadir) {
		repo->git = NULL;
		st_repo_free(repo);
		return st_error_oom();
	}
	*out = repo;
	return 0;
}

int st_repo_open(st_repo **out, const char *path, const char *datadir)
{
	git_repository *git = NULL;
	st_repo *repo = NULL;
	st_buf config = ST_BUF_INIT;
	int error;

	git_setup();
	*out = NULL;
	error = git_repository_open_ext(&git, path, 0, NULL);
	if (error == GIT_ENOTFOUND)
		return st_error_set(ST_EREPO,
			_("not a stdtool repository (or any of the parent folders): '%s'"), path);
	if (error < 0)
		return st_git_fail(ST_EREPO, path);
	if ((error = repo_wrap(&repo, git, datadir)) < 0) {
		git_repository_free(git);
		return error;
	}
	if ((error = recover_if_needed(git)) < 0)
		goto done;
	error = st_repo_read(&config, repo, ST_REPO_CONFIG);
	if (error == ST_ENOTFOUND) {
		error = st_error_set(ST_EREPO,
			_("'%s' is a Git repository but not a stdtool repository; run 'stdtool init' there first"),
			repo->path);
		goto done;
	}
	if (error < 0)
		goto done;
	*out = repo;
	repo = NULL;
done:
	st_buf_dispose(&config);
	st_repo_free(repo);
	return error;
}

int st_repo_is_bare(const st_repo *repo)
{
	return repo->bare;
}

const char *st_repo_datadir(const st_repo *repo)
{
	return repo->datadir;
}

const char *st_repo_path(const st_repo *repo)
{
	return repo->path;
}

struct git_repository *st_repo_git(st_repo *repo)
{
	return repo->git;
}

/* The tree of the branch's commit; *out is NULL while the branch is unborn. */
static int current_tree(git_tree **out, git_repository *git)
{
	git_reference *head = NULL;
	git_commit *commit = NULL;
	int error;

	*out = NULL;
	error = git_repository_head(&head, git);
	if (error == GIT_EUNBORNBRANCH || error == GIT_ENOTFOUND)
		return 0;
	if (error < 0)
		return st_git_fail(ST_ERROR, _("cannot read HEAD"));
	if (git_commit_lookup(&commit, git, git_reference_target(head)) < 0 ||
	    git_commit_tree(out, commit) < 0)
		error = st_git_fail(ST_ERROR, _("cannot read the current commit"));
	git_commit_free(commit);
	git_reference_free(head);
	return error;
}

static int tree_read(st_buf *out, git_repository *git, git_tree *tree, const char *path)
{
	git_tree_entry *entry = NULL;
	git_blob *blob = NULL;
	int error;

	if (!tree)
		return st_error_set(ST_ENOTFOUND, _("'%s' does not exist"), path);
	error = git_tree_entry_bypath(&entry, tree, path);
	if (error == GIT_ENOTFOUND)
		return st_error_set(ST_ENOTFOUND, _("'%s' does not exist"), path);
	if (error < 0)
		return st_git_fail(ST_ERROR, path);
	if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB) {
		git_tree_entry_free(entry);
		return st_error_set(ST_ENOTFOUND, _("'%s' is not a file"), path);
	}
	if (git_blob_lookup(&blob, git, git_tree_entry_id(entry)) < 0) {
		error = st_git_fail(ST_ERROR, path);
		goto done;
	}
	st_buf_put(out, git_blob_rawcontent(blob), (size_t)git_blob_rawsize(blob));
	error = st_buf_check(out);
done:
	git_blob_free(blob);
	git_tree_entry_free(entry);
	return error;
}

int st_repo_read(st_buf *out, st_repo *repo, const char *path)
{
	git_tree *tree = NULL;
	int error;

	if ((error = current_tree(&tree, repo->git)) < 0)
		return error;
	error = tree_read(out, repo->git, tree, path);
	git_tree_free(tree);
	return error;
}

int st_repo_read_at(st_buf *out, char *commit, st_repo *repo, const char *revision,
		    const char *path)
{
	git_object *obj = NULL, *peeled = NULL;
	git_tree *tree = NULL;
	int error;

	if (commit)
		commit[0] = '\0';
	error = git_revparse_single(&obj, repo->git, revision);
	if (error == GIT_ENOTFOUND || error == GIT_EAMBIGUOUS || error == GIT_EINVALIDSPEC)
		return st_error_set(ST_ENOTFOUND, _("unknown revision '%s'"), revision);
	if (error < 0)
		return st_git_fail(ST_ERROR, revision);
	if (git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT) < 0) {
		error = st_error_set(ST_ENOTFOUND, _("'%s' names no commit"), revision);
		goto done;
	}
	if (git_commit_tree(&tree, (git_commit *)peeled) < 0) {
		error = st_git_fail(ST_ERROR, revision);
		goto done;
	}
	if (commit)
		git_oid_tostr(commit, GIT_OID_HEXSZ + 1, git_object_id(peeled));
	error = tree_read(out, repo->git, tree, path);
	if (error == ST_ENOTFOUND)
		error = st_error_set(ST_ENOTFOUND, _("'%s' does not exist at '%s'"), path, revision);
done:
	git_tree_free(tree);
	git_object_free(peeled);
	git_object_free(obj);
	return error;
}

/* The tree of 'folder' in the current commit; *out is NULL when absent. */
static int folder_tree(git_tree **out, st_repo *repo, const char *folder)
{
	git_tree *tree = NULL;
	git_tree_entry *entry = NULL;
	int error;

	*out = NULL;
	if ((error = current_tree(&tree, repo->git)) < 0 || !tree)
		return error;
	error = git_tree_entry_bypath(&entry, tree, folder);
	if (error == GIT_ENOTFOUND)
		error = 0;
	else if (error < 0)
		error = st_git_fail(ST_ERROR, folder);
	else if (git_tree_entry_type(entry) == GIT_OBJECT_TREE &&
		 git_tree_lookup(out, repo->git, git_tree_entry_id(entry)) < 0)
		error = st_git_fail(ST_ERROR, folder);
	git_tree_entry_free(entry);
	git_tree_free(tree);
	return error;
}

/* Hands one file of a folder to 'cb'; directories are skipped. */
static int call_with_blob(st_repo *repo, const git_tree_entry *e, st_repo_blob_cb cb, void *payload)
{
	git_blob *blob = NULL;
	int error;

	if (!e || git_tree_entry_type(e) != GIT_OBJECT_BLOB)
		return 0;
	if (git_blob_lookup(&blob, repo->git, git_tree_entry_id(e)) < 0)
		return st_git_fail(ST_ERROR, git_tree_entry_name(e));
	error = cb(git_tree_entry_name(e), git_blob_rawcontent(blob),
		   (size_t)git_blob_rawsize(blob), payload);
	git_blob_free(blob);
	return error;
}

int st_repo_each_blob(st_repo *repo, const char *folder, st_repo_blob_cb cb, void *payload)
{
	git_tree *sub = NULL;
	size_t i, n;
	int error;

	if ((error = folder_tree(&sub, repo, folder)) < 0 || !sub)
		return error;
	n = git_tree_entrycount(sub);
	for (i = 0; i < n && !error; i++)
		error = call_with_blob(repo, git_tree_entry_byindex(sub, i), cb, payload);
	git_tree_free(sub);
	return error;
}

int st_repo_each_named_blob(st_repo *repo, const char *folder, char *const *names, size_t n,
			    st_repo_blob_cb cb, void *payload)
{
	git_tree *sub = NULL;
	size_t i;
	int error;

	if ((error = folder_tree(&sub, repo, folder)) < 0 || !sub)
		return error;
	for (i = 0; i < n && !error; i++)
		error = call_with_blob(repo, git_tree_entry_byname(sub, names[i]), cb, payload);
	git_tree_free(sub);
	return error;
}

int st_repo_folder_id(char out[41], st_repo *repo, const char *folder)
{
	git_tree *tree = NULL;
	git_tree_entry *entry = NULL;
	int error;

	out[0] = '\0';
	if ((error = current_tree(&tree, repo->git)) < 0 || !tree)
		return error;
	if (git_tree_entry_bypath(&entry, tree, folder) == 0 &&
	    git_tree_entry_type(entry) == GIT_OBJECT_TREE)
		git_oid_tostr(out, 41, git_tree_entry_id(entry));
	git_tree_entry_free(entry);
	git_tree_free(tree);
	return 0;
}

const char *st_repo_git_dir(const st_repo *repo)
{
	return git_repository_path(repo->git);
}

int st_repo_folder_changes(st_repo *repo, const char *old_id, const char *new_id,
			   int (*cb)(const char *name, const char *data, size_t len, void *payload),
			   void *payload)
{
	git_oid a, b;
	git_tree *old_tree = NULL, *new_tree = NULL;
	git_diff *diff = NULL;
	git_blob *blob = NULL;
	size_t i, n;
	int error = 0;

	if (git_oid_fromstr(&a, old_id) < 0 || git_tree_lookup(&old_tree, repo->git, &a) < 0)
		return st_error_set(ST_ENOTFOUND, "%s", _("the indexed tree is gone"));
	if (*new_id && (git_oid_fromstr(&b, new_id) < 0 ||
			git_tree_lookup(&new_tree, repo->git, &b) < 0)) {
		error = st_git_fail(ST_ERROR, _("cannot read the current commit"));
		goto done;
	}
	if (git_diff_tree_to_tree(&diff, repo->git, old_tree, new_tree, NULL) < 0) {
		error = st_git_fail(ST_ERROR, _("cannot read the current commit"));
		goto done;
	}
	n = git_diff_num_deltas(diff);
	for (i = 0; i < n && !error; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		if (d->status == GIT_DELTA_DELETED || d->status == GIT_DELTA_RENAMED) {
			error = cb(d->old_file.path, NULL, 0, payload);
			if (error || d->status == GIT_DELTA_DELETED)
				continue;
		}
		if (git_blob_lookup(&blob, repo->git, &d->new_file.id) < 0) {
			error = st_git_fail(ST_ERROR, d->new_file.path);
			break;
		}
		error = cb(d->new_file.path, git_blob_rawcontent(blob),
			   (size_t)git_blob_rawsize(blob), payload);
		git_blob_free(blob);
		blob = NULL;
	}
done:
	git_diff_free(diff);
	git_tree_free(old_tree);
	git_tree_free(new_tree);
	return error;
}

struct walk_state {
	st_repo_file_cb cb;
	void *payload;
	st_buf path;
	int error;
};

static int walk_entry(const char *root, const git_tree_entry *entry, void *data)
{
	struct walk_state *state = data;

	if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB)
		return 0;
	st_buf_clear(&state->path);
	st_buf_printf(&state->path, "%s%s", root, git_tree_entry_name(entry));
	if ((state->error = st_buf_check(&state->path)) < 0)
		return -1;
	if ((state->error = state->cb(state->path.ptr, state->payload)) != 0)
		return -1;
	return 0;
}

int st_repo_walk(st_repo *repo, st_repo_file_cb cb, void *payload)
{
	struct walk_state state = { cb, payload, ST_BUF_INIT, 0 };
	git_tree *tree = NULL;
	int error;

	if ((error = current_tree(&tree, repo->git)) < 0 || !tree)
		return error;
	if (git_tree_walk(tree, GIT_TREEWALK_PRE, walk_entry, &state) < 0 && !state.error)
		state.error = st_git_fail(ST_ERROR, _("cannot read the current commit"));
	git_tree_free(tree);
	st_buf_dispose(&state.path);
	return state.error;
}

static int txn_begin_git(st_txn **out, st_repo *repo)
{
	st_txn *txn;
	int error;

	*out = NULL;
	if (!(txn = calloc(1, sizeof(*txn))))
		return st_error_oom();
	txn->repo = repo;
	txn->lock_fd = -1;
	if ((error = open_lock(&txn->lock_fd, repo->git)) < 0)
		goto fail;
	if (!repo->bare && (error = recover(repo->git)) < 0)
		goto fail;
	if ((error = head_branch(&txn->branch, repo->git)) < 0)
		goto fail;
	error = git_reference_name_to_id(&txn->base_id, repo->git, txn->branch);
	if (error == GIT_ENOTFOUND) {
		txn->has_base = 0;
	} else if (error < 0) {
		error = st_git_fail(ST_ERROR, txn->branch);
		goto fail;
	} else {
		txn->has_base = 1;
		if (git_commit_lookup(&txn->base_commit, repo->git, &txn->base_id) < 0 ||
		    git_commit_tree(&txn->base_tree, txn->base_commit) < 0) {
			error = st_git_fail(ST_ERROR, _("cannot read the current commit"));
			goto fail;
		}
	}
	*out = txn;
	return 0;
fail:
	st_txn_free(txn);
	return error;
}

int st_txn_begin(st_txn **out, st_repo *repo)
{
	return txn_begin_git(out, repo);
}

void st_txn_free(st_txn *txn)
{
	size_t i;

	if (!txn)
		return;
	for (i = 0; i < txn->nchanges; i++) {
		free(txn->changes[i].path);
		free(txn->changes[i].data);
	}
	free(txn->changes);
	free(txn->slots);
	for (i = 0; i < txn->ntags; i++) {
		free(txn->tags[i].name);
		free(txn->tags[i].message);
	}
	free(txn->tags);
	for (i = 0; i < txn->nfolders; i++) {
		free(txn->folders[i].name);
		git_tree_free(txn->folders[i].tree);
	}
	git_tree_free(txn->base_tree);
	git_commit_free(txn->base_commit);
	free(txn->branch);
	if (txn->lock_fd >= 0)
		close(txn->lock_fd); /* releases the flock */
	free(txn);
}

static size_t path_hash(const char *path)
{
	size_t h = 14695981039346656037UL;

	for (; *path; path++)
		h = (h ^ (unsigned char)*path) * 1099511628211UL;
	return h;
}

static struct change *find_change(st_txn *txn, const char *path)
{
	size_t i;

	if (!txn->nslots)
		return NULL;
	for (i = path_hash(path) & (txn->nslots - 1); txn->slots[i];
	     i = (i + 1) & (txn->nslots - 1))
		if (strcmp(txn->changes[txn->slots[i] - 1].path, path) == 0)
			return &txn->changes[txn->slots[i] - 1];
	return NULL;
}

/* Keeps the index at most half full; 'index' is the change to add. */
static int index_change(st_txn *txn, size_t index)
{
	size_t i;

	if ((txn->nchanges + 1) * 2 > txn->nslots) {
		size_t n = txn->nslots ? txn->nslots * 2 : 64, k;
		size_t *slots = calloc(n, sizeof(*slots));
		if (!slots)
			return st_error_oom();
		free(txn->slots);
		txn->slots = slots;
		txn->nslots = n;
		for (k = 0; k < index; k++) {
			for (i = path_hash(txn->changes[k].path) & (n - 1); slots[i]; i = (i + 1) & (n - 1))
				;
			slots[i] = k + 1;
		}
	}
	for (i = path_hash(txn->changes[index].path) & (txn->nslots - 1); txn->slots[i];
	     i = (i + 1) & (txn->nslots - 1))
		;
	txn->slots[i] = index + 1;
	return 0;
}

int st_txn_read(st_buf *out, st_txn *txn, const char *path)
{
	struct change *c = find_change(txn, path);

	if (c) {
		if (c->remove)
			return st_error_set(ST_ENOTFOUND, _("'%s' does not exist"), path);
		st_buf_put(out, c->data, c->len);
		return st_buf_check(out);
	}
	return tree_read(out, txn->repo->git, txn->base_tree, path);
}

/* The base tree's folder 'name' (length 'len'), looked up once. */
static int base_folder(git_tree **out, st_txn *txn, const char *name, size_t len)
{
	git_tree_entry *entry = NULL;
	git_tree *tree = NULL;
	size_t i;

	for (i = 0; i < txn->nfolders; i++) {
		if (strlen(txn->folders[i].name) == len && strncmp(txn->folders[i].name, name, len) == 0) {
			*out = txn->folders[i].tree;
			return 0;
		}
	}
	{
		char *folder = strndup(name, len);
		if (!folder)
			return st_error_oom();
		if (git_tree_entry_bypath(&entry, txn->base_tree, folder) == 0 &&
		    git_tree_entry_type(entry) == GIT_OBJECT_TREE)
			git_tree_lookup(&tree, txn->repo->git, git_tree_entry_id(entry));
		git_tree_entry_free(entry);
		if (txn->nfolders < sizeof(txn->folders) / sizeof(txn->folders[0])) {
			txn->folders[txn->nfolders].name = folder;
			txn->folders[txn->nfolders++].tree = tree;
		} else {
			free(folder);
			*out = tree; /* not cached: the caller frees it */
			return 1;
		}
	}
	*out = tree;
	return 0;
}

int st_txn_exists(st_txn *txn, const char *path)
{
	struct change *c = find_change(txn, path);
	git_tree_entry *entry = NULL;
	const char *slash;

	if (c)
		return !c->remove;
	if (!txn->base_tree)
		return 0;
	slash = strchr(path, '/');
	if (slash && !strchr(slash + 1, '/')) {
		git_tree *folder = NULL;
		int owned = base_folder(&folder, txn, path, (size_t)(slash - path));
		int found = folder && git_tree_entry_byname(folder, slash + 1) != NULL;
		if (owned > 0)
			git_tree_free(folder);
		return found;
	}
	if (git_tree_entry_bypath(&entry, txn->base_tree, path) < 0)
		return 0;
	git_tree_entry_free(entry);
	return 1;
}

/* A relative path of plain components: no ".", "..", ".git" or empties. */
static int valid_record_path(const char *path)
{
	const char *p, *start = path;

	if (!*path)
		return 0;
	for (p = path;; p++) {
		if (*p == '/' || *p == '\0') {
			size_t len = (size_t)(p - start);
			if (len == 0 || (len == 1 && start[0] == '.') ||
			    (len == 2 && strncmp(start, "..", 2) == 0) ||
			    (len == 4 && strncasecmp(start, ".git", 4) == 0))
				return 0;
			if (*p == '\0')
				return 1;
			start = p + 1;
		} else if ((unsigned char)*p < 0x20 || *p == '\\') {
			return 0;
		}
	}
}

static int add_change(st_txn *txn, const char *path, const char *data,
		      size_t len, int remove)
{
	struct change *c;

	if (!valid_record_path(path))
		return st_error_set(ST_EINVALID, _("invalid record path '%s'"), path);
	if (!(c = find_change(txn, path))) {
		if (txn->nchanges == txn->achanges) {
			size_t n = txn->achanges ? txn->achanges * 2 : 8;
			struct change *grown = realloc(txn->changes, n * sizeof(*grown));
			if (!grown)
				return st_error_oom();
			txn->changes = grown;
			txn->achanges = n;
		}
		c = &txn->changes[txn->nchanges];
		memset(c, 0, sizeof(*c));
		if (!(c->path = strdup(path)))
			return st_error_oom();
		if (index_change(txn, txn->nchanges) < 0) {
			free(c->path);
			return ST_ERROR;
		}
		txn->nchanges++;
	}
	free(c->data);
	c->data = NULL;
	c->len = 0;
	c->remove = remove;
	if (!remove) {
		if (!(c->data = malloc(len ? len : 1)))
			return st_error_oom();
		memcpy(c->data, data, len);
		c->len = len;
	}
	return 0;
}

int st_txn_put(st_txn *txn, const char *path, const char *data, size_t len)
{
	int error;

	if ((error = st_repo_validate_record(txn->repo, path, data, len)) < 0)
		return error;
	return add_change(txn, path, data, len, 0);
}

int st_txn_remove(st_txn *txn, const char *path)
{
	if (!st_txn_exists(txn, path))
		return st_error_set(ST_ENOTFOUND, _("'%s' does not exist"), path);
	return add_change(txn, path, NULL, 0, 1);
}

static int dirty(const char *path)
{
	return st_error_set(ST_EDIRTY,
		_("'%s' has uncommitted changes in the work tree; commit or discard them first"), path);
}

/* Refuses to overwrite uncommitted edits to the paths being changed. */
static int check_clean(st_txn *txn)
{
	size_t i;

	if (txn->repo->bare)
		return 0;
	if (txn->nchanges > MANY_CHANGES) {
		git_status_options opts;
		git_status_list *list = NULL;
		int error = 0;

		git_status_options_init(&opts, GIT_STATUS_OPTIONS_VERSION);
		opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS;
		if (git_status_list_new(&list, txn->repo->git, &opts) < 0)
			return st_git_fail(ST_ERROR, _("cannot read the work tree's status"));
		for (i = 0; i < git_status_list_entrycount(list) && !error; i++) {
			const git_status_entry *e = git_status_byindex(list, i);
			const git_diff_delta *d = e->index_to_workdir ? e->index_to_workdir : e->head_to_index;
			if (d && find_change(txn, d->new_file.path))
				error = dirty(d->new_file.path);
			else if (d && d->old_file.path && find_change(txn, d->old_file.path))
				error = dirty(d->old_file.path);
		}
		git_status_list_free(list);
		return error;
	}
	for (i = 0; i < txn->nchanges; i++) {
		unsigned int flags = 0;
		int error = git_status_file(&flags, txn->repo->git, txn->changes[i].path);
		if (error == GIT_ENOTFOUND)
			continue;
		if (error < 0)
			return st_git_fail(ST_ERROR, txn->changes[i].path);
		if (flags & GIT_STATUS_IGNORED)
			continue;
		if (flags != GIT_STATUS_CURRENT)
			return dirty(txn->changes[i].path);
	}
	return 0;
}

int st_txn_tag(st_txn *txn, const char *name, const char *message)
{
	struct txn_tag *grown, *t;
	st_buf ref = ST_BUF_INIT;
	git_oid id;
	int valid = 0, error;

	st_buf_printf(&ref, "refs/tags/%s", name);
	if ((error = st_buf_check(&ref)) < 0)
		return error;
	if (git_reference_name_is_valid(&valid, ref.ptr) < 0 || !valid) {
		st_buf_dispose(&ref);
		return st_error_set(ST_EINVALID, _("'%s' cannot be a Git tag name"), name);
	}
	if (git_reference_name_to_id(&id, txn->repo->git, ref.ptr) == 0) {
		st_buf_dispose(&ref);
		return st_error_set(ST_EEXISTS, _("the tag '%s' exists already"), name);
	}
	if (!(grown = realloc(txn->tags, (txn->ntags + 1) * sizeof(*grown)))) {
		st_buf_dispose(&ref);
		return st_error_oom();
	}
	txn->tags = grown;
	t = &txn->tags[txn->ntags];
	memset(t, 0, sizeof(*t));
	t->name = st_buf_detach(&ref);
	if (!t->name || !(t->message = strdup(message))) {
		free(t->name);
		return st_error_oom();
	}
	txn->ntags++;
	return 0;
}

/* Writes the tag objects of the transaction, naming 'commit'. */
static int write_tags(st_txn *txn, git_commit *commit, const git_signature *tagger)
{
	size_t i;

	for (i = 0; i < txn->ntags; i++) {
		struct txn_tag *t = &txn->tags[i];
		if (git_tag_annotation_create(&t->id, txn->repo->git,
					      t->name + strlen("refs/tags/"),
					      (const git_object *)commit, tagger, t->message) < 0)
			return st_git_fail(ST_ERROR, _("cannot write the tag"));
	}
	return 0;
}

/* Who makes a commit: 'author' ("Name <email>") or Git's settings, and
 * the committer (GIT_COMMITTER_* when set and no author was given). */
static int make_signatures(git_signature **sig_author, git_signature **sig_committer,
			   git_repository *git, const char *author)
{
	int error;

	*sig_author = *sig_committer = NULL;
	if ((error = make_signature(sig_author, git, author,
				    "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL")) < 0)
		return error;
	if (!author && getenv("GIT_COMMITTER_NAME") && getenv("GIT_COMMITTER_EMAIL"))
		return make_signature(sig_committer, git, NULL,
				      "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL");
	if (git_signature_dup(sig_committer, *sig_author) < 0)
		return st_error_oom();
	return 0;
}

/*
 * The commit point and what follows it, the same for every way the branch
 * moves: the journal naming the changed paths (txn->changes), the
 * compare-and-swap of the branch from the base to 'commit_id', then the
 * index and work tree for those paths, and the transaction's tags.  The
 * paths were checked clean and every object written before.
 */
static int move_branch(st_txn *txn, const git_oid *commit_id, git_commit *new_commit,
		       const char *message)
{
	git_repository *git = txn->repo->git;
	git_reference *ref = NULL;
	git_oid zero;
	char **paths = NULL;
	char jpath[4096];
	st_buf reflog = ST_BUF_INIT;
	size_t i;
	int error = ST_ERROR, journal_written = 0;

	if (!(paths = calloc(txn->nchanges ? txn->nchanges : 1, sizeof(*paths))))
		return st_error_oom();
	for (i = 0; i < txn->nchanges; i++)
		paths[i] = txn->changes[i].path;

	memset(&zero, 0, sizeof(zero));
	if (!txn->repo->bare || txn->ntags) {
		if ((error = write_journal(git, txn->branch,
					   txn->has_base ? &txn->base_id : &zero,
					   commit_id, txn->changes, txn->nchanges,
					   txn->tags, txn->ntags)) < 0)
			goto done;
		journal_written = 1;
		error = ST_ERROR;
	}
	crash_point("journal");

	/* The commit point: move the branch only if nobody else has. */
	st_buf_printf(&reflog, "stdtool: %.*s", (int)strcspn(message, "\n"), message);
	if ((error = st_buf_check(&reflog)) < 0)
		goto done;
	if (txn->has_base)
		error = git_reference_create_matching(&ref, git, txn->branch, commit_id, 1,
						      &txn->base_id, reflog.ptr);
	else
		error = git_reference_create(&ref, git, txn->branch, commit_id, 0, reflog.ptr);
	if (error == GIT_EMODIFIED || error == GIT_EEXISTS) {
		error = st_error_set(ST_ECONFLICT,
			_("the branch '%s' was changed by another writer meanwhile; nothing was written, run the command again"),
			txn->branch);
		goto done;
	}
	if (error == GIT_ELOCKED) {
		error = st_error_set(ST_ELOCKED,
			_("the branch '%s' is locked by another Git process; nothing was written, try again"),
			txn->branch);
		goto done;
	}
	if (error < 0) {
		error = st_git_fail(ST_ERROR, _("cannot move the branch"));
		goto done;
	}
	journal_written = 0; /* from here on the journal must survive a failure */
	crash_point("ref");

	{
		/*
		 * The commit is made; if the work tree or a tag cannot follow
		 * now, the journal lets the next run finish the job.
		 */
		int finished = 1;
		if (!txn->repo->bare) {
			finished = checkout_paths(git, txn->base_tree, new_commit,
						  paths, txn->nchanges) == 0;
			if (finished)
				crash_point("checkout");
		}
		for (i = 0; finished && i < txn->ntags; i++) {
			char line[GIT_OID_HEXSZ + 1 + 4096];
			char hex[GIT_OID_HEXSZ + 1];
			git_oid_tostr(hex, sizeof(hex), &txn->tags[i].id);
			snprintf(line, sizeof(line), "%s %s", hex, txn->tags[i].name);
			finished = make_tag_ref(git, line) == 0;
		}
		if (finished && (!txn->repo->bare || txn->ntags)) {
			journal_path(jpath, sizeof(jpath), git);
			unlink(jpath);
		}
	}
	error = 0;
done:
	if (journal_written) {
		journal_path(jpath, sizeof(jpath), git);
		unlink(jpath);
	}
	st_buf_dispose(&reflog);
	git_reference_free(ref);
	free(paths);
	return error;
}

int st_txn_commit(st_txn *txn, const char *message, const char *author)
{
	git_repository *git = txn->repo->git;
	git_tree_update *updates = NULL;
	git_signature *sig_author = NULL, *sig_committer = NULL;
	git_tree *new_tree = NULL;
	git_commit *new_commit = NULL;
	git_oid tree_id, commit_id;
	const git_commit *parents[1];
	size_t i;
	int error = ST_ERROR;

	if (txn->nchanges == 0 || txn->advancing)
		return st_error_set(ST_ERROR, _("nothing to commit"));
	if ((error = check_clean(txn)) < 0)
		goto done;
	if ((error = make_signatures(&sig_author, &sig_committer, git, author)) < 0)
		goto done;

	error = ST_ERROR;
	if (!(updates = calloc(txn->nchanges, sizeof(*updates)))) {
		error = st_error_oom();
		goto done;
	}
	for (i = 0; i < txn->nchanges; i++) {
		struct change *c = &txn->changes[i];
		updates[i].path = c->path;
		if (c->remove) {
			updates[i].action = GIT_TREE_UPDATE_REMOVE;
			continue;
		}
		updates[i].action = GIT_TREE_UPDATE_UPSERT;
		updates[i].filemode = GIT_FILEMODE_BLOB;
		if (git_blob_create_from_buffer(&updates[i].id, git, c->data, c->len) < 0) {
			error = st_git_fail(ST_ERROR, c->path);
			goto done;
		}
	}
	if (git_tree_create_updated(&tree_id, git, txn->base_tree,
				    txn->nchanges, updates) < 0 ||
	    git_tree_lookup(&new_tree, git, &tree_id) < 0) {
		error = st_git_fail(ST_ERROR, _("cannot write the commit"));
		goto done;
	}
	if (txn->base_tree && git_oid_equal(&tree_id, git_tree_id(txn->base_tree))) {
		error = st_error_set(ST_ERROR, _("nothing to commit: the records are unchanged"));
		goto done;
	}
	parents[0] = txn->base_commit;
	if (git_commit_create(&commit_id, git, NULL, sig_author, sig_committer, NULL,
			      message, new_tree, txn->has_base ? 1 : 0, parents) < 0 ||
	    git_commit_lookup(&new_commit, git, &commit_id) < 0) {
		error = st_git_fail(ST_ERROR, _("cannot write the commit"));
		goto done;
	}
	if ((error = write_tags(txn, new_commit, sig_committer)) < 0)
		goto done;
	crash_point("objects");
	error = move_branch(txn, &commit_id, new_commit, message);
done:
	git_commit_free(new_commit);
	git_tree_free(new_tree);
	git_signature_free(sig_author);
	git_signature_free(sig_committer);
	free(updates);
	return error;
}

/*
 * Names in the transaction every path that differs between the base tree
 * and 'tree', so that check_clean(), the journal and the checkout cover
 * them as they cover the paths of st_txn_put().
 */
static int note_tree_changes(st_txn *txn, git_tree *tree)
{
	git_diff_options opts;
	git_diff *diff = NULL;
	size_t i, n;
	int error = 0;

	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	opts.flags = GIT_DIFF_INCLUDE_TYPECHANGE;
	if (git_diff_tree_to_tree(&diff, txn->repo->git, txn->base_tree, tree, &opts) < 0)
		return st_git_fail(ST_ERROR, _("cannot read the current commit"));
	n = git_diff_num_deltas(diff);
	for (i = 0; i < n && !error; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		error = add_change(txn, d->new_file.path, "", 0, d->status == GIT_DELTA_DELETED);
	}
	git_diff_free(diff);
	return error;
}

/* Moves the branch to 'target', which descends from the base. */
static int advance(st_txn *txn, const git_oid *target, const char *message)
{
	git_commit *commit = NULL;
	git_tree *tree = NULL;
	int error;

	if (!txn->has_base || txn->nchanges || txn->ntags || txn->advancing)
		return st_error_set(ST_ERROR, _("cannot move the branch: the transaction holds other changes"));
	txn->advancing = 1;
	if (git_commit_lookup(&commit, txn->repo->git, target) < 0 ||
	    git_commit_tree(&tree, commit) < 0) {
		error = st_git_fail(ST_ERROR, _("cannot read the commit to move to"));
		goto done;
	}
	if ((error = note_tree_changes(txn, tree)) < 0 ||
	    (error = check_clean(txn)) < 0)
		goto done;
	error = move_branch(txn, target, commit, message);
done:
	git_tree_free(tree);
	git_commit_free(commit);
	return error;
}

int st_txn_fast_forward(st_txn *txn, const struct git_oid *target, const char *message)
{
	if (!txn->has_base || git_oid_equal(target, &txn->base_id) ||
	    git_graph_descendant_of(txn->repo->git, target, &txn->base_id) != 1)
		return st_error_set(ST_ERROR, _("cannot fast-forward: the commit does not descend from the branch"));
	return advance(txn, target, message);
}

int st_txn_merge(st_txn *txn, const struct git_oid *theirs, const struct git_oid *tree_id,
		 const char *message, const char *author)
{
	git_repository *git = txn->repo->git;
	git_signature *sig_author = NULL, *sig_committer = NULL;
	git_commit *their_commit = NULL;
	git_tree *tree = NULL;
	const git_commit *parents[2];
	git_oid commit_id;
	int error;

	if (!txn->has_base)
		return st_error_set(ST_ERROR, _("cannot merge into a branch without commits"));
	if ((error = make_signatures(&sig_author, &sig_committer, git, author)) < 0)
		goto done;
	if (git_commit_lookup(&their_commit, git, theirs) < 0 ||
	    git_tree_lookup(&tree, git, tree_id) < 0) {
		error = st_git_fail(ST_ERROR, _("cannot write the commit"));
		goto done;
	}
	parents[0] = txn->base_commit;
	parents[1] = their_commit;
	if (git_commit_create(&commit_id, git, NULL, sig_author, sig_committer, NULL,
			      message, tree, 2, parents) < 0) {
		error = st_git_fail(ST_ERROR, _("cannot write the commit"));
		goto done;
	}
	error = advance(txn, &commit_id, message);
done:
	git_tree_free(tree);
	git_commit_free(their_commit);
	git_signature_free(sig_author);
	git_signature_free(sig_committer);
	return error;
}

const char *st_txn_branch(const st_txn *txn)
{
	return txn->branch;
}

const struct git_oid *st_txn_base(const st_txn *txn)
{
	return txn->has_base ? &txn->base_id : NULL;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return flag == FTW_DP ? rmdir(path) : unlink(path);
}

/* Takes away what a failed init created, so a retry starts afresh. */
static void undo_init(const char *path, int path_existed, const char *gitdir, int bare)
{
	static const char *const bare_entries[] = {
		"HEAD", "config", "description", "hooks", "info", "objects", "refs",
		"logs", "index", LOCK_FILE, JOURNAL_FILE, NULL,
	};
	char entry[4096];
	size_t i;

	if (!path_existed) {
		nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
		return;
	}
	if (!bare) {
		nftw(gitdir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
		return;
	}
	for (i = 0; bare_entries[i]; i++) {
		snprintf(entry, sizeof(entry), "%s/%s", path, bare_entries[i]);
		nftw(entry, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	}
}

static int config_record(st_buf *out, const char *name)
{
	xmlDoc *doc = NULL;
	xmlNode *root;
	char format[16];
	int error;

	if (!(doc = xmlNewDoc((const xmlChar *)"1.0")) ||
	    !(root = xmlNewDocNode(doc, NULL, (const xmlChar *)"stdtool-repository", NULL))) {
		xmlFreeDoc(doc);
		return st_error_oom();
	}
	xmlDocSetRootElement(doc, root);
	snprintf(format, sizeof(format), "%d", ST_REPO_FORMAT);
	xmlNewProp(root, (const xmlChar *)"format", (const xmlChar *)format);
	if (name)
		xmlNewTextChild(root, NULL, (const xmlChar *)"name", (const xmlChar *)name);
	error = st_xml_serialise(out, doc);
	xmlFreeDoc(doc);
	return error;
}

int st_repo_init(const char *path, const st_repo_init_options *opts)
{
	git_repository_init_options init;
	git_repository *git = NULL;
	st_repo *repo = NULL;
	st_txn *txn = NULL;
	st_buf config = ST_BUF_INIT, keep = ST_BUF_INIT, message = ST_BUF_INIT;
	char *gitdir = NULL;
	struct stat st;
	size_t i;
	int error, created = 0, path_existed = stat(path, &st) == 0;

	git_setup();

	if (opts->name && (error = st_text_check_label(opts->name, _("the name"), 200)) < 0)
		return error;
	if (opts->author && (error = st_repo_author_check(opts->author)) < 0)
		return error;
	git_repository_init_options_init(&init, GIT_REPOSITORY_INIT_OPTIONS_VERSION);
	error = git_repository_open_ext(&git, path, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL);
	if (error == GIT_ENOTFOUND) {
		init.flags = GIT_REPOSITORY_INIT_MKPATH |
			     (opts->bare ? GIT_REPOSITORY_INIT_BARE : 0);
		init.initial_head = "main";
		if (git_repository_init_ext(&git, path, &init) < 0) {
			/* Whatever stood there is the user's: take away only a
			 * folder this call created itself. */
			error = st_git_fail(ST_ERROR, path);
			if (!path_existed)
				undo_init(path, 0, NULL, 0);
			return error;
		}
		created = 1;
	} else if (error < 0) {
		return st_git_fail(ST_ERROR, path);
	} else if (opts->bare && !git_repository_is_bare(git)) {
		git_repository_free(git);
		return st_error_set(ST_EEXISTS,
			_("'%s' is already a Git repository with a work tree"), path);
	}
	if (!(gitdir = strdup(git_repository_path(git)))) {
		git_repository_free(git);
		return st_error_oom();
	}
	if ((error = repo_wrap(&repo, git, opts->datadir)) < 0) {
		git_repository_free(git);
		goto done;
	}
	if ((error = st_txn_begin(&txn, repo)) < 0)
		goto done;
	if (st_txn_exists(txn, ST_REPO_CONFIG)) {
		error = st_error_set(ST_EEXISTS,
			_("'%s' is already a stdtool repository"), repo->path);
		goto done;
	}
	if ((error = config_record(&config, opts->name)) < 0 ||
	    (error = st_txn_put(txn, ST_REPO_CONFIG, config.ptr, config.size)) < 0)
		goto done;
	for (i = 0; i < sizeof(layout_folders) / sizeof(layout_folders[0]); i++) {
		st_buf_clear(&keep);
		st_buf_printf(&keep, "%s/.gitkeep", layout_folders[i]);
		if ((error = st_buf_check(&keep)) < 0)
			goto done;
		if (st_txn_exists(txn, keep.ptr))
			continue;
		if ((error = st_txn_put(txn, keep.ptr, "", 0)) < 0)
			goto done;
	}
	st_buf_printf(&message, "init: create the stdtool repository%s%s\n",
		      opts->name ? " " : "", opts->name ? opts->name : "");
	if ((error = st_buf_check(&message)) < 0)
		goto done;
	error = st_txn_commit(txn, message.ptr, opts->author);
done:
	st_txn_free(txn);
	st_repo_free(repo);
	if (error < 0 && created)
		undo_init(path, path_existed, gitdir, opts->bare);
	free(gitdir);
	st_buf_dispose(&config);
	st_buf_dispose(&keep);
	st_buf_dispose(&message);
	return error;
}

int st_repo_worktree_changed(st_repo *repo, const char *path)
{
	unsigned int flags = 0;

	if (repo->bare)
		return 0;
	if (git_status_file(&flags, repo->git, path) < 0)
		return 0;
	return (flags & (GIT_STATUS_WT_MODIFIED | GIT_STATUS_WT_DELETED | GIT_STATUS_WT_NEW |
			 GIT_STATUS_WT_TYPECHANGE | GIT_STATUS_INDEX_MODIFIED |
			 GIT_STATUS_INDEX_NEW | GIT_STATUS_INDEX_DELETED)) != 0;
}

struct tag_map {
	const char *prefix;
	st_buf names;          /* "oid name\n" lines */
	git_repository *git;
};

static int collect_tag(const char *name, git_oid *oid, void *payload)
{
	struct tag_map *map = payload;
	const char *short_name = name + strlen("refs/tags/");
	git_object *obj = NULL, *peeled = NULL;
	char hex[GIT_OID_HEXSZ + 1];

	if (strncmp(short_name, map->prefix, strlen(map->prefix)) != 0)
		return 0;
	if (git_object_lookup(&obj, map->git, oid, GIT_OBJECT_ANY) < 0)
		return 0;
	if (git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT) == 0) {
		git_oid_tostr(hex, sizeof(hex), git_object_id(peeled));
		st_buf_printf(&map->names, "%s %s\n", hex, short_name);
	}
	git_object_free(peeled);
	git_object_free(obj);
	return 0;
}

static void tags_of(st_buf *out, const st_buf *map, const char *hex)
{
	const char *p = map->ptr;

	st_buf_clear(out);
	while (p && *p) {
		const char *eol = strchr(p, '\n');
		if (!eol)
			break;
		if (strncmp(p, hex, GIT_OID_HEXSZ) == 0) {
			if (out->size)
				st_buf_putc(out, ' ');
			st_buf_put(out, p + GIT_OID_HEXSZ + 1, (size_t)(eol - p - GIT_OID_HEXSZ - 1));
		}
		p = eol + 1;
	}
	st_buf_putc(out, '\0');
	if (out->size)
		out->size--;
}

static int folder_oid(git_oid *out, git_commit *commit, const char *folder)
{
	git_tree *tree = NULL;
	git_tree_entry *entry = NULL;
	char path[4096];
	size_t len;
	int found = 0;

	snprintf(path, sizeof(path), "%s", folder);
	len = strlen(path);
	while (len && path[len - 1] == '/')
		path[--len] = '\0';
	if (git_commit_tree(&tree, commit) == 0 &&
	    git_tree_entry_bypath(&entry, tree, path) == 0) {
		git_oid_cpy(out, git_tree_entry_id(entry));
		found = 1;
	}
	git_tree_entry_free(entry);
	git_tree_free(tree);
	return found;
}

int st_repo_history(st_repo *repo, const char *folder, const char *tag_prefix,
		    st_repo_commit_cb cb, void *payload)
{
	git_revwalk *walk = NULL;
	struct tag_map map;
	st_buf tags = ST_BUF_INIT;
	git_oid id;
	int error = 0;

	memset(&map, 0, sizeof(map));
	map.prefix = tag_prefix;
	map.git = repo->git;
	if (git_reference_name_to_id(&id, repo->git, "HEAD") < 0)
		return 0; /* no commits yet */
	if (git_tag_foreach(repo->git, collect_tag, &map) < 0 || st_buf_check(&map.names) < 0) {
		error = st_git_fail(ST_ERROR, _("cannot read the tags"));
		goto done;
	}
	if (git_revwalk_new(&walk, repo->git) < 0 ||
	    git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME) < 0 ||
	    git_revwalk_push(walk, &id) < 0) {
		error = st_git_fail(ST_ERROR, _("cannot read the history"));
		goto done;
	}
	while (!error && git_revwalk_next(&id, walk) == 0) {
		git_commit *commit = NULL, *parent = NULL;
		git_oid mine, theirs;
		int have_mine, have_theirs, changed;
		if (git_commit_lookup(&commit, repo->git, &id) < 0) {
			error = st_git_fail(ST_ERROR, _("cannot read the history"));
			break;
		}
		have_mine = folder_oid(&mine, commit, folder);
		have_theirs = git_commit_parentcount(commit) > 0 &&
			      git_commit_parent(&parent, commit, 0) == 0 &&
			      folder_oid(&theirs, parent, folder);
		changed = have_mine != have_theirs ||
			  (have_mine && !git_oid_equal(&mine, &theirs));
		if (changed) {
			st_repo_commit c;
			const git_signature *who = git_commit_author(commit);
			git_oid_tostr(c.id, sizeof(c.id), &id);
			c.time = (long long)who->when.time;
			c.offset = who->when.offset;
			c.author = who->name;
			c.summary = git_commit_summary(commit);
			if (!c.summary)
				c.summary = "";
			tags_of(&tags, &map.names, c.id);
			if (st_buf_check(&tags) < 0)
				error = st_error_oom();
			else {
				c.tags = tags.ptr ? tags.ptr : "";
				error = cb(&c, payload);
			}
		}
		git_commit_free(parent);
		git_commit_free(commit);
	}
done:
	git_revwalk_free(walk);
	st_buf_dispose(&map.names);
	st_buf_dispose(&tags);
	return error;
}
