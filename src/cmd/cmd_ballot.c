/* cmd_ballot.c: stdtool ballot open|vote|close|show|list. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "st_ballot.h"
#include "st_date.h"
#include "st_draftmeta.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_xml.h"
#include "st_repo.h"
#include "st_stage.h"
#include "st_text.h"

static const char *const ballot_usage[] = {
	N_("open ID --type ni|cd|dis|fdis|sac-review --closes DATE --members FILE"),
	N_("vote ID --member NAME --category p|o|member --vote yes|no|abstain [--reason TEXT] [--replace]"),
	N_("close ID [--early]"),
	N_("show ID [N] [--format text|xml]"),
	N_("list ID [--format text|xml]"),
	NULL,
};

/* Longest reason given with a vote, in characters. */
#define REASON_MAX_CHARS 1000

/* The draft a command works on, with its repository. */
struct target {
	st_repo *repo;
	st_draft_meta *meta;
};

static void target_dispose(struct target *t)
{
	st_draft_meta_free(t->meta);
	st_repo_free(t->repo);
	memset(t, 0, sizeof(*t));
}

/* Opens the repository and reads the draft; prints the error and returns the status. */
static int load_target(struct target *t, const char *id, const struct cli *cli)
{
	int error, status;

	memset(t, 0, sizeof(*t));
	if ((error = st_draft_id_check(id)) < 0)
		return cli_fail(cli, error);
	if ((status = cli_open_repo(&t->repo, cli)) != 0)
		return status;
	if ((error = st_draft_meta_read(&t->meta, t->repo, id)) < 0)
		return cli_fail(cli, error);
	return 0;
}

static void today(char out[11])
{
	st_date_format(out, st_date_today());
}

static const char *category_label(st_ballot_category c)
{
	switch (c) {
	case ST_MEMBER_P: return _("P-member");
	case ST_MEMBER_O: return _("O-member");
	default: return _("member");
	}
}

static int read_file(st_buf *out, const char *path)
{
	char chunk[65536];
	size_t n;
	FILE *fp = fopen(path, "rb");

	if (!fp)
		return st_error_set(ST_ERROR, _("cannot open '%s': %s"), path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		st_buf_put(out, chunk, n);
		if (out->size > 16 * 1024 * 1024) {
			fclose(fp);
			return st_error_set(ST_EINVALID, _("'%s' is too large for a roster"), path);
		}
	}
	if (ferror(fp)) {
		int e = errno;
		fclose(fp);
		return st_error_set(ST_ERROR, _("cannot read '%s': %s"), path, strerror(e));
	}
	fclose(fp);
	return st_buf_check(out);
}

/* Bad roster rows: "FILE:LINE: message", as import reports bad rows. */
static void report_row(size_t line, const char *message, void *payload)
{
	const char *file = payload;

	printf("%s:%zu: %s\n", file, line, message);
}

/* ------------------------------------------------------------------ */
/* open                                                                 */

