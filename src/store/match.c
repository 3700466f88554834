/* The matching engine's statements and words (store_match.h). */
#include <pthread.h>
#include <string.h>

#include "domain/process.h"
#include "store/fts_dutch.h"
#include "store/store.h"
#include "store/store_match.h"

/* ---- Words ------------------------------------------------------------ */

MatchStemmer *store_match_stemmer_new(void)
{
    return fts_dutch_new();
}

void store_match_stemmer_free(MatchStemmer *s)
{
    fts_dutch_free(s);
}

/* Snowball's Dutch stop words, as the search leaves them out (sqlite.c),
 * and a few more that say nothing about what an initiative is about. */
static int is_stop_word(const char *w, size_t n)
{
    static const char *const stop[] = {
        "aan", "al", "alles", "als", "altijd", "andere", "ben", "bij", "daar", "dan", "dat", "de", "der", "deze",
        "die", "dit", "doch", "doen", "door", "dus", "een", "eens", "en", "er", "ge", "geen", "geweest", "haar",
        "had", "heb", "hebben", "heeft", "hem", "het", "hier", "hij", "hoe", "hun", "iemand", "iets", "ik", "in",
        "is", "ja", "je", "kan", "kon", "kunnen", "maar", "me", "meer", "men", "met", "mij", "mijn", "moet", "na",
        "naar", "niet", "niets", "nog", "nu", "of", "om", "omdat", "onder", "ons", "ook", "op", "over", "reeds",
        "te", "tegen", "toch", "toen", "tot", "u", "uit", "uw", "van", "veel", "voor", "want", "waren", "was",
        "wat", "werd", "wezen", "wie", "wil", "worden", "wordt", "zal", "ze", "zelf", "zich", "zij", "zijn", "zo",
        "zonder", "zou",
        /* not Snowball's */
        "we", "wij", "onze", "willen", "elke", "elk", "waar", "wel", "even", "heel", "hele", "graag", "gaan",
        "gaat", "komen", "komt", "kunt", "zodat", "weer", "alle", "iedereen", "elkaar", "samen", "paar", "keer",
        "mee", "vaak", "zelfs", "daarom", "werken", "werkt", "werkte", "maken", "maakt", "nieuw", "nieuwe", "goed",
        "goede",
    };
    char low[12];
    if (n >= sizeof low)
        return 0;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] - 'A' + 'a' : w[i]);
    low[n] = 0;
    for (size_t i = 0; i < sizeof stop / sizeof *stop; i++)
        if (strcmp(low, stop[i]) == 0)
            return 1;
    return 0;
}

int store_match_word_find(const MatchWords *w, const char *stem)
{
    for (size_t i = 0; i < w->n; i++)
        if (strcmp(w->v[i].stem, stem) == 0)
            return (int)i;
    return -1;
}

typedef struct WordsCtx {
    Arena *a;
    const char *text;
    int weight;
    size_t max;
    MatchWords *w;
} WordsCtx;

static int on_token(void *p, int flags, const char *token, int ntoken, int start, int end)
{
    (void)flags;
    WordsCtx *x = p;
    const char *word = x->text + start;
    size_t len = (size_t)(end - start);
    if (x->w->n >= x->max)
        return SQLITE_DONE; /* enough: stop the tokenizer */
    if (ntoken < 3 || is_stop_word(word, len))
        return SQLITE_OK;
    int digits = 1;
    for (int i = 0; i < ntoken && digits; i++)
        digits = token[i] >= '0' && token[i] <= '9';
    if (digits)
        return SQLITE_OK;
    char *stem = arena_strndup(x->a, token, (size_t)ntoken);
    if (store_match_word_find(x->w, stem) >= 0)
        return SQLITE_OK;
    char *low = arena_strndup(x->a, word, len);
    for (char *c = low; *c; c++)
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c - 'A' + 'a');
    if (x->w->n == x->w->cap)
        x->w->v = arena_grow(x->a, x->w->v, &x->w->cap, sizeof *x->w->v);
    x->w->v[x->w->n++] = (MatchWord){ stem, low, x->weight };
    return SQLITE_OK;
}

