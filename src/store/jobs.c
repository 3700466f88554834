/* Background jobs: one row per job, shared by every process on the
 * database. Which process runs a due job is decided by one guarded UPDATE
 * (Q_JOB_CLAIM), so the decision is the database's, not ours. */
#include "store/store.h"

int store_job_ensure(Db *db, const char *name, int64_t first_run)
{
    Stmt *st = db_stmt(db, Q_JOB_ENSURE);
    stmt_text(st, name);
    stmt_int(st, first_run);
    return stmt_run(st);
}

int store_jobs_due(Db *db, Arena *a, int64_t now, const char ***names, size_t *n)
{
    size_t cap = 0;
    const char **v = NULL;
    *n = 0;
    Stmt *st = db_stmt(db, Q_JOB_DUE);
    stmt_int(st, now);
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        v[(*n)++] = arena_strdup(a, col_text(st, 0));
    }
    stmt_reset(st);
    *names = v;
    return rc == DB_DONE ? DB_OK : rc;
}

int store_job_claim(Db *db, const char *name, const char *owner, int64_t now, int64_t until)
{
    Stmt *st = db_stmt(db, Q_JOB_CLAIM);
    stmt_text(st, name);
    stmt_int(st, until);
    stmt_text(st, owner);
    stmt_int(st, now);
    int rc = stmt_run(st);
    if (rc == DB_OK && db_changes(db) == 0)
        return DB_DONE;
    return rc;
}

int store_job_finish(Db *db, const char *name, const char *owner, int64_t now, int64_t next_run, int ok)
{
    Stmt *st = db_stmt(db, Q_JOB_FINISH);
    stmt_text(st, name);
    stmt_text(st, owner);
    stmt_int(st, next_run);
    stmt_int(st, now);
    stmt_int(st, ok ? 1 : 0);
    int rc = stmt_run(st);
    if (rc == DB_OK && db_changes(db) == 0)
        return DB_DONE; /* the claim had expired and someone else took over */
    return rc;
}

int store_jobs(Db *db, Arena *a, JobRow **out, size_t *n)
{
    size_t cap = 0;
    JobRow *v = NULL;
    *n = 0;
    Stmt *st = db_stmt(db, Q_JOB_LIST);
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        JobRow *j = &v[(*n)++];
        j->name = arena_strdup(a, col_text(st, 0));
        j->next_run_at = col_int(st, 1);
        j->locked_until = col_is_null(st, 2) ? 0 : col_int(st, 2);
        j->locked_by = arena_strdup(a, col_text(st, 3));
        j->last_run_at = col_is_null(st, 4) ? 0 : col_int(st, 4);
        j->runs = col_int(st, 5);
        j->last_by = arena_strdup(a, col_text(st, 6));
        j->last_ok = col_is_null(st, 7) ? 0 : (int)col_int(st, 7);
    }
    stmt_reset(st);
    *out = v;
    return rc == DB_DONE ? DB_OK : rc;
}

int store_job_set_due(Db *db, const char *name, int64_t at)
{
    Stmt *st = db_stmt(db, Q_JOB_SET_DUE);
    stmt_text(st, name);
    stmt_int(st, at);
    int rc = stmt_run(st);
    if (rc == DB_OK && db_changes(db) == 0)
        return DB_DONE;
    return rc;
}
