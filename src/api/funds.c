/* /api/v1/funds and /api/v1/applications: the JSON twin of the fund
 * pages (capability 2). Handlers check the route parameter, read the
 * body and call the domain, which decides who may do what (funds.h); the
 * answer is the one application object written below, so every route
 * shows an application the same way. What the applicant, a member, the
 * chair or staff may see is decided once, in application_object(). */
#include <limits.h>
#include <string.h>

#include "api/api.h"
#include "api/json.h"
#include "api/routes.h"
#include "domain/funds.h"
#include "lib/buf.h"
#include "lib/dates.h"
#include "lib/text.h"

#define MSG_CENTS "Dit moet een bedrag in hele centen zijn."
#define MSG_WHOLE "Dit moet een heel getal zijn."
#define MSG_NOT_YOURS "Deze aanvraag zien alleen de aanvrager, de commissie van het fonds en medewerkers van de gemeente."
#define MSG_LINES "Dit moet een lijst zijn als [{\"description\": \"…\", \"amount_cents\": 2500}]."

enum { YEAR_MIN = 2000, YEAR_MAX = 2100 };

/* ---- Writing ------------------------------------------------------- */

static json_t *time_or_null(Request *r, int64_t t)
{
    return t ? api_str(datetime_iso(r->arena, t)) : json_null();
}

static json_t *day_or_null(Request *r, int64_t day)
{
    return day ? api_str(date_iso(r->arena, day)) : json_null();
}

static json_t *text_or_null(const char *s)
{
    return s && *s ? api_str(s) : json_null();
}

static json_t *ledger_object(const Ledger *l)
{
    json_t *o = json_object();
    json_object_set_new(o, "year", json_integer(l->year));
    json_object_set_new(o, "budget_cents", json_integer(l->budget_cents));
    json_object_set_new(o, "committed_cents", json_integer(l->committed_cents));
    json_object_set_new(o, "paid_cents", json_integer(l->paid_cents));
    json_object_set_new(o, "remaining_cents", json_integer(l->remaining_cents));
    json_object_set_new(o, "closed", json_boolean(l->closed));
    return o;
}

/* "one item per line" as a list, without empty lines. */
static json_t *lines_list(Request *r, const char *text)
{
    json_t *v = json_array();
    if (!text)
        return v;
    for (const char *p = text; *p;) {
        size_t n = strcspn(p, "\n");
        const char *line = text_trim(r->arena, arena_printf(r->arena, "%.*s", (int)n, p));
        if (line && *line)
            json_array_append_new(v, api_str(line));
        p += n + (p[n] == '\n');
    }
    return v;
}

static json_t *criteria_object(const CriteriaSet *cs)
{
    json_t *items = json_array();
    for (size_t i = 0; i < cs->n; i++)
        json_array_append_new(items, json_pack("{s:o, s:o, s:o}", "code", api_str(cs->items[i].code), "name",
                                               api_str(cs->items[i].name), "question",
                                               api_str(cs->items[i].question)));
    return json_pack("{s:i, s:o}", "version", cs->version, "items", items);
}

/* The fields a list item and the whole fund share. */
static json_t *fund_base(Request *r, const Fund *f)
{
    json_t *o = json_object();
    json_object_set_new(o, "code", api_str(f->code));
    json_object_set_new(o, "name", api_str(f->name));
    json_object_set_new(o, "organisation",
                        json_pack("{s:o, s:o}", "code", api_str(f->organisation), "name", api_str(f->organisation_name)));
    json_object_set_new(o, "max_amount_cents", json_integer(f->max_amount_cents));
    json_object_set_new(o, "decision_weeks", json_integer(f->decision_weeks));
    json_object_set_new(o, "criteria_version", json_integer(f->criteria_version));
    json_object_set_new(o, "url", api_str(arena_printf(r->arena, "/fondsen/%s", f->code)));
    Ledger l;
    if (fund_ledger(&r->ctx, f->code, 0, &l) == STATUS_OK)
        json_object_set_new(o, "ledger", ledger_object(&l));
    return o;
}

static json_t *fund_object(Request *r, const Fund *f, const CriteriaSet *cs)
{
    json_t *o = fund_base(r, f);
    json_object_set_new(o, "description", text_or_null(f->description));
    json_object_set_new(o, "cadence", text_or_null(f->cadence));
    json_object_set_new(o, "rules", json_pack("{s:o, s:o, s:I, s:i}", "who_may_apply", text_or_null(f->who_may_apply),
                                              "exclusions", lines_list(r, f->exclusions), "max_amount_cents",
                                              (json_int_t)f->max_amount_cents, "decision_weeks", f->decision_weeks));
    json_object_set_new(o, "criteria", criteria_object(cs));
    return o;
}

static json_t *decision_object(Request *r, const Application *a, int with_name)
{
    if (a->outcome == OUTCOME_NONE)
        return json_null();
    json_t *o = json_object();
    json_object_set_new(o, "outcome", api_str(outcome_code(a->outcome)));
    json_object_set_new(o, "outcome_label", api_str(outcome_label(a->outcome)));
    json_object_set_new(o, "amount_cents", json_integer(a->granted_cents));
    json_object_set_new(o, "motivation", text_or_null(a->motivation));
    json_object_set_new(o, "conditions", text_or_null(a->conditions));
    json_object_set_new(o, "referral", text_or_null(a->referral));
    json_object_set_new(o, "criteria_version", json_integer(a->criteria_version));
    json_object_set_new(o, "decided_at", time_or_null(r, a->decided_at));
    if (with_name)
        json_object_set_new(o, "decided_by", text_or_null(a->decided_by_name));
    return o;
}

