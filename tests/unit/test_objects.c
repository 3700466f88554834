/* The initiative objects made ahead of time (api/objects.c, domain/objects.c,
 * migrations sqlite/013 and pg/014), on SQLite and, when WIJZER_TEST_PG
 * holds a server's base URL, on PostgreSQL: a kept object is the made
 * object byte for byte, any change to what it shows makes it old at once,
 * a body made from what a change replaced is not kept, another program's
 * format is not used and is made again, and one municipality never gets
 * another's object. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/json.h"
#include "api/objects.h"
#include "domain/demo.h"
#include "domain/initiatives.h"
#include "domain/objects.h"
#include "domain/process.h"
#include "store/store.h"
#include "testdb.h"

static int use_pg;

typedef struct Fixture {
    Store *store;
    Db *db;
    Tenant tenant;
    User resident, official;
    Ctx ctx;
    TestDb tdb;
    int64_t first, last; /* the demo's initiatives */
} Fixture;

static int setup(void **state)
{
    Fixture *f = test_calloc(1, sizeof *f);
    testdb_open(&f->tdb, "objects", use_pg, &f->store, &f->db, &f->ctx, &f->tenant);
    testdb_add_user(&f->ctx, &f->resident, "piet@example.nl", "Piet Jansen", ROLE_RESIDENT);
    testdb_add_user(&f->ctx, &f->official, "sanne@gemeente.example", "Sanne de Wit", ROLE_OFFICIAL);
    int added = 0;
    const char *err = NULL;
    f->ctx.user = NULL;
    if (demo_load(&f->ctx, &added, &err) != STATUS_OK)
        fail_msg("demo: %s", err ? err : "?");
    assert_true(added > 10);
    InitiativePage pg;
    InitiativeFilter all = { .page = 1, .per_page = 100 };
    assert_int_equal(initiative_list(&f->ctx, &all, &pg), STATUS_OK);
    assert_true(pg.n >= (size_t)added);
    f->last = pg.items[0].id;
    f->first = pg.items[pg.n - 1].id;
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

/* Makes every body that is due; returns how many. */
static size_t make_all(Fixture *f)
{
    ObjectRound st = { 0 };
    size_t made = 0;
    assert_int_equal(api_objects_make(f->db, &st, f->ctx.now, -1, &made), STATUS_OK);
    return made;
}

/* The object as the API makes it now, without what is kept. */
static const char *made_now(Fixture *f, int64_t id)
{
    Initiative in;
    if (initiative_get(&f->ctx, id, &in) != STATUS_OK)
        return NULL;
    Request r = { .arena = f->ctx.arena, .ctx = f->ctx };
    Buf b;
    JsonOut o;
    buf_init(&b);
    jout_init(&o, &b);
    api_write_initiative(&o, NULL, &r, &in);
    const char *s = arena_strdup(f->ctx.arena, buf_cstr(&b));
    buf_free(&b);
    return s;
}

/* The answer from the kept object, or NULL when there is none. */
static const char *kept(Fixture *f, const Ctx *as, int64_t id)
{
    Request r = { .arena = f->ctx.arena, .ctx = *as };
    buf_init(&r.out);
    const char *s = NULL;
    if (api_object_send(&r, id)) {
        assert_int_equal(r.status, 200);
        assert_string_equal(r.content_type, "application/json; charset=utf-8");
        s = arena_strdup(f->ctx.arena, buf_cstr(&r.out));
    }
    buf_free(&r.out);
    return s;
}

/* SQL from outside, then reads as a new request would (the store's
 * connection keeps one snapshot for its reads until it is given back). */
static void exec_sql(Fixture *f, const char *sql)
{
    testdb_exec(&f->tdb, sql);
    store_release(f->store, f->db);
    f->db = store_acquire(f->store);
    f->ctx.db = f->db;
}

static void counts(Fixture *f, int64_t *made, int64_t *waiting)
{
    assert_int_equal(objects_counts(&f->ctx, made, waiting), STATUS_OK);
}

static void test_kept_is_made_byte_for_byte(void **state)
{
    Fixture *f = *state;
    int64_t made, waiting;
    counts(f, &made, &waiting);
    assert_int_equal(made, 0);
    assert_true(waiting > 10);
    assert_null(kept(f, &f->ctx, f->first)); /* nothing made yet */
    assert_int_equal((int64_t)make_all(f), waiting);
    counts(f, &made, &waiting);
    assert_int_equal(waiting, 0);
    int with_deadline = 0, with_help = 0;
    for (int64_t id = f->first; id <= f->last; id++) {
        const char *now = made_now(f, id), *k = kept(f, &f->ctx, id);
        assert_non_null(now);
        assert_non_null(k);
        assert_string_equal(k, now);
        with_deadline += strstr(k, "\"deadline\":{") != NULL;
        with_help += strstr(k, "\"help_requests\":[{") != NULL;
    }
    assert_true(with_deadline > 0 && with_help > 0); /* the demo has both kinds */
    assert_null(kept(f, &f->ctx, f->last + 1));
    /* Nothing left: another round makes nothing. */
    assert_int_equal(make_all(f), 0);
}

/* The deadline is worked out at each answer: a week later it says so. */
static void test_deadline_is_of_today(void **state)
{
    Fixture *f = *state;
    make_all(f);
    Ctx later = f->ctx;
    later.now += 7 * 86400;
    for (int64_t id = f->first; id <= f->last; id++) {
        const char *k = kept(f, &f->ctx, id), *k2 = kept(f, &later, id);
        if (!strstr(k, "\"deadline\":{"))
            continue;
        Ctx saved = f->ctx;
        f->ctx = later;
        const char *now2 = made_now(f, id);
        f->ctx = saved;
        assert_string_equal(k2, now2);
        assert_string_not_equal(k2, k);
        return;
    }
    fail_msg("no initiative with a deadline in the demo");
}

/* Each kind of change makes the object old in the same transaction; the
 * answer made meanwhile shows the change, and so does the next kept one. */
static void test_changes_make_it_old(void **state)
{
    Fixture *f = *state;
    make_all(f);
    /* A new initiative by Piet, with his name shown. */
    InitiativeInput in = { 0 };
    in.title = "Bankjes in het park";
    in.summary = "Meer plekken om even te zitten in het park.";
    in.description = "";
    in.area = "bovenveen";
    in.themes[in.n_themes++] = "groen";
    in.show_name = 1;
    FieldErrors e = { 0 };
    int64_t id = 0;
    f->ctx.user = &f->resident;
    assert_int_equal(initiative_create(&f->ctx, &in, &e, &id), STATUS_OK);
    assert_null(kept(f, &f->ctx, id));
    make_all(f);
    assert_non_null(kept(f, &f->ctx, id));

    /* Its text. */
    InitiativeInput up = { 0 };
    up.title = "Bankjes en een picknicktafel";
    up.present.title = 1;
    assert_int_equal(initiative_update(&f->ctx, id, &up, &e), STATUS_OK);
    assert_null(kept(f, &f->ctx, id));
    assert_non_null(strstr(made_now(f, id), "picknicktafel"));
    make_all(f);
    assert_non_null(strstr(kept(f, &f->ctx, id), "picknicktafel"));

    /* A help request, then its state. */
    HelpInput h = { .kind = "materiaal", .description = "Hout en schroeven", .amount_cents = -1 };
    int64_t help = 0;
    assert_int_equal(initiative_add_help(&f->ctx, id, &h, &e, &help), STATUS_OK);
    assert_null(kept(f, &f->ctx, id));
    make_all(f);
    assert_non_null(strstr(kept(f, &f->ctx, id), "Hout en schroeven"));
    f->ctx.user = &f->official;
    assert_int_equal(initiative_set_help_state(&f->ctx, id, help, HELP_TOEGEZEGD), STATUS_OK);
    assert_null(kept(f, &f->ctx, id));
    make_all(f);
    assert_non_null(strstr(kept(f, &f->ctx, id), "\"state\":\"toegezegd\""));

    /* A step in the process, by the official. */
    assert_int_equal(initiative_transition(&f->ctx, id, ST_INTAKE, NULL, 0, &e), STATUS_OK);
    assert_null(kept(f, &f->ctx, id));
    make_all(f);
    assert_non_null(strstr(kept(f, &f->ctx, id), "\"state\":\"intake\""));
    assert_string_equal(kept(f, &f->ctx, id), made_now(f, id));
    f->ctx.user = NULL;

    /* The initiator's name. */
    char sql[200];
    snprintf(sql, sizeof sql, "UPDATE users SET name = 'Piet van Dam' WHERE id = %lld", (long long)f->resident.id);
    exec_sql(f, sql);
    assert_null(kept(f, &f->ctx, id));
    assert_non_null(strstr(made_now(f, id), "Piet van Dam"));
    make_all(f);
    assert_non_null(strstr(kept(f, &f->ctx, id), "Piet van Dam"));

    /* A theme's name is in objects all over the municipality. */
    exec_sql(f, "UPDATE themes SET name_nl = 'Groen, bomen en natuur' WHERE code = 'groen'");
    int64_t made, waiting;
    counts(f, &made, &waiting);
    assert_int_equal(made, 0);
    make_all(f);
    assert_non_null(strstr(kept(f, &f->ctx, id), "Groen, bomen en natuur"));
    /* Written again unchanged (as `wijzer init` does), it makes nothing old. */
    exec_sql(f, "UPDATE themes SET name_nl = name_nl");
    counts(f, &made, &waiting);
    assert_int_equal(waiting, 0);
}

/* A body made from what a change replaced is not kept. */
static void test_changed_while_made_is_not_kept(void **state)
{
    Fixture *f = *state;
    ObjectTodo *t;
    size_t n;
    assert_int_equal(objects_todo(&f->ctx, 1, &t, &n), STATUS_OK);
    assert_int_equal(n, 1);
    Initiative in;
    assert_int_equal(object_initiative(&f->ctx, &t[0], &in), STATUS_OK);
    /* Meanwhile an official changes the title. */
    InitiativeInput up = { 0 };
    up.title = "Nieuw";
    up.present.title = 1;
    FieldErrors e = { 0 };
    f->ctx.user = &f->official;
    assert_int_equal(initiative_update(&f->ctx, t[0].initiative_id, &up, &e), STATUS_OK);
    f->ctx.user = NULL;
    StoredObject o = { .state = state_code(in.state), .state_since = in.state_since, .body = "{\"oud\":1", .len = 8 };
    size_t k = 9;
    assert_int_equal(objects_put(&f->ctx, t, &o, 1, api_objects_format(), &k), STATUS_OK);
    assert_int_equal(k, 0);
    assert_null(kept(f, &f->ctx, t[0].initiative_id));
    make_all(f);
    assert_non_null(strstr(kept(f, &f->ctx, t[0].initiative_id), "\"title\":\"Nieuw\""));
}

/* Bodies of another program's shape are not used, and are made again. */
static void test_other_format_is_made_again(void **state)
{
    Fixture *f = *state;
    size_t n = make_all(f);
    exec_sql(f, "UPDATE initiative_objects SET format = 42, body = '{\"oud\":1'");
    exec_sql(f, "UPDATE object_formats SET format = 42");
    assert_null(kept(f, &f->ctx, f->first));
    assert_int_equal(make_all(f), n);
    int64_t format = 0;
    assert_int_equal(objects_format(&f->ctx, &format), STATUS_OK);
    assert_int_equal(format, api_objects_format());
    for (int64_t id = f->first; id <= f->last; id++)
        assert_string_equal(kept(f, &f->ctx, id), made_now(f, id));
    assert_true(api_objects_format() != 0);
}

/* Another municipality asking for our initiative's id gets nothing kept. */
static void test_tenants_apart(void **state)
{
    Fixture *f = *state;
    make_all(f);
    assert_int_equal(store_tenant_upsert(f->db, "wassenaar", "Wassenaar", "w.example"), DB_OK);
    Tenant w;
    assert_int_equal(store_tenant_by_code(f->db, f->ctx.arena, "wassenaar", &w), DB_OK);
    Ctx other = f->ctx;
    other.tenant = &w;
    assert_non_null(kept(f, &f->ctx, f->first));
    assert_null(kept(f, &other, f->first));
}

#define DB_TESTS \
    cmocka_unit_test_setup_teardown(test_kept_is_made_byte_for_byte, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_deadline_is_of_today, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_changes_make_it_old, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_changed_while_made_is_not_kept, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_other_format_is_made_again, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_tenants_apart, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = { DB_TESTS };
    accounts_init(); /* the demo's passwords */
    use_pg = 0;
    int failed = cmocka_run_group_tests_name("objects on SQLite", tests, NULL, NULL);
    const char *pg = getenv("WIJZER_TEST_PG");
    if (pg && *pg) {
        use_pg = 1;
        failed += cmocka_run_group_tests_name("objects on PostgreSQL", tests, NULL, NULL);
    }
    return failed;
}
