/* The small library: HTML escaping (cgit shipped a broken escaper for
 * three years; ours is tested), forms, URLs, CSV, dates, money. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "lib/csv.h"
#include "lib/dates.h"
#include "lib/form.h"
#include "lib/html.h"
#include "lib/markdown.h"
#include "lib/text.h"

static void test_out_text_escapes(void **state)
{
    (void)state;
    Buf b;
    buf_init(&b);
    out_text(&b, "<script>alert('x') & \"y\"</script>");
    assert_string_equal(buf_cstr(&b), "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    buf_reset(&b);
    out_text(&b, NULL);
    out_text(&b, "");
    out_text(&b, "gewoon tekst, geen tekens");
    assert_string_equal(buf_cstr(&b), "gewoon tekst, geen tekens");
    buf_free(&b);
}

static void test_out_marked(void **state)
{
    (void)state;
    Buf b;
    buf_init(&b);
    out_marked(&b, "Een \x01moestuin\x02 <b>&</b> \x01tuin\x02");
    assert_string_equal(buf_cstr(&b), "Een <mark>moestuin</mark> &lt;b&gt;&amp;&lt;/b&gt; <mark>tuin</mark>");
    buf_reset(&b);
    /* Stray or unbalanced markers never leave an open or doubled tag. */
    out_marked(&b, "a\x02" "b\x01\x01" "c");
    assert_string_equal(buf_cstr(&b), "ab<mark>c</mark>");
    buf_reset(&b);
    out_marked(&b, NULL);
    out_marked(&b, "");
    assert_int_equal(b.len, 0);
    buf_free(&b);
}

static void test_outf_escapes_strings_not_format(void **state)
{
    (void)state;
    Buf b;
    buf_init(&b);
    OUTF(&b, "<a href=\"/x/%lld\">%s</a> %d%% %zu", 42LL, "<b>", -3, (size_t)7);
    assert_string_equal(buf_cstr(&b), "<a href=\"/x/42\">&lt;b&gt;</a> -3% 7");
    buf_free(&b);
}

static void test_out_url_refuses_scripts(void **state)
{
    (void)state;
    Buf b;
    buf_init(&b);
    out_url(&b, "javascript:alert(1)");
    assert_string_equal(buf_cstr(&b), "#");
    buf_reset(&b);
    out_url(&b, "//evil.example/");
    assert_string_equal(buf_cstr(&b), "#");
    buf_reset(&b);
    out_url(&b, "https://example.nl/?a=1&b=\"2\"");
    assert_string_equal(buf_cstr(&b), "https://example.nl/?a=1&amp;b=&quot;2&quot;");
    buf_reset(&b);
    out_url(&b, "/initiatieven?page=2");
    assert_string_equal(buf_cstr(&b), "/initiatieven?page=2");
    buf_free(&b);
}

static void test_markdown_is_safe(void **state)
{
    (void)state;
    Arena *a = arena_new();
    Html h = markdown_render(a, "**vet** <script>alert(1)</script>\n\n[klik](javascript:alert(1)) "
                                "<img src=x onerror=alert(1)>");
    assert_non_null(strstr(h.s, "<strong>vet</strong>"));
    assert_null(strstr(h.s, "<script"));
    assert_null(strstr(h.s, "javascript:"));
    assert_null(strstr(h.s, "onerror"));
    arena_free(a);
}

static void test_form_parse(void **state)
{
    (void)state;
    Arena *a = arena_new();
    const char body[] = "title=Buurt+moestuin&themes=groen&themes=ontmoeting&x=%3Cb%3E&bad=%zz&empty=&=skip&pct=%4";
    Form *f = form_parse(a, body, strlen(body));
    assert_string_equal(form_get(f, "title"), "Buurt moestuin");
    const char *themes[4];
    assert_int_equal(form_get_all(f, "themes", themes, 4), 2);
    assert_string_equal(themes[1], "ontmoeting");
    assert_string_equal(form_get(f, "x"), "<b>");
    assert_string_equal(form_get(f, "bad"), "%zz");
    assert_string_equal(form_get(f, "empty"), "");
    assert_string_equal(form_get(f, "pct"), "%4");
    assert_null(form_get(f, "missing"));
    /* A NUL byte cannot cut a value short. */
    Form *g = form_parse(a, "a=x%00y", 7);
    assert_string_equal(form_get(g, "a"), "x y");
    arena_free(a);
}

