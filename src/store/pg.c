/* The PostgreSQL engine behind db.h (engine.h), through libpq. Each
 * connection prepares a statement (named q<N>) the first time it runs it,
 * except the few planned for each run's parameters, which go unprepared
 * (pg_query_plan_each_time in pg_queries.c);
 * parameters go as text and the server infers their types from the SQL;
 * binary data (BYTEA) goes as hex text (\x…) and comes back as hex text,
 * decoded on reading.
 * Results are read whole, so statements can be nested as with SQLite.
 *
 * A connection that breaks (server stopped or restarted) reports db_lost;
 * the pool drops it and opens a new one on the next acquire. A statement
 * that fails because an idle pooled connection went stale is run again on
 * a fresh connection, once, when it was the first statement since the
 * connection left the pool and no transaction was open. */
#include <libpq-fe.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/arena.h"
#include "lib/buf.h"
#include "lib/embedded.h"
#include "store/engine.h"
#include "store/fts_dutch.h"

enum { MAX_PARAMS = 32, MAX_BLOB_COLS = 4 };

typedef struct PgStmt {
    Stmt base;
    QueryId q;
    int n;                       /* parameters bound so far */
    const char *vals[MAX_PARAMS]; /* NULL sends SQL NULL */
    char *owned[MAX_PARAMS];      /* our copies of text values */
    char ints[MAX_PARAMS][24];
    PGresult *res;
    int executed;
    int row, nrows;              /* row: the current row + 1 */
    struct {                     /* decoded BYTEA cells of the current row */
        int col;
        unsigned char *data;     /* PQunescapeBytea's; PQfreemem */
        size_t len;
    } blobs[MAX_BLOB_COLS];
    int n_blobs;
} PgStmt;

typedef struct PgDb {
    Db base;
    PGconn *conn;
    int64_t changes;
    char err[512];
    unsigned char prepared[Q_COUNT_];
    PgStmt *stmts[Q_COUNT_];
    int bulk; /* in libpq's pipeline mode (db_bulk) */
} PgDb;

#define PDB(db) ((PgDb *)(db))
#define PST(st) ((PgStmt *)(st))

static void quiet_notices(void *arg, const char *message)
{
    /* NOTICEs such as "text-search query contains only stop words" are
     * normal answers here, not something for the log. */
    (void)arg;
    (void)message;
}

/* The longest a statement may run, unless the URL says otherwise
 * (?options=-c%20statement_timeout%3D5s): a runaway query then fails with
 * DB_BUSY (a 503 that asks to come back) instead of holding a worker and
 * its connection for good. */
#define STATEMENT_TIMEOUT "30s"

/* The server options for a connection: those of the URL (or PGOPTIONS),
 * with our statement_timeout added unless they set one. NULL when the URL
 * cannot be read (connecting then says why). Free with free(). */
static char *server_options(const char *url)
{
    char *perr = NULL;
    PQconninfoOption *opts = PQconninfoParse(url, &perr);
    if (!opts) {
        PQfreemem(perr);
        return NULL;
    }
    const char *given = NULL;
    for (PQconninfoOption *o = opts; o->keyword; o++)
        if (strcmp(o->keyword, "options") == 0)
            given = o->val;
    if (!given)
        given = getenv("PGOPTIONS");
    Buf b;
    buf_init(&b);
    if (given)
        buf_puts(&b, given);
    if (!given || !strstr(given, "statement_timeout"))
        buf_printf(&b, "%s-c statement_timeout=" STATEMENT_TIMEOUT, b.len ? " " : "");
    char *out = xstrdup(buf_cstr(&b));
    buf_free(&b);
    PQconninfoFree(opts);
    return out;
}

static PGconn *pg_open(const char *url, char *err, size_t errlen)
{
    /* Defaults first: what the URL says overrides them. The options come
     * after it, the URL's own included (server_options). */
    char *options = server_options(url);
    const char *keys[] = { "connect_timeout", "client_encoding", "fallback_application_name", "dbname",
                           options ? "options" : NULL, NULL };
    const char *vals[] = { "5", "UTF8", "wijzer", url, options, NULL };
    PGconn *conn = PQconnectdbParams(keys, vals, 1);
    free(options);
    if (!conn) {
        snprintf(err, errlen, "kan PostgreSQL niet bereiken: geen geheugen");
        return NULL;
    }
    if (PQstatus(conn) != CONNECTION_OK) {
        const char *msg = PQerrorMessage(conn);
        size_t n = strlen(msg);
        while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
            n--;
        snprintf(err, errlen, "kan PostgreSQL niet bereiken: %.*s", (int)n, msg);
        PQfinish(conn);
        return NULL;
    }
    PQsetNoticeProcessor(conn, quiet_notices, NULL);
    return conn;
}

