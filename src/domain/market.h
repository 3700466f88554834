/* The Beursvloer (issue 6, capability 6): organisations, service clubs
 * and businesses post requests (vraag) and offers (aanbod) of kind
 * knowledge, hands or means, tagged with the UN Global Goals (SDGs) they
 * serve; a request names its counter-offer (tegenprestatie). A match pairs
 * a request with an offer of another organisation and becomes a deal with
 * an agreed value in cents and a state:
 *
 *   voorgesteld → afgesproken → uitgevoerd
 *   voorgesteld or afgesproken → geannuleerd (a deal that falls through;
 *   it no longer counts in totals, and the pair may be matched again)
 *
 * A Beursvloer event has a date, a place (a places code or free text),
 * registered organisations, pitches (selected requests) and the deals made
 * there; its totals count every deal that is not cancelled, and a deal
 * counts for each SDG of its request.
 *
 * Who may do what:
 *   - everyone (also without an account) reads all of it;
 *   - a member of an organisation posts for it, closes or reopens its
 *     posts; an admin or coordinator may do so for any organisation;
 *   - a member of the request's or the offer's organisation, or staff
 *     (official, coordinator, admin), proposes a match and moves a deal;
 *   - staff create events and select the pitches; a member registers her
 *     organisation for an event (staff may register any). */
#ifndef WIJZER_MARKET_H
#define WIJZER_MARKET_H

#include "domain/context.h"
#include "domain/status.h"

enum {
    MARKET_PER_PAGE_DEFAULT = 20,
    MARKET_PER_PAGE_MAX = 100,
    MARKET_TITLE_MAX = 120,
    MARKET_TEXT_MAX = 4000,
    MARKET_SDGS_MAX = 17,
    MARKET_VALUE_MAX_CENTS = 100000000, /* € 1.000.000 */
};

typedef enum MarketSide { MARKET_REQUEST, MARKET_OFFER } MarketSide;

typedef enum DealState { DEAL_VOORGESTELD, DEAL_AFGESPROKEN, DEAL_UITGEVOERD, DEAL_GEANNULEERD, DEAL_COUNT_ } DealState;

typedef struct MarketPost {
    int64_t id;
    MarketSide side;
    const char *organisation, *organisation_name;
    const char *kind;              /* knowledge, hands, means */
    const char *title, *description;
    const char *counter_offer;     /* requests; "" for offers */
    int open;
    int64_t created_by;            /* 0: loaded data */
    int64_t created_at, updated_at;
    CodeName *sdgs;                /* code: the number as text */
    size_t n_sdgs;
} MarketPost;

/* What a member types; sdgs are numbers as text ("3", "11"). */
typedef struct MarketPostInput {
    const char *organisation, *kind, *title, *description, *counter_offer;
    const char **sdgs;
    size_t n_sdgs;
} MarketPostInput;

typedef struct MarketFilter {
    MarketSide side;
    const char *kind, *organisation, *q; /* NULL: no filter */
    int sdg;                             /* 0: no filter */
    int open_only;
    int page, per_page;                  /* 0: first page, default size */
} MarketFilter;

typedef struct MarketPage {
    MarketPost *items;
    size_t n;
    int64_t total;
} MarketPage;

typedef struct MarketDeal {
    int64_t id, request_id, offer_id;
    const char *request_title, *request_org, *request_org_name;
    const char *offer_title, *offer_org, *offer_org_name;
    int64_t value_cents;
    DealState state;
    int64_t event_id;              /* 0: not at an event */
    int64_t created_at, updated_at;
} MarketDeal;

typedef struct MarketEvent {
    int64_t id;
    const char *date;              /* 2027-03-18 */
    const char *place;             /* as stored: a places code or free text */
    const char *place_name;        /* the place's name, or the free text */
    const char *place_code;        /* NULL when free text */
    const char *title, *description;
    int64_t created_at;
} MarketEvent;

typedef struct MarketEventInput {
    const char *date, *place, *title, *description;
} MarketEventInput;

