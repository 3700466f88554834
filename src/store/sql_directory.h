/* SQLite text of the directory statements (queries_directory.h), included
 * into the initialiser of sqlite_queries[] in sqlite_queries.c. Portable
 * SQL: PostgreSQL takes it as it is, with ?N → $N. Every statement filters
 * on tenant. A wijk filter also matches its buurten; an organisation with
 * no wijken works in the whole municipality, so every wijk matches it. */
#ifndef WIJZER_SQL_DIRECTORY_H
#define WIJZER_SQL_DIRECTORY_H

#define DIR_GOAL_COLS \
    "g.code, g.title_nl, g.source_document, g.parent_code, g.holder_code, h.name, h.portfolio, g.department "
#define DIR_ORG_COLS "o.code, o.name, o.kind, o.description_nl, o.offer, o.contact, o.website, o.created_at, o.edited_at "
/* ?2 theme, ?3 help kind, ?4 area (wijk or buurt), ?5 kind */
#define DIR_ORG_FILTER \
    " AND (CAST(?2 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM organisation_themes t WHERE t.tenant_id = o.tenant_id" \
    "      AND t.organisation_code = o.code AND t.theme_code = ?2))" \
    " AND (CAST(?3 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM organisation_help_kinds k WHERE k.tenant_id = o.tenant_id" \
    "      AND k.organisation_code = o.code AND k.help_kind = ?3))" \
    " AND (CAST(?4 AS TEXT) IS NULL" \
    "      OR NOT EXISTS (SELECT 1 FROM organisation_areas x WHERE x.tenant_id = o.tenant_id" \
    "                     AND x.organisation_code = o.code)" \
    "      OR EXISTS (SELECT 1 FROM organisation_areas x JOIN areas a ON a.tenant_id = x.tenant_id AND a.code = ?4" \
    "                 WHERE x.tenant_id = o.tenant_id AND x.organisation_code = o.code" \
    "                 AND (x.area_code = a.code OR x.area_code = a.parent_code OR x.area_code IN" \
    "                      (SELECT b.code FROM areas b WHERE b.tenant_id = a.tenant_id AND b.parent_code = a.code))))" \
    " AND (CAST(?5 AS TEXT) IS NULL OR o.kind = ?5) "
#define DIR_PLACE_COLS \
    "p.code, p.name, p.kind, p.organisation_code, o.name, p.town, p.address, p.activities, p.area_code, a.name "
#define DIR_PLACE_FROM \
    " FROM places p LEFT JOIN organisations o ON o.tenant_id = p.tenant_id AND o.code = p.organisation_code" \
    " LEFT JOIN areas a ON a.tenant_id = p.tenant_id AND a.code = p.area_code "
#define DIR_OFFICIAL_COLS "u.id, u.name, u.role, COALESCE(p.expertise, ''), COALESCE(p.updated_at, 0) "
#define DIR_OFFICIAL_FROM \
    " FROM users u LEFT JOIN official_profiles p ON p.user_id = u.id AND p.tenant_id = u.tenant_id "

