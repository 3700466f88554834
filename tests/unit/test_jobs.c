/* Background jobs on a real SQLite file with several connections, as
 * several `wijzer serve` processes have: a due job is claimed by exactly
 * one of them, a claim lapses when its process died, and only the claimer
 * can hand the job back. Also backup and restore of that file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/accounts.h"
#include "domain/jobs.h"
#include "domain/setup.h"
#include "store/store.h"

enum { RACERS = 8 };
static const int64_t NOW = 1795000000;

typedef struct Fixture {
    char dir[64], path[128];
    Store *store;
    Db *db;
    Arena *arena;
} Fixture;

static int setup(void **state)
{
    Fixture *f = test_calloc(1, sizeof *f);
    strcpy(f->dir, "/tmp/wijzer-jobs-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
    char err[256];
    assert_int_equal(store_open(f->path, &f->store, err, sizeof err), DB_OK);
    f->db = store_acquire(f->store);
    assert_true(store_migrate(f->db, err, sizeof err) > 0);
    f->arena = arena_new();
    Tenant t;
    assert_int_equal(setup_default_tenant(f->db, f->arena, &t), STATUS_OK);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    store_release(f->store, f->db);
    store_close(f->store);
    arena_free(f->arena);
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    assert_int_equal(system(cmd), 0);
    test_free(f);
    return 0;
}

static JobRow job_row(Fixture *f, const char *name)
{
    JobRow *rows;
    size_t n;
    assert_int_equal(store_jobs(f->db, f->arena, &rows, &n), DB_OK);
    for (size_t i = 0; i < n; i++)
        if (strcmp(rows[i].name, name) == 0)
            return rows[i];
    fail_msg("no job %s", name);
    return (JobRow){ 0 };
}

static void test_claim_is_exclusive(void **state)
{
    Fixture *f = *state;
    Db *other = store_acquire(f->store); /* a second connection: another process */
    assert_int_equal(store_job_ensure(f->db, "j", NOW), DB_OK);
    assert_int_equal(store_job_ensure(other, "j", NOW + 999), DB_OK); /* exists: unchanged */

    const char **due;
    size_t n;
    assert_int_equal(store_jobs_due(f->db, f->arena, NOW, &due, &n), DB_OK);
    assert_int_equal(n, 1);
    assert_int_equal(store_jobs_due(other, f->arena, NOW, &due, &n), DB_OK);
    assert_int_equal(n, 1); /* both saw it due … */
    assert_int_equal(store_job_claim(f->db, "j", "a:1:x", NOW, NOW + 600), DB_OK);
    assert_int_equal(store_job_claim(other, "j", "b:2:y", NOW, NOW + 600), DB_DONE); /* … one wins */
    assert_int_equal(store_jobs_due(other, f->arena, NOW + 1, &due, &n), DB_OK);
    assert_int_equal(n, 0); /* a claimed job is not due for others */

    /* Only the claimer hands it back. */
    assert_int_equal(store_job_finish(other, "j", "b:2:y", NOW + 1, NOW + 3600, 1), DB_DONE);
    assert_int_equal(store_job_finish(f->db, "j", "a:1:x", NOW + 1, NOW + 3600, 1), DB_OK);
    JobRow r = job_row(f, "j");
    assert_int_equal(r.runs, 1);
    assert_int_equal(r.next_run_at, NOW + 3600);
    assert_int_equal(r.last_run_at, NOW + 1);
    assert_string_equal(r.last_by, "a:1:x");
    assert_null(r.locked_by);
    assert_int_equal(store_job_claim(other, "j", "b:2:y", NOW + 2, NOW + 600), DB_DONE); /* not due yet */
    assert_int_equal(store_job_claim(other, "j", "b:2:y", NOW + 3600, NOW + 4200), DB_OK);
    store_release(f->store, other);
}

