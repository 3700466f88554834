/* Funds, applications, assessments, rounds and the ledger (issue 4). */
#include <string.h>

#include "store/store_funds.h"

#define TXT(i) arena_strdup(a, col_text(st, (i)))

static int done_ok(int rc)
{
    return rc == DB_DONE ? DB_OK : rc;
}

/* An UPDATE guarded by a WHERE: DB_DONE when it touched no row. */
static int run_guarded(Db *db, Stmt *st)
{
    int rc = stmt_run(st);
    if (rc == DB_OK && db_changes(db) == 0)
        return DB_DONE;
    return rc;
}

static void opt_int(Stmt *st, int64_t v)
{
    if (v)
        stmt_int(st, v);
    else
        stmt_null(st);
}

/* ---- funds ---- */

static void read_fund(Stmt *st, Arena *a, int year, Fund *f)
{
    memset(f, 0, sizeof *f);
    f->id = col_int(st, 0);
    f->code = TXT(1);
    f->name = TXT(2);
    f->organisation = TXT(3);
    f->organisation_name = TXT(4);
    f->description = TXT(5);
    f->who_may_apply = TXT(6);
    f->exclusions = TXT(7);
    f->cadence = TXT(8);
    f->max_amount_cents = col_int(st, 9);
    f->decision_weeks = (int)col_int(st, 10);
    f->criteria_version = (int)col_int(st, 11);
    f->budget_cents = col_int(st, 12);
    f->year = year;
}

static int read_funds(Stmt *st, Arena *a, int year, Fund **out, size_t *n)
{
    size_t cap = 0;
    Fund *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        read_fund(st, a, year, &v[(*n)++]);
    }
    *out = v;
    return done_ok(rc);
}

int store_fund_upsert(Db *db, int64_t tenant, const Fund *f, int64_t *id)
{
    Stmt *st = db_stmt(db, Q_FUND_UPSERT);
    stmt_int(st, tenant);
    stmt_text(st, f->code);
    stmt_text(st, f->name);
    stmt_text(st, f->organisation);
    stmt_text(st, f->description ? f->description : "");
    stmt_text(st, f->who_may_apply ? f->who_may_apply : "");
    stmt_text(st, f->exclusions ? f->exclusions : "");
    stmt_text(st, f->cadence ? f->cadence : "");
    stmt_int(st, f->max_amount_cents);
    stmt_int(st, f->decision_weeks);
    return stmt_run_id(st, id);
}

int store_fund_list(Db *db, Arena *a, int64_t tenant, int year, Fund **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_FUND_LIST);
    stmt_int(st, tenant);
    stmt_int(st, year);
    return read_funds(st, a, year, out, n);
}

int store_funds_of_member(Db *db, Arena *a, int64_t tenant, int64_t user, int year, Fund **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_FUNDS_OF_MEMBER);
    stmt_int(st, tenant);
    stmt_int(st, year);
    stmt_int(st, user);
    return read_funds(st, a, year, out, n);
}

int store_fund_get(Db *db, Arena *a, int64_t tenant, const char *code, int year, Fund *out)
{
    Stmt *st = db_stmt(db, Q_FUND_GET);
    stmt_int(st, tenant);
    stmt_int(st, year);
    stmt_text(st, code);
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        read_fund(st, a, year, out);
        rc = DB_OK;
    }
    stmt_reset(st);
    return rc;
}

int store_fund_update(Db *db, int64_t tenant, const Fund *f)
{
    Stmt *st = db_stmt(db, Q_FUND_UPDATE);
    stmt_int(st, tenant);
    stmt_int(st, f->id);
    stmt_text(st, f->name);
    stmt_text(st, f->description);
    stmt_text(st, f->who_may_apply);
    stmt_text(st, f->exclusions);
    stmt_text(st, f->cadence);
    stmt_int(st, f->max_amount_cents);
    stmt_int(st, f->decision_weeks);
    return stmt_run(st);
}

int store_fund_set_criteria_version(Db *db, int64_t tenant, int64_t fund, int version)
{
    Stmt *st = db_stmt(db, Q_FUND_SET_CRITERIA_VERSION);
    stmt_int(st, tenant);
    stmt_int(st, fund);
    stmt_int(st, version);
    return stmt_run(st);
}

/* ---- years ---- */

