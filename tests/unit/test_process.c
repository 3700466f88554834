/* The written state machine and the deadlines that come with it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "domain/process.h"
#include "lib/dates.h"

static void test_codes_round_trip(void **state)
{
    (void)state;
    for (int s = 0; s < ST_COUNT_; s++)
        assert_int_equal(state_parse(state_code((ProcState)s)), s);
    assert_int_equal(state_parse("onzin"), ST_NONE);
    assert_int_equal(state_parse(NULL), ST_NONE);
    assert_string_equal(state_code(ST_IN_BEHANDELING), "in_behandeling");
    assert_string_equal(state_label(ST_GEEVALUEERD), "Geëvalueerd");
}

static void test_allowed_moves(void **state)
{
    (void)state;
    assert_true(process_allowed(ST_IDEE, ST_INGEDIEND));
    assert_true(process_allowed(ST_INGEDIEND, ST_INTAKE));
    assert_true(process_allowed(ST_IN_BEHANDELING, ST_TOEGEKEND));
    assert_true(process_allowed(ST_AFGEROND, ST_GEEVALUEERD));
    assert_false(process_allowed(ST_INGEDIEND, ST_TOEGEKEND)); /* no skipping intake */
    assert_false(process_allowed(ST_INTAKE, ST_AFGEROND));
    assert_false(process_allowed(ST_GESTOPT, ST_INGEDIEND));   /* final */
    assert_false(process_allowed(ST_INGEDIEND, ST_INGEDIEND));
    /* Every final state has no way out. */
    const ProcState finals[] = { ST_AFGEWEZEN, ST_DOORVERWEZEN, ST_GEEVALUEERD, ST_GESTOPT };
    for (size_t i = 0; i < 4; i++)
        for (int to = 0; to < ST_COUNT_; to++)
            assert_false(process_allowed(finals[i], (ProcState)to));
}

static void test_who_may_move(void **state)
{
    (void)state;
    /* Staff make every allowed move. */
    assert_true(process_may(ROLE_OFFICIAL, 0, ST_INGEDIEND, ST_INTAKE));
    assert_true(process_may(ROLE_ADMIN, 0, ST_IN_BEHANDELING, ST_AFGEWEZEN));
    /* The initiator submits, withdraws and reports progress, but does not
     * decide. */
    assert_true(process_may(ROLE_RESIDENT, 1, ST_IDEE, ST_INGEDIEND));
    assert_true(process_may(ROLE_RESIDENT, 1, ST_IN_BEHANDELING, ST_GESTOPT));
    assert_true(process_may(ROLE_RESIDENT, 1, ST_TOEGEKEND, ST_IN_UITVOERING));
    assert_false(process_may(ROLE_RESIDENT, 1, ST_INGEDIEND, ST_INTAKE));
    assert_false(process_may(ROLE_RESIDENT, 1, ST_IN_BEHANDELING, ST_TOEGEKEND));
    /* Someone else's initiative: nothing. */
    assert_false(process_may(ROLE_RESIDENT, 0, ST_IDEE, ST_INGEDIEND));
    assert_false(process_may(ROLE_COMMITTEE, 0, ST_INGEDIEND, ST_INTAKE));
    /* Not a move at all, even for staff. */
    assert_false(process_may(ROLE_ADMIN, 0, ST_INGEDIEND, ST_AFGEROND));

    ProcState next[ST_COUNT_];
    assert_int_equal(process_next(ROLE_RESIDENT, 1, ST_INGEDIEND, next), 1);
    assert_int_equal(next[0], ST_GESTOPT);
    assert_int_equal(process_next(ROLE_OFFICIAL, 0, ST_IN_BEHANDELING, next), 4);
    assert_int_equal(process_next(ROLE_OFFICIAL, 0, ST_GESTOPT, next), 0);
}

static void test_deadlines(void **state)
{
    (void)state;
    DeadlineRules rules = { 10, 8 };
    int64_t fri = date_from_ymd(2026, 11, 20) * 86400 + 10 * 3600;
    /* Submitted Friday: intake due ten working days later, Friday 4 December. */
    Deadline d = process_deadline(&rules, ST_INGEDIEND, fri, fri, fri);
    assert_true(d.active);
    assert_string_equal(d.what, "intake");
    assert_int_equal(d.due_day, date_from_ymd(2026, 12, 4));
    assert_int_equal(d.days_left, 14);
    /* Three weeks later it is overdue. */
    d = process_deadline(&rules, ST_INGEDIEND, fri, fri, fri + 21 * 86400);
    assert_true(d.days_left < 0);
    /* The decision term runs eight weeks from submission, also in intake. */
    d = process_deadline(&rules, ST_INTAKE, fri + 5 * 86400, fri, fri + 86400 * 6);
    assert_string_equal(d.what, "besluit");
    assert_int_equal(d.due_day, date_day(fri) + 56);
    /* Configurable. */
    DeadlineRules fast = { 5, 4 };
    d = process_deadline(&fast, ST_IN_BEHANDELING, fri, fri, fri);
    assert_int_equal(d.due_day, date_day(fri) + 28);
    /* States that do not wait on the municipality have none. */
    assert_false(process_deadline(&rules, ST_IN_UITVOERING, fri, fri, fri).active);
    assert_false(process_deadline(&rules, ST_IDEE, fri, 0, fri).active);
    /* process_has_deadline says the same without the rules. */
    for (int s = 0; s < ST_COUNT_; s++)
        assert_int_equal(process_has_deadline((ProcState)s), process_deadline(&rules, (ProcState)s, fri, fri, fri).active);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_codes_round_trip),
        cmocka_unit_test(test_allowed_moves),
        cmocka_unit_test(test_who_may_move),
        cmocka_unit_test(test_deadlines),
    };
    return cmocka_run_group_tests_name("process", tests, NULL, NULL);
}
