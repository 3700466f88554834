/* SQLite text of the Beursvloer statements (queries_market.h), included
 * into the initialiser of sqlite_queries[] in sqlite_queries.c. Portable
 * SQL: PostgreSQL takes it as it is, with ?N → $N. Every statement filters
 * on tenant. Filters use '' and 0 for "none", so that PostgreSQL can type
 * every parameter without casts. Sums are CAST to BIGINT (PostgreSQL's
 * sum(bigint) is numeric). */
#ifndef WIJZER_SQL_MARKET_H
#define WIJZER_SQL_MARKET_H

#define MARKET_POST_COLS \
    "p.id, p.side, p.organisation_code, o.name, p.kind, p.title, p.description, p.counter_offer, p.state," \
    " p.created_by, p.created_at, p.updated_at "
#define MARKET_POST_FROM \
    " FROM market_posts p LEFT JOIN organisations o ON o.tenant_id = p.tenant_id AND o.code = p.organisation_code "
/* ?2 side, ?3 kind, ?4 organisation, ?5 sdg, ?6 open only, ?7 text */
#define MARKET_POST_FILTER \
    " WHERE p.tenant_id = ?1 AND p.side = ?2" \
    " AND (?3 = '' OR p.kind = ?3)" \
    " AND (?4 = '' OR p.organisation_code = ?4)" \
    " AND (?5 = 0 OR EXISTS (SELECT 1 FROM market_post_sdgs s WHERE s.post_id = p.id AND s.sdg = ?5))" \
    " AND (?6 = 0 OR p.state = 'open')" \
    " AND (?7 = '' OR lower(p.title) LIKE '%' || lower(?7) || '%'" \
    "      OR lower(p.description) LIKE '%' || lower(?7) || '%' OR lower(o.name) LIKE '%' || lower(?7) || '%') "
#define MARKET_DEAL_COLS \
    "d.id, d.request_id, d.offer_id, rq.title, rq.organisation_code, ro.name, ofr.title, ofr.organisation_code," \
    " oo.name, d.value_cents, d.state, d.event_id, d.created_at, d.updated_at "
#define MARKET_DEAL_FROM \
    " FROM market_deals d JOIN market_posts rq ON rq.id = d.request_id JOIN market_posts ofr ON ofr.id = d.offer_id" \
    " LEFT JOIN organisations ro ON ro.tenant_id = d.tenant_id AND ro.code = rq.organisation_code" \
    " LEFT JOIN organisations oo ON oo.tenant_id = d.tenant_id AND oo.code = ofr.organisation_code "
#define MARKET_EVENT_COLS \
    "e.id, e.date, e.place, e.title, e.description, e.created_at, pl.code, pl.name "
#define MARKET_EVENT_FROM \
    " FROM market_events e LEFT JOIN places pl ON pl.tenant_id = e.tenant_id AND pl.code = e.place "

