/* The SQLite engine behind db.h (engine.h): connections in WAL mode, each
 * with its prepared statements cached by QueryId and the Dutch FTS5
 * tokenizer registered. Migrations come embedded in the binary. */
#include <pthread.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/arena.h"
#include "lib/buf.h"
#include "lib/embedded.h"
#include "store/engine.h"
#include "store/fts_dutch.h"
#include "store/sqlite_queries.h"

enum { BUSY_TIMEOUT_MS = 5000 };

typedef struct SqlStmt {
    Stmt base;
    sqlite3_stmt *st;
    int next_param;
} SqlStmt;

typedef struct SqlDb {
    Db base;
    sqlite3 *conn;
    SqlStmt stmts[Q_COUNT_];
    /* Reads outside db_begin share one transaction, opened by the first
     * read and closed by a write, db_begin or store_release: each
     * statement on its own would take and drop the file locks (several
     * fcntl calls) every time, which cost a quarter of a small request.
     * A request's reads also see one snapshot. */
    sqlite3_stmt *read_begin, *read_end, *data_version;
    int reading;
} SqlDb;

#define SDB(db) ((SqlDb *)(db))
#define SST(st) ((SqlStmt *)(st))

static int db_exec(SqlDb *db, const char *sql)
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

/* SQLite counts every allocation under one global mutex unless told not
 * to; with a thread per core that mutex was a tenth of a request. Has to
 * happen before SQLite starts (it is refused, harmlessly, after). */
