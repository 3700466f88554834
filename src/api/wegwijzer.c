/* The Wegwijzer in the API: GET /api/v1/wegwijzer?need=&theme=&area= →
 * {"funds","organisations","places","officials"}, best first, each item
 * with its code (officials: id), name, score, reasons and how to reach it.
 * Officials carry their public profile only: never an e-mail address or
 * phone number. An unknown code is 422 with the field named. */
#include <string.h>

#include "api/api.h"
#include "api/json.h"
#include "api/routes.h"
#include "domain/wegwijzer.h"
#include "lib/text.h"

static json_t *why_reasons(const WegwijzerWhy *w)
{
    json_t *a = json_array();
    for (size_t i = 0; i < w->n_reasons; i++)
        json_array_append_new(a, api_str(w->reasons[i]));
    return a;
}

static json_t *names(const CodeName *v, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, json_pack("{s:o, s:o}", "code", api_str(v[i].code), "name", api_str(v[i].name)));
    return a;
}

static const char *or_null(const char *s)
{
    return s && *s ? s : NULL;
}

void api_wegwijzer(Request *r)
{
    WegwijzerQuery q = { req_arg(r, "need"), req_arg(r, "theme"), req_arg(r, "area") };
    WegwijzerResult w;
    FieldErrors e = { 0 };
    Status s = wegwijzer_find(&r->ctx, &q, &w, &e);
    if (s != STATUS_OK) {
        api_status(r, s, s == ERR_INVALID ? &e : NULL);
        return;
    }
    json_t *funds = json_array(), *orgs = json_array(), *places = json_array(), *officials = json_array();
    for (size_t i = 0; i < w.n_funds; i++) {
        const Fund *f = &w.funds[i].fund;
        json_t *o = json_pack("{s:o, s:o, s:o, s:i, s:o, s:o}", "code", api_str(f->code), "name", api_str(f->name),
                              "description", api_str(or_null(f->description)), "score", w.funds[i].why.score,
                              "reasons", why_reasons(&w.funds[i].why), "url",
                              api_str(arena_printf(r->arena, "/fondsen/%s", f->code)));
        json_object_set_new(o, "max_amount_cents",
                            f->max_amount_cents > 0 ? json_integer((json_int_t)f->max_amount_cents) : json_null());
        json_array_append_new(funds, o);
    }
    for (size_t i = 0; i < w.n_organisations; i++) {
        const Organisation *g = &w.organisations[i].org;
        json_array_append_new(
            orgs, json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:i, s:o, s:o}", "code", api_str(g->code), "name",
                            api_str(g->name), "kind", api_str(or_null(g->kind)), "description",
                            api_str(or_null(g->description)), "offer", api_str(or_null(g->offer)), "contact",
                            api_str(or_null(g->contact)), "website", api_str(or_null(g->website)), "score",
                            w.organisations[i].why.score, "reasons", why_reasons(&w.organisations[i].why), "url",
                            api_str(arena_printf(r->arena, "/organisaties/%s", g->code))));
    }
    for (size_t i = 0; i < w.n_places; i++) {
        const Place *p = &w.places[i].place;
        json_t *org = p->organisation_code ? json_pack("{s:o, s:o}", "code", api_str(p->organisation_code), "name",
                                                       api_str(p->organisation_name))
                                           : json_null();
        json_t *area = p->area_code ? json_pack("{s:o, s:o}", "code", api_str(p->area_code), "name",
                                                api_str(p->area_name))
                                    : json_null();
        json_array_append_new(
            places, json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:i, s:o, s:o}", "code", api_str(p->code),
                              "name", api_str(p->name), "kind", api_str(p->kind), "town", api_str(p->town),
                              "address", api_str(or_null(p->address)), "activities", api_str(or_null(p->activities)),
                              "organisation", org, "area", area, "score", w.places[i].why.score, "reasons",
                              why_reasons(&w.places[i].why), "url",
                              api_str(arena_printf(r->arena, "/plekken/%s", p->code))));
    }
    for (size_t i = 0; i < w.n_officials; i++) {
        const Official *o = &w.officials[i].official;
        json_array_append_new(
            officials,
            json_pack("{s:I, s:o, s:o, s:o, s:o, s:i, s:o, s:o}", "id", (json_int_t)o->id, "name", api_str(o->name),
                      "expertise", api_str(or_null(o->expertise)), "themes", names(o->themes, o->n_themes), "areas",
                      names(o->areas, o->n_areas), "score", w.officials[i].why.score, "reasons",
                      why_reasons(&w.officials[i].why), "url",
                      api_str(arena_printf(r->arena, "/ambtenaren#ambtenaar-%lld", (long long)o->id))));
    }
    api_json(r, 200, json_pack("{s:o, s:o, s:o, s:o}", "funds", funds, "organisations", orgs, "places", places,
                               "officials", officials));
}
