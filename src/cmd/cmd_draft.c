/* cmd_draft.c: stdtool draft new|validate|render|stage|log|list (diff: cmd_draft_diff.c). */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "st_ballot.h"
#include "st_comment.h"
#include "st_date.h"
#include "st_draft.h"
#include "st_draftmeta.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_lint.h"
#include "st_repo.h"
#include "st_stage.h"
#include "st_stdnum.h"
#include "st_text.h"
#include "st_xml.h"

static const char *const draft_usage[] = {
	N_("new ID --profile gbt|iso --title TITLE [--title-en TITLE] [--number NUMBER] [--ics CODE] [--ccs CODE] [--committee ID] [--replaces NUMBER] [--stage 00.00|10.00|20.00]"),
	N_("validate ID|FILE [--format text|xml] [--ignore RULE-ID]..."),
	N_("render ID|FILE [--format html] [-o FILE] [--stage-label]"),
	N_("stage ID [STAGE]"),
	N_("log ID"),
	N_("list [--format text|xml]"),
	N_("diff ID [FROM [TO]] | FILE FILE [--format text|xml|html] [-o FILE] [--color WHEN]"),
	NULL,
};

/* The draft a command works on: a draft id in the repository, or a file. */
struct target {
	int is_file;
	const char *arg;
	st_buf name;            /* shown in findings: drafts/ID/draft.xml or the path */
	st_buf data;            /* the text, read from Git or a pipe ... */
	int fd;                 /* ... or a regular file, parsed as it is read (-1: none) */
	const char *ptr;        /* the text in memory */
	size_t size;
	st_repo *repo;
	st_draft_meta *meta;    /* NULL for a file */
};

static void target_dispose(struct target *t)
{
	st_buf_dispose(&t->name);
	st_buf_dispose(&t->data);
	if (t->fd >= 0)
		close(t->fd);
	t->fd = -1;
	st_draft_meta_free(t->meta);
	st_repo_free(t->repo);
}

static int looks_like_file(const char *arg)
{
	size_t len = strlen(arg);

	return strchr(arg, '/') != NULL || (len > 4 && strcmp(arg + len - 4, ".xml") == 0);
}

static int read_file(st_buf *out, const char *path)
{
	FILE *fp = fopen(path, "rb");
	char chunk[65536];
	size_t n;

	struct stat st;

	if (!fp)
		return st_error_set(errno == ENOENT ? ST_ENOTFOUND : ST_ERROR,
				    _("cannot open '%s': %s"), path, strerror(errno));
	/* one allocation for a regular file of a size the parser takes */
	if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (size_t)st.st_size <= ST_XML_MAX_BYTES)
		st_buf_grow(out, (size_t)st.st_size + 1);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		st_buf_put(out, chunk, n);
		if (out->size > ST_XML_MAX_BYTES) {
			fclose(fp);
			return st_error_set(ST_EINVALID,
				_("%s: document is larger than the limit of %zu bytes"),
				path, ST_XML_MAX_BYTES);
		}
	}
	if (ferror(fp)) {
		fclose(fp);
		return st_error_set(ST_ERROR, _("cannot read '%s': %s"), path, strerror(errno));
	}
	fclose(fp);
	return st_buf_check(out);
}

/*
 * Opens a regular file to be parsed as it is read (no copy of a 20 MB
 * draft in memory); reads anything else (a pipe, a device) into memory.
 */
static int open_file(struct target *t, const char *path)
{
	struct stat st;
	int fd, error;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return st_error_set(errno == ENOENT ? ST_ENOTFOUND : ST_ERROR,
				    _("cannot open '%s': %s"), path, strerror(errno));
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		t->fd = fd;
		return 0;
	}
	close(fd);
	if ((error = read_file(&t->data, path)) < 0)
		return error;
	t->ptr = t->data.ptr ? t->data.ptr : "";
	t->size = t->data.size;
	return 0;
}

/* Loads the target; on failure prints the error and returns the exit status. */
static int load_target(struct target *t, const char *arg, struct cli *cli)
{
	int error, status;

	memset(t, 0, sizeof(*t));
	t->fd = -1;
	t->arg = arg;
	if (looks_like_file(arg)) {
		t->is_file = 1;
		st_buf_puts(&t->name, arg);
		if ((error = open_file(t, arg)) < 0)
			return cli_fail(cli, error);
		return 0;
	}
	if ((error = st_draft_id_check(arg)) < 0)
		return cli_fail(cli, error);
	if ((status = cli_open_repo(&t->repo, cli)) != 0)
		return status;
	if ((error = st_draft_meta_read(&t->meta, t->repo, arg)) < 0)
		return cli_fail(cli, error);
	st_draft_path(&t->name, arg, "draft.xml");
	if ((error = st_buf_check(&t->name)) < 0)
		return cli_fail(cli, error);
	if ((error = st_repo_read(&t->data, t->repo, t->name.ptr)) < 0)
		return cli_fail(cli, error);
	t->ptr = t->data.ptr ? t->data.ptr : "";
	t->size = t->data.size;
	if (st_repo_worktree_changed(t->repo, t->name.ptr)) {
		fflush(stdout);
		fprintf(stderr, _("stdtool: note: %s has changes that are not committed; this is the committed version (commit the changes, or give the file's path to use the edited one)\n"),
			t->name.ptr);
	}
	return 0;
}

