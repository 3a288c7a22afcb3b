/* st_claim.c: eligibility and amounts under a grant policy. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "st_claim.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_text.h"
#include "st_xml.h"

/* --- the ledger of filed items -------------------------------------- */

struct ledger_entry {
	char *key;   /* "standard\tREF" or "secretariat\tREF" */
	char uscc[ST_USCC_LEN + 1];
	int year;
	long long amount;
};

struct st_ledger {
	struct ledger_entry *entries;
	size_t n, alloc;
	int sorted;
};

void st_ledger_free(st_ledger *l)
{
	size_t i;

	if (!l)
		return;
	for (i = 0; i < l->n; i++)
		free(l->entries[i].key);
	free(l->entries);
	free(l);
}

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct ledger_entry *)a)->key, ((const struct ledger_entry *)b)->key);
}

static int ledger_add(st_ledger *l, const char *kind, const char *ref, const char *uscc,
		      int year, long long amount)
{
	struct ledger_entry *e;
	st_buf key = ST_BUF_INIT;

	if (l->n == l->alloc) {
		size_t n = l->alloc ? l->alloc * 2 : 16;
		struct ledger_entry *grown = realloc(l->entries, n * sizeof(*grown));
		if (!grown)
			return st_error_oom();
		l->entries = grown;
		l->alloc = n;
	}
	st_buf_printf(&key, "%s\t%s", kind, ref);
	if (st_buf_check(&key) < 0)
		return ST_ERROR;
	e = &l->entries[l->n++];
	e->key = st_buf_detach(&key);
	snprintf(e->uscc, sizeof(e->uscc), "%s", uscc);
	e->year = year;
	e->amount = amount;
	l->sorted = 0;
	return 0;
}

static const struct ledger_entry *ledger_find(const st_ledger *l, const char *kind, const char *ref)
{
	struct ledger_entry probe;
	char key[256];

	if (!l || !l->n)
		return NULL;
	snprintf(key, sizeof(key), "%s\t%s", kind, ref);
	probe.key = key;
	return bsearch(&probe, l->entries, l->n, sizeof(*l->entries), entry_cmp);
}

/* The filing of 'uscc' for an item if there is one, else anyone's. */
static const struct ledger_entry *ledger_find_for(const st_ledger *l, const char *kind,
						  const char *ref, const char *uscc)
{
	const struct ledger_entry *hit = ledger_find(l, kind, ref);
	size_t at, i;

	if (!hit)
		return NULL;
	/* Entries with one key sit together; look at all of them. */
	at = (size_t)(hit - l->entries);
	for (i = at + 1; i-- > 0 && strcmp(l->entries[i].key, hit->key) == 0;)
		if (strcmp(l->entries[i].uscc, uscc) == 0)
			return &l->entries[i];
	for (i = at + 1; i < l->n && strcmp(l->entries[i].key, hit->key) == 0; i++)
		if (strcmp(l->entries[i].uscc, uscc) == 0)
			return &l->entries[i];
	return hit;
}

static long long ledger_year_total(const st_ledger *l, const char *uscc, int year)
{
	long long total = 0;
	size_t i;

	for (i = 0; l && i < l->n; i++)
		if (l->entries[i].year == year && strcmp(l->entries[i].uscc, uscc) == 0)
			total += l->entries[i].amount;
	return total;
}

struct ledger_load {
	st_ledger *ledger;
	const char *folder;
};

static int load_filing(const char *name, const char *data, size_t len, void *p)
{
	struct ledger_load *s = p;
	xmlDoc *doc = NULL;
	xmlNode *root, *filing, *item;
	char path[256];
	int error;

	snprintf(path, sizeof(path), "%s/%s", s->folder, name);
	if ((error = st_xml_parse_memory(&doc, data, len, path)) < 0)
		return error;
	root = xmlDocGetRootElement(doc);
	{
		char *org = st_xml_attr(root, "org");
		for (filing = root->children; filing && !error; filing = filing->next) {
			if (filing->type != XML_ELEMENT_NODE)
				continue;
			for (item = filing->children; item && !error; item = item->next) {
				char *kind, *ref, *amount, *year, *number;
				if (item->type != XML_ELEMENT_NODE)
					continue;
				kind = st_xml_attr(item, "kind");
				ref = st_xml_attr(item, "ref");
				amount = st_xml_attr(item, "amount-yuan");
				year = st_xml_attr(item, "year");
				number = st_xml_attr(item, "number");
				if (kind && ref && amount && year && org)
					error = ledger_add(s->ledger, kind, ref, org, atoi(year), atoll(amount));
				/* A standard re-recorded under another id is still the
				 * same standard: its number is the key that matters.
				 * Counted once, so only the ref carries the amount. */
				if (!error && number && org)
					error = ledger_add(s->ledger, "standard-number", number, org, 0, 0);
				free(number);
				free(kind);
				free(ref);
				free(amount);
				free(year);
			}
		}
		free(org);
	}
	xmlFreeDoc(doc);
	return error;
}

int st_ledger_load(st_ledger **out, st_repo *repo, const char *policy_id)
{
	st_ledger *l;
	st_buf folder = ST_BUF_INIT;
	struct ledger_load s;
	int error;

	*out = NULL;
	if (!(l = calloc(1, sizeof(*l))))
		return st_error_oom();
	st_buf_printf(&folder, "claims/%s", policy_id);
	if ((error = st_buf_check(&folder)) < 0)
		goto done;
	s.ledger = l;
	s.folder = folder.ptr;
	if ((error = st_repo_each_blob(repo, folder.ptr, load_filing, &s)) < 0)
		goto done;
	if (l->n)
		qsort(l->entries, l->n, sizeof(*l->entries), entry_cmp);
	l->sorted = 1;
	*out = l;
	l = NULL;
done:
	st_buf_dispose(&folder);
	st_ledger_free(l);
	return error;
}

