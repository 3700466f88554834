/* The overview's aggregates (store_overview.h). */
#include "domain/process.h"
#include "store/store.h"
#include "store/store_overview.h"

static int read_counts(Stmt *st, Arena *a, int with_sub, OverviewCount **out, size_t *n)
{
    size_t cap = 0;
    OverviewCount *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        v[*n] = (OverviewCount){ arena_strdup(a, col_text(st, 0)), with_sub ? arena_strdup(a, col_text(st, 1)) : NULL,
                                 col_int(st, with_sub ? 2 : 1) };
        (*n)++;
    }
    *out = v;
    return rc == DB_DONE ? DB_OK : rc;
}

static int counts_of(Db *db, Arena *a, QueryId q, int64_t tenant, int with_sub, OverviewCount **out, size_t *n)
{
    Stmt *st = db_stmt(db, q);
    stmt_int(st, tenant);
    return read_counts(st, a, with_sub, out, n);
}

int store_overview_area_states(Db *db, Arena *a, int64_t tenant, OverviewCount **out, size_t *n)
{
    return counts_of(db, a, Q_OVERVIEW_AREA_STATES, tenant, 1, out, n);
}

int store_overview_area_orgs(Db *db, Arena *a, int64_t tenant, OverviewCount **out, size_t *n)
{
    return counts_of(db, a, Q_OVERVIEW_AREA_ORGS, tenant, 0, out, n);
}

int store_overview_orgs_whole(Db *db, int64_t tenant, int64_t *whole, int64_t *all)
{
    Stmt *st = db_stmt(db, Q_OVERVIEW_ORGS_WHOLE);
    stmt_int(st, tenant);
    int rc = stmt_step(st);
    if (rc != DB_ROW)
        return rc == DB_DONE ? DB_OK : rc;
    *whole = col_int(st, 0);
    *all = col_int(st, 1);
    stmt_reset(st);
    return DB_OK;
}

int store_overview_area_help(Db *db, Arena *a, int64_t tenant, OverviewCount **out, size_t *n)
{
    return counts_of(db, a, Q_OVERVIEW_AREA_HELP, tenant, 0, out, n);
}

int store_overview_goal_states(Db *db, Arena *a, int64_t tenant, OverviewCount **out, size_t *n)
{
    return counts_of(db, a, Q_OVERVIEW_GOAL_STATES, tenant, 1, out, n);
}

int store_overview_goal_items(Db *db, Arena *a, int64_t tenant, int limit, const char ***goals, OverviewItem **items,
                              size_t *n)
{
    size_t cap = 0, gcap = 0;
    OverviewItem *v = NULL;
    const char **g = NULL;
    *n = 0;
    Stmt *st = db_stmt(db, Q_OVERVIEW_GOAL_ITEMS);
    stmt_int(st, tenant);
    stmt_int(st, limit);
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        if (*n == gcap)
            g = arena_grow(a, g, &gcap, sizeof *g);
        g[*n] = arena_strdup(a, col_text(st, 0));
        v[*n] = (OverviewItem){ col_int(st, 1), arena_strdup(a, col_text(st, 2)), state_parse(col_text(st, 3)) };
        (*n)++;
    }
    *goals = g;
    *items = v;
    return rc == DB_DONE ? DB_OK : rc;
}
