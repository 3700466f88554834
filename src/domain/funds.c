/* Funds and committee assessment: see funds.h for who may do what. */
#include "domain/funds.h"

#include <stdlib.h>
#include <string.h>

#include "domain/initiatives.h"
#include "domain/process.h"
#include "lib/buf.h"
#include "lib/csv.h"
#include "lib/dates.h"
#include "lib/embedded.h"
#include "lib/text.h"
#include "store/store.h"
#include "store/store_files.h"
#include "store/store_funds.h"

/* ---- names ---- */

static const struct {
    const char *code, *label, *explain;
} app_states[APP_COUNT_] = {
    [APP_INGEDIEND] = { "ingediend", "Ingediend",
                        "Het fonds heeft uw aanvraag ontvangen. De commissie bekijkt haar in een van de komende "
                        "vergaderingen." },
    [APP_IN_BEOORDELING] = { "in_beoordeling", "In beoordeling",
                             "De commissie beoordeelt uw aanvraag en neemt daarna een besluit." },
    [APP_BESLUIT] = { "besluit", "Besluit genomen", "De commissie heeft besloten. U leest het besluit en de reden hieronder." },
    [APP_UITBETAALD] = { "uitbetaald", "Uitbetaald",
                         "Het geld is (deels) overgemaakt. Na afloop vertelt u wat er is gebeurd (verantwoording)." },
    [APP_VERANTWOORD] = { "verantwoord", "Verantwoord", "De commissie heeft uw verantwoording goedgekeurd. Klaar!" },
    [APP_INGETROKKEN] = { "ingetrokken", "Ingetrokken", "De aanvraag is ingetrokken." },
};

const char *app_state_code(AppState s)
{
    return s >= 0 && s < APP_COUNT_ ? app_states[s].code : "";
}

const char *app_state_label(AppState s)
{
    return s >= 0 && s < APP_COUNT_ ? app_states[s].label : "";
}

const char *app_state_explain(AppState s)
{
    return s >= 0 && s < APP_COUNT_ ? app_states[s].explain : "";
}

AppState app_state_parse(const char *code)
{
    for (int i = 0; code && i < APP_COUNT_; i++)
        if (strcmp(code, app_states[i].code) == 0)
            return (AppState)i;
    return APP_NONE;
}

static const char *const outcome_codes[OUTCOME_COUNT_] = { "", "granted", "rejected", "referred" };
static const char *const outcome_labels[OUTCOME_COUNT_] = { "", "Toegekend", "Afgewezen", "Doorverwezen" };

const char *outcome_code(Outcome o)
{
    return o < OUTCOME_COUNT_ ? outcome_codes[o] : "";
}

const char *outcome_label(Outcome o)
{
    return o < OUTCOME_COUNT_ ? outcome_labels[o] : "";
}

int outcome_parse(const char *code)
{
    for (int i = 1; code && i < OUTCOME_COUNT_; i++)
        if (strcmp(code, outcome_codes[i]) == 0)
            return i;
    return -1;
}

static const char *const kind_codes[LEDGER_COUNT_] = { "commit", "release", "payment", "repayment" };
static const char *const kind_labels[LEDGER_COUNT_] = { "Toegezegd", "Vrijgevallen", "Uitbetaald", "Terugbetaald" };

const char *ledger_kind_code(LedgerKind k)
{
    return k < LEDGER_COUNT_ ? kind_codes[k] : "";
}

const char *ledger_kind_label(LedgerKind k)
{
    return k < LEDGER_COUNT_ ? kind_labels[k] : "";
}

int fund_year_of(int64_t unix_seconds)
{
    int y, m, d;
    date_to_ymd(date_day(unix_seconds), &y, &m, &d);
    return y;
}

/* ---- small checks ---- */

static int logged_in(const Ctx *c)
{
    return c->user != NULL;
}

static int is_staff(const Ctx *c)
{
    return c->user && role_is_staff(c->user->role);
}

static int is_admin(const Ctx *c)
{
    return c->user && c->user->role == ROLE_ADMIN;
}

static int64_t today(const Ctx *c)
{
    return date_day(c->now);
}

/* Trims and checks a text field; returns the trimmed text (NULL when empty). */
static const char *check_text(Ctx *c, const char *v, int required, size_t min, size_t max, FieldErrors *e,
                              const char *field, const char *missing)
{
    Arena *a = c->arena;
    v = text_trim(a, v);
    if (!v || !*v) {
        if (required)
            errors_add(e, field, missing);
        return NULL;
    }
    if (!utf8_valid(v)) {
        errors_add(e, field, "Deze tekst bevat tekens die we niet kunnen lezen.");
        return v;
    }
    size_t n = utf8_len(v);
    if (n < min)
        errors_add(e, field, arena_printf(a, "Schrijf minstens %zu tekens.", min));
    else if (n > max)
        errors_add(e, field, arena_printf(a, "Gebruik hoogstens %zu tekens (nu %zu).", max, n));
    return v;
}

/* An amount: the text when given, else cents. Returns 0 with an error
 * when the text is not an amount; *out -1 when nothing was given. */
static int read_amount(Ctx *c, const char *text, int64_t cents, int64_t *out, FieldErrors *e, const char *field)
{
    (void)c;
    if (text && !text_is_blank(text)) {
        if (!parse_euros(text, out)) {
            errors_add(e, field, "Schrijf het bedrag als getal, bijvoorbeeld 250 of 250,50.");
            return 0;
        }
        return 1;
    }
    *out = text ? -1 : cents;
    return 1;
}

static int read_count(const char *text, int64_t n, int64_t *out, FieldErrors *e, const char *field)
{
    if (text && !text_is_blank(text)) {
        char buf[32];
        size_t len = strlen(text);
        while (len && (text[len - 1] == ' ' || text[len - 1] == '\r'))
            len--;
        while (len && *text == ' ')
            text++, len--;
        if (len >= sizeof buf || (memcpy(buf, text, len), buf[len] = 0, !parse_int64(buf, out)) || *out < 0
            || *out > 10000000) {
            errors_add(e, field, "Schrijf een heel getal, bijvoorbeeld 25.");
            return 0;
        }
        return 1;
    }
    *out = text ? -1 : n;
    return 1;
}

/* ---- funds ---- */

static Status load_fund(Ctx *c, const char *code, int year, Fund *f)
{
    if (!code || !*code)
        return ERR_NOT_FOUND;
    return status_from_db(store_fund_get(c->db, c->arena, c->tenant->id, code, year ? year : fund_year_of(c->now), f));
}

Status fund_list(Ctx *c, Fund **out, size_t *n)
{
    return status_from_db(store_fund_list(c->db, c->arena, c->tenant->id, fund_year_of(c->now), out, n));
}

Status fund_get(Ctx *c, const char *code, Fund *out)
{
    return load_fund(c, code, 0, out);
}

/* The ledger of a year from its entries; inside a transaction with lock,
 * the year's row stays locked until the transaction ends. */
static int ledger_of(Ctx *c, const Fund *f, int year, int lock, Ledger *out)
{
    memset(out, 0, sizeof *out);
    out->fund_code = f->code;
    out->year = year;
    int rc = store_fund_year_get(c->db, c->tenant->id, f->id, year, lock, &out->budget_cents, &out->closed);
    if (rc != DB_OK && rc != DB_DONE)
        return rc;
    out->unset = rc == DB_DONE;
    rc = store_ledger_sums(c->db, c->tenant->id, f->id, year, &out->committed_cents, &out->paid_cents);
    out->remaining_cents = out->budget_cents - out->committed_cents - out->paid_cents;
    return rc;
}

Status fund_ledger(Ctx *c, const char *code, int year, Ledger *out)
{
    Fund f;
    Status s = load_fund(c, code, year, &f);
    if (s != STATUS_OK)
        return s;
    return status_from_db(ledger_of(c, &f, year ? year : fund_year_of(c->now), 0, out));
}

Status fund_years(Ctx *c, const char *code, Ledger **out, size_t *n)
{
    Fund f;
    Status s = load_fund(c, code, 0, &f);
    if (s != STATUS_OK)
        return s;
    int rc = store_fund_years(c->db, c->arena, c->tenant->id, f.id, out, n);
    for (size_t i = 0; rc == DB_OK && i < *n; i++)
        rc = ledger_of(c, &f, (*out)[i].year, 0, &(*out)[i]);
    return status_from_db(rc);
}

static int member_of(Ctx *c, int64_t fund, int *chair)
{
    int ch = 0;
    int is = c->user && store_member_get(c->db, c->tenant->id, fund, c->user->id, &ch) == DB_OK;
    if (chair)
        *chair = is && ch;
    return is;
}

