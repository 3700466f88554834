/* "For you": see volunteer_match.h. */
#include "domain/volunteer_match.h"

#include <stdlib.h>
#include <string.h>

#include "domain/reference.h"
#include "lib/dates.h"
#include "store/store_volunteering.h"

static int in_list(const char **v, size_t n, const char *code)
{
    for (size_t i = 0; code && i < n; i++)
        if (strcmp(v[i], code) == 0)
            return 1;
    return 0;
}

static int lower(int ch)
{
    return ch >= 'A' && ch <= 'Z' ? ch + 32 : ch;
}

/* Does hay contain the len bytes of needle, ignoring ASCII case? */
static int contains(const char *hay, const char *needle, size_t len)
{
    if (!len)
        return 0;
    for (; *hay; hay++) {
        size_t i = 0;
        while (i < len && hay[i] && lower((unsigned char)hay[i]) == lower((unsigned char)needle[i]))
            i++;
        if (i == len)
            return 1;
    }
    return 0;
}

static void reason(VolMatch *m, const char *r)
{
    if (m->n_reasons < VOL_REASONS_MAX)
        m->reasons[m->n_reasons++] = r;
}

int vol_match_score(Arena *a, const VolunteerProfile *p, const VolCandidate *v, VolMatch *out)
{
    memset(out, 0, sizeof *out);
    out->v = *v;
    int score = 0;

    /* Time: the slots both share, or none when the vacancy is flexible. */
    int both = vol_overlap(p->availability, v->times);
    if (v->times && both) {
        int first = -1, second = -1;
        for (int b = 0; b < VOL_DAYS * VOL_PARTS; b++)
            if (both & (1 << b)) {
                if (first < 0)
                    first = b;
                else if (second < 0)
                    second = b;
            }
        score += 30;
        reason(out, second < 0 ? arena_printf(a, "past bij uw tijd: %s", vol_slot_name(first))
                               : arena_printf(a, "past bij uw tijd: %s en %s", vol_slot_name(first),
                                              vol_slot_name(second)));
    } else if (v->times && p->availability)
        score -= 25; /* she said she has no time then */
    else if (!v->times) {
        score += 5;
        reason(out, "tijd in overleg");
    }

    /* Place. */
    if (v->area && (in_list(p->areas, p->n_areas, v->area) || in_list(p->areas, p->n_areas, v->area_parent))) {
        score += 25;
        reason(out, "in uw wijk");
    } else if (v->from_home) {
        score += 10;
        reason(out, "vanuit huis");
    }

    /* Theme. */
    if (v->theme && in_list(p->themes, p->n_themes, v->theme)) {
        score += 20;
        reason(out, arena_printf(a, "thema %s", v->theme_name ? v->theme_name : v->theme));
    }

    /* Skills: each comma-separated skill of hers that the vacancy names. */
    int skills = 0;
    for (const char *s = p->skills; s && *s && skills < 2;) {
        while (*s == ',' || *s == ' ' || *s == '\n' || *s == '\r' || *s == ';')
            s++;
        const char *end = s;
        while (*end && *end != ',' && *end != ';' && *end != '\n')
            end++;
        size_t len = (size_t)(end - s);
        while (len && s[len - 1] == ' ')
            len--;
        if (len >= 3 && v->skills && contains(v->skills, s, len)) {
            score += 15;
            skills++;
            char *r = arena_printf(a, "vaardigheid: %.*s", (int)len, s);
            for (char *q = r; *q; q++)
                *q = (char)lower((unsigned char)*q);
            reason(out, r);
        }
        s = end;
    }

    /* One-off or recurring. */
    if (v->date) {
        if (p->preference == VOL_PREF_ONE_OFF)
            score += 10;
        else if (p->preference == VOL_PREF_RECURRING)
            score -= 10;
        if (p->preference != VOL_PREF_RECURRING)
            reason(out, "eenmalig");
    } else if (p->preference == VOL_PREF_RECURRING) {
        score += 10;
        reason(out, "vast vrijwilligerswerk");
    } else if (p->preference == VOL_PREF_ONE_OFF)
        score -= 10;

    out->score = score;
    return score;
}

static int by_score(const void *x, const void *y)
{
    const VolMatch *a = x, *b = y;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return a->v.id > b->v.id ? -1 : a->v.id < b->v.id;
}

void vol_match_sort(VolMatch *m, size_t n)
{
    if (n > 1)
        qsort(m, n, sizeof *m, by_score);
}

static const char *csv(Arena *a, const char **v, size_t n)
{
    const char *s = "";
    for (size_t i = 0; i < n; i++)
        s = i ? arena_printf(a, "%s,%s", s, v[i]) : v[i];
    return s;
}

