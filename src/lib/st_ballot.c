/* st_ballot.c: ballots on drafts: the rules, the records, the roster. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "st_ballot.h"
#include "st_csv.h"
#include "st_date.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_text.h"
#include "st_xml.h"

#define NAME_IS(n, s) (strcmp((const char *)(n)->name, (s)) == 0)

/* ------------------------------------------------------------------ */
/* Names                                                                */

int st_fraction_parse(st_fraction *out, const char *text, const char *what)
{
	unsigned long num = 0, den = 0;
	const char *p = text;
	int digits = 0;

	for (; *p >= '0' && *p <= '9' && digits < 5; p++, digits++)
		num = num * 10 + (unsigned long)(*p - '0');
	if (!digits || *p != '/')
		goto bad;
	for (p++, digits = 0; *p >= '0' && *p <= '9' && digits < 5; p++, digits++)
		den = den * 10 + (unsigned long)(*p - '0');
	if (!digits || *p != '\0' || den == 0 || den > ST_FRACTION_MAX || num > den)
		goto bad;
	out->num = (unsigned)num;
	out->den = (unsigned)den;
	return 0;
bad:
	return st_error_set(ST_EINVALID,
		_("%s '%s' is not a fraction such as 2/3 (whole numbers, the second from 1 to %d, the fraction at most 1)"),
		what, text, ST_FRACTION_MAX);
}

void st_fraction_format(char out[12], st_fraction f)
{
	snprintf(out, 12, "%u/%u", f.num % 10000, f.den % 10000);
}

static int fraction_ok(st_fraction f)
{
	return f.den >= 1 && f.den <= ST_FRACTION_MAX && f.num <= f.den;
}

static const char *const type_names[] = { NULL, "ni", "cd", "dis", "fdis", "sac-review" };

int st_ballot_type_parse(st_ballot_type *out, const char *text)
{
	size_t i;

	for (i = 1; i < sizeof(type_names) / sizeof(type_names[0]); i++) {
		if (strcmp(text, type_names[i]) == 0) {
			*out = (st_ballot_type)i;
			return 0;
		}
	}
	return st_error_set(ST_EINVALID,
		_("unknown ballot type '%s' (expected ni, cd, dis, fdis or sac-review)"), text);
}

const char *st_ballot_type_name(st_ballot_type type)
{
	return type >= ST_BALLOT_NI && type <= ST_BALLOT_SAC_REVIEW ? type_names[type] : "?";
}

int st_ballot_type_is_iso(st_ballot_type type)
{
	return type != ST_BALLOT_SAC_REVIEW;
}

int st_ballot_type_fits(st_ballot_type type, st_profile profile)
{
	if (profile == ST_PROFILE_GBT && st_ballot_type_is_iso(type))
		return st_error_set(ST_EINVALID,
			_("a GB/T draft is voted on in a sac-review ballot (the committee's review of the 送审稿); %s is an ISO ballot, for ISO drafts"),
			st_ballot_type_name(type));
	if (profile == ST_PROFILE_ISO && !st_ballot_type_is_iso(type))
		return st_error_set(ST_EINVALID,
			_("sac-review is the SAC committee's review of a GB/T 送审稿; an ISO draft takes an ni, cd, dis or fdis ballot"));
	return 0;
}

static const char *const category_names[] = { "p", "o", "member" };

int st_ballot_category_parse(st_ballot_category *out, const char *text)
{
	size_t i;

	for (i = 0; i < ST_MEMBER_CATEGORIES; i++) {
		if (strcasecmp(text, category_names[i]) == 0) {
			*out = (st_ballot_category)i;
			return 0;
		}
	}
	return st_error_set(ST_EINVALID, _("unknown category '%s' (expected p, o or member)"), text);
}

const char *st_ballot_category_name(st_ballot_category category)
{
	return (unsigned)category < ST_MEMBER_CATEGORIES ? category_names[category] : "?";
}

static const char *const vote_names[] = { NULL, "yes", "no", "abstain" };

int st_vote_value_parse(st_vote_value *out, const char *text)
{
	size_t i;

	for (i = 1; i < sizeof(vote_names) / sizeof(vote_names[0]); i++) {
		if (strcmp(text, vote_names[i]) == 0) {
			*out = (st_vote_value)i;
			return 0;
		}
	}
	return st_error_set(ST_EINVALID, _("unknown vote '%s' (expected yes, no or abstain)"), text);
}

const char *st_vote_value_name(st_vote_value value)
{
	return value >= ST_VOTE_YES && value <= ST_VOTE_ABSTAIN ? vote_names[value] : "?";
}

static const char *const basis_names[] = { NULL, "p-votes", "votes", "replies", "members" };

const char *st_ballot_basis_name(st_ballot_basis basis)
{
	return basis >= ST_BASIS_P_VOTES && basis <= ST_BASIS_MEMBERS ? basis_names[basis] : "?";
}

int st_ballot_basis_parse(st_ballot_basis *out, const char *text)
{
	size_t i;

	for (i = 1; i < sizeof(basis_names) / sizeof(basis_names[0]); i++) {
		if (strcmp(text, basis_names[i]) == 0) {
			*out = (st_ballot_basis)i;
			return 0;
		}
	}
	return ST_EINVALID;
}

static const char *const outcome_names[] = { "not-approved", "approved", "void" };

const char *st_ballot_outcome_text(st_ballot_outcome outcome)
{
	return outcome == ST_OUTCOME_APPROVED ? _("approved") :
	       outcome == ST_OUTCOME_VOID ? _("void") : _("not approved");
}

const char *st_ballot_outcome_name(st_ballot_outcome outcome)
{
	return (unsigned)outcome <= ST_OUTCOME_VOID ? outcome_names[outcome] : "?";
}

int st_ballot_outcome_parse(st_ballot_outcome *out, const char *text)
{
	size_t i;

	for (i = 0; i < 3; i++) {
		if (strcmp(text, outcome_names[i]) == 0) {
			*out = (st_ballot_outcome)i;
			return 0;
		}
	}
	return ST_EINVALID;
}

/* ------------------------------------------------------------------ */
/* The rules                                                            */

void st_ballot_sac_defaults(st_ballot_sac_params *out)
{
	memset(out, 0, sizeof(*out));
	out->approve.num = 3;
	out->approve.den = 4;
	out->quorum.num = 2;
	out->quorum.den = 3;
}

