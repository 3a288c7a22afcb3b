/* test_sync.c: what stdtool sync and the pre-commit hook build on:
 * st_txn_fast_forward(), st_txn_merge(), st_hooks_dir() and
 * st_hooks_check_staged(), against real Git repositories. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "helpers.h"
#include "st_error.h"
#include "st_hooks.h"
#include "st_org.h"
#include "st_repo.h"
#include "suites.h"

static char *dir;
static char repo_path[4096];

static void setup(void)
{
	st_repo_init_options opts = { 0, NULL, NULL, NULL };

	dir = scratch_dir();
	snprintf(repo_path, sizeof(repo_path), "%s/repo", dir);
	opts.datadir = datadir();
	ck_assert_int_eq(st_repo_init(repo_path, &opts), 0);
}

static void teardown(void)
{
	rm_tree(dir);
	free(dir);
	dir = NULL;
}

static st_repo *open_repo(void)
{
	st_repo *repo = NULL;

	ck_assert_int_eq(st_repo_open(&repo, repo_path, datadir()), 0);
	return repo;
}

/* Runs git in the repository, quietly; 1 when it succeeded. */
static int git_ok(const char *args)
{
	return sh("cd '%s' && %s >/dev/null 2>&1", repo_path, args) == 0;
}

static void rev(char out[41], const char *what)
{
	char cmd[4300];
	FILE *p;

	snprintf(cmd, sizeof(cmd), "git -C '%s' rev-parse '%s'", repo_path, what);
	p = popen(cmd, "r");
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(fgets(out, 41, p));
	pclose(p);
}

static void oid_of(git_oid *out, const char *what)
{
	char hex[41];

	rev(hex, what);
	ck_assert_int_eq(git_oid_fromstr(out, hex), 0);
}

static void add_org(st_repo *repo, unsigned n)
{
	char code[19];
	st_org *org = NULL;

	make_uscc(code, n);
	ck_assert_int_eq(st_org_new(&org, code, "测试单位", NULL, "enterprise"), 0);
	ck_assert_int_eq(st_org_add(repo, org, NULL), 0);
	st_org_free(org);
}

static void assert_clean(void)
{
	ck_assert(git_ok("git fsck --no-progress"));
	ck_assert_int_eq(sh("test -z \"$(git -C '%s' status --porcelain)\"", repo_path), 0);
	ck_assert_int_eq(sh("test ! -e '%s/.git/stdtool-journal'", repo_path), 0);
}

START_TEST(fast_forward_moves_branch_index_and_work_tree)
{
	st_repo *repo = open_repo();
	st_txn *txn = NULL;
	char head[41], side[41];
	git_oid target;

	add_org(repo, 1);
	ck_assert(git_ok("git checkout -q -b side && echo hi > NOTES.txt && git add NOTES.txt && "
			 "git rm -q orgs/.gitkeep && git commit -q -m side && git checkout -q main"));
	oid_of(&target, "side");
	ck_assert_int_eq(st_txn_begin(&txn, repo), 0);
	ck_assert_str_eq(st_txn_branch(txn), "refs/heads/main");
	ck_assert_ptr_nonnull(st_txn_base(txn));
	ck_assert_int_eq(st_txn_fast_forward(txn, &target, "sync: fast-forward to side"), 0);
	st_txn_free(txn);
	rev(head, "HEAD");
	rev(side, "side");
	ck_assert_str_eq(head, side);
	ck_assert_int_eq(sh("grep -qx hi '%s/NOTES.txt'", repo_path), 0);
	ck_assert_int_eq(sh("test ! -e '%s/orgs/.gitkeep'", repo_path), 0);
	assert_clean();
	ck_assert_int_eq(sh("git -C '%s' reflog -1 main | grep -q 'stdtool: sync: fast-forward to side'",
			    repo_path), 0);
	st_repo_free(repo);
}
END_TEST

START_TEST(fast_forward_refuses_what_is_not_one)
{
	st_repo *repo = open_repo();
	st_txn *txn = NULL;
	char before[41], after[41];
	git_oid same, older, fork, ahead;

	add_org(repo, 2);
	ck_assert(git_ok("git branch older HEAD~1 && git checkout -q -b fork HEAD~1 && "
			 "echo x > X.txt && git add X.txt && git commit -q -m fork && "
			 "git checkout -q -b ahead main && echo y > Y.txt && git add Y.txt && "
			 "git commit -q -m ahead && git checkout -q main"));
	oid_of(&same, "main");
	oid_of(&older, "older");
	oid_of(&fork, "fork");
	oid_of(&ahead, "ahead");
	rev(before, "HEAD");
	ck_assert_int_eq(st_txn_begin(&txn, repo), 0);
	ck_assert_int_eq(st_txn_fast_forward(txn, &same, "x"), ST_ERROR);
	ck_assert_int_eq(st_txn_fast_forward(txn, &older, "x"), ST_ERROR);
	ck_assert_int_eq(st_txn_fast_forward(txn, &fork, "x"), ST_ERROR);
	ck_assert_ptr_nonnull(strstr(st_error_last(), "does not descend"));
	st_txn_free(txn);
	/* Not with changes collected for a commit of its own. */
	ck_assert_int_eq(st_txn_begin(&txn, repo), 0);
	ck_assert_int_eq(st_txn_put(txn, "README", "notes\n", 6), 0);
	ck_assert_int_eq(st_txn_fast_forward(txn, &ahead, "x"), ST_ERROR);
	st_txn_free(txn);
	rev(after, "HEAD");
	ck_assert_str_eq(before, after);
	/* Nor a commit after a fast-forward in the same transaction. */
	ck_assert_int_eq(st_txn_begin(&txn, repo), 0);
	ck_assert_int_eq(st_txn_fast_forward(txn, &ahead, "x"), 0);
	ck_assert_int_eq(st_txn_commit(txn, "more\n", NULL), ST_ERROR);
	st_txn_free(txn);
	assert_clean();
	st_repo_free(repo);
}
END_TEST