/* --- claims ---------------------------------------------------------- */

static void item_free(st_claim_item *it)
{
	size_t i;

	free(it->ref);
	free(it->label);
	free(it->number);
	for (i = 0; i < it->nreasons; i++) {
		free(it->reasons[i].message);
		free(it->reasons[i].message_c);
	}
	free(it->reasons);
	for (i = 0; i < it->nevidence; i++) {
		free(it->evidence[i]);
		free(it->evidence_c[i]);
	}
	free(it->evidence);
	free(it->evidence_c);
}

void st_claim_free(st_claim *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->nitems; i++)
		item_free(&c->items[i]);
	free(c->items);
	st_org_free(c->org);
	free(c);
}

size_t st_claim_eligible_count(const st_claim *c)
{
	size_t i, n = 0;

	for (i = 0; i < c->nitems; i++)
		n += c->items[i].eligible;
	return n;
}

static const char *role_name(const char *role, int translated);

/* Ids inside sentences read as words, in each language. */
static const char *value_name(const char *value, int translated)
{
	static const char *const names[][2] = {
		{ "international", N_("international") }, { "national", N_("national") },
		{ "industry", N_("industry") }, { "local", N_("local") }, { "group", N_("group") },
		{ "provincial", N_("provincial") }, { "municipal", N_("municipal") },
		{ "district", N_("district") },
		{ "enterprise", N_("enterprise") }, { "research-institute", N_("research institute") },
		{ "university", N_("university") }, { "association", N_("association") },
		{ "government", N_("government body") }, { "other", N_("other organisation") },
		{ "is", N_("International Standard") }, { "ts", N_("Technical Specification") },
		{ "tr", N_("Technical Report") }, { "pas", N_("Publicly Available Specification") },
		{ "rec", N_("ITU Recommendation") }, { "standard", N_("standard") },
		{ "guidance", N_("guidance document") },
		{ "tc", N_("technical committee") }, { "sc", N_("subcommittee") },
		{ "wg", N_("working group") },
		{ "published", N_("publication") }, { "implemented", N_("implementation") },
		{ "approved", N_("approval") },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(names[i][0], value) == 0)
			return translated ? _(names[i][1]) : names[i][1];
	return value;
}

/* One %s argument of a message, as each language shows it. */
struct arg {
	const char *translated;
	const char *c;
};

static struct arg named(const char *value)
{
	struct arg a = { value_name(value, 1), value_name(value, 0) };
	return a;
}

static struct arg literal(const char *value)
{
	struct arg a = { value, value };
	return a;
}

/* st_buf_printf for a message chosen at run time (a translation). */
static void append(st_buf *buf, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	st_buf_vprintf(buf, fmt, ap);
	va_end(ap);
}

/* Formats 'fmt' twice: translated, and as written in the source. */
static int both(char **translated, char **c_text, const char *fmt, va_list ap)
{
	st_buf a = ST_BUF_INIT, b = ST_BUF_INIT;
	va_list copy;

	va_copy(copy, ap);
	st_buf_vprintf(&a, _(fmt), ap);
	st_buf_vprintf(&b, fmt, copy);
	va_end(copy);
	if (a.failed || b.failed) {
		st_buf_dispose(&a);
		st_buf_dispose(&b);
		return st_error_oom();
	}
	*translated = st_buf_detach(&a);
	*c_text = st_buf_detach(&b);
	return 0;
}

/* Appends a reason whose two messages are already formatted. */
static int push_reason(st_claim_item *it, const char *code, const char *param,
		       st_buf *translated, st_buf *c_text)
{
	st_reason *grown, *r;
	int error = 0;

	if (translated->failed || c_text->failed ||
	    !(grown = realloc(it->reasons, (it->nreasons + 1) * sizeof(*grown)))) {
		error = st_error_oom();
		goto done;
	}
	it->reasons = grown;
	r = &grown[it->nreasons];
	memset(r, 0, sizeof(*r));
	snprintf(r->code, sizeof(r->code), "%s", code);
	snprintf(r->param, sizeof(r->param), "%s", param);
	r->message = st_buf_detach(translated);
	r->message_c = st_buf_detach(c_text);
	if (!r->message || !r->message_c) {
		free(r->message);
		free(r->message_c);
		error = st_error_oom();
		goto done;
	}
	it->nreasons++;
done:
	st_buf_dispose(translated);
	st_buf_dispose(c_text);
	return error;
}

/* Adds a reason; 'fmt' is an N_() message. */
static int reason(st_claim_item *it, const char *code, const char *param, const char *fmt, ...)
{
	st_buf a = ST_BUF_INIT, b = ST_BUF_INIT;
	va_list ap, copy;

	va_start(ap, fmt);
	va_copy(copy, ap);
	st_buf_vprintf(&a, _(fmt), ap);
	st_buf_vprintf(&b, fmt, copy);
	va_end(copy);
	va_end(ap);
	return push_reason(it, code, param, &a, &b);
}

/* A reason whose one argument is a role, named in each language. */
static int reason_role(st_claim_item *it, const char *code, const char *param,
		       const char *fmt, const char *role)
{
	st_buf a = ST_BUF_INIT, b = ST_BUF_INIT;

	/* fmt is a literal N_() message with one %s. */
	append(&a, _(fmt), role_name(role, 1));
	append(&b, fmt, role_name(role, 0));
	return push_reason(it, code, param, &a, &b);
}

/* A reason whose arguments are all %s, each named in its language. */
static int reason_args(st_claim_item *it, const char *code, const char *param,
		       const char *fmt, size_t n, const struct arg *args)
{
	st_buf a = ST_BUF_INIT, b = ST_BUF_INIT;

	switch (n) {
	case 1:
		append(&a, _(fmt), args[0].translated);
		append(&b, fmt, args[0].c);
		break;
	case 2:
		append(&a, _(fmt), args[0].translated, args[1].translated);
		append(&b, fmt, args[0].c, args[1].c);
		break;
	default:
		append(&a, _(fmt), args[0].translated, args[1].translated, args[2].translated);
		append(&b, fmt, args[0].c, args[1].c, args[2].c);
		break;
	}
	return push_reason(it, code, param, &a, &b);
}

