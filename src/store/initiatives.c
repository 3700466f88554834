/* Initiatives, their tags, help requests and timeline. */
#include <stdlib.h>
#include <string.h>

#include "domain/process.h"
#include "lib/thread_exit.h"
#include "store/store.h"

int store_initiative_insert(Db *db, int64_t tenant, const Initiative *in, int64_t now, int64_t *id)
{
    Stmt *st = db_stmt(db, Q_INITIATIVE_INSERT);
    stmt_int(st, tenant);
    stmt_text(st, in->title);
    stmt_text(st, in->summary);
    stmt_text(st, in->description);
    stmt_text(st, in->area_code);
    stmt_text(st, state_code(in->state));
    stmt_int(st, in->initiator_id);
    stmt_int(st, in->show_name);
    stmt_int(st, now);
    if (in->submitted_at)
        stmt_int(st, in->submitted_at);
    else
        stmt_null(st);
    if (in->state_since) /* a state begun after creation (demo and --scale data) */
        stmt_int(st, in->state_since);
    else
        stmt_null(st);
    if (in->contact_id)
        stmt_int(st, in->contact_id);
    else
        stmt_null(st);
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        *id = col_int(st, 0);
        rc = DB_OK;
    }
    stmt_reset(st);
    return rc;
}

int store_initiative_update(Db *db, int64_t tenant, const Initiative *in, int64_t now)
{
    Stmt *st = db_stmt(db, Q_INITIATIVE_UPDATE);
    stmt_int(st, tenant);
    stmt_int(st, in->id);
    stmt_text(st, in->title);
    stmt_text(st, in->summary);
    stmt_text(st, in->description);
    stmt_text(st, in->area_code);
    stmt_int(st, in->show_name);
    stmt_int(st, now);
    return stmt_run(st);
}

int store_initiative_set_tags(Db *db, int64_t tenant, const Initiative *in)
{
    static const QueryId clear[] = { Q_INITIATIVE_THEMES_DELETE, Q_INITIATIVE_SDGS_DELETE, Q_INITIATIVE_LINKS_DELETE };
    for (size_t i = 0; i < sizeof clear / sizeof *clear; i++) {
        Stmt *st = db_stmt(db, clear[i]);
        stmt_int(st, tenant);
        stmt_int(st, in->id);
        int rc = stmt_run(st);
        if (rc != DB_OK)
            return rc;
    }
    for (size_t i = 0; i < in->n_themes; i++) {
        Stmt *st = db_stmt(db, Q_INITIATIVE_THEME_INSERT);
        stmt_int(st, tenant);
        stmt_int(st, in->id);
        stmt_text(st, in->themes[i].code);
        int rc = stmt_run(st);
        if (rc != DB_OK)
            return rc;
    }
    for (size_t i = 0; i < in->n_sdgs; i++) {
        Stmt *st = db_stmt(db, Q_INITIATIVE_SDG_INSERT);
        stmt_int(st, tenant);
        stmt_int(st, in->id);
        stmt_text(st, in->sdgs[i].code);
        int rc = stmt_run(st);
        if (rc != DB_OK)
            return rc;
    }
    for (size_t i = 0; i < in->n_links; i++) {
        Stmt *st = db_stmt(db, Q_INITIATIVE_LINK_INSERT);
        stmt_int(st, tenant);
        stmt_int(st, in->id);
        stmt_text(st, in->links[i].kind);
        stmt_text(st, in->links[i].url);
        int rc = stmt_run(st);
        if (rc != DB_OK)
            return rc;
    }
    return DB_OK;
}

static int load_code_names(Db *db, Arena *a, QueryId q, int64_t tenant, int64_t id, CodeName **out, size_t *n)
{
    size_t cap = 0;
    CodeName *v = NULL;
    *n = 0;
    Stmt *st = db_stmt(db, q);
    stmt_int(st, tenant);
    stmt_int(st, id);
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        v[*n].code = arena_strdup(a, col_text(st, 0));
        v[*n].name = arena_strdup(a, col_text(st, 1));
        (*n)++;
    }
    *out = v;
    return rc == DB_DONE ? DB_OK : rc;
}

/* An initiative's themes in the tenant's order (position); the query
 * leaves the sorting to us (sqlite_queries.c). */