static void condition(st_ballot_condition *c, unsigned num, unsigned den, st_ballot_basis of)
{
	c->set = 1;
	c->more_than = 0;
	c->share.num = num;
	c->share.den = den;
	c->of = of;
}

void st_ballot_rule_for(st_ballot_rule *out, st_ballot_type type, const st_ballot_sac_params *sac)
{
	st_ballot_sac_params defaults;

	memset(out, 0, sizeof(*out));
	switch (type) {
	case ST_BALLOT_NI:
		/* a simple majority of the P-members voting */
		condition(&out->in_favour, 1, 2, ST_BASIS_P_VOTES);
		out->in_favour.more_than = 1;
		break;
	case ST_BALLOT_CD:
		condition(&out->in_favour, 2, 3, ST_BASIS_P_VOTES);
		break;
	case ST_BALLOT_DIS:
	case ST_BALLOT_FDIS:
		condition(&out->in_favour, 2, 3, ST_BASIS_P_VOTES);
		condition(&out->against, 1, 4, ST_BASIS_VOTES);
		break;
	case ST_BALLOT_SAC_REVIEW:
	default:
		if (!sac) {
			st_ballot_sac_defaults(&defaults);
			sac = &defaults;
		}
		condition(&out->quorum, sac->quorum.num, sac->quorum.den, ST_BASIS_MEMBERS);
		condition(&out->in_favour, sac->approve.num, sac->approve.den, ST_BASIS_REPLIES);
		if (sac->has_max_against)
			condition(&out->against, sac->max_against.num, sac->max_against.den,
				  ST_BASIS_REPLIES);
		break;
	}
}

/* The yes, no and total of a basis, summed over the categories. */
static void basis_counts(const st_ballot_tally *t, st_ballot_basis basis,
			 uint64_t *yes, uint64_t *no, uint64_t *whole)
{
	size_t i;

	*yes = *no = *whole = 0;
	for (i = 0; i < ST_MEMBER_CATEGORIES; i++) {
		const st_ballot_count *c = &t->by[i];
		if (basis == ST_BASIS_P_VOTES && i != ST_MEMBER_P)
			continue;
		*yes += c->yes;
		switch (basis) {
		case ST_BASIS_P_VOTES:
		case ST_BASIS_VOTES:
			*no += c->no;
			*whole += (uint64_t)c->yes + c->no;
			break;
		case ST_BASIS_REPLIES:
			*no += (uint64_t)c->no + c->no_unreasoned;
			*whole += (uint64_t)c->yes + c->no + c->no_unreasoned + c->abstain;
			break;
		case ST_BASIS_MEMBERS:
		default:
			*no += (uint64_t)c->no + c->no_unreasoned;
			*whole += c->members;
			break;
		}
	}
}

/*
 * part/whole against num/den by cross multiplication: parts are below
 * 2^36 (a few 32-bit counts added) and den at most 1000, so no product
 * reaches 2^46.
 */
static int share_at_least(uint64_t part, uint64_t whole, st_fraction f)
{
	return whole > 0 && part * f.den >= whole * f.num;
}

static int share_more_than(uint64_t part, uint64_t whole, st_fraction f)
{
	return whole > 0 && part * f.den > whole * f.num;
}

static int share_at_most(uint64_t part, uint64_t whole, st_fraction f)
{
	return part * f.den <= whole * f.num;
}

static int rule_ok(const st_ballot_rule *rule)
{
	const st_ballot_condition *c[3] = { &rule->quorum, &rule->in_favour, &rule->against };
	size_t i;

	if (!rule->in_favour.set)
		return 0;
	for (i = 0; i < 3; i++)
		if (c[i]->set && (!fraction_ok(c[i]->share) ||
				  c[i]->of < ST_BASIS_P_VOTES || c[i]->of > ST_BASIS_MEMBERS))
			return 0;
	return 1;
}

int st_ballot_decide(st_ballot_result *out, const st_ballot_rule *rule,
		     const st_ballot_tally *tally)
{
	uint64_t yes, no, whole, replies_yes, replies_no, replies;

	memset(out, 0, sizeof(*out));
	if (!rule_ok(rule))
		return st_error_set(ST_EINVALID, _("the ballot's rule has a share out of range"));
	basis_counts(tally, ST_BASIS_REPLIES, &replies_yes, &replies_no, &replies);

	if (rule->quorum.set) {
		basis_counts(tally, rule->quorum.of, &yes, &no, &whole);
		out->quorum.set = 1;
		out->quorum.part = replies;
		out->quorum.whole = whole;
		/* no member voting is void, whatever the quorum */
		out->quorum.met = replies > 0 && share_at_least(replies, whole, rule->quorum.share);
	}

	basis_counts(tally, rule->in_favour.of, &yes, &no, &whole);
	out->in_favour.set = 1;
	out->in_favour.part = yes;
	out->in_favour.whole = whole;
	out->in_favour.met = rule->in_favour.more_than ?
		share_more_than(yes, whole, rule->in_favour.share) :
		share_at_least(yes, whole, rule->in_favour.share);

	if (rule->against.set) {
		basis_counts(tally, rule->against.of, &yes, &no, &whole);
		out->against.set = 1;
		out->against.part = no;
		out->against.whole = whole;
		out->against.met = share_at_most(no, whole, rule->against.share);
	}

	if (out->quorum.set && !out->quorum.met)
		out->outcome = ST_OUTCOME_VOID;
	else if (out->in_favour.met && (!out->against.set || out->against.met))
		out->outcome = ST_OUTCOME_APPROVED;
	else
		out->outcome = ST_OUTCOME_NOT_APPROVED;
	return 0;
}

unsigned st_ballot_percent(uint64_t part, uint64_t whole)
{
	if (whole == 0)
		return 0;
	return (unsigned)(part * 100 / whole);
}

/* ", at least 2/3 needed: met" and the like. */
static void explain_tail(st_buf *out, const st_ballot_condition *c, const st_ballot_check *k,
			 int is_against)
{
	char share[12];

	st_fraction_format(share, c->share);
	if (k->whole > 0)
		st_buf_printf(out, " (%u%%)", st_ballot_percent(k->part, k->whole));
	st_buf_puts(out, ", ");
	if (is_against)
		st_buf_printf(out, _("at most %s allowed"), share);
	else if (c->more_than)
		st_buf_printf(out, _("more than %s needed"), share);
	else
		st_buf_printf(out, _("at least %s needed"), share);
	st_buf_printf(out, ": %s", k->met ? _("met") : _("not met"));
}

