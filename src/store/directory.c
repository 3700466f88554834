/* The directory's tables (store_directory.h). */
#include <string.h>

#include "domain/process.h"
#include "store/store.h"
#include "store/store_directory.h"

static const char *dup(Arena *a, Stmt *st, int col)
{
    return arena_strdup(a, col_text(st, col));
}

static const char *dup_or_empty(Arena *a, Stmt *st, int col)
{
    const char *s = col_text(st, col);
    return arena_strdup(a, s ? s : "");
}

/* code, name pairs */
static int read_pairs(Stmt *st, Arena *a, CodeName **out, size_t *n)
{
    size_t cap = 0;
    CodeName *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        v[*n] = (CodeName){ dup(a, st, 0), dup(a, st, 1), NULL };
        (*n)++;
    }
    *out = v;
    return rc == DB_DONE ? DB_OK : rc;
}

static int pairs_of(Db *db, Arena *a, QueryId q, int64_t tenant, const char *code, int64_t id, CodeName **out,
                    size_t *n)
{
    Stmt *st = db_stmt(db, q);
    stmt_int(st, tenant);
    if (code)
        stmt_text(st, code);
    else
        stmt_int(st, id);
    return read_pairs(st, a, out, n);
}

/* ---- Holders and goals ------------------------------------------------ */

int store_holder_upsert(Db *db, int64_t tenant, const Holder *h, int position)
{
    Stmt *st = db_stmt(db, Q_HOLDER_UPSERT);
    stmt_int(st, tenant);
    stmt_text(st, h->code);
    stmt_text(st, h->name);
    stmt_text(st, h->portfolio ? h->portfolio : "");
    stmt_int(st, position);
    return stmt_run(st);
}

int store_holders(Db *db, Arena *a, int64_t tenant, Holder **out, size_t *n)
{
    size_t cap = 0;
    Holder *v = NULL;
    *n = 0;
    Stmt *st = db_stmt(db, Q_HOLDER_LIST);
    stmt_int(st, tenant);
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        v[(*n)++] = (Holder){ dup(a, st, 0), dup(a, st, 1), dup_or_empty(a, st, 2) };
    }
    *out = v;
    return rc == DB_DONE ? DB_OK : rc;
}

int store_goals(Db *db, Arena *a, int64_t tenant, Goal **out, size_t *n)
{
    size_t cap = 0;
    Goal *v = NULL;
    *n = 0;
    Stmt *st = db_stmt(db, Q_GOAL_LIST);
    stmt_int(st, tenant);
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        Goal *g = &v[(*n)++];
        memset(g, 0, sizeof *g);
        g->code = dup(a, st, 0);
        g->title = dup(a, st, 1);
        g->source_document = dup_or_empty(a, st, 2);
        g->parent = dup(a, st, 3);
        g->holder_code = dup(a, st, 4);
        g->holder_name = dup(a, st, 5);
        g->holder_portfolio = dup(a, st, 6);
        g->department = dup_or_empty(a, st, 7);
    }
    *out = v;
    if (rc != DB_DONE)
        return rc;
    /* All goals' themes in one query, ordered by goal. */
    st = db_stmt(db, Q_GOAL_THEMES_ALL);
    stmt_int(st, tenant);
    size_t tcap = 0, at = *n; /* at: the goal of the previous row; *n when unknown */
    const char *last = NULL;
    while ((rc = stmt_step(st)) == DB_ROW) {
        const char *code = col_text(st, 0);
        if (!last || strcmp(last, code) != 0) {
            last = arena_strdup(a, code);
            tcap = 0;
            for (at = 0; at < *n && strcmp(v[at].code, code) != 0; at++)
                ;
        }
        if (at == *n)
            continue;
        Goal *g = &v[at];
        if (g->n_themes == tcap)
            g->themes = arena_grow(a, g->themes, &tcap, sizeof *g->themes);
        g->themes[g->n_themes++] = (CodeName){ dup(a, st, 1), dup(a, st, 2), NULL };
    }
    return rc == DB_DONE ? DB_OK : rc;
}

int store_goal_set_owner(Db *db, int64_t tenant, const char *code, const char *holder, const char *department)
{
    Stmt *st = db_stmt(db, Q_GOAL_SET_OWNER);
    stmt_int(st, tenant);
    stmt_text(st, code);
    stmt_text(st, holder && *holder ? holder : NULL);
    stmt_text(st, department ? department : "");
    int rc = stmt_run(st);
    if (rc == DB_OK && db_changes(db) == 0)
        return DB_DONE;
    return rc;
}

static int replace_codes(Db *db, QueryId del, QueryId ins, int64_t tenant, const char *code, int64_t id,
                         const char *const *codes, size_t n);