static int load_themes(Db *db, Arena *a, int64_t tenant, int64_t id, CodeName **out, size_t *n)
{
    size_t cap = 0;
    CodeName *v = NULL;
    int64_t *pos = NULL;
    *n = 0;
    Stmt *st = db_stmt(db, Q_INITIATIVE_THEMES_GET);
    stmt_int(st, tenant);
    stmt_int(st, id);
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap) {
            size_t c = cap;
            v = arena_grow(a, v, &cap, sizeof *v);
            pos = arena_grow(a, pos, &c, sizeof *pos);
        }
        CodeName cn = { .code = arena_strdup(a, col_text(st, 0)), .name = arena_strdup(a, col_text(st, 1)) };
        int64_t p = col_int(st, 2);
        size_t k = (*n)++;
        for (; k > 0 && pos[k - 1] > p; k--) { /* insertion: a handful of rows */
            v[k] = v[k - 1];
            pos[k] = pos[k - 1];
        }
        v[k] = cn;
        pos[k] = p;
    }
    *out = v;
    return rc == DB_DONE ? DB_OK : rc;
}

static int load_links(Db *db, Arena *a, int64_t tenant, int64_t id, Link **out, size_t *n)
{
    size_t cap = 0;
    Link *v = NULL;
    *n = 0;
    Stmt *st = db_stmt(db, Q_INITIATIVE_LINKS_GET);
    stmt_int(st, tenant);
    stmt_int(st, id);
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        v[*n].kind = arena_strdup(a, col_text(st, 0));
        v[*n].url = arena_strdup(a, col_text(st, 1));
        (*n)++;
    }
    *out = v;
    return rc == DB_DONE ? DB_OK : rc;
}

static int load_help(Db *db, Arena *a, int64_t tenant, int64_t id, HelpRequest **out, size_t *n)
{
    size_t cap = 0;
    HelpRequest *v = NULL;
    *n = 0;
    Stmt *st = db_stmt(db, Q_HELP_REQUESTS_GET);
    stmt_int(st, tenant);
    stmt_int(st, id);
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        HelpRequest *h = &v[(*n)++];
        h->id = col_int(st, 0);
        h->kind = arena_strdup(a, col_text(st, 1));
        h->kind_name = arena_strdup(a, col_text(st, 2));
        h->description = arena_strdup(a, col_text(st, 3));
        h->amount_cents = col_is_null(st, 4) ? -1 : col_int(st, 4);
        int s = help_state_parse(col_text(st, 5));
        h->state = s < 0 ? HELP_OPEN : (HelpState)s;
    }
    *out = v;
    return rc == DB_DONE ? DB_OK : rc;
}

/* The names of the themes (in their order), SDGs and help kinds, kept
 * per thread for one data version (store_initiative_get_at): joining them
 * cost a third of reading an initiative. SQLite changes the version with
 * every commit, by any process, so they are never older than the
 * database; only the CLI changes them (wijzer init, tenant add). */
typedef struct Names {
    int valid;
    int64_t version, tenant;
    Arena *arena;
    CodeName *themes, *sdgs, *help_kinds;
    CodeName *areas; /* by code (area_name) */
    size_t n_themes, n_sdgs, n_help_kinds, n_areas;
} Names;

static _Thread_local Names names;

static void names_clear(void)
{
    arena_free(names.arena);
    names = (Names){ 0 };
}

static int by_code(const void *x, const void *y)
{
    return strcmp(((const CodeName *)x)->code, ((const CodeName *)y)->code);
}

static const Names *names_for(Db *db, int64_t tenant, int64_t version)
{
    if (version < 0)
        return NULL;
    if (names.valid && names.version == version && names.tenant == tenant)
        return &names;
    Names m = { .valid = 1, .version = version, .tenant = tenant, .arena = arena_new() };
    Area *areas = NULL;
    if (store_themes(db, m.arena, tenant, &m.themes, &m.n_themes) != DB_OK
        || store_sdgs(db, m.arena, &m.sdgs, &m.n_sdgs) != DB_OK
        || store_help_kinds(db, m.arena, tenant, &m.help_kinds, &m.n_help_kinds) != DB_OK
        || store_areas(db, m.arena, tenant, &areas, &m.n_areas) != DB_OK) {
        arena_free(m.arena);
        return NULL;
    }
    m.areas = arena_alloc(m.arena, (m.n_areas + 1) * sizeof *m.areas);
    for (size_t i = 0; i < m.n_areas; i++)
        m.areas[i] = (CodeName){ .code = areas[i].code, .name = areas[i].name };
    qsort(m.areas, m.n_areas, sizeof *m.areas, by_code);
    arena_free(names.arena);
    names = m;
    thread_exit_call(names_clear);
    return &names;
}

