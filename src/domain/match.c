/* The matching engine (match.h). Reads with the store's own statements
 * (store_match.h) and the directory's lists; scores in C. */
#include "domain/match.h"

#include <stdlib.h>
#include <string.h>

#include "domain/connections.h"
#include "domain/directory.h"
#include "domain/funds.h"
#include "domain/initiatives.h"
#include "domain/reference.h"
#include "lib/text.h"
#include "store/store.h"
#include "store/store_directory.h"
#include "store/store_match.h"

static const char *const kind_codes[SUG_KIND_COUNT_] = { "initiative", "organisation", "goal", "official", "fund" };
static const char *const kind_plurals[SUG_KIND_COUNT_] = { "initiatives", "organisations", "goals", "officials",
                                                          "funds" };

const char *suggestion_kind_code(SuggestionKind k)
{
    return k < SUG_KIND_COUNT_ ? kind_codes[k] : "";
}

const char *suggestion_kind_plural(SuggestionKind k)
{
    return k < SUG_KIND_COUNT_ ? kind_plurals[k] : "";
}

int suggestion_kind_parse(const char *s, SuggestionKind *out)
{
    for (int k = 0; s && k < SUG_KIND_COUNT_; k++)
        if (strcmp(s, kind_codes[k]) == 0) {
            *out = (SuggestionKind)k;
            return 1;
        }
    return 0;
}

int match_may_see(const Ctx *c, const Initiative *in)
{
    return c->user && (role_is_staff(c->user->role) || initiative_is_initiator(c, in));
}

int match_may_act(const Ctx *c)
{
    return c->user && role_is_staff(c->user->role);
}

/* ---- One run ------------------------------------------------------------ */

typedef struct Run {
    Ctx *c;
    const Initiative *in;
    Area *areas;
    size_t n_areas;
    const Area *area, *wijk; /* the initiative's area and its wijk (the same for a wijk) */
    MatchStemmer *stemmer;
    MatchWords words;        /* the initiative's: title (3), summary (2), description (1) */
    CodeName *excluded;      /* code: kind, name: target */
    size_t n_excluded;
    Suggestions *out;
} Run;

enum { W_TITLE = 3, W_SUMMARY = 2, W_DESCRIPTION = 1, WORDS_MAX = 160, DESCRIPTION_BYTES = 3000 };

static int excluded(const Run *r, SuggestionKind k, const char *target)
{
    for (size_t i = 0; i < r->n_excluded; i++)
        if (strcmp(r->excluded[i].code, kind_codes[k]) == 0 && strcmp(r->excluded[i].name, target) == 0)
            return 1;
    return 0;
}

static const Area *area_of(const Run *r, const char *code)
{
    for (size_t i = 0; code && i < r->n_areas; i++)
        if (strcmp(r->areas[i].code, code) == 0)
            return &r->areas[i];
    return NULL;
}

static const Area *wijk_of(const Run *r, const Area *a)
{
    if (!a)
        return NULL;
    if (strcmp(a->kind, "buurt") == 0 && a->parent) {
        const Area *w = area_of(r, a->parent);
        return w ? w : a;
    }
    return a;
}

/* "Groen en natuur" → "groen en natuur": a name inside a sentence. */
static const char *lower_first(Arena *a, const char *s)
{
    char *t = arena_strdup(a, s ? s : "");
    if (t[0] >= 'A' && t[0] <= 'Z' && !(t[1] >= 'A' && t[1] <= 'Z'))
        t[0] = (char)(t[0] - 'A' + 'a');
    return t;
}

static void reason(Suggestion *s, const char *text)
{
    if (s->n_reasons < MATCH_REASONS_MAX)
        s->reasons[s->n_reasons++] = text;
}

static int cap100(int v)
{
    return v < 0 ? 0 : v > 100 ? 100 : v;
}

/* Puts s among the best MATCH_PER_KIND of its kind (by score, then as
 * offered: the caller offers in its own order of preference). */