int store_fund_year_set(Db *db, int64_t tenant, int64_t fund, int year, int64_t budget_cents, int ensure)
{
    Stmt *st = db_stmt(db, ensure ? Q_FUND_YEAR_ENSURE : Q_FUND_YEAR_SET);
    stmt_int(st, tenant);
    stmt_int(st, fund);
    stmt_int(st, year);
    stmt_int(st, budget_cents);
    return stmt_run(st);
}

int store_fund_year_get(Db *db, int64_t tenant, int64_t fund, int year, int lock, int64_t *budget, int *closed)
{
    Stmt *st = db_stmt(db, lock ? Q_FUND_YEAR_LOCK : Q_FUND_YEAR_GET);
    stmt_int(st, tenant);
    stmt_int(st, fund);
    stmt_int(st, year);
    int rc = stmt_step(st);
    *budget = 0;
    *closed = 0;
    if (rc == DB_ROW) {
        *budget = col_int(st, 0);
        *closed = (int)col_int(st, 1);
        rc = DB_OK;
    }
    stmt_reset(st);
    return rc;
}

int store_fund_year_close(Db *db, int64_t tenant, int64_t fund, int year)
{
    Stmt *st = db_stmt(db, Q_FUND_YEAR_CLOSE);
    stmt_int(st, tenant);
    stmt_int(st, fund);
    stmt_int(st, year);
    return run_guarded(db, st);
}

int store_fund_years(Db *db, Arena *a, int64_t tenant, int64_t fund, Ledger **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_FUND_YEARS);
    stmt_int(st, tenant);
    stmt_int(st, fund);
    size_t cap = 0;
    Ledger *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        Ledger *l = &v[(*n)++];
        memset(l, 0, sizeof *l);
        l->year = (int)col_int(st, 0);
        l->budget_cents = col_int(st, 1);
        l->closed = (int)col_int(st, 2);
    }
    *out = v;
    return done_ok(rc);
}

/* ---- criteria ---- */

int store_criteria_get(Db *db, Arena *a, int64_t tenant, int64_t fund, int version, CriteriaSet *out)
{
    Stmt *st = db_stmt(db, Q_CRITERIA_GET);
    stmt_int(st, tenant);
    stmt_int(st, fund);
    stmt_int(st, version);
    size_t cap = 0;
    memset(out, 0, sizeof *out);
    out->version = version;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (out->n == cap)
            out->items = arena_grow(a, out->items, &cap, sizeof *out->items);
        Criterion *c = &out->items[out->n++];
        c->code = TXT(0);
        c->name = TXT(1);
        c->question = TXT(2);
        out->created_at = col_int(st, 3);
    }
    if (!out->items)
        out->items = arena_alloc(a, sizeof *out->items);
    return done_ok(rc);
}

int store_criterion_insert(Db *db, int64_t tenant, int64_t fund, int version, int position, const Criterion *c,
                           int64_t now)
{
    Stmt *st = db_stmt(db, Q_CRITERION_INSERT);
    stmt_int(st, tenant);
    stmt_int(st, fund);
    stmt_int(st, version);
    stmt_int(st, position);
    stmt_text(st, c->code);
    stmt_text(st, c->name);
    stmt_text(st, c->question ? c->question : "");
    stmt_int(st, now);
    return stmt_run(st);
}

/* ---- committee ---- */

int store_member_upsert(Db *db, int64_t tenant, int64_t fund, int64_t user, int chair, int64_t now)
{
    Stmt *st = db_stmt(db, Q_MEMBER_UPSERT);
    stmt_int(st, tenant);
    stmt_int(st, fund);
    stmt_int(st, user);
    stmt_int(st, chair ? 1 : 0);
    stmt_int(st, now);
    return stmt_run(st);
}

int store_member_clear_chair(Db *db, int64_t tenant, int64_t fund)
{
    Stmt *st = db_stmt(db, Q_MEMBER_CLEAR_CHAIR);
    stmt_int(st, tenant);
    stmt_int(st, fund);
    return stmt_run(st);
}

int store_member_delete(Db *db, int64_t tenant, int64_t fund, int64_t user)
{
    Stmt *st = db_stmt(db, Q_MEMBER_DELETE);
    stmt_int(st, tenant);
    stmt_int(st, fund);
    stmt_int(st, user);
    return run_guarded(db, st);
}