static int today(char out[11])
{
	st_date_format(out, st_date_today());
	return 0;
}

/* ------------------------------------------------------------------ */
/* new                                                                  */

static int check_ics(const char *ics)
{
	/* 25, 25.040 or 25.040.30; several separated by ';' are not taken. */
	size_t i, len = strlen(ics);
	int ok = len == 2 || len == 6 || len == 9;

	for (i = 0; ok && i < len; i++) {
		if (i == 2 || i == 6)
			ok = ics[i] == '.';
		else
			ok = ics[i] >= '0' && ics[i] <= '9';
	}
	if (!ok)
		return st_error_set(ST_EINVALID,
			_("'%s' is not an ICS code: write 25, 25.040 or 25.040.30"), ics);
	return 0;
}

static int check_ccs(const char *ccs)
{
	if (strlen(ccs) == 3 && ccs[0] >= 'A' && ccs[0] <= 'Z' &&
	    ccs[1] >= '0' && ccs[1] <= '9' && ccs[2] >= '0' && ccs[2] <= '9')
		return 0;
	return st_error_set(ST_EINVALID,
		_("'%s' is not a CCS code (中国标准文献分类号): write a capital letter and two digits, e.g. J07"),
		ccs);
}

static int draft_new(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = {
		N_("ID --profile gbt|iso --title TITLE [--title-en TITLE] [--number NUMBER] [--ics CODE] [--ccs CODE] [--committee ID] [--replaces NUMBER] [--stage 00.00|10.00|20.00]"),
		NULL,
	};
	const char *profile = NULL, *stage_text = NULL;
	st_draft_new_options opts;
	st_stdnum number, replaces;
	st_committee committee;
	st_draft_meta meta;
	st_stage stage = { 20, 0 };
	st_buf skeleton = ST_BUF_INIT, record = ST_BUF_INIT, path = ST_BUF_INIT;
	st_buf msg = ST_BUF_INIT, tag = ST_BUF_INIT;
	st_repo *repo = NULL;
	st_txn *txn = NULL;
	char date[11], code[6];
	const char *id;
	int n, error, status = EXIT_RUNTIME;

	memset(&opts, 0, sizeof(opts));
	memset(&meta, 0, sizeof(meta));
	{
		const struct option options[] = {
			OPT_REQUIRED(0, "profile", &profile, N_("PROFILE"), N_("gbt (GB/T 1.1-2020) or iso (ISO/IEC Directives, Part 2)")),
			OPT_REQUIRED(0, "title", &opts.title, N_("TITLE"), N_("the title in the profile's language")),
			OPT_STRING(0, "title-en", &opts.title_en, N_("TITLE"), N_("the English title of a GB/T draft")),
			OPT_STRING(0, "number", &opts.number, N_("NUMBER"), N_("the standard's number, e.g. GB/T 12345—2026")),
			OPT_STRING(0, "ics", &opts.ics, N_("CODE"), N_("the ICS code, e.g. 25.040.30")),
			OPT_STRING(0, "ccs", &opts.ccs, N_("CODE"), N_("the CCS code (中国标准文献分类号), e.g. J07")),
			OPT_STRING(0, "committee", &opts.committee, N_("ID"), N_("the committee in charge, e.g. SAC/TC 591")),
			OPT_STRING(0, "replaces", &opts.replaces, N_("NUMBER"), N_("the standard this one replaces")),
			OPT_STRING(0, "stage", &stage_text, N_("STAGE"), N_("the stage to start at: 00.00, 10.00 or 20.00 (the default)")),
			OPT_END(),
		};
		if ((n = parse_options(argc, argv, options, usage, cli, 1, 1)) < 0)
			return n == -1 ? EXIT_OK : -n;
	}
	id = argv[0];
	if ((error = st_draft_id_check(id)) < 0 ||
	    (error = st_profile_parse(&opts.profile, profile)) < 0 ||
	    (error = st_text_check_label(opts.title, _("the title"), 300)) < 0 ||
	    (opts.title_en && (error = st_text_check_label(opts.title_en, _("the English title"), 300)) < 0))
		return cli_fail(cli, error);
	if (opts.title_en && opts.profile != ST_PROFILE_GBT)
		return cli_usage_error(cli, _("--title-en is for GB/T drafts; an ISO draft's title is English already"));
	if (opts.number) {
		if ((error = st_stdnum_parse(&number, opts.number)) < 0)
			return cli_fail(cli, error);
		opts.number = number.number;
	}
	if (opts.replaces) {
		if ((error = st_stdnum_parse(&replaces, opts.replaces)) < 0)
			return cli_fail(cli, error);
		opts.replaces = replaces.number;
	}
	if (opts.committee) {
		if ((error = st_committee_parse(&committee, opts.committee)) < 0)
			return cli_fail(cli, error);
		opts.committee = committee.id;
	}
	if ((opts.ics && (error = check_ics(opts.ics)) < 0) ||
	    (opts.ccs && (error = check_ccs(opts.ccs)) < 0))
		return cli_fail(cli, error);
	if (stage_text) {
		if ((error = st_stage_parse(&stage, stage_text)) < 0)
			return cli_fail(cli, error);
		if (stage.sub != 0 || stage.stage > 20)
			return cli_usage_error(cli, _("a new draft starts at 00.00, 10.00 or 20.00, not %s"),
					       stage_text);
	}

	if ((status = cli_open_repo(&repo, cli)) != 0)
		goto done;
	status = EXIT_RUNTIME;
	if ((error = st_draft_skeleton(&skeleton, cli->datadir, &opts)) < 0)
		goto fail;
	today(date);
	st_stage_format(code, stage);
	st_buf_printf(&tag, "%s/%s", id, code);
	if ((error = st_buf_check(&tag)) < 0)
		goto fail;
	meta.id = (char *)id;
	meta.profile = opts.profile;
	if ((error = st_draft_meta_add_stage(&meta, stage, date, NULL, tag.ptr)) < 0 ||
	    (error = st_draft_meta_serialise(&record, &meta)) < 0)
		goto fail;

	if ((error = st_txn_begin(&txn, repo)) < 0)
		goto fail;
	st_draft_path(&path, id, "meta.xml");
	if ((error = st_buf_check(&path)) < 0)
		goto fail;
	if (st_txn_exists(txn, path.ptr) > 0) {
		error = st_error_set(ST_EEXISTS, _("there is a draft '%s' already"), id);
		goto fail;
	}
	if ((error = st_txn_put(txn, path.ptr, record.ptr, record.size)) < 0)
		goto fail;
	st_buf_clear(&path);
	st_draft_path(&path, id, "draft.xml");
	if ((error = st_buf_check(&path)) < 0 ||
	    (error = st_txn_put(txn, path.ptr, skeleton.ptr, skeleton.size)) < 0)
		goto fail;
	st_buf_printf(&msg, "draft: new %s (%s) %s\n", id, st_profile_name(opts.profile), opts.title);
	if ((error = st_buf_check(&msg)) < 0 ||
	    (error = st_txn_tag(txn, tag.ptr, msg.ptr)) < 0 ||
	    (error = st_txn_commit(txn, msg.ptr, cli->author)) < 0)
		goto fail;
	printf(_("Created the draft %s (%s) at stage %s in drafts/%s/; tagged %s\n"),
	       id, st_profile_name(opts.profile), code, id, tag.ptr);
	status = EXIT_OK;
	goto done;
fail:
	status = cli_fail(cli, error);
done:
	{
		size_t i;
		for (i = 0; i < meta.nstages; i++) {
			free(meta.stages[i].by);
			free(meta.stages[i].tag);
		}
		free(meta.stages);
	}
	st_txn_free(txn);
	st_repo_free(repo);
	st_buf_dispose(&skeleton);
	st_buf_dispose(&record);
	st_buf_dispose(&path);
	st_buf_dispose(&msg);
	st_buf_dispose(&tag);
	return status;
}

