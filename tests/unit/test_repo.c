/* test_repo.c: the repository layer, against real Git repositories. */
#include <config.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helpers.h"
#include "st_error.h"
#include "st_org.h"
#include "st_repo.h"
#include "st_index.h"
#include "st_standard.h"
#include "suites.h"

static char *dir;
static char repo_path[4096];

static void setup(void)
{
	st_repo_init_options opts = { 0, "测试秘书处", NULL, NULL };

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

static int git_ok(const char *args)
{
	return sh("git -C '%s' %s >/dev/null 2>&1", repo_path, args) == 0;
}

static void head(char out[64])
{
	char cmd[4200];
	FILE *p;

	snprintf(cmd, sizeof(cmd), "git -C '%s' rev-parse HEAD", repo_path);
	p = popen(cmd, "r");
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(fgets(out, 64, p));
	pclose(p);
}

static int commits(void)
{
	char cmd[4200];
	FILE *p;
	int n = -1;

	snprintf(cmd, sizeof(cmd), "git -C '%s' rev-list --count HEAD", repo_path);
	p = popen(cmd, "r");
	if (!p || fscanf(p, "%d", &n) != 1)
		n = -1;
	if (p)
		pclose(p);
	return n;
}

static st_repo *open_repo(void)
{
	st_repo *repo = NULL;

	ck_assert_int_eq(st_repo_open(&repo, repo_path, datadir()), 0);
	return repo;
}

static void add_org(st_repo *repo, unsigned n, int expect)
{
	char code[19];
	st_org *org = NULL;

	make_uscc(code, n);
	ck_assert_int_eq(st_org_new(&org, code, "测试单位", NULL, "enterprise"), 0);
	ck_assert_int_eq(st_org_add(repo, org, NULL), expect);
	st_org_free(org);
}

START_TEST(init_makes_one_clean_commit)
{
	st_repo_init_options opts = { 0, NULL, NULL, NULL };
	st_repo *repo = open_repo();
	st_buf config = ST_BUF_INIT;

	ck_assert_int_eq(commits(), 1);
	ck_assert(git_ok("fsck"));
	ck_assert(git_ok("diff --quiet HEAD"));
	ck_assert_int_eq(sh("test -z \"$(git -C '%s' status --porcelain)\"", repo_path), 0);
	ck_assert_int_eq(sh("git -C '%s' log -1 --format=%%s | grep -q '^init: '", repo_path), 0);
	ck_assert_int_eq(st_repo_read(&config, repo, ST_REPO_CONFIG), 0);
	ck_assert_ptr_nonnull(strstr(config.ptr, "测试秘书处"));
	ck_assert(!st_repo_is_bare(repo));
	/* A bad name or author is refused before anything is created. */
	{
		char other[4200];
		st_repo_init_options bad = { 0, "two\nlines", NULL, NULL };
		bad.datadir = datadir();
		snprintf(other, sizeof(other), "%s/other", dir);
		ck_assert_int_eq(st_repo_init(other, &bad), ST_EINVALID);
		bad.name = NULL;
		bad.author = "nobody";
		ck_assert_int_eq(st_repo_init(other, &bad), ST_EINVALID);
		ck_assert_int_eq(sh("test ! -e '%s'", other), 0);
	}
	/* A second init is refused and adds nothing. */
	opts.datadir = datadir();
	ck_assert_int_eq(st_repo_init(repo_path, &opts), ST_EEXISTS);
	ck_assert_int_eq(commits(), 1);
	st_buf_dispose(&config);
	st_repo_free(repo);
}
END_TEST

START_TEST(open_refuses_what_is_not_a_stdtool_repository)
{
	st_repo *repo = NULL;
	char other[4200];

	ck_assert_int_eq(st_repo_open(&repo, dir, datadir()), ST_EREPO);
	ck_assert_ptr_null(repo);
	ck_assert_ptr_nonnull(strstr(st_error_last(), "not a stdtool repository"));
	snprintf(other, sizeof(other), "%s/plain", dir);
	ck_assert_int_eq(sh("git init -q '%s' && git -C '%s' commit -q --allow-empty -m x",
			    other, other), 0);
	ck_assert_int_eq(st_repo_open(&repo, other, datadir()), ST_EREPO);
	ck_assert_ptr_nonnull(strstr(st_error_last(), "stdtool init"));
}
END_TEST

START_TEST(open_searches_upwards)
{
	char sub[4200];
	st_repo *repo = NULL;

	snprintf(sub, sizeof(sub), "%s/orgs", repo_path);
	ck_assert_int_eq(st_repo_open(&repo, sub, datadir()), 0);
	st_repo_free(repo);
}
END_TEST

START_TEST(each_write_is_one_commit)
{
	st_repo *repo = open_repo();
	st_buf xml = ST_BUF_INIT;
	char code[19];
	int i;

	for (i = 1; i <= 3; i++)
		add_org(repo, (unsigned)i, 0);
	ck_assert_int_eq(commits(), 4);
	make_uscc(code, 2);
	xml.size = 0;
	{
		st_buf path = ST_BUF_INIT;
		st_org_path(&path, code);
		ck_assert_int_eq(st_repo_read(&xml, repo, path.ptr), 0);
		ck_assert_int_eq(sh("test -f '%s/%s'", repo_path, path.ptr), 0);
		st_buf_dispose(&path);
	}
	ck_assert(git_ok("fsck --strict"));
	ck_assert_int_eq(sh("test -z \"$(git -C '%s' status --porcelain)\"", repo_path), 0);
	/* The duplicate is refused without a commit. */
	add_org(repo, 2, ST_EEXISTS);
	ck_assert_int_eq(commits(), 4);
	/* Removal is one more commit and takes the file away. */
	ck_assert_int_eq(st_org_remove(repo, code, NULL), 0);
	ck_assert_int_eq(commits(), 5);
	ck_assert_int_eq(sh("test ! -e '%s/orgs/%s.xml'", repo_path, code), 0);
	ck_assert_int_eq(sh("test -z \"$(git -C '%s' status --porcelain)\"", repo_path), 0);
	ck_assert_int_eq(st_org_remove(repo, code, NULL), ST_ENOTFOUND);
	st_buf_dispose(&xml);
	st_repo_free(repo);
}
END_TEST

START_TEST(invalid_records_are_never_written)
{
	st_repo *repo = open_repo();
	st_txn *txn = NULL;
	const char *bad = "<organisation uscc='91440300MA5GD0001H' kind='nope'><name>x</name></organisation>";
	char before[64], after[64];

	head(before);
	ck_assert_int_eq(st_txn_begin(&txn, repo), 0);
	ck_assert_int_eq(st_txn_put(txn, "orgs/91440300MA5GD0001H.xml", bad, strlen(bad)), ST_EINVALID);
	ck_assert_int_eq(st_txn_put(txn, "orgs/x.xml", "<a>", 3), ST_EINVALID);
	ck_assert_int_eq(st_txn_put(txn, "unknown/place.xml", "<a/>", 4), ST_EINVALID);
	ck_assert_int_eq(st_txn_put(txn, "../escape", "x", 1), ST_EINVALID);
	ck_assert_int_eq(st_txn_put(txn, ".git/config", "x", 1), ST_EINVALID);
	ck_assert_int_eq(st_txn_commit(txn, "nothing\n", NULL), ST_ERROR);
	st_txn_free(txn);
	head(after);
	ck_assert_str_eq(before, after);
	st_repo_free(repo);
}
END_TEST

START_TEST(another_writer_first_is_a_conflict)
{
	st_repo *repo = open_repo();
	st_txn *txn = NULL;
	st_org *org = NULL;
	st_buf xml = ST_BUF_INIT;
	char moved[64], after[64];

	ck_assert_int_eq(st_txn_begin(&txn, repo), 0);
	/* Plain git moves the branch while the transaction is open. */
	ck_assert_int_eq(sh("git -C '%s' commit -q --allow-empty -m 'other writer'", repo_path), 0);
	head(moved);
	ck_assert_int_eq(st_org_new(&org, "91440300MA5GD0001H", "示例", NULL, "enterprise"), 0);
	ck_assert_int_eq(st_org_to_xml(&xml, org), 0);
	ck_assert_int_eq(st_txn_put(txn, "orgs/91440300MA5GD0001H.xml", xml.ptr, xml.size), 0);
	ck_assert_int_eq(st_txn_commit(txn, "org: add\n", NULL), ST_ECONFLICT);
	ck_assert_ptr_nonnull(strstr(st_error_last(), "another writer"));
	st_txn_free(txn);
	head(after);
	ck_assert_str_eq(moved, after);
	ck_assert_int_eq(sh("test ! -e '%s/orgs/91440300MA5GD0001H.xml'", repo_path), 0);
	ck_assert_int_eq(sh("test -z \"$(git -C '%s' status --porcelain)\"", repo_path), 0);
	ck_assert(git_ok("fsck"));
	st_org_free(org);
	st_buf_dispose(&xml);
	st_repo_free(repo);
}
END_TEST

START_TEST(uncommitted_edits_are_not_overwritten)
{
	st_repo *repo = open_repo();
	char code[19], path[4200], before[64], after[64];

	add_org(repo, 7, 0);
	make_uscc(code, 7);
	snprintf(path, sizeof(path), "%s/orgs/%s.xml", repo_path, code);
	ck_assert_int_eq(write_file(path, "<organisation>hand edit</organisation>\n"), 0);
	head(before);
	ck_assert_int_eq(st_org_remove(repo, code, NULL), ST_EDIRTY);
	ck_assert_ptr_nonnull(strstr(st_error_last(), "uncommitted changes"));
	head(after);
	ck_assert_str_eq(before, after);
	ck_assert_int_eq(sh("grep -q 'hand edit' '%s'", path), 0);
	/* An untracked file in the way of a new record is kept too. */
	make_uscc(code, 8);
	snprintf(path, sizeof(path), "%s/orgs/%s.xml", repo_path, code);
	ck_assert_int_eq(write_file(path, "mine\n"), 0);
	add_org(repo, 8, ST_EDIRTY);
	ck_assert_int_eq(sh("grep -qx mine '%s'", path), 0);
	st_repo_free(repo);
}
END_TEST

START_TEST(bare_repositories_work)
{
	st_repo_init_options opts = { 1, NULL, NULL, NULL };
	char bare[4200];
	st_repo *repo = NULL;
	st_org *org = NULL;
	char code[19];

	opts.datadir = datadir();
	snprintf(bare, sizeof(bare), "%s/bare.git", dir);
	ck_assert_int_eq(st_repo_init(bare, &opts), 0);
	ck_assert_int_eq(st_repo_open(&repo, bare, datadir()), 0);
	ck_assert(st_repo_is_bare(repo));
	make_uscc(code, 11);
	ck_assert_int_eq(st_org_new(&org, code, "示例", NULL, "enterprise"), 0);
	ck_assert_int_eq(st_org_add(repo, org, "Bare Writer <bare@example.org>"), 0);
	st_org_free(org);
	org = NULL;
	ck_assert_int_eq(st_org_get(&org, repo, code), 0);
	ck_assert_str_eq(org->name, "示例");
	ck_assert_int_eq(sh("git --git-dir='%s' fsck --strict >/dev/null 2>&1", bare), 0);
	ck_assert_int_eq(sh("test \"$(git --git-dir='%s' log -1 --format='%%an <%%ae>')\" = 'Bare Writer <bare@example.org>'", bare), 0);
	ck_assert_int_eq(sh("test \"$(git --git-dir='%s' rev-list --count main)\" = 2", bare), 0);
	st_org_free(org);
	st_repo_free(repo);
}
END_TEST

static void add_standard(st_repo *repo, const char *id, const char *number)
{
	st_standard_input in;
	st_standard *s = NULL;

	memset(&in, 0, sizeof(in));
	in.id = id;
	in.level = "national";
	in.number = number;
	in.title = "测试";
	in.fields = "ai";
	in.published = "2025-06-01";
	ck_assert_int_eq(st_standard_new(&s, &in), 0);
	ck_assert_int_eq(st_standard_add(repo, s, NULL), 0);
	st_standard_free(s);
}

/* The names the index gives for 'uscc', joined by spaces. */
static void indexed(char *out, size_t size, st_repo *repo, const char *uscc)
{
	char **names = NULL;
	size_t n = 0, i, used = 0;

	ck_assert_int_eq(st_index_standards_of(&names, &n, repo, uscc), 0);
	out[0] = '\0';
	for (i = 0; i < n; i++)
		used += (size_t)snprintf(out + used, size - used, "%s%s", i ? " " : "", names[i]);
	st_index_names_free(names, n);
}

START_TEST(standards_index_follows_the_branch)
{
	st_repo *repo = open_repo();
	char a[19], b[19], got[256], cache[4200];

	make_uscc(a, 31);
	make_uscc(b, 32);
	add_org(repo, 31, 0);
	add_org(repo, 32, 0);
	add_standard(repo, "s1", "GB/T 40001—2025");
	add_standard(repo, "s2", "GB/T 40002—2025");
	ck_assert_int_eq(st_standard_add_drafter(repo, "s1", a, "1", NULL), 0);
	ck_assert_int_eq(st_standard_add_drafter(repo, "s2", b, "1", NULL), 0);
	indexed(got, sizeof(got), repo, a);
	ck_assert_str_eq(got, "s1.xml");
	/* A stdtool write: the index catches up from the tree diff. */
	ck_assert_int_eq(st_standard_add_drafter(repo, "s2", a, "2", NULL), 0);
	indexed(got, sizeof(got), repo, a);
	ck_assert_str_eq(got, "s1.xml s2.xml");
	indexed(got, sizeof(got), repo, b);
	ck_assert_str_eq(got, "s2.xml");
	/* A plain git edit that drops the organisation from s1. */
	ck_assert_int_eq(sh("cd '%s' && sed -i '/%s/d' standards/s1.xml && git commit -qam 'hand edit'",
			    repo_path, a), 0);
	indexed(got, sizeof(got), repo, a);
	ck_assert_str_eq(got, "s2.xml");
	/* A damaged or missing cache costs time, never a wrong answer. */
	snprintf(cache, sizeof(cache), "%s/.git/stdtool-cache/standards-by-org", repo_path);
	ck_assert_int_eq(write_file(cache, "stdtool-index 1 0123\ngarbage\n"), 0);
	indexed(got, sizeof(got), repo, a);
	ck_assert_str_eq(got, "s2.xml");
	ck_assert_int_eq(unlink(cache), 0);
	indexed(got, sizeof(got), repo, b);
	ck_assert_str_eq(got, "s2.xml");
	ck_assert(git_ok("fsck"));
	ck_assert_int_eq(sh("test -z \"$(git -C '%s' status --porcelain)\"", repo_path), 0);
	st_repo_free(repo);
}
END_TEST

/* Kills a writer at a named step, then lets the next open recover. */
static void crash_at(const char *step, int expect_commit)
{
	char code[19], before[64], after[64];
	st_repo *repo;
	pid_t pid;
	int status;

	head(before);
	make_uscc(code, 21);
	fflush(NULL);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		st_repo *child = NULL;
		st_org *org = NULL;
		setenv("STDTOOL_TEST_CRASH", step, 1);
		if (st_repo_open(&child, repo_path, datadir()) < 0 ||
		    st_org_new(&org, code, "示例", NULL, "enterprise") < 0)
			_exit(3);
		st_org_add(child, org, NULL);
		_exit(4); /* the crash point was never reached */
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
		      "the writer was not killed at '%s'", step);
	head(after);
	if (expect_commit)
		ck_assert_str_ne(before, after);
	else
		ck_assert_str_eq(before, after);
	ck_assert(git_ok("fsck"));
	/* Opening the repository finishes or forgets the interrupted write. */
	repo = open_repo();
	st_repo_free(repo);
	ck_assert_int_eq(sh("test -z \"$(git -C '%s' status --porcelain)\"", repo_path), 0);
	ck_assert_int_eq(sh("test %s -e '%s/orgs/%s.xml'", expect_commit ? "" : "!",
			    repo_path, code), 0);
	ck_assert_int_eq(sh("test ! -e '%s/.git/stdtool-journal'", repo_path), 0);
}

