/* The municipality's overview (issue 5): the state groups, and on a real
 * database (SQLite, and PostgreSQL when WIJZER_TEST_PG holds a server's
 * base URL): initiatives per wijk with a buurt counted for its wijk, the
 * same numbers the public list shows, open help requests, organisations
 * per wijk and of the whole municipality, initiatives per goal, and each
 * municipality seeing only its own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/accounts.h"
#include "domain/directory.h"
#include "domain/initiatives.h"
#include "domain/overview.h"
#include "domain/setup.h"
#include "lib/dates.h"
#include "store/store.h"
#include "testdb.h"

/* ---------- pure rules ---------- */

static void test_state_groups(void **state)
{
    (void)state;
    assert_int_equal(overview_state_group(ST_IDEE), GROUP_IDEA);
    assert_int_equal(overview_state_group(ST_INGEDIEND), GROUP_MUNICIPALITY);
    assert_int_equal(overview_state_group(ST_INTAKE), GROUP_MUNICIPALITY);
    assert_int_equal(overview_state_group(ST_IN_BEHANDELING), GROUP_MUNICIPALITY);
    assert_int_equal(overview_state_group(ST_TOEGEKEND), GROUP_RUNNING);
    assert_int_equal(overview_state_group(ST_IN_UITVOERING), GROUP_RUNNING);
    assert_int_equal(overview_state_group(ST_AFGEROND), GROUP_DONE);
    assert_int_equal(overview_state_group(ST_GEEVALUEERD), GROUP_DONE);
    assert_int_equal(overview_state_group(ST_AFGEWEZEN), GROUP_STOPPED);
    assert_int_equal(overview_state_group(ST_DOORVERWEZEN), GROUP_STOPPED);
    assert_int_equal(overview_state_group(ST_GESTOPT), GROUP_STOPPED);
    assert_string_equal(overview_group_code(GROUP_RUNNING), "lopend");
    assert_string_equal(overview_group_label(GROUP_MUNICIPALITY), "Bij de gemeente");
    assert_string_equal(overview_group_code(GROUP_COUNT_), "");
    /* every group has words for the page */
    for (int g = 0; g < GROUP_COUNT_; g++)
        assert_true(strlen(overview_group_explain((StateGroup)g)) > 5);
}

/* ---------- on a database ---------- */

static int use_pg;

typedef struct Fixture {
    Store *store;
    Db *db;
    Tenant tenant;
    User resident, official;
    Ctx ctx;
    TestDb tdb;
} Fixture;

