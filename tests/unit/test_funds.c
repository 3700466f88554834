/* Funds and committee assessment (issue 4) on a real database: the
 * ledger's arithmetic, the application's state machine, validation
 * messages, the decision clock pausing for information, conflicts of
 * interest, refusal over budget (also with two decisions at once, from two
 * threads on two connections) and versioned criteria. Every test runs on
 * SQLite (a file, so two connections share it) and, when WIJZER_TEST_PG
 * holds a server's base URL, again on a fresh PostgreSQL database. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <libpq-fe.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/accounts.h"
#include "domain/funds.h"
#include "domain/initiatives.h"
#include "domain/setup.h"
#include "lib/dates.h"
#include "store/store.h"
#include "testdb.h"

#define FUND "vlietwensen"

static const char *engine_url; /* the database URL the tests of the current group use */
static int use_pg;

typedef struct Fixture {
    Store *store;
    Db *db;
    Tenant tenant;
    User applicant, other, official, admin, chair, m1, m2, outsider;
    Ctx ctx;
    TestDb tdb;
} Fixture;

/* ---------- fixture ---------- */

static void add_user(Fixture *f, User *u, const char *email, const char *name, Role role)
{
    testdb_add_user(&f->ctx, u, email, name, role);
}

static int setup(void **state)
{
    Fixture *f = test_calloc(1, sizeof *f);
    testdb_open(&f->tdb, "funds", use_pg, &f->store, &f->db, &f->ctx, &f->tenant);
    add_user(f, &f->applicant, "fatima@example.nl", "Fatima Bakker", ROLE_RESIDENT);
    add_user(f, &f->other, "piet@example.nl", "Piet Jansen", ROLE_RESIDENT);
    add_user(f, &f->official, "sanne@gemeente.example", "Sanne de Wit", ROLE_OFFICIAL);
    add_user(f, &f->admin, "thomas@gemeente.example", "Thomas van Leeuwen", ROLE_ADMIN);
    add_user(f, &f->chair, "henk@example.nl", "Henk Groenewegen", ROLE_COMMITTEE);
    add_user(f, &f->m1, "marieke@example.nl", "Marieke Spaans", ROLE_COMMITTEE);
    add_user(f, &f->m2, "youssef@example.nl", "Youssef Bennani", ROLE_COMMITTEE);
    add_user(f, &f->outsider, "els@example.nl", "Els van der Kraan", ROLE_COMMITTEE); /* not on this fund */
    f->ctx.user = NULL; /* the command line appoints */
    assert_int_equal(fund_member_add(&f->ctx, FUND, f->chair.id, 1), STATUS_OK);
    assert_int_equal(fund_member_add(&f->ctx, FUND, f->m1.id, 0), STATUS_OK);
    assert_int_equal(fund_member_add(&f->ctx, FUND, f->m2.id, 0), STATUS_OK);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    testdb_close(&f->tdb, f->store, f->db, &f->ctx);
    test_free(f);
    return 0;
}

static Ctx *as(Fixture *f, User *u)
{
    f->ctx.user = u;
    return &f->ctx;
}

static int64_t initiative(Fixture *f, User *by, const char *title)
{
    InitiativeInput in = { 0 };
    in.title = title;
    in.summary = "Buren maken samen de speeltuin weer mooi.";
    in.description = "";
    in.area = "bovenveen";
    in.themes[in.n_themes++] = "groen";
    in.help[0] = (HelpInput){ .kind = "geld", .description = "Verf en hout", .amount = "450,00" };
    in.n_help = 1;
    in.show_name = 1;
    FieldErrors e = { 0 };
    int64_t id = 0;
    assert_int_equal(initiative_create(as(f, by), &in, &e, &id), STATUS_OK);
    return id;
}

static ApplicationInput valid_input(void)
{
    ApplicationInput in = { .amount_cents = -1, .own_contribution_cents = -1, .own_contribution_hours = -1 };
    in.lines[0] = (BudgetLineInput){ .description = "Verf", .amount = "250,00" };
    in.lines[1] = (BudgetLineInput){ .description = "Hout voor bankjes", .amount_cents = 20000 };
    in.n_lines = 2;
    in.amount = "450";
    in.own_contribution = "Twintig uur schilderen door buren.";
    in.own_contribution_hours = 20;
    in.needed_by = "2027-01-31";
    return in;
}

static int64_t apply(Fixture *f, int64_t ini, ApplicationInput *in)
{
    FieldErrors e = { 0 };
    int64_t id = 0;
    Status s = application_create(as(f, &f->applicant), FUND, ini, in, &e, &id);
    if (s != STATUS_OK)
        fail_msg("apply: status %d, %s: %s %s", s, e.n ? e.field[0] : "", e.n ? e.message[0] : "",
                 e.summary ? e.summary : "");
    return id;
}

static int64_t new_application(Fixture *f, const char *title)
{
    ApplicationInput in = valid_input();
    return apply(f, initiative(f, &f->applicant, title), &in);
}

static Status decide(Fixture *f, User *by, int64_t id, const char *outcome, int64_t cents, FieldErrors *e)
{
    DecisionInput d = { .outcome = outcome,
                        .amount_cents = cents,
                        .motivation = "De buurt wordt er mooier en hechter van.",
                        .referral = "Sport en Welzijn" };
    return application_decide(as(f, by), id, &d, e);
}

static Ledger ledger(Fixture *f)
{
    Ledger l;
    assert_int_equal(fund_ledger(as(f, NULL), FUND, 0, &l), STATUS_OK);
    return l;
}

static void set_budget(Fixture *f, int64_t cents)
{
    FieldErrors e = { 0 };
    assert_int_equal(fund_set_budget(as(f, &f->admin), FUND, 2026, cents, &e), STATUS_OK);
}

/* ---------- tests ---------- */

