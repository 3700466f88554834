/* The Beursvloer: see market.h for the states and who may do what. */
#include "domain/market.h"

#include <string.h>

#include "domain/checks.h"
#include "domain/directory.h"
#include "domain/process.h"
#include "lib/dates.h"
#include "lib/text.h"
#include "store/store.h"
#include "store/store_market.h"

/* ---- Rules ------------------------------------------------------------- */

static const char *const deal_codes[DEAL_COUNT_] = { "voorgesteld", "afgesproken", "uitgevoerd", "geannuleerd" };
static const char *const deal_labels[DEAL_COUNT_] = { "Voorgesteld", "Afgesproken", "Uitgevoerd", "Geannuleerd" };

const char *market_side_code(MarketSide s)
{
    return s == MARKET_OFFER ? "offer" : "request";
}

int market_kind_valid(const char *kind)
{
    return kind && (strcmp(kind, "knowledge") == 0 || strcmp(kind, "hands") == 0 || strcmp(kind, "means") == 0);
}

const char *market_kind_label(const char *kind)
{
    if (!kind)
        return "";
    if (strcmp(kind, "knowledge") == 0)
        return "Kennis";
    if (strcmp(kind, "hands") == 0)
        return "Handen";
    if (strcmp(kind, "means") == 0)
        return "Middelen";
    return kind;
}

const char *deal_state_code(DealState s)
{
    return s >= 0 && s < DEAL_COUNT_ ? deal_codes[s] : "";
}

const char *deal_state_label(DealState s)
{
    return s >= 0 && s < DEAL_COUNT_ ? deal_labels[s] : "";
}

int deal_state_parse(const char *code)
{
    for (int i = 0; code && i < DEAL_COUNT_; i++)
        if (strcmp(code, deal_codes[i]) == 0)
            return i;
    return -1;
}

int market_deal_allowed(DealState from, DealState to)
{
    switch (from) {
    case DEAL_VOORGESTELD:
        return to == DEAL_AFGESPROKEN || to == DEAL_GEANNULEERD;
    case DEAL_AFGESPROKEN:
        return to == DEAL_UITGEVOERD || to == DEAL_GEANNULEERD;
    default:
        return 0; /* uitgevoerd and geannuleerd are final */
    }
}

int market_may_post(const User *u, int is_member)
{
    return u && (is_member || u->role == ROLE_ADMIN || u->role == ROLE_COORDINATOR);
}

int market_may_run_events(const User *u)
{
    return u && role_is_staff(u->role);
}

int market_may_deal(const User *u, int member_of_either)
{
    return u && (member_of_either || role_is_staff(u->role));
}

/* ---- Checks ------------------------------------------------------------ */

int market_may_post_for(Ctx *c, const char *organisation)
{
    if (!c->user)
        return 0;
    return market_may_post(c->user, organisation && directory_is_member(c, organisation, c->user->id));
}

/* ---- Posts ------------------------------------------------------------- */

Status market_post_create(Ctx *c, MarketSide side, const MarketPostInput *in, FieldErrors *e, int64_t *id_out)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    MarketPostInput ok = *in;
    Organisation org;
    ok.organisation = text_trim(c->arena, in->organisation);
    if (!ok.organisation || !*ok.organisation)
        errors_add(e, "organisation", "Kies de organisatie waarvoor u dit plaatst.");
    else if (directory_organisation(c, ok.organisation, &org) != STATUS_OK)
        errors_add(e, "organisation", "Deze organisatie kennen we niet.");
    else if (!market_may_post_for(c, ok.organisation))
        return ERR_FORBIDDEN;
    if (!in->kind || !*in->kind)
        errors_add(e, "kind", "Kies wat voor hulp het is: kennis, handen of middelen.");
    else if (!market_kind_valid(in->kind))
        errors_add(e, "kind", "Kies kennis, handen of middelen.");
    ok.title = check_text(c->arena, in->title, 1, MARKET_TITLE_MAX, e, "title", "een korte titel");
    ok.description = check_text(c->arena, in->description, 1, MARKET_TEXT_MAX, e, "description",
                                "een beschrijving");
    ok.counter_offer = side == MARKET_REQUEST
                           ? check_text(c->arena, in->counter_offer, 1, MARKET_TEXT_MAX, e, "counter_offer",
                                        "de tegenprestatie: wat u teruggeeft")
                           : "";
    if (in->n_sdgs > MARKET_SDGS_MAX)
        errors_add(e, "sdgs", arena_printf(c->arena, "Kies hoogstens %d werelddoelen.", MARKET_SDGS_MAX));
    for (size_t i = 0; i < in->n_sdgs && i <= MARKET_SDGS_MAX; i++) {
        int64_t v;
        if (!parse_int64(in->sdgs[i], &v) || v < 1 || v > 17) {
            errors_add(e, "sdgs", "Werelddoelen zijn de nummers 1 tot en met 17.");
            break;
        }
    }
    if (side == MARKET_REQUEST && !in->n_sdgs && !errors_get(e, "sdgs"))
        errors_add(e, "sdgs", "Kies minstens één werelddoel waaraan uw vraag bijdraagt.");
    if (e->n)
        return ERR_INVALID;
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int rc = store_market_post_insert(c->db, c->tenant->id, side, &ok, c->user->id, c->now, id_out);
    if (rc != DB_OK) {
        db_rollback(c->db);
        return ERR_INTERNAL;
    }
    return db_commit(c->db) == DB_OK ? STATUS_OK : ERR_INTERNAL;
}

