#include "lib/arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ARENA_BLOCK = 16 * 1024 };

typedef struct Block {
    struct Block *next;
    size_t used, cap;
    max_align_t data[];
} Block;

struct Arena {
    Block *head;
};

static _Noreturn void out_of_memory(void)
{
    fputs("wijzer: out of memory\n", stderr);
    abort();
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory();
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        out_of_memory();
    return p;
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        out_of_memory();
    return p;
}

char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xmalloc(n), s, n);
}

Arena *arena_new(void)
{
    return xcalloc(1, sizeof(Arena));
}

void arena_free(Arena *a)
{
    if (!a)
        return;
    for (Block *b = a->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(a);
}

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_EXACT 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(ARENA_EXACT)
#define ARENA_EXACT 1
#endif

void *arena_alloc(Arena *a, size_t n)
{
#ifdef ARENA_EXACT
    /* Under AddressSanitizer each allocation gets a block of exactly its
     * size, so reading or writing one byte past it is caught (inside a
     * shared block it would not be): the sanitizer tests and fuzzers rely
     * on this. */
    Block *eb = xmalloc(sizeof(Block) + n);
    eb->used = eb->cap = n;
    eb->next = a->head;
    a->head = eb;
    memset(eb->data, 0, n);
    return eb->data;
#else
    size_t align = sizeof(max_align_t);
    n = (n + align - 1) / align * align;
    if (n == 0)
        n = align;
    Block *b = a->head;
    if (!b || b->cap - b->used < n) {
        /* Large requests get a block of their own so small ones keep filling
         * the current block. */
        size_t cap = n > ARENA_BLOCK / 4 ? n : ARENA_BLOCK;
        Block *nb = xmalloc(sizeof(Block) + cap);
        nb->used = 0;
        nb->cap = cap;
        if (b && cap != ARENA_BLOCK) {
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            a->head = nb;
        }
        b = nb;
    }
    void *p = (char *)b->data + b->used;
    b->used += n;
    memset(p, 0, n);
    return p;
#endif
}

void *arena_grow(Arena *a, void *v, size_t *cap, size_t size)
{
    size_t ncap = *cap ? *cap * 2 : 16;
    void *nv = arena_alloc(a, ncap * size);
    if (v && *cap)
        memcpy(nv, v, *cap * size);
    *cap = ncap;
    return nv;
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    if (!s)
        return NULL;
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *arena_strdup(Arena *a, const char *s)
{
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_vprintf(Arena *a, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return arena_strdup(a, "");
    char *p = arena_alloc(a, (size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *arena_printf(Arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = arena_vprintf(a, fmt, ap);
    va_end(ap);
    return p;
}
