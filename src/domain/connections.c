/* Connections: see connections.h for who may do what. Every initiative
 * in the tenant is public in every state (initiative_get and the public
 * list hide none), so any initiative of the tenant may be a partner. */
#include "domain/connections.h"

#include <stdlib.h>
#include <string.h>

#include "domain/directory.h"
#include "domain/process.h"
#include "lib/text.h"
#include "store/store.h"
#include "store/store_connections.h"
#include "store/store_directory.h"

static const char *const kind_codes[CONN_KIND_COUNT_] = { "goal", "organisation", "initiative" };

const char *connection_kind_code(ConnectionKind k)
{
    return (unsigned)k < CONN_KIND_COUNT_ ? kind_codes[k] : "";
}

int connection_kind_parse(const char *s, ConnectionKind *out)
{
    for (int k = 0; s && k < CONN_KIND_COUNT_; k++)
        if (strcmp(s, kind_codes[k]) == 0) {
            *out = (ConnectionKind)k;
            return 1;
        }
    return 0;
}

int connection_may_edit(Ctx *c, const Initiative *in)
{
    return c->user && in && (c->user->id == in->initiator_id || role_is_staff(c->user->role));
}

static int may_edit_id(Ctx *c, int64_t initiator)
{
    return c->user && (c->user->id == initiator || role_is_staff(c->user->role));
}

/* A positive decimal id, or 0. */
static int64_t parse_id(const char *s)
{
    if (!s || !*s || strlen(s) > 18 || s[strspn(s, "0123456789")])
        return 0;
    return strtoll(s, NULL, 10);
}

/* Checks the initiative, the target and the permission; *target gets the
 * cleaned target. */
static Status check(Ctx *c, int64_t initiative, ConnectionKind kind, const char **target)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    if ((unsigned)kind >= CONN_KIND_COUNT_)
        return ERR_INVALID;
    int64_t initiator = 0;
    Status s =
        status_from_db(store_conn_initiative_brief(c->db, c->arena, c->tenant->id, initiative, &initiator, NULL, NULL));
    if (s != STATUS_OK)
        return s;
    const char *t = text_trim(c->arena, *target);
    if (!t || !*t)
        return ERR_INVALID;
    *target = t;
    int may = may_edit_id(c, initiator);
    switch (kind) {
    case CONN_GOAL: {
        if (!may)
            return ERR_FORBIDDEN;
        const char *title;
        return status_from_db(store_conn_goal_title(c->db, c->arena, c->tenant->id, t, &title));
    }
    case CONN_ORGANISATION: {
        if (!may && !directory_is_member(c, t, c->user->id))
            return ERR_FORBIDDEN;
        Organisation o;
        return status_from_db(store_organisation_get(c->db, c->arena, c->tenant->id, t, &o));
    }
    case CONN_INITIATIVE: {
        int64_t other = parse_id(t);
        if (!other)
            return ERR_INVALID;
        if (other == initiative)
            return ERR_INVALID;
        *target = arena_printf(c->arena, "%lld", (long long)other);
        int64_t other_initiator = 0;
        s = status_from_db(
            store_conn_initiative_brief(c->db, c->arena, c->tenant->id, other, &other_initiator, NULL, NULL));
        if (s != STATUS_OK)
            return s;
        if (!may && !may_edit_id(c, other_initiator))
            return ERR_FORBIDDEN;
        return STATUS_OK;
    }
    default:
        return ERR_INVALID;
    }
}

Status connection_add_created(Ctx *c, int64_t initiative, ConnectionKind kind, const char *target, int *created)
{
    if (created)
        *created = 0;
    Status s = check(c, initiative, kind, &target);
    if (s != STATUS_OK)
        return s;
    int rc = store_conn_add(c->db, c->tenant->id, initiative, kind, target, c->user->id, c->now, created);
    return rc == DB_OK ? STATUS_OK : ERR_INTERNAL;
}

Status connection_add(Ctx *c, int64_t initiative, ConnectionKind kind, const char *target)
{
    return connection_add_created(c, initiative, kind, target, NULL);
}

Status connection_add_unchecked(Ctx *c, int64_t initiative, ConnectionKind kind, const char *target)
{
    int64_t by = c->user ? c->user->id : 0;
    return status_from_db(store_conn_add(c->db, c->tenant->id, initiative, kind, target, by, c->now, NULL));
}

Status connection_remove(Ctx *c, int64_t initiative, ConnectionKind kind, const char *target)
{
    Status s = check(c, initiative, kind, &target);
    /* A goal or organisation that is gone may still be disconnected. */
    if (s == ERR_NOT_FOUND && kind != CONN_INITIATIVE && c->user &&
        store_conn_initiative_brief(c->db, c->arena, c->tenant->id, initiative, NULL, NULL, NULL) == DB_OK)
        s = STATUS_OK;
    if (s != STATUS_OK)
        return s;
    return status_from_db(store_conn_remove(c->db, c->tenant->id, initiative, kind, target));
}

Status connections_of_initiative(Ctx *c, int64_t initiative, Connection **out, size_t *n)
{
    return status_from_db(store_conns_of_initiative(c->db, c->arena, c->tenant->id, initiative, out, n));
}

Status connections_initiatives(Ctx *c, ConnectionKind kind, const char *code, size_t limit,
                               ConnectedInitiative **out, size_t *n, int64_t *total)
{
    if (kind != CONN_GOAL && kind != CONN_ORGANISATION)
        return ERR_INVALID;
    if (total)
        *total = 0;
    return status_from_db(store_conn_initiatives(c->db, c->arena, c->tenant->id, kind, code, limit, out, n, total));
}

Status connections_of_goal(Ctx *c, const char *goal, size_t limit, ConnectedInitiative **out, size_t *n)
{
    return connections_initiatives(c, CONN_GOAL, goal, limit, out, n, NULL);
}

Status connections_of_organisation(Ctx *c, const char *organisation, size_t limit, ConnectedInitiative **out,
                                   size_t *n)
{
    return connections_initiatives(c, CONN_ORGANISATION, organisation, limit, out, n, NULL);
}

/* ---- Dismissed suggestions ------------------------------------------ */

static int dismiss_kind_ok(const char *kind)
{
    static const char *const kinds[] = { "initiative", "organisation", "goal", "official", "fund" };
    for (size_t i = 0; kind && i < sizeof kinds / sizeof *kinds; i++)
        if (strcmp(kind, kinds[i]) == 0)
            return 1;
    return 0;
}

Status suggestion_dismiss(Ctx *c, int64_t initiative, const char *kind, const char *target)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    if (!role_is_staff(c->user->role))
        return ERR_FORBIDDEN;
    target = text_trim(c->arena, target);
    if (!dismiss_kind_ok(kind) || !target || !*target || strlen(target) > 200)
        return ERR_INVALID;
    Status s =
        status_from_db(store_conn_initiative_brief(c->db, c->arena, c->tenant->id, initiative, NULL, NULL, NULL));
    if (s != STATUS_OK)
        return s;
    return status_from_db(store_dismissal_add(c->db, c->tenant->id, initiative, kind, target, c->user->id, c->now));
}

Status suggestion_dismissed(Ctx *c, int64_t initiative, const char *kind, const char ***out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!dismiss_kind_ok(kind))
        return ERR_INVALID;
    return status_from_db(store_dismissals(c->db, c->arena, c->tenant->id, initiative, kind, out, n));
}
