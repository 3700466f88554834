/* The Beursvloer (issue 6): the deal state machine and who may do what as
 * pure rules, and on a real database (SQLite, and PostgreSQL when
 * WIJZER_TEST_PG holds a server's base URL): only members post for their
 * organisation, a deal pairs a request with an offer of another
 * organisation, moves one step at a time, an event's total and deals per
 * SDG (a deal counts for each SDG of its request; cancelled ones do not),
 * and another municipality sees none of it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/accounts.h"
#include "domain/directory.h"
#include "domain/market.h"
#include "domain/setup.h"
#include "lib/dates.h"
#include "store/store.h"
#include "testdb.h"

/* ---------- pure rules ---------- */

static void test_state_machine(void **state)
{
    (void)state;
    assert_true(market_deal_allowed(DEAL_VOORGESTELD, DEAL_AFGESPROKEN));
    assert_true(market_deal_allowed(DEAL_AFGESPROKEN, DEAL_UITGEVOERD));
    assert_true(market_deal_allowed(DEAL_VOORGESTELD, DEAL_GEANNULEERD));
    assert_true(market_deal_allowed(DEAL_AFGESPROKEN, DEAL_GEANNULEERD));
    assert_false(market_deal_allowed(DEAL_VOORGESTELD, DEAL_UITGEVOERD)); /* no skipping */
    assert_false(market_deal_allowed(DEAL_AFGESPROKEN, DEAL_VOORGESTELD)); /* no way back */
    assert_false(market_deal_allowed(DEAL_VOORGESTELD, DEAL_VOORGESTELD));
    for (int to = 0; to < DEAL_COUNT_; to++) {
        assert_false(market_deal_allowed(DEAL_UITGEVOERD, (DealState)to)); /* final */
        assert_false(market_deal_allowed(DEAL_GEANNULEERD, (DealState)to));
    }
    for (int s = 0; s < DEAL_COUNT_; s++)
        assert_int_equal(deal_state_parse(deal_state_code((DealState)s)), s);
    assert_int_equal(deal_state_parse("klaar"), -1);
    assert_int_equal(deal_state_parse(NULL), -1);
    assert_string_equal(deal_state_label(DEAL_AFGESPROKEN), "Afgesproken");
    assert_true(market_kind_valid("knowledge") && market_kind_valid("hands") && market_kind_valid("means"));
    assert_false(market_kind_valid("geld"));
    assert_false(market_kind_valid(NULL));
    assert_string_equal(market_kind_label("hands"), "Handen");
}

static void test_permission_rules(void **state)
{
    (void)state;
    User resident = { .id = 1, .role = ROLE_RESIDENT }, official = { .id = 2, .role = ROLE_OFFICIAL },
         coordinator = { .id = 3, .role = ROLE_COORDINATOR }, admin = { .id = 4, .role = ROLE_ADMIN },
         committee = { .id = 5, .role = ROLE_COMMITTEE };
    assert_true(market_may_post(&resident, 1));
    assert_false(market_may_post(&resident, 0));
    assert_false(market_may_post(&official, 0)); /* staff, but posts only as a member */
    assert_true(market_may_post(&coordinator, 0));
    assert_true(market_may_post(&admin, 0));
    assert_false(market_may_post(NULL, 1));
    assert_true(market_may_deal(&resident, 1));
    assert_false(market_may_deal(&resident, 0));
    assert_false(market_may_deal(&committee, 0));
    assert_true(market_may_deal(&official, 0));
    assert_false(market_may_deal(NULL, 1));
    assert_true(market_may_run_events(&official));
    assert_false(market_may_run_events(&resident));
    assert_false(market_may_run_events(NULL));
}

/* ---------- on a database ---------- */

static int use_pg;

typedef struct Fixture {
    Store *store;
    Db *db;
    Tenant tenant;
    User member, partner, outsider, official, admin;
    Ctx ctx;
    TestDb tdb;
} Fixture;

