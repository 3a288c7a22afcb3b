/* cmd_comments.c: stdtool comments add|import|resolve|list|sent|replied|table. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "st_comment.h"
#include "st_date.h"
#include "st_draft.h"
#include "st_draftmeta.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_repo.h"
#include "st_stage.h"
#include "st_text.h"
#include "st_xml.h"

static const char *const comments_usage[] = {
	N_("add ID --by BODY --clause REF --type ge|te|ed --text TEXT [--proposal TEXT] [--line N] [--para TEXT]"),
	N_("import ID FILE"),
	N_("resolve ID N --disposition accepted|accepted-modified|rejected|noted [--note TEXT]"),
	N_("list ID [--open] [--format text|xml]"),
	N_("sent ID UNIT..."),
	N_("replied ID UNIT..."),
	N_("table ID [--format html|xml] [-o FILE]"),
	NULL,
};

/* Largest comment file read by import. */
#define IMPORT_MAX_BYTES ((size_t)64 * 1024 * 1024)

/* The draft a command works on. */
struct draft {
	const char *id;
	st_repo *repo;
	st_draft_meta *meta;
	char stage[6];
	char today[11];
};

static void draft_dispose(struct draft *d)
{
	st_draft_meta_free(d->meta);
	st_repo_free(d->repo);
	memset(d, 0, sizeof(*d));
}

/* Opens the repository and the draft; returns an exit status. */
static int open_draft(struct draft *d, const char *id, struct cli *cli)
{
	const st_draft_stage *s;
	int error, status;

	memset(d, 0, sizeof(*d));
	d->id = id;
	if ((error = st_draft_id_check(id)) < 0)
		return cli_fail(cli, error);
	if ((status = cli_open_repo(&d->repo, cli)) != 0)
		return status;
	if ((error = st_draft_meta_read(&d->meta, d->repo, id)) < 0)
		return cli_fail(cli, error);
	if ((s = st_draft_meta_current(d->meta)))
		st_stage_format(d->stage, s->stage);
	st_date_format(d->today, st_date_today());
	return 0;
}

/* The words a comment's clause is shown with in text. */
static int clause_text(st_buf *out, const st_comment_draft *draft, const char *id)
{
	st_buf label = ST_BUF_INIT;
	int state = st_comment_clause_label(&label, draft, id);

	if (state == ST_CLAUSE_GENERAL)
		st_buf_puts(out, _("general"));
	else if (state == ST_CLAUSE_MISSING)
		st_buf_printf(out, _("%s (removed)"), id);
	else if (state == ST_CLAUSE_FOUND)
		st_buf_puts(out, label.ptr);
	st_buf_dispose(&label);
	return state < 0 ? state : st_buf_check(out);
}

static int parse_number(unsigned *out, const char *text)
{
	unsigned long n = 0;
	const char *p = text;

	if (*p == '#')
		p++;
	if (!*p || *p == '0')
		goto bad;
	for (; *p; p++) {
		if (*p < '0' || *p > '9' || n > 999999)
			goto bad;
		n = n * 10 + (unsigned long)(*p - '0');
	}
	if (n > 999999)
		goto bad;
	*out = (unsigned)n;
	return 0;
bad:
	return st_error_set(ST_EINVALID, _("'%s' is not a comment number"), text);
}

/* Writes comment 'c' and round.xml (with its last number) in 'txn'. */
static int put_comment(st_txn *txn, const char *id, const st_comment *c)
{
	st_buf path = ST_BUF_INIT, record = ST_BUF_INIT;
	int error;

	st_comment_path(&path, id, c->number);
	if ((error = st_buf_check(&path)) == 0 &&
	    (error = st_comment_serialise(&record, c)) == 0)
		error = st_txn_put(txn, path.ptr, record.ptr, record.size);
	st_buf_dispose(&path);
	st_buf_dispose(&record);
	return error;
}

static int put_round(st_txn *txn, const char *id, const st_comment_round *round)
{
	st_buf path = ST_BUF_INIT, record = ST_BUF_INIT;
	int error;

	st_comment_path(&path, id, 0);
	if ((error = st_buf_check(&path)) == 0 &&
	    (error = st_comment_round_serialise(&record, round)) == 0)
		error = st_txn_put(txn, path.ptr, record.ptr, record.size);
	st_buf_dispose(&path);
	st_buf_dispose(&record);
	return error;
}

