/* "For you" (issue 6, capability 5): open vacancies ranked for one
 * volunteer, each with its reasons in plain Dutch ("past bij uw tijd:
 * dinsdagmiddag", "in uw wijk", "thema Groen", "vaardigheid: koken",
 * "eenmalig"). The store hands a bounded set of candidates (open vacancies
 * that share a time slot, an area or a theme with her, newest first,
 * VOL_MATCH_CANDIDATES at most); the scoring is plain C and pure, so a
 * profile is ranked against thousands of vacancies in a few milliseconds.
 * Separate from domain/match.c (initiatives ↔ organisations). */
#ifndef WIJZER_VOLUNTEER_MATCH_H
#define WIJZER_VOLUNTEER_MATCH_H

#include "domain/volunteering.h"

enum {
    VOL_MATCH_CANDIDATES = 3000,
    VOL_MATCH_MAX = 20,
    VOL_REASONS_MAX = 6,
};

/* The few columns the ranking needs. */
typedef struct VolCandidate {
    int64_t id;
    const char *title, *owner_name;
    const char *theme, *theme_name;             /* NULL: none */
    const char *area, *area_name, *area_parent; /* NULL: none */
    int from_home;
    const char *date;                           /* NULL: recurring */
    int times;
    const char *skills;
} VolCandidate;

typedef struct VolMatch {
    VolCandidate v;
    int score;
    const char *reasons[VOL_REASONS_MAX];
    size_t n_reasons;
} VolMatch;

/* Scores one vacancy for the profile and fills the reasons (allocated in
 * a). Pure. A score of 0 or less means "not for her". */
int vol_match_score(Arena *a, const VolunteerProfile *p, const VolCandidate *v, VolMatch *out);
/* Sorts best first (score, then newest). */
void vol_match_sort(VolMatch *m, size_t n);
/* A visible volunteer who fits a vacancy, as its manager sees her: name,
 * skills and availability, never contact details; reasons phrased for the
 * organisation ("heeft tijd op zaterdagochtend", "helpt in deze wijk",
 * "kan: koken"). */
typedef struct VolFit {
    VolunteerProfile p;
    int score;
    const char *reasons[VOL_REASONS_MAX];
    size_t n_reasons;
} VolFit;

/* The best VOL_MATCH_MAX visible volunteers for a vacancy (its manager
 * only) who have not responded to it; the same scoring as "for you", from
 * the other side. */
Status vacancy_fitting_volunteers(Ctx *c, int64_t vacancy, VolFit **out, size_t *n);

/* The best VOL_MATCH_MAX open vacancies for the logged-in user's profile;
 * none when she has no profile. */
Status volunteer_matches(Ctx *c, VolMatch **out, size_t *n);

#endif
