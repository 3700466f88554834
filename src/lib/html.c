#include "lib/html.h"

#include <stdarg.h>
#include <sys/types.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

Html html_trusted_(const char *s)
{
    return (Html){ s ? s : "" };
}

void out_html(Buf *b, Html h)
{
    buf_puts(b, h.s);
}

void html_escape_into(Buf *b, const char *s, size_t n)
{
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep;
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        case '\0': rep = ""; break;
        default: continue;
        }
        buf_add(b, s + start, i - start);
        buf_puts(b, rep);
        start = i + 1;
    }
    buf_add(b, s + start, n - start);
}

void out_textn(Buf *b, const char *s, size_t n)
{
    if (s)
        html_escape_into(b, s, n);
}

void out_text(Buf *b, const char *s)
{
    if (s)
        html_escape_into(b, s, strlen(s));
}

void out_attr(Buf *b, const char *s)
{
    out_text(b, s);
}

int url_is_safe(const char *url)
{
    if (!url || !*url)
        return 0;
    /* Relative references: a path, query or fragment, but not "//host"
     * which would leave the site. */
    if (url[0] == '/' )
        return url[1] != '/' && url[1] != '\\';
    if (url[0] == '?' || url[0] == '#')
        return 1;
    static const char *const schemes[] = { "https://", "http://", "mailto:", "tel:" };
    for (size_t i = 0; i < sizeof schemes / sizeof *schemes; i++)
        if (strncasecmp(url, schemes[i], strlen(schemes[i])) == 0)
            return 1;
    return 0;
}

void out_url(Buf *b, const char *url)
{
    out_attr(b, url_is_safe(url) ? url : "#");
}

void out_int(Buf *b, long long v)
{
    buf_printf(b, "%lld", v);
}

void out_marked(Buf *b, const char *s)
{
    int open = 0;
    while (s && *s) {
        size_t n = strcspn(s, "\x01\x02");
        html_escape_into(b, s, n);
        s += n;
        if (*s == '\x01' && !open) {
            buf_puts(b, "<mark>");
            open = 1;
        } else if (*s == '\x02' && open) {
            buf_puts(b, "</mark>");
            open = 0;
        }
        if (*s)
            s++;
    }
    if (open)
        buf_puts(b, "</mark>");
}

/* Copies the literal parts of fmt and formats each conversion on its own,
 * so %s can be escaped. Only the conversions listed in html.h are known;
 * the compiler checks argument types through the format attribute. */
void outf_(Buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const char *p = fmt;
    while (*p) {
        const char *pct = strchr(p, '%');
        if (!pct) {
            buf_puts(b, p);
            break;
        }
        buf_add(b, p, (size_t)(pct - p));
        p = pct + 1;
        if (*p == '%') {
            buf_putc(b, '%');
            p++;
            continue;
        }
        int longs = 0, size = 0;
        while (*p == 'l') {
            longs++;
            p++;
        }
        if (*p == 'z') {
            size = 1;
            p++;
        }
        char conv = *p ? *p++ : 0;
        switch (conv) {
        case 's':
            out_text(b, va_arg(ap, const char *));
            break;
        case 'd':
        case 'i':
            if (size)
                buf_printf(b, "%zd", va_arg(ap, ssize_t));
            else if (longs >= 2)
                buf_printf(b, "%lld", va_arg(ap, long long));
            else if (longs == 1)
                buf_printf(b, "%ld", va_arg(ap, long));
            else
                buf_printf(b, "%d", va_arg(ap, int));
            break;
        case 'u':
            if (size)
                buf_printf(b, "%zu", va_arg(ap, size_t));
            else if (longs >= 2)
                buf_printf(b, "%llu", va_arg(ap, unsigned long long));
            else if (longs == 1)
                buf_printf(b, "%lu", va_arg(ap, unsigned long));
            else
                buf_printf(b, "%u", va_arg(ap, unsigned));
            break;
        default:
            /* Unknown conversion: a programming error caught by tests. */
            buf_puts(b, "?");
            break;
        }
    }
    va_end(ap);
}