static void configure_library(void)
{
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* After each commit (this replaces SQLite's own automatic checkpoint): from
 * 1000 pages in the write-ahead log a passive checkpoint, as SQLite does by
 * default. But the log only starts over when no reader is using it, and a
 * busy server always has one, so under load it grew by a gigabyte a
 * minute (and reads slowed down with it). Past WAL_RESTART_PAGES the
 * checkpoint waits a moment for the readers of the moment to finish and
 * starts the log over; new readers meanwhile read the database file. It
 * holds up writers while it waits, so it waits briefly and at most every
 * other second: a long reader (a big CSV export) just means a later try. */
enum { WAL_PASSIVE_PAGES = 1000, WAL_RESTART_PAGES = 8192, WAL_RESTART_WAIT_MS = 100 };

static int wal_hook(void *arg, sqlite3 *conn, const char *name, int pages)
{
    (void)arg;
    static _Atomic long last_restart;
    long now = (long)time(NULL), last = last_restart;
    if (pages >= WAL_RESTART_PAGES && now - last >= 2
        && atomic_compare_exchange_strong(&last_restart, &last, now)) {
        sqlite3_busy_timeout(conn, WAL_RESTART_WAIT_MS);
        sqlite3_wal_checkpoint_v2(conn, name, SQLITE_CHECKPOINT_RESTART, NULL, NULL);
        sqlite3_busy_timeout(conn, BUSY_TIMEOUT_MS);
    } else if (pages >= WAL_PASSIVE_PAGES) {
        sqlite3_wal_checkpoint_v2(conn, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    }
    return SQLITE_OK;
}

static Db *sq_connect(const char *path, char *err, size_t errlen)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, configure_library);
    sqlite3 *conn = NULL;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
    if (sqlite3_open_v2(path, &conn, flags, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "kan database %s niet openen: %s", path, conn ? sqlite3_errmsg(conn) : "geen geheugen");
        sqlite3_close(conn);
        return NULL;
    }
    SqlDb *db = xcalloc(1, sizeof *db);
    db->base.ops = &sqlite_engine;
    db->conn = conn;
    sqlite3_busy_timeout(conn, BUSY_TIMEOUT_MS);
    sqlite3_wal_hook(conn, wal_hook, NULL);
    if (db_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;") != DB_OK
        || fts_dutch_register(conn) != SQLITE_OK) {
        snprintf(err, errlen, "kan database %s niet instellen: %s", path, sqlite3_errmsg(conn));
        sqlite3_close(conn);
        free(db);
        return NULL;
    }
    return &db->base;
}

static void sq_disconnect(Db *d)
{
    SqlDb *db = SDB(d);
    sqlite3_finalize(db->read_begin);
    sqlite3_finalize(db->read_end);
    sqlite3_finalize(db->data_version);
    for (int i = 0; i < Q_COUNT_; i++)
        sqlite3_finalize(db->stmts[i].st);
    sqlite3_close(db->conn);
    free(db);
}

static int sq_lost(Db *db)
{
    (void)db; /* a file does not go away between statements */
    return 0;
}

static int sq_in_transaction(Db *db)
{
    return !sqlite3_get_autocommit(SDB(db)->conn);
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

static int sq_prepare(Db *d, QueryId q)
{
    SqlDb *db = SDB(d);
    SqlStmt *st = &db->stmts[q];
    if (st->st)
        return DB_OK;
    if (sqlite3_prepare_v3(db->conn, sqlite_queries[q], -1, SQLITE_PREPARE_PERSISTENT, &st->st, NULL) != SQLITE_OK)
        return DB_ERROR;
    st->base.db = d;
    return DB_OK;
}

static int run_fixed(SqlDb *db, sqlite3_stmt **st, const char *sql)
{
    if (!*st && sqlite3_prepare_v3(db->conn, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK)
        return DB_ERROR;
    int rc = sqlite3_step(*st);
    sqlite3_reset(*st);
    return rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}

/* Ends the shared read transaction, if one is open. */
static void read_done(SqlDb *db)
{
    if (db->reading && !sqlite3_get_autocommit(db->conn))
        run_fixed(db, &db->read_end, "COMMIT");
    db->reading = 0;
}

/* Before a statement runs outside db_begin: a read joins (or opens) the
 * shared read transaction; a write ends it and runs on its own. */
static void read_share(SqlDb *db, int readonly)
{
    if (!readonly)
        read_done(db);
    else if (!db->reading && sqlite3_get_autocommit(db->conn))
        db->reading = run_fixed(db, &db->read_begin, "BEGIN") == DB_OK;
}

static Stmt *sq_stmt(Db *d, QueryId q)
{
    if (sq_prepare(d, q) != DB_OK) {
        /* Statements are fixed text checked by the test suite; a failure
         * here is a programming error. */
        fprintf(stderr, "wijzer: prepare %s: %s\n", query_name(q), sqlite3_errmsg(SDB(d)->conn));
        abort();
    }
    SqlStmt *st = &SDB(d)->stmts[q];
    sqlite3_reset(st->st);
    read_share(SDB(d), sqlite3_stmt_readonly(st->st));
    sqlite3_clear_bindings(st->st);
    st->next_param = 1;
    return &st->base;
}

static void sq_bind_int(Stmt *s, int64_t v)
{
    SqlStmt *st = SST(s);
    sqlite3_bind_int64(st->st, st->next_param++, v);
}

static void sq_bind_text(Stmt *s, const char *v)
{
    SqlStmt *st = SST(s);
    if (v)
        sqlite3_bind_text(st->st, st->next_param++, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st->st, st->next_param++);
}

static void sq_bind_null(Stmt *s)
{
    SqlStmt *st = SST(s);
    sqlite3_bind_null(st->st, st->next_param++);
}

static void sq_bind_blob(Stmt *s, const void *data, size_t len)
{
    SqlStmt *st = SST(s);
    if (!data)
        sqlite3_bind_null(st->st, st->next_param++);
    else if (!len) /* bind_blob of 0 bytes may bind NULL */
        sqlite3_bind_zeroblob(st->st, st->next_param++, 0);
    else
        sqlite3_bind_blob64(st->st, st->next_param++, data, (sqlite3_uint64)len, SQLITE_TRANSIENT);
}

static int sq_step(Stmt *s)
{
    int rc = map_rc(sqlite3_step(SST(s)->st));
    if (rc < 0)
        fprintf(stderr, "wijzer: sqlite step: %s\n", sqlite3_errmsg(SDB(s->db)->conn));
    return rc;
}

static void sq_reset(Stmt *s)
{
    sqlite3_reset(SST(s)->st);
}

static int64_t sq_col_int(Stmt *s, int col)
{
    return sqlite3_column_int64(SST(s)->st, col);
}

static const char *sq_col_text(Stmt *s, int col)
{
    return (const char *)sqlite3_column_text(SST(s)->st, col);
}

static int sq_col_is_null(Stmt *s, int col)
{
    return sqlite3_column_type(SST(s)->st, col) == SQLITE_NULL;
}

static const void *sq_col_blob(Stmt *s, int col, size_t *len)
{
    sqlite3_stmt *st = SST(s)->st;
    *len = 0;
    if (sqlite3_column_type(st, col) == SQLITE_NULL)
        return NULL;
    const void *p = sqlite3_column_blob(st, col); /* NULL for 0 bytes */
    *len = (size_t)sqlite3_column_bytes(st, col);
    return p ? p : "";
}

static int sq_begin(Db *db)
{
    read_done(SDB(db));
    return db_exec(SDB(db), "BEGIN IMMEDIATE");
}

static int sq_commit(Db *db)
{
    if (SDB(db)->reading) {
        read_done(SDB(db));
        return DB_OK;
    }
    return db_exec(SDB(db), "COMMIT");
}

static void sq_rollback(Db *db)
{
    if (SDB(db)->reading) { /* only the shared read: end it without parsing SQL (once per request) */
        read_done(SDB(db));
        return;
    }
    sqlite3_exec(SDB(db)->conn, "ROLLBACK", NULL, NULL, NULL);
}

/* Changes when another connection commits; the watcher connection of
 * store_data_version never writes, so every commit counts. */
static int64_t sq_data_version(Db *d)
{
    SqlDb *db = SDB(d);
    if (!db->data_version
        && sqlite3_prepare_v3(db->conn, "PRAGMA data_version", -1, SQLITE_PREPARE_PERSISTENT, &db->data_version, NULL)
               != SQLITE_OK)
        return -1;
    int64_t v = sqlite3_step(db->data_version) == SQLITE_ROW ? sqlite3_column_int64(db->data_version, 0) : -1;
    sqlite3_reset(db->data_version);
    return v;
}

static int64_t sq_changes(Db *db)
{
    return sqlite3_changes(SDB(db)->conn);
}

static const char *sq_errmsg(Db *db)
{
    return sqlite3_errmsg(SDB(db)->conn);
}

static int is_word_byte(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Snowball's Dutch stop words (PostgreSQL's 'dutch' configuration drops
 * the same). In a query they match nearly every initiative, so each one
 * made a search walk a million positions ("jeu de boules": 50 ms); they
 * are left out unless the query has nothing else. */
static int is_stop_word(const char *w, size_t n)
{
    static const char *const stop[] = {
        "aan", "al", "alles", "als", "altijd", "andere", "ben", "bij", "daar", "dan", "dat", "de", "der", "deze",
        "die", "dit", "doch", "doen", "door", "dus", "een", "eens", "en", "er", "ge", "geen", "geweest", "haar",
        "had", "heb", "hebben", "heeft", "hem", "het", "hier", "hij", "hoe", "hun", "iemand", "iets", "ik", "in",
        "is", "ja", "je", "kan", "kon", "kunnen", "maar", "me", "meer", "men", "met", "mij", "mijn", "moet", "na",
        "naar", "niet", "niets", "nog", "nu", "of", "om", "omdat", "onder", "ons", "ook", "op", "over", "reeds",
        "te", "tegen", "toch", "toen", "tot", "u", "uit", "uw", "van", "veel", "voor", "want", "waren", "was",
        "wat", "werd", "wezen", "wie", "wil", "worden", "wordt", "zal", "ze", "zelf", "zich", "zij", "zijn", "zo",
        "zonder", "zou",
    };
    char low[8];
    if (n >= sizeof low)
        return 0;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] - 'A' + 'a' : w[i]);
    low[n] = 0;
    for (size_t i = 0; i < sizeof stop / sizeof *stop; i++)
        if (strcmp(low, stop[i]) == 0)
            return 1;
    return 0;
}

/* Leaves out the stop words, unless that would leave nothing. */
static size_t drop_stop_words(const char **words, size_t *lens, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!is_stop_word(words[i], lens[i])) {
            words[k] = words[i];
            lens[k++] = lens[i];
        }
    return k ? k : n;
}