static void test_form_limits_fields(void **state)
{
    (void)state;
    Arena *a = arena_new();
    Buf b;
    buf_init(&b);
    for (int i = 0; i < FORM_MAX_FIELDS + 50; i++)
        buf_printf(&b, "f%d=%d&", i, i);
    Form *f = form_parse(a, b.data, b.len);
    assert_int_equal(f->count, FORM_MAX_FIELDS);
    assert_true(f->truncated);
    buf_free(&b);
    arena_free(a);
}

static void test_csv_round_trip(void **state)
{
    (void)state;
    Arena *a = arena_new();
    CsvRow *rows;
    size_t n = csv_parse(a, "code,name\r\nx,\"a, \"\"b\"\"\"\n\ny,z\n", &rows);
    assert_int_equal(n, 3);
    assert_string_equal(csv_cell(&rows[1], 1), "a, \"b\"");
    assert_int_equal(csv_column(&rows[0], "name"), 1);
    assert_string_equal(csv_cell(&rows[2], 5), "");
    Buf b;
    buf_init(&b);
    csv_write_cell(&b, "=SUM(A1)", 1);
    csv_write_cell(&b, "a,b", 0);
    csv_write_cell(&b, "plain", 0);
    csv_write_cell(&b, "\t=1", 0);
    assert_string_equal(buf_cstr(&b), "\"'=SUM(A1)\",\"a,b\",plain,\"'\t=1\"");
    buf_free(&b);
    arena_free(a);
}

static void test_working_days(void **state)
{
    (void)state;
    /* Friday 2026-11-20 + 10 working days = Friday 2026-12-04. */
    assert_int_equal(date_add_working_days(date_from_ymd(2026, 11, 20), 10), date_from_ymd(2026, 12, 4));
    /* Over Christmas: Wed 2026-12-23 + 3 = Tue 2026-12-29 (25, 26, 27 off). */
    assert_int_equal(date_add_working_days(date_from_ymd(2026, 12, 23), 3), date_from_ymd(2026, 12, 29));
    /* Easter Monday 2026 is 6 April; Koningsdag 27 April. */
    assert_true(date_is_holiday(date_from_ymd(2026, 4, 6)));
    assert_true(date_is_holiday(date_from_ymd(2026, 4, 27)));
    assert_false(date_is_holiday(date_from_ymd(2026, 4, 28)));
    int64_t d;
    assert_true(date_parse_iso("2026-02-28", &d));
    assert_false(date_parse_iso("2026-02-30", &d));
    Arena *a = arena_new();
    assert_string_equal(date_nl(a, date_from_ymd(2026, 11, 23)), "23 november 2026");
    assert_string_equal(datetime_iso(a, 0), "1970-01-01T00:00:00Z");
    arena_free(a);
}

static void test_money(void **state)
{
    (void)state;
    int64_t c;
    assert_true(parse_euros("250", &c));
    assert_int_equal(c, 25000);
    assert_true(parse_euros("250,5", &c));
    assert_int_equal(c, 25050);
    assert_true(parse_euros("1.250,00", &c));
    assert_int_equal(c, 125000);
    assert_true(parse_euros("€ 12.50", &c));
    assert_int_equal(c, 1250);
    assert_false(parse_euros("twaalf", &c));
    assert_false(parse_euros("", &c));
    Arena *a = arena_new();
    assert_string_equal(format_euros(a, 125050), "€ 1.250,50");
    assert_string_equal(format_euros(a, 5), "€ 0,05");
    assert_string_equal(format_count(a, 0), "0");
    assert_string_equal(format_count(a, 999), "999");
    assert_string_equal(format_count(a, 1000), "1.000");
    assert_string_equal(format_count(a, 100038), "100.038");
    assert_string_equal(format_count(a, -1234567), "-1.234.567");
    assert_string_equal(format_count(a, INT64_MIN), "-9.223.372.036.854.775.808");
    arena_free(a);
}

static void test_utf8(void **state)
{
    (void)state;
    assert_true(utf8_valid("Geëvalueerd café"));
    assert_false(utf8_valid("\xc3"));
    assert_false(utf8_valid("\xed\xa0\x80")); /* surrogate */
    assert_int_equal(utf8_len("café"), 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_out_text_escapes), cmocka_unit_test(test_out_marked),
        cmocka_unit_test(test_outf_escapes_strings_not_format),
        cmocka_unit_test(test_out_url_refuses_scripts), cmocka_unit_test(test_markdown_is_safe),
        cmocka_unit_test(test_form_parse), cmocka_unit_test(test_form_limits_fields),
        cmocka_unit_test(test_csv_round_trip), cmocka_unit_test(test_working_days),
        cmocka_unit_test(test_money), cmocka_unit_test(test_utf8),
    };
    return cmocka_run_group_tests_name("lib", tests, NULL, NULL);
}
