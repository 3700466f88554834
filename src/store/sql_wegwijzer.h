/* SQLite text of the Wegwijzer statements (queries_wegwijzer.h), included
 * into the initialiser of sqlite_queries[] in sqlite_queries.c. Portable
 * SQL: PostgreSQL takes it as it is, with ?N → $N. Filters on tenant.
 *
 * Q_WEGWIJZER_ORGANISATIONS: ?1 tenant, ?2 help kind, ?3 theme, ?4 area (a
 * wijk or a buurt; each may be NULL), ?5 limit. The candidates come from
 * the three link tables through their indexes (offers the help, has the
 * theme, works in that wijk, a buurt of it or the wijk of that buurt), so
 * thousands of organisations that fit nothing cost nothing. Per candidate
 * m_need, m_theme and m_area (1 works in the wijk, 0 names no wijken so
 * works everywhere, -1 only elsewhere) and the points of domain/wegwijzer.h;
 * one that works only elsewhere is left out when a wijk is given. */
#ifndef WIJZER_SQL_WEGWIJZER_H
#define WIJZER_SQL_WEGWIJZER_H

#define WW_NO_AREAS \
    "NOT EXISTS (SELECT 1 FROM organisation_areas x WHERE x.tenant_id = o.tenant_id AND x.organisation_code = o.code)"
#define WW_HITS \
    "SELECT h.code, max(h.need) AS need, max(h.theme) AS theme, max(h.here) AS here FROM (" \
    "  SELECT organisation_code AS code, 1 AS need, 0 AS theme, 0 AS here FROM organisation_help_kinds" \
    "   WHERE tenant_id = ?1 AND help_kind = ?2" \
    "  UNION ALL SELECT organisation_code, 0, 1, 0 FROM organisation_themes WHERE tenant_id = ?1 AND theme_code = ?3" \
    "  UNION ALL SELECT organisation_code, 0, 0, 1 FROM organisation_areas WHERE tenant_id = ?1 AND area_code IN" \
    "   (SELECT a.code FROM areas a WHERE a.tenant_id = ?1 AND (a.code = ?4 OR a.parent_code = ?4" \
    "    OR a.code = (SELECT b.parent_code FROM areas b WHERE b.tenant_id = ?1 AND b.code = ?4)))" \
    ") h GROUP BY h.code"

#define WEGWIJZER_SQLITE_QUERIES \
    [Q_WEGWIJZER_ORGANISATIONS] = \
        "SELECT s.code, s.name, s.kind, s.description_nl, s.offer, s.contact, s.website," \
        " s.m_need, s.m_theme, s.m_area, s.score FROM (" \
        "  SELECT o.code, o.name, o.kind, o.description_nl, o.offer, o.contact, o.website," \
        "   p.need AS m_need, p.theme AS m_theme," \
        "   CASE WHEN p.here = 1 THEN 1 WHEN " WW_NO_AREAS " THEN 0 ELSE -1 END AS m_area," \
        "   p.need * 50 + p.theme * 30 + CASE WHEN CAST(?4 AS TEXT) IS NULL THEN 0 WHEN p.here = 1 THEN 20" \
        "        WHEN " WW_NO_AREAS " THEN 5 ELSE -1000 END AS score" \
        "  FROM (" WW_HITS ") p JOIN organisations o ON o.tenant_id = ?1 AND o.code = p.code) s" \
        " WHERE s.score >= 0" \
        " ORDER BY s.score DESC, lower(s.name), s.code LIMIT ?5", \
    /* Only an official with a profile has the expertise, themes or wijken \
     * the Wegwijzer looks at; from the profiles, not a scan of all users. */ \
    [Q_WEGWIJZER_OFFICIALS] = \
        "SELECT p.user_id FROM official_profiles p JOIN users u ON u.id = p.user_id AND u.tenant_id = p.tenant_id" \
        " WHERE p.tenant_id = ?1 ORDER BY u.name, u.id",

#endif