static int setup(void **state)
{
    Fixture *f = test_calloc(1, sizeof *f);
    testdb_open(&f->tdb, "market", use_pg, &f->store, &f->db, &f->ctx, &f->tenant);
    testdb_add_user(&f->ctx, &f->member, "samira@example.nl", "Samira Haddou", ROLE_RESIDENT);
    testdb_add_user(&f->ctx, &f->partner, "kees@example.nl", "Kees Vermeulen", ROLE_RESIDENT);
    testdb_add_user(&f->ctx, &f->outsider, "piet@example.nl", "Piet Jansen", ROLE_RESIDENT);
    testdb_add_user(&f->ctx, &f->official, "sanne@gemeente.example", "Sanne de Wit", ROLE_OFFICIAL);
    testdb_add_user(&f->ctx, &f->admin, "thomas@gemeente.example", "Thomas van Leeuwen", ROLE_ADMIN);
    f->ctx.user = NULL;
    assert_int_equal(directory_member_add(&f->ctx, "ibce", f->member.id), STATUS_OK);
    assert_int_equal(directory_member_add(&f->ctx, "bibliotheek", f->partner.id), STATUS_OK);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    testdb_close(&f->tdb, f->store, f->db, &f->ctx);
    test_free(f);
    return 0;
}

static Ctx *as(Fixture *f, User *u)
{
    f->ctx.user = u;
    return &f->ctx;
}

static int64_t post(Fixture *f, User *u, MarketSide side, const char *org, const char *title, const char *const *sdgs,
                    size_t n)
{
    MarketPostInput in = { .organisation = org, .kind = "knowledge", .title = title, .description = "Wat er nodig is.",
                           .counter_offer = "Een maaltijd.", .sdgs = (const char **)sdgs, .n_sdgs = n };
    FieldErrors e = { 0 };
    int64_t id = 0;
    assert_int_equal(market_post_create(as(f, u), side, &in, &e, &id), STATUS_OK);
    assert_true(id > 0);
    return id;
}