static void offer(Run *r, const Suggestion *s)
{
    size_t *n = &r->out->n[s->kind];
    Suggestion *v = r->out->items[s->kind];
    size_t at = *n;
    while (at > 0 && v[at - 1].score < s->score)
        at--;
    if (at >= MATCH_PER_KIND)
        return;
    size_t last = *n < MATCH_PER_KIND ? *n : MATCH_PER_KIND - 1;
    memmove(&v[at + 1], &v[at], (last - at) * sizeof *v);
    v[at] = *s;
    if (*n < MATCH_PER_KIND)
        (*n)++;
}

static int has_code(const CodeName *v, size_t n, const char *code)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(v[i].code, code) == 0)
            return 1;
    return 0;
}

/* "woorden: moestuin, buurt": the words of the initiative (w) at the
 * given indexes, at most three. */
static const char *words_reason(Arena *a, const MatchWords *w, const int *idx, size_t n)
{
    if (!n)
        return NULL;
    const char *s = "woorden: ";
    for (size_t i = 0; i < n && i < 3; i++)
        s = arena_printf(a, "%s%s%s", s, i ? ", " : "", w->v[idx[i]].word);
    return s;
}

/* The initiative's words that are also in text: their indexes, at most max. */
static size_t shared_words(Run *r, const char *text, int *idx, size_t max)
{
    MatchWords other = { 0 };
    store_match_words(r->stemmer, r->c->arena, text, -1, 1, WORDS_MAX, &other);
    size_t n = 0;
    for (size_t i = 0; i < other.n && n < max; i++) {
        int k = store_match_word_find(&r->words, other.v[i].stem);
        if (k >= 0)
            idx[n++] = k;
    }
    return n;
}

/* ---- (a) Similar initiatives -------------------------------------------- */

typedef struct Hit {
    int64_t id;
    double score;
    uint32_t terms; /* bit t: holds query word t */
} Hit;

/* ln(x) for x > 0, to a few decimals: enough to weigh words (the program
 * does not link libm). x = m * 2^k with m in [1, 2);
 * ln(m) = 2 atanh((m - 1) / (m + 1)). */
static double ln(double x)
{
    int k = 0;
    while (x >= 2) {
        x /= 2;
        k++;
    }
    while (x < 1) {
        x *= 2;
        k--;
    }
    double y = (x - 1) / (x + 1), y2 = y * y;
    return k * 0.6931471805599453 + 2 * y * (1 + y2 / 3 + y2 * y2 / 5 + y2 * y2 * y2 / 7 + y2 * y2 * y2 * y2 / 9);
}

static uint64_t mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return x;
}

static int hit_better(const Hit *a, const Hit *b)
{
    return a->score > b->score || (a->score == b->score && a->id > b->id);
}

