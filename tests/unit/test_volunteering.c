/* Volunteering (issue 6): availability overlap and the "for you" ranking
 * with its reasons as pure functions, and on a real database (SQLite, and
 * PostgreSQL when WIJZER_TEST_PG holds a server's base URL): only members
 * post for their organisation, the response and vacancy state machines
 * (filled when all places are taken, open again when a placement ends),
 * closing by date, privacy (hidden profiles never found, contact details
 * only for those who manage the vacancy, and only after a response), the
 * ranking on stored data, invitations, and another municipality sees none of it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/accounts.h"
#include "domain/directory.h"
#include "domain/setup.h"
#include "domain/volunteer_match.h"
#include "domain/volunteering.h"
#include "lib/dates.h"
#include "store/store.h"
#include "testdb.h"

enum { MON, TUE, WED, THU, FRI, SAT, SUN };
enum { MORNING, AFTERNOON, EVENING };

/* ---------- pure rules ---------- */

static void test_overlap(void **state)
{
    (void)state;
    int tue_pm = vol_bit(TUE, AFTERNOON), sat_am = vol_bit(SAT, MORNING), sun_eve = vol_bit(SUN, EVENING);
    assert_int_equal(vol_bit(MON, MORNING), 1);
    assert_int_equal(sun_eve, 1 << 20);
    assert_int_equal(vol_bit(7, 0), 0);
    assert_int_equal(vol_bit(0, 3), 0);
    assert_int_equal(vol_overlap(tue_pm | sat_am, sat_am | sun_eve), sat_am);
    assert_int_equal(vol_overlap(tue_pm, sat_am), 0);
    /* a vacancy without times fits every availability; no availability fits nothing */
    assert_int_equal(vol_overlap(tue_pm, 0), tue_pm);
    assert_int_equal(vol_overlap(0, sat_am), 0);
    assert_int_equal(vol_overlap(-1, 1 << 25), 0); /* only the 21 slots count */
    assert_string_equal(vol_slot_name(TUE * 3 + AFTERNOON), "dinsdagmiddag");
    assert_string_equal(vol_slot_name(SAT * 3 + MORNING), "zaterdagochtend");
    assert_string_equal(vol_slot_name(21), "");
    assert_int_equal(vol_suits_parse("learning_dutch"), 4);
    assert_int_equal(vol_suits_parse("iedereen"), 0);
    assert_int_equal(vol_preference_parse("one_off"), VOL_PREF_ONE_OFF);
    assert_int_equal(vol_preference_parse("soms"), -1);
    for (int s = 0; s < RESP_STATE_COUNT_; s++)
        assert_int_equal(response_state_parse(response_state_code((ResponseState)s)), s);
    for (int s = 0; s < VAC_STATE_COUNT_; s++)
        assert_int_equal(vacancy_state_parse(vacancy_state_code((VacancyState)s)), s);
}

static int has_reason(const VolMatch *m, const char *r)
{
    for (size_t i = 0; i < m->n_reasons; i++)
        if (strcmp(m->reasons[i], r) == 0)
            return 1;
    return 0;
}