static void test_only_members_post(void **state)
{
    Fixture *f = *state;
    const char *sdgs[] = { "4", "10" };
    MarketPostInput in = { .organisation = "ibce", .kind = "knowledge", .title = "Website", .description = "Hulp.",
                           .counter_offer = "Een maaltijd.", .sdgs = sdgs, .n_sdgs = 2 };
    FieldErrors e = { 0 };
    int64_t id = 0;
    assert_int_equal(market_post_create(as(f, NULL), MARKET_REQUEST, &in, &e, &id), ERR_UNAUTHORIZED);
    assert_int_equal(market_post_create(as(f, &f->outsider), MARKET_REQUEST, &in, &e, &id), ERR_FORBIDDEN);
    assert_int_equal(market_post_create(as(f, &f->partner), MARKET_REQUEST, &in, &e, &id), ERR_FORBIDDEN);
    assert_int_equal(market_post_create(as(f, &f->official), MARKET_REQUEST, &in, &e, &id), ERR_FORBIDDEN);
    assert_int_equal(market_post_create(as(f, &f->member), MARKET_REQUEST, &in, &e, &id), STATUS_OK);
    MarketPost p;
    assert_int_equal(market_post(&f->ctx, MARKET_REQUEST, id, &p), STATUS_OK);
    assert_string_equal(p.organisation, "ibce");
    assert_true(p.open);
    assert_int_equal(p.n_sdgs, 2);
    assert_string_equal(p.sdgs[0].code, "4");
    assert_string_equal(p.sdgs[0].name, "Kwaliteitsonderwijs");
    assert_string_equal(p.counter_offer, "Een maaltijd.");
    assert_int_equal(market_post(&f->ctx, MARKET_OFFER, id, &p), ERR_NOT_FOUND); /* a request is no offer */
    /* an admin may post for any organisation */
    in.organisation = "ggd";
    assert_int_equal(market_post_create(as(f, &f->admin), MARKET_OFFER, &in, &e, &id), STATUS_OK);
    assert_int_equal(market_post(&f->ctx, MARKET_OFFER, id, &p), STATUS_OK);
    assert_string_equal(p.counter_offer, ""); /* offers have none */
    /* a request needs a counter-offer and an SDG; checks in Dutch */
    MarketPostInput bad = { .organisation = "ibce", .kind = "geld", .title = "", .description = "x" };
    e = (FieldErrors){ 0 };
    assert_int_equal(market_post_create(as(f, &f->member), MARKET_REQUEST, &bad, &e, &id), ERR_INVALID);
    assert_non_null(errors_get(&e, "kind"));
    assert_non_null(errors_get(&e, "title"));
    assert_non_null(errors_get(&e, "counter_offer"));
    assert_string_equal(errors_get(&e, "sdgs"), "Kies minstens één werelddoel waaraan uw vraag bijdraagt.");
    const char *wrong[] = { "18" };
    bad = (MarketPostInput){ .organisation = "ibce", .kind = "hands", .title = "t", .description = "d",
                             .counter_offer = "c", .sdgs = wrong, .n_sdgs = 1 };
    e = (FieldErrors){ 0 };
    assert_int_equal(market_post_create(as(f, &f->member), MARKET_REQUEST, &bad, &e, &id), ERR_INVALID);
    assert_string_equal(errors_get(&e, "sdgs"), "Werelddoelen zijn de nummers 1 tot en met 17.");
    /* filters */
    MarketPage pg;
    assert_int_equal(market_posts(&f->ctx, &(MarketFilter){ .side = MARKET_REQUEST, .open_only = 1 }, &pg), STATUS_OK);
    assert_int_equal(pg.total, 1);
    assert_int_equal(market_posts(&f->ctx, &(MarketFilter){ .side = MARKET_REQUEST, .sdg = 10 }, &pg), STATUS_OK);
    assert_int_equal(pg.total, 1);
    assert_int_equal(market_posts(&f->ctx, &(MarketFilter){ .side = MARKET_REQUEST, .sdg = 3 }, &pg), STATUS_OK);
    assert_int_equal(pg.total, 0);
    assert_int_equal(market_posts(&f->ctx, &(MarketFilter){ .side = MARKET_REQUEST, .q = "WEBS" }, &pg), STATUS_OK);
    assert_int_equal(pg.total, 1);
    assert_int_equal(market_posts(&f->ctx, &(MarketFilter){ .side = MARKET_OFFER, .organisation = "ggd" }, &pg),
                     STATUS_OK);
    assert_int_equal(pg.total, 1);
    /* closing: members only; a closed post leaves the open list */
    int64_t rq = pg.items[0].id;
    assert_int_equal(market_post_set_open(as(f, &f->member), rq, 0), ERR_FORBIDDEN); /* ggd's */
    assert_int_equal(market_post_set_open(as(f, &f->admin), rq, 0), STATUS_OK);
    assert_int_equal(market_posts(&f->ctx, &(MarketFilter){ .side = MARKET_OFFER, .open_only = 1 }, &pg), STATUS_OK);
    assert_int_equal(pg.total, 0);
}

