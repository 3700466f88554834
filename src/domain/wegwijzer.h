/* The Wegwijzer, "Waar kunt u waarvoor terecht?" (issue 5, capability 3):
 * from three answers — what kind of help (a help-request kind), about
 * what (a theme), where (a wijk or buurt), each optional — to the funds,
 * organisations, places (wijkcentra) and officials that fit, best first,
 * each with the reasons why ("helpt met vrijwilligers", "thema groen",
 * "werkt in Voorburg-West", "werkt in heel de gemeente", "wijkcentrum in
 * uw wijk") and how to reach them. Officials come with their public
 * profile only, never an e-mail address or phone number.
 *
 * How it ranks (points add up; reasons in the same order):
 *   organisation: offers the kind of help 50, has the theme 30, works in
 *                 the wijk (or a buurt of it) 20, works in the whole
 *                 municipality 5. It is a candidate when it offers the
 *                 help, has the theme or works in that wijk specifically;
 *                 one that works only in other wijken never shows when a
 *                 wijk is given.
 *   official:     knows the theme 30, covers the wijk 20 (the whole
 *                 municipality 5), her expertise names the kind of help
 *                 15; same candidate rule as organisations.
 *   place:        in the wijk 40, in the same town 10, has rooms when the
 *                 need is space 30; a candidate when in the wijk or when
 *                 the need is space.
 *   fund:         gives money 50 (need geld, or no need given 20); for the
 *                 whole municipality 5.
 * Ties go by name. At most WW_MAX_* of each. Everyone may use it. */
#ifndef WIJZER_WEGWIJZER_H
#define WIJZER_WEGWIJZER_H

#include "domain/context.h"
#include "domain/directory.h"
#include "domain/funds.h"
#include "domain/status.h"

enum {
    WW_REASONS_MAX = 4,
    WW_MAX_ORGANISATIONS = 10,
    WW_MAX_PLACES = 5,
    WW_MAX_OFFICIALS = 5,
    WW_MAX_FUNDS = 5,
};

/* Codes; NULL or "" for "maakt niet uit". area: a wijk or a buurt. */
typedef struct WegwijzerQuery {
    const char *need, *theme, *area;
} WegwijzerQuery;

typedef struct WegwijzerWhy {
    int score;
    const char *reasons[WW_REASONS_MAX];
    size_t n_reasons;
} WegwijzerWhy;

/* Organisation: code, name, kind, description, offer, contact, website
 * are filled; its lists are not. */
typedef struct WwOrganisation {
    Organisation org;
    WegwijzerWhy why;
} WwOrganisation;

typedef struct WwPlace {
    Place place;
    WegwijzerWhy why;
} WwPlace;

/* Official: id, name, expertise, themes and areas (public profile). */
typedef struct WwOfficial {
    Official official;
    WegwijzerWhy why;
} WwOfficial;

typedef struct WwFund {
    Fund fund;
    WegwijzerWhy why;
} WwFund;

typedef struct WegwijzerResult {
    /* The answers as names, for the page ("Mensen en tijd"); NULL when
     * not given. */
    const char *need_name, *theme_name, *area_name;
    int asked;            /* at least one question answered */
    WwFund *funds;
    size_t n_funds;
    WwOrganisation *organisations;
    size_t n_organisations;
    WwPlace *places;
    size_t n_places;
    WwOfficial *officials;
    size_t n_officials;
} WegwijzerResult;

/* ERR_INVALID with e->field "need", "theme" or "area" (plain Dutch) for
 * an unknown code; nothing is looked up then. */
Status wegwijzer_find(Ctx *c, const WegwijzerQuery *q, WegwijzerResult *out, FieldErrors *e);

/* The reason an organisation gives for a kind of help ("helpt met
 * vrijwilligers", "heeft ruimte"); name is the kind's name. */
const char *wegwijzer_need_phrase(Arena *a, const char *need, const char *name);

#endif