int st_ballot_explain(st_buf *out, const st_ballot_rule *rule, const st_ballot_result *r,
		      const char *sep)
{
	unsigned long long part, whole;
	char share[12];

	if (r->quorum.set) {
		part = r->quorum.part;
		whole = r->quorum.whole;
		st_buf_printf(out, _("members voting: %llu of %llu"), part, whole);
		explain_tail(out, &rule->quorum, &r->quorum, 0);
		st_buf_puts(out, sep);
	}
	part = r->in_favour.part;
	whole = r->in_favour.whole;
	switch (rule->in_favour.of) {
	case ST_BASIS_P_VOTES:
		st_buf_printf(out, _("P-members: %llu of %llu votes cast in favour"), part, whole);
		break;
	case ST_BASIS_VOTES:
		st_buf_printf(out, _("in favour: %llu of %llu votes cast"), part, whole);
		break;
	case ST_BASIS_REPLIES:
		st_buf_printf(out, _("in favour: %llu of %llu members voting"), part, whole);
		break;
	default:
		st_buf_printf(out, _("in favour: %llu of %llu members"), part, whole);
		break;
	}
	explain_tail(out, &rule->in_favour, &r->in_favour, 0);
	st_buf_puts(out, sep);
	if (r->against.set) {
		part = r->against.part;
		whole = r->against.whole;
		switch (rule->against.of) {
		case ST_BASIS_P_VOTES:
			st_buf_printf(out, _("negative P-member votes: %llu of %llu cast"), part, whole);
			break;
		case ST_BASIS_VOTES:
			st_buf_printf(out, _("negative votes: %llu of %llu cast"), part, whole);
			break;
		case ST_BASIS_REPLIES:
			st_buf_printf(out, _("against: %llu of %llu members voting"), part, whole);
			break;
		default:
			st_buf_printf(out, _("against: %llu of %llu members"), part, whole);
			break;
		}
		explain_tail(out, &rule->against, &r->against, 1);
		st_buf_puts(out, sep);
	}
	switch (r->outcome) {
	case ST_OUTCOME_APPROVED:
		st_buf_puts(out, _("approved"));
		break;
	case ST_OUTCOME_VOID:
		st_fraction_format(share, rule->quorum.share);
		if (r->quorum.part == 0)
			st_buf_puts(out, _("void: no member voted"));
		else
			st_buf_printf(out, _("void: fewer than %s of the members voted"), share);
		break;
	default:
		st_buf_puts(out, _("not approved"));
		break;
	}
	return st_buf_check(out);
}

int st_ballot_rule_describe(st_buf *out, const st_ballot_rule *rule)
{
	char share[12];
	int iso = 0;

	if (rule->quorum.set) {
		st_fraction_format(share, rule->quorum.share);
		st_buf_printf(out, _("at least %s of the members vote (abstaining counts as voting), or the ballot is void"),
			      share);
		st_buf_puts(out, "; ");
	}
	st_fraction_format(share, rule->in_favour.share);
	switch (rule->in_favour.of) {
	case ST_BASIS_P_VOTES:
		iso = 1;
		st_buf_printf(out, rule->in_favour.more_than ?
			_("more than %s of the P-member votes cast in favour") :
			_("at least %s of the P-member votes cast in favour"), share);
		break;
	case ST_BASIS_VOTES:
		iso = 1;
		st_buf_printf(out, rule->in_favour.more_than ?
			_("more than %s of the votes cast in favour") :
			_("at least %s of the votes cast in favour"), share);
		break;
	case ST_BASIS_REPLIES:
		st_buf_printf(out, rule->in_favour.more_than ?
			_("more than %s of the members voting in favour") :
			_("at least %s of the members voting in favour"), share);
		break;
	default:
		st_buf_printf(out, rule->in_favour.more_than ?
			_("more than %s of the members in favour") :
			_("at least %s of the members in favour"), share);
		break;
	}
	if (rule->against.set) {
		st_fraction_format(share, rule->against.share);
		st_buf_puts(out, "; ");
		switch (rule->against.of) {
		case ST_BASIS_P_VOTES:
			iso = 1;
			st_buf_printf(out, _("at most %s of the P-member votes cast negative"), share);
			break;
		case ST_BASIS_VOTES:
			iso = 1;
			st_buf_printf(out, _("at most %s of all votes cast negative"), share);
			break;
		case ST_BASIS_REPLIES:
			st_buf_printf(out, _("at most %s of the members voting against"), share);
			break;
		default:
			st_buf_printf(out, _("at most %s of the members against"), share);
			break;
		}
	}
	if (iso)
		st_buf_printf(out, " (%s)",
			_("abstentions and negative votes without technical reasons are not counted"));
	return st_buf_check(out);
}

/* ------------------------------------------------------------------ */
/* Records                                                              */

void st_ballot_free(st_ballot *ballot)
{
	size_t i;

	if (!ballot)
		return;
	for (i = 0; i < ballot->nmembers; i++)
		free(ballot->members[i].name);
	free(ballot->members);
	free(ballot->draft);
	free(ballot);
}

static int add_member(st_ballot *b, const char *name, st_ballot_category category)
{
	char *copy;

	if (st_array_grow(&b->members, &b->amembers, b->nmembers, sizeof(*b->members)) < 0 ||
	    !(copy = strdup(name)))
		return st_error_oom();
	b->members[b->nmembers].name = copy;
	b->members[b->nmembers].category = category;
	b->nmembers++;
	return 0;
}

const st_ballot_member *st_ballot_find_member(const st_ballot *ballot, const char *name)
{
	size_t i;

	for (i = 0; i < ballot->nmembers; i++)
		if (strcasecmp(ballot->members[i].name, name) == 0)
			return &ballot->members[i];
	return NULL;
}

/* A date attribute into 'out' (11 bytes); 0 or -1. */
static int date_attr(char out[11], xmlNode *node, const char *name)
{
	char *v = st_xml_attr(node, name);
	st_date d;
	int ok = v && st_date_parse(&d, v, name) == 0;

	if (ok)
		st_date_format(out, d);
	free(v);
	st_error_clear();
	return ok ? 0 : -1;
}