static void test_deal_between_two_organisations(void **state)
{
    Fixture *f = *state;
    const char *sdgs[] = { "4" };
    int64_t rq = post(f, &f->member, MARKET_REQUEST, "ibce", "Website", sdgs, 1);
    int64_t own_offer = post(f, &f->member, MARKET_OFFER, "ibce", "Kookles", sdgs, 1);
    int64_t of = post(f, &f->partner, MARKET_OFFER, "bibliotheek", "Workshop", sdgs, 1);
    FieldErrors e = { 0 };
    int64_t deal = 0;
    /* the same organisation on both sides */
    assert_int_equal(market_match(as(f, &f->member), rq, own_offer, 100, 0, &e, &deal), ERR_INVALID);
    assert_non_null(errors_get(&e, "offer_id"));
    /* sides swapped: an offer is no request */
    e = (FieldErrors){ 0 };
    assert_int_equal(market_match(as(f, &f->member), of, rq, 100, 0, &e, &deal), ERR_INVALID);
    assert_non_null(errors_get(&e, "request_id"));
    /* an outsider */
    e = (FieldErrors){ 0 };
    assert_int_equal(market_match(as(f, &f->outsider), rq, of, 100, 0, &e, &deal), ERR_FORBIDDEN);
    e = (FieldErrors){ 0 };
    assert_int_equal(market_match(as(f, &f->partner), rq, of, -1, 0, &e, &deal), ERR_INVALID);
    assert_non_null(errors_get(&e, "value_cents"));
    e = (FieldErrors){ 0 };
    assert_int_equal(market_match(as(f, &f->partner), rq, of, 75000, 0, &e, &deal), STATUS_OK);
    MarketDeal d;
    assert_int_equal(market_deal(&f->ctx, deal, &d), STATUS_OK);
    assert_int_equal(d.state, DEAL_VOORGESTELD);
    assert_int_equal(d.value_cents, 75000);
    assert_string_equal(d.request_org, "ibce");
    assert_string_equal(d.offer_org, "bibliotheek");
    /* the pair once only while the deal stands */
    e = (FieldErrors){ 0 };
    int64_t again;
    assert_int_equal(market_match(as(f, &f->member), rq, of, 1, 0, &e, &again), ERR_CONFLICT);
    /* the state machine: members of either side or staff, one step at a time */
    assert_int_equal(market_deal_move(as(f, &f->outsider), deal, DEAL_AFGESPROKEN), ERR_FORBIDDEN);
    assert_int_equal(market_deal_move(as(f, &f->member), deal, DEAL_UITGEVOERD), ERR_CONFLICT);
    assert_int_equal(market_deal_move(as(f, &f->member), deal, DEAL_AFGESPROKEN), STATUS_OK);
    assert_int_equal(market_deal_move(as(f, &f->official), deal, DEAL_UITGEVOERD), STATUS_OK);
    assert_int_equal(market_deal_move(as(f, &f->partner), deal, DEAL_GEANNULEERD), ERR_CONFLICT);
    assert_int_equal(market_deal(&f->ctx, deal, &d), STATUS_OK);
    assert_int_equal(d.state, DEAL_UITGEVOERD);
    assert_int_equal(market_deal_move(as(f, &f->member), 999999, DEAL_AFGESPROKEN), ERR_NOT_FOUND);
    /* the deals of a post */
    MarketDeal *v;
    size_t n;
    assert_int_equal(market_deals_of_post(&f->ctx, of, &v, &n), STATUS_OK);
    assert_int_equal(n, 1);
    /* a closed offer takes no new matches */
    assert_int_equal(market_post_set_open(as(f, &f->partner), of, 0), STATUS_OK);
    int64_t rq2 = post(f, &f->member, MARKET_REQUEST, "ibce", "Tweede vraag", sdgs, 1);
    e = (FieldErrors){ 0 };
    assert_int_equal(market_match(as(f, &f->member), rq2, of, 1, 0, &e, &again), ERR_INVALID);
    assert_string_equal(errors_get(&e, "offer_id"), "Dit aanbod is gesloten.");
}

