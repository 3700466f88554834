/* The connections' tables (store_connections.h). */
#include <stdlib.h>
#include <string.h>

#include "domain/process.h"
#include "store/store.h"
#include "store/store_connections.h"

/* The pair of a partner link, the smaller id first; 0 when target is not
 * a positive number. */
static int partner_pair(int64_t initiative, const char *target, int64_t *low, int64_t *high)
{
    char *end;
    long long other = strtoll(target, &end, 10);
    if (!*target || *end || other <= 0)
        return 0;
    *low = initiative < other ? initiative : other;
    *high = initiative < other ? other : initiative;
    return 1;
}

static void bind_by(Stmt *st, int64_t by)
{
    if (by)
        stmt_int(st, by);
    else
        stmt_null(st);
}

int store_conn_add(Db *db, int64_t tenant, int64_t initiative, ConnectionKind kind, const char *target, int64_t by,
                   int64_t now, int *created)
{
    Stmt *st;
    if (kind == CONN_INITIATIVE) {
        int64_t low, high;
        if (!partner_pair(initiative, target, &low, &high))
            return DB_DONE;
        st = db_stmt(db, Q_CONN_PARTNER_ADD);
        stmt_int(st, tenant);
        stmt_int(st, low);
        stmt_int(st, high);
    } else {
        st = db_stmt(db, kind == CONN_GOAL ? Q_CONN_GOAL_ADD : Q_CONN_ORG_ADD);
        stmt_int(st, tenant);
        stmt_int(st, initiative);
        stmt_text(st, target);
    }
    bind_by(st, by);
    stmt_int(st, now);
    int rc = stmt_run(st);
    if (created)
        *created = rc == DB_OK && db_changes(db) > 0;
    return rc;
}

int store_conn_remove(Db *db, int64_t tenant, int64_t initiative, ConnectionKind kind, const char *target)
{
    Stmt *st;
    if (kind == CONN_INITIATIVE) {
        int64_t low, high;
        if (!partner_pair(initiative, target, &low, &high))
            return DB_DONE;
        st = db_stmt(db, Q_CONN_PARTNER_DELETE);
        stmt_int(st, tenant);
        stmt_int(st, low);
        stmt_int(st, high);
    } else {
        st = db_stmt(db, kind == CONN_GOAL ? Q_CONN_GOAL_DELETE : Q_CONN_ORG_DELETE);
        stmt_int(st, tenant);
        stmt_int(st, initiative);
        stmt_text(st, target);
    }
    int rc = stmt_run(st);
    if (rc == DB_OK && db_changes(db) == 0)
        return DB_DONE;
    return rc;
}

int store_conns_of_initiative(Db *db, Arena *a, int64_t tenant, int64_t initiative, Connection **out, size_t *n)
{
    static const QueryId qs[] = { Q_CONN_GOALS_OF, Q_CONN_ORGS_OF, Q_CONN_PARTNERS_OF };
    static const ConnectionKind kinds[] = { CONN_GOAL, CONN_ORGANISATION, CONN_INITIATIVE };
    size_t cap = 0;
    Connection *v = NULL;
    *n = 0;
    for (size_t k = 0; k < 3; k++) {
        Stmt *st = db_stmt(db, qs[k]);
        stmt_int(st, tenant);
        stmt_int(st, initiative);
        int rc;
        while ((rc = stmt_step(st)) == DB_ROW) {
            if (*n == cap)
                v = arena_grow(a, v, &cap, sizeof *v);
            Connection *x = &v[(*n)++];
            memset(x, 0, sizeof *x);
            x->kind = kinds[k];
            if (kinds[k] == CONN_INITIATIVE) {
                x->target = arena_printf(a, "%lld", (long long)col_int(st, 0));
                x->name = arena_strdup(a, col_text(st, 1));
                x->state = arena_strdup(a, col_text(st, 2));
                x->created_at = col_int(st, 3);
            } else {
                x->target = arena_strdup(a, col_text(st, 0));
                x->name = arena_strdup(a, col_text(st, 1));
                x->created_at = col_int(st, 2);
            }
        }
        if (rc != DB_DONE) {
            *out = v;
            return rc;
        }
    }
    *out = v;
    return DB_OK;
}

