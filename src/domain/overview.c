/* The municipality's overview: see overview.h. */
#include "domain/overview.h"

#include <string.h>

#include "domain/process.h"
#include "domain/reference.h"
#include "store/store.h"
#include "store/store_overview.h"

static const struct {
    const char *code, *label, *explain;
} groups[GROUP_COUNT_] = {
    [GROUP_IDEA] = { "idee", "Idee", "nog een idee, niet ingediend" },
    [GROUP_MUNICIPALITY] = { "bij_gemeente", "Bij de gemeente", "ingediend, intake of in behandeling" },
    [GROUP_RUNNING] = { "lopend", "Loopt", "toegekend of in uitvoering" },
    [GROUP_DONE] = { "afgerond", "Afgerond", "afgerond of geëvalueerd" },
    [GROUP_STOPPED] = { "gestopt", "Gestopt", "afgewezen, doorverwezen of gestopt" },
};

StateGroup overview_state_group(ProcState s)
{
    switch (s) {
    case ST_IDEE:
        return GROUP_IDEA;
    case ST_INGEDIEND:
    case ST_INTAKE:
    case ST_IN_BEHANDELING:
        return GROUP_MUNICIPALITY;
    case ST_TOEGEKEND:
    case ST_IN_UITVOERING:
        return GROUP_RUNNING;
    case ST_AFGEROND:
    case ST_GEEVALUEERD:
        return GROUP_DONE;
    default:
        return GROUP_STOPPED;
    }
}

const char *overview_group_code(StateGroup g)
{
    return g < GROUP_COUNT_ ? groups[g].code : "";
}

const char *overview_group_label(StateGroup g)
{
    return g < GROUP_COUNT_ ? groups[g].label : "";
}

const char *overview_group_explain(StateGroup g)
{
    return g < GROUP_COUNT_ ? groups[g].explain : "";
}

static OverviewArea *area_of(Overview *o, const char *code)
{
    for (size_t i = 0; code && i < o->n_areas; i++)
        if (strcmp(o->areas[i].code, code) == 0)
            return &o->areas[i];
    return NULL;
}

static OverviewGoal *goal_of(Overview *o, const char *code)
{
    for (size_t i = 0; code && i < o->n_goals; i++)
        if (strcmp(o->goals[i].goal.code, code) == 0)
            return &o->goals[i];
    return NULL;
}

/* Adds n initiatives in state `state` to a row's counts. A state the
 * program does not know (written by hand in the database) is left out,
 * as the public list's state filter cannot find it either. */
static int64_t add_state(int64_t *by_state, int64_t *by_group, const char *state, int64_t n)
{
    ProcState s = state_parse(state);
    if (s == ST_NONE)
        return 0;
    by_state[s] += n;
    if (by_group)
        by_group[overview_state_group(s)] += n;
    return n;
}

static Status load_areas(Ctx *c, Overview *o)
{
    Area *areas;
    size_t n;
    Status s = reference_areas(c, &areas, &n);
    if (s != STATUS_OK)
        return s;
    o->areas = arena_alloc(c->arena, (n ? n : 1) * sizeof *o->areas);
    for (size_t i = 0; i < n; i++)
        if (strcmp(areas[i].kind, "wijk") == 0) {
            OverviewArea *a = &o->areas[o->n_areas++];
            memset(a, 0, sizeof *a);
            a->code = areas[i].code;
            a->name = areas[i].name;
        }
    int64_t tenant = c->tenant->id;
    OverviewCount *v;
    size_t nv;
    if (store_overview_area_states(c->db, c->arena, tenant, &v, &nv) != DB_OK)
        return ERR_INTERNAL;
    for (size_t i = 0; i < nv; i++) {
        OverviewArea *a = area_of(o, v[i].key);
        o->total.initiatives += add_state(o->total.by_state, o->total.by_group, v[i].sub, v[i].n);
        if (a)
            a->initiatives += add_state(a->by_state, a->by_group, v[i].sub, v[i].n);
    }
    if (store_overview_area_orgs(c->db, c->arena, tenant, &v, &nv) != DB_OK)
        return ERR_INTERNAL;
    for (size_t i = 0; i < nv; i++) {
        OverviewArea *a = area_of(o, v[i].key);
        if (a)
            a->organisations = v[i].n;
    }
    if (store_overview_orgs_whole(c->db, tenant, &o->whole_municipality_organisations, &o->total.organisations)
        != DB_OK)
        return ERR_INTERNAL;
    if (store_overview_area_help(c->db, c->arena, tenant, &v, &nv) != DB_OK)
        return ERR_INTERNAL;
    for (size_t i = 0; i < nv; i++) {
        OverviewArea *a = area_of(o, v[i].key);
        o->total.open_help_requests += v[i].n;
        if (a)
            a->open_help_requests = v[i].n;
    }
    for (size_t i = 0; i < o->n_areas; i++)
        if (o->areas[i].initiatives > o->max_area_initiatives)
            o->max_area_initiatives = o->areas[i].initiatives;
    return STATUS_OK;
}

static Status load_goals(Ctx *c, Overview *o)
{
    Goal *goals;
    size_t n;
    Status s = directory_goals(c, &goals, &n);
    if (s != STATUS_OK)
        return s;
    o->goals = arena_alloc(c->arena, (n ? n : 1) * sizeof *o->goals);
    o->n_goals = n;
    for (size_t i = 0; i < n; i++) {
        memset(&o->goals[i], 0, sizeof o->goals[i]);
        o->goals[i].goal = goals[i];
    }
    int64_t tenant = c->tenant->id;
    OverviewCount *v;
    size_t nv;
    if (store_overview_goal_states(c->db, c->arena, tenant, &v, &nv) != DB_OK)
        return ERR_INTERNAL;
    for (size_t i = 0; i < nv; i++) {
        OverviewGoal *g = goal_of(o, v[i].key);
        if (g)
            g->initiatives += add_state(g->by_state, NULL, v[i].sub, v[i].n);
    }
    const char **codes;
    OverviewItem *items;
    if (store_overview_goal_items(c->db, c->arena, tenant, OVERVIEW_GOAL_ITEMS, &codes, &items, &nv) != DB_OK)
        return ERR_INTERNAL;
    /* Rows come ordered by goal: each goal's items are one run. */
    for (size_t i = 0; i < nv;) {
        size_t j = i;
        while (j < nv && strcmp(codes[j], codes[i]) == 0)
            j++;
        OverviewGoal *g = goal_of(o, codes[i]);
        if (g) {
            g->items = arena_alloc(c->arena, (j - i) * sizeof *g->items);
            for (size_t k = i; k < j; k++)
                if (items[k].state != ST_NONE)
                    g->items[g->n_items++] = items[k];
        }
        i = j;
    }
    return STATUS_OK;
}

Status overview_get(Ctx *c, Overview *out)
{
    memset(out, 0, sizeof *out);
    out->total.code = "";
    out->total.name = "Hele gemeente";
    Status s = load_areas(c, out);
    if (s == STATUS_OK)
        s = load_goals(c, out);
    return s;
}
