#include "domain/demo.h"

#include <jansson.h>
#include <sodium.h>
#include <string.h>

#include "domain/accounts.h"
#include "domain/connections.h"
#include "domain/directory.h"
#include "domain/market.h"
#include "domain/volunteering.h"
#include "domain/funds.h"
#include "domain/initiatives.h"
#include "domain/process.h"
#include "lib/dates.h"
#include "lib/embedded.h"
#include "store/store.h"
#include "store/store_funds.h"

/* One hash for all demo accounts: hashing forty passwords would make
 * `init --demo` slow for no gain. */
static int add_people(Ctx *c, json_t *list, Role role, const char *hash, const char **err)
{
    size_t i;
    json_t *p;
    json_array_foreach(list, i, p) {
        const char *email = json_string_value(json_object_get(p, "email"));
        User existing;
        if (!email || store_user_by_email(c->db, c->arena, c->tenant->id, email, &existing) == DB_OK)
            continue;
        const char *r = json_string_value(json_object_get(p, "role"));
        User u = { .email = email,
                   .name = json_string_value(json_object_get(p, "name")),
                   .phone = json_string_value(json_object_get(p, "phone")),
                   .role = r && role_parse(r) >= 0 ? (Role)role_parse(r) : role,
                   .password_hash = hash };
        int64_t id;
        if (store_user_insert(c->db, c->tenant->id, &u, c->now, &id) != DB_OK) {
            *err = arena_printf(c->arena, "gebruiker %s kon niet worden gemaakt", email);
            return 0;
        }
    }
    return 1;
}

static int64_t user_id(Ctx *c, const char *email)
{
    User u;
    return email && store_user_by_email(c->db, c->arena, c->tenant->id, email, &u) == DB_OK ? u.id : 0;
}

static const char **string_array(Arena *a, json_t *arr, size_t *n)
{
    *n = json_array_size(arr);
    const char **v = arena_alloc(a, (*n + 1) * sizeof *v);
    for (size_t i = 0; i < *n; i++) {
        json_t *x = json_array_get(arr, i);
        v[i] = json_is_integer(x) ? arena_printf(a, "%lld", (long long)json_integer_value(x))
                                  : json_string_value(x);
    }
    return v;
}

/* Walks the history through the same state changes real use makes, with
 * the times the demo file gives. */
