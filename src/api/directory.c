/* The directory in the API: goals (a tree: each with its parent and
 * depth, in tree order), portfolio holders, organisations (paged, with
 * filters), places and officials. Public reads; no e-mail address or
 * phone number of anyone is in any of them. */
#include <limits.h>
#include <string.h>

#include "api/api.h"
#include "api/json.h"
#include "api/routes.h"
#include "domain/directory.h"
#include "domain/reference.h"
#include "lib/text.h"

/* The filter value when it is a known code; otherwise an error. */
static const char *query_code(Request *r, const char *name, char kind, FieldErrors *e)
{
    const char *v = api_query_text(r, name);
    if (!v)
        return NULL;
    CodeName *c = NULL;
    Area *a = NULL;
    size_t n = 0;
    if (kind == 't')
        reference_themes(&r->ctx, &c, &n);
    else if (kind == 'h')
        reference_help_kinds(&r->ctx, &c, &n);
    else
        reference_areas(&r->ctx, &a, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(kind == 'a' ? a[i].code : c[i].code, v) == 0)
            return v;
    errors_add(e, name,
               kind == 't'   ? "Dit thema kennen we niet."
               : kind == 'h' ? "Deze soort hulp kennen we niet."
                             : "Deze wijk of buurt kennen we niet.");
    return NULL;
}

static json_t *code_names(const CodeName *v, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, json_pack("{s:o, s:o}", "code", api_str(v[i].code), "name", api_str(v[i].name)));
    return a;
}

static void send_items(Request *r, json_t *items)
{
    api_json(r, 200, json_pack("{s:o}", "items", items));
}

/* ---- Goals and portfolio holders ----------------------------------- */

static json_t *goal_object(const Goal *g)
{
    json_t *holder = g->holder_code ? json_pack("{s:o, s:o, s:o}", "code", api_str(g->holder_code), "name",
                                                api_str(g->holder_name), "portfolio", api_str(g->holder_portfolio))
                                    : json_null();
    return json_pack("{s:o, s:o, s:o, s:o, s:i, s:o, s:o, s:o}", "code", api_str(g->code), "title",
                     api_str(g->title), "source_document", api_str(g->source_document), "parent", api_str(g->parent),
                     "depth", g->depth, "portfolio_holder", holder, "department",
                     api_str(g->department && *g->department ? g->department : NULL), "themes",
                     code_names(g->themes, g->n_themes));
}

void api_goals(Request *r)
{
    Goal *v;
    size_t n;
    Status s = directory_goals(&r->ctx, &v, &n);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    json_t *items = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(items, goal_object(&v[i]));
    send_items(r, items);
}

void api_goal(Request *r)
{
    Goal g, *children, *path;
    size_t nc, np;
    Status s = directory_goal(&r->ctx, r->params[0], &g, &children, &nc, &path, &np);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    json_t *o = goal_object(&g);
    json_t *kids = json_array(), *up = json_array();
    for (size_t i = 0; i < nc; i++)
        json_array_append_new(kids, json_pack("{s:o, s:o}", "code", api_str(children[i].code), "title",
                                              api_str(children[i].title)));
    for (size_t i = 0; i < np; i++)
        json_array_append_new(up, json_pack("{s:o, s:o}", "code", api_str(path[i].code), "title",
                                            api_str(path[i].title)));
    json_object_set_new(o, "children", kids);
    json_object_set_new(o, "path", up);
    json_object_set_new(o, "initiatives", api_connected_initiatives(r, 0, g.code));
    api_json(r, 200, o);
}

void api_holders(Request *r)
{
    Holder *v;
    size_t n;
    Status s = directory_holders(&r->ctx, &v, &n);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    json_t *items = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(items, json_pack("{s:o, s:o, s:o}", "code", api_str(v[i].code), "name",
                                               api_str(v[i].name), "portfolio", api_str(v[i].portfolio)));
    send_items(r, items);
}

/* ---- Organisations --------------------------------------------------- */