static void test_reference_data_makes_vlietwensen(void **state)
{
    Fixture *f = *state;
    Fund fund;
    assert_int_equal(fund_get(as(f, NULL), FUND, &fund), STATUS_OK);
    assert_int_equal(fund.budget_cents, 9000000);
    assert_int_equal(fund.year, 2026);
    assert_int_equal(fund.max_amount_cents, FUND_DEFAULT_MAX_CENTS);
    assert_int_equal(fund.decision_weeks, 8);
    assert_int_equal(fund.criteria_version, 1);
    assert_non_null(strstr(fund.exclusions, "Eten en drinken"));
    assert_non_null(strstr(fund.exclusions, "AED"));
    assert_string_equal(fund.organisation_name, "Werkgroep Vlietwensen");
    CriteriaSet cs;
    assert_int_equal(fund_criteria(as(f, NULL), FUND, 0, &cs), STATUS_OK);
    assert_int_equal(cs.version, 1);
    assert_int_equal(cs.n, 5);
    assert_string_equal(cs.items[0].code, "sociale-cohesie");
    Ledger l = ledger(f);
    assert_int_equal(l.budget_cents, 9000000);
    assert_int_equal(l.remaining_cents, 9000000);
    assert_int_equal(l.committed_cents + l.paid_cents, 0);
    /* Loading again keeps what is there. */
    const char *err;
    assert_int_equal(setup_reference_data(as(f, NULL), &err), STATUS_OK);
    assert_int_equal(fund_criteria(as(f, NULL), FUND, 0, &cs), STATUS_OK);
    assert_int_equal(cs.n, 5);
    assert_true(member_is(as(f, &f->m1), FUND));
    assert_false(chair_is(as(f, &f->m1), FUND));
    assert_true(chair_is(as(f, &f->chair), FUND));
    assert_false(member_is(as(f, &f->outsider), FUND));
}

static void test_validation_messages(void **state)
{
    Fixture *f = *state;
    int64_t ini = initiative(f, &f->applicant, "Speeltuin opknappen");
    ApplicationInput in = { .amount_cents = -1, .own_contribution_cents = -1, .own_contribution_hours = -1 };
    FieldErrors e = { 0 };
    int64_t id;
    assert_int_equal(application_create(as(f, &f->applicant), FUND, ini, &in, &e, &id), ERR_INVALID);
    assert_non_null(errors_get(&e, "lines"));
    assert_non_null(strstr(errors_get(&e, "own_contribution"), "zelf"));
    assert_non_null(strstr(errors_get(&e, "needed_by"), "datum"));

    /* Amount zero, a line that is no amount, a date in the past. */
    in = valid_input();
    in.amount = "0";
    in.lines[1].amount = "veel";
    in.needed_by = "2026-01-01";
    memset(&e, 0, sizeof e);
    assert_int_equal(application_create(as(f, &f->applicant), FUND, ini, &in, &e, &id), ERR_INVALID);
    assert_string_equal(errors_get(&e, "amount_cents"), "Het bedrag moet meer dan € 0 zijn.");
    assert_non_null(strstr(errors_get(&e, "lines[1].amount_cents"), "getal"));
    assert_string_equal(errors_get(&e, "needed_by"), "Deze datum ligt in het verleden.");

    /* Lines that do not add up. */
    in = valid_input();
    in.amount = "500";
    memset(&e, 0, sizeof e);
    assert_int_equal(application_create(as(f, &f->applicant), FUND, ini, &in, &e, &id), ERR_INVALID);
    assert_non_null(strstr(errors_get(&e, "lines"), "tellen op tot € 450,00"));
    assert_null(errors_get(&e, "amount_cents"));

    /* Above the fund's maximum. */
    in = valid_input();
    in.amount = NULL;
    in.lines[0].amount = "6000";
    memset(&e, 0, sizeof e);
    assert_int_equal(application_create(as(f, &f->applicant), FUND, ini, &in, &e, &id), ERR_INVALID);
    assert_non_null(strstr(errors_get(&e, "amount_cents"), "hoogstens € 5.000,00"));

    /* An empty line description, a bad date. */
    in = valid_input();
    in.lines[0].description = "  ";
    in.needed_by = "31-01-2027";
    memset(&e, 0, sizeof e);
    assert_int_equal(application_create(as(f, &f->applicant), FUND, ini, &in, &e, &id), ERR_INVALID);
    assert_non_null(errors_get(&e, "lines[0].description"));
    assert_non_null(strstr(errors_get(&e, "needed_by"), "jjjj-mm-dd"));

    /* Someone else's initiative; not logged in; an unknown fund. */
    in = valid_input();
    memset(&e, 0, sizeof e);
    assert_int_equal(application_create(as(f, &f->other), FUND, ini, &in, &e, &id), ERR_FORBIDDEN);
    assert_int_equal(application_create(as(f, NULL), FUND, ini, &in, &e, &id), ERR_UNAUTHORIZED);
    assert_int_equal(application_create(as(f, &f->applicant), "geen-fonds", ini, &in, &e, &id), ERR_NOT_FOUND);
}

static void test_receipt_total_and_help_request(void **state)
{
    Fixture *f = *state;
    int64_t ini = initiative(f, &f->applicant, "Speeltuin opknappen");
    ApplicationInput in = valid_input();
    in.amount = NULL; /* computed from the lines */
    int64_t id = apply(f, ini, &in);
    Application a;
    assert_int_equal(application_get(as(f, &f->applicant), id, &a), STATUS_OK);
    assert_int_equal(a.amount_cents, 45000);
    assert_int_equal(a.n_lines, 2);
    assert_int_equal(a.lines[1].amount_cents, 20000);
    assert_int_equal(a.state, APP_INGEDIEND);
    assert_int_equal(a.submitted_at, f->ctx.now);
    assert_int_equal(a.decision_due_day, date_day(f->ctx.now) + 56);
    assert_int_equal(a.criteria_version, 1);
    assert_int_equal(a.own_contribution_hours, 20);
    assert_true(a.me.applicant);
    assert_true(a.me.may_withdraw);
    assert_false(a.me.may_score);
    ApplicationDeadline d = application_deadline(&f->ctx, &a);
    assert_true(d.active);
    assert_false(d.paused);
    assert_int_equal(d.days_left, 56);
    /* Linked to the initiative's open `geld` help request. */
    Initiative ini_after;
    assert_int_equal(initiative_get(&f->ctx, ini, &ini_after), STATUS_OK);
    assert_int_equal(ini_after.n_help, 1);
    assert_int_equal(a.help_request_id, ini_after.help[0].id);
    /* A second open application for the same initiative: refused. */
    FieldErrors e = { 0 };
    in = valid_input();
    int64_t id2;
    assert_int_equal(application_create(as(f, &f->applicant), FUND, ini, &in, &e, &id2), ERR_CONFLICT);
    assert_non_null(e.summary);
    Application *mine;
    size_t n;
    assert_int_equal(application_mine(as(f, &f->applicant), &mine, &n), STATUS_OK);
    assert_int_equal(n, 1);
    assert_int_equal(application_list_for_initiative(as(f, &f->other), ini, &mine, &n), STATUS_OK);
    assert_int_equal(n, 0);
}

