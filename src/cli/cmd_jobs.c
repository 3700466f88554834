/* wijzer jobs: the background jobs and how often each has run, for
 * operators (not a public page). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "domain/jobs.h"

static const char *when(char *buf, size_t n, int64_t t)
{
    if (!t)
        return "-";
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

int cmd_jobs(int argc, char **argv)
{
    const char *db = getenv("WIJZER_DB"), *now = NULL;
    const CliOpt opts[] = {
        { "--db", "FILE", "Het databasebestand (standaard: $WIJZER_DB).", &db, NULL },
        { "--now", "TAAK", "Zet deze taak nu klaar: een draaiende server voert haar binnen seconden uit (één keer).",
          &now, NULL },
    };
    const char *use = "wijzer jobs --db FILE [--now TAAK]";
    int rc = cli_parse(argc, argv, opts, sizeof opts / sizeof *opts, use,
                       "Toont de achtergrondtaken: hoe vaak elke taak heeft gedraaid, wanneer het laatst en door\n"
                       "welk proces (host:pid:…), en wanneer de volgende keer is. Tijden in UTC. De taken draaien\n"
                       "in wijzer serve; met meer processen op één database draait elke taak één keer per beurt.");
    if (rc >= 0)
        return rc;
    if (!db || !*db) {
        fprintf(stderr, "wijzer: geef een database op met --db FILE of WIJZER_DB\n");
        return EXIT_USAGE;
    }
    CliDb d;
    if (!cli_open(&d, db, 1))
        return 1;
    if (now) {
        Status s = jobs_run_soon(&d.ctx, now);
        if (s != STATUS_OK) {
            fprintf(stderr, "wijzer: %s\n", s == ERR_NOT_FOUND ? "die taak bestaat niet" : db_errmsg(d.db));
            for (size_t i = 0; s == ERR_NOT_FOUND && i < jobs_count; i++)
                fprintf(stderr, "  %-22s %s\n", jobs_all[i].name, jobs_all[i].about);
            cli_close(&d);
            return s == ERR_NOT_FOUND ? EXIT_USAGE : 1;
        }
    }
    JobRow *rows;
    size_t n;
    if (jobs_list(&d.ctx, &rows, &n) != STATUS_OK) {
        fprintf(stderr, "wijzer: %s\n", db_errmsg(d.db));
        cli_close(&d);
        return 1;
    }
    printf("%-22s %6s  %-20s  %-4s  %-20s  %-20s  %s\n", "TAAK", "KEER", "LAATST", "GOED", "VOLGENDE", "NU BEZIG TOT",
           "DOOR");
    for (size_t i = 0; i < n; i++) {
        char last[32], next[32], lock[32];
        const JobRow *j = &rows[i];
        printf("%-22s %6lld  %-20s  %-4s  %-20s  %-20s  %s\n", j->name, (long long)j->runs,
               when(last, sizeof last, j->last_run_at), !j->last_run_at ? "-" : j->last_ok ? "ja" : "nee",
               when(next, sizeof next, j->next_run_at), when(lock, sizeof lock, j->locked_until),
               j->last_by ? j->last_by : "-");
    }
    if (!n)
        printf("(nog geen taken: ze worden vastgelegd zodra wijzer serve draait)\n");
    cli_close(&d);
    return 0;
}
