/* Typed access to the overview's aggregates (domain/overview.h) on top of
 * db.h. Rows, not rules: the domain adds them up. Every function takes
 * the tenant and every query filters on it. Returns DB_OK or an error. */
#ifndef WIJZER_STORE_OVERVIEW_H
#define WIJZER_STORE_OVERVIEW_H

#include "domain/overview.h"
#include "lib/arena.h"
#include "store/db.h"

/* One counted group: key (a wijk or goal code), sub (a state code, or
 * NULL) and how many. */
typedef struct OverviewCount {
    const char *key, *sub;
    int64_t n;
} OverviewCount;

/* Initiatives per wijk and state (from initiative_counts). */
int store_overview_area_states(Db *db, Arena *a, int64_t tenant, OverviewCount **out, size_t *n);
/* Organisations per wijk (sub NULL). */
int store_overview_area_orgs(Db *db, Arena *a, int64_t tenant, OverviewCount **out, size_t *n);
/* Organisations that name no wijk, and all organisations. */
int store_overview_orgs_whole(Db *db, int64_t tenant, int64_t *whole, int64_t *all);
/* Open help requests per wijk (sub NULL). */
int store_overview_area_help(Db *db, Arena *a, int64_t tenant, OverviewCount **out, size_t *n);
/* Connected initiatives per goal and state. */
int store_overview_goal_states(Db *db, Arena *a, int64_t tenant, OverviewCount **out, size_t *n);
/* The newest `limit` initiatives of each goal, ordered by goal; goals[i]
 * is items[i]'s goal code. */
int store_overview_goal_items(Db *db, Arena *a, int64_t tenant, int limit, const char ***goals, OverviewItem **items,
                              size_t *n);

#endif
