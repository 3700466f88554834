/* The Wegwijzer: see wegwijzer.h for what fits and how it ranks. The
 * organisations are ranked in the database (there may be thousands); the
 * places, officials and funds are few and ranked here. */
#include "domain/wegwijzer.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "domain/reference.h"
#include "lib/text.h"
#include "store/store.h"
#include "store/store_directory.h"
#include "store/store_wegwijzer.h"

/* Per kind of help: what an organisation that offers it does, and the
 * words in an official's expertise that show she can help with it. */
static const struct {
    const char *need, *phrase;
    const char *words[4];
} needs[] = {
    { "geld", "helpt met geld", { "subsidie", "geld", "fonds" } },
    { "vrijwilligers", "helpt met vrijwilligers", { "vrijwillig" } },
    { "procesbegeleiding", "helpt met procesbegeleiding", { "eerste stappen", "begeleid", "initiatie" } },
    { "materiaal", "helpt met materiaal", { "materiaal", "gereedschap" } },
    { "ruimte", "heeft ruimte", { "ruimte", "wijkcentra", "speelplek" } },
    { "vergunning", "helpt met een vergunning", { "vergunning" } },
    { "advies", "geeft kennis en advies", { "advies", "adviseur" } },
    { "netwerk", "brengt u in contact met anderen", { "contact", "collega", "kent de" } },
};

#define COUNT(v) (sizeof(v) / sizeof *(v))

static const char *lower_first(Arena *a, const char *s)
{
    char *c = arena_strdup(a, s ? s : "");
    if (c[0] >= 'A' && c[0] <= 'Z')
        c[0] = (char)(c[0] - 'A' + 'a');
    return c;
}

const char *wegwijzer_need_phrase(Arena *a, const char *need, const char *name)
{
    for (size_t i = 0; need && i < COUNT(needs); i++)
        if (strcmp(needs[i].need, need) == 0)
            return needs[i].phrase;
    return arena_printf(a, "helpt met %s", lower_first(a, name ? name : need));
}

static int expertise_fits(const char *expertise, const char *need)
{
    for (size_t i = 0; expertise && need && i < COUNT(needs); i++) {
        if (strcmp(needs[i].need, need) != 0)
            continue;
        for (size_t k = 0; k < COUNT(needs[i].words) && needs[i].words[k]; k++)
            if (strcasestr(expertise, needs[i].words[k]))
                return 1;
    }
    return 0;
}

static void why_add(WegwijzerWhy *w, int points, const char *reason)
{
    w->score += points;
    if (w->n_reasons < WW_REASONS_MAX)
        w->reasons[w->n_reasons++] = reason;
}

static const char *blank_to_null(Arena *a, const char *s)
{
    s = text_trim(a, s);
    return s && *s ? s : NULL;
}

static const CodeName *find_code(const CodeName *v, size_t n, const char *code)
{
    for (size_t i = 0; code && i < n; i++)
        if (strcmp(v[i].code, code) == 0)
            return &v[i];
    return NULL;
}

static const Area *find_area(const Area *v, size_t n, const char *code)
{
    for (size_t i = 0; code && i < n; i++)
        if (strcmp(v[i].code, code) == 0)
            return &v[i];
    return NULL;
}

/* Sorting: score high to low, then name. */
#define BY_SCORE(fn, type, why, name)                                                                   \
    static int fn(const void *pa, const void *pb)                                                       \
    {                                                                                                   \
        const type *a = pa, *b = pb;                                                                    \
        if (a->why.score != b->why.score)                                                               \
            return a->why.score > b->why.score ? -1 : 1;                                                \
        return strcasecmp(a->name, b->name);                                                            \
    }
BY_SCORE(cmp_places, WwPlace, why, place.name)
BY_SCORE(cmp_officials, WwOfficial, why, official.name)
BY_SCORE(cmp_funds, WwFund, why, fund.name)