static const char *fulltext_query(Arena *a, const char *input, int prefix)
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
    n = drop_stop_words(words, lens, n);
    /* Every word is a quoted phrase (so no FTS5 operator can be smuggled
     * in); the last may still be half-typed, so it is a prefix query. The
     * tokenizer adds the stem of a prefix as a synonym, so "speeltuinen"*
     * still finds "speeltuin". */
    Buf b;
    buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        if (i)
            buf_putc(&b, ' ');
        buf_printf(&b, "\"%.*s\"%s", (int)lens[i], words[i], prefix && i + 1 == n ? "*" : "");
    }
    const char *q = arena_strdup(a, buf_cstr(&b));
    buf_free(&b);
    return q;
}

static const char *sq_fulltext_query(Arena *a, const char *input)
{
    return fulltext_query(a, input, 1);
}

static const char *sq_fulltext_query_whole(Arena *a, const char *input)
{
    return fulltext_query(a, input, 0);
}

/* Migrations are the embedded files under migrations/sqlite/, applied in
 * name order, each once, each in its own transaction. */
static int migration_cmp(const void *x, const void *y)
{
    const EmbeddedFile *a = *(const EmbeddedFile *const *)x, *b = *(const EmbeddedFile *const *)y;
    return strcmp(a->name, b->name);
}

