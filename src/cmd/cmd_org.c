/* cmd_org.c: stdtool org add|list|show|remove. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/tree.h>

#include "cli.h"
#include "commands.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_org.h"
#include "st_repo.h"
#include "st_text.h"
#include "st_xml.h"

static const char *const org_usage[] = {
	N_("add --uscc CODE --name NAME --kind KIND [--name-en NAME]"),
	N_("list [--format text|xml]"),
	N_("show CODE [--format text|xml]"),
	N_("remove CODE"),
	NULL,
};

static int org_add(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = {
		N_("--uscc CODE --name NAME --kind KIND [--name-en NAME]"), NULL,
	};
	const char *uscc = NULL, *name = NULL, *name_en = NULL, *kind = NULL;
	const struct option options[] = {
		OPT_REQUIRED(0, "uscc", &uscc, N_("CODE"),
			     N_("unified social credit code (18 characters)")),
		OPT_REQUIRED(0, "name", &name, N_("NAME"), N_("registered name, in Chinese")),
		OPT_REQUIRED(0, "kind", &kind, N_("KIND"),
			     N_("enterprise, research-institute, university, association, government or other")),
		OPT_STRING(0, "name-en", &name_en, N_("NAME"), N_("English name")),
		OPT_END(),
	};
	st_repo *repo = NULL;
	st_org *org = NULL;
	int n, error, status;

	if ((n = parse_options(argc, argv, options, usage, cli, 0, 0)) < 0)
		return n == -1 ? EXIT_OK : -n;
	/* Check the values before touching the repository. */
	if ((error = st_org_new(&org, uscc, name, name_en, kind)) < 0)
		return cli_fail(cli, error);
	if ((status = cli_open_repo(&repo, cli)) != 0)
		goto done;
	if ((error = st_org_add(repo, org, cli->author)) < 0) {
		status = cli_fail(cli, error);
		goto done;
	}
	printf(_("Registered %s %s\n"), org->uscc, org->name);
	status = EXIT_OK;
done:
	st_org_free(org);
	st_repo_free(repo);
	return status;
}

/* Collects organisations for printing. */
struct org_list {
	st_buf out;
	int xml;
	size_t count;
	xmlDoc *doc;
	xmlNode *root;
	st_org **orgs;
	size_t norgs, aorgs;
};

static int collect_org(const st_org *org, void *payload)
{
	struct org_list *list = payload;
	st_org *copy = NULL;
	int error;

	if ((error = st_org_dup(&copy, org)) < 0)
		return error;
	if (st_array_grow(&list->orgs, &list->aorgs, list->norgs, sizeof(*list->orgs)) < 0) {
		st_org_free(copy);
		return ST_ERROR;
	}
	list->orgs[list->norgs++] = copy;
	return 0;
}

static void print_org_table(st_buf *out, st_org **orgs, size_t n)
{
	const char *h_uscc = _("USCC"), *h_kind = _("KIND"), *h_name = _("NAME");
	size_t i, w_uscc = st_utf8_width(h_uscc), w_kind = st_utf8_width(h_kind);

	if (w_uscc < ST_USCC_LEN)
		w_uscc = ST_USCC_LEN;
	for (i = 0; i < n; i++)
		if (st_utf8_width(orgs[i]->kind) > w_kind)
			w_kind = st_utf8_width(orgs[i]->kind);
	cli_pad(out, h_uscc, w_uscc + 2);
	cli_pad(out, h_kind, w_kind + 2);
	st_buf_printf(out, "%s\n", h_name);
	for (i = 0; i < n; i++) {
		cli_pad(out, orgs[i]->uscc, w_uscc + 2);
		cli_pad(out, orgs[i]->kind, w_kind + 2);
		st_buf_puts(out, orgs[i]->name);
		if (orgs[i]->name_en)
			st_buf_printf(out, " (%s)", orgs[i]->name_en);
		st_buf_putc(out, '\n');
	}
}

static int org_xml(st_buf *out, st_org **orgs, size_t n, int list)
{
	st_buf one = ST_BUF_INIT;
	size_t i;
	int error = 0;

	if (list)
		st_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<organisations>\n");
	for (i = 0; i < n && error == 0; i++) {
		const char *body;
		st_buf_clear(&one);
		if ((error = st_org_to_xml(&one, orgs[i])) < 0)
			break;
		/* Drop the XML declaration when nesting the record. */
		body = list ? strstr(one.ptr, "<organisation") : one.ptr;
		st_buf_puts(out, body ? body : one.ptr);
	}
	if (list)
		st_buf_puts(out, "</organisations>\n");
	st_buf_dispose(&one);
	return error < 0 ? error : st_buf_check(out);
}

static void free_list(struct org_list *list)
{
	size_t i;

	for (i = 0; i < list->norgs; i++)
		st_org_free(list->orgs[i]);
	free(list->orgs);
	st_buf_dispose(&list->out);
}

