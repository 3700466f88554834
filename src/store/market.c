/* The Beursvloer's tables (store_market.h). */
#include <string.h>

#include "store/store.h"
#include "store/store_market.h"

static const char *dup(Arena *a, Stmt *st, int col)
{
    const char *s = col_text(st, col);
    return arena_strdup(a, s ? s : "");
}

static void bind_opt_int(Stmt *st, int64_t v)
{
    if (v)
        stmt_int(st, v);
    else
        stmt_null(st);
}

/* ---- Posts ------------------------------------------------------------ */

static void read_post(Stmt *st, Arena *a, MarketPost *p)
{
    memset(p, 0, sizeof *p);
    p->id = col_int(st, 0);
    p->side = strcmp(col_text(st, 1), "offer") == 0 ? MARKET_OFFER : MARKET_REQUEST;
    p->organisation = dup(a, st, 2);
    p->organisation_name = col_is_null(st, 3) ? p->organisation : dup(a, st, 3);
    p->kind = dup(a, st, 4);
    p->title = dup(a, st, 5);
    p->description = dup(a, st, 6);
    p->counter_offer = dup(a, st, 7);
    p->open = strcmp(col_text(st, 8), "open") == 0;
    p->created_by = col_is_null(st, 9) ? 0 : col_int(st, 9);
    p->created_at = col_int(st, 10);
    p->updated_at = col_int(st, 11);
}

static int post_sdgs(Db *db, Arena *a, int64_t tenant, MarketPost *p)
{
    Stmt *st = db_stmt(db, Q_MARKET_POST_SDGS_GET);
    stmt_int(st, tenant);
    stmt_int(st, p->id);
    size_t cap = 0;
    int rc;
    p->n_sdgs = 0;
    p->sdgs = NULL;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (p->n_sdgs == cap)
            p->sdgs = arena_grow(a, p->sdgs, &cap, sizeof *p->sdgs);
        p->sdgs[p->n_sdgs++] = (CodeName){ dup(a, st, 0), dup(a, st, 1), NULL };
    }
    return rc == DB_DONE ? DB_OK : rc;
}

static int read_posts(Db *db, Stmt *st, Arena *a, int64_t tenant, MarketPost **out, size_t *n)
{
    size_t cap = 0;
    MarketPost *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        read_post(st, a, &v[(*n)++]);
    }
    *out = v;
    if (rc != DB_DONE)
        return rc;
    for (size_t i = 0; i < *n; i++)
        if ((rc = post_sdgs(db, a, tenant, &v[i])) != DB_OK)
            return rc;
    return DB_OK;
}

int store_market_post_insert(Db *db, int64_t tenant, MarketSide side, const MarketPostInput *in, int64_t user,
                             int64_t now, int64_t *id)
{
    Stmt *st = db_stmt(db, Q_MARKET_POST_INSERT);
    stmt_int(st, tenant);
    stmt_text(st, side == MARKET_OFFER ? "offer" : "request");
    stmt_text(st, in->organisation);
    stmt_text(st, in->kind);
    stmt_text(st, in->title);
    stmt_text(st, in->description ? in->description : "");
    stmt_text(st, side == MARKET_REQUEST && in->counter_offer ? in->counter_offer : "");
    bind_opt_int(st, user);
    stmt_int(st, now);
    int rc = stmt_run_id(st, id);
    for (size_t i = 0; rc == DB_OK && i < in->n_sdgs; i++) {
        int64_t n = 0;
        for (const char *s = in->sdgs[i]; *s >= '0' && *s <= '9'; s++)
            n = n * 10 + (*s - '0');
        st = db_stmt(db, Q_MARKET_POST_SDG_INSERT);
        stmt_int(st, tenant);
        stmt_int(st, *id);
        stmt_int(st, n);
        rc = stmt_run(st);
    }
    return rc;
}

int store_market_post_get(Db *db, Arena *a, int64_t tenant, int64_t id, MarketPost *out)
{
    Stmt *st = db_stmt(db, Q_MARKET_POST_GET);
    stmt_int(st, tenant);
    stmt_int(st, id);
    int rc = stmt_step(st);
    if (rc != DB_ROW) {
        stmt_reset(st);
        return rc;
    }
    read_post(st, a, out);
    stmt_reset(st);
    return post_sdgs(db, a, tenant, out);
}

static void bind_filter(Stmt *st, int64_t tenant, const MarketFilter *f)
{
    stmt_int(st, tenant);
    stmt_text(st, f->side == MARKET_OFFER ? "offer" : "request");
    stmt_text(st, f->kind ? f->kind : "");
    stmt_text(st, f->organisation ? f->organisation : "");
    stmt_int(st, f->sdg);
    stmt_int(st, f->open_only ? 1 : 0);
    stmt_text(st, f->q ? f->q : "");
}