static json_t *organisation_object(const Organisation *o)
{
    return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "code", api_str(o->code), "name",
                     api_str(o->name), "kind", api_str(o->kind), "description", api_str(o->description), "offer",
                     api_str(*o->offer ? o->offer : NULL), "contact", api_str(*o->contact ? o->contact : NULL),
                     "website", api_str(*o->website ? o->website : NULL), "themes",
                     code_names(o->themes, o->n_themes), "help_kinds", code_names(o->help_kinds, o->n_help_kinds),
                     "areas", code_names(o->areas, o->n_areas));
}

void api_organisations(Request *r)
{
    FieldErrors e = { 0 };
    OrganisationFilter f = { .theme = query_code(r, "theme", 't', &e),
                             .help_kind = query_code(r, "help_kind", 'h', &e),
                             .area = query_code(r, "area", 'a', &e),
                             .kind = api_query_text(r, "kind") };
    f.page = api_query_int(r, "page", 1, 1, INT_MAX / DIR_PER_PAGE_MAX, &e,
                       "Geef een paginanummer: een heel getal vanaf 1.");
    f.per_page = api_query_int(r, "per_page", DIR_PER_PAGE_DEFAULT, 1, DIR_PER_PAGE_MAX, &e,
                           "Kies 1 tot en met 100 per pagina.");
    if (e.n) {
        api_status(r, ERR_INVALID, &e);
        return;
    }
    OrganisationPage p;
    Status s = directory_organisations(&r->ctx, &f, &p);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    json_t *items = json_array();
    for (size_t i = 0; i < p.n; i++)
        json_array_append_new(items, organisation_object(&p.items[i]));
    api_json(r, 200, json_pack("{s:o, s:I, s:i, s:i}", "items", items, "total", (json_int_t)p.total, "page", f.page,
                               "per_page", f.per_page));
}

static json_t *place_object(const Place *p)
{
    json_t *org = p->organisation_code ? json_pack("{s:o, s:o}", "code", api_str(p->organisation_code), "name",
                                                   api_str(p->organisation_name))
                                       : json_null();
    json_t *area = p->area_code ? json_pack("{s:o, s:o}", "code", api_str(p->area_code), "name",
                                            api_str(p->area_name))
                                : json_null();
    return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "code", api_str(p->code), "name", api_str(p->name),
                     "kind", api_str(p->kind), "town", api_str(p->town), "address",
                     api_str(*p->address ? p->address : NULL), "activities",
                     api_str(*p->activities ? p->activities : NULL), "organisation", org, "area", area);
}

void api_organisation(Request *r)
{
    Organisation o;
    Status s = directory_organisation(&r->ctx, r->params[0], &o);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    json_t *obj = organisation_object(&o);
    Place *places = NULL;
    size_t np = 0;
    json_t *pl = json_array();
    if (directory_places(&r->ctx, o.code, &places, &np) == STATUS_OK)
        for (size_t i = 0; i < np; i++)
            json_array_append_new(pl, json_pack("{s:o, s:o}", "code", api_str(places[i].code), "name",
                                                api_str(places[i].name)));
    json_object_set_new(obj, "places", pl);
    json_object_set_new(obj, "initiatives", api_connected_initiatives(r, 1, o.code));
    api_json(r, 200, obj);
}

/* ---- Places ---------------------------------------------------------- */

void api_places(Request *r)
{
    Place *v;
    size_t n;
    Status s = directory_places(&r->ctx, NULL, &v, &n);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    json_t *items = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(items, place_object(&v[i]));
    send_items(r, items);
}

void api_place(Request *r)
{
    Place p;
    Status s = directory_place(&r->ctx, r->params[0], &p);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    api_json(r, 200, place_object(&p));
}

/* ---- Officials ------------------------------------------------------- */