Status fund_ledger_entries(Ctx *c, const char *code, int year, LedgerEntry **out, size_t *n)
{
    if (!logged_in(c))
        return ERR_UNAUTHORIZED;
    Fund f;
    Status s = load_fund(c, code, 0, &f);
    if (s != STATUS_OK)
        return s;
    if (!is_staff(c) && !member_of(c, f.id, NULL))
        return ERR_FORBIDDEN;
    int y = year ? year : fund_year_of(c->now);
    return status_from_db(store_ledger_entries(c->db, c->arena, c->tenant->id, f.id, y, out, n));
}

static const char *cents_plain(Arena *a, int64_t cents)
{
    return arena_printf(a, "%s%lld.%02lld", cents < 0 ? "-" : "", (long long)(llabs(cents) / 100),
                        (long long)(llabs(cents) % 100));
}

Status fund_ledger_csv(Ctx *c, const char *code, int year, const char **csv)
{
    LedgerEntry *v;
    size_t n;
    Status s = fund_ledger_entries(c, code, year, &v, &n);
    if (s != STATUS_OK)
        return s;
    Buf b;
    buf_init(&b);
    const char *head[] = { "datum", "soort", "aanvraag", "initiatief", "bedrag", "toelichting", "door" };
    for (size_t i = 0; i < sizeof head / sizeof *head; i++)
        csv_write_cell(&b, head[i], i == 0);
    csv_end_row(&b);
    for (size_t i = 0; i < n; i++) {
        const LedgerEntry *e = &v[i];
        csv_write_cell(&b, date_iso(c->arena, date_day(e->at)), 1);
        csv_write_cell(&b, ledger_kind_code(e->kind), 0);
        csv_write_cell(&b, e->application_id ? arena_printf(c->arena, "%lld", (long long)e->application_id) : "", 0);
        csv_write_cell(&b, e->initiative_title ? e->initiative_title : "", 0);
        csv_write_cell(&b, cents_plain(c->arena, e->amount_cents), 0);
        csv_write_cell(&b, e->note ? e->note : "", 0);
        csv_write_cell(&b, e->by_name ? e->by_name : "", 0);
        csv_end_row(&b);
    }
    *csv = arena_strdup(c->arena, buf_cstr(&b));
    buf_free(&b);
    return STATUS_OK;
}

Status fund_update(Ctx *c, const char *code, FundInput *in, FieldErrors *e)
{
    if (!logged_in(c))
        return ERR_UNAUTHORIZED;
    if (!is_admin(c))
        return ERR_FORBIDDEN;
    Fund f;
    Status s = load_fund(c, code, 0, &f);
    if (s != STATUS_OK)
        return s;
    if (in->present.name)
        f.name = check_text(c, in->name, 1, 3, 120, e, "name", "Vul de naam van het fonds in.");
    if (in->present.description) {
        f.description = check_text(c, in->description, 0, 0, FUND_TEXT_MAX, e, "description", "");
        if (!f.description)
            f.description = "";
    }
    if (in->present.who_may_apply) {
        f.who_may_apply = check_text(c, in->who_may_apply, 0, 0, FUND_TEXT_MAX, e, "who_may_apply", "");
        if (!f.who_may_apply)
            f.who_may_apply = "";
    }
    if (in->present.exclusions) {
        f.exclusions = check_text(c, in->exclusions, 0, 0, FUND_TEXT_MAX, e, "exclusions", "");
        if (!f.exclusions)
            f.exclusions = "";
    }
    if (in->present.cadence) {
        f.cadence = check_text(c, in->cadence, 0, 0, 300, e, "cadence", "");
        if (!f.cadence)
            f.cadence = "";
    }
    if (in->present.max_amount) {
        int64_t v;
        if (read_amount(c, in->max_amount, in->max_amount_cents, &v, e, "max_amount_cents")) {
            if (v <= 0 || v > AMOUNT_MAX_CENTS)
                errors_add(e, "max_amount_cents", "Het hoogste bedrag moet tussen € 0 en € 1.000.000 liggen.");
            else
                f.max_amount_cents = v;
        }
    }
    if (in->present.decision_weeks) {
        if (in->decision_weeks < 1 || in->decision_weeks > 52)
            errors_add(e, "decision_weeks", "De beslistermijn is 1 tot en met 52 weken.");
        else
            f.decision_weeks = (int)in->decision_weeks;
    }
    if (e->n)
        return ERR_INVALID;
    return status_from_db(store_fund_update(c->db, c->tenant->id, &f));
}

Status fund_set_budget(Ctx *c, const char *code, int year, int64_t budget_cents, FieldErrors *e)
{
    if (!logged_in(c))
        return ERR_UNAUTHORIZED;
    if (!is_admin(c))
        return ERR_FORBIDDEN;
    Fund f;
    Status s = load_fund(c, code, 0, &f);
    if (s != STATUS_OK)
        return s;
    if (year < 2000 || year > 2100)
        errors_add(e, "year", "Kies een jaar tussen 2000 en 2100.");
    if (budget_cents < 0 || budget_cents > 100 * AMOUNT_MAX_CENTS)
        errors_add(e, "budget_cents", "Het budget moet tussen € 0 en € 100.000.000 liggen.");
    if (e->n)
        return ERR_INVALID;
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    Ledger l;
    int rc = ledger_of(c, &f, year, 1, &l);
    if (rc == DB_OK && budget_cents < l.committed_cents + l.paid_cents) {
        db_rollback(c->db);
        e->summary = arena_printf(c->arena, "Er is in %d al %s toegezegd of betaald; het budget kan niet lager.", year,
                                  format_euros(c->arena, l.committed_cents + l.paid_cents));
        return ERR_CONFLICT;
    }
    if (rc == DB_OK)
        rc = store_fund_year_set(c->db, c->tenant->id, f.id, year, budget_cents, 0);
    if (rc != DB_OK || db_commit(c->db) != DB_OK) {
        db_rollback(c->db);
        return ERR_INTERNAL;
    }
    return STATUS_OK;
}

Status fund_close_year(Ctx *c, const char *code, int year, FieldErrors *e)
{
    if (!logged_in(c))
        return ERR_UNAUTHORIZED;
    if (!is_admin(c))
        return ERR_FORBIDDEN;
    Fund f;
    Status s = load_fund(c, code, 0, &f);
    if (s != STATUS_OK)
        return s;
    Ledger l;
    if (ledger_of(c, &f, year, 0, &l) != DB_OK)
        return ERR_INTERNAL;
    if (l.unset) {
        e->summary = arena_printf(c->arena, "Voor %d is geen budget vastgesteld; er is niets af te sluiten.", year);
        return ERR_CONFLICT;
    }
    if (l.committed_cents != 0) {
        e->summary = arena_printf(c->arena, "Er staat in %d nog %s toegezegd dat niet is betaald of vrijgegeven.", year,
                                  format_euros(c->arena, l.committed_cents));
        return ERR_CONFLICT;
    }
    return status_from_db(store_fund_year_close(c->db, c->tenant->id, f.id, year));
}

Status fund_criteria(Ctx *c, const char *code, int version, CriteriaSet *out)
{
    Fund f;
    Status s = load_fund(c, code, 0, &f);
    if (s != STATUS_OK)
        return s;
    if (version <= 0)
        version = f.criteria_version;
    int rc = store_criteria_get(c->db, c->arena, c->tenant->id, f.id, version, out);
    if (rc == DB_OK && out->n == 0)
        return ERR_NOT_FOUND;
    return status_from_db(rc);
}

static int code_valid(const char *s)
{
    if (!s || !*s || strlen(s) > 40)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
            return 0;
    return 1;
}

Status criteria_set_replace(Ctx *c, const char *code, const CriterionInput *items, size_t n, FieldErrors *e,
                            int *version)
{
    if (!logged_in(c))
        return ERR_UNAUTHORIZED;
    if (!is_admin(c))
        return ERR_FORBIDDEN;
    Fund f;
    Status s = load_fund(c, code, 0, &f);
    if (s != STATUS_OK)
        return s;
    if (n == 0)
        errors_add(e, "criteria", "Geef minstens één criterium.");
    if (n > CRITERIA_MAX)
        errors_add(e, "criteria", arena_printf(c->arena, "Geef hoogstens %d criteria.", CRITERIA_MAX));
    Criterion *v = arena_alloc(c->arena, (n + 1) * sizeof *v);
    for (size_t i = 0; i < n && i < CRITERIA_MAX; i++) {
        const char *p = arena_printf(c->arena, "criteria[%zu]", i);
        v[i].code = text_trim(c->arena, items[i].code);
        if (!code_valid(v[i].code))
            errors_add(e, arena_printf(c->arena, "%s.code", p),
                       "Gebruik voor de code alleen kleine letters, cijfers en streepjes (hoogstens 40).");
        for (size_t j = 0; j < i; j++)
            if (v[j].code && v[i].code && strcmp(v[j].code, v[i].code) == 0)
                errors_add(e, arena_printf(c->arena, "%s.code", p), "Deze code komt al eerder voor.");
        v[i].name = check_text(c, items[i].name, 1, 2, 100, e, arena_printf(c->arena, "%s.name", p),
                               "Vul de naam van het criterium in.");
        v[i].question = check_text(c, items[i].question, 1, 5, 500, e, arena_printf(c->arena, "%s.question", p),
                                   "Schrijf de vraag die de commissie zich stelt.");
    }
    if (e->n)
        return ERR_INVALID;
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    /* Read again inside the transaction: two admins at once get two versions, not one mixed. */
    Fund cur;
    int rc = store_fund_get(c->db, c->arena, c->tenant->id, code, fund_year_of(c->now), &cur);
    int next = rc == DB_OK ? cur.criteria_version + 1 : 0;
    for (size_t i = 0; rc == DB_OK && i < n; i++)
        rc = store_criterion_insert(c->db, c->tenant->id, f.id, next, (int)i, &v[i], c->now);
    if (rc == DB_OK)
        rc = store_fund_set_criteria_version(c->db, c->tenant->id, f.id, next);
    if (rc != DB_OK || db_commit(c->db) != DB_OK) {
        db_rollback(c->db);
        return ERR_INTERNAL;
    }
    if (version)
        *version = next;
    return STATUS_OK;
}