int store_goal_set_themes(Db *db, int64_t tenant, const char *code, const char *const *themes, size_t n)
{
    return replace_codes(db, Q_GOAL_THEMES_DELETE, Q_GOAL_THEME_INSERT, tenant, code, 0, themes, n);
}

int store_goal_set_position(Db *db, int64_t tenant, const char *code, int position)
{
    Stmt *st = db_stmt(db, Q_GOAL_SET_POSITION);
    stmt_int(st, tenant);
    stmt_text(st, code);
    stmt_int(st, position);
    return stmt_run(st);
}

/* ---- Organisations ---------------------------------------------------- */

static void read_org(Stmt *st, Arena *a, Organisation *o)
{
    memset(o, 0, sizeof *o);
    o->code = dup(a, st, 0);
    o->name = dup(a, st, 1);
    o->kind = dup_or_empty(a, st, 2);
    o->description = dup_or_empty(a, st, 3);
    o->offer = dup_or_empty(a, st, 4);
    o->contact = dup_or_empty(a, st, 5);
    o->website = dup_or_empty(a, st, 6);
    o->created_at = col_int(st, 7);
    o->edited_at = col_is_null(st, 8) ? 0 : col_int(st, 8);
}

static void bind_org_filter(Stmt *st, int64_t tenant, const OrganisationFilter *f)
{
    stmt_int(st, tenant);
    stmt_text(st, f->theme);
    stmt_text(st, f->help_kind);
    stmt_text(st, f->area);
    stmt_text(st, f->kind);
}

int store_organisations(Db *db, Arena *a, int64_t tenant, const OrganisationFilter *f, OrganisationPage *out)
{
    memset(out, 0, sizeof *out);
    Stmt *st = db_stmt(db, Q_ORGANISATION_COUNT);
    bind_org_filter(st, tenant, f);
    int rc = stmt_step(st);
    if (rc != DB_ROW)
        return rc == DB_DONE ? DB_OK : rc;
    out->total = col_int(st, 0);
    stmt_reset(st);
    st = db_stmt(db, Q_ORGANISATION_LIST);
    bind_org_filter(st, tenant, f);
    stmt_int(st, f->per_page);
    stmt_int(st, (int64_t)(f->page - 1) * f->per_page);
    size_t cap = 0;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (out->n == cap)
            out->items = arena_grow(a, out->items, &cap, sizeof *out->items);
        read_org(st, a, &out->items[out->n++]);
    }
    return rc == DB_DONE ? DB_OK : rc;
}

int store_organisation_get(Db *db, Arena *a, int64_t tenant, const char *code, Organisation *out)
{
    Stmt *st = db_stmt(db, Q_ORGANISATION_GET);
    stmt_int(st, tenant);
    stmt_text(st, code);
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        read_org(st, a, out);
        stmt_reset(st);
        return DB_OK;
    }
    return rc;
}

int store_organisation_lists(Db *db, Arena *a, int64_t tenant, Organisation *o)
{
    int rc = pairs_of(db, a, Q_ORGANISATION_THEMES_GET, tenant, o->code, 0, &o->themes, &o->n_themes);
    if (rc == DB_OK)
        rc = pairs_of(db, a, Q_ORGANISATION_HELP_GET, tenant, o->code, 0, &o->help_kinds, &o->n_help_kinds);
    if (rc == DB_OK)
        rc = pairs_of(db, a, Q_ORGANISATION_AREAS_GET, tenant, o->code, 0, &o->areas, &o->n_areas);
    return rc;
}

static void bind_org_input(Stmt *st, const OrganisationInput *in, int64_t now)
{
    stmt_text(st, in->name);
    stmt_text(st, in->kind ? in->kind : "");
    stmt_text(st, in->description ? in->description : "");
    stmt_text(st, in->offer ? in->offer : "");
    stmt_text(st, in->contact ? in->contact : "");
    stmt_text(st, in->website ? in->website : "");
    stmt_int(st, now);
}

int store_organisation_insert(Db *db, int64_t tenant, const char *code, const OrganisationInput *in, int64_t now)
{
    Stmt *st = db_stmt(db, Q_ORGANISATION_INSERT);
    stmt_int(st, tenant);
    stmt_text(st, code);
    bind_org_input(st, in, now);
    return stmt_run(st);
}

int store_organisation_update(Db *db, int64_t tenant, const char *code, const OrganisationInput *in, int64_t now)
{
    Stmt *st = db_stmt(db, Q_ORGANISATION_UPDATE);
    stmt_int(st, tenant);
    stmt_text(st, code);
    bind_org_input(st, in, now);
    int rc = stmt_run(st);
    if (rc == DB_OK && db_changes(db) == 0)
        return DB_DONE;
    return rc;
}