/* A count attribute (0 .. UINT32_MAX); 0 or -1. */
static int count_attr(uint32_t *out, xmlNode *node, const char *name)
{
	char *v = st_xml_attr(node, name), *end = NULL;
	unsigned long long n;
	int ok;

	if (!v)
		return -1;
	n = strtoull(v, &end, 10);
	ok = *v >= '0' && *v <= '9' && end && *end == '\0' && n <= UINT32_MAX;
	free(v);
	if (!ok)
		return -1;
	*out = (uint32_t)n;
	return 0;
}

static int parse_condition(st_ballot_condition *c, xmlNode *node)
{
	static const char *const shares[] = { "at-least", "more-than", "at-most" };
	char *v = NULL, *of = NULL;
	size_t i;
	int error = -1;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < 3 && !v; i++) {
		if ((v = st_xml_attr(node, shares[i])) != NULL)
			c->more_than = i == 1;
	}
	of = st_xml_attr(node, "of");
	if (v && of && st_fraction_parse(&c->share, v, "share") == 0 &&
	    st_ballot_basis_parse(&c->of, of) == 0) {
		c->set = 1;
		error = 0;
	}
	st_error_clear();
	free(v);
	free(of);
	return error;
}

int st_ballot_parse(st_ballot **out, const char *data, size_t len, const char *name)
{
	st_ballot *b;
	xmlDoc *doc = NULL;
	xmlNode *root, *c, *s;
	char *v = NULL;
	int error, bad = 0;

	*out = NULL;
	if ((error = st_xml_parse_memory(&doc, data, len, name)) < 0)
		return error;
	if (!(b = calloc(1, sizeof(*b)))) {
		xmlFreeDoc(doc);
		return st_error_oom();
	}
	root = xmlDocGetRootElement(doc);
	error = ST_EINVALID;
	if (!NAME_IS(root, "ballot") || !(b->draft = st_xml_attr(root, "draft")) ||
	    date_attr(b->opened, root, "opened") < 0 || date_attr(b->closes, root, "closes") < 0)
		goto bad;
	if (!(v = st_xml_attr(root, "type")) || st_ballot_type_parse(&b->type, v) < 0)
		goto bad;
	free(v);
	if (!(v = st_xml_attr(root, "number")) || strspn(v, "0123456789") != strlen(v) ||
	    strlen(v) < 1 || strlen(v) > 6 || (b->number = (unsigned)atoi(v)) == 0)
		goto bad;
	free(v);
	if (!(v = st_xml_attr(root, "stage")) || strlen(v) != 5)
		goto bad;
	memcpy(b->stage, v, 6);
	free(v);
	v = NULL;
	for (c = root->children; c && !bad; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (NAME_IS(c, "result")) {
			b->closed = 1;
			if (date_attr(b->closed_on, c, "closed") < 0 ||
			    !(v = st_xml_attr(c, "outcome")) || st_ballot_outcome_parse(&b->outcome, v) < 0)
				goto bad;
			free(v);
			v = st_xml_attr(c, "early");
			b->early = v && strcmp(v, "yes") == 0;
			free(v);
			v = NULL;
		}
		for (s = c->children; s && !bad; s = s->next) {
			if (s->type != XML_ELEMENT_NODE)
				continue;
			if (NAME_IS(c, "rule")) {
				st_ballot_condition *cond = NAME_IS(s, "quorum") ? &b->rule.quorum :
					NAME_IS(s, "in-favour") ? &b->rule.in_favour :
					NAME_IS(s, "against") ? &b->rule.against : NULL;
				bad = cond && parse_condition(cond, s) < 0;
			} else if (NAME_IS(c, "roster") && NAME_IS(s, "member")) {
				char *member = st_xml_attr(s, "name"), *cat = st_xml_attr(s, "category");
				st_ballot_category category;
				bad = !member || !cat || st_ballot_category_parse(&category, cat) < 0;
				if (!bad && (error = add_member(b, member, category)) < 0) {
					free(member);
					free(cat);
					goto done;
				}
				free(member);
				free(cat);
			} else if (NAME_IS(c, "result") && NAME_IS(s, "count")) {
				char *cat = st_xml_attr(s, "category");
				st_ballot_category category;
				st_ballot_count *k;
				bad = !cat || st_ballot_category_parse(&category, cat) < 0;
				free(cat);
				if (bad)
					break;
				k = &b->tally.by[category];
				bad = count_attr(&k->members, s, "members") < 0 ||
				      count_attr(&k->yes, s, "yes") < 0 ||
				      count_attr(&k->no, s, "no") < 0 ||
				      count_attr(&k->no_unreasoned, s, "no-without-reasons") < 0 ||
				      count_attr(&k->abstain, s, "abstain") < 0;
			}
		}
	}
	if (bad || !b->rule.in_favour.set || !b->nmembers)
		goto bad;
	*out = b;
	b = NULL;
	error = 0;
	goto done;
bad:
	st_error_clear();
	error = st_error_set(ST_EINVALID, _("%s: not a valid ballot record"), name);
done:
	free(v);
	st_ballot_free(b);
	xmlFreeDoc(doc);
	return error;
}

static void serialise_condition(st_buf *out, const char *element, const st_ballot_condition *c,
				int against)
{
	char share[12];

	if (!c->set)
		return;
	st_fraction_format(share, c->share);
	st_buf_printf(out, "    <%s %s=\"%s\" of=\"%s\"/>\n", element,
		      against ? "at-most" : c->more_than ? "more-than" : "at-least",
		      share, st_ballot_basis_name(c->of));
}

static void serialise_check(st_buf *out, const char *name, const st_ballot_check *k)
{
	if (k->set)
		st_buf_printf(out, "    <condition name=\"%s\" part=\"%llu\" whole=\"%llu\" met=\"%s\"/>\n",
			      name, (unsigned long long)k->part, (unsigned long long)k->whole,
			      k->met ? "yes" : "no");
}