/* ---- committee ---- */

Status fund_members(Ctx *c, const char *code, Member **out, size_t *n)
{
    if (!logged_in(c))
        return ERR_UNAUTHORIZED;
    Fund f;
    Status s = load_fund(c, code, 0, &f);
    if (s != STATUS_OK)
        return s;
    if (!is_staff(c) && !member_of(c, f.id, NULL))
        return ERR_FORBIDDEN;
    return status_from_db(store_member_list(c->db, c->arena, c->tenant->id, f.id, out, n));
}

Status fund_member_add(Ctx *c, const char *code, int64_t user, int chair)
{
    if (c->user && !is_admin(c))
        return ERR_FORBIDDEN;
    Fund f;
    Status s = load_fund(c, code, 0, &f);
    if (s != STATUS_OK)
        return s;
    User u;
    if (store_user_by_id(c->db, c->arena, c->tenant->id, user, &u) != DB_OK)
        return ERR_NOT_FOUND;
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int rc = chair ? store_member_clear_chair(c->db, c->tenant->id, f.id) : DB_OK;
    if (rc == DB_OK)
        rc = store_member_upsert(c->db, c->tenant->id, f.id, user, chair, c->now);
    if (rc != DB_OK || db_commit(c->db) != DB_OK) {
        db_rollback(c->db);
        return ERR_INTERNAL;
    }
    return STATUS_OK;
}

Status fund_member_remove(Ctx *c, const char *code, int64_t user)
{
    if (c->user && !is_admin(c))
        return ERR_FORBIDDEN;
    Fund f;
    Status s = load_fund(c, code, 0, &f);
    if (s != STATUS_OK)
        return s;
    return status_from_db(store_member_delete(c->db, c->tenant->id, f.id, user));
}

int member_is(Ctx *c, const char *fund_code)
{
    Fund f;
    return c->user && load_fund(c, fund_code, 0, &f) == STATUS_OK && member_of(c, f.id, NULL);
}

int chair_is(Ctx *c, const char *fund_code)
{
    Fund f;
    int chair = 0;
    return c->user && load_fund(c, fund_code, 0, &f) == STATUS_OK && member_of(c, f.id, &chair) && chair;
}

Status fund_mine(Ctx *c, Fund **out, size_t *n)
{
    if (!logged_in(c))
        return ERR_UNAUTHORIZED;
    int y = fund_year_of(c->now);
    return status_from_db(store_funds_of_member(c->db, c->arena, c->tenant->id, c->user->id, y, out, n));
}

/* ---- applications: rights ---- */

static int app_open(const Application *a)
{
    return a->state == APP_INGEDIEND || a->state == APP_IN_BEOORDELING;
}

/* Fills a->me. fund: the application's fund (for membership). */
static void fill_rights(Ctx *c, const Fund *f, Application *a)
{
    AppRights *r = &a->me;
    memset(r, 0, sizeof *r);
    if (!c->user)
        return;
    r->applicant = c->user->id == a->applicant_id;
    r->member = member_of(c, f->id, &r->chair);
    r->staff = role_is_staff(c->user->role);
    if (r->member) {
        Conflict *v;
        size_t n;
        if (store_conflict_list(c->db, c->arena, c->tenant->id, a->id, &v, &n) == DB_OK)
            for (size_t i = 0; i < n; i++)
                if (v[i].member_id == c->user->id)
                    r->conflict = 1;
    }
    int open = app_open(a);
    int granted = a->outcome == OUTCOME_GRANTED;
    int active_member = r->member && !r->conflict;
    r->may_score = active_member && open;
    r->may_decide = r->chair && !r->conflict && open;
    r->may_request_info = (active_member || r->staff) && open && !a->paused_since;
    r->may_supply_info = r->applicant && open && a->paused_since;
    r->may_withdraw = r->applicant && (open || (a->state == APP_BESLUIT && granted && a->paid_cents == 0));
    r->may_pay = (r->staff || (r->chair && !r->conflict)) && granted
                 && (a->state == APP_BESLUIT || a->state == APP_UITBETAALD || a->state == APP_VERANTWOORD);
    r->may_report = r->applicant && granted && (a->state == APP_BESLUIT || a->state == APP_UITBETAALD);
    r->may_review_report = (active_member || r->staff) && (a->state == APP_BESLUIT || a->state == APP_UITBETAALD)
                           && a->report.submitted_at && a->report.reviewed_at < a->report.submitted_at;
}

static Status load_app(Ctx *c, int64_t id, Application *a, Fund *f)
{
    if (!logged_in(c))
        return ERR_UNAUTHORIZED;
    Status s = status_from_db(store_application_get(c->db, c->arena, c->tenant->id, id, a));
    if (s != STATUS_OK)
        return s;
    s = load_fund(c, a->fund_code, 0, f);
    if (s != STATUS_OK)
        return s == ERR_NOT_FOUND ? ERR_INTERNAL : s;
    fill_rights(c, f, a);
    if (!a->me.applicant && !a->me.member && !a->me.staff)
        return ERR_FORBIDDEN;
    return status_from_db(store_file_list(c->db, c->arena, c->tenant->id, FILE_KIND_REPORT_PHOTO, id, &a->report.photos,
                                   &a->report.n_photos));
}

Status application_get(Ctx *c, int64_t id, Application *out)
{
    Fund f;
    return load_app(c, id, out, &f);
}

ApplicationDeadline application_deadline(Ctx *c, const Application *a)
{
    ApplicationDeadline d = { 0 };
    if (!app_open(a))
        return d;
    d.active = 1;
    d.due_day = a->decision_due_day;
    if (a->paused_since) {
        d.paused = 1;
        int64_t stood = today(c) - date_day(a->paused_since);
        d.due_day += stood > 0 ? stood : 0;
    }
    d.days_left = d.due_day - today(c);
    return d;
}

/* Rights for every item of a list; funds looked up once each. */
static void fill_list_rights(Ctx *c, Application *v, size_t n)
{
    Fund f = { 0 };
    for (size_t i = 0; i < n; i++) {
        if (!f.code || strcmp(f.code, v[i].fund_code) != 0)
            if (load_fund(c, v[i].fund_code, 0, &f) != STATUS_OK)
                continue;
        fill_rights(c, &f, &v[i]);
    }
}

Status application_list_for_fund(Ctx *c, const char *fund_code, AppState state, Application **out, size_t *n)
{
    if (!logged_in(c))
        return ERR_UNAUTHORIZED;
    Fund f;
    Status s = load_fund(c, fund_code, 0, &f);
    if (s != STATUS_OK)
        return s;
    if (!is_staff(c) && !member_of(c, f.id, NULL))
        return ERR_FORBIDDEN;
    int rc = store_application_list_fund(c->db, c->arena, c->tenant->id, f.code,
                                         state == APP_NONE ? NULL : app_state_code(state), out, n);
    if (rc != DB_OK)
        return ERR_INTERNAL;
    fill_list_rights(c, *out, *n);
    return STATUS_OK;
}

Status application_list_for_initiative(Ctx *c, int64_t initiative, Application **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!logged_in(c))
        return STATUS_OK; /* nothing to show, as for any stranger */
    Application *v;
    size_t m;
    if (store_application_list_initiative(c->db, c->arena, c->tenant->id, initiative, &v, &m) != DB_OK)
        return ERR_INTERNAL;
    fill_list_rights(c, v, m);
    size_t k = 0;
    for (size_t i = 0; i < m; i++)
        if (v[i].me.applicant || v[i].me.member || v[i].me.staff)
            v[k++] = v[i];
    *out = v;
    *n = k;
    return STATUS_OK;
}

Status application_mine(Ctx *c, Application **out, size_t *n)
{
    if (!logged_in(c))
        return ERR_UNAUTHORIZED;
    if (store_application_list_applicant(c->db, c->arena, c->tenant->id, c->user->id, out, n) != DB_OK)
        return ERR_INTERNAL;
    fill_list_rights(c, *out, *n);
    return STATUS_OK;
}

