/* st_error.c: the per-thread last error of the library. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "st_error.h"
#include "st_i18n.h"

/* Per thread, as libgit2 does: the only state the library keeps. */
static _Thread_local char last_message[1024];

int st_error_set(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_message, sizeof(last_message), fmt, ap);
	va_end(ap);
	return code;
}

int st_error_oom(void)
{
	return st_error_set(ST_ERROR, "%s", _("out of memory"));
}

const char *st_error_last(void)
{
	return last_message;
}

void st_error_clear(void)
{
	last_message[0] = '\0';
}