int st_ballot_serialise(st_buf *out, const st_ballot *b)
{
	size_t i;

	st_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ballot draft=\"");
	st_xml_escape(out, b->draft);
	st_buf_printf(out, "\" number=\"%u\" type=\"%s\" opened=\"%s\" closes=\"%s\" stage=\"%s\">\n",
		      b->number, st_ballot_type_name(b->type), b->opened, b->closes, b->stage);
	st_buf_puts(out, "  <rule>\n");
	serialise_condition(out, "quorum", &b->rule.quorum, 0);
	serialise_condition(out, "in-favour", &b->rule.in_favour, 0);
	serialise_condition(out, "against", &b->rule.against, 1);
	st_buf_puts(out, "  </rule>\n  <roster>\n");
	for (i = 0; i < b->nmembers; i++) {
		st_buf_puts(out, "    <member name=\"");
		st_xml_escape(out, b->members[i].name);
		st_buf_printf(out, "\" category=\"%s\"/>\n",
			      st_ballot_category_name(b->members[i].category));
	}
	st_buf_puts(out, "  </roster>\n");
	if (b->closed) {
		st_ballot_result r;
		int error;

		if ((error = st_ballot_decide(&r, &b->rule, &b->tally)) < 0)
			return error;
		st_buf_printf(out, "  <result closed=\"%s\" outcome=\"%s\"%s>\n", b->closed_on,
			      st_ballot_outcome_name(b->outcome), b->early ? " early=\"yes\"" : "");
		for (i = 0; i < ST_MEMBER_CATEGORIES; i++) {
			const st_ballot_count *k = &b->tally.by[i];
			uint64_t voted = (uint64_t)k->yes + k->no + k->no_unreasoned + k->abstain;
			if (!k->members)
				continue;
			st_buf_printf(out, "    <count category=\"%s\" members=\"%lu\" yes=\"%lu\" no=\"%lu\""
				      " no-without-reasons=\"%lu\" abstain=\"%lu\" not-voted=\"%llu\"/>\n",
				      st_ballot_category_name((st_ballot_category)i),
				      (unsigned long)k->members, (unsigned long)k->yes,
				      (unsigned long)k->no, (unsigned long)k->no_unreasoned,
				      (unsigned long)k->abstain,
				      voted < k->members ? (unsigned long long)(k->members - voted) : 0ULL);
		}
		serialise_check(out, "quorum", &r.quorum);
		serialise_check(out, "in-favour", &r.in_favour);
		serialise_check(out, "against", &r.against);
		st_buf_puts(out, "  </result>\n");
	}
	st_buf_puts(out, "</ballot>\n");
	return st_buf_check(out);
}

void st_ballot_vote_free(st_ballot_vote *vote)
{
	if (!vote)
		return;
	free(vote->member);
	free(vote->reason);
	free(vote);
}

int st_ballot_vote_parse(st_ballot_vote **out, const char *data, size_t len, const char *name)
{
	st_ballot_vote *v;
	xmlDoc *doc = NULL;
	xmlNode *root;
	char *cat = NULL, *value = NULL;
	int error;

	*out = NULL;
	if ((error = st_xml_parse_memory(&doc, data, len, name)) < 0)
		return error;
	if (!(v = calloc(1, sizeof(*v)))) {
		xmlFreeDoc(doc);
		return st_error_oom();
	}
	root = xmlDocGetRootElement(doc);
	if (!NAME_IS(root, "vote") || !(v->member = st_xml_attr(root, "member")) ||
	    !(cat = st_xml_attr(root, "category")) || st_ballot_category_parse(&v->category, cat) < 0 ||
	    !(value = st_xml_attr(root, "vote")) || st_vote_value_parse(&v->vote, value) < 0 ||
	    date_attr(v->date, root, "date") < 0) {
		st_error_clear();
		error = st_error_set(ST_EINVALID, _("%s: not a valid vote record"), name);
		goto done;
	}
	v->reason = st_xml_child_text(root, "reason");
	if (v->reason && !*v->reason) {
		free(v->reason);
		v->reason = NULL;
	}
	*out = v;
	v = NULL;
	error = 0;
done:
	free(cat);
	free(value);
	st_ballot_vote_free(v);
	xmlFreeDoc(doc);
	return error;
}

int st_ballot_vote_serialise(st_buf *out, const st_ballot_vote *v)
{
	st_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<vote member=\"");
	st_xml_escape(out, v->member);
	st_buf_printf(out, "\" category=\"%s\" vote=\"%s\" date=\"%s\"",
		      st_ballot_category_name(v->category), st_vote_value_name(v->vote), v->date);
	if (v->reason) {
		st_buf_puts(out, ">\n  <reason>");
		st_xml_escape(out, v->reason);
		st_buf_puts(out, "</reason>\n</vote>\n");
	} else {
		st_buf_puts(out, "/>\n");
	}
	return st_buf_check(out);
}

/* ------------------------------------------------------------------ */
/* File names of votes                                                  */

/* The code point at 's' (valid UTF-8) and its length in bytes. */
static unsigned long utf8_next(const unsigned char *s, size_t *len)
{
	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	if (s[0] < 0xe0) {
		*len = 2;
		return ((unsigned long)(s[0] & 0x1f) << 6) | (s[1] & 0x3f);
	}
	if (s[0] < 0xf0) {
		*len = 3;
		return ((unsigned long)(s[0] & 0x0f) << 12) | ((unsigned long)(s[1] & 0x3f) << 6) |
		       (s[2] & 0x3f);
	}
	*len = 4;
	return ((unsigned long)(s[0] & 0x07) << 18) | ((unsigned long)(s[1] & 0x3f) << 12) |
	       ((unsigned long)(s[2] & 0x3f) << 6) | (s[3] & 0x3f);
}

/*
 * Code points beyond ASCII that are escaped: controls, spaces, and the
 * invisible ones (joiners, direction marks, variation selectors, byte-order
 * mark, private use) that would make two names look alike.
 */
static int unsafe_code_point(unsigned long c)
{
	static const unsigned long ranges[][2] = {
		{ 0x80, 0xa0 }, { 0xad, 0xad }, { 0x34f, 0x34f }, { 0x61c, 0x61c },
		{ 0x115f, 0x1160 }, { 0x17b4, 0x17b5 }, { 0x180b, 0x180e },
		{ 0x2000, 0x200f }, { 0x2028, 0x202f }, { 0x205f, 0x206f },
		{ 0x3000, 0x3000 }, { 0x3164, 0x3164 }, { 0xe000, 0xf8ff },
		{ 0xfe00, 0xfe0f }, { 0xfeff, 0xfeff }, { 0xffa0, 0xffa0 },
		{ 0xfff0, 0xffff }, { 0x1d173, 0x1d17a }, { 0xe0000, 0x10ffff },
	};
	size_t i;

	for (i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++)
		if (c >= ranges[i][0] && c <= ranges[i][1])
			return 1;
	return 0;
}