static int org_list(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = { N_("[--format text|xml]"), NULL };
	const char *format = NULL;
	const struct option options[] = {
		OPT_STRING(0, "format", &format, N_("FORMAT"),
			   N_("text (a table, the default) or xml")),
		OPT_END(),
	};
	struct org_list list;
	st_repo *repo = NULL;
	int n, xml = 0, error, status;

	memset(&list, 0, sizeof(list));
	st_buf_init(&list.out);
	if ((n = parse_options(argc, argv, options, usage, cli, 0, 0)) < 0)
		return n == -1 ? EXIT_OK : -n;
	if ((status = cli_format(cli, format, &xml)) != 0)
		return status;
	if ((status = cli_open_repo(&repo, cli)) != 0)
		goto done;
	if ((error = st_org_each(repo, collect_org, &list)) < 0) {
		status = cli_fail_runtime(cli);
		goto done;
	}
	if (xml) {
		if ((error = org_xml(&list.out, list.orgs, list.norgs, 1)) < 0) {
			status = cli_fail(cli, error);
			goto done;
		}
	} else if (list.norgs) {
		print_org_table(&list.out, list.orgs, list.norgs);
	} else {
		fprintf(stderr, "%s\n", _("No organisations are registered yet."));
	}
	fwrite(list.out.ptr, 1, list.out.size, stdout);
	status = EXIT_OK;
done:
	free_list(&list);
	st_repo_free(repo);
	return status;
}

static void field(st_buf *out, const char *label, const char *value, size_t width)
{
	st_buf_puts(out, label);
	st_buf_putc(out, ':');
	cli_pad(out, "", width + 2 - st_utf8_width(label) - 1);
	st_buf_printf(out, "%s\n", value);
}

static int org_show(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = { N_("CODE [--format text|xml]"), NULL };
	const char *format = NULL;
	const struct option options[] = {
		OPT_STRING(0, "format", &format, N_("FORMAT"),
			   N_("text (the default) or xml")),
		OPT_END(),
	};
	const char *labels[5];
	char uscc[ST_USCC_LEN + 1], region[7];
	st_buf out = ST_BUF_INIT;
	st_repo *repo = NULL;
	st_org *org = NULL;
	size_t i, width = 0;
	int n, xml = 0, error, status;

	if ((n = parse_options(argc, argv, options, usage, cli, 1, 1)) < 0)
		return n == -1 ? EXIT_OK : -n;
	if ((status = cli_format(cli, format, &xml)) != 0)
		return status;
	if ((error = st_uscc_normalise(uscc, argv[0])) < 0)
		return cli_fail(cli, error);
	if ((status = cli_open_repo(&repo, cli)) != 0)
		goto done;
	if ((error = st_org_get(&org, repo, uscc)) < 0) {
		status = cli_fail_runtime(cli);
		goto done;
	}
	if (xml) {
		if ((error = org_xml(&out, &org, 1, 0)) < 0) {
			status = cli_fail(cli, error);
			goto done;
		}
	} else {
		labels[0] = _("USCC");
		labels[1] = _("Name");
		labels[2] = _("English name");
		labels[3] = _("Kind");
		labels[4] = _("Region code");
		for (i = 0; i < 5; i++)
			if (st_utf8_width(labels[i]) > width)
				width = st_utf8_width(labels[i]);
		st_uscc_region(region, org->uscc);
		field(&out, labels[0], org->uscc, width);
		field(&out, labels[1], org->name, width);
		if (org->name_en)
			field(&out, labels[2], org->name_en, width);
		field(&out, labels[3], org->kind, width);
		field(&out, labels[4], region, width);
	}
	fwrite(out.ptr, 1, out.size, stdout);
	status = EXIT_OK;
done:
	st_buf_dispose(&out);
	st_org_free(org);
	st_repo_free(repo);
	return status;
}

static int org_remove(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = { N_("CODE"), NULL };
	const struct option options[] = { OPT_END() };
	char uscc[ST_USCC_LEN + 1];
	st_repo *repo = NULL;
	int n, error, status;

	if ((n = parse_options(argc, argv, options, usage, cli, 1, 1)) < 0)
		return n == -1 ? EXIT_OK : -n;
	if ((error = st_uscc_normalise(uscc, argv[0])) < 0)
		return cli_fail(cli, error);
	if ((status = cli_open_repo(&repo, cli)) != 0)
		return status;
	if ((error = st_org_remove(repo, uscc, cli->author)) < 0)
		status = cli_fail(cli, error);
	else
		printf(_("Removed %s\n"), uscc);
	st_repo_free(repo);
	return status;
}

static const struct subcommand org_commands[] = {
	{ "add", org_add },
	{ "list", org_list },
	{ "show", org_show },
	{ "remove", org_remove },
};

int cmd_org(int argc, char **argv, struct cli *cli)
{
	char prog[128];

	return cli_dispatch(argc, argv, cli, org_commands,
			    sizeof(org_commands) / sizeof(org_commands[0]), org_usage,
			    prog, sizeof(prog));
}
