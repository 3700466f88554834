/* The engine-neutral half of db.h: a Store holds its engine's operations
 * and a pool of that engine's connections; every other db.h call goes to
 * the engine of the handle it is given (engine.h). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/arena.h"
#include "store/engine.h"

enum { POOL_MAX = 64, LANES = 8 };

/* A thread's own place in the store (threads take lanes in turn; with
 * more threads than lanes they share them): the connection it gave back
 * last and its data-version watcher. Every request takes and gives back a
 * connection and reads the data version; on one shared lock the server's
 * threads queued for each other (futex calls, three per request). */
typedef struct Lane {
    pthread_mutex_t lock;
    Db *idle;
    Db *watcher; /* store_data_version: a connection that never writes */
} Lane;

struct Store {
    const EngineOps *ops;
    char *url;
    pthread_mutex_t lock;
    Db *idle[POOL_MAX];
    int n_idle;
    time_t last_complaint; /* so an unreachable server is logged once per few seconds, not per request */
    Lane lanes[LANES];
};

static _Thread_local int lane_no = -1;
static int lanes_given;

static Lane *my_lane(Store *s)
{
    if (lane_no < 0)
        lane_no = __atomic_fetch_add(&lanes_given, 1, __ATOMIC_RELAXED) % LANES;
    return &s->lanes[lane_no];
}

#define QUERY_NAME(name) #name,
static const char *const query_names[] = { WIJZER_QUERIES(QUERY_NAME) };
#undef QUERY_NAME

const char *query_name(QueryId q)
{
    return q < Q_COUNT_ ? query_names[q] : "?";
}

const EngineOps *engine_for_url(const char *url)
{
    if (strncmp(url, "postgres://", 11) == 0 || strncmp(url, "postgresql://", 13) == 0)
        return &pg_engine;
    return &sqlite_engine;
}

int store_open(const char *url, Store **out, char *err, size_t errlen)
{
    const EngineOps *ops = engine_for_url(url);
    Db *first = ops->connect(url, err, errlen);
    if (!first)
        return DB_ERROR;
    Store *s = xcalloc(1, sizeof *s);
    s->ops = ops;
    s->url = xstrdup(url);
    pthread_mutex_init(&s->lock, NULL);
    for (int i = 0; i < LANES; i++)
        pthread_mutex_init(&s->lanes[i].lock, NULL);
    s->idle[s->n_idle++] = first;
    *out = s;
    return DB_OK;
}

void store_close(Store *s)
{
    if (!s)
        return;
    for (int i = 0; i < s->n_idle; i++)
        s->ops->disconnect(s->idle[i]);
    for (int i = 0; i < LANES; i++) {
        if (s->lanes[i].idle)
            s->ops->disconnect(s->lanes[i].idle);
        if (s->lanes[i].watcher)
            s->ops->disconnect(s->lanes[i].watcher);
        pthread_mutex_destroy(&s->lanes[i].lock);
    }
    pthread_mutex_destroy(&s->lock);
    free(s->url);
    free(s);
}

int64_t store_data_version(Store *s)
{
    if (!s->ops->data_version)
        return -1;
    int64_t v = -1;
    Lane *l = my_lane(s);
    pthread_mutex_lock(&l->lock);
    if (!l->watcher) {
        char err[256];
        l->watcher = s->ops->connect(s->url, err, sizeof err);
    }
    if (l->watcher)
        v = s->ops->data_version(l->watcher);
    pthread_mutex_unlock(&l->lock);
    return v;
}

const char *store_engine(const Store *s)
{
    return s->ops->name;
}

static Db *pool_take(Store *s)
{
    Lane *l = my_lane(s);
    pthread_mutex_lock(&l->lock);
    Db *mine = l->idle;
    l->idle = NULL;
    pthread_mutex_unlock(&l->lock);
    if (mine)
        return mine;
    pthread_mutex_lock(&s->lock);
    Db *db = s->n_idle ? s->idle[--s->n_idle] : NULL;
    pthread_mutex_unlock(&s->lock);
    return db;
}

Db *store_acquire(Store *s)
{
    Db *db;
    while ((db = pool_take(s)) && db->ops->lost(db))
        db->ops->disconnect(db);
    if (!db) {
        char err[512];
        db = s->ops->connect(s->url, err, sizeof err);
        if (!db) {
            time_t now = time(NULL);
            pthread_mutex_lock(&s->lock);
            int say = now - s->last_complaint >= 5;
            if (say)
                s->last_complaint = now;
            pthread_mutex_unlock(&s->lock);
            if (say)
                fprintf(stderr, "wijzer: %s\n", err);
            return NULL;
        }
    }
    db->used = 0;
    db->busy = 0;
    return db;
}