static int add_initiative(Ctx *c, json_t *j, const char **err)
{
    const char *title = json_string_value(json_object_get(j, "title"));
    int64_t id;
    if (!title || store_initiative_find_by_title(c->db, c->tenant->id, title, &id) == DB_OK)
        return 1;
    json_t *history = json_object_get(j, "history");
    json_t *first = json_array_get(history, 0);
    int64_t created = c->now - 86400 * (first ? json_integer_value(json_object_get(first, "days_ago")) + 2 : 5);
    Initiative in = { 0 };
    in.title = title;
    in.summary = json_string_value(json_object_get(j, "summary"));
    in.description = json_string_value(json_object_get(j, "description"));
    in.area_code = json_string_value(json_object_get(j, "area"));
    in.state = ST_IDEE;
    in.initiator_id = user_id(c, json_string_value(json_object_get(j, "initiator")));
    in.show_name = json_is_false(json_object_get(j, "show_name")) ? 0 : 1;
    if (!in.initiator_id || store_initiative_insert(c->db, c->tenant->id, &in, created, &in.id) != DB_OK)
        goto fail;
    size_t nt, ns;
    const char **themes = string_array(c->arena, json_object_get(j, "themes"), &nt);
    const char **sdgs = string_array(c->arena, json_object_get(j, "sdgs"), &ns);
    in.themes = arena_alloc(c->arena, (nt + 1) * sizeof *in.themes);
    in.sdgs = arena_alloc(c->arena, (ns + 1) * sizeof *in.sdgs);
    for (size_t i = 0; i < nt; i++)
        in.themes[i].code = themes[i];
    for (size_t i = 0; i < ns; i++)
        in.sdgs[i].code = sdgs[i];
    in.n_themes = nt;
    in.n_sdgs = ns;
    json_t *links = json_object_get(j, "links");
    in.n_links = json_array_size(links);
    in.links = arena_alloc(c->arena, (in.n_links + 1) * sizeof *in.links);
    for (size_t i = 0; i < in.n_links; i++) {
        in.links[i].kind = json_string_value(json_object_get(json_array_get(links, i), "kind"));
        in.links[i].url = json_string_value(json_object_get(json_array_get(links, i), "url"));
    }
    if (store_initiative_set_tags(c->db, c->tenant->id, &in) != DB_OK)
        goto fail;
    if (store_timeline_insert(c->db, c->tenant->id, in.id, created, ST_NONE, ST_IDEE, in.initiator_id,
                              "Idee gedeeld.") != DB_OK)
        goto fail;
    size_t i;
    json_t *step;
    ProcState cur = ST_IDEE;
    int64_t contact = user_id(c, json_string_value(json_object_get(j, "contact")));
    json_array_foreach(history, i, step) {
        ProcState to = state_parse(json_string_value(json_object_get(step, "to")));
        int64_t at = c->now - 86400 * json_integer_value(json_object_get(step, "days_ago")) - 3600 * (int64_t)(i + 1);
        int64_t by = user_id(c, json_string_value(json_object_get(step, "by")));
        if (to == ST_NONE || !process_allowed(cur, to)
            || store_initiative_set_state(c->db, c->tenant->id, in.id, cur, to, at, to == ST_INGEDIEND ? at : 0,
                                          to == ST_INTAKE ? contact : 0) != DB_OK
            || store_timeline_insert(c->db, c->tenant->id, in.id, at, cur, to, by,
                                     json_string_value(json_object_get(step, "note"))) != DB_OK)
            goto fail;
        cur = to;
    }
    json_t *h;
    json_array_foreach(json_object_get(j, "help_requests"), i, h) {
        json_t *amount = json_object_get(h, "amount_cents");
        int st = help_state_parse(json_string_value(json_object_get(h, "state")));
        HelpRequest hr = { .kind = json_string_value(json_object_get(h, "kind")),
                           .description = json_string_value(json_object_get(h, "description")),
                           .amount_cents = json_is_integer(amount) ? json_integer_value(amount) : -1,
                           .state = st < 0 ? HELP_OPEN : (HelpState)st };
        int64_t hid;
        if (store_help_request_insert(c->db, c->tenant->id, in.id, &hr, created, &hid) != DB_OK)
            goto fail;
    }
    return 1;
fail:
    *err = arena_printf(c->arena, "initiatief \"%s\" kon niet worden geladen", title);
    return 0;
}

/* ---- funds (issue 4) ---- */

/* The demo's funds go through the domain calls themselves, each as the
 * person who would make it and at the time the demo file gives: the same
 * checks, transactions and ledger entries as real use. */
typedef struct DemoFund {
    Ctx *c;
    const char *code;
    const char **err;
    int64_t jan1; /* this year's first second (UTC) */
} DemoFund;

static const User *demo_user(Ctx *c, const char *email)
{
    User *u = arena_alloc(c->arena, sizeof *u);
    if (!email || store_user_by_email(c->db, c->arena, c->tenant->id, email, u) != DB_OK)
        return NULL;
    return u;
}

static Ctx as(const DemoFund *df, const User *u, int64_t at)
{
    Ctx x = *df->c;
    x.user = u;
    x.now = at;
    return x;
}

static int demo_fail(const DemoFund *df, const char *what, const char *title, Status s, const FieldErrors *e)
{
    *df->err = arena_printf(df->c->arena, "fonds %s, \"%s\": %s mislukt (status %d%s%s%s%s)", df->code,
                            title ? title : "?", what, (int)s, e && e->n ? ", " : "", e && e->n ? e->field[0] : "",
                            e && e->n ? ": " : "", e && e->n ? e->message[0] : (e && e->summary ? e->summary : ""));
    return 0;
}