Status volunteer_matches(Ctx *c, VolMatch **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!c->user)
        return ERR_UNAUTHORIZED;
    VolunteerProfile p;
    Status s = volunteer_profile_get(c, &p);
    if (s != STATUS_OK || !p.exists)
        return s;
    /* her areas and the buurten of her wijken, as the scoring counts them */
    const char *areas = csv(c->arena, p.areas, p.n_areas);
    Area *all;
    size_t na;
    if (p.n_areas && reference_areas(c, &all, &na) == STATUS_OK)
        for (size_t i = 0; i < na; i++)
            if (all[i].parent && in_list(p.areas, p.n_areas, all[i].parent))
                areas = arena_printf(c->arena, "%s,%s", areas, all[i].code);
    VolCandidate *cand;
    size_t nc;
    int rc = store_vac_candidates(c->db, c->arena, c->tenant->id, date_iso(c->arena, date_day(c->now)),
                                  p.availability ? p.availability : VOL_AVAIL_ALL, areas,
                                  csv(c->arena, p.themes, p.n_themes), !p.n_areas && !p.n_themes,
                                  VOL_MATCH_CANDIDATES, &cand, &nc);
    if (rc != DB_OK)
        return ERR_INTERNAL;
    VolMatch *m = arena_alloc(c->arena, (nc ? nc : 1) * sizeof *m);
    size_t k = 0;
    for (size_t i = 0; i < nc; i++)
        if (vol_match_score(c->arena, &p, &cand[i], &m[k]) > 0)
            k++;
    vol_match_sort(m, k);
    *out = m;
    *n = k < VOL_MATCH_MAX ? k : VOL_MATCH_MAX;
    return STATUS_OK;
}

/* ---- From the organisation's side ------------------------------------------ */

/* The volunteer's reason in the organisation's words; NULL to leave out. */
static const char *for_organisation(Arena *a, const char *r)
{
    static const char tijd[] = "past bij uw tijd: ";
    if (strncmp(r, tijd, sizeof tijd - 1) == 0)
        return arena_printf(a, "heeft tijd op %s", r + sizeof tijd - 1);
    if (strcmp(r, "in uw wijk") == 0)
        return "helpt in deze wijk";
    if (strcmp(r, "vanuit huis") == 0)
        return "kan vanuit huis";
    if (strncmp(r, "vaardigheid: ", 13) == 0)
        return arena_printf(a, "kan: %s", r + 13);
    if (strcmp(r, "vast vrijwilligerswerk") == 0)
        return "zoekt vast vrijwilligerswerk";
    if (strcmp(r, "eenmalig") == 0)
        return "wil ook eenmalig helpen";
    if (strcmp(r, "tijd in overleg") == 0)
        return NULL;
    return r; /* "thema …" reads the same */
}

static int fit_by_score(const void *x, const void *y)
{
    const VolFit *a = x, *b = y;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return a->p.updated_at > b->p.updated_at ? -1 : a->p.updated_at < b->p.updated_at;
}

Status vacancy_fitting_volunteers(Ctx *c, int64_t vacancy, VolFit **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!c->user)
        return ERR_UNAUTHORIZED;
    Vacancy v;
    Status s = vacancy_get(c, vacancy, &v);
    if (s != STATUS_OK)
        return s;
    if (!vacancy_may_manage(c, &v))
        return ERR_FORBIDDEN;
    const char *wijk = NULL;
    Area *all;
    size_t na;
    if (v.area && reference_areas(c, &all, &na) == STATUS_OK)
        for (size_t i = 0; i < na; i++)
            if (strcmp(all[i].code, v.area) == 0 && all[i].parent && *all[i].parent)
                wijk = all[i].parent;
    VolunteerProfile *p;
    size_t np;
    if (store_vol_fitting(c->db, c->arena, c->tenant->id, v.times, v.area, wijk, v.theme, v.from_home,
                          VOL_MATCH_CANDIDATES, &p, &np) != DB_OK)
        return ERR_INTERNAL;
    VolCandidate cand = { .id = v.id, .title = v.title, .theme = v.theme, .theme_name = v.theme_name,
                          .area = v.area, .area_name = v.area_name, .area_parent = wijk, .from_home = v.from_home,
                          .date = v.date, .times = v.times, .skills = v.skills };
    /* who responded already is on the page as a response */
    VolResponse *rs;
    size_t nr = 0;
    if (vacancy_responses(c, vacancy, &rs, &nr) != STATUS_OK)
        return ERR_INTERNAL;
    VolFit *f = arena_alloc(c->arena, (np ? np : 1) * sizeof *f);
    size_t k = 0;
    for (size_t i = 0; i < np; i++) {
        int responded = 0;
        for (size_t j = 0; j < nr; j++)
            responded |= rs[j].user_id == p[i].user_id;
        VolMatch m;
        if (responded || vol_match_score(c->arena, &p[i], &cand, &m) <= 0)
            continue;
        VolFit *x = &f[k++];
        x->p = p[i];
        x->score = m.score;
        x->n_reasons = 0;
        for (size_t r = 0; r < m.n_reasons; r++) {
            const char *t = for_organisation(c->arena, m.reasons[r]);
            if (t)
                x->reasons[x->n_reasons++] = t;
        }
    }
    if (k > 1)
        qsort(f, k, sizeof *f, fit_by_score);
    *out = f;
    *n = k < VOL_MATCH_MAX ? k : VOL_MATCH_MAX;
    return STATUS_OK;
}