/* The position of code in v, or -1. */
static long find_code(const CodeName *v, size_t n, const char *code)
{
    for (size_t i = 0; code && i < n; i++)
        if (strcmp(v[i].code, code) == 0)
            return (long)i;
    return -1;
}

/* A code the kept names lack (which the version rules out) falls back to
 * the join, so the answer is always the database's. */
static int named_themes(Db *db, Arena *a, const Names *m, int64_t tenant, int64_t id, CodeName **out, size_t *n)
{
    enum { MAX = 64 };
    long at[MAX];
    size_t k = 0;
    int missing = 0, rc;
    Stmt *st = db_stmt(db, Q_INITIATIVE_THEME_CODES);
    stmt_int(st, tenant);
    stmt_int(st, id);
    while ((rc = stmt_step(st)) == DB_ROW) {
        long i = find_code(m->themes, m->n_themes, col_text(st, 0));
        if (i < 0 || k == MAX) {
            missing = 1;
            continue;
        }
        size_t j = k++;
        for (; j > 0 && at[j - 1] > i; j--) /* the tenant's order */
            at[j] = at[j - 1];
        at[j] = i;
    }
    if (rc != DB_DONE)
        return rc;
    if (missing)
        return load_themes(db, a, tenant, id, out, n);
    CodeName *v = arena_alloc(a, (k + 1) * sizeof *v);
    for (size_t j = 0; j < k; j++)
        v[j] = (CodeName){ .code = arena_strdup(a, m->themes[at[j]].code), .name = arena_strdup(a, m->themes[at[j]].name) };
    *out = v;
    *n = k;
    return DB_OK;
}

static int named_sdgs(Db *db, Arena *a, const Names *m, int64_t tenant, int64_t id, CodeName **out, size_t *n)
{
    size_t cap = 0;
    CodeName *v = NULL;
    int missing = 0, rc;
    *n = 0;
    Stmt *st = db_stmt(db, Q_INITIATIVE_SDG_NUMBERS);
    stmt_int(st, tenant);
    stmt_int(st, id);
    while ((rc = stmt_step(st)) == DB_ROW) {
        long i = find_code(m->sdgs, m->n_sdgs, col_text(st, 0));
        if (i < 0) {
            missing = 1;
            continue;
        }
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        v[(*n)++] = (CodeName){ .code = arena_strdup(a, m->sdgs[i].code), .name = arena_strdup(a, m->sdgs[i].name) };
    }
    if (rc != DB_DONE)
        return rc;
    if (missing)
        return load_code_names(db, a, Q_INITIATIVE_SDGS_GET, tenant, id, out, n);
    *out = v;
    return DB_OK;
}

static int named_help(Db *db, Arena *a, const Names *m, int64_t tenant, int64_t id, HelpRequest **out, size_t *n)
{
    size_t cap = 0;
    HelpRequest *v = NULL;
    int missing = 0, rc;
    *n = 0;
    Stmt *st = db_stmt(db, Q_HELP_REQUESTS_BARE);
    stmt_int(st, tenant);
    stmt_int(st, id);
    while ((rc = stmt_step(st)) == DB_ROW) {
        long k = find_code(m->help_kinds, m->n_help_kinds, col_text(st, 1));
        if (k < 0) {
            missing = 1;
            continue;
        }
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        HelpRequest *h = &v[(*n)++];
        h->id = col_int(st, 0);
        h->kind = arena_strdup(a, col_text(st, 1));
        h->kind_name = arena_strdup(a, m->help_kinds[k].name);
        h->description = arena_strdup(a, col_text(st, 2));
        h->amount_cents = col_is_null(st, 3) ? -1 : col_int(st, 3);
        int s = help_state_parse(col_text(st, 4));
        h->state = s < 0 ? HELP_OPEN : (HelpState)s;
    }
    if (rc != DB_DONE)
        return rc;
    if (missing)
        return load_help(db, a, tenant, id, out, n);
    *out = v;
    return DB_OK;
}

