/* cmd_hooks.c: stdtool hooks install|uninstall|run, the Git pre-commit hook. */
#include <config.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "st_error.h"
#include "st_hooks.h"
#include "st_i18n.h"
#include "st_repo.h"

static const char *const hooks_usage[] = {
	N_("install [--force]"),
	N_("uninstall"),
	N_("run pre-commit"),
	NULL,
};

static int hooks_install(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = { N_("[--force]"), NULL };
	st_hook_install_outcome outcome;
	st_buf path = ST_BUF_INIT;
	st_repo *repo = NULL;
	char self[PATH_MAX];
	ssize_t len;
	int force = 0, n, error, status;
	const struct option options[] = {
		OPT_FLAG(0, "force", &force,
			 N_("keep a pre-commit hook that is not stdtool's as pre-commit.stdtool-saved and run it first")),
		OPT_END(),
	};

	if ((n = parse_options(argc, argv, options, usage, cli, 0, 0)) < 0)
		return n == -1 ? EXIT_OK : -n;
	/* The hook runs this very program; 'stdtool' on PATH if it moves. */
	len = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (len <= 0)
		snprintf(self, sizeof(self), "%s", "stdtool");
	else
		self[len] = '\0';
	if ((status = cli_open_repo(&repo, cli)) != 0)
		return status;
	if ((error = st_hooks_install(&outcome, &path, repo, self, force)) < 0) {
		status = cli_fail(cli, error);
		goto done;
	}
	if (outcome == ST_HOOK_UPDATED)
		printf(_("Updated stdtool's pre-commit hook '%s'\n"), path.ptr);
	else if (outcome == ST_HOOK_CHAINED)
		printf(_("Installed the pre-commit hook '%s'; the hook that was there is kept as '%s' and runs first\n"),
		       path.ptr, ST_HOOK_SAVED);
	else
		printf(_("Installed the pre-commit hook '%s': 'git commit' now checks the staged records and drafts\n"),
		       path.ptr);
	status = EXIT_OK;
done:
	st_buf_dispose(&path);
	st_repo_free(repo);
	return status;
}

static int hooks_uninstall(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = { "", NULL };
	const struct option options[] = { OPT_END() };
	st_buf path = ST_BUF_INIT;
	st_repo *repo = NULL;
	int restored = 0, n, error, status;

	if ((n = parse_options(argc, argv, options, usage, cli, 0, 0)) < 0)
		return n == -1 ? EXIT_OK : -n;
	if ((status = cli_open_repo(&repo, cli)) != 0)
		return status;
	if ((error = st_hooks_uninstall(&restored, &path, repo)) < 0) {
		status = cli_fail(cli, error);
		goto done;
	}
	if (restored)
		printf(_("Removed stdtool's pre-commit hook '%s' and put back the hook it had kept\n"),
		       path.ptr);
	else
		printf(_("Removed stdtool's pre-commit hook '%s'\n"), path.ptr);
	status = EXIT_OK;
done:
	st_buf_dispose(&path);
	st_repo_free(repo);
	return status;
}

static int print_finding(const st_hook_finding *f, void *payload)
{
	const char *severity = f->severity == ST_SEVERITY_ERROR ? _("error") : _("warning");

	(void)payload;
	if (f->column > 0)
		printf("%s:%ld:%ld: %s: ", f->path, f->line, f->column, severity);
	else
		printf("%s:%ld: %s: ", f->path, f->line, severity);
	if (f->rule)
		printf("[%s] ", f->rule);
	printf("%s\n", f->message);
	return 0;
}

static int hooks_run(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = { N_("pre-commit"), NULL };
	const struct option options[] = { OPT_END() };
	const char *gitdir = getenv("GIT_DIR");
	st_hook_counts counts;
	st_repo *repo = NULL;
	int n, error, status;

	if ((n = parse_options(argc, argv, options, usage, cli, 1, 1)) < 0)
		return n == -1 ? EXIT_OK : -n;
	if (strcmp(argv[0], "pre-commit") != 0)
		return cli_usage_error(cli, _("unknown hook '%s' (stdtool has a pre-commit hook only)"),
				       argv[0]);
	/* git runs a hook at the top of the work tree, and may name its
	 * repository with GIT_DIR and the index being committed with
	 * GIT_INDEX_FILE (a temporary one for 'git commit -a' or PATHS). */
	if (gitdir && *gitdir) {
		if ((error = st_repo_open(&repo, gitdir, cli->datadir)) < 0)
			return cli_fail(cli, error);
	} else if ((status = cli_open_repo(&repo, cli)) != 0) {
		return status;
	}
	error = st_hooks_check_staged(&counts, repo, getenv("GIT_INDEX_FILE"), print_finding, NULL);
	st_repo_free(repo);
	if (error < 0)
		return cli_fail(cli, error);
	fflush(stdout);
	if (counts.errors) {
		cli_error(cli, Q_("the commit is refused: %zu error in the staged files; fix it, 'git add' the file and commit again ('git commit --no-verify' skips this check)",
				  "the commit is refused: %zu errors in the staged files; fix them, 'git add' the files and commit again ('git commit --no-verify' skips this check)",
				  counts.errors),
			  counts.errors);
		return EXIT_FINDINGS;
	}
	return EXIT_OK;
}

static const struct subcommand hooks_commands[] = {
	{ "install", hooks_install },
	{ "uninstall", hooks_uninstall },
	{ "run", hooks_run },
};

int cmd_hooks(int argc, char **argv, struct cli *cli)
{
	char prog[128];

	return cli_dispatch(argc, argv, cli, hooks_commands,
			    sizeof(hooks_commands) / sizeof(hooks_commands[0]),
			    hooks_usage, prog, sizeof(prog));
}
