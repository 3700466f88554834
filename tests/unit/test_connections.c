/* Connections (issue 5) on a real database (SQLite, and PostgreSQL when
 * WIJZER_TEST_PG holds a server's base URL): adding (twice is fine),
 * removing, both sides listing, who may connect what, partner links one
 * row whichever side made them, municipalities kept apart, dismissed
 * suggestions; and an organisation's members added by e-mail address and
 * removed (not the last). */
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
#include "domain/connections.h"
#include "domain/directory.h"
#include "domain/initiatives.h"
#include "domain/setup.h"
#include "lib/dates.h"
#include "store/store.h"
#include "testdb.h"

static int use_pg;

typedef struct Fixture {
    Store *store;
    Db *db;
    Tenant tenant;
    User initiator, other, member, official, admin;
    int64_t a, b, c; /* initiatives: a and b by initiator, c by other */
    Ctx ctx;
    TestDb tdb;
} Fixture;

static Ctx *as(Fixture *f, User *u)
{
    f->ctx.user = u;
    return &f->ctx;
}

static int64_t add_initiative(Fixture *f, User *by, const char *title)
{
    InitiativeInput in = { 0 };
    in.title = title;
    in.summary = "Buren doen samen iets voor de straat.";
    in.description = "Een langere uitleg van wat wij willen doen en waarom.";
    in.area = "bovenveen";
    in.themes[in.n_themes++] = "groen";
    in.show_name = 1;
    FieldErrors e = { 0 };
    int64_t id = 0;
    assert_int_equal(initiative_create(as(f, by), &in, &e, &id), STATUS_OK);
    return id;
}

static int setup(void **state)
{
    Fixture *f = test_calloc(1, sizeof *f);
    testdb_open(&f->tdb, "conn", use_pg, &f->store, &f->db, &f->ctx, &f->tenant);
    testdb_add_user(&f->ctx, &f->initiator, "ini@example.nl", "Ini Tiatief", ROLE_RESIDENT);
    testdb_add_user(&f->ctx, &f->other, "ander@example.nl", "Anne Ander", ROLE_RESIDENT);
    testdb_add_user(&f->ctx, &f->member, "lid@example.nl", "Lidia Lid", ROLE_RESIDENT);
    testdb_add_user(&f->ctx, &f->official, "olga@gemeente.example", "Olga Ambtenaar", ROLE_OFFICIAL);
    testdb_add_user(&f->ctx, &f->admin, "anke@gemeente.example", "Anke Beheer", ROLE_ADMIN);
    f->ctx.user = NULL;
    assert_int_equal(directory_member_add(&f->ctx, "woej", f->member.id), STATUS_OK);
    f->a = add_initiative(f, &f->initiator, "Buurtmoestuin");
    f->b = add_initiative(f, &f->initiator, "Geveltuinen");
    f->c = add_initiative(f, &f->other, "Repair Café");
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

static const char *id_text(Fixture *f, int64_t id)
{
    return arena_printf(f->ctx.arena, "%lld", (long long)id);
}

static size_t count_kind(const Connection *v, size_t n, ConnectionKind k)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += v[i].kind == k;
    return c;
}

static void test_kind_codes(void **state)
{
    (void)state;
    ConnectionKind k;
    assert_true(connection_kind_parse("goal", &k));
    assert_int_equal(k, CONN_GOAL);
    assert_true(connection_kind_parse("organisation", &k));
    assert_int_equal(k, CONN_ORGANISATION);
    assert_true(connection_kind_parse("initiative", &k));
    assert_int_equal(k, CONN_INITIATIVE);
    assert_false(connection_kind_parse("fund", &k));
    assert_false(connection_kind_parse(NULL, &k));
    assert_string_equal(connection_kind_code(CONN_ORGANISATION), "organisation");
}