/* A new comment file must not exist (a writer that bypassed the lock). */
static int check_free(st_txn *txn, const char *id, unsigned number)
{
	st_buf path = ST_BUF_INIT;
	int error;

	st_comment_path(&path, id, number);
	if ((error = st_buf_check(&path)) == 0 && st_txn_exists(txn, path.ptr) > 0)
		error = st_error_set(ST_ECONFLICT,
			_("%s exists already; nothing was written, run the command again"), path.ptr);
	st_buf_dispose(&path);
	return error;
}

/* ------------------------------------------------------------------ */
/* add                                                                  */

static int comments_add(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = {
		N_("ID --by BODY --clause REF --type ge|te|ed --text TEXT [--proposal TEXT] [--line N] [--para TEXT]"),
		NULL,
	};
	const char *by = NULL, *ref = NULL, *type = NULL, *text = NULL, *proposal = NULL;
	const char *line = NULL, *para = NULL;
	struct draft d;
	st_comment_draft *draft = NULL;
	st_comment *c = NULL;
	st_comments comments;
	st_comment_round round;
	st_txn *txn = NULL;
	st_buf msg = ST_BUF_INIT, label = ST_BUF_INIT;
	int n, error, status;

	memset(&d, 0, sizeof(d));
	memset(&comments, 0, sizeof(comments));
	memset(&round, 0, sizeof(round));
	{
		const struct option options[] = {
			OPT_REQUIRED(0, "by", &by, N_("BODY"), N_("who made the comment: the member body (MB/NC) or 提出单位")),
			OPT_REQUIRED(0, "clause", &ref, NC_("clause", "REF"), N_("an element id, a number such as 5.2, A.1 or 'Table 1', or 'general'")),
			OPT_REQUIRED(0, "type", &type, N_("TYPE"), N_("ge (general), te (technical) or ed (editorial)")),
			OPT_REQUIRED(0, "text", &text, N_("TEXT"), N_("the comment")),
			OPT_STRING(0, "proposal", &proposal, N_("TEXT"), N_("the proposed change")),
			OPT_STRING(0, "line", &line, N_("N"), N_("the line number, e.g. 17 or 17-19")),
			OPT_STRING(0, "para", &para, N_("TEXT"), N_("the paragraph, figure or table, e.g. 'Table 1'")),
			OPT_END(),
		};
		if ((n = parse_options(argc, argv, options, usage, cli, 1, 1)) < 0)
			return n == -1 ? EXIT_OK : -n;
	}
	if ((error = st_comment_new(&c)) < 0)
		return cli_fail(cli, error);
	if ((error = st_comment_type_parse(&c->type, type)) < 0)
		goto fail;
	if (!(c->by = strdup(by)) || !(c->text = strdup(text)) ||
	    (proposal && !(c->proposal = strdup(proposal))) ||
	    (line && !(c->line = strdup(line))) || (para && !(c->paragraph = strdup(para)))) {
		error = st_error_oom();
		goto fail;
	}
	if ((error = st_comment_normalise(c)) < 0)
		goto fail;
	if (!ref[strspn(ref, " ")]) {
		status = cli_usage_error(cli, _("--clause is empty: give 'general' for a comment on the whole document"));
		goto done;
	}
	if ((status = open_draft(&d, argv[0], cli)) != 0)
		goto done;
	if ((error = st_comment_draft_read(&draft, d.repo, d.id, d.meta->profile)) < 0 ||
	    (error = st_comment_clause_resolve(&c->clause, draft, ref)) < 0)
		goto fail;
	snprintf(c->stage, sizeof(c->stage), "%s", d.stage);
	snprintf(c->date, sizeof(c->date), "%s", d.today);
	if ((error = clause_text(&label, draft, c->clause)) < 0)
		goto fail;

	if ((error = st_txn_begin(&txn, d.repo)) < 0 ||
	    (error = st_comments_read(&comments, &round, d.repo, d.id)) < 0)
		goto fail;
	c->number = st_comments_next_number(&comments, &round);
	round.last_number = c->number;
	st_buf_printf(&msg, "comments: %s #%u by %s on %s\n", d.id, c->number, c->by, label.ptr);
	if ((error = st_buf_check(&msg)) < 0 ||
	    (error = check_free(txn, d.id, c->number)) < 0 ||
	    (error = put_comment(txn, d.id, c)) < 0 ||
	    (error = put_round(txn, d.id, &round)) < 0 ||
	    (error = st_txn_commit(txn, msg.ptr, cli->author)) < 0)
		goto fail;
	printf("%u\n", c->number);
	status = EXIT_OK;
	goto done;
fail:
	status = cli_fail(cli, error);
done:
	st_txn_free(txn);
	st_comments_dispose(&comments);
	st_comment_round_dispose(&round);
	st_comment_draft_free(draft);
	st_comment_free(c);
	st_buf_dispose(&msg);
	st_buf_dispose(&label);
	draft_dispose(&d);
	return status;
}