/* ---- applying ---- */

static void check_application(Ctx *c, const Fund *f, ApplicationInput *in, Application *out, FieldErrors *e)
{
    Arena *a = c->arena;
    if (in->too_many_lines || in->n_lines > APP_LINES_MAX)
        errors_add(e, "lines", arena_printf(a, "Geef hoogstens %d regels in de begroting.", APP_LINES_MAX));
    size_t n = in->n_lines < APP_LINES_MAX ? in->n_lines : APP_LINES_MAX;
    if (n == 0)
        errors_add(e, "lines", "Zet in de begroting minstens één regel: waarvoor is het geld en hoeveel is het.");
    out->lines = arena_alloc(a, (n + 1) * sizeof *out->lines);
    out->n_lines = n;
    int64_t total = 0;
    int lines_ok = 1;
    for (size_t i = 0; i < n; i++) {
        BudgetLineInput *l = &in->lines[i];
        out->lines[i].description = check_text(c, l->description, 1, 2, APP_LINE_DESCRIPTION_MAX, e,
                                               arena_printf(a, "lines[%zu].description", i),
                                               "Schrijf waarvoor dit bedrag is.");
        const char *field = arena_printf(a, "lines[%zu].amount_cents", i);
        int64_t v;
        if (!read_amount(c, l->amount, l->amount_cents, &v, e, field)) {
            lines_ok = 0;
            continue;
        }
        if (v < 0 && v != -1)
            errors_add(e, field, "Het bedrag moet meer dan € 0 zijn.");
        else if (v == -1)
            errors_add(e, field, "Vul het bedrag van deze regel in.");
        else if (v == 0)
            errors_add(e, field, "Het bedrag moet meer dan € 0 zijn.");
        else if (v > AMOUNT_MAX_CENTS)
            errors_add(e, field, "Dit bedrag is te hoog.");
        else {
            out->lines[i].amount_cents = v;
            total += v;
            continue;
        }
        lines_ok = 0;
    }
    int64_t amount;
    if (read_amount(c, in->amount, in->amount_cents, &amount, e, "amount_cents")) {
        int given = amount != -1;
        if (!given)
            amount = lines_ok ? total : 0; /* not given: the total of the lines */
        if (given && amount <= 0)
            errors_add(e, "amount_cents", "Het bedrag moet meer dan € 0 zijn.");
        else if (amount > f->max_amount_cents)
            errors_add(e, "amount_cents", arena_printf(a, "Bij %s kunt u hoogstens %s aanvragen.", f->name,
                                                       format_euros(a, f->max_amount_cents)));
        else if (lines_ok && n && total != amount)
            errors_add(e, "lines", arena_printf(a, "De regels van de begroting tellen op tot %s, maar u vraagt %s. "
                                                   "Maak die twee gelijk.",
                                                format_euros(a, total), format_euros(a, amount)));
        out->amount_cents = amount;
    }
    out->own_contribution = check_text(c, in->own_contribution, 1, 3, APP_TEXT_MAX, e, "own_contribution",
                                       "Vertel wat u zelf bijdraagt: geld, uren of spullen.");
    int64_t own;
    if (read_amount(c, in->own_contribution_amount, in->own_contribution_cents, &own, e, "own_contribution_cents")) {
        if (own < -1 || own > AMOUNT_MAX_CENTS)
            errors_add(e, "own_contribution_cents", "Dit bedrag kunnen we niet gebruiken.");
        out->own_contribution_cents = own > 0 ? own : 0;
    }
    if (in->own_contribution_hours < -1 || in->own_contribution_hours > 100000)
        errors_add(e, "own_contribution_hours", "Schrijf het aantal uren als heel getal.");
    out->own_contribution_hours = in->own_contribution_hours > 0 ? (int)in->own_contribution_hours : 0;
    const char *nb = text_trim(a, in->needed_by);
    int64_t day;
    if (!nb || !*nb)
        errors_add(e, "needed_by", "Vul de datum in waarop u uiterlijk antwoord nodig hebt.");
    else if (!date_parse_iso(nb, &day))
        errors_add(e, "needed_by", "Schrijf de datum als jjjj-mm-dd, bijvoorbeeld 2026-12-31.");
    else if (day < today(c))
        errors_add(e, "needed_by", "Deze datum ligt in het verleden.");
    else
        out->needed_by = day;
}

/* The initiative's `geld` help request this application answers: an
 * open one, else one for exactly this amount (the same need, asked
 * before), else a new one. */
static int money_help_request(Ctx *c, const Initiative *in, const Fund *f, int64_t amount, int64_t *id)
{
    for (size_t i = 0; i < in->n_help; i++)
        if (strcmp(in->help[i].kind, "geld") == 0 && in->help[i].state == HELP_OPEN) {
            *id = in->help[i].id;
            return DB_OK;
        }
    for (size_t i = 0; i < in->n_help; i++)
        if (strcmp(in->help[i].kind, "geld") == 0 && in->help[i].amount_cents == amount) {
            *id = in->help[i].id;
            return DB_OK;
        }
    HelpRequest h = { .kind = "geld",
                      .description = arena_printf(c->arena, "Bijdrage uit %s", f->name),
                      .amount_cents = amount,
                      .state = HELP_OPEN };
    return store_help_request_insert(c->db, c->tenant->id, in->id, &h, c->now, id);
}

Status application_create(Ctx *c, const char *fund_code, int64_t initiative, ApplicationInput *in, FieldErrors *e,
                          int64_t *id)
{
    if (!logged_in(c))
        return ERR_UNAUTHORIZED;
    Fund f;
    Status s = load_fund(c, fund_code, 0, &f);
    if (s != STATUS_OK)
        return s;
    Initiative ini;
    s = initiative_get(c, initiative, &ini);
    if (s == ERR_NOT_FOUND) {
        errors_add(e, "initiative", "Dit initiatief kennen we niet.");
        return ERR_INVALID;
    }
    if (s != STATUS_OK)
        return s;
    if (!initiative_is_initiator(c, &ini))
        return ERR_FORBIDDEN;
    Application a = { 0 };
    check_application(c, &f, in, &a, e);
    if (e->n)
        return ERR_INVALID;
    if (ini.state == ST_GESTOPT) {
        e->summary = "Dit initiatief is gestopt; u kunt er geen geld meer voor aanvragen.";
        return ERR_CONFLICT;
    }
    a.initiative_id = ini.id;
    a.applicant_id = c->user->id;
    a.year = fund_year_of(c->now);
    a.submitted_at = c->now;
    a.decision_due_day = today(c) + 7 * (int64_t)(f.decision_weeks > 0 ? f.decision_weeks : DECISION_WEEKS_DEFAULT);
    a.criteria_version = f.criteria_version;
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int64_t open;
    int rc = store_application_open_for(c->db, c->tenant->id, f.id, ini.id, &open);
    if (rc == DB_OK) {
        db_rollback(c->db);
        e->summary = "Dit initiatief heeft al een aanvraag bij dit fonds die nog loopt.";
        return ERR_CONFLICT;
    }
    rc = rc == DB_DONE ? DB_OK : rc;
    if (rc == DB_OK)
        rc = money_help_request(c, &ini, &f, a.amount_cents, &a.help_request_id);
    if (rc == DB_OK) {
        /* The next meeting before the decision is due. */
        rc = store_round_next(c->db, c->tenant->id, f.id, today(c), a.decision_due_day, &a.round_id);
        rc = rc == DB_DONE ? DB_OK : rc;
    }
    if (rc == DB_OK)
        rc = store_application_insert(c->db, c->tenant->id, f.id, &a, id);
    if (rc != DB_OK || db_commit(c->db) != DB_OK) {
        db_rollback(c->db);
        return ERR_INTERNAL;
    }
    return STATUS_OK;
}

/* Moves ingediend → in_beoordeling inside a transaction; no error when
 * it already moved. */
static int start_assessment(Ctx *c, const Application *a)
{
    if (a->state != APP_INGEDIEND)
        return DB_OK;
    int rc = store_application_set_state(c->db, c->tenant->id, a->id, APP_INGEDIEND, APP_IN_BEOORDELING, c->now);
    return rc == DB_DONE ? DB_OK : rc;
}

static Status commit_or_fail(Ctx *c, int rc, FieldErrors *e)
{
    if (rc == DB_DONE) {
        db_rollback(c->db);
        if (e)
            e->summary = "Iemand anders heeft de aanvraag net veranderd. Bekijk de nieuwe stand.";
        return ERR_CONFLICT;
    }
    if (rc != DB_OK || db_commit(c->db) != DB_OK) {
        db_rollback(c->db);
        return ERR_INTERNAL;
    }
    return STATUS_OK;
}

