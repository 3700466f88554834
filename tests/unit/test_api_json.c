/* The API's JSON reading and writing without a server: wrong types are
 * named, nulls and huge numbers are safe, duplicates count once, and
 * what is written never leaks a hidden initiator's name or raw markup. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/json.h"

static Request *request_new(void)
{
    Request *r = test_calloc(1, sizeof *r);
    r->arena = arena_new();
    r->ctx.arena = r->arena;
    return r;
}

static void request_free(Request *r)
{
    arena_free(r->arena);
    test_free(r);
}

/* Reads body (JSON text) as an initiative; returns the errors. */
static FieldErrors read_initiative(Request *r, const char *text, InitiativeInput *in)
{
    FieldErrors e = { 0 };
    json_error_t err;
    json_t *body = json_loads(text, 0, &err);
    assert_non_null(body);
    api_read_initiative(r, body, in, &e);
    json_decref(body);
    return e;
}

static void test_read_initiative_copies_values(void **state)
{
    (void)state;
    Request *r = request_new();
    InitiativeInput in;
    FieldErrors e = read_initiative(r,
                                    "{\"title\":\"Bankjes\",\"summary\":\"Meer bankjes in het park\",\"area\":\"het-loo\","
                                    "\"themes\":[\"groen\",\"groen\",\"spelen\"],\"sdgs\":[3,3,11],"
                                    "\"links\":[{\"url\":\"https://x.nl\"}],\"show_name\":false,\"onbekend\":1,"
                                    "\"help_requests\":[{\"kind\":\"geld\",\"description\":\"Hout\",\"amount_cents\":2500},"
                                    "{\"kind\":\"ruimte\",\"description\":\"Opslag\",\"amount_cents\":null}]}",
                                    &in);
    assert_int_equal(e.n, 0);
    assert_string_equal(in.title, "Bankjes");
    assert_true(in.present.title && in.present.area && in.present.show_name && !in.present.description);
    assert_int_equal(in.show_name, 0);
    assert_int_equal(in.n_themes, 2); /* the repeated code counts once */
    assert_int_equal(in.n_sdgs, 2);
    assert_string_equal(in.sdgs[1], "11");
    assert_int_equal(in.n_links, 1);
    assert_null(in.links[0].kind);
    assert_int_equal(in.n_help, 2);
    assert_int_equal(in.help[0].amount_cents, 2500);
    assert_null(in.help[0].amount);
    assert_int_equal(in.help[1].amount_cents, -1);
    request_free(r);
}

static void test_read_initiative_names_wrong_types(void **state)
{
    (void)state;
    Request *r = request_new();
    InitiativeInput in;
    FieldErrors e = read_initiative(r,
                                    "{\"title\":5,\"summary\":[],\"area\":{},\"themes\":\"groen\",\"sdgs\":[\"3\"],"
                                    "\"links\":[{\"url\":1}],\"show_name\":null,"
                                    "\"help_requests\":[7,{\"kind\":true,\"amount_cents\":1.5},{\"amount_cents\":-1}]}",
                                    &in);
    static const char *const fields[] = { "title", "summary", "area", "themes", "sdgs", "links", "show_name",
                                          "help_requests[0]", "help_requests[1].kind",
                                          "help_requests[1].amount_cents", "help_requests[2].amount_cents" };
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        assert_non_null(errors_get(&e, fields[i]));
    assert_int_equal(e.n, sizeof fields / sizeof *fields);
    request_free(r);
}

static void test_read_initiative_nulls_and_limits(void **state)
{
    (void)state;
    Request *r = request_new();
    InitiativeInput in;
    FieldErrors e = read_initiative(r, "{\"title\":null,\"description\":null,\"themes\":null,\"links\":[]}", &in);
    assert_int_equal(e.n, 0);
    assert_true(in.present.title && in.present.themes && in.present.links && !in.present.sdgs);
    assert_null(in.title);
    assert_int_equal(in.n_themes, 0);
    assert_int_equal(in.show_name, 1); /* the default when not sent */
    /* Far more than allowed: one more than the maximum is kept so the
     * domain can say so, and nothing overflows. */
    e = read_initiative(r,
                        "{\"themes\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\"],"
                        "\"sdgs\":[1,2,3,4,5,6,7,8,9,10,-9223372036854775808,9223372036854775807],"
                        "\"help_requests\":[{},{},{},{},{},{},{},{},{},{},{},{},{},{}]}",
                        &in);
    assert_int_equal(e.n, 0);
    assert_int_equal(in.n_themes, THEMES_MAX + 1);
    assert_int_equal(in.n_sdgs, SDGS_MAX + 1);
    assert_int_equal(in.n_help, HELP_MAX + 1);
    request_free(r);
}