static json_t *report_object(Request *r, const Report *rp)
{
    if (!rp->submitted_at)
        return json_null();
    json_t *o = json_object();
    json_object_set_new(o, "submitted_at", time_or_null(r, rp->submitted_at));
    json_object_set_new(o, "participants", json_integer(rp->participants));
    json_object_set_new(o, "reach", json_integer(rp->reach));
    json_object_set_new(o, "costs_cents", json_integer(rp->costs_cents));
    json_object_set_new(o, "story", api_str(rp->story));
    json_object_set_new(o, "photo_url", text_or_null(rp->photo_url));
    json_t *photos = json_array();
    for (size_t i = 0; i < rp->n_photos; i++) {
        const FileInfo *f = &rp->photos[i];
        json_array_append_new(photos, json_pack("{s:I, s:s, s:s, s:I, s:o}", "id", (json_int_t)f->id, "url",
                                                arena_printf(r->arena, "/api/v1/files/%lld", (long long)f->id),
                                                "content_type", f->content_type, "size", (json_int_t)f->size,
                                                "name", api_str(f->name)));
    }
    json_object_set_new(o, "photos", photos);
    json_object_set_new(o, "accepted", json_boolean(rp->accepted));
    json_object_set_new(o, "review_note", text_or_null(rp->review_note));
    json_object_set_new(o, "reviewed_at", time_or_null(r, rp->reviewed_at));
    return o;
}

static json_t *info_object(Request *r, const Application *a)
{
    if (!a->info_request)
        return json_null();
    json_t *o = json_object();
    json_object_set_new(o, "question", api_str(a->info_request));
    json_object_set_new(o, "asked_at", time_or_null(r, a->info_requested_at));
    json_object_set_new(o, "answer", text_or_null(a->info_response));
    json_object_set_new(o, "answered_at", time_or_null(r, a->info_supplied_at));
    return o;
}

static json_t *deadline_object(Request *r, const Application *a)
{
    ApplicationDeadline d = application_deadline(&r->ctx, a);
    if (!d.active)
        return json_null();
    json_t *o = json_object();
    json_object_set_new(o, "due", day_or_null(r, d.due_day));
    json_object_set_new(o, "days_left", json_integer(d.days_left));
    json_object_set_new(o, "overdue", json_boolean(!d.paused && d.days_left < 0));
    json_object_set_new(o, "paused", json_boolean(d.paused));
    return o;
}

static json_t *rights_object(const AppRights *m)
{
    json_t *o = json_object();
    json_object_set_new(o, "applicant", json_boolean(m->applicant));
    json_object_set_new(o, "member", json_boolean(m->member));
    json_object_set_new(o, "chair", json_boolean(m->chair));
    json_object_set_new(o, "staff", json_boolean(m->staff));
    json_object_set_new(o, "conflict", json_boolean(m->conflict));
    json_object_set_new(o, "may_score", json_boolean(m->may_score));
    json_object_set_new(o, "may_decide", json_boolean(m->may_decide));
    json_object_set_new(o, "may_request_info", json_boolean(m->may_request_info));
    json_object_set_new(o, "may_supply_info", json_boolean(m->may_supply_info));
    json_object_set_new(o, "may_withdraw", json_boolean(m->may_withdraw));
    json_object_set_new(o, "may_pay", json_boolean(m->may_pay));
    json_object_set_new(o, "may_report", json_boolean(m->may_report));
    json_object_set_new(o, "may_review_report", json_boolean(m->may_review_report));
    return o;
}

/* The chair's side-by-side view: per criterion the summary and each
 * member's score and remark. */
static json_t *scores_object(const ScoreSheet *s)
{
    json_t *rows = json_array(), *members = json_array(), *conflicts = json_array();
    for (size_t m = 0; m < s->n_members; m++)
        json_array_append_new(members, json_pack("{s:I, s:o, s:b}", "id", (json_int_t)s->members[m].user_id, "name",
                                                 api_str(s->members[m].name), "chair", s->members[m].chair));
    for (size_t i = 0; i < s->n_rows; i++) {
        const CriterionSummary *row = &s->rows[i];
        json_t *given = json_array();
        for (size_t m = 0; m < s->n_members; m++) {
            int score = s->scores[i * s->n_members + m];
            if (!score)
                continue;
            const char *remark = s->remarks ? s->remarks[i * s->n_members + m] : NULL;
            json_array_append_new(given, json_pack("{s:I, s:o, s:i, s:o}", "member_id",
                                                   (json_int_t)s->members[m].user_id, "member",
                                                   api_str(s->members[m].name), "score", score, "remark",
                                                   text_or_null(remark)));
        }
        json_t *o = json_pack("{s:o, s:o, s:i}", "criterion", api_str(row->criterion.code), "name",
                              api_str(row->criterion.name), "count", row->count);
        json_object_set_new(o, "average", row->count ? json_real(row->average) : json_null());
        json_object_set_new(o, "min", row->count ? json_integer(row->min) : json_null());
        json_object_set_new(o, "max", row->count ? json_integer(row->max) : json_null());
        json_object_set_new(o, "spread", row->count ? json_integer(row->spread) : json_null());
        json_object_set_new(o, "scores", given);
        json_array_append_new(rows, o);
    }
    for (size_t i = 0; i < s->n_conflicts; i++)
        json_array_append_new(conflicts, json_pack("{s:I, s:o, s:o}", "member_id",
                                                   (json_int_t)s->conflicts[i].member_id, "member",
                                                   api_str(s->conflicts[i].member_name), "reason",
                                                   text_or_null(s->conflicts[i].reason)));
    json_t *o = json_pack("{s:i, s:o, s:o, s:o}", "criteria_version", s->criteria_version, "criteria", rows,
                          "members", members, "conflicts", conflicts);
    int any = 0;
    for (size_t i = 0; i < s->n_rows; i++)
        any |= s->rows[i].count > 0;
    json_object_set_new(o, "average", any ? json_real(s->average) : json_null());
    return o;
}

static json_t *my_scores(Request *r, const Application *a)
{
    Assessment *v = NULL;
    size_t n = 0;
    if (assessment_mine(&r->ctx, a->id, &v, &n) != STATUS_OK)
        return NULL;
    json_t *items = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(items, json_pack("{s:o, s:i, s:o, s:o}", "criterion", api_str(v[i].criterion), "score",
                                               v[i].score, "remark", text_or_null(v[i].remark), "at",
                                               time_or_null(r, v[i].at)));
    return items;
}

