/* SQLite text of the volunteering statements (queries_volunteering.h),
 * included into the initialiser of sqlite_queries[] in sqlite_queries.c.
 * Portable SQL: PostgreSQL takes it as it is, with ?N → $N. Every
 * statement filters on tenant. Filters use '' and 0 for "none". "Open in
 * lists" means state open, closing date and one-off date not passed (?2 is
 * today as 2026-11-20). */
#ifndef WIJZER_SQL_VOLUNTEERING_H
#define WIJZER_SQL_VOLUNTEERING_H

#define VAC_COLS \
    "v.id, v.organisation_code, o.name, v.initiative_id, i.title, v.title, v.tasks, v.offer, v.skills," \
    " v.theme_code, t.name_nl, v.area_code, a.name, v.from_home, v.one_off_date, v.hours, v.hours_per_week," \
    " v.period_start, v.period_end, v.times, v.places, v.suits, v.contact, v.state, v.closes_on," \
    " (SELECT count(*) FROM placements p WHERE p.tenant_id = v.tenant_id AND p.vacancy_id = v.id" \
    "  AND p.ended_at IS NULL), v.created_by, v.created_at, v.updated_at "
#define VAC_FROM \
    " FROM vacancies v" \
    " LEFT JOIN organisations o ON o.tenant_id = v.tenant_id AND o.code = v.organisation_code" \
    " LEFT JOIN initiatives i ON i.tenant_id = v.tenant_id AND i.id = v.initiative_id" \
    " LEFT JOIN themes t ON t.tenant_id = v.tenant_id AND t.code = v.theme_code" \
    " LEFT JOIN areas a ON a.tenant_id = v.tenant_id AND a.code = v.area_code "
#define VAC_OPEN \
    " v.tenant_id = ?1 AND v.state = 'open' AND (v.closes_on IS NULL OR v.closes_on >= ?2)" \
    " AND (v.one_off_date IS NULL OR v.one_off_date >= ?2) "
#define VOL_RESP_COLS \
    "r.id, r.vacancy_id, r.user_id, v.title, u.name, u.email, u.phone, r.message, r.state," \
    " (SELECT max(p.id) FROM placements p WHERE p.tenant_id = r.tenant_id AND p.vacancy_id = r.vacancy_id" \
    "  AND p.user_id = r.user_id AND p.ended_at IS NULL), r.created_at, r.updated_at" \
    " FROM vacancy_responses r JOIN vacancies v ON v.id = r.vacancy_id" \
    " JOIN users u ON u.id = r.user_id AND u.tenant_id = r.tenant_id "
#define VOL_PLACEMENT_COLS \
    "p.id, p.vacancy_id, p.user_id, v.title, u.name, p.started_at, p.ended_at, p.ended_by" \
    " FROM placements p JOIN vacancies v ON v.id = p.vacancy_id" \
    " JOIN users u ON u.id = p.user_id AND u.tenant_id = p.tenant_id "
#define VOL_INVITATION_COLS \
    "n.id, n.vacancy_id, n.user_id, v.title, u.name, n.message, n.state, n.created_at" \
    " FROM vacancy_invitations n JOIN vacancies v ON v.id = n.vacancy_id" \
    " JOIN users u ON u.id = n.user_id AND u.tenant_id = n.tenant_id "
#define VOL_PROFILE_COLS \
    "p.user_id, u.name, p.skills, p.themes, p.areas, p.availability, p.preference, p.visible, p.updated_at" \
    " FROM volunteer_profiles p JOIN users u ON u.id = p.user_id AND u.tenant_id = p.tenant_id "