/* The initiative's own row (Q_INITIATIVE_GET, or without the area's name:
 * Q_INITIATIVE_GET_BARE). */
static int read_initiative(Db *db, Arena *a, QueryId q, int64_t tenant, int64_t id, Initiative *out)
{
    memset(out, 0, sizeof *out);
    Stmt *st = db_stmt(db, q);
    stmt_int(st, tenant);
    stmt_int(st, id);
    int rc = stmt_step(st);
    if (rc != DB_ROW) {
        stmt_reset(st);
        return rc;
    }
    out->id = col_int(st, 0);
    out->title = arena_strdup(a, col_text(st, 1));
    out->summary = arena_strdup(a, col_text(st, 2));
    out->description = arena_strdup(a, col_text(st, 3));
    out->area_code = arena_strdup(a, col_text(st, 4));
    out->area_name = arena_strdup(a, col_text(st, 5));
    out->state = state_parse(col_text(st, 6));
    out->initiator_id = col_int(st, 7);
    out->initiator_name = arena_strdup(a, col_text(st, 8));
    out->show_name = (int)col_int(st, 9);
    out->contact_id = col_int(st, 10);
    out->contact_name = arena_strdup(a, col_text(st, 11));
    out->created_at = col_int(st, 12);
    out->updated_at = col_int(st, 13);
    out->state_since = col_int(st, 14);
    out->submitted_at = col_int(st, 15);
    out->initiator_email = arena_strdup(a, col_text(st, 16));
    stmt_reset(st);
    return DB_OK;
}

int store_initiative_get_at(Db *db, Arena *a, int64_t tenant, int64_t id, int64_t version, Initiative *out)
{
    const Names *m = names_for(db, tenant, version);
    int rc = read_initiative(db, a, m ? Q_INITIATIVE_GET_BARE : Q_INITIATIVE_GET, tenant, id, out);
    if (rc != DB_OK)
        return rc;
    if (m) {
        CodeName key = { .code = out->area_code };
        const CodeName *area = out->area_code ? bsearch(&key, m->areas, m->n_areas, sizeof key, by_code) : NULL;
        if (area) {
            out->area_name = arena_strdup(a, area->name);
        } else { /* the join decides, as without kept names */
            m = NULL;
            if ((rc = read_initiative(db, a, Q_INITIATIVE_GET, tenant, id, out)) != DB_OK)
                return rc;
        }
    }
    if (m) {
        if ((rc = named_themes(db, a, m, tenant, id, &out->themes, &out->n_themes)) != DB_OK
            || (rc = named_sdgs(db, a, m, tenant, id, &out->sdgs, &out->n_sdgs)) != DB_OK
            || (rc = load_links(db, a, tenant, id, &out->links, &out->n_links)) != DB_OK
            || (rc = named_help(db, a, m, tenant, id, &out->help, &out->n_help)) != DB_OK)
            return rc;
        return DB_OK;
    }
    if ((rc = load_themes(db, a, tenant, id, &out->themes, &out->n_themes)) != DB_OK
        || (rc = load_code_names(db, a, Q_INITIATIVE_SDGS_GET, tenant, id, &out->sdgs, &out->n_sdgs)) != DB_OK
        || (rc = load_links(db, a, tenant, id, &out->links, &out->n_links)) != DB_OK
        || (rc = load_help(db, a, tenant, id, &out->help, &out->n_help)) != DB_OK)
        return rc;
    return DB_OK;
}

int store_initiative_get(Db *db, Arena *a, int64_t tenant, int64_t id, Initiative *out)
{
    return store_initiative_get_at(db, a, tenant, id, -1, out);
}

int store_search_optimize(Db *db)
{
    return stmt_run(db_stmt(db, Q_SEARCH_OPTIMIZE));
}