/* "enterprise, research institute" in each language. */
static void names_list(st_buf *tr, st_buf *c, const st_words *w)
{
	size_t i;

	for (i = 0; i < w->count; i++) {
		st_buf_printf(tr, "%s%s", i ? _(", ") : "", value_name(w->items[i], 1));
		st_buf_printf(c, "%s%s", i ? ", " : "", value_name(w->items[i], 0));
	}
}

static int evidence(st_claim_item *it, const char *fmt, ...)
{
	char **e, **ec;
	va_list ap;
	int error;

	if (!(e = realloc(it->evidence, (it->nevidence + 1) * sizeof(*e))))
		return st_error_oom();
	it->evidence = e;
	if (!(ec = realloc(it->evidence_c, (it->nevidence + 1) * sizeof(*ec))))
		return st_error_oom();
	it->evidence_c = ec;
	va_start(ap, fmt);
	error = both(&e[it->nevidence], &ec[it->nevidence], fmt, ap);
	va_end(ap);
	if (error < 0)
		return error;
	it->nevidence++;
	return 0;
}

static int has_field(const st_policy *p, char **fields, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (st_words_has(&p->fields, fields[i]))
			return 1;
	return 0;
}

static void words_text(char *out, size_t size, const st_words *w)
{
	size_t i, used = 0;

	out[0] = '\0';
	for (i = 0; i < w->count && used < size; i++)
		used += (size_t)snprintf(out + used, size - used, "%s%s", i ? ", " : "", w->items[i]);
}

/* The checks every item shares: applicant, region, field, prior claims. */
static int common_checks(st_claim_item *it, const st_policy *p, const st_org *org,
			 const st_words *applicants, const char *applicants_param,
			 char **fields, size_t nfields, const st_ledger *ledger)
{
	const struct ledger_entry *filed;
	st_buf tr = ST_BUF_INIT, c = ST_BUF_INIT;
	char list[256];
	int error = 0;

	if (!st_words_has(applicants, org->kind)) {
		struct arg args[2];
		names_list(&tr, &c, applicants);
		args[0] = named(org->kind);
		args[1].translated = tr.ptr;
		args[1].c = c.ptr;
		error = reason_args(it, "APPLICANT_KIND", applicants_param,
			N_("an applicant of kind '%s' may not apply; the policy names: %s"), 2, args);
	}
	st_buf_dispose(&tr);
	st_buf_dispose(&c);
	if (!error && strncmp(org->uscc + 2, p->region_prefix, strlen(p->region_prefix)) != 0)
		error = reason(it, "OUT_OF_REGION", "A15",
			N_("registered in region %.6s, outside the policy's region %s"),
			org->uscc + 2, p->region_prefix);
	if (!error && !has_field(p, fields, nfields)) {
		words_text(list, sizeof(list), &p->fields);
		error = reason(it, "FIELD_NOT_COVERED", "A14",
			N_("not tagged with a field the policy covers (%s)"), list);
	}
	filed = ledger_find_for(ledger, it->kind, it->ref, org->uscc);
	if ((!filed || strcmp(filed->uscc, org->uscc) != 0) && it->number) {
		const struct ledger_entry *by_number =
			ledger_find_for(ledger, "standard-number", it->number, org->uscc);
		if (by_number && (!filed || strcmp(by_number->uscc, org->uscc) == 0))
			filed = by_number;
	}
	/* A8 each-lead: every leading unit is paid; another's filing is theirs. */
	if (filed && strcmp(filed->uscc, org->uscc) != 0 && strcmp(it->kind, "standard") == 0 &&
	    strcmp(p->several_leads, "each-lead") == 0)
		filed = NULL;
	/* A11 once="false": a secretariat may be claimed again. */
	if (strcmp(it->kind, "secretariat") == 0 && !p->sec_once)
		filed = NULL;
	if (!error && filed) {
		if (strcmp(filed->uscc, org->uscc) == 0)
			error = reason(it, "ALREADY_CLAIMED", "A12",
				N_("already filed under this policy"));
		else
			error = reason(it, "ALREADY_CLAIMED", "A8",
				N_("already filed under this policy by %s"), filed->uscc);
	}
	return error;
}

static int in_window(st_claim_item *it, const st_policy *p, st_date date,
		     const char *date_kind, const char *param)
{
	char d[11], from[11], to[11];
	struct arg args[3];

	st_date_format(d, date);
	st_date_format(from, p->from);
	st_date_format(to, p->to);
	if (date >= p->from && date <= p->to)
		return 0;
	args[0] = named(date_kind);
	args[1] = literal(d);
	args[2].translated = args[2].c = NULL;
	{
		st_buf window = ST_BUF_INIT;
		int error;
		st_buf_printf(&window, "%s – %s", from, to);
		args[2] = literal(window.ptr);
		error = reason_args(it, "OUT_OF_WINDOW", param,
			N_("the %s date %s is outside the policy window %s"), 3, args);
		st_buf_dispose(&window);
		return error;
	}
}

/* A role as prose: "project leader", in the message's language. */
static const char *role_name(const char *role, int translated)
{
	static const char *const names[][2] = {
		{ "project-leader", N_("project leader") },
		{ "convenor", N_("convenor") },
		{ "editor", N_("editor") },
		{ "expert", N_("expert") },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(names[i][0], role) == 0)
			return translated ? _(names[i][1]) : names[i][1];
	return role;
}