static void test_event_totals_per_sdg(void **state)
{
    Fixture *f = *state;
    FieldErrors e = { 0 };
    int64_t ev = 0;
    MarketEventInput in = { .date = "2026-10-08", .place = "de-plint", .title = "Beursvloer 2026" };
    assert_int_equal(market_event_create(as(f, &f->member), &in, &e, &ev), ERR_FORBIDDEN);
    MarketEventInput bad = { .date = "8 oktober", .place = "", .title = "" };
    assert_int_equal(market_event_create(as(f, &f->official), &bad, &e, &ev), ERR_INVALID);
    assert_non_null(errors_get(&e, "date"));
    assert_non_null(errors_get(&e, "place"));
    assert_non_null(errors_get(&e, "title"));
    e = (FieldErrors){ 0 };
    assert_int_equal(market_event_create(as(f, &f->official), &in, &e, &ev), STATUS_OK);
    const char *a[] = { "4", "10" }, *b[] = { "10", "11" }, *c[] = { "3" };
    int64_t r1 = post(f, &f->member, MARKET_REQUEST, "ibce", "Website", a, 2);
    int64_t r2 = post(f, &f->member, MARKET_REQUEST, "ibce", "Taalles", b, 2);
    int64_t r3 = post(f, &f->member, MARKET_REQUEST, "ibce", "Sportdag", c, 1);
    int64_t o1 = post(f, &f->partner, MARKET_OFFER, "bibliotheek", "Workshop", a, 1);
    int64_t o2 = post(f, &f->partner, MARKET_OFFER, "bibliotheek", "Laptops", b, 1);
    int64_t d1, d2, d3, d4;
    assert_int_equal(market_match(as(f, &f->partner), r1, o1, 75000, ev, &e, &d1), STATUS_OK);
    assert_int_equal(market_match(as(f, &f->partner), r2, o1, 20000, ev, &e, &d2), STATUS_OK);
    assert_int_equal(market_match(as(f, &f->partner), r3, o2, 5000, ev, &e, &d3), STATUS_OK);
    assert_int_equal(market_match(as(f, &f->partner), r2, o2, 99900, 0, &e, &d4), STATUS_OK); /* not at the event */
    assert_int_equal(market_deal_move(as(f, &f->member), d3, DEAL_GEANNULEERD), STATUS_OK);   /* does not count */
    assert_int_equal(market_match(as(f, &f->partner), r1, o2, 1, 424242, &e, &d4), ERR_INVALID);
    assert_non_null(errors_get(&e, "event_id"));
    /* members register their organisation, staff select pitches */
    assert_int_equal(market_event_register(as(f, &f->member), ev, "ibce"), STATUS_OK);
    assert_int_equal(market_event_register(as(f, &f->member), ev, "ibce"), STATUS_OK); /* twice is fine */
    assert_int_equal(market_event_register(as(f, &f->member), ev, "bibliotheek"), ERR_FORBIDDEN);
    assert_int_equal(market_event_register(as(f, &f->official), ev, "bibliotheek"), STATUS_OK);
    assert_int_equal(market_event_register(as(f, &f->member), ev, "bestaat-niet"), ERR_NOT_FOUND);
    assert_int_equal(market_event_pitch(as(f, &f->member), ev, r1, 1), ERR_FORBIDDEN);
    assert_int_equal(market_event_pitch(as(f, &f->official), ev, r2, 1), STATUS_OK);
    assert_int_equal(market_event_pitch(as(f, &f->official), ev, r1, 1), STATUS_OK);
    assert_int_equal(market_event_pitch(as(f, &f->official), ev, o1, 1), ERR_NOT_FOUND); /* an offer is no pitch */
    MarketEventDetail d;
    assert_int_equal(market_event(&f->ctx, ev, &d), STATUS_OK);
    assert_string_equal(d.event.place_name, "De Plint");
    assert_string_equal(d.event.place_code, "de-plint");
    assert_int_equal(d.n_participants, 2);
    assert_int_equal(d.n_pitches, 2);
    assert_int_equal(d.pitches[0].id, r2); /* in the order chosen */
    assert_int_equal(d.n_deals, 3);
    assert_int_equal(d.active_deals, 2);
    assert_int_equal(d.total_value_cents, 95000);
    /* SDG 4: d1; 10: d1 + d2; 11: d2; 3 only had the cancelled d3 */
    assert_int_equal(d.n_by_sdg, 3);
    assert_int_equal(d.by_sdg[0].sdg, 4);
    assert_int_equal(d.by_sdg[0].deals, 1);
    assert_int_equal(d.by_sdg[0].value_cents, 75000);
    assert_int_equal(d.by_sdg[1].sdg, 10);
    assert_int_equal(d.by_sdg[1].deals, 2);
    assert_int_equal(d.by_sdg[1].value_cents, 95000);
    assert_string_equal(d.by_sdg[1].name, "Ongelijkheid verminderen");
    assert_int_equal(d.by_sdg[2].sdg, 11);
    assert_int_equal(d.by_sdg[2].value_cents, 20000);
    /* a free-text place */
    MarketEventInput other = { .date = "2028-03-16", .place = "Raadhuis, Voorburg", .title = "Beursvloer 2028" };
    e = (FieldErrors){ 0 };
    assert_int_equal(market_event_create(as(f, &f->admin), &other, &e, &ev), STATUS_OK);
    assert_int_equal(market_event(&f->ctx, ev, &d), STATUS_OK);
    assert_null(d.event.place_code);
    assert_string_equal(d.event.place_name, "Raadhuis, Voorburg");
    assert_int_equal(d.total_value_cents, 0);
    MarketEvent *list;
    size_t n;
    assert_int_equal(market_events(&f->ctx, &list, &n), STATUS_OK);
    assert_int_equal(n, 2);
    assert_string_equal(list[0].date, "2028-03-16"); /* newest first */
}

