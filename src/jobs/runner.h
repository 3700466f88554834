/* The job runner of a `wijzer serve` process: one thread that every few
 * seconds asks the database which jobs are due and runs those it wins
 * (domain/jobs.h). Safe with any number of processes on one database. */
#ifndef WIJZER_RUNNER_H
#define WIJZER_RUNNER_H

#include "store/db.h"

enum { JOB_INTERVAL_DEFAULT_MS = 5000 };

typedef struct JobRunner JobRunner;

/* Starts the thread; it ticks every interval_ms. NULL when the thread
 * could not start (the server then runs without jobs and says so). */
JobRunner *job_runner_start(Store *store, long interval_ms);
/* Wakes the thread, lets a running job finish, and joins it. */
void job_runner_stop(JobRunner *jr);

#endif
