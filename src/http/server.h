/* The HTTP server: libmicrohttpd with a thread pool and keep-alive,
 * turning each request into a Request, dispatching it through the route
 * table and sending what the handler built. */
#ifndef WIJZER_SERVER_H
#define WIJZER_SERVER_H

#include "store/db.h"

typedef struct ServerOptions {
    const char *listen;   /* HOST:PORT, [v6]:PORT */
    unsigned threads;     /* 0: two per core, at least four */
    int quiet;            /* no access log */
} ServerOptions;

/* Serves until SIGTERM or SIGINT, then lets in-flight requests finish.
 * Returns 0 on a clean stop, 1 when the server could not start. */
int server_run(Store *store, const ServerOptions *opt);

#endif