START_TEST(fast_forward_keeps_uncommitted_edits)
{
	st_repo *repo = open_repo();
	st_txn *txn = NULL;
	char code[19], path[4300], before[41], after[41];
	git_oid changes_record, same_tree;

	add_org(repo, 3);
	make_uscc(code, 3);
	snprintf(path, sizeof(path), "%s/orgs/%s.xml", repo_path, code);
	/* One descendant changes the record, another has the same tree. */
	ck_assert(sh("cd '%s' && git checkout -q -b edit && sed -i 's/enterprise/other/' 'orgs/%s.xml' && "
		     "git commit -q -a -m edit && git checkout -q main && "
		     "git branch empty $(git commit-tree -p HEAD -m empty 'HEAD^{tree}')",
		     repo_path, code) == 0);
	oid_of(&changes_record, "edit");
	oid_of(&same_tree, "empty");
	ck_assert_int_eq(write_file(path, "<organisation>hand edit</organisation>\n"), 0);
	rev(before, "HEAD");
	ck_assert_int_eq(st_txn_begin(&txn, repo), 0);
	ck_assert_int_eq(st_txn_fast_forward(txn, &changes_record, "x"), ST_EDIRTY);
	st_txn_free(txn);
	rev(after, "HEAD");
	ck_assert_str_eq(before, after);
	ck_assert_int_eq(sh("grep -q 'hand edit' '%s'", path), 0);
	/* Nothing differs between the trees: the edit elsewhere stays. */
	ck_assert_int_eq(st_txn_begin(&txn, repo), 0);
	ck_assert_int_eq(st_txn_fast_forward(txn, &same_tree, "x"), 0);
	st_txn_free(txn);
	rev(after, "HEAD");
	rev(before, "empty");
	ck_assert_str_eq(before, after);
	ck_assert_int_eq(sh("grep -q 'hand edit' '%s'", path), 0);
	st_repo_free(repo);
}
END_TEST

START_TEST(merge_makes_a_commit_with_two_parents)
{
	st_repo *repo = open_repo();
	git_repository *git = st_repo_git(repo);
	git_commit *ours = NULL, *theirs = NULL;
	git_index *index = NULL;
	st_txn *txn = NULL;
	git_oid ours_id, theirs_id, tree;
	char first[41], second[41], want[41];

	ck_assert(git_ok("git checkout -q -b side && echo hi > NOTES.txt && git add NOTES.txt && "
			 "git commit -q -m side && git checkout -q main"));
	add_org(repo, 4);
	oid_of(&ours_id, "main");
	oid_of(&theirs_id, "side");
	ck_assert_int_eq(git_commit_lookup(&ours, git, &ours_id), 0);
	ck_assert_int_eq(git_commit_lookup(&theirs, git, &theirs_id), 0);
	ck_assert_int_eq(git_merge_commits(&index, git, ours, theirs, NULL), 0);
	ck_assert(!git_index_has_conflicts(index));
	ck_assert_int_eq(git_index_write_tree_to(&tree, index, git), 0);
	ck_assert_int_eq(st_txn_begin(&txn, repo), 0);
	ck_assert_int_eq(st_txn_merge(txn, &theirs_id, &tree, "sync: merge side\n", "Site B <b@example.org>"), 0);
	st_txn_free(txn);
	rev(first, "HEAD^1");
	rev(second, "HEAD^2");
	git_oid_tostr(want, sizeof(want), &ours_id);
	ck_assert_str_eq(first, want);
	git_oid_tostr(want, sizeof(want), &theirs_id);
	ck_assert_str_eq(second, want);
	ck_assert_int_eq(sh("test \"$(git -C '%s' log -1 --format='%%s|%%an')\" = 'sync: merge side|Site B'",
			    repo_path), 0);
	ck_assert_int_eq(sh("grep -qx hi '%s/NOTES.txt'", repo_path), 0);
	assert_clean();
	git_index_free(index);
	git_commit_free(ours);
	git_commit_free(theirs);
	st_repo_free(repo);
}
END_TEST

