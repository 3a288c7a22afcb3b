/* st_uscc.c: validation of unified social credit codes. */
#include <config.h>

#include <ctype.h>
#include <string.h>

#include "st_error.h"
#include "st_i18n.h"
#include "st_uscc.h"

static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int weights[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20,
				 29, 25, 13, 8, 24, 10, 30, 28 };
static const int org_weights[8] = { 3, 7, 9, 10, 5, 8, 4, 2 };

/* Value of c in the USCC alphabet (0-30), or -1. */
static int uscc_value(char c)
{
	const char *p;

	if (c == '\0')
		return -1;
	p = strchr(alphabet, c);
	return p ? (int)(p - alphabet) : -1;
}

/* Value of c in GB 11714: digits 0-9, letters A-Z as 10-35. */
static int org_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return -1;
}

char st_uscc_check_character(const char *code17)
{
	int sum = 0, i, check;

	for (i = 0; i < 17; i++)
		sum += uscc_value(code17[i]) * weights[i];
	check = 31 - sum % 31;
	return alphabet[check == 31 ? 0 : check];
}

char st_uscc_org_check_character(const char *body8)
{
	int sum = 0, i, check;

	for (i = 0; i < 8; i++)
		sum += org_value(body8[i]) * org_weights[i];
	check = 11 - sum % 11;
	if (check == 10)
		return 'X';
	if (check == 11)
		return '0';
	return (char)('0' + check);
}

st_uscc_status st_uscc_check(st_uscc_result *r, const char *code)
{
	size_t i, len = strlen(code);
	char want;

	memset(r, 0, sizeof(*r));
	for (i = 0; i < len && i < ST_USCC_LEN; i++) {
		if (uscc_value(code[i]) < 0) {
			r->status = ST_USCC_BAD_CHARACTER;
			r->position = i + 1;
			r->found = code[i];
			return r->status;
		}
	}
	if (len != ST_USCC_LEN) {
		r->status = ST_USCC_BAD_LENGTH;
		r->position = len;
		return r->status;
	}
	want = st_uscc_org_check_character(code + 8);
	if (code[16] != want) {
		r->status = ST_USCC_BAD_ORG_CHECK;
		r->position = 17;
		r->found = code[16];
		r->expected = want;
		return r->status;
	}
	want = st_uscc_check_character(code);
	if (code[17] != want) {
		r->status = ST_USCC_BAD_CHECK;
		r->position = 18;
		r->found = code[17];
		r->expected = want;
		return r->status;
	}
	return ST_USCC_OK;
}

int st_uscc_normalise(char out[ST_USCC_LEN + 1], const char *in)
{
	char up[ST_USCC_LEN + 1];
	st_uscc_result r;
	size_t i, len = strlen(in);

	/* A character outside ASCII (a 全角 digit, say) is named by its place. */
	for (i = 0; i < len; i++) {
		if ((unsigned char)in[i] >= 0x80) {
			size_t chars = 0, k;
			for (k = 0; k < i; k++)
				if (((unsigned char)in[k] & 0xc0) != 0x80)
					chars++;
			return st_error_set(ST_EINVALID,
				_("invalid USCC '%s': character %zu is not allowed (only digits and the letters ABCDEFGHJKLMNPQRTUWXY)"),
				in, chars + 1);
		}
	}
	if (len != ST_USCC_LEN)
		return st_error_set(ST_EINVALID,
			_("invalid USCC '%s': it has %zu characters, a USCC has 18"),
			in, len);
	for (i = 0; i < len; i++)
		up[i] = (char)toupper((unsigned char)in[i]);
	up[len] = '\0';

	switch (st_uscc_check(&r, up)) {
	case ST_USCC_OK:
		memcpy(out, up, sizeof(up));
		return 0;
	case ST_USCC_BAD_CHARACTER:
		if ((unsigned char)r.found < 0x20 || (unsigned char)r.found >= 0x7f)
			return st_error_set(ST_EINVALID,
				_("invalid USCC '%s': character %zu is not allowed (only digits and the letters ABCDEFGHJKLMNPQRTUWXY)"),
				in, r.position);
		return st_error_set(ST_EINVALID,
			_("invalid USCC '%s': character %zu '%c' is not allowed (only digits and the letters ABCDEFGHJKLMNPQRTUWXY)"),
			in, r.position, r.found);
	case ST_USCC_BAD_ORG_CHECK:
		return st_error_set(ST_EINVALID,
			_("invalid USCC '%s': organisation code check (GB 11714) failed: character 17 is '%c', expected '%c'"),
			in, r.found, r.expected);
	case ST_USCC_BAD_CHECK:
		return st_error_set(ST_EINVALID,
			_("invalid USCC '%s': check character (GB 32100) failed: character 18 is '%c', expected '%c'"),
			in, r.found, r.expected);
	case ST_USCC_BAD_LENGTH:
		break;
	}
	return st_error_set(ST_EINVALID,
		_("invalid USCC '%s': it has %zu characters, a USCC has 18"), in, len);
}

void st_uscc_region(char out[7], const char *code)
{
	memcpy(out, code + 2, 6);
	out[6] = '\0';
}