#define DIRECTORY_SQLITE_QUERIES \
    [Q_HOLDER_UPSERT] = "INSERT INTO portfolio_holders (tenant_id, code, name, portfolio, position)" \
                        " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (tenant_id, code) DO UPDATE SET" \
                        " name = excluded.name, portfolio = excluded.portfolio", \
    [Q_HOLDER_LIST] = "SELECT code, name, portfolio FROM portfolio_holders WHERE tenant_id = ?1" \
                      " ORDER BY position, name", \
    [Q_GOAL_LIST] = "SELECT " DIR_GOAL_COLS " FROM goals g LEFT JOIN portfolio_holders h" \
                    " ON h.tenant_id = g.tenant_id AND h.code = g.holder_code" \
                    " WHERE g.tenant_id = ?1 ORDER BY g.position, g.code", \
    [Q_GOAL_SET_OWNER] = "UPDATE goals SET holder_code = ?3, department = ?4 WHERE tenant_id = ?1 AND code = ?2", \
    [Q_GOAL_SET_POSITION] = "UPDATE goals SET position = ?3 WHERE tenant_id = ?1 AND code = ?2", \
    [Q_GOAL_THEMES_ALL] = "SELECT x.goal_code, t.code, t.name_nl FROM goal_themes x JOIN themes t" \
                          " ON t.tenant_id = x.tenant_id AND t.code = x.theme_code" \
                          " WHERE x.tenant_id = ?1 ORDER BY x.goal_code, t.position, t.code", \
    [Q_GOAL_THEMES_DELETE] = "DELETE FROM goal_themes WHERE tenant_id = ?1 AND goal_code = ?2", \
    [Q_GOAL_THEME_INSERT] = "INSERT INTO goal_themes (tenant_id, goal_code, theme_code) VALUES (?1, ?2, ?3)" \
                            " ON CONFLICT DO NOTHING", \
    [Q_ORGANISATION_LIST] = "SELECT " DIR_ORG_COLS " FROM organisations o WHERE o.tenant_id = ?1" DIR_ORG_FILTER \
                            " ORDER BY lower(o.name), o.code LIMIT ?6 OFFSET ?7", \
    [Q_ORGANISATION_COUNT] = "SELECT count(*) FROM organisations o WHERE o.tenant_id = ?1" DIR_ORG_FILTER, \
    [Q_ORGANISATION_GET] = "SELECT " DIR_ORG_COLS " FROM organisations o WHERE o.tenant_id = ?1 AND o.code = ?2", \
    [Q_ORGANISATION_INSERT] = "INSERT INTO organisations (tenant_id, code, name, kind, description_nl, offer, contact," \
                              " website, created_at, edited_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)", \
    [Q_ORGANISATION_UPDATE] = "UPDATE organisations SET name = ?3, kind = ?4, description_nl = ?5, offer = ?6," \
                              " contact = ?7, website = ?8, edited_at = ?9 WHERE tenant_id = ?1 AND code = ?2", \
    [Q_ORGANISATION_SET_DETAILS] = "UPDATE organisations SET offer = ?3, contact = ?4, website = ?5" \
                                   " WHERE tenant_id = ?1 AND code = ?2", \
    [Q_ORGANISATION_THEMES_GET] = "SELECT t.code, t.name_nl FROM organisation_themes x JOIN themes t" \
                                  " ON t.tenant_id = x.tenant_id AND t.code = x.theme_code" \
                                  " WHERE x.tenant_id = ?1 AND x.organisation_code = ?2 ORDER BY t.position, t.code", \
    [Q_ORGANISATION_THEMES_DELETE] = "DELETE FROM organisation_themes WHERE tenant_id = ?1 AND organisation_code = ?2", \
    [Q_ORGANISATION_THEME_INSERT] = "INSERT INTO organisation_themes (tenant_id, organisation_code, theme_code)" \
                                    " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING", \
    [Q_ORGANISATION_HELP_GET] = "SELECT k.code, k.name_nl FROM organisation_help_kinds x JOIN help_kinds k" \
                                " ON k.tenant_id = x.tenant_id AND k.code = x.help_kind" \
                                " WHERE x.tenant_id = ?1 AND x.organisation_code = ?2 ORDER BY k.position, k.code", \
    [Q_ORGANISATION_HELP_DELETE] = "DELETE FROM organisation_help_kinds WHERE tenant_id = ?1 AND organisation_code = ?2", \
    [Q_ORGANISATION_HELP_INSERT] = "INSERT INTO organisation_help_kinds (tenant_id, organisation_code, help_kind)" \
                                   " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING", \
    [Q_ORGANISATION_AREAS_GET] = "SELECT a.code, a.name FROM organisation_areas x JOIN areas a" \
                                 " ON a.tenant_id = x.tenant_id AND a.code = x.area_code" \
                                 " WHERE x.tenant_id = ?1 AND x.organisation_code = ?2 ORDER BY a.position, a.code", \
    [Q_ORGANISATION_AREAS_DELETE] = "DELETE FROM organisation_areas WHERE tenant_id = ?1 AND organisation_code = ?2", \
    [Q_ORGANISATION_AREA_INSERT] = "INSERT INTO organisation_areas (tenant_id, organisation_code, area_code)" \
                                   " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING", \
    [Q_ORG_MEMBER_ADD] = "INSERT INTO organisation_members (tenant_id, organisation_code, user_id, since)" \
                         " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (tenant_id, organisation_code, user_id) DO NOTHING", \
    [Q_ORG_MEMBER_GET] = "SELECT since FROM organisation_members WHERE tenant_id = ?1 AND organisation_code = ?2" \
                         " AND user_id = ?3", \
    [Q_ORG_MEMBER_LIST] = "SELECT u.id, u.name FROM organisation_members m JOIN users u ON u.id = m.user_id" \
                          " WHERE m.tenant_id = ?1 AND m.organisation_code = ?2 ORDER BY u.name, u.id", \
    [Q_ORGS_OF_USER] = "SELECT o.code, o.name FROM organisation_members m JOIN organisations o" \
                       " ON o.tenant_id = m.tenant_id AND o.code = m.organisation_code" \
                       " WHERE m.tenant_id = ?1 AND m.user_id = ?2 ORDER BY o.name, o.code", \
    [Q_ORG_MEMBER_REMOVE] = "DELETE FROM organisation_members WHERE tenant_id = ?1 AND organisation_code = ?2" \
                            " AND user_id = ?3", \
    [Q_ORG_MEMBER_COUNT] = "SELECT count(*) FROM organisation_members WHERE tenant_id = ?1 AND organisation_code = ?2", \
    [Q_PLACE_LIST] = "SELECT " DIR_PLACE_COLS DIR_PLACE_FROM " WHERE p.tenant_id = ?1" \
                     " AND (CAST(?2 AS TEXT) IS NULL OR p.organisation_code = ?2) ORDER BY p.position, p.name", \
    [Q_PLACE_GET] = "SELECT " DIR_PLACE_COLS DIR_PLACE_FROM " WHERE p.tenant_id = ?1 AND p.code = ?2", \
    [Q_PLACE_SET_DETAILS] = "UPDATE places SET address = ?3, activities = ?4, area_code = ?5" \
                            " WHERE tenant_id = ?1 AND code = ?2", \
    [Q_PLACE_SET_POSITION] = "UPDATE places SET position = ?3 WHERE tenant_id = ?1 AND code = ?2", \
    /* From the officials and the profiles (index users_role), not from every \
     * user: at 33,000 users that took 30 ms; +u.tenant_id keeps the plan on the ids. */ \
    [Q_OFFICIAL_LIST] = "SELECT " DIR_OFFICIAL_COLS DIR_OFFICIAL_FROM " WHERE +u.tenant_id = ?1" \
                        " AND u.id IN (SELECT id FROM users WHERE tenant_id = ?1 AND role = 'official'" \
                        "              UNION SELECT user_id FROM official_profiles WHERE tenant_id = ?1)" \
                        " AND (CAST(?2 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM official_themes t" \
                        "      WHERE t.tenant_id = u.tenant_id AND t.user_id = u.id AND t.theme_code = ?2))" \
                        " AND (CAST(?3 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM official_areas x" \
                        "      JOIN areas a ON a.tenant_id = x.tenant_id AND a.code = ?3" \
                        "      WHERE x.tenant_id = u.tenant_id AND x.user_id = u.id" \
                        "      AND (x.area_code = a.code OR x.area_code = a.parent_code)))" \
                        " ORDER BY u.name, u.id", \
    [Q_OFFICIAL_GET] = "SELECT " DIR_OFFICIAL_COLS DIR_OFFICIAL_FROM " WHERE u.tenant_id = ?1 AND u.id = ?2", \
    [Q_OFFICIAL_PROFILE_UPSERT] = "INSERT INTO official_profiles (tenant_id, user_id, expertise, updated_at)" \
                                  " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (user_id) DO UPDATE SET" \
                                  " expertise = excluded.expertise, updated_at = excluded.updated_at", \
    [Q_OFFICIAL_THEMES_GET] = "SELECT t.code, t.name_nl FROM official_themes x JOIN themes t" \
                              " ON t.tenant_id = x.tenant_id AND t.code = x.theme_code" \
                              " WHERE x.tenant_id = ?1 AND x.user_id = ?2 ORDER BY t.position, t.code", \
    [Q_OFFICIAL_THEMES_DELETE] = "DELETE FROM official_themes WHERE tenant_id = ?1 AND user_id = ?2", \
    [Q_OFFICIAL_THEME_INSERT] = "INSERT INTO official_themes (tenant_id, user_id, theme_code) VALUES (?1, ?2, ?3)" \
                                " ON CONFLICT DO NOTHING", \
    [Q_OFFICIAL_AREAS_GET] = "SELECT a.code, a.name FROM official_areas x JOIN areas a" \
                             " ON a.tenant_id = x.tenant_id AND a.code = x.area_code" \
                             " WHERE x.tenant_id = ?1 AND x.user_id = ?2 ORDER BY a.position, a.code", \
    [Q_OFFICIAL_AREAS_DELETE] = "DELETE FROM official_areas WHERE tenant_id = ?1 AND user_id = ?2", \
    [Q_OFFICIAL_AREA_INSERT] = "INSERT INTO official_areas (tenant_id, user_id, area_code) VALUES (?1, ?2, ?3)" \
                               " ON CONFLICT DO NOTHING",

#endif
