/* wijzer: web server, JSON API and command-line tool in one program. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *help;
} commands[] = {
    { "init", cmd_init, "Maak of werk de database bij en laad de referentiegegevens (en met --demo een demo)." },
    { "serve", cmd_serve, "Start de webserver en de API." },
    { "user", cmd_user, "Beheer gebruikers: wijzer user add …" },
    { "token", cmd_token, "Maak een API-sleutel: wijzer token create …" },
    { "setting", cmd_setting, "Lees of wijzig instellingen, zoals de termijnen: wijzer setting …" },
    { "tenant", cmd_tenant, "Beheer gemeenten (tenants): wijzer tenant add|list …" },
    { "jobs", cmd_jobs, "Toon de achtergrondtaken en hoe vaak ze draaiden." },
    { "suggestions", cmd_suggestions, "Toon de suggesties voor een initiatief, of meet hoe snel: --bench." },
    { "volunteers", cmd_volunteers, "Vrijwilligerswerk op schaal: maak vrijwilligers en vacatures, meet ‘voor u’." },
    { "backup", cmd_backup, "Maak een back-up terwijl de server draait: wijzer backup --db FILE --to FILE" },
    { "restore", cmd_restore, "Zet een back-up terug: wijzer restore --from FILE --db FILE" },
};

static void usage(FILE *f)
{
    fprintf(f, "Gebruik: wijzer COMMANDO [OPTIES]\n\n"
               "Initiatiefwijzer: burgerinitiatieven samen met de gemeente.\n\nCommando's:\n");
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].help);
    fprintf(f, "\nOmgeving: WIJZER_DB is de standaard voor --db, WIJZER_LISTEN voor --listen.\n"
               "Meer over een commando: wijzer COMMANDO --help\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 2, argv + 2);
    fprintf(stderr, "wijzer: onbekend commando '%s'\n\n", argv[1]);
    usage(stderr);
    return EXIT_USAGE;
}