static void test_state_machine_to_verantwoord(void **state)
{
    Fixture *f = *state;
    int64_t id = new_application(f, "Speeltuin opknappen");
    FieldErrors e = { 0 };
    assert_int_equal(assessment_set(as(f, &f->m1), id, "sociale-cohesie", 4, "Veel buren doen mee.", &e), STATUS_OK);
    Application a;
    assert_int_equal(application_get(as(f, &f->m1), id, &a), STATUS_OK);
    assert_int_equal(a.state, APP_IN_BEOORDELING);
    assert_true(a.me.may_score);
    assert_false(a.me.may_decide);
    /* Members cannot decide; the chair can. */
    assert_int_equal(decide(f, &f->m1, id, "granted", -1, &e), ERR_FORBIDDEN);
    assert_int_equal(decide(f, &f->official, id, "granted", -1, &e), ERR_FORBIDDEN);
    assert_int_equal(decide(f, &f->chair, id, "granted", -1, &e), STATUS_OK);
    assert_int_equal(application_get(as(f, &f->applicant), id, &a), STATUS_OK);
    assert_int_equal(a.state, APP_BESLUIT);
    assert_int_equal(a.outcome, OUTCOME_GRANTED);
    assert_int_equal(a.granted_cents, 45000);
    assert_int_equal(a.criteria_version, 1);
    assert_string_equal(a.decided_by_name, "Henk Groenewegen");
    assert_false(application_deadline(&f->ctx, &a).active);
    Initiative ini;
    assert_int_equal(initiative_get(&f->ctx, a.initiative_id, &ini), STATUS_OK);
    assert_int_equal(ini.help[0].state, HELP_TOEGEZEGD);
    /* Not twice; no scoring after; the applicant cannot pay herself. */
    assert_int_equal(decide(f, &f->chair, id, "rejected", -1, &e), ERR_CONFLICT);
    memset(&e, 0, sizeof e);
    assert_int_equal(assessment_set(as(f, &f->m1), id, "leefbaarheid", 3, NULL, &e), ERR_CONFLICT);
    memset(&e, 0, sizeof e);
    assert_int_equal(payment_add(as(f, &f->applicant), id, "450", 0, 0, NULL, &e, NULL), ERR_FORBIDDEN);
    assert_int_equal(payment_add(as(f, &f->official), id, "450", 0, 0, NULL, &e, NULL), STATUS_OK);
    assert_int_equal(application_get(as(f, &f->applicant), id, &a), STATUS_OK);
    assert_int_equal(a.state, APP_UITBETAALD);
    assert_int_equal(a.paid_cents, 45000);
    assert_false(a.me.may_withdraw);
    assert_int_equal(application_withdraw(as(f, &f->applicant), id, "toch niet"), ERR_CONFLICT);
    assert_int_equal(initiative_get(&f->ctx, a.initiative_id, &ini), STATUS_OK);
    assert_int_equal(ini.help[0].state, HELP_GELEVERD);
    /* Accountability: a report, a question, a better report, accepted. */
    ReportInput r = { .participants = "35", .reach_n = -1, .costs = "450", .story = "Kort." };
    memset(&e, 0, sizeof e);
    assert_int_equal(report_submit(as(f, &f->applicant), id, &r, &e), ERR_INVALID);
    assert_non_null(errors_get(&e, "story"));
    r.story = "Op zaterdag hebben 35 buren de speeltuin geverfd.";
    memset(&e, 0, sizeof e);
    assert_int_equal(report_submit(as(f, &f->other), id, &r, &e), ERR_FORBIDDEN);
    assert_int_equal(report_submit(as(f, &f->applicant), id, &r, &e), STATUS_OK);
    assert_int_equal(report_more(as(f, &f->m1), id, "", &e), ERR_INVALID);
    memset(&e, 0, sizeof e);
    assert_int_equal(report_more(as(f, &f->m1), id, "Stuur ook een foto mee.", &e), STATUS_OK);
    assert_int_equal(report_accept(as(f, &f->m1), id, NULL), ERR_CONFLICT); /* nothing new to review */
    r.photo_url = "https://example.nl/speeltuin.jpg";
    memset(&e, 0, sizeof e);
    assert_int_equal(report_submit(as(f, &f->applicant), id, &r, &e), STATUS_OK);
    assert_int_equal(report_accept(as(f, &f->m2), id, "Mooi!"), STATUS_OK);
    assert_int_equal(application_get(as(f, &f->applicant), id, &a), STATUS_OK);
    assert_int_equal(a.state, APP_VERANTWOORD);
    assert_int_equal(a.report.participants, 35);
    assert_int_equal(a.report.costs_cents, 45000);
    assert_true(a.report.accepted);
    assert_false(a.me.may_report);
    /* Published without personal data. */
    PublicDecision *pd;
    size_t n;
    assert_int_equal(fund_decisions_public(as(f, NULL), FUND, 0, &pd, &n), STATUS_OK);
    assert_int_equal(n, 1);
    assert_string_equal(pd[0].initiative_title, "Speeltuin opknappen");
    assert_string_equal(pd[0].area_name, "Bovenveen");
    assert_int_equal(pd[0].granted_cents, 45000);
    assert_int_equal(pd[0].criteria_version, 1);
}