int store_member_list(Db *db, Arena *a, int64_t tenant, int64_t fund, Member **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_MEMBER_LIST);
    stmt_int(st, tenant);
    stmt_int(st, fund);
    size_t cap = 0;
    Member *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        Member *m = &v[(*n)++];
        m->user_id = col_int(st, 0);
        m->name = TXT(1);
        m->email = TXT(2);
        m->chair = (int)col_int(st, 3);
    }
    *out = v;
    return done_ok(rc);
}

int store_member_get(Db *db, int64_t tenant, int64_t fund, int64_t user, int *chair)
{
    Stmt *st = db_stmt(db, Q_MEMBER_GET);
    stmt_int(st, tenant);
    stmt_int(st, fund);
    stmt_int(st, user);
    int rc = stmt_step(st);
    *chair = 0;
    if (rc == DB_ROW) {
        *chair = (int)col_int(st, 0);
        rc = DB_OK;
    }
    stmt_reset(st);
    return rc;
}

/* ---- ledger ---- */

static int sums(Stmt *st, int64_t *committed, int64_t *paid)
{
    int rc = stmt_step(st);
    *committed = *paid = 0;
    if (rc == DB_ROW) {
        *committed = col_int(st, 0);
        *paid = col_int(st, 1);
        rc = DB_OK;
    }
    stmt_reset(st);
    return done_ok(rc);
}

int store_ledger_sums(Db *db, int64_t tenant, int64_t fund, int year, int64_t *committed, int64_t *paid)
{
    Stmt *st = db_stmt(db, Q_LEDGER_SUMS);
    stmt_int(st, tenant);
    stmt_int(st, fund);
    stmt_int(st, year);
    return sums(st, committed, paid);
}

int store_ledger_application_sums(Db *db, int64_t tenant, int64_t application, int64_t *committed, int64_t *paid)
{
    Stmt *st = db_stmt(db, Q_LEDGER_APPLICATION_SUMS);
    stmt_int(st, tenant);
    stmt_int(st, application);
    return sums(st, committed, paid);
}

static LedgerKind kind_parse(const char *s)
{
    for (int k = 0; s && k < LEDGER_COUNT_; k++)
        if (strcmp(s, ledger_kind_code((LedgerKind)k)) == 0)
            return (LedgerKind)k;
    return LEDGER_COMMIT;
}

int store_ledger_entries(Db *db, Arena *a, int64_t tenant, int64_t fund, int year, LedgerEntry **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_LEDGER_ENTRIES);
    stmt_int(st, tenant);
    stmt_int(st, fund);
    stmt_int(st, year);
    size_t cap = 0;
    LedgerEntry *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        LedgerEntry *e = &v[(*n)++];
        e->id = col_int(st, 0);
        e->year = (int)col_int(st, 1);
        e->at = col_int(st, 2);
        e->kind = kind_parse(col_text(st, 3));
        e->amount_cents = col_int(st, 4);
        e->application_id = col_int(st, 5);
        e->initiative_title = TXT(6);
        e->note = TXT(7);
        e->by_name = TXT(8);
    }
    *out = v;
    return done_ok(rc);
}

int store_ledger_insert(Db *db, int64_t tenant, int64_t fund, int year, int64_t at, LedgerKind kind, int64_t amount,
                        int64_t application, const char *note, int64_t by, int64_t *id)
{
    Stmt *st = db_stmt(db, Q_LEDGER_INSERT);
    stmt_int(st, tenant);
    stmt_int(st, fund);
    stmt_int(st, year);
    stmt_int(st, at);
    stmt_text(st, ledger_kind_code(kind));
    stmt_int(st, amount);
    opt_int(st, application);
    stmt_text(st, note ? note : "");
    opt_int(st, by);
    return stmt_run_id(st, id);
}

/* ---- rounds ---- */

int store_round_insert(Db *db, int64_t tenant, int64_t fund, int64_t day, const char *note, int64_t now, int64_t *id)
{
    Stmt *st = db_stmt(db, Q_ROUND_INSERT);
    stmt_int(st, tenant);
    stmt_int(st, fund);
    stmt_int(st, day);
    stmt_text(st, note ? note : "");
    stmt_int(st, now);
    return stmt_run_id(st, id);
}

