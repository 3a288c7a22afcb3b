/* main.c: runs every unit suite of the stdtool library. */
#include <config.h>

#include <stdlib.h>

#include "st_repo.h"
#include "st_xml.h"
#include "suites.h"

int main(void)
{
	SRunner *runner;
	int failed;

	/* A fixed identity and no user configuration for the commits made. */
	setenv("GIT_AUTHOR_NAME", "Unit Tester", 1);
	setenv("GIT_AUTHOR_EMAIL", "unit@example.org", 1);
	setenv("GIT_COMMITTER_NAME", "Unit Tester", 1);
	setenv("GIT_COMMITTER_EMAIL", "unit@example.org", 1);
	setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
	unsetenv("STDTOOL_TEST_CRASH");

	st_xml_global_init();
	st_repo_global_init();
	runner = srunner_create(buf_suite());
	srunner_add_suite(runner, text_suite());
	srunner_add_suite(runner, uscc_suite());
	srunner_add_suite(runner, xml_suite());
	srunner_add_suite(runner, org_suite());
	srunner_add_suite(runner, repo_suite());
	srunner_add_suite(runner, stdnum_suite());
	srunner_add_suite(runner, csv_suite());
	srunner_add_suite(runner, claim_suite());
	srunner_add_suite(runner, draft_suite());
	srunner_add_suite(runner, ballot_suite());
	srunner_add_suite(runner, comment_suite());
	srunner_add_suite(runner, diff_suite());
	srunner_add_suite(runner, sync_suite());
	srunner_run_all(runner, CK_NORMAL);
	failed = srunner_ntests_failed(runner);
	srunner_free(runner);
	st_repo_global_shutdown();
	st_xml_global_shutdown();
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
