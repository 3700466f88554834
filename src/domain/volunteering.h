/* Volunteering (issue 6, capability 5; the Vrijwilligerspunt of seed 003).
 * An organisation or an initiative posts a vacancy; a resident offers
 * herself with a profile; she responds to a vacancy with a message; the
 * organisation accepts or declines, and an accepted response becomes a
 * placement that either side can end.
 *
 *   vacancy:   open → filled (accepted placements = places) → open again
 *              when a placement ends; open or filled → closed (by hand).
 *              An open vacancy whose closes_on has passed is not shown
 *              in lists and takes no responses.
 *   response:  new → accepted (a placement) | declined; new → withdrawn.
 *
 * Who may do what:
 *   - everyone reads open vacancies;
 *   - a member of the organisation, the initiator of the initiative, or an
 *     admin or coordinator posts and manages a vacancy (sees responses,
 *     accepts, declines, ends placements, closes);
 *   - a logged-in resident keeps her own profile, responds, withdraws and
 *     ends her own placement;
 *   - members of an organisation (and staff) search visible profiles.
 *
 * Privacy: a volunteer's e-mail address and phone number reach an
 * organisation only through a response of hers (VolResponse); a hidden
 * profile never appears in a search, and a search result carries no
 * contact details at all. */
#ifndef WIJZER_VOLUNTEERING_H
#define WIJZER_VOLUNTEERING_H

#include "domain/context.h"
#include "domain/status.h"

enum {
    VOL_TITLE_MAX = 120,
    VOL_TEXT_MAX = 4000,
    VOL_MESSAGE_MAX = 2000,
    VOL_PLACES_MAX = 500,
    VOL_HOURS_MAX = 24,
    VOL_HOURS_WEEK_MAX = 60,
    VOL_LIST_MAX = 50,
    VOL_DAYS = 7,
    VOL_PARTS = 3,
    VOL_AVAIL_ALL = (1 << 21) - 1,
    VOL_SUITS_COUNT = 5,
    VOL_SUITS_ALL = (1 << 5) - 1,
};

typedef enum VacancyState { VAC_OPEN, VAC_FILLED, VAC_CLOSED, VAC_STATE_COUNT_ } VacancyState;
typedef enum ResponseState { RESP_NEW, RESP_ACCEPTED, RESP_DECLINED, RESP_WITHDRAWN, RESP_STATE_COUNT_ } ResponseState;

/* One-off or recurring preference of a volunteer. */
typedef enum VolPreference { VOL_PREF_ANY, VOL_PREF_ONE_OFF, VOL_PREF_RECURRING } VolPreference;

typedef struct Vacancy {
    int64_t id;
    const char *organisation, *organisation_name; /* NULL when an initiative's */
    int64_t initiative_id;                        /* 0 when an organisation's */
    const char *initiative_title;
    const char *title, *tasks, *offer, *skills;
    const char *theme, *theme_name;               /* NULL: none */
    const char *area, *area_name;                 /* NULL: none (from home only) */
    int from_home;
    const char *date;                             /* one-off: 2026-12-12; NULL when recurring */
    int hours;                                    /* one-off: hours on that day */
    int hours_per_week;                           /* recurring */
    const char *period_start, *period_end;        /* recurring; NULL: open-ended */
    int times;                                    /* day × part mask; 0: flexible */
    int places, suits;
    const char *contact;
    VacancyState state;
    const char *closes_on;                        /* NULL: no closing date */
    int64_t accepted;                             /* active placements */
    int64_t created_by, created_at, updated_at;
} Vacancy;

/* What a member types; texts are trimmed and checked by the domain. */
typedef struct VacancyInput {
    const char *organisation;  /* or */
    int64_t initiative_id;
    const char *title, *tasks, *offer, *skills, *theme, *area;
    int from_home;
    const char *date;          /* one-off, or */
    int hours;
    int hours_per_week;        /* recurring */
    const char *period_start, *period_end;
    int times, places, suits;
    const char *contact, *closes_on;
} VacancyInput;