#define MARKET_SQLITE_QUERIES \
    [Q_MARKET_POST_INSERT] = "INSERT INTO market_posts (tenant_id, side, organisation_code, kind, title, description," \
                             " counter_offer, state, created_by, created_at, updated_at)" \
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'open', ?8, ?9, ?9) RETURNING id", \
    [Q_MARKET_POST_GET] = "SELECT " MARKET_POST_COLS MARKET_POST_FROM " WHERE p.tenant_id = ?1 AND p.id = ?2", \
    [Q_MARKET_POST_LIST] = "SELECT " MARKET_POST_COLS MARKET_POST_FROM MARKET_POST_FILTER \
                           " ORDER BY p.state = 'open' DESC, p.created_at DESC, p.id DESC LIMIT ?8 OFFSET ?9", \
    [Q_MARKET_POST_COUNT] = "SELECT count(*)" MARKET_POST_FROM MARKET_POST_FILTER, \
    [Q_MARKET_POST_SET_STATE] = "UPDATE market_posts SET state = ?3, updated_at = ?4 WHERE tenant_id = ?1 AND id = ?2", \
    [Q_MARKET_POST_FIND] = "SELECT id FROM market_posts WHERE tenant_id = ?1 AND side = ?2 AND organisation_code = ?3" \
                           " AND title = ?4 ORDER BY id LIMIT 1", \
    [Q_MARKET_POST_SDGS_GET] = "SELECT s.number, s.name_nl FROM market_post_sdgs x JOIN sdgs s ON s.number = x.sdg" \
                               " WHERE x.tenant_id = ?1 AND x.post_id = ?2 ORDER BY s.number", \
    [Q_MARKET_POST_SDG_INSERT] = "INSERT INTO market_post_sdgs (tenant_id, post_id, sdg) VALUES (?1, ?2, ?3)" \
                                 " ON CONFLICT DO NOTHING", \
    [Q_MARKET_DEAL_INSERT] = "INSERT INTO market_deals (tenant_id, request_id, offer_id, value_cents, state, event_id," \
                             " created_by, updated_by, created_at, updated_at)" \
                             " VALUES (?1, ?2, ?3, ?4, 'voorgesteld', ?5, ?6, ?6, ?7, ?7) RETURNING id", \
    [Q_MARKET_DEAL_GET] = "SELECT " MARKET_DEAL_COLS MARKET_DEAL_FROM " WHERE d.tenant_id = ?1 AND d.id = ?2", \
    [Q_MARKET_DEAL_SET_STATE] = "UPDATE market_deals SET state = ?4, updated_by = ?5, updated_at = ?6" \
                                " WHERE tenant_id = ?1 AND id = ?2 AND state = ?3", \
    [Q_MARKET_DEAL_ACTIVE_PAIR] = "SELECT id FROM market_deals WHERE tenant_id = ?1 AND request_id = ?2" \
                                  " AND offer_id = ?3 AND state <> 'geannuleerd' LIMIT 1", \
    [Q_MARKET_DEALS_OF_POST] = "SELECT " MARKET_DEAL_COLS MARKET_DEAL_FROM \
                               " WHERE d.tenant_id = ?1 AND (d.request_id = ?2 OR d.offer_id = ?2)" \
                               " ORDER BY d.created_at DESC, d.id DESC", \
    [Q_MARKET_DEALS_OF_EVENT] = "SELECT " MARKET_DEAL_COLS MARKET_DEAL_FROM \
                                " WHERE d.tenant_id = ?1 AND d.event_id = ?2 ORDER BY d.created_at, d.id", \
    [Q_MARKET_EVENT_INSERT] = "INSERT INTO market_events (tenant_id, date, place, title, description, created_by," \
                              " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id", \
    [Q_MARKET_EVENT_GET] = "SELECT " MARKET_EVENT_COLS MARKET_EVENT_FROM " WHERE e.tenant_id = ?1 AND e.id = ?2", \
    [Q_MARKET_EVENT_LIST] = "SELECT " MARKET_EVENT_COLS MARKET_EVENT_FROM " WHERE e.tenant_id = ?1" \
                            " ORDER BY e.date DESC, e.id DESC", \
    [Q_MARKET_EVENT_FIND] = "SELECT id FROM market_events WHERE tenant_id = ?1 AND date = ?2 AND title = ?3" \
                            " ORDER BY id LIMIT 1", \
    [Q_MARKET_PARTICIPANT_ADD] = "INSERT INTO market_event_participants (tenant_id, event_id, organisation_code," \
                                 " registered_by, registered_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING", \
    [Q_MARKET_PARTICIPANTS] = "SELECT x.organisation_code, COALESCE(o.name, x.organisation_code)" \
                              " FROM market_event_participants x LEFT JOIN organisations o" \
                              " ON o.tenant_id = x.tenant_id AND o.code = x.organisation_code" \
                              " WHERE x.tenant_id = ?1 AND x.event_id = ?2 ORDER BY lower(o.name), x.organisation_code", \
    [Q_MARKET_PITCH_ADD] = "INSERT INTO market_event_pitches (tenant_id, event_id, request_id, position)" \
                           " VALUES (?1, ?2, ?3, (SELECT COALESCE(max(position), 0) + 1 FROM market_event_pitches" \
                           " WHERE tenant_id = ?1 AND event_id = ?2)) ON CONFLICT DO NOTHING", \
    [Q_MARKET_PITCH_REMOVE] = "DELETE FROM market_event_pitches WHERE tenant_id = ?1 AND event_id = ?2" \
                              " AND request_id = ?3", \
    [Q_MARKET_PITCHES] = "SELECT " MARKET_POST_COLS MARKET_POST_FROM \
                         " JOIN market_event_pitches x ON x.request_id = p.id AND x.tenant_id = p.tenant_id" \
                         " WHERE p.tenant_id = ?1 AND x.event_id = ?2 ORDER BY x.position, p.id", \
    [Q_MARKET_EVENT_BY_SDG] = "SELECT s.number, s.name_nl, count(d.id), CAST(COALESCE(sum(d.value_cents), 0) AS BIGINT)" \
                              " FROM market_deals d JOIN market_post_sdgs x ON x.post_id = d.request_id" \
                              " AND x.tenant_id = d.tenant_id JOIN sdgs s ON s.number = x.sdg" \
                              " WHERE d.tenant_id = ?1 AND d.event_id = ?2 AND d.state <> 'geannuleerd'" \
                              " GROUP BY s.number, s.name_nl ORDER BY s.number",

#endif