static Db *pg_connect(const char *url, char *err, size_t errlen)
{
    PGconn *conn = pg_open(url, err, errlen);
    if (!conn)
        return NULL;
    PgDb *db = xcalloc(1, sizeof *db);
    db->base.ops = &pg_engine;
    db->conn = conn;
    return &db->base;
}

static void stmt_clear_params(PgStmt *st)
{
    for (int i = 0; i < st->n; i++) {
        free(st->owned[i]);
        st->owned[i] = NULL;
        st->vals[i] = NULL;
    }
    st->n = 0;
}

static void blobs_free(PgStmt *st)
{
    for (int i = 0; i < st->n_blobs; i++)
        PQfreemem(st->blobs[i].data);
    st->n_blobs = 0;
}

static void pg_reset(Stmt *s)
{
    PgStmt *st = PST(s);
    blobs_free(st);
    PQclear(st->res);
    st->res = NULL;
    st->executed = 0;
    st->row = st->nrows = 0;
}

static void pg_disconnect(Db *d)
{
    PgDb *db = PDB(d);
    for (int i = 0; i < Q_COUNT_; i++) {
        if (!db->stmts[i])
            continue;
        pg_reset(&db->stmts[i]->base);
        stmt_clear_params(db->stmts[i]);
        free(db->stmts[i]);
    }
    PQfinish(db->conn);
    free(db);
}

static int pg_lost(Db *db)
{
    return PQstatus(PDB(db)->conn) != CONNECTION_OK;
}

static int pg_in_transaction(Db *db)
{
    PGTransactionStatusType t = PQtransactionStatus(PDB(db)->conn);
    return t == PQTRANS_INTRANS || t == PQTRANS_INERROR || t == PQTRANS_ACTIVE;
}

static void set_err(PgDb *db, const char *msg)
{
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        n--;
    snprintf(db->err, sizeof db->err, "%.*s", (int)n, msg);
}

/* Maps a finished command to db.h's codes and keeps the error text. */
static int result_rc(PgDb *db, PGresult *res)
{
    ExecStatusType status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return DB_OK;
    set_err(db, res ? PQresultErrorMessage(res) : PQerrorMessage(db->conn));
    if (!res || !*db->err)
        set_err(db, PQerrorMessage(db->conn));
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    if (!state || PQstatus(db->conn) != CONNECTION_OK)
        return DB_ERROR;
    if (strncmp(state, "23", 2) == 0) /* integrity constraint violation */
        return DB_CONSTRAINT;
    /* serialization failure, deadlock, lock not available, and a statement
     * cancelled (statement_timeout) */
    if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 || strcmp(state, "55P03") == 0
        || strcmp(state, "57014") == 0)
        return DB_BUSY;
    return DB_ERROR;
}

static int exec_sql(PgDb *db, const char *sql, const char *expect_tag)
{
    PGresult *res = PQexec(db->conn, sql);
    int rc = result_rc(db, res);
    /* COMMIT of a failed transaction "succeeds" as ROLLBACK. */
    if (rc == DB_OK && expect_tag && strcmp(PQcmdStatus(res), expect_tag) != 0) {
        snprintf(db->err, sizeof db->err, "transactie teruggedraaid (%s)", PQcmdStatus(res));
        rc = DB_ERROR;
    }
    if (rc < 0 && rc != DB_CONSTRAINT)
        fprintf(stderr, "wijzer: postgresql: %s\n", db->err);
    PQclear(res);
    return rc;
}

static int pg_prepare(Db *d, QueryId q)
{
    PgDb *db = PDB(d);
    if (db->prepared[q])
        return DB_OK;
    char name[16];
    snprintf(name, sizeof name, "q%d", (int)q);
    PGresult *res = PQprepare(db->conn, name, pg_query_text(q), 0, NULL);
    int rc = result_rc(db, res);
    PQclear(res);
    if (rc == DB_OK)
        db->prepared[q] = 1;
    return rc;
}

static Stmt *pg_stmt(Db *d, QueryId q)
{
    PgDb *db = PDB(d);
    PgStmt *st = db->stmts[q];
    if (!st) {
        st = db->stmts[q] = xcalloc(1, sizeof *st);
        st->base.db = d;
        st->q = q;
    }
    pg_reset(&st->base);
    stmt_clear_params(st);
    return &st->base;
}

