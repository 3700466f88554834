#include "jobs/runner.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "api/objects.h"
#include "domain/accounts.h"
#include "domain/jobs.h"
#include "lib/dates.h"

struct JobRunner {
    Store *store;
    long interval_ms;
    char owner[160];
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    int stop;
    int ensured;
    ObjectRound objects;
};

/* Making the API's initiative objects takes at most this much of a tick,
 * so a backlog (after an upgrade) is worked off in steps. */
enum { OBJECTS_TICK_MS = 1000 };

static void tick(JobRunner *jr)
{
    Db *db = store_acquire(jr->store);
    if (!db)
        return; /* database unreachable: try again next tick */
    Arena *a = arena_new();
    Ctx c = { .db = db, .arena = a, .now = date_now() };
    if (!jr->ensured)
        jr->ensured = jobs_ensure(&c) == STATUS_OK;
    int ran = 0;
    if (jr->ensured)
        jobs_run_due(&c, jr->owner, &ran);
    arena_free(a);
    size_t made = 0;
    if (api_objects_make(db, &jr->objects, c.now, OBJECTS_TICK_MS, &made) != STATUS_OK)
        fprintf(stderr, "wijzer: API-objecten maken mislukt: %s\n", db_errmsg(db));
    store_release(jr->store, db);
}

static void *run(void *arg)
{
    JobRunner *jr = arg;
    pthread_mutex_lock(&jr->lock);
    while (!jr->stop) {
        pthread_mutex_unlock(&jr->lock);
        tick(jr);
        pthread_mutex_lock(&jr->lock);
        struct timespec until;
        clock_gettime(CLOCK_MONOTONIC, &until);
        until.tv_sec += jr->interval_ms / 1000;
        until.tv_nsec += (jr->interval_ms % 1000) * 1000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        while (!jr->stop && pthread_cond_timedwait(&jr->wake, &jr->lock, &until) != ETIMEDOUT)
            ;
    }
    pthread_mutex_unlock(&jr->lock);
    return NULL;
}

JobRunner *job_runner_start(Store *store, long interval_ms)
{
    JobRunner *jr = xcalloc(1, sizeof *jr);
    jr->store = store;
    jr->interval_ms = interval_ms > 0 ? interval_ms : JOB_INTERVAL_DEFAULT_MS;
    char host[64] = "?";
    gethostname(host, sizeof host - 1);
    Arena *a = arena_new();
    snprintf(jr->owner, sizeof jr->owner, "%s:%ld:%s", host, (long)getpid(), random_token(a, 6));
    arena_free(a);
    pthread_mutex_init(&jr->lock, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&jr->wake, &ca);
    pthread_condattr_destroy(&ca);
    /* The thread inherits a mask with every signal blocked, so SIGTERM
     * and SIGINT keep going to the server's sigwait. */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    int rc = pthread_create(&jr->thread, NULL, run, jr);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (rc != 0) {
        pthread_cond_destroy(&jr->wake);
        pthread_mutex_destroy(&jr->lock);
        free(jr);
        return NULL;
    }
    return jr;
}

void job_runner_stop(JobRunner *jr)
{
    if (!jr)
        return;
    pthread_mutex_lock(&jr->lock);
    jr->stop = 1;
    pthread_cond_signal(&jr->wake);
    pthread_mutex_unlock(&jr->lock);
    pthread_join(jr->thread, NULL);
    pthread_cond_destroy(&jr->wake);
    pthread_mutex_destroy(&jr->lock);
    free(jr);
}