static void test_ledger_arithmetic(void **state)
{
    Fixture *f = *state;
    set_budget(f, 100000); /* € 1.000 */
    int64_t id = new_application(f, "Speeltuin opknappen");
    FieldErrors e = { 0 };
    assert_int_equal(decide(f, &f->chair, id, "granted", 40000, &e), STATUS_OK);
    Ledger l = ledger(f);
    assert_int_equal(l.budget_cents, 100000);
    assert_int_equal(l.committed_cents, 40000);
    assert_int_equal(l.paid_cents, 0);
    assert_int_equal(l.remaining_cents, 60000);
    /* More than committed cannot be paid; a part can. */
    assert_int_equal(payment_add(as(f, &f->chair), id, NULL, 40001, 0, NULL, &e, NULL), ERR_INVALID);
    assert_non_null(strstr(errors_get(&e, "amount_cents"), "€ 400,00"));
    memset(&e, 0, sizeof e);
    assert_int_equal(payment_add(as(f, &f->chair), id, NULL, 0, 0, NULL, &e, NULL), ERR_INVALID);
    memset(&e, 0, sizeof e);
    assert_int_equal(payment_add(as(f, &f->chair), id, "250,00", 0, 0, "Eerste deel", &e, NULL), STATUS_OK);
    l = ledger(f);
    assert_int_equal(l.committed_cents, 15000);
    assert_int_equal(l.paid_cents, 25000);
    assert_int_equal(l.remaining_cents, 60000);
    /* A repayment: never more than was paid. */
    assert_int_equal(payment_add(as(f, &f->official), id, NULL, 25001, 1, NULL, &e, NULL), ERR_INVALID);
    memset(&e, 0, sizeof e);
    assert_int_equal(payment_add(as(f, &f->official), id, NULL, 5000, 1, "Over", &e, NULL), STATUS_OK);
    l = ledger(f);
    assert_int_equal(l.paid_cents, 20000);
    assert_int_equal(l.remaining_cents, 65000);
    /* Accepting the report releases what is still committed. */
    ReportInput r = { .participants_n = 10, .reach_n = 50, .costs_cents = 20000,
                      .story = "Het is klaar en het was een mooie dag." };
    assert_int_equal(report_submit(as(f, &f->applicant), id, &r, &e), STATUS_OK);
    assert_int_equal(report_accept(as(f, &f->m1), id, NULL), STATUS_OK);
    l = ledger(f);
    assert_int_equal(l.committed_cents, 0);
    assert_int_equal(l.paid_cents, 20000);
    assert_int_equal(l.remaining_cents, 80000);
    /* The entries say it all, and the CSV has them. */
    LedgerEntry *v;
    size_t n;
    assert_int_equal(fund_ledger_entries(as(f, &f->other), FUND, 0, &v, &n), ERR_FORBIDDEN);
    assert_int_equal(fund_ledger_entries(as(f, &f->m2), FUND, 0, &v, &n), STATUS_OK);
    assert_int_equal(n, 4);
    assert_int_equal(v[0].kind, LEDGER_COMMIT);
    assert_int_equal(v[1].kind, LEDGER_PAYMENT);
    assert_int_equal(v[2].kind, LEDGER_REPAYMENT);
    assert_int_equal(v[3].kind, LEDGER_RELEASE);
    assert_int_equal(v[3].amount_cents, 15000);
    const char *csv;
    assert_int_equal(fund_ledger_csv(as(f, &f->official), FUND, 0, &csv), STATUS_OK);
    assert_memory_equal(csv, "datum,soort,aanvraag,initiatief,bedrag,toelichting,door\r\n", 57);
    assert_non_null(strstr(csv, ",payment,"));
    assert_non_null(strstr(csv, ",250.00,Eerste deel,"));
    assert_non_null(strstr(csv, ",repayment,"));
    assert_non_null(strstr(csv, ",50.00,Over,"));
    /* Budget use by wijk and theme: granted minus released and repaid. */
    UseRow *rows;
    assert_int_equal(fund_use_by_area(as(f, NULL), FUND, 0, &rows, &n), STATUS_OK);
    assert_int_equal(n, 1);
    assert_string_equal(rows[0].code, "voorburg-noord");
    assert_int_equal(rows[0].granted_cents, 20000);
    assert_int_equal(rows[0].paid_cents, 20000);
    assert_int_equal(fund_use_by_theme(as(f, NULL), FUND, 0, &rows, &n), STATUS_OK);
    assert_int_equal(n, 1);
    assert_string_equal(rows[0].code, "groen");
    /* Closing the year: only when nothing is committed. */
    memset(&e, 0, sizeof e);
    assert_int_equal(fund_close_year(as(f, &f->m1), FUND, 2026, &e), ERR_FORBIDDEN);
    /* A year without a budget has nothing to close, and says so. */
    assert_int_equal(fund_close_year(as(f, &f->admin), FUND, 2019, &e), ERR_CONFLICT);
    assert_non_null(strstr(e.summary, "geen budget"));
    memset(&e, 0, sizeof e);
    assert_int_equal(fund_close_year(as(f, &f->admin), FUND, 2026, &e), STATUS_OK);
    assert_true(ledger(f).closed);
    /* A closed year takes no more entries. */
    assert_int_equal(payment_add(as(f, &f->official), id, NULL, 1000, 1, NULL, &e, NULL), ERR_CONFLICT);
    assert_non_null(strstr(e.summary, "afgesloten"));
    int64_t late = new_application(f, "Bankjes langs de Vliet");
    memset(&e, 0, sizeof e);
    assert_int_equal(decide(f, &f->chair, late, "granted", 1000, &e), ERR_CONFLICT);
    assert_int_equal(ledger(f).paid_cents, 20000);
}

static void test_over_budget_refused(void **state)
{
    Fixture *f = *state;
    set_budget(f, 100000); /* € 1.000 */
    int64_t a = new_application(f, "Speeltuin opknappen");
    int64_t b = new_application(f, "Bankjes langs de Vliet");
    int64_t c = new_application(f, "Geveltuintjes");
    FieldErrors e = { 0 };
    assert_int_equal(decide(f, &f->chair, a, "granted", 45000, &e), STATUS_OK);
    assert_int_equal(decide(f, &f->chair, b, "granted", 45000, &e), STATUS_OK);
    assert_int_equal(ledger(f).remaining_cents, 10000);
    assert_int_equal(decide(f, &f->chair, c, "granted", 45000, &e), ERR_CONFLICT);
    assert_non_null(strstr(e.summary, "€ 100,00"));
    Ledger l = ledger(f);
    assert_int_equal(l.remaining_cents, 10000);
    assert_int_equal(l.committed_cents, 90000);
    Application app;
    assert_int_equal(application_get(as(f, &f->chair), c, &app), STATUS_OK);
    assert_int_equal(app.state, APP_INGEDIEND);
    /* A partial grant that fits exactly. */
    memset(&e, 0, sizeof e);
    assert_int_equal(decide(f, &f->chair, c, "granted", 10000, &e), STATUS_OK);
    assert_int_equal(ledger(f).remaining_cents, 0);
    /* The budget cannot drop below what is used; withdrawing a grant frees it. */
    memset(&e, 0, sizeof e);
    assert_int_equal(fund_set_budget(as(f, &f->admin), FUND, 2026, 99999, &e), ERR_CONFLICT);
    assert_int_equal(application_withdraw(as(f, &f->applicant), b, "Een sponsor betaalt het."), STATUS_OK);
    l = ledger(f);
    assert_int_equal(l.remaining_cents, 45000);
    assert_int_equal(l.committed_cents, 55000);
    assert_int_equal(application_get(as(f, &f->applicant), b, &app), STATUS_OK);
    assert_int_equal(app.state, APP_INGETROKKEN);
    /* Granting more than asked, or nothing, is an input error. */
    int64_t d = new_application(f, "Buurtfeest");
    memset(&e, 0, sizeof e);
    assert_int_equal(decide(f, &f->chair, d, "granted", 45001, &e), ERR_INVALID);
    assert_non_null(errors_get(&e, "amount_cents"));
    memset(&e, 0, sizeof e);
    assert_int_equal(decide(f, &f->chair, d, "toekennen", -1, &e), ERR_INVALID);
    assert_non_null(errors_get(&e, "outcome"));
    memset(&e, 0, sizeof e);
    DecisionInput ref = { .outcome = "referred", .motivation = "Past beter bij een ander fonds." };
    assert_int_equal(application_decide(as(f, &f->chair), d, &ref, &e), ERR_INVALID);
    assert_non_null(errors_get(&e, "referral"));
    memset(&e, 0, sizeof e);
    assert_int_equal(decide(f, &f->chair, d, "rejected", -1, &e), STATUS_OK);
    assert_int_equal(ledger(f).remaining_cents, 45000); /* a rejection costs nothing */
}