/* ------------------------------------------------------------------ */
/* import                                                               */

static void import_report(size_t line, const char *message, void *payload)
{
	const char *file = payload;

	/* Messages of the XML and CSV parsers name the file and line already. */
	if (line == 0)
		printf("%s\n", message);
	else
		printf("%s:%zu: %s\n", file, line, message);
}

static int read_input(st_buf *out, const char *path, const struct cli *cli)
{
	FILE *fp = fopen(path, "rb");
	char chunk[65536];
	size_t n;

	if (!fp) {
		cli_error(cli, _("cannot open '%s': %s"), path, strerror(errno));
		return EXIT_RUNTIME;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		st_buf_put(out, chunk, n);
		if (out->size > IMPORT_MAX_BYTES) {
			fclose(fp);
			cli_error(cli, _("%s: the file is larger than the limit of %zu bytes"),
				  path, IMPORT_MAX_BYTES);
			return EXIT_USAGE;
		}
	}
	if (ferror(fp) || st_buf_check(out) < 0) {
		cli_error(cli, _("cannot read '%s': %s"), path, strerror(errno));
		fclose(fp);
		return EXIT_RUNTIME;
	}
	fclose(fp);
	return 0;
}

static int comments_import(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = { N_("ID FILE"), NULL };
	struct draft d;
	st_comment_draft *draft = NULL;
	st_comments existing, imported;
	st_comment_round round, units;
	st_comment_import_options opts;
	st_txn *txn = NULL;
	st_buf data = ST_BUF_INIT, msg = ST_BUF_INIT;
	const char *file, *base;
	size_t i, problems = 0, added_sent = 0, added_replied = 0;
	unsigned first = 0;
	int n, error, status;

	memset(&d, 0, sizeof(d));
	memset(&existing, 0, sizeof(existing));
	memset(&imported, 0, sizeof(imported));
	memset(&round, 0, sizeof(round));
	memset(&units, 0, sizeof(units));
	{
		const struct option options[] = { OPT_END() };
		if ((n = parse_options(argc, argv, options, usage, cli, 2, 2)) < 0)
			return n == -1 ? EXIT_OK : -n;
	}
	file = argv[1];
	if ((status = open_draft(&d, argv[0], cli)) != 0)
		goto done;
	if ((status = read_input(&data, file, cli)) != 0)
		goto done;
	if ((error = st_comment_draft_read(&draft, d.repo, d.id, d.meta->profile)) < 0)
		goto fail;
	/* Under the lock from here: the numbers given are the next ones. */
	if ((error = st_txn_begin(&txn, d.repo)) < 0 ||
	    (error = st_comments_read(&existing, &round, d.repo, d.id)) < 0)
		goto fail;
	memset(&opts, 0, sizeof(opts));
	opts.name = file;
	opts.draft = draft;
	opts.existing = &existing;
	opts.stage = d.stage;
	opts.date = d.today;
	opts.datadir = cli->datadir;
	opts.report = import_report;
	opts.payload = (void *)file;
	error = st_comment_import(&imported, &units, data.ptr, data.size, &opts, &problems);
	if (error == ST_EINVALID && problems) {
		fflush(stdout);
		cli_error(cli, "%s", st_error_last());
		status = EXIT_FINDINGS;
		goto done;
	}
	if (error < 0)
		goto fail;
	first = st_comments_next_number(&existing, &round);
	for (i = 0; i < imported.n; i++) {
		imported.items[i]->number = first + (unsigned)i;
		if ((error = check_free(txn, d.id, imported.items[i]->number)) < 0 ||
		    (error = put_comment(txn, d.id, imported.items[i])) < 0)
			goto fail;
	}
	round.last_number = first + (unsigned)imported.n - 1;
	for (i = 0; i < units.sent.n; i++) {
		if (st_unit_list_has(&round.sent, units.sent.items[i]))
			continue;
		if ((error = st_unit_list_add(&round.sent, units.sent.items[i])) < 0)
			goto fail;
		added_sent++;
	}
	for (i = 0; i < units.replied.n; i++) {
		if (st_unit_list_has(&round.replied, units.replied.items[i]))
			continue;
		if ((error = st_unit_list_add(&round.replied, units.replied.items[i])) < 0)
			goto fail;
		added_replied++;
	}
	if ((error = put_round(txn, d.id, &round)) < 0)
		goto fail;
	base = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
	st_buf_printf(&msg, "comments: %s import #%u-#%u from %s\n", d.id, first,
		      round.last_number, base);
	if ((error = st_buf_check(&msg)) < 0 ||
	    (error = st_txn_commit(txn, msg.ptr, cli->author)) < 0)
		goto fail;
	printf(Q_("Imported %zu comment into %s: #%u\n", "Imported %zu comments into %s: #%u to #%u\n",
		  imported.n), imported.n, d.id, first, round.last_number);
	if (added_sent || added_replied)
		printf(_("Recorded from the form: %zu more units the draft was sent to, %zu more that replied without comments\n"),
		       added_sent, added_replied);
	status = EXIT_OK;
	goto done;
fail:
	status = cli_fail(cli, error);
done:
	st_txn_free(txn);
	st_comments_dispose(&existing);
	st_comments_dispose(&imported);
	st_comment_round_dispose(&round);
	st_comment_round_dispose(&units);
	st_comment_draft_free(draft);
	st_buf_dispose(&data);
	st_buf_dispose(&msg);
	draft_dispose(&d);
	return status;
}

