/* A growable byte buffer on the heap. Response bodies are built in one and
 * handed to the HTTP layer, which frees them after sending. */
#ifndef WIJZER_BUF_H
#define WIJZER_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct Buf {
    char *data;  /* always NUL-terminated when len > 0 or after buf_cstr */
    size_t len, cap;
} Buf;

void buf_init(Buf *b);
void buf_free(Buf *b);
void buf_reset(Buf *b);
void buf_add(Buf *b, const void *p, size_t n);
void buf_puts(Buf *b, const char *s);
void buf_putc(Buf *b, char c);
void buf_printf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *buf_cstr(Buf *b);
char *buf_steal(Buf *b, size_t *len); /* caller frees with free() */

#endif
