/* cmd_claim_grant.c: stdtool claim-grant, what an organisation may claim. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "cli.h"
#include "commands.h"
#include "st_claim.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_org.h"
#include "st_policy.h"
#include "st_repo.h"
#include "st_secretariat.h"
#include "st_standard.h"
#include "st_text.h"
#include "st_xml.h"

#define DEFAULT_POLICY "gd-ai-robotics-2025"

static const char *const claim_usage[] = {
	N_("--org USCC [--policy NAME|FILE] [--as-of DATE] [--format text|xml|html] [-o FILE] [--file]"),
	N_("--all [--policy NAME|FILE] [--as-of DATE] [--format text|xml] [-o FILE]"),
	NULL,
};

struct records {
	st_standard **standards;
	size_t nstandards, astandards;
	st_secretariat **secretariats;
	size_t nsecretariats, asecretariats;
	st_org **orgs;
	size_t norgs, aorgs;
};

static int take_standard(st_standard *std, void *p)
{
	struct records *r = p;

	if (st_array_grow(&r->standards, &r->astandards, r->nstandards, sizeof(*r->standards)) < 0) {
		st_standard_free(std);
		return ST_ERROR;
	}
	r->standards[r->nstandards++] = std;
	return 0;
}

static int take_secretariat(st_secretariat *sec, void *p)
{
	struct records *r = p;

	if (st_array_grow(&r->secretariats, &r->asecretariats, r->nsecretariats, sizeof(*r->secretariats)) < 0) {
		st_secretariat_free(sec);
		return ST_ERROR;
	}
	r->secretariats[r->nsecretariats++] = sec;
	return 0;
}

static int take_org(const st_org *org, void *p)
{
	struct records *r = p;
	st_org *copy = NULL;
	int error;

	if ((error = st_org_dup(&copy, org)) < 0)
		return error;
	if (st_array_grow(&r->orgs, &r->aorgs, r->norgs, sizeof(*r->orgs)) < 0) {
		st_org_free(copy);
		return ST_ERROR;
	}
	r->orgs[r->norgs++] = copy;
	return 0;
}

static void records_free(struct records *r)
{
	size_t i;

	for (i = 0; i < r->nstandards; i++)
		st_standard_free(r->standards[i]);
	for (i = 0; i < r->nsecretariats; i++)
		st_secretariat_free(r->secretariats[i]);
	for (i = 0; i < r->norgs; i++)
		st_org_free(r->orgs[i]);
	free(r->standards);
	free(r->secretariats);
	free(r->orgs);
}

static int render_html(st_buf *out, const st_claim *claim, const char *datadir)
{
	st_buf xml = ST_BUF_INIT, path = ST_BUF_INIT;
	st_stylesheet *sheet = NULL;
	xmlDoc *doc = NULL;
	int error;

	st_buf_printf(&path, "%s/templates/claim-form.xsl", datadir);
	if ((error = st_buf_check(&path)) < 0 ||
	    (error = st_claim_to_xml(&xml, claim, 1)) < 0 ||
	    (error = st_xml_parse_memory(&doc, xml.ptr, xml.size, "claim.xml")) < 0 ||
	    (error = st_stylesheet_load(&sheet, path.ptr)) < 0)
		goto done;
	error = st_stylesheet_apply(out, sheet, doc, NULL);
done:
	st_stylesheet_free(sheet);
	xmlFreeDoc(doc);
	st_buf_dispose(&xml);
	st_buf_dispose(&path);
	return error;
}

static int claim_one(struct cli *cli, st_repo *repo, const st_policy *policy, const st_ledger *ledger,
		     const char *org_arg, st_date as_of, const char *format, const char *output,
		     int file)
{
	struct records r;
	st_org *org = NULL;
	st_claim *claim = NULL;
	st_buf out = ST_BUF_INIT;
	char uscc[ST_USCC_LEN + 1], wan[32], *staged = NULL;
	size_t filed = 0;
	int error, status = EXIT_RUNTIME;

	memset(&r, 0, sizeof(r));
	if ((error = st_uscc_normalise(uscc, org_arg)) < 0)
		return cli_fail(cli, error);
	if ((error = st_org_get(&org, repo, uscc)) < 0 ||
	    (error = st_standard_each(repo, uscc, take_standard, &r)) < 0 ||
	    (error = st_secretariat_each(repo, uscc, take_secretariat, &r)) < 0 ||
	    (error = st_claim_compute(&claim, policy, org, r.standards, r.nstandards,
				      r.secretariats, r.nsecretariats, ledger, as_of)) < 0) {
		status = cli_fail_runtime(cli);
		goto done;
	}
	if (strcmp(format, "xml") == 0)
		error = st_claim_to_xml(&out, claim, 0);
	else if (strcmp(format, "html") == 0)
		error = render_html(&out, claim, cli->datadir);
	else
		error = st_claim_to_text(&out, claim);
	if (error < 0) {
		status = cli_fail_runtime(cli);
		goto done;
	}
	/* With --file, the output file is written first and appears only
	 * once the claim is committed: never a record without its form, nor
	 * a form for a claim that was not recorded. */
	if (output && (status = cli_output_stage(cli, output, out.ptr, out.size, &staged)) != EXIT_OK)
		goto done;
	if (file) {
		if ((error = st_claim_file(repo, claim, cli->author, &filed)) < 0) {
			status = cli_fail(cli, error);
			goto done;
		}
	}
	if (output) {
		status = cli_output_publish(cli, staged, output, out.ptr, out.size);
		staged = NULL;
		if (status != EXIT_OK)
			goto done;
	} else {
		fwrite(out.ptr, 1, out.size, stdout);
	}
	if (file) {
		fflush(stdout);
		st_yuan_to_wan(wan, sizeof(wan), claim->total_yuan);
		if (filed)
			fprintf(stderr, Q_("Filed %zu item, %s 万元, under %s\n",
					   "Filed %zu items, %s 万元, under %s\n", filed), filed, wan, policy->id);
		else
			fprintf(stderr, "%s\n", _("Nothing to file: no item is eligible"));
	}
	status = EXIT_OK;