static int drafter_rank(const st_standard *s, const char *uscc)
{
	size_t i;

	for (i = 0; i < s->ndrafters; i++)
		if (strcmp(s->drafters[i].uscc, uscc) == 0)
			return s->drafters[i].rank;
	return 0;
}

static int has_role(const st_standard *s, const char *uscc, const char *role)
{
	size_t i;

	for (i = 0; i < s->nroles; i++)
		if (strcmp(s->roles[i].uscc, uscc) == 0 && strcmp(s->roles[i].role, role) == 0)
			return 1;
	return 0;
}

/*
 * 主导: A2 for national and industry standards, A3 for international
 * ones, A8 when several units lead.  Adds the reason either way; returns
 * 1 when the organisation leads.
 */
static int lead_check(st_claim_item *it, const st_policy *p, const st_standard *s,
		      const char *uscc, int *error)
{
	int rank = drafter_rank(s, uscc);

	if (strcmp(s->level, "international") != 0) {
		/* Rank 1 in the 前言 leads; a unit recorded alone at rank 3
		 * still has two units before it. */
		if (rank == 1 && s->ndrafters == 1) {
			*error = reason(it, "LEAD_SOLE_DRAFTER", "A2", N_("the sole drafting unit"));
			return !*error;
		}
		if (rank == 1) {
			*error = reason(it, "LEAD_RANK_1", "A2", N_("the first drafting unit (rank 1 in the 前言)"));
			return !*error;
		}
		if (rank && strcmp(p->national_lead, "any-drafter") == 0) {
			if (strcmp(p->several_leads, "each-lead") == 0) {
				*error = reason(it, "LEAD_DRAFTER", "A2",
					N_("a drafting unit (rank %d); the policy counts every drafting unit"), rank);
				return !*error;
			}
			*error = reason(it, "SHARED_LEAD_NOT_FIRST", "A8",
				N_("a drafting unit at rank %d; one award per standard goes to the first unit"), rank);
			return 0;
		}
		if (rank)
			*error = reason(it, "NOT_LEAD", "A2",
				N_("a drafting unit at rank %d, not the first"), rank);
		else
			*error = reason(it, "NOT_LEAD", "A2", N_("not among the drafting units"));
		return 0;
	}
	/* International: the role that leads depends on the body. */
	{
		const char *role = strcmp(s->number.body, "ITU") == 0 ? p->lead_itu : p->lead_iso;
		const char *param = "A3";
		size_t i, leads = 0;
		int best_rank = 0, mine = has_role(s, uscc, role);

		if (!mine) {
			if (has_role(s, uscc, "convenor")) {
				if (strcmp(p->convenor, "counted") == 0) {
					*error = reason(it, "LEAD_CONVENOR", param,
						N_("an employee is the convenor, which the policy counts as leading"));
					return !*error;
				}
				if (strcmp(p->convenor, "needs-review") == 0) {
					*error = reason_role(it, "NEEDS_REVIEW", param,
						N_("an employee is the convenor but not the %s; an officer decides"), role);
					return 0;
				}
			}
			*error = reason_role(it, "NOT_LEAD", param, N_("no employee is the %s"), role);
			return 0;
		}
		for (i = 0; i < s->nroles; i++) {
			if (strcmp(s->roles[i].role, role) != 0)
				continue;
			leads++;
			{
				int r = drafter_rank(s, s->roles[i].uscc);
				if (r && (!best_rank || r < best_rank))
					best_rank = r;
			}
		}
		if (leads > 1 && strcmp(p->several_leads, "rank-1-only") == 0) {
			if (!best_rank) {
				*error = reason(it, "NEEDS_REVIEW", "A8",
					N_("%zu units share the lead role and no drafting order decides; an officer decides"),
					leads);
				return 0;
			}
			if (rank != best_rank) {
				*error = reason(it, "SHARED_LEAD_NOT_FIRST", "A8",
					N_("shares the lead role; one award per standard goes to the unit first in the drafting order"));
				return 0;
			}
		}
		if (strcmp(role, "editor") == 0)
			*error = reason(it, "LEAD_EDITOR", param, N_("an employee is the editor"));
		else if (strcmp(role, "project-leader") == 0)
			*error = reason(it, "LEAD_PROJECT_LEADER", param,
				N_("an employee is the project leader"));
		else
			*error = reason_role(it, strcmp(role, "convenor") == 0 ? "LEAD_CONVENOR" : "LEAD_EXPERT",
					     param, N_("an employee is the %s, the role the policy counts as leading"),
					     role);
		return !*error;
	}
}

static int funding_checks(st_claim_item *it, const st_policy *p, const st_standard *s)
{
	size_t i;
	int error = 0;

	for (i = 0; i < s->nfunding && !error; i++) {
		const st_funding *f = &s->funding[i];
		char wan[32];
		st_yuan_to_wan(wan, sizeof(wan), f->amount_yuan);
		if (f->program && strcmp(f->program, p->id) == 0) {
			if (strcmp(p->funding_same_policy, "refuse") == 0)
				error = reason(it, "ALREADY_FUNDED", "A12",
					N_("already funded under this policy (%s 万元)"), wan);
		} else {
			struct arg args[3];
			args[0] = named(f->source);
			args[1] = literal(f->program);
			args[2] = literal(wan);
			if (strcmp(st_policy_funding_rule(p, f->source), "refuse") == 0)
				error = reason_args(it, "ALREADY_FUNDED", "A12",
					N_("already received %s funding '%s' (%s 万元), which the policy does not combine"),
					3, args);
			else
				error = reason_args(it, "OTHER_FUNDING_ALLOWED", "A12",
					N_("%s funding '%s' (%s 万元) does not prevent this claim"), 3, args);
		}
	}
	return error;
}

