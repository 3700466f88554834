/* The router: router_match against the application's route table with
 * any method and path. Input: the method, one space, the path. A match
 * must be a route for that method (or GET for HEAD) whose pattern, with
 * the captured parameters put back, is the path itself. */
#include "fuzz.h"
#include "http/router.h"

/* The pattern with each {param} replaced by the next captured value. */
static int rebuild(const char *pattern, const Request *r, char *out, size_t cap)
{
    size_t j = 0, np = 0;
    for (const char *p = pattern; *p;) {
        const char *piece = p;
        size_t n = 1;
        if (*p == '{') {
            const char *close = strchr(p, '}');
            FUZZ_CHECK(close && np < REQ_MAX_PARAMS);
            piece = r->params[np++];
            FUZZ_CHECK(piece && *piece && !strchr(piece, '/'));
            n = strlen(piece);
            p = close + 1;
        } else {
            p++;
        }
        if (j + n >= cap)
            return 0;
        memcpy(out + j, piece, n);
        j += n;
    }
    out[j] = 0;
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_cstr(data, size);
    char *space = strchr(s, ' ');
    Request r = { 0 };
    r.arena = arena_new();
    r.method = space ? s : "GET";
    if (space)
        *space = 0;
    r.path = space ? space + 1 : s;

    int known = -1;
    const Route *rt = router_match(app_routes, app_routes_count, &r, &known);
    FUZZ_CHECK(known == 0 || known == 1);
    if (rt) {
        FUZZ_CHECK(rt >= app_routes && rt < app_routes + app_routes_count);
        FUZZ_CHECK(strcmp(rt->method, r.method) == 0
                   || (strcmp(r.method, "HEAD") == 0 && strcmp(rt->method, "GET") == 0));
        FUZZ_CHECK(rt->handler);
        char *back = malloc(size + 2);
        FUZZ_CHECK(back && rebuild(rt->pattern, &r, back, size + 2));
        FUZZ_CHECK(strcmp(back, r.path) == 0);
        free(back);
    }

    arena_free(r.arena);
    free(s);
    return 0;
}
