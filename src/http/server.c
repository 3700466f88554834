#include "http/server.h"

#include <arpa/inet.h>
#include <pthread.h>
#include <microhttpd.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "http/cache.h"
#include "http/dispatch.h"

typedef struct Server {
    Store *store;
    AnswerCache *cache;
    int quiet;
    atomic_int in_flight;
} Server;

/* What lives for one request between libmicrohttpd's calls. */
typedef struct Pending {
    Arena *arena;
    Buf body;
    size_t body_max; /* REQUEST_BODY_MAX, or UPLOAD_BODY_MAX for a multipart body */
    int too_large;
    struct timespec started;
} Pending;

static enum MHD_Result collect_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    Request *r = cls;
    if (key && *key)
        form_add(r->arena, r->query, arena_strdup(r->arena, key), arena_strdup(r->arena, value ? value : ""));
    return MHD_YES;
}

static const char *client_address(struct MHD_Connection *conn, Arena *a)
{
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    char host[INET6_ADDRSTRLEN] = "?";
    if (ci && ci->client_addr) {
        const struct sockaddr *sa = ci->client_addr;
        if (sa->sa_family == AF_INET) {
            /* inet_ntop's dotted quad, without its printf */
            const unsigned char *b = (const unsigned char *)&((const struct sockaddr_in *)(const void *)sa)->sin_addr;
            char *p = host;
            for (int i = 0; i < 4; i++) {
                if (i)
                    *p++ = '.';
                if (b[i] >= 100)
                    *p++ = (char)('0' + b[i] / 100);
                if (b[i] >= 10)
                    *p++ = (char)('0' + b[i] / 10 % 10);
                *p++ = (char)('0' + b[i] % 10);
            }
            *p = 0;
        } else if (sa->sa_family == AF_INET6) {
            inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, host, sizeof host);
        }
    }
    return arena_strdup(a, host);
}

static enum MHD_Result send_response(struct MHD_Connection *conn, Request *r)
{
    struct MHD_Response *resp;
    if (r->static_body) {
        resp = MHD_create_response_from_buffer(r->static_len, (void *)r->static_body, MHD_RESPMEM_PERSISTENT);
    } else {
        size_t len;
        char *body = buf_steal(&r->out, &len);
        resp = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
    }
    if (!resp)
        return MHD_NO;
    if (r->content_type)
        MHD_add_response_header(resp, "Content-Type", r->content_type);
    for (size_t i = 0; i < r->n_headers; i++)
        MHD_add_response_header(resp, r->header_name[i], r->header_value[i]);
    enum MHD_Result ok = MHD_queue_response(conn, (unsigned)r->status, resp);
    MHD_destroy_response(resp);
    return ok;
}

static void log_request(const Request *r, const struct timespec *started)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double ms = (double)(now.tv_sec - started->tv_sec) * 1e3 + (double)(now.tv_nsec - started->tv_nsec) / 1e6;
    /* Path only: query strings can hold what people typed. */
    fprintf(stderr, "%s %s %d %.1fms\n", r->method, r->path, r->status, ms);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
                                  const char *version, const char *upload_data, size_t *upload_size, void **con_cls)
{
    (void)version;
    Server *srv = cls;
    Pending *p = *con_cls;
    if (!p) {
        /* First call: only set up. Answering now would make
         * libmicrohttpd close the connection (no keep-alive). */
        p = xcalloc(1, sizeof *p);
        p->arena = arena_new();
        buf_init(&p->body);
        clock_gettime(CLOCK_MONOTONIC, &p->started);
        const char *ct = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Type");
        p->body_max = request_body_max(url, ct);
        *con_cls = p;
        atomic_fetch_add(&srv->in_flight, 1);
        return MHD_YES;
    }
    if (*upload_size) {
        if (p->too_large || p->body.len + *upload_size > p->body_max)
            p->too_large = 1;
        else
            buf_add(&p->body, upload_data, *upload_size);
        *upload_size = 0;
        return MHD_YES;
    }
    Request r = { 0 };
    r.arena = p->arena;
    r.conn_ = conn;
    r.method = method;
    r.path = url;
    r.query = form_new(r.arena);
    MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, collect_arg, &r);
    r.body = p->body.len ? buf_cstr(&p->body) : NULL;
    r.body_len = p->body.len;
    r.client = client_address(conn, r.arena);
    buf_init(&r.out);
    /* An anonymous GET may be answered from the cache (http/cache.h). */
    const char *key = srv->cache ? cache_key(&r) : NULL;
    int64_t data_version = srv->cache ? store_data_version(srv->store) : -1;
    r.ctx.data_version_known = data_version >= 0; /* read before any statement of the request */
    r.ctx.data_version = data_version;
    if (!key || data_version < 0 || !cache_get(srv->cache, key, data_version, &r)) {
        dispatch(srv->store, &r, p->too_large);
        if (key && data_version >= 0)
            cache_put(srv->cache, key, data_version, &r);
    }
    enum MHD_Result ok = send_response(conn, &r);
    if (!srv->quiet)
        log_request(&r, &p->started);
    buf_free(&r.out);
    return ok;
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode toe)
{
    (void)conn;
    (void)toe;
    Server *srv = cls;
    Pending *p = *con_cls;
    if (!p)
        return;
    buf_free(&p->body);
    arena_free(p->arena);
    free(p);
    *con_cls = NULL;
    atomic_fetch_sub(&srv->in_flight, 1);
}

