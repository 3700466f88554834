#include "domain/demo.h"

#include <jansson.h>
#include <sodium.h>
#include <string.h>

#include "domain/accounts.h"
#include "domain/process.h"
#include "lib/embedded.h"
#include "store/store.h"

/* One hash for all demo accounts: hashing forty passwords would make
 * `init --demo` slow for no gain. */
static int add_people(Ctx *c, json_t *list, Role role, const char *hash, const char **err)
{
    size_t i;
    json_t *p;
    json_array_foreach(list, i, p) {
        const char *email = json_string_value(json_object_get(p, "email"));
        User existing;
        if (!email || store_user_by_email(c->db, c->arena, c->tenant->id, email, &existing) == DB_OK)
            continue;
        const char *r = json_string_value(json_object_get(p, "role"));
        User u = { .email = email,
                   .name = json_string_value(json_object_get(p, "name")),
                   .phone = json_string_value(json_object_get(p, "phone")),
                   .role = r && role_parse(r) >= 0 ? (Role)role_parse(r) : role,
                   .password_hash = hash };
        int64_t id;
        if (store_user_insert(c->db, c->tenant->id, &u, c->now, &id) != DB_OK) {
            *err = arena_printf(c->arena, "gebruiker %s kon niet worden gemaakt", email);
            return 0;
        }
    }
    return 1;
}

static int64_t user_id(Ctx *c, const char *email)
{
    User u;
    return email && store_user_by_email(c->db, c->arena, c->tenant->id, email, &u) == DB_OK ? u.id : 0;
}

static const char **string_array(Arena *a, json_t *arr, size_t *n)
{
    *n = json_array_size(arr);
    const char **v = arena_alloc(a, (*n + 1) * sizeof *v);
    for (size_t i = 0; i < *n; i++) {
        json_t *x = json_array_get(arr, i);
        v[i] = json_is_integer(x) ? arena_printf(a, "%lld", (long long)json_integer_value(x))
                                  : json_string_value(x);
    }
    return v;
}

/* Walks the history through the same state changes real use makes, with
 * the times the demo file gives. */
