/* st_stdnum.c: standard numbers and committee ids. */
#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "st_buf.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_stdnum.h"

const char *const st_levels[] = {
	"international", "national", "industry", "local", "group", NULL,
};

const char *const st_deliverables[] = {
	"is", "ts", "tr", "pas", "rec", "standard", "guidance", NULL,
};

/* Industry standard codes (行业标准代号) and who issues them. */
static const struct {
	const char *code;
	const char *body;
} industry_codes[] = {
	{ "JB", "MIIT" }, { "YD", "MIIT" }, { "SJ", "MIIT" }, { "QC", "MIIT" },
	{ "HG", "MIIT" }, { "YB", "MIIT" }, { "FZ", "MIIT" }, { "QB", "MIIT" },
	{ "JC", "MIIT" }, { "CB", "MIIT" }, { "HB", "MIIT" }, { "WJ", "MIIT" },
	{ "GA", "MPS" },  { "JT", "MOT" },  { "TB", "NRA" },  { "WS", "NHC" },
	{ "YY", "NMPA" }, { "DL", "NEA" },  { "NB", "NEA" },  { "JR", "PBOC" },
	{ "GY", "NRTA" }, { "MH", "CAAC" }, { "AQ", "MEM" },  { "JG", "MOHURD" },
	{ "CJ", "MOHURD" }, { "SL", "MWR" }, { "NY", "MARA" }, { "HJ", "MEE" },
	{ "JY", "MOE" },  { "LY", "NFGA" }, { "SN", "GACC" }, { "GM", "SCA" },
	{ "RB", "CNCA" }, { "SB", "MOFCOM" }, { "JJF", "SAMR" }, { "JJG", "SAMR" },
};

static int in_list(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

int st_level_valid(const char *level)
{
	return in_list(st_levels, level);
}

int st_deliverable_valid(const char *deliverable)
{
	return in_list(st_deliverables, deliverable);
}

/* A cursor over the number, spaces collapsed on the way. */
struct cursor {
	const char *p;
};

static int eat(struct cursor *c, const char *s)
{
	size_t n = strlen(s);

	if (strncmp(c->p, s, n) != 0)
		return 0;
	c->p += n;
	return 1;
}

static int spaces(struct cursor *c)
{
	int n = 0;

	while (*c->p == ' ') {
		c->p++;
		n++;
	}
	return n;
}

/* digits, at most 'max'; returns how many were read */
static int digits(struct cursor *c, st_buf *out, int max)
{
	int n = 0;

	while (isdigit((unsigned char)*c->p) && n < max) {
		st_buf_putc(out, *c->p++);
		n++;
	}
	return isdigit((unsigned char)*c->p) ? 0 : n;
}

/* A document number: 12345, 12345-1, 12345.1, 8802-3-2 */
static int doc_number(struct cursor *c, st_buf *out, char sep)
{
	int parts = 0;

	if (!digits(c, out, 6))
		return 0;
	while (*c->p == sep && isdigit((unsigned char)c->p[1]) && parts < 3) {
		st_buf_putc(out, *c->p++);
		if (!digits(c, out, 4))
			return 0;
		parts++;
	}
	return 1;
}

/* The dash before a Chinese year: em dash, en dash, hyphen, full-width hyphen. */
static int year_dash(struct cursor *c)
{
	spaces(c);
	if (eat(c, "\xe2\x80\x94") || eat(c, "\xe2\x80\x93") || eat(c, "-") ||
	    eat(c, "\xef\xbc\x8d")) {
		spaces(c);
		return 1;
	}
	return 0;
}

static int year(struct cursor *c, st_buf *out, int *value)
{
	const char *start = c->p;

	if (!digits(c, out, 4) || c->p - start != 4)
		return 0;
	*value = atoi(start);
	return *value >= 1900 && *value <= 2999;
}

static int malformed(const char *text)
{
	return st_error_set(ST_EINVALID,
		_("unknown or malformed standard number '%s'; expected a form such as ISO 10218-1:2025, ISO/IEC 42001:2023, ISO/TS 15066:2016, IEC 61508-1:2010, ITU-T Y.3172, GB/T 12345—2026, GB/Z 12345—2026, JB/T 12345—2026, DB44/T 1234—2024 or T/CAS 123—2024"),
		text);
}

static int finish(st_stdnum *out, st_buf *norm, struct cursor *c, const char *text)
{
	spaces(c);
	if (*c->p != '\0' || norm->failed || norm->size >= sizeof(out->number))
		return malformed(text);
	memcpy(out->number, norm->ptr, norm->size + 1);
	return 0;
}

/* ISO, IEC, ISO/IEC and ISO/IEC/IEEE documents. */
static int parse_iso(st_stdnum *out, struct cursor *c, st_buf *norm, const char *text)
{
	const char *bodies[] = { "ISO/IEC/IEEE", "ISO/IEC", "ISO", "IEC", NULL };
	static const struct {
		const char *text;
		const char *deliverable;
	} kinds[] = {
		{ "/TS ", "ts" }, { "/TR ", "tr" }, { "/PAS ", "pas" },
		{ " TS ", "ts" }, { " TR ", "tr" }, { " PAS ", "pas" },
	};
	size_t i;

	for (i = 0; bodies[i]; i++)
		if (eat(c, bodies[i]))
			break;
	if (!bodies[i])
		return 1; /* not this family */
	snprintf(out->body, sizeof(out->body), "%s", bodies[i]);
	st_buf_puts(norm, bodies[i]);
	out->level = "international";
	out->deliverable = "is";
	/* ISO/TS 15066 or ISO/IEC TS 22989 */
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		size_t n = strlen(kinds[i].text);
		if (strncmp(c->p, kinds[i].text, n) == 0) {
			/* As the bodies write them: ISO/TS 15066, ISO/IEC TS 22989. */
			st_buf_putc(norm, strcmp(out->body, "ISO") == 0 ? '/' : ' ');
			st_buf_put(norm, kinds[i].text + 1, n - 2);
			out->deliverable = kinds[i].deliverable;
			c->p += n - 1;
			break;
		}
	}
	if (!spaces(c))
		return malformed(text);
	st_buf_putc(norm, ' ');
	if (!doc_number(c, norm, '-'))
		return malformed(text);
	if (eat(c, ":")) {
		st_buf_putc(norm, ':');
		if (!year(c, norm, &out->year))
			return malformed(text);
	}
	return finish(out, norm, c, text);
}