/* What the answers mean, shared by the three lists below. */
typedef struct Answers {
    const char *need, *theme, *area;
    const Area *where;    /* the area asked for */
    const char *wijk;     /* its wijk (the area itself when a wijk) */
    const char *area_name, *town;
    Area *areas;
    size_t n_areas;
} Answers;

/* 1 when a thing in `code` (a wijk or buurt) lies in the wijk asked for. */
static int in_wijk(const Answers *q, const char *code)
{
    if (!code || !q->wijk)
        return 0;
    if (strcmp(code, q->wijk) == 0 || strcmp(code, q->area) == 0)
        return 1;
    const Area *a = find_area(q->areas, q->n_areas, code);
    return a && a->parent && strcmp(a->parent, q->wijk) == 0;
}

static Status find_organisations(Ctx *c, const Answers *q, WegwijzerResult *out)
{
    WwOrgRow *rows;
    size_t n;
    if (store_wegwijzer_organisations(c->db, c->arena, c->tenant->id, q->need, q->theme, q->area,
                                      WW_MAX_ORGANISATIONS, &rows, &n)
        != DB_OK)
        return ERR_INTERNAL;
    out->organisations = arena_alloc(c->arena, (n + 1) * sizeof *out->organisations);
    for (size_t i = 0; i < n; i++) {
        WwOrganisation *o = &out->organisations[i];
        memset(o, 0, sizeof *o);
        o->org = rows[i].org;
        if (rows[i].need)
            why_add(&o->why, 0, wegwijzer_need_phrase(c->arena, q->need, out->need_name));
        if (rows[i].theme)
            why_add(&o->why, 0, arena_printf(c->arena, "thema %s", q->theme));
        if (q->area && rows[i].area == 1)
            why_add(&o->why, 0, arena_printf(c->arena, "werkt in %s", q->area_name));
        else if (q->area && rows[i].area == 0)
            why_add(&o->why, 0, "werkt in heel de gemeente");
        o->why.score = rows[i].score; /* the points of the SQL, which ranked them */
    }
    out->n_organisations = n;
    return STATUS_OK;
}

static Status find_places(Ctx *c, const Answers *q, WegwijzerResult *out)
{
    Place *v;
    size_t n;
    if (store_places(c->db, c->arena, c->tenant->id, NULL, &v, &n) != DB_OK)
        return ERR_INTERNAL;
    int space = q->need && strcmp(q->need, "ruimte") == 0;
    WwPlace *w = arena_alloc(c->arena, (n + 1) * sizeof *w);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        WwPlace p = { .place = v[i] };
        int here = in_wijk(q, v[i].area_code);
        if (!here && !space)
            continue;
        if (here)
            why_add(&p.why, 40, v[i].kind && strstr(v[i].kind, "wijk") ? "wijkcentrum in uw wijk" : "in uw wijk");
        else if (q->town && v[i].town && strcmp(q->town, v[i].town) == 0)
            why_add(&p.why, 10, arena_printf(c->arena, "in %s", v[i].town));
        if (space)
            why_add(&p.why, 30, "u kunt hier ruimte vragen");
        w[k++] = p;
    }
    qsort(w, k, sizeof *w, cmp_places);
    out->places = w;
    out->n_places = k < WW_MAX_PLACES ? k : WW_MAX_PLACES;
    return STATUS_OK;
}