void api_officials(Request *r)
{
    FieldErrors e = { 0 };
    const char *theme = query_code(r, "theme", 't', &e), *area = query_code(r, "area", 'a', &e);
    if (e.n) {
        api_status(r, ERR_INVALID, &e);
        return;
    }
    Official *v;
    size_t n;
    Status s = directory_officials(&r->ctx, theme, area, &v, &n);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    json_t *items = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(items, json_pack("{s:I, s:o, s:o, s:o, s:o}", "id", (json_int_t)v[i].id, "name",
                                               api_str(v[i].name), "expertise",
                                               api_str(*v[i].expertise ? v[i].expertise : NULL), "themes",
                                               code_names(v[i].themes, v[i].n_themes), "areas",
                                               code_names(v[i].areas, v[i].n_areas)));
    send_items(r, items);
}

/* ---- Changes: members, the official herself, admins ----------------- */

/* A list of codes: absent leaves *out; anything but an array of strings
 * is an error. At most DIR_CHOICES_MAX + 1 are kept, so the domain can say
 * there are too many. */
static void read_codes(Request *r, json_t *body, const char *key, const char ***out, size_t *n, FieldErrors *e)
{
    json_t *v = json_object_get(body, key);
    if (!v)
        return;
    if (!json_is_array(v)) {
        errors_add(e, key, "Geef een lijst met codes.");
        return;
    }
    const char **codes = arena_alloc(r->arena, (DIR_CHOICES_MAX + 2) * sizeof *codes);
    size_t k = 0, i;
    json_t *x;
    json_array_foreach(v, i, x) {
        if (!json_is_string(x)) {
            errors_add(e, key, "Geef een lijst met codes.");
            return;
        }
        if (k <= DIR_CHOICES_MAX)
            codes[k++] = arena_strdup(r->arena, json_string_value(x));
    }
    *out = codes;
    *n = k;
}

/* The organisation as stored, with the members of body that were sent on top. */
static void read_organisation(Request *r, json_t *body, OrganisationInput *in, FieldErrors *e)
{
    api_read_text(r, body, "name", &in->name, e);
    api_read_text(r, body, "kind", &in->kind, e);
    api_read_text(r, body, "description", &in->description, e);
    api_read_text(r, body, "offer", &in->offer, e);
    api_read_text(r, body, "contact", &in->contact, e);
    api_read_text(r, body, "website", &in->website, e);
    read_codes(r, body, "themes", &in->themes, &in->n_themes, e);
    read_codes(r, body, "help_kinds", &in->help_kinds, &in->n_help_kinds, e);
    read_codes(r, body, "areas", &in->areas, &in->n_areas, e);
}

static const char **codes_of(Request *r, const CodeName *v, size_t n)
{
    const char **c = arena_alloc(r->arena, (n + 1) * sizeof *c);
    for (size_t i = 0; i < n; i++)
        c[i] = v[i].code;
    return c;
}

void api_organisation_update(Request *r)
{
    Organisation o;
    Status s = directory_organisation(&r->ctx, r->params[0], &o);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    if (!directory_may_edit_organisation(r->ctx.user, directory_is_member(&r->ctx, o.code, r->ctx.user->id))) {
        api_status(r, ERR_FORBIDDEN, &(FieldErrors){ .summary = "Alleen leden van de organisatie en beheerders "
                                                                 "kunnen haar gegevens aanpassen." });
        return;
    }
    json_t *body = api_body(r);
    if (!body)
        return;
    OrganisationInput in = { .name = o.name, .kind = o.kind, .description = o.description, .offer = o.offer,
                             .contact = o.contact, .website = o.website,
                             .themes = codes_of(r, o.themes, o.n_themes), .n_themes = o.n_themes,
                             .help_kinds = codes_of(r, o.help_kinds, o.n_help_kinds), .n_help_kinds = o.n_help_kinds,
                             .areas = codes_of(r, o.areas, o.n_areas), .n_areas = o.n_areas };
    FieldErrors e = { 0 };
    read_organisation(r, body, &in, &e);
    json_decref(body);
    s = e.n ? ERR_INVALID : directory_organisation_update(&r->ctx, o.code, &in, &e);
    if (s == STATUS_OK)
        s = directory_organisation(&r->ctx, o.code, &o);
    if (s != STATUS_OK) {
        api_status(r, s, &e);
        return;
    }
    api_json(r, 200, organisation_object(&o));
}

