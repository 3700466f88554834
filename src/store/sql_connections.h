/* SQLite text of the connection statements (queries_connections.h),
 * included into the initialiser of sqlite_queries[] in sqlite_queries.c.
 * Portable SQL: PostgreSQL takes it as it is, with ?N → $N. Every
 * statement filters on tenant. A partner link is one row with the smaller
 * id first (low_id < high_id); the store orders the pair. */
#ifndef WIJZER_SQL_CONNECTIONS_H
#define WIJZER_SQL_CONNECTIONS_H

/* An initiative as seen from a goal or an organisation: id, title, wijk,
 * state, when the connection was made. */
#define CONN_INIT_COLS "i.id, i.title, i.area_code, a.name, i.state, x.created_at "
#define CONN_INIT_JOIN \
    " JOIN initiatives i ON i.id = x.initiative_id AND i.tenant_id = x.tenant_id" \
    " JOIN areas a ON a.tenant_id = i.tenant_id AND a.code = i.area_code "

#define CONNECTION_SQLITE_QUERIES \
    [Q_CONN_GOAL_ADD] = "INSERT INTO initiative_goals (tenant_id, initiative_id, goal_code, by_id, created_at)" \
                        " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (initiative_id, goal_code) DO NOTHING", \
    [Q_CONN_GOAL_DELETE] = "DELETE FROM initiative_goals WHERE tenant_id = ?1 AND initiative_id = ?2" \
                           " AND goal_code = ?3", \
    [Q_CONN_GOALS_OF] = "SELECT g.code, g.title_nl, x.created_at FROM initiative_goals x JOIN goals g" \
                        " ON g.tenant_id = x.tenant_id AND g.code = x.goal_code" \
                        " WHERE x.tenant_id = ?1 AND x.initiative_id = ?2 ORDER BY g.title_nl, g.code", \
    [Q_CONN_ORG_ADD] = "INSERT INTO initiative_organisations (tenant_id, initiative_id, organisation_code, by_id," \
                       " created_at) VALUES (?1, ?2, ?3, ?4, ?5)" \
                       " ON CONFLICT (initiative_id, organisation_code) DO NOTHING", \
    [Q_CONN_ORG_DELETE] = "DELETE FROM initiative_organisations WHERE tenant_id = ?1 AND initiative_id = ?2" \
                          " AND organisation_code = ?3", \
    [Q_CONN_ORGS_OF] = "SELECT o.code, o.name, x.created_at FROM initiative_organisations x JOIN organisations o" \
                       " ON o.tenant_id = x.tenant_id AND o.code = x.organisation_code" \
                       " WHERE x.tenant_id = ?1 AND x.initiative_id = ?2 ORDER BY lower(o.name), o.code", \
    [Q_CONN_PARTNER_ADD] = "INSERT INTO initiative_partners (tenant_id, low_id, high_id, by_id, created_at)" \
                           " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (low_id, high_id) DO NOTHING", \
    [Q_CONN_PARTNER_DELETE] = "DELETE FROM initiative_partners WHERE tenant_id = ?1 AND low_id = ?2 AND high_id = ?3", \
    [Q_CONN_PARTNERS_OF] = "SELECT i.id, i.title, i.state, p.created_at FROM initiative_partners p" \
                           " JOIN initiatives i ON i.tenant_id = p.tenant_id" \
                           " AND i.id = CASE WHEN p.low_id = ?2 THEN p.high_id ELSE p.low_id END" \
                           " WHERE p.tenant_id = ?1 AND (p.low_id = ?2 OR p.high_id = ?2)" \
                           " ORDER BY lower(i.title), i.id", \
    [Q_CONN_BY_GOAL] = "SELECT " CONN_INIT_COLS " FROM initiative_goals x" CONN_INIT_JOIN \
                       " WHERE x.tenant_id = ?1 AND x.goal_code = ?2" \
                       " ORDER BY x.created_at DESC, i.id DESC LIMIT ?3", \
    [Q_CONN_BY_GOAL_COUNT] = "SELECT count(*) FROM initiative_goals x WHERE x.tenant_id = ?1 AND x.goal_code = ?2", \
    [Q_CONN_BY_ORG] = "SELECT " CONN_INIT_COLS " FROM initiative_organisations x" CONN_INIT_JOIN \
                      " WHERE x.tenant_id = ?1 AND x.organisation_code = ?2" \
                      " ORDER BY x.created_at DESC, i.id DESC LIMIT ?3", \
    [Q_CONN_BY_ORG_COUNT] = "SELECT count(*) FROM initiative_organisations x WHERE x.tenant_id = ?1" \
                            " AND x.organisation_code = ?2", \
    [Q_CONN_GOAL_TITLE] = "SELECT title_nl FROM goals WHERE tenant_id = ?1 AND code = ?2", \
    [Q_CONN_INITIATIVE_BRIEF] = "SELECT initiator_id, title, state FROM initiatives WHERE tenant_id = ?1 AND id = ?2", \
    [Q_DISMISSAL_ADD] = "INSERT INTO suggestion_dismissals (tenant_id, initiative_id, kind, target, by_id," \
                        " created_at)" \
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (initiative_id, kind, target) DO NOTHING", \
    [Q_DISMISSAL_LIST] = "SELECT target FROM suggestion_dismissals WHERE tenant_id = ?1 AND initiative_id = ?2" \
                         " AND kind = ?3 ORDER BY target",

#endif