typedef enum VacancyKind { VAC_KIND_ANY, VAC_KIND_ONE_OFF, VAC_KIND_RECURRING } VacancyKind;

typedef struct VacancyFilter {
    const char *q, *theme, *area, *organisation; /* NULL or "": no filter */
    VacancyKind kind;
    int suits;                                   /* mask: any of these; 0 no filter */
    int from_home;                               /* 1: only from home */
    int limit;                                   /* 0: VOL_LIST_MAX */
} VacancyFilter;

typedef struct VolunteerProfile {
    int64_t user_id;
    const char *name;
    const char *skills;
    const char **themes, **areas;  /* codes */
    size_t n_themes, n_areas;
    int availability;              /* day × part mask */
    VolPreference preference;
    int visible;
    int exists;                    /* 0: not saved yet (defaults) */
    int64_t updated_at;
} VolunteerProfile;

typedef struct VolunteerInput {
    const char *skills;
    const char **themes, **areas;
    size_t n_themes, n_areas;
    int availability;
    VolPreference preference;
    int visible;
} VolunteerInput;

/* A response as the organisation sees it: the volunteer's contact details
 * are here because she responded. */
typedef struct VolResponse {
    int64_t id, vacancy_id, user_id;
    const char *vacancy_title;
    const char *name, *email, *phone;
    const char *message;
    ResponseState state;
    int64_t placement_id;          /* 0: none or ended */
    int64_t created_at, updated_at;
} VolResponse;

/* An organisation invites a volunteer with a visible profile. What the
 * organisation sees: her name, never her contact details; those follow
 * when she accepts (which makes a response). */
typedef enum InvitationState { INV_INVITED, INV_ACCEPTED, INV_DECLINED, INV_STATE_COUNT_ } InvitationState;

typedef struct Invitation {
    int64_t id, vacancy_id, user_id;
    const char *vacancy_title, *name, *message;
    InvitationState state;
    int64_t created_at;
} Invitation;

typedef struct Placement {
    int64_t id, vacancy_id, user_id;
    const char *vacancy_title, *name;
    int64_t started_at, ended_at;  /* ended_at 0: still running */
    int64_t ended_by;
} Placement;

/* ---- Rules (pure; tests/unit/test_volunteering.c) ---------------------- */

const char *vacancy_state_code(VacancyState s);     /* open, filled, closed */
const char *vacancy_state_label(VacancyState s);    /* Open, Vol, Gesloten */
int vacancy_state_parse(const char *code);
const char *response_state_code(ResponseState s);   /* new, accepted, declined, withdrawn */
const char *response_state_label(ResponseState s);
int response_state_parse(const char *code);
const char *vol_preference_code(VolPreference p);   /* any, one_off, recurring */
int vol_preference_parse(const char *code);         /* -1 when unknown */

/* Bit of a day (0 = Monday) and part (0 morning, 1 afternoon, 2 evening). */
int vol_bit(int day, int part);
const char *vol_day_name(int day);                  /* maandag */
const char *vol_part_name(int part);                /* ochtend */
/* "dinsdagmiddag" for the bit, "" when out of range. */
const char *vol_slot_name(int bit);
/* The slots both masks share; a vacancy without times (0) fits every
 * availability, and a volunteer without availability fits nothing. */
int vol_overlap(int availability, int vacancy_times);
/* "youth", "older", "learning_dutch", "newcomers", "labour_distance". */
const char *vol_suits_code(int index);
const char *vol_suits_label(int index);             /* "jongeren" */
int vol_suits_parse(const char *code);              /* the bit, 0 when unknown */

/* ---- Vacancies ---------------------------------------------------------- */

/* Field errors: organisation, initiative_id, title, tasks, offer, skills,
 * theme, area, date, hours, hours_per_week, period_start, period_end,
 * places, suits, contact, closes_on. ERR_FORBIDDEN when the user is not a
 * member of the organisation nor the initiator. */