static int ballot_open(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = {
		N_("ID --type ni|cd|dis|fdis|sac-review --closes DATE --members FILE"),
		NULL,
	};
	const char *type_text = NULL, *closes_text = NULL, *members = NULL;
	st_ballot_sac_params sac;
	st_ballot *b = NULL;
	st_buf roster = ST_BUF_INIT, record = ST_BUF_INIT, path = ST_BUF_INIT, msg = ST_BUF_INIT;
	st_buf rule = ST_BUF_INIT;
	struct target t;
	st_txn *txn = NULL;
	st_date closes;
	unsigned latest = 0;
	size_t i, count[ST_MEMBER_CATEGORIES] = { 0, 0, 0 };
	int n, error, status;

	memset(&t, 0, sizeof(t));
	{
		const struct option options[] = {
			OPT_REQUIRED(0, "type", &type_text, N_("TYPE"),
				     N_("ni, cd, dis or fdis (ISO drafts), sac-review (GB/T drafts)")),
			OPT_REQUIRED(0, "closes", &closes_text, N_("DATE"),
				     N_("the last day of voting, YYYY-MM-DD")),
			OPT_REQUIRED(0, "members", &members, N_("FILE"),
				     N_("the roster: CSV with the columns member and category")),
			OPT_END(),
		};
		if ((n = parse_options(argc, argv, options, usage, cli, 1, 1)) < 0)
			return n == -1 ? EXIT_OK : -n;
	}
	if (!(b = calloc(1, sizeof(*b))))
		return cli_fail(cli, st_error_oom());
	if ((error = st_draft_id_check(argv[0])) < 0 ||
	    (error = st_ballot_type_parse(&b->type, type_text)) < 0 ||
	    (error = st_date_parse(&closes, closes_text, _("the closing date"))) < 0)
		goto fail;
	today(b->opened);
	st_date_format(b->closes, closes);
	if (closes < st_date_today()) {
		error = st_error_set(ST_EINVALID, _("the closing date %s is before today (%s)"),
				     b->closes, b->opened);
		goto fail;
	}
	if ((status = load_target(&t, argv[0], cli)) != 0)
		goto done;
	if ((error = st_ballot_type_fits(b->type, t.meta->profile)) < 0)
		goto fail;
	if ((error = read_file(&roster, members)) < 0)
		goto fail;
	if ((error = st_ballot_roster_parse(b, roster.ptr, roster.size, members, report_row,
					    (void *)members)) < 0) {
		fflush(stdout);
		goto fail;
	}
	if (!(b->draft = strdup(argv[0]))) {
		error = st_error_oom();
		goto fail;
	}
	st_stage_format(b->stage, st_draft_meta_current(t.meta)->stage);
	if (b->type == ST_BALLOT_SAC_REVIEW) {
		if ((error = st_ballot_sac_config(&sac, t.repo)) < 0)
			goto fail;
		st_ballot_rule_for(&b->rule, b->type, &sac);
	} else {
		st_ballot_rule_for(&b->rule, b->type, NULL);
	}

	if ((error = st_txn_begin(&txn, t.repo)) < 0 ||
	    (error = st_ballot_latest(&latest, t.repo, b->draft)) < 0)
		goto fail;
	if (latest) {
		st_ballot *last = NULL;
		if ((error = st_ballot_read(&last, t.repo, b->draft, latest)) < 0)
			goto fail;
		if (!last->closed)
			error = st_error_set(ST_EEXISTS,
				_("ballot #%u on '%s' (%s) is still open (it closes on %s); close it first with 'stdtool ballot close %s'"),
				last->number, b->draft, st_ballot_type_name(last->type), last->closes, b->draft);
		st_ballot_free(last);
		if (error < 0)
			goto fail;
	}
	b->number = latest + 1;
	st_ballot_path(&path, b->draft, b->number, "ballot.xml");
	st_buf_printf(&msg, "ballot: %s %s #%u opened, closes %s\n", b->draft,
		      st_ballot_type_name(b->type), b->number, b->closes);
	if ((error = st_buf_check(&path)) < 0 || (error = st_buf_check(&msg)) < 0 ||
	    (error = st_ballot_serialise(&record, b)) < 0 ||
	    (error = st_txn_put(txn, path.ptr, record.ptr, record.size)) < 0 ||
	    (error = st_txn_commit(txn, msg.ptr, cli->author)) < 0)
		goto fail;

	for (i = 0; i < b->nmembers; i++)
		count[b->members[i].category]++;
	printf(_("Opened ballot #%u on %s (%s): voting from %s to the end of %s\n"),
	       b->number, b->draft, st_ballot_type_name(b->type), b->opened, b->closes);
	if (st_ballot_type_is_iso(b->type))
		printf(_("Roster: P-members %zu, O-members %zu\n"), count[ST_MEMBER_P], count[ST_MEMBER_O]);
	else
		printf(_("Roster: members %zu\n"), count[ST_MEMBER_MEMBER]);
	if (st_ballot_rule_describe(&rule, &b->rule) == 0)
		printf(_("Rule: %s\n"), rule.ptr);
	status = EXIT_OK;
	goto done;
fail:
	status = cli_fail(cli, error);
done:
	st_txn_free(txn);
	st_ballot_free(b);
	target_dispose(&t);
	st_buf_dispose(&roster);
	st_buf_dispose(&record);
	st_buf_dispose(&path);
	st_buf_dispose(&msg);
	st_buf_dispose(&rule);
	return status;
}

/*
 * The draft's latest ballot, to vote in or close: ST_ENOTFOUND when it has
 * none or when that one is closed.
 */
