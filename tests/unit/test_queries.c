/* Every statement for every engine: each QueryId has SQL text for SQLite
 * and PostgreSQL, and each one prepares on a real, migrated database of
 * that engine. PostgreSQL is tested when WIJZER_TEST_PG holds a server's
 * base URL (tests/run.sh starts one with scripts/pg-test-server.sh);
 * without it those tests are skipped. */
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

#include "lib/arena.h"
#include "store/engine.h"
#include "store/store.h"
#include "testdb.h"

static void test_every_query_has_text_for_both_engines(void **state)
{
    (void)state;
    for (int q = 0; q < Q_COUNT_; q++) {
        const char *lite = sqlite_queries[q], *pg = pg_query_text((QueryId)q);
        if (!lite || !*lite)
            fail_msg("%s has no SQLite text (store/sqlite_queries.c)", query_name((QueryId)q));
        if (!pg || !*pg)
            fail_msg("%s has no PostgreSQL text (store/pg_queries.c)", query_name((QueryId)q));
        /* PostgreSQL knows only $N placeholders. */
        char quote = 0;
        for (const char *p = pg; *p; p++) {
            if (quote)
                quote = *p == quote ? 0 : quote;
            else if (*p == '\'' || *p == '"')
                quote = *p;
            else if (*p == '?')
                fail_msg("%s: a ? is left in the PostgreSQL text: %s", query_name((QueryId)q), pg);
        }
    }
}

static void test_engine_chosen_by_url(void **state)
{
    (void)state;
    assert_ptr_equal(engine_for_url("postgres://u@127.0.0.1:5432/wijzer"), &pg_engine);
    assert_ptr_equal(engine_for_url("postgresql://u@h/db?sslmode=disable"), &pg_engine);
    assert_ptr_equal(engine_for_url("/var/lib/wijzer/wijzer.db"), &sqlite_engine);
    assert_ptr_equal(engine_for_url("postgres.db"), &sqlite_engine);
    assert_ptr_equal(engine_for_url(":memory:"), &sqlite_engine);
}

/* Opens url, migrates it, and prepares every statement. */
static void prepare_all(const char *url, const char *engine)
{
    Store *s;
    char err[512];
    if (store_open(url, &s, err, sizeof err) != DB_OK)
        fail_msg("open %s: %s", url, err);
    assert_string_equal(store_engine(s), engine);
    Db *db = store_acquire(s);
    assert_non_null(db);
    if (store_migrate(db, err, sizeof err) < 1)
        fail_msg("migrate %s: %s", url, err);
    assert_int_equal(store_migrate(db, err, sizeof err), 0); /* a second run has nothing to do */
    int bad = 0;
    for (int q = 0; q < Q_COUNT_; q++) {
        if (db->ops->prepare(db, (QueryId)q) != DB_OK) {
            print_error("%s: %s does not prepare: %s\n", engine, query_name((QueryId)q), db_errmsg(db));
            bad++;
        }
    }
    store_release(s, db);
    store_close(s);
    assert_int_equal(bad, 0);
}

static void test_sqlite_prepares_every_statement(void **state)
{
    (void)state;
    prepare_all(":memory:", "sqlite");
}

/* ---------- PostgreSQL ---------- */

static void test_pg_prepares_every_statement(void **state)
{
    (void)state;
    char url[512];
    const char *name = testdb_pg_fresh("prepare", url, sizeof url);
    if (!name)
        skip();
    prepare_all(url, "postgresql");
    testdb_pg_drop(name);
}

static void set_setting(Db *db, int64_t tenant, const char *key, const char *value)
{
    Stmt *st = db_stmt(db, Q_SETTING_SET);
    stmt_int(st, tenant);
    stmt_text(st, key);
    stmt_text(st, value);
    assert_int_equal(stmt_run(st), DB_OK); /* in bulk mode: sent, not yet answered */
}

static const char *get_setting(Db *db, int64_t tenant, const char *key, char *out, size_t len)
{
    Stmt *st = db_stmt(db, Q_SETTING_GET);
    stmt_int(st, tenant);
    stmt_text(st, key);
    int rc = stmt_step(st);
    snprintf(out, len, "%s", rc == DB_ROW && col_text(st, 0) ? col_text(st, 0) : "(none)");
    stmt_reset(st);
    return out;
}

/* db_bulk on PostgreSQL: writes go without waiting, a read in between
 * sees them, and an error among them fails the commit. */
