/* The initiative process as a written state machine: which states exist,
 * which moves are allowed, who may make them, and which states wait on the
 * municipality with what deadline. */
#ifndef WIJZER_PROCESS_H
#define WIJZER_PROCESS_H

#include <stdint.h>

#include "domain/model.h"

const char *state_code(ProcState s);     /* "in_behandeling" */
const char *state_label(ProcState s);    /* "In behandeling" */
const char *state_explain(ProcState s);  /* one plain sentence for the initiator */
ProcState state_parse(const char *code); /* ST_NONE when unknown */

const char *help_state_code(HelpState s);
const char *help_state_label(HelpState s);
int help_state_parse(const char *code);  /* -1 when unknown */

const char *role_code(Role r);
const char *role_label(Role r);
int role_parse(const char *code);        /* -1 when unknown */
int role_is_staff(Role r);               /* official, coordinator or admin */

/* Is from → to a move of the machine at all? */
int process_allowed(ProcState from, ProcState to);
/* May this person make that move? initiator: whether they started it. */
int process_may(Role role, int is_initiator, ProcState from, ProcState to);
/* Fills out with the states reachable from `from` for this person;
 * returns how many. */
int process_next(Role role, int is_initiator, ProcState from, ProcState out[ST_COUNT_]);

/* Deadlines. */
typedef struct DeadlineRules {
    int intake_working_days;  /* 10 */
    int decision_weeks;       /* 8 */
} DeadlineRules;

typedef struct Deadline {
    int active;               /* 0: the state does not wait on the municipality */
    const char *what;         /* "intake" or "besluit" */
    int64_t due_day;          /* civil day number (lib/dates.h) */
    int64_t days_left;        /* negative: overdue by -days_left days */
} Deadline;

/* Whether the municipality has a term in this state (process_deadline is
 * active): ingediend, intake and in behandeling. */
int process_has_deadline(ProcState state);
Deadline process_deadline(const DeadlineRules *rules, ProcState state, int64_t state_since, int64_t submitted_at,
                          int64_t now);

#endif
