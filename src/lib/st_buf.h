/*
 * st_buf.h: a growable, always NUL-terminated byte buffer.
 *
 * Appends never fail loudly: on allocation failure the buffer turns
 * "failed", later appends do nothing, and the owner checks st_buf_failed()
 * once before using the content.  A buffer starts as ST_BUF_INIT and is
 * released with st_buf_dispose(), which accepts any buffer.
 */
#ifndef ST_BUF_H
#define ST_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "st_error.h"

typedef struct {
	char *ptr;    /* content, NUL-terminated; "" while empty */
	size_t size;  /* bytes of content, not counting the NUL */
	size_t asize; /* bytes allocated; 0 while ptr is the shared "" */
	int failed;
} st_buf;

extern char st_buf__empty[];
#define ST_BUF_INIT { st_buf__empty, 0, 0, 0 }

void st_buf_init(st_buf *buf);
void st_buf_dispose(st_buf *buf);
void st_buf_clear(st_buf *buf);
int st_buf_grow(st_buf *buf, size_t extra);
void st_buf_put(st_buf *buf, const char *data, size_t len);
void st_buf_puts(st_buf *buf, const char *s);
void st_buf_putc(st_buf *buf, char c);
void st_buf_printf(st_buf *buf, const char *fmt, ...) ST_PRINTF(2, 3);
void st_buf_vprintf(st_buf *buf, const char *fmt, va_list ap);
/* Appends 'n' spaces. */
void st_buf_pad(st_buf *buf, size_t n);
/* Returns ST_ERROR (with the out-of-memory message) if an append failed. */
int st_buf_check(const st_buf *buf);
#define st_buf_failed(b) ((b)->failed)
/* Hands the content to the caller (free() it) and resets the buffer. */
char *st_buf_detach(st_buf *buf);

/*
 * Makes room for element 'n' of a growable array: 'array' is the address
 * of the array pointer (any element type), '*alloc' its capacity, 'elem'
 * the size of one element.  Doubles the capacity when full.  Returns 0,
 * or ST_ERROR with the array unchanged.
 */
int st_array_grow(void *array, size_t *alloc, size_t n, size_t elem);

#endif
