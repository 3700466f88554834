/* The Beursvloer in the API: requests and offers (public lists with
 * filters, posting by a member of the organisation), matches that become
 * deals, moving a deal through its states, and events with their
 * participants, pitches, deals, total value and deals per SDG. Public
 * reads; nobody's e-mail address or phone number is in any of them. */
#include <limits.h>
#include <string.h>

#include "api/api.h"
#include "api/json.h"
#include "api/routes.h"
#include "domain/market.h"
#include "lib/dates.h"
#include "lib/text.h"

static json_t *post_object(Request *r, const MarketPost *p)
{
    json_t *sdgs = json_array();
    for (size_t i = 0; i < p->n_sdgs; i++) {
        int64_t n = 0;
        parse_int64(p->sdgs[i].code, &n);
        json_array_append_new(sdgs, json_pack("{s:I, s:o}", "number", (json_int_t)n, "name", api_str(p->sdgs[i].name)));
    }
    json_t *o = json_pack("{s:I, s:s, s:{s:o, s:o}, s:s, s:o, s:o, s:o, s:s, s:o, s:o}", "id", (json_int_t)p->id,
                          "type", market_side_code(p->side), "organisation", "code", api_str(p->organisation), "name",
                          api_str(p->organisation_name), "kind", p->kind, "title", api_str(p->title), "description",
                          api_str(p->description), "sdgs", sdgs, "state", p->open ? "open" : "closed", "created_at",
                          api_str(datetime_iso(r->arena, p->created_at)), "updated_at",
                          api_str(datetime_iso(r->arena, p->updated_at)));
    if (p->side == MARKET_REQUEST)
        json_object_set_new(o, "counter_offer", api_str(p->counter_offer));
    return o;
}

static json_t *deal_object(Request *r, const MarketDeal *d)
{
    json_t *o = json_pack("{s:I, s:I, s:I, s:{s:I, s:o, s:{s:o, s:o}}, s:{s:I, s:o, s:{s:o, s:o}}, s:I, s:s, s:o, "
                          "s:o}",
                          "id", (json_int_t)d->id, "request_id", (json_int_t)d->request_id, "offer_id",
                          (json_int_t)d->offer_id, "request", "id", (json_int_t)d->request_id, "title",
                          api_str(d->request_title), "organisation", "code", api_str(d->request_org), "name",
                          api_str(d->request_org_name), "offer", "id", (json_int_t)d->offer_id, "title",
                          api_str(d->offer_title), "organisation", "code", api_str(d->offer_org), "name",
                          api_str(d->offer_org_name), "value_cents", (json_int_t)d->value_cents, "state",
                          deal_state_code(d->state), "created_at", api_str(datetime_iso(r->arena, d->created_at)),
                          "updated_at", api_str(datetime_iso(r->arena, d->updated_at)));
    json_object_set_new(o, "event_id", d->event_id ? json_integer(d->event_id) : json_null());
    return o;
}

static json_t *event_summary(const MarketEvent *e)
{
    return json_pack("{s:I, s:o, s:o, s:{s:o, s:o}, s:o}", "id", (json_int_t)e->id, "date", api_str(e->date), "title",
                     api_str(e->title), "place", "code", api_str(e->place_code), "name", api_str(e->place_name),
                     "description", api_str(e->description));
}

/* ---- GET /market/requests and /market/offers ------------------------- */