static const char **next_param(PgStmt *st)
{
    if (st->n >= MAX_PARAMS) {
        fprintf(stderr, "wijzer: %s: more than %d parameters\n", query_name(st->q), MAX_PARAMS);
        abort();
    }
    return &st->vals[st->n++];
}

static void pg_bind_int(Stmt *s, int64_t v)
{
    PgStmt *st = PST(s);
    const char **slot = next_param(st);
    char *buf = st->ints[slot - st->vals];
    snprintf(buf, sizeof st->ints[0], "%" PRId64, v);
    *slot = buf;
}

static void pg_bind_text(Stmt *s, const char *v)
{
    PgStmt *st = PST(s);
    const char **slot = next_param(st);
    if (v)
        *slot = st->owned[slot - st->vals] = xstrdup(v); /* the caller's string may not outlive the call */
}

static void pg_bind_null(Stmt *s)
{
    *next_param(PST(s)) = NULL;
}

/* BYTEA's hex input format: \x and two hex digits a byte. */
static void pg_bind_blob(Stmt *s, const void *data, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    PgStmt *st = PST(s);
    const char **slot = next_param(st);
    if (!data)
        return;
    const unsigned char *p = data;
    char *t = xmalloc(2 * len + 3);
    t[0] = '\\';
    t[1] = 'x';
    for (size_t i = 0; i < len; i++) {
        t[2 + 2 * i] = hex[p[i] >> 4];
        t[3 + 2 * i] = hex[p[i] & 15];
    }
    t[2 * len + 2] = 0;
    *slot = st->owned[slot - st->vals] = t;
}

/* Bulk loading (db_bulk): in libpq's pipeline mode, statements that
 * return no rows are sent without waiting for their answers. The next
 * statement that returns rows, or the end of the transaction, waits for
 * all of them and reports the first error (the transaction then fails
 * as a whole). For `init --scale`, where one round trip per statement
 * left the server idle most of the time. */
static int returns_rows(QueryId q)
{
    static signed char known[Q_COUNT_]; /* 0: not looked at, 1: no, 2: yes */
    if (!known[q]) {
        const char *sql = pg_query_text(q);
        while (*sql == ' ' || *sql == '\n' || *sql == '(')
            sql++;
        known[q] = strncmp(sql, "SELECT", 6) == 0 || strncmp(sql, "WITH", 4) == 0 || strstr(sql, "RETURNING") ? 2 : 1;
    }
    return known[q] == 2;
}

/* Ends the pipeline's batch and reads every answer in it; keeps the last
 * one in *last (when given). DB_OK or the first error. */
static int pipeline_sync(PgDb *db, PGresult **last)
{
    if (PQpipelineSync(db->conn) != 1) {
        set_err(db, PQerrorMessage(db->conn));
        return DB_ERROR;
    }
    int rc = DB_OK, nulls = 0;
    for (;;) {
        PGresult *res = PQgetResult(db->conn);
        if (!res) { /* the end of one statement's answers */
            if (++nulls > 2 && PQstatus(db->conn) != CONNECTION_OK)
                return DB_ERROR;
            continue;
        }
        nulls = 0;
        ExecStatusType status = PQresultStatus(res);
        if (status == PGRES_PIPELINE_SYNC) {
            PQclear(res);
            return rc;
        }
        if (status != PGRES_PIPELINE_ABORTED) {
            int r = result_rc(db, res);
            if (r != DB_OK && rc == DB_OK)
                rc = r;
        }
        if (last) {
            PQclear(*last);
            *last = res;
        } else {
            PQclear(res);
        }
    }
}

static int execute_pipelined(PgDb *db, PgStmt *st, const char *name)
{
    int each = pg_query_plan_each_time(st->q);
    if (!each && !db->prepared[st->q]) {
        if (PQsendPrepare(db->conn, name, pg_query_text(st->q), 0, NULL) != 1)
            goto fail;
        db->prepared[st->q] = 1; /* should it fail, so does the load */
    }
    int sent = each ? PQsendQueryParams(db->conn, pg_query_text(st->q), st->n, NULL, st->vals, NULL, NULL, 0)
                    : PQsendQueryPrepared(db->conn, name, st->n, st->vals, NULL, NULL, 0);
    if (sent != 1)
        goto fail;
    db->changes = 1;
    if (!returns_rows(st->q))
        return DB_OK;
    int rc = pipeline_sync(db, &st->res);
    if (rc != DB_OK) {
        PQclear(st->res);
        st->res = NULL;
        return rc;
    }
    st->nrows = st->res && PQresultStatus(st->res) == PGRES_TUPLES_OK ? PQntuples(st->res) : 0;
    return DB_OK;
fail:
    set_err(db, PQerrorMessage(db->conn));
    return DB_ERROR;
}