static void test_read_help_without_prefix(void **state)
{
    (void)state;
    Request *r = request_new();
    json_t *body = json_loads("{\"kind\":\"geld\",\"description\":3,\"amount_cents\":0}", 0, NULL);
    HelpInput h;
    FieldErrors e = { 0 };
    api_read_help(r, body, "", &h, &e);
    json_decref(body);
    assert_non_null(errors_get(&e, "description"));
    assert_non_null(errors_get(&e, "amount_cents"));
    assert_string_equal(h.kind, "geld");
    request_free(r);
}

static void test_help_object_amount(void **state)
{
    (void)state;
    HelpRequest h = { .id = 4, .kind = "geld", .kind_name = "Geld", .description = "Hout", .amount_cents = -1 };
    json_t *o = api_help_object(&h);
    assert_true(json_is_null(json_object_get(o, "amount_cents")));
    assert_string_equal(json_string_value(json_object_get(o, "state")), "open");
    json_decref(o);
}

static void test_item_hides_name_and_escapes_snippet(void **state)
{
    (void)state;
    Request *r = request_new();
    Initiative in = { .id = 7, .title = "Tuin", .area_code = "het-loo", .area_name = "Het Loo",
                      .state = ST_INGEDIEND, .initiator_name = "Anna", .initiator_email = "anna@example.nl",
                      .show_name = 0, .created_at = 86400, .snippet = "<b>\x01moestuin\x02</b>" };
    json_t *o = api_initiative_item(r, &in);
    assert_true(json_is_null(json_object_get(o, "initiator")));
    assert_true(json_is_null(json_object_get(o, "submitted_at")));
    assert_string_equal(json_string_value(json_object_get(o, "created_at")), "1970-01-02T00:00:00Z");
    assert_string_equal(json_string_value(json_object_get(o, "snippet")), "&lt;b&gt;<mark>moestuin</mark>&lt;/b&gt;");
    assert_string_equal(json_string_value(json_object_get(o, "url")), "/initiatieven/7");
    char *text = json_dumps(o, 0);
    assert_null(strstr(text, "anna@"));
    assert_null(strstr(text, "Anna"));
    free(text);
    json_decref(o);
    request_free(r);
}

static void test_timeline_actor(void **state)
{
    (void)state;
    Request *r = request_new();
    Initiative in = { .id = 7, .initiator_name = "Anna", .show_name = 0 };
    TimelineEvent first = { .at = 1, .from = ST_NONE, .to = ST_INGEDIEND, .by_name = "Anna", .by_role = ROLE_RESIDENT,
                            .note = "" };
    TimelineEvent intake = { .at = 2, .from = ST_INGEDIEND, .to = ST_INTAKE, .by_name = "Sanne",
                             .by_role = ROLE_OFFICIAL, .note = "Gesprek" };
    json_t *o = api_timeline_event(r, &in, &first);
    assert_true(json_is_null(json_object_get(o, "from")));
    assert_true(json_is_null(json_object_get(o, "note")));
    assert_string_equal(json_string_value(json_object_get(o, "by")), "Initiatiefnemer");
    json_decref(o);
    o = api_timeline_event(r, &in, &intake);
    assert_string_equal(json_string_value(json_object_get(o, "by")), "Sanne");
    assert_string_equal(json_string_value(json_object_get(o, "from")), "ingediend");
    json_decref(o);
    in.show_name = 1;
    o = api_timeline_event(r, &in, &first);
    assert_string_equal(json_string_value(json_object_get(o, "by")), "Anna");
    json_decref(o);
    request_free(r);
}

/* json_write: valid JSON that reads back as the same value, escaping only
 * what must be escaped, UTF-8 as it is. */