static Status similar_initiatives(Run *r)
{
    Ctx *c = r->c;
    int64_t total;
    if (store_match_total(c->db, c->tenant->id, &total) != DB_OK)
        return ERR_INTERNAL;
    /* The words to weigh: title and summary first, then the description;
     * of those the MATCH_TERMS rarest (a title word counts double) are
     * looked up. A word only this initiative has finds nothing; one in
     * MATCH_COMMON initiatives or more says little and is left out. */
    int look[MATCH_LOOKUP];
    double look_w[MATCH_LOOKUP];
    size_t n_look = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < r->words.n && n_look < MATCH_LOOKUP; i++) {
            if ((pass == 0) != (r->words.v[i].weight >= W_SUMMARY))
                continue;
            if (pass == 1 && n_look >= MATCH_TERMS)
                break;
            int64_t df;
            if (store_match_term_docs(c->db, c->arena, c->tenant->id, &r->words.v[i], total, MATCH_COMMON, &df) != DB_OK)
                return ERR_INTERNAL;
            /* only this initiative has it, or so many that it tells little */
            if (df <= 1 || df >= MATCH_COMMON)
                continue;
            double w = ln((double)(total + 1) / (double)df);
            if (w < 0.1)
                w = 0.1;
            if (r->words.v[i].weight >= W_TITLE)
                w *= 2;
            size_t at = n_look++;
            while (at > 0 && look_w[at - 1] < w) {
                look[at] = look[at - 1];
                look_w[at] = look_w[at - 1];
                at--;
            }
            look[at] = (int)i;
            look_w[at] = w;
        }
    size_t n_terms = n_look < MATCH_TERMS ? n_look : MATCH_TERMS;
    int terms[MATCH_TERMS];
    double weight[MATCH_TERMS], sum = 0;
    for (size_t t = 0; t < n_terms; t++) {
        terms[t] = look[t];
        weight[t] = look_w[t];
        sum += look_w[t];
    }
    if (!n_terms)
        return STATUS_OK;
    size_t size = 1;
    while (size < 2 * n_terms * MATCH_HITS)
        size <<= 1;
    Hit *table = arena_alloc(c->arena, size * sizeof *table);
    for (size_t t = 0; t < n_terms; t++) {
        int64_t *ids;
        size_t n;
        if (store_match_term_hits(c->db, c->arena, c->tenant->id, r->words.v[terms[t]].word, MATCH_HITS, &ids, &n)
            != DB_OK)
            return ERR_INTERNAL;
        for (size_t i = 0; i < n; i++) {
            if (ids[i] == r->in->id)
                continue;
            size_t h = (size_t)mix((uint64_t)ids[i]) & (size - 1);
            while (table[h].id && table[h].id != ids[i])
                h = (h + 1) & (size - 1);
            table[h].id = ids[i];
            table[h].score += weight[t];
            table[h].terms |= 1u << t;
        }
    }
    if (sum <= 0)
        return STATUS_OK;
    /* The best MATCH_CANDIDATES by text, best first. */
    Hit best[MATCH_CANDIDATES];
    size_t n_best = 0;
    for (size_t h = 0; h < size; h++) {
        if (!table[h].id || (n_best == MATCH_CANDIDATES && !hit_better(&table[h], &best[n_best - 1])))
            continue;
        size_t at = n_best < MATCH_CANDIDATES ? n_best++ : MATCH_CANDIDATES - 1;
        while (at > 0 && hit_better(&table[h], &best[at - 1])) {
            best[at] = best[at - 1];
            at--;
        }
        best[at] = table[h];
    }
    for (size_t b = 0; b < n_best; b++) {
        const char *target = arena_printf(c->arena, "%lld", (long long)best[b].id);
        if (excluded(r, SUG_INITIATIVE, target))
            continue;
        MatchCandidate m;
        int rc = store_match_candidate(c->db, c->arena, c->tenant->id, best[b].id, &m);
        if (rc == DB_DONE)
            continue; /* another municipality's */
        if (rc != DB_OK)
            return ERR_INTERNAL;
        if (m.state == ST_GESTOPT)
            continue;
        Suggestion s = { .kind = SUG_INITIATIVE, .id = m.id, .target = target, .name = m.title };
        /* Text: up to 60 points; half the weight of the words shared is
         * already a close match. */
        double sim = best[b].score / sum;
        int text = (int)(120.0 * sim + 0.5);
        if (text > 60)
            text = 60;
        int idx[MATCH_TERMS], n_idx = 0;
        /* the heaviest shared words first */
        for (size_t t = 0; t < n_terms; t++)
            if (best[b].terms & (1u << t))
                idx[n_idx++] = (int)t;
        for (int i = 1; i < n_idx; i++)
            for (int j = i; j > 0 && weight[idx[j]] > weight[idx[j - 1]]; j--) {
                int x = idx[j];
                idx[j] = idx[j - 1];
                idx[j - 1] = x;
            }
        for (int i = 0; i < n_idx; i++)
            idx[i] = terms[idx[i]];
        int themes = 0;
        const char *theme_reasons[THEMES_MAX];
        size_t n_tr = 0;
        for (size_t i = 0; i < m.n_themes; i++)
            for (size_t k = 0; k < r->in->n_themes; k++)
                if (strcmp(m.themes[i], r->in->themes[k].code) == 0 && n_tr < THEMES_MAX) {
                    themes += 10;
                    theme_reasons[n_tr++] = arena_printf(c->arena, "thema %s",
                                                         lower_first(c->arena, r->in->themes[k].name));
                }
        if (themes > 20)
            themes = 20;
        int place = 0;
        const char *place_reason = NULL;
        const Area *a = area_of(r, m.area_code), *w = wijk_of(r, a);
        if (a && r->area && a == r->area && strcmp(a->kind, "buurt") == 0) {
            place = 20;
            place_reason = "zelfde buurt";
        } else if (w && w == r->wijk) {
            place = 20;
            place_reason = "zelfde wijk";
        } else if (w && r->wijk && w->town && r->wijk->town && strcmp(w->town, r->wijk->town) == 0) {
            place = 8;
            place_reason = "wijk in de buurt";
        }
        s.score = cap100(text + themes + place);
        if (text < 5 || s.score < 25)
            continue;
        s.detail = a ? a->name : m.area_code;
        if (n_idx)
            reason(&s, words_reason(c->arena, &r->words, idx, (size_t)n_idx));
        for (size_t i = 0; i < n_tr; i++)
            reason(&s, theme_reasons[i]);
        if (place_reason)
            reason(&s, place_reason);
        offer(r, &s);
    }
    return STATUS_OK;
}