static json_t *payments_list(Request *r, const Application *a)
{
    Payment *v = NULL;
    size_t n = 0;
    if (payment_list(&r->ctx, a->id, &v, &n) != STATUS_OK)
        return NULL;
    json_t *items = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(items, json_pack("{s:I, s:I, s:b, s:o, s:o}", "id", (json_int_t)v[i].id, "amount_cents",
                                               (json_int_t)v[i].amount_cents, "repayment", v[i].repayment, "note",
                                               text_or_null(v[i].note), "at", time_or_null(r, v[i].at)));
    return items;
}

/* The application as GET /applications/{id} shows it to this person.
 * Never the applicant's e-mail; her name only to the committee and
 * staff; scores only where application_scores allows (the chair and
 * staff; members after the decision; never a member with a conflict). */
static json_t *application_object(Request *r, const Application *a)
{
    const AppRights *me = &a->me;
    int insider = me->member || me->staff;
    json_t *o = json_object();
    json_object_set_new(o, "id", json_integer(a->id));
    json_object_set_new(o, "url", api_str(arena_printf(r->arena, "/api/v1/applications/%lld", (long long)a->id)));
    json_object_set_new(o, "fund", json_pack("{s:o, s:o}", "code", api_str(a->fund_code), "name", api_str(a->fund_name)));
    json_object_set_new(o, "initiative",
                        json_pack("{s:I, s:o, s:{s:o, s:o}}", "id", (json_int_t)a->initiative_id, "title",
                                  api_str(a->initiative_title), "area", "code", api_str(a->area_code), "name",
                                  api_str(a->area_name)));
    json_object_set_new(o, "help_request_id", a->help_request_id ? json_integer(a->help_request_id) : json_null());
    if (insider || me->applicant)
        json_object_set_new(o, "applicant", json_pack("{s:o}", "name", api_str(a->applicant_name)));
    json_object_set_new(o, "year", json_integer(a->year));
    json_object_set_new(o, "state", api_str(app_state_code(a->state)));
    json_object_set_new(o, "state_label", api_str(app_state_label(a->state)));
    json_object_set_new(o, "state_explain", text_or_null(app_state_explain(a->state)));
    json_object_set_new(o, "state_since", time_or_null(r, a->state_since));
    json_object_set_new(o, "amount_cents", json_integer(a->amount_cents));
    json_object_set_new(o, "granted_cents", json_integer(a->granted_cents));
    json_object_set_new(o, "paid_cents", json_integer(a->paid_cents));
    json_object_set_new(o, "criteria_version", json_integer(a->criteria_version));
    json_t *lines = json_array();
    for (size_t i = 0; i < a->n_lines; i++)
        json_array_append_new(lines, json_pack("{s:o, s:I}", "description", api_str(a->lines[i].description),
                                               "amount_cents", (json_int_t)a->lines[i].amount_cents));
    json_object_set_new(o, "lines", lines);
    json_object_set_new(o, "own_contribution", text_or_null(a->own_contribution));
    json_object_set_new(o, "own_contribution_cents", json_integer(a->own_contribution_cents));
    json_object_set_new(o, "own_contribution_hours", json_integer(a->own_contribution_hours));
    json_object_set_new(o, "needed_by", day_or_null(r, a->needed_by));
    json_object_set_new(o, "submitted_at", time_or_null(r, a->submitted_at));
    json_object_set_new(o, "decision_due", day_or_null(r, a->decision_due_day));
    json_object_set_new(o, "paused", json_boolean(a->paused_since != 0));
    json_object_set_new(o, "paused_since", time_or_null(r, a->paused_since));
    json_object_set_new(o, "paused_days", json_integer(a->paused_days));
    json_object_set_new(o, "deadline", deadline_object(r, a));
    json_object_set_new(o, "info_request", info_object(r, a));
    json_object_set_new(o, "decision", decision_object(r, a, insider));
    json_object_set_new(o, "withdraw_reason", text_or_null(a->withdraw_reason));
    json_object_set_new(o, "round", a->round_id ? json_pack("{s:I, s:o}", "id", (json_int_t)a->round_id,
                                                            "meeting_date", day_or_null(r, a->round_day))
                                                : json_null());
    json_object_set_new(o, "report", report_object(r, &a->report));
    json_object_set_new(o, "me", rights_object(me));
    if (me->member) {
        json_t *mine = my_scores(r, a);
        if (mine)
            json_object_set_new(o, "my_scores", mine);
    }
    if (insider && !me->conflict) {
        ScoreSheet sheet;
        if (application_scores(&r->ctx, a->id, &sheet) == STATUS_OK)
            json_object_set_new(o, "scores", scores_object(&sheet));
    }
    json_t *pay = payments_list(r, a);
    if (pay)
        json_object_set_new(o, "payments", pay);
    return o;
}

/* An application in a list: who, what, where it stands. */
static json_t *application_item(Request *r, const Application *a)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_integer(a->id));
    json_object_set_new(o, "url", api_str(arena_printf(r->arena, "/api/v1/applications/%lld", (long long)a->id)));
    json_object_set_new(o, "initiative", json_pack("{s:I, s:o}", "id", (json_int_t)a->initiative_id, "title",
                                                   api_str(a->initiative_title)));
    json_object_set_new(o, "state", api_str(app_state_code(a->state)));
    json_object_set_new(o, "amount_cents", json_integer(a->amount_cents));
    json_object_set_new(o, "granted_cents", json_integer(a->granted_cents));
    json_object_set_new(o, "submitted_at", time_or_null(r, a->submitted_at));
    json_object_set_new(o, "decision_due", day_or_null(r, a->decision_due_day));
    json_object_set_new(o, "paused", json_boolean(a->paused_since != 0));
    json_object_set_new(o, "deadline", deadline_object(r, a));
    return o;
}

/* ---- Reading ------------------------------------------------------- */

/* An optional whole number: absent or null leaves *out; the wrong type
 * or below min adds an error. Returns 1 when a value was read. */
