#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/accounts.h"
#include "domain/directory.h"
#include "domain/funds.h"
#include "domain/process.h"
#include "store/store.h"

/* Reads the password from standard input: one line, without its end. */
static char *read_password(Arena *a)
{
    char line[512];
    if (!fgets(line, sizeof line, stdin))
        return NULL;
    line[strcspn(line, "\r\n")] = 0;
    return arena_strdup(a, line);
}

enum { ORG_MAX = 16 };

/* Every value of --org CODE or --org=CODE, in order (at most ORG_MAX). */
static size_t org_codes(int argc, char **argv, const char **out)
{
    size_t n = 0;
    for (int i = 0; i < argc && n < ORG_MAX; i++) {
        if (strncmp(argv[i], "--org=", 6) == 0)
            out[n++] = argv[i] + 6;
        else if (strcmp(argv[i], "--org") == 0 && i + 1 < argc)
            out[n++] = argv[++i];
    }
    return n;
}

/* Makes the user a member of each organisation; says so per line. */
static int orgs_join(CliDb *d, int64_t user, const char **orgs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (directory_member_add(&d->ctx, orgs[i], user) != STATUS_OK) {
            fprintf(stderr, "wijzer: lidmaatschap van %s kon niet worden vastgelegd\n", orgs[i]);
            return 0;
        }
        printf("Gebruiker %lld is lid van organisatie %s.\n", (long long)user, orgs[i]);
    }
    return 1;
}

static int user_add(int argc, char **argv)
{
    const char *db = getenv("WIJZER_DB"), *email = NULL, *name = NULL, *role = NULL, *tenant = NULL, *fund = NULL;
    int chair = 0;
    /* --org may repeat: cli_parse keeps the last, org_codes() reads them all. */
    const char *org_last = NULL;
    const CliOpt opts[] = {
        { "--db", "FILE", "Het databasebestand (standaard: $WIJZER_DB).", &db, NULL },
        { "--email", "E", "E-mailadres (om mee in te loggen).", &email, NULL },
        { "--name", "N", "Naam zoals anderen die zien.", &name, NULL },
        { "--role", "ROLE", "resident, official, committee, coordinator of admin.", &role, NULL },
        { "--tenant", "CODE", CLI_TENANT_HELP, &tenant, NULL },
        { "--fund", "CODE", "Maakt de gebruiker lid van de commissie van dit fonds (bijv. vlietwensen).", &fund, NULL },
        { "--chair", NULL, "Met --fund: maakt de gebruiker voorzitter (de vorige voorzitter wordt lid).", NULL, &chair },
        { "--org", "CODE", "Maakt de gebruiker lid van deze organisatie (bijv. woej); mag vaker.", &org_last, NULL },
    };
    const char *use = "echo WACHTWOORD | wijzer user add --db FILE --email E --name N --role ROLE [--fund CODE [--chair]]"
                      " [--org CODE]... [--tenant CODE]";
    int rc = cli_parse(argc, argv, opts, sizeof opts / sizeof *opts, use,
                       "Maakt een gebruiker. Het wachtwoord (minstens 10 tekens) komt van standaardinvoer,\n"
                       "zodat het niet in de shellgeschiedenis of de proceslijst staat.\n"
                       "Met --fund wordt de gebruiker lid (met --chair: voorzitter) van de commissie van dat fonds.\n"
                       "Met --org (vaker te geven) wordt de gebruiker lid van die organisaties en kan hij\n"
                       "hun pagina bijhouden.\n"
                       "Bestaat het e-mailadres al, dan maken --fund en --org die gebruiker lid; er wordt dan geen\n"
                       "wachtwoord gelezen en --name en --role blijven zoals ze waren.");
    if (rc >= 0)
        return rc;
    if (!db || !email || !name || !role) {
        fprintf(stderr, "wijzer: --db, --email, --name en --role zijn nodig\nGebruik: %s\n", use);
        return EXIT_USAGE;
    }
    int r = role_parse(role);
    if (r < 0) {
        fprintf(stderr, "wijzer: onbekende rol '%s'; kies resident, official, committee, coordinator of admin\n",
                role);
        return EXIT_USAGE;
    }
    if (chair && !fund) {
        fprintf(stderr, "wijzer: --chair hoort bij --fund\nGebruik: %s\n", use);
        return EXIT_USAGE;
    }
    const char *orgs[ORG_MAX];
    size_t n_orgs = org_codes(argc, argv, orgs);
    CliDb d;
    if (!cli_open_tenant(&d, db, 1, tenant))
        return 1;
    for (size_t i = 0; i < n_orgs; i++) {
        Organisation o;
        if (directory_organisation(&d.ctx, orgs[i], &o) != STATUS_OK) {
            fprintf(stderr, "wijzer: geen organisatie met code '%s' bij %s\n", orgs[i], d.tenant.name);
            cli_close(&d);
            return 1;
        }
    }
    if (n_orgs && !fund) {
        User existing;
        if (store_user_by_email(d.db, d.ctx.arena, d.tenant.id, email_normalise(d.ctx.arena, email), &existing)
            == DB_OK) {
            int ok = orgs_join(&d, existing.id, orgs, n_orgs);
            cli_close(&d);
            return ok ? 0 : 1;
        }
    }
    if (fund) {
        Fund f;
        if (fund_get(&d.ctx, fund, &f) != STATUS_OK) {
            fprintf(stderr, "wijzer: geen fonds met code '%s' bij %s\n", fund, d.tenant.name);
            cli_close(&d);
            return 1;
        }
        User existing;
        if (store_user_by_email(d.db, d.ctx.arena, d.tenant.id, email_normalise(d.ctx.arena, email), &existing)
            == DB_OK) {
            int ok = fund_member_add(&d.ctx, fund, existing.id, chair) == STATUS_OK;
            if (ok)
                printf("Gebruiker %lld is nu %s van %s.\n", (long long)existing.id, chair ? "voorzitter" : "lid",
                       f.name);
            else
                fprintf(stderr, "wijzer: lidmaatschap kon niet worden vastgelegd\n");
            ok = ok && orgs_join(&d, existing.id, orgs, n_orgs);
            cli_close(&d);
            return ok ? 0 : 1;
        }
    }
    const char *pw = read_password(d.ctx.arena);
    if (!pw || !*pw) {
        fprintf(stderr, "wijzer: geef het wachtwoord op standaardinvoer\n");
        cli_close(&d);
        return EXIT_USAGE;
    }
    FieldErrors e = { 0 };
    int64_t id;
    Status s = account_add(&d.ctx, name, email, pw, (Role)r, &e, &id);
    if (s != STATUS_OK) {
        for (size_t i = 0; i < e.n; i++)
            fprintf(stderr, "wijzer: %s: %s\n", e.field[i], e.message[i]);
        if (!e.n)
            fprintf(stderr, "wijzer: gebruiker kon niet worden gemaakt\n");
        cli_close(&d);
        return 1;
    }
    printf("Gebruiker %lld gemaakt (%s).\n", (long long)id, role_code((Role)r));
    if (fund) {
        if (fund_member_add(&d.ctx, fund, id, chair) != STATUS_OK) {
            fprintf(stderr, "wijzer: lidmaatschap van %s kon niet worden vastgelegd\n", fund);
            cli_close(&d);
            return 1;
        }
        printf("Lid%s van de commissie van %s.\n", chair ? " en voorzitter" : "", fund);
    }
    int ok = orgs_join(&d, id, orgs, n_orgs);
    cli_close(&d);
    return ok ? 0 : 1;
}

