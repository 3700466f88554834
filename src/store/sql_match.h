/* SQL text of the matching engine's statements (queries_match.h). The
 * SQLite text is portable (PostgreSQL takes it with ?N → $N) except the
 * full-text lookup, which PostgreSQL has its own of (MATCH_PG_QUERIES,
 * included into pg_queries.c's table). */
#ifndef WIJZER_SQL_MATCH_H
#define WIJZER_SQL_MATCH_H

#define MATCH_SQLITE_QUERIES \
    /* The newest ?3 initiatives whose text holds the word ?2 (as \
     * db_fulltext_query_whole gives it; the tokenizer stems it): FTS5 walks the word's list \
     * backwards and stops at the limit, so a common word costs no more \
     * than ?3 rows. Deliberately without the tenant (?1): joining every \
     * hit to its row would cost more than the whole lookup. The ids are \
     * candidates only; Q_MATCH_CANDIDATE filters them on tenant. */ \
    [Q_MATCH_TERM_HITS] = "SELECT rowid FROM initiatives_fts WHERE initiatives_fts MATCH ?2" \
                          " ORDER BY rowid DESC LIMIT ?3", \
    /* In how many initiatives the stem ?3 occurs, at most ?4 (migration \
     * 009: fts5vocab reads it from the index). All tenants, as above. */ \
    [Q_MATCH_TERM_DOCS] = "SELECT min(doc, ?4) FROM initiatives_fts_vocab WHERE term = ?3", \
    /* How many initiatives there are (the counts the triggers keep). */ \
    [Q_MATCH_TOTAL] = "SELECT COALESCE(sum(n), 0) FROM initiative_counts WHERE tenant_id = ?1 AND area_code = '*'", \
    /* A candidate: title, area code, state (its themes: \
     * Q_INITIATIVE_THEME_CODES). */ \
    [Q_MATCH_CANDIDATE] = "SELECT i.title, i.area_code, i.state FROM initiatives i" \
                          " WHERE i.tenant_id = ?1 AND i.id = ?2", \
    /* Organisations that give help of kind ?2, with where they work: 2 in \
     * the initiative's area ?3 or its wijk ?4, 1 the whole municipality \
     * (no wijken), 0 elsewhere only. */ \
    [Q_MATCH_ORGS_BY_KIND] = "SELECT k.organisation_code," \
                             " CASE WHEN EXISTS (SELECT 1 FROM organisation_areas x WHERE x.tenant_id = ?1" \
                             "   AND x.organisation_code = k.organisation_code AND x.area_code IN (?3, ?4)) THEN 2" \
                             " WHEN EXISTS (SELECT 1 FROM organisation_areas x WHERE x.tenant_id = ?1" \
                             "   AND x.organisation_code = k.organisation_code) THEN 0 ELSE 1 END" \
                             " FROM organisation_help_kinds k WHERE k.tenant_id = ?1 AND k.help_kind = ?2", \
    [Q_MATCH_ORGS_BY_THEME] = "SELECT organisation_code FROM organisation_themes" \
                              " WHERE tenant_id = ?1 AND theme_code = ?2", \
    /* The officials who work in the initiative's area ?2 or wijk ?3, or \
     * know one of its themes (initiative ?4): from the indexes, not by \
     * reading every user (the residents are many). */ \
    [Q_MATCH_OFFICIALS] = "SELECT user_id FROM official_areas WHERE tenant_id = ?1 AND area_code IN (?2, ?3)" \
                          " UNION SELECT o.user_id FROM initiative_themes t JOIN official_themes o" \
                          "  ON o.tenant_id = t.tenant_id AND o.theme_code = t.theme_code" \
                          "  WHERE t.tenant_id = ?1 AND t.initiative_id = ?4", \
    [Q_MATCH_ORG_NAME] = "SELECT name, kind FROM organisations WHERE tenant_id = ?1 AND code = ?2", \
    /* Everything that is no longer a suggestion: what the initiative is \
     * connected to and what staff dismissed, as (kind, target). */ \
    [Q_MATCH_EXCLUDED] = "SELECT 'goal', goal_code FROM initiative_goals WHERE tenant_id = ?1 AND initiative_id = ?2" \
                         " UNION ALL SELECT 'organisation', organisation_code FROM initiative_organisations" \
                         "  WHERE tenant_id = ?1 AND initiative_id = ?2" \
                         " UNION ALL SELECT 'initiative', CAST(high_id AS TEXT) FROM initiative_partners" \
                         "  WHERE tenant_id = ?1 AND low_id = ?2" \
                         " UNION ALL SELECT 'initiative', CAST(low_id AS TEXT) FROM initiative_partners" \
                         "  WHERE tenant_id = ?1 AND high_id = ?2" \
                         " UNION ALL SELECT kind, target FROM suggestion_dismissals" \
                         "  WHERE tenant_id = ?1 AND initiative_id = ?2", \
    /* The funds the initiative has a (not withdrawn) application at. */ \
    [Q_MATCH_FUNDS_APPLIED] = "SELECT f.code FROM applications p JOIN funds f ON f.id = p.fund_id" \
                              " WHERE p.tenant_id = ?1 AND p.initiative_id = ?2 AND p.state <> 'ingetrokken'", \
    /* Makes ?3 the contact person; the state (and its deadline) stays. */ \
    [Q_MATCH_SET_CONTACT] = "UPDATE initiatives SET contact_id = ?3, updated_at = ?4" \
                            " WHERE tenant_id = ?1 AND id = ?2",

/* PostgreSQL: the word through the 'dutch' configuration, newest first,
 * as SQLite's. The engine looks up only words of fewer than MATCH_COMMON
 * initiatives, so the GIN index and a small sort are always right; "id +
 * 0" keeps a generic plan of the prepared statement from walking the
 * primary key backwards instead (which reads the whole table for a rare
 * word). */
#define MATCH_PG_QUERIES \
    [Q_MATCH_TERM_HITS] = "SELECT id FROM initiatives WHERE tenant_id = $1" \
                          " AND tsv @@ to_tsquery('dutch', $2) ORDER BY id + 0 DESC LIMIT $3", \
    /* The word's number of initiatives, at most $4: counting stops there, \
     * so a common word costs a few thousand rows, not all ($3, SQLite's \
     * stem, is not needed). */ \
    [Q_MATCH_TERM_DOCS] = "SELECT count(*) FROM (SELECT 1 FROM initiatives WHERE tenant_id = $1" \
                          " AND tsv @@ to_tsquery('dutch', $2) AND $3::text IS NOT NULL LIMIT $4) k",

#endif