static int parse_listen(const char *listen, struct sockaddr_storage *ss, socklen_t *len)
{
    char host[128];
    const char *colon = strrchr(listen, ':');
    if (!colon || colon == listen || (size_t)(colon - listen) >= sizeof host)
        return 0;
    memcpy(host, listen, (size_t)(colon - listen));
    host[colon - listen] = 0;
    char *end;
    long port = strtol(colon + 1, &end, 10);
    if (*end || port < 1 || port > 65535)
        return 0;
    memset(ss, 0, sizeof *ss);
    if (host[0] == '[') {
        size_t n = strlen(host);
        if (n < 3 || host[n - 1] != ']')
            return 0;
        host[n - 1] = 0;
        struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;
        s6->sin6_family = AF_INET6;
        s6->sin6_port = htons((uint16_t)port);
        *len = sizeof *s6;
        return inet_pton(AF_INET6, host + 1, &s6->sin6_addr) == 1;
    }
    struct sockaddr_in *s4 = (struct sockaddr_in *)ss;
    s4->sin_family = AF_INET;
    s4->sin_port = htons((uint16_t)port);
    *len = sizeof *s4;
    if (strcmp(host, "localhost") == 0)
        strcpy(host, "127.0.0.1");
    return inet_pton(AF_INET, host, &s4->sin_addr) == 1;
}

int server_run(Store *store, const ServerOptions *opt)
{
    struct sockaddr_storage ss;
    socklen_t sslen;
    if (!parse_listen(opt->listen, &ss, &sslen)) {
        fprintf(stderr, "wijzer: kan adres '%s' niet lezen; gebruik HOST:POORT, bijvoorbeeld 127.0.0.1:8080\n",
                opt->listen);
        return 2;
    }
    unsigned threads = opt->threads;
    if (!threads) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        threads = cores > 0 ? (unsigned)cores * 2 : 4;
        if (threads < 4)
            threads = 4;
    }
    /* Only an engine with a data version can tell when an answer is old
     * (http/cache.h); without one (PostgreSQL) no request pays for a key. */
    Server srv = { .store = store,
                   .quiet = opt->quiet,
                   .cache = store_data_version(store) >= 0 ? cache_new(CACHE_MAX_BYTES) : NULL };
    atomic_init(&srv.in_flight, 0);

    /* Block the stop signals in every thread; the main thread waits for
     * them with sigwait. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    struct MHD_Daemon *d = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC | MHD_USE_ERROR_LOG, 0, NULL, NULL, on_request,
        &srv, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss, MHD_OPTION_THREAD_POOL_SIZE, threads,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, &srv, MHD_OPTION_CONNECTION_TIMEOUT, 30u,
        /* Request line and headers must fit: a longer one gets 414 or 431
         * from libmicrohttpd itself. */
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)REQUEST_HEAD_MAX,
        MHD_OPTION_CONNECTION_LIMIT, 1000u, MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "wijzer: kan niet luisteren op %s (is de poort al in gebruik?)\n", opt->listen);
        cache_free(srv.cache);
        return 1;
    }
    fprintf(stderr, "wijzer: luistert op http://%s\n", opt->listen);
    int sig;
    sigwait(&stop, &sig);
    fprintf(stderr, "wijzer: stoppen; lopende verzoeken worden afgemaakt\n");
    MHD_quiesce_daemon(d);
    for (int i = 0; i < 200 && atomic_load(&srv.in_flight) > 0; i++)
        usleep(50 * 1000);
    MHD_stop_daemon(d);
    cache_free(srv.cache);
    return 0;
}
