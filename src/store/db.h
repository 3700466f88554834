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

/* url: postgres://… or postgresql://… selects PostgreSQL (a libpq
 * connection URI); anything else is a file path for SQLite (":memory:"
 * works for tests). Opens the first connection, so a wrong url fails here. */
int store_open(const char *url, Store **out, char *err, size_t errlen);
void store_close(Store *s);
/* A connection from the pool, or a new one; NULL when the database cannot
 * be reached now (PostgreSQL down): answer 503 and try again later. */
Db *store_acquire(Store *s);
void store_release(Store *s, Db *db);
/* Brings the schema to the newest migration; returns the number applied
 * or DB_ERROR. */
int store_migrate(Db *db, char *err, size_t errlen);
const char *store_engine(const Store *s);
/* A number that changes whenever anything was committed to the database,
 * by this process or another (SQLite: PRAGMA data_version on a connection
 * of its own that never writes); -1 when the engine has none
 * (PostgreSQL). For caches that must never show what has changed. */
int64_t store_data_version(Store *s);

/* Backup and restore (store/backup.c). SQLite: an online copy with the
 * backup API, in small steps so a running server goes on, into a new
 * self-contained file (refused when `to` exists, unless force). Restore
 * checks that `from` is a wijzer database (schema_migrations, quick_check)
 * and copies it into the database at url (refused when that exists,
 * unless force). PostgreSQL: DB_ERROR, with err showing pg_dump or
 * pg_restore. */
typedef struct BackupReport {
    int64_t pages, bytes;
    int64_t steps;
} BackupReport;
int store_backup(const char *url, const char *to, int force, BackupReport *rep, char *err, size_t errlen);
int store_restore(const char *from, const char *url, int force, BackupReport *rep, char *err, size_t errlen);

Stmt *db_stmt(Db *db, QueryId q);       /* prepared once per Db, reset for use */
void stmt_int(Stmt *st, int64_t v);
void stmt_text(Stmt *st, const char *v); /* NULL binds NULL */
void stmt_null(Stmt *st);
/* Binary data (a BLOB in SQLite, BYTEA in PostgreSQL), NUL bytes and all;
 * the bytes are copied, so they need not outlive the call. NULL binds NULL. */
void stmt_blob(Stmt *st, const void *data, size_t len);
int stmt_step(Stmt *st);                 /* DB_ROW, DB_DONE or an error */
int stmt_run(Stmt *st);                  /* steps to the end: DB_OK or an error */
/* A statement that gives one id (INSERT … RETURNING id, SELECT id …): DB_OK
 * with *id (id may be NULL), DB_DONE when there is no row, or an error. */
int stmt_run_id(Stmt *st, int64_t *id);
int64_t col_int(Stmt *st, int col);
const char *col_text(Stmt *st, int col); /* valid until the next step; NULL for NULL */
int col_is_null(Stmt *st, int col);
/* A binary column: its bytes and *len; valid until the next step or
 * reset. NULL (len 0) for SQL NULL; never NULL for an empty value. */
const void *col_blob(Stmt *st, int col, size_t *len);
void stmt_reset(Stmt *st);

int db_begin(Db *db);     /* SQLite: BEGIN IMMEDIATE (writers queue, not deadlock); PostgreSQL: BEGIN */
int db_commit(Db *db);
void db_rollback(Db *db);
/* Bulk loading, for generated data only: on PostgreSQL, statements that
 * return no rows are sent without waiting for their answer, and an error
 * shows at the next one that returns rows or at the commit (db_changes
 * is then 1). SQLite needs no such thing: a no-op. */
int db_bulk(Db *db, int on);
int64_t db_changes(Db *db);
const char *db_errmsg(Db *db);
/* The connection to the server was lost (PostgreSQL stopped or
 * unreachable); what failed on it may succeed after a retry. */
int db_lost(Db *db);
/* Something failed with DB_BUSY since the connection left the pool: a
 * lock waited too long, a deadlock or serialization failure, or a
 * statement ran past its time limit (PostgreSQL's statement_timeout,
 * 30 s unless the URL says otherwise). Tried again later it may work,
 * so a request answers 503 with Retry-After, as when the database is
 * down. */
int db_busy(Db *db);

/* Turns what a person typed into the engine's full-text query syntax:
 * words only, each a required term, the last one also as a prefix. Returns
 * NULL when nothing searchable is left. */
struct Arena;
const char *db_fulltext_query(Db *db, struct Arena *a, const char *input);
/* The same without the prefix: every word only as a whole word. */
const char *db_fulltext_query_whole(Db *db, struct Arena *a, const char *input);

#endif
