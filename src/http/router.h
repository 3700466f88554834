/* The route table: one line per route with its method, path pattern,
 * who may use it and whether a form post must carry the CSRF token.
 * Patterns are literal segments and {param}; params land in r->params. */
#ifndef WIJZER_ROUTER_H
#define WIJZER_ROUTER_H

#include "http/request.h"

typedef void (*Handler)(Request *r);

typedef enum Access {
    ACCESS_PUBLIC,  /* anyone */
    ACCESS_USER,    /* logged in (page) or bearer token (API) */
    ACCESS_STAFF,   /* official, coordinator or admin */
} Access;

enum {
    ROUTE_CSRF = 1,        /* page form posts: the csrf field must match */
    ROUTE_OWN_FILES = 2,   /* the handler checks uploaded files' types itself and says so next to the field */
};

typedef struct Route {
    const char *method;
    const char *pattern;
    Handler handler;
    Access access;
    int flags;
} Route;

/* Finds the route for method and path; fills r->params. Sets *path_known
 * when the path exists for another method (405 instead of 404). */
const Route *router_match(const Route *routes, size_t n, Request *r, int *path_known);

extern const Route app_routes[];
extern const size_t app_routes_count;

#endif