static int open_ballot(st_ballot **out, st_repo *repo, const char *draft)
{
	unsigned latest;
	int error;

	*out = NULL;
	if ((error = st_ballot_latest(&latest, repo, draft)) < 0)
		return error;
	if (!latest)
		return st_error_set(ST_ENOTFOUND,
			_("there is no ballot on draft '%s'; open one with 'stdtool ballot open'"), draft);
	if ((error = st_ballot_read(out, repo, draft, latest)) < 0)
		return error;
	if ((*out)->closed) {
		error = st_error_set(ST_ENOTFOUND,
			_("there is no open ballot on draft '%s': ballot #%u (%s) closed on %s"),
			draft, (*out)->number, st_ballot_type_name((*out)->type), (*out)->closed_on);
		st_ballot_free(*out);
		*out = NULL;
	}
	return error;
}

/* ------------------------------------------------------------------ */
/* vote                                                                 */

static int ballot_vote(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = {
		N_("ID --member NAME --category p|o|member --vote yes|no|abstain [--reason TEXT] [--replace]"),
		NULL,
	};
	const char *member = NULL, *category_text = NULL, *vote_text = NULL, *reason = NULL;
	int replace = 0, n, error, status;
	st_ballot_vote v, *before = NULL;
	const st_ballot_member *m;
	st_ballot *b = NULL;
	st_buf path = ST_BUF_INIT, record = ST_BUF_INIT, msg = ST_BUF_INIT, old = ST_BUF_INIT;
	struct target t;
	st_txn *txn = NULL;
	st_date closes;

	memset(&t, 0, sizeof(t));
	memset(&v, 0, sizeof(v));
	{
		const struct option options[] = {
			OPT_REQUIRED(0, "member", &member, N_("NAME"), N_("the member voting, as on the roster")),
			OPT_REQUIRED(0, "category", &category_text, N_("CATEGORY"),
				     N_("p or o (ISO ballots), member (sac-review), as on the roster")),
			OPT_REQUIRED(0, "vote", &vote_text, N_("VOTE"), N_("yes, no or abstain")),
			OPT_STRING(0, "reason", &reason, N_("TEXT"),
				   N_("the reasons for the vote (ISO: a negative vote without them is not counted)")),
			OPT_FLAG(0, "replace", &replace, N_("replace the member's earlier vote")),
			OPT_END(),
		};
		if ((n = parse_options(argc, argv, options, usage, cli, 1, 1)) < 0)
			return n == -1 ? EXIT_OK : -n;
	}
	if ((error = st_draft_id_check(argv[0])) < 0 ||
	    (error = st_text_check_label(member, _("the member name"), ST_BALLOT_MEMBER_MAX_CHARS)) < 0 ||
	    (error = st_ballot_category_parse(&v.category, category_text)) < 0 ||
	    (error = st_vote_value_parse(&v.vote, vote_text)) < 0 ||
	    (reason && (error = st_text_check_label(reason, _("the reason"), REASON_MAX_CHARS)) < 0))
		return cli_fail(cli, error);
	v.reason = (char *)reason;
	today(v.date);
	if ((status = load_target(&t, argv[0], cli)) != 0)
		goto done;

	if ((error = st_txn_begin(&txn, t.repo)) < 0 ||
	    (error = open_ballot(&b, t.repo, argv[0])) < 0)
		goto fail;
	if (st_date_parse(&closes, b->closes, "closes") == 0 && st_date_today() > closes) {
		error = st_error_set(ST_EINVALID,
			_("ballot #%u on '%s' ran until the end of %s; a vote on %s is late and cannot be recorded"),
			b->number, b->draft, b->closes, v.date);
		goto fail;
	}
	if (!(m = st_ballot_find_member(b, member))) {
		error = st_error_set(ST_EINVALID, _("'%s' is not on the roster of ballot #%u on '%s'"),
				     member, b->number, b->draft);
		goto fail;
	}
	if (m->category != v.category) {
		error = st_error_set(ST_EINVALID,
			_("'%s' is on the roster of ballot #%u on '%s' as %s (%s), not as %s"),
			m->name, b->number, b->draft, st_ballot_category_name(m->category),
			category_label(m->category), st_ballot_category_name(v.category));
		goto fail;
	}
	v.member = m->name; /* as the roster spells it */
	st_ballot_path(&path, b->draft, b->number, "votes/");
	if ((error = st_ballot_member_file(&path, m->name)) < 0)
		goto fail;
	error = st_txn_read(&old, txn, path.ptr);
	if (error == 0) {
		if ((error = st_ballot_vote_parse(&before, old.ptr, old.size, path.ptr)) < 0)
			goto fail;
		if (!replace) {
			error = st_error_set(ST_EEXISTS,
				_("'%s' voted %s in ballot #%u on '%s' on %s already; to correct the vote, give --replace"),
				m->name, st_vote_value_name(before->vote), b->number, b->draft, before->date);
			goto fail;
		}
	} else if (error != ST_ENOTFOUND) {
		goto fail;
	}
	st_error_clear();
	if (before)
		st_buf_printf(&msg, "ballot: %s %s #%u: %s's vote replaced: %s (was %s of %s)\n",
			      b->draft, st_ballot_type_name(b->type), b->number, m->name,
			      st_vote_value_name(v.vote), st_vote_value_name(before->vote), before->date);
	else
		st_buf_printf(&msg, "ballot: %s %s #%u: %s votes %s\n", b->draft,
			      st_ballot_type_name(b->type), b->number, m->name, st_vote_value_name(v.vote));
	if ((error = st_buf_check(&msg)) < 0 ||
	    (error = st_ballot_vote_serialise(&record, &v)) < 0 ||
	    (error = st_txn_put(txn, path.ptr, record.ptr, record.size)) < 0 ||
	    (error = st_txn_commit(txn, msg.ptr, cli->author)) < 0)
		goto fail;
	if (before)
		printf(_("Replaced %s's vote in ballot #%u on %s (%s): %s, was %s of %s\n"), m->name,
		       b->number, b->draft, st_ballot_type_name(b->type), st_vote_value_name(v.vote),
		       st_vote_value_name(before->vote), before->date);
	else
		printf(_("Recorded %s's vote in ballot #%u on %s (%s): %s\n"), m->name, b->number,
		       b->draft, st_ballot_type_name(b->type), st_vote_value_name(v.vote));
	if (st_ballot_type_is_iso(b->type) && v.vote == ST_VOTE_NO && !reason) {
		fflush(stdout);
		fprintf(stderr, _("stdtool: warning: the negative vote of %s has no technical reasons: it is recorded but not counted (ISO/IEC Directives, Part 1); record it again with --replace --reason TEXT\n"),
			m->name);
	}
	status = EXIT_OK;
	goto done;
fail:
	status = cli_fail(cli, error);
done:
	st_txn_free(txn);
	st_ballot_vote_free(before);
	st_ballot_free(b);
	target_dispose(&t);
	st_buf_dispose(&path);
	st_buf_dispose(&record);
	st_buf_dispose(&msg);
	st_buf_dispose(&old);
	return status;
}

