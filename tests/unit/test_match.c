/* The matching engine (domain/match.h) on both engines: a known similar
 * pair ranks above an unrelated one, the reasons say why ("zelfde wijk",
 * "thema …", "woorden: …"), what is dismissed or connected stays away,
 * another municipality's initiatives and stopped ones never show, and
 * only staff confirm or dismiss. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "testdb.h"

#include "domain/connections.h"
#include "domain/directory.h"
#include "domain/initiatives.h"
#include "domain/match.h"
#include "store/store.h"

static int use_pg;

typedef struct Fixture {
    Store *store;
    Db *db;
    Tenant tenant;
    User initiator, other, official, official2;
    int64_t a, b, c, stopped;
    Ctx ctx;
    TestDb tdb;
} Fixture;

static Ctx *as(Fixture *f, User *u)
{
    f->ctx.user = u;
    return &f->ctx;
}

static int64_t add(Fixture *f, Ctx *c, const char *title, const char *summary, const char *area, const char *theme,
                   const char *help)
{
    InitiativeInput in = { 0 };
    in.title = title;
    in.summary = summary;
    in.description = "Een langere uitleg van wat wij willen doen en waarom het de straat beter maakt.";
    in.area = area;
    in.themes[in.n_themes++] = theme;
    in.show_name = 1;
    if (help)
        in.help[in.n_help++] = (HelpInput){ .kind = help, .description = "Wie helpt ons?", .amount_cents = -1 };
    FieldErrors e = { 0 };
    int64_t id = 0;
    (void)f;
    assert_int_equal(initiative_create(c, &in, &e, &id), STATUS_OK);
    return id;
}

static int setup(void **state)
{
    Fixture *f = test_calloc(1, sizeof *f);
    testdb_open(&f->tdb, "match", use_pg, &f->store, &f->db, &f->ctx, &f->tenant);
    testdb_add_user(&f->ctx, &f->initiator, "ini@example.nl", "Ini Tiatief", ROLE_RESIDENT);
    testdb_add_user(&f->ctx, &f->other, "ander@example.nl", "Anne Ander", ROLE_RESIDENT);
    testdb_add_user(&f->ctx, &f->official, "olga@gemeente.example", "Olga Ambtenaar", ROLE_OFFICIAL);
    testdb_add_user(&f->ctx, &f->official2, "otto@gemeente.example", "Otto Collega", ROLE_OFFICIAL);
    Ctx *c = as(f, &f->initiator);
    f->a = add(f, c, "Buurtmoestuin in Bovenveen", "Samen een moestuin aanleggen met plantenbakken en een kas.",
               "bovenveen", "groen", "vrijwilligers");
    c = as(f, &f->other);
    f->b = add(f, c, "Moestuin bij Het Loo", "Buren leggen een moestuin aan met plantenbakken en kruiden.", "het-loo",
               "groen", NULL);
    f->c = add(f, c, "Schaakclub voor senioren", "Elke dinsdag schaken in het wijkcentrum, met thee.",
               "leidschendam-noord", "ouderen", NULL);
    f->stopped = add(f, c, "Moestuin met plantenbakken bij de kas", "Een moestuin met plantenbakken en een kas.",
                     "bovenveen", "groen", NULL);
    assert_int_equal(store_initiative_set_state(f->db, f->tenant.id, f->stopped, ST_INGEDIEND, ST_GESTOPT,
                                                f->ctx.now, 0, 0),
                     DB_OK);
    /* an organisation that gives volunteers, in the whole municipality */
    static const char *themes[] = { "groen" }, *help[] = { "vrijwilligers" };
    OrganisationInput o = { .name = "Groene Handen", .kind = "vrijwilligersgroep", .description = "Tuinieren.",
                            .offer = "Handen.", .contact = "Bel ons.", .website = "",
                            .themes = themes, .n_themes = 1, .help_kinds = help, .n_help_kinds = 1 };
    FieldErrors e = { 0 };
    const char *code;
    assert_int_equal(directory_organisation_create(as(f, &f->other), &o, &e, &code), STATUS_OK);
    assert_string_equal(code, "groene-handen");
    /* an official for Voorburg-Noord who knows about groen */
    static const char *areas[] = { "voorburg-noord" };
    OfficialInput p = { .expertise = "Moestuinen en groen in de wijk.", .themes = themes, .n_themes = 1,
                        .areas = areas, .n_areas = 1 };
    assert_int_equal(directory_official_update(as(f, &f->official), f->official.id, &p, &e), STATUS_OK);
    f->ctx.user = NULL;
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