/* Windows device names, which no file may be called, whatever follows a dot. */
static int reserved_name(const char *s)
{
	static const char *const names[] = { "CON", "PRN", "AUX", "NUL" };
	size_t i, n = strcspn(s, ".");

	for (i = 0; i < 4; i++)
		if (n == 3 && strncasecmp(s, names[i], 3) == 0)
			return 1;
	return n == 4 && (strncasecmp(s, "COM", 3) == 0 || strncasecmp(s, "LPT", 3) == 0) &&
	       s[3] >= '1' && s[3] <= '9';
}

int st_ballot_member_file(st_buf *out, const char *member)
{
	const unsigned char *s = (const unsigned char *)member;
	size_t start = out->size, i, n, len = strlen(member);

	if (!len || !st_utf8_valid(member, len))
		return st_error_set(ST_EINVALID, _("the member name '%s' is not valid UTF-8 text"), member);
	for (i = 0; i < len; i += n) {
		unsigned long c = utf8_next(s + i, &n);
		int keep;
		if (c < 0x80)
			keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			       (c >= '0' && c <= '9') || c == '-' || c == '_' ||
			       /* no hidden file, "." or "..", and no trailing dot (Windows drops it) */
			       (c == '.' && i > 0 && i + 1 < len);
		else
			keep = !unsafe_code_point(c);
		/* "CON", "nul.x": the first letter escaped */
		if (i == 0 && keep && reserved_name(member))
			keep = 0;
		if (keep) {
			st_buf_put(out, member + i, n);
		} else {
			size_t k;
			for (k = 0; k < n; k++)
				st_buf_printf(out, "%%%02X", s[i + k]);
		}
	}
	if (out->size - start > ST_BALLOT_FILE_NAME_MAX) {
		size_t used = out->size - start;
		out->size = start;
		out->ptr[start] = '\0';
		return st_error_set(ST_EINVALID,
			_("the member name '%s' is too long for a file name (%zu bytes written out, at most %d)"),
			member, used, ST_BALLOT_FILE_NAME_MAX);
	}
	st_buf_puts(out, ".xml");
	return st_buf_check(out);
}

/* ------------------------------------------------------------------ */
/* The roster                                                           */

struct roster {
	st_ballot *ballot;
	const char *name;
	st_ballot_report report;
	void *payload;
	size_t bad_rows, last_bad_line;
	size_t *lines;      /* the line of each member */
	size_t alines;
};

static void roster_bad(struct roster *r, size_t line, const char *message)
{
	if (line != r->last_bad_line)
		r->bad_rows++;
	r->last_bad_line = line;
	r->report(line, message, r->payload);
}

static int roster_row(struct roster *r, const st_csv_row *row, int col_member, int col_category,
		      size_t width)
{
	st_ballot *b = r->ballot;
	const st_ballot_member *seen;
	const char *member, *cat;
	st_ballot_category category;
	st_buf file = ST_BUF_INIT, msg = ST_BUF_INIT;
	int error = 0;

	if (row->nfields > width) {
		st_buf_printf(&msg, _("this row has %zu cells but the header has %zu (a value with a comma needs quotes)"),
			      row->nfields, width);
		goto bad;
	}
	member = (size_t)col_member < row->nfields ? row->fields[col_member] : "";
	cat = (size_t)col_category < row->nfields ? row->fields[col_category] : "";
	if (st_text_check_label(member, _("the member name"), ST_BALLOT_MEMBER_MAX_CHARS) < 0 ||
	    st_ballot_member_file(&file, member) < 0) {
		st_buf_puts(&msg, st_error_last());
		goto bad;
	}
	if (!*cat) {
		st_buf_printf(&msg, _("no category for '%s'"), member);
		goto bad;
	}
	if (st_ballot_category_parse(&category, cat) < 0 ||
	    st_ballot_type_is_iso(b->type) != (category != ST_MEMBER_MEMBER)) {
		if (st_ballot_type_is_iso(b->type))
			st_buf_printf(&msg, _("category '%s' of '%s' is not p or o (a %s ballot's roster has P- and O-members)"),
				      cat, member, st_ballot_type_name(b->type));
		else
			st_buf_printf(&msg, _("category '%s' of '%s' is not member (a sac-review ballot's roster lists the committee's members)"),
				      cat, member);
		goto bad;
	}
	if ((seen = st_ballot_find_member(b, member)) != NULL) {
		st_buf_printf(&msg, _("'%s' is on the roster twice (first on line %zu)"), member,
			      r->lines[seen - b->members]);
		goto bad;
	}
	if (b->nmembers >= ST_BALLOT_MAX_MEMBERS) {
		st_buf_printf(&msg, _("a roster has at most %d members"), ST_BALLOT_MAX_MEMBERS);
		goto bad;
	}
	if (st_array_grow(&r->lines, &r->alines, b->nmembers, sizeof(*r->lines)) < 0) {
		error = st_error_oom();
		goto done;
	}
	r->lines[b->nmembers] = row->line;
	error = add_member(b, member, category);
	goto done;
bad:
	if ((error = st_buf_check(&msg)) == 0)
		roster_bad(r, row->line, msg.ptr);
done:
	st_buf_dispose(&file);
	st_buf_dispose(&msg);
	return error;
}