/* ------------------------------------------------------------------ */
/* close                                                                */

static size_t count_voted(const st_ballot *b, const st_ballot_votes *votes)
{
	size_t i, n = 0;

	for (i = 0; i < b->nmembers; i++)
		n += st_ballot_votes_find(votes, b->members[i].name) != NULL;
	return n;
}

static void print_explanation(const st_ballot *b, const st_ballot_result *r)
{
	st_buf why = ST_BUF_INIT;

	if (st_ballot_explain(&why, &b->rule, r, "\n  ") == 0)
		printf("  %s\n", why.ptr);
	st_buf_dispose(&why);
}

static int ballot_close(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = { N_("ID [--early]"), NULL };
	int early = 0, n, error, status;
	st_ballot_votes votes = { NULL, 0, 0 };
	st_ballot_result r;
	st_ballot *b = NULL;
	st_buf path = ST_BUF_INIT, record = ST_BUF_INIT, msg = ST_BUF_INIT;
	struct target t;
	st_txn *txn = NULL;
	st_date closes, now = st_date_today();
	size_t voted;

	memset(&t, 0, sizeof(t));
	{
		const struct option options[] = {
			OPT_FLAG(0, "early", &early, N_("close before the end of the closing date")),
			OPT_END(),
		};
		if ((n = parse_options(argc, argv, options, usage, cli, 1, 1)) < 0)
			return n == -1 ? EXIT_OK : -n;
	}
	if ((status = load_target(&t, argv[0], cli)) != 0)
		goto done;
	if ((error = st_txn_begin(&txn, t.repo)) < 0 ||
	    (error = open_ballot(&b, t.repo, argv[0])) < 0 ||
	    (error = st_ballot_read_votes(&votes, t.repo, b)) < 0 ||
	    (error = st_ballot_count_votes(&b->tally, b, votes.votes, votes.n)) < 0 ||
	    (error = st_date_parse(&closes, b->closes, "closes")) < 0)
		goto fail;
	voted = count_voted(b, &votes);
	if (now <= closes && voted < b->nmembers && !early) {
		error = st_error_set(ST_EINVALID,
			Q_("ballot #%u on '%s' runs until the end of %s and %zu member has not voted; to close it now, give --early",
			   "ballot #%u on '%s' runs until the end of %s and %zu members have not voted; to close it now, give --early",
			   b->nmembers - voted),
			b->number, b->draft, b->closes, b->nmembers - voted);
		goto fail;
	}
	if ((error = st_ballot_decide(&r, &b->rule, &b->tally)) < 0)
		goto fail;
	b->closed = 1;
	b->early = now <= closes;
	b->outcome = r.outcome;
	st_date_format(b->closed_on, now);
	st_ballot_path(&path, b->draft, b->number, "ballot.xml");
	st_buf_printf(&msg, "ballot: %s %s #%u closed: %s\n", b->draft, st_ballot_type_name(b->type),
		      b->number, r.outcome == ST_OUTCOME_APPROVED ? "approved" :
				 r.outcome == ST_OUTCOME_VOID ? "void" : "not approved");
	if ((error = st_buf_check(&path)) < 0 || (error = st_buf_check(&msg)) < 0 ||
	    (error = st_ballot_serialise(&record, b)) < 0 ||
	    (error = st_txn_put(txn, path.ptr, record.ptr, record.size)) < 0 ||
	    (error = st_txn_commit(txn, msg.ptr, cli->author)) < 0)
		goto fail;
	printf(_("Closed ballot #%u on %s (%s) on %s: %s\n"), b->number, b->draft,
	       st_ballot_type_name(b->type), b->closed_on,
	       st_ballot_outcome_text(r.outcome));
	print_explanation(b, &r);
	status = EXIT_OK;
	goto done;
fail:
	status = cli_fail(cli, error);
done:
	st_txn_free(txn);
	st_ballot_votes_dispose(&votes);
	st_ballot_free(b);
	target_dispose(&t);
	st_buf_dispose(&path);
	st_buf_dispose(&record);
	st_buf_dispose(&msg);
	return status;
}

