/* wijzer suggestions: what the matching engine (domain/match.h) suggests
 * for one initiative, and with --bench how long it takes for many random
 * initiatives (bench/match.sh). The time is the engine's own: reading the
 * initiative and ranking all five kinds, as the API does before it writes
 * JSON; no HTTP, no cache. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "domain/initiatives.h"
#include "domain/match.h"
#include "lib/text.h"
#include "store/store_match.h"

static double ms_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

static void print(const Initiative *in, const Suggestions *sg)
{
    static const char *const heads[SUG_KIND_COUNT_] = { "Initiatieven", "Organisaties", "Doelen", "Medewerkers",
                                                        "Fondsen" };
    printf("Suggesties voor %lld: %s\n", (long long)in->id, in->title);
    for (int k = 0; k < SUG_KIND_COUNT_; k++) {
        printf("\n%s\n", heads[k]);
        if (!sg->n[k])
            printf("  (geen)\n");
        for (size_t i = 0; i < sg->n[k]; i++) {
            const Suggestion *s = &sg->items[k][i];
            printf("  %3d  %-10s %s\n       ", s->score, s->target, s->name);
            for (size_t j = 0; j < s->n_reasons; j++)
                printf("%s%s", j ? "; " : "", s->reasons[j]);
            printf("\n");
        }
    }
}

static int bench(CliDb *d, long count, long seed)
{
    int64_t total;
    if (store_match_total(d->db, d->tenant.id, &total) != DB_OK || total <= 0) {
        fprintf(stderr, "wijzer: geen initiatieven in de database\n");
        return 1;
    }
    srand((unsigned)seed);
    double *ms = calloc((size_t)count, sizeof *ms);
    long done = 0, warm = count / 10 < 20 ? 20 : count / 10;
    struct timespec all;
    clock_gettime(CLOCK_MONOTONIC, &all);
    for (long i = 0; i < warm + count; i++) {
        int64_t id = 1 + (int64_t)(((uint64_t)rand() << 16 ^ (uint64_t)rand()) % (uint64_t)total);
        Arena *a = arena_new();
        Ctx c = d->ctx;
        c.arena = a;
        struct timespec t0;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        Initiative in;
        Suggestions sg;
        Status s = initiative_get(&c, id, &in);
        if (s == STATUS_OK)
            s = match_rank(&c, &in, &sg);
        double t = ms_since(&t0);
        arena_free(a);
        if (s == ERR_NOT_FOUND)
            continue;
        if (s != STATUS_OK) {
            fprintf(stderr, "wijzer: suggesties voor %lld mislukt: %s\n", (long long)id, db_errmsg(d->db));
            free(ms);
            return 1;
        }
        if (i >= warm)
            ms[done++] = t;
    }
    double wall = ms_since(&all);
    qsort(ms, (size_t)done, sizeof *ms, cmp_double);
    if (!done) {
        free(ms);
        return 1;
    }
    double sum = 0;
    for (long i = 0; i < done; i++)
        sum += ms[i];
    printf("suggesties: %ld willekeurige initiatieven van %lld (%s), na %ld om op te warmen\n", done,
           (long long)total, store_engine(d->store), warm);
    printf("mediaan %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms  gemiddeld %.2f ms  (alles %.1f s)\n",
           ms[done / 2], ms[done * 90 / 100], ms[done * 99 / 100], ms[done - 1], sum / (double)done, wall / 1e3);
    free(ms);
    return 0;
}

int cmd_suggestions(int argc, char **argv)
{
    const char *db = getenv("WIJZER_DB"), *id_arg = NULL, *count_arg = NULL, *seed_arg = NULL, *tenant = NULL;
    const CliOpt opts[] = {
        { "--db", "FILE", "De database (standaard: $WIJZER_DB).", &db, NULL },
        { "--id", "N", "Het initiatief.", &id_arg, NULL },
        { "--bench", "AANTAL", "Meet de tijd voor zoveel willekeurige initiatieven; toont mediaan, p90 en p99.",
          &count_arg, NULL },
        { "--seed", "N", "Begin van de willekeurige reeks bij --bench (standaard 1).", &seed_arg, NULL },
        { "--tenant", "CODE", CLI_TENANT_HELP, &tenant, NULL },
    };
    const char *use = "wijzer suggestions --db FILE (--id N | --bench AANTAL)";
    int rc = cli_parse(argc, argv, opts, sizeof opts / sizeof *opts, use,
                       "Toont wat de Initiatiefwijzer voorstelt voor een initiatief: vergelijkbare initiatieven,\n"
                       "organisaties, doelen, een contactpersoon en fondsen, elk met een score en waarom. Met\n"
                       "--bench: hoe lang dat duurt (de rekenmachine zelf, zonder HTTP).");
    if (rc >= 0)
        return rc;
    int64_t id = 0, count = 0, seed = 1;
    if (!db || !*db || (!id_arg && !count_arg) || (id_arg && (!parse_int64(id_arg, &id) || id <= 0))
        || (count_arg && (!parse_int64(count_arg, &count) || count <= 0 || count > 10000000))
        || (seed_arg && !parse_int64(seed_arg, &seed))) {
        fprintf(stderr, "Gebruik: %s\n", use);
        return EXIT_USAGE;
    }
    CliDb d;
    if (!cli_open_tenant(&d, db, 0, tenant))
        return 1;
    if (count) {
        rc = bench(&d, (long)count, (long)seed);
        cli_close(&d);
        return rc;
    }
    Initiative in;
    Suggestions sg;
    Status s = initiative_get(&d.ctx, id, &in);
    if (s == STATUS_OK)
        s = match_rank(&d.ctx, &in, &sg);
    if (s != STATUS_OK) {
        fprintf(stderr, "wijzer: %s\n", s == ERR_NOT_FOUND ? "dat initiatief bestaat niet" : db_errmsg(d.db));
        cli_close(&d);
        return 1;
    }
    print(&in, &sg);
    cli_close(&d);
    return 0;
}
