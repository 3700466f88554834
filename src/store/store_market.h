/* Typed access to the Beursvloer (issue 6) on top of db.h: requests and
 * offers with their SDGs, deals, events with participants and pitches.
 * Knows no rules (domain/market.c has them). Every function takes the
 * tenant and every query filters on it. Returns DB_OK, DB_DONE (not
 * found) or an error. */
#ifndef WIJZER_STORE_MARKET_H
#define WIJZER_STORE_MARKET_H

#include "domain/market.h"
#include "lib/arena.h"
#include "store/db.h"

int store_market_post_insert(Db *db, int64_t tenant, MarketSide side, const MarketPostInput *in, int64_t user,
                             int64_t now, int64_t *id);
/* With its SDGs. */
int store_market_post_get(Db *db, Arena *a, int64_t tenant, int64_t id, MarketPost *out);
/* With their SDGs. */
int store_market_posts(Db *db, Arena *a, int64_t tenant, const MarketFilter *f, MarketPage *out);
int store_market_post_set_open(Db *db, int64_t tenant, int64_t id, int open, int64_t now);
/* DB_DONE when there is none with this side, organisation and title. */
int store_market_post_find(Db *db, int64_t tenant, MarketSide side, const char *organisation, const char *title,
                           int64_t *id);

int store_market_deal_insert(Db *db, int64_t tenant, int64_t request, int64_t offer, int64_t value_cents,
                             int64_t event, int64_t user, int64_t now, int64_t *id);
int store_market_deal_get(Db *db, Arena *a, int64_t tenant, int64_t id, MarketDeal *out);
/* DB_DONE when the deal was no longer in state `from`. */
int store_market_deal_set_state(Db *db, int64_t tenant, int64_t id, DealState from, DealState to, int64_t user,
                                int64_t now);
/* DB_OK (and *id) when the pair has a deal that is not cancelled. */
int store_market_deal_active(Db *db, int64_t tenant, int64_t request, int64_t offer, int64_t *id);
int store_market_deals_of_post(Db *db, Arena *a, int64_t tenant, int64_t post, MarketDeal **out, size_t *n);
int store_market_deals_of_event(Db *db, Arena *a, int64_t tenant, int64_t event, MarketDeal **out, size_t *n);

int store_market_event_insert(Db *db, int64_t tenant, const MarketEventInput *in, int64_t user, int64_t now,
                              int64_t *id);
int store_market_event_get(Db *db, Arena *a, int64_t tenant, int64_t id, MarketEvent *out);
int store_market_events(Db *db, Arena *a, int64_t tenant, MarketEvent **out, size_t *n);
int store_market_event_find(Db *db, int64_t tenant, const char *date, const char *title, int64_t *id);
int store_market_participant_add(Db *db, int64_t tenant, int64_t event, const char *organisation, int64_t user,
                                 int64_t now);
int store_market_participants(Db *db, Arena *a, int64_t tenant, int64_t event, CodeName **out, size_t *n);
int store_market_pitch_set(Db *db, int64_t tenant, int64_t event, int64_t request, int on);
int store_market_pitches(Db *db, Arena *a, int64_t tenant, int64_t event, MarketPost **out, size_t *n);
int store_market_event_by_sdg(Db *db, Arena *a, int64_t tenant, int64_t event, SdgTotal **out, size_t *n);

#endif