static void list(Request *r, MarketSide side)
{
    FieldErrors e = { 0 };
    MarketFilter f = { .side = side, .open_only = 1, .page = 1, .per_page = MARKET_PER_PAGE_DEFAULT };
    f.kind = api_query_text(r, "kind");
    if (f.kind && !market_kind_valid(f.kind))
        errors_add(&e, "kind", "Kies knowledge, hands of means.");
    f.organisation = api_query_text(r, "organisation");
    f.q = api_query_text(r, "q");
    const char *v;
    int64_t n;
    if ((v = api_query_text(r, "sdg"))) {
        if (!parse_int64(v, &n) || n < 1 || n > 17)
            errors_add(&e, "sdg", "Werelddoelen zijn de nummers 1 tot en met 17.");
        else
            f.sdg = (int)n;
    }
    if ((v = api_query_text(r, "state"))) {
        if (strcmp(v, "all") == 0)
            f.open_only = 0;
        else if (strcmp(v, "open") != 0)
            errors_add(&e, "state", "Kies open of all.");
    }
    if ((v = api_query_text(r, "page"))) {
        if (!parse_int64(v, &n) || n < 1 || n > INT_MAX / MARKET_PER_PAGE_MAX)
            errors_add(&e, "page", "Geef een paginanummer vanaf 1.");
        else
            f.page = (int)n;
    }
    if ((v = api_query_text(r, "per_page"))) {
        if (!parse_int64(v, &n) || n < 1 || n > MARKET_PER_PAGE_MAX)
            errors_add(&e, "per_page", "Geef een aantal per pagina van 1 tot en met 100.");
        else
            f.per_page = (int)n;
    }
    if (e.n) {
        api_status(r, ERR_INVALID, &e);
        return;
    }
    MarketPage pg;
    Status s = market_posts(&r->ctx, &f, &pg);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    json_t *items = json_array();
    for (size_t i = 0; i < pg.n; i++)
        json_array_append_new(items, post_object(r, &pg.items[i]));
    api_json(r, 200, json_pack("{s:o, s:I, s:i, s:i}", "items", items, "total", (json_int_t)pg.total, "page", f.page,
                               "per_page", f.per_page));
}

void api_market_requests(Request *r)
{
    list(r, MARKET_REQUEST);
}

void api_market_offers(Request *r)
{
    list(r, MARKET_OFFER);
}

/* ---- GET /market/requests/{id} and /market/offers/{id} ---------------- */

static void one(Request *r, MarketSide side)
{
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    MarketPost p;
    MarketDeal *d = NULL;
    size_t n = 0;
    Status s = market_post(&r->ctx, side, id, &p);
    if (s == STATUS_OK)
        s = market_deals_of_post(&r->ctx, id, &d, &n);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    json_t *o = post_object(r, &p), *deals = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(deals, deal_object(r, &d[i]));
    json_object_set_new(o, "deals", deals);
    api_json(r, 200, o);
}

void api_market_request(Request *r)
{
    one(r, MARKET_REQUEST);
}

void api_market_offer(Request *r)
{
    one(r, MARKET_OFFER);
}

/* ---- POST /market/requests and /market/offers ------------------------- */

static void read_sdgs(Request *r, json_t *body, MarketPostInput *in, FieldErrors *e)
{
    json_t *v = json_object_get(body, "sdgs"), *x;
    if (!v || json_is_null(v))
        return;
    static const char msg[] = "Geef een lijst met nummers van werelddoelen (1 tot en met 17).";
    if (!json_is_array(v)) {
        errors_add(e, "sdgs", msg);
        return;
    }
    const char **codes = arena_alloc(r->arena, (MARKET_SDGS_MAX + 2) * sizeof *codes);
    size_t k = 0, i;
    json_array_foreach(v, i, x) {
        if (!json_is_integer(x)) {
            errors_add(e, "sdgs", msg);
            return;
        }
        int dup = 0;
        const char *c = arena_printf(r->arena, "%lld", (long long)json_integer_value(x));
        for (size_t j = 0; j < k; j++)
            dup |= strcmp(codes[j], c) == 0;
        if (!dup && k <= MARKET_SDGS_MAX)
            codes[k++] = c;
    }
    in->sdgs = codes;
    in->n_sdgs = k;
}

static void create(Request *r, MarketSide side)
{
    json_t *body = api_body(r);
    if (!body)
        return;
    MarketPostInput in = { 0 };
    FieldErrors e = { 0 };
    api_read_text(r, body, "organisation", &in.organisation, &e);
    api_read_text(r, body, "kind", &in.kind, &e);
    api_read_text(r, body, "title", &in.title, &e);
    api_read_text(r, body, "description", &in.description, &e);
    if (side == MARKET_REQUEST)
        api_read_text(r, body, "counter_offer", &in.counter_offer, &e);
    read_sdgs(r, body, &in, &e);
    json_decref(body);
    int64_t id = 0;
    Status s = e.n ? ERR_INVALID : market_post_create(&r->ctx, side, &in, &e, &id);
    MarketPost p;
    if (s == STATUS_OK)
        s = market_post(&r->ctx, side, id, &p);
    if (s != STATUS_OK) {
        if (s == ERR_FORBIDDEN)
            e.summary = "Alleen leden van de organisatie kunnen namens haar iets plaatsen.";
        api_status(r, s, &e);
        return;
    }
    resp_header(r, "Location", arena_printf(r->arena, "/api/v1/market/%s/%lld",
                                            side == MARKET_OFFER ? "offers" : "requests", (long long)id));
    json_t *o = post_object(r, &p);
    json_object_set_new(o, "deals", json_array());
    api_json(r, 201, o);
}