/* ------------------------------------------------------------------ */
/* show                                                                 */

static const char *category_plural(st_ballot_category c)
{
	switch (c) {
	case ST_MEMBER_P: return _("P-members");
	case ST_MEMBER_O: return _("O-members");
	default: return _("members");
	}
}

static void show_text(st_buf *out, const st_ballot *b, const st_ballot_votes *votes,
		      const st_ballot_result *r)
{
	st_buf line = ST_BUF_INIT;
	size_t i, width = 0, cat_width = 1, voted = count_voted(b, votes), missing = 0;

	st_buf_printf(out, _("Ballot #%u on %s: %s, opened %s at stage %s, closes %s\n"),
		      b->number, b->draft, st_ballot_type_name(b->type), b->opened, b->stage, b->closes);
	if (b->closed)
		st_buf_printf(out, b->early ? _("Status: closed early, on %s\n") : _("Status: closed on %s\n"),
			      b->closed_on);
	else
		st_buf_printf(out, _("Status: open; %zu of %zu members have voted\n"), voted, b->nmembers);
	if (st_ballot_rule_describe(&line, &b->rule) == 0)
		st_buf_printf(out, _("Rule: %s\n"), line.ptr);
	st_buf_printf(out, "\n%s\n", _("Tally:"));
	for (i = 0; i < ST_MEMBER_CATEGORIES; i++) {
		const st_ballot_count *k = &b->tally.by[i];
		unsigned long long cast = (unsigned long long)k->yes + k->no + k->no_unreasoned + k->abstain;
		if (!k->members)
			continue;
		st_buf_printf(out, "  %s: %lu; ", category_plural((st_ballot_category)i),
			      (unsigned long)k->members);
		if (st_ballot_type_is_iso(b->type))
			st_buf_printf(out, _("yes %lu, no %lu, no without reasons (not counted) %lu, abstain %lu, not voted %llu\n"),
				      (unsigned long)k->yes, (unsigned long)k->no,
				      (unsigned long)k->no_unreasoned, (unsigned long)k->abstain,
				      cast < k->members ? k->members - cast : 0ULL);
		else
			st_buf_printf(out, _("yes %lu, no %lu, abstain %lu, not voted %llu\n"),
				      (unsigned long)k->yes, (unsigned long)(k->no + k->no_unreasoned),
				      (unsigned long)k->abstain,
				      cast < k->members ? k->members - cast : 0ULL);
	}
	for (i = 0; i < votes->n; i++) {
		size_t w = st_utf8_width(votes->votes[i]->member);
		if (w > width)
			width = w;
		w = strlen(st_ballot_category_name(votes->votes[i]->category));
		if (w > cat_width)
			cat_width = w;
	}
	if (votes->n) {
		st_buf_printf(out, "\n%s\n", _("Votes:"));
		for (i = 0; i < votes->n; i++) {
			const st_ballot_vote *v = votes->votes[i];
			st_buf_clear(&line);
			st_buf_puts(&line, "  ");
			cli_pad(&line, v->member, width);
			st_buf_puts(&line, "  ");
			cli_pad(&line, st_ballot_category_name(v->category), cat_width);
			st_buf_puts(&line, "  ");
			cli_pad(&line, st_vote_value_name(v->vote), 7);
			st_buf_printf(&line, "  %s", v->date);
			if (v->reason)
				st_buf_printf(&line, "  %s", v->reason);
			else if (v->vote == ST_VOTE_NO && st_ballot_type_is_iso(b->type))
				st_buf_printf(&line, "  %s", _("(no technical reasons: not counted)"));
			st_buf_printf(out, "%s\n", line.ptr);
		}
	}
	st_buf_clear(&line);
	for (i = 0; i < b->nmembers; i++) {
		if (st_ballot_votes_find(votes, b->members[i].name))
			continue;
		if (missing++)
			st_buf_puts(&line, ", ");
		st_buf_puts(&line, b->members[i].name);
	}
	if (missing)
		st_buf_printf(out, "\n%s %s\n", _("Not voted:"), line.ptr);
	else
		st_buf_printf(out, "\n%s\n", _("Every member on the roster has voted."));
	st_buf_clear(&line);
	if (st_ballot_explain(&line, &b->rule, r, "; ") == 0)
		st_buf_printf(out, b->closed ? _("Result: %s\n") : _("If it closed now: %s\n"), line.ptr);
	st_buf_dispose(&line);
}

