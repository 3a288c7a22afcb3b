/*
 * st_text.h: UTF-8 text as people type it and terminals show it.
 */
#ifndef ST_TEXT_H
#define ST_TEXT_H

#include <stddef.h>

/* 1 when 's' is well-formed UTF-8 (no overlongs, no surrogates). */
int st_utf8_valid(const char *s, size_t len);

/* Code points in a valid UTF-8 string. */
size_t st_utf8_length(const char *s);

/*
 * Columns a terminal uses for a valid UTF-8 string: East Asian wide and
 * full-width characters (汉字, full-width punctuation) take two.
 */
size_t st_utf8_width(const char *s);

/*
 * Checks a one-line label typed by a user (a name, a title): valid UTF-8,
 * not empty, no control characters, no leading or trailing white space, at
 * most 'max_chars' characters.  'what' names the field in the message.
 * Returns 0 or ST_EINVALID.
 */
int st_text_check_label(const char *s, const char *what, size_t max_chars);

#endif