/* ------------------------------------------------------------------ */
/* validate                                                             */

/* Splits every --ignore value at commas into 'out' (pointers into the values). */
static int ignore_list(struct cli_list *out, const struct cli_list *in, char **copies,
		       const struct cli *cli)
{
	size_t i;

	for (i = 0; i < in->n; i++) {
		char *p, *save = NULL;
		if (!(copies[i] = strdup(in->items[i])))
			return cli_fail(cli, st_error_oom());
		for (p = strtok_r(copies[i], ",", &save); p; p = strtok_r(NULL, ",", &save)) {
			if (!st_lint_rule_known(p))
				return cli_usage_error(cli,
					_("unknown rule '%s' (the rules are listed in 'man stdtool', DRAFTING RULES)"), p);
			if (st_array_grow(&out->items, &out->alloc, out->n, sizeof(*out->items)) < 0)
				return cli_fail(cli, st_error_oom());
			out->items[out->n++] = p;
		}
	}
	return 0;
}

static int load_schema(st_schema **out, const struct cli *cli)
{
	st_buf path = ST_BUF_INIT;
	int error;

	st_buf_printf(&path, "%s/schemas/sts-draft.rng", cli->datadir);
	if ((error = st_buf_check(&path)) == 0)
		error = st_schema_load(out, path.ptr);
	st_buf_dispose(&path);
	return error;
}