static void test_ranking(void **state)
{
    (void)state;
    Arena *a = arena_new();
    const char *themes[] = { "groen" }, *areas[] = { "voorburg-noord" };
    VolunteerProfile p = { .skills = "Koken, tuinieren", .themes = themes, .n_themes = 1, .areas = areas,
                           .n_areas = 1, .availability = vol_bit(TUE, AFTERNOON) | vol_bit(SAT, MORNING),
                           .preference = VOL_PREF_ONE_OFF, .exists = 1 };
    VolCandidate c[] = {
        /* everything fits */
        { .id = 1, .title = "Bollen planten", .theme = "groen", .theme_name = "Groen en natuur", .area = "bovenveen",
          .area_parent = "voorburg-noord", .date = "2026-12-12", .times = vol_bit(SAT, MORNING),
          .skills = "tuinieren" },
        /* other time, other wijk, recurring */
        { .id = 2, .title = "Avondwacht", .area = "stompwijk-dorp", .area_parent = "stompwijk",
          .times = vol_bit(MON, EVENING), .skills = "" },
        /* from home, flexible time, cooking */
        { .id = 3, .title = "Recepten schrijven", .from_home = 1, .times = 0, .skills = "koken" },
        /* the right time only */
        { .id = 4, .title = "Koffie schenken", .area = "oud-voorburg", .times = vol_bit(TUE, AFTERNOON), .skills = "" },
    };
    VolMatch m[4];
    for (int i = 0; i < 4; i++)
        vol_match_score(a, &p, &c[i], &m[i]);
    assert_true(m[0].score > m[2].score);
    assert_true(m[1].score <= 0); /* not for her */
    assert_true(has_reason(&m[0], "past bij uw tijd: zaterdagochtend"));
    assert_true(has_reason(&m[0], "in uw wijk"));
    assert_true(has_reason(&m[0], "thema Groen en natuur"));
    assert_true(has_reason(&m[0], "vaardigheid: tuinieren"));
    assert_true(has_reason(&m[0], "eenmalig"));
    assert_true(has_reason(&m[2], "vanuit huis"));
    assert_true(has_reason(&m[2], "vaardigheid: koken"));
    assert_true(has_reason(&m[2], "tijd in overleg"));
    assert_true(has_reason(&m[3], "past bij uw tijd: dinsdagmiddag"));
    assert_false(has_reason(&m[3], "in uw wijk"));
    vol_match_sort(m, 4);
    assert_int_equal(m[0].v.id, 1);
    assert_int_equal(m[3].v.id, 2);
    for (int i = 0; i < 3; i++)
        assert_true(m[i].score >= m[i + 1].score);
    /* two shared slots are both named */
    c[0].times = vol_bit(TUE, AFTERNOON) | vol_bit(SAT, MORNING);
    vol_match_score(a, &p, &c[0], &m[0]);
    assert_true(has_reason(&m[0], "past bij uw tijd: dinsdagmiddag en zaterdagochtend"));
    arena_free(a);
}

/* ---------- on a database ---------- */

static int use_pg;

typedef struct Fixture {
    Store *store;
    Db *db;
    Tenant tenant;
    User member, volunteer, other, outsider, official, admin;
    Ctx ctx;
    TestDb tdb;
} Fixture;

