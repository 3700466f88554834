/* The Wegwijzer's queries (store_wegwijzer.h). */
#include <string.h>

#include "store/store.h"
#include "store/store_directory.h"
#include "store/store_wegwijzer.h"

static const char *text_or_empty(Arena *a, Stmt *st, int col)
{
    const char *s = col_text(st, col);
    return arena_strdup(a, s ? s : "");
}

int store_wegwijzer_organisations(Db *db, Arena *a, int64_t tenant, const char *need, const char *theme,
                                  const char *area, int limit, WwOrgRow **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_WEGWIJZER_ORGANISATIONS);
    stmt_int(st, tenant);
    stmt_text(st, need);
    stmt_text(st, theme);
    stmt_text(st, area);
    stmt_int(st, limit);
    size_t cap = 0;
    WwOrgRow *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        WwOrgRow *w = &v[(*n)++];
        memset(w, 0, sizeof *w);
        w->org.code = arena_strdup(a, col_text(st, 0));
        w->org.name = arena_strdup(a, col_text(st, 1));
        w->org.kind = text_or_empty(a, st, 2);
        w->org.description = text_or_empty(a, st, 3);
        w->org.offer = text_or_empty(a, st, 4);
        w->org.contact = text_or_empty(a, st, 5);
        w->org.website = text_or_empty(a, st, 6);
        w->need = (int)col_int(st, 7);
        w->theme = (int)col_int(st, 8);
        w->area = (int)col_int(st, 9);
        w->score = (int)col_int(st, 10);
    }
    *out = v;
    return rc == DB_DONE ? DB_OK : rc;
}

int store_wegwijzer_officials(Db *db, Arena *a, int64_t tenant, Official **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_WEGWIJZER_OFFICIALS);
    stmt_int(st, tenant);
    size_t cap = 0, k = 0;
    int64_t *ids = NULL;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (k == cap)
            ids = arena_grow(a, ids, &cap, sizeof *ids);
        ids[k++] = col_int(st, 0);
    }
    *out = arena_alloc(a, (k + 1) * sizeof **out);
    *n = 0;
    if (rc != DB_DONE)
        return rc;
    for (size_t i = 0; i < k; i++) {
        rc = store_official_get(db, a, tenant, ids[i], &(*out)[*n]);
        if (rc == DB_DONE)
            continue;
        if (rc != DB_OK)
            return rc;
        (*n)++;
    }
    return DB_OK;
}