int store_initiative_page_themes(Db *db, Arena *a, int64_t tenant, const CodeName *all, size_t n_all,
                                 InitiativePage *pg)
{
    int rc;
    for (size_t i = 0; i < pg->n; i++) {
        Initiative *in = &pg->items[i];
        Stmt *st = db_stmt(db, Q_INITIATIVE_THEME_CODES);
        stmt_int(st, tenant);
        stmt_int(st, in->id);
        /* Marks which of the tenant's themes it has; the list's order
         * (by position) is then the order of `all`. */
        unsigned char has[64] = { 0 };
        size_t k = 0;
        while ((rc = stmt_step(st)) == DB_ROW) {
            const char *code = col_text(st, 0);
            for (size_t t = 0; t < n_all && t < sizeof has; t++)
                if (strcmp(all[t].code, code) == 0 && !has[t]) {
                    has[t] = 1;
                    k++;
                }
        }
        if (rc != DB_DONE)
            return rc;
        in->themes = arena_alloc(a, (k + 1) * sizeof *in->themes);
        in->n_themes = 0;
        for (size_t t = 0; t < n_all && t < sizeof has; t++)
            if (has[t])
                in->themes[in->n_themes++] = all[t];
    }
    return DB_OK;
}

int store_initiative_themes(Db *db, Arena *a, int64_t tenant, int64_t id, CodeName **out, size_t *n)
{
    return load_themes(db, a, tenant, id, out, n);
}

int store_initiative_find_by_title(Db *db, int64_t tenant, const char *title, int64_t *id)
{
    Stmt *st = db_stmt(db, Q_INITIATIVE_FIND_BY_TITLE);
    stmt_int(st, tenant);
    stmt_text(st, title);
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        *id = col_int(st, 0);
        rc = DB_OK;
    }
    stmt_reset(st);
    return rc;
}

int store_initiative_set_state(Db *db, int64_t tenant, int64_t id, ProcState from, ProcState to, int64_t now,
                               int64_t submitted_at, int64_t contact)
{
    Stmt *st = db_stmt(db, Q_INITIATIVE_SET_STATE);
    stmt_int(st, tenant);
    stmt_int(st, id);
    stmt_text(st, state_code(from));
    stmt_text(st, state_code(to));
    stmt_int(st, now);
    if (submitted_at)
        stmt_int(st, submitted_at);
    else
        stmt_null(st);
    if (contact)
        stmt_int(st, contact);
    else
        stmt_null(st);
    int rc = stmt_run(st);
    if (rc == DB_OK && db_changes(db) == 0)
        return DB_DONE;
    return rc;
}

int store_help_request_insert(Db *db, int64_t tenant, int64_t initiative, const HelpRequest *h, int64_t now,
                              int64_t *id)
{
    Stmt *st = db_stmt(db, Q_HELP_REQUEST_INSERT);
    stmt_int(st, tenant);
    stmt_int(st, initiative);
    stmt_text(st, h->kind);
    stmt_text(st, h->description);
    if (h->amount_cents >= 0)
        stmt_int(st, h->amount_cents);
    else
        stmt_null(st);
    stmt_text(st, help_state_code(h->state));
    stmt_int(st, now);
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        *id = col_int(st, 0);
        rc = DB_OK;
    }
    stmt_reset(st);
    return rc;
}

int store_help_request_set_state(Db *db, int64_t tenant, int64_t initiative, int64_t id, HelpState state)
{
    Stmt *st = db_stmt(db, Q_HELP_REQUEST_SET_STATE);
    stmt_int(st, tenant);
    stmt_int(st, initiative);
    stmt_int(st, id);
    stmt_text(st, help_state_code(state));
    int rc = stmt_run(st);
    if (rc == DB_OK && db_changes(db) == 0)
        return DB_DONE;
    return rc;
}

int store_timeline_insert(Db *db, int64_t tenant, int64_t initiative, int64_t at, ProcState from, ProcState to,
                          int64_t by, const char *note)
{
    Stmt *st = db_stmt(db, Q_TIMELINE_INSERT);
    stmt_int(st, tenant);
    stmt_int(st, initiative);
    stmt_int(st, at);
    stmt_text(st, from == ST_NONE ? NULL : state_code(from));
    stmt_text(st, state_code(to));
    if (by)
        stmt_int(st, by);
    else
        stmt_null(st);
    stmt_text(st, note ? note : "");
    return stmt_run(st);
}

