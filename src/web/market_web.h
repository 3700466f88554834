/* Pieces the Beursvloer pages share (market.c, market_event.c), made in
 * market.c: the error page of a failed domain call, a post as a card, the
 * deals as a table with the buttons that move them, a kind or SDG as a
 * badge. Every helper escapes what it is given. */
#ifndef WIJZER_WEB_MARKET_WEB_H
#define WIJZER_WEB_MARKET_WEB_H

#include "domain/market.h"
#include "web/pages.h"

/* what: "deze vraag", "deze Beursvloer", … for the 404 text. */
void mw_status_page(Request *r, Status s, const char *what);
/* "/beursvloer/vragen/7" or "/beursvloer/aanbod/7". */
const char *mw_post_url(Arena *a, MarketSide side, int64_t id);
/* One card of docs/markup.md §11 (heading level 3 under an h2). */
void mw_post_card(Request *r, const MarketPost *p);
/* The same without its closing </li>, for a page that adds to it. */
void mw_post_card_open(Request *r, const MarketPost *p);
/* The deals as a table; back: the page to come back to after a button. */
void mw_deals_table(Request *r, const char *id, const char *caption, const MarketDeal *d, size_t n,
                    const char *back);
/* Organisations as options (code, name): all of them, or the user's own. */
Option *mw_org_options(Request *r, int all, size_t *n);
/* The {…} path parameter i as a positive id; 0 when it is not one. */
int64_t mw_param_id(Request *r, int i);

#endif
