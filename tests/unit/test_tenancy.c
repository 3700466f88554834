/* Two municipalities in one database: every domain call made for one
 * finds nothing of the other, also when it is handed the other's ids,
 * sessions or keys directly (what a guessed URL or a copied cookie does). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "domain/accounts.h"
#include "domain/initiatives.h"
#include "domain/setup.h"
#include "lib/dates.h"
#include "store/store.h"

typedef struct Side {
    Tenant tenant;
    User resident, official;
    Ctx ctx;
} Side;

typedef struct Fixture {
    Store *store;
    Db *db;
    Arena *arena;
    Side a, b;
} Fixture;

static void add_user(Side *s, User *u, const char *email, Role role)
{
    FieldErrors e = { 0 };
    int64_t id;
    s->ctx.user = NULL;
    assert_int_equal(account_add(&s->ctx, "Sam Jansen", email, NULL, role, &e, &id), STATUS_OK);
    assert_int_equal(store_user_by_id(s->ctx.db, s->ctx.arena, s->tenant.id, id, u), DB_OK);
}

static void side_init(Fixture *f, Side *s, const char *code, const char *name, const char *host)
{
    assert_int_equal(store_tenant_upsert(f->db, code, name, host), DB_OK);
    assert_int_equal(store_tenant_by_code(f->db, f->arena, code, &s->tenant), DB_OK);
    s->ctx = (Ctx){ .db = f->db, .arena = f->arena, .tenant = &s->tenant,
                    .now = date_from_ymd(2026, 11, 20) * 86400 + 9 * 3600 };
    const char *err;
    assert_int_equal(setup_reference_data(&s->ctx, &err), STATUS_OK);
    /* The same e-mail address in both: two separate accounts. */
    add_user(s, &s->resident, "sam@example.nl", ROLE_RESIDENT);
    add_user(s, &s->official, "balie@gemeente.example", ROLE_OFFICIAL);
}

static int setup(void **state)
{
    Fixture *f = test_calloc(1, sizeof *f);
    char err[256];
    assert_int_equal(store_open(":memory:", &f->store, err, sizeof err), DB_OK);
    f->db = store_acquire(f->store);
    assert_true(store_migrate(f->db, err, sizeof err) > 0);
    f->arena = arena_new();
    side_init(f, &f->a, "leidschendam-voorburg", "Leidschendam-Voorburg", "lv.test");
    side_init(f, &f->b, "wassenaar", "Wassenaar", "wassenaar.test");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    store_release(f->store, f->db);
    store_close(f->store);
    arena_free(f->arena);
    test_free(f);
    return 0;
}

static int64_t submit(Side *s, const char *title)
{
    InitiativeInput in = { 0 };
    in.title = title;
    in.summary = "Buren ruimen samen het strand op, elke eerste zaterdag.";
    in.description = "Met **knijpers** en zakken van de gemeente.";
    in.area = "bovenveen";
    in.themes[in.n_themes++] = "groen";
    in.sdgs[in.n_sdgs++] = "14";
    in.links[in.n_links++] = (Link){ .kind = "website", .url = "https://example.nl/strand" };
    in.help[0] = (HelpInput){ .kind = "materiaal", .description = "Knijpers en zakken", .amount_cents = -1 };
    in.n_help = 1;
    s->ctx.user = &s->resident;
    FieldErrors e = { 0 };
    int64_t id = 0;
    Status st = initiative_create(&s->ctx, &in, &e, &id);
    for (size_t i = 0; i < e.n; i++)
        print_error("%s: %s\n", e.field[i], e.message[i]);
    assert_int_equal(st, STATUS_OK);
    return id;
}