static int sq_migrate(Db *d, char *err, size_t errlen)
{
    SqlDb *db = SDB(d);
    static const char prefix[] = "migrations/sqlite/";
    if (db_exec(db, "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at INTEGER)")
        != DB_OK) {
        snprintf(err, errlen, "kan migratietabel niet maken: %s", sqlite3_errmsg(db->conn));
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
        if (db_exec(db, "BEGIN IMMEDIATE") != DB_OK || db_exec(db, (const char *)files[i]->data) != DB_OK) {
            snprintf(err, errlen, "migratie %s mislukt: %s", version, sqlite3_errmsg(db->conn));
            sq_rollback(d);
            return DB_ERROR;
        }
        sqlite3_prepare_v2(db->conn, "INSERT INTO schema_migrations (version, applied_at) VALUES (?1, unixepoch())",
                           -1, &q, NULL);
        sqlite3_bind_text(q, 1, version, -1, SQLITE_STATIC);
        int rc = sqlite3_step(q);
        sqlite3_finalize(q);
        if (rc != SQLITE_DONE || db_exec(db, "COMMIT") != DB_OK) {
            snprintf(err, errlen, "migratie %s niet vastgelegd: %s", version, sqlite3_errmsg(db->conn));
            sq_rollback(d);
            return DB_ERROR;
        }
        applied++;
    }
    return applied;
}

const EngineOps sqlite_engine = {
    .name = "sqlite",
    .connect = sq_connect,
    .disconnect = sq_disconnect,
    .lost = sq_lost,
    .in_transaction = sq_in_transaction,
    .migrate = sq_migrate,
    .prepare = sq_prepare,
    .stmt = sq_stmt,
    .bind_int = sq_bind_int,
    .bind_text = sq_bind_text,
    .bind_null = sq_bind_null,
    .bind_blob = sq_bind_blob,
    .step = sq_step,
    .reset = sq_reset,
    .col_int = sq_col_int,
    .col_text = sq_col_text,
    .col_is_null = sq_col_is_null,
    .col_blob = sq_col_blob,
    .begin = sq_begin,
    .commit = sq_commit,
    .rollback = sq_rollback,
    .data_version = sq_data_version,
    .changes = sq_changes,
    .errmsg = sq_errmsg,
    .fulltext_query = sq_fulltext_query,
    .fulltext_query_whole = sq_fulltext_query_whole,
};
