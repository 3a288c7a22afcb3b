/* cmd_standard.c: stdtool standard add|drafter|role|funding|list|show|remove. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_repo.h"
#include "st_standard.h"
#include "st_text.h"

static const char *const standard_usage[] = {
	N_("add --id ID --level LEVEL --number NUMBER --title TITLE --field FIELD[,FIELD...] --published DATE [OPTIONS]"),
	N_("drafter ID --org USCC --rank N"),
	N_("role ID --org USCC --role project-leader|convenor|editor|expert"),
	N_("funding ID --source provincial|municipal|district|national --program NAME --amount-yuan N"),
	N_("list [--org USCC] [--format text|xml]"),
	N_("show ID [--format text|xml]"),
	N_("remove ID"),
	NULL,
};

/* Closes the repository after a write and maps the library's result. */
static int finish_write(struct cli *cli, st_repo *repo, int error)
{
	st_repo_free(repo);
	return error < 0 ? cli_fail(cli, error) : EXIT_OK;
}

static int standard_add(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = {
		N_("--id ID --level LEVEL --number NUMBER --title TITLE --field FIELD[,FIELD...] --published DATE [OPTIONS]"),
		NULL,
	};
	st_standard_input in;
	st_standard *std = NULL;
	st_repo *repo = NULL;
	int n, error, status;

	memset(&in, 0, sizeof(in));
	{
		const struct option options[] = {
			OPT_REQUIRED(0, "id", &in.id, N_("ID"), N_("a short stable name for the record, e.g. gbt-45000")),
			OPT_REQUIRED(0, "level", &in.level, N_("LEVEL"), N_("international, national, industry, local or group")),
			OPT_REQUIRED(0, "number", &in.number, N_("NUMBER"), N_("the standard number, e.g. GB/T 45000—2025 or ISO/IEC 42001:2023")),
			OPT_REQUIRED(0, "title", &in.title, N_("TITLE"), N_("the title, in Chinese for Chinese standards")),
			OPT_STRING(0, "title-en", &in.title_en, N_("TITLE"), N_("the English title")),
			OPT_REQUIRED(0, "field", &in.fields, N_("FIELDS"), N_("field tags, comma-separated, e.g. ai,robotics")),
			OPT_REQUIRED(0, "published", &in.published, N_("DATE"), N_("publication date, YYYY-MM-DD")),
			OPT_STRING(0, "implemented", &in.implemented, N_("DATE"), N_("implementation date, YYYY-MM-DD")),
			OPT_STRING(0, "deliverable", &in.deliverable, N_("TYPE"), N_("is, ts, tr, pas, rec, standard or guidance (read from the number when left out)")),
			OPT_STRING(0, "revision-of", &in.revision_of, N_("NUMBER"), N_("the number of the standard this one revises (修订)")),
			OPT_STRING(0, "committee", &in.committee, N_("ID"), N_("the responsible committee, e.g. SAC/TC 591")),
			OPT_STRING(0, "ics", &in.ics, N_("CODE"), N_("ICS code, e.g. 25.040.30")),
			OPT_END(),
		};
		if ((n = parse_options(argc, argv, options, usage, cli, 0, 0)) < 0)
			return n == -1 ? EXIT_OK : -n;
	}
	if ((error = st_standard_new(&std, &in)) < 0)
		return cli_fail(cli, error);
	if ((status = cli_open_repo(&repo, cli)) != 0)
		goto done;
	if ((error = st_standard_add(repo, std, cli->author)) < 0) {
		status = cli_fail(cli, error);
		goto done;
	}
	printf(_("Recorded %s %s as '%s'\n"), std->number.number, std->title, std->id);
	status = EXIT_OK;
done:
	st_standard_free(std);
	st_repo_free(repo);
	return status;
}