static void show_xml_condition(st_buf *out, const char *name, const st_ballot_condition *c,
			       const st_ballot_check *k, int against)
{
	char share[12];

	if (!k->set)
		return;
	st_fraction_format(share, c->share);
	st_buf_printf(out, "  <condition name=\"%s\" %s=\"%s\" of=\"%s\" part=\"%llu\" whole=\"%llu\"",
		      name, against ? "at-most" : c->more_than ? "more-than" : "at-least", share,
		      st_ballot_basis_name(c->of), (unsigned long long)k->part,
		      (unsigned long long)k->whole);
	if (k->whole)
		st_buf_printf(out, " percent=\"%u\"", st_ballot_percent(k->part, k->whole));
	st_buf_printf(out, " met=\"%s\"/>\n", k->met ? "yes" : "no");
}

static void show_xml(st_buf *out, const st_ballot *b, const st_ballot_votes *votes,
		     const st_ballot_result *r)
{
	st_buf why = ST_BUF_INIT;
	size_t i;

	st_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ballot-report draft=\"");
	st_xml_escape(out, b->draft);
	st_buf_printf(out, "\" number=\"%u\" type=\"%s\" opened=\"%s\" closes=\"%s\" stage=\"%s\" status=\"%s\"",
		      b->number, st_ballot_type_name(b->type), b->opened, b->closes, b->stage,
		      b->closed ? "closed" : "open");
	if (b->closed)
		st_buf_printf(out, " closed=\"%s\"%s", b->closed_on, b->early ? " early=\"yes\"" : "");
	st_buf_puts(out, ">\n");
	for (i = 0; i < b->nmembers; i++) {
		const st_ballot_vote *v = st_ballot_votes_find(votes, b->members[i].name);
		st_buf_puts(out, "  <member name=\"");
		st_xml_escape(out, b->members[i].name);
		st_buf_printf(out, "\" category=\"%s\"", st_ballot_category_name(b->members[i].category));
		if (!v) {
			st_buf_puts(out, "/>\n");
			continue;
		}
		st_buf_printf(out, " vote=\"%s\" date=\"%s\"", st_vote_value_name(v->vote), v->date);
		if (v->vote == ST_VOTE_NO && !v->reason && st_ballot_type_is_iso(b->type))
			st_buf_puts(out, " counted=\"no\"");
		if (v->reason) {
			st_buf_puts(out, "><reason>");
			st_xml_escape(out, v->reason);
			st_buf_puts(out, "</reason></member>\n");
		} else {
			st_buf_puts(out, "/>\n");
		}
	}
	for (i = 0; i < ST_MEMBER_CATEGORIES; i++) {
		const st_ballot_count *k = &b->tally.by[i];
		unsigned long long cast = (unsigned long long)k->yes + k->no + k->no_unreasoned + k->abstain;
		if (!k->members)
			continue;
		st_buf_printf(out, "  <count category=\"%s\" members=\"%lu\" yes=\"%lu\" no=\"%lu\" no-without-reasons=\"%lu\" abstain=\"%lu\" not-voted=\"%llu\"/>\n",
			      st_ballot_category_name((st_ballot_category)i), (unsigned long)k->members,
			      (unsigned long)k->yes, (unsigned long)k->no,
			      (unsigned long)k->no_unreasoned, (unsigned long)k->abstain,
			      cast < k->members ? k->members - cast : 0ULL);
	}
	show_xml_condition(out, "quorum", &b->rule.quorum, &r->quorum, 0);
	show_xml_condition(out, "in-favour", &b->rule.in_favour, &r->in_favour, 0);
	show_xml_condition(out, "against", &b->rule.against, &r->against, 1);
	st_ballot_explain(&why, &b->rule, r, "; ");
	st_buf_printf(out, "  <result outcome=\"%s\" final=\"%s\">", st_ballot_outcome_name(r->outcome),
		      b->closed ? "yes" : "no");
	st_xml_escape(out, why.ptr);
	st_buf_puts(out, "</result>\n</ballot-report>\n");
	st_buf_dispose(&why);
}

