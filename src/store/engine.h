/* What a database engine provides behind db.h (private to store/). Each
 * engine's Db and Stmt start with the common header below, so db.c can
 * reach the engine's operations from any handle; the engine casts the
 * handle back to its own struct. The pool and the dispatch live in db.c;
 * sqlite.c and pg.c fill in an EngineOps each. */
#ifndef WIJZER_ENGINE_H
#define WIJZER_ENGINE_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"
#include "store/sqlite_queries.h"

typedef struct EngineOps EngineOps;

struct Db {
    const EngineOps *ops;
    int used;  /* statements run since store_acquire */
    int busy;  /* something failed with DB_BUSY since store_acquire */
};

struct Stmt {
    Db *db;
};

struct EngineOps {
    const char *name;
    /* Opens one connection to url; NULL with a plain-Dutch err on failure. */
    Db *(*connect)(const char *url, char *err, size_t errlen);
    void (*disconnect)(Db *db);
    /* The connection is gone (server stopped, network lost): the pool
     * drops it instead of handing it out again. */
    int (*lost)(Db *db);
    int (*in_transaction)(Db *db);
    int (*migrate)(Db *db, char *err, size_t errlen);
    /* Prepares q now; DB_OK or DB_ERROR with the reason in errmsg. */
    int (*prepare)(Db *db, QueryId q);
    Stmt *(*stmt)(Db *db, QueryId q);
    void (*bind_int)(Stmt *st, int64_t v);
    void (*bind_text)(Stmt *st, const char *v);
    void (*bind_null)(Stmt *st);
    void (*bind_blob)(Stmt *st, const void *data, size_t len);
    int (*step)(Stmt *st);
    void (*reset)(Stmt *st);
    int64_t (*col_int)(Stmt *st, int col);
    const char *(*col_text)(Stmt *st, int col);
    int (*col_is_null)(Stmt *st, int col);
    const void *(*col_blob)(Stmt *st, int col, size_t *len);
    int (*begin)(Db *db);
    int (*commit)(Db *db);
    void (*rollback)(Db *db);
    int (*bulk)(Db *db, int on); /* optional (db_bulk) */
    int64_t (*data_version)(Db *db); /* optional (store_data_version); -1 on failure */
    int64_t (*changes)(Db *db);
    const char *(*errmsg)(Db *db);
    const char *(*fulltext_query)(struct Arena *a, const char *input);
    /* The same, but the last word too only as a whole word. */
    const char *(*fulltext_query_whole)(struct Arena *a, const char *input);
};

extern const EngineOps sqlite_engine;
extern const EngineOps pg_engine;

/* The engine for a --db value: PostgreSQL for postgres:// and
 * postgresql:// URLs, SQLite (a file path) otherwise. */
const EngineOps *engine_for_url(const char *url);

/* SQL text per engine (sqlite_queries.h for SQLite). PostgreSQL's comes
 * from its own table where it differs, else from SQLite's with ?N
 * rewritten to $N (pg_queries.c). */
const char *pg_query_text(QueryId q);
/* Statements PostgreSQL plans for each run's parameters (not prepared). */
int pg_query_plan_each_time(QueryId q);

#endif
