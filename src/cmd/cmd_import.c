/* cmd_import.c: stdtool import, records from a spreadsheet saved as CSV. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "st_buf.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_import.h"
#include "st_repo.h"

static const char *const import_usage[] = {
	N_("FILE.csv --kind orgs|standards|secretariats"),
	NULL,
};

struct report_state {
	const char *file;
};

static void report(size_t line, const char *message, void *payload)
{
	const struct report_state *s = payload;

	/* Messages that already name the file keep their own prefix. */
	if (strncmp(message, s->file, strlen(s->file)) == 0)
		printf("%s\n", message);
	else
		printf("%s:%zu: %s\n", s->file, line, message);
}

int cmd_import(int argc, char **argv, struct cli *cli)
{
	const char *kind = NULL;
	const struct option options[] = {
		OPT_REQUIRED(0, "kind", &kind, N_("KIND"), N_("orgs, standards or secretariats")),
		OPT_END(),
	};
	struct report_state state;
	st_buf data = ST_BUF_INIT;
	st_repo *repo = NULL;
	char chunk[65536];
	size_t n_read, count = 0;
	FILE *fp;
	int n, error, status;

	if ((n = parse_options(argc, argv, options, import_usage, cli, 1, 1)) < 0)
		return n == -1 ? EXIT_OK : -n;
	if (strcmp(kind, "orgs") != 0 && strcmp(kind, "standards") != 0 && strcmp(kind, "secretariats") != 0)
		return cli_usage_error(cli, _("unknown kind '%s' (expected orgs, standards or secretariats)"), kind);
	if (!(fp = fopen(argv[0], "rb"))) {
		cli_error(cli, _("cannot open '%s': %s"), argv[0], strerror(errno));
		return EXIT_RUNTIME;
	}
	while ((n_read = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		st_buf_put(&data, chunk, n_read);
	if (ferror(fp) || st_buf_check(&data) < 0) {
		fclose(fp);
		st_buf_dispose(&data);
		cli_error(cli, _("cannot read '%s': %s"), argv[0], strerror(errno));
		return EXIT_RUNTIME;
	}
	fclose(fp);
	if ((status = cli_open_repo(&repo, cli)) != 0)
		goto done;
	state.file = argv[0];
	error = st_import_csv(repo, kind, data.ptr, data.size, argv[0], cli->author, report, &state, &count);
	if (error < 0) {
		fflush(stdout);
		status = cli_fail(cli, error);
		goto done;
	}
	printf(Q_("Imported %zu record from %s\n", "Imported %zu records from %s\n", count), count, argv[0]);
	status = EXIT_OK;
done:
	st_buf_dispose(&data);
	st_repo_free(repo);
	return status;
}
