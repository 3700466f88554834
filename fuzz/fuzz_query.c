/* The URL and query-string parser: form_parse on a query string and
 * url_decode, plus the property that url_encode_into and url_decode
 * undo each other. */
#include "fuzz.h"
#include "lib/buf.h"
#include "lib/form.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Arena *a = arena_new();
    char *s = fuzz_copy(data, size);

    Form *f = form_parse(a, s, size);
    FUZZ_CHECK(f->count <= FORM_MAX_FIELDS);
    size_t total = 0;
    for (size_t i = 0; i < f->count; i++) {
        const char *name = f->fields[i].name, *value = f->fields[i].value;
        FUZZ_CHECK(name && *name && value);
        total += strlen(name) + strlen(value);
        /* The first value of a name is what form_get finds. */
        const char *first = form_get(f, name);
        FUZZ_CHECK(first);
        const char *all[4];
        FUZZ_CHECK(form_get_all(f, name, all, 4) >= 1 && all[0] == first);
    }
    FUZZ_CHECK(total <= size); /* decoding never makes text longer */

    for (int plus = 0; plus <= 1; plus++) {
        char *d = url_decode(a, s, size, plus);
        FUZZ_CHECK(strlen(d) <= size);
        if (plus)
            FUZZ_CHECK(!memchr(d, '+', strlen(d)) || memchr(s, '%', size));
    }

    /* Round trip: any text (up to its first NUL) survives encoding. */
    char *text = fuzz_cstr(data, size);
    Buf b;
    buf_init(&b);
    url_encode_into(&b, text);
    const char *enc = buf_cstr(&b);
    for (const char *p = enc; *p; p++)
        FUZZ_CHECK(*p > ' ' && *p < 127 && !strchr("&=+ #?/\"<>", *p));
    FUZZ_CHECK(strcmp(url_decode(a, enc, b.len, 1), text) == 0);
    buf_free(&b);
    free(text);

    free(s);
    arena_free(a);
    return 0;
}