int store_timeline(Db *db, Arena *a, int64_t tenant, int64_t initiative, TimelineEvent **out, size_t *n)
{
    size_t cap = 0;
    TimelineEvent *v = NULL;
    *n = 0;
    Stmt *st = db_stmt(db, Q_TIMELINE_GET);
    stmt_int(st, tenant);
    stmt_int(st, initiative);
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        TimelineEvent *e = &v[(*n)++];
        e->at = col_int(st, 0);
        e->from = col_is_null(st, 1) ? ST_NONE : state_parse(col_text(st, 1));
        e->to = state_parse(col_text(st, 2));
        e->by_name = arena_strdup(a, col_text(st, 3));
        int r = role_parse(col_text(st, 4));
        e->by_role = r < 0 ? ROLE_RESIDENT : (Role)r;
        e->note = arena_strdup(a, col_text(st, 5));
    }
    *out = v;
    return rc == DB_DONE ? DB_OK : rc;
}

/* Reads the rows of any list query (LIST_COLS in sqlite_queries.c, plus a
 * snippet column); total_col >= 0: the total is in that column too. */
static int read_list(Stmt *st, Arena *a, InitiativePage *out, int total_col)
{
    size_t cap = 0;
    out->items = NULL;
    out->n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (out->n == cap)
            out->items = arena_grow(a, out->items, &cap, sizeof *out->items);
        Initiative *in = &out->items[out->n++];
        memset(in, 0, sizeof *in);
        in->id = col_int(st, 0);
        in->title = arena_strdup(a, col_text(st, 1));
        in->summary = arena_strdup(a, col_text(st, 2));
        in->area_code = arena_strdup(a, col_text(st, 3));
        in->area_name = arena_strdup(a, col_text(st, 4));
        in->state = state_parse(col_text(st, 5));
        in->initiator_name = arena_strdup(a, col_text(st, 6));
        in->show_name = (int)col_int(st, 7);
        in->created_at = col_int(st, 8);
        in->state_since = col_int(st, 9);
        in->submitted_at = col_int(st, 10);
        in->contact_id = col_int(st, 11);
        in->contact_name = arena_strdup(a, col_text(st, 12));
        in->snippet = arena_strdup(a, col_text(st, 13));
        if (total_col >= 0)
            out->total = col_int(st, total_col);
    }
    return rc == DB_DONE ? DB_OK : rc;
}

static void bind_filter(Stmt *st, int64_t tenant, const InitiativeFilter *f)
{
    stmt_int(st, tenant);
    stmt_text(st, f->area);
    stmt_text(st, f->theme);
    stmt_text(st, f->state);
}

/* The total of a list without a search word. */
static int list_total(Db *db, int64_t tenant, const InitiativeFilter *f, int64_t *total)
{
    Stmt *st;
    if (f->theme) {
        st = db_stmt(db, Q_INITIATIVE_COUNT_THEME);
        bind_filter(st, tenant, f);
    } else {
        /* Kept by triggers: no counting of rows (migration 003). */
        st = db_stmt(db, Q_INITIATIVE_COUNT_QUICK);
        stmt_int(st, tenant);
        stmt_text(st, f->area);
        stmt_text(st, f->state);
    }
    int rc = stmt_step(st);
    *total = rc == DB_ROW ? col_int(st, 0) : 0;
    stmt_reset(st);
    return rc < 0 ? rc : DB_OK;
}

/* A search answers with its number of hits in column 14 of every row; a
 * page past the end has no rows, so then it is counted apart. */
static int search(Db *db, Arena *a, int64_t tenant, const InitiativeFilter *f, const char *match, int per_page,
                  int page, InitiativePage *out)
{
    Stmt *st = db_stmt(db, Q_INITIATIVE_SEARCH);
    bind_filter(st, tenant, f);
    stmt_int(st, per_page);
    stmt_int(st, (int64_t)(page - 1) * per_page);
    stmt_text(st, match);
    stmt_int(st, SEARCH_MAX);
    int rc = read_list(st, a, out, 14);
    if (rc != DB_OK || out->n)
        return rc;
    st = db_stmt(db, Q_INITIATIVE_SEARCH_COUNT);
    bind_filter(st, tenant, f);
    stmt_text(st, match);
    stmt_int(st, SEARCH_MAX);
    rc = stmt_step(st);
    out->total = rc == DB_ROW ? col_int(st, 0) : 0;
    stmt_reset(st);
    return rc < 0 ? rc : DB_OK;
}