static void test_add_remove_both_sides(void **state)
{
    Fixture *f = *state;
    Ctx *c = as(f, &f->initiator);
    int created = -1;
    assert_int_equal(connection_add_created(c, f->a, CONN_GOAL, "eenzaamheid", &created), STATUS_OK);
    assert_int_equal(created, 1);
    assert_int_equal(connection_add_created(c, f->a, CONN_GOAL, "eenzaamheid", &created), STATUS_OK);
    assert_int_equal(created, 0); /* twice is fine, and still one */
    assert_int_equal(connection_add(c, f->a, CONN_GOAL, " duurzaamheid "), STATUS_OK);
    assert_int_equal(connection_add(c, f->a, CONN_ORGANISATION, "woej"), STATUS_OK);
    assert_int_equal(connection_add(c, f->a, CONN_INITIATIVE, id_text(f, f->b)), STATUS_OK);
    f->ctx.now += 60;
    assert_int_equal(connection_add(c, f->b, CONN_GOAL, "eenzaamheid"), STATUS_OK);

    Connection *v;
    size_t n;
    assert_int_equal(connections_of_initiative(c, f->a, &v, &n), STATUS_OK);
    assert_int_equal(n, 4);
    assert_int_equal(v[0].kind, CONN_GOAL); /* goals first, by title */
    assert_string_equal(v[0].target, "eenzaamheid");
    assert_string_equal(v[0].name, "Het verminderen van eenzaamheid");
    assert_null(v[0].state);
    assert_int_equal(v[2].kind, CONN_ORGANISATION);
    assert_string_equal(v[2].name, "Woej");
    assert_int_equal(v[3].kind, CONN_INITIATIVE);
    assert_string_equal(v[3].target, id_text(f, f->b));
    assert_string_equal(v[3].name, "Geveltuinen");
    assert_string_equal(v[3].state, "ingediend");

    /* the other side: newest first */
    ConnectedInitiative *ci;
    int64_t total;
    assert_int_equal(connections_initiatives(c, CONN_GOAL, "eenzaamheid", 50, &ci, &n, &total), STATUS_OK);
    assert_int_equal(n, 2);
    assert_int_equal(total, 2);
    assert_int_equal(ci[0].id, f->b);
    assert_int_equal(ci[1].id, f->a);
    assert_string_equal(ci[1].title, "Buurtmoestuin");
    assert_string_equal(ci[1].area_code, "bovenveen");
    assert_int_equal(ci[1].state, ST_INGEDIEND);
    assert_int_equal(connections_of_goal(c, "eenzaamheid", 1, &ci, &n), STATUS_OK);
    assert_int_equal(n, 1); /* the limit */
    assert_int_equal(connections_of_organisation(c, "woej", 50, &ci, &n), STATUS_OK);
    assert_int_equal(n, 1);
    assert_int_equal(ci[0].id, f->a);

    /* removing */
    assert_int_equal(connection_remove(c, f->a, CONN_GOAL, "eenzaamheid"), STATUS_OK);
    assert_int_equal(connection_remove(c, f->a, CONN_GOAL, "eenzaamheid"), ERR_NOT_FOUND);
    assert_int_equal(connection_remove(c, f->a, CONN_ORGANISATION, "woej"), STATUS_OK);
    assert_int_equal(connections_of_initiative(c, f->a, &v, &n), STATUS_OK);
    assert_int_equal(count_kind(v, n, CONN_GOAL), 1);
    assert_int_equal(count_kind(v, n, CONN_ORGANISATION), 0);
    assert_int_equal(connections_of_goal(c, "eenzaamheid", 50, &ci, &n), STATUS_OK);
    assert_int_equal(n, 1);
    assert_int_equal(ci[0].id, f->b);
}