static int failed(const st_claim_item *it)
{
	static const char *const positive[] = {
		"LEAD_RANK_1", "LEAD_SOLE_DRAFTER", "LEAD_DRAFTER", "LEAD_PROJECT_LEADER",
		"LEAD_EDITOR", "LEAD_CONVENOR", "LEAD_EXPERT", "SECRETARIAT_HELD", "REVISION_REDUCED",
		"OTHER_FUNDING_ALLOWED", "CAPPED", NULL,
	};
	size_t i, k;

	for (i = 0; i < it->nreasons; i++) {
		for (k = 0; positive[k]; k++)
			if (strcmp(it->reasons[i].code, positive[k]) == 0)
				break;
		if (!positive[k])
			return 1;
	}
	return 0;
}

static int evaluate_standard(st_claim_item *it, const st_policy *p, const st_org *org,
			     const st_standard *s, const st_ledger *ledger, st_date as_of)
{
	st_buf label = ST_BUF_INIT;
	char list[256], d[11];
	int error, leads;

	st_buf_printf(&label, "%s %s", s->number.number, s->title);
	if (!(it->ref = strdup(s->id)) || (error = st_buf_check(&label)) < 0) {
		st_buf_dispose(&label);
		return st_error_oom();
	}
	it->label = st_buf_detach(&label);
	if (!(it->number = strdup(s->number.number)))
		return st_error_oom();
	it->kind = "standard";
	snprintf(it->level, sizeof(it->level), "%s", s->level);
	it->ceiling_yuan = st_policy_standard_amount(p, s->level);
	it->date = strcmp(p->window_date, "implemented") == 0 ? s->implemented : s->published;

	if ((error = common_checks(it, p, org, &p->applicants, "A1", s->fields, s->nfields, ledger)) < 0)
		return error;
	if (it->ceiling_yuan <= 0) {
		struct arg level = named(s->level);
		if ((error = reason_args(it, "LEVEL_NOT_FUNDED", "",
					 N_("the policy funds no standards at the %s level"), 1, &level)) < 0)
			return error;
	}
	if (strcmp(s->level, "international") == 0) {
		int ok = 0;
		char body[32], *tok, *save = body;
		snprintf(body, sizeof(body), "%s", s->number.body);
		for (tok = body; tok && *tok; tok = save) {
			save = strchr(tok, '/');
			if (save)
				*save++ = '\0';
			ok |= st_words_has(&p->bodies, tok);
		}
		if (!ok) {
			words_text(list, sizeof(list), &p->bodies);
			if ((error = reason(it, "BODY_NOT_FUNDED", "A6",
					    N_("issued by %s; the policy funds standards of %s"),
					    s->number.body, list)) < 0)
				return error;
		}
	}
	if (!st_words_has(&p->deliverables, s->deliverable)) {
		st_buf tr = ST_BUF_INIT, c = ST_BUF_INIT;
		struct arg args[2];
		names_list(&tr, &c, &p->deliverables);
		args[0] = named(s->deliverable);
		args[1].translated = tr.ptr;
		args[1].c = c.ptr;
		error = reason_args(it, "DELIVERABLE_NOT_FUNDED", "A7",
				    N_("a %s; the policy funds: %s"), 2, args);
		st_buf_dispose(&tr);
		st_buf_dispose(&c);
		if (error < 0)
			return error;
	}
	if (!it->date) {
		struct arg kind = named(p->window_date);
		if ((error = reason_args(it, "DATE_MISSING", "A5",
					 N_("the policy reads the %s date, which is not recorded"),
					 1, &kind)) < 0)
			return error;
	} else {
		if ((error = in_window(it, p, it->date, p->window_date, "A5")) < 0)
			return error;
		if (s->published > as_of) {
			st_date_format(d, s->published);
			if ((error = reason(it, "NOT_YET_PUBLISHED", "A5",
					    N_("to be published on %s, after the claim date"), d)) < 0)
				return error;
		}
	}
	leads = lead_check(it, p, s, org->uscc, &error);
	if (error < 0)
		return error;
	if (s->revision_of && p->revision_percent < 100) {
		if (p->revision_percent == 0)
			error = reason(it, "REVISION_NOT_FUNDED", "A4",
				N_("a revision of %s; the policy does not fund revisions"), s->revision_of);
		else
			error = reason(it, "REVISION_REDUCED", "A4",
				N_("a revision of %s, funded at %d%%"), s->revision_of, p->revision_percent);
		if (error < 0)
			return error;
	}
	if ((error = funding_checks(it, p, s)) < 0)
		return error;

	it->eligible = !failed(it) && leads;
	if (it->eligible) {
		it->amount_yuan = it->ceiling_yuan * (s->revision_of ? p->revision_percent : 100) / 100;
		if ((error = evidence(it, N_("the published standard: cover and 前言 (foreword) naming the drafting units"))) < 0)
			return error;
		if (strcmp(s->level, "international") == 0)
			error = evidence(it, strcmp(s->number.body, "ITU") == 0 ?
				N_("proof that an employee is the editor (ITU-T/ITU-R record)") :
				N_("proof that an employee is the project leader (ISO/IEC project record)"));
		else
			error = evidence(it, N_("the publication notice (发布公告) of %s"), s->number.number);
		if (!error && s->revision_of)
			error = evidence(it, N_("the replaced standard %s"), s->revision_of);
		if (!error)
			error = evidence(it, N_("the applicant's business licence (营业执照) or registration certificate"));
	}
	return error;
}