/* Lints the target with its own ignores plus 'extra'. */
static int lint_target(st_findings *findings, struct target *t, const struct cli_list *extra,
		       st_profile profile, st_profile *used, const struct cli *cli)
{
	st_lint_options opts;
	st_schema *schema = NULL;
	const char **ignore = NULL;
	size_t i, n = 0;
	int error;

	memset(&opts, 0, sizeof(opts));
	if ((error = load_schema(&schema, cli)) < 0)
		return error;
	n = (extra ? extra->n : 0) + (t->meta ? t->meta->nignore : 0);
	if (n && !(ignore = calloc(n, sizeof(*ignore)))) {
		st_schema_free(schema);
		return st_error_oom();
	}
	n = 0;
	for (i = 0; extra && i < extra->n; i++)
		ignore[n++] = extra->items[i];
	for (i = 0; t->meta && i < t->meta->nignore; i++)
		ignore[n++] = t->meta->ignore[i];
	opts.profile = t->meta ? t->meta->profile : profile;
	opts.schema = schema;
	opts.ignore = (char *const *)ignore;
	opts.nignore = n;
	if (t->fd >= 0) {
		error = st_lint_fd(findings, t->fd, t->name.ptr, &opts, used);
	} else if (t->data.ptr == t->ptr) {
		/* the text is not needed once parsed: the tree holds it all */
		error = st_lint_buf(findings, &t->data, t->name.ptr, &opts, used);
		t->ptr = NULL;
		t->size = 0;
	} else {
		error = st_lint_memory(findings, t->ptr, t->size, t->name.ptr, &opts, used);
	}
	free(ignore);
	st_schema_free(schema);
	return error;
}

static int draft_validate(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = {
		N_("ID|FILE [--format text|xml] [--ignore RULE-ID]... [--profile gbt|iso]"),
		NULL,
	};
	const char *format = NULL, *profile_text = NULL;
	struct cli_list ignores = { NULL, 0, 0 }, rules = { NULL, 0, 0 };
	char **copies = NULL;
	st_findings findings = ST_FINDINGS_INIT;
	st_profile profile = ST_PROFILE_NONE, used = ST_PROFILE_NONE;
	struct target t;
	st_buf out = ST_BUF_INIT;
	size_t i;
	int n, xml = 0, error, status;

	memset(&t, 0, sizeof(t));
	t.fd = -1;
	{
		const struct option options[] = {
			OPT_STRING(0, "format", &format, N_("FORMAT"), N_("text (the default) or xml")),
			OPT_LIST(0, "ignore", &ignores, N_("RULE-ID"), N_("do not check this rule (repeat, or separate by commas)")),
			OPT_STRING(0, "profile", &profile_text, N_("PROFILE"), N_("for a file: gbt or iso (default: what the file says)")),
			OPT_END(),
		};
		if ((n = parse_options(argc, argv, options, usage, cli, 1, 1)) < 0) {
			cli_list_dispose(&ignores);
			return n == -1 ? EXIT_OK : -n;
		}
	}
	if ((status = cli_format(cli, format, &xml)) != 0)
		goto done;
	if (profile_text && (error = st_profile_parse(&profile, profile_text)) < 0) {
		status = cli_fail(cli, error);
		goto done;
	}
	if (ignores.n && !(copies = calloc(ignores.n, sizeof(*copies)))) {
		status = cli_fail(cli, st_error_oom());
		goto done;
	}
	if ((status = ignore_list(&rules, &ignores, copies, cli)) != 0)
		goto done;
	if ((status = load_target(&t, argv[0], cli)) != 0)
		goto done;
	if ((error = lint_target(&findings, &t, &rules, profile, &used, cli)) < 0) {
		status = cli_fail(cli, error);
		goto done;
	}
	if (xml) {
		st_buf_puts(&out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<findings file=\"");
		st_xml_escape(&out, t.name.ptr);
		st_buf_printf(&out, "\" profile=\"%s\" errors=\"%zu\" warnings=\"%zu\">\n",
			      st_profile_name(used), findings.errors, findings.warnings);
	}
	for (i = 0; i < findings.n; i++) {
		const st_finding *f = &findings.items[i];
		const char *sev = f->severity == ST_SEVERITY_ERROR ? "error" : "warning";
		if (xml) {
			st_buf_printf(&out, "  <finding line=\"%ld\" severity=\"%s\" rule=\"%s\">",
				      f->line, sev, f->rule);
			st_xml_escape(&out, f->message);
			st_buf_puts(&out, "</finding>\n");
		} else {
			st_buf_printf(&out, "%s:%ld: %s: [%s] %s\n", t.name.ptr, f->line, sev,
				      f->rule, f->message);
		}
	}
	if (xml)
		st_buf_puts(&out, "</findings>\n");
	if ((error = st_buf_check(&out)) < 0) {
		status = cli_fail(cli, error);
		goto done;
	}
	if (out.size)
		fwrite(out.ptr, 1, out.size, stdout);
	/* A person at a terminal gets told when all is well, and the counts. */
	if (!xml && isatty(STDOUT_FILENO)) {
		if (!findings.n)
			printf(_("%s: no problems found\n"), t.name.ptr);
		else
			printf(_("%s: errors: %zu, warnings: %zu\n"), t.name.ptr,
			       findings.errors, findings.warnings);
	}
	status = findings.errors ? EXIT_FINDINGS : EXIT_OK;
done:
	if (copies) {
		for (i = 0; i < ignores.n; i++)
			free(copies[i]);
		free(copies);
	}
	cli_list_dispose(&ignores);
	cli_list_dispose(&rules);
	st_findings_dispose(&findings);
	st_buf_dispose(&out);
	target_dispose(&t);
	return status;
}