/* A time in the past year from "MM-DD", at 10:00. */
static int64_t past_time(const DemoFund *df, const char *mmdd)
{
    int m = 1, d = 1;
    if (mmdd && strlen(mmdd) == 5) {
        m = atoi(mmdd);
        d = atoi(mmdd + 3);
    }
    return date_from_ymd(fund_year_of(df->c->now) - 1, m, d) * 86400 + 10 * 3600;
}

/* days_ago before now, but within this year and after `after`. */
static int64_t this_year(const DemoFund *df, json_int_t days_ago, int64_t after)
{
    int64_t t = df->c->now - 86400 * (int64_t)days_ago;
    if (t < df->jan1 + 9 * 3600)
        t = df->jan1 + 9 * 3600;
    if (t <= after)
        t = after + 3600;
    if (t > df->c->now)
        t = df->c->now;
    return t;
}

static int demo_application(DemoFund *df, json_t *j, const User *chair, const User *payer, const User *reviewer)
{
    Ctx *c = df->c;
    const char *title = json_string_value(json_object_get(j, "initiative"));
    int64_t ini_id;
    if (!title || store_initiative_find_by_title(c->db, c->tenant->id, title, &ini_id) != DB_OK)
        return demo_fail(df, "initiatief zoeken", title, ERR_NOT_FOUND, NULL);
    Application *have;
    size_t n_have;
    Ctx staff = as(df, payer, c->now);
    if (application_list_for_initiative(&staff, ini_id, &have, &n_have) != STATUS_OK)
        return demo_fail(df, "aanvragen lezen", title, ERR_INTERNAL, NULL);
    for (size_t i = 0; i < n_have; i++)
        if (strcmp(have[i].fund_code, df->code) == 0)
            return 1; /* loaded before */
    Initiative ini;
    if (initiative_get(c, ini_id, &ini) != STATUS_OK)
        return demo_fail(df, "initiatief lezen", title, ERR_INTERNAL, NULL);
    User *applicant = arena_alloc(c->arena, sizeof *applicant);
    if (store_user_by_id(c->db, c->arena, c->tenant->id, ini.initiator_id, applicant) != DB_OK)
        return demo_fail(df, "initiatiefnemer lezen", title, ERR_INTERNAL, NULL);

    int past = json_is_true(json_object_get(j, "past_year"));
    int64_t t_sub = past ? past_time(df, json_string_value(json_object_get(j, "submitted")))
                         : this_year(df, json_integer_value(json_object_get(j, "days_ago")), 0);
    ApplicationInput in = { .amount_cents = -1, .own_contribution_cents = -1 };
    size_t i;
    json_t *line;
    json_array_foreach(json_object_get(j, "lines"), i, line) {
        if (in.n_lines >= APP_LINES_MAX)
            break;
        in.lines[in.n_lines].description = json_string_value(json_array_get(line, 0));
        in.lines[in.n_lines].amount_cents = json_integer_value(json_array_get(line, 1));
        in.n_lines++;
    }
    in.own_contribution = json_string_value(json_object_get(j, "own_contribution"));
    in.own_contribution_hours = json_integer_value(json_object_get(j, "own_contribution_hours"));
    if (json_is_integer(json_object_get(j, "own_contribution_cents")))
        in.own_contribution_cents = json_integer_value(json_object_get(j, "own_contribution_cents"));
    json_int_t need = json_integer_value(json_object_get(j, "needed_by_days"));
    in.needed_by = date_iso(c->arena, date_day(t_sub) + (need > 0 ? need : 30));
    FieldErrors e = { 0 };
    Ctx x = as(df, applicant, t_sub);
    int64_t id;
    Status s = application_create(&x, df->code, ini_id, &in, &e, &id);
    if (s != STATUS_OK)
        return demo_fail(df, "aanvragen", title, s, &e);

    json_t *o;
    json_array_foreach(json_object_get(j, "conflicts"), i, o) {
        const User *m = demo_user(c, json_string_value(json_object_get(o, "member")));
        x = as(df, m, t_sub + 3600);
        memset(&e, 0, sizeof e);
        if (!m || (s = conflict_declare(&x, id, json_string_value(json_object_get(o, "reason")), &e)) != STATUS_OK)
            return demo_fail(df, "belangenverstrengeling melden", title, s, &e);
    }
    int64_t t_score = t_sub + 2 * 86400;
    json_array_foreach(json_object_get(j, "scores"), i, o) {
        const User *m = demo_user(c, json_string_value(json_object_get(o, "member")));
        const char *crit;
        json_t *v;
        json_object_foreach(json_object_get(o, "scores"), crit, v) {
            x = as(df, m, !past && t_score > c->now ? c->now : t_score);
            memset(&e, 0, sizeof e);
            if (!m || (s = assessment_set(&x, id, crit, (int)json_integer_value(v),
                                          json_string_value(json_object_get(o, "remark")), &e)) != STATUS_OK)
                return demo_fail(df, "scoren", title, s, &e);
        }
    }
    json_t *info = json_object_get(j, "info_request");
    if (info) {
        const User *m = demo_user(c, json_string_value(json_object_get(info, "by")));
        x = as(df, m, this_year(df, json_integer_value(json_object_get(info, "days_ago")), t_sub));
        memset(&e, 0, sizeof e);
        if (!m || (s = application_request_info(&x, id, json_string_value(json_object_get(info, "question")), &e))
                      != STATUS_OK)
            return demo_fail(df, "informatie vragen", title, s, &e);
    }
    json_t *dec = json_object_get(j, "decision");
    if (!dec)
        return 1;
    int64_t t_dec = past ? past_time(df, json_string_value(json_object_get(j, "decided")))
                         : this_year(df, json_integer_value(json_object_get(j, "decided_days_ago")), t_sub + 3 * 86400);
    DecisionInput d = { .outcome = json_string_value(json_object_get(dec, "outcome")),
                        .amount_cents = json_is_integer(json_object_get(dec, "amount_cents"))
                                            ? json_integer_value(json_object_get(dec, "amount_cents"))
                                            : -1,
                        .motivation = json_string_value(json_object_get(dec, "motivation")),
                        .conditions = json_string_value(json_object_get(dec, "conditions")),
                        .referral = json_string_value(json_object_get(dec, "referral")) };
    x = as(df, chair, t_dec);
    memset(&e, 0, sizeof e);
    if ((s = application_decide(&x, id, &d, &e)) != STATUS_OK)
        return demo_fail(df, "besluiten", title, s, &e);
    if (!json_object_get(j, "paid") && !json_object_get(j, "paid_days_ago"))
        return 1;
    int64_t t_paid = past ? past_time(df, json_string_value(json_object_get(j, "paid")))
                          : this_year(df, json_integer_value(json_object_get(j, "paid_days_ago")), t_dec);
    Application a;
    x = as(df, payer, t_paid);
    if (application_get(&x, id, &a) != STATUS_OK)
        return demo_fail(df, "aanvraag lezen", title, ERR_INTERNAL, NULL);
    memset(&e, 0, sizeof e);
    if ((s = payment_add(&x, id, NULL, a.granted_cents, 0, "Betaald op rekening van de initiatiefnemer", &e, NULL))
        != STATUS_OK)
        return demo_fail(df, "betalen", title, s, &e);
    json_t *rep = json_object_get(j, "report");
    if (!rep)
        return 1;
    int64_t t_rep = past_time(df, json_string_value(json_object_get(j, "reported")));
    json_t *back = json_object_get(j, "repayment_cents");
    if (json_is_integer(back)) {
        x = as(df, payer, t_rep);
        memset(&e, 0, sizeof e);
        if ((s = payment_add(&x, id, NULL, json_integer_value(back), 1, "Niet gebruikt, teruggestort", &e, NULL))
            != STATUS_OK)
            return demo_fail(df, "terugbetalen", title, s, &e);
    }
    ReportInput r = { .participants_n = json_integer_value(json_object_get(rep, "participants")),
                      .reach_n = json_integer_value(json_object_get(rep, "reach")),
                      .costs_cents = json_integer_value(json_object_get(rep, "costs_cents")),
                      .story = json_string_value(json_object_get(rep, "story")) };
    x = as(df, applicant, t_rep);
    memset(&e, 0, sizeof e);
    if ((s = report_submit(&x, id, &r, &e)) != STATUS_OK)
        return demo_fail(df, "verantwoorden", title, s, &e);
    x = as(df, reviewer, past_time(df, json_string_value(json_object_get(j, "accepted"))));
    if ((s = report_accept(&x, id, "Dank voor het verslag.")) != STATUS_OK)
        return demo_fail(df, "verantwoording goedkeuren", title, s, NULL);
    return 1;
}

