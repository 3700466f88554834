/* Typed access to the connections (issue 5) on top of db.h: an initiative
 * linked to goals, organisations and other initiatives, and dismissed
 * suggestions. Knows no rules (domain/connections.c has them). Every
 * function takes the tenant and every query filters on it. Returns DB_OK,
 * DB_DONE (not found) or an error. */
#ifndef WIJZER_STORE_CONNECTIONS_H
#define WIJZER_STORE_CONNECTIONS_H

#include "domain/connections.h"
#include "lib/arena.h"
#include "store/db.h"

/* The other initiative in a partner link: the store orders the pair.
 * *created is 1 when the row is new, 0 when it existed. by: 0 for none. */
int store_conn_add(Db *db, int64_t tenant, int64_t initiative, ConnectionKind kind, const char *target, int64_t by,
                   int64_t now, int *created);
/* DB_DONE when there was no such connection. */
int store_conn_remove(Db *db, int64_t tenant, int64_t initiative, ConnectionKind kind, const char *target);
/* Goals, then organisations, then initiatives; each by name. */
int store_conns_of_initiative(Db *db, Arena *a, int64_t tenant, int64_t initiative, Connection **out, size_t *n);
/* kind CONN_GOAL or CONN_ORGANISATION; *total: all of them, also beyond limit. */
int store_conn_initiatives(Db *db, Arena *a, int64_t tenant, ConnectionKind kind, const char *code, size_t limit,
                           ConnectedInitiative **out, size_t *n, int64_t *total);
/* DB_DONE when the goal is not there; *title in the arena. */
int store_conn_goal_title(Db *db, Arena *a, int64_t tenant, const char *code, const char **title);
/* DB_DONE when the initiative is not there. */
int store_conn_initiative_brief(Db *db, Arena *a, int64_t tenant, int64_t id, int64_t *initiator, const char **title,
                                ProcState *state);

int store_dismissal_add(Db *db, int64_t tenant, int64_t initiative, const char *kind, const char *target, int64_t by,
                        int64_t now);
int store_dismissals(Db *db, Arena *a, int64_t tenant, int64_t initiative, const char *kind, const char ***out,
                     size_t *n);

#endif