typedef struct SdgTotal {
    int sdg;
    const char *name;
    int64_t deals, value_cents;
} SdgTotal;

typedef struct MarketEventDetail {
    MarketEvent event;
    CodeName *participants;        /* organisation code, name */
    size_t n_participants;
    MarketPost *pitches;           /* requests, with their SDGs */
    size_t n_pitches;
    MarketDeal *deals;
    size_t n_deals;
    int64_t total_value_cents;     /* deals that are not cancelled */
    int64_t active_deals;
    SdgTotal *by_sdg;              /* SDGs with at least one deal, by number */
    size_t n_by_sdg;
} MarketEventDetail;

/* ---- Rules (pure; tests/unit/test_market.c) --------------------------- */

const char *market_side_code(MarketSide s);        /* "request", "offer" */
int market_kind_valid(const char *kind);
const char *market_kind_label(const char *kind);   /* "Kennis", "Handen", "Middelen" */
const char *deal_state_code(DealState s);          /* "voorgesteld" */
const char *deal_state_label(DealState s);         /* "Voorgesteld" */
int deal_state_parse(const char *code);            /* -1 when unknown */
int market_deal_allowed(DealState from, DealState to);
/* An admin or coordinator, or a member of the organisation. */
int market_may_post(const User *u, int is_member);
/* Staff: official, coordinator or admin. */
int market_may_run_events(const User *u);
/* Staff, or a member of the request's or the offer's organisation. */
int market_may_deal(const User *u, int member_of_either);

/* ---- Posts ------------------------------------------------------------- */

Status market_post_create(Ctx *c, MarketSide side, const MarketPostInput *in, FieldErrors *e, int64_t *id_out);
/* ERR_NOT_FOUND also when the post is of the other side. */
Status market_post(Ctx *c, MarketSide side, int64_t id, MarketPost *out);
Status market_posts(Ctx *c, const MarketFilter *f, MarketPage *out);
/* A member (or admin/coordinator) closes or reopens a post. */
Status market_post_set_open(Ctx *c, int64_t id, int open);
/* May the user post for this organisation (or any when staff)? */
int market_may_post_for(Ctx *c, const char *organisation);

/* ---- Deals ------------------------------------------------------------- */

/* Pairs a request with an open offer of another organisation; event_id 0
 * for none. The deal starts as voorgesteld. Field errors: request_id,
 * offer_id, value_cents, event_id. ERR_CONFLICT when the pair already has
 * a deal that is not cancelled. */
Status market_match(Ctx *c, int64_t request_id, int64_t offer_id, int64_t value_cents, int64_t event_id,
                    FieldErrors *e, int64_t *deal_out);
Status market_deal(Ctx *c, int64_t id, MarketDeal *out);
/* ERR_CONFLICT when the move is not allowed from the deal's state. */
Status market_deal_move(Ctx *c, int64_t id, DealState to);
/* The deals of a request or an offer, newest first. */
Status market_deals_of_post(Ctx *c, int64_t post_id, MarketDeal **out, size_t *n);
/* May the user move this deal? */
int market_may_move_deal(Ctx *c, const MarketDeal *d);

/* ---- Events ------------------------------------------------------------ */

Status market_event_create(Ctx *c, const MarketEventInput *in, FieldErrors *e, int64_t *id_out);
/* Newest date first. */
Status market_events(Ctx *c, MarketEvent **out, size_t *n);
Status market_event(Ctx *c, int64_t id, MarketEventDetail *out);
/* A member registers her organisation (staff any); twice is fine. */
Status market_event_register(Ctx *c, int64_t event, const char *organisation);
/* Staff select (on 1) or drop (on 0) a request as a pitch. */
Status market_event_pitch(Ctx *c, int64_t event, int64_t request_id, int on);

/* ---- Demo (market_demo.c) --------------------------------------------- */

/* Loads the "market" block of demo/lv.json: an event with participants,
 * requests, offers, pitches and deals. Loading twice changes nothing. */
struct json_t;
Status market_demo_load(Ctx *c, struct json_t *block, const char **err);

#endif