/* Parses a ballot number operand: 1 .. 999999. */
static int parse_number(unsigned *out, const char *text)
{
	size_t len = strlen(text);

	if (len < 1 || len > 6 || strspn(text, "0123456789") != len || text[0] == '0')
		return st_error_set(ST_EINVALID, _("'%s' is not a ballot number (1, 2, 3 ...)"), text);
	*out = (unsigned)atoi(text);
	return 0;
}

static int ballot_show(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = { N_("ID [N] [--format text|xml]"), NULL };
	const char *format = NULL;
	st_ballot_votes votes = { NULL, 0, 0 };
	st_ballot_result r;
	st_ballot *b = NULL;
	st_buf out = ST_BUF_INIT;
	struct target t;
	unsigned number = 0;
	int n, xml = 0, error, status;

	memset(&t, 0, sizeof(t));
	{
		const struct option options[] = {
			OPT_STRING(0, "format", &format, N_("FORMAT"), N_("text (the default) or xml")),
			OPT_END(),
		};
		if ((n = parse_options(argc, argv, options, usage, cli, 1, 2)) < 0)
			return n == -1 ? EXIT_OK : -n;
	}
	if ((status = cli_format(cli, format, &xml)) != 0)
		return status;
	if (n == 2 && (error = parse_number(&number, argv[1])) < 0)
		return cli_fail(cli, error);
	if ((status = load_target(&t, argv[0], cli)) != 0)
		goto done;
	if (!number) {
		if ((error = st_ballot_latest(&number, t.repo, argv[0])) < 0)
			goto fail;
		if (!number) {
			error = st_error_set(ST_ENOTFOUND,
				_("there is no ballot on draft '%s'; open one with 'stdtool ballot open'"), argv[0]);
			goto fail;
		}
	}
	if ((error = st_ballot_read(&b, t.repo, argv[0], number)) < 0 ||
	    (error = st_ballot_read_votes(&votes, t.repo, b)) < 0)
		goto fail;
	/* A closed ballot shows its result as recorded; an open one, the votes so far. */
	if (!b->closed && (error = st_ballot_count_votes(&b->tally, b, votes.votes, votes.n)) < 0)
		goto fail;
	if ((error = st_ballot_decide(&r, &b->rule, &b->tally)) < 0)
		goto fail;
	if (b->closed)
		r.outcome = b->outcome;
	if (xml)
		show_xml(&out, b, &votes, &r);
	else
		show_text(&out, b, &votes, &r);
	if ((error = st_buf_check(&out)) < 0)
		goto fail;
	fwrite(out.ptr, 1, out.size, stdout);
	status = EXIT_OK;
	goto done;
fail:
	status = cli_fail(cli, error);
done:
	st_ballot_votes_dispose(&votes);
	st_ballot_free(b);
	target_dispose(&t);
	st_buf_dispose(&out);
	return status;
}

/* ------------------------------------------------------------------ */
/* list                                                                 */