int store_organisation_details(Db *db, int64_t tenant, const char *code, const OrganisationInput *in)
{
    Stmt *st = db_stmt(db, Q_ORGANISATION_SET_DETAILS);
    stmt_int(st, tenant);
    stmt_text(st, code);
    stmt_text(st, in->offer ? in->offer : "");
    stmt_text(st, in->contact ? in->contact : "");
    stmt_text(st, in->website ? in->website : "");
    return stmt_run(st);
}

static int replace_codes(Db *db, QueryId del, QueryId ins, int64_t tenant, const char *code, int64_t id,
                         const char *const *codes, size_t n)
{
    Stmt *st = db_stmt(db, del);
    stmt_int(st, tenant);
    if (code)
        stmt_text(st, code);
    else
        stmt_int(st, id);
    int rc = stmt_run(st);
    for (size_t i = 0; rc == DB_OK && i < n; i++) {
        st = db_stmt(db, ins);
        stmt_int(st, tenant);
        if (code)
            stmt_text(st, code);
        else
            stmt_int(st, id);
        stmt_text(st, codes[i]);
        rc = stmt_run(st);
    }
    return rc;
}

int store_organisation_set_lists(Db *db, int64_t tenant, const char *code, const OrganisationInput *in)
{
    int rc = replace_codes(db, Q_ORGANISATION_THEMES_DELETE, Q_ORGANISATION_THEME_INSERT, tenant, code, 0,
                           in->themes, in->n_themes);
    if (rc == DB_OK)
        rc = replace_codes(db, Q_ORGANISATION_HELP_DELETE, Q_ORGANISATION_HELP_INSERT, tenant, code, 0,
                           in->help_kinds, in->n_help_kinds);
    if (rc == DB_OK)
        rc = replace_codes(db, Q_ORGANISATION_AREAS_DELETE, Q_ORGANISATION_AREA_INSERT, tenant, code, 0, in->areas,
                           in->n_areas);
    return rc;
}

int store_org_member_add(Db *db, int64_t tenant, const char *code, int64_t user, int64_t now)
{
    Stmt *st = db_stmt(db, Q_ORG_MEMBER_ADD);
    stmt_int(st, tenant);
    stmt_text(st, code);
    stmt_int(st, user);
    stmt_int(st, now);
    return stmt_run(st);
}

int store_org_member_get(Db *db, int64_t tenant, const char *code, int64_t user)
{
    Stmt *st = db_stmt(db, Q_ORG_MEMBER_GET);
    stmt_int(st, tenant);
    stmt_text(st, code);
    stmt_int(st, user);
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        stmt_reset(st);
        return DB_OK;
    }
    return rc;
}

int store_org_members(Db *db, Arena *a, int64_t tenant, const char *code, CodeName **out, size_t *n)
{
    /* code holds the user id as text */
    return pairs_of(db, a, Q_ORG_MEMBER_LIST, tenant, code, 0, out, n);
}

int store_org_member_remove(Db *db, int64_t tenant, const char *code, int64_t user)
{
    Stmt *st = db_stmt(db, Q_ORG_MEMBER_REMOVE);
    stmt_int(st, tenant);
    stmt_text(st, code);
    stmt_int(st, user);
    int rc = stmt_run(st);
    if (rc == DB_OK && db_changes(db) == 0)
        return DB_DONE;
    return rc;
}

int store_org_member_count(Db *db, int64_t tenant, const char *code, int64_t *n)
{
    Stmt *st = db_stmt(db, Q_ORG_MEMBER_COUNT);
    stmt_int(st, tenant);
    stmt_text(st, code);
    int rc = stmt_step(st);
    if (rc != DB_ROW)
        return rc == DB_DONE ? DB_ERROR : rc;
    *n = col_int(st, 0);
    stmt_reset(st);
    return DB_OK;
}

int store_orgs_of_user(Db *db, Arena *a, int64_t tenant, int64_t user, CodeName **out, size_t *n)
{
    return pairs_of(db, a, Q_ORGS_OF_USER, tenant, NULL, user, out, n);
}

/* ---- Places ----------------------------------------------------------- */

static void read_place(Stmt *st, Arena *a, Place *p)
{
    p->code = dup(a, st, 0);
    p->name = dup(a, st, 1);
    p->kind = dup_or_empty(a, st, 2);
    p->organisation_code = dup(a, st, 3);
    p->organisation_name = dup(a, st, 4);
    p->town = dup_or_empty(a, st, 5);
    p->address = dup_or_empty(a, st, 6);
    p->activities = dup_or_empty(a, st, 7);
    p->area_code = dup(a, st, 8);
    p->area_name = dup(a, st, 9);
}