static int read_int(json_t *obj, const char *key, const char *field, int64_t min, int64_t *out, const char *msg,
                    FieldErrors *e)
{
    json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_integer(v)) {
        errors_add(e, field, msg);
        return 0;
    }
    if (json_integer_value(v) < min) {
        errors_add(e, field, min > 0 ? "Dit moet meer dan 0 zijn." : "Dit mag niet negatief zijn.");
        return 0;
    }
    *out = json_integer_value(v);
    return 1;
}

static void read_lines(Request *r, json_t *body, ApplicationInput *in, FieldErrors *e)
{
    json_t *v = json_object_get(body, "lines"), *x;
    if (!v || json_is_null(v))
        return;
    if (!json_is_array(v)) {
        errors_add(e, "lines", MSG_LINES);
        return;
    }
    size_t i;
    json_array_foreach(v, i, x) {
        if (in->n_lines == APP_LINES_MAX + 1) {
            in->too_many_lines = 1;
            break;
        }
        const char *prefix = arena_printf(r->arena, "lines[%zu]", i);
        if (!json_is_object(x)) {
            errors_add(e, prefix, MSG_LINES);
            continue;
        }
        BudgetLineInput *l = &in->lines[in->n_lines++];
        l->amount_cents = -1;
        json_t *d = json_object_get(x, "description");
        if (json_is_string(d))
            l->description = arena_strdup(r->arena, json_string_value(d));
        else if (d && !json_is_null(d))
            errors_add(e, arena_printf(r->arena, "%s.description", prefix), "Dit moet tekst zijn.");
        /* 0 goes to the domain, which says an amount must be more than € 0. */
        read_int(x, "amount_cents", arena_printf(r->arena, "%s.amount_cents", prefix), 0, &l->amount_cents, MSG_CENTS,
                 e);
    }
    if (json_array_size(v) > APP_LINES_MAX)
        in->too_many_lines = 1;
}

static void read_application(Request *r, json_t *body, ApplicationInput *in, int64_t *initiative, FieldErrors *e)
{
    memset(in, 0, sizeof *in);
    in->amount_cents = -1;
    in->own_contribution_cents = -1;
    in->own_contribution_hours = -1;
    /* "initiative" is the name the domain's errors use; initiative_id is accepted too. */
    if (!api_read_id(body, "initiative", initiative, e))
        api_read_id(body, "initiative_id", initiative, e);
    read_int(body, "amount_cents", "amount_cents", 0, &in->amount_cents, MSG_CENTS, e);
    read_lines(r, body, in, e);
    api_read_text(r, body, "own_contribution", &in->own_contribution, e);
    read_int(body, "own_contribution_cents", "own_contribution_cents", 0, &in->own_contribution_cents, MSG_CENTS, e);
    read_int(body, "own_contribution_hours", "own_contribution_hours", 0, &in->own_contribution_hours, MSG_WHOLE, e);
    api_read_text(r, body, "needed_by", &in->needed_by, e);
}

/* ?year=: the current year when absent. Answers 422 itself. */
static int query_year(Request *r, int *year)
{
    const char *v = text_trim(r->arena, req_arg(r, "year"));
    int64_t y;
    *year = 0;
    if (!v || !*v)
        return 1;
    if (!parse_int64(v, &y) || y < YEAR_MIN || y > YEAR_MAX) {
        FieldErrors e = { 0 };
        errors_add(&e, "year", "Geef een jaartal, bijvoorbeeld 2026.");
        api_status(r, ERR_INVALID, &e);
        return 0;
    }
    *year = (int)y;
    return 1;
}

/* ---- Funds --------------------------------------------------------- */

void api_funds_list(Request *r)
{
    Fund *v = NULL;
    size_t n = 0;
    Status s = fund_list(&r->ctx, &v, &n);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    json_t *items = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(items, fund_base(r, &v[i]));
    api_json(r, 200, json_pack("{s:o}", "items", items));
}

void api_fund_get(Request *r)
{
    Fund f;
    CriteriaSet cs;
    Status s = fund_get(&r->ctx, r->params[0], &f);
    if (s == STATUS_OK)
        s = fund_criteria(&r->ctx, f.code, 0, &cs);
    if (s != STATUS_OK)
        api_status(r, s, NULL);
    else
        api_json(r, 200, fund_object(r, &f, &cs));
}

/* The criteria of one version (an applicant looks up the rules her
 * decision was made under). */
void api_fund_criteria(Request *r)
{
    const char *v = text_trim(r->arena, req_arg(r, "version"));
    int64_t version = 0;
    if (v && *v && (!parse_int64(v, &version) || version < 1 || version > INT_MAX)) {
        FieldErrors e = { 0 };
        errors_add(&e, "version", "Geef een versienummer: een heel getal vanaf 1.");
        api_status(r, ERR_INVALID, &e);
        return;
    }
    CriteriaSet cs;
    Status s = fund_criteria(&r->ctx, r->params[0], (int)version, &cs);
    if (s != STATUS_OK)
        api_status(r, s, NULL);
    else
        api_json(r, 200, criteria_object(&cs));
}

void api_fund_decisions(Request *r)
{
    int year;
    if (!query_year(r, &year))
        return;
    PublicDecision *v = NULL;
    size_t n = 0;
    Status s = fund_decisions_public(&r->ctx, r->params[0], year, &v, &n);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    json_t *items = json_array();
    for (size_t i = 0; i < n; i++) {
        json_t *o = json_object();
        json_object_set_new(o, "application_id", json_integer(v[i].application_id));
        json_object_set_new(o, "initiative_title", api_str(v[i].initiative_title));
        json_object_set_new(o, "area", text_or_null(v[i].area_name));
        json_object_set_new(o, "outcome", api_str(outcome_code(v[i].outcome)));
        json_object_set_new(o, "outcome_label", api_str(outcome_label(v[i].outcome)));
        json_object_set_new(o, "amount_cents", json_integer(v[i].granted_cents));
        json_object_set_new(o, "motivation", text_or_null(v[i].motivation));
        json_object_set_new(o, "decided_at", time_or_null(r, v[i].decided_at));
        json_object_set_new(o, "criteria_version", json_integer(v[i].criteria_version));
        json_array_append_new(items, o);
    }
    api_json(r, 200, json_pack("{s:o}", "items", items));
}

