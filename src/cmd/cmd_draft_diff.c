/*
 * cmd_draft_diff.c: stdtool draft diff, a redline of a draft between two
 * versions: stages, Git revisions, the work tree, or two files.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "st_diff.h"
#include "st_draft.h"
#include "st_draftmeta.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_repo.h"
#include "st_stage.h"
#include "st_text.h"
#include "st_xml.h"

/* One side of the comparison: where it came from, and the parsed draft. */
struct side {
	st_diff_version info;
	const char *spec;
	char commit[41];
	char stage[6];
	st_buf name;   /* in messages: SPEC:drafts/ID/draft.xml, or the path */
	st_buf data;
	xmlDoc *doc;
};

static void side_init(struct side *s)
{
	memset(s, 0, sizeof(*s));
	st_buf_init(&s->name);
	st_buf_init(&s->data);
}

static void side_dispose(struct side *s)
{
	st_buf_dispose(&s->name);
	st_buf_dispose(&s->data);
	if (s->doc)
		xmlFreeDoc(s->doc);
	s->doc = NULL;
}

static int looks_like_file(const char *arg)
{
	size_t len = strlen(arg);

	return strchr(arg, '/') != NULL || (len > 4 && strcmp(arg + len - 4, ".xml") == 0);
}

/* Parses a file as it is read; 'name' is used in messages. */
static int parse_path(xmlDoc **out, const char *path, const char *name)
{
	int fd, error;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return st_error_set(errno == ENOENT ? ST_ENOTFOUND : ST_ERROR,
				    _("cannot open '%s': %s"), name, strerror(errno));
	error = st_xml_parse_fd(out, fd, name);
	close(fd);
	return error;
}

/* The stage the draft was at in 'revision', from its meta.xml there, into s->stage. */
static void stage_at(struct side *s, st_repo *repo, const char *id, const char *revision)
{
	st_buf path = ST_BUF_INIT, data = ST_BUF_INIT;
	st_draft_meta *meta = NULL;
	const st_draft_stage *cur;

	st_draft_path(&path, id, "meta.xml");
	if (st_buf_check(&path) == 0 && st_repo_read_at(&data, NULL, repo, revision, path.ptr) == 0 &&
	    st_draft_meta_parse(&meta, data.ptr, data.size, path.ptr) == 0 &&
	    (cur = st_draft_meta_current(meta))) {
		st_stage_format(s->stage, cur->stage);
		s->info.stage = s->stage;
	}
	st_error_clear();
	st_draft_meta_free(meta);
	st_buf_dispose(&path);
	st_buf_dispose(&data);
}

/* Reads drafts/ID/draft.xml at a Git revision (a tag, a commit, HEAD~2). */
static int read_revision(struct side *s, st_repo *repo, const char *id, const char *path,
			 const char *revision)
{
	int error;

	if ((error = st_repo_read_at(&s->data, s->commit, repo, revision, path)) < 0)
		return error;
	s->info.commit = s->commit;
	st_buf_printf(&s->name, "%s:%s", revision, path);
	if (!s->info.stage)
		stage_at(s, repo, id, revision);
	if ((error = st_buf_check(&s->name)) < 0)
		return error;
	return st_xml_parse_memory(&s->doc, s->data.ptr, s->data.size, s->name.ptr);
}

/* Reads the work tree's copy of the draft, as it is now. */
static int read_worktree(struct side *s, st_repo *repo, const st_draft_meta *meta, const char *path)
{
	const st_draft_stage *cur = st_draft_meta_current(meta);
	st_buf full = ST_BUF_INIT;
	int error;

	s->info.source = "worktree";
	if (cur) {
		st_stage_format(s->stage, cur->stage);
		s->info.stage = s->stage;
	}
	st_buf_puts(&s->name, path);
	st_buf_printf(&full, "%s/%s", st_repo_path(repo), path);
	if ((error = st_buf_check(&full)) == 0 && (error = st_buf_check(&s->name)) == 0) {
		error = parse_path(&s->doc, full.ptr, path);
		if (error == ST_ENOTFOUND)
			error = st_error_set(ST_ENOTFOUND, _("'%s' is not in the work tree"), path);
	}
	st_buf_dispose(&full);
	return error;
}