/* The last word is also looked for as the start of longer words ("speel"
 * finds "speeltuin"), unless the words as typed already find SEARCH_MAX
 * initiatives: then the longer words would not be ranked anyway, and
 * gathering every word that starts with a common one ("buurt": buurtapp,
 * buurtkamer, …) costs a tenth of a second among a million initiatives. */
static const char *search_words(Db *db, Arena *a, int64_t tenant, const InitiativeFilter *f)
{
    const char *whole = db_fulltext_query_whole(db, a, f->q);
    if (!whole)
        return NULL;
    Stmt *st = db_stmt(db, Q_INITIATIVE_SEARCH_COUNT);
    bind_filter(st, tenant, f);
    stmt_text(st, whole);
    stmt_int(st, SEARCH_MAX);
    int rc = stmt_step(st);
    int64_t hits = rc == DB_ROW ? col_int(st, 0) : 0;
    stmt_reset(st);
    return hits >= SEARCH_MAX ? whole : db_fulltext_query(db, a, f->q);
}

int store_initiative_list(Db *db, Arena *a, int64_t tenant, const InitiativeFilter *f, InitiativePage *out)
{
    const char *match = f->q ? search_words(db, a, tenant, f) : NULL;
    int per_page = f->per_page > 0 ? f->per_page : 20;
    int page = f->page > 0 ? f->page : 1;
    if (match)
        return search(db, a, tenant, f, match, per_page, page, out);
    int rc = list_total(db, tenant, f, &out->total);
    if (rc != DB_OK)
        return rc;
    Stmt *st = db_stmt(db, Q_INITIATIVE_LIST);
    bind_filter(st, tenant, f);
    stmt_int(st, per_page);
    stmt_int(st, (int64_t)(page - 1) * per_page);
    return read_list(st, a, out, -1);
}

int store_initiative_count(Db *db, Arena *a, int64_t tenant, const InitiativeFilter *f, int64_t *total)
{
    const char *match = f->q ? search_words(db, a, tenant, f) : NULL;
    if (!match)
        return list_total(db, tenant, f, total);
    Stmt *st = db_stmt(db, Q_INITIATIVE_SEARCH_COUNT);
    bind_filter(st, tenant, f);
    stmt_text(st, match);
    stmt_int(st, SEARCH_MAX);
    int rc = stmt_step(st);
    *total = rc == DB_ROW ? col_int(st, 0) : 0;
    stmt_reset(st);
    return rc < 0 ? rc : DB_OK;
}

int store_initiative_list_after(Db *db, Arena *a, int64_t tenant, const InitiativeFilter *f, int64_t after, int limit,
                                InitiativePage *out)
{
    Stmt *st = db_stmt(db, Q_INITIATIVE_LIST_AFTER);
    bind_filter(st, tenant, f);
    stmt_int(st, after > 0 ? after : INT64_MAX);
    stmt_int(st, limit);
    out->total = 0;
    return read_list(st, a, out, -1);
}

int store_initiatives_by_initiator(Db *db, Arena *a, int64_t tenant, int64_t user, InitiativePage *out)
{
    Stmt *st = db_stmt(db, Q_INITIATIVE_BY_INITIATOR);
    stmt_int(st, tenant);
    stmt_int(st, user);
    int rc = read_list(st, a, out, -1);
    out->total = (int64_t)out->n;
    return rc;
}

int store_initiative_queue(Db *db, Arena *a, int64_t tenant, const char *area, int64_t contact, InitiativePage *out)
{
    Stmt *st = db_stmt(db, Q_INITIATIVE_QUEUE);
    stmt_int(st, tenant);
    stmt_text(st, area);
    if (contact)
        stmt_int(st, contact);
    else
        stmt_null(st);
    int rc = read_list(st, a, out, -1);
    out->total = (int64_t)out->n;
    return rc;
}

int store_state_counts(Db *db, int64_t tenant, int64_t counts[ST_COUNT_])
{
    memset(counts, 0, sizeof(int64_t) * ST_COUNT_);
    Stmt *st = db_stmt(db, Q_INITIATIVE_STATE_COUNTS);
    stmt_int(st, tenant);
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        ProcState s = state_parse(col_text(st, 0));
        if (s != ST_NONE)
            counts[s] = col_int(st, 1);
    }
    return rc == DB_DONE ? DB_OK : rc;
}
