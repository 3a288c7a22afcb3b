/* st_buf.c: growable byte buffers. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "st_buf.h"

char st_buf__empty[1];

void st_buf_init(st_buf *buf)
{
	buf->ptr = st_buf__empty;
	buf->size = 0;
	buf->asize = 0;
	buf->failed = 0;
}

void st_buf_dispose(st_buf *buf)
{
	if (!buf)
		return;
	if (buf->asize)
		free(buf->ptr);
	st_buf_init(buf);
}

void st_buf_clear(st_buf *buf)
{
	buf->size = 0;
	if (buf->asize)
		buf->ptr[0] = '\0';
}

int st_buf_grow(st_buf *buf, size_t extra)
{
	size_t want, nsize;
	char *p;

	if (buf->failed)
		return -1;
	if (extra > (size_t)-1 - buf->size - 1)
		goto oom;
	want = buf->size + extra + 1;
	if (want <= buf->asize)
		return 0;
	nsize = buf->asize ? buf->asize : 64;
	while (nsize < want)
		nsize = nsize > ((size_t)-1) / 2 ? want : nsize * 2;
	p = realloc(buf->asize ? buf->ptr : NULL, nsize);
	if (!p)
		goto oom;
	if (!buf->asize)
		p[0] = '\0';
	buf->ptr = p;
	buf->asize = nsize;
	return 0;
oom:
	buf->failed = 1;
	return -1;
}

void st_buf_put(st_buf *buf, const char *data, size_t len)
{
	if (st_buf_grow(buf, len) < 0)
		return;
	memmove(buf->ptr + buf->size, data, len);
	buf->size += len;
	buf->ptr[buf->size] = '\0';
}

void st_buf_puts(st_buf *buf, const char *s)
{
	st_buf_put(buf, s, strlen(s));
}

void st_buf_putc(st_buf *buf, char c)
{
	st_buf_put(buf, &c, 1);
}

void st_buf_pad(st_buf *buf, size_t n)
{
	if (st_buf_grow(buf, n) < 0)
		return;
	memset(buf->ptr + buf->size, ' ', n);
	buf->size += n;
	buf->ptr[buf->size] = '\0';
}

void st_buf_vprintf(st_buf *buf, const char *fmt, va_list ap)
{
	va_list copy;
	int len;

	if (buf->failed)
		return;
	va_copy(copy, ap);
	len = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (len < 0 || st_buf_grow(buf, (size_t)len) < 0) {
		buf->failed = 1;
		return;
	}
	vsnprintf(buf->ptr + buf->size, (size_t)len + 1, fmt, ap);
	buf->size += (size_t)len;
}

void st_buf_printf(st_buf *buf, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	st_buf_vprintf(buf, fmt, ap);
	va_end(ap);
}

int st_buf_check(const st_buf *buf)
{
	return buf->failed ? st_error_oom() : 0;
}

int st_array_grow(void *array, size_t *alloc, size_t n, size_t elem)
{
	void *items, *grown;
	size_t want;

	if (n < *alloc)
		return 0;
	want = *alloc ? *alloc * 2 : 16;
	if (want > (size_t)-1 / elem)
		return st_error_oom();
	/* memcpy: the array pointer may be of any object pointer type. */
	memcpy(&items, array, sizeof(items));
	if (!(grown = realloc(items, want * elem)))
		return st_error_oom();
	memcpy(array, &grown, sizeof(grown));
	*alloc = want;
	return 0;
}

char *st_buf_detach(st_buf *buf)
{
	char *p;

	if (buf->failed) {
		st_buf_dispose(buf);
		return NULL;
	}
	p = buf->asize ? buf->ptr : strdup("");
	st_buf_init(buf);
	return p;
}
