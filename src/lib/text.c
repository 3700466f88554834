#include "lib/text.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

int utf8_valid(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        if (*p < 0x80) {
            p++;
            continue;
        }
        int n;
        unsigned min;
        unsigned cp;
        if ((*p & 0xe0) == 0xc0) {
            n = 1, cp = *p & 0x1f, min = 0x80;
        } else if ((*p & 0xf0) == 0xe0) {
            n = 2, cp = *p & 0x0f, min = 0x800;
        } else if ((*p & 0xf8) == 0xf0) {
            n = 3, cp = *p & 0x07, min = 0x10000;
        } else {
            return 0;
        }
        p++;
        for (int i = 0; i < n; i++, p++) {
            if ((*p & 0xc0) != 0x80)
                return 0;
            cp = (cp << 6) | (*p & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return 0;
    }
    return 1;
}

size_t utf8_len(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; p && *p; p++)
        if ((*p & 0xc0) != 0x80)
            n++;
    return n;
}

char *text_trim(Arena *a, const char *s)
{
    if (!s)
        return NULL;
    while (*s && isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    char *out = arena_alloc(a, n + 1);
    size_t j = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != '\r')
            out[j++] = s[i];
    out[j] = 0;
    return out;
}

int text_is_blank(const char *s)
{
    for (; s && *s; s++)
        if (!isspace((unsigned char)*s))
            return 0;
    return 1;
}

int parse_int64(const char *s, int64_t *out)
{
    if (!s || !*s || isspace((unsigned char)*s))
        return 0;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || *end)
        return 0;
    *out = v;
    return 1;
}

int parse_euros(const char *s, int64_t *cents)
{
    if (!s)
        return 0;
    /* Keep digits and the last separator; a separator followed by exactly
     * one or two digits at the end is the decimal mark. */
    char digits[32];
    size_t n = 0;
    int dec_pos = -1;
    const char *p = s;
    while (*p == ' ' || (unsigned char)*p == 0xe2 || (unsigned char)*p == 0x82 || (unsigned char)*p == 0xac
           || *p == 'E' || *p == 'U' || *p == 'R')
        p++; /* "€ ", "EUR" */
    if (!*p)
        return 0;
    for (; *p; p++) {
        if (isdigit((unsigned char)*p)) {
            if (n + 1 >= sizeof digits)
                return 0;
            digits[n++] = *p;
        } else if (*p == ',' || *p == '.') {
            size_t rest = strspn(p + 1, "0123456789");
            if (p[1 + rest] == 0 && rest >= 1 && rest <= 2)
                dec_pos = (int)n;
            else if (rest != 3)
                return 0;
        } else if (*p == ' ' && p[1] == 0) {
            break;
        } else {
            return 0;
        }
    }
    if (n == 0)
        return 0;
    digits[n] = 0;
    int64_t whole = 0, frac = 0;
    int frac_digits = dec_pos < 0 ? 0 : (int)n - dec_pos;
    for (int i = 0; i < (int)n - frac_digits; i++) {
        whole = whole * 10 + (digits[i] - '0');
        if (whole > 100000000000LL)
            return 0;
    }
    for (int i = (int)n - frac_digits; i < (int)n; i++)
        frac = frac * 10 + (digits[i] - '0');
    if (frac_digits == 1)
        frac *= 10;
    *cents = whole * 100 + frac;
    return 1;
}

/* The digits of v with a dot before each group of three (Dutch). */
static void group_digits(unsigned long long v, char out[32])
{
    char digits[24];
    snprintf(digits, sizeof digits, "%llu", v);
    size_t len = strlen(digits), j = 0;
    for (size_t i = 0; i < len; i++) {
        if (i && (len - i) % 3 == 0)
            out[j++] = '.';
        out[j++] = digits[i];
    }
    out[j] = 0;
}

const char *format_euros(Arena *a, int64_t cents)
{
    int neg = cents < 0;
    unsigned long long v = neg ? 0 - (unsigned long long)cents : (unsigned long long)cents;
    char grouped[32];
    group_digits(v / 100, grouped);
    return arena_printf(a, "%s€ %s,%02llu", neg ? "-" : "", grouped, v % 100);
}

const char *format_count(Arena *a, int64_t n)
{
    int neg = n < 0;
    char grouped[32];
    group_digits(neg ? 0 - (unsigned long long)n : (unsigned long long)n, grouped);
    return arena_printf(a, "%s%s", neg ? "-" : "", grouped);
}
