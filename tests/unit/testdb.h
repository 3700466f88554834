/* A fresh database for the unit tests that run on both engines: an
 * SQLite file in /tmp (a file, so several connections share it) or, when
 * pg is set, a new database on the WIJZER_TEST_PG server; with the default
 * municipality, its reference data and a clock at 20 November 2026, 9:00.
 * testdb_close removes it again. testdb_pg_fresh makes only an empty
 * database. Header-only (static inline: a test uses what it needs),
 * included after cmocka.h. */
#ifndef WIJZER_TESTDB_H
#define WIJZER_TESTDB_H

#include <libpq-fe.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/accounts.h"
#include "domain/setup.h"
#include "lib/dates.h"
#include "store/store.h"

typedef struct TestDb {
    int pg;
    char path[256];   /* SQLite */
    char pgname[64];  /* PostgreSQL */
} TestDb;

static inline void testdb_no_notices(void *arg, const char *message)
{
    (void)arg;
    (void)message;
}

/* The test server's base URL (ending in /), or NULL when there is none. */
static inline const char *testdb_pg_base(void)
{
    static char base[448];
    const char *b = getenv("WIJZER_TEST_PG");
    if (!b || !*b)
        return NULL;
    snprintf(base, sizeof base, "%s%s", b, b[strlen(b) - 1] == '/' ? "" : "/");
    return base;
}

/* Runs sql on the test server's database at url. */
static inline void testdb_pg_exec(const char *url, const char *sql)
{
    PGconn *c = PQconnectdb(url);
    if (PQstatus(c) != CONNECTION_OK)
        fail_msg("connect %s: %s", url, PQerrorMessage(c));
    PQsetNoticeProcessor(c, testdb_no_notices, NULL);
    PGresult *r = PQexec(c, sql);
    if (PQresultStatus(r) != PGRES_COMMAND_OK)
        fail_msg("%s: %s", sql, PQerrorMessage(c));
    PQclear(r);
    PQfinish(c);
}

/* Runs sql on the test server's maintenance database. */
static inline void testdb_pg_admin(const char *sql)
{
    char url[512];
    snprintf(url, sizeof url, "%spostgres", testdb_pg_base());
    testdb_pg_exec(url, sql);
}

/* Makes the database (what: a word for its name), opens and migrates it,
 * and readies c (db, arena, tenant, now) with the default municipality. */
static inline void testdb_open(TestDb *t, const char *what, int pg, Store **store, Db **db, Ctx *c, Tenant *tenant)
{
    static int seq;
    char err[256], url[512];
    t->pg = pg;
    if (pg) {
        snprintf(t->pgname, sizeof t->pgname, "wijzer_%s_%d_%d", what, (int)getpid(), ++seq);
        char sql[160];
        snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s", t->pgname);
        testdb_pg_admin(sql);
        snprintf(sql, sizeof sql, "CREATE DATABASE %s", t->pgname);
        testdb_pg_admin(sql);
        snprintf(url, sizeof url, "%s%s", testdb_pg_base(), t->pgname);
    } else {
        snprintf(t->path, sizeof t->path, "/tmp/wijzer-test-%s-%d-%d.db", what, (int)getpid(), ++seq);
        unlink(t->path);
        snprintf(url, sizeof url, "%s", t->path);
    }
    assert_int_equal(store_open(url, store, err, sizeof err), DB_OK);
    *db = store_acquire(*store);
    assert_true(store_migrate(*db, err, sizeof err) > 0);
    c->arena = arena_new();
    c->db = *db;
    c->now = date_from_ymd(2026, 11, 20) * 86400 + 9 * 3600;
    assert_int_equal(setup_default_tenant(*db, c->arena, tenant), STATUS_OK);
    c->tenant = tenant;
    const char *err2;
    assert_int_equal(setup_reference_data(c, &err2), STATUS_OK);
}

static inline void testdb_close(TestDb *t, Store *store, Db *db, Ctx *c)
{
    store_release(store, db);
    store_close(store);
    arena_free(c->arena);
    if (t->pg) {
        char sql[160];
        snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s", t->pgname);
        testdb_pg_admin(sql);
    } else {
        char p[300];
        unlink(t->path);
        snprintf(p, sizeof p, "%s-wal", t->path);
        unlink(p);
        snprintf(p, sizeof p, "%s-shm", t->path);
        unlink(p);
    }
}

/* SQL the program itself never runs (to set up or break a case), on a
 * connection of its own to t's database. */
static inline void testdb_exec(const TestDb *t, const char *sql)
{
    if (t->pg) {
        char url[512];
        snprintf(url, sizeof url, "%s%s", testdb_pg_base(), t->pgname);
        testdb_pg_exec(url, sql);
    } else {
        sqlite3 *c;
        if (sqlite3_open(t->path, &c) != SQLITE_OK)
            fail_msg("open %s", t->path);
        sqlite3_busy_timeout(c, 5000);
        char *err = NULL;
        if (sqlite3_exec(c, sql, NULL, NULL, &err) != SQLITE_OK)
            fail_msg("%s: %s", sql, err);
        sqlite3_close(c);
    }
}

/* An empty database on the test server (its URL in url): its name, or
 * NULL when there is no test server. Drop it with testdb_pg_drop. */
static inline const char *testdb_pg_fresh(const char *what, char *url, size_t len)
{
    const char *base = testdb_pg_base();
    if (!base)
        return NULL;
    static char name[64];
    char sql[128];
    snprintf(name, sizeof name, "wz_unit_%s_%ld", what, (long)getpid());
    snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s", name);
    testdb_pg_admin(sql);
    snprintf(sql, sizeof sql, "CREATE DATABASE %s", name);
    testdb_pg_admin(sql);
    snprintf(url, len, "%s%s", base, name);
    return name;
}

static inline void testdb_pg_drop(const char *name)
{
    char sql[128];
    snprintf(sql, sizeof sql, "DROP DATABASE %s", name);
    testdb_pg_admin(sql);
}

/* A user as the command line makes one (no password), read back into u. */
static inline void testdb_add_user(Ctx *c, User *u, const char *email, const char *name, Role role)
{
    FieldErrors e = { 0 };
    int64_t id;
    c->user = NULL;
    assert_int_equal(account_add(c, name, email, NULL, role, &e, &id), STATUS_OK);
    assert_int_equal(store_user_by_id(c->db, c->arena, c->tenant->id, id, u), DB_OK);
}

#endif
