/* The initiative objects made ahead of time (domain/objects.h): answering
 * GET /api/v1/initiatives/{id} from a kept body, and making the bodies,
 * in rounds, for the background thread (jobs/runner.c) and `wijzer init`. */
#ifndef WIJZER_API_OBJECTS_H
#define WIJZER_API_OBJECTS_H

#include <stdint.h>

#include "domain/context.h"
#include "domain/status.h"
#include "http/request.h"

/* The shape of the bodies this program writes: a hash of a sample object
 * in every state, so any change to what the writer writes gives another
 * number and old bodies are not used. Never 0. */
int64_t api_objects_format(void);

/* Answers r with initiative id's kept object: 1, or 0 (nothing written)
 * when there is none, so the caller makes the answer itself. */
int api_object_send(Request *r, int64_t id);

/* What a process knows between rounds: whether it has compared the
 * database's format with its own, and how far it got making the bodies of
 * another format again (-1: not needed). Zeroed to start. */
typedef struct ObjectRound {
    int checked;
    int64_t sweep_after;
} ObjectRound;

/* Makes bodies, OBJECTS_BATCH per transaction, until none are left or
 * budget_ms has passed (a negative budget: until none are left). *made
 * counts the bodies kept. Any process may run this at any time: a body
 * that changed while it was made is not kept. */
Status api_objects_make(Db *db, ObjectRound *st, int64_t now, long budget_ms, size_t *made);

#endif
