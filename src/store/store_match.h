/* Typed access for the matching engine (domain/match.h) on top of db.h,
 * and the words of a text as the search index sees them. Knows no rules:
 * the domain picks, weighs and explains. Returns DB_OK, DB_DONE (not
 * found) or an error. */
#ifndef WIJZER_STORE_MATCH_H
#define WIJZER_STORE_MATCH_H

#include "domain/model.h"
#include "lib/arena.h"
#include "store/db.h"

/* ---- Words ------------------------------------------------------------ */

/* One Snowball stemmer (not thread-safe: one per call of the engine). */
typedef struct FtsDutch MatchStemmer;
MatchStemmer *store_match_stemmer_new(void); /* NULL when libstemmer has no Dutch */
void store_match_stemmer_free(MatchStemmer *s);

/* A word of a text: its stem as the index holds it, how it was written
 * (lower case, the first time it appeared) and a weight the caller gives. */
typedef struct MatchWord {
    const char *stem, *word;
    int weight;
} MatchWord;

typedef struct MatchWords {
    MatchWord *v;
    size_t n, cap;
} MatchWords;

/* Adds the words of text[0..len) (len -1: up to NUL) that are not in w
 * yet: folded and stemmed as the full-text index does, without Dutch
 * stop words, words of fewer than three letters and numbers. At most max
 * words in all. */
void store_match_words(MatchStemmer *s, Arena *a, const char *text, int len, int weight, size_t max,
                       MatchWords *w);
/* The index of the word with this stem in w, or -1. */
int store_match_word_find(const MatchWords *w, const char *stem);

/* ---- Initiatives ------------------------------------------------------ */

/* The newest `limit` initiatives whose text holds `word` (any tenant:
 * candidates only, see sql_match.h), newest first. */
int store_match_term_hits(Db *db, Arena *a, int64_t tenant, const char *word, int limit, int64_t **ids,
                          size_t *n);
/* In how many initiatives the word (with its stem) occurs, at most cap
 * (cap: "cap or more"); 0 for a stop word. Counting a common word walks its whole list in the index (a
 * millisecond at 100,000 initiatives), and these numbers barely move, so
 * they are kept in a small process-wide cache until the number of
 * initiatives (total) changes; an edited text may leave a count a little
 * off until then, which only nudges a weight. */
int store_match_term_docs(Db *db, Arena *a, int64_t tenant, const MatchWord *w, int64_t total, int64_t cap,
                          int64_t *n);
int store_match_total(Db *db, int64_t tenant, int64_t *n);

typedef struct MatchCandidate {
    int64_t id;
    const char *title, *area_code;
    ProcState state;
    const char **themes; /* codes */
    size_t n_themes;
} MatchCandidate;
/* DB_DONE when there is no such initiative in the tenant. */
int store_match_candidate(Db *db, Arena *a, int64_t tenant, int64_t id, MatchCandidate *out);

/* ---- Organisations ---------------------------------------------------- */

typedef struct MatchOrgRow {
    const char *code;
    int where; /* 2: works in the area or its wijk, 1: the whole municipality, 0: elsewhere */
} MatchOrgRow;
int store_match_orgs_by_kind(Db *db, Arena *a, int64_t tenant, const char *kind, const char *area,
                             const char *wijk, MatchOrgRow **out, size_t *n);
int store_match_orgs_by_theme(Db *db, Arena *a, int64_t tenant, const char *theme, const char ***codes, size_t *n);
/* The ids of officials who work in the area or wijk or know one of the
 * initiative's themes. */
int store_match_officials(Db *db, Arena *a, int64_t tenant, int64_t initiative, const char *area, const char *wijk,
                          int64_t **ids, size_t *n);
int store_match_org_name(Db *db, Arena *a, int64_t tenant, const char *code, const char **name, const char **kind);

/* ---- Exclusions, funds, contact --------------------------------------- */

/* What the initiative is connected to or had dismissed: code is the kind
 * ("goal", "organisation", "initiative", "official", "fund"), name the
 * target. */
int store_match_excluded(Db *db, Arena *a, int64_t tenant, int64_t initiative, CodeName **out, size_t *n);
/* The codes of the funds the initiative has a running or finished
 * application at (withdrawn ones not). */
int store_match_funds_applied(Db *db, Arena *a, int64_t tenant, int64_t initiative, const char ***out, size_t *n);
/* DB_DONE when there is no such initiative. */
int store_initiative_set_contact(Db *db, int64_t tenant, int64_t id, int64_t contact, int64_t now);

#endif
