/* wijzer volunteers: volunteering at scale (issue 6). --volunteers N and
 * --vacancies N add that many generated residents with a visible
 * volunteer profile and open vacancies (bench/volunteers.sh makes 50,000
 * and 10,000); --bench N times "for you" (domain/volunteer_match.h) for N
 * random generated volunteers: the candidate query and the scoring, as
 * GET /api/v1/volunteers/me/matches does before it writes JSON; no HTTP.
 * The generated rows are deterministic (a fixed random sequence) and use
 * the municipality's own codes for wijken and themes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "domain/reference.h"
#include "domain/volunteer_match.h"
#include "lib/dates.h"
#include "lib/text.h"
#include "store/store.h"
#include "store/store_volunteering.h"

static uint64_t rng = 88172645463325252ull;

static uint32_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng >> 16);
}

static const char *const skills[] = { "koken", "tuinieren", "fietsen", "Arabisch", "Turks", "Engels", "computers",
                                      "rijbewijs", "klussen", "voorlezen", "muziek", "sport", "administratie",
                                      "schilderen", "naaien", "EHBO" };
static const char *const orgs[] = { "woej", "ibce", "bibliotheek", "fenomeen-bovenveen" };

static int random_slots(int n)
{
    int m = 0;
    for (int i = 0; i < n; i++)
        m |= 1 << (next() % 21);
    return m;
}

static int generate(CliDb *d, long volunteers, long vacancies)
{
    Ctx *c = &d->ctx;
    Area *areas;
    CodeName *themes;
    size_t na, nt;
    if (reference_areas(c, &areas, &na) != STATUS_OK || reference_themes(c, &themes, &nt) != STATUS_OK || !na || !nt)
        return 1;
    int64_t today = date_day(c->now);
    for (long i = 0; i < volunteers; i += 5000) {
        if (db_begin(d->db) != DB_OK)
            return 1;
        db_bulk(d->db, 1);
        for (long k = i; k < volunteers && k < i + 5000; k++) {
            Arena *a = arena_new();
            User u = { .email = arena_printf(a, "vrijwilliger-%ld@bench.example", k + 1),
                       .name = arena_printf(a, "Vrijwilliger %ld", k + 1), .role = ROLE_RESIDENT };
            int64_t id;
            const char *th[2] = { themes[next() % nt].code, themes[next() % nt].code };
            const char *ar[2] = { areas[next() % na].code, areas[next() % na].code };
            VolunteerInput in = { .skills = arena_printf(a, "%s, %s", skills[next() % 16], skills[next() % 16]),
                                  .themes = th, .n_themes = 1 + next() % 2, .areas = ar, .n_areas = 1 + next() % 2,
                                  .availability = random_slots(1 + (int)(next() % 5)),
                                  .preference = (VolPreference)(next() % 3), .visible = next() % 4 != 0 };
            int rc = store_user_insert(d->db, d->tenant.id, &u, c->now, &id);
            if (rc == DB_OK)
                rc = store_vol_profile_save(d->db, d->tenant.id, id, &in, c->now);
            arena_free(a);
            if (rc != DB_OK) {
                fprintf(stderr, "wijzer: vrijwilliger %ld: %s\n", k + 1, db_errmsg(d->db));
                db_rollback(d->db);
                return 1;
            }
        }
        db_bulk(d->db, 0);
        if (db_commit(d->db) != DB_OK)
            return 1;
    }
    for (long i = 0; i < vacancies; i += 5000) {
        if (db_begin(d->db) != DB_OK)
            return 1;
        db_bulk(d->db, 1);
        for (long k = i; k < vacancies && k < i + 5000; k++) {
            Arena *a = arena_new();
            int one_off = next() % 3 == 0;
            VacancyInput in = { .organisation = orgs[next() % 4], .title = arena_printf(a, "Vacature %ld", k + 1),
                                .tasks = "Helpen waar het nodig is.", .skills = skills[next() % 16],
                                .theme = themes[next() % nt].code, .area = areas[next() % na].code,
                                .from_home = next() % 10 == 0, .places = 1 + (int)(next() % 5),
                                .suits = (int)(next() % 32), .times = next() % 5 ? random_slots(1 + (int)(next() % 3)) : 0 };
            if (one_off) {
                in.date = date_iso(a, today + 1 + next() % 180);
                in.hours = 2 + (int)(next() % 6);
            } else
                in.hours_per_week = 1 + (int)(next() % 8);
            int64_t id;
            int rc = store_vac_insert(d->db, d->tenant.id, &in, 0, c->now, &id);
            arena_free(a);
            if (rc != DB_OK) {
                fprintf(stderr, "wijzer: vacature %ld: %s\n", k + 1, db_errmsg(d->db));
                db_rollback(d->db);
                return 1;
            }
        }
        db_bulk(d->db, 0);
        if (db_commit(d->db) != DB_OK)
            return 1;
    }
    printf("%ld vrijwilligers en %ld vacatures toegevoegd.\n", volunteers, vacancies);
    return 0;
}

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

static int bench(CliDb *d, long count, long of)
{
    double *ms = calloc((size_t)count, sizeof *ms);
    long done = 0, warm = count / 10 < 20 ? 20 : count / 10, tries = 0;
    size_t matches = 0;
    while (done < count && tries++ < 20 * (warm + count)) {
        Arena *a = arena_new();
        Ctx c = d->ctx;
        c.arena = a;
        User u;
        if (store_user_by_email(d->db, a, d->tenant.id,
                                arena_printf(a, "vrijwilliger-%ld@bench.example", 1 + (long)(next() % (uint32_t)of)),
                                &u) != DB_OK) {
            arena_free(a);
            continue;
        }
        c.user = &u;
        VolMatch *m;
        size_t n;
        struct timespec t0;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        Status s = volunteer_matches(&c, &m, &n);
        double t = ms_since(&t0);
        arena_free(a);
        if (s != STATUS_OK) {
            fprintf(stderr, "wijzer: voor u mislukt: %s\n", db_errmsg(d->db));
            free(ms);
            return 1;
        }
        if (warm > 0) {
            warm--;
            continue;
        }
        matches += n;
        ms[done++] = t;
    }
    if (!done) {
        fprintf(stderr, "wijzer: geen gemaakte vrijwilligers gevonden (eerst --volunteers N)\n");
        free(ms);
        return 1;
    }
    qsort(ms, (size_t)done, sizeof *ms, cmp_double);
    printf("voor u: %ld willekeurige vrijwilligers (%s), gemiddeld %.1f vacatures per lijst\n", done,
           store_engine(d->store), (double)matches / (double)done);
    printf("mediaan %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms\n", ms[done / 2], ms[done * 90 / 100],
           ms[done * 99 / 100], ms[done - 1]);
    free(ms);
    return 0;
}

int cmd_volunteers(int argc, char **argv)
{
    const char *db = getenv("WIJZER_DB"), *vol_arg = NULL, *vac_arg = NULL, *bench_arg = NULL, *of_arg = NULL;
    const CliOpt opts[] = {
        { "--db", "FILE", "De database (standaard: $WIJZER_DB).", &db, NULL },
        { "--volunteers", "N", "Voeg zoveel gemaakte vrijwilligers met een profiel toe.", &vol_arg, NULL },
        { "--vacancies", "N", "Voeg zoveel gemaakte open vacatures toe.", &vac_arg, NULL },
        { "--bench", "AANTAL", "Meet ‘voor u’ voor zoveel willekeurige gemaakte vrijwilligers; toont mediaan, p90, p99.",
          &bench_arg, NULL },
        { "--of", "N", "Uit hoeveel gemaakte vrijwilligers --bench kiest (standaard 50000).", &of_arg, NULL },
    };
    const char *use = "wijzer volunteers --db FILE [--volunteers N] [--vacancies N] [--bench AANTAL [--of N]]";
    int rc = cli_parse(argc, argv, opts, sizeof opts / sizeof *opts, use,
                       "Vrijwilligerswerk op schaal: maakt vrijwilligers en vacatures aan om te meten, en meet hoe\n"
                       "snel ‘voor u’ is (de rekenmachine zelf, zonder HTTP).");
    if (rc >= 0)
        return rc;
    int64_t vol = 0, vac = 0, count = 0, of = 50000;
    if (!db || !*db || (!vol_arg && !vac_arg && !bench_arg)
        || (vol_arg && (!parse_int64(vol_arg, &vol) || vol < 0 || vol > 10000000))
        || (vac_arg && (!parse_int64(vac_arg, &vac) || vac < 0 || vac > 10000000))
        || (bench_arg && (!parse_int64(bench_arg, &count) || count <= 0 || count > 1000000))
        || (of_arg && (!parse_int64(of_arg, &of) || of <= 0 || of > 10000000))) {
        fprintf(stderr, "Gebruik: %s\n", use);
        return EXIT_USAGE;
    }
    CliDb d;
    if (!cli_open(&d, db, 0))
        return 1;
    rc = 0;
    if (vol || vac)
        rc = generate(&d, (long)vol, (long)vac);
    if (!rc && count)
        rc = bench(&d, (long)count, (long)of);
    cli_close(&d);
    return rc;
}
