/* SQLite text of the funds statements (queries_funds.h), included into
 * the initialiser of sqlite_queries[] in sqlite_queries.c. Portable SQL:
 * PostgreSQL takes it with ?N → $N, except Q_FUND_YEAR_LOCK, which
 * pg_queries.c has with FOR UPDATE. Every statement filters on tenant.
 *
 * The ledger: committed = commit - release - payment, paid = payment -
 * repayment; sums are CAST to BIGINT because PostgreSQL's sum(bigint) is
 * numeric. */
#ifndef WIJZER_SQL_FUNDS_H
#define WIJZER_SQL_FUNDS_H

#define FUND_COLS \
    "f.id, f.code, f.name, f.organisation_code, o.name, f.description, f.who_may_apply, f.exclusions," \
    " f.cadence, f.max_amount_cents, f.decision_weeks, f.criteria_version, COALESCE(y.budget_cents, 0) "
/* ?1 tenant, ?2 year */
#define FUND_FROM \
    " FROM funds f" \
    " LEFT JOIN organisations o ON o.tenant_id = f.tenant_id AND o.code = f.organisation_code" \
    " LEFT JOIN fund_years y ON y.fund_id = f.id AND y.year = ?2 "

#define SUM_COMMITTED(e) \
    "CAST(COALESCE(SUM(CASE WHEN " e ".kind = 'commit' THEN " e ".amount_cents" \
    " WHEN " e ".kind IN ('release', 'payment') THEN -" e ".amount_cents ELSE 0 END), 0) AS BIGINT)"
#define SUM_PAID(e) \
    "CAST(COALESCE(SUM(CASE WHEN " e ".kind = 'payment' THEN " e ".amount_cents" \
    " WHEN " e ".kind = 'repayment' THEN -" e ".amount_cents ELSE 0 END), 0) AS BIGINT)"
#define SUM_GRANTED(e) \
    "CAST(COALESCE(SUM(CASE WHEN " e ".kind = 'commit' THEN " e ".amount_cents" \
    " WHEN " e ".kind = 'release' THEN -" e ".amount_cents" \
    " WHEN " e ".kind = 'repayment' THEN -" e ".amount_cents ELSE 0 END), 0) AS BIGINT)"

/* The columns of an application, in the order store/funds.c reads them. */
#define APP_COLS \
    "a.id, f.code, f.name, a.initiative_id, i.title, i.area_code, ar.name, a.help_request_id, a.applicant_id," \
    " u.name, u.email, a.year, a.amount_cents, a.own_contribution, a.own_contribution_cents," \
    " a.own_contribution_hours, a.needed_by, a.state, a.submitted_at, a.state_since, a.decision_due_day," \
    " a.paused_since, a.paused_days, a.info_request, a.info_requested_at, a.info_response, a.info_supplied_at," \
    " a.outcome, a.granted_cents, a.motivation, a.conditions, a.referral, a.criteria_version, a.decided_at," \
    " d.name, (SELECT " SUM_PAID("e") " FROM ledger_entries e WHERE e.tenant_id = a.tenant_id" \
    "  AND e.application_id = a.id), a.round_id, r.meeting_day, a.withdraw_reason," \
    " a.report_submitted_at, a.report_participants, a.report_reach, a.report_costs_cents, a.report_story," \
    " a.report_photo_url, a.report_accepted, a.report_note, a.report_reviewed_at "
#define APP_FROM \
    " FROM applications a" \
    " JOIN funds f ON f.id = a.fund_id" \
    " JOIN initiatives i ON i.id = a.initiative_id" \
    " JOIN areas ar ON ar.tenant_id = i.tenant_id AND ar.code = i.area_code" \
    " JOIN users u ON u.id = a.applicant_id" \
    " LEFT JOIN users d ON d.id = a.decided_by" \
    " LEFT JOIN fund_rounds r ON r.id = a.round_id "
/* Open ones first (by deadline), then the rest newest first. */
#define APP_ORDER \
    " ORDER BY CASE WHEN a.state IN ('ingediend', 'in_beoordeling') THEN 0 ELSE 1 END," \
    " CASE WHEN a.state IN ('ingediend', 'in_beoordeling') THEN a.decision_due_day ELSE 0 END, a.id DESC"