static void test_initiatives_stay_home(void **state)
{
    Fixture *f = *state;
    int64_t id = submit(&f->a, "Strandjutters van de Vliet");
    Initiative in;
    assert_int_equal(initiative_get(&f->a.ctx, id, &in), STATUS_OK);
    assert_int_equal(in.n_themes, 1);
    assert_int_equal(in.n_links, 1);
    assert_int_equal(in.n_help, 1);
    int64_t help_id = in.help[0].id;

    Ctx *b = &f->b.ctx;
    b->user = &f->b.official;
    assert_int_equal(initiative_get(b, id, &in), ERR_NOT_FOUND);
    TimelineEvent *ev;
    size_t n = 99;
    assert_int_equal(initiative_timeline(b, id, &ev, &n), ERR_NOT_FOUND);
    CodeName *themes;
    assert_int_equal(initiative_themes(b, id, &themes, &n), STATUS_OK);
    assert_int_equal(n, 0);

    InitiativePage page;
    InitiativeFilter all = { 0 };
    assert_int_equal(initiative_list(b, &all, &page), STATUS_OK);
    assert_int_equal(page.total, 0);
    InitiativeFilter search = { .q = "strandjutters" };
    assert_int_equal(initiative_list(b, &search, &page), STATUS_OK);
    assert_int_equal(page.total, 0);
    assert_int_equal(initiative_list(&f->a.ctx, &search, &page), STATUS_OK);
    assert_int_equal(page.total, 1);
    Deadline *deadlines;
    assert_int_equal(initiative_queue(b, NULL, 0, &page, &deadlines), STATUS_OK);
    assert_int_equal(page.n, 0);

    /* Writes by the other municipality's official, by id: not found, nothing changed. */
    FieldErrors e = { 0 };
    InitiativeInput patch = { 0 };
    patch.title = "Overgenomen";
    patch.present.title = 1;
    assert_int_equal(initiative_update(b, id, &patch, &e), ERR_NOT_FOUND);
    assert_int_equal(initiative_transition(b, id, ST_INTAKE, "", 0, &e), ERR_NOT_FOUND);
    HelpInput h = { .kind = "geld", .description = "Mag dit?", .amount = "10" };
    int64_t hid;
    assert_int_equal(initiative_add_help(b, id, &h, &e, &hid), ERR_NOT_FOUND);
    assert_int_equal(initiative_set_help_state(b, id, help_id, HELP_AFGEWEZEN), ERR_NOT_FOUND);
    assert_int_equal(initiative_get(&f->a.ctx, id, &in), STATUS_OK);
    assert_string_equal(in.title, "Strandjutters van de Vliet");
    assert_int_equal(in.state, ST_INGEDIEND);
    assert_int_equal(in.help[0].state, HELP_OPEN);
    assert_int_equal(in.n_help, 1);
}

static void test_credentials_stay_home(void **state)
{
    Fixture *f = *state;
    Ctx *a = &f->a.ctx, *b = &f->b.ctx;
    const char *cookie, *csrf, *token;
    assert_int_equal(session_start(a, f->a.resident.id, &cookie, &csrf), STATUS_OK);
    assert_int_equal(token_create(a, f->a.resident.id, &token), STATUS_OK);
    User u;
    const char *csrf2;
    assert_int_equal(session_find(b, cookie, &u, &csrf2), ERR_UNAUTHORIZED);
    assert_int_equal(token_find(b, token, &u), ERR_UNAUTHORIZED);
    /* A log-out sent to the other municipality does not end the session. */
    session_end(b, cookie);
    assert_int_equal(session_find(a, cookie, &u, &csrf2), STATUS_OK);
    assert_int_equal(u.id, f->a.resident.id);
    assert_int_equal(token_find(a, token, &u), STATUS_OK);
    /* Log-in: each account by its own municipality; failed tries count per municipality. */
    FieldErrors e = { 0 };
    int64_t id;
    a->user = NULL;
    assert_int_equal(account_add(a, "Kim", "kim@example.nl", "wachtwoord-van-lv", ROLE_RESIDENT, &e, &id), STATUS_OK);
    assert_int_equal(account_login(b, "kim@example.nl", "wachtwoord-van-lv", "1.2.3.4", &u), ERR_UNAUTHORIZED);
    assert_int_equal(account_login(a, "kim@example.nl", "wachtwoord-van-lv", "1.2.3.4", &u), STATUS_OK);
    for (int i = 1; i < LOGIN_MAX_PER_EMAIL; i++) /* the try with LV's password above was the first */
        assert_int_equal(account_login(b, "kim@example.nl", "fout", "1.2.3.4", &u), ERR_UNAUTHORIZED);
    assert_int_equal(account_login(b, "kim@example.nl", "fout", "1.2.3.4", &u), ERR_RATE_LIMITED);
    assert_int_equal(account_login(a, "kim@example.nl", "wachtwoord-van-lv", "1.2.3.4", &u), STATUS_OK);
}

static void test_tenants_by_host(void **state)
{
    Fixture *f = *state;
    Tenant t;
    assert_int_equal(store_tenant_by_host(f->db, f->arena, "wassenaar.test", &t), DB_OK);
    assert_string_equal(t.code, "wassenaar");
    assert_int_equal(store_tenant_by_host(f->db, f->arena, "elders.test", &t), DB_DONE);
    Tenant *all;
    size_t n;
    assert_int_equal(store_tenant_list(f->db, f->arena, &all, &n), DB_OK);
    assert_int_equal(n, 2);
    assert_string_equal(all[0].code, "leidschendam-voorburg");
    /* A host names at most one municipality. */
    assert_int_equal(store_tenant_upsert(f->db, "voorschoten", "Voorschoten", "lv.test"), DB_CONSTRAINT);
}

int main(void)
{
    accounts_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_initiatives_stay_home, setup, teardown),
        cmocka_unit_test_setup_teardown(test_credentials_stay_home, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tenants_by_host, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