Status application_start(Ctx *c, int64_t id)
{
    Application a;
    Fund f;
    Status s = load_app(c, id, &a, &f);
    if (s != STATUS_OK)
        return s;
    if (!((a.me.member && !a.me.conflict) || a.me.staff))
        return ERR_FORBIDDEN;
    if (a.state != APP_INGEDIEND)
        return ERR_CONFLICT;
    /* Not found: another official took it up first. A failure is one. */
    s = status_from_db(
        store_application_set_state(c->db, c->tenant->id, id, APP_INGEDIEND, APP_IN_BEOORDELING, c->now));
    return s == ERR_NOT_FOUND ? ERR_CONFLICT : s;
}

Status application_request_info(Ctx *c, int64_t id, const char *question, FieldErrors *e)
{
    Application a;
    Fund f;
    Status s = load_app(c, id, &a, &f);
    if (s != STATUS_OK)
        return s;
    if (!((a.me.member && !a.me.conflict) || a.me.staff))
        return ERR_FORBIDDEN;
    if (!app_open(&a)) {
        e->summary = "Over deze aanvraag is al besloten, of zij is ingetrokken.";
        return ERR_CONFLICT;
    }
    if (a.paused_since) {
        e->summary = "De commissie wacht al op informatie van de aanvrager.";
        return ERR_CONFLICT;
    }
    question = check_text(c, question, 1, 5, APP_TEXT_MAX, e, "question", "Schrijf welke informatie u nodig hebt.");
    if (e->n)
        return ERR_INVALID;
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int rc = store_application_pause(c->db, c->tenant->id, id, question, c->now);
    if (rc == DB_OK)
        rc = start_assessment(c, &a);
    return commit_or_fail(c, rc, e);
}

Status application_supply_info(Ctx *c, int64_t id, const char *answer, FieldErrors *e)
{
    Application a;
    Fund f;
    Status s = load_app(c, id, &a, &f);
    if (s != STATUS_OK)
        return s;
    if (!a.me.applicant)
        return ERR_FORBIDDEN;
    if (!a.paused_since || !app_open(&a)) {
        e->summary = "De commissie vraagt op dit moment geen informatie.";
        return ERR_CONFLICT;
    }
    answer = check_text(c, answer, 1, 2, APP_TEXT_MAX, e, "answer", "Schrijf uw antwoord.");
    if (e->n)
        return ERR_INVALID;
    int64_t days = today(c) - date_day(a.paused_since);
    if (days < 0)
        days = 0;
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    return commit_or_fail(c, store_application_resume(c->db, c->tenant->id, id, answer, c->now, days), e);
}

/* The help request follows the application. */
static int help_follow(Ctx *c, const Application *a, HelpState st)
{
    if (!a->help_request_id)
        return DB_OK;
    int rc = store_help_request_set_state(c->db, c->tenant->id, a->initiative_id, a->help_request_id, st);
    return rc == DB_DONE ? DB_OK : rc;
}

/* Releases whatever is still committed to the application. Locks the
 * year's row first (PostgreSQL), as payments do, so a payment at the same
 * moment cannot spend what is being released. */
static int release_rest(Ctx *c, const Application *a, int64_t fund, const char *note)
{
    int64_t committed, paid, budget;
    int closed;
    int rc = store_fund_year_get(c->db, c->tenant->id, fund, a->year, 1, &budget, &closed);
    if (rc == DB_DONE)
        rc = DB_OK;
    if (rc == DB_OK)
        rc = store_ledger_application_sums(c->db, c->tenant->id, a->id, &committed, &paid);
    if (rc == DB_OK && committed > 0)
        rc = store_ledger_insert(c->db, c->tenant->id, fund, a->year, c->now, LEDGER_RELEASE, committed, a->id, note,
                                 c->user ? c->user->id : 0, NULL);
    return rc;
}

Status application_withdraw(Ctx *c, int64_t id, const char *reason)
{
    Application a;
    Fund f;
    Status s = load_app(c, id, &a, &f);
    if (s != STATUS_OK)
        return s;
    if (!a.me.applicant)
        return ERR_FORBIDDEN;
    if (!a.me.may_withdraw)
        return ERR_CONFLICT;
    reason = text_trim(c->arena, reason);
    if (reason && (!utf8_valid(reason) || utf8_len(reason) > APP_TEXT_MAX))
        reason = NULL;
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int rc = store_application_withdraw(c->db, c->tenant->id, id, a.state, reason ? reason : "", c->now);
    if (rc == DB_OK && a.state == APP_BESLUIT) {
        /* A payment that came in between moved the state on: the guarded
         * update above found nothing (DB_DONE) and nothing is released. */
        rc = release_rest(c, &a, f.id, "Aanvraag ingetrokken");
        if (rc == DB_OK)
            rc = help_follow(c, &a, HELP_OPEN);
    }
    return commit_or_fail(c, rc, NULL);
}

/* ---- assessment ---- */

static const Criterion *find_criterion(const CriteriaSet *cs, const char *code)
{
    for (size_t i = 0; code && i < cs->n; i++)
        if (strcmp(cs->items[i].code, code) == 0)
            return &cs->items[i];
    return NULL;
}

Status assessment_set(Ctx *c, int64_t application, const char *criterion, int score, const char *remark,
                      FieldErrors *e)
{
    Application a;
    Fund f;
    Status s = load_app(c, application, &a, &f);
    if (s != STATUS_OK)
        return s;
    if (!a.me.member || a.me.conflict)
        return ERR_FORBIDDEN;
    if (!app_open(&a)) {
        e->summary = "Over deze aanvraag is al besloten; de scores liggen vast.";
        return ERR_CONFLICT;
    }
    CriteriaSet cs;
    if (store_criteria_get(c->db, c->arena, c->tenant->id, f.id, a.criteria_version, &cs) != DB_OK)
        return ERR_INTERNAL;
    if (!criterion || !*criterion)
        errors_add(e, "criterion", "Kies het criterium dat u beoordeelt.");
    else if (!find_criterion(&cs, criterion))
        errors_add(e, "criterion", "Dit criterium hoort niet bij deze aanvraag.");
    if (score < SCORE_MIN || score > SCORE_MAX)
        errors_add(e, "score", "Geef een cijfer van 1 tot en met 5.");
    remark = check_text(c, remark, 0, 0, APP_TEXT_MAX, e, "remark", "");
    if (e->n)
        return ERR_INVALID;
    Assessment as = { .application_id = application,
                      .member_id = c->user->id,
                      .criterion = criterion,
                      .score = score,
                      .remark = remark ? remark : "",
                      .at = c->now };
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int rc = store_assessment_upsert(c->db, c->tenant->id, &as);
    if (rc == DB_OK)
        rc = start_assessment(c, &a);
    return commit_or_fail(c, rc, e);
}

Status assessment_mine(Ctx *c, int64_t application, Assessment **out, size_t *n)
{
    Application a;
    Fund f;
    Status s = load_app(c, application, &a, &f);
    if (s != STATUS_OK)
        return s;
    if (!a.me.member)
        return ERR_FORBIDDEN;
    Assessment *v;
    size_t m;
    if (store_assessment_list(c->db, c->arena, c->tenant->id, application, &v, &m) != DB_OK)
        return ERR_INTERNAL;
    size_t k = 0;
    for (size_t i = 0; i < m; i++)
        if (v[i].member_id == c->user->id)
            v[k++] = v[i];
    *out = v;
    *n = k;
    return STATUS_OK;
}

Status conflict_declare(Ctx *c, int64_t application, const char *reason, FieldErrors *e)
{
    Application a;
    Fund f;
    Status s = load_app(c, application, &a, &f);
    if (s != STATUS_OK)
        return s;
    if (!a.me.member)
        return ERR_FORBIDDEN;
    reason = check_text(c, reason, 0, 0, APP_TEXT_MAX, e, "reason", "");
    if (e->n)
        return ERR_INVALID;
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int rc = store_conflict_insert(c->db, c->tenant->id, application, c->user->id, reason, c->now);
    if (rc == DB_OK)
        rc = store_assessment_delete_member(c->db, c->tenant->id, application, c->user->id);
    return commit_or_fail(c, rc, e);
}

Status application_conflicts(Ctx *c, int64_t application, Conflict **out, size_t *n)
{
    Application a;
    Fund f;
    Status s = load_app(c, application, &a, &f);
    if (s != STATUS_OK)
        return s;
    if (!a.me.member && !a.me.staff)
        return ERR_FORBIDDEN;
    return status_from_db(store_conflict_list(c->db, c->arena, c->tenant->id, application, out, n));
}

