/* st_text.c: UTF-8 checks and display widths. */
#include <config.h>

#include <stdint.h>
#include <string.h>

#include "st_error.h"
#include "st_i18n.h"
#include "st_text.h"

/* Decodes one code point; returns its byte length, or 0 when malformed. */
static size_t utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	uint32_t c;
	size_t n, i;

	if (len == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if ((s[0] & 0xe0) == 0xc0) {
		n = 2;
		c = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		n = 3;
		c = s[0] & 0x0f;
	} else if ((s[0] & 0xf8) == 0xf0) {
		n = 4;
		c = s[0] & 0x07;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((n == 2 && c < 0x80) || (n == 3 && c < 0x800) ||
	    (n == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

int st_utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;
	size_t n;

	while (len > 0) {
		if ((n = utf8_decode(p, len, &cp)) == 0)
			return 0;
		p += n;
		len -= n;
	}
	return 1;
}

size_t st_utf8_length(const char *s)
{
	size_t count = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			count++;
	return count;
}

static int is_wide(uint32_t c)
{
	return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) ||
	       (c >= 0x3041 && c <= 0x33ff) || (c >= 0x3400 && c <= 0x4dbf) ||
	       (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) ||
	       (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
	       (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
	       (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd);
}

size_t st_utf8_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), width = 0, n;
	uint32_t cp;

	while (len > 0) {
		if ((n = utf8_decode(p, len, &cp)) == 0) {
			n = 1; /* count a stray byte as one column */
			cp = '?';
		}
		width += is_wide(cp) ? 2 : 1;
		p += n;
		len -= n;
	}
	return width;
}

int st_text_check_label(const char *s, const char *what, size_t max_chars)
{
	size_t len = strlen(s), i;

	if (len == 0)
		return st_error_set(ST_EINVALID, _("%s must not be empty"), what);
	if (!st_utf8_valid(s, len))
		return st_error_set(ST_EINVALID, _("%s is not valid UTF-8 text"), what);
	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return st_error_set(ST_EINVALID,
				_("%s must be one line without control characters"), what);
	/* An ASCII space or an ideographic one (U+3000, 全角空格). */
	if (s[0] == ' ' || s[len - 1] == ' ' ||
	    strncmp(s, "\xe3\x80\x80", 3) == 0 ||
	    (len >= 3 && strcmp(s + len - 3, "\xe3\x80\x80") == 0))
		return st_error_set(ST_EINVALID,
			_("%s must not begin or end with a space"), what);
	if (st_utf8_length(s) > max_chars)
		return st_error_set(ST_EINVALID,
			_("%s is longer than %zu characters"), what, max_chars);
	return 0;
}
