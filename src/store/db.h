/* The store's one interface to a database engine. Statements are named by
 * QueryId (queries.h); each engine keeps its own table of SQL text for
 * them, so nothing outside store/ ever holds SQL. Parameters are bound in
 * order; columns are read by index. One Db is used by one thread at a
 * time; the Store hands them out from a pool. */
#ifndef WIJZER_DB_H
#define WIJZER_DB_H

#include <stddef.h>
#include <stdint.h>

#include "store/queries.h"

typedef struct Store Store;
typedef struct Db Db;
typedef struct Stmt Stmt;

enum {
    DB_OK = 0,
    DB_ROW = 1,        /* stmt_step: a row is ready */
    DB_DONE = 2,       /* stmt_step: no (more) rows */
    DB_ERROR = -1,
    DB_CONSTRAINT = -2, /* unique or foreign key violated */
    DB_BUSY = -3,      /* locked for too long; try again later */
};

/* url: a file path for SQLite (":memory:" works for tests). */
int store_open(const char *url, Store **out, char *err, size_t errlen);
void store_close(Store *s);
Db *store_acquire(Store *s);
void store_release(Store *s, Db *db);
/* Brings the schema to the newest migration; returns the number applied
 * or DB_ERROR. */
int store_migrate(Db *db, char *err, size_t errlen);
const char *store_engine(const Store *s);

Stmt *db_stmt(Db *db, QueryId q);       /* prepared once per Db, reset for use */
void stmt_int(Stmt *st, int64_t v);
void stmt_text(Stmt *st, const char *v); /* NULL binds NULL */
void stmt_null(Stmt *st);
int stmt_step(Stmt *st);                 /* DB_ROW, DB_DONE or an error */
int stmt_run(Stmt *st);                  /* steps to the end: DB_OK or an error */
int64_t col_int(Stmt *st, int col);
const char *col_text(Stmt *st, int col); /* valid until the next step; NULL for NULL */
int col_is_null(Stmt *st, int col);
void stmt_reset(Stmt *st);

int db_begin(Db *db);     /* BEGIN IMMEDIATE: writers queue, not deadlock */
int db_commit(Db *db);
void db_rollback(Db *db);
int64_t db_changes(Db *db);
const char *db_errmsg(Db *db);

/* Turns what a person typed into the engine's full-text query syntax:
 * words only, each a required term, the last one also as a prefix. Returns
 * NULL when nothing searchable is left. */
struct Arena;
const char *db_fulltext_query(struct Arena *a, const char *input);

#endif
