/* Per-request memory: everything a request allocates comes from its arena
 * and is released in one go when the request ends. Allocation never fails:
 * out of memory aborts, so call sites stay clean (as in Redis). */
#ifndef WIJZER_ARENA_H
#define WIJZER_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct Arena Arena;

Arena *arena_new(void);
void arena_free(Arena *a);
void *arena_alloc(Arena *a, size_t n);            /* zeroed, never NULL */
char *arena_strdup(Arena *a, const char *s);      /* NULL stays NULL */
char *arena_strndup(Arena *a, const char *s, size_t n);
/* Doubles an arena array's capacity (from 16), copying *cap elements;
 * the old block stays in the arena. */
void *arena_grow(Arena *a, void *v, size_t *cap, size_t size);
char *arena_printf(Arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *arena_vprintf(Arena *a, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

/* Allocation that aborts on out-of-memory, for the few long-lived objects. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

#endif