/* ITU-T Y.3172, ITU-R M.2083-0 */
static int parse_itu(st_stdnum *out, struct cursor *c, st_buf *norm, const char *text)
{
	char sector;

	if (!eat(c, "ITU-"))
		return 1;
	sector = *c->p;
	if (sector != 'T' && sector != 'R')
		return malformed(text);
	c->p++;
	if (!spaces(c) || !isupper((unsigned char)*c->p))
		return malformed(text);
	st_buf_printf(norm, "ITU-%c %c", sector, *c->p++);
	if (isupper((unsigned char)*c->p))
		st_buf_putc(norm, *c->p++);
	if (!eat(c, "."))
		return malformed(text);
	st_buf_putc(norm, '.');
	if (!doc_number(c, norm, '.'))
		return malformed(text);
	if (*c->p == '-' && isdigit((unsigned char)c->p[1])) {
		st_buf_putc(norm, *c->p++);
		digits(c, norm, 2);
	}
	snprintf(out->body, sizeof(out->body), "ITU");
	out->level = "international";
	out->deliverable = "rec";
	return finish(out, norm, c, text);
}

/* The number and year of a Chinese standard: "12345.1—2026". */
static int chinese_tail(st_stdnum *out, struct cursor *c, st_buf *norm, const char *text)
{
	if (!spaces(c))
		return malformed(text);
	st_buf_putc(norm, ' ');
	if (!doc_number(c, norm, '.') || !year_dash(c))
		return malformed(text);
	st_buf_puts(norm, "\xe2\x80\x94");
	if (!year(c, norm, &out->year))
		return malformed(text);
	return finish(out, norm, c, text);
}

/* "/T" (recommended) or "/Z" (guidance), or nothing (mandatory). */
static void chinese_kind(st_stdnum *out, struct cursor *c, st_buf *norm, int allow_z)
{
	out->deliverable = "standard";
	if (eat(c, "/T")) {
		st_buf_puts(norm, "/T");
	} else if (allow_z && eat(c, "/Z")) {
		st_buf_puts(norm, "/Z");
		out->deliverable = "guidance";
	}
}

