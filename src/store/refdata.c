/* Reference data: areas, themes, help-request kinds, SDGs, partners,
 * places and goals. */
#include <stdio.h>
#include <string.h>

#include "store/store.h"

int store_areas(Db *db, Arena *a, int64_t tenant, Area **out, size_t *n)
{
    size_t cap = 0;
    Area *v = NULL;
    *n = 0;
    Stmt *st = db_stmt(db, Q_AREA_LIST);
    stmt_int(st, tenant);
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        Area *ar = &v[(*n)++];
        ar->code = arena_strdup(a, col_text(st, 0));
        ar->name = arena_strdup(a, col_text(st, 1));
        ar->kind = arena_strdup(a, col_text(st, 2));
        ar->parent = arena_strdup(a, col_text(st, 3));
        ar->town = arena_strdup(a, col_text(st, 4));
    }
    *out = v;
    return rc == DB_DONE ? DB_OK : rc;
}

static int read_code_names(Stmt *st, Arena *a, CodeName **out, size_t *n)
{
    size_t cap = 0;
    CodeName *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        CodeName *c = &v[(*n)++];
        c->code = arena_strdup(a, col_text(st, 0));
        c->name = arena_strdup(a, col_text(st, 1));
        c->description = arena_strdup(a, col_text(st, 2));
    }
    *out = v;
    return rc == DB_DONE ? DB_OK : rc;
}

int store_themes(Db *db, Arena *a, int64_t tenant, CodeName **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_THEME_LIST);
    stmt_int(st, tenant);
    return read_code_names(st, a, out, n);
}

int store_help_kinds(Db *db, Arena *a, int64_t tenant, CodeName **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_HELP_KIND_LIST);
    stmt_int(st, tenant);
    return read_code_names(st, a, out, n);
}

int store_sdgs(Db *db, Arena *a, CodeName **out, size_t *n)
{
    /* The number comes back as integer; col_text renders it as text. */
    return read_code_names(db_stmt(db, Q_SDG_LIST), a, out, n);
}

int store_area_upsert(Db *db, int64_t tenant, const Area *ar, const char *cbs_code, int position)
{
    Stmt *st = db_stmt(db, Q_AREA_UPSERT);
    stmt_int(st, tenant);
    stmt_text(st, ar->code);
    stmt_text(st, ar->name);
    stmt_text(st, ar->kind);
    stmt_text(st, ar->parent && *ar->parent ? ar->parent : NULL);
    stmt_text(st, ar->town);
    stmt_text(st, cbs_code && *cbs_code ? cbs_code : NULL);
    stmt_int(st, position);
    return stmt_run(st);
}

int store_theme_upsert(Db *db, int64_t tenant, const char *code, const char *nl, const char *en, int position)
{
    Stmt *st = db_stmt(db, Q_THEME_UPSERT);
    stmt_int(st, tenant);
    stmt_text(st, code);
    stmt_text(st, nl);
    stmt_text(st, en);
    stmt_int(st, position);
    return stmt_run(st);
}

int store_help_kind_upsert(Db *db, int64_t tenant, const char *code, const char *nl, const char *en,
                           const char *description, int position)
{
    Stmt *st = db_stmt(db, Q_HELP_KIND_UPSERT);
    stmt_int(st, tenant);
    stmt_text(st, code);
    stmt_text(st, nl);
    stmt_text(st, en);
    stmt_text(st, description);
    stmt_int(st, position);
    return stmt_run(st);
}

int store_sdg_upsert(Db *db, int number, const char *nl, const char *en)
{
    Stmt *st = db_stmt(db, Q_SDG_UPSERT);
    stmt_int(st, number);
    stmt_text(st, nl);
    stmt_text(st, en);
    return stmt_run(st);
}

int store_organisation_upsert(Db *db, int64_t tenant, const char *code, const char *name, const char *kind,
                              const char *description)
{
    Stmt *st = db_stmt(db, Q_ORGANISATION_UPSERT);
    stmt_int(st, tenant);
    stmt_text(st, code);
    stmt_text(st, name);
    stmt_text(st, kind);
    stmt_text(st, description);
    return stmt_run(st);
}

int store_place_upsert(Db *db, int64_t tenant, const char *code, const char *name, const char *kind,
                       const char *organisation, const char *town)
{
    Stmt *st = db_stmt(db, Q_PLACE_UPSERT);
    stmt_int(st, tenant);
    stmt_text(st, code);
    stmt_text(st, name);
    stmt_text(st, kind);
    stmt_text(st, organisation);
    stmt_text(st, town);
    return stmt_run(st);
}

int store_goal_upsert(Db *db, int64_t tenant, const char *code, const char *title, const char *source,
                      const char *parent)
{
    Stmt *st = db_stmt(db, Q_GOAL_UPSERT);
    stmt_int(st, tenant);
    stmt_text(st, code);
    stmt_text(st, title);
    stmt_text(st, source);
    stmt_text(st, parent && *parent ? parent : NULL);
    return stmt_run(st);
}
