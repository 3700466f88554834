/* Every statement the program runs, by name. Each engine has a table of
 * SQL text indexed by this enum: sqlite_queries.c, and pg_queries.c, which
 * takes SQLite's portable text (?N becomes $N) unless it has its own;
 * tests/unit/test_queries.c checks that every id has text for both and
 * prepares each on a real database of each engine. */
#ifndef WIJZER_QUERIES_H
#define WIJZER_QUERIES_H

#include "store/queries_connections.h"
#include "store/queries_directory.h"
#include "store/queries_files.h"
#include "store/queries_market.h"
#include "store/queries_funds.h"
#include "store/queries_match.h"
#include "store/queries_objects.h"
#include "store/queries_overview.h"
#include "store/queries_wegwijzer.h"
#include "store/queries_volunteering.h"

#define WIJZER_QUERIES(X) \
    X(Q_TENANT_INSERT) X(Q_TENANT_BY_CODE) X(Q_TENANT_BY_HOST) X(Q_TENANT_FIRST) \
    X(Q_SETTING_GET) X(Q_SETTING_SET) \
    X(Q_AREA_UPSERT) X(Q_AREA_LIST) \
    X(Q_THEME_UPSERT) X(Q_THEME_LIST) \
    X(Q_HELP_KIND_UPSERT) X(Q_HELP_KIND_LIST) \
    X(Q_SDG_UPSERT) X(Q_SDG_LIST) \
    X(Q_ORGANISATION_UPSERT) X(Q_PLACE_UPSERT) X(Q_GOAL_UPSERT) \
    X(Q_USER_INSERT) X(Q_USER_BY_EMAIL) X(Q_USER_BY_ID) X(Q_USER_SET_PASSWORD) X(Q_USER_LIST_STAFF) \
    X(Q_SESSION_INSERT) X(Q_SESSION_GET) X(Q_SESSION_DELETE) X(Q_SESSION_PURGE) \
    X(Q_TOKEN_INSERT) X(Q_TOKEN_GET) \
    X(Q_LOGIN_ATTEMPT_GET) X(Q_LOGIN_ATTEMPT_SET) X(Q_LOGIN_ATTEMPT_CLEAR) \
    X(Q_INITIATIVE_INSERT) X(Q_INITIATIVE_GET) X(Q_INITIATIVE_UPDATE) X(Q_INITIATIVE_SET_STATE) \
    X(Q_INITIATIVE_FIND_BY_TITLE) \
    X(Q_INITIATIVE_THEMES_GET) X(Q_INITIATIVE_THEMES_DELETE) X(Q_INITIATIVE_THEME_INSERT) \
    X(Q_INITIATIVE_SDGS_GET) X(Q_INITIATIVE_SDGS_DELETE) X(Q_INITIATIVE_SDG_INSERT) \
    X(Q_INITIATIVE_LINKS_GET) X(Q_INITIATIVE_LINKS_DELETE) X(Q_INITIATIVE_LINK_INSERT) \
    X(Q_HELP_REQUESTS_GET) X(Q_HELP_REQUEST_INSERT) X(Q_HELP_REQUEST_SET_STATE) \
    X(Q_TIMELINE_GET) X(Q_TIMELINE_INSERT) \
    X(Q_INITIATIVE_LIST) X(Q_INITIATIVE_LIST_AFTER) \
    X(Q_INITIATIVE_SEARCH) X(Q_INITIATIVE_SEARCH_COUNT) \
    X(Q_INITIATIVE_BY_INITIATOR) X(Q_INITIATIVE_QUEUE) X(Q_INITIATIVE_STATE_COUNTS) \
    X(Q_TENANT_LIST) X(Q_LOGIN_ATTEMPT_PURGE) \
    X(Q_JOB_ENSURE) X(Q_JOB_DUE) X(Q_JOB_CLAIM) X(Q_JOB_FINISH) X(Q_JOB_LIST) X(Q_JOB_SET_DUE) \
    X(Q_INITIATIVE_COUNT_QUICK) X(Q_INITIATIVE_COUNT_THEME) X(Q_INITIATIVE_THEME_CODES) \
    X(Q_SEARCH_OPTIMIZE) X(Q_INITIATIVE_SDG_NUMBERS) X(Q_HELP_REQUESTS_BARE) \
    X(Q_INITIATIVE_GET_BARE) \
    WIJZER_FUND_QUERIES(X) \
    WIJZER_FILE_QUERIES(X) \
    WIJZER_DIRECTORY_QUERIES(X) \
    WIJZER_MATCH_QUERIES(X) \
    WIJZER_OVERVIEW_QUERIES(X) \
    WIJZER_CONNECTION_QUERIES(X) \
    WIJZER_WEGWIJZER_QUERIES(X) \
    WIJZER_MARKET_QUERIES(X) \
    WIJZER_VOLUNTEERING_QUERIES(X) \
    WIJZER_OBJECT_QUERIES(X)

#define WIJZER_QUERY_ENUM(name) name,
typedef enum QueryId { WIJZER_QUERIES(WIJZER_QUERY_ENUM) Q_COUNT_ } QueryId;
#undef WIJZER_QUERY_ENUM

const char *query_name(QueryId q);

#endif
