/* JSON text from a jansson value, straight into the response buffer.
 * jansson's own json_dumps went through a callback per piece and a
 * growing string of its own, then a copy: a fifth of the time of a
 * GET /initiatives/{id} (bench/run.sh). Strings are written as UTF-8
 * (jansson only holds valid UTF-8); only what JSON requires is escaped,
 * plus U+2028 and U+2029, which old JavaScript parsers take for line ends. */
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "api/json.h"

/* buf_add without the call while the buffer has room: a JSON answer is
 * written in many small pieces. */
static inline void put(Buf *b, const void *p, size_t n)
{
    if (b->len + n < b->cap) {
        memcpy(b->data + b->len, p, n);
        b->len += n;
        b->data[b->len] = 0;
    } else {
        buf_add(b, p, n);
    }
}

static inline void put_c(Buf *b, char c)
{
    put(b, &c, 1);
}

/* Whether any of the 8 bytes in x must be looked at: a control
 * character, '"', '\\', DEL or a byte of a multi-byte character. */
static inline int word_special(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    uint64_t quote = x ^ (ones * '"'), slash = x ^ (ones * '\\'), del = x ^ (ones * 0x7f);
    uint64_t zero = ((quote - ones) & ~quote) | ((slash - ones) & ~slash) | ((del - ones) & ~del);
    return ((zero | (x - ones * 0x20) | x) & high) != 0;
}

#ifdef __SSE2__
/* word_special for 16 bytes at once. */
static inline int block_special(const unsigned char *p)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i low = _mm_cmplt_epi8(_mm_xor_si128(v, _mm_set1_epi8((char)0x80)), _mm_set1_epi8((char)(0x20 ^ 0x80)));
    __m128i bad = _mm_or_si128(_mm_or_si128(low, _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))),
                               _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\\')), _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f))));
    return _mm_movemask_epi8(_mm_or_si128(bad, v)) != 0; /* v: bytes from 0x80 on */
}
#endif

/* The length of the UTF-8 sequence that starts at s[i] (2 to 4), or 0
 * when it is not valid UTF-8 as jansson takes it: no overlong forms, no
 * surrogates, nothing above U+10FFFF. */
static size_t utf8_seq(const unsigned char *s, size_t i, size_t n)
{
    unsigned c = s[i], cp, min;
    size_t len;
    if (c >= 0xc2 && c <= 0xdf)
        len = 2, cp = c & 0x1f, min = 0x80;
    else if (c >= 0xe0 && c <= 0xef)
        len = 3, cp = c & 0x0f, min = 0x800;
    else if (c >= 0xf0 && c <= 0xf4)
        len = 4, cp = c & 0x07, min = 0x10000;
    else
        return 0;
    if (i + len > n)
        return 0;
    for (size_t k = 1; k < len; k++) {
        if ((s[i + k] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i + k] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return len;
}

/* Writes s as a JSON string; returns 0 (having written part of it) when
 * s is not valid UTF-8. Runs of plain characters are copied in one go. */
static int write_string(Buf *b, const char *str, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *s = (const unsigned char *)str;
    put_c(b, '"');
    size_t start = 0, i = 0;
    while (i < n) {
#ifdef __SSE2__
        if (i + 16 <= n && !block_special(s + i)) {
            i += 16;
            continue;
        }
#endif
        uint64_t w;
        if (i + 8 <= n) {
            memcpy(&w, s + i, 8);
            if (!word_special(w)) {
                i += 8;
                continue;
            }
        }
        unsigned char c = s[i];
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
            i++;
            continue;
        }
        char u[7];
        const char *esc;
        size_t skip = 1;
        if (c >= 0x80) {
            size_t len = utf8_seq(s, i, n);
            if (!len)
                return 0;
            if (len != 3 || c != 0xe2 || s[i + 1] != 0x80 || (s[i + 2] != 0xa8 && s[i + 2] != 0xa9)) {
                i += len;
                continue;
            }
            esc = s[i + 2] == 0xa8 ? "\\u2028" : "\\u2029";
            skip = 3;
        } else if (c == '"') {
            esc = "\\\"";
        } else if (c == '\\') {
            esc = "\\\\";
        } else if (c == '\n') {
            esc = "\\n";
        } else if (c == '\r') {
            esc = "\\r";
        } else if (c == '\t') {
            esc = "\\t";
        } else { /* other control characters and DEL */
            memcpy(u, "\\u00", 4);
            u[4] = hex[c >> 4];
            u[5] = hex[c & 15];
            u[6] = 0;
            esc = u;
        }
        put(b, s + start, i - start);
        put(b, esc, strlen(esc));
        i += skip;
        start = i;
    }
    put(b, s + start, n - start);
    put_c(b, '"');
    return 1;
}

/* A whole number as text, as printf's %lld writes it. */
static void write_int(Buf *b, int64_t v)
{
    char num[24], *p = num + sizeof num;
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    put(b, p, (size_t)(num + sizeof num - p));
}

/* ---- Writing without a tree ---------------------------------------- */

static void put_key(JsonOut *o, const char *key)
{
    if (o->comma)
        put_c(o->b, ',');
    o->comma = 1;
    if (key) {
        size_t n = strlen(key);
        put_c(o->b, '"');
        put(o->b, key, n);
        put(o->b, "\":", 2);
    }
}

void jout_init(JsonOut *o, Buf *b)
{
    o->b = b;
    o->comma = 0;
}

void jout_object(JsonOut *o, const char *key)
{
    put_key(o, key);
    put_c(o->b, '{');
    o->comma = 0;
}

void jout_end_object(JsonOut *o)
{
    put_c(o->b, '}');
    o->comma = 1;
}

void jout_array(JsonOut *o, const char *key)
{
    put_key(o, key);
    put_c(o->b, '[');
    o->comma = 0;
}

void jout_end_array(JsonOut *o)
{
    put_c(o->b, ']');
    o->comma = 1;
}

void jout_str(JsonOut *o, const char *key, const char *s)
{
    put_key(o, key);
    size_t at = o->b->len;
    if (!s || !write_string(o->b, s, strlen(s))) {
        o->b->len = at; /* jansson holds no text that is not UTF-8: null, as api_str */
        put(o->b, "null", 4);
    }
}

void jout_int(JsonOut *o, const char *key, int64_t v)
{
    put_key(o, key);
    write_int(o->b, v);
}

void jout_bool(JsonOut *o, const char *key, int v)
{
    put_key(o, key);
    if (v)
        put(o->b, "true", 4);
    else
        put(o->b, "false", 5);
}

void jout_null(JsonOut *o, const char *key)
{
    put_key(o, key);
    put(o->b, "null", 4);
}

void jout_raw(JsonOut *o, const char *key, const char *text, size_t n)
{
    put_key(o, key);
    put(o->b, text, n);
}

void jout_json(JsonOut *o, const char *key, const json_t *v)
{
    put_key(o, key);
    json_write(o->b, v);
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
    case JSON_INTEGER:
        write_int(b, json_integer_value(v));
        break;
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
