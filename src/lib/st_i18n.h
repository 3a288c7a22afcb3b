/*
 * st_i18n.h: message translation.  _() marks and translates a message,
 * N_() marks one in a static table for translation where it is printed.
 * The library translates in the "stdtool" domain so it works under any
 * program's textdomain; the locale itself is set up only in main().
 */
#ifndef ST_I18N_H
#define ST_I18N_H

#include <libintl.h>
#include <string.h>

#define ST_TEXTDOMAIN "stdtool"
#define _(s) dgettext(ST_TEXTDOMAIN, s)
#define N_(s) (s)
#define Q_(s, p, n) dngettext(ST_TEXTDOMAIN, s, p, n)
/*
 * C_() translates a message in a context, for one English word that needs
 * two translations ("publication": a stage, 出版, and a date, 发布).
 */
#define C_(ctx, s) st_pgettext(ctx "\004" s, s)

static inline const char *st_pgettext(const char *key, const char *msg)
{
	const char *t = dgettext(ST_TEXTDOMAIN, key);

	return t == key ? msg : t;
}

/*
 * NC_() marks a message with its context in a static table, as N_() does;
 * st_gettext() then translates a message marked either way.
 */
#define NC_(ctx, s) (ctx "\004" s)

static inline const char *st_gettext(const char *s)
{
	const char *sep = strchr(s, '\004');

	return sep ? st_pgettext(s, sep + 1) : dgettext(ST_TEXTDOMAIN, s);
}

#endif