int store_places(Db *db, Arena *a, int64_t tenant, const char *organisation, Place **out, size_t *n)
{
    size_t cap = 0;
    Place *v = NULL;
    *n = 0;
    Stmt *st = db_stmt(db, Q_PLACE_LIST);
    stmt_int(st, tenant);
    stmt_text(st, organisation);
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        read_place(st, a, &v[(*n)++]);
    }
    *out = v;
    return rc == DB_DONE ? DB_OK : rc;
}

int store_place_get(Db *db, Arena *a, int64_t tenant, const char *code, Place *out)
{
    Stmt *st = db_stmt(db, Q_PLACE_GET);
    stmt_int(st, tenant);
    stmt_text(st, code);
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        read_place(st, a, out);
        stmt_reset(st);
        return DB_OK;
    }
    return rc;
}

int store_place_set_details(Db *db, int64_t tenant, const char *code, const char *address, const char *activities,
                            const char *area)
{
    Stmt *st = db_stmt(db, Q_PLACE_SET_DETAILS);
    stmt_int(st, tenant);
    stmt_text(st, code);
    stmt_text(st, address ? address : "");
    stmt_text(st, activities ? activities : "");
    stmt_text(st, area && *area ? area : NULL);
    int rc = stmt_run(st);
    if (rc == DB_OK && db_changes(db) == 0)
        return DB_DONE;
    return rc;
}

int store_place_set_position(Db *db, int64_t tenant, const char *code, int position)
{
    Stmt *st = db_stmt(db, Q_PLACE_SET_POSITION);
    stmt_int(st, tenant);
    stmt_text(st, code);
    stmt_int(st, position);
    return stmt_run(st);
}

/* ---- Officials -------------------------------------------------------- */

static void read_official(Stmt *st, Arena *a, Official *o)
{
    memset(o, 0, sizeof *o);
    o->id = col_int(st, 0);
    o->name = dup(a, st, 1);
    int r = role_parse(col_text(st, 2));
    o->role = r < 0 ? ROLE_RESIDENT : (Role)r;
    o->expertise = dup_or_empty(a, st, 3);
    o->updated_at = col_int(st, 4);
}

static int official_lists(Db *db, Arena *a, int64_t tenant, Official *o)
{
    int rc = pairs_of(db, a, Q_OFFICIAL_THEMES_GET, tenant, NULL, o->id, &o->themes, &o->n_themes);
    if (rc == DB_OK)
        rc = pairs_of(db, a, Q_OFFICIAL_AREAS_GET, tenant, NULL, o->id, &o->areas, &o->n_areas);
    return rc;
}

int store_officials(Db *db, Arena *a, int64_t tenant, const char *theme, const char *area, Official **out, size_t *n)
{
    size_t cap = 0;
    Official *v = NULL;
    *n = 0;
    Stmt *st = db_stmt(db, Q_OFFICIAL_LIST);
    stmt_int(st, tenant);
    stmt_text(st, theme);
    stmt_text(st, area);
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        read_official(st, a, &v[(*n)++]);
    }
    *out = v;
    if (rc != DB_DONE)
        return rc;
    for (size_t i = 0; i < *n; i++)
        if ((rc = official_lists(db, a, tenant, &v[i])) != DB_OK)
            return rc;
    return DB_OK;
}

int store_official_get(Db *db, Arena *a, int64_t tenant, int64_t id, Official *out)
{
    Stmt *st = db_stmt(db, Q_OFFICIAL_GET);
    stmt_int(st, tenant);
    stmt_int(st, id);
    int rc = stmt_step(st);
    if (rc != DB_ROW)
        return rc;
    read_official(st, a, out);
    stmt_reset(st);
    return official_lists(db, a, tenant, out);
}

int store_official_save(Db *db, int64_t tenant, int64_t id, const OfficialInput *in, int64_t now)
{
    Stmt *st = db_stmt(db, Q_OFFICIAL_PROFILE_UPSERT);
    stmt_int(st, tenant);
    stmt_int(st, id);
    stmt_text(st, in->expertise ? in->expertise : "");
    stmt_int(st, now);
    int rc = stmt_run(st);
    if (rc == DB_OK)
        rc = replace_codes(db, Q_OFFICIAL_THEMES_DELETE, Q_OFFICIAL_THEME_INSERT, tenant, NULL, id, in->themes,
                           in->n_themes);
    if (rc == DB_OK)
        rc = replace_codes(db, Q_OFFICIAL_AREAS_DELETE, Q_OFFICIAL_AREA_INSERT, tenant, NULL, id, in->areas,
                           in->n_areas);
    return rc;
}