static int standard_drafter(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = { N_("ID --org USCC --rank N"), NULL };
	const char *org = NULL, *rank = NULL;
	const struct option options[] = {
		OPT_REQUIRED(0, "org", &org, N_("USCC"), N_("the drafting unit, registered with 'stdtool org add'")),
		OPT_REQUIRED(0, "rank", &rank, N_("N"), N_("its place among the drafting units in the 前言, 1 for the first")),
		OPT_END(),
	};
	st_repo *repo = NULL;
	int n, status;

	if ((n = parse_options(argc, argv, options, usage, cli, 1, 1)) < 0)
		return n == -1 ? EXIT_OK : -n;
	if ((status = cli_open_repo(&repo, cli)) != 0)
		return status;
	if ((status = finish_write(cli, repo, st_standard_add_drafter(repo, argv[0], org, rank, cli->author))) == EXIT_OK)
		printf(_("Recorded the drafting unit of '%s'\n"), argv[0]);
	return status;
}

static int standard_role(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = {
		N_("ID --org USCC --role project-leader|convenor|editor|expert"), NULL,
	};
	const char *org = NULL, *role = NULL;
	const struct option options[] = {
		OPT_REQUIRED(0, "org", &org, N_("USCC"), N_("the organisation whose employee holds the role")),
		OPT_REQUIRED(0, "role", &role, N_("ROLE"), N_("project-leader, convenor, editor or expert")),
		OPT_END(),
	};
	st_repo *repo = NULL;
	int n, status;

	if ((n = parse_options(argc, argv, options, usage, cli, 1, 1)) < 0)
		return n == -1 ? EXIT_OK : -n;
	if ((status = cli_open_repo(&repo, cli)) != 0)
		return status;
	if ((status = finish_write(cli, repo, st_standard_add_role(repo, argv[0], org, role, cli->author))) == EXIT_OK)
		printf(_("Recorded the role in '%s'\n"), argv[0]);
	return status;
}

static int standard_funding(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = {
		N_("ID --source provincial|municipal|district|national --program NAME --amount-yuan N"), NULL,
	};
	const char *source = NULL, *program = NULL, *amount = NULL;
	const struct option options[] = {
		OPT_REQUIRED(0, "source", &source, N_("SOURCE"), N_("provincial, municipal, district or national")),
		OPT_REQUIRED(0, "program", &program, N_("NAME"), N_("the programme that paid (a policy id for a claim under that policy)")),
		OPT_REQUIRED(0, "amount-yuan", &amount, N_("N"), N_("the amount received, in whole yuan")),
		OPT_END(),
	};
	st_repo *repo = NULL;
	int n, status;

	if ((n = parse_options(argc, argv, options, usage, cli, 1, 1)) < 0)
		return n == -1 ? EXIT_OK : -n;
	if ((status = cli_open_repo(&repo, cli)) != 0)
		return status;
	status = finish_write(cli, repo,
			      st_standard_add_funding(repo, argv[0], source, program, amount, cli->author));
	if (status == EXIT_OK)
		printf(_("Recorded the funding of '%s'\n"), argv[0]);
	return status;
}

struct collected {
	st_standard **items;
	size_t n, alloc;
};

static int collect(st_standard *std, void *payload)
{
	struct collected *c = payload;

	if (st_array_grow(&c->items, &c->alloc, c->n, sizeof(*c->items)) < 0) {
		st_standard_free(std);
		return ST_ERROR;
	}
	c->items[c->n++] = std;
	return 0;
}

static void free_collected(struct collected *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		st_standard_free(c->items[i]);
	free(c->items);
}