/* The ledger of a year: the totals for anyone; the entries for members
 * and staff (fund_ledger_entries decides). */
void api_fund_ledger(Request *r)
{
    int year;
    if (!query_year(r, &year))
        return;
    Ledger l;
    Status s = fund_ledger(&r->ctx, r->params[0], year, &l);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    json_t *o = ledger_object(&l);
    LedgerEntry *v = NULL;
    size_t n = 0;
    if (r->ctx.user && fund_ledger_entries(&r->ctx, r->params[0], year, &v, &n) == STATUS_OK) {
        json_t *items = json_array();
        for (size_t i = 0; i < n; i++) {
            json_t *e = json_object();
            json_object_set_new(e, "id", json_integer(v[i].id));
            json_object_set_new(e, "at", time_or_null(r, v[i].at));
            json_object_set_new(e, "kind", api_str(ledger_kind_code(v[i].kind)));
            json_object_set_new(e, "amount_cents", json_integer(v[i].amount_cents));
            json_object_set_new(e, "application_id",
                                v[i].application_id ? json_integer(v[i].application_id) : json_null());
            json_object_set_new(e, "initiative_title", text_or_null(v[i].initiative_title));
            json_object_set_new(e, "note", text_or_null(v[i].note));
            json_array_append_new(items, e);
        }
        json_object_set_new(o, "entries", items);
    }
    api_json(r, 200, o);
}

void api_fund_ledger_csv(Request *r)
{
    int year;
    if (!query_year(r, &year))
        return;
    const char *csv = NULL;
    Status s = fund_ledger_csv(&r->ctx, r->params[0], year, &csv);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    resp_header(r, "Content-Disposition",
                arena_printf(r->arena, "attachment; filename=\"%s-%d.csv\"", r->params[0],
                             year ? year : fund_year_of(r->ctx.now)));
    resp_text(r, 200, "text/csv; charset=utf-8", csv);
}

/* PUT /funds/{code}/budgets/{year} {"budget_cents"}: admins. */
void api_fund_budget_set(Request *r)
{
    int64_t year;
    if (!parse_int64(r->params[1], &year) || year < YEAR_MIN || year > YEAR_MAX) {
        api_status(r, ERR_NOT_FOUND, NULL);
        return;
    }
    json_t *body = api_body(r);
    if (!body)
        return;
    FieldErrors e = { 0 };
    int64_t cents = -1;
    read_int(body, "budget_cents", "budget_cents", 0, &cents, MSG_CENTS, &e);
    json_decref(body);
    if (cents < 0 && !e.n)
        errors_add(&e, "budget_cents", "Geef het budget van dit jaar in hele centen.");
    Status s = e.n ? ERR_INVALID : fund_set_budget(&r->ctx, r->params[0], (int)year, cents, &e);
    Ledger l;
    if (s == STATUS_OK)
        s = fund_ledger(&r->ctx, r->params[0], (int)year, &l);
    if (s != STATUS_OK)
        api_status(r, s, &e);
    else
        api_json(r, 200, ledger_object(&l));
}

/* PATCH /funds/{code}: admins change the fund's rules; only the members
 * sent are touched. exclusions: text with one item per line, or a list. */
static void read_exclusions(Request *r, json_t *body, FundInput *in, FieldErrors *e)
{
    json_t *v = json_object_get(body, "exclusions"), *x;
    if (!v)
        return;
    in->present.exclusions = 1;
    if (!json_is_array(v)) {
        api_read_text(r, body, "exclusions", &in->exclusions, e);
        return;
    }
    Buf b;
    buf_init(&b);
    size_t i;
    json_array_foreach(v, i, x) {
        if (!json_is_string(x)) {
            errors_add(e, "exclusions", "Dit moet tekst zijn, of een lijst met tekst.");
            break;
        }
        if (i)
            buf_puts(&b, "\n");
        buf_puts(&b, json_string_value(x));
    }
    in->exclusions = arena_strdup(r->arena, buf_cstr(&b));
    buf_free(&b);
}

void api_fund_update(Request *r)
{
    json_t *body = api_body(r);
    if (!body)
        return;
    FundInput in = { .max_amount_cents = -1, .decision_weeks = -1 };
    FieldErrors e = { 0 };
    in.present.name = api_read_text(r, body, "name", &in.name, &e);
    in.present.description = api_read_text(r, body, "description", &in.description, &e);
    in.present.who_may_apply = api_read_text(r, body, "who_may_apply", &in.who_may_apply, &e);
    in.present.cadence = api_read_text(r, body, "cadence", &in.cadence, &e);
    read_exclusions(r, body, &in, &e);
    in.present.max_amount = read_int(body, "max_amount_cents", "max_amount_cents", 0, &in.max_amount_cents, MSG_CENTS, &e);
    in.present.decision_weeks = read_int(body, "decision_weeks", "decision_weeks", 0, &in.decision_weeks, MSG_WHOLE, &e);
    json_decref(body);
    /* The domain checks the admin first, then refuses when any error was
     * found (these type errors too) before it writes. */
    Status s = fund_update(&r->ctx, r->params[0], &in, &e);
    if (s == ERR_FORBIDDEN && !e.summary)
        e.summary = "Alleen beheerders veranderen een fonds.";
    if (s != STATUS_OK) {
        api_status(r, s, &e);
        return;
    }
    api_fund_get(r);
}

/* PUT /funds/{code}/criteria {"criteria":[{code,name,question}]}: admins
 * make a new version; decisions keep the version they were made under. */
