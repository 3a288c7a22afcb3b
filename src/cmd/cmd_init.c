/* cmd_init.c: stdtool init, which creates a secretariat repository. */
#include <config.h>

#include <stdio.h>

#include "cli.h"
#include "commands.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_repo.h"

static const char *const init_usage[] = {
	N_("[--bare] [--name NAME] [DIR]"),
	NULL,
};

int cmd_init(int argc, char **argv, struct cli *cli)
{
	const char *name = NULL;
	int bare = 0, n, error;
	const struct option options[] = {
		OPT_FLAG(0, "bare", &bare, N_("create a bare repository (no work tree)")),
		OPT_STRING(0, "name", &name, N_("NAME"),
			   N_("the secretariat's name, kept in stdtool.xml")),
		OPT_END(),
	};
	st_repo_init_options opts = { 0, NULL, NULL, NULL };
	const char *dir;

	if ((n = parse_options(argc, argv, options, init_usage, cli, 0, 1)) < 0)
		return n == -1 ? EXIT_OK : -n;
	dir = n ? argv[0] : ".";
	opts.bare = bare;
	opts.name = name;
	opts.author = cli->author;
	opts.datadir = cli->datadir;
	if ((error = st_repo_init(dir, &opts)) < 0)
		return cli_fail(cli, error);
	printf(bare ? _("Created a bare stdtool repository in '%s'\n")
		    : _("Created a stdtool repository in '%s'\n"), dir);
	return EXIT_OK;
}