static void test_tenants_are_separate(void **state)
{
    Fixture *f = *state;
    const char *sdgs[] = { "4" };
    int64_t rq = post(f, &f->member, MARKET_REQUEST, "ibce", "Website", sdgs, 1);
    int64_t of = post(f, &f->partner, MARKET_OFFER, "bibliotheek", "Workshop", sdgs, 1);
    FieldErrors e = { 0 };
    int64_t deal, ev;
    assert_int_equal(market_match(as(f, &f->partner), rq, of, 100, 0, &e, &deal), STATUS_OK);
    assert_int_equal(market_event_create(as(f, &f->official), &(MarketEventInput){ .date = "2026-10-08", .place = "x",
                                                                                  .title = "B" },
                                         &e, &ev),
                     STATUS_OK);
    assert_int_equal(store_tenant_upsert(f->db, "wassenaar", "Wassenaar", "w.example"), DB_OK);
    Tenant w;
    assert_int_equal(store_tenant_by_code(f->db, f->ctx.arena, "wassenaar", &w), DB_OK);
    Ctx other = f->ctx;
    other.tenant = &w;
    other.user = &f->admin;
    MarketPost p;
    assert_int_equal(market_post(&other, MARKET_REQUEST, rq, &p), ERR_NOT_FOUND);
    MarketPage pg;
    assert_int_equal(market_posts(&other, &(MarketFilter){ .side = MARKET_REQUEST }, &pg), STATUS_OK);
    assert_int_equal(pg.total, 0);
    MarketDeal d;
    assert_int_equal(market_deal(&other, deal, &d), ERR_NOT_FOUND);
    assert_int_equal(market_deal_move(&other, deal, DEAL_AFGESPROKEN), ERR_NOT_FOUND);
    MarketEventDetail ed;
    assert_int_equal(market_event(&other, ev, &ed), ERR_NOT_FOUND);
    assert_int_equal(market_event_pitch(&other, ev, rq, 1), ERR_NOT_FOUND);
    /* nor can it match the first municipality's posts */
    e = (FieldErrors){ 0 };
    assert_int_equal(market_match(&other, rq, of, 1, 0, &e, &deal), ERR_INVALID);
}

#define DB_TESTS \
    cmocka_unit_test_setup_teardown(test_only_members_post, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_deal_between_two_organisations, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_event_totals_per_sdg, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_tenants_are_separate, setup, teardown)

int main(void)
{
    const struct CMUnitTest rules[] = {
        cmocka_unit_test(test_state_machine),
        cmocka_unit_test(test_permission_rules),
    };
    const struct CMUnitTest tests[] = { DB_TESTS };
    int failed = cmocka_run_group_tests_name("market rules", rules, NULL, NULL);
    use_pg = 0;
    failed += cmocka_run_group_tests_name("market on SQLite", tests, NULL, NULL);
    const char *pg = getenv("WIJZER_TEST_PG");
    if (pg && *pg) {
        use_pg = 1;
        failed += cmocka_run_group_tests_name("market on PostgreSQL", tests, NULL, NULL);
    }
    return failed;
}
