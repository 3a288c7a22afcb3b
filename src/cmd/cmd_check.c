/* cmd_check.c: stdtool check, a consistency check of every record. */
#include <config.h>

#include <stdio.h>

#include "cli.h"
#include "commands.h"
#include "st_check.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_repo.h"

static int report(const char *path, const char *message, void *payload)
{
	size_t *problems = payload;

	(void)path;
	printf("%s\n", message);
	(*problems)++;
	return 0;
}

int cmd_check(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = { "", NULL };
	const struct option options[] = { OPT_END() };
	st_repo *repo = NULL;
	size_t checked = 0, problems = 0;
	int n, error, status;

	if ((n = parse_options(argc, argv, options, usage, cli, 0, 0)) < 0)
		return n == -1 ? EXIT_OK : -n;
	if ((status = cli_open_repo(&repo, cli)) != 0)
		return status;
	error = st_check_repository(repo, report, &problems, &checked);
	st_repo_free(repo);
	if (error < 0)
		return cli_fail(cli, error);
	fflush(stdout);
	fprintf(stderr, Q_("checked %zu record: ", "checked %zu records: ", checked), checked);
	fprintf(stderr, Q_("%zu problem\n", "%zu problems\n", problems), problems);
	return problems ? EXIT_FINDINGS : EXIT_OK;
}
