/* The connections part of the demo (demo/lv.json, "connections"): which
 * demo initiatives serve which goals, which organisations help them and
 * which work together, so the goal, organisation and overview pages show
 * something. Initiatives are found by title. What is there stays, so
 * loading twice changes nothing. */
#include <jansson.h>

#include "domain/connections.h"
#include "store/store.h"
#include "store/store_connections.h"

static Status fail(Ctx *c, const char **err, const char *what, const char *title)
{
    *err = arena_printf(c->arena, "demo: verbinding %s van ‘%s’ kon niet worden geladen", what, title ? title : "?");
    return ERR_INTERNAL;
}

Status connections_demo_load(Ctx *c, json_t *block, const char **err)
{
    static const struct {
        const char *key;
        ConnectionKind kind;
    } lists[] = { { "goals", CONN_GOAL }, { "organisations", CONN_ORGANISATION }, { "initiatives", CONN_INITIATIVE } };
    size_t i;
    json_t *j;
    json_array_foreach(block, i, j) {
        const char *title = json_string_value(json_object_get(j, "initiative"));
        int64_t id;
        if (!title || store_initiative_find_by_title(c->db, c->tenant->id, title, &id) != DB_OK)
            return fail(c, err, "initiatief", title);
        /* A day apart, so "newest first" has an order to show. */
        int64_t at = c->now - (int64_t)i * 86400;
        for (size_t k = 0; k < sizeof lists / sizeof *lists; k++) {
            size_t m;
            json_t *t;
            json_array_foreach(json_object_get(j, lists[k].key), m, t) {
                const char *target = json_string_value(t);
                if (!target)
                    return fail(c, err, lists[k].key, title);
                if (lists[k].kind == CONN_INITIATIVE) {
                    int64_t other;
                    if (store_initiative_find_by_title(c->db, c->tenant->id, target, &other) != DB_OK)
                        return fail(c, err, "partner", target);
                    target = arena_printf(c->arena, "%lld", (long long)other);
                }
                if (store_conn_add(c->db, c->tenant->id, id, lists[k].kind, target, 0, at, NULL) != DB_OK)
                    return fail(c, err, lists[k].key, title);
            }
        }
    }
    return STATUS_OK;
}