/* In a new year nobody has set a budget for yet, a grant is refused with
 * a message that says so (not "€ 0,00 left"), until an admin sets one. */
static void test_new_year_without_budget(void **state)
{
    Fixture *f = *state;
    int64_t a = new_application(f, "Nieuwjaarsborrel zonder drank");
    f->ctx.now = date_from_ymd(2027, 1, 5) * 86400 + 9 * 3600;
    FieldErrors e = { 0 };
    assert_int_equal(decide(f, &f->chair, a, "granted", 10000, &e), ERR_CONFLICT);
    assert_non_null(e.summary);
    assert_non_null(strstr(e.summary, "Voor 2027 is nog geen budget vastgesteld"));
    memset(&e, 0, sizeof e);
    assert_int_equal(fund_set_budget(as(f, &f->admin), FUND, 2027, 9000000, &e), STATUS_OK);
    memset(&e, 0, sizeof e);
    assert_int_equal(decide(f, &f->chair, a, "granted", 10000, &e), STATUS_OK);
    assert_int_equal(ledger(f).committed_cents, 10000);
}

static void test_pause_and_resume_the_clock(void **state)
{
    Fixture *f = *state;
    int64_t id = new_application(f, "Speeltuin opknappen");
    int64_t due = date_day(f->ctx.now) + 56;
    FieldErrors e = { 0 };
    assert_int_equal(application_request_info(as(f, &f->applicant), id, "Wat kost de verf?", &e), ERR_FORBIDDEN);
    assert_int_equal(application_request_info(as(f, &f->m1), id, "", &e), ERR_INVALID);
    assert_non_null(errors_get(&e, "question"));
    memset(&e, 0, sizeof e);
    assert_int_equal(application_request_info(as(f, &f->m1), id, "Hoeveel buren doen mee?", &e), STATUS_OK);
    memset(&e, 0, sizeof e);
    assert_int_equal(application_request_info(as(f, &f->chair), id, "Nog iets?", &e), ERR_CONFLICT);
    Application a;
    f->ctx.now += 10 * 86400; /* ten days later */
    assert_int_equal(application_get(as(f, &f->applicant), id, &a), STATUS_OK);
    assert_int_equal(a.state, APP_IN_BEOORDELING);
    assert_string_equal(a.info_request, "Hoeveel buren doen mee?");
    assert_true(a.me.may_supply_info);
    ApplicationDeadline d = application_deadline(&f->ctx, &a);
    assert_true(d.paused);
    assert_int_equal(d.due_day, due + 10); /* stands still while she is asked */
    assert_int_equal(d.days_left, 56);
    memset(&e, 0, sizeof e);
    assert_int_equal(application_supply_info(as(f, &f->m1), id, "Twintig.", &e), ERR_FORBIDDEN);
    assert_int_equal(application_supply_info(as(f, &f->applicant), id, "", &e), ERR_INVALID);
    memset(&e, 0, sizeof e);
    assert_int_equal(application_supply_info(as(f, &f->applicant), id, "Twintig buren.", &e), STATUS_OK);
    assert_int_equal(application_get(as(f, &f->applicant), id, &a), STATUS_OK);
    assert_int_equal(a.decision_due_day, due + 10);
    assert_int_equal(a.paused_days, 10);
    assert_int_equal(a.paused_since, 0);
    assert_string_equal(a.info_response, "Twintig buren.");
    d = application_deadline(&f->ctx, &a);
    assert_false(d.paused);
    assert_int_equal(d.days_left, 56);
    memset(&e, 0, sizeof e);
    assert_int_equal(application_supply_info(as(f, &f->applicant), id, "Nog eens.", &e), ERR_CONFLICT);
    /* A second pause adds up. */
    memset(&e, 0, sizeof e);
    assert_int_equal(application_request_info(as(f, &f->official), id, "En de bankjes?", &e), STATUS_OK);
    f->ctx.now += 3 * 86400;
    memset(&e, 0, sizeof e);
    assert_int_equal(application_supply_info(as(f, &f->applicant), id, "Van hout.", &e), STATUS_OK);
    assert_int_equal(application_get(as(f, &f->applicant), id, &a), STATUS_OK);
    assert_int_equal(a.decision_due_day, due + 13);
    assert_int_equal(a.paused_days, 13);
}

static void test_conflict_of_interest(void **state)
{
    Fixture *f = *state;
    int64_t id = new_application(f, "Speeltuin opknappen");
    FieldErrors e = { 0 };
    assert_int_equal(assessment_set(as(f, &f->m2), id, "sociale-cohesie", 5, NULL, &e), STATUS_OK);
    assert_int_equal(conflict_declare(as(f, &f->other), id, NULL, &e), ERR_FORBIDDEN);
    assert_int_equal(conflict_declare(as(f, &f->m2), id, "Mijn buurvrouw", &e), STATUS_OK);
    Application a;
    assert_int_equal(application_get(as(f, &f->m2), id, &a), STATUS_OK);
    assert_true(a.me.conflict);
    assert_false(a.me.may_score);
    assert_int_equal(assessment_set(as(f, &f->m2), id, "leefbaarheid", 5, NULL, &e), ERR_FORBIDDEN);
    Assessment *mine;
    size_t n;
    assert_int_equal(assessment_mine(as(f, &f->m2), id, &mine, &n), STATUS_OK);
    assert_int_equal(n, 0); /* her earlier score is gone */
    ScoreSheet sheet;
    assert_int_equal(application_scores(as(f, &f->m2), id, &sheet), ERR_FORBIDDEN);
    assert_int_equal(application_scores(as(f, &f->m1), id, &sheet), ERR_FORBIDDEN); /* members: after the decision */
    assert_int_equal(application_scores(as(f, &f->chair), id, &sheet), STATUS_OK);
    assert_int_equal(sheet.n_members, 2);
    assert_int_equal(sheet.n_conflicts, 1);
    assert_string_equal(sheet.conflicts[0].member_name, "Youssef Bennani");
    assert_int_equal(sheet.rows[0].count, 0);
    /* The chair with a conflict cannot decide. */
    assert_int_equal(conflict_declare(as(f, &f->chair), id, NULL, &e), STATUS_OK);
    assert_int_equal(decide(f, &f->chair, id, "granted", -1, &e), ERR_FORBIDDEN);
    assert_int_equal(application_scores(as(f, &f->chair), id, &sheet), ERR_FORBIDDEN);
    assert_int_equal(application_scores(as(f, &f->official), id, &sheet), STATUS_OK);
    assert_int_equal(sheet.n_members, 1);
    Conflict *cs;
    assert_int_equal(application_conflicts(as(f, &f->m1), id, &cs, &n), STATUS_OK);
    assert_int_equal(n, 2);
}

