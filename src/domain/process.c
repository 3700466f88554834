#include "domain/process.h"

#include <string.h>

#include "lib/dates.h"

static const struct {
    const char *code, *label, *explain;
} states[ST_COUNT_] = {
    [ST_IDEE] = { "idee", "Idee", "Het initiatief is nog een idee en is nog niet ingediend bij de gemeente." },
    [ST_INGEDIEND] = { "ingediend", "Ingediend",
                       "De gemeente heeft het initiatief ontvangen. Een medewerker neemt het in behandeling." },
    [ST_INTAKE] = { "intake", "Intake",
                    "Een vaste contactpersoon van de gemeente bespreekt het initiatief met de initiatiefnemer." },
    [ST_IN_BEHANDELING] = { "in_behandeling", "In behandeling",
                            "De gemeente bekijkt wat nodig is en neemt een besluit." },
    [ST_TOEGEKEND] = { "toegekend", "Toegekend", "De gemeente helpt mee. Het initiatief kan beginnen." },
    [ST_AFGEWEZEN] = { "afgewezen", "Afgewezen", "De gemeente helpt niet mee. De reden staat in het verloop." },
    [ST_DOORVERWEZEN] = { "doorverwezen", "Doorverwezen",
                          "Een andere organisatie of een fonds past beter. Zie het verloop voor wie." },
    [ST_IN_UITVOERING] = { "in_uitvoering", "In uitvoering", "Het initiatief wordt uitgevoerd." },
    [ST_AFGEROND] = { "afgerond", "Afgerond", "Het initiatief is klaar." },
    [ST_GEEVALUEERD] = { "geevalueerd", "Geëvalueerd", "Het initiatief is klaar en samen nabesproken." },
    [ST_GESTOPT] = { "gestopt", "Gestopt", "Het initiatief is gestopt." },
};

const char *state_code(ProcState s)
{
    return s >= 0 && s < ST_COUNT_ ? states[s].code : "";
}

const char *state_label(ProcState s)
{
    return s >= 0 && s < ST_COUNT_ ? states[s].label : "";
}

const char *state_explain(ProcState s)
{
    return s >= 0 && s < ST_COUNT_ ? states[s].explain : "";
}

ProcState state_parse(const char *code)
{
    for (int i = 0; code && i < ST_COUNT_; i++)
        if (strcmp(code, states[i].code) == 0)
            return (ProcState)i;
    return ST_NONE;
}

static const char *const help_codes[HELP_COUNT_] = { "open", "toegezegd", "geleverd", "afgewezen" };
static const char *const help_labels[HELP_COUNT_] = { "Open", "Toegezegd", "Geleverd", "Afgewezen" };

const char *help_state_code(HelpState s)
{
    return s < HELP_COUNT_ ? help_codes[s] : "";
}

const char *help_state_label(HelpState s)
{
    return s < HELP_COUNT_ ? help_labels[s] : "";
}

int help_state_parse(const char *code)
{
    for (int i = 0; code && i < HELP_COUNT_; i++)
        if (strcmp(code, help_codes[i]) == 0)
            return i;
    return -1;
}

static const char *const role_codes[ROLE_COUNT_] = { "resident", "official", "committee", "coordinator", "admin" };
static const char *const role_labels[ROLE_COUNT_] = { "Inwoner", "Medewerker gemeente", "Commissielid",
                                                      "Tafelcoördinator", "Beheerder" };

const char *role_code(Role r)
{
    return r < ROLE_COUNT_ ? role_codes[r] : "";
}

const char *role_label(Role r)
{
    return r < ROLE_COUNT_ ? role_labels[r] : "";
}

int role_parse(const char *code)
{
    for (int i = 0; code && i < ROLE_COUNT_; i++)
        if (strcmp(code, role_codes[i]) == 0)
            return i;
    return -1;
}

int role_is_staff(Role r)
{
    return r == ROLE_OFFICIAL || r == ROLE_COORDINATOR || r == ROLE_ADMIN;
}

/* The machine. A row per move; `initiator` says whether the initiator may
 * make it herself (staff may make every move). */
static const struct {
    ProcState from, to;
    int initiator;
} moves[] = {
    { ST_IDEE, ST_INGEDIEND, 1 },
    { ST_IDEE, ST_GESTOPT, 1 },
    { ST_INGEDIEND, ST_INTAKE, 0 },
    { ST_INGEDIEND, ST_GESTOPT, 1 },
    { ST_INTAKE, ST_IN_BEHANDELING, 0 },
    { ST_INTAKE, ST_DOORVERWEZEN, 0 },
    { ST_INTAKE, ST_AFGEWEZEN, 0 },
    { ST_INTAKE, ST_GESTOPT, 1 },
    { ST_IN_BEHANDELING, ST_TOEGEKEND, 0 },
    { ST_IN_BEHANDELING, ST_AFGEWEZEN, 0 },
    { ST_IN_BEHANDELING, ST_DOORVERWEZEN, 0 },
    { ST_IN_BEHANDELING, ST_GESTOPT, 1 },
    { ST_TOEGEKEND, ST_IN_UITVOERING, 1 },
    { ST_TOEGEKEND, ST_GESTOPT, 1 },
    { ST_IN_UITVOERING, ST_AFGEROND, 1 },
    { ST_IN_UITVOERING, ST_GESTOPT, 1 },
    { ST_AFGEROND, ST_GEEVALUEERD, 0 },
};

int process_allowed(ProcState from, ProcState to)
{
    for (size_t i = 0; i < sizeof moves / sizeof *moves; i++)
        if (moves[i].from == from && moves[i].to == to)
            return 1;
    return 0;
}

int process_may(Role role, int is_initiator, ProcState from, ProcState to)
{
    for (size_t i = 0; i < sizeof moves / sizeof *moves; i++) {
        if (moves[i].from != from || moves[i].to != to)
            continue;
        return role_is_staff(role) || (is_initiator && moves[i].initiator);
    }
    return 0;
}

int process_next(Role role, int is_initiator, ProcState from, ProcState out[ST_COUNT_])
{
    int n = 0;
    for (size_t i = 0; i < sizeof moves / sizeof *moves; i++)
        if (moves[i].from == from && process_may(role, is_initiator, from, moves[i].to))
            out[n++] = moves[i].to;
    return n;
}

int process_has_deadline(ProcState state)
{
    return state == ST_INGEDIEND || state == ST_INTAKE || state == ST_IN_BEHANDELING;
}

Deadline process_deadline(const DeadlineRules *rules, ProcState state, int64_t state_since, int64_t submitted_at,
                          int64_t now)
{
    Deadline d = { 0 };
    int64_t today = date_day(now);
    switch (state) {
    case ST_INGEDIEND:
        d.what = "intake";
        d.due_day = date_add_working_days(date_day(state_since), rules->intake_working_days);
        break;
    case ST_INTAKE:
    case ST_IN_BEHANDELING:
        /* The decision term runs from submission, not from intake: the
         * initiator's wait is what counts. */
        d.what = "besluit";
        d.due_day = date_day(submitted_at ? submitted_at : state_since) + 7 * (int64_t)rules->decision_weeks;
        break;
    default:
        return d;
    }
    d.active = 1;
    d.days_left = d.due_day - today;
    return d;
}