static void read_round(Stmt *st, Arena *a, Round *r)
{
    r->id = col_int(st, 0);
    r->fund_code = TXT(1);
    r->meeting_day = col_int(st, 2);
    r->note = TXT(3);
    r->n_agenda = (size_t)col_int(st, 4);
}

int store_round_list(Db *db, Arena *a, int64_t tenant, int64_t fund, Round **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_ROUND_LIST);
    stmt_int(st, tenant);
    stmt_int(st, fund);
    size_t cap = 0;
    Round *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        read_round(st, a, &v[(*n)++]);
    }
    *out = v;
    return done_ok(rc);
}

int store_round_get(Db *db, Arena *a, int64_t tenant, int64_t id, Round *out)
{
    Stmt *st = db_stmt(db, Q_ROUND_GET);
    stmt_int(st, tenant);
    stmt_int(st, id);
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        read_round(st, a, out);
        rc = DB_OK;
    }
    stmt_reset(st);
    return rc;
}

int store_round_assign_open(Db *db, int64_t tenant, int64_t fund, int64_t round)
{
    Stmt *st = db_stmt(db, Q_ROUND_ASSIGN_OPEN);
    stmt_int(st, tenant);
    stmt_int(st, fund);
    stmt_int(st, round);
    return stmt_run(st);
}

int store_round_next(Db *db, int64_t tenant, int64_t fund, int64_t day, int64_t until, int64_t *id)
{
    Stmt *st = db_stmt(db, Q_ROUND_NEXT);
    stmt_int(st, tenant);
    stmt_int(st, fund);
    stmt_int(st, day);
    stmt_int(st, until);
    *id = 0;
    return stmt_run_id(st, id);
}

/* ---- applications ---- */

static const char *const app_codes[] = { "ingediend", "in_beoordeling", "besluit", "uitbetaald", "verantwoord",
                                         "ingetrokken" };

static AppState app_parse(const char *s)
{
    for (int i = 0; s && i < APP_COUNT_; i++)
        if (strcmp(s, app_codes[i]) == 0)
            return (AppState)i;
    return APP_NONE;
}

static Outcome outcome_of(const char *s)
{
    if (!s)
        return OUTCOME_NONE;
    if (strcmp(s, "granted") == 0)
        return OUTCOME_GRANTED;
    if (strcmp(s, "rejected") == 0)
        return OUTCOME_REJECTED;
    if (strcmp(s, "referred") == 0)
        return OUTCOME_REFERRED;
    return OUTCOME_NONE;
}

static void read_app(Stmt *st, Arena *a, Application *p)
{
    memset(p, 0, sizeof *p);
    int i = 0;
    p->id = col_int(st, i++);
    p->fund_code = TXT(i++);
    p->fund_name = TXT(i++);
    p->initiative_id = col_int(st, i++);
    p->initiative_title = TXT(i++);
    p->area_code = TXT(i++);
    p->area_name = TXT(i++);
    p->help_request_id = col_int(st, i++);
    p->applicant_id = col_int(st, i++);
    p->applicant_name = TXT(i++);
    p->applicant_email = TXT(i++);
    p->year = (int)col_int(st, i++);
    p->amount_cents = col_int(st, i++);
    p->own_contribution = TXT(i++);
    p->own_contribution_cents = col_int(st, i++);
    p->own_contribution_hours = (int)col_int(st, i++);
    p->needed_by = col_int(st, i++);
    p->state = app_parse(col_text(st, i++));
    p->submitted_at = col_int(st, i++);
    p->state_since = col_int(st, i++);
    p->decision_due_day = col_int(st, i++);
    p->paused_since = col_int(st, i++);
    p->paused_days = col_int(st, i++);
    p->info_request = TXT(i++);
    p->info_requested_at = col_int(st, i++);
    p->info_response = TXT(i++);
    p->info_supplied_at = col_int(st, i++);
    p->outcome = outcome_of(col_text(st, i++));
    p->granted_cents = col_int(st, i++);
    p->motivation = TXT(i++);
    p->conditions = TXT(i++);
    p->referral = TXT(i++);
    p->criteria_version = (int)col_int(st, i++);
    p->decided_at = col_int(st, i++);
    p->decided_by_name = TXT(i++);
    p->paid_cents = col_int(st, i++);
    p->round_id = col_int(st, i++);
    p->round_day = col_int(st, i++);
    p->withdraw_reason = TXT(i++);
    p->report.submitted_at = col_int(st, i++);
    p->report.participants = (int)col_int(st, i++);
    p->report.reach = (int)col_int(st, i++);
    p->report.costs_cents = col_int(st, i++);
    p->report.story = TXT(i++);
    p->report.photo_url = TXT(i++);
    p->report.accepted = (int)col_int(st, i++);
    p->report.review_note = TXT(i++);
    p->report.reviewed_at = col_int(st, i++);
}