static void test_scores_side_by_side(void **state)
{
    Fixture *f = *state;
    int64_t id = new_application(f, "Speeltuin opknappen");
    FieldErrors e = { 0 };
    assert_int_equal(assessment_set(as(f, &f->chair), id, "sociale-cohesie", 5, "Sterk", &e), STATUS_OK);
    assert_int_equal(assessment_set(as(f, &f->m1), id, "sociale-cohesie", 2, NULL, &e), STATUS_OK);
    assert_int_equal(assessment_set(as(f, &f->m2), id, "sociale-cohesie", 3, NULL, &e), STATUS_OK);
    assert_int_equal(assessment_set(as(f, &f->m2), id, "sociale-cohesie", 4, "Toch beter", &e), STATUS_OK);
    assert_int_equal(assessment_set(as(f, &f->m1), id, "leefbaarheid", 4, NULL, &e), STATUS_OK);
    assert_int_equal(assessment_set(as(f, &f->m1), id, "schoonheid", 4, NULL, &e), ERR_INVALID);
    assert_non_null(errors_get(&e, "criterion"));
    memset(&e, 0, sizeof e);
    assert_int_equal(assessment_set(as(f, &f->m1), id, "leefbaarheid", 6, NULL, &e), ERR_INVALID);
    assert_string_equal(errors_get(&e, "score"), "Geef een cijfer van 1 tot en met 5.");
    memset(&e, 0, sizeof e);
    assert_int_equal(assessment_set(as(f, &f->outsider), id, "leefbaarheid", 3, NULL, &e), ERR_FORBIDDEN);
    assert_int_equal(assessment_set(as(f, &f->official), id, "leefbaarheid", 3, NULL, &e), ERR_FORBIDDEN);
    ScoreSheet s;
    assert_int_equal(application_scores(as(f, &f->chair), id, &s), STATUS_OK);
    assert_int_equal(s.criteria_version, 1);
    assert_int_equal(s.n_rows, 5);
    assert_int_equal(s.n_members, 3);
    assert_string_equal(s.members[0].name, "Henk Groenewegen"); /* the chair first */
    assert_true(s.members[0].chair);
    const CriterionSummary *r0 = &s.rows[0];
    assert_string_equal(r0->criterion.code, "sociale-cohesie");
    assert_int_equal(r0->count, 3);
    assert_true(r0->average > 3.66 && r0->average < 3.67);
    assert_int_equal(r0->min, 2);
    assert_int_equal(r0->max, 5);
    assert_int_equal(r0->spread, 3);
    assert_int_equal(s.scores[0 * s.n_members + 0], 5);
    assert_string_equal(s.remarks[0 * s.n_members + 0], "Sterk");
    size_t leef = 2; /* third criterion in the file */
    assert_string_equal(s.rows[leef].criterion.code, "leefbaarheid");
    assert_int_equal(s.rows[leef].count, 1);
    assert_int_equal(s.rows[leef].spread, 0);
    assert_int_equal(s.rows[1].count, 0);
    assert_true(s.average > 3.74 && s.average < 3.76); /* (5+2+4+4)/4 */
    /* Rounds: the chair plans, the agenda lists the open applications. */
    Round *rounds;
    size_t n;
    int64_t round;
    memset(&e, 0, sizeof e);
    assert_int_equal(round_create(as(f, &f->m1), FUND, "2026-12-03", NULL, &e, &round), ERR_FORBIDDEN);
    assert_int_equal(round_create(as(f, &f->chair), FUND, "3 december", NULL, &e, &round), ERR_INVALID);
    assert_non_null(errors_get(&e, "meeting_date"));
    memset(&e, 0, sizeof e);
    assert_int_equal(round_create(as(f, &f->chair), FUND, "2026-12-03", "Gemeentehuis", &e, &round), STATUS_OK);
    assert_int_equal(round_list(as(f, &f->m1), FUND, &rounds, &n), STATUS_OK);
    assert_int_equal(n, 1);
    assert_int_equal(rounds[0].n_agenda, 1);
    assert_int_equal(round_list(as(f, &f->other), FUND, &rounds, &n), ERR_FORBIDDEN);
    Application *agenda;
    assert_int_equal(round_agenda(as(f, &f->m2), round, &agenda, &n), STATUS_OK);
    assert_int_equal(n, 1);
    assert_int_equal(agenda[0].id, id);
    /* A later application goes on the next meeting before its deadline. */
    int64_t id2 = new_application(f, "Bankjes langs de Vliet");
    Application a2;
    assert_int_equal(application_get(as(f, &f->m1), id2, &a2), STATUS_OK);
    assert_int_equal(a2.round_id, round);
}