/* ------------------------------------------------------------------ */
/* render                                                               */

static int draft_render(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = {
		N_("ID|FILE [--format html] [-o FILE] [--stage-label] [--profile gbt|iso] [--stage STAGE]"),
		NULL,
	};
	const char *format = NULL, *output = NULL, *profile_text = NULL, *stage_text = NULL;
	int stage_label = 0, n, error, status;
	st_profile profile = ST_PROFILE_NONE;
	st_stylesheet *sheet = NULL;
	st_buf sheet_path = ST_BUF_INIT;
	struct cli_stream stream;
	xmlDoc *doc = NULL;
	st_xml_held held = { "xref", ST_BUF_INIT };
	struct target t;
	char code[6] = "";

	memset(&t, 0, sizeof(t));
	t.fd = -1;
	{
		const struct option options[] = {
			OPT_STRING(0, "format", &format, N_("FORMAT"), N_("html (the only one for now)")),
			OPT_STRING('o', "output", &output, N_("FILE"), N_("write to FILE instead of standard output")),
			OPT_FLAG(0, "stage-label", &stage_label, N_("show the stage code on the cover")),
			OPT_STRING(0, "profile", &profile_text, N_("PROFILE"), N_("for a file: gbt or iso (default: what the file says)")),
			OPT_STRING(0, "stage", &stage_text, N_("STAGE"), N_("for a file: the stage to show (default: none)")),
			OPT_END(),
		};
		if ((n = parse_options(argc, argv, options, usage, cli, 1, 1)) < 0)
			return n == -1 ? EXIT_OK : -n;
	}
	if (format && strcmp(format, "html") != 0)
		return cli_usage_error(cli, _("unknown format '%s' (expected html)"), format);
	if (profile_text && (error = st_profile_parse(&profile, profile_text)) < 0)
		return cli_fail(cli, error);
	if (stage_text) {
		st_stage s;
		if ((error = st_stage_parse(&s, stage_text)) < 0)
			return cli_fail(cli, error);
		st_stage_format(code, s);
	}
	if ((status = load_target(&t, argv[0], cli)) != 0)
		goto done;
	if (t.meta) {
		const st_draft_stage *s = st_draft_meta_current(t.meta);
		profile = t.meta->profile;
		if (s && !stage_text)
			st_stage_format(code, s->stage);
	}
	/* the xrefs' attributes wait outside the tree until their part renders */
	error = t.fd >= 0 ?
		st_xml_parse_fd_held(&doc, t.fd, t.name.ptr, st_draft_element_only, &held) :
		st_xml_parse_memory_held(&doc, t.ptr, t.size, t.name.ptr, st_draft_element_only,
					 &held);
	if (error < 0)
		goto fail;
	/* The parsed tree holds it all: drop the text. */
	st_buf_dispose(&t.data);
	t.ptr = NULL;
	t.size = 0;
	if (profile == ST_PROFILE_NONE)
		profile = st_draft_profile_of(doc);
	st_buf_printf(&sheet_path, "%s/templates/draft-%s.xsl", cli->datadir, st_profile_name(profile));
	if ((error = st_buf_check(&sheet_path)) < 0 ||
	    (error = st_stylesheet_load(&sheet, sheet_path.ptr)) < 0)
		goto fail;
	/* Written as it is made: a 20 MB draft's page is not held twice. */
	if ((status = cli_stream_begin(&stream, cli, output)) != EXIT_OK)
		goto done;
	error = st_draft_render(cli_stream_write, &stream, &doc, sheet, profile, code, stage_label,
				&held);
	status = cli_stream_end(&stream, error == 0);
	if (error < 0)
		goto fail;
	goto done;
fail:
	status = cli_fail(cli, error);
done:
	xmlFreeDoc(doc);
	st_buf_dispose(&held.records);
	st_stylesheet_free(sheet);
	st_buf_dispose(&sheet_path);
	target_dispose(&t);
	return status;
}

/* ------------------------------------------------------------------ */
/* stage                                                                */

