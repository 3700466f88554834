/* The multipart/form-data parser: what browsers send, what they never
 * send (refused whole), and every limit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/multipart.h"

#define CRLF "\r\n"
#define B "----WebKitFormBoundary7MA4YWxkTrZu0gW"

typedef struct Parsed {
    Arena *a;
    Form *form;
    Uploads files;
    MultipartResult rc;
} Parsed;

static Parsed parse_n(const char *body, size_t len, const char *boundary, const MultipartLimits *lim)
{
    Parsed p = { .a = arena_new() };
    p.form = form_new(p.a);
    p.rc = multipart_parse(p.a, body, len, boundary, lim ? lim : &multipart_limits, p.form, &p.files);
    return p;
}

static Parsed parse(const char *body)
{
    return parse_n(body, strlen(body), B, NULL);
}

static void test_boundary_from_content_type(void **state)
{
    (void)state;
    Arena *a = arena_new();
    assert_string_equal(multipart_boundary(a, "multipart/form-data; boundary=" B), B);
    assert_string_equal(multipart_boundary(a, "Multipart/Form-Data;boundary=abc"), "abc");
    assert_string_equal(multipart_boundary(a, "multipart/form-data; charset=utf-8; BOUNDARY=\"a b:c\""), "a b:c");
    assert_null(multipart_boundary(a, NULL));
    assert_null(multipart_boundary(a, "application/x-www-form-urlencoded"));
    assert_null(multipart_boundary(a, "multipart/form-dataX; boundary=abc"));
    assert_null(multipart_boundary(a, "multipart/mixed; boundary=abc"));
    assert_null(multipart_boundary(a, "multipart/form-data"));
    assert_null(multipart_boundary(a, "multipart/form-data; boundary="));
    assert_null(multipart_boundary(a, "multipart/form-data; boundary=\"\""));
    assert_null(multipart_boundary(a, "multipart/form-data; boundary=\"abc"));
    assert_null(multipart_boundary(a, "multipart/form-data; boundary=\"ends in space \""));
    assert_null(multipart_boundary(a, "multipart/form-data; boundary=a; boundary=b"));
    assert_null(multipart_boundary(a, "multipart/form-data; boundary=a|b")); /* not a bchar */
    assert_null(multipart_boundary(a, "multipart/form-data; boundary"));
    char longb[128] = "multipart/form-data; boundary=";
    size_t n = strlen(longb);
    memset(longb + n, 'x', 71);
    longb[n + 71] = 0;
    assert_null(multipart_boundary(a, longb));
    longb[n + 70] = 0;
    assert_non_null(multipart_boundary(a, longb));
    assert_true(multipart_is_form_data("multipart/form-data; boundary=x"));
    assert_false(multipart_is_form_data("multipart/form-datax"));
    arena_free(a);
}

static void test_text_and_file_parts(void **state)
{
    (void)state;
    Parsed p = parse("--" B CRLF
                     "Content-Disposition: form-data; name=\"title\"" CRLF CRLF
                     "Moestuin aan de Vliet" CRLF
                     "--" B CRLF
                     "Content-Disposition: form-data; name=\"description\"" CRLF
                     "Content-Type: text/plain; charset=utf-8" CRLF CRLF
                     "Regel een" CRLF "Regel twee" CRLF CRLF
                     "--" B CRLF
                     "content-disposition: FORM-DATA; name=photo; filename=\"C:\\fakepath\\tuin.png\"" CRLF
                     "Content-Type: image/png" CRLF CRLF
                     "\x89PNG\r\n\x1a\n...." CRLF
                     "--" B "--" CRLF "epilogue, ignored");
    assert_int_equal(p.rc, MULTIPART_OK);
    assert_int_equal(p.form->count, 2);
    assert_string_equal(form_get(p.form, "title"), "Moestuin aan de Vliet");
    assert_string_equal(form_get(p.form, "description"), "Regel een\r\nRegel twee\r\n");
    assert_int_equal(p.files.count, 1);
    const Upload *u = &p.files.items[0];
    assert_string_equal(u->field, "photo");
    assert_string_equal(u->filename, "tuin.png");
    assert_string_equal(u->content_type, "image/png");
    assert_int_equal(u->len, 12);
    assert_memory_equal(u->data, "\x89PNG\r\n\x1a\n....", 12);
    assert_true(upload_type_allowed(u));
    arena_free(p.a);
}

static void test_preamble_padding_and_empty_values(void **state)
{
    (void)state;
    Parsed p = parse("this is a preamble" CRLF
                     "--" B " \t" CRLF
                     "Content-Disposition: form-data; name=\"a\"" CRLF CRLF
                     CRLF
                     "--" B CRLF
                     "Content-Disposition: form-data; name=\"leeg\"; filename=\"\"" CRLF
                     "Content-Type: application/octet-stream" CRLF CRLF
                     CRLF
                     "--" B "--");
    assert_int_equal(p.rc, MULTIPART_OK);
    assert_string_equal(form_get(p.form, "a"), "");
    assert_int_equal(p.files.count, 0); /* an empty file input is no file */
    arena_free(p.a);
}

