#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "lib/text.h"
#include "store/store.h"

/* The settings a municipality may change, with their bounds. */
static const struct {
    const char *key, *help;
    int64_t min, max, fallback;
} known[] = {
    { "deadline.intake_working_days", "werkdagen voor de intake na indienen", 1, 365, 10 },
    { "deadline.decision_weeks", "weken voor een besluit na indienen", 1, 104, 8 },
};
enum { N_KNOWN = sizeof known / sizeof *known };

static int find_key(const char *key)
{
    for (int i = 0; key && i < N_KNOWN; i++)
        if (strcmp(known[i].key, key) == 0)
            return i;
    return -1;
}

static void list_keys(FILE *f)
{
    for (int i = 0; i < N_KNOWN; i++)
        fprintf(f, "  %-30s %s (%lld–%lld, standaard %lld)\n", known[i].key, known[i].help, (long long)known[i].min,
                (long long)known[i].max, (long long)known[i].fallback);
}

int cmd_setting(int argc, char **argv)
{
    const char *verb = argc >= 1 ? argv[0] : "";
    int set = strcmp(verb, "set") == 0, get = strcmp(verb, "get") == 0;
    if (!set && !get) {
        FILE *f = strcmp(verb, "--help") == 0 || strcmp(verb, "-h") == 0 ? stdout : stderr;
        fprintf(f, "Gebruik: wijzer setting get --db FILE [--key K] [--tenant CODE]\n"
                   "         wijzer setting set --db FILE --key K --value V [--tenant CODE]\n\nInstellingen:\n");
        list_keys(f);
        return f == stdout ? 0 : EXIT_USAGE;
    }
    const char *db = getenv("WIJZER_DB"), *key = NULL, *value = NULL, *tenant = NULL;
    const CliOpt opts[] = {
        { "--db", "FILE", "Het databasebestand (standaard: $WIJZER_DB).", &db, NULL },
        { "--key", "K", "De instelling.", &key, NULL },
        { "--tenant", "CODE", CLI_TENANT_HELP, &tenant, NULL },
        { "--value", "V", "De nieuwe waarde (alleen bij set).", &value, NULL },
    };
    int rc = cli_parse(argc - 1, argv + 1, opts, set ? 4 : 3,
                       set ? "wijzer setting set --db FILE --key K --value V [--tenant CODE]"
                           : "wijzer setting get --db FILE [--key K] [--tenant CODE]",
                       "Leest of wijzigt een instelling van de gemeente, zoals de termijnen.");
    if (rc >= 0)
        return rc;
    int k = key ? find_key(key) : -1;
    if (!db || (set && (!key || !value)) || (key && k < 0)) {
        fprintf(stderr, "wijzer: geef --db%s met een van deze instellingen:\n", set ? ", --key en --value" : "");
        list_keys(stderr);
        return EXIT_USAGE;
    }
    int64_t v = 0;
    if (set && (!parse_int64(value, &v) || v < known[k].min || v > known[k].max)) {
        fprintf(stderr, "wijzer: %s moet een getal van %lld tot %lld zijn\n", key, (long long)known[k].min,
                (long long)known[k].max);
        return EXIT_USAGE;
    }
    CliDb d;
    if (!cli_open_tenant(&d, db, 1, tenant))
        return 1;
    rc = 0;
    if (set) {
        rc = store_setting_set(d.db, d.tenant.id, key, value) == DB_OK ? 0 : 1;
    } else {
        for (int i = 0; i < N_KNOWN; i++) {
            if (k >= 0 && i != k)
                continue;
            const char *cur = store_setting_get(d.db, d.ctx.arena, d.tenant.id, known[i].key);
            printf("%s=%s\n", known[i].key, cur ? cur : arena_printf(d.ctx.arena, "%lld", (long long)known[i].fallback));
        }
    }
    cli_close(&d);
    return rc;
}
