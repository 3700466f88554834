/* The municipality's overview (issue 5): per wijk the initiatives (by
 * state and by state group), the organisations that work there and the
 * open help requests; per municipal goal the initiatives connected to it
 * (initiative_goals), counted by state, with the newest few by name.
 *
 * Everyone may read it, also without an account: it is the
 * municipality's transparency. It counts exactly what the public list of
 * initiatives shows; that list hides no state (an idea is on the website
 * too), so neither does the overview. An initiative in a buurt counts for
 * its wijk. Reads only; the connections themselves are made in
 * domain/connections.h. */
#ifndef WIJZER_OVERVIEW_H
#define WIJZER_OVERVIEW_H

#include "domain/context.h"
#include "domain/directory.h"
#include "domain/status.h"

enum { OVERVIEW_GOAL_ITEMS = 10 }; /* initiatives listed by name per goal */

/* The process states in five groups a reader understands at a glance. */
typedef enum StateGroup {
    GROUP_IDEA,         /* idee */
    GROUP_MUNICIPALITY, /* ingediend, intake, in_behandeling: waits on the municipality */
    GROUP_RUNNING,      /* toegekend, in_uitvoering */
    GROUP_DONE,         /* afgerond, geevalueerd */
    GROUP_STOPPED,      /* afgewezen, doorverwezen, gestopt */
    GROUP_COUNT_
} StateGroup;

StateGroup overview_state_group(ProcState s);  /* GROUP_STOPPED for an unknown state */
const char *overview_group_code(StateGroup g); /* "idee", "bij_gemeente", "lopend", "afgerond", "gestopt" */
const char *overview_group_label(StateGroup g); /* "Idee", "Bij de gemeente", … */
/* Which states the group holds, in words: "ingediend, intake of in behandeling". */
const char *overview_group_explain(StateGroup g);

typedef struct OverviewArea {
    const char *code, *name;   /* the wijk; the total row: code "", name "Hele gemeente" */
    int64_t initiatives;
    int64_t by_state[ST_COUNT_];
    int64_t by_group[GROUP_COUNT_];
    int64_t organisations;     /* that name this wijk or one of its buurten */
    int64_t open_help_requests;
} OverviewArea;

typedef struct OverviewItem {
    int64_t id;
    const char *title;
    ProcState state;
} OverviewItem;

typedef struct OverviewGoal {
    Goal goal;                 /* with depth, in tree order */
    int64_t initiatives;
    int64_t by_state[ST_COUNT_];
    OverviewItem *items;       /* the newest, at most OVERVIEW_GOAL_ITEMS */
    size_t n_items;
} OverviewGoal;

typedef struct Overview {
    OverviewArea *areas;       /* the wijken, in their reference order */
    size_t n_areas;
    /* Over the whole municipality: initiatives and help requests of every
     * area (also one outside any wijk); organisations counts each one once,
     * including those of the whole municipality. */
    OverviewArea total;
    int64_t whole_municipality_organisations; /* name no wijk: work everywhere */
    int64_t max_area_initiatives;             /* for the map's colour scale */
    OverviewGoal *goals;
    size_t n_goals;
} Overview;

Status overview_get(Ctx *c, Overview *out);

#endif