void store_match_words(MatchStemmer *s, Arena *a, const char *text, int len, int weight, size_t max,
                       MatchWords *w)
{
    if (!s || !text)
        return;
    WordsCtx x = { a, text, weight, max, w };
    fts_dutch_tokenize(s, FTS5_TOKENIZE_DOCUMENT, text, len < 0 ? (int)strlen(text) : len, &x, on_token);
}

/* ---- Initiatives ------------------------------------------------------ */

int store_match_term_hits(Db *db, Arena *a, int64_t tenant, const char *word, int limit, int64_t **ids, size_t *n)
{
    *ids = NULL;
    *n = 0;
    const char *q = db_fulltext_query_whole(db, a, word);
    if (!q)
        return DB_OK;
    Stmt *st = db_stmt(db, Q_MATCH_TERM_HITS);
    stmt_int(st, tenant);
    stmt_text(st, q);
    stmt_int(st, limit);
    int64_t *v = arena_alloc(a, (size_t)limit * sizeof *v);
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW && *n < (size_t)limit)
        v[(*n)++] = col_int(st, 0);
    if (rc == DB_ROW) {
        stmt_reset(st);
        rc = DB_DONE;
    }
    *ids = v;
    return rc == DB_DONE ? DB_OK : rc;
}

/* The cache of word counts: direct-mapped, a newer word takes the slot. */
enum { DF_SLOTS = 8192, DF_STEM_MAX = 48 };
typedef struct DfEntry {
    int64_t tenant, docs, total;
    char stem[DF_STEM_MAX];
} DfEntry;
static DfEntry df_cache[DF_SLOTS];
static pthread_mutex_t df_lock = PTHREAD_MUTEX_INITIALIZER;

static size_t df_slot(int64_t tenant, const char *stem)
{
    uint64_t h = 1469598103934665603ULL ^ (uint64_t)tenant;
    for (const char *p = stem; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    return (size_t)(h % DF_SLOTS);
}

static int df_cached(int64_t tenant, const char *stem, int64_t total, int64_t *n)
{
    if (strlen(stem) >= DF_STEM_MAX)
        return 0;
    size_t i = df_slot(tenant, stem);
    pthread_mutex_lock(&df_lock);
    const DfEntry *e = &df_cache[i];
    int hit = e->stem[0] && e->tenant == tenant && e->total == total && strcmp(e->stem, stem) == 0;
    if (hit)
        *n = e->docs;
    pthread_mutex_unlock(&df_lock);
    return hit;
}

static void df_keep(int64_t tenant, const char *stem, int64_t total, int64_t n)
{
    if (strlen(stem) >= DF_STEM_MAX)
        return;
    size_t i = df_slot(tenant, stem);
    pthread_mutex_lock(&df_lock);
    DfEntry *e = &df_cache[i];
    e->tenant = tenant;
    e->docs = n;
    e->total = total;
    strcpy(e->stem, stem);
    pthread_mutex_unlock(&df_lock);
}

int store_match_term_docs(Db *db, Arena *a, int64_t tenant, const MatchWord *w, int64_t total, int64_t cap,
                          int64_t *n)
{
    *n = 0;
    if (df_cached(tenant, w->stem, total, n))
        return DB_OK;
    const char *q = db_fulltext_query_whole(db, a, w->word);
    if (!q)
        return DB_OK;
    Stmt *st = db_stmt(db, Q_MATCH_TERM_DOCS);
    stmt_int(st, tenant);
    stmt_text(st, q);
    stmt_text(st, w->stem);
    stmt_int(st, cap);
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        *n = col_int(st, 0);
        stmt_reset(st);
        rc = DB_DONE;
    }
    if (rc == DB_DONE)
        df_keep(tenant, w->stem, total, *n);
    return rc == DB_DONE ? DB_OK : rc;
}

int store_match_total(Db *db, int64_t tenant, int64_t *n)
{
    Stmt *st = db_stmt(db, Q_MATCH_TOTAL);
    stmt_int(st, tenant);
    int rc = stmt_step(st);
    *n = rc == DB_ROW ? col_int(st, 0) : 0;
    stmt_reset(st);
    return rc == DB_ROW ? DB_OK : rc;
}

static int read_codes(Stmt *st, Arena *a, const char ***out, size_t *n)
{
    size_t cap = 0;
    const char **v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        v[(*n)++] = arena_strdup(a, col_text(st, 0));
    }
    *out = v;
    return rc == DB_DONE ? DB_OK : rc;
}