static int standard_list(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = { N_("[--org USCC] [--format text|xml]"), NULL };
	const char *format = NULL, *org = NULL;
	const struct option options[] = {
		OPT_STRING(0, "org", &org, N_("USCC"), N_("only the standards this organisation contributed to")),
		OPT_STRING(0, "format", &format, N_("FORMAT"), N_("text (a table, the default) or xml")),
		OPT_END(),
	};
	struct collected all = { NULL, 0, 0 };
	char uscc[ST_USCC_LEN + 1], date[11];
	st_buf out = ST_BUF_INIT, one = ST_BUF_INIT;
	st_repo *repo = NULL;
	size_t i, w_id = 2, w_level = 5, w_number = 6;
	int n, xml = 0, error, status;

	if ((n = parse_options(argc, argv, options, usage, cli, 0, 0)) < 0)
		return n == -1 ? EXIT_OK : -n;
	if ((status = cli_format(cli, format, &xml)) != 0)
		return status;
	if (org && (error = st_uscc_normalise(uscc, org)) < 0)
		return cli_fail(cli, error);
	if ((status = cli_open_repo(&repo, cli)) != 0)
		return status;
	if ((error = st_standard_each(repo, org ? uscc : NULL, collect, &all)) < 0) {
		status = cli_fail_runtime(cli);
		goto done;
	}
	if (xml) {
		st_buf_puts(&out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<standards>\n");
		for (i = 0; i < all.n; i++) {
			st_buf_clear(&one);
			if (st_standard_to_xml(&one, all.items[i]) < 0) {
				status = cli_fail_runtime(cli);
				goto done;
			}
			st_buf_puts(&out, strstr(one.ptr, "<standard") ? strstr(one.ptr, "<standard") : one.ptr);
		}
		st_buf_puts(&out, "</standards>\n");
	} else if (all.n == 0) {
		fprintf(stderr, "%s\n", org ? _("No recorded standard names this organisation.")
					    : _("No standards are recorded yet."));
	} else {
		const char *h_id = _("ID"), *h_level = _("LEVEL"), *h_number = _("NUMBER"),
			   *h_published = _("PUBLISHED"), *h_title = _("TITLE");
		w_id = st_utf8_width(h_id);
		w_level = st_utf8_width(h_level);
		w_number = st_utf8_width(h_number);
		for (i = 0; i < all.n; i++) {
			if (st_utf8_width(all.items[i]->id) > w_id)
				w_id = st_utf8_width(all.items[i]->id);
			if (st_utf8_width(all.items[i]->level) > w_level)
				w_level = st_utf8_width(all.items[i]->level);
			if (st_utf8_width(all.items[i]->number.number) > w_number)
				w_number = st_utf8_width(all.items[i]->number.number);
		}
		cli_pad(&out, h_id, w_id + 2);
		cli_pad(&out, h_level, w_level + 2);
		cli_pad(&out, h_number, w_number + 2);
		cli_pad(&out, h_published, 12);
		st_buf_printf(&out, "%s\n", h_title);
		for (i = 0; i < all.n; i++) {
			cli_pad(&out, all.items[i]->id, w_id + 2);
			cli_pad(&out, all.items[i]->level, w_level + 2);
			cli_pad(&out, all.items[i]->number.number, w_number + 2);
			st_date_format(date, all.items[i]->published);
			cli_pad(&out, date, 12);
			st_buf_printf(&out, "%s\n", all.items[i]->title);
		}
	}
	if (st_buf_check(&out) < 0) {
		status = cli_fail_runtime(cli);
		goto done;
	}
	fwrite(out.ptr, 1, out.size, stdout);
	status = EXIT_OK;
done:
	free_collected(&all);
	st_buf_dispose(&out);
	st_buf_dispose(&one);
	st_repo_free(repo);
	return status;
}

static void line(st_buf *out, const char *label, const char *value, size_t width)
{
	if (!value)
		return;
	st_buf_printf(out, "%s:", label);
	cli_pad(out, "", width + 2 - st_utf8_width(label) - 1);
	st_buf_printf(out, "%s\n", value);
}

static int standard_show(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = { N_("ID [--format text|xml]"), NULL };
	const char *format = NULL;
	const struct option options[] = {
		OPT_STRING(0, "format", &format, N_("FORMAT"), N_("text (the default) or xml")),
		OPT_END(),
	};
	st_standard *std = NULL;
	st_repo *repo = NULL;
	st_buf out = ST_BUF_INIT, fields = ST_BUF_INIT;
	const char *labels[13];
	char published[11], implemented[11];
	size_t i, width = 0;
	int n, xml = 0, error, status;

	if ((n = parse_options(argc, argv, options, usage, cli, 1, 1)) < 0)
		return n == -1 ? EXIT_OK : -n;
	if ((status = cli_format(cli, format, &xml)) != 0)
		return status;
	if ((error = st_id_check(argv[0], _("standard id"))) < 0)
		return cli_fail(cli, error);
	if ((status = cli_open_repo(&repo, cli)) != 0)
		return status;
	if ((error = st_standard_get(&std, repo, argv[0])) < 0) {
		status = cli_fail_runtime(cli);
		goto done;
	}
	if (xml) {
		if (st_standard_to_xml(&out, std) < 0) {
			status = cli_fail_runtime(cli);
			goto done;
		}
	} else {
		labels[0] = _("ID");
		labels[1] = _("Number");
		labels[2] = _("Title");
		labels[3] = _("English title");
		labels[4] = _("Level");
		labels[5] = _("Issued by");
		labels[6] = _("Deliverable");
		labels[7] = _("Fields");
		labels[8] = _("Published");
		labels[9] = _("Implemented");
		labels[10] = _("Revision of");
		labels[11] = _("Committee");
		labels[12] = _("ICS");
		for (i = 0; i < 13; i++)
			if (st_utf8_width(labels[i]) > width)
				width = st_utf8_width(labels[i]);
		for (i = 0; i < std->nfields; i++)
			st_buf_printf(&fields, "%s%s", i ? "," : "", std->fields[i]);
		st_date_format(published, std->published);
		if (std->implemented)
			st_date_format(implemented, std->implemented);
		line(&out, labels[0], std->id, width);
		line(&out, labels[1], std->number.number, width);
		line(&out, labels[2], std->title, width);
		line(&out, labels[3], std->title_en, width);
		line(&out, labels[4], std->level, width);
		line(&out, labels[5], std->number.body, width);
		line(&out, labels[6], std->deliverable, width);
		line(&out, labels[7], fields.ptr, width);
		line(&out, labels[8], published, width);
		line(&out, labels[9], std->implemented ? implemented : NULL, width);
		line(&out, labels[10], std->revision_of, width);
		line(&out, labels[11], std->committee, width);
		line(&out, labels[12], std->ics, width);
		for (i = 0; i < std->ndrafters; i++)
			st_buf_printf(&out, _("Drafting unit %d: %s\n"), std->drafters[i].rank, std->drafters[i].uscc);
		for (i = 0; i < std->nroles; i++)
			st_buf_printf(&out, _("Role %s: %s\n"), std->roles[i].role, std->roles[i].uscc);
		for (i = 0; i < std->nfunding; i++)
			st_buf_printf(&out, _("Funding: %s, %s, %lld yuan\n"), std->funding[i].source,
				      std->funding[i].program, std->funding[i].amount_yuan);
	}
	if (st_buf_check(&out) < 0) {
		status = cli_fail_runtime(cli);
		goto done;
	}
	fwrite(out.ptr, 1, out.size, stdout);
	status = EXIT_OK;
done:
	st_buf_dispose(&out);
	st_buf_dispose(&fields);
	st_standard_free(std);
	st_repo_free(repo);
	return status;
}

static int standard_remove(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = { N_("ID"), NULL };
	const struct option options[] = { OPT_END() };
	st_repo *repo = NULL;
	int n, error, status;

	if ((n = parse_options(argc, argv, options, usage, cli, 1, 1)) < 0)
		return n == -1 ? EXIT_OK : -n;
	if ((error = st_id_check(argv[0], _("standard id"))) < 0)
		return cli_fail(cli, error);
	if ((status = cli_open_repo(&repo, cli)) != 0)
		return status;
	if ((status = finish_write(cli, repo, st_standard_remove(repo, argv[0], cli->author))) == EXIT_OK)
		printf(_("Removed '%s'\n"), argv[0]);
	return status;
}

static const struct subcommand standard_commands[] = {
	{ "add", standard_add },
	{ "drafter", standard_drafter },
	{ "role", standard_role },
	{ "funding", standard_funding },
	{ "list", standard_list },
	{ "show", standard_show },
	{ "remove", standard_remove },
};

int cmd_standard(int argc, char **argv, struct cli *cli)
{
	char prog[128];

	return cli_dispatch(argc, argv, cli, standard_commands,
			    sizeof(standard_commands) / sizeof(standard_commands[0]),
			    standard_usage, prog, sizeof(prog));
}
