/* Uploaded files (domain/files.h): their bytes live in the files table
 * (BLOB in SQLite, BYTEA in PostgreSQL), read only when served. */
#include <string.h>

#include "store/store_files.h"

#define TXT(i) arena_strdup(a, col_text(st, (i)))

int store_file_insert(Db *db, int64_t tenant, const FileInfo *f, const void *data, size_t len, int64_t *id)
{
    Stmt *st = db_stmt(db, Q_FILE_INSERT);
    stmt_int(st, tenant);
    stmt_text(st, f->kind);
    stmt_int(st, f->owner_id);
    if (f->uploader_id)
        stmt_int(st, f->uploader_id);
    else
        stmt_null(st);
    stmt_text(st, f->content_type);
    stmt_text(st, f->name ? f->name : "");
    stmt_int(st, (int64_t)len);
    stmt_blob(st, data ? data : "", len);
    stmt_int(st, f->created_at);
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        if (id)
            *id = col_int(st, 0);
        rc = DB_OK;
    }
    stmt_reset(st);
    return rc;
}

static void read_file(Stmt *st, Arena *a, FileInfo *f)
{
    f->id = col_int(st, 0);
    f->kind = TXT(1);
    f->owner_id = col_int(st, 2);
    f->uploader_id = col_int(st, 3);
    f->content_type = TXT(4);
    f->name = TXT(5);
    f->size = col_int(st, 6);
    f->created_at = col_int(st, 7);
}

int store_file_get(Db *db, Arena *a, int64_t tenant, int64_t id, FileInfo *out)
{
    Stmt *st = db_stmt(db, Q_FILE_GET);
    stmt_int(st, tenant);
    stmt_int(st, id);
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        read_file(st, a, out);
        rc = DB_OK;
    }
    stmt_reset(st);
    return rc;
}

int store_file_data(Db *db, Arena *a, int64_t tenant, int64_t id, const unsigned char **data, size_t *len)
{
    Stmt *st = db_stmt(db, Q_FILE_DATA);
    stmt_int(st, tenant);
    stmt_int(st, id);
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        size_t n = 0;
        const void *p = col_blob(st, 0, &n);
        unsigned char *copy = arena_alloc(a, n + 1);
        if (p && n)
            memcpy(copy, p, n);
        copy[n] = 0;
        *data = copy;
        *len = n;
        rc = DB_OK;
    }
    stmt_reset(st);
    return rc;
}

int store_file_list(Db *db, Arena *a, int64_t tenant, const char *kind, int64_t owner, FileInfo **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_FILE_LIST);
    stmt_int(st, tenant);
    stmt_text(st, kind);
    stmt_int(st, owner);
    size_t cap = 0, k = 0;
    FileInfo *v = NULL;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (k == cap) {
            size_t ncap = cap ? cap * 2 : 8;
            FileInfo *nv = arena_alloc(a, ncap * sizeof *nv);
            if (k)
                memcpy(nv, v, k * sizeof *nv);
            v = nv;
            cap = ncap;
        }
        memset(&v[k], 0, sizeof v[k]);
        read_file(st, a, &v[k++]);
    }
    stmt_reset(st);
    if (rc != DB_DONE)
        return rc;
    *out = v;
    *n = k;
    return DB_OK;
}

int store_file_delete(Db *db, int64_t tenant, const char *kind, int64_t owner, int64_t id)
{
    Stmt *st = db_stmt(db, Q_FILE_DELETE);
    stmt_int(st, tenant);
    stmt_text(st, kind);
    stmt_int(st, owner);
    stmt_int(st, id);
    int rc = stmt_run(st);
    if (rc == DB_OK && db_changes(db) == 0)
        return DB_DONE;
    return rc;
}
