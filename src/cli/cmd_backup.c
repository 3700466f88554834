/* wijzer backup / wijzer restore: a copy of an SQLite database while the
 * server runs, and putting one back (store/backup.c does the work). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cli/cli.h"

static double seconds_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

int cmd_backup(int argc, char **argv)
{
    const char *db = getenv("WIJZER_DB"), *to = NULL;
    int force = 0;
    const CliOpt opts[] = {
        { "--db", "FILE", "De database (standaard: $WIJZER_DB).", &db, NULL },
        { "--to", "FILE", "Het nieuwe bestand voor de back-up.", &to, NULL },
        { "--force", NULL, "Overschrijf --to als dat al bestaat.", NULL, &force },
    };
    const char *use = "wijzer backup --db FILE --to FILE [--force]";
    int rc = cli_parse(argc, argv, opts, sizeof opts / sizeof *opts, use,
                       "Maakt een back-up van de database terwijl de server gewoon doordraait: SQLite kopieert\n"
                       "hem in kleine stappen naar één nieuw bestand. Terugzetten: wijzer restore.\n"
                       "Voor PostgreSQL: pg_dump (zie README, Backup).");
    if (rc >= 0)
        return rc;
    if (!db || !*db || !to || !*to) {
        fprintf(stderr, "wijzer: --db en --to zijn nodig\nGebruik: %s\n", use);
        return EXIT_USAGE;
    }
    char err[1024];
    BackupReport rep;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (store_backup(db, to, force, &rep, err, sizeof err) != DB_OK) {
        fprintf(stderr, "wijzer: backup: %s\n", err);
        return 1;
    }
    printf("Back-up van %s gemaakt in %s: %.1f MB in %lld stappen, %.2f s.\n", db, to, (double)rep.bytes / 1e6,
           (long long)rep.steps, seconds_since(&t0));
    return 0;
}

int cmd_restore(int argc, char **argv)
{
    const char *db = getenv("WIJZER_DB"), *from = NULL;
    int force = 0;
    const CliOpt opts[] = {
        { "--from", "FILE", "De back-up (gemaakt met wijzer backup).", &from, NULL },
        { "--db", "FILE", "De database om in terug te zetten (standaard: $WIJZER_DB).", &db, NULL },
        { "--force", NULL, "Overschrijf de database als die al bestaat.", NULL, &force },
    };
    const char *use = "wijzer restore --from FILE --db FILE [--force]";
    int rc = cli_parse(argc, argv, opts, sizeof opts / sizeof *opts, use,
                       "Zet een back-up terug. Eerst wordt gekeken of het bestand een database van wijzer is en\n"
                       "heel is. Een bestaande database wordt alleen met --force overschreven; zet liever terug\n"
                       "in een nieuw bestand en start de server daarop. Voor PostgreSQL: pg_restore (zie README).");
    if (rc >= 0)
        return rc;
    if (!db || !*db || !from || !*from) {
        fprintf(stderr, "wijzer: --from en --db zijn nodig\nGebruik: %s\n", use);
        return EXIT_USAGE;
    }
    char err[1024];
    BackupReport rep;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (store_restore(from, db, force, &rep, err, sizeof err) != DB_OK) {
        fprintf(stderr, "wijzer: restore: %s\n", err);
        return 1;
    }
    printf("Back-up %s teruggezet in %s: %.1f MB, %.2f s. Start de server: wijzer serve --db %s\n", from, db,
           (double)rep.bytes / 1e6, seconds_since(&t0), db);
    return 0;
}