Status application_scores(Ctx *c, int64_t application, ScoreSheet *out)
{
    Application a;
    Fund f;
    Status s = load_app(c, application, &a, &f);
    if (s != STATUS_OK)
        return s;
    int chair = a.me.chair && !a.me.conflict;
    int member_after = a.me.member && !a.me.conflict && !app_open(&a);
    if (!chair && !a.me.staff && !member_after)
        return ERR_FORBIDDEN;
    memset(out, 0, sizeof *out);
    out->criteria_version = a.criteria_version;
    CriteriaSet cs;
    Member *members;
    size_t n_members;
    Assessment *as;
    size_t n_as;
    if (store_criteria_get(c->db, c->arena, c->tenant->id, f.id, a.criteria_version, &cs) != DB_OK
        || store_member_list(c->db, c->arena, c->tenant->id, f.id, &members, &n_members) != DB_OK
        || store_conflict_list(c->db, c->arena, c->tenant->id, application, &out->conflicts, &out->n_conflicts)
               != DB_OK
        || store_assessment_list(c->db, c->arena, c->tenant->id, application, &as, &n_as) != DB_OK)
        return ERR_INTERNAL;
    /* Members without a conflict, plus anyone who scored and left the committee since. */
    out->members = arena_alloc(c->arena, (n_members + n_as + 1) * sizeof *out->members);
    for (size_t i = 0; i < n_members; i++) {
        int conflicted = 0;
        for (size_t k = 0; k < out->n_conflicts; k++)
            conflicted |= out->conflicts[k].member_id == members[i].user_id;
        if (!conflicted)
            out->members[out->n_members++] = members[i];
    }
    for (size_t i = 0; i < n_as; i++) {
        int known = 0;
        for (size_t m = 0; m < out->n_members; m++)
            known |= out->members[m].user_id == as[i].member_id;
        if (!known)
            out->members[out->n_members++] = (Member){ .user_id = as[i].member_id, .name = as[i].member_name };
    }
    out->n_rows = cs.n;
    out->rows = arena_alloc(c->arena, (cs.n + 1) * sizeof *out->rows);
    size_t cells = cs.n * out->n_members + 1;
    out->scores = arena_alloc(c->arena, cells * sizeof *out->scores);
    out->remarks = arena_alloc(c->arena, cells * sizeof *out->remarks);
    for (size_t i = 0; i < cells; i++)
        out->remarks[i] = "";
    int64_t total = 0, count = 0;
    for (size_t r = 0; r < cs.n; r++) {
        CriterionSummary *row = &out->rows[r];
        row->criterion = cs.items[r];
        int64_t sum = 0;
        for (size_t i = 0; i < n_as; i++) {
            if (strcmp(as[i].criterion, cs.items[r].code) != 0)
                continue;
            for (size_t m = 0; m < out->n_members; m++)
                if (out->members[m].user_id == as[i].member_id) {
                    out->scores[r * out->n_members + m] = as[i].score;
                    out->remarks[r * out->n_members + m] = as[i].remark ? as[i].remark : "";
                }
            if (row->count == 0 || as[i].score < row->min)
                row->min = as[i].score;
            if (row->count == 0 || as[i].score > row->max)
                row->max = as[i].score;
            row->count++;
            sum += as[i].score;
        }
        row->average = row->count ? (double)sum / row->count : 0;
        row->spread = row->count ? row->max - row->min : 0;
        total += sum;
        count += row->count;
    }
    out->average = count ? (double)total / (double)count : 0;
    return STATUS_OK;
}

/* ---- decision ---- */

Status application_decide(Ctx *c, int64_t id, DecisionInput *in, FieldErrors *e)
{
    Application a;
    Fund f;
    Status s = load_app(c, id, &a, &f);
    if (s != STATUS_OK)
        return s;
    if (!a.me.chair || a.me.conflict)
        return ERR_FORBIDDEN;
    if (!app_open(&a)) {
        e->summary = "Over deze aanvraag is al besloten, of zij is ingetrokken.";
        return ERR_CONFLICT;
    }
    Arena *ar = c->arena;
    int o = outcome_parse(in->outcome);
    if (o < 0)
        errors_add(e, "outcome", "Kies: toekennen, afwijzen of doorverwijzen.");
    Application d = { 0 };
    d.outcome = o < 0 ? OUTCOME_NONE : (Outcome)o;
    d.motivation = check_text(c, in->motivation, 1, 10, DECISION_TEXT_MAX, e, "motivation",
                              "Schrijf in gewone woorden waarom de commissie zo besluit.");
    if (d.outcome == OUTCOME_GRANTED) {
        int64_t v;
        if (read_amount(c, in->amount, in->amount_cents, &v, e, "amount_cents")) {
            if (v == -1)
                v = a.amount_cents;
            if (v <= 0)
                errors_add(e, "amount_cents", "Het bedrag moet meer dan € 0 zijn.");
            else if (v > a.amount_cents)
                errors_add(e, "amount_cents", arena_printf(ar, "U kunt niet meer toekennen dan er is gevraagd (%s).",
                                                           format_euros(ar, a.amount_cents)));
            d.granted_cents = v;
        }
        d.conditions = check_text(c, in->conditions, 0, 0, DECISION_TEXT_MAX, e, "conditions", "");
    } else if (d.outcome == OUTCOME_REFERRED) {
        d.referral = check_text(c, in->referral, 1, 3, DECISION_TEXT_MAX, e, "referral",
                                "Schrijf naar welk fonds of welke partner u verwijst.");
    }
    if (e->n)
        return ERR_INVALID;
    d.criteria_version = a.criteria_version;
    d.year = fund_year_of(c->now);
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int rc = DB_OK;
    if (d.outcome == OUTCOME_GRANTED) {
        /* The year's row is locked (PostgreSQL) or the whole database is
         * (SQLite, BEGIN IMMEDIATE): a second decision waits here and then
         * counts this one's commitment. */
        Ledger l;
        rc = ledger_of(c, &f, d.year, 1, &l);
        if (rc == DB_OK && (l.closed || d.granted_cents > l.remaining_cents)) {
            db_rollback(c->db);
            if (l.closed)
                e->summary = arena_printf(ar, "Het budget van %d is afgesloten.", d.year);
            else if (l.unset) /* a new year before anyone set its budget */
                e->summary = arena_printf(ar, "Voor %d is nog geen budget vastgesteld. Een beheerder stelt het in "
                                              "op de beheerpagina van het fonds; daarna kunt u toekennen.", d.year);
            else
                e->summary = arena_printf(ar, "Er is nog %s over in het budget van %d; dat is te weinig voor %s.",
                                          format_euros(ar, l.remaining_cents > 0 ? l.remaining_cents : 0), d.year,
                                          format_euros(ar, d.granted_cents));
            errors_add(e, "amount_cents", e->summary);
            return ERR_CONFLICT;
        }
    }
    if (rc == DB_OK)
        rc = store_application_decide(c->db, c->tenant->id, id, &d, c->user->id, c->now);
    if (rc == DB_OK && d.outcome == OUTCOME_GRANTED)
        rc = store_ledger_insert(c->db, c->tenant->id, f.id, d.year, c->now, LEDGER_COMMIT, d.granted_cents, id,
                                 "Toegekend", c->user->id, NULL);
    if (rc == DB_OK)
        rc = help_follow(c, &a, d.outcome == OUTCOME_GRANTED ? HELP_TOEGEZEGD : HELP_AFGEWEZEN);
    return commit_or_fail(c, rc, e);
}

/* ---- payments ---- */

Status payment_add(Ctx *c, int64_t application, const char *amount, int64_t amount_cents, int repayment,
                   const char *note, FieldErrors *e, int64_t *id)
{
    Application a;
    Fund f;
    Status s = load_app(c, application, &a, &f);
    if (s != STATUS_OK)
        return s;
    if (!a.me.staff && !(a.me.chair && !a.me.conflict))
        return ERR_FORBIDDEN;
    if (!a.me.may_pay) {
        e->summary = "Voor deze aanvraag is niets toegekend dat kan worden uitbetaald.";
        return ERR_CONFLICT;
    }
    int64_t v;
    if (read_amount(c, amount, amount_cents, &v, e, "amount_cents") && v <= 0)
        errors_add(e, "amount_cents", "Het bedrag moet meer dan € 0 zijn.");
    note = check_text(c, note, 0, 0, APP_TEXT_MAX, e, "note", "");
    if (e->n)
        return ERR_INVALID;
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int64_t budget;
    int closed;
    int64_t committed, paid;
    int rc = store_fund_year_get(c->db, c->tenant->id, f.id, a.year, 1, &budget, &closed);
    rc = rc == DB_DONE ? DB_OK : rc;
    if (rc == DB_OK && closed) {
        db_rollback(c->db);
        e->summary = arena_printf(c->arena, "Het budget van %d is afgesloten; daarin kan niets meer bij of af.", a.year);
        return ERR_CONFLICT;
    }
    if (rc == DB_OK)
        rc = store_ledger_application_sums(c->db, c->tenant->id, application, &committed, &paid);
    if (rc == DB_OK && ((!repayment && v > committed) || (repayment && v > paid))) {
        db_rollback(c->db);
        errors_add(e, "amount_cents",
                   repayment ? arena_printf(c->arena, "Er is %s uitbetaald; meer kan niet terugkomen.",
                                            format_euros(c->arena, paid))
                             : arena_printf(c->arena, "Er staat nog %s toegezegd; meer kunt u niet uitbetalen.",
                                            format_euros(c->arena, committed)));
        return ERR_INVALID;
    }
    if (rc == DB_OK)
        rc = store_ledger_insert(c->db, c->tenant->id, f.id, a.year, c->now, repayment ? LEDGER_REPAYMENT : LEDGER_PAYMENT,
                                 v, application, note ? note : (repayment ? "Terugbetaling" : "Betaling"),
                                 c->user->id, id);
    if (rc == DB_OK && !repayment && a.state == APP_BESLUIT) {
        rc = store_application_set_state(c->db, c->tenant->id, application, APP_BESLUIT, APP_UITBETAALD, c->now);
        if (rc == DB_OK)
            rc = help_follow(c, &a, HELP_GELEVERD);
    }
    return commit_or_fail(c, rc, e);
}