static int demo_fund(Ctx *c, json_t *j, const char **err)
{
    DemoFund df = { .c = c, .code = json_string_value(json_object_get(j, "code")), .err = err };
    df.jan1 = date_from_ymd(fund_year_of(c->now), 1, 1) * 86400;
    Fund f;
    if (!df.code || fund_get(c, df.code, &f) != STATUS_OK)
        return demo_fail(&df, "fonds zoeken", "", ERR_NOT_FOUND, NULL);
    const User *chair = NULL, *reviewer = NULL;
    size_t i;
    json_t *m;
    Ctx cli = as(&df, NULL, c->now); /* the command line may appoint members */
    json_array_foreach(json_object_get(j, "members"), i, m) {
        const User *u = demo_user(c, json_string_value(json_object_get(m, "email")));
        int is_chair = json_is_true(json_object_get(m, "chair"));
        if (!u || fund_member_add(&cli, df.code, u->id, is_chair) != STATUS_OK)
            return demo_fail(&df, "commissielid toevoegen", json_string_value(json_object_get(m, "email")),
                             ERR_INTERNAL, NULL);
        if (is_chair)
            chair = u;
        else if (!reviewer)
            reviewer = u;
    }
    const User *payer = demo_user(c, json_string_value(json_object_get(j, "payer")));
    const User *admin = demo_user(c, json_string_value(json_object_get(j, "admin")));
    if (!chair || !reviewer || !payer || !admin)
        return demo_fail(&df, "personen zoeken", "", ERR_NOT_FOUND, NULL);
    int year = fund_year_of(c->now);
    json_t *py = json_object_get(j, "past_year");
    if (store_fund_year_set(c->db, c->tenant->id, f.id, year, json_integer_value(json_object_get(j, "budget_cents")), 1)
            != DB_OK
        || (py && store_fund_year_set(c->db, c->tenant->id, f.id, year - 1,
                                      json_integer_value(json_object_get(py, "budget_cents")), 1) != DB_OK))
        return demo_fail(&df, "budget vastleggen", "", ERR_INTERNAL, NULL);
    Round *rounds;
    size_t n_rounds;
    Ctx x = as(&df, chair, c->now);
    if (round_list(&x, df.code, &rounds, &n_rounds) != STATUS_OK)
        return demo_fail(&df, "vergaderingen lezen", "", ERR_INTERNAL, NULL);
    json_t *r;
    json_array_foreach(n_rounds ? NULL : json_object_get(j, "rounds"), i, r) {
        json_int_t ago = json_integer_value(json_object_get(r, "days_ago"));
        json_int_t ahead = json_integer_value(json_object_get(r, "days_from_now"));
        int64_t day = date_day(c->now) - ago + ahead;
        if (day < date_day(df.jan1))
            day = date_day(df.jan1);
        FieldErrors e = { 0 };
        Status s = round_create(&x, df.code, date_iso(c->arena, day), json_string_value(json_object_get(r, "note")),
                                &e, NULL);
        if (s != STATUS_OK)
            return demo_fail(&df, "vergadering plannen", "", s, &e);
    }
    json_array_foreach(json_object_get(j, "applications"), i, m)
        if (!demo_application(&df, m, chair, payer, reviewer))
            return 0;
    if (py && json_is_true(json_object_get(py, "closed"))) {
        Ledger l;
        if (fund_ledger(c, df.code, year - 1, &l) == STATUS_OK && !l.closed) {
            FieldErrors e = { 0 };
            x = as(&df, admin, c->now);
            Status s = fund_close_year(&x, df.code, year - 1, &e);
            if (s != STATUS_OK)
                return demo_fail(&df, "jaar afsluiten", "", s, &e);
        }
    }
    return 1;
}

