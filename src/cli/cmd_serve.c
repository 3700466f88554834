#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "http/server.h"

int cmd_serve(int argc, char **argv)
{
    const char *db = getenv("WIJZER_DB"), *listen = getenv("WIJZER_LISTEN"), *threads = NULL;
    int quiet = 0;
    const CliOpt opts[] = {
        { "--db", "FILE", "Het databasebestand (standaard: $WIJZER_DB).", &db, NULL },
        { "--listen", "HOST:PORT", "Waar de server luistert (standaard: $WIJZER_LISTEN of 127.0.0.1:8080).", &listen,
          NULL },
        { "--threads", "N", "Aantal werkthreads (standaard: twee per processorkern).", &threads, NULL },
        { "--quiet", NULL, "Schrijf geen regel per verzoek naar het log.", NULL, &quiet },
    };
    const char *use = "wijzer serve --db FILE [--listen HOST:PORT]";
    int rc = cli_parse(argc, argv, opts, 4, use,
                       "Start de webserver en de JSON-API op de voorgrond. SIGTERM of Ctrl-C stopt hem netjes:\n"
                       "lopende verzoeken worden eerst afgemaakt.");
    if (rc >= 0)
        return rc;
    if (!db || !*db) {
        fprintf(stderr, "wijzer: geef een database op met --db FILE of WIJZER_DB\n");
        return EXIT_USAGE;
    }
    ServerOptions so = { .listen = listen && *listen ? listen : "127.0.0.1:8080", .quiet = quiet };
    if (threads) {
        char *end;
        long n = strtol(threads, &end, 10);
        if (*end || n < 1 || n > 256) {
            fprintf(stderr, "wijzer: --threads moet een getal van 1 tot 256 zijn\n");
            return EXIT_USAGE;
        }
        so.threads = (unsigned)n;
    }
    CliDb d;
    /* Migrating on start keeps a deployed binary and its database in step. */
    if (!cli_open(&d, db, 1))
        return 1;
    store_release(d.store, d.db);
    d.db = NULL;
    rc = server_run(d.store, &so);
    cli_close(&d);
    return rc;
}