static int read_apps(Stmt *st, Arena *a, Application **out, size_t *n)
{
    size_t cap = 0;
    Application *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        read_app(st, a, &v[(*n)++]);
    }
    *out = v;
    return done_ok(rc);
}

int store_application_insert(Db *db, int64_t tenant, int64_t fund, const Application *p, int64_t *id)
{
    Stmt *st = db_stmt(db, Q_APPLICATION_INSERT);
    stmt_int(st, tenant);
    stmt_int(st, fund);
    stmt_int(st, p->initiative_id);
    opt_int(st, p->help_request_id);
    stmt_int(st, p->applicant_id);
    stmt_int(st, p->year);
    stmt_int(st, p->amount_cents);
    stmt_text(st, p->own_contribution);
    stmt_int(st, p->own_contribution_cents);
    stmt_int(st, p->own_contribution_hours);
    stmt_int(st, p->needed_by);
    stmt_int(st, p->submitted_at);
    stmt_int(st, p->decision_due_day);
    stmt_int(st, p->criteria_version);
    opt_int(st, p->round_id);
    int rc = stmt_run_id(st, id);
    for (size_t i = 0; rc == DB_OK && i < p->n_lines; i++) {
        st = db_stmt(db, Q_APPLICATION_LINE_INSERT);
        stmt_int(st, tenant);
        stmt_int(st, *id);
        stmt_int(st, (int64_t)i);
        stmt_text(st, p->lines[i].description);
        stmt_int(st, p->lines[i].amount_cents);
        rc = stmt_run(st);
    }
    return rc;
}

int store_application_get(Db *db, Arena *a, int64_t tenant, int64_t id, Application *out)
{
    Stmt *st = db_stmt(db, Q_APPLICATION_GET);
    stmt_int(st, tenant);
    stmt_int(st, id);
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        read_app(st, a, out);
        rc = DB_OK;
    }
    stmt_reset(st);
    if (rc != DB_OK)
        return rc;
    st = db_stmt(db, Q_APPLICATION_LINES);
    stmt_int(st, tenant);
    stmt_int(st, id);
    size_t cap = 0;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (out->n_lines == cap)
            out->lines = arena_grow(a, out->lines, &cap, sizeof *out->lines);
        out->lines[out->n_lines].description = TXT(0);
        out->lines[out->n_lines].amount_cents = col_int(st, 1);
        out->n_lines++;
    }
    if (!out->lines)
        out->lines = arena_alloc(a, sizeof *out->lines);
    return done_ok(rc);
}

int store_application_list_fund(Db *db, Arena *a, int64_t tenant, const char *fund, const char *state,
                                Application **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_APPLICATION_LIST_FUND);
    stmt_int(st, tenant);
    stmt_text(st, fund);
    stmt_text(st, state);
    return read_apps(st, a, out, n);
}

int store_application_list_initiative(Db *db, Arena *a, int64_t tenant, int64_t initiative, Application **out,
                                      size_t *n)
{
    Stmt *st = db_stmt(db, Q_APPLICATION_LIST_INITIATIVE);
    stmt_int(st, tenant);
    stmt_int(st, initiative);
    return read_apps(st, a, out, n);
}

int store_application_list_applicant(Db *db, Arena *a, int64_t tenant, int64_t user, Application **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_APPLICATION_LIST_APPLICANT);
    stmt_int(st, tenant);
    stmt_int(st, user);
    return read_apps(st, a, out, n);
}

int store_application_list_round(Db *db, Arena *a, int64_t tenant, int64_t round, Application **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_APPLICATION_LIST_ROUND);
    stmt_int(st, tenant);
    stmt_int(st, round);
    return read_apps(st, a, out, n);
}

