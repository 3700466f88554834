/* The Beursvloer part of the demo (demo/lv.json, "market"): members of the
 * organisations that post, requests and offers with their SDGs, an event
 * with participants and pitches, and deals in each state. Runs inside
 * demo_load's transaction, so it uses the store directly; everything is
 * found by its title first, so loading twice changes nothing. */
#include <jansson.h>
#include <string.h>

#include "domain/market.h"
#include "store/store.h"
#include "store/store_directory.h"
#include "store/store_market.h"

static const char *str(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

static int64_t user_id(Ctx *c, const char *email)
{
    User u;
    return email && store_user_by_email(c->db, c->arena, c->tenant->id, email, &u) == DB_OK ? u.id : 0;
}

static Status fail(Ctx *c, const char **err, const char *what, const char *name)
{
    *err = arena_printf(c->arena, "demo: %s %s kon niet worden geladen", what, name ? name : "?");
    return ERR_INTERNAL;
}

static Status posts(Ctx *c, json_t *arr, MarketSide side, const char **err)
{
    size_t i;
    json_t *j;
    json_array_foreach(arr, i, j) {
        MarketPostInput in = { .organisation = str(j, "organisation"), .kind = str(j, "kind"),
                               .title = str(j, "title"), .description = str(j, "description"),
                               .counter_offer = str(j, "counter_offer") };
        if (!in.organisation || !in.title || !market_kind_valid(in.kind))
            return fail(c, err, "Beursvloer-bericht", in.title);
        int64_t id;
        if (store_market_post_find(c->db, c->tenant->id, side, in.organisation, in.title, &id) == DB_OK)
            continue;
        json_t *sdgs = json_object_get(j, "sdgs");
        in.n_sdgs = json_array_size(sdgs);
        const char **v = arena_alloc(c->arena, (in.n_sdgs + 1) * sizeof *v);
        for (size_t k = 0; k < in.n_sdgs; k++)
            v[k] = arena_printf(c->arena, "%lld", (long long)json_integer_value(json_array_get(sdgs, k)));
        in.sdgs = v;
        /* Older posts first, a day apart, so the lists have an order. */
        if (store_market_post_insert(c->db, c->tenant->id, side, &in, user_id(c, str(j, "by")),
                                     c->now - 86400 * (int64_t)(30 - i), &id) != DB_OK)
            return fail(c, err, "Beursvloer-bericht", in.title);
    }
    return STATUS_OK;
}

static int64_t post_id(Ctx *c, MarketSide side, json_t *arr, const char *title)
{
    size_t i;
    json_t *j;
    int64_t id;
    json_array_foreach(arr, i, j)
        if (title && str(j, "title") && strcmp(str(j, "title"), title) == 0
            && store_market_post_find(c->db, c->tenant->id, side, str(j, "organisation"), title, &id) == DB_OK)
            return id;
    return 0;
}

Status market_demo_load(Ctx *c, json_t *block, const char **err)
{
    if (!block)
        return STATUS_OK;
    size_t i;
    json_t *j;
    int64_t t = c->tenant->id;
    json_array_foreach(json_object_get(block, "members"), i, j) {
        int64_t id = user_id(c, str(j, "email"));
        const char *org = str(j, "organisation");
        if (id && org && store_org_member_add(c->db, t, org, id, c->now) != DB_OK)
            return fail(c, err, "lid van", org);
    }
    json_t *requests = json_object_get(block, "requests"), *offers = json_object_get(block, "offers");
    Status s = posts(c, requests, MARKET_REQUEST, err);
    if (s == STATUS_OK)
        s = posts(c, offers, MARKET_OFFER, err);
    if (s != STATUS_OK)
        return s;
    json_t *events = json_object_get(block, "events");
    json_array_foreach(events, i, j) {
        MarketEventInput in = { .date = str(j, "date"), .place = str(j, "place"), .title = str(j, "title"),
                                .description = str(j, "description") };
        if (!in.date || !in.title)
            return fail(c, err, "Beursvloer", in.title);
        int64_t id;
        if (store_market_event_find(c->db, t, in.date, in.title, &id) != DB_OK
            && store_market_event_insert(c->db, t, &in, 0, c->now - 86400 * 40, &id) != DB_OK)
            return fail(c, err, "Beursvloer", in.title);
        size_t k;
        json_t *x;
        json_array_foreach(json_object_get(j, "participants"), k, x)
            if (store_market_participant_add(c->db, t, id, json_string_value(x), 0, c->now - 86400 * 40) != DB_OK)
                return fail(c, err, "deelnemer", json_string_value(x));
        json_array_foreach(json_object_get(j, "pitches"), k, x) {
            int64_t rq = post_id(c, MARKET_REQUEST, requests, json_string_value(x));
            if (!rq || store_market_pitch_set(c->db, t, id, rq, 1) != DB_OK)
                return fail(c, err, "pitch", json_string_value(x));
        }
    }
    json_array_foreach(json_object_get(block, "deals"), i, j) {
        int64_t rq = post_id(c, MARKET_REQUEST, requests, str(j, "request"));
        int64_t of = post_id(c, MARKET_OFFER, offers, str(j, "offer"));
        int to = deal_state_parse(str(j, "state"));
        int64_t event = 0, id;
        json_t *ev;
        size_t k;
        json_array_foreach(events, k, ev)
            if (str(j, "event") && strcmp(str(ev, "title"), str(j, "event")) == 0)
                store_market_event_find(c->db, t, str(ev, "date"), str(ev, "title"), &event);
        if (!rq || !of || to < 0)
            return fail(c, err, "koppeling", str(j, "request"));
        if (store_market_deal_active(c->db, t, rq, of, &id) == DB_OK)
            continue;
        int64_t at = c->now - 86400 * (int64_t)(20 - i);
        if (store_market_deal_insert(c->db, t, rq, of, json_integer_value(json_object_get(j, "value_cents")), event, 0,
                                     at, &id) != DB_OK)
            return fail(c, err, "koppeling", str(j, "request"));
        /* Along the path of the state machine to the state it is in. */
        for (DealState st = DEAL_VOORGESTELD; st != (DealState)to;) {
            DealState next = to == DEAL_GEANNULEERD ? DEAL_GEANNULEERD : (DealState)(st + 1);
            if (!market_deal_allowed(st, next) || store_market_deal_set_state(c->db, t, id, st, next, 0, at) != DB_OK)
                return fail(c, err, "koppeling", str(j, "request"));
            st = next;
        }
    }
    return STATUS_OK;
}