int store_market_posts(Db *db, Arena *a, int64_t tenant, const MarketFilter *f, MarketPage *out)
{
    Stmt *st = db_stmt(db, Q_MARKET_POST_COUNT);
    bind_filter(st, tenant, f);
    int rc = stmt_run_id(st, &out->total);
    if (rc != DB_OK)
        return rc;
    st = db_stmt(db, Q_MARKET_POST_LIST);
    bind_filter(st, tenant, f);
    stmt_int(st, f->per_page);
    stmt_int(st, (int64_t)(f->page - 1) * f->per_page);
    return read_posts(db, st, a, tenant, &out->items, &out->n);
}

int store_market_post_set_open(Db *db, int64_t tenant, int64_t id, int open, int64_t now)
{
    Stmt *st = db_stmt(db, Q_MARKET_POST_SET_STATE);
    stmt_int(st, tenant);
    stmt_int(st, id);
    stmt_text(st, open ? "open" : "closed");
    stmt_int(st, now);
    int rc = stmt_run(st);
    if (rc == DB_OK && db_changes(db) == 0)
        return DB_DONE;
    return rc;
}

int store_market_post_find(Db *db, int64_t tenant, MarketSide side, const char *organisation, const char *title,
                           int64_t *id)
{
    Stmt *st = db_stmt(db, Q_MARKET_POST_FIND);
    stmt_int(st, tenant);
    stmt_text(st, side == MARKET_OFFER ? "offer" : "request");
    stmt_text(st, organisation);
    stmt_text(st, title);
    return stmt_run_id(st, id);
}

/* ---- Deals ------------------------------------------------------------ */

static void read_deal(Stmt *st, Arena *a, MarketDeal *d)
{
    memset(d, 0, sizeof *d);
    d->id = col_int(st, 0);
    d->request_id = col_int(st, 1);
    d->offer_id = col_int(st, 2);
    d->request_title = dup(a, st, 3);
    d->request_org = dup(a, st, 4);
    d->request_org_name = col_is_null(st, 5) ? d->request_org : dup(a, st, 5);
    d->offer_title = dup(a, st, 6);
    d->offer_org = dup(a, st, 7);
    d->offer_org_name = col_is_null(st, 8) ? d->offer_org : dup(a, st, 8);
    d->value_cents = col_int(st, 9);
    int s = deal_state_parse(col_text(st, 10));
    d->state = s < 0 ? DEAL_VOORGESTELD : (DealState)s;
    d->event_id = col_is_null(st, 11) ? 0 : col_int(st, 11);
    d->created_at = col_int(st, 12);
    d->updated_at = col_int(st, 13);
}

static int read_deals(Stmt *st, Arena *a, MarketDeal **out, size_t *n)
{
    size_t cap = 0;
    MarketDeal *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        read_deal(st, a, &v[(*n)++]);
    }
    *out = v;
    return rc == DB_DONE ? DB_OK : rc;
}

int store_market_deal_insert(Db *db, int64_t tenant, int64_t request, int64_t offer, int64_t value_cents,
                             int64_t event, int64_t user, int64_t now, int64_t *id)
{
    Stmt *st = db_stmt(db, Q_MARKET_DEAL_INSERT);
    stmt_int(st, tenant);
    stmt_int(st, request);
    stmt_int(st, offer);
    stmt_int(st, value_cents);
    bind_opt_int(st, event);
    bind_opt_int(st, user);
    stmt_int(st, now);
    return stmt_run_id(st, id);
}

int store_market_deal_get(Db *db, Arena *a, int64_t tenant, int64_t id, MarketDeal *out)
{
    Stmt *st = db_stmt(db, Q_MARKET_DEAL_GET);
    stmt_int(st, tenant);
    stmt_int(st, id);
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        read_deal(st, a, out);
        rc = DB_OK;
    }
    stmt_reset(st);
    return rc;
}

int store_market_deal_set_state(Db *db, int64_t tenant, int64_t id, DealState from, DealState to, int64_t user,
                                int64_t now)
{
    Stmt *st = db_stmt(db, Q_MARKET_DEAL_SET_STATE);
    stmt_int(st, tenant);
    stmt_int(st, id);
    stmt_text(st, deal_state_code(from));
    stmt_text(st, deal_state_code(to));
    bind_opt_int(st, user);
    stmt_int(st, now);
    int rc = stmt_run(st);
    if (rc == DB_OK && db_changes(db) == 0)
        return DB_DONE;
    return rc;
}

int store_market_deal_active(Db *db, int64_t tenant, int64_t request, int64_t offer, int64_t *id)
{
    Stmt *st = db_stmt(db, Q_MARKET_DEAL_ACTIVE_PAIR);
    stmt_int(st, tenant);
    stmt_int(st, request);
    stmt_int(st, offer);
    return stmt_run_id(st, id);
}