static int setup(void **state)
{
    Fixture *f = test_calloc(1, sizeof *f);
    testdb_open(&f->tdb, "volunteering", use_pg, &f->store, &f->db, &f->ctx, &f->tenant);
    testdb_add_user(&f->ctx, &f->member, "wim@example.nl", "Wim Spierings", ROLE_RESIDENT);
    testdb_add_user(&f->ctx, &f->volunteer, "youssef@example.nl", "Youssef Bennani", ROLE_RESIDENT);
    testdb_add_user(&f->ctx, &f->other, "els@example.nl", "Els van der Kraan", ROLE_RESIDENT);
    testdb_add_user(&f->ctx, &f->outsider, "piet@example.nl", "Piet Jansen", ROLE_RESIDENT);
    testdb_add_user(&f->ctx, &f->official, "sanne@gemeente.example", "Sanne de Wit", ROLE_OFFICIAL);
    testdb_add_user(&f->ctx, &f->admin, "thomas@gemeente.example", "Thomas van Leeuwen", ROLE_ADMIN);
    f->ctx.user = NULL;
    assert_int_equal(directory_member_add(&f->ctx, "fenomeen-bovenveen", f->member.id), STATUS_OK);
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

/* A one-day task on Saturday 12 December 2026 (the clock is 20 November). */
static int64_t vacancy(Fixture *f, const char *title, int places, const char *closes_on)
{
    VacancyInput in = { .organisation = "fenomeen-bovenveen", .title = title, .tasks = "Bollen planten.",
                        .skills = "tuinieren", .theme = "groen", .area = "bovenveen", .date = "2026-12-12",
                        .hours = 4, .places = places, .closes_on = closes_on };
    FieldErrors e = { 0 };
    int64_t id = 0;
    assert_int_equal(vacancy_create(as(f, &f->member), &in, &e, &id), STATUS_OK);
    assert_true(id > 0);
    return id;
}

static int64_t respond(Fixture *f, User *u, int64_t v)
{
    FieldErrors e = { 0 };
    int64_t id = 0;
    assert_int_equal(vacancy_respond(as(f, u), v, "Ik help graag.", &e, &id), STATUS_OK);
    return id;
}

static void test_only_members_post(void **state)
{
    Fixture *f = *state;
    VacancyInput in = { .organisation = "fenomeen-bovenveen", .title = "Sportdag", .tasks = "Helpen.",
                        .area = "bovenveen", .hours_per_week = 2 };
    FieldErrors e = { 0 };
    int64_t id = 0;
    assert_int_equal(vacancy_create(as(f, NULL), &in, &e, &id), ERR_UNAUTHORIZED);
    assert_int_equal(vacancy_create(as(f, &f->outsider), &in, &e, &id), ERR_FORBIDDEN);
    assert_int_equal(vacancy_create(as(f, &f->official), &in, &e, &id), ERR_FORBIDDEN);
    assert_int_equal(vacancy_create(as(f, &f->admin), &in, &e, &id), STATUS_OK);
    assert_int_equal(vacancy_create(as(f, &f->member), &in, &e, &id), STATUS_OK);
    Vacancy v;
    assert_int_equal(vacancy_get(&f->ctx, id, &v), STATUS_OK);
    assert_string_equal(v.organisation_name, "Fenomeen Bovenveen");
    assert_int_equal(v.places, 1);
    assert_null(v.date);
    /* errors in Dutch per field; a date and hours per week not both */
    VacancyInput bad = { .organisation = "fenomeen-bovenveen", .date = "2026-11-01", .hours = 30, .places = -1 };
    e = (FieldErrors){ 0 };
    assert_int_equal(vacancy_create(as(f, &f->member), &bad, &e, &id), ERR_INVALID);
    assert_string_equal(errors_get(&e, "title"), "Vul een korte titel in.");
    assert_non_null(errors_get(&e, "tasks"));
    assert_non_null(errors_get(&e, "area"));
    assert_string_equal(errors_get(&e, "date"), "Deze datum is al voorbij.");
    assert_non_null(errors_get(&e, "hours"));
    assert_non_null(errors_get(&e, "places"));
    /* a one-day task gets its weekday as its time */
    int64_t one = vacancy(f, "Bollen", 2, NULL);
    assert_int_equal(vacancy_get(&f->ctx, one, &v), STATUS_OK);
    assert_int_equal(v.times, vol_bit(SAT, MORNING) | vol_bit(SAT, AFTERNOON) | vol_bit(SAT, EVENING));
}

static void test_state_machines(void **state)
{
    Fixture *f = *state;
    int64_t v = vacancy(f, "Bollen", 1, NULL);
    int64_t r1 = respond(f, &f->volunteer, v), r2 = respond(f, &f->other, v);
    FieldErrors e = { 0 };
    int64_t id;
    assert_int_equal(vacancy_respond(as(f, &f->volunteer), v, "Nog eens", &e, &id), ERR_CONFLICT);
    e = (FieldErrors){ 0 };
    assert_int_equal(vacancy_respond(as(f, &f->outsider), v, "  ", &e, &id), ERR_INVALID);
    /* only the manager decides */
    assert_int_equal(response_decide(as(f, &f->volunteer), r1, 1), ERR_FORBIDDEN);
    assert_int_equal(response_decide(as(f, &f->member), r1, 1), STATUS_OK);
    assert_int_equal(response_decide(as(f, &f->member), r1, 0), ERR_CONFLICT);
    Vacancy vac;
    assert_int_equal(vacancy_get(&f->ctx, v, &vac), STATUS_OK);
    assert_int_equal(vac.state, VAC_FILLED);
    assert_int_equal(vac.accepted, 1);
    /* full: the second cannot be accepted, only declined; no new responses */
    assert_int_equal(response_decide(as(f, &f->member), r2, 1), ERR_CONFLICT);
    e = (FieldErrors){ 0 };
    assert_int_equal(vacancy_respond(as(f, &f->outsider), v, "Ik ook", &e, &id), ERR_CONFLICT);
    Vacancy *list;
    size_t n;
    assert_int_equal(vacancy_list(as(f, NULL), &(VacancyFilter){ 0 }, &list, &n), STATUS_OK);
    assert_int_equal(n, 0);
    /* the volunteer ends her placement; the vacancy opens again */
    Placement *pl;
    assert_int_equal(vacancy_placements(as(f, &f->member), v, &pl, &n), STATUS_OK);
    assert_int_equal(n, 1);
    assert_int_equal(placement_end(as(f, &f->outsider), pl[0].id), ERR_FORBIDDEN);
    assert_int_equal(placement_end(as(f, &f->volunteer), pl[0].id), STATUS_OK);
    assert_int_equal(placement_end(as(f, &f->member), pl[0].id), ERR_CONFLICT);
    assert_int_equal(vacancy_get(&f->ctx, v, &vac), STATUS_OK);
    assert_int_equal(vac.state, VAC_OPEN);
    assert_int_equal(vac.accepted, 0);
    /* withdraw: only her own, only while new */
    assert_int_equal(response_withdraw(as(f, &f->volunteer), r2), ERR_NOT_FOUND);
    assert_int_equal(response_withdraw(as(f, &f->other), r2), STATUS_OK);
    assert_int_equal(response_withdraw(as(f, &f->other), r2), ERR_CONFLICT);
    assert_int_equal(response_decide(as(f, &f->member), r2, 1), ERR_CONFLICT);
    /* closing by hand hides it from everyone but the manager */
    assert_int_equal(vacancy_set_open(as(f, &f->volunteer), v, 0), ERR_FORBIDDEN);
    assert_int_equal(vacancy_set_open(as(f, &f->member), v, 0), STATUS_OK);
    assert_int_equal(vacancy_get(as(f, NULL), v, &vac), ERR_NOT_FOUND);
    assert_int_equal(vacancy_get(as(f, &f->member), v, &vac), STATUS_OK);
    assert_int_equal(vac.state, VAC_CLOSED);
}

static void test_closes_by_date(void **state)
{
    Fixture *f = *state;
    int64_t v = vacancy(f, "Bollen", 3, "2026-11-25");
    Vacancy *list;
    size_t n;
    assert_int_equal(vacancy_list(as(f, NULL), &(VacancyFilter){ 0 }, &list, &n), STATUS_OK);
    assert_int_equal(n, 1);
    f->ctx.now += 6 * 86400; /* 26 November: the closing date has passed */
    assert_int_equal(vacancy_list(as(f, NULL), &(VacancyFilter){ 0 }, &list, &n), STATUS_OK);
    assert_int_equal(n, 0);
    FieldErrors e = { 0 };
    int64_t id;
    assert_int_equal(vacancy_respond(as(f, &f->volunteer), v, "Te laat?", &e, &id), ERR_CONFLICT);
}

static void test_privacy(void **state)
{
    Fixture *f = *state;
    const char *themes[] = { "groen" }, *areas[] = { "voorburg-noord" };
    VolunteerInput in = { .skills = "tuinieren", .themes = themes, .n_themes = 1, .areas = areas, .n_areas = 1,
                          .availability = vol_bit(SAT, MORNING), .visible = 0 };
    FieldErrors e = { 0 };
    assert_int_equal(volunteer_profile_save(as(f, &f->volunteer), &in, &e), STATUS_OK);
    in.visible = 1;
    in.skills = "koken";
    assert_int_equal(volunteer_profile_save(as(f, &f->other), &in, &e), STATUS_OK);
    VolunteerProfile *found;
    size_t n;
    /* no member, no search */
    assert_int_equal(volunteer_search(as(f, &f->outsider), "", &found, &n), ERR_FORBIDDEN);
    assert_int_equal(volunteer_search(as(f, NULL), "", &found, &n), ERR_UNAUTHORIZED);
    assert_int_equal(volunteer_search(as(f, &f->member), "", &found, &n), STATUS_OK);
    assert_int_equal(n, 1);
    assert_int_equal(found[0].user_id, f->other.id); /* the hidden profile is not there */
    assert_int_equal(volunteer_search(as(f, &f->member), "tuinieren", &found, &n), STATUS_OK);
    assert_int_equal(n, 0);
    assert_int_equal(volunteer_search(as(f, &f->official), "Youssef", &found, &n), STATUS_OK);
    assert_int_equal(n, 0);
    /* contact details only through her response, only for the manager */
    int64_t v = vacancy(f, "Bollen", 2, NULL);
    VolResponse *rs;
    assert_int_equal(vacancy_responses(as(f, &f->member), v, &rs, &n), STATUS_OK);
    assert_int_equal(n, 0);
    respond(f, &f->volunteer, v);
    assert_int_equal(vacancy_responses(as(f, &f->outsider), v, &rs, &n), ERR_FORBIDDEN);
    assert_int_equal(vacancy_responses(as(f, &f->volunteer), v, &rs, &n), ERR_FORBIDDEN);
    assert_int_equal(vacancy_responses(as(f, &f->member), v, &rs, &n), STATUS_OK);
    assert_int_equal(n, 1);
    assert_string_equal(rs[0].email, "youssef@example.nl");
}

static void test_matches_on_stored_data(void **state)
{
    Fixture *f = *state;
    int64_t bulbs = vacancy(f, "Bollen", 5, NULL);
    VacancyInput far = { .organisation = "fenomeen-bovenveen", .title = "Avondwacht Stompwijk", .tasks = "Wachten.",
                         .area = "stompwijk-dorp", .hours_per_week = 2, .times = vol_bit(MON, EVENING) };
    FieldErrors e = { 0 };
    int64_t id;
    assert_int_equal(vacancy_create(as(f, &f->member), &far, &e, &id), STATUS_OK);
    VolMatch *m;
    size_t n;
    /* no profile yet: nothing */
    assert_int_equal(volunteer_matches(as(f, &f->volunteer), &m, &n), STATUS_OK);
    assert_int_equal(n, 0);
    const char *themes[] = { "groen" }, *areas[] = { "voorburg-noord" };
    VolunteerInput in = { .skills = "tuinieren", .themes = themes, .n_themes = 1, .areas = areas, .n_areas = 1,
                          .availability = vol_bit(SAT, MORNING) | vol_bit(TUE, AFTERNOON) };
    assert_int_equal(volunteer_profile_save(as(f, &f->volunteer), &in, &e), STATUS_OK);
    assert_int_equal(volunteer_matches(as(f, &f->volunteer), &m, &n), STATUS_OK);
    assert_int_equal(n, 1); /* Stompwijk on Monday evening is not for her */
    assert_int_equal(m[0].v.id, bulbs);
    assert_true(has_reason(&m[0], "in uw wijk"));
    assert_true(has_reason(&m[0], "thema Groen en natuur"));
    assert_true(has_reason(&m[0], "vaardigheid: tuinieren"));
    assert_true(has_reason(&m[0], "eenmalig"));
    VolunteerProfile p;
    assert_int_equal(volunteer_profile_get(as(f, &f->volunteer), &p), STATUS_OK);
    assert_true(p.exists);
    assert_int_equal(p.n_themes, 1);
    assert_string_equal(p.areas[0], "voorburg-noord");
    assert_false(p.visible);
}

static void test_invitations(void **state)
{
    Fixture *f = *state;
    const char *areas[] = { "voorburg-noord" };
    VolunteerInput in = { .skills = "tuinieren", .areas = areas, .n_areas = 1, .availability = vol_bit(SAT, MORNING),
                          .visible = 1 };
    FieldErrors e = { 0 };
    assert_int_equal(volunteer_profile_save(as(f, &f->volunteer), &in, &e), STATUS_OK);
    in.visible = 0;
    assert_int_equal(volunteer_profile_save(as(f, &f->other), &in, &e), STATUS_OK);
    int64_t v = vacancy(f, "Bollen", 2, NULL), inv = 0, hidden;
    /* who fits: the visible one with the organisation's reasons; not the hidden one; managers only */
    VolFit *fit;
    size_t nf;
    assert_int_equal(vacancy_fitting_volunteers(as(f, &f->outsider), v, &fit, &nf), ERR_FORBIDDEN);
    assert_int_equal(vacancy_fitting_volunteers(as(f, &f->member), v, &fit, &nf), STATUS_OK);
    assert_int_equal(nf, 1);
    assert_int_equal(fit[0].p.user_id, f->volunteer.id);
    assert_string_equal(fit[0].reasons[0], "heeft tijd op zaterdagochtend");
    int kan = 0;
    for (size_t i = 0; i < fit[0].n_reasons; i++)
        kan |= strcmp(fit[0].reasons[i], "kan: tuinieren") == 0;
    assert_true(kan);
    /* only the manager invites; a hidden profile and no profile read the same */
    assert_int_equal(vacancy_invite(as(f, &f->outsider), v, f->volunteer.id, NULL, &e, &inv), ERR_FORBIDDEN);
    assert_int_equal(vacancy_invite(as(f, &f->member), v, f->other.id, NULL, &e, &hidden), ERR_INVALID);
    const char *why = errors_get(&e, "volunteer_id");
    e = (FieldErrors){ 0 };
    assert_int_equal(vacancy_invite(as(f, &f->member), v, f->outsider.id, NULL, &e, &hidden), ERR_INVALID);
    assert_string_equal(errors_get(&e, "volunteer_id"), why);
    e = (FieldErrors){ 0 };
    assert_int_equal(vacancy_invite(as(f, &f->member), v, f->volunteer.id, "Komt u ook?", &e, &inv), STATUS_OK);
    assert_int_equal(vacancy_invite(as(f, &f->member), v, f->volunteer.id, NULL, &e, &hidden), ERR_CONFLICT);
    /* no contact details before she accepts */
    VolResponse *rs;
    size_t n;
    assert_int_equal(vacancy_responses(as(f, &f->member), v, &rs, &n), STATUS_OK);
    assert_int_equal(n, 0);
    Invitation *mine;
    assert_int_equal(volunteer_my_invitations(as(f, &f->volunteer), &mine, &n), STATUS_OK);
    assert_int_equal(n, 1);
    assert_string_equal(mine[0].message, "Komt u ook?");
    int64_t rid = 0;
    assert_int_equal(invitation_answer(as(f, &f->other), inv, 1, &rid), ERR_NOT_FOUND);
    assert_int_equal(invitation_answer(as(f, &f->volunteer), inv, 1, &rid), STATUS_OK);
    assert_true(rid > 0);
    assert_int_equal(invitation_answer(as(f, &f->volunteer), inv, 0, &rid), ERR_CONFLICT);
    assert_int_equal(vacancy_responses(as(f, &f->member), v, &rs, &n), STATUS_OK);
    assert_int_equal(n, 1);
    assert_string_equal(rs[0].email, "youssef@example.nl");
    assert_int_equal(response_decide(as(f, &f->member), rs[0].id, 1), STATUS_OK);
    /* she responded (by accepting): no longer in the list of who fits */
    assert_int_equal(vacancy_fitting_volunteers(as(f, &f->member), v, &fit, &nf), STATUS_OK);
    assert_int_equal(nf, 0);
}

static void test_tenants_are_separate(void **state)
{
    Fixture *f = *state;
    int64_t v = vacancy(f, "Bollen", 2, NULL);
    int64_t r = respond(f, &f->volunteer, v);
    assert_int_equal(store_tenant_upsert(f->db, "wassenaar", "Wassenaar", "w.example"), DB_OK);
    Tenant w;
    assert_int_equal(store_tenant_by_code(f->db, f->ctx.arena, "wassenaar", &w), DB_OK);
    Ctx other = f->ctx;
    other.tenant = &w;
    other.user = &f->admin;
    Vacancy vac;
    assert_int_equal(vacancy_get(&other, v, &vac), ERR_NOT_FOUND);
    Vacancy *list;
    size_t n;
    assert_int_equal(vacancy_list(&other, &(VacancyFilter){ 0 }, &list, &n), STATUS_OK);
    assert_int_equal(n, 0);
    assert_int_equal(response_decide(&other, r, 1), ERR_NOT_FOUND);
    VolResponse *rs;
    assert_int_equal(vacancy_responses(&other, v, &rs, &n), ERR_NOT_FOUND);
    FieldErrors e = { 0 };
    int64_t id;
    assert_int_equal(vacancy_respond(&other, v, "Hallo", &e, &id), ERR_NOT_FOUND);
}

#define DB_TESTS \
    cmocka_unit_test_setup_teardown(test_only_members_post, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_state_machines, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_closes_by_date, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_privacy, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_matches_on_stored_data, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_invitations, setup, teardown), \
    cmocka_unit_test_setup_teardown(test_tenants_are_separate, setup, teardown)

int main(void)
{
    const struct CMUnitTest rules[] = {
        cmocka_unit_test(test_overlap),
        cmocka_unit_test(test_ranking),
    };
    const struct CMUnitTest tests[] = { DB_TESTS };
    int failed = cmocka_run_group_tests_name("volunteering rules", rules, NULL, NULL);
    use_pg = 0;
    failed += cmocka_run_group_tests_name("volunteering on SQLite", tests, NULL, NULL);
    const char *pg = getenv("WIJZER_TEST_PG");
    if (pg && *pg) {
        use_pg = 1;
        failed += cmocka_run_group_tests_name("volunteering on PostgreSQL", tests, NULL, NULL);
    }
    return failed;
}