static void test_claim_lapses(void **state)
{
    Fixture *f = *state;
    assert_int_equal(store_job_ensure(f->db, "j", NOW), DB_OK);
    assert_int_equal(store_job_claim(f->db, "j", "dead:1:x", NOW, NOW + 600), DB_OK);
    /* The claimer died: nobody may take it before the claim ends … */
    assert_int_equal(store_job_claim(f->db, "j", "b:2:y", NOW + 599, NOW + 1200), DB_DONE);
    /* … and anybody may after. The dead process cannot hand it back. */
    assert_int_equal(store_job_claim(f->db, "j", "b:2:y", NOW + 601, NOW + 1200), DB_OK);
    assert_int_equal(store_job_finish(f->db, "j", "dead:1:x", NOW + 602, NOW + 3600, 1), DB_DONE);
    assert_int_equal(store_job_finish(f->db, "j", "b:2:y", NOW + 602, NOW + 3600, 1), DB_OK);
    assert_int_equal(job_row(f, "j").runs, 1);
}

typedef struct Racer {
    Store *store;
    pthread_barrier_t *go;
    int ran;
    Status status;
} Racer;

static void *race(void *arg)
{
    Racer *r = arg;
    Db *db = store_acquire(r->store);
    Arena *a = arena_new();
    Ctx c = { .db = db, .arena = a, .now = NOW };
    char owner[32];
    snprintf(owner, sizeof owner, "racer:%p", (void *)r);
    pthread_barrier_wait(r->go);
    r->status = jobs_run_due(&c, owner, &r->ran);
    arena_free(a);
    store_release(r->store, db);
    return NULL;
}

/* Eight connections ask at the same moment: every job runs once in all. */
static void test_racers_run_each_job_once(void **state)
{
    Fixture *f = *state;
    Ctx c = { .db = f->db, .arena = f->arena, .now = NOW };
    assert_int_equal(jobs_ensure(&c), STATUS_OK);
    for (int round = 0; round < 3; round++) {
        if (round)
            for (size_t i = 0; i < jobs_count; i++)
                assert_int_equal(store_job_set_due(f->db, jobs_all[i].name, NOW), DB_OK);
        pthread_barrier_t go;
        pthread_barrier_init(&go, NULL, RACERS);
        Racer racers[RACERS];
        pthread_t th[RACERS];
        for (int i = 0; i < RACERS; i++) {
            racers[i] = (Racer){ .store = f->store, .go = &go };
            assert_int_equal(pthread_create(&th[i], NULL, race, &racers[i]), 0);
        }
        int total = 0;
        for (int i = 0; i < RACERS; i++) {
            pthread_join(th[i], NULL);
            assert_int_equal(racers[i].status, STATUS_OK);
            total += racers[i].ran;
        }
        pthread_barrier_destroy(&go);
        assert_int_equal(total, (int)jobs_count);
        for (size_t i = 0; i < jobs_count; i++)
            assert_int_equal(job_row(f, jobs_all[i].name).runs, round + 1);
    }
}

/* The purge jobs remove what has expired and nothing else. */
static void test_purges(void **state)
{
    Fixture *f = *state;
    Tenant t;
    assert_int_equal(store_tenant_by_code(f->db, f->arena, DEFAULT_TENANT_CODE, &t), DB_OK);
    User u = { .email = "a@example.nl", .name = "A", .role = ROLE_RESIDENT };
    int64_t uid;
    assert_int_equal(store_user_insert(f->db, t.id, &u, NOW, &uid), DB_OK);
    assert_int_equal(store_session_insert(f->db, "old", t.id, uid, "c1", NOW - 100, NOW - 1), DB_OK);
    assert_int_equal(store_session_insert(f->db, "new", t.id, uid, "c2", NOW - 100, NOW + 100), DB_OK);
    assert_int_equal(store_login_attempt_set(f->db, t.id, "e:old", NOW - 16 * 60, 3), DB_OK);
    assert_int_equal(store_login_attempt_set(f->db, t.id, "e:new", NOW - 60, 3), DB_OK);
    Ctx c = { .db = f->db, .arena = f->arena, .now = NOW };
    assert_int_equal(job_find("purge_sessions")->run(&c), STATUS_OK);
    assert_int_equal(job_find("purge_login_attempts")->run(&c), STATUS_OK);
    User got;
    const char *csrf;
    assert_int_equal(store_session_get(f->db, f->arena, "new", t.id, NOW - 50, &got, &csrf), DB_OK);
    assert_int_equal(store_session_get(f->db, f->arena, "old", t.id, NOW - 50, &got, &csrf), DB_DONE);
    int64_t start, count;
    assert_int_equal(store_login_attempt_get(f->db, t.id, "e:new", &start, &count), DB_OK);
    assert_int_equal(store_login_attempt_get(f->db, t.id, "e:old", &start, &count), DB_DONE);
}