struct seen {
	char lines[8][512];
	size_t n;
};

static int collect(const st_hook_finding *f, void *payload)
{
	struct seen *s = payload;

	if (s->n < 8)
		snprintf(s->lines[s->n++], sizeof(s->lines[0]), "%s|%ld|%ld|%s|%s|%s", f->path, f->line,
			 f->column, f->severity == ST_SEVERITY_ERROR ? "error" : "warning",
			 f->rule ? f->rule : "-", f->message);
	return 0;
}

START_TEST(check_staged_reads_the_index)
{
	st_repo *repo = open_repo();
	st_hook_counts counts;
	struct seen seen;
	char code[19], index_copy[4300];

	add_org(repo, 5);
	make_uscc(code, 5);
	memset(&seen, 0, sizeof(seen));
	/* Nothing staged: nothing looked at. */
	ck_assert_int_eq(st_hooks_check_staged(&counts, repo, NULL, collect, &seen), 0);
	ck_assert_uint_eq(counts.files, 0);
	ck_assert(sh("cd '%s' && sed -i 's/enterprise/company/' 'orgs/%s.xml' && mkdir notes && "
		     "echo '<note/>' > notes/a.xml && echo text > README && git add -A && "
		     "git rm -q --cached stdtool.xml && "
		     "sed -i 's/company/university/' 'orgs/%s.xml'", repo_path, code, code) == 0);
	ck_assert_int_eq(st_hooks_check_staged(&counts, repo, NULL, collect, &seen), 0);
	ck_assert_uint_eq(counts.files, 3);
	ck_assert_uint_eq(counts.errors, 2);
	ck_assert_uint_eq(counts.warnings, 0);
	ck_assert_uint_eq(seen.n, 2);
	ck_assert_str_eq(seen.lines[0], "notes/a.xml|1|0|error|-|'notes/a.xml' is not a place for a record");
	ck_assert_int_eq(strncmp(seen.lines[1], "orgs/", 5), 0);
	ck_assert_ptr_nonnull(strstr(seen.lines[1], ".xml|2|1|error|-|Element organisation failed"));
	/* Another index file, as git hands to the hook for 'commit -a'. */
	snprintf(index_copy, sizeof(index_copy), "%s/other-index", dir);
	ck_assert(sh("cd '%s' && cp .git/index '%s' && GIT_INDEX_FILE='%s' git add 'orgs/%s.xml'",
		     repo_path, index_copy, index_copy, code) == 0);
	seen.n = 0;
	ck_assert_int_eq(st_hooks_check_staged(&counts, repo, index_copy, collect, &seen), 0);
	ck_assert_uint_eq(counts.files, 3);
	ck_assert_uint_eq(counts.errors, 1);
	ck_assert_str_eq(seen.lines[0], "notes/a.xml|1|0|error|-|'notes/a.xml' is not a place for a record");
	st_repo_free(repo);
}
END_TEST

START_TEST(hooks_dir_follows_core_hooks_path)
{
	st_repo *repo = open_repo();
	st_buf out = ST_BUF_INIT;
	char want[4300];

	ck_assert_int_eq(st_hooks_dir(&out, repo), 0);
	snprintf(want, sizeof(want), "%s/.git/hooks", repo_path);
	ck_assert_int_eq(sh("test \"$(readlink -f '%s')\" = \"$(readlink -f '%s')\"", out.ptr, want), 0);
	st_repo_free(repo);
	st_buf_clear(&out);

	ck_assert(git_ok("git config core.hooksPath my-hooks/"));
	repo = open_repo();
	ck_assert_int_eq(st_hooks_dir(&out, repo), 0);
	snprintf(want, sizeof(want), "%s/my-hooks", repo_path);
	ck_assert_int_eq(sh("test \"$(readlink -m '%s')\" = \"$(readlink -m '%s')\"", out.ptr, want), 0);
	st_repo_free(repo);
	st_buf_clear(&out);

	ck_assert(git_ok("git config core.hooksPath /srv/hooks"));
	repo = open_repo();
	ck_assert_int_eq(st_hooks_dir(&out, repo), 0);
	ck_assert_str_eq(out.ptr, "/srv/hooks");
	st_repo_free(repo);
	st_buf_dispose(&out);
}
END_TEST

Suite *sync_suite(void)
{
	Suite *s = suite_create("sync");
	TCase *tc = tcase_create("sync");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, fast_forward_moves_branch_index_and_work_tree);
	tcase_add_test(tc, fast_forward_refuses_what_is_not_one);
	tcase_add_test(tc, fast_forward_keeps_uncommitted_edits);
	tcase_add_test(tc, merge_makes_a_commit_with_two_parents);
	tcase_add_test(tc, check_staged_reads_the_index);
	tcase_add_test(tc, hooks_dir_follows_core_hooks_path);
	suite_add_tcase(s, tc);
	return s;
}
