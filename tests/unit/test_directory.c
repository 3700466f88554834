/* The directory (issue 5): building the goal tree (order, depth, orphans,
 * loops), codes from names, who may edit what, and on a real database
 * (SQLite, and PostgreSQL when WIJZER_TEST_PG holds a server's base URL):
 * goal owners, organisations (filters, members, registering, reloading
 * the reference data keeps what members wrote), places and officials'
 * profiles, each within its own municipality. */
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
#include "domain/setup.h"
#include "lib/dates.h"
#include "store/store.h"
#include "testdb.h"
#include "store/store_directory.h"

/* ---------- pure rules ---------- */

static void test_tree_orders_depth_first(void **state)
{
    (void)state;
    /* Children listed before their parent, an orphan and a loop. */
    Goal in[] = {
        { .code = "b1", .parent = "b" }, { .code = "a" },
        { .code = "b" },                 { .code = "a2", .parent = "a" },
        { .code = "a1", .parent = "a" }, { .code = "a1x", .parent = "a1" },
        { .code = "orphan", .parent = "gone" }, { .code = "l1", .parent = "l2" },
        { .code = "l2", .parent = "l1" },
    };
    size_t n = sizeof in / sizeof *in;
    Goal out[sizeof in / sizeof *in];
    memset(out, 0, sizeof out);
    directory_goal_tree(in, n, out);
    const char *want[] = { "a", "a2", "a1", "a1x", "b", "b1", "orphan", "l1", "l2" };
    const int depth[] = { 0, 1, 1, 2, 0, 1, 0, 0, 1 };
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(out[i].code, want[i]);
        assert_int_equal(out[i].depth, depth[i]);
    }
    assert_int_equal(out[0].n_children, 2); /* a: a2, a1 */
    assert_int_equal(out[2].n_children, 1); /* a1: a1x */
    assert_int_equal(out[3].n_children, 0);
    assert_null(out[6].parent);             /* the orphan's unknown parent is dropped */
    directory_goal_tree(in, 0, out);        /* nothing: no crash */
}

static void test_slug(void **state)
{
    (void)state;
    Arena *a = arena_new();
    assert_string_equal(directory_slug(a, "Stichting De Brug!"), "stichting-de-brug");
    assert_string_equal(directory_slug(a, "  Buurtvereniging Café ’t Hoekje  "), "buurtvereniging-caf-t-hoekje");
    assert_string_equal(directory_slug(a, "!!!"), "");
    assert_string_equal(directory_slug(a, NULL), "");
    arena_free(a);
}

static void test_permission_rules(void **state)
{
    (void)state;
    User resident = { .id = 1, .role = ROLE_RESIDENT }, official = { .id = 2, .role = ROLE_OFFICIAL },
         other = { .id = 3, .role = ROLE_OFFICIAL }, admin = { .id = 4, .role = ROLE_ADMIN },
         coordinator = { .id = 5, .role = ROLE_COORDINATOR };
    Official profile = { .id = 2, .role = ROLE_OFFICIAL }, coord = { .id = 5, .role = ROLE_COORDINATOR };
    assert_true(directory_may_edit_goals(&admin));
    assert_false(directory_may_edit_goals(&official));
    assert_false(directory_may_edit_goals(&resident));
    assert_false(directory_may_edit_goals(NULL));
    assert_true(directory_may_edit_official(&official, &profile));
    assert_false(directory_may_edit_official(&other, &profile));
    assert_true(directory_may_edit_official(&admin, &profile));
    assert_true(directory_may_edit_official(&coordinator, &coord));
    assert_false(directory_may_edit_official(NULL, &profile));
    /* a resident whose id happens to be the profile's: not staff */
    User fake = { .id = 2, .role = ROLE_RESIDENT };
    assert_false(directory_may_edit_official(&fake, &profile));
    assert_true(directory_may_edit_organisation(&resident, 1));
    assert_false(directory_may_edit_organisation(&resident, 0));
    assert_false(directory_may_edit_organisation(&official, 0));
    assert_true(directory_may_edit_organisation(&admin, 0));
    assert_false(directory_may_edit_organisation(NULL, 1));
}

/* ---------- on a database ---------- */

static const char *engine_url;
static int use_pg;

typedef struct Fixture {
    Store *store;
    Db *db;
    Tenant tenant;
    User resident, member, official, other_official, admin;
    Ctx ctx;
    TestDb tdb;
} Fixture;

static void add_user(Fixture *f, User *u, const char *email, const char *name, Role role)
{
    testdb_add_user(&f->ctx, u, email, name, role);
}

