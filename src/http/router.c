#include "http/router.h"

#include <string.h>

/* Matches one pattern against a path segment by segment. A {param}
 * segment takes any non-empty segment. */
static int match(const char *pattern, const char *path, Request *r)
{
    const char *params[REQ_MAX_PARAMS];
    size_t np = 0;
    const char *p = pattern, *s = path;
    while (*p && *s) {
        if (*p != '/' || *s != '/')
            return 0;
        p++;
        s++;
        const char *pe = strchr(p, '/'), *se = strchr(s, '/');
        size_t pl = pe ? (size_t)(pe - p) : strlen(p), sl = se ? (size_t)(se - s) : strlen(s);
        if (pl && p[0] == '{') {
            if (sl == 0 || np == REQ_MAX_PARAMS)
                return 0;
            params[np++] = arena_strndup(r->arena, s, sl);
        } else if (pl != sl || strncmp(p, s, pl) != 0) {
            return 0;
        }
        p += pl;
        s += sl;
    }
    if (*p || *s)
        return 0;
    for (size_t i = 0; i < np; i++)
        r->params[i] = params[i];
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
