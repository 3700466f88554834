/* Markdown rendering (cmark in its safe mode, through markdown_render).
 * The output is trusted markup, so it is checked as a browser would read
 * it: only the tags cmark makes, only their attributes, no <script
 * anywhere, and no link or image whose address a browser would run
 * (javascript:, vbscript:, file:, data: other than images). The text
 * "javascript:" itself may appear: it is escaped text, not a link. */
#include <ctype.h>

#include "fuzz.h"
#include "lib/markdown.h"

static const char *const TAGS[] = { "p", "blockquote", "ul", "ol", "li", "pre", "code", "h1", "h2", "h3", "h4", "h5",
                                    "h6", "hr", "br", "em", "strong", "a", "img", NULL };
static const char *const ATTRS[] = { "href", "src", "alt", "title", "start", "class", NULL };

static int in_list(const char *const *list, const char *s, size_t n)
{
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == n && memcmp(list[i], s, n) == 0)
            return 1;
    return 0;
}

static int starts_with_ci(const char *s, const char *prefix)
{
    for (; *prefix; s++, prefix++)
        if (tolower((unsigned char)*s) != *prefix)
            return 0;
    return 1;
}

/* What a browser makes of an attribute value: entities decoded (cmark
 * writes &amp; &quot; &lt; &gt; &#x27;), tabs, newlines and other
 * control characters and spaces removed. */
static void browser_url(const char *v, size_t n, char *out, size_t cap)
{
    size_t j = 0;
    for (size_t i = 0; i < n && j + 1 < cap; i++) {
        unsigned char c = (unsigned char)v[i];
        if (c == '&') {
            static const struct { const char *ent; char c; } ents[] = {
                { "&amp;", '&' }, { "&quot;", '"' },   { "&lt;", '<' },
                { "&gt;", '>' },  { "&#x27;", '\'' }, { "&#39;", '\'' },
            };
            size_t k;
            for (k = 0; k < sizeof ents / sizeof *ents; k++) {
                size_t el = strlen(ents[k].ent);
                if (i + el <= n && memcmp(v + i, ents[k].ent, el) == 0) {
                    out[j++] = ents[k].c;
                    i += el - 1;
                    break;
                }
            }
            if (k < sizeof ents / sizeof *ents)
                continue;
        }
        if (c <= ' ' || c == 0x7f)
            continue;
        out[j++] = (char)c;
    }
    out[j] = 0;
}

static void check_url(const char *v, size_t n)
{
    char url[4096];
    browser_url(v, n, url, sizeof url);
    FUZZ_CHECK(!starts_with_ci(url, "javascript:"));
    FUZZ_CHECK(!starts_with_ci(url, "vbscript:"));
    FUZZ_CHECK(!starts_with_ci(url, "file:"));
    if (starts_with_ci(url, "data:"))
        FUZZ_CHECK(starts_with_ci(url, "data:image/png") || starts_with_ci(url, "data:image/gif")
                   || starts_with_ci(url, "data:image/jpeg") || starts_with_ci(url, "data:image/webp"));
}

/* Checks one tag starting at '<'; returns where it ends. */
static const char *check_tag(const char *p)
{
    static const char comment[] = "<!-- raw HTML omitted -->";
    if (strncmp(p, comment, sizeof comment - 1) == 0)
        return p + sizeof comment - 1;
    p++;
    if (*p == '/')
        p++;
    const char *name = p;
    while ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
        p++;
    FUZZ_CHECK(in_list(TAGS, name, (size_t)(p - name)));
    for (;;) {
        while (*p == ' ')
            p++;
        if (*p == '>')
            return p + 1;
        if (p[0] == '/' && p[1] == '>')
            return p + 2;
        const char *attr = p;
        while (*p >= 'a' && *p <= 'z')
            p++;
        size_t an = (size_t)(p - attr);
        FUZZ_CHECK(in_list(ATTRS, attr, an));
        FUZZ_CHECK(p[0] == '=' && p[1] == '"');
        p += 2;
        const char *v = p;
        while (*p && *p != '"') {
            FUZZ_CHECK(*p != '<' && *p != '>');
            p++;
        }
        FUZZ_CHECK(*p == '"');
        if ((an == 4 && memcmp(attr, "href", 4) == 0) || (an == 3 && memcmp(attr, "src", 3) == 0))
            check_url(v, (size_t)(p - v));
        p++;
    }
}

static int contains_ci(const char *s, const char *needle)
{
    for (; *s; s++)
        if (starts_with_ci(s, needle))
            return 1;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Arena *a = arena_new();
    char *text = fuzz_cstr(data, size);
    Html h = markdown_render(a, text);
    FUZZ_CHECK(h.s);
    FUZZ_CHECK(!contains_ci(h.s, "<script"));
    /* Between tags there is only text, with < and > escaped. */
    for (const char *p = h.s; *p;) {
        FUZZ_CHECK(*p != '>');
        p = *p == '<' ? check_tag(p) : p + 1;
    }
    free(text);
    arena_free(a);
    return 0;
}