int store_match_candidate(Db *db, Arena *a, int64_t tenant, int64_t id, MatchCandidate *out)
{
    Stmt *st = db_stmt(db, Q_MATCH_CANDIDATE);
    stmt_int(st, tenant);
    stmt_int(st, id);
    int rc = stmt_step(st);
    if (rc != DB_ROW)
        return rc;
    *out = (MatchCandidate){ .id = id,
                             .title = arena_strdup(a, col_text(st, 0)),
                             .area_code = arena_strdup(a, col_text(st, 1)),
                             .state = state_parse(col_text(st, 2)) };
    stmt_reset(st);
    st = db_stmt(db, Q_INITIATIVE_THEME_CODES);
    stmt_int(st, tenant);
    stmt_int(st, id);
    return read_codes(st, a, &out->themes, &out->n_themes);
}

/* ---- Organisations ---------------------------------------------------- */

int store_match_orgs_by_kind(Db *db, Arena *a, int64_t tenant, const char *kind, const char *area,
                             const char *wijk, MatchOrgRow **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_MATCH_ORGS_BY_KIND);
    stmt_int(st, tenant);
    stmt_text(st, kind);
    stmt_text(st, area);
    stmt_text(st, wijk);
    size_t cap = 0;
    MatchOrgRow *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        v[(*n)++] = (MatchOrgRow){ arena_strdup(a, col_text(st, 0)), (int)col_int(st, 1) };
    }
    *out = v;
    return rc == DB_DONE ? DB_OK : rc;
}

int store_match_orgs_by_theme(Db *db, Arena *a, int64_t tenant, const char *theme, const char ***codes, size_t *n)
{
    Stmt *st = db_stmt(db, Q_MATCH_ORGS_BY_THEME);
    stmt_int(st, tenant);
    stmt_text(st, theme);
    return read_codes(st, a, codes, n);
}

int store_match_officials(Db *db, Arena *a, int64_t tenant, int64_t initiative, const char *area, const char *wijk,
                          int64_t **ids, size_t *n)
{
    Stmt *st = db_stmt(db, Q_MATCH_OFFICIALS);
    stmt_int(st, tenant);
    stmt_text(st, area);
    stmt_text(st, wijk);
    stmt_int(st, initiative);
    size_t cap = 0;
    int64_t *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        v[(*n)++] = col_int(st, 0);
    }
    *ids = v;
    return rc == DB_DONE ? DB_OK : rc;
}

int store_match_org_name(Db *db, Arena *a, int64_t tenant, const char *code, const char **name, const char **kind)
{
    Stmt *st = db_stmt(db, Q_MATCH_ORG_NAME);
    stmt_int(st, tenant);
    stmt_text(st, code);
    int rc = stmt_step(st);
    if (rc != DB_ROW)
        return rc;
    *name = arena_strdup(a, col_text(st, 0));
    *kind = arena_strdup(a, col_text(st, 1));
    stmt_reset(st);
    return DB_OK;
}

/* ---- Exclusions, funds, contact --------------------------------------- */

int store_match_excluded(Db *db, Arena *a, int64_t tenant, int64_t initiative, CodeName **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_MATCH_EXCLUDED);
    stmt_int(st, tenant);
    stmt_int(st, initiative);
    size_t cap = 0;
    CodeName *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        v[(*n)++] = (CodeName){ arena_strdup(a, col_text(st, 0)), arena_strdup(a, col_text(st, 1)), NULL };
    }
    *out = v;
    return rc == DB_DONE ? DB_OK : rc;
}

int store_match_funds_applied(Db *db, Arena *a, int64_t tenant, int64_t initiative, const char ***out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_MATCH_FUNDS_APPLIED);
    stmt_int(st, tenant);
    stmt_int(st, initiative);
    return read_codes(st, a, out, n);
}

int store_initiative_set_contact(Db *db, int64_t tenant, int64_t id, int64_t contact, int64_t now)
{
    Stmt *st = db_stmt(db, Q_MATCH_SET_CONTACT);
    stmt_int(st, tenant);
    stmt_int(st, id);
    stmt_int(st, contact);
    stmt_int(st, now);
    int rc = stmt_run(st);
    if (rc == DB_OK && db_changes(db) == 0)
        return DB_DONE;
    return rc;
}