static int add_initiative(Ctx *c, json_t *j, const char **err)
{
    const char *title = json_string_value(json_object_get(j, "title"));
    int64_t id;
    if (!title || store_initiative_find_by_title(c->db, c->tenant->id, title, &id) == DB_OK)
        return 1;
    json_t *history = json_object_get(j, "history");
    json_t *first = json_array_get(history, 0);
    int64_t created = c->now - 86400 * (first ? json_integer_value(json_object_get(first, "days_ago")) + 2 : 5);
    Initiative in = { 0 };
    in.title = title;
    in.summary = json_string_value(json_object_get(j, "summary"));
    in.description = json_string_value(json_object_get(j, "description"));
    in.area_code = json_string_value(json_object_get(j, "area"));
    in.state = ST_IDEE;
    in.initiator_id = user_id(c, json_string_value(json_object_get(j, "initiator")));
    in.show_name = json_is_false(json_object_get(j, "show_name")) ? 0 : 1;
    if (!in.initiator_id || store_initiative_insert(c->db, c->tenant->id, &in, created, &in.id) != DB_OK)
        goto fail;
    size_t nt, ns;
    const char **themes = string_array(c->arena, json_object_get(j, "themes"), &nt);
    const char **sdgs = string_array(c->arena, json_object_get(j, "sdgs"), &ns);
    in.themes = arena_alloc(c->arena, (nt + 1) * sizeof *in.themes);
    in.sdgs = arena_alloc(c->arena, (ns + 1) * sizeof *in.sdgs);
    for (size_t i = 0; i < nt; i++)
        in.themes[i].code = themes[i];
    for (size_t i = 0; i < ns; i++)
        in.sdgs[i].code = sdgs[i];
    in.n_themes = nt;
    in.n_sdgs = ns;
    json_t *links = json_object_get(j, "links");
    in.n_links = json_array_size(links);
    in.links = arena_alloc(c->arena, (in.n_links + 1) * sizeof *in.links);
    for (size_t i = 0; i < in.n_links; i++) {
        in.links[i].kind = json_string_value(json_object_get(json_array_get(links, i), "kind"));
        in.links[i].url = json_string_value(json_object_get(json_array_get(links, i), "url"));
    }
    if (store_initiative_set_tags(c->db, c->tenant->id, &in) != DB_OK)
        goto fail;
    if (store_timeline_insert(c->db, c->tenant->id, in.id, created, ST_NONE, ST_IDEE, in.initiator_id,
                              "Idee gedeeld.") != DB_OK)
        goto fail;
    size_t i;
    json_t *step;
    ProcState cur = ST_IDEE;
    int64_t contact = user_id(c, json_string_value(json_object_get(j, "contact")));
    json_array_foreach(history, i, step) {
        ProcState to = state_parse(json_string_value(json_object_get(step, "to")));
        int64_t at = c->now - 86400 * json_integer_value(json_object_get(step, "days_ago")) - 3600 * (int64_t)(i + 1);
        int64_t by = user_id(c, json_string_value(json_object_get(step, "by")));
        if (to == ST_NONE || !process_allowed(cur, to)
            || store_initiative_set_state(c->db, c->tenant->id, in.id, cur, to, at, to == ST_INGEDIEND ? at : 0,
                                          to == ST_INTAKE ? contact : 0) != DB_OK
            || store_timeline_insert(c->db, c->tenant->id, in.id, at, cur, to, by,
                                     json_string_value(json_object_get(step, "note"))) != DB_OK)
            goto fail;
        cur = to;
    }
    json_t *h;
    json_array_foreach(json_object_get(j, "help_requests"), i, h) {
        json_t *amount = json_object_get(h, "amount_cents");
        int st = help_state_parse(json_string_value(json_object_get(h, "state")));
        HelpRequest hr = { .kind = json_string_value(json_object_get(h, "kind")),
                           .description = json_string_value(json_object_get(h, "description")),
                           .amount_cents = json_is_integer(amount) ? json_integer_value(amount) : -1,
                           .state = st < 0 ? HELP_OPEN : (HelpState)st };
        int64_t hid;
        if (store_help_request_insert(c->db, c->tenant->id, in.id, &hr, created, &hid) != DB_OK)
            goto fail;
    }
    return 1;
fail:
    *err = arena_printf(c->arena, "initiatief \"%s\" kon niet worden geladen", title);
    return 0;
}

Status demo_load(Ctx *c, int *added, const char **err)
{
    *added = 0;
    const EmbeddedFile *f = embedded_find("demo/lv.json");
    if (!f) {
        *err = "demo/lv.json ontbreekt in het programma";
        return ERR_INTERNAL;
    }
    json_error_t je;
    json_t *root = json_loadb((const char *)f->data, f->size, 0, &je);
    if (!root) {
        *err = arena_printf(c->arena, "demo/lv.json regel %d: %s", je.line, je.text);
        return ERR_INTERNAL;
    }
    char hash[crypto_pwhash_STRBYTES];
    Status s = ERR_INTERNAL;
    if (password_hash(DEMO_PASSWORD, hash, sizeof hash) != 0) {
        *err = "wachtwoord kon niet worden versleuteld";
        goto out;
    }
    if (db_begin(c->db) != DB_OK)
        goto out;
    if (!add_people(c, json_object_get(root, "officials"), ROLE_OFFICIAL, hash, err)
        || !add_people(c, json_object_get(root, "committee"), ROLE_COMMITTEE, hash, err)
        || !add_people(c, json_object_get(root, "residents"), ROLE_RESIDENT, hash, err)) {
        db_rollback(c->db);
        goto out;
    }
    size_t i;
    json_t *j;
    json_array_foreach(json_object_get(root, "initiatives"), i, j) {
        int64_t before;
        int existed = store_initiative_find_by_title(c->db, c->tenant->id,
                                                     json_string_value(json_object_get(j, "title")), &before) == DB_OK;
        if (!add_initiative(c, j, err)) {
            db_rollback(c->db);
            goto out;
        }
        *added += !existed;
    }
    s = db_commit(c->db) == DB_OK ? STATUS_OK : ERR_INTERNAL;
out:
    json_decref(root);
    return s;
}