/* The per-application money of a fund's year, for the charts. */
#define USE_PER_APP \
    "(SELECT e.application_id AS app, " SUM_GRANTED("e") " AS granted, " SUM_PAID("e") " AS paid" \
    " FROM ledger_entries e WHERE e.tenant_id = ?1 AND e.fund_id = ?2 AND e.year = ?3" \
    " AND e.application_id IS NOT NULL GROUP BY e.application_id) m" \
    " JOIN applications a ON a.id = m.app" \
    " JOIN initiatives i ON i.id = a.initiative_id "

#define FUND_SQLITE_QUERIES \
    [Q_FUND_UPSERT] = "INSERT INTO funds (tenant_id, code, name, organisation_code, description, who_may_apply," \
                      " exclusions, cadence, max_amount_cents, decision_weeks, criteria_version)" \
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1)" \
                      " ON CONFLICT (tenant_id, code) DO UPDATE SET name = excluded.name," \
                      " organisation_code = excluded.organisation_code RETURNING id", \
    [Q_FUND_LIST] = "SELECT " FUND_COLS FUND_FROM "WHERE f.tenant_id = ?1 ORDER BY f.name", \
    [Q_FUND_GET] = "SELECT " FUND_COLS FUND_FROM "WHERE f.tenant_id = ?1 AND f.code = ?3", \
    [Q_FUND_UPDATE] = "UPDATE funds SET name = ?3, description = ?4, who_may_apply = ?5, exclusions = ?6," \
                      " cadence = ?7, max_amount_cents = ?8, decision_weeks = ?9 WHERE tenant_id = ?1 AND id = ?2", \
    [Q_FUND_SET_CRITERIA_VERSION] = "UPDATE funds SET criteria_version = ?3 WHERE tenant_id = ?1 AND id = ?2", \
    [Q_FUND_YEAR_SET] = "INSERT INTO fund_years (tenant_id, fund_id, year, budget_cents, closed)" \
                        " VALUES (?1, ?2, ?3, ?4, 0)" \
                        " ON CONFLICT (fund_id, year) DO UPDATE SET budget_cents = excluded.budget_cents", \
    [Q_FUND_YEAR_ENSURE] = "INSERT INTO fund_years (tenant_id, fund_id, year, budget_cents, closed)" \
                           " VALUES (?1, ?2, ?3, ?4, 0) ON CONFLICT (fund_id, year) DO NOTHING", \
    [Q_FUND_YEAR_GET] = "SELECT budget_cents, closed FROM fund_years" \
                        " WHERE tenant_id = ?1 AND fund_id = ?2 AND year = ?3", \
    [Q_FUND_YEAR_LOCK] = "SELECT budget_cents, closed FROM fund_years" \
                         " WHERE tenant_id = ?1 AND fund_id = ?2 AND year = ?3", \
    [Q_FUND_YEAR_CLOSE] = "UPDATE fund_years SET closed = 1 WHERE tenant_id = ?1 AND fund_id = ?2 AND year = ?3", \
    [Q_FUND_YEARS] = "SELECT year, budget_cents, closed FROM fund_years WHERE tenant_id = ?1 AND fund_id = ?2" \
                     " ORDER BY year DESC", \
    [Q_FUNDS_OF_MEMBER] = "SELECT " FUND_COLS FUND_FROM \
                          " JOIN fund_members mm ON mm.fund_id = f.id AND mm.user_id = ?3" \
                          " WHERE f.tenant_id = ?1 ORDER BY f.name", \
    [Q_CRITERIA_GET] = "SELECT code, name, question, created_at FROM fund_criteria" \
                       " WHERE tenant_id = ?1 AND fund_id = ?2 AND version = ?3 ORDER BY position", \
    [Q_CRITERION_INSERT] = "INSERT INTO fund_criteria (tenant_id, fund_id, version, position, code, name, question," \
                           " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)" \
                           " ON CONFLICT (fund_id, version, code) DO NOTHING", \
    [Q_MEMBER_UPSERT] = "INSERT INTO fund_members (tenant_id, fund_id, user_id, chair, since)" \
                        " VALUES (?1, ?2, ?3, ?4, ?5)" \
                        " ON CONFLICT (fund_id, user_id) DO UPDATE SET chair = excluded.chair", \
    [Q_MEMBER_CLEAR_CHAIR] = "UPDATE fund_members SET chair = 0 WHERE tenant_id = ?1 AND fund_id = ?2", \
    [Q_MEMBER_DELETE] = "DELETE FROM fund_members WHERE tenant_id = ?1 AND fund_id = ?2 AND user_id = ?3", \
    [Q_MEMBER_LIST] = "SELECT u.id, u.name, u.email, m.chair FROM fund_members m JOIN users u ON u.id = m.user_id" \
                      " WHERE m.tenant_id = ?1 AND m.fund_id = ?2 ORDER BY m.chair DESC, u.name, u.id", \
    [Q_MEMBER_GET] = "SELECT chair FROM fund_members WHERE tenant_id = ?1 AND fund_id = ?2 AND user_id = ?3", \
    [Q_LEDGER_SUMS] = "SELECT " SUM_COMMITTED("e") ", " SUM_PAID("e") " FROM ledger_entries e" \
                      " WHERE e.tenant_id = ?1 AND e.fund_id = ?2 AND e.year = ?3", \
    [Q_LEDGER_APPLICATION_SUMS] = "SELECT " SUM_COMMITTED("e") ", " SUM_PAID("e") " FROM ledger_entries e" \
                                  " WHERE e.tenant_id = ?1 AND e.application_id = ?2", \
    [Q_LEDGER_ENTRIES] = "SELECT e.id, e.year, e.at, e.kind, e.amount_cents, e.application_id, i.title, e.note," \
                         " u.name FROM ledger_entries e" \
                         " LEFT JOIN applications a ON a.id = e.application_id" \
                         " LEFT JOIN initiatives i ON i.id = a.initiative_id" \
                         " LEFT JOIN users u ON u.id = e.by_id" \
                         " WHERE e.tenant_id = ?1 AND e.fund_id = ?2 AND e.year = ?3 ORDER BY e.at, e.id", \
    [Q_LEDGER_INSERT] = "INSERT INTO ledger_entries (tenant_id, fund_id, year, at, kind, amount_cents," \
                        " application_id, note, by_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id", \
    [Q_ROUND_INSERT] = "INSERT INTO fund_rounds (tenant_id, fund_id, meeting_day, note, created_at)" \
                       " VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id", \
    [Q_ROUND_LIST] = "SELECT r.id, f.code, r.meeting_day, r.note," \
                     " (SELECT count(*) FROM applications a WHERE a.tenant_id = r.tenant_id AND a.round_id = r.id)" \
                     " FROM fund_rounds r JOIN funds f ON f.id = r.fund_id" \
                     " WHERE r.tenant_id = ?1 AND r.fund_id = ?2 ORDER BY r.meeting_day DESC, r.id DESC", \
    [Q_ROUND_GET] = "SELECT r.id, f.code, r.meeting_day, r.note," \
                    " (SELECT count(*) FROM applications a WHERE a.tenant_id = r.tenant_id AND a.round_id = r.id)" \
                    " FROM fund_rounds r JOIN funds f ON f.id = r.fund_id WHERE r.tenant_id = ?1 AND r.id = ?2", \
    [Q_ROUND_ASSIGN_OPEN] = "UPDATE applications SET round_id = ?3 WHERE tenant_id = ?1 AND fund_id = ?2" \
                            " AND round_id IS NULL AND state IN ('ingediend', 'in_beoordeling')", \
    [Q_ROUND_NEXT] = "SELECT id FROM fund_rounds WHERE tenant_id = ?1 AND fund_id = ?2 AND meeting_day >= ?3" \
                     " AND meeting_day <= ?4 ORDER BY meeting_day, id LIMIT 1", \
    [Q_APPLICATION_INSERT] = "INSERT INTO applications (tenant_id, fund_id, initiative_id, help_request_id," \
                             " applicant_id, year, amount_cents, own_contribution, own_contribution_cents," \
                             " own_contribution_hours, needed_by, state, submitted_at, state_since," \
                             " decision_due_day, criteria_version, round_id)" \
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'ingediend', ?12, ?12, ?13," \
                             " ?14, ?15) RETURNING id", \
    [Q_APPLICATION_LINE_INSERT] = "INSERT INTO application_lines (tenant_id, application_id, position, description," \
                                  " amount_cents) VALUES (?1, ?2, ?3, ?4, ?5)", \
    [Q_APPLICATION_LINES] = "SELECT description, amount_cents FROM application_lines" \
                            " WHERE tenant_id = ?1 AND application_id = ?2 ORDER BY position", \
    [Q_APPLICATION_GET] = "SELECT " APP_COLS APP_FROM "WHERE a.tenant_id = ?1 AND a.id = ?2", \
    [Q_APPLICATION_LIST_FUND] = "SELECT " APP_COLS APP_FROM "WHERE a.tenant_id = ?1 AND f.code = ?2" \
                                " AND (CAST(?3 AS TEXT) IS NULL OR a.state = ?3)" APP_ORDER, \
    [Q_APPLICATION_LIST_INITIATIVE] = "SELECT " APP_COLS APP_FROM "WHERE a.tenant_id = ?1 AND a.initiative_id = ?2" \
                                      " ORDER BY a.id DESC", \
    [Q_APPLICATION_LIST_APPLICANT] = "SELECT " APP_COLS APP_FROM "WHERE a.tenant_id = ?1 AND a.applicant_id = ?2" \
                                     " ORDER BY a.id DESC", \
    [Q_APPLICATION_LIST_ROUND] = "SELECT " APP_COLS APP_FROM "WHERE a.tenant_id = ?1 AND a.round_id = ?2" APP_ORDER, \
    [Q_APPLICATION_OPEN_FOR] = "SELECT id FROM applications WHERE tenant_id = ?1 AND fund_id = ?2" \
                               " AND initiative_id = ?3 AND state IN ('ingediend', 'in_beoordeling') LIMIT 1", \
    /* Guarded by the state it leaves: two people acting at once cannot both move it. */ \
    [Q_APPLICATION_SET_STATE] = "UPDATE applications SET state = ?4, state_since = ?5" \
                                " WHERE tenant_id = ?1 AND id = ?2 AND state = ?3", \
    [Q_APPLICATION_SET_ROUND] = "UPDATE applications SET round_id = ?3 WHERE tenant_id = ?1 AND id = ?2", \
    [Q_APPLICATION_SET_HELP] = "UPDATE applications SET help_request_id = ?3 WHERE tenant_id = ?1 AND id = ?2", \
    [Q_APPLICATION_PAUSE] = "UPDATE applications SET paused_since = ?4, info_request = ?3, info_requested_at = ?4," \
                            " info_response = NULL, info_supplied_at = 0" \
                            " WHERE tenant_id = ?1 AND id = ?2 AND paused_since = 0" \
                            " AND state IN ('ingediend', 'in_beoordeling')", \
    [Q_APPLICATION_RESUME] = "UPDATE applications SET paused_since = 0, info_response = ?3, info_supplied_at = ?4," \
                             " decision_due_day = decision_due_day + ?5, paused_days = paused_days + ?5" \
                             " WHERE tenant_id = ?1 AND id = ?2 AND paused_since <> 0", \
    [Q_APPLICATION_DECIDE] = "UPDATE applications SET state = 'besluit', state_since = ?9, outcome = ?3," \
                             " granted_cents = ?4, motivation = ?5, conditions = ?6, referral = ?7," \
                             " criteria_version = ?8, decided_at = ?9, decided_by = ?10, year = ?11, paused_since = 0" \
                             " WHERE tenant_id = ?1 AND id = ?2 AND state IN ('ingediend', 'in_beoordeling')", \
    [Q_APPLICATION_WITHDRAW] = "UPDATE applications SET state = 'ingetrokken', state_since = ?5, withdraw_reason = ?4," \
                               " paused_since = 0 WHERE tenant_id = ?1 AND id = ?2 AND state = ?3", \
    [Q_APPLICATION_REPORT] = "UPDATE applications SET report_submitted_at = ?3, report_participants = ?4," \
                             " report_reach = ?5, report_costs_cents = ?6, report_story = ?7, report_photo_url = ?8," \
                             " report_accepted = 0, report_reviewed_at = 0" \
                             " WHERE tenant_id = ?1 AND id = ?2 AND state IN ('besluit', 'uitbetaald')", \
    [Q_APPLICATION_REPORT_REVIEW] = "UPDATE applications SET report_accepted = ?3, report_note = ?4," \
                                    " report_reviewed_at = ?5 WHERE tenant_id = ?1 AND id = ?2", \
    [Q_ASSESSMENT_UPSERT] = "INSERT INTO assessments (tenant_id, application_id, member_id, criterion, score, remark, at)" \
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)" \
                            " ON CONFLICT (application_id, member_id, criterion) DO UPDATE SET score = excluded.score," \
                            " remark = excluded.remark, at = excluded.at", \
    [Q_ASSESSMENT_LIST] = "SELECT s.member_id, u.name, s.criterion, s.score, s.remark, s.at FROM assessments s" \
                          " JOIN users u ON u.id = s.member_id WHERE s.tenant_id = ?1 AND s.application_id = ?2" \
                          " ORDER BY u.name, s.member_id, s.criterion", \
    [Q_ASSESSMENT_DELETE_MEMBER] = "DELETE FROM assessments WHERE tenant_id = ?1 AND application_id = ?2" \
                                   " AND member_id = ?3", \
    [Q_CONFLICT_INSERT] = "INSERT INTO conflicts (tenant_id, application_id, member_id, reason, at)" \
                          " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (application_id, member_id) DO NOTHING", \
    [Q_CONFLICT_LIST] = "SELECT c.member_id, u.name, c.reason, c.at FROM conflicts c JOIN users u ON u.id = c.member_id" \
                        " WHERE c.tenant_id = ?1 AND c.application_id = ?2 ORDER BY c.at, c.member_id", \
    [Q_DECISIONS_PUBLIC] = "SELECT a.id, i.title, ar.name, a.outcome, a.granted_cents, a.motivation, a.decided_at," \
                           " a.criteria_version FROM applications a" \
                           " JOIN initiatives i ON i.id = a.initiative_id" \
                           " JOIN areas ar ON ar.tenant_id = i.tenant_id AND ar.code = i.area_code" \
                           " WHERE a.tenant_id = ?1 AND a.fund_id = ?2 AND a.year = ?3 AND a.outcome IS NOT NULL" \
                           " AND a.state <> 'ingetrokken' ORDER BY a.decided_at DESC, a.id DESC", \
    [Q_USE_BY_AREA] = "SELECT COALESCE(w.code, ar.code), MIN(COALESCE(w.name, ar.name))," \
                      " CAST(SUM(m.granted) AS BIGINT), CAST(SUM(m.paid) AS BIGINT), count(*) FROM " USE_PER_APP \
                      " JOIN areas ar ON ar.tenant_id = i.tenant_id AND ar.code = i.area_code" \
                      " LEFT JOIN areas w ON w.tenant_id = ar.tenant_id AND w.code = ar.parent_code" \
                      " WHERE m.granted > 0 GROUP BY COALESCE(w.code, ar.code) ORDER BY 3 DESC, 1", \
    [Q_USE_BY_THEME] = "SELECT t.code, MIN(t.name_nl), CAST(SUM(m.granted) AS BIGINT), CAST(SUM(m.paid) AS BIGINT)," \
                       " count(*) FROM " USE_PER_APP \
                       " JOIN initiative_themes it ON it.initiative_id = i.id" \
                       " JOIN themes t ON t.tenant_id = it.tenant_id AND t.code = it.theme_code" \
                       " WHERE m.granted > 0 GROUP BY t.code ORDER BY 3 DESC, 1",

/* PostgreSQL's own text (pg_queries.c): the decision locks the year's row
 * until its transaction ends, so a second decision waits and then sees the
 * first one's commitment. SQLite needs no lock: BEGIN IMMEDIATE lets one
 * writer in at a time. */
#define FUND_PG_QUERIES \
    [Q_FUND_YEAR_LOCK] = "SELECT budget_cents, closed FROM fund_years" \
                         " WHERE tenant_id = $1 AND fund_id = $2 AND year = $3 FOR UPDATE",

#endif
