/* wijzer tenant add|list: the municipalities on one installation. Each has
 * a code (for the command line), a name (on every page) and the host name
 * its pages are reached under (dispatch.c picks the tenant by Host). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/setup.h"
#include "store/store.h"

enum { CODE_MAX = 63, NAME_MAX_LEN = 100, HOST_MAX = 253 };

static int code_valid(const char *s)
{
    size_t n = strlen(s);
    if (n < 2 || n > CODE_MAX || s[0] == '-' || s[n - 1] == '-')
        return 0;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
            return 0;
    return 1;
}

/* A host name as the Host header brings it, without port: letters,
 * digits, dots and hyphens. Lower-cased in place; 0 when not valid. */
static int host_valid(char *s)
{
    size_t n = strlen(s);
    if (n && s[n - 1] == '.')
        s[--n] = 0;
    if (n < 1 || n > HOST_MAX || s[0] == '.' || s[0] == '-' || strstr(s, ".."))
        return 0;
    for (char *p = s; *p; p++) {
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '.'))
            return 0;
    }
    return 1;
}

/* With more than one municipality an unknown host gets 404, so one
 * without a host cannot be reached at all: say so. */
static void warn_unreachable(CliDb *d)
{
    Tenant *all;
    size_t n;
    if (store_tenant_list(d->db, d->ctx.arena, &all, &n) != DB_OK || n < 2)
        return;
    for (size_t i = 0; i < n; i++)
        if (!all[i].host)
            fprintf(stderr,
                    "wijzer: let op: %s heeft geen host en is niet te bereiken zolang er meer gemeenten zijn.\n"
                    "        Geef haar een host: wijzer tenant add --db … --code %s --host HOST\n",
                    all[i].code, all[i].code);
}

static int tenant_add(int argc, char **argv)
{
    const char *db = getenv("WIJZER_DB"), *code = NULL, *name = NULL, *host_arg = NULL;
    const CliOpt opts[] = {
        { "--db", "FILE", "Het databasebestand (standaard: $WIJZER_DB).", &db, NULL },
        { "--code", "CODE", "Korte naam voor de opdrachtregel: kleine letters, cijfers en -, zoals wassenaar.", &code,
          NULL },
        { "--name", "NAAM", "De naam op elke pagina, zoals Wassenaar (bij een bestaande gemeente mag hij weg).", &name,
          NULL },
        { "--host", "HOST", "De hostnaam waaronder haar pagina's bereikbaar zijn, zoals initiatieven.wassenaar.nl.",
          &host_arg, NULL },
    };
    const char *use = "wijzer tenant add --db FILE --code CODE --name NAAM --host HOST";
    int rc = cli_parse(argc, argv, opts, sizeof opts / sizeof *opts, use,
                       "Voegt een gemeente toe, of werkt naam en host van een bestaande bij, en laadt haar\n"
                       "referentiegegevens (wijken, thema's, soorten hulp, werelddoelen, partners, doelen).\n"
                       "Welke gemeente een bezoeker ziet, volgt uit de hostnaam in zijn verzoek. Zolang er één\n"
                       "gemeente is, krijgt elke hostnaam die gemeente; zijn er meer, dan krijgt een onbekende\n"
                       "hostnaam 404 (Onbekende gemeente). Geef dan elke gemeente een host, ook de eerste.");
    if (rc >= 0)
        return rc;
    if (!db || !code) {
        fprintf(stderr, "wijzer: --db en --code zijn nodig\nGebruik: %s\n", use);
        return EXIT_USAGE;
    }
    if (!code_valid(code)) {
        fprintf(stderr, "wijzer: --code mag alleen kleine letters, cijfers en - bevatten (2 tot %d tekens)\n", CODE_MAX);
        return EXIT_USAGE;
    }
    if (name && (!*name || strlen(name) > NAME_MAX_LEN)) {
        fprintf(stderr, "wijzer: --name mag niet leeg zijn en hoogstens %d tekens hebben\n", NAME_MAX_LEN);
        return EXIT_USAGE;
    }
    CliDb d;
    if (!cli_open(&d, db, 1))
        return 1;
    char *host = host_arg ? arena_strdup(d.ctx.arena, host_arg) : NULL;
    if (host && !host_valid(host)) {
        fprintf(stderr, "wijzer: --host is een hostnaam zonder poort, zoals initiatieven.wassenaar.nl\n");
        cli_close(&d);
        return EXIT_USAGE;
    }
    Tenant t, other;
    int exists = store_tenant_by_code(d.db, d.ctx.arena, code, &t) == DB_OK;
    if (!exists && !name) {
        fprintf(stderr, "wijzer: een nieuwe gemeente heeft een naam nodig (--name)\n");
        cli_close(&d);
        return EXIT_USAGE;
    }
    if (host && store_tenant_by_host(d.db, d.ctx.arena, host, &other) == DB_OK && strcmp(other.code, code) != 0) {
        fprintf(stderr, "wijzer: host %s hoort al bij %s\n", host, other.code);
        cli_close(&d);
        return 1;
    }
    const char *err = NULL;
    if (db_begin(d.db) != DB_OK || store_tenant_upsert(d.db, code, name ? name : t.name, host) != DB_OK
        || store_tenant_by_code(d.db, d.ctx.arena, code, &t) != DB_OK) {
        fprintf(stderr, "wijzer: gemeente kon niet worden opgeslagen: %s\n", db_errmsg(d.db));
        db_rollback(d.db);
        cli_close(&d);
        return 1;
    }
    d.ctx.tenant = &t;
    if (setup_reference_data(&d.ctx, &err) != STATUS_OK || db_commit(d.db) != DB_OK) {
        fprintf(stderr, "wijzer: referentiegegevens: %s\n", err ? err : db_errmsg(d.db));
        db_rollback(d.db);
        cli_close(&d);
        return 1;
    }
    printf("Gemeente %s (%s) %s; host: %s.\n", t.code, t.name, exists ? "bijgewerkt" : "toegevoegd",
           t.host ? t.host : "geen");
    warn_unreachable(&d);
    cli_close(&d);
    return 0;
}