static void test_backup_and_restore(void **state)
{
    Fixture *f = *state;
    char to[160], back[160], err[1024];
    snprintf(to, sizeof to, "%s/backup.db", f->dir);
    snprintf(back, sizeof back, "%s/restored.db", f->dir);
    assert_int_equal(store_job_ensure(f->db, "marker", NOW), DB_OK);
    BackupReport rep;
    assert_int_equal(store_backup(f->path, to, 0, &rep, err, sizeof err), DB_OK);
    assert_true(rep.pages > 0 && rep.bytes >= rep.pages * 512);
    assert_int_equal(store_backup(f->path, to, 0, &rep, err, sizeof err), DB_ERROR); /* exists */
    assert_non_null(strstr(err, "--force"));
    assert_int_equal(store_backup(f->path, to, 1, &rep, err, sizeof err), DB_OK);
    assert_int_equal(store_backup(f->path, f->path, 1, &rep, err, sizeof err), DB_ERROR); /* onto itself */
    assert_int_equal(store_restore(to, back, 0, &rep, err, sizeof err), DB_OK);
    assert_int_equal(store_restore(to, back, 0, &rep, err, sizeof err), DB_ERROR);
    /* Not a wijzer database: refused, and nothing left behind. */
    char junk[160], target[160];
    snprintf(junk, sizeof junk, "%s/junk.db", f->dir);
    snprintf(target, sizeof target, "%s/never.db", f->dir);
    FILE *j = fopen(junk, "w");
    fputs("dit is geen database\n", j);
    fclose(j);
    assert_int_equal(store_restore(junk, target, 0, &rep, err, sizeof err), DB_ERROR);
    assert_non_null(strstr(err, "geen database van wijzer"));
    assert_int_not_equal(access(target, F_OK), 0);
    /* PostgreSQL points to its own tools. */
    assert_int_equal(store_backup("postgres://u@localhost/db", to, 1, &rep, err, sizeof err), DB_ERROR);
    assert_non_null(strstr(err, "pg_dump"));
    assert_int_equal(store_restore(to, "postgresql://u@localhost/db", 1, &rep, err, sizeof err), DB_ERROR);
    assert_non_null(strstr(err, "pg_restore"));

    Store *s;
    assert_int_equal(store_open(back, &s, err, sizeof err), DB_OK);
    Db *db = store_acquire(s);
    JobRow *rows;
    size_t n;
    assert_int_equal(store_jobs(db, f->arena, &rows, &n), DB_OK);
    assert_int_equal(n, 1);
    assert_string_equal(rows[0].name, "marker");
    store_release(s, db);
    store_close(s);
}

int main(void)
{
    accounts_init(); /* job owners use random_token */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_claim_is_exclusive, setup, teardown),
        cmocka_unit_test_setup_teardown(test_claim_lapses, setup, teardown),
        cmocka_unit_test_setup_teardown(test_racers_run_each_job_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_purges, setup, teardown),
        cmocka_unit_test_setup_teardown(test_backup_and_restore, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