static const Suggestion *find(const Suggestions *s, SuggestionKind k, const char *target, size_t *pos)
{
    for (size_t i = 0; i < s->n[k]; i++)
        if (strcmp(s->items[k][i].target, target) == 0) {
            if (pos)
                *pos = i;
            return &s->items[k][i];
        }
    return NULL;
}

static int has_reason(const Suggestion *s, const char *prefix)
{
    for (size_t i = 0; i < s->n_reasons; i++)
        if (strncmp(s->reasons[i], prefix, strlen(prefix)) == 0)
            return 1;
    return 0;
}

static const char *id_text(Fixture *f, int64_t id)
{
    return arena_printf(f->ctx.arena, "%lld", (long long)id);
}

static void test_similar_pair_ranks_first(void **state)
{
    Fixture *f = *state;
    Suggestions s;
    assert_int_equal(match_suggestions(as(f, &f->official), f->a, &s), STATUS_OK);
    size_t pos_b = 99, pos_c = 99;
    const Suggestion *b = find(&s, SUG_INITIATIVE, id_text(f, f->b), &pos_b);
    assert_non_null(b);
    const Suggestion *c = find(&s, SUG_INITIATIVE, id_text(f, f->c), &pos_c);
    assert_true(!c || (pos_b < pos_c && b->score > c->score));
    assert_true(b->score > 0 && b->score <= 100);
    assert_int_equal(b->id, f->b);
    assert_string_equal(b->name, "Moestuin bij Het Loo");
    assert_true(has_reason(b, "zelfde wijk"));
    assert_true(has_reason(b, "thema groen"));
    assert_true(has_reason(b, "woorden: "));
    int words = 0;
    for (size_t i = 0; i < b->n_reasons; i++)
        words |= strncmp(b->reasons[i], "woorden: ", 9) == 0 && strstr(b->reasons[i], "moestuin") != NULL;
    assert_true(words);
    /* never itself, never a stopped one */
    assert_null(find(&s, SUG_INITIATIVE, id_text(f, f->a), NULL));
    assert_null(find(&s, SUG_INITIATIVE, id_text(f, f->stopped), NULL));
    /* the organisation that gives volunteers, and why */
    const Suggestion *o = find(&s, SUG_ORGANISATION, "groene-handen", NULL);
    assert_non_null(o);
    assert_true(has_reason(o, "helpt met mensen en tijd"));
    assert_true(has_reason(o, "thema groen"));
    assert_true(has_reason(o, "werkt in heel de gemeente"));
    /* the official of the wijk */
    const Suggestion *p = find(&s, SUG_OFFICIAL, id_text(f, f->official.id), NULL);
    assert_non_null(p);
    assert_true(has_reason(p, "werkt in Voorburg-Noord"));
    assert_null(find(&s, SUG_OFFICIAL, id_text(f, f->official2.id), NULL));
    /* lists are sorted, at most MATCH_PER_KIND */
    for (int k = 0; k < SUG_KIND_COUNT_; k++) {
        assert_true(s.n[k] <= MATCH_PER_KIND);
        for (size_t i = 1; i < s.n[k]; i++)
            assert_true(s.items[k][i - 1].score >= s.items[k][i].score);
    }
}

