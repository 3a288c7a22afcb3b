/*
 * main.c: the stdtool command: global options, the command table, locale
 * set-up, and a final check that standard output was really written.
 */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_repo.h"
#include "st_xml.h"

struct command {
	const char *name;
	int (*fn)(int argc, char **argv, struct cli *cli);
	const char *summary; /* N_() marked */
};

static const struct command commands[] = {
	{ "init", cmd_init, N_("create a secretariat repository") },
	{ "org", cmd_org, N_("register, list, show and remove organisations") },
	{ "standard", cmd_standard, N_("record standards, drafting units, roles and funding") },
	{ "secretariat", cmd_secretariat, N_("record committee secretariats held") },
	{ "draft", cmd_draft, N_("write, check, render and stage drafts of standards") },
	{ "ballot", cmd_ballot, N_("open ballots on drafts, record votes, close and count them") },
	{ "comments", cmd_comments, N_("record, resolve and tabulate committee comments on a draft") },
	{ "claim-grant", cmd_claim_grant, N_("compute, explain and file a grant claim") },
	{ "import", cmd_import, N_("import organisations, standards or secretariats from CSV") },
	{ "check", cmd_check, N_("check every record in the repository") },
	{ "hooks", cmd_hooks, N_("install or remove the Git hook that checks records at commit") },
	{ "sync", cmd_sync, N_("fetch, merge and push the records shared with another site") },
	{ "help", NULL, N_("show help for stdtool or a command") },
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static void print_main_usage(FILE *fp)
{
	size_t i;

	fputs(_("usage: stdtool [-C DIR] [--author 'NAME <EMAIL>'] COMMAND [ARGS]\n"
		"       stdtool --version | --help\n"), fp);
	fputs(_("\nCommands:\n"), fp);
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(fp, "    %-12s  %s\n", commands[i].name, _(commands[i].summary));
	fputs(_("\nGlobal options:\n"
		"    -C DIR             run as if started in DIR\n"
		"    --author IDENTITY  record changes as 'Name <email>'\n"
		"    --version          print the version and exit\n"
		"    -h, --help         show this help and exit\n"), fp);
	fputs(_("\nRun 'stdtool COMMAND --help' for the options of a command.\n"
		"Exit status: 0 done, 1 a check found problems, 128 the command failed,\n"
		"129 the command line was wrong.\n"), fp);
}

static void print_version(void)
{
	printf("stdtool %s\n", PACKAGE_VERSION);
	fputs(_("Copyright (C) 2026 the stdtool authors.\n"
		"License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
		"This is free software: you are free to change and redistribute it.\n"
		"There is NO WARRANTY, to the extent permitted by law.\n"), stdout);
}

static const struct command *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* Running from the build tree?  Then data and messages come from there. */
static int uninstalled(void)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);

	if (n <= 0)
		return 0;
	self[n] = '\0';
	return strcmp(self, ABS_TOP_BUILDDIR "/src/stdtool") == 0;
}

static const char *pick_dir(const char *env, const char *built, const char *installed)
{
	const char *value = getenv(env);

	if (value && *value)
		return value;
	return uninstalled() ? built : installed;
}

/* Reports a failure to write standard output (a full disk, a closed pipe). */
static int close_stdout(int status)
{
	int failed = ferror(stdout) != 0;

	if (fflush(stdout) != 0)
		failed = 1;
	if (fclose(stdout) != 0 && errno != EBADF)
		failed = 1;
	if (failed) {
		fprintf(stderr, "stdtool: ");
		fprintf(stderr, _("write error on standard output: %s"), strerror(errno));
		fputc('\n', stderr);
		return status == EXIT_OK ? EXIT_RUNTIME : status;
	}
	return status;
}

static int run(int argc, char **argv)
{
	struct cli cli = { NULL, NULL, "stdtool" };
	const struct command *cmd;
	char prog[128];
	int i;

	cli.datadir = pick_dir("STDTOOL_DATADIR", ABS_TOP_SRCDIR, PKGDATADIR);

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *arg = argv[i];

		if (strcmp(arg, "--version") == 0) {
			print_version();
			return EXIT_OK;
		} else if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
			print_main_usage(stdout);
			return EXIT_OK;
		} else if (strcmp(arg, "-C") == 0 || strncmp(arg, "-C", 2) == 0) {
			const char *dir = arg[2] ? arg + 2 : (i + 1 < argc ? argv[++i] : NULL);
			if (!dir)
				return cli_usage_error(&cli, _("option '%s' needs a value"), "-C");
			if (*dir && chdir(dir) < 0) {
				cli_error(&cli, _("cannot change to '%s': %s"), dir, strerror(errno));
				return EXIT_RUNTIME;
			}
		} else if (strcmp(arg, "--author") == 0 || strncmp(arg, "--author=", 9) == 0) {
			cli.author = arg[8] == '=' ? arg + 9 : (i + 1 < argc ? argv[++i] : NULL);
			if (!cli.author)
				return cli_usage_error(&cli, _("option '%s' needs a value"), "--author");
			if (st_repo_author_check(cli.author) < 0)
				return cli_fail(&cli, ST_EINVALID);
		} else {
			return cli_usage_error(&cli, _("unknown option '%s'"), arg);
		}
	}
	if (i >= argc) {
		print_main_usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[i], "help") == 0) {
		if (i + 1 >= argc || strcmp(argv[i + 1], "help") == 0) {
			print_main_usage(stdout);
			return EXIT_OK;
		}
		/* "stdtool help org add" is "stdtool org add --help". */
		{
			char *help_argv[8];
			int n = 0, j;
			for (j = i + 1; j < argc && n < 6; j++)
				help_argv[n++] = argv[j];
			help_argv[n++] = (char *)"--help";
			help_argv[n] = NULL;
			if (!(cmd = find_command(help_argv[0])) || !cmd->fn)
				return cli_usage_error(&cli, _("'%s' is not a stdtool command"),
						       help_argv[0]);
			snprintf(prog, sizeof(prog), "stdtool %s", cmd->name);
			cli.prog = prog;
			return cmd->fn(n, help_argv, &cli);
		}
	}
	if (!(cmd = find_command(argv[i])) || !cmd->fn)
		return cli_usage_error(&cli, _("'%s' is not a stdtool command"), argv[i]);
	snprintf(prog, sizeof(prog), "stdtool %s", cmd->name);
	cli.prog = prog;
	return cmd->fn(argc - i, argv + i, &cli);
}

int main(int argc, char **argv)
{
	int status;

	setlocale(LC_ALL, "");
	bindtextdomain(ST_TEXTDOMAIN, pick_dir("STDTOOL_LOCALEDIR",
					       ABS_TOP_BUILDDIR "/po/locale", LOCALEDIR));
	bind_textdomain_codeset(ST_TEXTDOMAIN, "UTF-8");
	textdomain(ST_TEXTDOMAIN);

	st_xml_global_init();
	st_repo_global_init();
	status = run(argc, argv);
	st_repo_global_shutdown();
	st_xml_global_shutdown();
	return close_stdout(status);
}