static int setup(void **state)
{
    Fixture *f = test_calloc(1, sizeof *f);
    testdb_open(&f->tdb, "dir", use_pg, &f->store, &f->db, &f->ctx, &f->tenant);
    add_user(f, &f->resident, "piet@example.nl", "Piet Jansen", ROLE_RESIDENT);
    add_user(f, &f->member, "fatima@example.nl", "Fatima Ouali", ROLE_RESIDENT);
    add_user(f, &f->official, "sanne@gemeente.example", "Sanne de Wit", ROLE_OFFICIAL);
    add_user(f, &f->other_official, "jeroen@gemeente.example", "Jeroen Bakker", ROLE_OFFICIAL);
    add_user(f, &f->admin, "thomas@gemeente.example", "Thomas van Leeuwen", ROLE_ADMIN);
    f->ctx.user = NULL; /* the command line makes members */
    assert_int_equal(directory_member_add(&f->ctx, "fenomeen-bovenveen", f->member.id), STATUS_OK);
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

static void test_goal_tree_from_reference_data(void **state)
{
    Fixture *f = *state;
    Goal *g;
    size_t n;
    assert_int_equal(directory_goals(as(f, NULL), &g, &n), STATUS_OK);
    assert_int_equal(n, 13);
    /* The file's order: koers-3-1 first, its seven parts under it. */
    assert_string_equal(g[0].code, "koers-3-1");
    assert_int_equal(g[0].depth, 0);
    assert_int_equal(g[0].n_children, 7);
    assert_string_equal(g[1].code, "eenzaamheid");
    assert_int_equal(g[1].depth, 1);
    assert_string_equal(g[1].source_document, "Initiatiefvraag Sociale Cohesie");
    assert_string_equal(g[8].code, "participatie");
    assert_int_equal(g[8].depth, 0);
    Goal one, *kids, *path;
    size_t nk, np;
    assert_int_equal(directory_goal(&f->ctx, "participatie-niveau", &one, &kids, &nk, &path, &np), STATUS_OK);
    assert_int_equal(np, 1);
    assert_string_equal(path[0].code, "participatie");
    assert_int_equal(nk, 0);
    assert_int_equal(directory_goal(&f->ctx, "bestaat-niet", &one, &kids, &nk, &path, &np), ERR_NOT_FOUND);
}

static void test_goal_owner_admin_only(void **state)
{
    Fixture *f = *state;
    FieldErrors e = { 0 };
    const char *code = NULL;
    assert_int_equal(directory_holder_save(as(f, &f->official), NULL, "Anke Verbeek", "Sociaal domein", &e, &code),
                     ERR_FORBIDDEN);
    assert_int_equal(directory_holder_save(as(f, &f->admin), NULL, "", "", &e, &code), ERR_INVALID);
    assert_string_equal(errors_get(&e, "name"), "Vul de naam in.");
    e = (FieldErrors){ 0 };
    assert_int_equal(directory_holder_save(as(f, &f->admin), NULL, "Anke Verbeek", "Sociaal domein", &e, &code),
                     STATUS_OK);
    assert_string_equal(code, "anke-verbeek");
    e = (FieldErrors){ 0 };
    const char *themes[] = { "eenzaamheid", "ouderen" };
    GoalInput in = { code, "Team Samenleving", themes, 2 };
    assert_int_equal(directory_goal_update(as(f, &f->official), "eenzaamheid", &in, &e), ERR_FORBIDDEN);
    assert_int_equal(directory_goal_update(as(f, &f->resident), "eenzaamheid", &in, &e), ERR_FORBIDDEN);
    assert_int_equal(directory_goal_update(as(f, NULL), "eenzaamheid", &in, &e), ERR_UNAUTHORIZED);
    const char *bad_theme[] = { "onzin" };
    GoalInput bad = { "onbekend", "", bad_theme, 1 };
    assert_int_equal(directory_goal_update(as(f, &f->admin), "eenzaamheid", &bad, &e), ERR_INVALID);
    assert_string_equal(errors_get(&e, "holder"), "Kies een wethouder uit de lijst.");
    assert_string_equal(errors_get(&e, "themes"), "Dit thema kennen we niet.");
    e = (FieldErrors){ 0 };
    assert_int_equal(directory_goal_update(as(f, &f->admin), "bestaat-niet", &in, &e), ERR_NOT_FOUND);
    assert_int_equal(directory_goal_update(as(f, &f->admin), "eenzaamheid", &in, &e), STATUS_OK);
    Goal g, *kids, *path;
    size_t nk, np;
    assert_int_equal(directory_goal(&f->ctx, "eenzaamheid", &g, &kids, &nk, &path, &np), STATUS_OK);
    assert_string_equal(g.holder_name, "Anke Verbeek");
    assert_string_equal(g.holder_portfolio, "Sociaal domein");
    assert_string_equal(g.department, "Team Samenleving");
    assert_int_equal(g.n_themes, 2);
    assert_string_equal(g.themes[0].name, "Eenzaamheid verminderen");
    /* the tree carries the themes too; other goals have none */
    Goal *all;
    size_t n;
    assert_int_equal(directory_goals(&f->ctx, &all, &n), STATUS_OK);
    assert_int_equal(all[1].n_themes, 2);
    assert_int_equal(all[0].n_themes, 0);
    assert_int_equal(all[2].n_themes, 0);
}

static OrganisationInput org_input(void)
{
    static const char *themes[] = { "sport", "ontmoeting" }, *help[] = { "vrijwilligers" },
                      *areas[] = { "voorburg-noord" };
    return (OrganisationInput){ .name = "Fenomeen Bovenveen", .kind = "bewonersgroep",
                                .description = "Buren die samen sporten.", .offer = "Handen en een grasveld.",
                                .contact = "Elke zaterdag om 10 uur op het veld.", .website = "https://example.nl",
                                .themes = themes, .n_themes = 2, .help_kinds = help, .n_help_kinds = 1,
                                .areas = areas, .n_areas = 1 };
}

static void test_members_edit_their_organisation(void **state)
{
    Fixture *f = *state;
    OrganisationInput in = org_input();
    FieldErrors e = { 0 };
    assert_int_equal(directory_organisation_update(as(f, &f->resident), "fenomeen-bovenveen", &in, &e), ERR_FORBIDDEN);
    assert_int_equal(directory_organisation_update(as(f, &f->official), "fenomeen-bovenveen", &in, &e), ERR_FORBIDDEN);
    assert_int_equal(directory_organisation_update(as(f, NULL), "fenomeen-bovenveen", &in, &e), ERR_UNAUTHORIZED);
    assert_int_equal(directory_organisation_update(as(f, &f->member), "bestaat-niet", &in, &e), ERR_NOT_FOUND);
    assert_int_equal(directory_organisation_update(as(f, &f->member), "fenomeen-bovenveen", &in, &e), STATUS_OK);
    Organisation o;
    assert_int_equal(directory_organisation(&f->ctx, "fenomeen-bovenveen", &o), STATUS_OK);
    assert_string_equal(o.offer, "Handen en een grasveld.");
    assert_int_equal(o.n_themes, 2);
    assert_int_equal(o.n_help_kinds, 1);
    assert_string_equal(o.help_kinds[0].name, "Mensen en tijd");
    assert_int_equal(o.n_areas, 1);
    assert_true(o.edited_at > 0);
    /* admins may too */
    in.offer = "Ook ballen.";
    assert_int_equal(directory_organisation_update(as(f, &f->admin), "fenomeen-bovenveen", &in, &e), STATUS_OK);
    /* validation, in plain Dutch */
    static const char *bad_theme[] = { "onzin" };
    OrganisationInput bad = org_input();
    bad.name = "  ";
    bad.website = "javascript:alert(1)";
    bad.themes = bad_theme;
    bad.n_themes = 1;
    assert_int_equal(directory_organisation_update(as(f, &f->member), "fenomeen-bovenveen", &bad, &e), ERR_INVALID);
    assert_string_equal(errors_get(&e, "name"), "Vul de naam in.");
    assert_string_equal(errors_get(&e, "website"), "Een website begint met https:// of http:// en heeft geen spaties.");
    assert_string_equal(errors_get(&e, "themes"), "Dit thema kennen we niet.");
    /* Reloading the reference data keeps what the members wrote. */
    const char *err;
    assert_int_equal(setup_reference_data(as(f, NULL), &err), STATUS_OK);
    assert_int_equal(directory_organisation(&f->ctx, "fenomeen-bovenveen", &o), STATUS_OK);
    assert_string_equal(o.description, "Buren die samen sporten.");
    assert_string_equal(o.offer, "Ook ballen.");
    /* members are listed for members and admins only */
    CodeName *m;
    size_t nm;
    assert_int_equal(directory_members(as(f, &f->resident), "fenomeen-bovenveen", &m, &nm), ERR_FORBIDDEN);
    assert_int_equal(directory_members(as(f, &f->member), "fenomeen-bovenveen", &m, &nm), STATUS_OK);
    assert_int_equal(nm, 1);
    assert_string_equal(m[0].name, "Fatima Ouali");
}

static void test_register_and_filter(void **state)
{
    Fixture *f = *state;
    OrganisationInput in = org_input();
    in.name = "Stichting De Brug";
    FieldErrors e = { 0 };
    const char *code = NULL;
    assert_int_equal(directory_organisation_create(as(f, NULL), &in, &e, &code), ERR_UNAUTHORIZED);
    assert_int_equal(directory_organisation_create(as(f, &f->resident), &in, &e, &code), STATUS_OK);
    assert_string_equal(code, "stichting-de-brug");
    assert_true(directory_is_member(&f->ctx, code, f->resident.id));
    assert_int_equal(directory_organisation_create(as(f, &f->member), &in, &e, &code), STATUS_OK);
    assert_string_equal(code, "stichting-de-brug-2");
    assert_false(directory_is_member(&f->ctx, code, f->resident.id));
    CodeName *mine;
    size_t n;
    assert_int_equal(directory_memberships(&f->ctx, f->member.id, &mine, &n), STATUS_OK);
    assert_int_equal(n, 2);

    OrganisationPage p;
    assert_int_equal(directory_organisations(&f->ctx, &(OrganisationFilter){ 0 }, &p), STATUS_OK);
    assert_int_equal(p.total, 13); /* eleven from the reference data, two registered */
    assert_int_equal(p.n, 13);
    assert_int_equal(directory_organisations(&f->ctx, &(OrganisationFilter){ .page = 2, .per_page = 5 }, &p),
                     STATUS_OK);
    assert_int_equal(p.total, 13);
    assert_int_equal(p.n, 5);
    assert_int_equal(directory_organisations(&f->ctx, &(OrganisationFilter){ .help_kind = "vrijwilligers" }, &p),
                     STATUS_OK);
    assert_int_equal(p.total, 2);
    /* a buurt finds the organisations of its wijk; another wijk does not */
    assert_int_equal(
        directory_organisations(&f->ctx, &(OrganisationFilter){ .help_kind = "vrijwilligers", .area = "bovenveen" },
                                &p),
        STATUS_OK);
    assert_int_equal(p.total, 2);
    assert_int_equal(directory_organisations(
                         &f->ctx, &(OrganisationFilter){ .help_kind = "vrijwilligers", .area = "stompwijk" }, &p),
                     STATUS_OK);
    assert_int_equal(p.total, 0);
    /* no wijken: the whole municipality */
    assert_int_equal(directory_organisations(&f->ctx, &(OrganisationFilter){ .area = "stompwijk" }, &p), STATUS_OK);
    assert_int_equal(p.total, 11);
    assert_int_equal(directory_organisations(&f->ctx, &(OrganisationFilter){ .theme = "sport" }, &p), STATUS_OK);
    assert_int_equal(p.total, 2);
    in.name = "Nieuw!";
    assert_int_equal(directory_organisation_create(as(f, &f->admin), &in, &e, &code), STATUS_OK);
    assert_string_equal(code, "organisatie-nieuw"); /* not the form's address /organisaties/nieuw */
}

static void test_official_profiles(void **state)
{
    Fixture *f = *state;
    static const char *themes[] = { "groen", "ontmoeting" }, *areas[] = { "voorburg-west" };
    OfficialInput in = { .expertise = "Wijkregisseur Voorburg-West.", .themes = themes, .n_themes = 2,
                         .areas = areas, .n_areas = 1 };
    FieldErrors e = { 0 };
    assert_int_equal(directory_official_update(as(f, &f->other_official), f->official.id, &in, &e), ERR_FORBIDDEN);
    assert_int_equal(directory_official_update(as(f, &f->member), f->official.id, &in, &e), ERR_FORBIDDEN);
    assert_int_equal(directory_official_update(as(f, &f->official), f->resident.id, &in, &e), ERR_NOT_FOUND);
    assert_int_equal(directory_official_update(as(f, &f->official), f->official.id, &in, &e), STATUS_OK);
    Official o;
    assert_int_equal(directory_official(&f->ctx, f->official.id, &o), STATUS_OK);
    assert_string_equal(o.expertise, "Wijkregisseur Voorburg-West.");
    assert_int_equal(o.n_themes, 2);
    assert_string_equal(o.areas[0].name, "Voorburg-West");
    in.expertise = "Door de beheerder.";
    assert_int_equal(directory_official_update(as(f, &f->admin), f->official.id, &in, &e), STATUS_OK);
    static const char *bad_area[] = { "atlantis" };
    in.areas = bad_area;
    assert_int_equal(directory_official_update(as(f, &f->official), f->official.id, &in, &e), ERR_INVALID);
    assert_string_equal(errors_get(&e, "areas"), "Deze wijk of buurt kennen we niet.");
    /* the list: officials, filtered by theme or wijk (a buurt finds its wijk) */
    Official *v;
    size_t n;
    assert_int_equal(directory_officials(&f->ctx, NULL, NULL, &v, &n), STATUS_OK);
    assert_int_equal(n, 2); /* both officials; the admin has no profile */
    assert_int_equal(directory_officials(&f->ctx, "groen", NULL, &v, &n), STATUS_OK);
    assert_int_equal(n, 1);
    assert_string_equal(v[0].name, "Sanne de Wit");
    assert_int_equal(directory_officials(&f->ctx, NULL, "damsigt", &v, &n), STATUS_OK);
    assert_int_equal(n, 1);
    assert_int_equal(directory_officials(&f->ctx, NULL, "stompwijk", &v, &n), STATUS_OK);
    assert_int_equal(n, 0);
}

static void test_places_and_tenants(void **state)
{
    Fixture *f = *state;
    Place *v;
    size_t n;
    assert_int_equal(directory_places(as(f, NULL), NULL, &v, &n), STATUS_OK);
    assert_int_equal(n, 7);
    assert_string_equal(v[0].code, "de-plint");
    assert_string_equal(v[0].organisation_name, "Woej");
    assert_int_equal(directory_places(&f->ctx, "senw", &v, &n), STATUS_OK);
    assert_int_equal(n, 4);
    FieldErrors e = { 0 };
    assert_int_equal(directory_place_set_details(as(f, &f->official), "de-plint", "Straat 1", "", "", &e),
                     ERR_FORBIDDEN);
    assert_int_equal(directory_place_set_details(as(f, &f->admin), "de-plint", "Straat 1", "Koffie", "nergens", &e),
                     ERR_INVALID);
    e = (FieldErrors){ 0 };
    assert_int_equal(directory_place_set_details(as(f, &f->admin), "de-plint", "Straat 1", "Koffie",
                                                 "leidschendam-noord", &e),
                     STATUS_OK);
    Place p;
    assert_int_equal(directory_place(&f->ctx, "de-plint", &p), STATUS_OK);
    assert_string_equal(p.address, "Straat 1");
    assert_string_equal(p.area_name, "Leidschendam-Noord");
    /* another municipality sees none of it */
    assert_int_equal(store_tenant_upsert(f->db, "wassenaar", "Wassenaar", "w.example"), DB_OK);
    Tenant w;
    assert_int_equal(store_tenant_by_code(f->db, f->ctx.arena, "wassenaar", &w), DB_OK);
    Ctx other = f->ctx;
    other.tenant = &w;
    other.user = NULL;
    assert_int_equal(directory_place(&other, "de-plint", &p), ERR_NOT_FOUND);
    assert_int_equal(directory_places(&other, NULL, &v, &n), STATUS_OK);
    assert_int_equal(n, 0);
    Organisation o;
    assert_int_equal(directory_organisation(&other, "fenomeen-bovenveen", &o), ERR_NOT_FOUND);
    assert_false(directory_is_member(&other, "fenomeen-bovenveen", f->member.id));
    Official *ov;
    assert_int_equal(directory_officials(&other, NULL, NULL, &ov, &n), STATUS_OK);
    assert_int_equal(n, 0);
}

#define DB_TESTS \
    cmocka_unit_test_setup_teardown(test_goal_tree_from_reference_data, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_goal_owner_admin_only, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_members_edit_their_organisation, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_register_and_filter, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_official_profiles, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_places_and_tenants, setup, teardown)

int main(void)
{
    const struct CMUnitTest rules[] = {
        cmocka_unit_test(test_tree_orders_depth_first),
        cmocka_unit_test(test_slug),
        cmocka_unit_test(test_permission_rules),
    };
    const struct CMUnitTest tests[] = { DB_TESTS };
    int failed = cmocka_run_group_tests_name("directory rules", rules, NULL, NULL);
    engine_url = "sqlite";
    use_pg = 0;
    failed += cmocka_run_group_tests_name("directory on SQLite", tests, NULL, NULL);
    const char *pg = getenv("WIJZER_TEST_PG");
    if (pg && *pg) {
        engine_url = pg;
        use_pg = 1;
        failed += cmocka_run_group_tests_name("directory on PostgreSQL", tests, NULL, NULL);
    }
    return failed;
}