static int evaluate_secretariat(st_claim_item *it, const st_policy *p, const st_org *org,
				const st_secretariat *s, const st_ledger *ledger, st_date as_of)
{
	st_buf label = ST_BUF_INIT;
	char d[11];
	int error;

	st_buf_printf(&label, "%s", s->committee.id);
	if (!(it->ref = strdup(s->committee.id)) || (error = st_buf_check(&label)) < 0) {
		st_buf_dispose(&label);
		return st_error_oom();
	}
	it->label = st_buf_detach(&label);
	it->kind = "secretariat";
	snprintf(it->level, sizeof(it->level), "%s", s->committee.level);
	it->ceiling_yuan = st_policy_secretariat_amount(p, s->committee.level);
	it->date = s->approved;

	if ((error = common_checks(it, p, org, &p->sec_applicants, "A9", s->fields, s->nfields, ledger)) < 0)
		return error;
	if (it->ceiling_yuan <= 0) {
		struct arg level = named(s->committee.level);
		if ((error = reason_args(it, "LEVEL_NOT_FUNDED", "",
					 N_("the policy funds no secretariats at the %s level"), 1, &level)) < 0)
			return error;
	}
	if (!st_words_has(&p->committee_kinds, s->committee.kind)) {
		st_buf tr = ST_BUF_INIT, c = ST_BUF_INIT;
		struct arg args[2];
		names_list(&tr, &c, &p->committee_kinds);
		args[0] = named(s->committee.kind);
		args[1].translated = tr.ptr;
		args[1].c = c.ptr;
		error = reason_args(it, "SUBCOMMITTEE_NOT_COUNTED", "A10",
				    N_("a %s; the policy counts: %s"), 2, args);
		st_buf_dispose(&tr);
		st_buf_dispose(&c);
		if (error < 0)
			return error;
	}
	if (strcmp(p->sec_timing, "approved-in-window") == 0) {
		if ((error = in_window(it, p, s->approved, "approved", "A11")) < 0)
			return error;
	} else if (s->approved > p->to || (s->ended && s->ended < p->from)) {
		char from[11], to[11];
		st_date_format(from, p->from);
		st_date_format(to, p->to);
		if ((error = reason(it, "OUT_OF_WINDOW", "A11",
				    N_("not held during the policy window %s to %s"), from, to)) < 0)
			return error;
	}
	if (s->approved > as_of) {
		st_date_format(d, s->approved);
		if ((error = reason(it, "NOT_YET_APPROVED", "A11",
				    N_("approved on %s, after the claim date"), d)) < 0)
			return error;
	}
	if (s->ended && s->ended < as_of) {
		st_date_format(d, s->ended);
		if ((error = reason(it, "SECRETARIAT_ENDED", "A11",
				    N_("the secretariat was handed over on %s"), d)) < 0)
			return error;
	}
	if (!failed(it)) {
		st_date_format(d, s->approved);
		if ((error = reason(it, "SECRETARIAT_HELD", "A11",
				    N_("holds the secretariat, approved on %s"), d)) < 0)
			return error;
	}
	it->eligible = !failed(it);
	if (it->eligible) {
		it->amount_yuan = it->ceiling_yuan;
		if (s->document)
			error = evidence(it, N_("the approval document %s"), s->document);
		else
			error = evidence(it, N_("the document approving the secretariat"));
		if (!error)
			error = evidence(it, N_("the committee's work report for the latest year"));
		if (!error)
			error = evidence(it, N_("the applicant's business licence (营业执照) or registration certificate"));
	}
	return error;
}

static int item_date_cmp(const void *a, const void *b)
{
	const st_claim_item *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (strcmp(x->kind, y->kind) != 0)
		return strcmp(y->kind, x->kind); /* standards first */
	return strcmp(x->ref, y->ref);
}

/* A13: a cap per unit and year, counting what was filed before. */
static int apply_cap(st_claim *c, const st_ledger *ledger)
{
	const st_policy *p = c->policy;
	size_t i, k;
	int error;

	if (p->yearly_cap <= 0)
		return 0;
	for (i = 0; i < c->nitems; i++) {
		st_claim_item *it = &c->items[i];
		long long used;
		int year = st_date_year(it->date);
		char cap[32], granted[32];

		if (!it->eligible)
			continue;
		used = ledger_year_total(ledger, c->org->uscc, year);
		for (k = 0; k < i; k++)
			if (c->items[k].eligible && st_date_year(c->items[k].date) == year)
				used += c->items[k].amount_yuan;
		if (used + it->amount_yuan <= p->yearly_cap)
			continue;
		st_yuan_to_wan(cap, sizeof(cap), p->yearly_cap);
		if (used >= p->yearly_cap) {
			it->amount_yuan = 0;
			it->eligible = 0;
			error = reason(it, "CAP_REACHED", "A13",
				N_("the cap of %s 万元 for %d is already reached"), cap, year);
		} else {
			it->amount_yuan = p->yearly_cap - used;
			st_yuan_to_wan(granted, sizeof(granted), it->amount_yuan);
			error = reason(it, "CAPPED", "A13",
				N_("reduced to %s 万元 by the cap of %s 万元 for %d"), granted, cap, year);
		}
		if (error < 0)
			return error;
	}
	return 0;
}

int st_claim_compute(st_claim **out, const st_policy *policy, const st_org *org,
		     st_standard *const *standards, size_t nstandards,
		     st_secretariat *const *secretariats, size_t nsecretariats,
		     const st_ledger *ledger, st_date as_of)
{
	st_claim *c;
	size_t i, n = 0;
	int error;

	*out = NULL;
	if (!(c = calloc(1, sizeof(*c))))
		return st_error_oom();
	c->policy = policy;
	c->as_of = as_of;
	if ((error = st_org_dup(&c->org, org)) < 0)
		goto fail;
	if (!(c->items = calloc(nstandards + nsecretariats + 1, sizeof(*c->items)))) {
		error = st_error_oom();
		goto fail;
	}
	for (i = 0; i < nstandards; i++) {
		if (!st_standard_involves(standards[i], org->uscc))
			continue;
		c->nitems = ++n;
		if ((error = evaluate_standard(&c->items[n - 1], policy, org, standards[i], ledger, as_of)) < 0)
			goto fail;
	}
	for (i = 0; i < nsecretariats; i++) {
		if (strcmp(secretariats[i]->uscc, org->uscc) != 0)
			continue;
		c->nitems = ++n;
		if ((error = evaluate_secretariat(&c->items[n - 1], policy, org, secretariats[i], ledger, as_of)) < 0)
			goto fail;
	}
	if (c->nitems)
		qsort(c->items, c->nitems, sizeof(*c->items), item_date_cmp);
	if ((error = apply_cap(c, ledger)) < 0)
		goto fail;
	for (i = 0; i < c->nitems; i++) {
		if (!c->items[i].eligible)
			c->items[i].amount_yuan = 0;
		c->total_yuan += c->items[i].amount_yuan;
	}
	*out = c;
	return 0;
fail:
	st_claim_free(c);
	return error;
}

