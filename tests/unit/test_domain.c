/* The domain on a real SQLite database in memory: submitting, the
 * process with its timeline, search with the Dutch stemmer, privacy. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "domain/accounts.h"
#include "domain/initiatives.h"
#include "domain/setup.h"
#include "lib/dates.h"
#include "store/store.h"

typedef struct Fixture {
    Store *store;
    Db *db;
    Tenant tenant;
    User resident, official, other;
    Ctx ctx;
} Fixture;

static void add_user(Fixture *f, User *u, const char *email, const char *name, Role role)
{
    FieldErrors e = { 0 };
    int64_t id;
    f->ctx.user = NULL;
    assert_int_equal(account_add(&f->ctx, name, email, NULL, role, &e, &id), STATUS_OK);
    assert_int_equal(store_user_by_id(f->db, f->ctx.arena, f->tenant.id, id, u), DB_OK);
}

static int setup(void **state)
{
    Fixture *f = test_calloc(1, sizeof *f);
    char err[256];
    assert_int_equal(store_open(":memory:", &f->store, err, sizeof err), DB_OK);
    f->db = store_acquire(f->store);
    assert_true(store_migrate(f->db, err, sizeof err) > 0);
    f->ctx.arena = arena_new();
    f->ctx.db = f->db;
    f->ctx.now = date_from_ymd(2026, 11, 20) * 86400 + 9 * 3600;
    assert_int_equal(setup_default_tenant(f->db, f->ctx.arena, &f->tenant), STATUS_OK);
    f->ctx.tenant = &f->tenant;
    const char *err2;
    assert_int_equal(setup_reference_data(&f->ctx, &err2), STATUS_OK);
    add_user(f, &f->resident, "fatima@example.nl", "Fatima Bakker", ROLE_RESIDENT);
    add_user(f, &f->official, "sanne@gemeente.example", "Sanne de Wit", ROLE_OFFICIAL);
    add_user(f, &f->other, "piet@example.nl", "Piet Jansen", ROLE_RESIDENT);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    store_release(f->store, f->db);
    store_close(f->store);
    arena_free(f->ctx.arena);
    test_free(f);
    return 0;
}

static int64_t submit(Fixture *f, const char *title, const char *description)
{
    InitiativeInput in = { 0 };
    in.title = title;
    in.summary = "Een plek waar buren samen groente kweken.";
    in.description = description;
    in.area = "bovenveen";
    in.themes[in.n_themes++] = "groen";
    in.sdgs[in.n_sdgs++] = "11";
    in.help[0] = (HelpInput){ .kind = "geld", .description = "Plantenbakken en aarde", .amount = "450,00" };
    in.n_help = 1;
    in.show_name = 1;
    f->ctx.user = &f->resident;
    FieldErrors e = { 0 };
    int64_t id = 0;
    assert_int_equal(initiative_create(&f->ctx, &in, &e, &id), STATUS_OK);
    return id;
}

static void test_submit_and_read(void **state)
{
    Fixture *f = *state;
    int64_t id = submit(f, "Buurtmoestuin Bovenveen", "We willen **samen** tuinieren.");
    Initiative in;
    assert_int_equal(initiative_get(&f->ctx, id, &in), STATUS_OK);
    assert_int_equal(in.state, ST_INGEDIEND);
    assert_string_equal(in.area_name, "Bovenveen");
    assert_int_equal(in.n_help, 1);
    assert_int_equal(in.help[0].amount_cents, 45000);
    assert_int_equal(in.help[0].state, HELP_OPEN);
    assert_int_equal(in.n_themes, 1);
    assert_int_equal(in.submitted_at, f->ctx.now);
    Deadline d = initiative_deadline(&f->ctx, &in);
    assert_true(d.active);
    assert_int_equal(d.due_day, date_from_ymd(2026, 12, 4));
}

static void test_validation_names_fields(void **state)
{
    Fixture *f = *state;
    InitiativeInput in = { 0 };
    in.title = "  ";
    in.summary = "kort";
    in.area = "atlantis";
    in.themes[in.n_themes++] = "onbekend";
    in.sdgs[in.n_sdgs++] = "18";
    in.help[0] = (HelpInput){ .kind = "taart", .description = "", .amount = "-5" };
    in.n_help = 1;
    f->ctx.user = &f->resident;
    FieldErrors e = { 0 };
    int64_t id;
    assert_int_equal(initiative_create(&f->ctx, &in, &e, &id), ERR_INVALID);
    const char *fields[] = { "title", "summary", "area", "themes", "sdgs", "help_requests[0].kind",
                             "help_requests[0].description", "help_requests[0].amount_cents" };
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        assert_non_null(errors_get(&e, fields[i]));
    f->ctx.user = NULL;
    FieldErrors e2 = { 0 };
    assert_int_equal(initiative_create(&f->ctx, &in, &e2, &id), ERR_UNAUTHORIZED);
}

static void test_process_and_timeline(void **state)
{
    Fixture *f = *state;
    int64_t id = submit(f, "Jeu-de-boulesbaan", "Een baan bij het wijkcentrum.");
    FieldErrors e = { 0 };
    /* The initiator cannot do intake; another resident cannot touch it. */
    f->ctx.user = &f->resident;
    assert_int_equal(initiative_transition(&f->ctx, id, ST_INTAKE, "", 0, &e), ERR_FORBIDDEN);
    f->ctx.user = &f->other;
    assert_int_equal(initiative_transition(&f->ctx, id, ST_GESTOPT, "weg", 0, &e), ERR_FORBIDDEN);
    /* The official does intake and becomes the contact person. */
    f->ctx.user = &f->official;
    f->ctx.now += 86400;
    assert_int_equal(initiative_transition(&f->ctx, id, ST_INTAKE, "Kennismaking gepland.", 0, &e), STATUS_OK);
    Initiative in;
    assert_int_equal(initiative_get(&f->ctx, id, &in), STATUS_OK);
    assert_int_equal(in.state, ST_INTAKE);
    assert_int_equal(in.contact_id, f->official.id);
    assert_string_equal(in.contact_name, "Sanne de Wit");
    /* Not a move of the machine: 409. */
    memset(&e, 0, sizeof e);
    assert_int_equal(initiative_transition(&f->ctx, id, ST_AFGEROND, "", 0, &e), ERR_CONFLICT);
    /* Rejecting needs a reason. */
    memset(&e, 0, sizeof e);
    assert_int_equal(initiative_transition(&f->ctx, id, ST_AFGEWEZEN, "  ", 0, &e), ERR_INVALID);
    assert_non_null(errors_get(&e, "note"));
    TimelineEvent *ev;
    size_t n;
    assert_int_equal(initiative_timeline(&f->ctx, id, &ev, &n), STATUS_OK);
    assert_int_equal(n, 2);
    assert_int_equal(ev[0].from, ST_NONE);
    assert_int_equal(ev[0].to, ST_INGEDIEND);
    assert_int_equal(ev[1].from, ST_INGEDIEND);
    assert_int_equal(ev[1].to, ST_INTAKE);
    assert_string_equal(ev[1].by_name, "Sanne de Wit");
    assert_string_equal(ev[1].note, "Kennismaking gepland.");
}

