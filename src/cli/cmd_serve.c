#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "http/server.h"
#include "jobs/runner.h"

/* WIJZER_JOB_INTERVAL: seconds between job ticks (decimals allowed, for
 * tests); 0 turns the jobs off in this process. -1 when unreadable. */
static long job_interval_ms(void)
{
    const char *v = getenv("WIJZER_JOB_INTERVAL");
    if (!v || !*v)
        return JOB_INTERVAL_DEFAULT_MS;
    char *end;
    double s = strtod(v, &end);
    if (*end || s < 0 || s > 3600)
        return -1;
    return (long)(s * 1000 + 0.5);
}

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
                       "lopende verzoeken worden eerst afgemaakt.\n\n"
                       "Achtergrondtaken (zoals verlopen sessies opruimen) draaien in elk serve-proces; met\n"
                       "meer processen op één database draait elke taak toch maar één keer (zie: wijzer jobs).\n"
                       "WIJZER_JOB_INTERVAL=SECONDEN zet hoe vaak een proces kijkt of er een taak klaarstaat\n"
                       "(standaard 5; 0 zet de taken in dit proces uit).");
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
    long interval = job_interval_ms();
    if (interval < 0) {
        fprintf(stderr, "wijzer: WIJZER_JOB_INTERVAL moet een aantal seconden van 0 tot 3600 zijn\n");
        return EXIT_USAGE;
    }
    CliDb d;
    /* Migrating on start keeps a deployed binary and its database in step. */
    if (!cli_open(&d, db, 1))
        return 1;
    store_release(d.store, d.db);
    d.db = NULL;
    JobRunner *jobs = interval ? job_runner_start(d.store, interval) : NULL;
    if (interval && !jobs)
        fprintf(stderr, "wijzer: achtergrondtaken konden niet starten; de server draait zonder\n");
    rc = server_run(d.store, &so);
    job_runner_stop(jobs);
    cli_close(&d);
    return rc;
}