void st_yuan_to_wan(char *out, size_t size, long long yuan)
{
	long long hundreds = (yuan + 50) / 100; /* 0.01 万元 = 100 元, half up */

	snprintf(out, size, "%lld.%02lld", hundreds / 100, hundreds % 100);
}

/* --- output ---------------------------------------------------------- */

static xmlNode *add_text(xmlNode *parent, const char *name, const char *text)
{
	return xmlNewTextChild(parent, NULL, (const xmlChar *)name, (const xmlChar *)text);
}

static void set_attr(xmlNode *node, const char *name, const char *value)
{
	xmlNewProp(node, (const xmlChar *)name, (const xmlChar *)value);
}

int st_claim_to_xml(st_buf *out, const st_claim *c, int translated)
{
	xmlDoc *doc;
	xmlNode *root, *node, *item, *r;
	char number[32], date[11], region[7];
	size_t i, k;
	int error;

	if (!(doc = xmlNewDoc((const xmlChar *)"1.0")) ||
	    !(root = xmlNewDocNode(doc, NULL, (const xmlChar *)"claim", NULL))) {
		xmlFreeDoc(doc);
		return st_error_oom();
	}
	xmlDocSetRootElement(doc, root);
	set_attr(root, "org", c->org->uscc);
	set_attr(root, "policy", c->policy->id);
	snprintf(number, sizeof(number), "%lld", c->total_yuan);
	set_attr(root, "total-yuan", number);
	st_date_format(date, c->as_of);
	set_attr(root, "as-of", date);

	node = xmlNewChild(root, NULL, (const xmlChar *)"applicant", NULL);
	set_attr(node, "uscc", c->org->uscc);
	set_attr(node, "kind", c->org->kind);
	st_uscc_region(region, c->org->uscc);
	set_attr(node, "region", region);
	add_text(node, "name", c->org->name);
	if (c->org->name_en)
		add_text(node, "name-en", c->org->name_en);

	node = xmlNewChild(root, NULL, (const xmlChar *)"policy", NULL);
	set_attr(node, "id", c->policy->id);
	add_text(node, "title", c->policy->title);
	if (c->policy->document)
		add_text(node, "document", c->policy->document);
	if (c->policy->issuer)
		add_text(node, "issuer", c->policy->issuer);
	if (c->policy->clause)
		add_text(node, "clause", c->policy->clause);

	for (i = 0; i < c->nitems; i++) {
		const st_claim_item *it = &c->items[i];
		item = xmlNewChild(root, NULL, (const xmlChar *)"item", NULL);
		set_attr(item, "ref", it->ref);
		set_attr(item, "kind", it->kind);
		set_attr(item, "eligible", it->eligible ? "true" : "false");
		snprintf(number, sizeof(number), "%lld", it->amount_yuan);
		set_attr(item, "amount-yuan", number);
		snprintf(number, sizeof(number), "%lld", it->ceiling_yuan);
		set_attr(item, "ceiling-yuan", number);
		set_attr(item, "level", it->level);
		if (it->date) {
			st_date_format(date, it->date);
			set_attr(item, "date", date);
		}
		add_text(item, "label", it->label);
		for (k = 0; k < it->nreasons; k++) {
			r = add_text(item, "reason",
				     translated ? it->reasons[k].message : it->reasons[k].message_c);
			set_attr(r, "code", it->reasons[k].code);
			if (it->reasons[k].param[0])
				set_attr(r, "param", it->reasons[k].param);
		}
		for (k = 0; k < it->nevidence; k++)
			add_text(item, "evidence", translated ? it->evidence[k] : it->evidence_c[k]);
	}
	error = st_xml_serialise(out, doc);
	xmlFreeDoc(doc);
	return error;
}

static const char *level_name(const char *level)
{
	if (strcmp(level, "international") == 0)
		return _("international");
	if (strcmp(level, "national") == 0)
		return _("national");
	if (strcmp(level, "industry") == 0)
		return _("industry");
	if (strcmp(level, "provincial") == 0)
		return _("provincial");
	if (strcmp(level, "local") == 0)
		return _("local");
	return _("group");
}

static void pad(st_buf *out, const char *text, size_t width)
{
	size_t w = st_utf8_width(text);

	st_buf_puts(out, text);
	st_buf_pad(out, w < width ? width - w : 1);
}

