#include "http/router.h"

#include <string.h>

/* Matches one pattern against a path. A {param} segment takes any
 * non-empty segment. Walks both strings once, character by character:
 * most patterns differ from the path in their first letters, and every
 * request tries the routes in order. */
static int match(const char *pattern, const char *path, Request *r)
{
    const char *start[REQ_MAX_PARAMS];
    size_t len[REQ_MAX_PARAMS], np = 0;
    const char *p = pattern, *s = path;
    while (*p) {
        if (*p == '{' && p > pattern && p[-1] == '/') {
            const char *se = s;
            while (*se && *se != '/')
                se++;
            if (se == s || np == REQ_MAX_PARAMS)
                return 0;
            start[np] = s;
            len[np++] = (size_t)(se - s);
            while (*p && *p != '/')
                p++;
            s = se;
        } else if (*p++ != *s++) {
            return 0;
        }
    }
    if (*s)
        return 0;
    for (size_t i = 0; i < np; i++)
        r->params[i] = arena_strndup(r->arena, start[i], len[i]);
    return 1;
}

static int method_fits(const Route *rt, const char *method)
{
    return strcmp(rt->method, method) == 0 || (strcmp(method, "HEAD") == 0 && strcmp(rt->method, "GET") == 0);
}

/* Whether some path could match both patterns: as many segments, and in
 * each the same text or a {param} on either side. */
static int overlap(const char *a, const char *b)
{
    for (;;) {
        const char *ae = strchr(a, '/'), *be = strchr(b, '/');
        size_t an = ae ? (size_t)(ae - a) : strlen(a), bn = be ? (size_t)(be - b) : strlen(b);
        int param = (an && *a == '{') || (bn && *b == '{');
        if (!param && (an != bn || memcmp(a, b, an) != 0))
            return 0;
        if (param && (an == 0 || bn == 0))
            return 0; /* a {param} takes a non-empty segment */
        if (!ae || !be)
            return !ae && !be;
        a = ae + 1;
        b = be + 1;
    }
}

/* The route that matched last in this thread. When no route before it in
 * the table can match a path it matches, a path it matches has it as the
 * first match, as the walk would find: a run of requests for one kind of
 * address (GET /api/v1/initiatives/{id}) then skips the walk through the
 * table, which cost a tenth of such a request. */
static _Thread_local struct {
    const Route *table;
    size_t i;
    int first; /* no earlier route overlaps it */
} last;

static void remember(const Route *routes, size_t i)
{
    if (last.table == routes && last.i == i)
        return;
    last.table = routes;
    last.i = i;
    last.first = 1;
    for (size_t j = 0; j < i && last.first; j++)
        last.first = !overlap(routes[j].pattern, routes[i].pattern);
}

const Route *router_match(const Route *routes, size_t n, Request *r, int *path_known)
{
    *path_known = 0;
    if (last.table == routes && last.first && last.i < n && method_fits(&routes[last.i], r->method)
        && match(routes[last.i].pattern, r->path, r))
        return &routes[last.i];
    for (size_t i = 0; i < n; i++) {
        if (!match(routes[i].pattern, r->path, r))
            continue;
        if (method_fits(&routes[i], r->method)) {
            remember(routes, i);
            return &routes[i];
        }
        *path_known = 1;
    }
    return NULL;
}
