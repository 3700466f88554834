/* The SQLite engine behind db.h: a pool of connections in WAL mode, each
 * with its prepared statements cached by QueryId and the Dutch FTS5
 * tokenizer registered. Migrations come embedded in the binary. */
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/arena.h"
#include "lib/buf.h"
#include "lib/embedded.h"
#include "store/db.h"
#include "store/fts_dutch.h"
#include "store/sqlite_queries.h"

enum { POOL_MAX = 64 };

struct Stmt {
    Db *db;
    sqlite3_stmt *st;
    int next_param;
};

struct Db {
    sqlite3 *conn;
    Stmt stmts[Q_COUNT_];
};

struct Store {
    char *path;
    pthread_mutex_t lock;
    Db *idle[POOL_MAX];
    int n_idle;
};

#define QUERY_NAME(name) #name,
static const char *const query_names[] = { WIJZER_QUERIES(QUERY_NAME) };
#undef QUERY_NAME

const char *query_name(QueryId q)
{
    return q < Q_COUNT_ ? query_names[q] : "?";
}

static int db_exec(Db *db, const char *sql)
{
    char *msg = NULL;
    int rc = sqlite3_exec(db->conn, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK) {
        fprintf(stderr, "wijzer: sqlite: %s\n", msg ? msg : sqlite3_errstr(rc));
        sqlite3_free(msg);
        return DB_ERROR;
    }
    return DB_OK;
}

static Db *db_connect(const char *path, char *err, size_t errlen)
{
    sqlite3 *conn = NULL;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
    if (sqlite3_open_v2(path, &conn, flags, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "kan database %s niet openen: %s", path, conn ? sqlite3_errmsg(conn) : "geen geheugen");
        sqlite3_close(conn);
        return NULL;
    }
    Db *db = xcalloc(1, sizeof *db);
    db->conn = conn;
    sqlite3_busy_timeout(conn, 5000);
    if (db_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;") != DB_OK
        || fts_dutch_register(conn) != SQLITE_OK) {
        snprintf(err, errlen, "kan database %s niet instellen: %s", path, sqlite3_errmsg(conn));
        sqlite3_close(conn);
        free(db);
        return NULL;
    }
    return db;
}

static void db_disconnect(Db *db)
{
    for (int i = 0; i < Q_COUNT_; i++)
        sqlite3_finalize(db->stmts[i].st);
    sqlite3_close(db->conn);
    free(db);
}

int store_open(const char *url, Store **out, char *err, size_t errlen)
{
    Db *first = db_connect(url, err, errlen);
    if (!first)
        return DB_ERROR;
    Store *s = xcalloc(1, sizeof *s);
    s->path = xstrdup(url);
    pthread_mutex_init(&s->lock, NULL);
    s->idle[s->n_idle++] = first;
    *out = s;
    return DB_OK;
}

void store_close(Store *s)
{
    if (!s)
        return;
    for (int i = 0; i < s->n_idle; i++)
        db_disconnect(s->idle[i]);
    pthread_mutex_destroy(&s->lock);
    free(s->path);
    free(s);
}

const char *store_engine(const Store *s)
{
    (void)s;
    return "sqlite";
}

Db *store_acquire(Store *s)
{
    pthread_mutex_lock(&s->lock);
    Db *db = s->n_idle ? s->idle[--s->n_idle] : NULL;
    pthread_mutex_unlock(&s->lock);
    if (db)
        return db;
    char err[256];
    db = db_connect(s->path, err, sizeof err);
    if (!db) {
        fprintf(stderr, "wijzer: %s\n", err);
        abort(); /* the first connection worked; losing the file is fatal */
    }
    return db;
}

void store_release(Store *s, Db *db)
{
    if (!db)
        return;
    if (!sqlite3_get_autocommit(db->conn))
        db_rollback(db); /* a handler returned mid-transaction */
    pthread_mutex_lock(&s->lock);
    if (s->n_idle < POOL_MAX) {
        s->idle[s->n_idle++] = db;
        db = NULL;
    }
    pthread_mutex_unlock(&s->lock);
    if (db)
        db_disconnect(db);
}

static int map_rc(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_OK: return DB_OK;
    case SQLITE_ROW: return DB_ROW;
    case SQLITE_DONE: return DB_DONE;
    case SQLITE_CONSTRAINT: return DB_CONSTRAINT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return DB_BUSY;
    default: return DB_ERROR;
    }
}

Stmt *db_stmt(Db *db, QueryId q)
{
    Stmt *st = &db->stmts[q];
    if (!st->st) {
        if (sqlite3_prepare_v3(db->conn, sqlite_queries[q], -1, SQLITE_PREPARE_PERSISTENT, &st->st, NULL)
            != SQLITE_OK) {
            /* Statements are fixed text checked by the test suite; a
             * failure here is a programming error. */
            fprintf(stderr, "wijzer: prepare %s: %s\n", query_name(q), sqlite3_errmsg(db->conn));
            abort();
        }
        st->db = db;
    }
    sqlite3_reset(st->st);
    sqlite3_clear_bindings(st->st);
    st->next_param = 1;
    return st;
}

void stmt_int(Stmt *st, int64_t v)
{
    sqlite3_bind_int64(st->st, st->next_param++, v);
}