void api_market_request_create(Request *r)
{
    create(r, MARKET_REQUEST);
}

void api_market_offer_create(Request *r)
{
    create(r, MARKET_OFFER);
}

/* ---- Deals ------------------------------------------------------------- */

static int read_int(json_t *body, const char *key, int64_t *out, int required, FieldErrors *e, const char *msg)
{
    json_t *v = json_object_get(body, key);
    if (!v || json_is_null(v)) {
        if (required)
            errors_add(e, key, msg);
        return 0;
    }
    if (!json_is_integer(v)) {
        errors_add(e, key, msg);
        return 0;
    }
    *out = json_integer_value(v);
    return 1;
}

void api_market_match(Request *r)
{
    json_t *body = api_body(r);
    if (!body)
        return;
    FieldErrors e = { 0 };
    int64_t request = 0, offer = 0, value = -1, event = 0;
    read_int(body, "request_id", &request, 1, &e, "Geef het nummer van de vraag.");
    read_int(body, "offer_id", &offer, 1, &e, "Geef het nummer van het aanbod.");
    read_int(body, "value_cents", &value, 1, &e, "Geef de afgesproken waarde in centen, als geheel getal.");
    read_int(body, "event_id", &event, 0, &e, "Geef het nummer van de Beursvloer, of laat het weg.");
    json_decref(body);
    int64_t id = 0;
    Status s = e.n ? ERR_INVALID : market_match(&r->ctx, request, offer, value, event, &e, &id);
    MarketDeal d;
    if (s == STATUS_OK)
        s = market_deal(&r->ctx, id, &d);
    if (s != STATUS_OK) {
        if (s == ERR_FORBIDDEN)
            e.summary = "Alleen leden van een van beide organisaties of medewerkers kunnen dit koppelen.";
        api_status(r, s, &e);
        return;
    }
    resp_header(r, "Location", arena_printf(r->arena, "/api/v1/market/deals/%lld", (long long)id));
    api_json(r, 201, deal_object(r, &d));
}

void api_market_deal(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    MarketDeal d;
    Status s = market_deal(&r->ctx, id, &d);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    api_json(r, 200, deal_object(r, &d));
}

void api_market_deal_update(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    json_t *body = api_body(r);
    if (!body)
        return;
    FieldErrors e = { 0 };
    const char *state = NULL;
    api_read_text(r, body, "state", &state, &e);
    json_decref(body);
    int to = deal_state_parse(state);
    if (!e.n && to < 0)
        errors_add(&e, "state", "Kies afgesproken, uitgevoerd of geannuleerd.");
    Status s = e.n ? ERR_INVALID : market_deal_move(&r->ctx, id, (DealState)to);
    MarketDeal d;
    if (s == ERR_CONFLICT && market_deal(&r->ctx, id, &d) == STATUS_OK)
        e.summary = arena_printf(r->arena, "Een koppeling die %s is, kan niet naar %s.", deal_state_code(d.state),
                                 deal_state_code((DealState)to));
    if (s == STATUS_OK)
        s = market_deal(&r->ctx, id, &d);
    if (s != STATUS_OK) {
        if (s == ERR_FORBIDDEN)
            e.summary = "Alleen leden van een van beide organisaties of medewerkers kunnen dit aanpassen.";
        api_status(r, s, &e);
        return;
    }
    api_json(r, 200, deal_object(r, &d));
}

/* ---- Events ------------------------------------------------------------ */

