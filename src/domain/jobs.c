#include "domain/jobs.h"

#include <stdio.h>
#include <string.h>

#include "domain/accounts.h"

/* Expired sessions are refused anyway (Q_SESSION_GET checks expires_at);
 * deleting them keeps the table small and leaves no stale secrets. */
static Status purge_sessions(Ctx *c)
{
    return store_session_purge(c->db, c->now) == DB_OK ? STATUS_OK : ERR_INTERNAL;
}

/* A window that has ended no longer counts (account_login), so its row
 * only takes room. */
static Status purge_login_attempts(Ctx *c)
{
    return store_login_attempt_purge(c->db, c->now - LOGIN_WINDOW_SECONDS) == DB_OK ? STATUS_OK : ERR_INTERNAL;
}

const Job jobs_all[] = {
    { "purge_sessions", 3600, "Verlopen sessies opruimen (elk uur).", purge_sessions },
    { "purge_login_attempts", 3600, "Oude mislukte inlogpogingen opruimen (elk uur).", purge_login_attempts },
};
const size_t jobs_count = sizeof jobs_all / sizeof *jobs_all;

const Job *job_find(const char *name)
{
    for (size_t i = 0; name && i < jobs_count; i++)
        if (strcmp(jobs_all[i].name, name) == 0)
            return &jobs_all[i];
    return NULL;
}

Status jobs_ensure(Ctx *c)
{
    for (size_t i = 0; i < jobs_count; i++)
        if (store_job_ensure(c->db, jobs_all[i].name, c->now) != DB_OK)
            return ERR_INTERNAL;
    return STATUS_OK;
}

/* Runs one claimed job and hands it back with its next time. The next
 * run counts from now, not from the planned time, so a process that was
 * down for a day does not run a job 24 times to catch up; a failed run is
 * tried again after JOB_RETRY_SECONDS. */
static Status run_claimed(Ctx *c, const Job *job, const char *owner)
{
    Status s = job->run(c);
    if (s != STATUS_OK)
        fprintf(stderr, "wijzer: taak %s mislukt: %s\n", job->name, db_errmsg(c->db));
    int64_t next = c->now + (s == STATUS_OK || job->period < JOB_RETRY_SECONDS ? job->period : JOB_RETRY_SECONDS);
    if (store_job_finish(c->db, job->name, owner, c->now, next, s == STATUS_OK) < 0)
        return ERR_INTERNAL;
    return s;
}

Status jobs_run_due(Ctx *c, const char *owner, int *ran)
{
    *ran = 0;
    const char **due;
    size_t n;
    if (store_jobs_due(c->db, c->arena, c->now, &due, &n) != DB_OK)
        return ERR_INTERNAL;
    Status worst = STATUS_OK;
    for (size_t i = 0; i < n; i++) {
        const Job *job = job_find(due[i]);
        if (!job)
            continue; /* a job of a newer version of the program, running beside this one */
        int rc = store_job_claim(c->db, job->name, owner, c->now, c->now + JOB_LOCK_SECONDS);
        if (rc == DB_DONE)
            continue; /* another process won it */
        if (rc != DB_OK) {
            worst = ERR_INTERNAL;
            continue;
        }
        Status s = run_claimed(c, job, owner);
        (*ran)++;
        if (s != STATUS_OK)
            worst = s;
    }
    return worst;
}

Status jobs_list(Ctx *c, JobRow **out, size_t *n)
{
    return store_jobs(c->db, c->arena, out, n) == DB_OK ? STATUS_OK : ERR_INTERNAL;
}

Status jobs_run_soon(Ctx *c, const char *name)
{
    if (!job_find(name))
        return ERR_NOT_FOUND;
    if (jobs_ensure(c) != STATUS_OK)
        return ERR_INTERNAL;
    return store_job_set_due(c->db, name, c->now) == DB_OK ? STATUS_OK : ERR_INTERNAL;
}
