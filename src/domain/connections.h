/* Connections (issue 5): an initiative linked to the municipal goals it
 * serves, the organisations that help it and the other initiatives it works
 * with. Every connection shows on both sides: on the initiative's page and
 * on the goal's, the organisation's or the other initiative's page.
 *
 * Who may connect or disconnect: the initiator of the initiative, a member
 * of the organisation (for that organisation only), and officials,
 * coordinators and admins. A partner link between two initiatives may be
 * made by the initiator of either one, or by staff.
 *
 * Suggestions of the matching engine (domain/match.h) become connections
 * when an official confirms them (connection_add), or stay away once
 * dismissed (suggestion_dismiss). */
#ifndef WIJZER_CONNECTIONS_H
#define WIJZER_CONNECTIONS_H

#include "domain/context.h"
#include "domain/model.h"
#include "domain/status.h"

typedef enum ConnectionKind { CONN_GOAL, CONN_ORGANISATION, CONN_INITIATIVE, CONN_KIND_COUNT_ } ConnectionKind;

/* "goal", "organisation", "initiative": the codes of the API and the forms. */
const char *connection_kind_code(ConnectionKind k);
int connection_kind_parse(const char *s, ConnectionKind *out);

/* One connection as seen from an initiative. target is the goal or
 * organisation code, or the other initiative's id as decimal text. */
typedef struct Connection {
    ConnectionKind kind;
    const char *target;
    const char *name;        /* goal title, organisation name, initiative title */
    const char *state;       /* CONN_INITIATIVE: the other initiative's state code; else NULL */
    int64_t created_at;
} Connection;

/* An initiative as seen from a goal, an organisation or another initiative. */
typedef struct ConnectedInitiative {
    int64_t id;
    const char *title, *area_code, *area_name;
    ProcState state;
    int64_t created_at;      /* when the connection was made */
} ConnectedInitiative;

/* target: code, or the other initiative's id as decimal text. Adding what
 * exists already is fine (STATUS_OK). Errors: ERR_NOT_FOUND (initiative or
 * target unknown), ERR_FORBIDDEN, ERR_INVALID (an initiative with itself). */
Status connection_add(Ctx *c, int64_t initiative, ConnectionKind kind, const char *target);
Status connection_remove(Ctx *c, int64_t initiative, ConnectionKind kind, const char *target);
/* Everything the initiative is connected to, goals first, then
 * organisations, then initiatives; each by name. */
Status connections_of_initiative(Ctx *c, int64_t initiative, Connection **out, size_t *n);
/* The initiatives connected to a goal or organisation (newest first, at most limit). */
Status connections_of_goal(Ctx *c, const char *goal, size_t limit, ConnectedInitiative **out, size_t *n);
Status connections_of_organisation(Ctx *c, const char *organisation, size_t limit, ConnectedInitiative **out,
                                   size_t *n);
/* May the current user connect or disconnect this initiative (to anything)? */
int connection_may_edit(Ctx *c, const Initiative *in);

/* As connection_add; *created is 1 when the connection is new, 0 when it
 * was there already (the API answers 201 or 200). */
Status connection_add_created(Ctx *c, int64_t initiative, ConnectionKind kind, const char *target, int *created);
/* No checks at all: for the demo. target must exist. */
Status connection_add_unchecked(Ctx *c, int64_t initiative, ConnectionKind kind, const char *target);
/* kind CONN_GOAL or CONN_ORGANISATION: the initiatives connected to code
 * (newest first, at most limit); *total counts all (may be NULL). */
Status connections_initiatives(Ctx *c, ConnectionKind kind, const char *code, size_t limit,
                               ConnectedInitiative **out, size_t *n, int64_t *total);

/* Loads the "connections" block of demo/lv.json (connections_demo.c);
 * loading twice changes nothing. */
struct json_t;
Status connections_demo_load(Ctx *c, struct json_t *block, const char **err);

/* ---- Dismissed suggestions ------------------------------------------ */

/* kind: "initiative", "organisation", "goal", "official", "fund"; target as
 * in suggestion_dismissals. Staff only (ERR_FORBIDDEN otherwise). */
Status suggestion_dismiss(Ctx *c, int64_t initiative, const char *kind, const char *target);
/* The dismissed targets of one kind for an initiative. */
Status suggestion_dismissed(Ctx *c, int64_t initiative, const char *kind, const char ***out, size_t *n);

#endif
