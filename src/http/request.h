/* One HTTP request and the response being built for it. Handlers get it
 * as their only argument; everything they allocate comes from r->arena.
 * The domain sees only r->ctx. */
#ifndef WIJZER_REQUEST_H
#define WIJZER_REQUEST_H

#include <stddef.h>

#include "domain/context.h"
#include "lib/buf.h"
#include "lib/form.h"
#include "lib/multipart.h"

enum { REQ_MAX_PARAMS = 4, RESP_MAX_HEADERS = 16 };

/* What a request may bring. A multipart body has its own, larger limit
 * (UPLOAD_BODY_MAX in lib/multipart.h); libmicrohttpd refuses request
 * lines and headers that do not fit in REQUEST_HEAD_MAX itself. */
enum {
    REQUEST_BODY_MAX = 1024 * 1024,
    REQUEST_URL_MAX = 8 * 1024,   /* path and query string, as decoded */
    /* libmicrohttpd's memory for one connection (its default is 32 KB).
     * libmicrohttpd 0.9.75 zeroes it for every request on a kept-alive
     * connection, so it is kept small; a request line and headers of up
     * to 16 KB still fit (tests/http/limits.test.mjs). */
    REQUEST_HEAD_MAX = 16 * 1024,
};

typedef struct Request {
    Arena *arena;
    Ctx ctx;                      /* db, tenant, user (NULL: anonymous), now */
    const char *method;           /* "GET", "POST", … */
    const char *path;             /* without the query string */
    const char *params[REQ_MAX_PARAMS]; /* the {…} parts of the route, in order */
    Form *query;                  /* query-string arguments */
    Form *form;                   /* urlencoded body or a multipart body's text parts, or NULL */
    Uploads *files;               /* a multipart body's file parts, or NULL */
    const char *body;             /* raw body (NUL-terminated), may be NULL */
    size_t body_len;
    const char *client;           /* remote address, for rate limits */
    int secure;                   /* reached over TLS (directly or via the proxy) */
    int is_api;                   /* under /api/: errors are JSON */
    const char *session_cookie;   /* the session cookie's value, if a session was found */
    const char *session_csrf;     /* the session's CSRF token */
    const char *anon_csrf;        /* a visitor's CSRF token set during this request */
    User user_storage;
    void *conn_;                  /* the libmicrohttpd connection; http/ only */

    /* The response. */
    int status;
    const char *content_type;
    Buf out;
    const char *header_name[RESP_MAX_HEADERS];
    const char *header_value[RESP_MAX_HEADERS];
    size_t n_headers;
    const void *static_body;      /* set instead of out for embedded files */
    size_t static_len;
} Request;

const char *req_header(Request *r, const char *name);
const char *req_cookie(Request *r, const char *name);
/* The first query-string or form value of that name. */
const char *req_arg(Request *r, const char *name);

void resp_header(Request *r, const char *name, const char *value);
void resp_redirect(Request *r, const char *location); /* 303 See Other */
/* max_age < 0: a session cookie; 0: delete it. Always HttpOnly,
 * SameSite=Lax and Path=/; Secure when the request came over TLS. */
void resp_cookie(Request *r, const char *name, const char *value, long max_age);
void resp_text(Request *r, int status, const char *content_type, const char *body);

#endif