static Status find_officials(Ctx *c, const Answers *q, WegwijzerResult *out)
{
    Official *v;
    size_t n;
    if (store_wegwijzer_officials(c->db, c->arena, c->tenant->id, &v, &n) != DB_OK)
        return ERR_INTERNAL;
    WwOfficial *w = arena_alloc(c->arena, (n + 1) * sizeof *w);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const Official *o = &v[i];
        int theme = q->theme && find_code(o->themes, o->n_themes, q->theme) != NULL;
        int here = 0;
        for (size_t j = 0; j < o->n_areas && !here; j++)
            here = in_wijk(q, o->areas[j].code);
        int elsewhere = q->area && o->n_areas && !here;
        int skill = expertise_fits(o->expertise, q->need);
        if (elsewhere || !(theme || here || skill))
            continue;
        WwOfficial x = { .official = *o };
        if (skill)
            why_add(&x.why, 15, arena_printf(c->arena, "kan helpen met %s", lower_first(c->arena, out->need_name)));
        if (theme)
            why_add(&x.why, 30, arena_printf(c->arena, "kent het thema %s", q->theme));
        if (here)
            why_add(&x.why, 20, arena_printf(c->arena, "werkt in %s", q->area_name));
        else if (q->area)
            why_add(&x.why, 5, "werkt in heel de gemeente");
        w[k++] = x;
    }
    qsort(w, k, sizeof *w, cmp_officials);
    out->officials = w;
    out->n_officials = k < WW_MAX_OFFICIALS ? k : WW_MAX_OFFICIALS;
    return STATUS_OK;
}

static Status find_funds(Ctx *c, const Answers *q, WegwijzerResult *out)
{
    out->funds = NULL;
    out->n_funds = 0;
    if (q->need && strcmp(q->need, "geld") != 0)
        return STATUS_OK;
    Fund *v;
    size_t n;
    Status s = fund_list(c, &v, &n);
    if (s != STATUS_OK)
        return s;
    WwFund *w = arena_alloc(c->arena, (n + 1) * sizeof *w);
    for (size_t i = 0; i < n; i++) {
        w[i] = (WwFund){ .fund = v[i] };
        why_add(&w[i].why, q->need ? 50 : 20, "geeft geld voor initiatieven");
        if (q->area)
            why_add(&w[i].why, 5, "voor heel de gemeente");
    }
    qsort(w, n, sizeof *w, cmp_funds);
    out->funds = w;
    out->n_funds = n < WW_MAX_FUNDS ? n : WW_MAX_FUNDS;
    return STATUS_OK;
}

Status wegwijzer_find(Ctx *c, const WegwijzerQuery *in, WegwijzerResult *out, FieldErrors *e)
{
    memset(out, 0, sizeof *out);
    Answers q = { .need = blank_to_null(c->arena, in->need),
                  .theme = blank_to_null(c->arena, in->theme),
                  .area = blank_to_null(c->arena, in->area) };
    CodeName *kinds, *themes;
    size_t nk, nt;
    if (reference_help_kinds(c, &kinds, &nk) != STATUS_OK || reference_themes(c, &themes, &nt) != STATUS_OK
        || reference_areas(c, &q.areas, &q.n_areas) != STATUS_OK)
        return ERR_INTERNAL;
    const CodeName *need = find_code(kinds, nk, q.need), *theme = find_code(themes, nt, q.theme);
    q.where = find_area(q.areas, q.n_areas, q.area);
    if (q.need && !need)
        errors_add(e, "need", "Deze soort hulp kennen we niet. Kies er een uit de lijst.");
    if (q.theme && !theme)
        errors_add(e, "theme", "Dit onderwerp kennen we niet. Kies er een uit de lijst.");
    if (q.area && !q.where)
        errors_add(e, "area", "Deze wijk kennen we niet. Kies er een uit de lijst.");
    if (e->n)
        return ERR_INVALID;
    out->need_name = need ? need->name : NULL;
    out->theme_name = theme ? theme->name : NULL;
    if (q.where) {
        q.wijk = q.where->parent && *q.where->parent ? q.where->parent : q.where->code;
        q.area_name = q.where->name;
        q.town = q.where->town;
        out->area_name = q.where->name;
    }
    out->asked = q.need || q.theme || q.area;
    if (!out->asked)
        return STATUS_OK;
    Status s = find_funds(c, &q, out);
    if (s == STATUS_OK)
        s = find_organisations(c, &q, out);
    if (s == STATUS_OK)
        s = find_places(c, &q, out);
    if (s == STATUS_OK)
        s = find_officials(c, &q, out);
    return s;
}