void api_fund_criteria_replace(Request *r)
{
    json_t *body = api_body(r);
    if (!body)
        return;
    FieldErrors e = { 0 };
    json_t *v = json_object_get(body, "criteria"), *x;
    size_t n = json_is_array(v) ? json_array_size(v) : 0, i;
    CriterionInput *items = arena_alloc(r->arena, (n + 1) * sizeof *items);
    if (!json_is_array(v))
        errors_add(&e, "criteria", "Stuur de criteria als lijst: [{\"code\", \"name\", \"question\"}].");
    json_array_foreach(v, i, x) {
        const char *p = arena_printf(r->arena, "criteria[%zu]", i);
        if (!json_is_object(x)) {
            errors_add(&e, p, "Dit moet een criterium zijn: {\"code\", \"name\", \"question\"}.");
            continue;
        }
        const char *fields[] = { "code", "name", "question" };
        const char **out[] = { &items[i].code, &items[i].name, &items[i].question };
        for (size_t k = 0; k < 3; k++) {
            json_t *f = json_object_get(x, fields[k]);
            if (json_is_string(f))
                *out[k] = arena_strdup(r->arena, json_string_value(f));
            else if (f && !json_is_null(f))
                errors_add(&e, arena_printf(r->arena, "%s.%s", p, fields[k]), "Dit moet tekst zijn.");
        }
    }
    json_decref(body);
    int version = 0;
    Status s = criteria_set_replace(&r->ctx, r->params[0], items, n, &e, &version);
    if (s == ERR_FORBIDDEN && !e.summary)
        e.summary = "Alleen beheerders veranderen het afwegingskader.";
    CriteriaSet cs;
    if (s == STATUS_OK)
        s = fund_criteria(&r->ctx, r->params[0], version, &cs);
    if (s != STATUS_OK)
        api_status(r, s, &e);
    else
        api_json(r, 200, criteria_object(&cs));
}

/* ---- Rounds: the committee's meetings ---------------------------------- */

static json_t *round_object(Request *r, const Round *rd)
{
    return json_pack("{s:I, s:o, s:o, s:o, s:I}", "id", (json_int_t)rd->id, "fund", api_str(rd->fund_code),
                     "meeting_date", day_or_null(r, rd->meeting_day), "note", text_or_null(rd->note), "agenda_count",
                     (json_int_t)rd->n_agenda);
}

static void send_round(Request *r, int64_t id, int status)
{
    Round rd;
    Application *v = NULL;
    size_t n = 0;
    Status s = round_get(&r->ctx, id, &rd);
    if (s == STATUS_OK)
        s = round_agenda(&r->ctx, id, &v, &n);
    if (s != STATUS_OK) {
        FieldErrors e = { .summary = "De vergaderingen van een fonds zien alleen de commissie en medewerkers." };
        api_status(r, s, s == ERR_FORBIDDEN ? &e : NULL);
        return;
    }
    json_t *o = round_object(r, &rd), *agenda = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(agenda, application_item(r, &v[i]));
    json_object_set_new(o, "agenda", agenda);
    json_object_set_new(o, "agenda_count", json_integer((json_int_t)n));
    if (status == 201)
        resp_header(r, "Location", arena_printf(r->arena, "/api/v1/rounds/%lld", (long long)id));
    api_json(r, status, o);
}

void api_fund_rounds(Request *r)
{
    Round *v = NULL;
    size_t n = 0;
    Status s = round_list(&r->ctx, r->params[0], &v, &n);
    if (s != STATUS_OK) {
        FieldErrors e = { .summary = "De vergaderingen van een fonds zien alleen de commissie en medewerkers." };
        api_status(r, s, s == ERR_FORBIDDEN ? &e : NULL);
        return;
    }
    json_t *items = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(items, round_object(r, &v[i]));
    api_json(r, 200, json_pack("{s:o}", "items", items));
}

/* {"meeting_date","note"}: the chair or staff; every open application
 * not on an agenda yet goes on this one. */
void api_round_create(Request *r)
{
    json_t *body = api_body(r);
    if (!body)
        return;
    const char *date = NULL, *note = NULL;
    FieldErrors e = { 0 };
    api_read_text(r, body, "meeting_date", &date, &e);
    api_read_text(r, body, "note", &note, &e);
    json_decref(body);
    int64_t id = 0;
    Status s = e.n ? ERR_INVALID : round_create(&r->ctx, r->params[0], date, note, &e, &id);
    if (s == ERR_FORBIDDEN && !e.summary)
        e.summary = "Een vergadering plannen de voorzitter en medewerkers van de gemeente.";
    if (s != STATUS_OK)
        api_status(r, s, &e);
    else
        send_round(r, id, 201);
}

void api_round_get(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (id)
        send_round(r, id, 200);
}

/* {"application"}: the chair or staff puts an open application on this
 * meeting's agenda. */
void api_round_agenda_add(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    json_t *body = api_body(r);
    if (!body)
        return;
    int64_t app = 0;
    FieldErrors e = { 0 };
    api_read_id(body, "application", &app, &e);
    json_decref(body);
    if (!app && !e.n)
        errors_add(&e, "application", "Geef het nummer (id) van de aanvraag.");
    Status s = e.n ? ERR_INVALID : round_add_application(&r->ctx, id, app);
    if (s == ERR_FORBIDDEN && !e.summary)
        e.summary = "De agenda stellen de voorzitter en medewerkers van de gemeente op.";
    if (s == ERR_CONFLICT && !e.summary)
        e.summary = "Deze aanvraag hoort bij een ander fonds, of er is al over besloten.";
    if (s != STATUS_OK)
        api_status(r, s, &e);
    else
        send_round(r, id, 200);
}

/* ---- Applications -------------------------------------------------- */

/* Answers with the application as it is now (after a change). */
static void send_application(Request *r, int64_t id, int status)
{
    Application a;
    Status s = application_get(&r->ctx, id, &a);
    if (s != STATUS_OK) {
        FieldErrors e = { .summary = MSG_NOT_YOURS };
        api_status(r, s, s == ERR_FORBIDDEN ? &e : NULL);
        return;
    }
    if (status == 201)
        resp_header(r, "Location", arena_printf(r->arena, "/api/v1/applications/%lld", (long long)id));
    api_json(r, status, application_object(r, &a));
}

/* After a change: the error, or the application as it is now. */
static void send_result(Request *r, Status s, FieldErrors *e, int64_t id, int status)
{
    if (s != STATUS_OK)
        api_status(r, s, e);
    else
        send_application(r, id, status);
}