/* Loads one side of a draft in the repository: 'spec' NULL takes the default. */
static int load_side(struct side *s, st_repo *repo, const st_draft_meta *meta, const char *path,
		     const char *spec, int is_to)
{
	const st_draft_stage *entry = NULL;
	size_t i;
	int found, error;

	s->spec = spec;
	s->info.spec = spec;
	s->info.path = path;
	if (!spec && is_to) {
		if (st_repo_is_bare(repo)) {
			s->info.source = "revision";
			return read_revision(s, repo, meta->id, path, "HEAD");
		}
		return read_worktree(s, repo, meta, path);
	}
	if (!spec) {
		entry = st_draft_meta_current(meta);
		if (!entry)
			return st_error_set(ST_ENOTFOUND, _("the draft '%s' has no stage"), meta->id);
	} else if ((found = st_diff_find_stage(&entry, meta, spec)) < 0) {
		return found;
	} else if (!found) {
		/* A stage tag given by name is a stage too. */
		for (i = meta->nstages; i-- > 0;)
			if (meta->stages[i].tag && strcmp(meta->stages[i].tag, spec) == 0) {
				entry = &meta->stages[i];
				break;
			}
		if (!entry) {
			s->info.source = "revision";
			return read_revision(s, repo, meta->id, path, spec);
		}
	}
	st_stage_format(s->stage, entry->stage);
	s->info.stage = s->stage;
	s->info.source = "stage";
	if (!entry->tag)
		return st_error_set(ST_ENOTFOUND, _("the draft '%s' has no tag for stage %s"),
				    meta->id, s->stage);
	s->info.tag = entry->tag;
	if ((error = read_revision(s, repo, meta->id, path, entry->tag)) == ST_ENOTFOUND &&
	    !s->info.commit)
		error = st_error_set(ST_ENOTFOUND,
			_("the tag '%s' of stage %s is not in the repository (was it deleted?)"),
			entry->tag, s->stage);
	return error;
}

/* ---- text output ------------------------------------------------------ */

#define COLOR_DEL "\033[31m"
#define COLOR_INS "\033[32m"
#define COLOR_HEAD "\033[1m"
#define COLOR_RESET "\033[m"

static void describe(st_buf *out, const struct side *s)
{
	const char *source = s->info.source ? s->info.source : "file";

	if (strcmp(source, "worktree") == 0)
		st_buf_puts(out, _("work tree"));
	else if (strcmp(source, "stage") == 0)
		st_buf_puts(out, s->info.tag);
	else if (strcmp(source, "revision") == 0)
		st_buf_printf(out, "%s (%.7s)", s->spec ? s->spec : "HEAD", s->commit);
	else
		st_buf_puts(out, s->info.path);
}

static void counts(st_buf *out, const st_draft_diff *d)
{
	const char *sep = "";

	if (!d->n) {
		st_buf_puts(out, _("no differences"));
		return;
	}
	/* TRANSLATORS: "3 changes (2 changed, 1 inserted)" in the summary line */
	st_buf_printf(out, Q_("%zu change", "%zu changes", d->n), d->n);
	st_buf_puts(out, " (");
	if (d->changed) {
		st_buf_printf(out, _("%zu changed"), d->changed);
		sep = ", ";
	}
	if (d->inserted) {
		st_buf_puts(out, sep);
		st_buf_printf(out, _("%zu inserted"), d->inserted);
		sep = ", ";
	}
	if (d->deleted) {
		st_buf_puts(out, sep);
		st_buf_printf(out, _("%zu deleted"), d->deleted);
		sep = ", ";
	}
	if (d->moved) {
		st_buf_puts(out, sep);
		st_buf_printf(out, _("%zu moved"), d->moved);
	}
	st_buf_putc(out, ')');
}

static void put_segment(st_buf *line, st_diff_op op, const char *s, size_t len, int color)
{
	if (op == ST_DIFF_SAME) {
		st_buf_put(line, s, len);
		return;
	}
	if (color)
		st_buf_puts(line, op == ST_DIFF_DELETED ? COLOR_DEL : COLOR_INS);
	st_buf_puts(line, op == ST_DIFF_DELETED ? "[-" : "{+");
	st_buf_put(line, s, len);
	st_buf_puts(line, op == ST_DIFF_DELETED ? "-]" : "+}");
	if (color)
		st_buf_puts(line, COLOR_RESET);
}

/* The paragraphs of a change, indented: all of them, or those with a change. */
static void text_runs(st_buf *out, const st_diff_runs *r, int all, int color)
{
	st_buf line = ST_BUF_INIT;
	size_t i, k;
	int changed = 0;

	for (i = 0; i < r->n; i++) {
		const st_diff_run *run = &r->runs[i];
		const char *s = r->text.ptr + run->off;
		size_t start = 0;
		for (k = 0; k <= run->len; k++) {
			int end = k == run->len && i + 1 == r->n;
			if (k < run->len && s[k] != '\n')
				continue;
			if (k > start) {
				put_segment(&line, run->op, s + start, k - start, color);
				if (run->op != ST_DIFF_SAME)
					changed = 1;
			}
			if ((k < run->len || end) && line.size) {
				if (all || changed)
					st_buf_printf(out, "    %s\n", line.ptr);
				st_buf_clear(&line);
				changed = 0;
			}
			start = k + 1;
		}
	}
	if (st_buf_failed(&line))
		out->failed = 1;
	st_buf_dispose(&line);
}

