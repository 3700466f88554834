/* The directory part of the demo (demo/lv.json, "directory"). */
#include <jansson.h>
#include <string.h>

#include "domain/directory.h"
#include "store/store.h"
#include "store/store_directory.h"

static const char *str(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

static const char **codes(Arena *a, json_t *arr, size_t *n)
{
    *n = json_array_size(arr);
    const char **v = arena_alloc(a, (*n + 1) * sizeof *v);
    for (size_t i = 0; i < *n; i++)
        v[i] = json_string_value(json_array_get(arr, i));
    return v;
}

static int64_t user_id(Ctx *c, const char *email)
{
    User u;
    return email && store_user_by_email(c->db, c->arena, c->tenant->id, email, &u) == DB_OK ? u.id : 0;
}

static Status fail(Ctx *c, const char **err, const char *what, const char *code)
{
    *err = arena_printf(c->arena, "demo: %s %s kon niet worden geladen", what, code ? code : "?");
    return ERR_INTERNAL;
}

Status directory_demo_load(Ctx *c, json_t *block, const char **err)
{
    if (!block)
        return STATUS_OK;
    size_t i;
    json_t *j;
    Holder *holders;
    size_t nh;
    if (store_holders(c->db, c->arena, c->tenant->id, &holders, &nh) != DB_OK)
        return fail(c, err, "wethouders", "");
    json_array_foreach(json_object_get(block, "holders"), i, j) {
        Holder h = { str(j, "code"), str(j, "name"), str(j, "portfolio") };
        int exists = 0;
        for (size_t k = 0; k < nh; k++)
            exists |= h.code && strcmp(holders[k].code, h.code) == 0;
        if (!exists && (!h.code || !h.name || store_holder_upsert(c->db, c->tenant->id, &h, (int)i + 1) != DB_OK))
            return fail(c, err, "wethouder", h.code);
    }
    Goal *goals;
    size_t ng;
    if (store_goals(c->db, c->arena, c->tenant->id, &goals, &ng) != DB_OK)
        return fail(c, err, "doelen", "");
    json_array_foreach(json_object_get(block, "goals"), i, j) {
        const char *code = str(j, "code");
        for (size_t k = 0; code && k < ng; k++) {
            if (strcmp(goals[k].code, code) != 0 || goals[k].holder_code || *goals[k].department || goals[k].n_themes)
                continue;
            size_t nt;
            const char **themes = codes(c->arena, json_object_get(j, "themes"), &nt);
            if (store_goal_set_owner(c->db, c->tenant->id, code, str(j, "holder"), str(j, "department")) != DB_OK
                || store_goal_set_themes(c->db, c->tenant->id, code, themes, nt) != DB_OK)
                return fail(c, err, "doel", code);
        }
    }
    json_array_foreach(json_object_get(block, "officials"), i, j) {
        int64_t id = user_id(c, str(j, "email"));
        Official o;
        if (!id || store_official_get(c->db, c->arena, c->tenant->id, id, &o) != DB_OK || o.updated_at)
            continue;
        OfficialInput in = { .expertise = str(j, "expertise") };
        in.themes = codes(c->arena, json_object_get(j, "themes"), &in.n_themes);
        in.areas = codes(c->arena, json_object_get(j, "areas"), &in.n_areas);
        if (store_official_save(c->db, c->tenant->id, id, &in, c->now) != DB_OK)
            return fail(c, err, "profiel van", str(j, "email"));
    }
    json_array_foreach(json_object_get(block, "organisations"), i, j) {
        const char *code = str(j, "code");
        Organisation o;
        if (!code || store_organisation_get(c->db, c->arena, c->tenant->id, code, &o) != DB_OK || o.edited_at
            || *o.offer)
            continue;
        OrganisationInput in = { .name = o.name, .kind = o.kind, .description = o.description,
                                 .offer = str(j, "offer"), .contact = str(j, "contact"),
                                 .website = str(j, "website") };
        in.themes = codes(c->arena, json_object_get(j, "themes"), &in.n_themes);
        in.help_kinds = codes(c->arena, json_object_get(j, "help_kinds"), &in.n_help_kinds);
        in.areas = codes(c->arena, json_object_get(j, "areas"), &in.n_areas);
        /* Not through store_organisation_update: that marks the page as
         * edited by its members, and the demo is reference data. */
        if (store_organisation_set_lists(c->db, c->tenant->id, code, &in) != DB_OK
            || store_organisation_details(c->db, c->tenant->id, code, &in) != DB_OK)
            return fail(c, err, "organisatie", code);
    }
    json_array_foreach(json_object_get(block, "places"), i, j) {
        const char *code = str(j, "code");
        Place p;
        if (!code || store_place_get(c->db, c->arena, c->tenant->id, code, &p) != DB_OK || *p.address)
            continue;
        if (store_place_set_details(c->db, c->tenant->id, code, str(j, "address"), str(j, "activities"),
                                    str(j, "area")) != DB_OK)
            return fail(c, err, "plek", code);
    }
    json_array_foreach(json_object_get(block, "members"), i, j) {
        int64_t id = user_id(c, str(j, "email"));
        const char *org = str(j, "organisation");
        if (id && org && store_org_member_add(c->db, c->tenant->id, org, id, c->now) != DB_OK)
            return fail(c, err, "lid van", org);
    }
    return STATUS_OK;
}
