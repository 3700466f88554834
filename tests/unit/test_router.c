/* The router against the application's route table: whatever address
 * was asked for before (the router remembers the last route per thread),
 * every address finds the first route of the table that fits it, as a
 * plain walk through the table does; HEAD finds GET routes; an address
 * that exists for another method is known (405, not 404). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "http/router.h"

/* An address for the pattern: each {param} becomes "7". */
static void address_of(const char *pattern, char *out, size_t cap)
{
    size_t n = 0;
    for (const char *p = pattern; *p && n + 2 < cap;) {
        if (*p == '{') {
            out[n++] = '7';
            while (*p && *p != '}')
                p++;
            if (*p)
                p++;
        } else {
            out[n++] = *p++;
        }
    }
    out[n] = 0;
}

/* The plain walk, written again from the rules: segments equal, or a
 * {param} taking a non-empty segment. */
static int fits(const char *pattern, const char *path)
{
    for (;;) {
        const char *pe = strchr(pattern, '/'), *se = strchr(path, '/');
        size_t pn = pe ? (size_t)(pe - pattern) : strlen(pattern), sn = se ? (size_t)(se - path) : strlen(path);
        if (pn && *pattern == '{') {
            if (sn == 0)
                return 0;
        } else if (pn != sn || memcmp(pattern, path, pn) != 0) {
            return 0;
        }
        if (!pe || !se)
            return !pe && !se;
        pattern = pe + 1;
        path = se + 1;
    }
}

static const Route *walk(const char *method, const char *path, int *known)
{
    *known = 0;
    for (size_t i = 0; i < app_routes_count; i++) {
        if (!fits(app_routes[i].pattern, path))
            continue;
        if (strcmp(app_routes[i].method, method) == 0
            || (strcmp(method, "HEAD") == 0 && strcmp(app_routes[i].method, "GET") == 0))
            return &app_routes[i];
        *known = 1;
    }
    return NULL;
}

static const Route *ask(Arena *a, const char *method, const char *path, int *known)
{
    Request r = { .arena = a, .method = method, .path = path };
    return router_match(app_routes, app_routes_count, &r, known);
}

static void test_same_as_the_walk_after_any_route(void **state)
{
    (void)state;
    Arena *a = arena_new();
    const char *methods[] = { "GET", "POST", "HEAD", "DELETE" };
    for (size_t i = 0; i < app_routes_count; i++) {
        for (size_t k = 0; k < app_routes_count; k++) {
            char before[256], path[256];
            address_of(app_routes[i].pattern, before, sizeof before);
            address_of(app_routes[k].pattern, path, sizeof path);
            int known;
            ask(a, app_routes[i].method, before, &known); /* what the thread remembers */
            for (size_t m = 0; m < 4; m++) {
                int want_known, got_known;
                const Route *want = walk(methods[m], path, &want_known);
                const Route *got = ask(a, methods[m], path, &got_known);
                if (got != want)
                    fail_msg("%s %s after %s: route %s, the walk finds %s", methods[m], path, before,
                             got ? got->pattern : "none", want ? want->pattern : "none");
                if (!got)
                    assert_int_equal(got_known, want_known);
            }
        }
    }
    arena_free(a);
}

static void test_params_head_and_other_methods(void **state)
{
    (void)state;
    Arena *a = arena_new();
    int known;
    Request r = { .arena = a, .method = "GET", .path = "/api/v1/initiatives/42" };
    const Route *rt = router_match(app_routes, app_routes_count, &r, &known);
    assert_non_null(rt);
    assert_string_equal(rt->pattern, "/api/v1/initiatives/{id}");
    assert_string_equal(r.params[0], "42");
    /* Again, now from what the thread remembers: the new id. */
    Request r2 = { .arena = a, .method = "GET", .path = "/api/v1/initiatives/43" };
    assert_ptr_equal(router_match(app_routes, app_routes_count, &r2, &known), rt);
    assert_string_equal(r2.params[0], "43");
    /* An empty segment is no id. */
    assert_null(ask(a, "GET", "/api/v1/initiatives/", &known));
    assert_ptr_equal(ask(a, "HEAD", "/api/v1/initiatives/9", &known), rt);
    assert_null(ask(a, "PUT", "/api/v1/initiatives/9", &known));
    assert_true(known);
    assert_null(ask(a, "GET", "/bestaat/niet", &known));
    assert_false(known);
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_as_the_walk_after_any_route),
        cmocka_unit_test(test_params_head_and_other_methods),
    };
    return cmocka_run_group_tests_name("router", tests, NULL, NULL);
}
