/* The HTML writer. Everything written is escaped unless it is markup we
 * made: a string literal (HTML("...")), the markdown renderer (cmark in its
 * safe default mode) or an escaping helper. A non-literal does not compile
 * as Html, so escaping is the path of least resistance. */
#ifndef WIJZER_HTML_H
#define WIJZER_HTML_H

#include <stddef.h>

#include "lib/buf.h"

typedef struct { const char *s; } Html;
#define HTML(lit) ((Html){ "" lit "" })

/* Markup known to be safe; only the markdown renderer and the helpers
 * below construct one from a non-literal. */
Html html_trusted_(const char *s);

void out_html(Buf *b, Html h);                 /* raw markup we made */
void out_text(Buf *b, const char *s);           /* text node: escaped; NULL writes nothing */
void out_textn(Buf *b, const char *s, size_t n);
void out_attr(Buf *b, const char *s);           /* attribute value: escaped */
void out_url(Buf *b, const char *url);          /* attribute value, only http(s), mailto, tel or relative; otherwise "#" */
void out_int(Buf *b, long long v);
/* A search snippet: text escaped, the store's match markers \x01 and
 * \x02 turned into <mark> and </mark>; an unclosed mark is closed. */
void out_marked(Buf *b, const char *s);

/* Formatted output whose format is a literal: %s arguments are escaped,
 * numbers are written as printf would. Supported: %s %d %i %u %ld %lld
 * %lu %llu %zu %%. */
#define OUTF(b, lit, ...) outf_((b), "" lit "", __VA_ARGS__)
void outf_(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Escape into a new heap string (used by tests and by the JSON-in-HTML
 * helpers). */
void html_escape_into(Buf *b, const char *s, size_t n);
int url_is_safe(const char *url);

#endif