int st_ballot_roster_parse(st_ballot *ballot, const char *data, size_t len, const char *name,
			   st_ballot_report report, void *payload)
{
	st_csv csv = { NULL, 0 };
	struct roster r;
	int col_member = -1, col_category = -1, error;
	size_t i, p_members = 0;
	char msg[256];

	memset(&r, 0, sizeof(r));
	r.ballot = ballot;
	r.name = name;
	r.report = report;
	r.payload = payload;
	if ((error = st_csv_parse(&csv, data, len, name)) < 0)
		return error;
	if (csv.nrows == 0) {
		error = st_error_set(ST_EINVALID,
			_("%s: the roster is empty; it needs the header row member,category and a row per member"), name);
		goto done;
	}
	for (i = 0; i < csv.rows[0].nfields; i++) {
		const char *h = csv.rows[0].fields[i];
		int *col = strcasecmp(h, "member") == 0 ? &col_member :
			   strcasecmp(h, "category") == 0 ? &col_category : NULL;
		if (!col)
			continue; /* other columns are the secretariat's own */
		if (*col >= 0) {
			snprintf(msg, sizeof(msg), _("column '%s' appears twice"), h);
			roster_bad(&r, csv.rows[0].line, msg);
		}
		*col = (int)i;
	}
	if (col_member < 0) {
		snprintf(msg, sizeof(msg), _("missing column '%s'"), "member");
		roster_bad(&r, csv.rows[0].line, msg);
	}
	if (col_category < 0) {
		snprintf(msg, sizeof(msg), _("missing column '%s'"), "category");
		roster_bad(&r, csv.rows[0].line, msg);
	}
	if (r.bad_rows) {
		error = st_error_set(ST_EINVALID,
			_("%s: the header row is wrong; it needs the columns member and category"), name);
		goto done;
	}
	for (i = 1; i < csv.nrows; i++)
		if ((error = roster_row(&r, &csv.rows[i], col_member, col_category,
					csv.rows[0].nfields)) < 0)
			goto done;
	if (r.bad_rows) {
		error = st_error_set(ST_EINVALID,
			Q_("%s: %zu bad row in the roster", "%s: %zu bad rows in the roster", r.bad_rows),
			name, r.bad_rows);
		goto done;
	}
	if (!ballot->nmembers) {
		error = st_error_set(ST_EINVALID, _("%s: the roster lists no members"), name);
		goto done;
	}
	for (i = 0; i < ballot->nmembers; i++)
		p_members += ballot->members[i].category == ST_MEMBER_P;
	if (st_ballot_type_is_iso(ballot->type) && !p_members) {
		error = st_error_set(ST_EINVALID,
			_("%s: the roster has no P-members, so no %s ballot could be approved"),
			name, st_ballot_type_name(ballot->type));
		goto done;
	}
	error = 0;
done:
	free(r.lines);
	st_csv_free(&csv);
	return error;
}

/* ------------------------------------------------------------------ */
/* Counting                                                             */

int st_ballot_count_votes(st_ballot_tally *out, const st_ballot *b,
			  st_ballot_vote *const *votes, size_t n)
{
	unsigned char *voted = NULL;
	size_t i;
	int error = 0;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < b->nmembers; i++)
		out->by[b->members[i].category].members++;
	if (b->nmembers && !(voted = calloc(b->nmembers, 1)))
		return st_error_oom();
	for (i = 0; i < n; i++) {
		const st_ballot_vote *v = votes[i];
		const st_ballot_member *m = st_ballot_find_member(b, v->member);
		st_ballot_count *k;
		size_t at;

		if (!m) {
			error = st_error_set(ST_EINVALID,
				_("ballot #%u on '%s' has a vote by '%s', who is not on its roster"),
				b->number, b->draft, v->member);
			goto done;
		}
		at = (size_t)(m - b->members);
		if (m->category != v->category) {
			error = st_error_set(ST_EINVALID,
				_("ballot #%u on '%s' has a vote by '%s' as %s, but the roster lists them as %s"),
				b->number, b->draft, v->member, st_ballot_category_name(v->category),
				st_ballot_category_name(m->category));
			goto done;
		}
		if (voted[at]) {
			error = st_error_set(ST_EINVALID,
				_("ballot #%u on '%s' has two votes by '%s'"), b->number, b->draft, m->name);
			goto done;
		}
		voted[at] = 1;
		k = &out->by[m->category];
		switch (v->vote) {
		case ST_VOTE_YES:
			k->yes++;
			break;
		case ST_VOTE_NO:
			/* ISO: a negative vote without technical reasons is not counted */
			if (st_ballot_type_is_iso(b->type) && !v->reason)
				k->no_unreasoned++;
			else
				k->no++;
			break;
		default:
			k->abstain++;
			break;
		}
	}
done:
	free(voted);
	return error;
}

/* ------------------------------------------------------------------ */
/* The repository                                                       */

void st_ballot_path(st_buf *out, const char *draft, unsigned number, const char *file)
{
	st_buf_printf(out, "drafts/%s/ballots/%u/%s", draft, number, file);
}

int st_ballot_read(st_ballot **out, st_repo *repo, const char *draft, unsigned number)
{
	st_buf path = ST_BUF_INIT, data = ST_BUF_INIT;
	int error;

	*out = NULL;
	st_ballot_path(&path, draft, number, "ballot.xml");
	if ((error = st_buf_check(&path)) < 0)
		goto done;
	if ((error = st_repo_read(&data, repo, path.ptr)) < 0) {
		if (error == ST_ENOTFOUND)
			error = st_error_set(ST_ENOTFOUND, _("there is no ballot #%u on draft '%s'"),
					     number, draft);
		goto done;
	}
	if ((error = st_ballot_parse(out, data.ptr, data.size, path.ptr)) < 0)
		goto done;
	if ((*out)->number != number || strcmp((*out)->draft, draft) != 0) {
		st_ballot_free(*out);
		*out = NULL;
		error = st_error_set(ST_EINVALID, _("%s: the record is of another ballot"), path.ptr);
	}
done:
	st_buf_dispose(&path);
	st_buf_dispose(&data);
	return error;
}

int st_ballot_latest(unsigned *out, st_repo *repo, const char *draft)
{
	st_buf folder = ST_BUF_INIT;
	char id[41];
	unsigned n;
	int error = 0;

	*out = 0;
	for (n = 1;; n++) {
		st_buf_clear(&folder);
		st_buf_printf(&folder, "drafts/%s/ballots/%u", draft, n);
		if ((error = st_buf_check(&folder)) < 0 ||
		    (error = st_repo_folder_id(id, repo, folder.ptr)) < 0 || !id[0])
			break;
		*out = n;
	}
	st_buf_dispose(&folder);
	return error;
}

void st_ballot_votes_dispose(st_ballot_votes *votes)
{
	size_t i;

	for (i = 0; i < votes->n; i++)
		st_ballot_vote_free(votes->votes[i]);
	free(votes->votes);
	memset(votes, 0, sizeof(*votes));
}

struct read_votes {
	st_ballot_votes *out;
	const char *folder;
	st_buf path, file;
};

