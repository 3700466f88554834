#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "api/objects.h"
#include "cli/cli.h"
#include "domain/demo.h"
#include "domain/scale.h"
#include "domain/setup.h"

static void scale_progress(long done, long total)
{
    fprintf(stderr, "\r  %ld van %ld initiatieven", done, total);
    if (done == total)
        fputc('\n', stderr);
}

static int init_scale(CliDb *d, long n)
{
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    ScaleReport rep;
    const char *err = NULL;
    if (scale_load(&d->ctx, n, &rep, isatty(2) ? scale_progress : NULL, &err) != STATUS_OK) {
        fprintf(stderr, "wijzer: --scale: %s\n", err ? err : "mislukt");
        return 0;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("Ronde %d: %ld initiatieven, %ld initiatiefnemers, %ld organisaties, %ld stappen en %ld hulpvragen "
           "gemaakt in %.1f s.\n",
           rep.run, rep.initiatives, rep.people, rep.organisations, rep.timeline, rep.help, s);
    return 1;
}

/* The API's initiative objects, made now rather than by the first
 * server's background thread (api/objects.h). */
static int init_objects(CliDb *d, int report)
{
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    ObjectRound st = { 0 };
    size_t made = 0;
    if (api_objects_make(d->ctx.db, &st, d->ctx.now, -1, &made) != STATUS_OK) {
        fprintf(stderr, "wijzer: API-objecten maken mislukt: %s\n", db_errmsg(d->ctx.db));
        return 0;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    if (report)
        printf("%zu API-objecten van initiatieven vooraf gemaakt in %.1f s.\n", made, s);
    return 1;
}

int cmd_init(int argc, char **argv)
{
    const char *db = getenv("WIJZER_DB");
    const char *scale = NULL, *tenant = NULL;
    int demo = 0;
    const CliOpt opts[] = {
        { "--db", "FILE", "Het databasebestand (standaard: $WIJZER_DB).", &db, NULL },
        { "--demo", NULL, "Voeg demo-inhoud van Leidschendam-Voorburg toe.", NULL, &demo },
        { "--scale", "N", "Voeg daarna N gegenereerde initiatieven toe, voor metingen (met --demo).", &scale, NULL },
        { "--tenant", "CODE", CLI_TENANT_HELP, &tenant, NULL },
    };
    const char *use = "wijzer init --db FILE [--demo [--scale N]] [--tenant CODE]";
    int rc = cli_parse(argc, argv, opts, sizeof opts / sizeof *opts, use,
                       "Maakt de database of werkt haar bij tot de nieuwste versie en laadt de referentiegegevens\n"
                       "(wijken en buurten, thema's, soorten hulp, werelddoelen, partners, doelen). Nog een keer\n"
                       "draaien verandert niets.\n\n"
                       "--scale N maakt N extra initiatieven met hun verloop, hulpvragen en initiatiefnemers, in\n"
                       "de wijken en buurten van Leidschendam-Voorburg (voor metingen en belastingproeven; ook de\n"
                       "demo wordt geladen), en N/20 organisaties (verenigingen, stichtingen, sportclubs, kerken,\n"
                       "scholen, zorgaanbieders, bedrijven, serviceclubs) met wat ze bieden, hun thema's en wijken.\n"
                       "Elke keer dat u het draait, komen er N bij: 100.000 en daarna\n"
                       "900.000 geeft 1.000.000. Dezelfde opdrachten geven dezelfde inhoud; alleen de datums\n"
                       "schuiven mee met vandaag.");
    if (rc >= 0)
        return rc;
    if (!db || !*db) {
        fprintf(stderr, "wijzer: geef een database op met --db FILE of WIJZER_DB\n");
        return EXIT_USAGE;
    }
    long n_scale = 0;
    if (scale) {
        char *end;
        n_scale = strtol(scale, &end, 10);
        if (*end || end == scale || n_scale < 1 || n_scale > SCALE_MAX) {
            fprintf(stderr, "wijzer: --scale moet een getal van 1 tot %d zijn\n", SCALE_MAX);
            return EXIT_USAGE;
        }
        demo = 1; /* the generated initiatives need the demo's officials */
    }
    CliDb d;
    if (!cli_open_tenant(&d, db, 1, tenant))
        return 1;
    const char *err = NULL;
    if (setup_reference_data(&d.ctx, &err) != STATUS_OK) {
        fprintf(stderr, "wijzer: referentiegegevens: %s\n", err);
        cli_close(&d);
        return 1;
    }
    int added = 0;
    if (demo && demo_load(&d.ctx, &added, &err) != STATUS_OK) {
        fprintf(stderr, "wijzer: demo: %s\n", err ? err : "mislukt");
        cli_close(&d);
        return 1;
    }
    if ((n_scale && !init_scale(&d, n_scale)) || !init_objects(&d, n_scale > 0)) {
        cli_close(&d);
        return 1;
    }
    if (demo)
        printf("Database %s is klaar; %d demo-initiatieven toegevoegd.\n", db, added);
    else
        printf("Database %s is klaar.\n", db);
    cli_close(&d);
    return 0;
}