static void test_targets_must_exist(void **state)
{
    Fixture *f = *state;
    Ctx *c = as(f, &f->official);
    assert_int_equal(connection_add(c, f->a, CONN_GOAL, "bestaat-niet"), ERR_NOT_FOUND);
    assert_int_equal(connection_add(c, f->a, CONN_ORGANISATION, "bestaat-niet"), ERR_NOT_FOUND);
    assert_int_equal(connection_add(c, f->a, CONN_INITIATIVE, "99999"), ERR_NOT_FOUND);
    assert_int_equal(connection_add(c, 99999, CONN_GOAL, "eenzaamheid"), ERR_NOT_FOUND);
    assert_int_equal(connection_add(c, f->a, CONN_INITIATIVE, id_text(f, f->a)), ERR_INVALID);
    assert_int_equal(connection_add(c, f->a, CONN_INITIATIVE, "twaalf"), ERR_INVALID);
    assert_int_equal(connection_add(c, f->a, CONN_INITIATIVE, "-3"), ERR_INVALID);
    assert_int_equal(connection_add(c, f->a, CONN_GOAL, ""), ERR_INVALID);
    assert_int_equal(connection_add(c, f->a, CONN_GOAL, NULL), ERR_INVALID);
    Connection *v;
    size_t n;
    assert_int_equal(connections_of_initiative(c, f->a, &v, &n), STATUS_OK);
    assert_int_equal(n, 0);
}

static void test_permissions(void **state)
{
    Fixture *f = *state;
    Initiative in;
    assert_int_equal(initiative_get(as(f, NULL), f->a, &in), STATUS_OK);
    assert_false(connection_may_edit(as(f, NULL), &in));
    assert_false(connection_may_edit(as(f, &f->other), &in));
    assert_false(connection_may_edit(as(f, &f->member), &in));
    assert_true(connection_may_edit(as(f, &f->initiator), &in));
    assert_true(connection_may_edit(as(f, &f->official), &in));
    assert_true(connection_may_edit(as(f, &f->admin), &in));

    assert_int_equal(connection_add(as(f, NULL), f->a, CONN_GOAL, "eenzaamheid"), ERR_UNAUTHORIZED);
    assert_int_equal(connection_add(as(f, &f->other), f->a, CONN_GOAL, "eenzaamheid"), ERR_FORBIDDEN);
    assert_int_equal(connection_add(as(f, &f->member), f->a, CONN_GOAL, "eenzaamheid"), ERR_FORBIDDEN);
    /* a member connects her own organisation, not another */
    assert_int_equal(connection_add(as(f, &f->member), f->a, CONN_ORGANISATION, "woej"), STATUS_OK);
    assert_int_equal(connection_add(as(f, &f->member), f->a, CONN_ORGANISATION, "senw"), ERR_FORBIDDEN);
    assert_int_equal(connection_remove(as(f, &f->other), f->a, CONN_ORGANISATION, "woej"), ERR_FORBIDDEN);
    assert_int_equal(connection_remove(as(f, &f->member), f->a, CONN_ORGANISATION, "woej"), STATUS_OK);
    assert_int_equal(connection_add(as(f, &f->official), f->a, CONN_ORGANISATION, "senw"), STATUS_OK);
    assert_int_equal(connection_add(as(f, &f->admin), f->a, CONN_GOAL, "eenzaamheid"), STATUS_OK);
    /* partners: the initiator of either one, or staff */
    assert_int_equal(connection_add(as(f, &f->member), f->a, CONN_INITIATIVE, id_text(f, f->c)), ERR_FORBIDDEN);
    assert_int_equal(connection_add(as(f, &f->other), f->a, CONN_INITIATIVE, id_text(f, f->c)), STATUS_OK);
    assert_int_equal(connection_remove(as(f, &f->member), f->c, CONN_INITIATIVE, id_text(f, f->a)), ERR_FORBIDDEN);
    assert_int_equal(connection_remove(as(f, &f->initiator), f->c, CONN_INITIATIVE, id_text(f, f->a)), STATUS_OK);
    assert_int_equal(connection_add(as(f, &f->official), f->c, CONN_INITIATIVE, id_text(f, f->b)), STATUS_OK);
}