static int setup(void **state)
{
    Fixture *f = test_calloc(1, sizeof *f);
    testdb_open(&f->tdb, "overview", use_pg, &f->store, &f->db, &f->ctx, &f->tenant);
    testdb_add_user(&f->ctx, &f->resident, "piet@example.nl", "Piet Jansen", ROLE_RESIDENT);
    testdb_add_user(&f->ctx, &f->official, "sanne@gemeente.example", "Sanne de Wit", ROLE_OFFICIAL);
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

static void link_goal(Fixture *f, int64_t initiative, const char *goal)
{
    char sql[256];
    snprintf(sql, sizeof sql,
             "INSERT INTO initiative_goals (tenant_id, initiative_id, goal_code, created_at)"
             " VALUES (%lld, %lld, '%s', 1)",
             (long long)f->tenant.id, (long long)initiative, goal);
    testdb_exec(&f->tdb, sql);
}

/* An initiative with one open help request, submitted (ingediend). */
static int64_t initiative(Fixture *f, const char *title, const char *area)
{
    InitiativeInput in = { 0 };
    in.title = title;
    in.summary = "Buren maken samen de speeltuin weer mooi.";
    in.description = "";
    in.area = area;
    in.themes[in.n_themes++] = "groen";
    in.help[0] = (HelpInput){ .kind = "materiaal", .description = "Verf en hout", .amount_cents = -1 };
    in.n_help = 1;
    in.show_name = 1;
    FieldErrors e = { 0 };
    int64_t id = 0;
    f->ctx.user = &f->resident;
    assert_int_equal(initiative_create(&f->ctx, &in, &e, &id), STATUS_OK);
    f->ctx.user = NULL;
    return id;
}

static const OverviewArea *area(const Overview *o, const char *code)
{
    for (size_t i = 0; i < o->n_areas; i++)
        if (strcmp(o->areas[i].code, code) == 0)
            return &o->areas[i];
    fail_msg("no wijk %s", code);
    return NULL;
}

static const OverviewGoal *goal(const Overview *o, const char *code)
{
    for (size_t i = 0; i < o->n_goals; i++)
        if (strcmp(o->goals[i].goal.code, code) == 0)
            return &o->goals[i];
    fail_msg("no goal %s", code);
    return NULL;
}

static void test_counts_per_wijk(void **state)
{
    Fixture *f = *state;
    Overview o;
    assert_int_equal(overview_get(&f->ctx, &o), STATUS_OK);
    assert_int_equal(o.n_areas, 8); /* the wijken only, in the reference order */
    assert_string_equal(o.areas[0].code, "voorburg-noord");
    assert_int_equal(o.total.initiatives, 0);
    assert_int_equal(o.max_area_initiatives, 0);
    int64_t orgs_vw = area(&o, "voorburg-west")->organisations, whole = o.whole_municipality_organisations,
            all = o.total.organisations;

    int64_t a = initiative(f, "Speeltuin Bovenveen", "bovenveen"); /* a buurt of Voorburg-Noord */
    int64_t b = initiative(f, "Moestuin Het Loo", "het-loo");      /* another of its buurten */
    int64_t c = initiative(f, "Buurtfeest Voorburg-Noord", "voorburg-noord"); /* the wijk itself */
    initiative(f, "Bankjes Stompwijk", "stompwijk-dorp");          /* a buurt of Stompwijk */
    FieldErrors e = { 0 };
    f->ctx.user = &f->official;
    assert_int_equal(initiative_transition(&f->ctx, a, ST_INTAKE, "Kennismaking.", 0, &e), STATUS_OK);
    Initiative in;
    assert_int_equal(initiative_get(&f->ctx, b, &in), STATUS_OK);
    assert_int_equal(initiative_set_help_state(&f->ctx, b, in.help[0].id, HELP_GELEVERD), STATUS_OK);
    /* an organisation that names a wijk and one of its buurten counts once there */
    const char *areas[] = { "voorburg-west", "damsigt" };
    OrganisationInput org = { .name = "Buurtwerk Damsigt", .kind = "vereniging", .description = "Voor de buurt.",
                              .areas = areas, .n_areas = 2 };
    const char *code;
    e = (FieldErrors){ 0 };
    f->ctx.user = &f->resident;
    assert_int_equal(directory_organisation_create(&f->ctx, &org, &e, &code), STATUS_OK);
    f->ctx.user = NULL;

    assert_int_equal(overview_get(&f->ctx, &o), STATUS_OK);
    const OverviewArea *vn = area(&o, "voorburg-noord"), *st = area(&o, "stompwijk");
    assert_int_equal(vn->initiatives, 3);
    assert_int_equal(vn->by_state[ST_INGEDIEND], 2);
    assert_int_equal(vn->by_state[ST_INTAKE], 1);
    assert_int_equal(vn->by_group[GROUP_MUNICIPALITY], 3);
    assert_int_equal(vn->by_group[GROUP_RUNNING], 0);
    assert_int_equal(vn->open_help_requests, 2); /* one of the three was delivered */
    assert_int_equal(st->initiatives, 1);
    assert_int_equal(st->open_help_requests, 1);
    assert_int_equal(area(&o, "oud-voorburg")->initiatives, 0);
    assert_int_equal(o.total.initiatives, 4);
    assert_int_equal(o.total.by_group[GROUP_MUNICIPALITY], 4);
    assert_int_equal(o.total.open_help_requests, 3);
    assert_int_equal(o.max_area_initiatives, 3);
    assert_int_equal(area(&o, "voorburg-west")->organisations, orgs_vw + 1);
    assert_int_equal(o.whole_municipality_organisations, whole);
    assert_int_equal(o.total.organisations, all + 1);

    /* The same numbers as the public list of initiatives, which hides no
     * state: whatever the public may see is counted, and nothing else. */
    for (size_t i = 0; i < o.n_areas; i++) {
        InitiativePage pg;
        InitiativeFilter flt = { .area = o.areas[i].code, .page = 1, .per_page = 1 };
        assert_int_equal(initiative_list(&f->ctx, &flt, &pg), STATUS_OK);
        assert_int_equal(pg.total, o.areas[i].initiatives);
    }
    InitiativePage pg;
    assert_int_equal(initiative_list(&f->ctx, &(InitiativeFilter){ .page = 1, .per_page = 1 }, &pg), STATUS_OK);
    assert_int_equal(pg.total, o.total.initiatives);

    /* An initiative that moves to a buurt of another wijk takes its open
     * help request along. */
    InitiativeInput move = { .area = "damsigt", .present.area = 1 };
    e = (FieldErrors){ 0 };
    f->ctx.user = &f->resident;
    assert_int_equal(initiative_update(&f->ctx, c, &move, &e), STATUS_OK);
    f->ctx.user = NULL;
    assert_int_equal(overview_get(&f->ctx, &o), STATUS_OK);
    assert_int_equal(area(&o, "voorburg-noord")->initiatives, 2);
    assert_int_equal(area(&o, "voorburg-noord")->open_help_requests, 1);
    assert_int_equal(area(&o, "voorburg-west")->initiatives, 1);
    assert_int_equal(area(&o, "voorburg-west")->open_help_requests, 1);
    assert_int_equal(o.total.open_help_requests, 3);
}

static void test_counts_per_goal(void **state)
{
    Fixture *f = *state;
    Overview o;
    assert_int_equal(overview_get(&f->ctx, &o), STATUS_OK);
    assert_true(o.n_goals > 3);
    assert_string_equal(o.goals[0].goal.code, "koers-3-1"); /* tree order: the root first */
    assert_int_equal(o.goals[0].goal.depth, 0);
    assert_int_equal(o.goals[1].goal.depth, 1);
    for (size_t i = 0; i < o.n_goals; i++) {
        assert_int_equal(o.goals[i].initiatives, 0);
        assert_int_equal(o.goals[i].n_items, 0);
    }
    int64_t a = initiative(f, "Koffie-ochtend", "bovenveen");
    int64_t b = initiative(f, "Samen eten", "damsigt");
    int64_t c = initiative(f, "Wandelclub", "de-heuvel");
    FieldErrors e = { 0 };
    f->ctx.user = &f->official;
    assert_int_equal(initiative_transition(&f->ctx, b, ST_INTAKE, "", 0, &e), STATUS_OK);
    f->ctx.user = NULL;
    link_goal(f, a, "eenzaamheid");
    link_goal(f, b, "eenzaamheid");
    link_goal(f, c, "eenzaamheid");
    link_goal(f, c, "koers-3-1");
    link_goal(f, a, "geen-bestaand-doel"); /* a code no goal has: left out */

    assert_int_equal(overview_get(&f->ctx, &o), STATUS_OK);
    const OverviewGoal *g = goal(&o, "eenzaamheid");
    assert_int_equal(g->initiatives, 3);
    assert_int_equal(g->by_state[ST_INGEDIEND], 2);
    assert_int_equal(g->by_state[ST_INTAKE], 1);
    assert_int_equal(g->n_items, 3);
    assert_int_equal(g->items[0].id, c); /* newest first */
    assert_string_equal(g->items[0].title, "Wandelclub");
    assert_int_equal(g->items[1].state, ST_INTAKE);
    assert_int_equal(goal(&o, "koers-3-1")->initiatives, 1);
    assert_int_equal(goal(&o, "netwerken-nieuw")->initiatives, 0);
}

static void test_many_per_goal_lists_ten(void **state)
{
    Fixture *f = *state;
    for (int i = 0; i < OVERVIEW_GOAL_ITEMS + 3; i++) {
        char title[64];
        snprintf(title, sizeof title, "Initiatief nummer %d", i + 1);
        link_goal(f, initiative(f, title, "fonteijn"), "netwerken-nieuw");
    }
    Overview o;
    assert_int_equal(overview_get(&f->ctx, &o), STATUS_OK);
    const OverviewGoal *g = goal(&o, "netwerken-nieuw");
    assert_int_equal(g->initiatives, OVERVIEW_GOAL_ITEMS + 3);
    assert_int_equal(g->n_items, OVERVIEW_GOAL_ITEMS);
    assert_string_equal(g->items[0].title, "Initiatief nummer 13");
}

static void test_tenants_apart(void **state)
{
    Fixture *f = *state;
    int64_t a = initiative(f, "Speeltuin", "bovenveen");
    link_goal(f, a, "eenzaamheid");
    /* Wassenaar, with a wijk, a buurt and a goal of the same codes as
     * ours, sees none of our initiatives, help requests or organisations.
     * (Its rows go in first: reference lists are kept for two seconds.) */
    assert_int_equal(store_tenant_upsert(f->db, "wassenaar", "Wassenaar", "w.example"), DB_OK);
#define WASSENAAR "(SELECT id FROM tenants WHERE code = 'wassenaar')"
    testdb_exec(&f->tdb, "INSERT INTO areas (tenant_id, code, name, kind, parent_code) VALUES"
               " (" WASSENAAR ", 'voorburg-noord', 'Noord', 'wijk', NULL),"
               " (" WASSENAAR ", 'bovenveen', 'Veen', 'buurt', 'voorburg-noord');"
               " INSERT INTO goals (tenant_id, code, title_nl, source_document) VALUES"
               " (" WASSENAAR ", 'eenzaamheid', 'Minder eenzaam', 'Beleid')");
    Tenant w;
    assert_int_equal(store_tenant_by_code(f->db, f->ctx.arena, "wassenaar", &w), DB_OK);
    Ctx other = f->ctx;
    other.tenant = &w;
    other.user = NULL;
    Overview o;
    assert_int_equal(overview_get(&other, &o), STATUS_OK);
    assert_int_equal(o.n_areas, 1);
    assert_int_equal(o.n_goals, 1);
    assert_int_equal(o.total.initiatives, 0);
    assert_int_equal(o.total.open_help_requests, 0);
    assert_int_equal(o.total.organisations, 0);
    assert_int_equal(o.whole_municipality_organisations, 0);
    assert_int_equal(area(&o, "voorburg-noord")->initiatives, 0);
    assert_int_equal(area(&o, "voorburg-noord")->open_help_requests, 0);
    assert_int_equal(goal(&o, "eenzaamheid")->initiatives, 0);
    assert_int_equal(overview_get(&f->ctx, &o), STATUS_OK);
    assert_int_equal(o.total.initiatives, 1);
    assert_int_equal(goal(&o, "eenzaamheid")->initiatives, 1);
}

#define DB_TESTS \
    cmocka_unit_test_setup_teardown(test_counts_per_wijk, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_counts_per_goal, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_many_per_goal_lists_ten, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_tenants_apart, setup, teardown)

int main(void)
{
    const struct CMUnitTest rules[] = {
        cmocka_unit_test(test_state_groups),
    };
    const struct CMUnitTest tests[] = { DB_TESTS };
    int failed = cmocka_run_group_tests_name("overview rules", rules, NULL, NULL);
    use_pg = 0;
    failed += cmocka_run_group_tests_name("overview on SQLite", tests, NULL, NULL);
    const char *pg = getenv("WIJZER_TEST_PG");
    if (pg && *pg) {
        use_pg = 1;
        failed += cmocka_run_group_tests_name("overview on PostgreSQL", tests, NULL, NULL);
    }
    return failed;
}
