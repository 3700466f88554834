/* Typed access to volunteering (issue 6) on top of db.h: vacancies,
 * volunteer profiles, responses and placements. Knows no rules
 * (domain/volunteering.c has them). Every function takes the tenant and
 * every query filters on it. Returns DB_OK, DB_DONE (not found) or an
 * error. `today` is an ISO date (2026-11-20). */
#ifndef WIJZER_STORE_VOLUNTEERING_H
#define WIJZER_STORE_VOLUNTEERING_H

#include "domain/volunteer_match.h"
#include "domain/volunteering.h"
#include "lib/arena.h"
#include "store/db.h"

int store_vac_insert(Db *db, int64_t tenant, const VacancyInput *in, int64_t user, int64_t now, int64_t *id);
int store_vac_get(Db *db, Arena *a, int64_t tenant, int64_t id, Vacancy *out);
int store_vac_list(Db *db, Arena *a, int64_t tenant, const char *today, const VacancyFilter *f, Vacancy **out,
                   size_t *n);
int store_vac_set_state(Db *db, int64_t tenant, int64_t id, VacancyState s, int64_t now);
int store_vac_find(Db *db, int64_t tenant, const char *title, int64_t *id);
/* areas (with the buurten of her wijken) and themes comma-separated codes; any_place: neither is
 * required. */
int store_vac_candidates(Db *db, Arena *a, int64_t tenant, const char *today, int availability, const char *areas,
                         const char *themes, int any_place, int limit, VolCandidate **out, size_t *n);

int store_vol_profile_get(Db *db, Arena *a, int64_t tenant, int64_t user, VolunteerProfile *out);
int store_vol_profile_save(Db *db, int64_t tenant, int64_t user, const VolunteerInput *in, int64_t now);
int store_vol_search(Db *db, Arena *a, int64_t tenant, const char *q, VolunteerProfile **out, size_t *n);
/* Visible profiles that may fit: see Q_VOL_FITTING. NULL codes for none. */
int store_vol_fitting(Db *db, Arena *a, int64_t tenant, int times, const char *area, const char *wijk,
                      const char *theme, int from_home, int limit, VolunteerProfile **out, size_t *n);

int store_vol_response_insert(Db *db, int64_t tenant, int64_t vacancy, int64_t user, const char *message,
                              int64_t now, int64_t *id);
int store_vol_response_get(Db *db, Arena *a, int64_t tenant, int64_t id, VolResponse *out);
int store_vol_response_find(Db *db, int64_t tenant, int64_t vacancy, int64_t user, int64_t *id);
int store_vol_responses_of_vacancy(Db *db, Arena *a, int64_t tenant, int64_t vacancy, VolResponse **out,
                                   size_t *n);
int store_vol_responses_of_user(Db *db, Arena *a, int64_t tenant, int64_t user, VolResponse **out, size_t *n);
/* DB_DONE when it was no longer in state `from`. */
int store_vol_response_set_state(Db *db, int64_t tenant, int64_t id, ResponseState from, ResponseState to,
                                 int64_t now);

int store_vol_placement_insert(Db *db, int64_t tenant, int64_t vacancy, int64_t user, int64_t now, int64_t *id);
int store_vol_placement_get(Db *db, Arena *a, int64_t tenant, int64_t id, Placement *out);
int store_vol_placements_of_vacancy(Db *db, Arena *a, int64_t tenant, int64_t vacancy, Placement **out, size_t *n);
/* DB_DONE when it had already ended. */
int store_vol_placement_end(Db *db, int64_t tenant, int64_t id, int64_t user, int64_t now);

int store_vol_invitation_insert(Db *db, int64_t tenant, int64_t vacancy, int64_t user, int64_t by,
                                const char *message, int64_t now, int64_t *id);
int store_vol_invitation_get(Db *db, Arena *a, int64_t tenant, int64_t id, Invitation *out);
int store_vol_invitation_find(Db *db, int64_t tenant, int64_t vacancy, int64_t user, int64_t *id);
int store_vol_invitations_of_user(Db *db, Arena *a, int64_t tenant, int64_t user, Invitation **out, size_t *n);
int store_vol_invitations_of_vacancy(Db *db, Arena *a, int64_t tenant, int64_t vacancy, Invitation **out,
                                     size_t *n);
/* DB_DONE when it was no longer in state `from`. */
int store_vol_invitation_set_state(Db *db, int64_t tenant, int64_t id, InvitationState from, InvitationState to,
                                   int64_t now);

#endif