/* ---- (b) Organisations --------------------------------------------------- */

typedef struct OrgHit {
    const char *code;
    uint32_t kinds, themes;
    int where;
    int score;
} OrgHit;

static uint64_t hash_text(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static OrgHit *org_slot(OrgHit *t, size_t size, const char *code, int add)
{
    size_t h = (size_t)hash_text(code) & (size - 1);
    while (t[h].code && strcmp(t[h].code, code) != 0)
        h = (h + 1) & (size - 1);
    if (!t[h].code) {
        if (!add)
            return NULL;
        t[h].code = code;
    }
    return &t[h];
}

static int org_cmp(const void *x, const void *y)
{
    const OrgHit *a = x, *b = y;
    if (a->score != b->score)
        return b->score - a->score;
    return strcmp(a->code, b->code);
}

static Status organisations(Run *r)
{
    Ctx *c = r->c;
    const Initiative *in = r->in;
    const HelpRequest *kinds[HELP_MAX];
    size_t n_kinds = 0;
    for (size_t i = 0; i < in->n_help; i++) {
        if (in->help[i].state != HELP_OPEN)
            continue;
        size_t k = 0;
        while (k < n_kinds && strcmp(kinds[k]->kind, in->help[i].kind) != 0)
            k++;
        if (k == n_kinds && n_kinds < HELP_MAX)
            kinds[n_kinds++] = &in->help[i];
    }
    if (!n_kinds)
        return STATUS_OK;
    size_t size = 1024, used = 0;
    OrgHit *table = arena_alloc(c->arena, size * sizeof *table);
    for (size_t k = 0; k < n_kinds; k++) {
        MatchOrgRow *rows;
        size_t n;
        if (store_match_orgs_by_kind(c->db, c->arena, c->tenant->id, kinds[k]->kind, in->area_code,
                                     r->wijk ? r->wijk->code : in->area_code, &rows, &n)
            != DB_OK)
            return ERR_INTERNAL;
        for (size_t i = 0; i < n; i++) {
            if (2 * (used + 1) > size) { /* grow: keep it at most half full */
                OrgHit *old = table;
                size_t old_size = size;
                size *= 4;
                table = arena_alloc(c->arena, size * sizeof *table);
                for (size_t j = 0; j < old_size; j++)
                    if (old[j].code)
                        *org_slot(table, size, old[j].code, 1) = old[j];
            }
            OrgHit *o = org_slot(table, size, rows[i].code, 1);
            if (!o->kinds)
                used++;
            o->kinds |= 1u << k;
            o->where = rows[i].where;
        }
    }
    for (size_t t = 0; t < in->n_themes && t < 32; t++) {
        const char **codes;
        size_t n;
        if (store_match_orgs_by_theme(c->db, c->arena, c->tenant->id, in->themes[t].code, &codes, &n) != DB_OK)
            return ERR_INTERNAL;
        for (size_t i = 0; i < n; i++) {
            OrgHit *o = org_slot(table, size, codes[i], 0);
            if (o)
                o->themes |= 1u << t;
        }
    }
    OrgHit *list = arena_alloc(c->arena, (used + 1) * sizeof *list);
    size_t n_list = 0;
    for (size_t h = 0; h < size; h++) {
        OrgHit *o = &table[h];
        if (!o->code)
            continue;
        int nk = __builtin_popcount(o->kinds), nt = __builtin_popcount(o->themes);
        o->score = 40 + 15 * (nk - 1);
        if (o->score > 60)
            o->score = 60;
        o->score += nt >= 2 ? 20 : 10 * nt;
        o->score += o->where == 2 ? 20 : o->where == 1 ? 10 : 0;
        o->score = cap100(o->score);
        list[n_list++] = *o;
    }
    qsort(list, n_list, sizeof *list, org_cmp);
    for (size_t i = 0; i < n_list && r->out->n[SUG_ORGANISATION] < MATCH_PER_KIND; i++) {
        const OrgHit *o = &list[i];
        if (excluded(r, SUG_ORGANISATION, o->code))
            continue;
        Suggestion s = { .kind = SUG_ORGANISATION, .target = o->code, .score = o->score };
        const char *kind;
        if (store_match_org_name(c->db, c->arena, c->tenant->id, o->code, &s.name, &kind) != DB_OK)
            continue;
        s.detail = kind;
        for (size_t k = 0; k < n_kinds; k++)
            if (o->kinds & (1u << k))
                reason(&s, arena_printf(c->arena, "helpt met %s", lower_first(c->arena, kinds[k]->kind_name)));
        for (size_t t = 0; t < in->n_themes && t < 32; t++)
            if (o->themes & (1u << t))
                reason(&s, arena_printf(c->arena, "thema %s", lower_first(c->arena, in->themes[t].name)));
        if (o->where == 2)
            reason(&s, arena_printf(c->arena, "werkt in %s", r->wijk ? r->wijk->name : in->area_name));
        else if (o->where == 1)
            reason(&s, "werkt in heel de gemeente");
        offer(r, &s);
    }
    return STATUS_OK;
}

/* ---- (c) Goals ------------------------------------------------------------ */

static Status goals(Run *r)
{
    Ctx *c = r->c;
    Goal *g;
    size_t n;
    if (store_goals(c->db, c->arena, c->tenant->id, &g, &n) != DB_OK)
        return ERR_INTERNAL;
    for (size_t i = 0; i < n; i++) {
        if (excluded(r, SUG_GOAL, g[i].code))
            continue;
        Suggestion s = { .kind = SUG_GOAL, .target = g[i].code, .name = g[i].title, .detail = g[i].source_document };
        int themes = 0;
        const char *tr[THEMES_MAX];
        size_t n_tr = 0;
        for (size_t t = 0; t < g[i].n_themes; t++)
            if (has_code(r->in->themes, r->in->n_themes, g[i].themes[t].code) && n_tr < THEMES_MAX) {
                themes += 35;
                tr[n_tr++] = arena_printf(c->arena, "thema %s", lower_first(c->arena, g[i].themes[t].name));
            }
        int idx[8];
        size_t n_idx = shared_words(r, g[i].title, idx, 8);
        int words = 10 * (int)n_idx;
        s.score = cap100((themes > 70 ? 70 : themes) + (words > 30 ? 30 : words));
        if (s.score < 20)
            continue;
        for (size_t t = 0; t < n_tr; t++)
            reason(&s, tr[t]);
        if (n_idx)
            reason(&s, words_reason(c->arena, &r->words, idx, n_idx));
        offer(r, &s);
    }
    return STATUS_OK;
}

/* ---- (d) Officials -------------------------------------------------------- */

static Status officials(Run *r)
{
    Ctx *c = r->c;
    int64_t *ids;
    size_t n;
    if (store_match_officials(c->db, c->arena, c->tenant->id, r->in->id, r->in->area_code,
                              r->wijk ? r->wijk->code : r->in->area_code, &ids, &n)
        != DB_OK)
        return ERR_INTERNAL;
    Official *o = arena_alloc(c->arena, (n + 1) * sizeof *o);
    for (size_t i = 0; i < n; i++) {
        int rc = store_official_get(c->db, c->arena, c->tenant->id, ids[i], &o[i]);
        if (rc == DB_DONE) {
            o[i].role = ROLE_RESIDENT; /* gone: left out below */
            continue;
        }
        if (rc != DB_OK)
            return ERR_INTERNAL;
        if (!role_is_staff(o[i].role) || o[i].id == r->in->contact_id)
            continue;
        const char *target = arena_printf(c->arena, "%lld", (long long)o[i].id);
        if (excluded(r, SUG_OFFICIAL, target))
            continue;
        Suggestion s = { .kind = SUG_OFFICIAL, .id = o[i].id, .target = target, .name = o[i].name,
                         .detail = o[i].expertise && *o[i].expertise ? o[i].expertise : NULL };
        int place = 0;
        const char *place_reason = NULL;
        if (has_code(o[i].areas, o[i].n_areas, r->in->area_code)
            || (r->wijk && has_code(o[i].areas, o[i].n_areas, r->wijk->code))) {
            place = 40;
            place_reason = arena_printf(c->arena, "werkt in %s", r->wijk ? r->wijk->name : r->in->area_name);
        } else if (!o[i].n_areas) {
            place = 10;
            place_reason = "werkt in heel de gemeente";
        }
        int themes = 0;
        const char *tr[THEMES_MAX];
        size_t n_tr = 0;
        for (size_t t = 0; t < o[i].n_themes; t++)
            if (has_code(r->in->themes, r->in->n_themes, o[i].themes[t].code) && n_tr < THEMES_MAX) {
                themes += 20;
                tr[n_tr++] = arena_printf(c->arena, "thema %s", lower_first(c->arena, o[i].themes[t].name));
            }
        int idx[8];
        size_t n_idx = o[i].expertise ? shared_words(r, o[i].expertise, idx, 8) : 0;
        s.score = cap100(place + (themes > 40 ? 40 : themes) + (n_idx > 2 ? 20 : 10 * (int)n_idx));
        if (s.score < 20)
            continue;
        if (place_reason)
            reason(&s, place_reason);
        for (size_t t = 0; t < n_tr; t++)
            reason(&s, tr[t]);
        if (n_idx) {
            const char *w = words_reason(c->arena, &r->words, idx, n_idx);
            reason(&s, arena_printf(c->arena, "kennis van %s", w + strlen("woorden: ")));
        }
        offer(r, &s);
    }
    return STATUS_OK;
}

/* ---- (e) Funds ------------------------------------------------------------ */

static Status funds(Run *r)
{
    Ctx *c = r->c;
    const Initiative *in = r->in;
    if (in->state == ST_AFGEROND || in->state == ST_GEEVALUEERD || in->state == ST_GESTOPT
        || in->state == ST_AFGEWEZEN)
        return STATUS_OK;
    Fund *f;
    size_t n;
    if (fund_list(c, &f, &n) != STATUS_OK)
        return ERR_INTERNAL;
    const char **applied;
    size_t n_applied;
    if (store_match_funds_applied(c->db, c->arena, c->tenant->id, in->id, &applied, &n_applied) != DB_OK)
        return ERR_INTERNAL;
    const HelpRequest *money = NULL;
    for (size_t i = 0; i < in->n_help && !money; i++)
        if (in->help[i].state == HELP_OPEN && strcmp(in->help[i].kind, "geld") == 0)
            money = &in->help[i];
    for (size_t i = 0; i < n; i++) {
        int done = excluded(r, SUG_FUND, f[i].code);
        for (size_t k = 0; k < n_applied && !done; k++)
            done = strcmp(applied[k], f[i].code) == 0;
        Ledger l;
        if (done || fund_ledger(c, f[i].code, fund_year_of(c->now), &l) != STATUS_OK || l.unset || l.closed
            || l.remaining_cents <= 0)
            continue;
        Suggestion s = { .kind = SUG_FUND, .target = f[i].code, .name = f[i].name, .score = 30,
                         .detail = f[i].organisation_name };
        reason(&s, "fonds heeft nog geld dit jaar");
        if (money) {
            s.score += 40;
            reason(&s, "vraagt om geld");
            if (money->amount_cents > 0 && money->amount_cents <= f[i].max_amount_cents) {
                s.score += 30;
                reason(&s, arena_printf(c->arena, "bedrag past (hoogstens %s)",
                                        format_euros(c->arena, f[i].max_amount_cents)));
            } else if (money->amount_cents > f[i].max_amount_cents) {
                reason(&s, arena_printf(c->arena, "vraagt meer dan hoogstens %s",
                                        format_euros(c->arena, f[i].max_amount_cents)));
            }
        }
        if (in->state == ST_IDEE)
            reason(&s, "eerst indienen");
        s.score = cap100(s.score);
        offer(r, &s);
    }
    return STATUS_OK;
}

/* ---- The whole ------------------------------------------------------------ */

Status match_rank(Ctx *c, const Initiative *in, Suggestions *out)
{
    memset(out, 0, sizeof *out);
    Run r = { .c = c, .in = in, .out = out };
    if (reference_areas(c, &r.areas, &r.n_areas) != STATUS_OK)
        return ERR_INTERNAL;
    r.area = area_of(&r, in->area_code);
    r.wijk = wijk_of(&r, r.area);
    if (store_match_excluded(c->db, c->arena, c->tenant->id, in->id, &r.excluded, &r.n_excluded) != DB_OK)
        return ERR_INTERNAL;
    r.stemmer = store_match_stemmer_new();
    store_match_words(r.stemmer, c->arena, in->title, -1, W_TITLE, WORDS_MAX, &r.words);
    store_match_words(r.stemmer, c->arena, in->summary, -1, W_SUMMARY, WORDS_MAX, &r.words);
    if (in->description) {
        size_t len = strlen(in->description);
        store_match_words(r.stemmer, c->arena, in->description, (int)(len > DESCRIPTION_BYTES ? DESCRIPTION_BYTES : len),
                          W_DESCRIPTION, WORDS_MAX, &r.words);
    }
    Status s = similar_initiatives(&r);
    if (s == STATUS_OK)
        s = organisations(&r);
    if (s == STATUS_OK)
        s = goals(&r);
    if (s == STATUS_OK)
        s = officials(&r);
    if (s == STATUS_OK)
        s = funds(&r);
    store_match_stemmer_free(r.stemmer);
    return s;
}

Status match_suggestions(Ctx *c, int64_t initiative, Suggestions *out)
{
    memset(out, 0, sizeof *out);
    if (!c->user)
        return ERR_UNAUTHORIZED;
    Initiative in;
    Status s = initiative_get(c, initiative, &in);
    if (s != STATUS_OK)
        return s;
    if (!match_may_see(c, &in))
        return ERR_FORBIDDEN;
    return match_rank(c, &in, out);
}

/* ---- Confirm and dismiss -------------------------------------------------- */

static Status check_request(Ctx *c, const char *kind, const char *target, SuggestionKind *k, FieldErrors *e)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    if (!match_may_act(c))
        return ERR_FORBIDDEN;
    if (!suggestion_kind_parse(kind, k))
        errors_add(e, "kind", "Kies initiative, organisation, goal, official of fund.");
    if (!target || !*target || strlen(target) > 200)
        errors_add(e, "target", "Zeg welke suggestie u bedoelt.");
    return e->n ? ERR_INVALID : STATUS_OK;
}