static void test_nul_bytes_become_spaces(void **state)
{
    (void)state;
    static const char body[] = "--" B CRLF "Content-Disposition: form-data; name=\"x\"" CRLF CRLF "a\0b" CRLF
                               "--" B "--" CRLF;
    Parsed p = parse_n(body, sizeof body - 1, B, NULL);
    assert_int_equal(p.rc, MULTIPART_OK);
    assert_string_equal(form_get(p.form, "x"), "a b");
    arena_free(p.a);
}

static void test_malformed_is_refused(void **state)
{
    (void)state;
    static const char *bad[] = {
        "", /* empty */
        "no delimiter at all",
        "--" B CRLF "Content-Disposition: form-data; name=\"x\"" CRLF CRLF "never closed",
        "--" B CRLF "Content-Disposition: form-data; name=\"x\"" CRLF "no blank line",
        "--" B CRLF CRLF "no headers" CRLF "--" B "--",
        "--" B CRLF "Content-Type: text/plain" CRLF CRLF "no disposition" CRLF "--" B "--",
        "--" B CRLF "Content-Disposition: attachment; name=\"x\"" CRLF CRLF "v" CRLF "--" B "--",
        "--" B CRLF "Content-Disposition: form-data" CRLF CRLF "no name" CRLF "--" B "--",
        "--" B CRLF "Content-Disposition: form-data; name=\"\"" CRLF CRLF "empty name" CRLF "--" B "--",
        "--" B CRLF "Content-Disposition: form-data; name=\"x" CRLF CRLF "open quote" CRLF "--" B "--",
        "--" B CRLF "Content-Disposition: form-data; name=\"a\"; name=\"b\"" CRLF CRLF "v" CRLF "--" B "--",
        "--" B CRLF "Content-Disposition: form-data; name=\"x\"" CRLF "Content-Disposition: form-data; name=\"y\"" CRLF
            CRLF "two dispositions" CRLF "--" B "--",
        "--" B CRLF "Content-Disposition: form-data;" CRLF " name=\"x\"" CRLF CRLF "folded" CRLF "--" B "--",
        "--" B CRLF "Content-Disposition: form-data; name=\"x\"\nX: y" CRLF CRLF "bare LF" CRLF "--" B "--",
        "--" B CRLF "Content-Disposition form-data; name=\"x\"" CRLF CRLF "no colon" CRLF "--" B "--",
        "--" B "X" CRLF "Content-Disposition: form-data; name=\"x\"" CRLF CRLF "v" CRLF "--" B "--",
        "--" B CRLF "Content-Disposition: form-data; name=\"x\"" CRLF CRLF "v" CRLF "--" B "junk",
        "--" B CRLF "Content-Disposition: form-data; name=\"x\"" CRLF "Content-Type:" CRLF CRLF "v" CRLF "--" B "--",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        Parsed p = parse(bad[i]);
        if (p.rc != MULTIPART_MALFORMED)
            fail_msg("case %zu: got %d", i, (int)p.rc);
        arena_free(p.a);
    }
    Parsed p = parse_n("--x" CRLF, 5, "", NULL);
    assert_int_equal(p.rc, MULTIPART_MALFORMED);
    arena_free(p.a);
}

/* Every prefix of a good body is refused or read without going past its
 * end (ASan watches the reads: each prefix is its own allocation). */
static void test_every_prefix_stays_in_bounds(void **state)
{
    (void)state;
    static const char good[] = "--" B CRLF "Content-Disposition: form-data; name=\"t\"" CRLF CRLF "tekst" CRLF "--" B
                               CRLF "Content-Disposition: form-data; name=\"f\"; filename=\"a.pdf\"" CRLF
                               "Content-Type: application/pdf" CRLF CRLF "%PDF-1.4" CRLF "--" B "--";
    for (size_t n = 0; n < sizeof good - 1; n++) {
        Arena *a = arena_new();
        char *copy = arena_alloc(a, n ? n : 1);
        memcpy(copy, good, n);
        Parsed p = parse_n(copy, n, B, NULL);
        assert_int_equal(p.rc, MULTIPART_MALFORMED);
        arena_free(p.a);
        arena_free(a);
    }
    Parsed p = parse_n(good, sizeof good - 1, B, NULL);
    assert_int_equal(p.rc, MULTIPART_OK);
    assert_int_equal(p.files.count, 1);
    arena_free(p.a);
}

