#include "domain/checks.h"

#include "lib/text.h"

const char *check_text(Arena *a, const char *value, int required, size_t max, FieldErrors *e, const char *field,
                       const char *what)
{
    const char *v = text_trim(a, value);
    if (!v || !*v) {
        if (required)
            errors_add(e, field, arena_printf(a, "Vul %s in.", what));
        return "";
    }
    if (!utf8_valid(v)) {
        errors_add(e, field, "Deze tekst bevat tekens die we niet kunnen lezen.");
        return v;
    }
    size_t n = utf8_len(v);
    if (n > max)
        errors_add(e, field, arena_printf(a, "Gebruik hoogstens %zu tekens voor %s (nu %zu).", max, what, n));
    return v;
}
