/* Background jobs: what they do and how one process at a time gets to run
 * one. Every `wijzer serve` process ticks (src/jobs/runner.c); a tick
 * claims the due jobs through the store's guarded UPDATE, so with several
 * processes on one database a job still runs once per period. Jobs are
 * system-wide: they work across all municipalities (tenants). */
#ifndef WIJZER_JOBS_H
#define WIJZER_JOBS_H

#include "domain/context.h"
#include "domain/status.h"
#include "store/store.h"

enum {
    JOB_LOCK_SECONDS = 10 * 60, /* a claim lapses after this, so a crashed process does not block a job forever */
    JOB_RETRY_SECONDS = 60,
};

typedef struct Job {
    const char *name;
    int64_t period;       /* seconds from one run to the next */
    const char *about;    /* plain Dutch, for `wijzer jobs` */
    Status (*run)(Ctx *c);
} Job;

extern const Job jobs_all[];
extern const size_t jobs_count;

/* Adds a row for every job that has none yet, due now. */
Status jobs_ensure(Ctx *c);
/* Runs every job that is due and that this process wins. owner names the
 * process (host:pid:random); *ran counts the jobs it ran. */
Status jobs_run_due(Ctx *c, const char *owner, int *ran);
/* The state of every job, for `wijzer jobs`. */
Status jobs_list(Ctx *c, JobRow **out, size_t *n);
/* Makes a job due now, whatever its schedule: the next tick of some
 * process runs it (once). ERR_NOT_FOUND for a name we do not know. */
Status jobs_run_soon(Ctx *c, const char *name);
const Job *job_find(const char *name);

#endif