static void test_search_stems_dutch(void **state)
{
    Fixture *f = *state;
    int64_t id = submit(f, "Nieuwe speeltuin in het park", "Kinderen uit de buurt willen een speeltuin.");
    submit(f, "Koffieochtend", "Elke week koffie in het wijkcentrum.");
    InitiativeFilter filter = { .q = "speeltuinen", .page = 1, .per_page = 10 };
    InitiativePage page;
    assert_int_equal(initiative_list(&f->ctx, &filter, &page), STATUS_OK);
    assert_int_equal(page.total, 1);
    assert_int_equal(page.items[0].id, id);
    assert_non_null(strchr(page.items[0].snippet, '\x01'));
    /* Operators typed by a person are words, not syntax. */
    filter.q = "speeltuin\" OR title:*";
    assert_int_equal(initiative_list(&f->ctx, &filter, &page), STATUS_OK);
    filter.q = "---";
    assert_int_equal(initiative_list(&f->ctx, &filter, &page), STATUS_OK);
    /* A wijk filter includes its buurten. */
    InitiativeFilter wijk = { .area = "voorburg-noord", .page = 1, .per_page = 10 };
    assert_int_equal(initiative_list(&f->ctx, &wijk, &page), STATUS_OK);
    assert_true(page.total >= 2);
    InitiativeFilter other = { .area = "stompwijk", .page = 1, .per_page = 10 };
    assert_int_equal(initiative_list(&f->ctx, &other, &page), STATUS_OK);
    assert_int_equal(page.total, 0);
}

/* Pages reach the newest LIST_OFFSET_MAX items; the numbers come from
 * that one constant. */