/* ------------------------------------------------------------------ */
/* resolve                                                              */

static int comments_resolve(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = {
		N_("ID N --disposition accepted|accepted-modified|rejected|noted [--note TEXT]"),
		NULL,
	};
	const char *disposition = NULL, *note_text = NULL;
	struct draft d;
	st_disposition value;
	st_comments comments;
	st_comment *c;
	st_txn *txn = NULL;
	st_buf msg = ST_BUF_INIT;
	char *note = NULL;
	unsigned number = 0;
	int n, error, status;
	st_disposition before;

	memset(&d, 0, sizeof(d));
	memset(&comments, 0, sizeof(comments));
	{
		const struct option options[] = {
			OPT_REQUIRED(0, "disposition", &disposition, N_("DISPOSITION"), N_("accepted (采纳), accepted-modified (部分采纳), rejected (未采纳) or noted")),
			OPT_STRING(0, "note", &note_text, N_("TEXT"), N_("the reason (needed for a rejection) or a remark")),
			OPT_END(),
		};
		if ((n = parse_options(argc, argv, options, usage, cli, 2, 2)) < 0)
			return n == -1 ? EXIT_OK : -n;
	}
	if ((error = parse_number(&number, argv[1])) < 0 ||
	    (error = st_disposition_parse(&value, disposition)) < 0)
		return cli_fail(cli, error);
	if (note_text) {
		st_comment probe;
		memset(&probe, 0, sizeof(probe));
		/* The note's rules are the comment's: borrow its checks. */
		if (!(probe.note = strdup(note_text)) || !(probe.by = strdup("x")) ||
		    !(probe.text = strdup("x"))) {
			free(probe.note);
			free(probe.by);
			return cli_fail(cli, st_error_oom());
		}
		error = st_comment_normalise(&probe);
		note = probe.note;
		free(probe.by);
		free(probe.text);
		if (error < 0) {
			free(note);
			return cli_fail(cli, error);
		}
	}
	if (value == ST_DISPOSITION_REJECTED && !note) {
		free(note);
		return cli_usage_error(cli, _("a rejection (未采纳) needs its reason: give it with --note"));
	}
	if ((status = open_draft(&d, argv[0], cli)) != 0)
		goto done;
	if ((error = st_disposition_check(value, note, d.meta->profile)) < 0)
		goto fail;
	if ((error = st_txn_begin(&txn, d.repo)) < 0 ||
	    (error = st_comments_read(&comments, NULL, d.repo, d.id)) < 0)
		goto fail;
	if (!(c = st_comments_find(&comments, number))) {
		error = st_error_set(ST_ENOTFOUND, _("there is no comment #%u on the draft '%s'"),
				     number, d.id);
		goto fail;
	}
	before = c->disposition;
	if (before == value && ((!note && !c->note) || (note && c->note && strcmp(note, c->note) == 0))) {
		error = st_error_set(ST_EINVALID, _("comment #%u is %s already, with that note; nothing to change"),
				     number, st_disposition_name(value));
		goto fail;
	}
	c->disposition = value;
	free(c->note);
	c->note = note;
	note = NULL;
	snprintf(c->resolved, sizeof(c->resolved), "%s", d.today);
	if (before == ST_DISPOSITION_OPEN)
		st_buf_printf(&msg, "comments: %s #%u %s\n", d.id, number, st_disposition_name(value));
	else
		st_buf_printf(&msg, "comments: %s #%u %s → %s\n", d.id, number,
			      st_disposition_name(before), st_disposition_name(value));
	if ((error = st_buf_check(&msg)) < 0 ||
	    (error = put_comment(txn, d.id, c)) < 0 ||
	    (error = st_txn_commit(txn, msg.ptr, cli->author)) < 0)
		goto fail;
	printf("%s #%u: %s → %s\n", d.id, number, st_disposition_name(before),
	       st_disposition_name(value));
	status = EXIT_OK;
	goto done;
fail:
	status = cli_fail(cli, error);
done:
	free(note);
	st_txn_free(txn);
	st_comments_dispose(&comments);
	st_buf_dispose(&msg);
	draft_dispose(&d);
	return status;
}