static void test_partner_symmetry(void **state)
{
    Fixture *f = *state;
    /* made from the higher id: one row, seen from both sides */
    assert_int_equal(connection_add(as(f, &f->other), f->c, CONN_INITIATIVE, id_text(f, f->a)), STATUS_OK);
    int created = -1;
    assert_int_equal(connection_add_created(as(f, &f->initiator), f->a, CONN_INITIATIVE, id_text(f, f->c), &created),
                     STATUS_OK);
    assert_int_equal(created, 0);
    Connection *v;
    size_t n;
    assert_int_equal(connections_of_initiative(&f->ctx, f->a, &v, &n), STATUS_OK);
    assert_int_equal(n, 1);
    assert_string_equal(v[0].target, id_text(f, f->c));
    assert_string_equal(v[0].name, "Repair Café");
    assert_int_equal(connections_of_initiative(&f->ctx, f->c, &v, &n), STATUS_OK);
    assert_int_equal(n, 1);
    assert_string_equal(v[0].target, id_text(f, f->a));
    assert_string_equal(v[0].name, "Buurtmoestuin");
    /* removed from the other side */
    assert_int_equal(connection_remove(as(f, &f->initiator), f->a, CONN_INITIATIVE, id_text(f, f->c)), STATUS_OK);
    assert_int_equal(connections_of_initiative(&f->ctx, f->c, &v, &n), STATUS_OK);
    assert_int_equal(n, 0);
}

static void test_tenants_apart(void **state)
{
    Fixture *f = *state;
    assert_int_equal(connection_add(as(f, &f->official), f->a, CONN_GOAL, "eenzaamheid"), STATUS_OK);
    assert_int_equal(store_tenant_upsert(f->db, "wassenaar", "Wassenaar", "w.example"), DB_OK);
    Tenant w;
    assert_int_equal(store_tenant_by_code(f->db, f->ctx.arena, "wassenaar", &w), DB_OK);
    Ctx other = f->ctx;
    other.tenant = &w;
    other.user = &f->official;
    const char *err;
    assert_int_equal(setup_reference_data(&other, &err), STATUS_OK);
    /* the other municipality cannot reach this one's initiatives */
    assert_int_equal(connection_add(&other, f->a, CONN_GOAL, "eenzaamheid"), ERR_NOT_FOUND);
    assert_int_equal(connection_remove(&other, f->a, CONN_GOAL, "eenzaamheid"), ERR_NOT_FOUND);
    Connection *v;
    size_t n;
    assert_int_equal(connections_of_initiative(&other, f->a, &v, &n), STATUS_OK);
    assert_int_equal(n, 0);
    ConnectedInitiative *ci;
    assert_int_equal(connections_of_goal(&other, "eenzaamheid", 50, &ci, &n), STATUS_OK);
    assert_int_equal(n, 0);
    assert_int_equal(connections_of_goal(&f->ctx, "eenzaamheid", 50, &ci, &n), STATUS_OK);
    assert_int_equal(n, 1);
    assert_int_equal(suggestion_dismiss(&other, f->a, "goal", "eenzaamheid"), ERR_NOT_FOUND);
}

static void test_dismissals(void **state)
{
    Fixture *f = *state;
    assert_int_equal(suggestion_dismiss(as(f, &f->initiator), f->a, "goal", "eenzaamheid"), ERR_FORBIDDEN);
    assert_int_equal(suggestion_dismiss(as(f, NULL), f->a, "goal", "eenzaamheid"), ERR_UNAUTHORIZED);
    Ctx *c = as(f, &f->official);
    assert_int_equal(suggestion_dismiss(c, f->a, "goal", "eenzaamheid"), STATUS_OK);
    assert_int_equal(suggestion_dismiss(c, f->a, "goal", "eenzaamheid"), STATUS_OK); /* twice is fine */
    assert_int_equal(suggestion_dismiss(c, f->a, "goal", "duurzaamheid"), STATUS_OK);
    assert_int_equal(suggestion_dismiss(c, f->a, "official", "7"), STATUS_OK);
    assert_int_equal(suggestion_dismiss(c, f->a, "taart", "x"), ERR_INVALID);
    assert_int_equal(suggestion_dismiss(c, f->a, "goal", ""), ERR_INVALID);
    assert_int_equal(suggestion_dismiss(c, 99999, "goal", "eenzaamheid"), ERR_NOT_FOUND);
    const char **v;
    size_t n;
    assert_int_equal(suggestion_dismissed(c, f->a, "goal", &v, &n), STATUS_OK);
    assert_int_equal(n, 2);
    assert_string_equal(v[0], "duurzaamheid");
    assert_string_equal(v[1], "eenzaamheid");
    assert_int_equal(suggestion_dismissed(c, f->a, "fund", &v, &n), STATUS_OK);
    assert_int_equal(n, 0);
    assert_int_equal(suggestion_dismissed(c, f->b, "goal", &v, &n), STATUS_OK);
    assert_int_equal(n, 0);
    assert_int_equal(suggestion_dismissed(c, f->a, "official", &v, &n), STATUS_OK);
    assert_int_equal(n, 1);
    assert_string_equal(v[0], "7");
}

