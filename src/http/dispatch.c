#include "http/dispatch.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <strings.h>

#include "api/api.h"
#include "domain/accounts.h"
#include "domain/process.h"
#include "http/csrf.h"
#include "http/router.h"
#include "lib/dates.h"
#include "lib/thread_exit.h"
#include "store/store.h"
#include "web/layout.h"

void respond_error(Request *r, int status, const char *code, const char *message)
{
    if (r->is_api)
        api_error(r, status, code, message, NULL);
    else
        web_error(r, status, message);
}

enum { TENANT_FOUND, TENANT_UNKNOWN_HOST, TENANT_NONE };

/* The host name as tenants are configured: no port, lower case, no
 * trailing dot. */
static const char *host_name(Arena *a, const char *host)
{
    char *h = arena_strdup(a, host);
    char *colon = h[0] == '[' ? strchr(h, ']') : strchr(h, ':');
    if (colon && *colon == ':')
        *colon = 0;
    else if (colon && colon[1] == ':')
        colon[1] = 0;
    for (char *p = h; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    size_t n = strlen(h);
    if (n && h[n - 1] == '.')
        h[n - 1] = 0;
    return h;
}

/* What the last request of this thread found for its host, kept while
 * the database has not changed since (Ctx.data_version): tenants
 * change only by `wijzer init` and `wijzer tenant add`, yet every request
 * looked them up, twice for a host no tenant has. Without a data version
 * (PostgreSQL) it is kept for TENANT_MEMO_MS, as the reference lists are
 * (domain/reference.c): a new municipality answers within seconds. */
enum { TENANT_MEMO_MS = 2000 };

typedef struct TenantMemo {
    int64_t version;
    int64_t made_ms; /* monotonic */
    int valid;
    char *host;      /* the host name looked up (host_name), or NULL for none */
    int by_host;     /* a tenant has this host: t */
    Tenant t;        /* that tenant, or else the first of all */
    size_t n;        /* how many tenants there are, when !by_host */
} TenantMemo;

static _Thread_local TenantMemo memo;

static void memo_clear(void)
{
    free(memo.host);
    free((char *)memo.t.code);
    free((char *)memo.t.name);
    free((char *)memo.t.host);
    memo = (TenantMemo){ 0 };
}

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void memo_put(int64_t version, const char *host, int by_host, const Tenant *t, size_t n)
{
    memo_clear();
    thread_exit_call(memo_clear);
    memo = (TenantMemo){ .version = version, .made_ms = now_ms(), .valid = 1, .host = host ? xstrdup(host) : NULL,
                         .by_host = by_host, .n = n };
    if (t) {
        memo.t.id = t->id;
        memo.t.code = t->code ? xstrdup(t->code) : NULL;
        memo.t.name = t->name ? xstrdup(t->name) : NULL;
        memo.t.host = t->host ? xstrdup(t->host) : NULL;
    }
}

static int memo_has(const Request *r, const char *host)
{
    if (!memo.valid)
        return 0;
    int fresh = r->ctx.data_version_known ? memo.version == r->ctx.data_version
                                          : now_ms() - memo.made_ms < TENANT_MEMO_MS;
    return fresh && (host && memo.host ? strcmp(host, memo.host) == 0 : host == memo.host);
}

static const char *dup_or_null(Arena *a, const char *s)
{
    return s ? arena_strdup(a, s) : NULL;
}

/* Looks the host up: 1 with *t when a tenant has it; 0 with the number of
 * tenants in *n and the first in *t; -1 when the database failed. */
static int find_tenant(Request *r, const char *host, Tenant *t, size_t *n)
{
    if (memo_has(r, host)) {
        *t = (Tenant){ memo.t.id, dup_or_null(r->arena, memo.t.code), dup_or_null(r->arena, memo.t.name),
                       dup_or_null(r->arena, memo.t.host) };
        *n = memo.n;
        return memo.by_host;
    }
    int keep = 1;
    if (host) {
        int rc = store_tenant_by_host(r->ctx.db, r->arena, host, t);
        if (rc == DB_OK) {
            if (keep)
                memo_put(r->ctx.data_version, host, 1, t, 0);
            return 1;
        }
        keep = keep && rc == DB_DONE;
    }
    Tenant *all;
    if (store_tenant_list(r->ctx.db, r->arena, &all, n) != DB_OK)
        return -1;
    if (*n)
        *t = all[0];
    if (keep)
        memo_put(r->ctx.data_version, host, 0, *n ? &all[0] : NULL, *n);
    return 0;
}

/* The municipality this request is for. The rule (README, "Municipalities
 * (tenants)"): the tenant whose host is the request's Host. A host no
 * tenant has gets the only tenant when there is just one, so a
 * single-municipality installation answers under any name; with several
 * it gets 404, never another municipality's pages. /healthz and /static/
 * show nothing of a municipality and answer under any host. */
static int resolve_tenant(Request *r, Tenant *t)
{
    const char *host = req_header(r, "Host");
    size_t n = 0;
    int found = find_tenant(r, host ? host_name(r->arena, host) : NULL, t, &n);
    if (found == 1)
        return TENANT_FOUND;
    if (found < 0 || n == 0)
        return TENANT_NONE;
    if (n == 1 || strcmp(r->path, "/healthz") == 0 || strncmp(r->path, "/static/", 8) == 0)
        return TENANT_FOUND;
    return TENANT_UNKNOWN_HOST;
}

static void respond_unknown_host(Request *r)
{
    static const Tenant none = { .id = 0, .code = "", .name = "Onbekende gemeente", .host = NULL };
    r->ctx.tenant = &none;
    respond_error(r, 404, "unknown_tenant",
                  "Onbekende gemeente: dit webadres hoort bij geen gemeente in deze Initiatiefwijzer. Kijk of het "
                  "adres goed is gespeld.");
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

/* The database cannot be reached (PostgreSQL stopped or restarting), or
 * was too busy (db_busy: a lock or a statement waited too long): a 503
 * that asks to come back soon, never a crash or a half-made page. The
 * pool reconnects by itself once the database is back. */
static void respond_unavailable(Request *r)
{
    int busy = db_busy(r->ctx.db);
    buf_reset(&r->out);
    r->static_body = NULL;
    r->n_headers = 0;
    security_headers(r);
    resp_header(r, "Retry-After", "5");
    r->ctx.user = NULL; /* the page must not need the database */
    respond_error(r, 503, "unavailable",
                  busy ? "Het is nu te druk op de website. Probeer het over een paar seconden opnieuw."
                       : "De website is even niet bereikbaar door een storing. Probeer het over een paar seconden opnieuw.");
}

static int is_form(const char *ct)
{
    return ct && strncasecmp(ct, "application/x-www-form-urlencoded", 33) == 0;
}

/* The path and query string as decoded: what a handler would have to
 * read. */
static size_t url_length(const Request *r)
{
    size_t n = strlen(r->path);
    for (size_t i = 0; r->query && i < r->query->count; i++)
        n += strlen(r->query->fields[i].name) + strlen(r->query->fields[i].value) + 2;
    return n;
}

static const char *too_many_fields(Request *r)
{
    return arena_printf(r->arena, "Het formulier heeft te veel velden (hoogstens %d). Er is niets opgeslagen.",
                        FORM_MAX_FIELDS);
}

/* Fills r->form and r->files from a multipart body; answers and returns
 * 0 when the body breaks a rule. The files' types are checked once the
 * route is known (files_allowed). */
static int read_multipart(Request *r, const char *ct)
{
    const char *boundary = multipart_boundary(r->arena, ct);
    r->form = form_new(r->arena);
    r->files = arena_alloc(r->arena, sizeof *r->files);
    MultipartResult rc = boundary ? multipart_parse(r->arena, r->body, r->body_len, boundary, &multipart_limits,
                                                    r->form, r->files)
                                  : MULTIPART_MALFORMED;
    switch (rc) {
    case MULTIPART_OK:
        break;
    case MULTIPART_TOO_MANY_PARTS:
        respond_error(r, 413, "too_many_fields", too_many_fields(r));
        return 0;
    case MULTIPART_TOO_MANY_FILES:
        respond_error(r, 413, "too_many_files",
                      arena_printf(r->arena, "U stuurde te veel bestanden tegelijk (hoogstens %d).",
                                   MULTIPART_MAX_FILES));
        return 0;
    case MULTIPART_FILE_TOO_LARGE:
        respond_error(r, 413, "file_too_large",
                      arena_printf(r->arena, "Een bestand is te groot (hoogstens %d MB per bestand).",
                                   UPLOAD_FILE_MAX / (1024 * 1024)));
        return 0;
    case MULTIPART_TEXT_TOO_LARGE:
    case MULTIPART_HEADER_TOO_LARGE:
        respond_error(r, 413, "too_large",
                      arena_printf(r->arena, "De tekst in het formulier is te lang (hoogstens %d MB samen).",
                                   MULTIPART_TEXT_MAX / (1024 * 1024)));
        return 0;
    case MULTIPART_MALFORMED:
    default:
        respond_error(r, 400, "malformed_form",
                      "Het formulier kwam niet goed aan. Laad de pagina opnieuw en probeer het nog eens.");
        return 0;
    }
    return 1;
}

/* Only JPEG, PNG and PDF files come in, unless the route checks its
 * files itself (ROUTE_OWN_FILES): then a wrong file is an error next to
 * its field, and what else was typed stays. */
static int files_allowed(Request *r, const Route *rt)
{
    if (!r->files || (rt->flags & ROUTE_OWN_FILES))
        return 1;
    for (size_t i = 0; i < r->files->count; i++) {
        if (!upload_type_allowed(&r->files->items[i])) {
            respond_error(r, 415, "unsupported_file_type",
                          "Dit soort bestand nemen we niet aan. Stuur een foto (JPEG of PNG) of een PDF.");
            return 0;
        }
    }
    return 1;
}

static int is_api_path(const char *path)
{
    return strncmp(path, "/api/", 5) == 0 || strcmp(path, "/api") == 0;
}

/* The one kind of API path that takes files (multipart/form-data):
 * POST /api/v1/applications/{id}/report/photos. Everything else on the
 * API is JSON only. */
static int is_api_upload_path(const char *path)
{
    static const char suffix[] = "/report/photos";
    size_t n = strlen(path);
    return is_api_path(path) && n > sizeof suffix && strcmp(path + n - (sizeof suffix - 1), suffix) == 0;
}

size_t request_body_max(const char *path, const char *content_type)
{
    /* The API takes JSON only (but for its upload), so never more than a form. */
    return multipart_is_form_data(content_type) && (!is_api_path(path) || is_api_upload_path(path)) ? UPLOAD_BODY_MAX
                                                                                                      : REQUEST_BODY_MAX;
}

/* Checks the request against the limits and reads a form body into
 * r->form (and r->files). Answers and returns 0 when a limit is broken:
 * nothing is dropped silently. A multipart body to the API is left to
 * the handler, which refuses anything but JSON. */
static int read_input(Request *r, int body_too_large)
{
    const char *ct = req_header(r, "Content-Type");
    int multipart = multipart_is_form_data(ct) && (!r->is_api || is_api_upload_path(r->path));
    if (body_too_large) {
        int mb = (multipart ? UPLOAD_BODY_MAX : REQUEST_BODY_MAX) / (1024 * 1024);
        respond_error(r, 413, "too_large",
                      arena_printf(r->arena, "Wat u stuurde is te groot (hoogstens %d MB%s).", mb,
                                   multipart ? " samen" : ""));
        return 0;
    }
    if ((r->query && r->query->truncated) || url_length(r) > REQUEST_URL_MAX) {
        respond_error(r, 414, "uri_too_long", "Het webadres is te lang of heeft te veel velden.");
        return 0;
    }
    if (!r->body)
        return 1;
    if (multipart)
        return read_multipart(r, ct);
    if (is_form(ct)) {
        r->form = form_parse(r->arena, r->body, r->body_len);
        if (r->form->truncated) {
            respond_error(r, 413, "too_many_fields", too_many_fields(r));
            return 0;
        }
    }
    return 1;
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
    if (!files_allowed(r, rt))
        return;
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
    r->is_api = is_api_path(r->path);
    const char *proto = NULL;
    r->ctx.arena = r->arena;
    r->ctx.now = date_now();
    security_headers(r);
    r->ctx.db = store_acquire(store);
    if (!r->ctx.db) {
        /* The stylesheet needs no database, and the 503 page uses it. */
        if (strncmp(r->path, "/static/", 8) == 0)
            route(r);
        else
            respond_unavailable(r);
        return;
    }
    Tenant *tenant = arena_alloc(r->arena, sizeof *tenant);
    (void)proto;
    r->secure = 0;
    const char *fwd = NULL;
    if (r->conn_ && (fwd = req_header(r, "X-Forwarded-Proto")) && strcasecmp(fwd, "https") == 0)
        r->secure = 1;
    int found = resolve_tenant(r, tenant);
    if (found == TENANT_UNKNOWN_HOST) {
        respond_unknown_host(r);
    } else if (found == TENANT_NONE) {
        if (db_lost(r->ctx.db) || db_busy(r->ctx.db))
            respond_unavailable(r);
        else
            respond_error(r, 503, "not_initialised", "De database is nog niet ingericht. Draai eerst: wijzer init.");
    } else {
        r->ctx.tenant = tenant;
        if (read_input(r, body_too_large)) {
            if (!authenticate(r))
                respond_error(r, 401, "unauthorized", "Deze API-sleutel is niet geldig.");
            else
                route(r);
        }
    }
    /* The connection broke while the handler ran: what failed may work
     * in a moment, so say that rather than "something went wrong". */
    if (r->status >= 500 && (db_lost(r->ctx.db) || db_busy(r->ctx.db)))
        respond_unavailable(r);
    store_release(store, r->ctx.db);
    r->ctx.db = NULL;
}
