/* The statements of the municipality's overview (issue 5: per wijk and
 * per goal), appended to WIJZER_QUERIES in queries.h; their SQLite text
 * (portable, also PostgreSQL's) is in sql_overview.h. */
#ifndef WIJZER_QUERIES_OVERVIEW_H
#define WIJZER_QUERIES_OVERVIEW_H

#define WIJZER_OVERVIEW_QUERIES(X) \
    X(Q_OVERVIEW_AREA_STATES) X(Q_OVERVIEW_AREA_ORGS) X(Q_OVERVIEW_ORGS_WHOLE) X(Q_OVERVIEW_AREA_HELP) \
    X(Q_OVERVIEW_GOAL_STATES) X(Q_OVERVIEW_GOAL_ITEMS)

#endif
