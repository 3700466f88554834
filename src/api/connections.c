/* The JSON API of connections (issue 5) and of an organisation's
 * members:
 *   GET    /api/v1/initiatives/{id}/connections
 *   POST   /api/v1/initiatives/{id}/connections {"kind", "target"} → 201, 200 when it existed
 *   DELETE /api/v1/initiatives/{id}/connections/{kind}/{target} → 204
 *   POST   /api/v1/organisations/{code}/members {"email"} → 201 {"id","name"}
 *   DELETE /api/v1/organisations/{code}/members/{user_id} → 204
 * and the initiatives connected to a goal or organisation, for
 * api/directory.c. The domain checks who may do what. */
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/json.h"
#include "api/routes.h"
#include "domain/connections.h"
#include "domain/directory.h"
#include "domain/initiatives.h"
#include "domain/process.h"

enum { API_CONNECTED_MAX = 100 };

json_t *api_connected_initiatives(Request *r, int organisation, const char *code)
{
    json_t *items = json_array();
    ConnectedInitiative *v = NULL;
    size_t n = 0;
    if (connections_initiatives(&r->ctx, organisation ? CONN_ORGANISATION : CONN_GOAL, code, API_CONNECTED_MAX, &v,
                                &n, NULL) != STATUS_OK)
        return items;
    for (size_t i = 0; i < n; i++)
        json_array_append_new(items, json_pack("{s:I, s:o, s:o, s:o}", "id", (json_int_t)v[i].id, "title",
                                               api_str(v[i].title), "state", api_str(state_code(v[i].state)), "area",
                                               api_str(v[i].area_code)));
    return items;
}

void api_connections(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    Initiative in;
    Status s = initiative_get(&r->ctx, id, &in);
    Connection *v = NULL;
    size_t n = 0;
    if (s == STATUS_OK)
        s = connections_of_initiative(&r->ctx, id, &v, &n);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    json_t *goals = json_array(), *orgs = json_array(), *inits = json_array();
    for (size_t i = 0; i < n; i++) {
        if (v[i].kind == CONN_GOAL)
            json_array_append_new(goals, json_pack("{s:o, s:o}", "code", api_str(v[i].target), "title",
                                                   api_str(v[i].name)));
        else if (v[i].kind == CONN_ORGANISATION)
            json_array_append_new(orgs, json_pack("{s:o, s:o}", "code", api_str(v[i].target), "name",
                                                  api_str(v[i].name)));
        else
            json_array_append_new(inits, json_pack("{s:I, s:o, s:o}", "id", (json_int_t)strtoll(v[i].target, NULL, 10),
                                                   "title", api_str(v[i].name), "state", api_str(v[i].state)));
    }
    api_json(r, 200, json_pack("{s:o, s:o, s:o}", "goals", goals, "organisations", orgs, "initiatives", inits));
}

/* Plain Dutch for a failed add or remove, under "target". */
static void why(ConnectionKind kind, Status s, FieldErrors *e)
{
    if (s == ERR_NOT_FOUND && kind == CONN_GOAL)
        errors_add(e, "target", "Dit doel kennen we niet.");
    else if (s == ERR_NOT_FOUND && kind == CONN_ORGANISATION)
        errors_add(e, "target", "Deze organisatie kennen we niet.");
    else if (s == ERR_NOT_FOUND)
        errors_add(e, "target", "Er is geen initiatief met dit nummer.");
    else if (s == ERR_INVALID && kind == CONN_INITIATIVE)
        errors_add(e, "target", "Geef het nummer van een ander initiatief.");
    else if (s == ERR_INVALID)
        errors_add(e, "target", "Geef de code van een doel of organisatie.");
    else if (s == ERR_FORBIDDEN)
        e->summary = "Dit mag alleen de initiatiefnemer, een medewerker van de gemeente of (voor de eigen "
                     "organisatie) een lid van de organisatie.";
}