static int execute(PgDb *db, PgStmt *st)
{
    if (db->bulk) {
        char name[16];
        snprintf(name, sizeof name, "q%d", (int)st->q);
        return execute_pipelined(db, st, name);
    }
    int rc;
    if (pg_query_plan_each_time(st->q)) {
        st->res = PQexecParams(db->conn, pg_query_text(st->q), st->n, NULL, st->vals, NULL, NULL, 0);
    } else {
        rc = pg_prepare(&db->base, st->q);
        if (rc != DB_OK)
            return rc;
        char name[16];
        snprintf(name, sizeof name, "q%d", (int)st->q);
        st->res = PQexecPrepared(db->conn, name, st->n, st->vals, NULL, NULL, 0);
    }
    rc = result_rc(db, st->res);
    if (rc != DB_OK) {
        PQclear(st->res);
        st->res = NULL;
        return rc;
    }
    const char *tuples = PQcmdTuples(st->res);
    db->changes = *tuples ? strtoll(tuples, NULL, 10) : 0;
    st->nrows = PQresultStatus(st->res) == PGRES_TUPLES_OK ? PQntuples(st->res) : 0;
    return DB_OK;
}

/* The server closed an idle pooled connection (it restarted, or an admin
 * ended it): reconnect, forgetting what the old session had prepared. */
static int reconnect(PgDb *db)
{
    PQreset(db->conn);
    if (PQstatus(db->conn) != CONNECTION_OK)
        return 0;
    PQsetNoticeProcessor(db->conn, quiet_notices, NULL);
    memset(db->prepared, 0, sizeof db->prepared);
    return 1;
}

static int pg_step(Stmt *s)
{
    PgStmt *st = PST(s);
    PgDb *db = PDB(s->db);
    if (!st->executed) {
        st->executed = 1;
        int first = db->base.used++ == 0;
        int rc = execute(db, st);
        if (rc == DB_ERROR && first && PQstatus(db->conn) != CONNECTION_OK && reconnect(db))
            rc = execute(db, st);
        if (rc < 0) {
            if (rc != DB_CONSTRAINT)
                fprintf(stderr, "wijzer: postgresql %s: %s\n", query_name(st->q), db->err);
            return rc;
        }
    }
    blobs_free(st);
    if (st->row < st->nrows) {
        st->row++;
        return DB_ROW;
    }
    /* Read to the end: a big result (an export) need not stay in memory
     * until this statement runs again. */
    PQclear(st->res);
    st->res = NULL;
    st->row = st->nrows = 0;
    return DB_DONE;
}

static const char *cell(PgStmt *st, int col)
{
    if (!st->res || st->row < 1 || st->row > st->nrows || col < 0 || col >= PQnfields(st->res)
        || PQgetisnull(st->res, st->row - 1, col))
        return NULL;
    return PQgetvalue(st->res, st->row - 1, col);
}

static int64_t pg_col_int(Stmt *s, int col)
{
    const char *v = cell(PST(s), col);
    if (!v)
        return 0;
    if (v[0] == 't' && !v[1]) /* boolean, as SQLite would give it */
        return 1;
    return strtoll(v, NULL, 10);
}

static const char *pg_col_text(Stmt *s, int col)
{
    return cell(PST(s), col);
}

static int pg_col_is_null(Stmt *s, int col)
{
    return cell(PST(s), col) == NULL;
}

/* The server sends BYTEA as text (hex, or the old escape format when
 * bytea_output says so): PQunescapeBytea reads both. */
static const void *pg_col_blob(Stmt *s, int col, size_t *len)
{
    PgStmt *st = PST(s);
    *len = 0;
    for (int i = 0; i < st->n_blobs; i++)
        if (st->blobs[i].col == col) {
            *len = st->blobs[i].len;
            return st->blobs[i].data;
        }
    const char *v = cell(st, col);
    if (!v)
        return NULL;
    size_t n = 0;
    unsigned char *data = st->n_blobs < MAX_BLOB_COLS ? PQunescapeBytea((const unsigned char *)v, &n) : NULL;
    if (!data) {
        fprintf(stderr, "wijzer: postgresql %s: cannot read binary column %d\n", query_name(st->q), col);
        abort(); /* out of memory, or more binary columns than MAX_BLOB_COLS: a programming error */
    }
    st->blobs[st->n_blobs].col = col;
    st->blobs[st->n_blobs].data = data;
    st->blobs[st->n_blobs++].len = n;
    *len = n;
    return data;
}