static void test_list_reach(void **state)
{
    Fixture *f = *state;
    int per = 20, last = (LIST_OFFSET_MAX + per - 1) / per;
    assert_true(initiative_page_reachable(1, per));
    assert_true(initiative_page_reachable(last, per));
    assert_false(initiative_page_reachable(last + 1, per));
    assert_false(initiative_page_reachable(0, per));
    assert_true(initiative_page_reachable(LIST_OFFSET_MAX / 100, 100));
    assert_false(initiative_page_reachable(LIST_OFFSET_MAX / 100 + 1, 100));
    assert_false(initiative_page_reachable(2, LIST_OFFSET_MAX)); /* page 2 starts at the reach */
    assert_int_equal(initiative_last_page(0, per), 1);
    assert_int_equal(initiative_last_page(21, per), 2);
    assert_int_equal(initiative_last_page((int64_t)LIST_OFFSET_MAX * 10, per), last);
    assert_int_equal(initiative_last_page(LIST_OFFSET_MAX, 30), (LIST_OFFSET_MAX + 29) / 30);
    char want[32];
    snprintf(want, sizeof want, "%d.%03d", LIST_OFFSET_MAX / 1000, LIST_OFFSET_MAX % 1000);
    assert_string_equal(initiative_reach_label(f->ctx.arena), want);
    /* Out of reach: refused before the store is asked. */
    submit(f, "Koffieochtend", "Elke week koffie in het wijkcentrum.");
    InitiativeFilter deep = { .page = last + 1, .per_page = per };
    InitiativePage page;
    assert_int_equal(initiative_list(&f->ctx, &deep, &page), ERR_INVALID);
    deep.page = last;
    assert_int_equal(initiative_list(&f->ctx, &deep, &page), STATUS_OK);
    assert_int_equal(page.n, 0);
    assert_int_equal(page.total, 1);
    int64_t total = 0;
    assert_int_equal(initiative_count(&f->ctx, &deep, &total), STATUS_OK);
    assert_int_equal(total, 1);
    InitiativeFilter search = { .q = "koffie" };
    assert_int_equal(initiative_count(&f->ctx, &search, &total), STATUS_OK);
    assert_int_equal(total, 1);
}

/* The keyset walk: every item once, newest first, with the filters. */
static void test_list_after(void **state)
{
    Fixture *f = *state;
    int64_t ids[5];
    for (int i = 0; i < 5; i++)
        ids[i] = submit(f, "Buurtmoestuin", "Samen tuinieren.");
    InitiativeFilter filter = { .area = "bovenveen", .theme = "groen", .state = "ingediend", .per_page = 2 };
    InitiativePage page;
    int64_t after = 0;
    int more = 1, seen = 0;
    while (more) {
        assert_int_equal(initiative_list_after(&f->ctx, &filter, after, &page, &more), STATUS_OK);
        assert_true(page.n >= 1 && page.n <= 2);
        for (size_t i = 0; i < page.n; i++, seen++)
            assert_int_equal(page.items[i].id, ids[4 - seen]);
        after = page.items[page.n - 1].id;
    }
    assert_int_equal(seen, 5);
    /* The batch after the last one is empty. */
    assert_int_equal(initiative_list_after(&f->ctx, &filter, ids[0], &page, &more), STATUS_OK);
    assert_int_equal(page.n, 0);
    assert_false(more);
    /* Exactly per_page left: no "more" after them. */
    assert_int_equal(initiative_list_after(&f->ctx, &filter, ids[2], &page, &more), STATUS_OK);
    assert_int_equal(page.n, 2);
    assert_false(more);
    InitiativeFilter other = { .area = "stompwijk", .per_page = 2 };
    assert_int_equal(initiative_list_after(&f->ctx, &other, 0, &page, &more), STATUS_OK);
    assert_int_equal(page.n, 0);
    /* A search is ranked, not by id. */
    InitiativeFilter search = { .q = "moestuin", .per_page = 2 };
    assert_int_equal(initiative_list_after(&f->ctx, &search, ids[4], &page, &more), ERR_INVALID);
}

static void test_edit_rights(void **state)
{
    Fixture *f = *state;
    int64_t id = submit(f, "Bankjes langs de Vliet", "Meer plekken om even te zitten.");
    InitiativeInput change = { 0 };
    change.title = "Bankjes en bloembakken langs de Vliet";
    change.present.title = 1;
    FieldErrors e = { 0 };
    f->ctx.user = &f->other;
    assert_int_equal(initiative_update(&f->ctx, id, &change, &e), ERR_FORBIDDEN);
    f->ctx.user = &f->resident;
    assert_int_equal(initiative_update(&f->ctx, id, &change, &e), STATUS_OK);
    Initiative in;
    assert_int_equal(initiative_get(&f->ctx, id, &in), STATUS_OK);
    assert_string_equal(in.title, "Bankjes en bloembakken langs de Vliet");
    assert_int_equal(in.n_themes, 1); /* untouched fields stay */
    assert_int_equal(initiative_get(&f->ctx, 999999, &in), ERR_NOT_FOUND);
}

