/* cmd_secretariat.c: stdtool secretariat add|list|show|remove. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_repo.h"
#include "st_secretariat.h"
#include "st_text.h"

static const char *const secretariat_usage[] = {
	N_("add --committee ID --level LEVEL --kind tc|sc|wg --org USCC --approved DATE --field FIELD[,FIELD...] [--document REF] [--ended DATE]"),
	N_("list [--org USCC] [--format text|xml]"),
	N_("show COMMITTEE [--format text|xml]"),
	N_("remove COMMITTEE"),
	NULL,
};

static int secretariat_add(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = {
		N_("--committee ID --level LEVEL --kind tc|sc|wg --org USCC --approved DATE --field FIELD[,FIELD...] [--document REF] [--ended DATE]"),
		NULL,
	};
	st_secretariat_input in;
	st_secretariat *sec = NULL;
	st_repo *repo = NULL;
	int n, error, status;

	memset(&in, 0, sizeof(in));
	{
		const struct option options[] = {
			OPT_REQUIRED(0, "committee", &in.committee, N_("ID"), N_("the committee, e.g. ISO/TC 299, SAC/TC 591 or GD/TC 22")),
			OPT_REQUIRED(0, "level", &in.level, N_("LEVEL"), N_("international, national or provincial")),
			OPT_REQUIRED(0, "kind", &in.kind, N_("KIND"), N_("tc, sc or wg")),
			OPT_REQUIRED(0, "org", &in.org, N_("USCC"), N_("the organisation holding the secretariat")),
			OPT_REQUIRED(0, "approved", &in.approved, N_("DATE"), N_("the date the secretariat was approved, YYYY-MM-DD")),
			OPT_REQUIRED(0, "field", &in.fields, N_("FIELDS"), N_("field tags, comma-separated, e.g. robotics")),
			OPT_STRING(0, "document", &in.document, N_("REF"), N_("the approval document, e.g. 国标委发〔2025〕12号")),
			OPT_STRING(0, "ended", &in.ended, N_("DATE"), N_("the date it was handed over, if it was")),
			OPT_END(),
		};
		if ((n = parse_options(argc, argv, options, usage, cli, 0, 0)) < 0)
			return n == -1 ? EXIT_OK : -n;
	}
	if ((error = st_secretariat_new(&sec, &in)) < 0)
		return cli_fail(cli, error);
	if ((status = cli_open_repo(&repo, cli)) != 0)
		goto done;
	if ((error = st_secretariat_add(repo, sec, cli->author)) < 0) {
		status = cli_fail(cli, error);
		goto done;
	}
	printf(_("Recorded the secretariat of %s, held by %s\n"), sec->committee.id, sec->uscc);
	status = EXIT_OK;
done:
	st_secretariat_free(sec);
	st_repo_free(repo);
	return status;
}

struct collected {
	st_secretariat **items;
	size_t n, alloc;
};

static int collect(st_secretariat *sec, void *payload)
{
	struct collected *c = payload;

	if (st_array_grow(&c->items, &c->alloc, c->n, sizeof(*c->items)) < 0) {
		st_secretariat_free(sec);
		return ST_ERROR;
	}
	c->items[c->n++] = sec;
	return 0;
}

static int secretariat_list(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = { N_("[--org USCC] [--format text|xml]"), NULL };
	const char *format = NULL, *org = NULL;
	const struct option options[] = {
		OPT_STRING(0, "org", &org, N_("USCC"), N_("only the secretariats this organisation holds")),
		OPT_STRING(0, "format", &format, N_("FORMAT"), N_("text (a table, the default) or xml")),
		OPT_END(),
	};
	struct collected all = { NULL, 0, 0 };
	char uscc[ST_USCC_LEN + 1], date[11];
	st_buf out = ST_BUF_INIT, one = ST_BUF_INIT;
	st_repo *repo = NULL;
	size_t i, w = 0;
	int n, xml = 0, error, status;

	if ((n = parse_options(argc, argv, options, usage, cli, 0, 0)) < 0)
		return n == -1 ? EXIT_OK : -n;
	if ((status = cli_format(cli, format, &xml)) != 0)
		return status;
	if (org && (error = st_uscc_normalise(uscc, org)) < 0)
		return cli_fail(cli, error);
	if ((status = cli_open_repo(&repo, cli)) != 0)
		return status;
	if ((error = st_secretariat_each(repo, org ? uscc : NULL, collect, &all)) < 0) {
		status = cli_fail_runtime(cli);
		goto done;
	}
	if (xml) {
		st_buf_puts(&out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<secretariats>\n");
		for (i = 0; i < all.n; i++) {
			st_buf_clear(&one);
			if (st_secretariat_to_xml(&one, all.items[i]) < 0) {
				status = cli_fail_runtime(cli);
				goto done;
			}
			st_buf_puts(&out, strstr(one.ptr, "<secretariat") ? strstr(one.ptr, "<secretariat") : one.ptr);
		}
		st_buf_puts(&out, "</secretariats>\n");
	} else if (all.n == 0) {
		fprintf(stderr, "%s\n", org ? _("This organisation holds no recorded secretariat.")
					    : _("No secretariats are recorded yet."));
	} else {
		const char *h_committee = _("COMMITTEE"), *h_level = _("LEVEL"), *h_kind = _("KIND"),
			   *h_holder = _("HOLDER"), *h_approved = _("APPROVED"), *h_ended = _("ENDED");
		w = st_utf8_width(h_committee);
		for (i = 0; i < all.n; i++)
			if (strlen(all.items[i]->committee.id) > w)
				w = strlen(all.items[i]->committee.id);
		cli_pad(&out, h_committee, w + 2);
		cli_pad(&out, h_level, 15);
		cli_pad(&out, h_kind, 6);
		cli_pad(&out, h_holder, 20);
		cli_pad(&out, h_approved, 12);
		st_buf_printf(&out, "%s\n", h_ended);
		for (i = 0; i < all.n; i++) {
			const st_secretariat *s = all.items[i];
			cli_pad(&out, s->committee.id, w + 2);
			cli_pad(&out, s->committee.level, 15);
			cli_pad(&out, s->committee.kind, 6);
			cli_pad(&out, s->uscc, 20);
			st_date_format(date, s->approved);
			cli_pad(&out, date, 12);
			if (s->ended)
				st_date_format(date, s->ended);
			st_buf_printf(&out, "%s\n", s->ended ? date : "-");
		}
	}
	if (st_buf_check(&out) < 0) {
		status = cli_fail_runtime(cli);
		goto done;
	}
	fwrite(out.ptr, 1, out.size, stdout);
	status = EXIT_OK;
done:
	for (i = 0; i < all.n; i++)
		st_secretariat_free(all.items[i]);
	free(all.items);
	st_buf_dispose(&out);
	st_buf_dispose(&one);
	st_repo_free(repo);
	return status;
}

static int secretariat_show(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = { N_("COMMITTEE [--format text|xml]"), NULL };
	const char *format = NULL;
	const struct option options[] = {
		OPT_STRING(0, "format", &format, N_("FORMAT"), N_("text (the default) or xml")),
		OPT_END(),
	};
	st_secretariat *sec = NULL;
	st_committee c;
	st_repo *repo = NULL;
	st_buf out = ST_BUF_INIT;
	char date[11];
	size_t i;
	int n, xml = 0, error, status;

	if ((n = parse_options(argc, argv, options, usage, cli, 1, 1)) < 0)
		return n == -1 ? EXIT_OK : -n;
	if ((status = cli_format(cli, format, &xml)) != 0)
		return status;
	if ((error = st_committee_parse(&c, argv[0])) < 0)
		return cli_fail(cli, error);
	if ((status = cli_open_repo(&repo, cli)) != 0)
		return status;
	if ((error = st_secretariat_get(&sec, repo, argv[0])) < 0) {
		status = cli_fail_runtime(cli);
		goto done;
	}
	if (xml) {
		if (st_secretariat_to_xml(&out, sec) < 0) {
			status = cli_fail_runtime(cli);
			goto done;
		}
	} else {
		st_buf_printf(&out, _("Committee:  %s (%s, %s)\n"), sec->committee.id,
			      sec->committee.level, sec->committee.kind);
		st_buf_printf(&out, _("Held by:    %s\n"), sec->uscc);
		st_date_format(date, sec->approved);
		st_buf_printf(&out, _("Approved:   %s\n"), date);
		if (sec->ended) {
			st_date_format(date, sec->ended);
			st_buf_printf(&out, _("Ended:      %s\n"), date);
		}
		if (sec->document)
			st_buf_printf(&out, _("Document:   %s\n"), sec->document);
		st_buf_puts(&out, _("Fields:     "));
		for (i = 0; i < sec->nfields; i++)
			st_buf_printf(&out, "%s%s", i ? "," : "", sec->fields[i]);
		st_buf_putc(&out, '\n');
	}
	if (st_buf_check(&out) < 0) {
		status = cli_fail_runtime(cli);
		goto done;
	}
	fwrite(out.ptr, 1, out.size, stdout);
	status = EXIT_OK;
done:
	st_buf_dispose(&out);
	st_secretariat_free(sec);
	st_repo_free(repo);
	return status;
}

static int secretariat_remove(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = { N_("COMMITTEE"), NULL };
	const struct option options[] = { OPT_END() };
	st_committee c;
	st_repo *repo = NULL;
	int n, error, status;

	if ((n = parse_options(argc, argv, options, usage, cli, 1, 1)) < 0)
		return n == -1 ? EXIT_OK : -n;
	if ((error = st_committee_parse(&c, argv[0])) < 0)
		return cli_fail(cli, error);
	if ((status = cli_open_repo(&repo, cli)) != 0)
		return status;
	error = st_secretariat_remove(repo, argv[0], cli->author);
	st_repo_free(repo);
	if (error < 0)
		return cli_fail(cli, error);
	printf(_("Removed the secretariat of %s\n"), c.id);
	return EXIT_OK;
}

static const struct subcommand secretariat_commands[] = {
	{ "add", secretariat_add },
	{ "list", secretariat_list },
	{ "show", secretariat_show },
	{ "remove", secretariat_remove },
};

int cmd_secretariat(int argc, char **argv, struct cli *cli)
{
	char prog[128];

	return cli_dispatch(argc, argv, cli, secretariat_commands,
			    sizeof(secretariat_commands) / sizeof(secretariat_commands[0]),
			    secretariat_usage, prog, sizeof(prog));
}