/* Which right a change needs, to answer 403 before 422: a person who may
 * not do this at all hears so, whatever her body held. */
typedef enum Need { NEED_MEMBER, NEED_CHAIR, NEED_APPLICANT, NEED_PAYER, NEED_REVIEWER } Need;

static int has_right(const AppRights *m, Need need)
{
    switch (need) {
    case NEED_MEMBER:
        return (m->member && !m->conflict) || m->staff;
    case NEED_CHAIR:
        return m->chair && !m->conflict;
    case NEED_APPLICANT:
        return m->applicant;
    case NEED_PAYER:
        return m->staff || (m->chair && !m->conflict);
    case NEED_REVIEWER:
        return (m->member && !m->conflict) || m->staff;
    }
    return 0;
}

/* Why this person may not: a plain sentence for the 403. */
static const char *why_not(const AppRights *m, Need need)
{
    switch (need) {
    case NEED_MEMBER:
    case NEED_REVIEWER:
        return m->conflict ? "U hebt een belangenconflict gemeld voor deze aanvraag. Daarom beoordeelt u haar niet."
                           : "Dit mogen alleen leden van de commissie van dit fonds.";
    case NEED_CHAIR:
        return m->conflict ? "U hebt een belangenconflict gemeld voor deze aanvraag. Daarom besluit u er niet over."
                           : "Alleen de voorzitter van de commissie neemt het besluit.";
    case NEED_APPLICANT:
        return "Dit mag alleen de aanvrager.";
    case NEED_PAYER:
        return "Betalingen leggen alleen medewerkers van de gemeente en de voorzitter van de commissie vast.";
    }
    return NULL;
}

/* Fills in why for a 403 that came without a reason. */
static void explain_forbidden(Request *r, int64_t id, Need need, FieldErrors *e)
{
    if (e->summary)
        return;
    Application a;
    e->summary = application_get(&r->ctx, id, &a) == STATUS_OK ? why_not(&a.me, need) : MSG_NOT_YOURS;
}

/* The body had type errors (e->n): answers 404/403 when the application
 * is not there or not this person's to change, else 422. */
static void refuse_body(Request *r, int64_t id, Need need, FieldErrors *e)
{
    Application a;
    Status s = application_get(&r->ctx, id, &a);
    if (s == STATUS_OK && !has_right(&a.me, need)) {
        FieldErrors f = { .summary = why_not(&a.me, need) };
        api_status(r, ERR_FORBIDDEN, &f);
        return;
    }
    FieldErrors f = { .summary = MSG_NOT_YOURS };
    api_status(r, s == STATUS_OK ? ERR_INVALID : s, s == STATUS_OK ? e : s == ERR_FORBIDDEN ? &f : NULL);
}

/* After a change that needs a right: the error (with why for a 403), or
 * the application as it is now. */
static void send_after(Request *r, Status s, FieldErrors *e, int64_t id, Need need, int status)
{
    if (s == ERR_FORBIDDEN)
        explain_forbidden(r, id, need, e);
    send_result(r, s, e, id, status);
}

void api_fund_applications(Request *r)
{
    const char *state = text_trim(r->arena, req_arg(r, "state"));
    AppState st = APP_NONE;
    if (state && *state && (st = app_state_parse(state)) == APP_NONE) {
        FieldErrors e = { 0 };
        errors_add(&e, "state", "Deze stap kennen we niet.");
        api_status(r, ERR_INVALID, &e);
        return;
    }
    Application *v = NULL;
    size_t n = 0;
    Status s = application_list_for_fund(&r->ctx, r->params[0], st, &v, &n);
    if (s != STATUS_OK) {
        FieldErrors e = { .summary = "De aanvragen bij een fonds zien alleen de commissie en medewerkers." };
        api_status(r, s, s == ERR_FORBIDDEN ? &e : NULL);
        return;
    }
    json_t *items = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(items, application_item(r, &v[i]));
    api_json(r, 200, json_pack("{s:o}", "items", items));
}

void api_application_create(Request *r)
{
    json_t *body = api_body(r);
    if (!body)
        return;
    ApplicationInput in;
    FieldErrors e = { 0 };
    int64_t initiative = 0, id = 0;
    read_application(r, body, &in, &initiative, &e);
    json_decref(body);
    /* The domain keeps the type errors found so far, adds its own and
     * refuses when there are any (before it writes), so a client sees
     * every problem at once; who may apply is checked before either. */
    Status s = application_create(&r->ctx, r->params[0], initiative, &in, &e, &id);
    if (s == ERR_FORBIDDEN && !e.summary)
        e.summary = "Alleen de initiatiefnemer vraagt geld aan voor haar initiatief.";
    send_result(r, s, &e, id, 201);
}

void api_application_get(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (id)
        send_application(r, id, 200);
}

void api_application_assess(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    json_t *body = api_body(r);
    if (!body)
        return;
    const char *criterion = NULL, *remark = NULL;
    int64_t score = 0;
    FieldErrors e = { 0 };
    api_read_text(r, body, "criterion", &criterion, &e);
    api_read_text(r, body, "remark", &remark, &e);
    if (!read_int(body, "score", "score", INT64_MIN, &score, "Geef een score: een heel getal van 1 tot en met 5.", &e)
        && !errors_get(&e, "score"))
        errors_add(&e, "score", "Geef een score van 1 tot en met 5.");
    json_decref(body);
    if (score > INT_MAX || score < INT_MIN)
        score = 0; /* out of range either way; the domain says so */
    if (e.n)
        refuse_body(r, id, NEED_MEMBER, &e);
    else
        send_after(r, assessment_set(&r->ctx, id, criterion, (int)score, remark, &e), &e, id, NEED_MEMBER, 200);
}

/* The body is optional here ({"reason"}). */
static int optional_reason(Request *r, const char *key, const char **out, FieldErrors *e)
{
    if (!r->body_len)
        return 1;
    json_t *body = api_body(r);
    if (!body)
        return 0;
    api_read_text(r, body, key, out, e);
    json_decref(body);
    return 1;
}

