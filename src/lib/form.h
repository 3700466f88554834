/* Name/value pairs from a query string or an
 * application/x-www-form-urlencoded body. Values are percent-decoded,
 * '+' is a space, and a name may repeat (checkbox groups). Limits keep a
 * hostile body from costing more than its size. */
#ifndef WIJZER_FORM_H
#define WIJZER_FORM_H

#include <stddef.h>

#include "lib/arena.h"

enum { FORM_MAX_FIELDS = 200 };

typedef struct FormField {
    const char *name, *value;
} FormField;

typedef struct Form {
    FormField *fields;
    size_t count, cap;
    int truncated; /* more than FORM_MAX_FIELDS fields were sent */
} Form;

Form *form_new(Arena *a);
void form_add(Arena *a, Form *f, const char *name, const char *value);
/* Parses s (n bytes); invalid percent escapes are kept literally. */
Form *form_parse(Arena *a, const char *s, size_t n);
const char *form_get(const Form *f, const char *name);         /* first value or NULL */
size_t form_get_all(const Form *f, const char *name, const char **out, size_t max);
/* Percent-decodes n bytes of s into a new string; plus_is_space for forms. */
char *url_decode(Arena *a, const char *s, size_t n, int plus_is_space);
/* Appends s percent-encoded for use in a query string. */
struct Buf;
void url_encode_into(struct Buf *b, const char *s);

#endif
