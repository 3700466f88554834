/* SQL text for SQLite, one entry per QueryId. Portable SQL with numbered
 * placeholders (?1, ?2 …) bound in order; only full-text search is
 * SQLite's own (FTS5 MATCH, bm25, snippet).
 *
 * Tenants: every statement on a municipality's rows filters on its
 * tenant_id, child rows (themes, links, help requests, timeline) too, so
 * an id of another municipality finds nothing even when a caller skips
 * loading the initiative first. The exceptions are deliberate: the
 * tenants table itself, the SDGs (the UN's, the same everywhere), and the
 * system-wide purges and jobs. Sessions and tokens also require their
 * user to be of the same tenant. */
#include "store/sqlite_queries.h"
#include "store/sql_connections.h"
#include "store/sql_directory.h"
#include "store/sql_wegwijzer.h"
#include "store/sql_files.h"
#include "store/sql_market.h"
#include "store/sql_funds.h"
#include "store/sql_match.h"
#include "store/sql_objects.h"
#include "store/sql_overview.h"
#include "store/sql_volunteering.h"

/* The columns of an initiative in a list, shared by every list query so
 * one row reader serves them all (store/initiatives.c: read_list_row). */
#define LIST_COLS \
    "i.id, i.title, i.summary, i.area_code, a.name, i.state, u.name, i.show_name, " \
    "i.created_at, i.state_since, i.submitted_at, i.contact_id, c.name "
#define LIST_FROM \
    " FROM initiatives i" \
    " JOIN areas a ON a.tenant_id = i.tenant_id AND a.code = i.area_code" \
    " JOIN users u ON u.id = i.initiator_id" \
    " LEFT JOIN users c ON c.id = i.contact_id "
/* ?1 tenant, ?2 area (wijk includes its buurten), ?3 theme, ?4 state.
 * CAST(?N AS TEXT) IS NULL: PostgreSQL cannot tell a parameter's type from
 * `?N IS NULL` alone (pg_queries.c keeps a copy for its search queries). */
#define LIST_FILTER \
    " i.tenant_id = ?1" \
    " AND (CAST(?2 AS TEXT) IS NULL OR i.area_code = ?2 OR a.parent_code = ?2)" \
    " AND (CAST(?3 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM initiative_themes t" \
    "      WHERE t.initiative_id = i.id AND t.theme_code = ?3))" \
    " AND (CAST(?4 AS TEXT) IS NULL OR i.state = ?4) "

/* LIST_FILTER without the join on areas: a wijk's buurten from a list made
 * once, so a page far down the list (OFFSET) costs an index entry per row
 * it skips, not also a lookup in areas. The foreign key on area_code makes
 * the join's own check (the area exists) always true. */
#define PAGE_FILTER \
    " i.tenant_id = ?1" \
    " AND (CAST(?2 AS TEXT) IS NULL OR i.area_code = ?2" \
    "      OR i.area_code IN (SELECT code FROM areas WHERE tenant_id = ?1 AND parent_code = ?2))" \
    " AND (CAST(?3 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM initiative_themes t" \
    "      WHERE t.initiative_id = i.id AND t.theme_code = ?3))" \
    " AND (CAST(?4 AS TEXT) IS NULL OR i.state = ?4) "

/* The newest `max` initiatives that match `match` and the filter, newest
 * first: FTS5 walks its index in rowid order and stops at the limit. */
#define SEARCH_HITS(match, max) \
    "SELECT h.rowid AS id FROM initiatives_fts h" \
    " CROSS JOIN initiatives i INDEXED BY initiatives_hits ON i.id = h.rowid" \
    " JOIN areas a ON a.tenant_id = i.tenant_id AND a.code = i.area_code" \
    " WHERE h.initiatives_fts MATCH " match " AND" LIST_FILTER "ORDER BY h.rowid DESC LIMIT " max