void api_application_conflict(Request *r)
{
    int64_t id = api_id_param(r, 0);
    const char *reason = NULL;
    FieldErrors e = { 0 };
    if (!id || !optional_reason(r, "reason", &reason, &e))
        return;
    if (e.n)
        refuse_body(r, id, NEED_MEMBER, &e);
    else
        send_after(r, conflict_declare(&r->ctx, id, reason, &e), &e, id, NEED_MEMBER, 200);
}

void api_application_decide(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    json_t *body = api_body(r);
    if (!body)
        return;
    DecisionInput in = { .amount_cents = -1 };
    FieldErrors e = { 0 };
    api_read_text(r, body, "outcome", &in.outcome, &e);
    read_int(body, "amount_cents", "amount_cents", 0, &in.amount_cents, MSG_CENTS, &e);
    api_read_text(r, body, "motivation", &in.motivation, &e);
    api_read_text(r, body, "conditions", &in.conditions, &e);
    api_read_text(r, body, "referral", &in.referral, &e);
    json_decref(body);
    /* An amount of the wrong type must not become "the full amount". */
    if (e.n)
        refuse_body(r, id, NEED_CHAIR, &e);
    else
        send_after(r, application_decide(&r->ctx, id, &in, &e), &e, id, NEED_CHAIR, 200);
}

void api_application_request_info(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    json_t *body = api_body(r);
    if (!body)
        return;
    const char *question = NULL;
    FieldErrors e = { 0 };
    api_read_text(r, body, "question", &question, &e);
    json_decref(body);
    if (e.n)
        refuse_body(r, id, NEED_MEMBER, &e);
    else
        send_after(r, application_request_info(&r->ctx, id, question, &e), &e, id, NEED_MEMBER, 200);
}

void api_application_supply_info(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    json_t *body = api_body(r);
    if (!body)
        return;
    const char *answer = NULL;
    FieldErrors e = { 0 };
    api_read_text(r, body, "answer", &answer, &e);
    json_decref(body);
    if (e.n)
        refuse_body(r, id, NEED_APPLICANT, &e);
    else
        send_after(r, application_supply_info(&r->ctx, id, answer, &e), &e, id, NEED_APPLICANT, 200);
}

void api_application_withdraw(Request *r)
{
    int64_t id = api_id_param(r, 0);
    const char *reason = NULL;
    FieldErrors e = { 0 };
    if (!id || !optional_reason(r, "reason", &reason, &e))
        return;
    if (e.n)
        refuse_body(r, id, NEED_APPLICANT, &e);
    else
        send_after(r, application_withdraw(&r->ctx, id, reason), &e, id, NEED_APPLICANT, 200);
}

void api_application_pay(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    json_t *body = api_body(r);
    if (!body)
        return;
    int64_t cents = -1, payment = 0;
    int repayment = 0;
    const char *note = NULL;
    FieldErrors e = { 0 };
    if (!read_int(body, "amount_cents", "amount_cents", 0, &cents, MSG_CENTS, &e) && !errors_get(&e, "amount_cents"))
        errors_add(&e, "amount_cents", "Geef het bedrag in hele centen.");
    api_read_bool(body, "repayment", &repayment, &e);
    api_read_text(r, body, "note", &note, &e);
    json_decref(body);
    if (e.n)
        refuse_body(r, id, NEED_PAYER, &e);
    else
        send_after(r, payment_add(&r->ctx, id, NULL, cents, repayment, note, &e, &payment), &e, id, NEED_PAYER, 201);
}

void api_application_report(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    json_t *body = api_body(r);
    if (!body)
        return;
    ReportInput in = { .participants_n = -1, .reach_n = -1, .costs_cents = -1 };
    FieldErrors e = { 0 };
    read_int(body, "participants", "participants", 0, &in.participants_n, MSG_WHOLE, &e);
    read_int(body, "reach", "reach", 0, &in.reach_n, MSG_WHOLE, &e);
    read_int(body, "costs_cents", "costs_cents", 0, &in.costs_cents, MSG_CENTS, &e);
    api_read_text(r, body, "story", &in.story, &e);
    api_read_text(r, body, "photo_url", &in.photo_url, &e);
    json_decref(body);
    if (e.n)
        refuse_body(r, id, NEED_APPLICANT, &e);
    else
        send_after(r, report_submit(&r->ctx, id, &in, &e), &e, id, NEED_APPLICANT, 200);
}

/* {"accepted": true} closes the accountability (verantwoord);
 * {"accepted": false, "note"} asks for more. */
/* multipart/form-data with one or more files in the field "photos". */
void api_application_report_photos(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    if (!r->files) {
        api_error(r, 415, "unsupported_media_type",
                  "Stuur de foto's als multipart/form-data, in het veld photos.", NULL);
        return;
    }
    size_t n = 0;
    PhotoInput *photos = arena_alloc(r->arena, (r->files->count ? r->files->count : 1) * sizeof *photos);
    for (size_t i = 0; i < r->files->count; i++) {
        const Upload *u = &r->files->items[i];
        if (strcmp(u->field, "photos") == 0)
            photos[n++] = (PhotoInput){ .filename = u->filename, .data = u->data, .len = u->len };
    }
    FieldErrors e = { 0 };
    send_after(r, report_photos_add(&r->ctx, id, photos, n, &e), &e, id, NEED_APPLICANT, 201);
}

void api_application_report_review(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    json_t *body = api_body(r);
    if (!body)
        return;
    int accepted = -1;
    const char *note = NULL;
    FieldErrors e = { 0 };
    api_read_bool(body, "accepted", &accepted, &e);
    api_read_text(r, body, "note", &note, &e);
    json_decref(body);
    if (accepted < 0 && !errors_get(&e, "accepted"))
        errors_add(&e, "accepted", "Zeg of u de verantwoording goedkeurt (true) of om meer vraagt (false).");
    if (e.n)
        refuse_body(r, id, NEED_REVIEWER, &e);
    else
        send_after(r, accepted ? report_accept(&r->ctx, id, note) : report_more(&r->ctx, id, note, &e), &e, id,
                   NEED_REVIEWER, 200);
}
