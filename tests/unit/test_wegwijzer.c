/* The Wegwijzer (issue 5), on a real database (SQLite, and PostgreSQL
 * when WIJZER_TEST_PG holds a server's base URL): a request for
 * volunteers about groen in Voorburg-West ranks the organisation that
 * offers volunteers there first, with the right reasons; one that works
 * only elsewhere stays away; places, funds and officials (public profile
 * only) with their reasons; an answer that finds nothing; unknown codes;
 * and `init --scale` making organisations with real codes, numbered on
 * from run to run. */
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
#include "domain/demo.h"
#include "domain/directory.h"
#include "domain/scale.h"
#include "domain/setup.h"
#include "domain/wegwijzer.h"
#include "lib/dates.h"
#include "store/store.h"
#include "testdb.h"

static int use_pg;

typedef struct Fixture {
    Store *store;
    Db *db;
    Tenant tenant;
    User resident, official, other, admin;
    Ctx ctx;
    TestDb tdb;
} Fixture;

static Ctx *as(Fixture *f, User *u)
{
    f->ctx.user = u;
    return &f->ctx;
}

/* An organisation registered by the resident. */
static void add_org(Fixture *f, const char *name, const char *help, const char *theme, const char *area)
{
    const char *h[] = { help }, *t[] = { theme }, *a[] = { area };
    OrganisationInput in = { .name = name, .kind = "vereniging", .description = "Een vereniging.",
                             .offer = "Handen.", .contact = "Bel de voorzitter.", .website = "",
                             .help_kinds = h, .n_help_kinds = help ? 1 : 0, .themes = t, .n_themes = theme ? 1 : 0,
                             .areas = a, .n_areas = area ? 1 : 0 };
    FieldErrors e = { 0 };
    const char *code;
    assert_int_equal(directory_organisation_create(as(f, &f->resident), &in, &e, &code), STATUS_OK);
}

static void set_profile(Fixture *f, User *u, const char *expertise, const char *theme, const char *area)
{
    const char *t[] = { theme }, *a[] = { area };
    OfficialInput in = { .expertise = expertise, .themes = t, .n_themes = theme ? 1 : 0, .areas = a,
                         .n_areas = area ? 1 : 0 };
    FieldErrors e = { 0 };
    assert_int_equal(directory_official_update(as(f, u), u->id, &in, &e), STATUS_OK);
}