Status demo_load(Ctx *c, int *added, const char **err)
{
    *added = 0;
    const EmbeddedFile *f = embedded_find("demo/lv.json");
    if (!f) {
        *err = "demo/lv.json ontbreekt in het programma";
        return ERR_INTERNAL;
    }
    json_error_t je;
    json_t *root = json_loadb((const char *)f->data, f->size, 0, &je);
    if (!root) {
        *err = arena_printf(c->arena, "demo/lv.json regel %d: %s", je.line, je.text);
        return ERR_INTERNAL;
    }
    char hash[crypto_pwhash_STRBYTES];
    Status s = ERR_INTERNAL;
    if (password_hash(DEMO_PASSWORD, hash, sizeof hash) != 0) {
        *err = "wachtwoord kon niet worden versleuteld";
        goto out;
    }
    if (db_begin(c->db) != DB_OK)
        goto out;
    if (!add_people(c, json_object_get(root, "officials"), ROLE_OFFICIAL, hash, err)
        || !add_people(c, json_object_get(root, "committee"), ROLE_COMMITTEE, hash, err)
        || !add_people(c, json_object_get(root, "residents"), ROLE_RESIDENT, hash, err)) {
        db_rollback(c->db);
        goto out;
    }
    size_t i;
    json_t *j;
    json_array_foreach(json_object_get(root, "initiatives"), i, j) {
        int64_t before;
        int existed = store_initiative_find_by_title(c->db, c->tenant->id,
                                                     json_string_value(json_object_get(j, "title")), &before) == DB_OK;
        if (!add_initiative(c, j, err)) {
            db_rollback(c->db);
            goto out;
        }
        *added += !existed;
    }
    s = db_commit(c->db) == DB_OK ? STATUS_OK : ERR_INTERNAL;
    /* Funds after the people and initiatives they refer to; each step is
     * its own transaction, as in real use. */
    json_array_foreach(s == STATUS_OK ? json_object_get(root, "funds") : NULL, i, j)
        if (!demo_fund(c, j, err))
            s = ERR_INTERNAL;
    /* The directory (domain/directory_demo.c): profiles, goal owners, members. */
    if (s == STATUS_OK && db_begin(c->db) == DB_OK) {
        s = directory_demo_load(c, json_object_get(root, "directory"), err);
        if (s == STATUS_OK) /* domain/connections_demo.c */
            s = connections_demo_load(c, json_object_get(root, "connections"), err);
        if (s == STATUS_OK) /* domain/market_demo.c: the Beursvloer */
            s = market_demo_load(c, json_object_get(root, "market"), err);
        if (s == STATUS_OK) /* domain/volunteering_demo.c: vacancies and a volunteer */
            s = volunteering_demo_load(c, err);
        if (s != STATUS_OK || db_commit(c->db) != DB_OK) {
            db_rollback(c->db);
            s = ERR_INTERNAL;
        }
    }
out:
    json_decref(root);
    return s;
}