done:
	cli_output_discard(staged);
	st_buf_dispose(&out);
	st_claim_free(claim);
	st_org_free(org);
	records_free(&r);
	return status;
}

static int uscc_cmp(const void *a, const void *b)
{
	return strcmp((*(st_org *const *)a)->uscc, (*(st_org *const *)b)->uscc);
}

/* Per organisation: its standards and secretariats, found in one pass. */
struct bucket {
	st_standard **standards;
	size_t nstandards, astandards;
	st_secretariat **secretariats;
	size_t nsecretariats, asecretariats;
};

static long org_index(struct records *r, const char *uscc)
{
	size_t lo = 0, hi = r->norgs;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(r->orgs[mid]->uscc, uscc);
		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static int claim_all(struct cli *cli, st_repo *repo, const st_policy *policy, const st_ledger *ledger,
		     st_date as_of, const char *format, const char *output)
{
	struct records r;
	struct bucket *buckets = NULL;
	st_buf out = ST_BUF_INIT;
	long long grand = 0;
	size_t i, k, with_items = 0, eligible_orgs = 0;
	int xml = strcmp(format, "xml") == 0, error, status = EXIT_RUNTIME;
	char wan[32], date[11];

	memset(&r, 0, sizeof(r));
	if ((error = st_org_each(repo, take_org, &r)) < 0 ||
	    (error = st_standard_each(repo, NULL, take_standard, &r)) < 0 ||
	    (error = st_secretariat_each(repo, NULL, take_secretariat, &r)) < 0) {
		status = cli_fail_runtime(cli);
		goto done;
	}
	if (r.norgs)
		qsort(r.orgs, r.norgs, sizeof(*r.orgs), uscc_cmp);
	if (!(buckets = calloc(r.norgs + 1, sizeof(*buckets)))) {
		status = cli_fail_runtime(cli);
		goto done;
	}
	for (i = 0; i < r.nstandards; i++) {
		const st_standard *s = r.standards[i];
		for (k = 0; k < s->ndrafters + s->nroles; k++) {
			const char *u = k < s->ndrafters ? s->drafters[k].uscc : s->roles[k - s->ndrafters].uscc;
			long o = org_index(&r, u);
			struct bucket *b;
			if (o < 0)
				continue;
			b = &buckets[o];
			/* An organisation with two roles in one standard gets it once. */
			if (b->nstandards && b->standards[b->nstandards - 1] == s)
				continue;
			if (st_array_grow(&b->standards, &b->astandards, b->nstandards, sizeof(*b->standards)) < 0) {
				status = cli_fail_runtime(cli);
				goto done;
			}
			b->standards[b->nstandards++] = r.standards[i];
		}
	}
	for (i = 0; i < r.nsecretariats; i++) {
		long o = org_index(&r, r.secretariats[i]->uscc);
		struct bucket *b;
		if (o < 0)
			continue;
		b = &buckets[o];
		if (st_array_grow(&b->secretariats, &b->asecretariats, b->nsecretariats, sizeof(*b->secretariats)) < 0) {
			status = cli_fail_runtime(cli);
			goto done;
		}
		b->secretariats[b->nsecretariats++] = r.secretariats[i];
	}
	st_date_format(date, as_of);
	if (xml)
		st_buf_printf(&out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<claims policy=\"%s\" as-of=\"%s\">\n",
			      policy->id, date);
	else {
		cli_pad(&out, _("USCC"), 20);
		cli_pad(&out, _("ITEMS"), 8);
		cli_pad(&out, _("ELIGIBLE"), 10);
		cli_pad(&out, _("TOTAL (万元)"), 14);
		st_buf_printf(&out, "%s\n", _("NAME"));
	}
	for (i = 0; i < r.norgs; i++) {
		st_claim *claim = NULL;
		size_t eligible;
		if ((error = st_claim_compute(&claim, policy, r.orgs[i], buckets[i].standards,
					      buckets[i].nstandards, buckets[i].secretariats,
					      buckets[i].nsecretariats, ledger, as_of)) < 0) {
			status = cli_fail_runtime(cli);
			goto done;
		}
		eligible = st_claim_eligible_count(claim);
		with_items += claim->nitems > 0;
		eligible_orgs += eligible > 0;
		grand += claim->total_yuan;
		st_yuan_to_wan(wan, sizeof(wan), claim->total_yuan);
		if (xml) {
			xmlChar *name = xmlEncodeSpecialChars(NULL, (const xmlChar *)claim->org->name);
			st_buf_printf(&out, "  <claim org=\"%s\" items=\"%zu\" eligible=\"%zu\" total-yuan=\"%lld\" name=\"%s\"/>\n",
				      claim->org->uscc, claim->nitems, eligible, claim->total_yuan,
				      name ? (const char *)name : "");
			xmlFree(name);
		} else {
			st_buf_printf(&out, "%-20s%-8zu%-10zu%-14s%s\n", claim->org->uscc, claim->nitems,
				      eligible, wan, claim->org->name);
		}
		st_claim_free(claim);
	}
	st_yuan_to_wan(wan, sizeof(wan), grand);
	if (xml)
		st_buf_printf(&out, "</claims>\n");
	else
		st_buf_printf(&out, _("\n%zu organisations, %zu with standards or secretariats, %zu eligible; total %s 万元 (%lld yuan) under %s\n"),
			      r.norgs, with_items, eligible_orgs, wan, grand, policy->id);
	if (st_buf_check(&out) < 0) {
		status = cli_fail_runtime(cli);
		goto done;
	}
	status = cli_write_output(cli, output, out.ptr, out.size);
done:
	for (i = 0; buckets && i < r.norgs; i++) {
		free(buckets[i].standards);
		free(buckets[i].secretariats);
	}
	free(buckets);
	st_buf_dispose(&out);
	records_free(&r);
	return status;
}

int cmd_claim_grant(int argc, char **argv, struct cli *cli)
{
	const char *org = NULL, *policy_name = DEFAULT_POLICY, *as_of_text = NULL,
		   *format = "text", *output = NULL;
	int all = 0, file = 0, n, error, status;
	const struct option options[] = {
		OPT_STRING(0, "org", &org, N_("USCC"), N_("the applicant organisation")),
		OPT_FLAG(0, "all", &all, N_("every registered organisation, one line each")),
		OPT_STRING(0, "policy", &policy_name, N_("NAME|FILE"),
			   N_("the policy (default gd-ai-robotics-2025): a name in policies/, or a file")),
		OPT_STRING(0, "as-of", &as_of_text, N_("DATE"), N_("compute as on this date (default today)")),
		OPT_STRING(0, "format", &format, N_("FORMAT"),
			   N_("text (a table, the default), xml, or html (the application form)")),
		OPT_STRING('o', "output", &output, N_("FILE"), N_("write to FILE instead of standard output")),
		OPT_FLAG(0, "file", &file, N_("record the eligible items as claimed (one commit)")),
		OPT_END(),
	};
	st_policy *policy = NULL;
	st_ledger *ledger = NULL;
	st_repo *repo = NULL;
	st_date as_of = st_date_today();

	if ((n = parse_options(argc, argv, options, claim_usage, cli, 0, 0)) < 0)
		return n == -1 ? EXIT_OK : -n;
	if (!!org + all != 1)
		return cli_usage_error(cli, _("give either --org USCC or --all"));
	if (strcmp(format, "text") != 0 && strcmp(format, "xml") != 0 && strcmp(format, "html") != 0)
		return cli_usage_error(cli, _("unknown format '%s' (expected text, xml or html)"), format);
	if (all && strcmp(format, "html") == 0)
		return cli_usage_error(cli, _("--format html makes one organisation's form; use it with --org"));
	if (all && file)
		return cli_usage_error(cli, _("--file records one organisation's claim; use it with --org"));
	if (as_of_text && (error = st_date_parse(&as_of, as_of_text, _("the --as-of date"))) < 0)
		return cli_fail(cli, error);
	if ((status = cli_open_repo(&repo, cli)) != 0)
		return status;
	if ((error = st_policy_find(&policy, repo, policy_name, cli->datadir)) < 0) {
		status = cli_fail(cli, error);
		goto done;
	}
	if ((error = st_ledger_load(&ledger, repo, policy->id)) < 0) {
		status = cli_fail_runtime(cli);
		goto done;
	}
	if (all)
		status = claim_all(cli, repo, policy, ledger, as_of, format, output);
	else
		status = claim_one(cli, repo, policy, ledger, org, as_of, format, output, file);
done:
	st_ledger_free(ledger);
	st_policy_free(policy);
	st_repo_free(repo);
	return status;
}