Status payment_list(Ctx *c, int64_t application, Payment **out, size_t *n)
{
    Application a;
    Fund f;
    Status s = load_app(c, application, &a, &f);
    if (s != STATUS_OK)
        return s;
    LedgerEntry *v;
    size_t m;
    *out = NULL;
    *n = 0;
    if (store_ledger_entries(c->db, c->arena, c->tenant->id, f.id, a.year, &v, &m) != DB_OK)
        return ERR_INTERNAL;
    Payment *p = arena_alloc(c->arena, (m + 1) * sizeof *p);
    size_t k = 0;
    for (size_t i = 0; i < m; i++) {
        if (v[i].application_id != application || (v[i].kind != LEDGER_PAYMENT && v[i].kind != LEDGER_REPAYMENT))
            continue;
        p[k++] = (Payment){ .id = v[i].id,
                            .application_id = application,
                            .amount_cents = v[i].amount_cents,
                            .repayment = v[i].kind == LEDGER_REPAYMENT,
                            .note = v[i].note,
                            .by_name = v[i].by_name,
                            .at = v[i].at };
    }
    *out = p;
    *n = k;
    return STATUS_OK;
}

/* ---- accountability ---- */

static Status save_report(Ctx *c, int64_t application, const Report *r, const PhotoInput *photos, size_t n,
                          FieldErrors *e);

Status report_submit(Ctx *c, int64_t application, ReportInput *in, FieldErrors *e)
{
    Application a;
    Fund f;
    Status s = load_app(c, application, &a, &f);
    if (s != STATUS_OK)
        return s;
    if (!a.me.applicant)
        return ERR_FORBIDDEN;
    if (!a.me.may_report) {
        e->summary = "U kunt nu geen verantwoording sturen voor deze aanvraag.";
        return ERR_CONFLICT;
    }
    Report r = { .submitted_at = c->now };
    int64_t v;
    if (read_count(in->participants, in->participants_n, &v, e, "participants")) {
        if (v < 0)
            errors_add(e, "participants", "Vul in hoeveel mensen hebben meegedaan.");
        r.participants = (int)(v > 0 ? v : 0);
    }
    if (read_count(in->reach, in->reach_n, &v, e, "reach"))
        r.reach = (int)(v > 0 ? v : 0);
    if (read_amount(c, in->costs, in->costs_cents, &v, e, "costs_cents")) {
        if (v < 0)
            errors_add(e, "costs_cents", "Vul in hoeveel geld u echt hebt uitgegeven.");
        else if (v > AMOUNT_MAX_CENTS)
            errors_add(e, "costs_cents", "Dit bedrag is te hoog.");
        r.costs_cents = v > 0 ? v : 0;
    }
    r.story = check_text(c, in->story, 1, 10, REPORT_STORY_MAX, e, "story",
                         "Vertel in een paar zinnen wat er is gebeurd.");
    const char *u = text_trim(c->arena, in->photo_url);
    if (u && *u) {
        if (strlen(u) > URL_MAX || !utf8_valid(u) || (strncmp(u, "https://", 8) != 0 && strncmp(u, "http://", 7) != 0)
            || strchr(u, ' '))
            errors_add(e, "photo_url", "Een link naar een foto begint met https:// en heeft geen spaties.");
        r.photo_url = u;
    }
    photos_check(c, in->photos, in->n_photos, a.report.n_photos, e);
    if (e->n)
        return ERR_INVALID;
    return save_report(c, application, &r, in->photos, in->n_photos, e);
}

/* Inside its own transaction: the report, then its new photos. The
 * update locks the application's row (PostgreSQL; SQLite's writer lock
 * does it), so of two reports sent at once the second counts the photos
 * of the first when it checks the number. */
static Status save_report(Ctx *c, int64_t application, const Report *r, const PhotoInput *photos, size_t n,
                          FieldErrors *e)
{
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int rc = store_application_report(c->db, c->tenant->id, application, r);
    if (rc == DB_OK && n) {
        FileInfo *had;
        size_t n_had = 0;
        rc = store_file_list(c->db, c->arena, c->tenant->id, FILE_KIND_REPORT_PHOTO, application, &had, &n_had);
        if (rc == DB_OK && n_had + n > REPORT_PHOTOS_MAX) {
            db_rollback(c->db);
            photos_check(c, photos, n, n_had, e);
            return ERR_INVALID;
        }
        for (size_t i = 0; rc == DB_OK && i < n; i++) {
            FileInfo fi = { .kind = FILE_KIND_REPORT_PHOTO,
                            .owner_id = application,
                            .uploader_id = c->user->id,
                            .content_type = photo_type(photos[i].data, photos[i].len),
                            .name = file_clean_name(c->arena, photos[i].filename),
                            .created_at = c->now };
            rc = store_file_insert(c->db, c->tenant->id, &fi, photos[i].data, photos[i].len, NULL);
        }
    }
    return commit_or_fail(c, rc, e);
}

Status report_photos_add(Ctx *c, int64_t application, const PhotoInput *photos, size_t n, FieldErrors *e)
{
    Application a;
    Fund f;
    Status s = load_app(c, application, &a, &f);
    if (s != STATUS_OK)
        return s;
    if (!a.me.applicant)
        return ERR_FORBIDDEN;
    if (!a.me.may_report) {
        e->summary = "U kunt nu geen foto's meer sturen bij deze aanvraag.";
        return ERR_CONFLICT;
    }
    if (!a.report.submitted_at) {
        e->summary = "Stuur eerst uw verantwoording. Daarna kunt u er foto's bij doen.";
        return ERR_CONFLICT;
    }
    if (n == 0)
        errors_add(e, "photos", "Kies een of meer foto's in JPG of PNG.");
    else
        photos_check(c, photos, n, a.report.n_photos, e);
    if (e->n)
        return ERR_INVALID;
    /* The report as it was, sent again now: the committee sees there is
     * something new to look at. */
    Report r = a.report;
    r.submitted_at = c->now;
    return save_report(c, application, &r, photos, n, e);
}

Status report_photo_remove(Ctx *c, int64_t application, int64_t file)
{
    Application a;
    Fund f;
    Status s = load_app(c, application, &a, &f);
    if (s != STATUS_OK)
        return s;
    if (!a.me.applicant)
        return ERR_FORBIDDEN;
    if (!a.me.may_report)
        return ERR_CONFLICT;
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int rc = store_file_delete(c->db, c->tenant->id, FILE_KIND_REPORT_PHOTO, application, file);
    if (rc == DB_DONE) {
        db_rollback(c->db);
        return ERR_NOT_FOUND;
    }
    return commit_or_fail(c, rc, NULL);
}

static Status review(Ctx *c, int64_t application, int accept, const char *note, FieldErrors *e)
{
    Application a;
    Fund f;
    Status s = load_app(c, application, &a, &f);
    if (s != STATUS_OK)
        return s;
    if (!((a.me.member && !a.me.conflict) || a.me.staff))
        return ERR_FORBIDDEN;
    if (!a.me.may_review_report) {
        if (e)
            e->summary = "Er is geen nieuwe verantwoording om te beoordelen.";
        return ERR_CONFLICT;
    }
    if (e) {
        note = check_text(c, note, !accept, 5, APP_TEXT_MAX, e, "note", "Schrijf wat de commissie nog wil weten.");
        if (e->n)
            return ERR_INVALID;
    } else {
        note = text_trim(c->arena, note);
        if (note && (!utf8_valid(note) || utf8_len(note) > APP_TEXT_MAX))
            note = NULL;
    }
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int rc = store_application_report_review(c->db, c->tenant->id, application, accept, note, c->now);
    if (rc == DB_OK && accept) {
        rc = store_application_set_state(c->db, c->tenant->id, application, a.state, APP_VERANTWOORD, c->now);
        if (rc == DB_OK)
            rc = release_rest(c, &a, f.id, "Vrijgevallen na verantwoording");
    }
    return commit_or_fail(c, rc, e);
}

Status report_accept(Ctx *c, int64_t application, const char *note)
{
    return review(c, application, 1, note, NULL);
}

