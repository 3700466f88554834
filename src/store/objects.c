/* The prepared API objects (store_objects.h). */
#include <string.h>

#include "store/store_objects.h"

int store_object_get(Db *db, Arena *a, int64_t tenant, int64_t id, int64_t format, StoredObject *out)
{
    Stmt *st = db_stmt(db, Q_OBJECT_GET);
    stmt_int(st, id);
    stmt_int(st, tenant);
    stmt_int(st, format);
    int rc = stmt_step(st);
    if (rc != DB_ROW)
        return rc;
    const char *body = col_text(st, 3);
    out->len = body ? strlen(body) : 0;
    out->body = arena_alloc(a, out->len + 1);
    memcpy((char *)out->body, body ? body : "", out->len + 1);
    out->state = arena_strdup(a, col_text(st, 0));
    out->state_since = col_int(st, 1);
    out->submitted_at = col_int(st, 2);
    stmt_reset(st);
    return DB_OK;
}

static int read_todo(Stmt *st, Arena *a, ObjectTodo **out, size_t *n)
{
    size_t cap = 0;
    ObjectTodo *v = NULL;
    int rc;
    *n = 0;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        v[(*n)++] = (ObjectTodo){ col_int(st, 0), col_int(st, 1), col_int(st, 2) };
    }
    *out = v;
    return rc == DB_DONE ? DB_OK : rc;
}

int store_object_todo(Db *db, Arena *a, size_t max, ObjectTodo **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_OBJECT_TODO);
    stmt_int(st, (int64_t)max);
    return read_todo(st, a, out, n);
}

int store_object_other_format(Db *db, Arena *a, int64_t after, int64_t format, size_t max, ObjectTodo **out,
                              size_t *n)
{
    Stmt *st = db_stmt(db, Q_OBJECT_OTHER_FORMAT);
    stmt_int(st, after);
    stmt_int(st, format);
    stmt_int(st, (int64_t)max);
    return read_todo(st, a, out, n);
}

int store_object_put(Db *db, const ObjectTodo *t, int64_t format, const StoredObject *o, int *kept)
{
    Stmt *st = db_stmt(db, Q_OBJECT_PUT);
    stmt_int(st, t->initiative_id);
    stmt_int(st, t->gen);
    stmt_int(st, format);
    stmt_text(st, o->state);
    stmt_int(st, o->state_since);
    if (o->submitted_at)
        stmt_int(st, o->submitted_at);
    else
        stmt_null(st);
    stmt_text(st, o->body);
    int rc = stmt_run(st);
    *kept = rc == DB_OK && db_changes(db) > 0;
    return rc;
}

int store_object_format_get(Db *db, const char *kind, int64_t *format)
{
    Stmt *st = db_stmt(db, Q_OBJECT_FORMAT_GET);
    stmt_text(st, kind);
    *format = 0;
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        *format = col_int(st, 0);
        stmt_reset(st);
        return DB_OK;
    }
    return rc == DB_DONE ? DB_OK : rc;
}

int store_object_format_set(Db *db, const char *kind, int64_t format)
{
    Stmt *st = db_stmt(db, Q_OBJECT_FORMAT_SET);
    stmt_text(st, kind);
    stmt_int(st, format);
    return stmt_run(st);
}

int store_object_counts(Db *db, int64_t *made, int64_t *waiting)
{
    Stmt *st = db_stmt(db, Q_OBJECT_COUNTS);
    int rc = stmt_step(st);
    if (rc != DB_ROW)
        return rc == DB_DONE ? DB_ERROR : rc;
    *made = col_int(st, 0);
    *waiting = col_int(st, 1);
    stmt_reset(st);
    return DB_OK;
}