Status market_post(Ctx *c, MarketSide side, int64_t id, MarketPost *out)
{
    Status s = status_from_db(store_market_post_get(c->db, c->arena, c->tenant->id, id, out));
    if (s == STATUS_OK && out->side != side)
        return ERR_NOT_FOUND;
    return s;
}

Status market_posts(Ctx *c, const MarketFilter *f, MarketPage *out)
{
    MarketFilter g = *f;
    if (g.page < 1)
        g.page = 1;
    if (g.per_page < 1 || g.per_page > MARKET_PER_PAGE_MAX)
        g.per_page = MARKET_PER_PAGE_DEFAULT;
    if (g.q && !*g.q)
        g.q = NULL;
    return status_from_db(store_market_posts(c->db, c->arena, c->tenant->id, &g, out));
}

Status market_post_set_open(Ctx *c, int64_t id, int open)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    MarketPost p;
    Status s = status_from_db(store_market_post_get(c->db, c->arena, c->tenant->id, id, &p));
    if (s != STATUS_OK)
        return s;
    if (!market_may_post_for(c, p.organisation))
        return ERR_FORBIDDEN;
    return status_from_db(store_market_post_set_open(c->db, c->tenant->id, id, open, c->now));
}

/* ---- Deals ------------------------------------------------------------- */

int market_may_move_deal(Ctx *c, const MarketDeal *d)
{
    if (!c->user)
        return 0;
    int member = directory_is_member(c, d->request_org, c->user->id)
                 || directory_is_member(c, d->offer_org, c->user->id);
    return market_may_deal(c->user, member);
}

Status market_match(Ctx *c, int64_t request_id, int64_t offer_id, int64_t value_cents, int64_t event_id,
                    FieldErrors *e, int64_t *deal_out)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    MarketPost rq, of;
    int have_rq = request_id > 0 && market_post(c, MARKET_REQUEST, request_id, &rq) == STATUS_OK;
    int have_of = offer_id > 0 && market_post(c, MARKET_OFFER, offer_id, &of) == STATUS_OK;
    if (!have_rq)
        errors_add(e, "request_id", "Deze vraag bestaat niet.");
    else if (!rq.open)
        errors_add(e, "request_id", "Deze vraag is gesloten.");
    if (!have_of)
        errors_add(e, "offer_id", "Dit aanbod bestaat niet.");
    else if (!of.open)
        errors_add(e, "offer_id", "Dit aanbod is gesloten.");
    if (have_rq && have_of && strcmp(rq.organisation, of.organisation) == 0)
        errors_add(e, "offer_id", "Kies aanbod van een andere organisatie dan de vraag.");
    if (value_cents < 0 || value_cents > MARKET_VALUE_MAX_CENTS)
        errors_add(e, "value_cents", "Vul een waarde in tussen € 0 en € 1.000.000.");
    MarketEvent ev;
    if (event_id && store_market_event_get(c->db, c->arena, c->tenant->id, event_id, &ev) != DB_OK)
        errors_add(e, "event_id", "Deze Beursvloer bestaat niet.");
    if (have_rq && have_of) {
        int member = directory_is_member(c, rq.organisation, c->user->id)
                     || directory_is_member(c, of.organisation, c->user->id);
        if (!market_may_deal(c->user, member))
            return ERR_FORBIDDEN;
    } else if (!role_is_staff(c->user->role) && !e->n) {
        return ERR_FORBIDDEN;
    }
    if (e->n)
        return ERR_INVALID;
    int64_t existing;
    if (store_market_deal_active(c->db, c->tenant->id, request_id, offer_id, &existing) == DB_OK) {
        e->summary = "Deze vraag en dit aanbod zijn al aan elkaar gekoppeld.";
        return ERR_CONFLICT;
    }
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int rc = store_market_deal_insert(c->db, c->tenant->id, request_id, offer_id, value_cents, event_id, c->user->id,
                                      c->now, deal_out);
    if (rc != DB_OK) {
        db_rollback(c->db);
        return ERR_INTERNAL;
    }
    return db_commit(c->db) == DB_OK ? STATUS_OK : ERR_INTERNAL;
}

