/* The statements of the connections (issue 5): an initiative linked to
 * goals, organisations and other initiatives, and dismissed suggestions.
 * Appended to WIJZER_QUERIES in queries.h; their SQLite text (portable,
 * also PostgreSQL's) is in sql_connections.h. */
#ifndef WIJZER_QUERIES_CONNECTIONS_H
#define WIJZER_QUERIES_CONNECTIONS_H

#define WIJZER_CONNECTION_QUERIES(X) \
    X(Q_CONN_GOAL_ADD) X(Q_CONN_GOAL_DELETE) X(Q_CONN_GOALS_OF) \
    X(Q_CONN_ORG_ADD) X(Q_CONN_ORG_DELETE) X(Q_CONN_ORGS_OF) \
    X(Q_CONN_PARTNER_ADD) X(Q_CONN_PARTNER_DELETE) X(Q_CONN_PARTNERS_OF) \
    X(Q_CONN_BY_GOAL) X(Q_CONN_BY_GOAL_COUNT) X(Q_CONN_BY_ORG) X(Q_CONN_BY_ORG_COUNT) \
    X(Q_CONN_GOAL_TITLE) X(Q_CONN_INITIATIVE_BRIEF) \
    X(Q_DISMISSAL_ADD) X(Q_DISMISSAL_LIST)

#endif