static void print_stage_history(const st_draft_meta *meta)
{
	const st_draft_stage *cur = st_draft_meta_current(meta);
	char code[6];
	size_t i;

	st_stage_format(code, cur->stage);
	printf(_("%s: stage %s, %s (%s), since %s\n"), meta->id, code,
	       st_stage_name(cur->stage.stage), st_substage_name(cur->stage.stage, cur->stage.sub), cur->date);
	printf(_("History:\n"));
	for (i = 0; i < meta->nstages; i++) {
		const st_draft_stage *s = &meta->stages[i];
		st_buf line = ST_BUF_INIT;
		st_stage_format(code, s->stage);
		st_buf_printf(&line, "  %s  %s  ", s->date, code);
		cli_pad(&line, st_stage_name(s->stage.stage), 12);
		st_buf_puts(&line, "  ");
		cli_pad(&line, st_substage_name(s->stage.stage, s->stage.sub), 24);
		if (s->tag)
			st_buf_printf(&line, "  %s", s->tag);
		while (line.size && line.ptr[line.size - 1] == ' ')
			line.ptr[--line.size] = '\0';
		if (st_buf_check(&line) == 0)
			printf("%s\n", line.ptr);
		st_buf_dispose(&line);
	}
}

/* The guard of stage 20: the draft leaves it only when the rules find no error. */
static int guard_rules(struct target *t, const struct cli *cli)
{
	st_findings findings = ST_FINDINGS_INIT;
	int error;

	if ((error = lint_target(&findings, t, NULL, ST_PROFILE_NONE, NULL, cli)) < 0)
		return error;
	if (findings.errors) {
		error = st_error_set(ST_EINVALID,
			Q_("the draft leaves stage 20 only when it follows the drafting rules, and %s has %zu error: see 'stdtool draft validate %s'",
			   "the draft leaves stage 20 only when it follows the drafting rules, and %s has %zu errors: see 'stdtool draft validate %s'",
			   findings.errors),
			t->name.ptr, findings.errors, t->arg);
	}
	st_findings_dispose(&findings);
	return error;
}

static int draft_stage(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = {
		N_("ID [STAGE]"),
		NULL,
	};
	struct target t;
	st_stage to;
	const st_draft_stage *cur;
	st_txn *txn = NULL;
	st_buf record = ST_BUF_INIT, path = ST_BUF_INIT, tag = ST_BUF_INIT, msg = ST_BUF_INIT;
	char from_code[6], to_code[6], date[11];
	int n, error, status, attempt;

	memset(&t, 0, sizeof(t));
	t.fd = -1;
	{
		const struct option options[] = { OPT_END() };
		if ((n = parse_options(argc, argv, options, usage, cli, 1, 2)) < 0)
			return n == -1 ? EXIT_OK : -n;
	}
	if (looks_like_file(argv[0]))
		return cli_usage_error(cli, _("'%s' is not a draft id: stages belong to drafts in the repository"),
				       argv[0]);
	if (n == 2 && (error = st_stage_parse(&to, argv[1])) < 0)
		return cli_fail(cli, error);
	if ((status = load_target(&t, argv[0], cli)) != 0)
		goto done;
	if (n == 1) {
		print_stage_history(t.meta);
		status = EXIT_OK;
		goto done;
	}
	cur = st_draft_meta_current(t.meta);
	st_stage_format(from_code, cur->stage);
	st_stage_format(to_code, to);
	if ((error = st_stage_move_check(cur->stage, to)) < 0)
		goto fail;
	if (cur->stage.stage == 20 && to.stage > 20 && (error = guard_rules(&t, cli)) < 0)
		goto fail;
	/* DESIGN 8: every comment answered before the draft leaves stage 30. */
	if (cur->stage.stage == 30 && to.stage > 30 &&
	    (error = st_comment_guard_stage(t.repo, t.arg)) < 0)
		goto fail;
	/* Into 50, or to 60 skipping it: only after an approved dis / sac-review ballot. */
	if (cur->stage.stage < 50 && to.stage >= 50 &&
	    (error = st_ballot_stage_guard(t.repo, t.arg, t.meta->profile, to.stage)) < 0)
		goto fail;

	if ((error = st_txn_begin(&txn, t.repo)) < 0)
		goto fail;
	/* The record as committed now, under the lock. */
	st_draft_path(&path, t.arg, "meta.xml");
	if ((error = st_buf_check(&path)) < 0)
		goto fail;
	{
		st_buf data = ST_BUF_INIT;
		st_draft_meta *now = NULL;
		error = st_txn_read(&data, txn, path.ptr);
		if (!error)
			error = st_draft_meta_parse(&now, data.ptr, data.size, path.ptr);
		st_buf_dispose(&data);
		if (error < 0)
			goto fail;
		if (now->nstages != t.meta->nstages) {
			st_draft_meta_free(now);
			error = st_error_set(ST_ECONFLICT,
				_("the draft's stage was changed by another writer meanwhile; nothing was written, run the command again"));
			goto fail;
		}
		st_draft_meta_free(now);
	}
	today(date);
	st_buf_printf(&msg, "draft: %s %s → %s (%s)\n", t.arg, from_code, to_code,
		      st_stage_english(to.stage));
	if ((error = st_buf_check(&msg)) < 0)
		goto fail;
	for (attempt = 1; attempt < 100; attempt++) {
		st_buf_clear(&tag);
		if (attempt == 1)
			st_buf_printf(&tag, "%s/%s", t.arg, to_code);
		else
			st_buf_printf(&tag, "%s/%s-%d", t.arg, to_code, attempt);
		if ((error = st_buf_check(&tag)) < 0)
			goto fail;
		error = st_txn_tag(txn, tag.ptr, msg.ptr);
		if (error != ST_EEXISTS)
			break;
	}
	if (error < 0)
		goto fail;
	if ((error = st_draft_meta_add_stage(t.meta, to, date, NULL, tag.ptr)) < 0 ||
	    (error = st_draft_meta_serialise(&record, t.meta)) < 0 ||
	    (error = st_txn_put(txn, path.ptr, record.ptr, record.size)) < 0 ||
	    (error = st_txn_commit(txn, msg.ptr, cli->author)) < 0)
		goto fail;
	printf(_("%s: %s → %s (%s); tagged %s\n"), t.arg, from_code, to_code,
	       st_stage_name(to.stage), tag.ptr);
	status = EXIT_OK;
	goto done;
fail:
	status = cli_fail(cli, error);
done:
	st_txn_free(txn);
	st_buf_dispose(&record);
	st_buf_dispose(&path);
	st_buf_dispose(&tag);
	st_buf_dispose(&msg);
	target_dispose(&t);
	return status;
}