static void test_criteria_versioning(void **state)
{
    Fixture *f = *state;
    int64_t old = new_application(f, "Speeltuin opknappen");
    CriterionInput v2[] = {
        { "sociale-cohesie", "Sociale cohesie", "Brengt het buren samen?" },
        { "duurzaamheid", "Duurzaamheid", "Is het goed voor het klimaat?" },
    };
    FieldErrors e = { 0 };
    int version = 0;
    assert_int_equal(criteria_set_replace(as(f, &f->chair), FUND, v2, 2, &e, &version), ERR_FORBIDDEN);
    CriterionInput bad[] = { { "Duurzaam heid", "", "?" }, { "a", "A", "Een vraag?" }, { "a", "B", "Nog een?" } };
    assert_int_equal(criteria_set_replace(as(f, &f->admin), FUND, bad, 3, &e, &version), ERR_INVALID);
    assert_non_null(errors_get(&e, "criteria[0].code"));
    assert_non_null(errors_get(&e, "criteria[0].name"));
    assert_non_null(errors_get(&e, "criteria[2].code"));
    memset(&e, 0, sizeof e);
    assert_int_equal(criteria_set_replace(as(f, &f->admin), FUND, v2, 2, &e, &version), STATUS_OK);
    assert_int_equal(version, 2);
    CriteriaSet cs;
    assert_int_equal(fund_criteria(as(f, NULL), FUND, 0, &cs), STATUS_OK);
    assert_int_equal(cs.version, 2);
    assert_int_equal(cs.n, 2);
    assert_int_equal(fund_criteria(as(f, NULL), FUND, 1, &cs), STATUS_OK);
    assert_int_equal(cs.n, 5); /* the old version stays */
    assert_int_equal(fund_criteria(as(f, NULL), FUND, 3, &cs), ERR_NOT_FOUND);
    /* The open application keeps the version it was submitted under. */
    assert_int_equal(assessment_set(as(f, &f->m1), old, "duurzaamheid", 4, NULL, &e), ERR_INVALID);
    memset(&e, 0, sizeof e);
    assert_int_equal(assessment_set(as(f, &f->m1), old, "draagvlak", 4, NULL, &e), STATUS_OK);
    assert_int_equal(decide(f, &f->chair, old, "granted", -1, &e), STATUS_OK);
    Application a;
    assert_int_equal(application_get(as(f, &f->applicant), old, &a), STATUS_OK);
    assert_int_equal(a.criteria_version, 1);
    int64_t fresh = new_application(f, "Bankjes langs de Vliet");
    assert_int_equal(application_get(as(f, &f->applicant), fresh, &a), STATUS_OK);
    assert_int_equal(a.criteria_version, 2);
    memset(&e, 0, sizeof e);
    assert_int_equal(assessment_set(as(f, &f->m1), fresh, "duurzaamheid", 4, NULL, &e), STATUS_OK);
    PublicDecision *pd;
    size_t n;
    assert_int_equal(fund_decisions_public(as(f, NULL), FUND, 0, &pd, &n), STATUS_OK);
    assert_int_equal(pd[0].criteria_version, 1);
}

static void test_permissions(void **state)
{
    Fixture *f = *state;
    int64_t id = new_application(f, "Speeltuin opknappen");
    Application a;
    assert_int_equal(application_get(as(f, NULL), id, &a), ERR_UNAUTHORIZED);
    assert_int_equal(application_get(as(f, &f->other), id, &a), ERR_FORBIDDEN);
    assert_int_equal(application_get(as(f, &f->outsider), id, &a), ERR_FORBIDDEN);
    assert_int_equal(application_get(as(f, &f->official), id, &a), STATUS_OK);
    assert_true(a.me.staff);
    assert_true(a.me.may_request_info);
    assert_false(a.me.may_score);
    assert_int_equal(application_get(as(f, &f->m1), id, &a), STATUS_OK);
    assert_int_equal(application_get(as(f, &f->applicant), 999999, &a), ERR_NOT_FOUND);
    Application *list;
    size_t n;
    assert_int_equal(application_list_for_fund(as(f, &f->other), FUND, APP_NONE, &list, &n), ERR_FORBIDDEN);
    assert_int_equal(application_list_for_fund(as(f, &f->m1), FUND, APP_NONE, &list, &n), STATUS_OK);
    assert_int_equal(n, 1);
    assert_int_equal(application_list_for_fund(as(f, &f->admin), FUND, APP_BESLUIT, &list, &n), STATUS_OK);
    assert_int_equal(n, 0);
    Member *members;
    assert_int_equal(fund_members(as(f, &f->other), FUND, &members, &n), ERR_FORBIDDEN);
    assert_int_equal(fund_members(as(f, &f->m1), FUND, &members, &n), STATUS_OK);
    assert_int_equal(n, 3);
    assert_true(members[0].chair);
    /* A new chair: the old one stays a member. */
    assert_int_equal(fund_member_add(as(f, &f->m1), FUND, f->m1.id, 1), ERR_FORBIDDEN);
    assert_int_equal(fund_member_add(as(f, &f->admin), FUND, f->m1.id, 1), STATUS_OK);
    assert_true(chair_is(as(f, &f->m1), FUND));
    assert_false(chair_is(as(f, &f->chair), FUND));
    assert_true(member_is(as(f, &f->chair), FUND));
    Fund *mine;
    assert_int_equal(fund_mine(as(f, &f->m2), &mine, &n), STATUS_OK);
    assert_int_equal(n, 1);
    assert_int_equal(fund_mine(as(f, &f->other), &mine, &n), STATUS_OK);
    assert_int_equal(n, 0);
    /* Admin edits of the rules. */
    FundInput in = { .max_amount = "2.500", .decision_weeks = 6 };
    in.present.max_amount = in.present.decision_weeks = 1;
    FieldErrors e = { 0 };
    assert_int_equal(fund_update(as(f, &f->official), FUND, &in, &e), ERR_FORBIDDEN);
    assert_int_equal(fund_update(as(f, &f->admin), FUND, &in, &e), STATUS_OK);
    Fund fund;
    assert_int_equal(fund_get(as(f, NULL), FUND, &fund), STATUS_OK);
    assert_int_equal(fund.max_amount_cents, 250000);
    assert_int_equal(fund.decision_weeks, 6);
    in.decision_weeks = 0;
    assert_int_equal(fund_update(as(f, &f->admin), FUND, &in, &e), ERR_INVALID);
    assert_non_null(errors_get(&e, "decision_weeks"));
}