void api_organisation_create(Request *r)
{
    json_t *body = api_body(r);
    if (!body)
        return;
    OrganisationInput in = { 0 };
    FieldErrors e = { 0 };
    read_organisation(r, body, &in, &e);
    json_decref(body);
    const char *code = NULL;
    Status s = e.n ? ERR_INVALID : directory_organisation_create(&r->ctx, &in, &e, &code);
    Organisation o;
    if (s == STATUS_OK)
        s = directory_organisation(&r->ctx, code, &o);
    if (s != STATUS_OK) {
        api_status(r, s, &e);
        return;
    }
    resp_header(r, "Location", arena_printf(r->arena, "/api/v1/organisations/%s", code));
    api_json(r, 201, organisation_object(&o));
}

void api_official_update(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    Official o;
    Status s = directory_official(&r->ctx, id, &o);
    if (s == STATUS_OK && !directory_may_edit_official(r->ctx.user, &o))
        s = ERR_FORBIDDEN;
    if (s != STATUS_OK) {
        api_status(r, s, &(FieldErrors){ .summary = s == ERR_FORBIDDEN ? "U kunt alleen uw eigen profiel aanpassen."
                                                                         : NULL });
        return;
    }
    json_t *body = api_body(r);
    if (!body)
        return;
    OfficialInput in = { .expertise = o.expertise, .themes = codes_of(r, o.themes, o.n_themes),
                         .n_themes = o.n_themes, .areas = codes_of(r, o.areas, o.n_areas), .n_areas = o.n_areas };
    FieldErrors e = { 0 };
    api_read_text(r, body, "expertise", &in.expertise, &e);
    read_codes(r, body, "themes", &in.themes, &in.n_themes, &e);
    read_codes(r, body, "areas", &in.areas, &in.n_areas, &e);
    json_decref(body);
    s = e.n ? ERR_INVALID : directory_official_update(&r->ctx, id, &in, &e);
    if (s == STATUS_OK)
        s = directory_official(&r->ctx, id, &o);
    if (s != STATUS_OK) {
        api_status(r, s, &e);
        return;
    }
    api_json(r, 200, json_pack("{s:I, s:o, s:o, s:o, s:o}", "id", (json_int_t)o.id, "name", api_str(o.name),
                               "expertise", api_str(*o.expertise ? o.expertise : NULL), "themes",
                               code_names(o.themes, o.n_themes), "areas", code_names(o.areas, o.n_areas)));
}

void api_goal_update(Request *r)
{
    Goal g, *children, *path;
    size_t nc, np;
    Status s = directory_goal(&r->ctx, r->params[0], &g, &children, &nc, &path, &np);
    if (s == STATUS_OK && !directory_may_edit_goals(r->ctx.user))
        s = ERR_FORBIDDEN;
    if (s != STATUS_OK) {
        api_status(r, s, &(FieldErrors){ .summary = s == ERR_FORBIDDEN ? "Alleen een beheerder kan doelen aanpassen."
                                                                         : NULL });
        return;
    }
    json_t *body = api_body(r);
    if (!body)
        return;
    GoalInput in = { g.holder_code, g.department, codes_of(r, g.themes, g.n_themes), g.n_themes };
    FieldErrors e = { 0 };
    api_read_text(r, body, "portfolio_holder", &in.holder_code, &e);
    api_read_text(r, body, "department", &in.department, &e);
    read_codes(r, body, "themes", &in.themes, &in.n_themes, &e);
    json_decref(body);
    s = e.n ? ERR_INVALID : directory_goal_update(&r->ctx, g.code, &in, &e);
    for (size_t i = 0; i < e.n; i++) /* the domain's name for it is the form's */
        if (e.field[i] && strcmp(e.field[i], "holder") == 0)
            e.field[i] = "portfolio_holder";
    if (s == STATUS_OK)
        s = directory_goal(&r->ctx, g.code, &g, &children, &nc, &path, &np);
    if (s != STATUS_OK) {
        api_status(r, s, &e);
        return;
    }
    api_json(r, 200, goal_object(&g));
}
