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

const Route *router_match(const Route *routes, size_t n, Request *r, int *path_known)
{
    *path_known = 0;
    for (size_t i = 0; i < n; i++) {
        if (!match(routes[i].pattern, r->path, r))
            continue;
        if (strcmp(routes[i].method, r->method) == 0
            || (strcmp(r->method, "HEAD") == 0 && strcmp(routes[i].method, "GET") == 0))
            return &routes[i];
        *path_known = 1;
    }
    return NULL;
}