/* ------------------------------------------------------------------ */
/* list                                                                 */

static size_t terminal_width(void)
{
	struct winsize ws;
	const char *columns = getenv("COLUMNS");

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if (columns && *columns) {
		char *end;
		long v = strtol(columns, &end, 10);
		if (*end == '\0' && v > 0 && v < 10000)
			return (size_t)v;
	}
	return 80;
}

/* Bytes of the UTF-8 character at 's'. */
static size_t char_len(const char *s)
{
	unsigned char c = (unsigned char)*s;

	return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

/* Appends 's' on one line, cut to 'width' columns with "…" when longer. */
static void put_cut(st_buf *out, const char *s, size_t width, int pad)
{
	st_buf flat = ST_BUF_INIT;
	size_t used = 0, n;
	const char *p;
	int space = 0;

	for (p = s; *p; p++) {
		if (*p == '\n' || *p == '\t' || *p == ' ') {
			space = 1;
			continue;
		}
		if (space && flat.size)
			st_buf_putc(&flat, ' ');
		space = 0;
		st_buf_putc(&flat, *p);
	}
	if (st_buf_check(&flat) < 0) {
		st_buf_dispose(&flat);
		return;
	}
	if (st_utf8_width(flat.ptr) <= width) {
		if (pad)
			cli_pad(out, flat.ptr, width);
		else
			st_buf_puts(out, flat.ptr);
		st_buf_dispose(&flat);
		return;
	}
	for (p = flat.ptr; *p; p += n) {
		char one[5];
		size_t w;
		n = char_len(p);
		memcpy(one, p, n);
		one[n] = '\0';
		w = st_utf8_width(one);
		if (used + w + 1 > width)
			break;
		st_buf_put(out, p, n);
		used += w;
	}
	while (out->size && out->ptr[out->size - 1] == ' ' && used) {
		out->ptr[--out->size] = '\0';
		used--;
	}
	st_buf_puts(out, "…");
	used++;
	if (pad && used < width)
		st_buf_pad(out, width - used);
	st_buf_dispose(&flat);
}

static size_t max_size(size_t a, size_t b)
{
	return a > b ? a : b;
}

static int write_form_xml(st_buf *out, const st_comment_draft *draft, const st_comments *comments,
			  const st_comment_round *round, const struct draft *d, int open_only)
{
	st_comment_form_options opts;
	xmlDoc *doc = NULL;
	int error;

	memset(&opts, 0, sizeof(opts));
	opts.draft_id = d->id;
	opts.stage = d->stage;
	opts.date = d->today;
	opts.open_only = open_only;
	if ((error = st_comment_form(&doc, draft, comments, round, &opts)) < 0)
		return error;
	error = st_xml_serialise(out, doc);
	xmlFreeDoc(doc);
	return error;
}

static int comments_list(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = { N_("ID [--open] [--format text|xml]"), NULL };
	const char *format = NULL;
	int open_only = 0, xml = 0, n, error, status;
	struct draft d;
	st_comment_draft *draft = NULL;
	st_comments comments;
	st_comment_round round;
	st_buf out = ST_BUF_INIT, *labels = NULL;
	size_t i, shown = 0, open, wnum = 1, wclause = 1, wby = 1, wstatus = 1, width;

	memset(&d, 0, sizeof(d));
	memset(&comments, 0, sizeof(comments));
	memset(&round, 0, sizeof(round));
	{
		const struct option options[] = {
			OPT_FLAG(0, "open", &open_only, N_("only the comments without a disposition")),
			OPT_STRING(0, "format", &format, N_("FORMAT"), N_("text (the default) or xml")),
			OPT_END(),
		};
		if ((n = parse_options(argc, argv, options, usage, cli, 1, 1)) < 0)
			return n == -1 ? EXIT_OK : -n;
	}
	if ((status = cli_format(cli, format, &xml)) != 0)
		return status;
	if ((status = open_draft(&d, argv[0], cli)) != 0)
		goto done;
	if ((error = st_comment_draft_read(&draft, d.repo, d.id, d.meta->profile)) < 0 ||
	    (error = st_comments_read(&comments, &round, d.repo, d.id)) < 0)
		goto fail;
	if (xml) {
		if ((error = write_form_xml(&out, draft, &comments, &round, &d, open_only)) < 0)
			goto fail;
		fwrite(out.ptr, 1, out.size, stdout);
		status = EXIT_OK;
		goto done;
	}
	if (comments.n && !(labels = calloc(comments.n, sizeof(*labels)))) {
		error = st_error_oom();
		goto fail;
	}
	for (i = 0; i < comments.n; i++) {
		const st_comment *c = comments.items[i];
		char num[16];
		st_buf_init(&labels[i]);
		if (open_only && c->disposition != ST_DISPOSITION_OPEN)
			continue;
		if ((error = clause_text(&labels[i], draft, c->clause)) < 0)
			goto fail;
		snprintf(num, sizeof(num), "#%u", c->number);
		wnum = max_size(wnum, strlen(num));
		wclause = max_size(wclause, st_utf8_width(labels[i].ptr));
		wby = max_size(wby, st_utf8_width(c->by));
		wstatus = max_size(wstatus, strlen(st_disposition_name(c->disposition)));
	}
	if (wclause > 24)
		wclause = 24;
	if (wby > 20)
		wby = 20;
	width = terminal_width();
	for (i = 0; i < comments.n; i++) {
		const st_comment *c = comments.items[i];
		char num[16];
		size_t used;
		if (open_only && c->disposition != ST_DISPOSITION_OPEN)
			continue;
		snprintf(num, sizeof(num), "#%u", c->number);
		st_buf_pad(&out, wnum - strlen(num));
		st_buf_printf(&out, "%s  ", num);
		put_cut(&out, labels[i].ptr, wclause, 1);
		st_buf_printf(&out, "  %s  ", c->type ? st_comment_type_name(c->type) : "--");
		put_cut(&out, c->by, wby, 1);
		st_buf_puts(&out, "  ");
		cli_pad(&out, st_disposition_name(c->disposition), wstatus);
		st_buf_puts(&out, "  ");
		used = wnum + 2 + wclause + 2 + 2 + 2 + wby + 2 + wstatus + 2;
		put_cut(&out, c->text, width > used + 10 ? width - used : 10, 0);
		st_buf_putc(&out, '\n');
		shown++;
	}
	open = st_comments_open(&comments);
	if (open_only)
		st_buf_printf(&out, Q_("%zu open comment of %zu\n", "%zu open comments of %zu\n", open),
			      open, comments.n);
	else
		st_buf_printf(&out, Q_("%zu comment, %zu open\n", "%zu comments, %zu open\n", comments.n),
			      comments.n, open);
	if ((error = st_buf_check(&out)) < 0)
		goto fail;
	fwrite(out.ptr, 1, out.size, stdout);
	status = EXIT_OK;
	goto done;
fail:
	status = cli_fail(cli, error);
done:
	for (i = 0; labels && i < comments.n; i++)
		st_buf_dispose(&labels[i]);
	free(labels);
	st_comments_dispose(&comments);
	st_comment_round_dispose(&round);
	st_comment_draft_free(draft);
	st_buf_dispose(&out);
	draft_dispose(&d);
	return status;
}

/* ------------------------------------------------------------------ */
/* sent, replied                                                        */

static void print_counts(const st_comment_counts *k)
{
	printf(_("sent: %zu; replied: %zu (with comments: %zu); not replied: %zu\n"),
	       k->sent, k->replied, k->with_comments, k->not_replied);
}

static int record_units(int argc, char **argv, struct cli *cli, int replied)
{
	static const char *const usage[] = { N_("ID UNIT..."), NULL };
	struct draft d;
	st_comments comments;
	st_comment_round round;
	st_comment_counts counts;
	st_txn *txn = NULL;
	st_buf msg = ST_BUF_INIT;
	int n, i, j, error, status;

	memset(&d, 0, sizeof(d));
	memset(&comments, 0, sizeof(comments));
	memset(&round, 0, sizeof(round));
	{
		const struct option options[] = { OPT_END() };
		if ((n = parse_options(argc, argv, options, usage, cli, 2, -1)) < 0)
			return n == -1 ? EXIT_OK : -n;
	}
	for (i = 1; i < n; i++) {
		if ((error = st_text_check_label(argv[i], _("a unit's name"), ST_COMMENT_LABEL_MAX)) < 0)
			return cli_fail(cli, error);
		for (j = 1; j < i; j++)
			if (strcmp(argv[i], argv[j]) == 0)
				return cli_usage_error(cli, _("'%s' is given twice"), argv[i]);
	}
	if ((status = open_draft(&d, argv[0], cli)) != 0)
		goto done;
	if ((error = st_txn_begin(&txn, d.repo)) < 0 ||
	    (error = st_comments_read(&comments, &round, d.repo, d.id)) < 0)
		goto fail;
	for (i = 1; i < n; i++) {
		const char *unit = argv[i];
		size_t k;
		if (!replied) {
			if (st_unit_list_has(&round.sent, unit)) {
				error = st_error_set(ST_EINVALID,
					_("'%s' is in the list of units the draft was sent to already"), unit);
				goto fail;
			}
			if ((error = st_unit_list_add(&round.sent, unit)) < 0)
				goto fail;
			continue;
		}
		if (!st_unit_list_has(&round.sent, unit)) {
			error = st_error_set(ST_EINVALID,
				_("'%s' is not among the units the draft was sent to: record that first with 'stdtool comments sent %s UNIT'"),
				unit, d.id);
			goto fail;
		}
		if (st_unit_list_has(&round.replied, unit)) {
			error = st_error_set(ST_EINVALID,
				_("'%s' is recorded already as having replied without comments"), unit);
			goto fail;
		}
		for (k = 0; k < comments.n; k++) {
			if (strcmp(comments.items[k]->by, unit) == 0) {
				error = st_error_set(ST_EINVALID,
					_("'%s' replied with comments (#%u): it counts as replied already"),
					unit, comments.items[k]->number);
				goto fail;
			}
		}
		if ((error = st_unit_list_add(&round.replied, unit)) < 0)
			goto fail;
	}
	if (replied)
		st_buf_printf(&msg, "comments: %s %d %s replied without comments\n", d.id, n - 1,
			      n - 1 == 1 ? "unit" : "units");
	else
		st_buf_printf(&msg, "comments: %s sent to %d more %s\n", d.id, n - 1,
			      n - 1 == 1 ? "unit" : "units");
	if ((error = st_buf_check(&msg)) < 0 ||
	    (error = put_round(txn, d.id, &round)) < 0 ||
	    (error = st_txn_commit(txn, msg.ptr, cli->author)) < 0 ||
	    (error = st_comment_counts_compute(&counts, &round, &comments)) < 0)
		goto fail;
	print_counts(&counts);
	status = EXIT_OK;
	goto done;
fail:
	status = cli_fail(cli, error);
done:
	st_txn_free(txn);
	st_comments_dispose(&comments);
	st_comment_round_dispose(&round);
	st_buf_dispose(&msg);
	draft_dispose(&d);
	return status;
}

static int comments_sent(int argc, char **argv, struct cli *cli)
{
	return record_units(argc, argv, cli, 0);
}

static int comments_replied(int argc, char **argv, struct cli *cli)
{
	return record_units(argc, argv, cli, 1);
}

/* ------------------------------------------------------------------ */
/* table                                                                */

static int comments_table(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = { N_("ID [--format html|xml] [-o FILE]"), NULL };
	const char *format = NULL, *output = NULL;
	struct draft d;
	st_comment_draft *draft = NULL;
	st_comments comments;
	st_comment_round round;
	st_comment_form_options opts;
	st_stylesheet *sheet = NULL;
	st_buf out = ST_BUF_INIT, path = ST_BUF_INIT;
	xmlDoc *doc = NULL;
	int n, html = 1, error, status;

	memset(&d, 0, sizeof(d));
	memset(&comments, 0, sizeof(comments));
	memset(&round, 0, sizeof(round));
	{
		const struct option options[] = {
			OPT_STRING(0, "format", &format, N_("FORMAT"), N_("html (the default: the printable form) or xml")),
			OPT_STRING('o', "output", &output, N_("FILE"), N_("write to FILE instead of standard output")),
			OPT_END(),
		};
		if ((n = parse_options(argc, argv, options, usage, cli, 1, 1)) < 0)
			return n == -1 ? EXIT_OK : -n;
	}
	if (format && strcmp(format, "xml") == 0)
		html = 0;
	else if (format && strcmp(format, "html") != 0)
		return cli_usage_error(cli, _("unknown format '%s' (expected html or xml)"), format);
	if ((status = open_draft(&d, argv[0], cli)) != 0)
		goto done;
	if ((error = st_comment_draft_read(&draft, d.repo, d.id, d.meta->profile)) < 0 ||
	    (error = st_comments_read(&comments, &round, d.repo, d.id)) < 0)
		goto fail;
	memset(&opts, 0, sizeof(opts));
	opts.draft_id = d.id;
	opts.stage = d.stage;
	opts.date = d.today;
	if ((error = st_comment_form(&doc, draft, &comments, &round, &opts)) < 0)
		goto fail;
	if (html) {
		st_buf_printf(&path, "%s/templates/comments-%s.xsl", cli->datadir,
			      st_profile_name(d.meta->profile));
		if ((error = st_buf_check(&path)) < 0 ||
		    (error = st_stylesheet_load(&sheet, path.ptr)) < 0 ||
		    (error = st_stylesheet_apply(&out, sheet, doc, NULL)) < 0)
			goto fail;
	} else if ((error = st_xml_serialise(&out, doc)) < 0) {
		goto fail;
	}
	status = cli_write_output(cli, output, out.ptr, out.size);
	goto done;
fail:
	status = cli_fail(cli, error);
done:
	xmlFreeDoc(doc);
	st_stylesheet_free(sheet);
	st_comments_dispose(&comments);
	st_comment_round_dispose(&round);
	st_comment_draft_free(draft);
	st_buf_dispose(&out);
	st_buf_dispose(&path);
	draft_dispose(&d);
	return status;
}

static const struct subcommand comments_commands[] = {
	{ "add", comments_add },
	{ "import", comments_import },
	{ "resolve", comments_resolve },
	{ "list", comments_list },
	{ "sent", comments_sent },
	{ "replied", comments_replied },
	{ "table", comments_table },
};

int cmd_comments(int argc, char **argv, struct cli *cli)
{
	char prog[128];

	return cli_dispatch(argc, argv, cli, comments_commands,
			    sizeof(comments_commands) / sizeof(comments_commands[0]),
			    comments_usage, prog, sizeof(prog));
}