int store_conn_initiatives(Db *db, Arena *a, int64_t tenant, ConnectionKind kind, const char *code, size_t limit,
                           ConnectedInitiative **out, size_t *n, int64_t *total)
{
    size_t cap = 0;
    ConnectedInitiative *v = NULL;
    *n = 0;
    *out = NULL;
    if (total) {
        Stmt *st = db_stmt(db, kind == CONN_GOAL ? Q_CONN_BY_GOAL_COUNT : Q_CONN_BY_ORG_COUNT);
        stmt_int(st, tenant);
        stmt_text(st, code);
        int rc = stmt_step(st);
        if (rc != DB_ROW)
            return rc == DB_DONE ? DB_OK : rc;
        *total = col_int(st, 0);
        stmt_reset(st);
    }
    Stmt *st = db_stmt(db, kind == CONN_GOAL ? Q_CONN_BY_GOAL : Q_CONN_BY_ORG);
    stmt_int(st, tenant);
    stmt_text(st, code);
    stmt_int(st, (int64_t)limit);
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        v[(*n)++] = (ConnectedInitiative){
            .id = col_int(st, 0),
            .title = arena_strdup(a, col_text(st, 1)),
            .area_code = arena_strdup(a, col_text(st, 2)),
            .area_name = arena_strdup(a, col_text(st, 3)),
            .state = state_parse(col_text(st, 4)),
            .created_at = col_int(st, 5),
        };
    }
    *out = v;
    return rc == DB_DONE ? DB_OK : rc;
}

int store_conn_goal_title(Db *db, Arena *a, int64_t tenant, const char *code, const char **title)
{
    Stmt *st = db_stmt(db, Q_CONN_GOAL_TITLE);
    stmt_int(st, tenant);
    stmt_text(st, code);
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        *title = arena_strdup(a, col_text(st, 0));
        stmt_reset(st);
        return DB_OK;
    }
    return rc;
}

int store_conn_initiative_brief(Db *db, Arena *a, int64_t tenant, int64_t id, int64_t *initiator, const char **title,
                                ProcState *state)
{
    Stmt *st = db_stmt(db, Q_CONN_INITIATIVE_BRIEF);
    stmt_int(st, tenant);
    stmt_int(st, id);
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        if (initiator)
            *initiator = col_int(st, 0);
        if (title)
            *title = arena_strdup(a, col_text(st, 1));
        if (state)
            *state = state_parse(col_text(st, 2));
        stmt_reset(st);
        return DB_OK;
    }
    return rc;
}

int store_dismissal_add(Db *db, int64_t tenant, int64_t initiative, const char *kind, const char *target, int64_t by,
                        int64_t now)
{
    Stmt *st = db_stmt(db, Q_DISMISSAL_ADD);
    stmt_int(st, tenant);
    stmt_int(st, initiative);
    stmt_text(st, kind);
    stmt_text(st, target);
    bind_by(st, by);
    stmt_int(st, now);
    return stmt_run(st);
}

int store_dismissals(Db *db, Arena *a, int64_t tenant, int64_t initiative, const char *kind, const char ***out,
                     size_t *n)
{
    size_t cap = 0;
    const char **v = NULL;
    *n = 0;
    Stmt *st = db_stmt(db, Q_DISMISSAL_LIST);
    stmt_int(st, tenant);
    stmt_int(st, initiative);
    stmt_text(st, kind);
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        v[(*n)++] = arena_strdup(a, col_text(st, 0));
    }
    *out = v;
    return rc == DB_DONE ? DB_OK : rc;
}