Status market_deal(Ctx *c, int64_t id, MarketDeal *out)
{
    return status_from_db(store_market_deal_get(c->db, c->arena, c->tenant->id, id, out));
}

Status market_deal_move(Ctx *c, int64_t id, DealState to)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    MarketDeal d;
    Status s = market_deal(c, id, &d);
    if (s != STATUS_OK)
        return s;
    if (!market_may_move_deal(c, &d))
        return ERR_FORBIDDEN;
    if (!market_deal_allowed(d.state, to))
        return ERR_CONFLICT;
    int rc = store_market_deal_set_state(c->db, c->tenant->id, id, d.state, to, c->user->id, c->now);
    if (rc == DB_DONE)
        return ERR_CONFLICT; /* someone moved it in the meantime */
    return status_from_db(rc);
}

Status market_deals_of_post(Ctx *c, int64_t post_id, MarketDeal **out, size_t *n)
{
    return status_from_db(store_market_deals_of_post(c->db, c->arena, c->tenant->id, post_id, out, n));
}

/* ---- Events ------------------------------------------------------------ */

Status market_event_create(Ctx *c, const MarketEventInput *in, FieldErrors *e, int64_t *id_out)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    if (!market_may_run_events(c->user))
        return ERR_FORBIDDEN;
    MarketEventInput ok;
    int64_t day;
    ok.date = text_trim(c->arena, in->date);
    if (!ok.date || !*ok.date)
        errors_add(e, "date", "Vul de datum in.");
    else if (!date_parse_iso(ok.date, &day))
        errors_add(e, "date", "Vul de datum in als jjjj-mm-dd, bijvoorbeeld 2027-03-18.");
    ok.place = check_text(c->arena, in->place, 1, 200, e, "place", "de plek");
    ok.title = check_text(c->arena, in->title, 1, MARKET_TITLE_MAX, e, "title", "de naam van de Beursvloer");
    ok.description = check_text(c->arena, in->description, 0, MARKET_TEXT_MAX, e, "description", "de beschrijving");
    if (e->n)
        return ERR_INVALID;
    return status_from_db(store_market_event_insert(c->db, c->tenant->id, &ok, c->user->id, c->now, id_out));
}

Status market_events(Ctx *c, MarketEvent **out, size_t *n)
{
    return status_from_db(store_market_events(c->db, c->arena, c->tenant->id, out, n));
}

Status market_event(Ctx *c, int64_t id, MarketEventDetail *out)
{
    memset(out, 0, sizeof *out);
    int64_t t = c->tenant->id;
    int rc = store_market_event_get(c->db, c->arena, t, id, &out->event);
    if (rc == DB_OK)
        rc = store_market_participants(c->db, c->arena, t, id, &out->participants, &out->n_participants);
    if (rc == DB_OK)
        rc = store_market_pitches(c->db, c->arena, t, id, &out->pitches, &out->n_pitches);
    if (rc == DB_OK)
        rc = store_market_deals_of_event(c->db, c->arena, t, id, &out->deals, &out->n_deals);
    if (rc == DB_OK)
        rc = store_market_event_by_sdg(c->db, c->arena, t, id, &out->by_sdg, &out->n_by_sdg);
    for (size_t i = 0; rc == DB_OK && i < out->n_deals; i++)
        if (out->deals[i].state != DEAL_GEANNULEERD) {
            out->total_value_cents += out->deals[i].value_cents;
            out->active_deals++;
        }
    return status_from_db(rc);
}

Status market_event_register(Ctx *c, int64_t event, const char *organisation)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    MarketEvent ev;
    Organisation org;
    Status s = status_from_db(store_market_event_get(c->db, c->arena, c->tenant->id, event, &ev));
    if (s == STATUS_OK && (!organisation || directory_organisation(c, organisation, &org) != STATUS_OK))
        s = ERR_NOT_FOUND;
    if (s != STATUS_OK)
        return s;
    if (!market_may_deal(c->user, directory_is_member(c, organisation, c->user->id)))
        return ERR_FORBIDDEN;
    return status_from_db(store_market_participant_add(c->db, c->tenant->id, event, organisation, c->user->id, c->now));
}

Status market_event_pitch(Ctx *c, int64_t event, int64_t request_id, int on)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    if (!market_may_run_events(c->user))
        return ERR_FORBIDDEN;
    MarketEvent ev;
    MarketPost rq;
    Status s = status_from_db(store_market_event_get(c->db, c->arena, c->tenant->id, event, &ev));
    if (s == STATUS_OK)
        s = market_post(c, MARKET_REQUEST, request_id, &rq);
    if (s != STATUS_OK)
        return s;
    return status_from_db(store_market_pitch_set(c->db, c->tenant->id, event, request_id, on));
}