int cmd_user(int argc, char **argv)
{
    if (argc >= 1 && strcmp(argv[0], "add") == 0)
        return user_add(argc - 1, argv + 1);
    if (argc >= 1 && (strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0)) {
        printf("Gebruik: wijzer user add --db FILE --email E --name N --role ROLE [--fund CODE [--chair]]"
               " [--org CODE]...\n\n"
               "Maakt een gebruiker; het wachtwoord komt van standaardinvoer. Met --fund: lid (of met\n"
               "--chair voorzitter) van de commissie van een fonds. Met --org: lid van een organisatie.\n"
               "Meer: wijzer user add --help\n");
        return 0;
    }
    fprintf(stderr, "Gebruik: wijzer user add --db FILE --email E --name N --role ROLE (meer met --help)\n");
    return EXIT_USAGE;
}

int cmd_token(int argc, char **argv)
{
    if (argc < 1 || strcmp(argv[0], "create") != 0) {
        if (argc >= 1 && (strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0)) {
            printf("Gebruik: wijzer token create --db FILE --email E\n\nMaakt een API-sleutel voor een gebruiker.\n");
            return 0;
        }
        fprintf(stderr, "Gebruik: wijzer token create --db FILE --email E (meer met --help)\n");
        return EXIT_USAGE;
    }
    const char *db = getenv("WIJZER_DB"), *email = NULL, *tenant = NULL;
    const CliOpt opts[] = {
        { "--db", "FILE", "Het databasebestand (standaard: $WIJZER_DB).", &db, NULL },
        { "--email", "E", "De gebruiker voor wie de sleutel is.", &email, NULL },
        { "--tenant", "CODE", CLI_TENANT_HELP, &tenant, NULL },
    };
    const char *use = "wijzer token create --db FILE --email E [--tenant CODE]";
    int rc = cli_parse(argc - 1, argv + 1, opts, sizeof opts / sizeof *opts, use,
                       "Maakt een API-sleutel (bearer token) en schrijft die op één regel. Bewaar hem goed:\n"
                       "hij wordt niet opnieuw getoond. Gebruik: Authorization: Bearer SLEUTEL");
    if (rc >= 0)
        return rc;
    if (!db || !email) {
        fprintf(stderr, "wijzer: --db en --email zijn nodig\nGebruik: %s\n", use);
        return EXIT_USAGE;
    }
    CliDb d;
    if (!cli_open_tenant(&d, db, 1, tenant))
        return 1;
    User u;
    if (store_user_by_email(d.db, d.ctx.arena, d.tenant.id, email_normalise(d.ctx.arena, email), &u) != DB_OK) {
        fprintf(stderr, "wijzer: geen gebruiker met e-mailadres %s bij %s\n", email, d.tenant.name);
        cli_close(&d);
        return 1;
    }
    const char *token;
    if (token_create(&d.ctx, u.id, &token) != STATUS_OK) {
        fprintf(stderr, "wijzer: sleutel kon niet worden gemaakt\n");
        cli_close(&d);
        return 1;
    }
    printf("%s\n", token);
    cli_close(&d);
    return 0;
}