static void test_queue_order(void **state)
{
    Fixture *f = *state;
    int64_t old = submit(f, "Oud verzoek", "Al lang geleden ingediend.");
    FieldErrors e = { 0 };
    f->ctx.user = &f->official;
    assert_int_equal(initiative_transition(&f->ctx, old, ST_INTAKE, "", 0, &e), STATUS_OK);
    f->ctx.now += 30 * 86400; /* later: a fresh one, and the intake of another overdue */
    int64_t late = submit(f, "Te laat voor intake", "Wacht al lang.");
    f->ctx.now += 20 * 86400;
    int64_t fresh = submit(f, "Net binnen", "Vandaag ingediend.");
    f->ctx.user = &f->official;
    InitiativePage pg;
    Deadline *dl;
    assert_int_equal(initiative_queue(&f->ctx, NULL, 0, &pg, &dl), STATUS_OK);
    assert_int_equal(pg.n, 3);
    /* Intake first, overdue on top of its group; then the rest. */
    assert_int_equal(pg.items[0].id, late);
    assert_true(dl[0].days_left < 0);
    assert_int_equal(pg.items[1].id, fresh);
    assert_int_equal(pg.items[2].id, old);
    /* Only mine: the official is contact person of the one in intake. */
    assert_int_equal(initiative_queue(&f->ctx, NULL, 1, &pg, &dl), STATUS_OK);
    assert_int_equal(pg.n, 1);
    assert_int_equal(pg.items[0].id, old);
    f->ctx.user = &f->resident;
    assert_int_equal(initiative_queue(&f->ctx, NULL, 0, &pg, &dl), ERR_FORBIDDEN);
}

static void test_login_rate_limit(void **state)
{
    Fixture *f = *state;
    FieldErrors e = { 0 };
    int64_t id;
    f->ctx.user = NULL;
    assert_int_equal(account_add(&f->ctx, "Kees", "kees@example.nl", "een lang wachtwoord", ROLE_RESIDENT, &e, &id),
                     STATUS_OK);
    User u;
    assert_int_equal(account_login(&f->ctx, "KEES@example.nl ", "een lang wachtwoord", "1.2.3.4", &u), STATUS_OK);
    for (int i = 0; i < LOGIN_MAX_PER_EMAIL; i++)
        assert_int_equal(account_login(&f->ctx, "kees@example.nl", "fout", "1.2.3.4", &u), ERR_UNAUTHORIZED);
    assert_int_equal(account_login(&f->ctx, "kees@example.nl", "een lang wachtwoord", "1.2.3.4", &u),
                     ERR_RATE_LIMITED);
    f->ctx.now += LOGIN_WINDOW_SECONDS;
    assert_int_equal(account_login(&f->ctx, "kees@example.nl", "een lang wachtwoord", "1.2.3.4", &u), STATUS_OK);
    /* Sessions and tokens: found by their secret, never stored as is. */
    const char *cookie, *csrf, *found_csrf;
    assert_int_equal(session_start(&f->ctx, id, &cookie, &csrf), STATUS_OK);
    assert_int_equal(session_find(&f->ctx, cookie, &u, &found_csrf), STATUS_OK);
    assert_string_equal(found_csrf, csrf);
    session_end(&f->ctx, cookie);
    assert_int_equal(session_find(&f->ctx, cookie, &u, &found_csrf), ERR_UNAUTHORIZED);
    const char *token;
    assert_int_equal(token_create(&f->ctx, id, &token), STATUS_OK);
    assert_int_equal(token_find(&f->ctx, token, &u), STATUS_OK);
    assert_int_equal(token_find(&f->ctx, "wz_nep", &u), ERR_UNAUTHORIZED);
}

int main(void)
{
    accounts_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_submit_and_read, setup, teardown),
        cmocka_unit_test_setup_teardown(test_validation_names_fields, setup, teardown),
        cmocka_unit_test_setup_teardown(test_process_and_timeline, setup, teardown),
        cmocka_unit_test_setup_teardown(test_search_stems_dutch, setup, teardown),
        cmocka_unit_test_setup_teardown(test_list_reach, setup, teardown),
        cmocka_unit_test_setup_teardown(test_list_after, setup, teardown),
        cmocka_unit_test_setup_teardown(test_edit_rights, setup, teardown),
        cmocka_unit_test_setup_teardown(test_queue_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_login_rate_limit, setup, teardown),
    };
    return cmocka_run_group_tests_name("domain", tests, NULL, NULL);
}