/* "    attribute content-type: [-norm-annex-]{+inform-annex+}", one per attribute. */
static void attr_lines(st_buf *out, const st_change *c, int color)
{
	st_buf line = ST_BUF_INIT;
	size_t i;

	for (i = 0; i < c->nattrs; i++) {
		const st_attr_change *a = &c->attrs[i];
		st_buf_clear(&line);
		/* TRANSLATORS: before the name of an XML attribute that changed */
		st_buf_printf(&line, "    %s %s: ", _("attribute"), a->name);
		if (a->from)
			put_segment(&line, ST_DIFF_DELETED, a->from, strlen(a->from), color);
		if (a->to)
			put_segment(&line, ST_DIFF_INSERTED, a->to, strlen(a->to), color);
		st_buf_putc(&line, '\n');
		st_buf_put(out, line.ptr, line.size);
	}
	if (st_buf_failed(&line))
		out->failed = 1;
	st_buf_dispose(&line);
}

static void text_change(st_buf *out, const st_change *c, int color)
{
	const char *word;
	const st_change_side *now = c->to.present ? &c->to : &c->from;
	st_buf head = ST_BUF_INIT;

	/* TRANSLATORS: the kind of a change, first on its line, padded to 9 columns */
	switch (c->type) {
	case ST_CHANGE_INSERTED: word = _("inserted"); break;
	case ST_CHANGE_DELETED: word = _("deleted"); break;
	case ST_CHANGE_MOVED: word = _("moved"); break;
	default: word = _("changed"); break;
	}
	cli_pad(&head, word, 9);
	if (c->from.present && c->to.present && strcmp(c->from.label, c->to.label) != 0)
		st_buf_printf(&head, "%s → %s ", *c->from.label ? c->from.label : "-",
			      *c->to.label ? c->to.label : "-");
	else if (*now->label)
		st_buf_printf(&head, "%s ", now->label);
	if (*now->title)
		st_buf_printf(&head, "%s ", now->title);
	/* the document itself has the empty key: name it by its element */
	st_buf_printf(&head, "[%s]", *c->key ? c->key : c->element);
	if (c->type == ST_CHANGE_MOVED && c->text_changed)
		st_buf_printf(&head, " %s", _("(its text changed too)"));
	if (color)
		st_buf_printf(out, COLOR_HEAD "%s" COLOR_RESET "\n", head.ptr);
	else
		st_buf_printf(out, "%s\n", head.ptr);
	if (st_buf_failed(&head))
		out->failed = 1;
	st_buf_dispose(&head);
	attr_lines(out, c, color);
	text_runs(out, &c->text, c->type == ST_CHANGE_INSERTED || c->type == ST_CHANGE_DELETED, color);
}

/* ---- the command ------------------------------------------------------ */

static int use_color(const char *when, const char *output, int *out, const struct cli *cli)
{
	const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");

	if (!when || strcmp(when, "auto") == 0)
		*out = !output && isatty(STDOUT_FILENO) && !(no_color && *no_color) &&
		       !(term && strcmp(term, "dumb") == 0);
	else if (strcmp(when, "always") == 0)
		*out = 1;
	else if (strcmp(when, "never") == 0)
		*out = 0;
	else
		return cli_usage_error(cli, _("unknown value '%s' for --color (expected auto, always or never)"),
				       when);
	return 0;
}

static int render_html(st_buf *out, const st_buf *xml, const struct cli *cli)
{
	st_buf path = ST_BUF_INIT;
	st_stylesheet *sheet = NULL;
	xmlDoc *doc = NULL;
	int error;

	st_buf_printf(&path, "%s/templates/draft-diff.xsl", cli->datadir);
	if ((error = st_buf_check(&path)) < 0 ||
	    (error = st_xml_parse_memory(&doc, xml->ptr, xml->size, "draft-diff.xml")) < 0 ||
	    (error = st_stylesheet_load(&sheet, path.ptr)) < 0)
		goto done;
	error = st_stylesheet_apply(out, sheet, doc, NULL);
done:
	if (doc)
		xmlFreeDoc(doc);
	st_stylesheet_free(sheet);
	st_buf_dispose(&path);
	return error;
}

