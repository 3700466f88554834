/* The frame of every page: <html lang="nl"> with the NL Design System
 * theme, skip link, header with navigation and who is logged in, main
 * content, footer. And the error page, used by the dispatcher. */
#ifndef WIJZER_LAYOUT_H
#define WIJZER_LAYOUT_H

#include "http/request.h"
#include "lib/html.h"

/* nav: which menu item is current ("home", "initiatieven", "nieuw",
 * "mijn", "werk", "account", "overzicht") or NULL. */
void page_begin(Request *r, const char *title, const char *nav);
void page_end(Request *r);
void web_error(Request *r, int status, const char *message);

/* A notice shown once on the next page (after a redirect), by key:
 * ingelogd, uitgelogd, welkom, ingediend, opgeslagen, stap, hulpvraag.
 * Add new keys to flash_text in layout.c. */
void flash_set(Request *r, const char *key);

#endif
