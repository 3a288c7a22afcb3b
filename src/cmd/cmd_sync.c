/* cmd_sync.c: stdtool sync, which shares the branch with a Git remote. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "st_buf.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_repo.h"
#include "st_sync.h"

static const char *const sync_usage[] = {
	N_("[REMOTE]"),
	NULL,
};

static void piece(st_buf *line, const char *text)
{
	st_buf_puts(line, line->size ? ", " : "sync: ");
	st_buf_puts(line, text);
}

/*
 * One line of what happened: "sync: fetched 3 commits from origin, merged
 * with 1 local commit, pushed"; 'complete' when the push went through too.
 */
static void summary(st_buf *line, const st_sync_result *r, int complete)
{
	st_buf part = ST_BUF_INIT;

	if (r->fetched) {
		st_buf_printf(&part, Q_("fetched %zu commit from %s", "fetched %zu commits from %s",
					r->fetched), r->fetched, r->remote);
		piece(line, part.ptr);
		st_buf_clear(&part);
	}
	if (r->outcome == ST_SYNC_FAST_FORWARD) {
		st_buf_printf(&part, _("fast-forwarded %s"), r->branch);
		piece(line, part.ptr);
		st_buf_clear(&part);
	} else if (r->outcome == ST_SYNC_MERGED) {
		st_buf_printf(&part, Q_("merged with %zu local commit", "merged with %zu local commits",
					r->local), r->local);
		piece(line, part.ptr);
		st_buf_clear(&part);
		if (r->pushed)
			piece(line, _("pushed"));
	} else if (r->outcome == ST_SYNC_AHEAD && r->pushed) {
		st_buf_printf(&part, Q_("pushed %zu commit to %s/%s", "pushed %zu commits to %s/%s",
					r->local), r->local, r->remote, r->remote_branch);
		piece(line, part.ptr);
		st_buf_clear(&part);
	}
	if (r->tags_fetched) {
		st_buf_printf(&part, Q_("fetched %zu tag", "fetched %zu tags", r->tags_fetched),
			      r->tags_fetched);
		piece(line, part.ptr);
		st_buf_clear(&part);
	}
	if (r->tags_pushed) {
		st_buf_printf(&part, Q_("pushed %zu tag", "pushed %zu tags", r->tags_pushed),
			      r->tags_pushed);
		piece(line, part.ptr);
		st_buf_clear(&part);
	}
	if (!line->size && complete) {
		st_buf_printf(&part, _("already up to date with %s/%s"), r->remote, r->remote_branch);
		piece(line, part.ptr);
	}
	if (line->size)
		st_buf_putc(line, '\n');
	st_buf_dispose(&part);
}

/*
 * A line per draft whose comments made here moved past the remote's
 * numbers: "sync: comments on draft 'arm' made here are renumbered after
 * those of origin: 3 is now 5, 4 is now 6".
 */
static void renumbered(st_buf *out, const st_sync_result *r)
{
	const st_comment_renumbering *rn = &r->renumbered;
	size_t i;

	for (i = 0; i < rn->n; i++) {
		const st_comment_renumber *m = &rn->items[i];
		if (i == 0 || strcmp(m->draft, rn->items[i - 1].draft) != 0) {
			if (i)
				st_buf_putc(out, '\n');
			st_buf_puts(out, "sync: ");
			st_buf_printf(out, _("comments on draft '%s' made here are renumbered after those of %s:"),
				      m->draft, r->remote);
		} else {
			st_buf_putc(out, ',');
		}
		st_buf_putc(out, ' ');
		st_buf_printf(out, _("%u is now %u"), m->from, m->to);
	}
	if (rn->n)
		st_buf_putc(out, '\n');
}

/*
 * A line per ballot closed at one site and counted again with the votes
 * recorded at the other.
 */
static void recounted(st_buf *out, const st_sync_result *r)
{
	size_t i;

	for (i = 0; i < r->recounts.n; i++) {
		const st_ballot_recount *c = &r->recounts.items[i];
		st_buf_puts(out, "sync: ");
		st_buf_printf(out, _("ballot #%u on '%s' was closed at one site while votes were recorded at the other: counted again with %zu votes instead of %zu, %s (was %s)"),
			      c->number, c->draft, c->votes_now, c->votes_was,
			      st_ballot_outcome_text(c->now), st_ballot_outcome_text(c->was));
		st_buf_putc(out, '\n');
	}
}

static const char *conflict_text(st_sync_conflict_kind kind)
{
	switch (kind) {
	case ST_SYNC_BOTH_ADDED:
		return _("added on both sides, differently");
	case ST_SYNC_REMOVED_HERE:
		return _("removed here, changed there");
	case ST_SYNC_REMOVED_THERE:
		return _("changed here, removed there");
	case ST_SYNC_TAG:
		return _("a tag of this name names another object on each side");
	case ST_SYNC_BOTH_CHANGED:
	default:
		return _("changed on both sides, differently");
	}
}

int cmd_sync(int argc, char **argv, struct cli *cli)
{
	const struct option options[] = { OPT_END() };
	st_sync_options opts = { NULL, NULL };
	st_sync_result result;
	st_repo *repo = NULL;
	st_buf line = ST_BUF_INIT;
	size_t i;
	int n, error, status;

	if ((n = parse_options(argc, argv, options, sync_usage, cli, 0, 1)) < 0)
		return n == -1 ? EXIT_OK : -n;
	opts.remote = n ? argv[0] : NULL;
	opts.author = cli->author;
	if ((status = cli_open_repo(&repo, cli)) != 0)
		return status;
	error = st_sync(&result, repo, &opts);

	if (error == ST_ECONFLICT && result.nconflicts) {
		/* The files on standard output, as 'stdtool check' lists findings. */
		for (i = 0; i < result.nconflicts; i++) {
			const st_sync_conflict *c = &result.conflicts[i];
			if (c->kind == ST_SYNC_TAG)
				printf(_("conflict: tag %s: %s\n"), c->path, conflict_text(c->kind));
			else
				printf(_("conflict: %s: %s\n"), c->path, conflict_text(c->kind));
		}
		fflush(stdout);
		cli_error(cli, "%s", st_error_last());
		status = EXIT_FINDINGS;
		goto done;
	}
	if (error == ST_EINVALID && result.invalid_record) {
		cli_error(cli, "%s", st_error_last());
		status = EXIT_FINDINGS;
		goto done;
	}
	if (error == 0 || result.done_here) {
		/* A failed push comes after a good sync here: say what was done. */
		summary(&line, &result, error == 0);
		renumbered(&line, &result);
		recounted(&line, &result);
		if (st_buf_check(&line) == 0)
			fputs(line.ptr, stdout);
	}
	status = error < 0 ? cli_fail(cli, error) : EXIT_OK;
done:
	st_buf_dispose(&line);
	st_sync_result_dispose(&result);
	st_repo_free(repo);
	return status;
}
