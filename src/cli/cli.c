#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

#include "domain/accounts.h"
#include "domain/setup.h"
#include "lib/dates.h"
#include "store/store.h"

void cli_print_help(const CliOpt *opts, size_t n, const char *usage, const char *about)
{
    printf("Gebruik: %s\n\n%s\n\nOpties:\n", usage, about);
    for (size_t i = 0; i < n; i++) {
        char left[64];
        snprintf(left, sizeof left, "%s%s%s", opts[i].name, opts[i].arg ? " " : "", opts[i].arg ? opts[i].arg : "");
        printf("  %-24s %s\n", left, opts[i].help);
    }
    printf("  %-24s %s\n", "--help", "Deze uitleg.");
}

int cli_parse(int argc, char **argv, const CliOpt *opts, size_t n, const char *usage, const char *about)
{
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            cli_print_help(opts, n, usage, about);
            return 0;
        }
        const char *arg = argv[i], *eq = strchr(arg, '=');
        size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
        const CliOpt *o = NULL;
        for (size_t k = 0; k < n; k++)
            if (strlen(opts[k].name) == len && strncmp(opts[k].name, arg, len) == 0)
                o = &opts[k];
        if (!o) {
            fprintf(stderr, "wijzer: onbekende optie '%s'\nGebruik: %s (meer met --help)\n", arg, usage);
            return EXIT_USAGE;
        }
        if (!o->arg) {
            *o->flag = 1;
        } else if (eq) {
            *o->value = eq + 1;
        } else if (i + 1 < argc) {
            *o->value = argv[++i];
        } else {
            fprintf(stderr, "wijzer: %s heeft een waarde nodig (%s)\n", o->name, o->arg);
            return EXIT_USAGE;
        }
    }
    return -1;
}

int cli_open(CliDb *d, const char *path, int migrate)
{
    memset(d, 0, sizeof *d);
    char err[512];
    if (accounts_init() != 0) {
        fprintf(stderr, "wijzer: libsodium kon niet starten\n");
        return 0;
    }
    if (store_open(path, &d->store, err, sizeof err) != DB_OK) {
        fprintf(stderr, "wijzer: %s\n", err);
        return 0;
    }
    d->db = store_acquire(d->store);
    d->ctx.arena = arena_new();
    d->ctx.db = d->db;
    d->ctx.now = date_now();
    if (migrate && store_migrate(d->db, err, sizeof err) < 0) {
        fprintf(stderr, "wijzer: %s\n", err);
        cli_close(d);
        return 0;
    }
    if (setup_default_tenant(d->db, d->ctx.arena, &d->tenant) != STATUS_OK) {
        fprintf(stderr, "wijzer: database %s is niet ingericht; draai eerst: wijzer init --db %s\n", path, path);
        cli_close(d);
        return 0;
    }
    d->ctx.tenant = &d->tenant;
    return 1;
}

int cli_open_tenant(CliDb *d, const char *path, int migrate, const char *tenant)
{
    if (!cli_open(d, path, migrate))
        return 0;
    if (!tenant)
        return 1;
    if (store_tenant_by_code(d->db, d->ctx.arena, tenant, &d->tenant) != DB_OK) {
        fprintf(stderr, "wijzer: geen gemeente met code '%s'; zie wijzer tenant list --db %s\n", tenant, path);
        cli_close(d);
        return 0;
    }
    return 1;
}

void cli_close(CliDb *d)
{
    if (d->db)
        store_release(d->store, d->db);
    store_close(d->store);
    arena_free(d->ctx.arena);
    memset(d, 0, sizeof *d);
}