static char *repeat_parts(Arena *a, size_t n, int files)
{
    Buf b;
    buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        if (files)
            buf_printf(&b, "--" B CRLF "Content-Disposition: form-data; name=\"f%zu\"; filename=\"f.pdf\"" CRLF
                           "Content-Type: application/pdf" CRLF CRLF "%%PDF-1.4" CRLF, i);
        else
            buf_printf(&b, "--" B CRLF "Content-Disposition: form-data; name=\"v%zu\"" CRLF CRLF "x" CRLF, i);
    }
    buf_puts(&b, "--" B "--" CRLF);
    char *s = arena_strdup(a, buf_cstr(&b));
    buf_free(&b);
    return s;
}

static void test_limits(void **state)
{
    (void)state;
    Arena *a = arena_new();
    Parsed p = parse(repeat_parts(a, MULTIPART_MAX_PARTS, 0));
    assert_int_equal(p.rc, MULTIPART_OK);
    assert_int_equal(p.form->count, MULTIPART_MAX_PARTS);
    assert_false(p.form->truncated);
    arena_free(p.a);
    p = parse(repeat_parts(a, MULTIPART_MAX_PARTS + 1, 0));
    assert_int_equal(p.rc, MULTIPART_TOO_MANY_PARTS);
    arena_free(p.a);

    p = parse(repeat_parts(a, MULTIPART_MAX_FILES, 1));
    assert_int_equal(p.rc, MULTIPART_OK);
    assert_int_equal(p.files.count, MULTIPART_MAX_FILES);
    arena_free(p.a);
    p = parse(repeat_parts(a, MULTIPART_MAX_FILES + 1, 1));
    assert_int_equal(p.rc, MULTIPART_TOO_MANY_FILES);
    arena_free(p.a);

    MultipartLimits small = { .parts = 10, .files = 2, .header = 100, .text = 10, .file = 4 };
    const char *text11 = "--" B CRLF "Content-Disposition: form-data; name=\"a\"" CRLF CRLF "123456" CRLF "--" B CRLF
                         "Content-Disposition: form-data; name=\"b\"" CRLF CRLF "12345" CRLF "--" B "--";
    p = parse_n(text11, strlen(text11), B, &small);
    assert_int_equal(p.rc, MULTIPART_TEXT_TOO_LARGE);
    arena_free(p.a);
    const char *file5 = "--" B CRLF "Content-Disposition: form-data; name=\"a\"; filename=\"a\"" CRLF CRLF "12345" CRLF
                        "--" B "--";
    p = parse_n(file5, strlen(file5), B, &small);
    assert_int_equal(p.rc, MULTIPART_FILE_TOO_LARGE);
    arena_free(p.a);

    /* A header block past the limit, whether it ends or not. */
    Buf b;
    buf_init(&b);
    buf_puts(&b, "--" B CRLF "Content-Disposition: form-data; name=\"a\"" CRLF "X-Long: ");
    for (int i = 0; i < 100; i++)
        buf_putc(&b, 'y');
    const char *open = arena_strdup(a, buf_cstr(&b));
    buf_puts(&b, CRLF CRLF "v" CRLF "--" B "--");
    p = parse_n(buf_cstr(&b), b.len, B, &small);
    assert_int_equal(p.rc, MULTIPART_HEADER_TOO_LARGE);
    arena_free(p.a);
    p = parse_n(open, strlen(open), B, &small);
    assert_int_equal(p.rc, MULTIPART_HEADER_TOO_LARGE);
    arena_free(p.a);
    buf_free(&b);
    arena_free(a);
}

static void test_upload_types(void **state)
{
    (void)state;
    Upload u = { .content_type = "image/jpeg", .data = (const unsigned char *)"\xff\xd8\xff\xe0", .len = 4 };
    assert_true(upload_type_allowed(&u));
    u.content_type = "IMAGE/JPEG; x=y";
    assert_true(upload_type_allowed(&u));
    u.content_type = "image/png"; /* says PNG, is a JPEG */
    assert_false(upload_type_allowed(&u));
    u.content_type = "image/gif";
    u.data = (const unsigned char *)"GIF89a";
    u.len = 6;
    assert_false(upload_type_allowed(&u));
    u.content_type = "application/pdf";
    u.data = (const unsigned char *)"%PDF";
    u.len = 4; /* too short for the signature */
    assert_false(upload_type_allowed(&u));
    u.content_type = "text/html";
    u.data = (const unsigned char *)"%PDF-<script>";
    u.len = 13;
    assert_false(upload_type_allowed(&u));
    u.content_type = NULL;
    assert_false(upload_type_allowed(&u));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_boundary_from_content_type),
        cmocka_unit_test(test_text_and_file_parts),
        cmocka_unit_test(test_preamble_padding_and_empty_values),
        cmocka_unit_test(test_nul_bytes_become_spaces),
        cmocka_unit_test(test_malformed_is_refused),
        cmocka_unit_test(test_every_prefix_stays_in_bounds),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_upload_types),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