int st_claim_to_text(st_buf *out, const st_claim *c)
{
	const char *h_item = _("ITEM"), *h_kind = _("KIND"), *h_level = _("LEVEL"),
		   *h_date = _("DATE"), *h_result = _("RESULT"), *h_amount = _("AMOUNT (万元)");
	size_t i, k, w_item = st_utf8_width(h_item), w_kind = st_utf8_width(h_kind),
		     w_level = st_utf8_width(h_level), w_result = st_utf8_width(h_result);
	char wan[32], date[11];

	for (i = 0; i < c->nitems; i++) {
		const st_claim_item *it = &c->items[i];
		const char *kind = strcmp(it->kind, "standard") == 0 ? _("standard") : _("secretariat");
		const char *result = it->eligible ? _("eligible") : _("not eligible");
		if (st_utf8_width(it->ref) > w_item)
			w_item = st_utf8_width(it->ref);
		if (st_utf8_width(kind) > w_kind)
			w_kind = st_utf8_width(kind);
		if (st_utf8_width(level_name(it->level)) > w_level)
			w_level = st_utf8_width(level_name(it->level));
		if (st_utf8_width(result) > w_result)
			w_result = st_utf8_width(result);
	}
	st_buf_printf(out, _("Applicant:  %s (%s, %s)\n"), c->org->name, c->org->uscc, c->org->kind);
	st_buf_printf(out, _("Policy:     %s %s%s%s\n"), c->policy->id, c->policy->title,
		      c->policy->document ? " " : "", c->policy->document ? c->policy->document : "");
	st_date_format(date, c->as_of);
	st_buf_printf(out, _("Claim date: %s\n\n"), date);
	if (c->nitems == 0) {
		st_buf_printf(out, "%s\n", _("No standards or secretariats of this organisation are recorded."));
	} else {
		pad(out, h_item, w_item + 2);
		pad(out, h_kind, w_kind + 2);
		pad(out, h_level, w_level + 2);
		pad(out, h_date, 12);
		pad(out, h_result, w_result + 2);
		st_buf_printf(out, "%s\n", h_amount);
		for (i = 0; i < c->nitems; i++) {
			const st_claim_item *it = &c->items[i];
			pad(out, it->ref, w_item + 2);
			pad(out, strcmp(it->kind, "standard") == 0 ? _("standard") : _("secretariat"), w_kind + 2);
			pad(out, level_name(it->level), w_level + 2);
			if (it->date)
				st_date_format(date, it->date);
			else
				snprintf(date, sizeof(date), "-");
			pad(out, date, 12);
			pad(out, it->eligible ? _("eligible") : _("not eligible"), w_result + 2);
			st_yuan_to_wan(wan, sizeof(wan), it->amount_yuan);
			st_buf_printf(out, "%10s\n", wan);
			st_buf_printf(out, "    %s\n", it->label);
			for (k = 0; k < it->nreasons; k++)
				st_buf_printf(out, "    %s%s%s%s %s\n", it->reasons[k].code,
					      it->reasons[k].param[0] ? " [" : "", it->reasons[k].param,
					      it->reasons[k].param[0] ? "]" : "", it->reasons[k].message);
		}
	}
	st_yuan_to_wan(wan, sizeof(wan), c->total_yuan);
	st_buf_printf(out, _("\nTotal: %s 万元 (%lld yuan); eligible: %zu of %zu\n"),
		      wan, c->total_yuan, st_claim_eligible_count(c), c->nitems);
	return st_buf_check(out);
}

int st_claim_file(st_repo *repo, const st_claim *c, const char *author, size_t *filed)
{
	st_txn *txn = NULL;
	st_buf path = ST_BUF_INIT, xml = ST_BUF_INIT, message = ST_BUF_INIT;
	xmlDoc *doc = NULL;
	xmlNode *root, *filing, *item;
	char number[32], date[11], wan[32];
	size_t i;
	int error;

	*filed = 0;
	if (!st_claim_eligible_count(c))
		return 0;
	st_buf_printf(&path, "claims/%s/%s.xml", c->policy->id, c->org->uscc);
	if ((error = st_buf_check(&path)) < 0 || (error = st_txn_begin(&txn, repo)) < 0)
		goto done;
	error = st_txn_read(&xml, txn, path.ptr);
	if (error == 0) {
		if ((error = st_xml_parse_memory(&doc, xml.ptr, xml.size, path.ptr)) < 0)
			goto done;
		root = xmlDocGetRootElement(doc);
	} else if (error == ST_ENOTFOUND) {
		if (!(doc = xmlNewDoc((const xmlChar *)"1.0")) ||
		    !(root = xmlNewDocNode(doc, NULL, (const xmlChar *)"filed-claims", NULL))) {
			error = st_error_oom();
			goto done;
		}
		xmlDocSetRootElement(doc, root);
		set_attr(root, "policy", c->policy->id);
		set_attr(root, "org", c->org->uscc);
	} else {
		goto done;
	}
	filing = xmlNewChild(root, NULL, (const xmlChar *)"filing", NULL);
	st_date_format(date, c->as_of);
	set_attr(filing, "date", date);
	snprintf(number, sizeof(number), "%lld", c->total_yuan);
	set_attr(filing, "total-yuan", number);
	for (i = 0; i < c->nitems; i++) {
		const st_claim_item *it = &c->items[i];
		if (!it->eligible)
			continue;
		item = xmlNewChild(filing, NULL, (const xmlChar *)"item", NULL);
		set_attr(item, "ref", it->ref);
		set_attr(item, "kind", it->kind);
		if (it->number)
			set_attr(item, "number", it->number);
		snprintf(number, sizeof(number), "%lld", it->amount_yuan);
		set_attr(item, "amount-yuan", number);
		snprintf(number, sizeof(number), "%d", st_date_year(it->date));
		set_attr(item, "year", number);
		(*filed)++;
	}
	st_buf_clear(&xml);
	if ((error = st_xml_serialise(&xml, doc)) < 0 ||
	    (error = st_txn_put(txn, path.ptr, xml.ptr, xml.size)) < 0)
		goto done;
	st_yuan_to_wan(wan, sizeof(wan), c->total_yuan);
	st_buf_printf(&message, "claim: %s files %zu item%s under %s, %s wan yuan\n",
		      c->org->uscc, *filed, *filed == 1 ? "" : "s", c->policy->id, wan);
	if ((error = st_buf_check(&message)) < 0)
		goto done;
	error = st_txn_commit(txn, message.ptr, author);
done:
	if (error < 0)
		*filed = 0;
	xmlFreeDoc(doc);
	st_txn_free(txn);
	st_buf_dispose(&path);
	st_buf_dispose(&xml);
	st_buf_dispose(&message);
	return error;
}