#define VOLUNTEERING_SQLITE_QUERIES \
    [Q_VAC_INSERT] = "INSERT INTO vacancies (tenant_id, organisation_code, initiative_id, title, tasks, offer, skills," \
                     " theme_code, area_code, from_home, one_off_date, hours, hours_per_week, period_start, period_end," \
                     " times, places, suits, contact, state, closes_on, created_by, created_at, updated_at)" \
                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19," \
                     " 'open', ?20, ?21, ?22, ?22) RETURNING id", \
    [Q_VAC_GET] = "SELECT " VAC_COLS VAC_FROM " WHERE v.tenant_id = ?1 AND v.id = ?2", \
    /* ?3 text, ?4 theme, ?5 area (a wijk includes its buurten), ?6 organisation, ?7 kind (1 one-off,
     * 2 recurring), ?8 suits mask, ?9 from home only, ?10 limit */ \
    [Q_VAC_LIST] = "SELECT " VAC_COLS VAC_FROM " WHERE " VAC_OPEN \
                   " AND (?3 = '' OR lower(v.title) LIKE '%' || lower(?3) || '%'" \
                   "      OR lower(v.tasks) LIKE '%' || lower(?3) || '%' OR lower(v.skills) LIKE '%' || lower(?3) || '%'" \
                   "      OR lower(o.name) LIKE '%' || lower(?3) || '%')" \
                   " AND (?4 = '' OR v.theme_code = ?4)" \
                   " AND (?5 = '' OR v.area_code = ?5 OR a.parent_code = ?5)" \
                   " AND (?6 = '' OR v.organisation_code = ?6)" \
                   " AND (?7 = 0 OR (?7 = 1 AND v.one_off_date IS NOT NULL) OR (?7 = 2 AND v.one_off_date IS NULL))" \
                   " AND (?8 = 0 OR (v.suits & ?8) <> 0)" \
                   " AND (?9 = 0 OR v.from_home = 1)" \
                   " ORDER BY v.created_at DESC, v.id DESC LIMIT ?10", \
    [Q_VAC_SET_STATE] = "UPDATE vacancies SET state = ?3, updated_at = ?4 WHERE tenant_id = ?1 AND id = ?2", \
    [Q_VAC_FIND] = "SELECT id FROM vacancies WHERE tenant_id = ?1 AND title = ?2", \
    /* "For you": a bounded set of open vacancies whose time fits hers (?3, a slot mask; times 0 is
     * flexible) and that are in one of her areas (?4, comma-separated, buurten of her wijken included)
     * or from home or have one of her themes (?5); ?7 = 1 drops that second condition (she chose no
     * areas and no themes). The WHERE uses only columns of v, so the joins run for the rows that pass.
     * ?6 limit. */ \
    [Q_VAC_CANDIDATES] = "SELECT v.id, v.title, v.theme_code, t.name_nl, v.area_code, a.name, a.parent_code," \
                         " v.from_home, v.one_off_date, v.times, v.skills, coalesce(o.name, i.title)" VAC_FROM \
                         " WHERE " VAC_OPEN \
                         " AND ((v.times & ?3) <> 0 OR v.times = 0)" \
                         " AND (?7 = 1 OR v.from_home = 1" \
                         "      OR (',' || ?4 || ',') LIKE ('%,' || v.area_code || ',%')" \
                         "      OR (',' || ?5 || ',') LIKE ('%,' || v.theme_code || ',%'))" \
                         " LIMIT ?6", \
    [Q_VOL_PROFILE_GET] = "SELECT " VOL_PROFILE_COLS " WHERE p.tenant_id = ?1 AND p.user_id = ?2", \
    [Q_VOL_PROFILE_UPSERT] = "INSERT INTO volunteer_profiles (tenant_id, user_id, skills, themes, areas, availability," \
                             " preference, visible, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)" \
                             " ON CONFLICT (tenant_id, user_id) DO UPDATE SET skills = excluded.skills," \
                             " themes = excluded.themes, areas = excluded.areas, availability = excluded.availability," \
                             " preference = excluded.preference, visible = excluded.visible," \
                             " updated_at = excluded.updated_at", \
    [Q_VOL_SEARCH] = "SELECT " VOL_PROFILE_COLS " WHERE p.tenant_id = ?1 AND p.visible = 1" \
                     " AND (?2 = '' OR lower(p.skills) LIKE '%' || lower(?2) || '%'" \
                     "      OR lower(u.name) LIKE '%' || lower(?2) || '%' OR p.themes LIKE '%' || lower(?2) || '%')" \
                     " ORDER BY p.updated_at DESC, p.user_id LIMIT 50", \
    [Q_VOL_RESPONSE_INSERT] = "INSERT INTO vacancy_responses (tenant_id, vacancy_id, user_id, message, state, created_at," \
                              " updated_at) VALUES (?1, ?2, ?3, ?4, 'new', ?5, ?5) RETURNING id", \
    [Q_VOL_RESPONSE_GET] = "SELECT " VOL_RESP_COLS " WHERE r.tenant_id = ?1 AND r.id = ?2", \
    [Q_VOL_RESPONSES_OF_VACANCY] = "SELECT " VOL_RESP_COLS " WHERE r.tenant_id = ?1 AND r.vacancy_id = ?2" \
                                   " ORDER BY r.created_at, r.id", \
    [Q_VOL_RESPONSES_OF_USER] = "SELECT " VOL_RESP_COLS " WHERE r.tenant_id = ?1 AND r.user_id = ?2" \
                                " ORDER BY r.created_at DESC, r.id DESC", \
    [Q_VOL_RESPONSE_SET_STATE] = "UPDATE vacancy_responses SET state = ?4, updated_at = ?5" \
                                 " WHERE tenant_id = ?1 AND id = ?2 AND state = ?3", \
    [Q_VOL_RESPONSE_FIND] = "SELECT id FROM vacancy_responses WHERE tenant_id = ?1 AND vacancy_id = ?2 AND user_id = ?3", \
    [Q_VOL_PLACEMENT_INSERT] = "INSERT INTO placements (tenant_id, vacancy_id, user_id, started_at)" \
                               " VALUES (?1, ?2, ?3, ?4) RETURNING id", \
    [Q_VOL_PLACEMENT_GET] = "SELECT " VOL_PLACEMENT_COLS " WHERE p.tenant_id = ?1 AND p.id = ?2", \
    [Q_VOL_PLACEMENTS_OF_VACANCY] = "SELECT " VOL_PLACEMENT_COLS " WHERE p.tenant_id = ?1 AND p.vacancy_id = ?2" \
                                    " ORDER BY p.started_at DESC, p.id DESC", \
    [Q_VOL_PLACEMENT_END] = "UPDATE placements SET ended_at = ?3, ended_by = ?4" \
                            " WHERE tenant_id = ?1 AND id = ?2 AND ended_at IS NULL", \
    [Q_VOL_INVITATION_INSERT] = "INSERT INTO vacancy_invitations (tenant_id, vacancy_id, user_id, invited_by, message," \
                                " state, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 'invited', ?6, ?6) RETURNING id", \
    [Q_VOL_INVITATION_GET] = "SELECT " VOL_INVITATION_COLS " WHERE n.tenant_id = ?1 AND n.id = ?2", \
    [Q_VOL_INVITATIONS_OF_USER] = "SELECT " VOL_INVITATION_COLS " WHERE n.tenant_id = ?1 AND n.user_id = ?2" \
                                  " ORDER BY n.created_at DESC, n.id DESC", \
    [Q_VOL_INVITATIONS_OF_VACANCY] = "SELECT " VOL_INVITATION_COLS " WHERE n.tenant_id = ?1 AND n.vacancy_id = ?2" \
                                     " ORDER BY n.created_at, n.id", \
    [Q_VOL_INVITATION_SET_STATE] = "UPDATE vacancy_invitations SET state = ?4, updated_at = ?5" \
                                   " WHERE tenant_id = ?1 AND id = ?2 AND state = ?3", \
    /* Visible profiles that may fit a vacancy: time fits (?2 its times; 0 flexible) and she chose its
     * area (?3) or its wijk (?4) or its theme (?5), or it is from home (?6 = 1). '' is "none". ?7 limit. */ \
    [Q_VOL_FITTING] = "SELECT " VOL_PROFILE_COLS " WHERE p.tenant_id = ?1 AND p.visible = 1" \
                      " AND (?2 = 0 OR (p.availability & ?2) <> 0)" \
                      " AND (?6 = 1 OR (?3 <> '' AND (',' || p.areas || ',') LIKE ('%,' || ?3 || ',%'))" \
                      "      OR (?4 <> '' AND (',' || p.areas || ',') LIKE ('%,' || ?4 || ',%'))" \
                      "      OR (?5 <> '' AND (',' || p.themes || ',') LIKE ('%,' || ?5 || ',%')))" \
                      " LIMIT ?7", \
    [Q_VOL_INVITATION_FIND] = "SELECT id FROM vacancy_invitations WHERE tenant_id = ?1 AND vacancy_id = ?2 AND user_id = ?3",

#endif
