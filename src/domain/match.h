/* The matching engine, the bridge-builder (issue 5, capability 4): for
 * one initiative it ranks
 *   - similar initiatives: shared words of title, summary and description
 *     (stemmed as the search index does: "moestuinen" is "moestuin"),
 *     shared themes, and the same or a neighbouring wijk;
 *   - organisations that could help with its open help requests: they
 *     give that kind of help, share its themes, work in its wijk or in
 *     the whole municipality;
 *   - the municipal goals it contributes to: shared themes and words of
 *     the goal's title;
 *   - the official to contact: works in its wijk, knows its themes,
 *     expertise that uses its words;
 *   - the funds it may apply to: budget left this year, an open request
 *     for money that fits the fund's maximum.
 * Each suggestion has a score from 0 to 100 and its reasons in plain
 * Dutch ("zelfde wijk", "thema groen en natuur", "woorden: moestuin,
 * buurt"). What the initiative is already connected to, its contact
 * person, funds it applied to and whatever staff dismissed never come
 * back. Only initiatives of the same municipality are suggested (all of
 * them are public; stopped ones are left out: they can no longer work
 * together), never the initiative itself.
 *
 * Areas: an initiative's area is a wijk or a buurt; a buurt belongs to a
 * wijk. "zelfde buurt": the same buurt; "zelfde wijk": the same wijk or a
 * buurt of it (a buurt counts as its wijk); "wijk in de buurt": another
 * wijk in the same town (kern: Leidschendam, Voorburg, Stompwijk), as the
 * kernen are where people meet and travel to each other.
 *
 * Speed (bench/match.sh): the text part never scans all initiatives. Of
 * the initiative's own words (title and summary first, MATCH_LOOKUP at
 * most) it asks the index in how many initiatives each occurs (cached,
 * store_match.h; counting stops at MATCH_COMMON: such a word is left
 * out), keeps the MATCH_TERMS rarest (idf; a title word counts double), fetches the newest MATCH_HITS initiatives holding each, adds
 * the weights up per candidate and looks closely at the best
 * MATCH_CANDIDATES only. Organisations come from the help-kind and theme
 * indexes, officials from the wijk and theme indexes (an official who
 * shares neither is not suggested), goals and funds are few.
 *
 * Who sees suggestions: staff (official, coordinator, admin) and the
 * initiator. Who confirms or dismisses them: staff only. */
#ifndef WIJZER_MATCH_H
#define WIJZER_MATCH_H

#include "domain/context.h"
#include "domain/status.h"

enum {
    MATCH_PER_KIND = 5,     /* suggestions of one kind at most */
    MATCH_LOOKUP = 16,      /* words whose rarity is asked */
    MATCH_TERMS = 8,        /* the rarest of those, looked up in the index */
    MATCH_HITS = 1500,      /* initiatives per word at most (the newest) */
    MATCH_COMMON = 3000,    /* a word in this many initiatives or more is too common to look up */
    MATCH_CANDIDATES = 30,  /* best text matches looked at closely */
    MATCH_REASONS_MAX = 6,
};

typedef enum SuggestionKind {
    SUG_INITIATIVE,
    SUG_ORGANISATION,
    SUG_GOAL,
    SUG_OFFICIAL,
    SUG_FUND,
    SUG_KIND_COUNT_
} SuggestionKind;

/* "initiative", "organisation", "goal", "official", "fund" (the API's
 * and suggestion_dismissals' kinds); the JSON keys are their plurals. */
const char *suggestion_kind_code(SuggestionKind k);
const char *suggestion_kind_plural(SuggestionKind k);
int suggestion_kind_parse(const char *s, SuggestionKind *out);

typedef struct Suggestion {
    SuggestionKind kind;
    int64_t id;               /* initiative or official; 0 for the others */
    const char *target;       /* id as text, or the code */
    const char *name;         /* title or name */
    const char *detail;       /* a short line under the name (wijk, kind, expertise); may be NULL */
    int score;                /* 0..100 */
    const char *reasons[MATCH_REASONS_MAX];
    size_t n_reasons;
} Suggestion;

typedef struct Suggestions {
    Suggestion items[SUG_KIND_COUNT_][MATCH_PER_KIND];
    size_t n[SUG_KIND_COUNT_];
} Suggestions;

/* May the acting person see the initiative's suggestions? Staff and the
 * initiator. May she confirm or dismiss them? Staff. */
int match_may_see(const Ctx *c, const Initiative *in);
int match_may_act(const Ctx *c);

/* The ranked suggestions for an initiative (ERR_UNAUTHORIZED,
 * ERR_FORBIDDEN per match_may_see; ERR_NOT_FOUND). */
Status match_suggestions(Ctx *c, int64_t initiative, Suggestions *out);
/* The same for an initiative already read (no permission check: the
 * caller did it; the benchmark and the command line use it). */
Status match_rank(Ctx *c, const Initiative *in, Suggestions *out);

/* Staff turn a suggestion into a link: a goal, organisation or
 * initiative becomes a connection (connection_add); an official becomes
 * the contact person (initiative_set_contact). A fund cannot be
 * confirmed (apply for it instead). Errors in e: "kind", "target". */
Status match_confirm(Ctx *c, int64_t initiative, const char *kind, const char *target, FieldErrors *e);
/* Staff: the suggestion stays away from now on (suggestion_dismiss). */
Status match_dismiss(Ctx *c, int64_t initiative, const char *kind, const char *target, FieldErrors *e);

#endif