int store_application_open_for(Db *db, int64_t tenant, int64_t fund, int64_t initiative, int64_t *id)
{
    Stmt *st = db_stmt(db, Q_APPLICATION_OPEN_FOR);
    stmt_int(st, tenant);
    stmt_int(st, fund);
    stmt_int(st, initiative);
    *id = 0;
    return stmt_run_id(st, id);
}

int store_application_set_state(Db *db, int64_t tenant, int64_t id, AppState from, AppState to, int64_t now)
{
    Stmt *st = db_stmt(db, Q_APPLICATION_SET_STATE);
    stmt_int(st, tenant);
    stmt_int(st, id);
    stmt_text(st, app_codes[from]);
    stmt_text(st, app_codes[to]);
    stmt_int(st, now);
    return run_guarded(db, st);
}

int store_application_set_round(Db *db, int64_t tenant, int64_t id, int64_t round)
{
    Stmt *st = db_stmt(db, Q_APPLICATION_SET_ROUND);
    stmt_int(st, tenant);
    stmt_int(st, id);
    opt_int(st, round);
    return run_guarded(db, st);
}

int store_application_set_help(Db *db, int64_t tenant, int64_t id, int64_t help)
{
    Stmt *st = db_stmt(db, Q_APPLICATION_SET_HELP);
    stmt_int(st, tenant);
    stmt_int(st, id);
    opt_int(st, help);
    return run_guarded(db, st);
}

int store_application_pause(Db *db, int64_t tenant, int64_t id, const char *question, int64_t now)
{
    Stmt *st = db_stmt(db, Q_APPLICATION_PAUSE);
    stmt_int(st, tenant);
    stmt_int(st, id);
    stmt_text(st, question);
    stmt_int(st, now);
    return run_guarded(db, st);
}

int store_application_resume(Db *db, int64_t tenant, int64_t id, const char *answer, int64_t now, int64_t days)
{
    Stmt *st = db_stmt(db, Q_APPLICATION_RESUME);
    stmt_int(st, tenant);
    stmt_int(st, id);
    stmt_text(st, answer);
    stmt_int(st, now);
    stmt_int(st, days);
    return run_guarded(db, st);
}

int store_application_decide(Db *db, int64_t tenant, int64_t id, const Application *d, int64_t by, int64_t now)
{
    Stmt *st = db_stmt(db, Q_APPLICATION_DECIDE);
    stmt_int(st, tenant);
    stmt_int(st, id);
    stmt_text(st, d->outcome == OUTCOME_GRANTED ? "granted" : d->outcome == OUTCOME_REJECTED ? "rejected" : "referred");
    stmt_int(st, d->granted_cents);
    stmt_text(st, d->motivation);
    stmt_text(st, d->conditions);
    stmt_text(st, d->referral);
    stmt_int(st, d->criteria_version);
    stmt_int(st, now);
    opt_int(st, by);
    stmt_int(st, d->year);
    return run_guarded(db, st);
}

int store_application_withdraw(Db *db, int64_t tenant, int64_t id, AppState from, const char *reason, int64_t now)
{
    Stmt *st = db_stmt(db, Q_APPLICATION_WITHDRAW);
    stmt_int(st, tenant);
    stmt_int(st, id);
    stmt_text(st, app_codes[from]);
    stmt_text(st, reason);
    stmt_int(st, now);
    return run_guarded(db, st);
}

int store_application_report(Db *db, int64_t tenant, int64_t id, const Report *r)
{
    Stmt *st = db_stmt(db, Q_APPLICATION_REPORT);
    stmt_int(st, tenant);
    stmt_int(st, id);
    stmt_int(st, r->submitted_at);
    stmt_int(st, r->participants);
    stmt_int(st, r->reach);
    stmt_int(st, r->costs_cents);
    stmt_text(st, r->story);
    stmt_text(st, r->photo_url);
    return run_guarded(db, st);
}

int store_application_report_review(Db *db, int64_t tenant, int64_t id, int accepted, const char *note, int64_t now)
{
    Stmt *st = db_stmt(db, Q_APPLICATION_REPORT_REVIEW);
    stmt_int(st, tenant);
    stmt_int(st, id);
    stmt_int(st, accepted ? 1 : 0);
    stmt_text(st, note);
    stmt_int(st, now);
    return run_guarded(db, st);
}

/* ---- assessments and conflicts ---- */