static void test_dismissed_and_connected_stay_away(void **state)
{
    Fixture *f = *state;
    FieldErrors e = { 0 };
    Suggestions s;
    /* the initiator may look, not act */
    assert_int_equal(match_suggestions(as(f, &f->initiator), f->a, &s), STATUS_OK);
    assert_int_equal(match_dismiss(as(f, &f->initiator), f->a, "initiative", id_text(f, f->b), &e), ERR_FORBIDDEN);
    assert_int_equal(match_suggestions(as(f, &f->other), f->a, &s), ERR_FORBIDDEN);
    assert_int_equal(match_suggestions(as(f, NULL), f->a, &s), ERR_UNAUTHORIZED);
    /* staff dismiss an initiative, confirm the organisation and the official */
    Ctx *c = as(f, &f->official2);
    assert_int_equal(match_dismiss(c, f->a, "initiative", id_text(f, f->b), &e), STATUS_OK);
    assert_int_equal(match_confirm(c, f->a, "organisation", "groene-handen", &e), STATUS_OK);
    assert_int_equal(match_confirm(c, f->a, "official", id_text(f, f->official.id), &e), STATUS_OK);
    assert_int_equal(match_confirm(c, f->a, "fund", "vlietwensen", &e), ERR_INVALID);
    e = (FieldErrors){ 0 };
    assert_int_equal(match_confirm(c, f->a, "official", id_text(f, f->other.id), &e), ERR_INVALID);
    assert_non_null(errors_get(&e, "target"));
    e = (FieldErrors){ 0 };
    assert_int_equal(match_dismiss(c, f->a, "nonsense", "x", &e), ERR_INVALID);
    assert_non_null(errors_get(&e, "kind"));
    assert_int_equal(match_suggestions(c, f->a, &s), STATUS_OK);
    assert_null(find(&s, SUG_INITIATIVE, id_text(f, f->b), NULL));
    assert_null(find(&s, SUG_ORGANISATION, "groene-handen", NULL));
    assert_null(find(&s, SUG_OFFICIAL, id_text(f, f->official.id), NULL));
    /* the confirmations took effect */
    Initiative in;
    assert_int_equal(initiative_get(c, f->a, &in), STATUS_OK);
    assert_int_equal(in.contact_id, f->official.id);
    assert_int_equal(in.state, ST_INGEDIEND); /* the state stays */
    Connection *v;
    size_t n;
    assert_int_equal(connections_of_initiative(c, f->a, &v, &n), STATUS_OK);
    int found = 0;
    for (size_t i = 0; i < n; i++)
        found |= v[i].kind == CONN_ORGANISATION && strcmp(v[i].target, "groene-handen") == 0;
    assert_true(found);
    /* a goal confirmed stays away too */
    assert_int_equal(match_suggestions(c, f->b, &s), STATUS_OK);
    if (s.n[SUG_GOAL]) {
        const char *g = s.items[SUG_GOAL][0].target;
        assert_int_equal(match_confirm(c, f->b, "goal", g, &e), STATUS_OK);
        assert_int_equal(match_suggestions(c, f->b, &s), STATUS_OK);
        assert_null(find(&s, SUG_GOAL, g, NULL));
    }
}

static void test_other_municipality_never_suggested(void **state)
{
    Fixture *f = *state;
    assert_int_equal(store_tenant_upsert(f->db, "wassenaar", "Wassenaar", "w.example"), DB_OK);
    Tenant w;
    assert_int_equal(store_tenant_by_code(f->db, f->ctx.arena, "wassenaar", &w), DB_OK);
    Ctx other = f->ctx;
    other.tenant = &w;
    other.user = NULL;
    const char *err;
    assert_int_equal(setup_reference_data(&other, &err), STATUS_OK);
    User u;
    testdb_add_user(&other, &u, "wim@example.nl", "Wim Wassenaar", ROLE_RESIDENT);
    other.user = &u;
    int64_t twin = add(f, &other, "Buurtmoestuin in Bovenveen", "Samen een moestuin aanleggen met plantenbakken en "
                       "een kas.", "bovenveen", "groen", NULL);
    Suggestions s;
    assert_int_equal(match_suggestions(as(f, &f->official), f->a, &s), STATUS_OK);
    assert_null(find(&s, SUG_INITIATIVE, id_text(f, twin), NULL));
    assert_non_null(find(&s, SUG_INITIATIVE, id_text(f, f->b), NULL));
}

#define DB_TESTS \
    cmocka_unit_test_setup_teardown(test_similar_pair_ranks_first, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_dismissed_and_connected_stay_away, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_other_municipality_never_suggested, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = { DB_TESTS };
    use_pg = 0;
    int failed = cmocka_run_group_tests_name("matching on SQLite", tests, NULL, NULL);
    const char *pg = getenv("WIJZER_TEST_PG");
    if (pg && *pg) {
        use_pg = 1;
        failed += cmocka_run_group_tests_name("matching on PostgreSQL", tests, NULL, NULL);
    }
    return failed;
}