void api_market_events(Request *r)
{
    MarketEvent *v = NULL;
    size_t n = 0;
    Status s = market_events(&r->ctx, &v, &n);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    json_t *items = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(items, event_summary(&v[i]));
    api_json(r, 200, json_pack("{s:o}", "items", items));
}

void api_market_event(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    MarketEventDetail d;
    Status s = market_event(&r->ctx, id, &d);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    json_t *o = event_summary(&d.event), *parts = json_array(), *pitches = json_array(), *deals = json_array(),
           *by = json_array();
    for (size_t i = 0; i < d.n_participants; i++)
        json_array_append_new(parts, json_pack("{s:o, s:o}", "code", api_str(d.participants[i].code), "name",
                                               api_str(d.participants[i].name)));
    for (size_t i = 0; i < d.n_pitches; i++)
        json_array_append_new(pitches, post_object(r, &d.pitches[i]));
    for (size_t i = 0; i < d.n_deals; i++)
        json_array_append_new(deals, deal_object(r, &d.deals[i]));
    for (size_t i = 0; i < d.n_by_sdg; i++)
        json_array_append_new(by, json_pack("{s:i, s:o, s:I, s:I}", "sdg", d.by_sdg[i].sdg, "name",
                                            api_str(d.by_sdg[i].name), "deals", (json_int_t)d.by_sdg[i].deals,
                                            "value_cents", (json_int_t)d.by_sdg[i].value_cents));
    json_object_set_new(o, "participants", parts);
    json_object_set_new(o, "pitches", pitches);
    json_object_set_new(o, "deals", deals);
    json_object_set_new(o, "total_value_cents", json_integer(d.total_value_cents));
    json_object_set_new(o, "by_sdg", by);
    api_json(r, 200, o);
}

void api_market_event_create(Request *r)
{
    json_t *body = api_body(r);
    if (!body)
        return;
    MarketEventInput in = { 0 };
    FieldErrors e = { 0 };
    api_read_text(r, body, "date", &in.date, &e);
    api_read_text(r, body, "place", &in.place, &e);
    api_read_text(r, body, "title", &in.title, &e);
    api_read_text(r, body, "description", &in.description, &e);
    json_decref(body);
    int64_t id = 0;
    Status s = e.n ? ERR_INVALID : market_event_create(&r->ctx, &in, &e, &id);
    MarketEvent ev;
    MarketEventDetail d;
    if (s == STATUS_OK)
        s = market_event(&r->ctx, id, &d);
    if (s != STATUS_OK) {
        api_status(r, s, &e);
        return;
    }
    ev = d.event;
    resp_header(r, "Location", arena_printf(r->arena, "/api/v1/market/events/%lld", (long long)id));
    api_json(r, 201, event_summary(&ev));
}

void api_market_event_register(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    json_t *body = api_body(r);
    if (!body)
        return;
    FieldErrors e = { 0 };
    const char *org = NULL;
    api_read_text(r, body, "organisation", &org, &e);
    json_decref(body);
    if (!e.n && (!org || !*org))
        errors_add(&e, "organisation", "Geef de code van de organisatie.");
    Status s = e.n ? ERR_INVALID : market_event_register(&r->ctx, id, org);
    if (s != STATUS_OK) {
        api_status(r, s, &e);
        return;
    }
    api_json(r, 200, json_pack("{s:I, s:s}", "event_id", (json_int_t)id, "organisation", org));
}

void api_market_event_pitch(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    json_t *body = api_body(r);
    if (!body)
        return;
    FieldErrors e = { 0 };
    int64_t request = 0;
    read_int(body, "request_id", &request, 1, &e, "Geef het nummer van de vraag.");
    json_t *sel = json_object_get(body, "selected");
    int on = !sel || json_is_true(sel);
    if (sel && !json_is_boolean(sel))
        errors_add(&e, "selected", "Geef true of false.");
    json_decref(body);
    Status s = e.n ? ERR_INVALID : market_event_pitch(&r->ctx, id, request, on);
    if (s != STATUS_OK) {
        api_status(r, s, &e);
        return;
    }
    api_json(r, 200, json_pack("{s:I, s:I, s:b}", "event_id", (json_int_t)id, "request_id", (json_int_t)request,
                               "selected", on));
}
