#include "http/dispatch.h"

#include <string.h>
#include <strings.h>

#include "api/api.h"
#include "domain/accounts.h"
#include "domain/process.h"
#include "http/csrf.h"
#include "http/router.h"
#include "lib/dates.h"
#include "store/store.h"
#include "web/layout.h"

void respond_error(Request *r, int status, const char *code, const char *message)
{
    if (r->is_api)
        api_error(r, status, code, message, NULL);
    else
        web_error(r, status, message);
}

/* The municipality this request is for, from the Host header; a host we
 * do not know gets the first (default) tenant. */
static int resolve_tenant(Request *r, Tenant *t)
{
    const char *host = req_header(r, "Host");
    if (host) {
        char *h = arena_strdup(r->arena, host);
        char *colon = h[0] == '[' ? strchr(h, ']') : strchr(h, ':');
        if (colon && *colon == ':')
            *colon = 0;
        if (store_tenant_by_host(r->ctx.db, r->arena, h, t) == DB_OK)
            return 1;
    }
    return store_tenant_first(r->ctx.db, r->arena, t) == DB_OK;
}

/* Who is asking: a bearer token on the API, a session cookie on pages.
 * Returns 0 when a token was sent but is not valid. */
static int authenticate(Request *r)
{
    if (r->is_api) {
        const char *auth = req_header(r, "Authorization");
        if (!auth)
            return 1;
        if (strncasecmp(auth, "Bearer ", 7) != 0)
            return 0;
        if (token_find(&r->ctx, auth + 7, &r->user_storage) != STATUS_OK)
            return 0;
        r->ctx.user = &r->user_storage;
        return 1;
    }
    const char *cookie = req_cookie(r, SESSION_COOKIE);
    if (cookie && session_find(&r->ctx, cookie, &r->user_storage, &r->session_csrf) == STATUS_OK) {
        r->ctx.user = &r->user_storage;
        r->session_cookie = cookie;
    }
    return 1;
}

static void security_headers(Request *r)
{
    resp_header(r, "X-Content-Type-Options", "nosniff");
    resp_header(r, "Referrer-Policy", "same-origin");
    if (!r->is_api) {
        resp_header(r, "X-Frame-Options", "DENY");
        resp_header(r, "Content-Security-Policy",
                    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
    }
}

static int is_form(Request *r)
{
    const char *ct = req_header(r, "Content-Type");
    return ct && strncasecmp(ct, "application/x-www-form-urlencoded", 33) == 0;
}

static void route(Request *r)
{
    int path_known;
    const Route *rt = router_match(app_routes, app_routes_count, r, &path_known);
    if (!rt) {
        if (path_known)
            respond_error(r, 405, "method_not_allowed", "Deze handeling kan hier niet.");
        else
            respond_error(r, 404, "not_found", "Deze pagina bestaat niet (meer).");
        return;
    }
    if (rt->access != ACCESS_PUBLIC && !r->ctx.user) {
        if (r->is_api) {
            respond_error(r, 401, "unauthorized", "Log in met een geldige API-sleutel (Authorization: Bearer …).");
        } else if (strcmp(r->method, "GET") == 0) {
            Buf b;
            buf_init(&b);
            buf_puts(&b, "/inloggen?terug=");
            url_encode_into(&b, r->path);
            resp_redirect(r, arena_strdup(r->arena, buf_cstr(&b)));
            buf_free(&b);
        } else {
            respond_error(r, 401, "unauthorized", "U bent niet (meer) ingelogd. Log in en probeer het opnieuw.");
        }
        return;
    }
    if (rt->access == ACCESS_STAFF && !role_is_staff(r->ctx.user->role)) {
        respond_error(r, 403, "forbidden", "Dit deel is alleen voor medewerkers van de gemeente.");
        return;
    }
    if ((rt->flags & ROUTE_CSRF) && !csrf_check(r)) {
        respond_error(r, 403, "csrf",
                      "Dit formulier is verlopen of komt niet van deze website. Ga terug, laad de pagina opnieuw en "
                      "probeer het nog eens.");
        return;
    }
    rt->handler(r);
}

void dispatch(Store *store, Request *r, int body_too_large)
{
    r->status = 200;
    r->content_type = "text/html; charset=utf-8";
    r->is_api = strncmp(r->path, "/api/", 5) == 0 || strcmp(r->path, "/api") == 0;
    const char *proto = NULL;
    r->ctx.arena = r->arena;
    r->ctx.now = date_now();
    security_headers(r);
    r->ctx.db = store_acquire(store);
    Tenant *tenant = arena_alloc(r->arena, sizeof *tenant);
    (void)proto;
    r->secure = 0;
    const char *fwd = NULL;
    if (r->conn_ && (fwd = req_header(r, "X-Forwarded-Proto")) && strcasecmp(fwd, "https") == 0)
        r->secure = 1;
    if (!resolve_tenant(r, tenant)) {
        respond_error(r, 503, "not_initialised", "De database is nog niet ingericht. Draai eerst: wijzer init.");
    } else if (body_too_large) {
        r->ctx.tenant = tenant;
        respond_error(r, 413, "too_large", "Wat u stuurde is te groot (hoogstens 1 MB).");
    } else {
        r->ctx.tenant = tenant;
        if (r->body && is_form(r))
            r->form = form_parse(r->arena, r->body, r->body_len);
        if (!authenticate(r))
            respond_error(r, 401, "unauthorized", "Deze API-sleutel is niet geldig.");
        else
            route(r);
    }
    store_release(store, r->ctx.db);
    r->ctx.db = NULL;
}
