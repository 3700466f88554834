/* Reference data for clients: areas, themes, help-request kinds, SDGs.
 * Public, and the codes are what the initiative routes accept. */
#include <stdlib.h>

#include "api/api.h"
#include "api/json.h"
#include "api/routes.h"
#include "domain/reference.h"

static void send_items(Request *r, json_t *items)
{
    api_json(r, 200, json_pack("{s:o}", "items", items));
}

void api_areas(Request *r)
{
    Area *v;
    size_t n;
    Status s = reference_areas(&r->ctx, &v, &n);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    json_t *items = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(items, json_pack("{s:o, s:o, s:o, s:o}", "code", api_str(v[i].code), "name",
                                               api_str(v[i].name), "kind", api_str(v[i].kind), "parent",
                                               api_str(v[i].parent && *v[i].parent ? v[i].parent : NULL)));
    send_items(r, items);
}

/* Help kinds carry a Dutch description; for themes that column is the
 * English name, which the items leave out. */
static void send_code_names(Request *r, Status s, const CodeName *v, size_t n, int with_description)
{
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    json_t *items = json_array();
    for (size_t i = 0; i < n; i++) {
        json_t *o = json_pack("{s:o, s:o}", "code", api_str(v[i].code), "name", api_str(v[i].name));
        if (with_description && v[i].description && *v[i].description)
            json_object_set_new(o, "description", api_str(v[i].description));
        json_array_append_new(items, o);
    }
    send_items(r, items);
}

void api_themes(Request *r)
{
    CodeName *v = NULL;
    size_t n = 0;
    Status s = reference_themes(&r->ctx, &v, &n);
    send_code_names(r, s, v, n, 0);
}

void api_help_kinds(Request *r)
{
    CodeName *v = NULL;
    size_t n = 0;
    Status s = reference_help_kinds(&r->ctx, &v, &n);
    send_code_names(r, s, v, n, 1);
}

void api_sdgs(Request *r)
{
    CodeName *v;
    size_t n;
    Status s = reference_sdgs(&r->ctx, &v, &n);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    json_t *items = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(items, json_pack("{s:I, s:o}", "number", (json_int_t)strtoll(v[i].code, NULL, 10),
                                               "name", api_str(v[i].name)));
    send_items(r, items);
}