Status report_more(Ctx *c, int64_t application, const char *note, FieldErrors *e)
{
    return review(c, application, 0, note, e);
}

/* ---- rounds ---- */

static Status fund_for_committee(Ctx *c, const char *code, Fund *f, int *chair)
{
    if (!logged_in(c))
        return ERR_UNAUTHORIZED;
    Status s = load_fund(c, code, 0, f);
    if (s != STATUS_OK)
        return s;
    int member = member_of(c, f->id, chair);
    if (!member && !is_staff(c))
        return ERR_FORBIDDEN;
    return STATUS_OK;
}

Status round_list(Ctx *c, const char *fund_code, Round **out, size_t *n)
{
    Fund f;
    Status s = fund_for_committee(c, fund_code, &f, NULL);
    if (s != STATUS_OK)
        return s;
    return status_from_db(store_round_list(c->db, c->arena, c->tenant->id, f.id, out, n));
}

Status round_create(Ctx *c, const char *fund_code, const char *date, const char *note, FieldErrors *e, int64_t *id)
{
    Fund f;
    int chair = 0;
    Status s = fund_for_committee(c, fund_code, &f, &chair);
    if (s != STATUS_OK)
        return s;
    if (!chair && !is_staff(c))
        return ERR_FORBIDDEN;
    const char *d = text_trim(c->arena, date);
    int64_t day = 0;
    if (!d || !*d)
        errors_add(e, "meeting_date", "Vul de datum van de vergadering in.");
    else if (!date_parse_iso(d, &day))
        errors_add(e, "meeting_date", "Schrijf de datum als jjjj-mm-dd, bijvoorbeeld 2026-12-03.");
    note = check_text(c, note, 0, 0, APP_TEXT_MAX, e, "note", "");
    if (e->n)
        return ERR_INVALID;
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int64_t rid;
    int rc = store_round_insert(c->db, c->tenant->id, f.id, day, note, c->now, &rid);
    if (rc == DB_OK)
        rc = store_round_assign_open(c->db, c->tenant->id, f.id, rid);
    if (rc != DB_OK || db_commit(c->db) != DB_OK) {
        db_rollback(c->db);
        return ERR_INTERNAL;
    }
    if (id)
        *id = rid;
    return STATUS_OK;
}

Status round_get(Ctx *c, int64_t id, Round *out)
{
    if (!logged_in(c))
        return ERR_UNAUTHORIZED;
    Status s = status_from_db(store_round_get(c->db, c->arena, c->tenant->id, id, out));
    if (s != STATUS_OK)
        return s;
    Fund f;
    return fund_for_committee(c, out->fund_code, &f, NULL);
}

Status round_agenda(Ctx *c, int64_t round, Application **out, size_t *n)
{
    Round r;
    Status s = round_get(c, round, &r);
    if (s != STATUS_OK)
        return s;
    if (store_application_list_round(c->db, c->arena, c->tenant->id, round, out, n) != DB_OK)
        return ERR_INTERNAL;
    fill_list_rights(c, *out, *n);
    return STATUS_OK;
}

Status round_add_application(Ctx *c, int64_t round, int64_t application)
{
    Round r;
    Status s = round_get(c, round, &r);
    if (s != STATUS_OK)
        return s;
    Application a;
    Fund f;
    s = load_app(c, application, &a, &f);
    if (s != STATUS_OK)
        return s;
    if (!a.me.staff && !a.me.chair)
        return ERR_FORBIDDEN;
    if (strcmp(a.fund_code, r.fund_code) != 0 || !app_open(&a))
        return ERR_CONFLICT;
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int rc = store_application_set_round(c->db, c->tenant->id, application, round);
    if (rc == DB_OK)
        rc = start_assessment(c, &a);
    return commit_or_fail(c, rc, NULL);
}

/* ---- public ---- */

Status fund_decisions_public(Ctx *c, const char *fund_code, int year, PublicDecision **out, size_t *n)
{
    Fund f;
    Status s = load_fund(c, fund_code, 0, &f);
    if (s != STATUS_OK)
        return s;
    int y = year ? year : fund_year_of(c->now);
    return status_from_db(store_decisions_public(c->db, c->arena, c->tenant->id, f.id, y, out, n));
}

Status fund_use_by_area(Ctx *c, const char *fund_code, int year, UseRow **out, size_t *n)
{
    Fund f;
    Status s = load_fund(c, fund_code, 0, &f);
    if (s != STATUS_OK)
        return s;
    int y = year ? year : fund_year_of(c->now);
    return status_from_db(store_use_by_area(c->db, c->arena, c->tenant->id, f.id, y, out, n));
}

Status fund_use_by_theme(Ctx *c, const char *fund_code, int year, UseRow **out, size_t *n)
{
    Fund f;
    Status s = load_fund(c, fund_code, 0, &f);
    if (s != STATUS_OK)
        return s;
    int y = year ? year : fund_year_of(c->now);
    return status_from_db(store_use_by_theme(c->db, c->arena, c->tenant->id, f.id, y, out, n));
}

/* ---- reference data ---- */

/* Rules of the funds we know from the seed documents, by code. The seeds
 * (000, 003) describe Vlietwensen: initiatives of residents that improve
 * social cohesion, social safety and/or liveability of a street, buurt,
 * wijk or the whole municipality; five residents assess every two weeks.
 * Food and drink, gifts and AEDs are as a rule not funded. */
static const struct {
    const char *code, *description, *who, *exclusions;
} fund_rules[] = {
    { "vlietwensen",
      "Het Budget Wijkinitiatieven van de gemeente Leidschendam-Voorburg. De werkgroep Vlietwensen, vijf inwoners, "
      "beoordeelt de aanvragen elke twee weken en beslist over het bedrag.",
      "Inwoners van Leidschendam-Voorburg die samen met buren iets doen voor hun straat, buurt, wijk of de hele "
      "gemeente. Het initiatief maakt de buurt hechter (sociale cohesie), veiliger (sociale veiligheid) of "
      "prettiger om te wonen (leefbaarheid).",
      "Eten en drinken\nCadeaus\nAED's (hartstarters)" },
};

Status fund_setup_reference(Ctx *c, const char **err)
{
    const EmbeddedFile *ff = embedded_find("data/funds.csv"), *cf = embedded_find("data/criteria.csv");
    if (!ff || !cf) {
        *err = !ff ? "data/funds.csv ontbreekt in het programma" : "data/criteria.csv ontbreekt in het programma";
        return ERR_INTERNAL;
    }
    CsvRow *rows, *crit;
    size_t n = csv_parse(c->arena, (const char *)ff->data, &rows);
    size_t nc = csv_parse(c->arena, (const char *)cf->data, &crit);
    for (size_t r = 1; r < n; r++) {
        const CsvRow *h = &rows[0], *row = &rows[r];
        Fund f = { .code = csv_cell(row, csv_column(h, "code")),
                   .name = csv_cell(row, csv_column(h, "name")),
                   .organisation = csv_cell(row, csv_column(h, "organisation")),
                   .cadence = csv_cell(row, csv_column(h, "cadence")),
                   .description = "",
                   .who_may_apply = "",
                   .exclusions = "",
                   .max_amount_cents = FUND_DEFAULT_MAX_CENTS,
                   .decision_weeks = DECISION_WEEKS_DEFAULT };
        for (size_t k = 0; k < sizeof fund_rules / sizeof *fund_rules; k++)
            if (strcmp(fund_rules[k].code, f.code) == 0) {
                f.description = fund_rules[k].description;
                f.who_may_apply = fund_rules[k].who;
                f.exclusions = fund_rules[k].exclusions;
            }
        if (!*f.organisation)
            f.organisation = NULL;
        int64_t euros = 0;
        parse_int64(csv_cell(row, csv_column(h, "budget_eur_per_year")), &euros);
        int64_t id;
        int rc = store_fund_upsert(c->db, c->tenant->id, &f, &id);
        if (rc == DB_OK && euros > 0)
            rc = store_fund_year_set(c->db, c->tenant->id, id, fund_year_of(c->now), euros * 100, 1);
        int pos = 0;
        for (size_t k = 1; rc == DB_OK && k < nc; k++) {
            if (strcmp(csv_cell(&crit[k], csv_column(&crit[0], "fund")), f.code) != 0)
                continue;
            Criterion cr = { .code = csv_cell(&crit[k], csv_column(&crit[0], "code")),
                             .name = csv_cell(&crit[k], csv_column(&crit[0], "name_nl")),
                             .question = csv_cell(&crit[k], csv_column(&crit[0], "question_nl")) };
            rc = store_criterion_insert(c->db, c->tenant->id, id, 1, pos++, &cr, c->now);
        }
        if (rc != DB_OK) {
            *err = arena_printf(c->arena, "data/funds.csv regel %zu kon niet worden geladen", r + 1);
            return ERR_INTERNAL;
        }
    }
    return STATUS_OK;
}
