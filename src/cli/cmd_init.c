#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "domain/demo.h"
#include "domain/setup.h"

int cmd_init(int argc, char **argv)
{
    const char *db = getenv("WIJZER_DB");
    int demo = 0;
    const CliOpt opts[] = {
        { "--db", "FILE", "Het databasebestand (standaard: $WIJZER_DB).", &db, NULL },
        { "--demo", NULL, "Voeg demo-inhoud van Leidschendam-Voorburg toe.", NULL, &demo },
    };
    const char *use = "wijzer init --db FILE [--demo]";
    int rc = cli_parse(argc, argv, opts, 2, use,
                       "Maakt de database of werkt haar bij tot de nieuwste versie en laadt de referentiegegevens\n"
                       "(wijken en buurten, thema's, soorten hulp, werelddoelen, partners, doelen). Nog een keer\n"
                       "draaien verandert niets.");
    if (rc >= 0)
        return rc;
    if (!db || !*db) {
        fprintf(stderr, "wijzer: geef een database op met --db FILE of WIJZER_DB\n");
        return EXIT_USAGE;
    }
    CliDb d;
    if (!cli_open(&d, db, 1))
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
    if (demo)
        printf("Database %s is klaar; %d demo-initiatieven toegevoegd.\n", db, added);
    else
        printf("Database %s is klaar.\n", db);
    cli_close(&d);
    return 0;
}