Status match_confirm(Ctx *c, int64_t initiative, const char *kind, const char *target, FieldErrors *e)
{
    SuggestionKind k;
    target = text_trim(c->arena, target);
    Status s = check_request(c, kind, target, &k, e);
    if (s != STATUS_OK)
        return s;
    switch (k) {
    case SUG_INITIATIVE:
        return connection_add(c, initiative, CONN_INITIATIVE, target);
    case SUG_ORGANISATION:
        return connection_add(c, initiative, CONN_ORGANISATION, target);
    case SUG_GOAL:
        return connection_add(c, initiative, CONN_GOAL, target);
    case SUG_OFFICIAL: {
        int64_t id;
        if (!parse_int64(target, &id) || id <= 0) {
            errors_add(e, "target", "Deze medewerker kennen we niet.");
            return ERR_INVALID;
        }
        return initiative_set_contact(c, initiative, id, e);
    }
    default:
        errors_add(e, "kind", "Een fonds bevestigt u niet: de initiatiefnemer vraagt er geld aan.");
        return ERR_INVALID;
    }
}

Status match_dismiss(Ctx *c, int64_t initiative, const char *kind, const char *target, FieldErrors *e)
{
    SuggestionKind k;
    target = text_trim(c->arena, target);
    Status s = check_request(c, kind, target, &k, e);
    if (s != STATUS_OK)
        return s;
    return suggestion_dismiss(c, initiative, kind, target);
}