START_TEST(crash_after_objects_leaves_nothing)
{
	crash_at("objects", 0);
}
END_TEST

START_TEST(crash_after_journal_leaves_nothing)
{
	crash_at("journal", 0);
}
END_TEST

START_TEST(crash_after_branch_move_is_finished)
{
	crash_at("ref", 1);
}
END_TEST

START_TEST(crash_after_checkout_is_finished)
{
	crash_at("checkout", 1);
}
END_TEST

Suite *repo_suite(void)
{
	Suite *s = suite_create("repo");
	TCase *tc = tcase_create("core");
	TCase *tk = tcase_create("crash");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, init_makes_one_clean_commit);
	tcase_add_test(tc, open_refuses_what_is_not_a_stdtool_repository);
	tcase_add_test(tc, open_searches_upwards);
	tcase_add_test(tc, each_write_is_one_commit);
	tcase_add_test(tc, invalid_records_are_never_written);
	tcase_add_test(tc, another_writer_first_is_a_conflict);
	tcase_add_test(tc, uncommitted_edits_are_not_overwritten);
	tcase_add_test(tc, bare_repositories_work);
	tcase_add_test(tc, standards_index_follows_the_branch);
	tcase_add_checked_fixture(tk, setup, teardown);
	tcase_add_test(tk, crash_after_objects_leaves_nothing);
	tcase_add_test(tk, crash_after_journal_leaves_nothing);
	tcase_add_test(tk, crash_after_branch_move_is_finished);
	tcase_add_test(tk, crash_after_checkout_is_finished);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, tk);
	return s;
}
