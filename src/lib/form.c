#include "lib/form.h"

#include <string.h>

#include "lib/buf.h"

Form *form_new(Arena *a)
{
    return arena_alloc(a, sizeof(Form));
}

void form_add(Arena *a, Form *f, const char *name, const char *value)
{
    if (f->count == FORM_MAX_FIELDS) {
        f->truncated = 1;
        return;
    }
    if (f->count == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 16;
        FormField *nf = arena_alloc(a, cap * sizeof *nf);
        if (f->count)
            memcpy(nf, f->fields, f->count * sizeof *nf);
        f->fields = nf;
        f->cap = cap;
    }
    f->fields[f->count].name = name;
    f->fields[f->count].value = value;
    f->count++;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

char *url_decode(Arena *a, const char *s, size_t n, int plus_is_space)
{
    char *out = arena_alloc(a, n + 1);
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '+' && plus_is_space) {
            out[j++] = ' ';
        } else if (c == '%' && i + 2 < n && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
            int v = hexval(s[i + 1]) * 16 + hexval(s[i + 2]);
            /* A NUL byte would silently cut the value short later on. */
            out[j++] = v ? (char)v : ' ';
            i += 2;
        } else {
            out[j++] = c;
        }
    }
    out[j] = 0;
    return out;
}

Form *form_parse(Arena *a, const char *s, size_t n)
{
    Form *f = form_new(a);
    size_t i = 0;
    while (i < n) {
        size_t end = i;
        while (end < n && s[end] != '&' && s[end] != ';')
            end++;
        size_t eq = i;
        while (eq < end && s[eq] != '=')
            eq++;
        if (end > i) {
            const char *name = url_decode(a, s + i, eq - i, 1);
            const char *value = eq < end ? url_decode(a, s + eq + 1, end - eq - 1, 1) : "";
            if (*name)
                form_add(a, f, name, value);
        }
        i = end + 1;
    }
    return f;
}

const char *form_get(const Form *f, const char *name)
{
    if (!f)
        return NULL;
    for (size_t i = 0; i < f->count; i++)
        if (strcmp(f->fields[i].name, name) == 0)
            return f->fields[i].value;
    return NULL;
}

size_t form_get_all(const Form *f, const char *name, const char **out, size_t max)
{
    size_t n = 0;
    if (!f)
        return 0;
    for (size_t i = 0; i < f->count && n < max; i++)
        if (strcmp(f->fields[i].name, name) == 0)
            out[n++] = f->fields[i].value;
    return n;
}

void url_encode_into(Buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
        unsigned char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '-' || c == '_' || c == '.' || c == '~') {
            buf_putc(b, (char)c);
        } else {
            char e[3] = { '%', hex[c >> 4], hex[c & 15] };
            buf_add(b, e, 3);
        }
    }
}