Status vacancy_create(Ctx *c, const VacancyInput *in, FieldErrors *e, int64_t *id_out);
/* Not found when closed and the user may not manage it. */
Status vacancy_get(Ctx *c, int64_t id, Vacancy *out);
/* Open vacancies whose closing date has not passed, newest first. */
Status vacancy_list(Ctx *c, const VacancyFilter *f, Vacancy **out, size_t *n);
int vacancy_may_manage(Ctx *c, const Vacancy *v);
/* The manager closes (open 0) or reopens it. */
Status vacancy_set_open(Ctx *c, int64_t id, int open);
/* Is it open for responses today? */
int vacancy_takes_responses(const Ctx *c, const Vacancy *v);

/* ---- Profiles ----------------------------------------------------------- */

/* The user's own profile; defaults (exists 0) when she has none. */
Status volunteer_profile_get(Ctx *c, VolunteerProfile *out);
/* Field errors: skills, themes, areas, availability, preference. */
Status volunteer_profile_save(Ctx *c, const VolunteerInput *in, FieldErrors *e);
/* Members of an organisation and staff: visible profiles only, matching q
 * on skills and name. No contact details. */
Status volunteer_search(Ctx *c, const char *q, VolunteerProfile **out, size_t *n);
int volunteer_may_search(Ctx *c);

/* ---- Responses and placements ------------------------------------------ */

/* ERR_CONFLICT when the vacancy takes no responses or she already
 * responded. Field errors: message. */
Status vacancy_respond(Ctx *c, int64_t vacancy, const char *message, FieldErrors *e, int64_t *id_out);
/* The manager's view, with contact details. */
Status vacancy_responses(Ctx *c, int64_t vacancy, VolResponse **out, size_t *n);
/* The user's own responses (no contact details needed). */
Status volunteer_my_responses(Ctx *c, VolResponse **out, size_t *n);
/* The manager accepts (a placement; the vacancy becomes filled when all
 * places are taken) or declines a new response. ERR_CONFLICT when it is
 * not new or the vacancy is full. */
Status response_decide(Ctx *c, int64_t response, int accept);
/* The volunteer withdraws her new response. */
Status response_withdraw(Ctx *c, int64_t response);
Status vacancy_placements(Ctx *c, int64_t vacancy, Placement **out, size_t *n);
/* The volunteer or the manager ends a running placement; a filled vacancy
 * opens again. */
Status placement_end(Ctx *c, int64_t placement);

/* ---- Invitations ---------------------------------------------------------- */

const char *invitation_state_code(InvitationState s); /* invited, accepted, declined */
const char *invitation_state_label(InvitationState s);
int invitation_state_parse(const char *code);
/* The manager invites a volunteer whose profile is visible (field error
 * volunteer_id otherwise, the same for a hidden profile as for none).
 * ERR_CONFLICT when she was invited already, has responded, or the
 * vacancy takes no responses. Field errors: volunteer_id, message. */
Status vacancy_invite(Ctx *c, int64_t vacancy, int64_t volunteer, const char *message, FieldErrors *e,
                      int64_t *id_out);
/* The invited volunteer accepts (a response in state new, so that the
 * organisation gets her contact details; *response_out) or declines.
 * ERR_NOT_FOUND for another's invitation; ERR_CONFLICT when answered or
 * the vacancy takes no responses any more. */
Status invitation_answer(Ctx *c, int64_t invitation, int accept, int64_t *response_out);
Status volunteer_my_invitations(Ctx *c, Invitation **out, size_t *n);
/* The manager's view. */
Status vacancy_invitations(Ctx *c, int64_t vacancy, Invitation **out, size_t *n);

/* ---- Demo (volunteering_demo.c) ---------------------------------------- */

/* A few vacancies (one a one-day task) and one volunteer profile; loading
 * twice changes nothing. */
Status volunteering_demo_load(Ctx *c, const char **err);

#endif
