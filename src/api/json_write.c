/* JSON text from a jansson value, straight into the response buffer.
 * jansson's own json_dumps went through a callback per piece and a
 * growing string of its own, then a copy: a fifth of the time of a
 * GET /initiatives/{id} (bench/run.sh). Strings are written as UTF-8
 * (jansson only holds valid UTF-8); only what JSON requires is escaped,
 * plus U+2028 and U+2029, which old JavaScript parsers take for line ends. */
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "api/json.h"

static void write_string(Buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    buf_putc(b, '"');
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = NULL;
        char u[7];
        if (c == '"')
            esc = "\\\"";
        else if (c == '\\')
            esc = "\\\\";
        else if (c == '\n')
            esc = "\\n";
        else if (c == '\r')
            esc = "\\r";
        else if (c == '\t')
            esc = "\\t";
        else if (c < 0x20 || c == 0x7f) {
            memcpy(u, "\\u00", 4);
            u[4] = hex[c >> 4];
            u[5] = hex[c & 15];
            u[6] = 0;
            esc = u;
        } else if (c == 0xe2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80
                   && ((unsigned char)s[i + 2] == 0xa8 || (unsigned char)s[i + 2] == 0xa9)) {
            esc = (unsigned char)s[i + 2] == 0xa8 ? "\\u2028" : "\\u2029";
            buf_add(b, s + start, i - start);
            buf_puts(b, esc);
            i += 2;
            start = i + 1;
            continue;
        }
        if (esc) {
            buf_add(b, s + start, i - start);
            buf_puts(b, esc);
            start = i + 1;
        }
    }
    buf_add(b, s + start, n - start);
    buf_putc(b, '"');
}

void json_write(Buf *b, const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        buf_putc(b, '{');
        const char *key;
        json_t *val;
        int first = 1;
        json_object_foreach((json_t *)v, key, val) {
            if (!first)
                buf_putc(b, ',');
            first = 0;
            write_string(b, key, strlen(key));
            buf_putc(b, ':');
            json_write(b, val);
        }
        buf_putc(b, '}');
        break;
    }
    case JSON_ARRAY: {
        buf_putc(b, '[');
        for (size_t i = 0, n = json_array_size(v); i < n; i++) {
            if (i)
                buf_putc(b, ',');
            json_write(b, json_array_get(v, i));
        }
        buf_putc(b, ']');
        break;
    }
    case JSON_STRING:
        write_string(b, json_string_value(v), json_string_length(v));
        break;
    case JSON_INTEGER: {
        char num[24];
        int len = snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        buf_add(b, num, (size_t)len);
        break;
    }
    case JSON_REAL: {
        double d = json_real_value(v);
        char num[40];
        if (!isfinite(d)) { /* JSON has no NaN or infinity */
            buf_puts(b, "null");
            break;
        }
        snprintf(num, sizeof num, "%.17g", d);
        /* The shortest text that reads back as the same number. */
        for (int p = 1; p < 17; p++) {
            char t[40];
            snprintf(t, sizeof t, "%.*g", p, d);
            if (strtod(t, NULL) == d) {
                memcpy(num, t, sizeof t);
                break;
            }
        }
        buf_puts(b, num);
        if (!strpbrk(num, ".eE"))
            buf_puts(b, ".0");
        break;
    }
    case JSON_TRUE:
        buf_puts(b, "true");
        break;
    case JSON_FALSE:
        buf_puts(b, "false");
        break;
    case JSON_NULL:
        buf_puts(b, "null");
        break;
    }
}