void stmt_text(Stmt *st, const char *v)
{
    if (v)
        sqlite3_bind_text(st->st, st->next_param++, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st->st, st->next_param++);
}

void stmt_null(Stmt *st)
{
    sqlite3_bind_null(st->st, st->next_param++);
}

int stmt_step(Stmt *st)
{
    int rc = map_rc(sqlite3_step(st->st));
    if (rc < 0)
        fprintf(stderr, "wijzer: sqlite step: %s\n", sqlite3_errmsg(st->db->conn));
    return rc;
}

int stmt_run(Stmt *st)
{
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW)
        ;
    sqlite3_reset(st->st);
    return rc == DB_DONE ? DB_OK : rc;
}

void stmt_reset(Stmt *st)
{
    sqlite3_reset(st->st);
}

int64_t col_int(Stmt *st, int col)
{
    return sqlite3_column_int64(st->st, col);
}

const char *col_text(Stmt *st, int col)
{
    return (const char *)sqlite3_column_text(st->st, col);
}

int col_is_null(Stmt *st, int col)
{
    return sqlite3_column_type(st->st, col) == SQLITE_NULL;
}

int db_begin(Db *db)
{
    return db_exec(db, "BEGIN IMMEDIATE");
}

int db_commit(Db *db)
{
    return db_exec(db, "COMMIT");
}

void db_rollback(Db *db)
{
    sqlite3_exec(db->conn, "ROLLBACK", NULL, NULL, NULL);
}

int64_t db_changes(Db *db)
{
    return sqlite3_changes(db->conn);
}

const char *db_errmsg(Db *db)
{
    return sqlite3_errmsg(db->conn);
}

static int is_word_byte(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

const char *db_fulltext_query(Arena *a, const char *input)
{
    enum { MAX_WORDS = 12 };
    const char *words[MAX_WORDS];
    size_t lens[MAX_WORDS], n = 0;
    for (const char *p = input; p && *p && n < MAX_WORDS;) {
        while (*p && !is_word_byte((unsigned char)*p))
            p++;
        const char *start = p;
        while (*p && is_word_byte((unsigned char)*p))
            p++;
        if (p > start) {
            words[n] = start;
            lens[n++] = (size_t)(p - start);
        }
    }
    if (n == 0)
        return NULL;
    /* Every word is a quoted phrase (so no FTS5 operator can be smuggled
     * in); the last may still be half-typed, so it is a prefix query. The
     * tokenizer adds the stem of a prefix as a synonym, so "speeltuinen"*
     * still finds "speeltuin". */
    Buf b;
    buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        if (i)
            buf_putc(&b, ' ');
        buf_printf(&b, "\"%.*s\"%s", (int)lens[i], words[i], i + 1 == n ? "*" : "");
    }
    const char *q = arena_strdup(a, buf_cstr(&b));
    buf_free(&b);
    return q;
}

/* Migrations are the embedded files under migrations/sqlite/, applied in
 * name order, each once, each in its own transaction. */
static int migration_cmp(const void *x, const void *y)
{
    const EmbeddedFile *a = *(const EmbeddedFile *const *)x, *b = *(const EmbeddedFile *const *)y;
    return strcmp(a->name, b->name);
}

int store_migrate(Db *db, char *err, size_t errlen)
{
    static const char prefix[] = "migrations/sqlite/";
    if (db_exec(db, "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at INTEGER)")
        != DB_OK) {
        snprintf(err, errlen, "kan migratietabel niet maken: %s", db_errmsg(db));
        return DB_ERROR;
    }
    const EmbeddedFile *files[64];
    size_t n = 0;
    for (size_t i = 0; i < embedded_files_count && n < 64; i++)
        if (strncmp(embedded_files[i].name, prefix, sizeof prefix - 1) == 0)
            files[n++] = &embedded_files[i];
    qsort(files, n, sizeof *files, migration_cmp);
    int applied = 0;
    for (size_t i = 0; i < n; i++) {
        const char *version = files[i]->name + sizeof prefix - 1;
        sqlite3_stmt *q;
        sqlite3_prepare_v2(db->conn, "SELECT 1 FROM schema_migrations WHERE version = ?1", -1, &q, NULL);
        sqlite3_bind_text(q, 1, version, -1, SQLITE_STATIC);
        int done = sqlite3_step(q) == SQLITE_ROW;
        sqlite3_finalize(q);
        if (done)
            continue;
        if (db_begin(db) != DB_OK || db_exec(db, (const char *)files[i]->data) != DB_OK) {
            snprintf(err, errlen, "migratie %s mislukt: %s", version, db_errmsg(db));
            db_rollback(db);
            return DB_ERROR;
        }
        sqlite3_prepare_v2(db->conn, "INSERT INTO schema_migrations (version, applied_at) VALUES (?1, unixepoch())",
                           -1, &q, NULL);
        sqlite3_bind_text(q, 1, version, -1, SQLITE_STATIC);
        int rc = sqlite3_step(q);
        sqlite3_finalize(q);
        if (rc != SQLITE_DONE || db_commit(db) != DB_OK) {
            snprintf(err, errlen, "migratie %s niet vastgelegd: %s", version, db_errmsg(db));
            db_rollback(db);
            return DB_ERROR;
        }
        applied++;
    }
    return applied;
}