void store_release(Store *s, Db *db)
{
    if (!db)
        return;
    if (!db->ops->lost(db) && db->ops->in_transaction(db))
        db->ops->rollback(db); /* a handler returned mid-transaction */
    if (!db->ops->lost(db)) {
        Lane *l = my_lane(s);
        pthread_mutex_lock(&l->lock);
        int kept = !l->idle;
        if (kept)
            l->idle = db;
        pthread_mutex_unlock(&l->lock);
        if (kept)
            return;
    }
    Db *drop[POOL_MAX + LANES + 1];
    int n_drop = 0;
    if (db->ops->lost(db)) {
        /* The server went away: the idle connections were made to the
         * same server and are most likely dead too. */
        for (int i = 0; i < LANES; i++) {
            pthread_mutex_lock(&s->lanes[i].lock);
            if (s->lanes[i].idle)
                drop[n_drop++] = s->lanes[i].idle;
            s->lanes[i].idle = NULL;
            pthread_mutex_unlock(&s->lanes[i].lock);
        }
    }
    pthread_mutex_lock(&s->lock);
    if (db->ops->lost(db)) {
        drop[n_drop++] = db;
        while (s->n_idle)
            drop[n_drop++] = s->idle[--s->n_idle];
    } else if (s->n_idle < POOL_MAX) {
        s->idle[s->n_idle++] = db;
    } else {
        drop[n_drop++] = db;
    }
    pthread_mutex_unlock(&s->lock);
    for (int i = 0; i < n_drop; i++)
        drop[i]->ops->disconnect(drop[i]);
}

int store_migrate(Db *db, char *err, size_t errlen)
{
    return db->ops->migrate(db, err, errlen);
}

Stmt *db_stmt(Db *db, QueryId q)
{
    return db->ops->stmt(db, q);
}

void stmt_int(Stmt *st, int64_t v)
{
    st->db->ops->bind_int(st, v);
}

void stmt_text(Stmt *st, const char *v)
{
    st->db->ops->bind_text(st, v);
}

void stmt_null(Stmt *st)
{
    st->db->ops->bind_null(st);
}

void stmt_blob(Stmt *st, const void *data, size_t len)
{
    st->db->ops->bind_blob(st, data, len);
}

/* Remembers a DB_BUSY for db_busy, whatever the caller makes of it. */
static int note(Db *db, int rc)
{
    if (rc == DB_BUSY)
        db->busy = 1;
    return rc;
}

int stmt_step(Stmt *st)
{
    return note(st->db, st->db->ops->step(st));
}

int stmt_run(Stmt *st)
{
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW)
        ;
    stmt_reset(st);
    return rc == DB_DONE ? DB_OK : rc;
}

int stmt_run_id(Stmt *st, int64_t *id)
{
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        if (id)
            *id = col_int(st, 0);
        rc = DB_OK;
    }
    stmt_reset(st);
    return rc;
}

void stmt_reset(Stmt *st)
{
    st->db->ops->reset(st);
}

int64_t col_int(Stmt *st, int col)
{
    return st->db->ops->col_int(st, col);
}

const char *col_text(Stmt *st, int col)
{
    return st->db->ops->col_text(st, col);
}

int col_is_null(Stmt *st, int col)
{
    return st->db->ops->col_is_null(st, col);
}

const void *col_blob(Stmt *st, int col, size_t *len)
{
    return st->db->ops->col_blob(st, col, len);
}

int db_begin(Db *db)
{
    return note(db, db->ops->begin(db));
}

int db_commit(Db *db)
{
    return note(db, db->ops->commit(db));
}

void db_rollback(Db *db)
{
    db->ops->rollback(db);
}

int db_bulk(Db *db, int on)
{
    return db->ops->bulk ? db->ops->bulk(db, on) : DB_OK;
}

int64_t db_changes(Db *db)
{
    return db->ops->changes(db);
}

const char *db_errmsg(Db *db)
{
    return db->ops->errmsg(db);
}

int db_lost(Db *db)
{
    return db && db->ops->lost(db);
}

int db_busy(Db *db)
{
    return db && db->busy;
}

const char *db_fulltext_query(Db *db, Arena *a, const char *input)
{
    return db->ops->fulltext_query(a, input);
}

const char *db_fulltext_query_whole(Db *db, Arena *a, const char *input)
{
    return db->ops->fulltext_query_whole(a, input);
}
