/* GET /api/v1/overview: the municipality's overview (domain/overview.h)
 * as JSON. Per wijk: initiatives, counted per state and per state group,
 * organisations working there, open help requests; the organisations of
 * the whole municipality apart; per goal (in tree order, with its parent
 * and depth): the connected initiatives per state and the newest few.
 * Public, as the page /overzicht. */
#include "api/api.h"
#include "api/json.h"
#include "api/routes.h"
#include "domain/overview.h"
#include "domain/process.h"

static json_t *by_state(const int64_t *v)
{
    json_t *o = json_object();
    for (int s = 0; s < ST_COUNT_; s++)
        json_object_set_new(o, state_code((ProcState)s), json_integer(v[s]));
    return o;
}

static json_t *by_group(const int64_t *v)
{
    json_t *o = json_object();
    for (int g = 0; g < GROUP_COUNT_; g++)
        json_object_set_new(o, overview_group_code((StateGroup)g), json_integer(v[g]));
    return o;
}

static json_t *area_object(const OverviewArea *a)
{
    return json_pack("{s:o, s:o, s:I, s:o, s:o, s:I, s:I}", "code", api_str(a->code), "name", api_str(a->name),
                     "initiatives", (json_int_t)a->initiatives, "by_state", by_state(a->by_state), "by_group",
                     by_group(a->by_group), "organisations", (json_int_t)a->organisations, "open_help_requests",
                     (json_int_t)a->open_help_requests);
}

static json_t *goal_object(const OverviewGoal *g)
{
    json_t *items = json_array();
    for (size_t i = 0; i < g->n_items; i++)
        json_array_append_new(items, json_pack("{s:I, s:o, s:s}", "id", (json_int_t)g->items[i].id, "title",
                                               api_str(g->items[i].title), "state", state_code(g->items[i].state)));
    return json_pack("{s:o, s:o, s:o, s:i, s:I, s:o, s:o}", "code", api_str(g->goal.code), "title",
                     api_str(g->goal.title), "parent", api_str(g->goal.parent), "depth", g->goal.depth,
                     "initiatives", (json_int_t)g->initiatives, "by_state", by_state(g->by_state), "newest", items);
}

void api_overview(Request *r)
{
    Overview o;
    Status s = overview_get(&r->ctx, &o);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    json_t *areas = json_array();
    for (size_t i = 0; i < o.n_areas; i++)
        json_array_append_new(areas, area_object(&o.areas[i]));
    json_t *goals = json_array();
    for (size_t i = 0; i < o.n_goals; i++)
        json_array_append_new(goals, goal_object(&o.goals[i]));
    json_t *total = area_object(&o.total);
    json_object_del(total, "code");
    json_object_del(total, "name");
    api_json(r, 200,
             json_pack("{s:o, s:o, s:I, s:o}", "areas", areas, "total", total, "whole_municipality_organisations",
                       (json_int_t)o.whole_municipality_organisations, "goals", goals));
}