int st_stdnum_parse(st_stdnum *out, const char *text)
{
	st_buf norm = ST_BUF_INIT;
	struct cursor c = { text };
	size_t i;
	int error;

	memset(out, 0, sizeof(*out));
	spaces(&c);
	if ((error = parse_iso(out, &c, &norm, text)) <= 0)
		goto done;
	if ((error = parse_itu(out, &c, &norm, text)) <= 0)
		goto done;
	if (eat(&c, "GB")) {
		st_buf_puts(&norm, "GB");
		snprintf(out->body, sizeof(out->body), "SAC");
		out->level = "national";
		chinese_kind(out, &c, &norm, 1);
		error = chinese_tail(out, &c, &norm, text);
		goto done;
	}
	if (eat(&c, "DB")) {
		char area[3] = { 0 };
		if (!isdigit((unsigned char)c.p[0]) || !isdigit((unsigned char)c.p[1])) {
			error = malformed(text);
			goto done;
		}
		area[0] = *c.p++;
		area[1] = *c.p++;
		snprintf(out->body, sizeof(out->body), "DB%s", area);
		st_buf_puts(&norm, out->body);
		out->level = "local";
		chinese_kind(out, &c, &norm, 0);
		error = chinese_tail(out, &c, &norm, text);
		goto done;
	}
	if (eat(&c, "T/")) {
		size_t n = 0;
		st_buf_puts(&norm, "T/");
		while ((isupper((unsigned char)c.p[n]) || isdigit((unsigned char)c.p[n])) && n < 16)
			n++;
		if (n < 2 || n >= sizeof(out->body)) {
			error = malformed(text);
			goto done;
		}
		memcpy(out->body, c.p, n);
		out->body[n] = '\0';
		st_buf_put(&norm, c.p, n);
		c.p += n;
		out->level = "group";
		out->deliverable = "standard";
		error = chinese_tail(out, &c, &norm, text);
		goto done;
	}
	for (i = 0; i < sizeof(industry_codes) / sizeof(industry_codes[0]); i++) {
		size_t n = strlen(industry_codes[i].code);
		if (strncmp(c.p, industry_codes[i].code, n) == 0 &&
		    (c.p[n] == '/' || c.p[n] == ' ')) {
			c.p += n;
			st_buf_puts(&norm, industry_codes[i].code);
			snprintf(out->body, sizeof(out->body), "%s", industry_codes[i].body);
			out->level = "industry";
			chinese_kind(out, &c, &norm, 1);
			error = chinese_tail(out, &c, &norm, text);
			goto done;
		}
	}
	error = malformed(text);
done:
	st_buf_dispose(&norm);
	return error;
}

static int committee_malformed(const char *text)
{
	return st_error_set(ST_EINVALID,
		_("unknown or malformed committee id '%s'; expected a form such as ISO/TC 299, ISO/TC 299/WG 2, IEC/TC 65/SC 65A, ISO/IEC JTC 1/SC 42, SAC/TC 591, SAC/TC 28/SC 42 or GD/TC 22"),
		text);
}

/* " N" or " 65A": a committee number, letters allowed after it for IEC. */
static int committee_number(struct cursor *c, st_buf *norm, int letter)
{
	if (!spaces(c))
		return 0;
	st_buf_putc(norm, ' ');
	if (*c->p == '0' || !digits(c, norm, 4))
		return 0;
	if (letter && isupper((unsigned char)*c->p))
		st_buf_putc(norm, *c->p++);
	return 1;
}

int st_committee_parse(st_committee *out, const char *text)
{
	st_buf norm = ST_BUF_INIT;
	struct cursor c = { text };
	size_t i;
	int iec = 0, error = 0;

	memset(out, 0, sizeof(*out));
	spaces(&c);
	if (eat(&c, "ISO/IEC JTC")) {
		st_buf_puts(&norm, "ISO/IEC JTC");
		out->level = "international";
	} else if (eat(&c, "ISO/TC")) {
		st_buf_puts(&norm, "ISO/TC");
		out->level = "international";
	} else if (eat(&c, "IEC/TC")) {
		st_buf_puts(&norm, "IEC/TC");
		out->level = "international";
		iec = 1;
	} else if (eat(&c, "SAC/TC")) {
		st_buf_puts(&norm, "SAC/TC");
		out->level = "national";
	} else if (eat(&c, "GD/TC")) {
		st_buf_puts(&norm, "GD/TC");
		out->level = "provincial";
	} else {
		error = committee_malformed(text);
		goto done;
	}
	out->kind = "tc";
	if (!committee_number(&c, &norm, 0)) {
		error = committee_malformed(text);
		goto done;
	}
	while (*c.p == '/') {
		c.p++;
		if (eat(&c, "SC") && strcmp(out->kind, "tc") == 0) {
			st_buf_puts(&norm, "/SC");
			out->kind = "sc";
			if (!committee_number(&c, &norm, iec))
				break;
		} else if (eat(&c, "WG") && strcmp(out->kind, "wg") != 0) {
			st_buf_puts(&norm, "/WG");
			out->kind = "wg";
			if (!committee_number(&c, &norm, 0))
				break;
		} else {
			break;
		}
	}
	spaces(&c);
	if (*c.p != '\0' || norm.failed || norm.size >= sizeof(out->id)) {
		error = committee_malformed(text);
		goto done;
	}
	memcpy(out->id, norm.ptr, norm.size + 1);
	for (i = 0; out->id[i]; i++)
		out->slug[i] = out->id[i] == '/' ? '_' : out->id[i] == ' ' ? '-' : out->id[i];
	out->slug[i] = '\0';
done:
	st_buf_dispose(&norm);
	return error;
}