static void test_pg_bulk_mode(void **state)
{
    (void)state;
    char url[512], err[512], v[64];
    const char *name = testdb_pg_fresh("bulk", url, sizeof url);
    if (!name)
        skip();
    Store *s;
    assert_int_equal(store_open(url, &s, err, sizeof err), DB_OK);
    Db *db = store_acquire(s);
    assert_true(store_migrate(db, err, sizeof err) > 0);
    Stmt *st = db_stmt(db, Q_TENANT_INSERT);
    stmt_text(st, "t");
    stmt_text(st, "T");
    stmt_null(st);
    assert_int_equal(stmt_run(st), DB_OK);
    st = db_stmt(db, Q_TENANT_BY_CODE);
    stmt_text(st, "t");
    assert_int_equal(stmt_step(st), DB_ROW);
    int64_t tenant = col_int(st, 0);
    stmt_reset(st);

    assert_int_equal(db_bulk(db, 1), DB_OK);
    assert_int_equal(db_begin(db), DB_OK);
    set_setting(db, tenant, "a", "1");
    set_setting(db, tenant, "b", "2");
    assert_string_equal(get_setting(db, tenant, "b", v, sizeof v), "2");
    set_setting(db, tenant, "c", "3");
    assert_int_equal(db_commit(db), DB_OK);

    assert_int_equal(db_begin(db), DB_OK);
    set_setting(db, tenant + 1000, "d", "4"); /* no such tenant: refused, but only seen later */
    set_setting(db, tenant, "e", "5");
    assert_int_not_equal(db_commit(db), DB_OK);
    db_rollback(db);
    assert_int_equal(db_bulk(db, 0), DB_OK);

    assert_string_equal(get_setting(db, tenant, "c", v, sizeof v), "3");
    assert_string_equal(get_setting(db, tenant, "e", v, sizeof v), "(none)");
    store_release(s, db);
    store_close(s);
    testdb_pg_drop(name);
}

static void test_pg_unreachable_is_an_error_not_a_crash(void **state)
{
    (void)state;
    Store *s;
    char err[512] = "";
    /* Port 1 on loopback: nothing listens there. */
    assert_int_equal(store_open("postgres://nobody@127.0.0.1:1/none?connect_timeout=2", &s, err, sizeof err),
                     DB_ERROR);
    assert_non_null(strstr(err, "PostgreSQL"));
}

/* ---------- what a person types becomes a safe search ---------- */

static const char *fts(const EngineOps *e, Arena *a, const char *in)
{
    return e->fulltext_query(a, in);
}

static void test_fulltext_query_per_engine(void **state)
{
    (void)state;
    Arena *a = arena_new();
    assert_string_equal(fts(&pg_engine, a, "speeltuinen"), "'speeltuinen':*");
    assert_string_equal(fts(&pg_engine, a, "Moestuin, Bovenveen!"), "'Moestuin' & 'Bovenveen':*");
    assert_string_equal(fts(&sqlite_engine, a, "moestuin bovenveen"), "\"moestuin\" \"bovenveen\"*");
    /* Query syntax is only text: nothing but words and our own operators. */
    const char *evil[] = { "speeltuin' | 'x", "a & !b", "x:* <-> (y)", "o'neill\\", "speel-tuin", "'" };
    for (size_t i = 0; i < sizeof evil / sizeof *evil; i++) {
        const char *q = fts(&pg_engine, a, evil[i]);
        if (!q)
            continue;
        int quotes = 0;
        for (const char *p = q; *p; p++) {
            if (*p == '\'') {
                quotes++;
                continue;
            }
            if (quotes % 2 == 1) { /* inside a term: letters and digits only */
                if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')
                      || (unsigned char)*p >= 0x80))
                    fail_msg("%s gave %s", evil[i], q);
            } else if (!strchr(" &:*", *p)) {
                fail_msg("%s gave %s", evil[i], q);
            }
        }
    }
    assert_string_equal(fts(&pg_engine, a, "o'neill"), "'o' & 'neill':*");
    assert_null(fts(&pg_engine, a, "  ?! -- "));
    assert_null(fts(&pg_engine, a, ""));
    assert_string_equal(fts(&pg_engine, a, "geëvalueerd"), "'geëvalueerd':*");
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_query_has_text_for_both_engines),
        cmocka_unit_test(test_engine_chosen_by_url),
        cmocka_unit_test(test_sqlite_prepares_every_statement),
        cmocka_unit_test(test_pg_prepares_every_statement),
        cmocka_unit_test(test_pg_bulk_mode),
        cmocka_unit_test(test_pg_unreachable_is_an_error_not_a_crash),
        cmocka_unit_test(test_fulltext_query_per_engine),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