static int read_vote_cb(const char *name, const char *data, size_t len, void *payload)
{
	struct read_votes *rv = payload;
	st_ballot_vote *v = NULL;
	size_t n = strlen(name);
	int error;

	if (n < 4 || strcmp(name + n - 4, ".xml") != 0)
		return 0;
	st_buf_clear(&rv->path);
	st_buf_printf(&rv->path, "%s/%s", rv->folder, name);
	if ((error = st_buf_check(&rv->path)) < 0 ||
	    (error = st_ballot_vote_parse(&v, data, len, rv->path.ptr)) < 0)
		return error;
	st_buf_clear(&rv->file);
	if ((error = st_ballot_member_file(&rv->file, v->member)) < 0) {
		st_ballot_vote_free(v);
		return error;
	}
	if (strcmp(rv->file.ptr, name) != 0) {
		/* renamed or copied by hand: the file name would no longer keep
		 * two votes by one member from both being counted */
		error = st_error_set(ST_EINVALID,
			_("%s: the vote is by '%s', so the file should be named '%s'"),
			rv->path.ptr, v->member, rv->file.ptr);
		st_ballot_vote_free(v);
		return error;
	}
	if (st_array_grow(&rv->out->votes, &rv->out->alloc, rv->out->n, sizeof(*rv->out->votes)) < 0) {
		st_ballot_vote_free(v);
		return st_error_oom();
	}
	rv->out->votes[rv->out->n++] = v;
	return 0;
}

int st_ballot_read_votes(st_ballot_votes *out, st_repo *repo, const st_ballot *ballot)
{
	struct read_votes rv;
	st_buf folder = ST_BUF_INIT;
	int error;

	memset(out, 0, sizeof(*out));
	memset(&rv, 0, sizeof(rv));
	st_buf_init(&rv.path);
	st_buf_init(&rv.file);
	st_ballot_path(&folder, ballot->draft, ballot->number, "votes");
	if ((error = st_buf_check(&folder)) == 0) {
		rv.out = out;
		rv.folder = folder.ptr;
		error = st_repo_each_blob(repo, folder.ptr, read_vote_cb, &rv);
	}
	if (error < 0)
		st_ballot_votes_dispose(out);
	st_buf_dispose(&folder);
	st_buf_dispose(&rv.path);
	st_buf_dispose(&rv.file);
	return error;
}

const st_ballot_vote *st_ballot_votes_find(const st_ballot_votes *votes, const char *member)
{
	size_t i;

	for (i = 0; i < votes->n; i++)
		if (strcasecmp(votes->votes[i]->member, member) == 0)
			return votes->votes[i];
	return NULL;
}

/* A fraction attribute of the config; 'allow_none' takes "" as none. */
static int config_fraction(st_fraction *out, int *set, xmlNode *node, const char *attr,
			   int allow_zero)
{
	char *v = st_xml_attr(node, attr);
	st_buf what = ST_BUF_INIT;
	int error = 0;

	if (!v)
		return 0;
	if (!*v && set) {
		*set = 0;
		free(v);
		return 0;
	}
	st_buf_printf(&what, "%s: ballot-rules/sac-review %s", ST_REPO_CONFIG, attr);
	if ((error = st_buf_check(&what)) == 0 &&
	    (error = st_fraction_parse(out, v, what.ptr)) == 0 && !allow_zero && out->num == 0)
		error = st_error_set(ST_EINVALID, _("%s '%s' must be more than 0"), what.ptr, v);
	if (!error && set)
		*set = 1;
	st_buf_dispose(&what);
	free(v);
	return error;
}

int st_ballot_sac_config(st_ballot_sac_params *out, st_repo *repo)
{
	st_buf data = ST_BUF_INIT;
	xmlDoc *doc = NULL;
	xmlNode *n;
	int error;

	st_ballot_sac_defaults(out);
	if ((error = st_repo_read(&data, repo, ST_REPO_CONFIG)) < 0 ||
	    (error = st_xml_parse_memory(&doc, data.ptr, data.size, ST_REPO_CONFIG)) < 0)
		goto done;
	for (n = xmlDocGetRootElement(doc)->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && NAME_IS(n, "ballot-rules"))
			break;
	for (n = n ? n->children : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && NAME_IS(n, "sac-review"))
			break;
	if (!n)
		goto done;
	if ((error = config_fraction(&out->approve, NULL, n, "approve", 0)) < 0 ||
	    (error = config_fraction(&out->quorum, NULL, n, "quorum", 0)) < 0 ||
	    (error = config_fraction(&out->max_against, &out->has_max_against, n, "max-against", 1)) < 0)
		goto done;
done:
	xmlFreeDoc(doc);
	st_buf_dispose(&data);
	return error;
}

int st_ballot_stage_guard(st_repo *repo, const char *draft, st_profile profile, int to)
{
	st_ballot_type type = profile == ST_PROFILE_GBT ? ST_BALLOT_SAC_REVIEW : ST_BALLOT_DIS;
	const char *tname = st_ballot_type_name(type);
	st_ballot *b = NULL;
	st_ballot_result r;
	st_buf why = ST_BUF_INIT;
	unsigned n;
	int error;

	if ((error = st_ballot_latest(&n, repo, draft)) < 0)
		return error;
	for (; n > 0; n--) {
		if ((error = st_ballot_read(&b, repo, draft, n)) < 0)
			return error;
		if (b->type == type)
			break;
		st_ballot_free(b);
		b = NULL;
	}
	if (!b)
		return st_error_set(ST_EINVALID,
			_("the draft enters stage %d only after an approved %s ballot, and '%s' has had none: open one with 'stdtool ballot open %s --type %s'"),
			to, tname, draft, draft, tname);
	if (!b->closed) {
		error = st_error_set(ST_EINVALID,
			_("the draft enters stage %d only after an approved %s ballot, and ballot #%u on '%s' is still open (it closes on %s): close it with 'stdtool ballot close %s'"),
			to, tname, b->number, draft, b->closes, draft);
		goto done;
	}
	if (b->outcome == ST_OUTCOME_APPROVED)
		goto done;
	if ((error = st_ballot_decide(&r, &b->rule, &b->tally)) < 0)
		goto done;
	r.outcome = b->outcome; /* as recorded */
	if ((error = st_ballot_explain(&why, &b->rule, &r, "; ")) < 0)
		goto done;
	error = st_error_set(ST_EINVALID,
		_("the draft enters stage %d only after an approved %s ballot, and ballot #%u on '%s' (closed on %s) was not: %s"),
		to, tname, b->number, draft, b->closed_on, why.ptr);
done:
	st_buf_dispose(&why);
	st_ballot_free(b);
	return error;
}
