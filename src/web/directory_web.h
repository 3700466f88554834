/* Pieces the directory pages share (directory.c, organisations.c,
 * officials.c), made in directory.c: the error page of a failed domain
 * call, key/value facts, badges, plain text with its line breaks, the
 * choices for theme, help kind and wijk checkboxes, and the field ids of
 * the edit forms. Every helper escapes what it is given. */
#ifndef WIJZER_WEB_DIRECTORY_WEB_H
#define WIJZER_WEB_DIRECTORY_WEB_H

#include "domain/directory.h"
#include "web/pages.h"

/* what: "dit doel", "deze organisatie", … for the 404 text. */
void dw_status_page(Request *r, Status s, const char *what);
const char *dw_arg(Request *r, const char *name);
/* At most max values of a repeated form field. */
size_t dw_args(Request *r, const char *name, const char **out, size_t max);
void dw_fact(Request *r, const char *key, const char *value);
void dw_fact_html_begin(Request *r, const char *key);
void dw_fact_html_end(Request *r);
/* A <p class="wijzer-badges"> of data badges; nothing when n is 0. */
void dw_badges(Request *r, const CodeName *v, size_t n);
/* Plain text as paragraphs, one per blank-line separated block. */
void dw_text(Request *r, const char *text);
/* kind: 't' themes, 'h' help kinds, 'w' wijken. */
Option *dw_options(Request *r, char kind, size_t *n);
const char **dw_codes(Request *r, const CodeName *v, size_t n);
const char *dw_field_id(Arena *a, const char *field);
void dw_button(Request *r, const char *label);
/* A place as a card with an h3 (under an h2 section). */
void dw_place_card(Request *r, const Place *p);
/* A link styled as a secondary button. */
void dw_link_button(Request *r, const char *href, const char *label);

#endif