static int setup(void **state)
{
    Fixture *f = test_calloc(1, sizeof *f);
    testdb_open(&f->tdb, "ww", use_pg, &f->store, &f->db, &f->ctx, &f->tenant);
    testdb_add_user(&f->ctx, &f->resident, "piet@example.nl", "Piet Jansen", ROLE_RESIDENT);
    testdb_add_user(&f->ctx, &f->official, "sanne@gemeente.example", "Sanne de Wit", ROLE_OFFICIAL);
    testdb_add_user(&f->ctx, &f->other, "jeroen@gemeente.example", "Jeroen Bakker", ROLE_OFFICIAL);
    testdb_add_user(&f->ctx, &f->admin, "thomas@gemeente.example", "Thomas van Leeuwen", ROLE_ADMIN);
    /* In the order the ranking must undo: the best fit is registered last. */
    add_org(f, "Tuinclub Stompwijk", "vrijwilligers", "groen", "stompwijk");   /* only elsewhere */
    add_org(f, "Sportclub West", "materiaal", "sport", "voorburg-west");       /* only the wijk */
    add_org(f, "Stichting Overal Groen", "vrijwilligers", "groen", NULL);      /* whole municipality */
    add_org(f, "Groene Buren Voorburg-West", "vrijwilligers", "groen", "voorburg-west");
    set_profile(f, &f->official, "Wijkregisseur: helpt bij de eerste stappen.", "groen", "voorburg-west");
    set_profile(f, &f->other, "Vergunningen voor evenementen.", "verkeer", "leidschendam-noord");
    FieldErrors e = { 0 };
    assert_int_equal(directory_place_set_details(as(f, &f->admin), "de-groene-loper", "Groene Loper 2, Voorburg",
                                                 "Ontmoeting en een buurtkamer.", "voorburg-west", &e),
                     STATUS_OK);
    f->ctx.user = NULL;
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

static int has_reason(const WegwijzerWhy *w, const char *reason)
{
    for (size_t i = 0; i < w->n_reasons; i++)
        if (strcmp(w->reasons[i], reason) == 0)
            return 1;
    return 0;
}

static void test_volunteers_groen_in_a_wijk(void **state)
{
    Fixture *f = *state;
    WegwijzerResult w;
    FieldErrors e = { 0 };
    WegwijzerQuery q = { "vrijwilligers", "groen", "voorburg-west" };
    assert_int_equal(wegwijzer_find(&f->ctx, &q, &w, &e), STATUS_OK);
    assert_true(w.asked);
    assert_string_equal(w.need_name, "Mensen en tijd");
    assert_string_equal(w.area_name, "Voorburg-West");
    assert_int_equal(w.n_organisations, 3);
    /* first: offers volunteers, groen, in that wijk */
    assert_string_equal(w.organisations[0].org.name, "Groene Buren Voorburg-West");
    assert_int_equal(w.organisations[0].why.score, 100);
    assert_int_equal(w.organisations[0].why.n_reasons, 3);
    assert_string_equal(w.organisations[0].why.reasons[0], "helpt met vrijwilligers");
    assert_string_equal(w.organisations[0].why.reasons[1], "thema groen");
    assert_string_equal(w.organisations[0].why.reasons[2], "werkt in Voorburg-West");
    assert_string_equal(w.organisations[0].org.contact, "Bel de voorzitter.");
    /* then the same help everywhere, then only the wijk */
    assert_string_equal(w.organisations[1].org.name, "Stichting Overal Groen");
    assert_true(has_reason(&w.organisations[1].why, "werkt in heel de gemeente"));
    assert_string_equal(w.organisations[2].org.name, "Sportclub West");
    assert_int_equal(w.organisations[2].why.n_reasons, 1);
    assert_string_equal(w.organisations[2].why.reasons[0], "werkt in Voorburg-West");
    /* Tuinclub Stompwijk works only elsewhere */
    for (size_t i = 0; i < w.n_organisations; i++)
        assert_string_not_equal(w.organisations[i].org.name, "Tuinclub Stompwijk");
    /* the wijkcentrum in the wijk, with its address */
    assert_int_equal(w.n_places, 1);
    assert_string_equal(w.places[0].place.code, "de-groene-loper");
    assert_string_equal(w.places[0].place.address, "Groene Loper 2, Voorburg");
    assert_true(has_reason(&w.places[0].why, "wijkcentrum in uw wijk"));
    /* the official of that wijk and theme; not the one of another wijk */
    assert_int_equal(w.n_officials, 1);
    assert_string_equal(w.officials[0].official.name, "Sanne de Wit");
    assert_int_equal(w.officials[0].official.id, f->official.id);
    assert_true(has_reason(&w.officials[0].why, "kent het thema groen"));
    assert_true(has_reason(&w.officials[0].why, "werkt in Voorburg-West"));
    /* volunteers, not money: no funds */
    assert_int_equal(w.n_funds, 0);

    /* a buurt of the wijk finds the same organisation first */
    q.area = "damsigt";
    e = (FieldErrors){ 0 };
    assert_int_equal(wegwijzer_find(&f->ctx, &q, &w, &e), STATUS_OK);
    assert_true(w.n_organisations >= 1);
    assert_string_equal(w.organisations[0].org.name, "Groene Buren Voorburg-West");
}

static void test_money_and_space(void **state)
{
    Fixture *f = *state;
    WegwijzerResult w;
    FieldErrors e = { 0 };
    assert_int_equal(wegwijzer_find(&f->ctx, &(WegwijzerQuery){ "geld", NULL, "voorburg-west" }, &w, &e), STATUS_OK);
    assert_int_equal(w.n_funds, 1);
    assert_string_equal(w.funds[0].fund.code, "vlietwensen");
    assert_true(has_reason(&w.funds[0].why, "geeft geld voor initiatieven"));
    assert_true(has_reason(&w.funds[0].why, "voor heel de gemeente"));
    /* space: every place, the one in the wijk first */
    assert_int_equal(wegwijzer_find(&f->ctx, &(WegwijzerQuery){ "ruimte", NULL, "voorburg-west" }, &w, &e),
                     STATUS_OK);
    assert_true(w.n_places > 1);
    assert_string_equal(w.places[0].place.code, "de-groene-loper");
    assert_true(has_reason(&w.places[1].why, "u kunt hier ruimte vragen"));
    assert_int_equal(w.n_funds, 0);
}

static void test_nothing_fits(void **state)
{
    Fixture *f = *state;
    WegwijzerResult w;
    FieldErrors e = { 0 };
    assert_int_equal(wegwijzer_find(&f->ctx, &(WegwijzerQuery){ "vergunning", "verkeer", "leidschendam-centrum" }, &w, &e),
                     STATUS_OK);
    assert_true(w.asked);
    assert_int_equal(w.n_funds + w.n_organisations + w.n_places + w.n_officials, 0);
    /* nothing asked: nothing looked up */
    assert_int_equal(wegwijzer_find(&f->ctx, &(WegwijzerQuery){ "", "  ", NULL }, &w, &e), STATUS_OK);
    assert_false(w.asked);
    assert_int_equal(w.n_funds + w.n_organisations + w.n_places + w.n_officials, 0);
}

static void test_unknown_codes(void **state)
{
    Fixture *f = *state;
    WegwijzerResult w;
    FieldErrors e = { 0 };
    assert_int_equal(wegwijzer_find(&f->ctx, &(WegwijzerQuery){ "toverkracht", "groen", "atlantis" }, &w, &e),
                     ERR_INVALID);
    assert_non_null(errors_get(&e, "need"));
    assert_null(errors_get(&e, "theme"));
    assert_string_equal(errors_get(&e, "area"), "Deze wijk kennen we niet. Kies er een uit de lijst.");
}

/* init --demo --scale 200 makes 10 organisations with real codes; a second
 * run adds 10 more, numbered on. */
static void test_scale_makes_organisations(void **state)
{
    Fixture *f = *state;
    const char *err = NULL;
    int added;
    assert_int_equal(demo_load(as(f, NULL), &added, &err), STATUS_OK);
    OrganisationPage p;
    assert_int_equal(directory_organisations(&f->ctx, &(OrganisationFilter){ .per_page = 1 }, &p), STATUS_OK);
    int64_t before = p.total;
    ScaleReport rep;
    assert_int_equal(scale_load(&f->ctx, 200, &rep, NULL, &err), STATUS_OK);
    assert_int_equal(rep.organisations, 10);
    assert_int_equal(scale_load(&f->ctx, 200, &rep, NULL, &err), STATUS_OK);
    assert_int_equal(rep.run, 2);
    assert_int_equal(rep.organisations, 10);
    assert_int_equal(directory_organisations(&f->ctx, &(OrganisationFilter){ .per_page = 100 }, &p), STATUS_OK);
    assert_int_equal(p.total, before + 20);
    int numbered[21] = { 0 };
    for (size_t i = 0; i < p.n; i++) {
        const Organisation *o = &p.items[i];
        const char *dash = strrchr(o->code, '-');
        long k = dash ? strtol(dash + 1, NULL, 10) : 0;
        if (strcmp(o->kind, "gemeente") == 0 || k < 1 || k > 20 || !*o->contact)
            continue; /* one of the reference data's */
        numbered[k]++;
        /* the lists join the reference tables, so only real codes count */
        assert_true(o->n_themes >= 1 && o->n_themes <= 3);
        assert_true(o->n_help_kinds >= 1 && o->n_help_kinds <= 3);
        assert_true(o->n_areas <= 2);
        assert_true(*o->offer);
        assert_non_null(strstr(o->description, o->kind));
    }
    for (int k = 1; k <= 20; k++)
        assert_int_equal(numbered[k], 1);
    /* the Wegwijzer finds generated ones too */
    WegwijzerResult w;
    FieldErrors e = { 0 };
    assert_int_equal(wegwijzer_find(&f->ctx, &(WegwijzerQuery){ "vrijwilligers", NULL, NULL }, &w, &e), STATUS_OK);
    assert_true(w.n_organisations > 0);
}

#define DB_TESTS \
    cmocka_unit_test_setup_teardown(test_volunteers_groen_in_a_wijk, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_money_and_space, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_nothing_fits, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_unknown_codes, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_scale_makes_organisations, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = { DB_TESTS };
    accounts_init(); /* the demo's and generated people's passwords */
    use_pg = 0;
    int failed = cmocka_run_group_tests_name("wegwijzer on SQLite", tests, NULL, NULL);
    const char *pg = getenv("WIJZER_TEST_PG");
    if (pg && *pg) {
        use_pg = 1;
        failed += cmocka_run_group_tests_name("wegwijzer on PostgreSQL", tests, NULL, NULL);
    }
    return failed;
}
