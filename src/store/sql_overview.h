/* SQLite text of the overview statements (queries_overview.h), included
 * into the initialiser of sqlite_queries[] in sqlite_queries.c. Portable
 * SQL: PostgreSQL takes it as it is, with ?N → $N. Every statement filters
 * on tenant. A row's wijk is its area's parent when the area is a buurt,
 * else the area itself: COALESCE(a.parent_code, a.code). All are
 * aggregates over indexed columns or small tables, so the page costs the
 * same at 100,000 initiatives as at 100 (see store/overview.c). */
#ifndef WIJZER_SQL_OVERVIEW_H
#define WIJZER_SQL_OVERVIEW_H

#define OVERVIEW_SQLITE_QUERIES \
    /* From the counts the triggers keep (migration 003): a few hundred \
     * rows, not one per initiative. The total row '*' has no area, so the \
     * join leaves it out. */ \
    [Q_OVERVIEW_AREA_STATES] = "SELECT COALESCE(a.parent_code, a.code), c.state, sum(c.n) FROM initiative_counts c" \
                               " JOIN areas a ON a.tenant_id = c.tenant_id AND a.code = c.area_code" \
                               " WHERE c.tenant_id = ?1 AND c.n <> 0" \
                               " GROUP BY COALESCE(a.parent_code, a.code), c.state", \
    /* An organisation that names a wijk and one of its buurten counts once. */ \
    [Q_OVERVIEW_AREA_ORGS] = "SELECT COALESCE(a.parent_code, a.code), count(DISTINCT x.organisation_code)" \
                             " FROM organisation_areas x" \
                             " JOIN areas a ON a.tenant_id = x.tenant_id AND a.code = x.area_code" \
                             " WHERE x.tenant_id = ?1 GROUP BY COALESCE(a.parent_code, a.code)", \
    /* Those that name no wijk (the whole municipality), and all of them. */ \
    [Q_OVERVIEW_ORGS_WHOLE] = "SELECT count(*), (SELECT count(*) FROM organisations WHERE tenant_id = ?1)" \
                              " FROM organisations o WHERE o.tenant_id = ?1" \
                              " AND NOT EXISTS (SELECT 1 FROM organisation_areas x" \
                              "      WHERE x.tenant_id = o.tenant_id AND x.organisation_code = o.code)", \
    /* From the counts the triggers of migration sqlite/011 (pg/012) keep. */ \
    [Q_OVERVIEW_AREA_HELP] = "SELECT COALESCE(a.parent_code, a.code), sum(c.n) FROM help_request_counts c" \
                             " JOIN areas a ON a.tenant_id = c.tenant_id AND a.code = c.area_code" \
                             " WHERE c.tenant_id = ?1 AND c.state = 'open' AND c.n <> 0" \
                             " GROUP BY COALESCE(a.parent_code, a.code)", \
    [Q_OVERVIEW_GOAL_STATES] = "SELECT g.goal_code, i.state, count(*) FROM initiative_goals g" \
                               " JOIN initiatives i ON i.id = g.initiative_id AND i.tenant_id = g.tenant_id" \
                               " WHERE g.tenant_id = ?1 GROUP BY g.goal_code, i.state", \
    /* The newest ?2 initiatives of each goal. */ \
    [Q_OVERVIEW_GOAL_ITEMS] = "SELECT k.goal_code, k.id, k.title, k.state FROM" \
                              " (SELECT g.goal_code, i.id, i.title, i.state," \
                              "  row_number() OVER (PARTITION BY g.goal_code ORDER BY i.id DESC) AS pos" \
                              "  FROM initiative_goals g" \
                              "  JOIN initiatives i ON i.id = g.initiative_id AND i.tenant_id = g.tenant_id" \
                              "  WHERE g.tenant_id = ?1) k" \
                              " WHERE k.pos <= ?2 ORDER BY k.goal_code, k.id DESC",

#endif