const char *const sqlite_queries[Q_COUNT_] = {
    [Q_TENANT_INSERT] = "INSERT INTO tenants (code, name, host) VALUES (?1, ?2, ?3)"
                        " ON CONFLICT (code) DO UPDATE SET name = excluded.name,"
                        " host = COALESCE(excluded.host, tenants.host)",
    [Q_TENANT_BY_CODE] = "SELECT id, code, name, host FROM tenants WHERE code = ?1",
    [Q_TENANT_BY_HOST] = "SELECT id, code, name, host FROM tenants WHERE host = ?1",
    [Q_TENANT_FIRST] = "SELECT id, code, name, host FROM tenants ORDER BY id LIMIT 1",
    [Q_SETTING_GET] = "SELECT value FROM settings WHERE tenant_id = ?1 AND key = ?2",
    [Q_SETTING_SET] = "INSERT INTO settings (tenant_id, key, value) VALUES (?1, ?2, ?3)"
                      " ON CONFLICT (tenant_id, key) DO UPDATE SET value = excluded.value",

    [Q_AREA_UPSERT] = "INSERT INTO areas (tenant_id, code, name, kind, parent_code, town, cbs_code, position)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                      " ON CONFLICT (tenant_id, code) DO UPDATE SET name = excluded.name, kind = excluded.kind,"
                      " parent_code = excluded.parent_code, town = excluded.town,"
                      " cbs_code = excluded.cbs_code, position = excluded.position",
    [Q_AREA_LIST] = "SELECT code, name, kind, parent_code, town FROM areas WHERE tenant_id = ?1 ORDER BY position",
    [Q_THEME_UPSERT] = "INSERT INTO themes (tenant_id, code, name_nl, name_en, position) VALUES (?1, ?2, ?3, ?4, ?5)"
                       " ON CONFLICT (tenant_id, code) DO UPDATE SET name_nl = excluded.name_nl,"
                       " name_en = excluded.name_en, position = excluded.position",
    [Q_THEME_LIST] = "SELECT code, name_nl, name_en FROM themes WHERE tenant_id = ?1 ORDER BY position",
    [Q_HELP_KIND_UPSERT] = "INSERT INTO help_kinds (tenant_id, code, name_nl, name_en, description_nl, position)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                           " ON CONFLICT (tenant_id, code) DO UPDATE SET name_nl = excluded.name_nl,"
                           " name_en = excluded.name_en, description_nl = excluded.description_nl,"
                           " position = excluded.position",
    [Q_HELP_KIND_LIST] = "SELECT code, name_nl, description_nl FROM help_kinds WHERE tenant_id = ?1 ORDER BY position",
    [Q_SDG_UPSERT] = "INSERT INTO sdgs (number, name_nl, name_en) VALUES (?1, ?2, ?3)"
                     " ON CONFLICT (number) DO UPDATE SET name_nl = excluded.name_nl, name_en = excluded.name_en",
    [Q_SDG_LIST] = "SELECT number, name_nl FROM sdgs ORDER BY number",
    [Q_ORGANISATION_UPSERT] = "INSERT INTO organisations (tenant_id, code, name, kind, description_nl)"
                              " VALUES (?1, ?2, ?3, ?4, ?5)"
                              " ON CONFLICT (tenant_id, code) DO UPDATE SET name = excluded.name,"
                              " kind = excluded.kind, description_nl = excluded.description_nl"
                              /* a page its members edited keeps their text (migration 005) */
                              " WHERE organisations.edited_at IS NULL",
    [Q_PLACE_UPSERT] = "INSERT INTO places (tenant_id, code, name, kind, organisation_code, town)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                       " ON CONFLICT (tenant_id, code) DO UPDATE SET name = excluded.name, kind = excluded.kind,"
                       " organisation_code = excluded.organisation_code, town = excluded.town",
    [Q_GOAL_UPSERT] = "INSERT INTO goals (tenant_id, code, title_nl, source_document, parent_code)"
                      " VALUES (?1, ?2, ?3, ?4, ?5)"
                      " ON CONFLICT (tenant_id, code) DO UPDATE SET title_nl = excluded.title_nl,"
                      " source_document = excluded.source_document, parent_code = excluded.parent_code",

    [Q_USER_INSERT] = "INSERT INTO users (tenant_id, email, name, phone, role, password_hash, created_at)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
    [Q_USER_BY_EMAIL] = "SELECT id, email, name, phone, role, password_hash FROM users"
                        " WHERE tenant_id = ?1 AND email = ?2",
    [Q_USER_BY_ID] = "SELECT id, email, name, phone, role, password_hash FROM users WHERE tenant_id = ?1 AND id = ?2",
    [Q_USER_SET_PASSWORD] = "UPDATE users SET password_hash = ?3 WHERE tenant_id = ?1 AND id = ?2",
    [Q_USER_LIST_STAFF] = "SELECT id, email, name, phone, role, NULL FROM users WHERE tenant_id = ?1"
                          " AND role IN ('official', 'coordinator', 'admin') ORDER BY name",

    [Q_SESSION_INSERT] = "INSERT INTO sessions (id, tenant_id, user_id, csrf, created_at, expires_at)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [Q_SESSION_GET] = "SELECT u.id, u.email, u.name, u.phone, u.role, s.csrf FROM sessions s"
                      " JOIN users u ON u.id = s.user_id"
                      " WHERE s.id = ?1 AND s.tenant_id = ?2 AND u.tenant_id = s.tenant_id AND s.expires_at > ?3",
    [Q_SESSION_DELETE] = "DELETE FROM sessions WHERE id = ?1 AND tenant_id = ?2",
    /* System-wide on purpose: the purge job runs once for all tenants. */
    [Q_SESSION_PURGE] = "DELETE FROM sessions WHERE expires_at <= ?1",
    [Q_TOKEN_INSERT] = "INSERT INTO api_tokens (id, tenant_id, user_id, created_at) VALUES (?1, ?2, ?3, ?4)",
    [Q_TOKEN_GET] = "SELECT u.id, u.email, u.name, u.phone, u.role FROM api_tokens t"
                    " JOIN users u ON u.id = t.user_id WHERE t.id = ?1 AND t.tenant_id = ?2 AND u.tenant_id = t.tenant_id",
    [Q_LOGIN_ATTEMPT_GET] = "SELECT window_start, count FROM login_attempts WHERE tenant_id = ?1 AND key = ?2",
    [Q_LOGIN_ATTEMPT_SET] = "INSERT INTO login_attempts (tenant_id, key, window_start, count) VALUES (?1, ?2, ?3, ?4)"
                            " ON CONFLICT (tenant_id, key) DO UPDATE SET window_start = excluded.window_start,"
                            " count = excluded.count",
    [Q_LOGIN_ATTEMPT_CLEAR] = "DELETE FROM login_attempts WHERE tenant_id = ?1 AND key = ?2",

    [Q_INITIATIVE_INSERT] = "INSERT INTO initiatives (tenant_id, title, summary, description, area_code, state,"
                            " initiator_id, show_name, created_at, updated_at, state_since, submitted_at, contact_id)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, COALESCE(CAST(?11 AS BIGINT), ?9),"
                            " COALESCE(CAST(?11 AS BIGINT), ?9), ?10, ?12) RETURNING id",
    [Q_INITIATIVE_GET] = "SELECT i.id, i.title, i.summary, i.description, i.area_code, a.name, i.state,"
                         " i.initiator_id, u.name, i.show_name, i.contact_id, c.name, i.created_at,"
                         " i.updated_at, i.state_since, i.submitted_at, u.email"
                         LIST_FROM "WHERE i.tenant_id = ?1 AND i.id = ?2",
    [Q_INITIATIVE_UPDATE] = "UPDATE initiatives SET title = ?3, summary = ?4, description = ?5, area_code = ?6,"
                            " show_name = ?7, updated_at = ?8 WHERE tenant_id = ?1 AND id = ?2",
    /* Guarded by the state it leaves, so two officials moving the same
     * initiative at once cannot both succeed. */
    [Q_INITIATIVE_SET_STATE] = "UPDATE initiatives SET state = ?4, state_since = ?5, updated_at = ?5,"
                               " submitted_at = COALESCE(submitted_at, ?6), contact_id = COALESCE(?7, contact_id)"
                               " WHERE tenant_id = ?1 AND id = ?2 AND state = ?3",
    /* The oldest: the demo's own initiative, not a generated namesake. */
    [Q_INITIATIVE_FIND_BY_TITLE] = "SELECT id FROM initiatives WHERE tenant_id = ?1 AND title = ?2"
                                   " ORDER BY id LIMIT 1",
    /* In the themes' order (position), which the store sorts itself: an
     * ORDER BY here costs SQLite a sorter for two or three rows. */
    [Q_INITIATIVE_THEMES_GET] = "SELECT t.code, t.name_nl, t.position FROM initiative_themes it"
                                " JOIN themes t ON t.tenant_id = it.tenant_id AND t.code = it.theme_code"
                                " WHERE +it.tenant_id = ?1 AND it.initiative_id = ?2",
    /* +tenant_id: without it SQLite picks the index on (tenant_id, theme_code)
     * and reads every row of the tenant instead of the initiative's few. */
    [Q_INITIATIVE_THEMES_DELETE] = "DELETE FROM initiative_themes WHERE +tenant_id = ?1 AND initiative_id = ?2",
    [Q_INITIATIVE_THEME_INSERT] = "INSERT INTO initiative_themes (tenant_id, initiative_id, theme_code)"
                                  " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
    [Q_INITIATIVE_SDGS_GET] = "SELECT s.number, s.name_nl FROM initiative_sdgs i JOIN sdgs s ON s.number = i.sdg"
                              " WHERE i.tenant_id = ?1 AND i.initiative_id = ?2 ORDER BY i.sdg", /* the key's order: no sorter */
    [Q_INITIATIVE_SDGS_DELETE] = "DELETE FROM initiative_sdgs WHERE tenant_id = ?1 AND initiative_id = ?2",
    [Q_INITIATIVE_SDG_INSERT] = "INSERT INTO initiative_sdgs (tenant_id, initiative_id, sdg) VALUES (?1, ?2, ?3)"
                                " ON CONFLICT DO NOTHING",
    [Q_INITIATIVE_LINKS_GET] = "SELECT kind, url FROM initiative_links WHERE tenant_id = ?1 AND initiative_id = ?2"
                               " ORDER BY id",
    [Q_INITIATIVE_LINKS_DELETE] = "DELETE FROM initiative_links WHERE tenant_id = ?1 AND initiative_id = ?2",
    [Q_INITIATIVE_LINK_INSERT] = "INSERT INTO initiative_links (tenant_id, initiative_id, kind, url)"
                                 " VALUES (?1, ?2, ?3, ?4)",
    [Q_HELP_REQUESTS_GET] = "SELECT h.id, h.kind, k.name_nl, h.description, h.amount_cents, h.state"
                            " FROM help_requests h"
                            " JOIN help_kinds k ON k.tenant_id = h.tenant_id AND k.code = h.kind"
                            " WHERE h.tenant_id = ?1 AND h.initiative_id = ?2 ORDER BY h.id",
    [Q_HELP_REQUEST_INSERT] = "INSERT INTO help_requests (tenant_id, initiative_id, kind, description,"
                              " amount_cents, state, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
    [Q_HELP_REQUEST_SET_STATE] = "UPDATE help_requests SET state = ?4"
                                 " WHERE tenant_id = ?1 AND initiative_id = ?2 AND id = ?3",
    [Q_TIMELINE_GET] = "SELECT t.at, t.from_state, t.to_state, u.name, u.role, t.note FROM timeline t"
                       " LEFT JOIN users u ON u.id = t.by_id WHERE t.tenant_id = ?1 AND t.initiative_id = ?2"
                       " ORDER BY t.at, t.id",
    [Q_TIMELINE_INSERT] = "INSERT INTO timeline (tenant_id, initiative_id, at, from_state, to_state, by_id, note)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",

    /* A page's ids first, from the covering index initiatives_hits (read
     * backwards: newest first), then the joins for those rows only: the
     * rows skipped for a deep page (OFFSET) cost an index entry each,
     * not a row and two user lookups. */
    [Q_INITIATIVE_LIST] = "WITH page(id) AS MATERIALIZED ("
                          " SELECT i.id FROM initiatives i INDEXED BY initiatives_hits"
                          " WHERE" PAGE_FILTER "ORDER BY i.id DESC LIMIT ?5 OFFSET ?6)"
                          " SELECT " LIST_COLS ", NULL" LIST_FROM "WHERE i.id IN page ORDER BY i.id DESC",
    /* The same list by keyset (?5: ids below it, ?6: how many): the index
     * is entered at ?5, so a batch deep in the list costs what the first
     * one does. */
    [Q_INITIATIVE_LIST_AFTER] = "WITH page(id) AS MATERIALIZED ("
                                " SELECT i.id FROM initiatives i INDEXED BY initiatives_hits"
                                " WHERE" PAGE_FILTER "AND i.id < ?5 ORDER BY i.id DESC LIMIT ?6)"
                                " SELECT " LIST_COLS ", NULL" LIST_FROM "WHERE i.id IN page ORDER BY i.id DESC",
    /* bm25 weights: a word in the title counts most, then the summary.
     * Only the newest ?8 (SEARCH_MAX) hits are ranked: bm25 reads every
     * hit's column sizes, so a common word among a million initiatives
     * would cost a second; the newest hits come cheaply in rowid order.
     * Three steps, so the expensive parts run for as few rows as possible:
     * `hits` (those newest hits; the index initiatives_hits answers the
     * filter without reading whole rows), `ranked` (bm25 over the hits,
     * one page of ids; the filter is not looked up again per row: being
     * in `hits` says it passed) and the page itself, where only its own rows get
     * joined and snippet() (which re-reads the text). The last column is
     * the number of hits, so no separate count is needed. CROSS JOIN keeps
     * the full-text index as the outer loop (otherwise SQLite may run the
     * MATCH once per initiative); +f.rowid keeps the IN from being used
     * as a lookup into the full-text index, one MATCH per id. */
    [Q_INITIATIVE_SEARCH] = "WITH hits(id) AS MATERIALIZED (" SEARCH_HITS("?7", "?8") "),"
                            " ranked(id) AS MATERIALIZED ("
                            "  SELECT r.rowid FROM initiatives_fts r"
                            "  WHERE r.initiatives_fts MATCH ?7 AND r.rowid >= (SELECT min(id) FROM hits)"
                            "  AND +r.rowid IN hits"
                            "  ORDER BY bm25(initiatives_fts, 10.0, 4.0, 1.0), r.rowid DESC LIMIT ?5 OFFSET ?6)"
                            " SELECT " LIST_COLS ", snippet(initiatives_fts, -1, char(1), char(2), '…', 12),"
                            " (SELECT count(*) FROM hits)"
                            " FROM initiatives_fts f"
                            " CROSS JOIN initiatives i ON i.id = f.rowid"
                            " JOIN areas a ON a.tenant_id = i.tenant_id AND a.code = i.area_code"
                            " JOIN users u ON u.id = i.initiator_id"
                            " LEFT JOIN users c ON c.id = i.contact_id"
                            " WHERE f.initiatives_fts MATCH ?7 AND f.rowid >= (SELECT min(id) FROM ranked)"
                            " AND +f.rowid IN ranked"
                            " ORDER BY bm25(initiatives_fts, 10.0, 4.0, 1.0), f.rowid DESC",
    [Q_INITIATIVE_SEARCH_COUNT] = "SELECT count(*) FROM (" SEARCH_HITS("?5", "?6") ")",
    [Q_INITIATIVE_BY_INITIATOR] = "SELECT " LIST_COLS ", NULL" LIST_FROM
                                  "WHERE i.tenant_id = ?1 AND i.initiator_id = ?2 ORDER BY i.id DESC",
    /* The work queue: everything that waits on the municipality. The
     * domain sorts it by deadline, which needs working-day arithmetic. */
    [Q_INITIATIVE_QUEUE] = "SELECT " LIST_COLS ", NULL" LIST_FROM
                           "WHERE i.tenant_id = ?1 AND i.state IN ('ingediend', 'intake', 'in_behandeling')"
                           " AND (CAST(?2 AS TEXT) IS NULL OR i.area_code = ?2 OR a.parent_code = ?2)"
                           " AND (CAST(?3 AS BIGINT) IS NULL OR i.contact_id = ?3)"
                           " ORDER BY i.state_since LIMIT 2000",
    [Q_INITIATIVE_STATE_COUNTS] = "SELECT state, count(*) FROM initiatives WHERE tenant_id = ?1 GROUP BY state",

    [Q_TENANT_LIST] = "SELECT id, code, name, host FROM tenants ORDER BY id",
    [Q_LOGIN_ATTEMPT_PURGE] = "DELETE FROM login_attempts WHERE window_start <= ?1",
    /* Background jobs (system-wide). A job is claimed by one guarded
     * UPDATE: of several processes asking at once, exactly one changes
     * the row; the others see no change and leave the job alone. */
    [Q_JOB_ENSURE] = "INSERT INTO jobs (name, next_run_at, runs) VALUES (?1, ?2, 0) ON CONFLICT (name) DO NOTHING",
    [Q_JOB_DUE] = "SELECT name FROM jobs WHERE next_run_at <= ?1 AND (locked_until IS NULL OR locked_until < ?1)"
                  " ORDER BY name",
    [Q_JOB_CLAIM] = "UPDATE jobs SET locked_until = ?2, locked_by = ?3"
                    " WHERE name = ?1 AND next_run_at <= ?4 AND (locked_until IS NULL OR locked_until < ?4)",
    [Q_JOB_FINISH] = "UPDATE jobs SET next_run_at = ?3, last_run_at = ?4, last_by = ?2, last_ok = ?5, runs = runs + 1,"
                     " locked_until = NULL, locked_by = NULL WHERE name = ?1 AND locked_by = ?2",
    [Q_JOB_LIST] = "SELECT name, next_run_at, locked_until, locked_by, last_run_at, runs, last_by, last_ok"
                   " FROM jobs ORDER BY name",
    [Q_JOB_SET_DUE] = "UPDATE jobs SET next_run_at = ?2 WHERE name = ?1",

    /* The list's total from the counts the triggers keep (migration 003):
     * ?1 tenant, ?2 area (a wijk includes its buurten), ?3 state. */
    [Q_INITIATIVE_COUNT_QUICK] = "SELECT COALESCE(sum(n), 0) FROM initiative_counts WHERE tenant_id = ?1"
                                 " AND area_code IN (SELECT '*' WHERE CAST(?2 AS TEXT) IS NULL"
                                 "      UNION ALL SELECT code FROM areas WHERE tenant_id = ?1"
                                 "      AND (code = ?2 OR parent_code = ?2))"
                                 " AND (CAST(?3 AS TEXT) IS NULL OR state = ?3)",
    /* With a theme: from the theme's rows, ?1 tenant, ?2 area, ?3 theme, ?4 state. */
    [Q_INITIATIVE_COUNT_THEME] = "SELECT count(*) FROM initiative_themes t"
                                 " JOIN initiatives i ON i.id = t.initiative_id"
                                 " JOIN areas a ON a.tenant_id = i.tenant_id AND a.code = i.area_code"
                                 " WHERE t.tenant_id = ?1 AND t.theme_code = ?3 AND i.tenant_id = ?1"
                                 " AND (CAST(?2 AS TEXT) IS NULL OR i.area_code = ?2 OR a.parent_code = ?2)"
                                 " AND (CAST(?4 AS TEXT) IS NULL OR i.state = ?4)",
    /* Just the codes, for lists: the names come from the theme list
     * (store_initiative_page_themes), which saves a join and a sort per
     * card. +tenant_id: as Q_INITIATIVE_THEMES_GET. */
    /* After a bulk load (init --scale): one segment instead of dozens
     * makes searches that look up many words about twice as fast. */
    [Q_SEARCH_OPTIMIZE] = "INSERT INTO initiatives_fts(initiatives_fts) VALUES ('optimize')",
    [Q_INITIATIVE_THEME_CODES] = "SELECT theme_code FROM initiative_themes WHERE +tenant_id = ?1 AND initiative_id = ?2",
    /* Q_INITIATIVE_SDGS_GET and Q_HELP_REQUESTS_GET without the names, which
     * store_initiative_get_at may have kept (store/initiatives.c). */
    [Q_INITIATIVE_SDG_NUMBERS] = "SELECT sdg FROM initiative_sdgs WHERE tenant_id = ?1 AND initiative_id = ?2"
                                 " ORDER BY sdg",
    [Q_HELP_REQUESTS_BARE] = "SELECT id, kind, description, amount_cents, state FROM help_requests"
                             " WHERE tenant_id = ?1 AND initiative_id = ?2 ORDER BY id",
    /* Q_INITIATIVE_GET without the area's name (the same columns). */
    [Q_INITIATIVE_GET_BARE] = "SELECT i.id, i.title, i.summary, i.description, i.area_code, NULL, i.state,"
                              " i.initiator_id, u.name, i.show_name, i.contact_id, c.name, i.created_at,"
                              " i.updated_at, i.state_since, i.submitted_at, u.email FROM initiatives i"
                              " JOIN users u ON u.id = i.initiator_id LEFT JOIN users c ON c.id = i.contact_id"
                              " WHERE i.tenant_id = ?1 AND i.id = ?2",
    /* Funds and committee assessment: store/sql_funds.h. */
    FUND_SQLITE_QUERIES
    /* Uploaded files: store/sql_files.h. */
    FILE_SQLITE_QUERIES
    /* The directory: store/sql_directory.h. */
    DIRECTORY_SQLITE_QUERIES
    /* The matching engine: store/sql_match.h. */
    MATCH_SQLITE_QUERIES
    /* The municipality's overview: store/sql_overview.h. */
    OVERVIEW_SQLITE_QUERIES
    /* Connections: store/sql_connections.h. */
    CONNECTION_SQLITE_QUERIES
    /* The Wegwijzer: store/sql_wegwijzer.h. */
    WEGWIJZER_SQLITE_QUERIES
    /* The Beursvloer: store/sql_market.h. */
    MARKET_SQLITE_QUERIES
    /* Volunteering: store/sql_volunteering.h. */
    VOLUNTEERING_SQLITE_QUERIES
    /* Prepared API objects: store/sql_objects.h. */
    OBJECT_SQLITE_QUERIES
};