/* ------------------------------------------------------------------ */
/* log                                                                  */

static int log_cb(const st_repo_commit *c, void *payload)
{
	time_t when = (time_t)(c->time + (long long)c->offset * 60);
	struct tm tm;
	char stamp[32];

	(void)payload;
	gmtime_r(&when, &tm);
	strftime(stamp, sizeof(stamp), "%Y-%m-%d %H:%M", &tm);
	printf("%s  %.7s  %s  %s", stamp, c->id, c->author, c->summary);
	if (*c->tags)
		printf(_("  [tag %s]"), c->tags);
	putchar('\n');
	return 0;
}

static int draft_log(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = { N_("ID"), NULL };
	struct target t;
	st_buf folder = ST_BUF_INIT, prefix = ST_BUF_INIT;
	int n, error, status;

	memset(&t, 0, sizeof(t));
	t.fd = -1;
	{
		const struct option options[] = { OPT_END() };
		if ((n = parse_options(argc, argv, options, usage, cli, 1, 1)) < 0)
			return n == -1 ? EXIT_OK : -n;
	}
	if (looks_like_file(argv[0]))
		return cli_usage_error(cli, _("'%s' is not a draft id"), argv[0]);
	if ((status = load_target(&t, argv[0], cli)) != 0)
		goto done;
	st_buf_printf(&folder, "drafts/%s", t.arg);
	st_buf_printf(&prefix, "%s/", t.arg);
	if ((error = st_buf_check(&folder)) < 0 || (error = st_buf_check(&prefix)) < 0 ||
	    (error = st_repo_history(t.repo, folder.ptr, prefix.ptr, log_cb, NULL)) < 0)
		status = cli_fail(cli, error);
	else
		status = EXIT_OK;
done:
	st_buf_dispose(&folder);
	st_buf_dispose(&prefix);
	target_dispose(&t);
	return status;
}

/* ------------------------------------------------------------------ */
/* list                                                                 */

struct listed {
	st_draft_meta **metas;
	size_t n, alloc;
	st_repo *repo;
};

static int list_cb(const char *name, void *payload)
{
	struct listed *l = payload;
	const char *rest;
	size_t len = strlen(name);
	st_buf data = ST_BUF_INIT;
	st_draft_meta *meta = NULL;
	int error;

	if (strncmp(name, "drafts/", 7) != 0 || len < 17 ||
	    strcmp(name + len - 9, "/meta.xml") != 0)
		return 0;
	rest = name + 7;
	if (strchr(rest, '/') != name + len - 9)
		return 0; /* not drafts/ID/meta.xml */
	if ((error = st_repo_read(&data, l->repo, name)) < 0 ||
	    (error = st_draft_meta_parse(&meta, data.ptr, data.size, name)) < 0) {
		st_buf_dispose(&data);
		return error;
	}
	st_buf_dispose(&data);
	if (st_array_grow(&l->metas, &l->alloc, l->n, sizeof(*l->metas)) < 0) {
		st_draft_meta_free(meta);
		return st_error_oom();
	}
	l->metas[l->n++] = meta;
	return 0;
}