/* A second municipality with its own Vlietwensen sees nothing of the first. */
static void test_other_tenant_sees_nothing(void **state)
{
    Fixture *f = *state;
    int64_t id = new_application(f, "Speeltuin opknappen");
    FieldErrors e = { 0 };
    int64_t round;
    assert_int_equal(round_create(as(f, &f->chair), FUND, "2026-12-03", NULL, &e, &round), STATUS_OK);
    assert_int_equal(decide(f, &f->chair, id, "granted", -1, &e), STATUS_OK);

    assert_int_equal(store_tenant_upsert(f->db, "wassenaar", "Wassenaar", "wassenaar.example"), DB_OK);
    Tenant t2;
    assert_int_equal(store_tenant_by_code(f->db, f->ctx.arena, "wassenaar", &t2), DB_OK);
    Ctx c2 = f->ctx;
    c2.tenant = &t2;
    c2.user = NULL;
    const char *err;
    assert_int_equal(setup_reference_data(&c2, &err), STATUS_OK);
    FieldErrors e2 = { 0 };
    int64_t uid;
    assert_int_equal(account_add(&c2, "Wim Wassenaar", "wim@wassenaar.example", NULL, ROLE_ADMIN, &e2, &uid), STATUS_OK);
    User admin2;
    assert_int_equal(store_user_by_id(f->db, f->ctx.arena, t2.id, uid, &admin2), DB_OK);
    assert_int_equal(fund_member_add(&c2, FUND, uid, 1), STATUS_OK);
    /* Members of the first are strangers here; a user id of the first is unknown. */
    assert_int_equal(fund_member_add(&c2, FUND, f->m1.id, 0), ERR_NOT_FOUND);
    c2.user = &admin2;
    Application a;
    assert_int_equal(application_get(&c2, id, &a), ERR_NOT_FOUND);
    Round r;
    assert_int_equal(round_get(&c2, round, &r), ERR_NOT_FOUND);
    Ledger l;
    assert_int_equal(fund_ledger(&c2, FUND, 0, &l), STATUS_OK);
    assert_int_equal(l.committed_cents, 0);
    assert_int_equal(l.remaining_cents, 9000000);
    PublicDecision *pd;
    size_t n;
    assert_int_equal(fund_decisions_public(&c2, FUND, 0, &pd, &n), STATUS_OK);
    assert_int_equal(n, 0);
    Application *list;
    assert_int_equal(application_list_for_fund(&c2, FUND, APP_NONE, &list, &n), STATUS_OK);
    assert_int_equal(n, 0);
    Member *members;
    assert_int_equal(fund_members(&c2, FUND, &members, &n), STATUS_OK);
    assert_int_equal(n, 1);
    DecisionInput d = { .outcome = "rejected", .motivation = "Niet van deze gemeente." };
    memset(&e2, 0, sizeof e2);
    assert_int_equal(application_decide(&c2, id, &d, &e2), ERR_NOT_FOUND);
    /* And the first still has its own. */
    assert_int_equal(ledger(f).committed_cents, 45000);
}

/* ---------- two decisions at once ---------- */

typedef struct Racer {
    Store *store;
    const Tenant *tenant;
    User chair;
    int64_t application;
    pthread_barrier_t *start;
    Status result;
} Racer;

static void *race(void *arg)
{
    Racer *r = arg;
    Db *db = store_acquire(r->store);
    Ctx c = { .db = db, .arena = arena_new(), .tenant = r->tenant, .user = &r->chair,
              .now = date_from_ymd(2026, 11, 20) * 86400 + 10 * 3600 };
    DecisionInput d = { .outcome = "granted", .amount_cents = -1, .motivation = "Goed voor de hele buurt." };
    FieldErrors e = { 0 };
    pthread_barrier_wait(r->start);
    r->result = application_decide(&c, r->application, &d, &e);
    arena_free(c.arena);
    store_release(r->store, db);
    return NULL;
}

static void test_two_decisions_race_for_the_last_euros(void **state)
{
    Fixture *f = *state;
    for (int round = 0; round < 5; round++) {
        set_budget(f, ledger(f).committed_cents + ledger(f).paid_cents + 60000); /* room for one of the two */
        char t1[40], t2[40];
        snprintf(t1, sizeof t1, "Speeltuin %d", round);
        snprintf(t2, sizeof t2, "Bankjes %d", round);
        Racer r[2] = { { .store = f->store, .tenant = &f->tenant, .chair = f->chair,
                         .application = new_application(f, t1) },
                       { .store = f->store, .tenant = &f->tenant, .chair = f->chair,
                         .application = new_application(f, t2) } };
        pthread_barrier_t start;
        pthread_barrier_init(&start, NULL, 2);
        pthread_t th[2];
        for (int i = 0; i < 2; i++) {
            r[i].start = &start;
            pthread_create(&th[i], NULL, race, &r[i]);
        }
        for (int i = 0; i < 2; i++)
            pthread_join(th[i], NULL);
        pthread_barrier_destroy(&start);
        int ok = (r[0].result == STATUS_OK) + (r[1].result == STATUS_OK);
        int refused = (r[0].result == ERR_CONFLICT) + (r[1].result == ERR_CONFLICT);
        if (ok != 1 || refused != 1)
            fail_msg("round %d: results %d and %d", round, r[0].result, r[1].result);
        Ledger l = ledger(f);
        assert_int_equal(l.remaining_cents, 15000);
        assert_true(l.remaining_cents >= 0);
    }
}

#define FUND_TESTS \
    cmocka_unit_test_setup_teardown(test_reference_data_makes_vlietwensen, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_validation_messages, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_receipt_total_and_help_request, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_state_machine_to_verantwoord, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_ledger_arithmetic, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_over_budget_refused, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_new_year_without_budget, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_pause_and_resume_the_clock, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_conflict_of_interest, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_scores_side_by_side, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_criteria_versioning, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_permissions, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_other_tenant_sees_nothing, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_two_decisions_race_for_the_last_euros, setup, teardown)

static void test_names(void **state)
{
    (void)state;
    for (int s = 0; s < APP_COUNT_; s++) {
        assert_int_equal(app_state_parse(app_state_code((AppState)s)), s);
        assert_true(*app_state_label((AppState)s));
        assert_true(*app_state_explain((AppState)s));
    }
    assert_string_equal(app_state_code(APP_IN_BEOORDELING), "in_beoordeling");
    assert_int_equal(app_state_parse("besloten"), APP_NONE);
    assert_int_equal(app_state_parse(NULL), APP_NONE);
    assert_int_equal(outcome_parse("granted"), OUTCOME_GRANTED);
    assert_int_equal(outcome_parse("referred"), OUTCOME_REFERRED);
    assert_int_equal(outcome_parse(""), -1);
    assert_string_equal(outcome_label(OUTCOME_REJECTED), "Afgewezen");
    assert_string_equal(ledger_kind_code(LEDGER_REPAYMENT), "repayment");
    assert_int_equal(fund_year_of(date_from_ymd(2026, 12, 31) * 86400 + 86399), 2026);
    assert_int_equal(fund_year_of(date_from_ymd(2027, 1, 1) * 86400), 2027);
}

int main(void)
{
    const struct CMUnitTest names[] = { cmocka_unit_test(test_names) };
    const struct CMUnitTest tests[] = { FUND_TESTS };
    int failed = cmocka_run_group_tests_name("names", names, NULL, NULL);
    engine_url = "sqlite";
    use_pg = 0;
    failed += cmocka_run_group_tests_name("funds on SQLite", tests, NULL, NULL);
    const char *pg = getenv("WIJZER_TEST_PG");
    if (pg && *pg) {
        engine_url = pg;
        use_pg = 1;
        failed += cmocka_run_group_tests_name("funds on PostgreSQL", tests, NULL, NULL);
    }
    return failed;
}