int store_market_deals_of_post(Db *db, Arena *a, int64_t tenant, int64_t post, MarketDeal **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_MARKET_DEALS_OF_POST);
    stmt_int(st, tenant);
    stmt_int(st, post);
    return read_deals(st, a, out, n);
}

int store_market_deals_of_event(Db *db, Arena *a, int64_t tenant, int64_t event, MarketDeal **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_MARKET_DEALS_OF_EVENT);
    stmt_int(st, tenant);
    stmt_int(st, event);
    return read_deals(st, a, out, n);
}

/* ---- Events ----------------------------------------------------------- */

static void read_event(Stmt *st, Arena *a, MarketEvent *e)
{
    memset(e, 0, sizeof *e);
    e->id = col_int(st, 0);
    e->date = dup(a, st, 1);
    e->place = dup(a, st, 2);
    e->title = dup(a, st, 3);
    e->description = dup(a, st, 4);
    e->created_at = col_int(st, 5);
    e->place_code = col_is_null(st, 6) ? NULL : dup(a, st, 6);
    e->place_name = col_is_null(st, 7) ? e->place : dup(a, st, 7);
}

int store_market_event_insert(Db *db, int64_t tenant, const MarketEventInput *in, int64_t user, int64_t now,
                              int64_t *id)
{
    Stmt *st = db_stmt(db, Q_MARKET_EVENT_INSERT);
    stmt_int(st, tenant);
    stmt_text(st, in->date);
    stmt_text(st, in->place ? in->place : "");
    stmt_text(st, in->title);
    stmt_text(st, in->description ? in->description : "");
    bind_opt_int(st, user);
    stmt_int(st, now);
    return stmt_run_id(st, id);
}

int store_market_event_get(Db *db, Arena *a, int64_t tenant, int64_t id, MarketEvent *out)
{
    Stmt *st = db_stmt(db, Q_MARKET_EVENT_GET);
    stmt_int(st, tenant);
    stmt_int(st, id);
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        read_event(st, a, out);
        rc = DB_OK;
    }
    stmt_reset(st);
    return rc;
}

int store_market_events(Db *db, Arena *a, int64_t tenant, MarketEvent **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_MARKET_EVENT_LIST);
    stmt_int(st, tenant);
    size_t cap = 0;
    MarketEvent *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        read_event(st, a, &v[(*n)++]);
    }
    *out = v;
    return rc == DB_DONE ? DB_OK : rc;
}

int store_market_event_find(Db *db, int64_t tenant, const char *date, const char *title, int64_t *id)
{
    Stmt *st = db_stmt(db, Q_MARKET_EVENT_FIND);
    stmt_int(st, tenant);
    stmt_text(st, date);
    stmt_text(st, title);
    return stmt_run_id(st, id);
}

int store_market_participant_add(Db *db, int64_t tenant, int64_t event, const char *organisation, int64_t user,
                                 int64_t now)
{
    Stmt *st = db_stmt(db, Q_MARKET_PARTICIPANT_ADD);
    stmt_int(st, tenant);
    stmt_int(st, event);
    stmt_text(st, organisation);
    bind_opt_int(st, user);
    stmt_int(st, now);
    return stmt_run(st);
}

int store_market_participants(Db *db, Arena *a, int64_t tenant, int64_t event, CodeName **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_MARKET_PARTICIPANTS);
    stmt_int(st, tenant);
    stmt_int(st, event);
    size_t cap = 0;
    CodeName *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        v[(*n)++] = (CodeName){ dup(a, st, 0), dup(a, st, 1), NULL };
    }
    *out = v;
    return rc == DB_DONE ? DB_OK : rc;
}

int store_market_pitch_set(Db *db, int64_t tenant, int64_t event, int64_t request, int on)
{
    Stmt *st = db_stmt(db, on ? Q_MARKET_PITCH_ADD : Q_MARKET_PITCH_REMOVE);
    stmt_int(st, tenant);
    stmt_int(st, event);
    stmt_int(st, request);
    return stmt_run(st);
}

int store_market_pitches(Db *db, Arena *a, int64_t tenant, int64_t event, MarketPost **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_MARKET_PITCHES);
    stmt_int(st, tenant);
    stmt_int(st, event);
    return read_posts(db, st, a, tenant, out, n);
}

int store_market_event_by_sdg(Db *db, Arena *a, int64_t tenant, int64_t event, SdgTotal **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_MARKET_EVENT_BY_SDG);
    stmt_int(st, tenant);
    stmt_int(st, event);
    size_t cap = 0;
    SdgTotal *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        v[(*n)++] = (SdgTotal){ (int)col_int(st, 0), dup(a, st, 1), col_int(st, 2), col_int(st, 3) };
    }
    *out = v;
    return rc == DB_DONE ? DB_OK : rc;
}