int cmd_draft_diff(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = {
		N_("ID [FROM [TO]] [--format text|xml|html] [-o FILE] [--color auto|always|never]"),
		N_("FILE FILE [--format text|xml|html] [-o FILE] [--color auto|always|never]"),
		NULL,
	};
	const char *format = NULL, *output = NULL, *color_when = NULL;
	struct side from, to;
	st_repo *repo = NULL;
	st_draft_meta *meta = NULL;
	st_draft_diff *diff = NULL;
	st_diff_header header;
	st_buf path = ST_BUF_INIT, out = ST_BUF_INIT, xml = ST_BUF_INIT;
	st_profile profile = ST_PROFILE_NONE;
	int n, error = 0, status, color = 0, files;
	size_t i;

	side_init(&from);
	side_init(&to);
	memset(&header, 0, sizeof(header));
	{
		const struct option options[] = {
			OPT_STRING(0, "format", &format, N_("FORMAT"), N_("text (the default), xml or html (a redline page)")),
			OPT_STRING('o', "output", &output, N_("FILE"), N_("write to FILE instead of standard output")),
			OPT_STRING(0, "color", &color_when, N_("WHEN"), N_("colour the text: auto (the default: on a terminal), always or never")),
			OPT_END(),
		};
		if ((n = parse_options(argc, argv, options, usage, cli, 1, 3)) < 0)
			return n == -1 ? EXIT_OK : -n;
	}
	if (format && strcmp(format, "text") != 0 && strcmp(format, "xml") != 0 &&
	    strcmp(format, "html") != 0)
		return cli_usage_error(cli, _("unknown format '%s' (expected text, xml or html)"), format);
	if ((status = use_color(color_when, output, &color, cli)) != 0)
		return status;
	files = looks_like_file(argv[0]);
	if (files && n != 2)
		return cli_usage_error(cli, _("give two files to compare, or a draft id and up to two versions"));

	if (files) {
		from.info.source = to.info.source = "file";
		from.info.path = argv[0];
		to.info.path = argv[1];
		if ((error = parse_path(&from.doc, argv[0], argv[0])) < 0 ||
		    (error = parse_path(&to.doc, argv[1], argv[1])) < 0)
			goto fail;
		profile = st_draft_profile_of(to.doc);
	} else {
		if ((error = st_draft_id_check(argv[0])) < 0)
			goto fail;
		if ((status = cli_open_repo(&repo, cli)) != 0)
			goto done;
		if ((error = st_draft_meta_read(&meta, repo, argv[0])) < 0)
			goto fail;
		st_draft_path(&path, argv[0], "draft.xml");
		if ((error = st_buf_check(&path)) < 0 ||
		    (error = load_side(&from, repo, meta, path.ptr, n > 1 ? argv[1] : NULL, 0)) < 0 ||
		    (error = load_side(&to, repo, meta, path.ptr, n > 2 ? argv[2] : NULL, 1)) < 0)
			goto fail;
		profile = meta->profile;
		header.draft = meta->id;
	}
	header.profile = profile;
	header.from = from.info;
	header.to = to.info;
	/* Two files are numbered each by its own profile; a draft by its meta.xml's. */
	if ((error = st_draft_diff_compute(&diff, from.doc, files ? ST_PROFILE_NONE : profile,
					   to.doc, files ? ST_PROFILE_NONE : profile)) < 0)
		goto fail;

	if (format && strcmp(format, "text") != 0) {
		if ((error = st_draft_diff_xml(&xml, diff, &header)) < 0)
			goto fail;
		if (strcmp(format, "html") == 0) {
			if ((error = render_html(&out, &xml, cli)) < 0)
				goto fail;
		} else {
			st_buf_put(&out, xml.ptr, xml.size);
		}
	} else {
		st_buf line = ST_BUF_INIT;
		if (header.draft)
			st_buf_printf(&line, "%s: ", header.draft);
		describe(&line, &from);
		st_buf_puts(&line, " → ");
		describe(&line, &to);
		st_buf_puts(&line, ": ");
		counts(&line, diff);
		st_buf_printf(&out, "%s\n", line.ptr);
		if (st_buf_failed(&line))
			out.failed = 1;
		st_buf_dispose(&line);
		for (i = 0; i < diff->n; i++)
			text_change(&out, &diff->changes[i], color);
	}
	if ((error = st_buf_check(&out)) < 0)
		goto fail;
	status = cli_write_output(cli, output, out.ptr, out.size);
	if (status == EXIT_OK && diff->n)
		status = EXIT_FINDINGS;
	goto done;
fail:
	status = cli_fail(cli, error);
done:
	st_draft_diff_free(diff);
	side_dispose(&from);
	side_dispose(&to);
	st_draft_meta_free(meta);
	st_repo_free(repo);
	st_buf_dispose(&path);
	st_buf_dispose(&out);
	st_buf_dispose(&xml);
	return status;
}