static void test_members(void **state)
{
    Fixture *f = *state;
    FieldErrors e = { 0 };
    int64_t id = 0;
    /* not a member: no */
    assert_int_equal(directory_member_add_by_email(as(f, &f->other), "woej", "ander@example.nl", &e, &id),
                     ERR_FORBIDDEN);
    assert_int_equal(directory_member_add_by_email(as(f, &f->member), "woej", "niemand@example.nl", &e, &id),
                     ERR_INVALID);
    assert_string_equal(errors_get(&e, "email"),
                        "Er is geen account met dit e-mailadres. Vraag de persoon eerst een account te maken.");
    e = (FieldErrors){ 0 };
    assert_int_equal(directory_member_add_by_email(as(f, &f->member), "woej", " Ander@Example.nl ", &e, &id),
                     STATUS_OK);
    assert_int_equal(id, f->other.id);
    assert_true(directory_is_member(&f->ctx, "woej", f->other.id));
    assert_int_equal(directory_member_add_by_email(as(f, &f->member), "woej", "ander@example.nl", &e, &id),
                     STATUS_OK); /* twice is fine */
    assert_int_equal(directory_member_add_by_email(as(f, &f->member), "bestaat-niet", "ander@example.nl", &e, &id),
                     ERR_NOT_FOUND);
    CodeName *m;
    size_t n;
    assert_int_equal(directory_members(as(f, &f->member), "woej", &m, &n), STATUS_OK);
    assert_int_equal(n, 2);
    /* removing: not by outsiders, a member may leave, the last one stays */
    assert_int_equal(directory_member_remove(as(f, &f->initiator), "woej", f->other.id), ERR_FORBIDDEN);
    assert_int_equal(directory_member_remove(as(f, &f->other), "woej", f->other.id), STATUS_OK);
    assert_false(directory_is_member(&f->ctx, "woej", f->other.id));
    assert_int_equal(directory_member_remove(as(f, &f->member), "woej", f->other.id), ERR_NOT_FOUND);
    assert_int_equal(directory_member_remove(as(f, &f->member), "woej", f->member.id), ERR_CONFLICT);
    assert_int_equal(directory_member_remove(as(f, &f->admin), "woej", f->member.id), ERR_CONFLICT);
    assert_true(directory_is_member(&f->ctx, "woej", f->member.id));
    /* an admin adds and removes without being a member */
    e = (FieldErrors){ 0 };
    assert_int_equal(directory_member_add_by_email(as(f, &f->admin), "woej", "ini@example.nl", &e, &id), STATUS_OK);
    assert_int_equal(directory_member_remove(as(f, &f->admin), "woej", f->member.id), STATUS_OK);
    assert_false(directory_is_member(&f->ctx, "woej", f->member.id));
}

#define DB_TESTS \
    cmocka_unit_test_setup_teardown(test_add_remove_both_sides, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_targets_must_exist, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_permissions, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_partner_symmetry, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_tenants_apart, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_dismissals, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_members, setup, teardown)

int main(void)
{
    const struct CMUnitTest rules[] = { cmocka_unit_test(test_kind_codes) };
    const struct CMUnitTest tests[] = { DB_TESTS };
    int failed = cmocka_run_group_tests_name("connection rules", rules, NULL, NULL);
    use_pg = 0;
    failed += cmocka_run_group_tests_name("connections on SQLite", tests, NULL, NULL);
    const char *pg = getenv("WIJZER_TEST_PG");
    if (pg && *pg) {
        use_pg = 1;
        failed += cmocka_run_group_tests_name("connections on PostgreSQL", tests, NULL, NULL);
    }
    return failed;
}