static int ballot_list(int argc, char **argv, struct cli *cli)
{
	static const char *const usage[] = { N_("ID [--format text|xml]"), NULL };
	const char *format = NULL;
	st_buf out = ST_BUF_INIT;
	struct target t;
	unsigned latest = 0, i;
	int n, xml = 0, error, status;

	memset(&t, 0, sizeof(t));
	{
		const struct option options[] = {
			OPT_STRING(0, "format", &format, N_("FORMAT"), N_("text (the default) or xml")),
			OPT_END(),
		};
		if ((n = parse_options(argc, argv, options, usage, cli, 1, 1)) < 0)
			return n == -1 ? EXIT_OK : -n;
	}
	if ((status = cli_format(cli, format, &xml)) != 0)
		return status;
	if ((status = load_target(&t, argv[0], cli)) != 0)
		goto done;
	if ((error = st_ballot_latest(&latest, t.repo, argv[0])) < 0)
		goto fail;
	if (xml) {
		st_buf_puts(&out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ballots draft=\"");
		st_xml_escape(&out, argv[0]);
		st_buf_puts(&out, latest ? "\">\n" : "\"/>\n");
	} else if (latest) {
		st_buf_puts(&out, "  #  ");
		cli_pad(&out, _("TYPE"), 10);
		st_buf_puts(&out, "  ");
		cli_pad(&out, _("STAGE"), 5);
		st_buf_puts(&out, "  ");
		cli_pad(&out, _("OPENED"), 10);
		st_buf_puts(&out, "  ");
		cli_pad(&out, _("CLOSES"), 10);
		st_buf_printf(&out, "  %s\n", _("STATUS"));
	} else {
		st_buf_printf(&out, _("No ballots on %s yet; open one with 'stdtool ballot open'.\n"), argv[0]);
	}
	for (i = 1; i <= latest; i++) {
		st_ballot_votes votes = { NULL, 0, 0 };
		st_ballot *b = NULL;
		size_t voted;
		if ((error = st_ballot_read(&b, t.repo, argv[0], i)) < 0 ||
		    (error = st_ballot_read_votes(&votes, t.repo, b)) < 0) {
			st_ballot_free(b);
			goto fail;
		}
		voted = count_voted(b, &votes);
		if (xml) {
			st_buf_printf(&out, "  <ballot number=\"%u\" type=\"%s\" stage=\"%s\" opened=\"%s\" closes=\"%s\" members=\"%zu\" voted=\"%zu\" status=\"%s\"",
				      b->number, st_ballot_type_name(b->type), b->stage, b->opened,
				      b->closes, b->nmembers, voted, b->closed ? "closed" : "open");
			if (b->closed)
				st_buf_printf(&out, " closed=\"%s\" outcome=\"%s\"", b->closed_on,
					      st_ballot_outcome_name(b->outcome));
			st_buf_puts(&out, "/>\n");
		} else {
			st_buf_printf(&out, "%3u  ", b->number);
			cli_pad(&out, st_ballot_type_name(b->type), 10);
			st_buf_printf(&out, "  %s  %s  %s  ", b->stage, b->opened, b->closes);
			if (b->closed)
				st_buf_printf(&out, _("closed %s: %s"), b->closed_on,
					      st_ballot_outcome_text(b->outcome));
			else
				st_buf_printf(&out, _("open, %zu of %zu voted"), voted, b->nmembers);
			st_buf_putc(&out, '\n');
		}
		st_ballot_votes_dispose(&votes);
		st_ballot_free(b);
	}
	if (xml && latest)
		st_buf_puts(&out, "</ballots>\n");
	if ((error = st_buf_check(&out)) < 0)
		goto fail;
	fwrite(out.ptr, 1, out.size, stdout);
	status = EXIT_OK;
	goto done;
fail:
	status = cli_fail(cli, error);
done:
	target_dispose(&t);
	st_buf_dispose(&out);
	return status;
}

static const struct subcommand ballot_commands[] = {
	{ "open", ballot_open },
	{ "vote", ballot_vote },
	{ "close", ballot_close },
	{ "show", ballot_show },
	{ "list", ballot_list },
};

int cmd_ballot(int argc, char **argv, struct cli *cli)
{
	char prog[128];

	return cli_dispatch(argc, argv, cli, ballot_commands,
			    sizeof(ballot_commands) / sizeof(ballot_commands[0]),
			    ballot_usage, prog, sizeof(prog));
}