int store_assessment_upsert(Db *db, int64_t tenant, const Assessment *s)
{
    Stmt *st = db_stmt(db, Q_ASSESSMENT_UPSERT);
    stmt_int(st, tenant);
    stmt_int(st, s->application_id);
    stmt_int(st, s->member_id);
    stmt_text(st, s->criterion);
    stmt_int(st, s->score);
    stmt_text(st, s->remark ? s->remark : "");
    stmt_int(st, s->at);
    return stmt_run(st);
}

int store_assessment_list(Db *db, Arena *a, int64_t tenant, int64_t application, Assessment **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_ASSESSMENT_LIST);
    stmt_int(st, tenant);
    stmt_int(st, application);
    size_t cap = 0;
    Assessment *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        Assessment *s = &v[(*n)++];
        s->application_id = application;
        s->member_id = col_int(st, 0);
        s->member_name = TXT(1);
        s->criterion = TXT(2);
        s->score = (int)col_int(st, 3);
        s->remark = TXT(4);
        s->at = col_int(st, 5);
    }
    *out = v;
    return done_ok(rc);
}

int store_assessment_delete_member(Db *db, int64_t tenant, int64_t application, int64_t member)
{
    Stmt *st = db_stmt(db, Q_ASSESSMENT_DELETE_MEMBER);
    stmt_int(st, tenant);
    stmt_int(st, application);
    stmt_int(st, member);
    return stmt_run(st);
}

int store_conflict_insert(Db *db, int64_t tenant, int64_t application, int64_t member, const char *reason,
                          int64_t now)
{
    Stmt *st = db_stmt(db, Q_CONFLICT_INSERT);
    stmt_int(st, tenant);
    stmt_int(st, application);
    stmt_int(st, member);
    stmt_text(st, reason ? reason : "");
    stmt_int(st, now);
    return stmt_run(st);
}

int store_conflict_list(Db *db, Arena *a, int64_t tenant, int64_t application, Conflict **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_CONFLICT_LIST);
    stmt_int(st, tenant);
    stmt_int(st, application);
    size_t cap = 0;
    Conflict *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        Conflict *c = &v[(*n)++];
        c->application_id = application;
        c->member_id = col_int(st, 0);
        c->member_name = TXT(1);
        c->reason = TXT(2);
        c->at = col_int(st, 3);
    }
    *out = v;
    return done_ok(rc);
}

/* ---- public ---- */

int store_decisions_public(Db *db, Arena *a, int64_t tenant, int64_t fund, int year, PublicDecision **out,
                           size_t *n)
{
    Stmt *st = db_stmt(db, Q_DECISIONS_PUBLIC);
    stmt_int(st, tenant);
    stmt_int(st, fund);
    stmt_int(st, year);
    size_t cap = 0;
    PublicDecision *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        PublicDecision *d = &v[(*n)++];
        d->application_id = col_int(st, 0);
        d->initiative_title = TXT(1);
        d->area_name = TXT(2);
        d->outcome = outcome_of(col_text(st, 3));
        d->granted_cents = col_int(st, 4);
        d->motivation = TXT(5);
        d->decided_at = col_int(st, 6);
        d->criteria_version = (int)col_int(st, 7);
    }
    *out = v;
    return done_ok(rc);
}

static int use_rows(Db *db, Arena *a, QueryId q, int64_t tenant, int64_t fund, int year, UseRow **out, size_t *n)
{
    Stmt *st = db_stmt(db, q);
    stmt_int(st, tenant);
    stmt_int(st, fund);
    stmt_int(st, year);
    size_t cap = 0;
    UseRow *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        UseRow *r = &v[(*n)++];
        r->code = TXT(0);
        r->name = TXT(1);
        r->granted_cents = col_int(st, 2);
        r->paid_cents = col_int(st, 3);
        r->count = col_int(st, 4);
    }
    *out = v;
    return done_ok(rc);
}

int store_use_by_area(Db *db, Arena *a, int64_t tenant, int64_t fund, int year, UseRow **out, size_t *n)
{
    return use_rows(db, a, Q_USE_BY_AREA, tenant, fund, year, out, n);
}

int store_use_by_theme(Db *db, Arena *a, int64_t tenant, int64_t fund, int year, UseRow **out, size_t *n)
{
    return use_rows(db, a, Q_USE_BY_THEME, tenant, fund, year, out, n);
}