static void test_json_write_round_trip(void **state)
{
    (void)state;
    json_t *v = json_pack("{s:s, s:s, s:I, s:I, s:f, s:f, s:b, s:n, s:[i, {s:s}, []], s:{}}",
                          "quote", "\"hallo\" \\ / </script>", "ctl", "a\nb\tc\r\x01\x1f\x7f einde",
                          "big", (json_int_t)INT64_MAX, "neg", (json_int_t)-42, "third", 1.0 / 3, "two", 2.0,
                          "yes", 1, "nothing", "list", 1, "k", "Café ëën – 😀\xe2\x80\xa8", "empty");
    assert_non_null(v);
    Buf b;
    buf_init(&b);
    json_write(&b, v);
    const char *text = buf_cstr(&b);
    json_error_t err;
    json_t *back = json_loads(text, JSON_REJECT_DUPLICATES, &err);
    assert_non_null(back);
    assert_true(json_equal(v, back));
    assert_non_null(strstr(text, "\"quote\":\"\\\"hallo\\\" \\\\ / </script>\""));
    assert_non_null(strstr(text, "a\\nb\\tc\\r\\u0001\\u001f\\u007f einde"));
    assert_non_null(strstr(text, "Café ëën – 😀\\u2028")); /* UTF-8 as is; U+2028 escaped */
    assert_non_null(strstr(text, "\"big\":9223372036854775807,"));
    assert_non_null(strstr(text, "\"two\":2.0,"));
    assert_non_null(strstr(text, "\"list\":[1,{\"k\":"));
    assert_non_null(strstr(text, "[]],\"empty\":{}}"));
    assert_int_equal(text[0], '{');
    json_decref(back);
    json_decref(v);
    buf_free(&b);
}

/* The writer without a tree gives the text json_write gives for the same
 * values: escapes at every position of the 8-byte scan, UTF-8 as is,
 * text that is not UTF-8 as null (as api_str). */
static void test_jout_same_as_json_write(void **state)
{
    (void)state;
    static const char *const texts[] = { "", "a", "abcdefg", "abcdefgh", "abcdefghi", "0123456789abcdef\"",
                                         "\"0123456789abcdef", "tab\there and \\ there\x01\x7f",
                                         "Café ëën – 😀\xe2\x80\xa8 en \xe2\x80\xa9.", "</script>\n\r" };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        for (size_t pad = 0; pad < 18; pad++) {
            char s[128];
            snprintf(s, sizeof s, "%.*s%s", (int)pad, "xxxxxxxxxxxxxxxxx", texts[i]);
            json_t *tree = json_pack("{s:s, s:I, s:[b, n, {s:I}]}", "s", s, "n", (json_int_t)INT64_MIN, "a", 1,
                                     "k", (json_int_t)-7);
            Buf want, got;
            buf_init(&want);
            buf_init(&got);
            json_write(&want, tree);
            JsonOut o;
            jout_init(&o, &got);
            jout_object(&o, NULL);
            jout_str(&o, "s", s);
            jout_int(&o, "n", INT64_MIN);
            jout_array(&o, "a");
            jout_bool(&o, NULL, 1);
            jout_null(&o, NULL);
            jout_object(&o, NULL);
            jout_int(&o, "k", -7);
            jout_end_object(&o);
            jout_end_array(&o);
            jout_end_object(&o);
            assert_string_equal(buf_cstr(&got), buf_cstr(&want));
            buf_free(&want);
            buf_free(&got);
            json_decref(tree);
        }
    }
    static const char *const bad[] = { "a\xff", "\xc0\xaf", "\xed\xa0\x80 surrogate", "\xf4\x90\x80\x80",
                                       "cut \xe2\x80", "long enough text, then \x80" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        Buf b;
        buf_init(&b);
        JsonOut o;
        jout_init(&o, &b);
        jout_array(&o, NULL);
        jout_str(&o, NULL, "ok");
        jout_str(&o, NULL, bad[i]);
        jout_str(&o, NULL, NULL);
        jout_end_array(&o);
        assert_string_equal(buf_cstr(&b), "[\"ok\",null,null]");
        assert_true(json_is_null(api_str(bad[i])));
        buf_free(&b);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_read_initiative_copies_values),
        cmocka_unit_test(test_read_initiative_names_wrong_types),
        cmocka_unit_test(test_read_initiative_nulls_and_limits),
        cmocka_unit_test(test_read_help_without_prefix),
        cmocka_unit_test(test_help_object_amount),
        cmocka_unit_test(test_item_hides_name_and_escapes_snippet),
        cmocka_unit_test(test_timeline_actor),
        cmocka_unit_test(test_json_write_round_trip),
        cmocka_unit_test(test_jout_same_as_json_write),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