/* The draft's title in its own language, from the committed draft.xml. */
static char *draft_title(st_repo *repo, const st_draft_meta *meta)
{
	st_buf path = ST_BUF_INIT, data = ST_BUF_INIT;
	xmlDoc *doc = NULL;
	char *title = NULL;

	st_draft_path(&path, meta->id, "draft.xml");
	if (st_buf_check(&path) == 0 && st_repo_read(&data, repo, path.ptr) == 0 &&
	    st_xml_parse_memory(&doc, data.ptr, data.size, path.ptr) == 0) {
		xmlNode *n = xmlDocGetRootElement(doc);
		const char *lang = meta->profile == ST_PROFILE_GBT ? "zh" : "en";
		/* standard/front/std-meta/title-wrap[@xml:lang]/main */
		for (n = n ? n->children : NULL; n; n = n->next)
			if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "front") == 0)
				break;
		for (n = n ? n->children : NULL; n; n = n->next)
			if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "std-meta") == 0)
				break;
		for (n = n ? n->children : NULL; n && !title; n = n->next) {
			xmlChar *l;
			if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, "title-wrap") != 0)
				continue;
			l = xmlNodeGetLang(n);
			if (!l || strncmp((const char *)l, lang, 2) == 0)
				title = st_xml_child_text(n, "main");
			xmlFree(l);
		}
	}
	if (doc)
		xmlFreeDoc(doc);
	st_buf_dispose(&path);
	st_buf_dispose(&data);
	return title;
}

static int draft_list(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = { N_("[--format text|xml]"), NULL };
	const char *format = NULL;
	struct listed l;
	st_buf out = ST_BUF_INIT;
	size_t i;
	int n, xml = 0, error, status;

	memset(&l, 0, sizeof(l));
	{
		const struct option options[] = {
			OPT_STRING(0, "format", &format, N_("FORMAT"), N_("text (the default) or xml")),
			OPT_END(),
		};
		if ((n = parse_options(argc, argv, options, usage, cli, 0, 0)) < 0)
			return n == -1 ? EXIT_OK : -n;
	}
	if ((status = cli_format(cli, format, &xml)) != 0)
		return status;
	if ((status = cli_open_repo(&l.repo, cli)) != 0)
		return status;
	if ((error = st_repo_walk(l.repo, list_cb, &l)) < 0) {
		status = cli_fail(cli, error);
		goto done;
	}
	if (xml)
		st_buf_puts(&out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<drafts>\n");
	else if (l.n) {
		cli_pad(&out, _("ID"), 24);
		st_buf_puts(&out, "  ");
		cli_pad(&out, _("PROFILE"), 7);
		st_buf_puts(&out, "  ");
		cli_pad(&out, _("STAGE"), 5);
		st_buf_puts(&out, "  ");
		cli_pad(&out, _("NAME"), 12);
		st_buf_printf(&out, "  %s\n", _("TITLE"));
	}
	for (i = 0; i < l.n; i++) {
		const st_draft_meta *m = l.metas[i];
		const st_draft_stage *s = st_draft_meta_current(m);
		char *title = draft_title(l.repo, m);
		char code[6];
		st_stage_format(code, s->stage);
		if (xml) {
			st_buf_puts(&out, "  <draft id=\"");
			st_xml_escape(&out, m->id);
			st_buf_printf(&out, "\" profile=\"%s\" stage=\"%s\" since=\"%s\">",
				      st_profile_name(m->profile), code, s->date);
			st_xml_escape(&out, title ? title : "");
			st_buf_puts(&out, "</draft>\n");
		} else {
			cli_pad(&out, m->id, 24);
			st_buf_puts(&out, "  ");
			cli_pad(&out, st_profile_name(m->profile), 7);
			st_buf_printf(&out, "  %s  ", code);
			cli_pad(&out, st_stage_name(s->stage.stage), 12);
			st_buf_printf(&out, "  %s\n", title ? title : "");
		}
		free(title);
	}
	if (xml)
		st_buf_puts(&out, "</drafts>\n");
	else if (!l.n)
		st_buf_puts(&out, _("No drafts yet; start one with 'stdtool draft new'.\n"));
	if ((error = st_buf_check(&out)) < 0) {
		status = cli_fail(cli, error);
		goto done;
	}
	fwrite(out.ptr, 1, out.size, stdout);
	status = EXIT_OK;
done:
	for (i = 0; i < l.n; i++)
		st_draft_meta_free(l.metas[i]);
	free(l.metas);
	st_buf_dispose(&out);
	st_repo_free(l.repo);
	return status;
}

static const struct subcommand draft_commands[] = {
	{ "new", draft_new },
	{ "validate", draft_validate },
	{ "render", draft_render },
	{ "stage", draft_stage },
	{ "log", draft_log },
	{ "list", draft_list },
	{ "diff", cmd_draft_diff },
};

int cmd_draft(int argc, char **argv, struct cli *cli)
{
	char prog[128];

	return cli_dispatch(argc, argv, cli, draft_commands,
			    sizeof(draft_commands) / sizeof(draft_commands[0]),
			    draft_usage, prog, sizeof(prog));
}
