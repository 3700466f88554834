/* Shared by the libFuzzer harnesses in this directory. Each harness is one
 * file with LLVMFuzzerTestOneInput; clang links it with libFuzzer (make
 * fuzz), and replay.c gives it a main that runs saved inputs (make check). */
#ifndef WIJZER_FUZZ_H
#define WIJZER_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A property the code must keep; a failure aborts, which both libFuzzer
 * and the replay count as a crash. */
#define FUZZ_CHECK(cond)                                                                       \
    do {                                                                                       \
        if (!(cond)) {                                                                         \
            fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond);        \
            abort();                                                                           \
        }                                                                                      \
    } while (0)

/* A heap copy of exactly n bytes (no terminator), so the sanitizer sees
 * a read one past the end. */
static inline char *fuzz_copy(const uint8_t *data, size_t n)
{
    char *p = malloc(n ? n : 1);
    if (!p)
        abort();
    if (n)
        memcpy(p, data, n);
    return p;
}

/* A heap copy with a terminating NUL, for code that takes C strings. */
static inline char *fuzz_cstr(const uint8_t *data, size_t n)
{
    char *p = malloc(n + 1);
    if (!p)
        abort();
    if (n)
        memcpy(p, data, n);
    p[n] = 0;
    return p;
}

#endif