void api_connection_add(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    json_t *body = api_body(r);
    if (!body)
        return;
    FieldErrors e = { 0 };
    json_t *jk = json_object_get(body, "kind"), *jt = json_object_get(body, "target");
    ConnectionKind kind = CONN_GOAL;
    const char *target = NULL;
    if (!json_is_string(jk) || !connection_kind_parse(json_string_value(jk), &kind))
        errors_add(&e, "kind", "Kies goal, organisation of initiative.");
    if (json_is_string(jt))
        target = arena_strdup(r->arena, json_string_value(jt));
    else if (json_is_integer(jt))
        target = arena_printf(r->arena, "%lld", (long long)json_integer_value(jt));
    else
        errors_add(&e, "target", "Geef de code van het doel of de organisatie, of het nummer van het initiatief.");
    json_decref(body);
    if (e.n) {
        api_status(r, ERR_INVALID, &e);
        return;
    }
    /* Is the initiative there at all? Then a missing target is a field error. */
    Initiative in;
    Status s = initiative_get(&r->ctx, id, &in);
    int created = 0;
    if (s == STATUS_OK)
        s = connection_add_created(&r->ctx, id, kind, target, &created);
    else {
        api_status(r, s, NULL);
        return;
    }
    if (s == STATUS_OK) {
        api_json(r, created ? 201 : 200, json_pack("{s:s, s:o, s:b}", "kind", connection_kind_code(kind), "target",
                                                   api_str(target), "created", created));
        return;
    }
    why(kind, s, &e);
    api_status(r, s == ERR_NOT_FOUND && e.n ? ERR_INVALID : s, &e);
}

void api_connection_remove(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    ConnectionKind kind;
    if (!connection_kind_parse(r->params[1], &kind)) {
        api_error(r, 404, "not_found", "Niet gevonden: kies goal, organisation of initiative.", NULL);
        return;
    }
    Status s = connection_remove(&r->ctx, id, kind, r->params[2]);
    if (s != STATUS_OK) {
        FieldErrors e = { 0 };
        if (s == ERR_FORBIDDEN)
            why(kind, s, &e);
        api_status(r, s == ERR_INVALID ? ERR_NOT_FOUND : s, &e);
        return;
    }
    resp_text(r, 204, NULL, "");
}

/* ---- An organisation's members --------------------------------------- */

void api_organisation_member_add(Request *r)
{
    json_t *body = api_body(r);
    if (!body)
        return;
    FieldErrors e = { 0 };
    json_t *je = json_object_get(body, "email");
    const char *email = json_is_string(je) ? arena_strdup(r->arena, json_string_value(je)) : NULL;
    json_decref(body);
    if (!email) {
        errors_add(&e, "email", "Geef het e-mailadres van een account.");
        api_status(r, ERR_INVALID, &e);
        return;
    }
    int64_t user = 0;
    Status s = directory_member_add_by_email(&r->ctx, r->params[0], email, &e, &user);
    if (s == ERR_FORBIDDEN)
        e.summary = "Alleen leden van de organisatie en beheerders kunnen leden toevoegen.";
    if (s != STATUS_OK) {
        api_status(r, s, &e);
        return;
    }
    CodeName *m = NULL;
    size_t n = 0;
    const char *name = NULL;
    if (directory_members(&r->ctx, r->params[0], &m, &n) == STATUS_OK)
        for (size_t i = 0; i < n; i++)
            if (strtoll(m[i].code, NULL, 10) == user)
                name = m[i].name;
    api_json(r, 201, json_pack("{s:I, s:o}", "id", (json_int_t)user, "name", api_str(name)));
}

void api_organisation_member_remove(Request *r)
{
    int64_t user = api_id_param(r, 1);
    if (!user)
        return;
    Status s = directory_member_remove(&r->ctx, r->params[0], user);
    if (s != STATUS_OK) {
        FieldErrors e = { 0 };
        if (s == ERR_CONFLICT)
            e.summary = "Een organisatie houdt minstens één lid. Voeg eerst iemand anders toe.";
        else if (s == ERR_FORBIDDEN)
            e.summary = "Alleen leden van de organisatie en beheerders kunnen leden weghalen.";
        api_status(r, s, &e);
        return;
    }
    resp_text(r, 204, NULL, "");
}