/* READ COMMITTED: the statements that must not race carry their own
 * guard (an UPDATE … WHERE state = ?, a unique key), and PostgreSQL locks
 * the rows a transaction updates until it ends. */
/* Waits for what the pipeline still has on its way and leaves pipeline
 * mode, for the statements that libpq runs only outside it. */
static int pipeline_pause(PgDb *db)
{
    if (!db->bulk)
        return DB_OK;
    int rc = pipeline_sync(db, NULL);
    PQexitPipelineMode(db->conn);
    return rc;
}

static void pipeline_resume(PgDb *db)
{
    if (db->bulk)
        PQenterPipelineMode(db->conn);
}

static int pg_bulk(Db *d, int on)
{
    PgDb *db = PDB(d);
    if (!on == !db->bulk)
        return DB_OK;
    if (on) {
        db->bulk = 1;
        pipeline_resume(db);
        return DB_OK;
    }
    int rc = pipeline_pause(db);
    db->bulk = 0;
    return rc;
}

static int pg_begin(Db *d)
{
    PgDb *db = PDB(d);
    if (db->bulk) {
        int rc = pipeline_pause(db);
        if (rc == DB_OK)
            rc = exec_sql(db, "BEGIN", NULL);
        pipeline_resume(db);
        return rc;
    }
    int first = d->used++ == 0;
    int rc = exec_sql(db, "BEGIN", NULL);
    if (rc == DB_ERROR && first && PQstatus(db->conn) != CONNECTION_OK && reconnect(db))
        rc = exec_sql(db, "BEGIN", NULL);
    return rc;
}

static int pg_commit(Db *d)
{
    PgDb *db = PDB(d);
    int rc = pipeline_pause(db);
    if (rc == DB_OK)
        rc = exec_sql(db, "COMMIT", "COMMIT");
    pipeline_resume(db);
    return rc;
}

static void pg_rollback(Db *d)
{
    PgDb *db = PDB(d);
    if (PQstatus(db->conn) != CONNECTION_OK)
        return;
    pipeline_pause(db);
    PGresult *res = PQexec(db->conn, "ROLLBACK");
    PQclear(res);
    pipeline_resume(db);
}

static int64_t pg_changes(Db *db)
{
    return PDB(db)->changes;
}

static const char *pg_errmsg(Db *d)
{
    PgDb *db = PDB(d);
    return *db->err ? db->err : PQerrorMessage(db->conn);
}

/* to_tsquery syntax from what a person typed: each word a quoted term
 * joined with &, the last one a prefix (:*). Words are runs of letters
 * and digits (fts_dutch_next_word, the same words the SQLite engine
 * sees), so no quote, backslash or operator of the query syntax can get
 * in. The dutch configuration stems the terms, so "speeltuinen" finds
 * "speeltuin". */
static const char *fulltext_query(Arena *a, const char *input, int prefix)
{
    enum { MAX_WORDS = 12 };
    if (!input)
        return NULL;
    size_t len = strlen(input), pos = 0, start, end;
    int n = 0;
    Buf b;
    buf_init(&b);
    while (n < MAX_WORDS && fts_dutch_next_word(input, len, &pos, &start, &end)) {
        if (end - start > FTS_DUTCH_TOKEN_MAX)
            end = start + FTS_DUTCH_TOKEN_MAX;
        while (end > start && ((unsigned char)input[end] & 0xC0) == 0x80 && end < len)
            end--; /* never cut inside a character */
        if (end == start)
            continue;
        buf_printf(&b, "%s'%.*s'", n ? " & " : "", (int)(end - start), input + start);
        n++;
    }
    if (n == 0) {
        buf_free(&b);
        return NULL;
    }
    if (prefix)
        buf_puts(&b, ":*");
    const char *q = arena_strdup(a, buf_cstr(&b));
    buf_free(&b);
    return q;
}

static const char *pg_fulltext_query(Arena *a, const char *input)
{
    return fulltext_query(a, input, 1);
}

static const char *pg_fulltext_query_whole(Arena *a, const char *input)
{
    return fulltext_query(a, input, 0);
}