static int tenant_list(int argc, char **argv)
{
    const char *db = getenv("WIJZER_DB");
    const CliOpt opts[] = {
        { "--db", "FILE", "Het databasebestand (standaard: $WIJZER_DB).", &db, NULL },
    };
    const char *use = "wijzer tenant list --db FILE";
    int rc = cli_parse(argc, argv, opts, 1, use, "Toont de gemeenten: code, host en naam, één per regel.");
    if (rc >= 0)
        return rc;
    if (!db) {
        fprintf(stderr, "wijzer: --db is nodig\nGebruik: %s\n", use);
        return EXIT_USAGE;
    }
    CliDb d;
    if (!cli_open(&d, db, 1))
        return 1;
    Tenant *all;
    size_t n;
    if (store_tenant_list(d.db, d.ctx.arena, &all, &n) != DB_OK) {
        fprintf(stderr, "wijzer: %s\n", db_errmsg(d.db));
        cli_close(&d);
        return 1;
    }
    for (size_t i = 0; i < n; i++)
        printf("%-24s %-32s %s\n", all[i].code, all[i].host ? all[i].host : n == 1 ? "(elke host)" : "(geen host)",
               all[i].name);
    warn_unreachable(&d);
    cli_close(&d);
    return 0;
}

int cmd_tenant(int argc, char **argv)
{
    if (argc >= 1 && strcmp(argv[0], "add") == 0)
        return tenant_add(argc - 1, argv + 1);
    if (argc >= 1 && strcmp(argv[0], "list") == 0)
        return tenant_list(argc - 1, argv + 1);
    int help = argc >= 1 && (strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0);
    fprintf(help ? stdout : stderr,
            "Gebruik: wijzer tenant add --db FILE --code CODE --name NAAM --host HOST\n"
            "         wijzer tenant list --db FILE\n\n"
            "Gemeenten op deze installatie; de host van een verzoek kiest de gemeente. Meer: wijzer tenant add "
            "--help\n");
    return help ? 0 : EXIT_USAGE;
}