/* Migrations are the embedded files under migrations/pg/, applied in name
 * order, each once, each in its own transaction. An advisory lock held by
 * that transaction makes a second process that starts at the same time
 * wait, then see the migration done. */
static int migration_cmp(const void *x, const void *y)
{
    const EmbeddedFile *a = *(const EmbeddedFile *const *)x, *b = *(const EmbeddedFile *const *)y;
    return strcmp(a->name, b->name);
}

static int migration_done(PgDb *db, const char *version, int *done)
{
    const char *vals[1] = { version };
    PGresult *res = PQexecParams(db->conn, "SELECT 1 FROM schema_migrations WHERE version = $1", 1, NULL, vals,
                                 NULL, NULL, 0);
    int rc = result_rc(db, res);
    *done = rc == DB_OK && PQntuples(res) > 0;
    PQclear(res);
    return rc;
}

static int pg_migrate(Db *d, char *err, size_t errlen)
{
    static const char prefix[] = "migrations/pg/";
    /* Any fixed number will do, as long as it is ours. No time limit: a
     * migration may rebuild an index of a big table, and a second process
     * waits here for the first. */
    static const char lock_sql[] = "SET LOCAL statement_timeout = 0; SELECT pg_advisory_xact_lock(7702417)";
    PgDb *db = PDB(d);
    d->used++;
    const EmbeddedFile *files[64];
    size_t n = 0;
    for (size_t i = 0; i < embedded_files_count && n < 64; i++)
        if (strncmp(embedded_files[i].name, prefix, sizeof prefix - 1) == 0)
            files[n++] = &embedded_files[i];
    qsort(files, n, sizeof *files, migration_cmp);
    if (exec_sql(db, "BEGIN", NULL) != DB_OK || exec_sql(db, lock_sql, NULL) != DB_OK
        || exec_sql(db, "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at BIGINT)",
                    NULL) != DB_OK
        || exec_sql(db, "COMMIT", "COMMIT") != DB_OK) {
        snprintf(err, errlen, "kan migratietabel niet maken: %s", db->err);
        pg_rollback(d);
        return DB_ERROR;
    }
    int applied = 0;
    for (size_t i = 0; i < n; i++) {
        const char *version = files[i]->name + sizeof prefix - 1;
        int done = 0;
        if (exec_sql(db, "BEGIN", NULL) != DB_OK || exec_sql(db, lock_sql, NULL) != DB_OK
            || migration_done(db, version, &done) != DB_OK) {
            snprintf(err, errlen, "migratie %s mislukt: %s", version, db->err);
            pg_rollback(d);
            return DB_ERROR;
        }
        if (done) {
            pg_rollback(d);
            continue;
        }
        const char *vals[1] = { version };
        PGresult *res = NULL;
        if (exec_sql(db, (const char *)files[i]->data, NULL) != DB_OK
            || result_rc(db, res = PQexecParams(db->conn,
                                                "INSERT INTO schema_migrations (version, applied_at)"
                                                " VALUES ($1, extract(epoch FROM now())::bigint)",
                                                1, NULL, vals, NULL, NULL, 0))
                   != DB_OK
            || exec_sql(db, "COMMIT", "COMMIT") != DB_OK) {
            PQclear(res);
            snprintf(err, errlen, "migratie %s mislukt: %s", version, db->err);
            pg_rollback(d);
            return DB_ERROR;
        }
        PQclear(res);
        applied++;
    }
    return applied;
}

const EngineOps pg_engine = {
    .name = "postgresql",
    .connect = pg_connect,
    .disconnect = pg_disconnect,
    .lost = pg_lost,
    .in_transaction = pg_in_transaction,
    .migrate = pg_migrate,
    .prepare = pg_prepare,
    .stmt = pg_stmt,
    .bind_int = pg_bind_int,
    .bind_text = pg_bind_text,
    .bind_null = pg_bind_null,
    .bind_blob = pg_bind_blob,
    .step = pg_step,
    .reset = pg_reset,
    .col_int = pg_col_int,
    .col_text = pg_col_text,
    .col_is_null = pg_col_is_null,
    .col_blob = pg_col_blob,
    .begin = pg_begin,
    .commit = pg_commit,
    .rollback = pg_rollback,
    .bulk = pg_bulk,
    .changes = pg_changes,
    .errmsg = pg_errmsg,
    .fulltext_query = pg_fulltext_query,
    .fulltext_query_whole = pg_fulltext_query_whole,
};
