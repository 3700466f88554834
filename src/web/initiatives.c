/* The initiative pages: the public list with search, filters and a CSV
 * download, the public page with its timeline and the forms on it (next
 * step, help requests), and the submit and edit forms, which share one
 * renderer. Markup from docs/markup.md. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "domain/initiatives.h"
#include "domain/reference.h"
#include "lib/csv.h"
#include "lib/dates.h"
#include "lib/markdown.h"
#include "lib/text.h"
#include "store/store.h"
#include "web/pages.h"

enum {
    PER_PAGE = 20,
    CSV_CHUNK = 500,
    CSV_MAX_ROWS = 100000,
    PAGE_MAX = 100000, /* higher page numbers count as this one: out of reach */
    QUERY_MAX = 200,  /* characters of a search */
    HELP_ROWS = 3,    /* help requests on the submit form */
    LINK_ROWS = 3,    /* link fields shown at least */
    CHOICES_MAX = 32, /* checkboxes read back from a form */
};

/* ------------------------------------------------------------------ */
/* Pieces shared with work.c                                           */
/* ------------------------------------------------------------------ */

void web_breadcrumb(Request *r, ...)
{
    Buf *b = &r->out;
    out_html(b, HTML("<nav class=\"utrecht-breadcrumb-nav\" aria-label=\"Kruimelpad\">\n"
                     "<ol class=\"utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol\">\n"
                     "<li class=\"utrecht-breadcrumb-nav__item\"><a class=\"utrecht-link utrecht-link--html-a "
                     "utrecht-breadcrumb-nav__link utrecht-breadcrumb-nav__link--first\" href=\"/\">Home</a></li>\n"));
    va_list ap;
    va_start(ap, r);
    const char *href = va_arg(ap, const char *);
    while (href) {
        const char *label = va_arg(ap, const char *);
        const char *next = va_arg(ap, const char *);
        out_html(b, HTML("<li class=\"utrecht-breadcrumb-nav__item\"><a class=\"utrecht-link utrecht-link--html-a "
                         "utrecht-breadcrumb-nav__link"));
        if (!next)
            out_html(b, HTML(" utrecht-breadcrumb-nav__link--current"));
        out_html(b, HTML("\" href=\""));
        out_url(b, href);
        out_html(b, next ? HTML("\">") : HTML("\" aria-current=\"page\">"));
        OUTF(b, "%s</a></li>\n", label);
        href = next;
    }
    va_end(ap);
    out_html(b, HTML("</ol>\n</nav>\n"));
}

void web_state_badge(Buf *b, ProcState s)
{
    OUTF(b, "<span class=\"utrecht-status-badge wijzer-status--%s\">%s</span>", state_code(s), state_label(s));
}

static void web_day(Request *r, int64_t day)
{
    OUTF(&r->out, "<time datetime=\"%s\">%s</time>", date_iso(r->arena, day), date_nl(r->arena, day));
}

const char *web_deadline_words(Arena *a, const Deadline *d, int capital)
{
    long long n = (long long)d->days_left;
    if (n == 0)
        return capital ? "Vandaag" : "vandaag";
    if (n > 0)
        return arena_printf(a, "%s %lld %s", capital ? "Nog" : "nog", n, n == 1 ? "dag" : "dagen");
    return arena_printf(a, "%lld %s te laat", -n, n == -1 ? "dag" : "dagen");
}

void web_deadline(Request *r, const Deadline *d)
{
    if (!d->active)
        return;
    Buf *b = &r->out;
    int64_t today = d->due_day - d->days_left;
    /* "Soon" is five working days, as the municipality counts. */
    const char *kind = d->days_left < 0                                   ? "overdue"
                       : date_add_working_days(today, 5) >= d->due_day ? "soon"
                                                                          : "ok";
    const char *what = d->what && strcmp(d->what, "intake") == 0 ? "Intake" : "Besluit";
    OUTF(b, "<p class=\"wijzer-deadline wijzer-deadline--%s\"><strong class=\"wijzer-deadline__label\">%s</strong> "
            "<span>%s ",
         kind, web_deadline_words(r->arena, d, 1), what);
    if (d->days_left < 0) {
        out_html(b, HTML("had er uiterlijk "));
        web_day(r, d->due_day);
        out_html(b, HTML(" moeten zijn"));
    } else {
        out_html(b, HTML("uiterlijk "));
        web_day(r, d->due_day);
    }
    out_html(b, HTML("</span></p>\n"));
}

/* A buurt named like its wijk ("Voorburg-West") says which one it is. */
static const char *buurt_label(Arena *a, const Area *buurt, const Area *wijk)
{
    if (strcmp(buurt->name, wijk->name) == 0)
        return arena_printf(a, "%s (buurt)", buurt->name);
    return buurt->name;
}

void web_area_select(Request *r, const Field *f, const char *none_label)
{
    Area *areas = NULL;
    size_t n = 0;
    if (reference_areas(&r->ctx, &areas, &n) != STATUS_OK)
        n = 0;
    Option *opts = arena_alloc(r->arena, (n + 1) * sizeof *opts);
    size_t k = 0;
    opts[k++] = (Option){ "", none_label, NULL };
    for (size_t i = 0; i < n; i++) {
        const Area *wijk = &areas[i];
        if (!wijk->kind || strcmp(wijk->kind, "wijk") != 0 || k > n)
            continue;
        opts[k++] = (Option){ wijk->code, arena_printf(r->arena, "Heel %s", wijk->name), wijk->name };
        for (size_t j = 0; j < n && k <= n; j++)
            if (areas[j].parent && strcmp(areas[j].parent, wijk->code) == 0)
                opts[k++] = (Option){ areas[j].code, buurt_label(r->arena, &areas[j], wijk), wijk->name };
    }
    form_select(r, f, opts, k);
}

/* From in->themes when the list loaded them (initiative_page_themes),
 * else with a query of its own. */
static int card_themes(Request *r, const Initiative *in, CodeName **t, size_t *n)
{
    if (in->themes) {
        *t = in->themes;
        *n = in->n_themes;
        return 1;
    }
    return initiative_themes(&r->ctx, in->id, t, n) == STATUS_OK;
}

static void theme_badges(Request *r, const Initiative *in)
{
    CodeName *t;
    size_t n;
    if (!card_themes(r, in, &t, &n))
        return;
    for (size_t i = 0; i < n; i++)
        OUTF(&r->out, " <data class=\"nl-data-badge\" value=\"%s\">%s</data>", t[i].code, t[i].name);
}

void web_initiative_card(Request *r, const Initiative *in, const Deadline *d)
{
    Buf *b = &r->out;
    OUTF(b, "<li class=\"wijzer-card\">\n<h2 class=\"nl-heading nl-heading--level-3\">"
            "<a class=\"nl-link\" href=\"/initiatieven/%lld\">%s</a></h2>\n",
         (long long)in->id, in->title);
    OUTF(b, "<p class=\"wijzer-card__meta\"><span>%s</span><span>%s ", in->area_name,
         in->submitted_at ? "Ingediend" : "Gedeeld");
    web_day(r, date_day(in->submitted_at ? in->submitted_at : in->created_at));
    out_html(b, HTML("</span></p>\n<p class=\"nl-paragraph\">"));
    if (in->snippet && *in->snippet)
        out_marked(b, in->snippet);
    else
        out_text(b, in->summary);
    out_html(b, HTML("</p>\n"));
    if (d)
        web_deadline(r, d);
    out_html(b, HTML("<div class=\"wijzer-card__footer\">"));
    web_state_badge(b, in->state);
    theme_badges(r, in);
    out_html(b, HTML("</div>\n</li>\n"));
}

/* ------------------------------------------------------------------ */
/* Helpers of this file                                                */
/* ------------------------------------------------------------------ */

/* A query-string argument, trimmed; NULL when absent or blank. */
static const char *query_arg(Request *r, const char *name)
{
    const char *v = text_trim(r->arena, form_get(r->query, name));
    return v && *v && utf8_valid(v) ? v : NULL;
}

static int64_t param_id(Request *r, int i)
{
    int64_t id;
    if (!r->params[i] || !parse_int64(r->params[i], &id) || id <= 0)
        return 0;
    return id;
}

static const char *detail_url(Request *r, int64_t id)
{
    return arena_printf(r->arena, "/initiatieven/%lld", (long long)id);
}

/* Any status but OK and a failed form becomes an error page here. */
static void status_page(Request *r, Status s)
{
    switch (s) {
    case ERR_NOT_FOUND:
        web_error(r, 404, "Dit initiatief bestaat niet (meer). In de lijst met initiatieven vindt u alle "
                          "initiatieven.");
        break;
    case ERR_FORBIDDEN:
        web_error(r, 403, "Dit mag alleen de initiatiefnemer of een medewerker van de gemeente.");
        break;
    case ERR_UNAUTHORIZED:
        web_error(r, 401, "Log eerst in.");
        break;
    case ERR_CONFLICT:
        web_error(r, 409, "Dit kan nu niet meer. Laad de pagina opnieuw en kijk hoe het er nu voor staat.");
        break;
    default:
        web_error(r, 500, "Er ging bij ons iets mis. Probeer het later nog eens.");
        break;
    }
}

/* Loads the initiative of the {id} in the path; on failure the error
 * page is written and 0 returned. */
static int load_initiative(Request *r, Initiative *in)
{
    int64_t id = param_id(r, 0);
    Status s = id ? initiative_get(&r->ctx, id, in) : ERR_NOT_FOUND;
    if (s != STATUS_OK) {
        status_page(r, s);
        return 0;
    }
    return 1;
}

static Option *code_options(Arena *a, const CodeName *v, size_t n, const char *none_label, size_t *k)
{
    Option *opts = arena_alloc(a, (n + 1) * sizeof *opts);
    *k = 0;
    if (none_label)
        opts[(*k)++] = (Option){ "", none_label, NULL };
    for (size_t i = 0; i < n; i++)
        opts[(*k)++] = (Option){ v[i].code, v[i].name, NULL };
    return opts;
}

static void button(Request *r, int primary, const char *name, const char *label)
{
    OUTF(&r->out, "<button class=\"nl-button nl-button--%s\" type=\"submit\"", primary ? "primary" : "secondary");
    if (name)
        OUTF(&r->out, " name=\"%s\" value=\"1\"", name);
    OUTF(&r->out, "><span class=\"nl-button__label\">%s</span></button>\n", label);
}

/* ------------------------------------------------------------------ */
/* GET /initiatieven and /initiatieven.csv                              */
/* ------------------------------------------------------------------ */

static InitiativeFilter list_filter(Request *r)
{
    InitiativeFilter f = { .q = query_arg(r, "q"),
                           .area = query_arg(r, "area"),
                           .theme = query_arg(r, "theme"),
                           .state = query_arg(r, "state"),
                           .page = 1,
                           .per_page = PER_PAGE };
    if (f.state && state_parse(f.state) == ST_NONE)
        f.state = NULL;
    if (f.q && utf8_len(f.q) > QUERY_MAX)
        f.q = NULL;
    int64_t p;
    if (parse_int64(query_arg(r, "page"), &p) && p > 1)
        f.page = p <= PAGE_MAX ? (int)p : PAGE_MAX;
    return f;
}

static void query_add(Buf *b, const char *name, const char *value)
{
    if (!value)
        return;
    buf_putc(b, b->len ? '&' : '?');
    buf_puts(b, name);
    buf_putc(b, '=');
    url_encode_into(b, value);
}

/* path with the filters of f, and page when above 1. */
static const char *list_url(Request *r, const char *path, const InitiativeFilter *f, int page)
{
    Buf q;
    buf_init(&q);
    query_add(&q, "q", f->q);
    query_add(&q, "area", f->area);
    query_add(&q, "theme", f->theme);
    query_add(&q, "state", f->state);
    if (page > 1)
        query_add(&q, "page", arena_printf(r->arena, "%d", page));
    const char *url = arena_printf(r->arena, "%s%s", path, q.len ? buf_cstr(&q) : "");
    buf_free(&q);
    return url;
}

static void list_filters(Request *r, const InitiativeFilter *f)
{
    Buf *b = &r->out;
    out_html(b, HTML("<form class=\"wijzer-filters\" method=\"get\" action=\"/initiatieven\" role=\"search\" "
                     "aria-label=\"Initiatieven zoeken\">\n"));
    form_text(r, &(Field){ .id = "q", .label = "Zoekwoord", .type = "search", .value = f->q });
    web_area_select(r, &(Field){ .id = "area", .label = "Wijk of buurt", .value = f->area }, "Alle wijken");
    CodeName *themes = NULL;
    size_t n = 0, k;
    if (reference_themes(&r->ctx, &themes, &n) != STATUS_OK)
        n = 0;
    Option *opts = code_options(r->arena, themes, n, "Alle thema's", &k);
    form_select(r, &(Field){ .id = "theme", .label = "Thema", .value = f->theme }, opts, k);
    Option states[ST_COUNT_ + 1] = { { "", "Alle statussen", NULL } };
    for (int i = 0; i < ST_COUNT_; i++)
        states[i + 1] = (Option){ state_code((ProcState)i), state_label((ProcState)i), NULL };
    form_select(r, &(Field){ .id = "state", .label = "Status", .value = f->state }, states, ST_COUNT_ + 1);
    out_html(b, HTML("<div>"));
    button(r, 1, NULL, "Zoeken");
    out_html(b, HTML("</div>\n</form>\n"));
}

static int has_filters(const InitiativeFilter *f)
{
    return f->q || f->area || f->theme || f->state;
}

static void list_count(Request *r, const InitiativeFilter *f, int64_t total)
{
    Buf *b = &r->out;
    const char *n = format_count(r->arena, total);
    if (f->q && total >= SEARCH_MAX) /* a search counts no further (model.h) */
        OUTF(b, "<p class=\"nl-paragraph\"><strong>%s of meer resultaten</strong> voor ‘%s’", n, f->q);
    else if (f->q)
        OUTF(b, "<p class=\"nl-paragraph\"><strong>%s %s</strong> voor ‘%s’", n,
             total == 1 ? "resultaat" : "resultaten", f->q);
    else
        OUTF(b, "<p class=\"nl-paragraph\"><strong>%s %s</strong>", n, total == 1 ? "initiatief" : "initiatieven");
    if (total > LIST_OFFSET_MAX) /* the pages stop there (domain/initiatives.h) */
        OUTF(b, " · de pagina's tonen de nieuwste %s; zoek op een woord of kies een filter om de andere te vinden",
             initiative_reach_label(r->arena));
    if (has_filters(f))
        out_html(b, HTML(" · <a class=\"nl-link\" href=\"/initiatieven\">Wis zoekwoord en filters</a>"));
    out_html(b, HTML("</p>\n"));
}

static void list_empty(Request *r, const InitiativeFilter *f)
{
    Buf *b = &r->out;
    out_html(b, HTML("<p class=\"nl-paragraph\">Geen initiatieven gevonden.</p>\n"));
    if (has_filters(f))
        out_html(b, HTML("<p class=\"nl-paragraph\">Probeer een ander zoekwoord of kies minder filters. Of "
                         "<a class=\"nl-link\" href=\"/initiatieven\">bekijk alle initiatieven</a>.</p>\n"));
    else
        out_html(b, HTML("<p class=\"nl-paragraph\">Er zijn nog geen initiatieven. Hebt u een idee voor uw buurt? "
                         "<a class=\"nl-link\" href=\"/initiatieven/nieuw\">Dien het eerste initiatief in</a>.</p>\n"));
}

static void page_link(Request *r, const InitiativeFilter *f, int page, int current)
{
    Buf *b = &r->out;
    out_html(b, current ? HTML("<a class=\"utrecht-pagination__page-link utrecht-pagination__page-link--current\" "
                               "aria-current=\"page\" href=\"")
                        : HTML("<a class=\"utrecht-pagination__page-link\" href=\""));
    out_url(b, list_url(r, "/initiatieven", f, page));
    OUTF(b, "\" aria-label=\"Pagina %d\">%d</a>\n", page, page);
}

static void list_pagination(Request *r, const InitiativeFilter *f, int64_t total)
{
    Buf *b = &r->out;
    int last = initiative_last_page(total, PER_PAGE), cur = f->page;
    if (last <= 1 && cur <= 1)
        return;
    out_html(b, HTML("<nav class=\"utrecht-pagination\" aria-label=\"Paginering\">\n"));
    if (cur > 1) {
        out_html(b, HTML("<a class=\"utrecht-pagination__relative-link utrecht-pagination__relative-link--prev\" "
                         "rel=\"prev\" href=\""));
        out_url(b, list_url(r, "/initiatieven", f, cur - 1 < last ? cur - 1 : last));
        out_html(b, HTML("\">Vorige</a>\n"));
    }
    int gap = 0;
    for (int p = 1; p <= last; p++) {
        /* First, last and the neighbours of the current page. */
        if (p != 1 && p != last && (p < cur - 1 || p > cur + 1)) {
            if (!gap)
                out_html(b, HTML("<span aria-hidden=\"true\">…</span>\n"));
            gap = 1;
            continue;
        }
        gap = 0;
        page_link(r, f, p, p == cur);
    }
    if (cur < last) {
        out_html(b, HTML("<a class=\"utrecht-pagination__relative-link utrecht-pagination__relative-link--next\" "
                         "rel=\"next\" href=\""));
        out_url(b, list_url(r, "/initiatieven", f, cur + 1));
        out_html(b, HTML("\">Volgende</a>\n"));
    }
    out_html(b, HTML("</nav>\n"));
}

static const char *list_title(Request *r, const InitiativeFilter *f)
{
    const char *t = f->q ? arena_printf(r->arena, "Zoeken naar ‘%s’", f->q) : "Initiatieven";
    return f->page > 1 ? arena_printf(r->arena, "%s (pagina %d)", t, f->page) : t;
}

/* A page number past the reach (LIST_OFFSET_MAX): no list, but why,
 * the search form to narrow it down, and the last page there is. 400, so
 * it is not kept or indexed as a page of its own. */
static void list_too_deep(Request *r, const InitiativeFilter *f)
{
    Buf *b = &r->out;
    int64_t total = 0;
    if (initiative_count(&r->ctx, f, &total) != STATUS_OK) {
        status_page(r, ERR_INTERNAL);
        return;
    }
    r->status = 400;
    page_begin(r, list_title(r, f), "initiatieven");
    web_breadcrumb(r, "/initiatieven", "Initiatieven", NULL);
    out_html(b, HTML("<h1 class=\"nl-heading nl-heading--level-1\">Initiatieven</h1>\n"
                     "<div class=\"utrecht-alert utrecht-alert--info\" role=\"status\">\n"
                     "<div class=\"utrecht-alert__content\"><div class=\"utrecht-alert__message\">\n"
                     "<p class=\"nl-paragraph\"><strong>Let op:</strong> Zo ver terugbladeren kan niet. "));
    OUTF(b, "De pagina's tonen de nieuwste %s initiatieven. ", initiative_reach_label(r->arena));
    out_html(b, HTML("Zoek op een woord, of kies een wijk, thema of status om minder initiatieven te zien.</p>\n"
                     "</div></div>\n</div>\n"));
    list_filters(r, f);
    int last = initiative_last_page(total, PER_PAGE);
    out_html(b, HTML("<p class=\"nl-paragraph\"><a class=\"nl-link\" href=\""));
    out_url(b, list_url(r, "/initiatieven", f, last));
    if (last > 1)
        OUTF(b, "\">Naar pagina %d, de laatste pagina</a></p>\n", last);
    else
        out_html(b, HTML("\">Naar de eerste pagina</a></p>\n"));
    page_end(r);
}

void page_initiatives(Request *r)
{
    Buf *b = &r->out;
    InitiativeFilter f = list_filter(r);
    if (!initiative_page_reachable(f.page, PER_PAGE)) {
        list_too_deep(r, &f);
        return;
    }
    InitiativePage pg;
    if (initiative_list(&r->ctx, &f, &pg) != STATUS_OK || initiative_page_themes(&r->ctx, &pg) != STATUS_OK) {
        status_page(r, ERR_INTERNAL);
        return;
    }
    page_begin(r, list_title(r, &f), "initiatieven");
    web_breadcrumb(r, "/initiatieven", "Initiatieven", NULL);
    out_html(b, HTML("<h1 class=\"nl-heading nl-heading--level-1\">Initiatieven</h1>\n"
                     "<p class=\"nl-paragraph nl-paragraph--lead\">Wat inwoners samen doen voor hun straat, buurt of "
                     "wijk. Zoek op een woord, of kies een wijk, thema of status.</p>\n"));
    list_filters(r, &f);
    list_count(r, &f, pg.total);
    if (!pg.n) {
        list_empty(r, &f);
    } else {
        out_html(b, HTML("<ul class=\"wijzer-cards\">\n"));
        for (size_t i = 0; i < pg.n; i++)
            web_initiative_card(r, &pg.items[i], NULL);
        out_html(b, HTML("</ul>\n"));
    }
    list_pagination(r, &f, pg.total);
    if (pg.total) {
        out_html(b, HTML("<p class=\"nl-paragraph\"><a class=\"nl-link\" href=\""));
        out_url(b, list_url(r, "/initiatieven.csv", &f, 1));
        out_html(b, HTML("\">Download als CSV (met deze filters)</a></p>\n"));
    }
    page_end(r);
}

/* This site's address as the visitor reached it, for links in exports;
 * "" when the Host header looks odd. */
static const char *site_url(Request *r)
{
    const char *host = req_header(r, "Host");
    if (!host || !*host || strlen(host) > 255 || host[strspn(host, "abcdefghijklmnopqrstuvwxyz"
                                                                  "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]")])
        return "";
    return arena_printf(r->arena, "%s://%s", r->secure ? "https" : "http", host);
}

static const char *theme_names(Request *r, const Initiative *in)
{
    CodeName *t;
    size_t n;
    if (!card_themes(r, in, &t, &n) || !n)
        return "";
    Buf names;
    buf_init(&names);
    for (size_t i = 0; i < n; i++) {
        if (i)
            buf_puts(&names, "; ");
        buf_puts(&names, t[i].name);
    }
    const char *s = arena_strdup(r->arena, buf_cstr(&names));
    buf_free(&names);
    return s;
}

static void csv_row(Request *r, const Initiative *in, const char *site)
{
    Buf *b = &r->out;
    csv_write_cell(b, arena_printf(r->arena, "%lld", (long long)in->id), 1);
    csv_write_cell(b, in->title, 0);
    csv_write_cell(b, in->summary, 0);
    csv_write_cell(b, in->area_name, 0);
    csv_write_cell(b, state_label(in->state), 0);
    csv_write_cell(b, theme_names(r, in), 0);
    csv_write_cell(b, in->submitted_at ? date_iso(r->arena, date_day(in->submitted_at)) : "", 0);
    csv_write_cell(b, initiative_public_name(in), 0);
    csv_write_cell(b, arena_printf(r->arena, "%s/initiatieven/%lld", site, (long long)in->id), 0);
    csv_end_row(b);
}

void page_initiatives_csv(Request *r)
{
    InitiativeFilter f = list_filter(r);
    f.per_page = CSV_CHUNK;
    const char *site = site_url(r);
    static const char *const header[] = { "id",     "titel",       "samenvatting",    "wijk of buurt", "status",
                                          "thema's", "ingediend op", "initiatiefnemer", "url" };
    csv_begin(&r->out);
    for (size_t i = 0; i < sizeof header / sizeof *header; i++)
        csv_write_cell(&r->out, header[i], i == 0);
    csv_end_row(&r->out);
    /* In chunks, so one page of the store stays small; capped so a
     * download cannot grow without end. Without a search word by keyset
     * (the pages stop at LIST_OFFSET_MAX, and each chunk costs the same);
     * a search has at most SEARCH_MAX hits, well within the pages. */
    size_t rows = 0;
    int64_t after = 0;
    for (f.page = 1; rows < CSV_MAX_ROWS && (!f.q || initiative_page_reachable(f.page, CSV_CHUNK)); f.page++) {
        InitiativePage pg;
        int more = 0;
        Status s = f.q ? initiative_list(&r->ctx, &f, &pg) : initiative_list_after(&r->ctx, &f, after, &pg, &more);
        if (s != STATUS_OK || initiative_page_themes(&r->ctx, &pg) != STATUS_OK) {
            status_page(r, ERR_INTERNAL);
            return;
        }
        for (size_t i = 0; i < pg.n && rows < CSV_MAX_ROWS; i++, rows++)
            csv_row(r, &pg.items[i], site);
        if (pg.n < CSV_CHUNK || (!f.q && !more))
            break;
        after = pg.items[pg.n - 1].id;
    }
    r->content_type = "text/csv; charset=utf-8";
    resp_header(r, "Content-Disposition", "attachment; filename=\"initiatieven.csv\"");
}

/* ------------------------------------------------------------------ */
/* GET /initiatieven/{id}: the public page                             */
/* ------------------------------------------------------------------ */

/* What was sent to one of the forms on the public page, to show it again
 * with its errors. */
typedef struct DetailForms {
    FieldErrors errors;
    const char *to, *note, *contact;          /* next step */
    const char *kind, *description, *amount;  /* new help request */
} DetailForms;

static const char *detail_field_id(Arena *a, const char *field)
{
    (void)a;
    static const char *const map[][2] = {
        { "to", "step-to" },           { "note", "step-note" },
        { "contact", "step-contact" }, { "kind", "help-kind" },
        { "description", "help-description" }, { "amount_cents", "help-amount" },
        { "help_requests", "help-kind" },
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (strcmp(field, map[i][0]) == 0)
            return map[i][1];
    return NULL;
}

static void detail_intro(Request *r, const Initiative *in)
{
    Buf *b = &r->out;
    out_html(b, HTML("<p class=\"wijzer-badges\">"));
    web_state_badge(b, in->state);
    OUTF(b, " <data class=\"nl-data-badge\" value=\"%s\">%s</data>", in->area_code, in->area_name);
    for (size_t i = 0; i < in->n_themes; i++)
        OUTF(b, " <data class=\"nl-data-badge\" value=\"%s\">%s</data>", in->themes[i].code, in->themes[i].name);
    OUTF(b, "</p>\n<p class=\"nl-paragraph nl-paragraph--lead\">%s</p>\n", in->summary);
    OUTF(b, "<p class=\"nl-paragraph\"><strong>%s:</strong> %s</p>\n", state_label(in->state),
         state_explain(in->state));
    Deadline d = initiative_deadline(&r->ctx, in);
    web_deadline(r, &d);
    if (initiative_may_edit(&r->ctx, in))
        OUTF(b, "<div class=\"wijzer-actions\"><a class=\"nl-button nl-button--secondary\" "
                "href=\"/initiatieven/%lld/bewerken\"><span class=\"nl-button__label\">Bewerken</span></a></div>\n",
             (long long)in->id);
}

static void fact_begin(Request *r, const char *key)
{
    OUTF(&r->out, "<div class=\"utrecht-data-list__item\"><dt class=\"utrecht-data-list__item-key\">%s</dt>"
                  "<dd class=\"utrecht-data-list__item-value utrecht-data-list__item-value--html-dd\">",
         key);
}

static void fact_end(Request *r)
{
    out_html(&r->out, HTML("</dd></div>\n"));
}

static void fact(Request *r, const char *key, const char *value)
{
    fact_begin(r, key);
    out_text(&r->out, value);
    fact_end(r);
}

static void fact_contact(Request *r, const Initiative *in)
{
    int mine = initiative_is_initiator(&r->ctx, in);
    if (in->contact_id && in->contact_name)
        fact(r, "Vaste contactpersoon",
             mine ? arena_printf(r->arena, "Uw vaste contactpersoon: %s", in->contact_name) : in->contact_name);
    else
        fact(r, "Vaste contactpersoon", mine ? "Nog geen contactpersoon; die krijgt u bij de intake."
                                             : "Nog geen contactpersoon; die komt er bij de intake.");
}

static void fact_sdgs(Request *r, const Initiative *in)
{
    Buf *b = &r->out;
    fact_begin(r, "Werelddoelen (SDG's)");
    if (!in->n_sdgs)
        out_html(b, HTML("Geen gekozen"));
    for (size_t i = 0; i < in->n_sdgs; i++)
        OUTF(b, "%s%s. %s", i ? ", " : "", in->sdgs[i].code, in->sdgs[i].name);
    fact_end(r);
}

static void detail_facts(Request *r, const Initiative *in)
{
    Buf *b = &r->out;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\">Gegevens</h2>\n"
                     "<dl class=\"utrecht-data-list utrecht-data-list--rows\">\n"));
    fact(r, "Wijk of buurt", in->area_name);
    const char *name = initiative_public_name(in);
    fact(r, "Initiatiefnemer", name && *name ? name : "Naam niet openbaar");
    fact_contact(r, in);
    fact_begin(r, "Ingediend op");
    if (in->submitted_at)
        web_day(r, date_day(in->submitted_at));
    else
        out_html(b, HTML("Nog niet ingediend: dit is nog een idee."));
    fact_end(r);
    fact_begin(r, "Thema's");
    if (!in->n_themes)
        out_html(b, HTML("Geen gekozen"));
    for (size_t i = 0; i < in->n_themes; i++)
        OUTF(b, "%s%s", i ? ", " : "", in->themes[i].name);
    fact_end(r);
    fact_sdgs(r, in);
    out_html(b, HTML("</dl>\n"));
}

static const char *link_label(const char *kind)
{
    static const char *const labels[][2] = {
        { "website", "Website" },   { "facebook", "Facebook" }, { "instagram", "Instagram" },
        { "linkedin", "LinkedIn" }, { "x", "X (Twitter)" },     { "youtube", "YouTube" },
    };
    for (size_t i = 0; kind && i < sizeof labels / sizeof *labels; i++)
        if (strcmp(kind, labels[i][0]) == 0)
            return labels[i][1];
    return "Sociale media";
}

static void detail_body(Request *r, const Initiative *in)
{
    Buf *b = &r->out;
    if (in->description && !text_is_blank(in->description)) {
        out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\">Beschrijving</h2>\n<div class=\"wijzer-flow\">\n"));
        out_html(b, markdown_render(r->arena, in->description));
        out_html(b, HTML("</div>\n"));
    }
    if (!in->n_links)
        return;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\">Links</h2>\n<ul>\n"));
    for (size_t i = 0; i < in->n_links; i++) {
        OUTF(b, "<li>%s: <a class=\"nl-link\" rel=\"nofollow noopener\" href=\"", link_label(in->links[i].kind));
        out_url(b, in->links[i].url);
        OUTF(b, "\">%s</a></li>\n", in->links[i].url);
    }
    out_html(b, HTML("</ul>\n"));
}

static void help_state_badge(Buf *b, HelpState s)
{
    static const char *const modifier[HELP_COUNT_] = { "", " utrecht-status-badge--success",
                                                       " utrecht-status-badge--success",
                                                       " utrecht-status-badge--danger" };
    OUTF(b, "<span class=\"utrecht-status-badge%s\">%s</span>", s < HELP_COUNT_ ? modifier[s] : "",
         help_state_label(s));
}

/* Staff set a help request's state right where they read it. */
static void help_state_form(Request *r, const Initiative *in, const HelpRequest *h)
{
    Buf *b = &r->out;
    OUTF(b, "<form method=\"post\" action=\"/initiatieven/%lld/hulpvragen/%lld/status\" novalidate>\n",
         (long long)in->id, (long long)h->id);
    form_csrf(r);
    Option opts[HELP_COUNT_];
    for (int i = 0; i < HELP_COUNT_; i++)
        opts[i] = (Option){ help_state_code((HelpState)i), help_state_label((HelpState)i), NULL };
    form_select(r,
                &(Field){ .id = arena_printf(r->arena, "help-%lld-state", (long long)h->id),
                          .name = "state",
                          .label = arena_printf(r->arena, "Status van hulpvraag ‘%s’", h->kind_name),
                          .value = help_state_code(h->state) },
                opts, HELP_COUNT_);
    out_html(b, HTML("<div class=\"wijzer-actions\">"));
    button(r, 0, NULL, "Status opslaan");
    out_html(b, HTML("</div>\n</form>\n"));
}

static void help_card(Request *r, const Initiative *in, const HelpRequest *h)
{
    Buf *b = &r->out;
    OUTF(b, "<li class=\"wijzer-card\">\n<h3 class=\"nl-heading nl-heading--level-4\">%s</h3>\n"
            "<p class=\"nl-paragraph\">%s</p>\n<div class=\"wijzer-card__footer\">",
         h->kind_name, h->description);
    help_state_badge(b, h->state);
    if (h->amount_cents >= 0)
        OUTF(b, " <data class=\"nl-data-badge\" value=\"%lld\">%s</data>", (long long)h->amount_cents,
             format_euros(r->arena, h->amount_cents));
    out_html(b, HTML("</div>\n"));
    if (r->ctx.user && role_is_staff(r->ctx.user->role))
        help_state_form(r, in, h);
    out_html(b, HTML("</li>\n"));
}

static void help_kind_select(Request *r, const Field *f, const char *none_label)
{
    CodeName *kinds = NULL;
    size_t n = 0, k;
    if (reference_help_kinds(&r->ctx, &kinds, &n) != STATUS_OK)
        n = 0;
    Option *opts = code_options(r->arena, kinds, n, none_label, &k);
    form_select(r, f, opts, k);
}

static void help_add_form(Request *r, const Initiative *in, const DetailForms *df)
{
    Buf *b = &r->out;
    const FieldErrors *e = &df->errors;
    out_html(b, HTML("<h3 class=\"nl-heading nl-heading--level-3\" id=\"hulpvraag-toevoegen\">Hulpvraag toevoegen</h3>\n"));
    OUTF(b, "<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/initiatieven/%lld/hulpvragen\" novalidate>\n",
         (long long)in->id);
    form_csrf(r);
    const char *many = errors_get(e, "help_requests");
    help_kind_select(r,
                     &(Field){ .id = "help-kind", .name = "kind", .label = "Soort hulp", .required = 1,
                               .value = df->kind, .error = many ? many : errors_get(e, "kind") },
                     "Kies een soort hulp");
    form_textarea(r, &(Field){ .id = "help-description", .name = "description", .label = "Wat hebt u nodig?",
                               .hint = "Zo precies mogelijk, bijvoorbeeld ‘4 vrijwilligers op zaterdag 12 april’.",
                               .required = 1, .rows = 3, .value = df->description,
                               .error = errors_get(e, "description") });
    form_text(r, &(Field){ .id = "help-amount", .name = "amount", .label = "Bedrag in euro",
                           .hint = "Alleen als u geld vraagt, bijvoorbeeld 250,00.", .optional = 1,
                           .inputmode = "decimal", .css = "utrecht-textbox--numeric", .value = df->amount,
                           .error = errors_get(e, "amount_cents") });
    out_html(b, HTML("<div class=\"wijzer-actions\">"));
    button(r, 1, NULL, "Hulpvraag toevoegen");
    out_html(b, HTML("</div>\n</form>\n"));
}

static void detail_help(Request *r, const Initiative *in, const DetailForms *df)
{
    Buf *b = &r->out;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"hulpvragen\">Hulpvragen</h2>\n"));
    if (!in->n_help) {
        out_html(b, HTML("<p class=\"nl-paragraph\">Er zijn (nog) geen hulpvragen.</p>\n"));
    } else {
        out_html(b, HTML("<ul class=\"wijzer-cards\">\n"));
        for (size_t i = 0; i < in->n_help; i++)
            help_card(r, in, &in->help[i]);
        out_html(b, HTML("</ul>\n"));
    }
    if (initiative_may_edit(&r->ctx, in))
        help_add_form(r, in, df);
}

/* Who made a step, as this visitor may see it: staff by name, the
 * initiator by name only when she chose so. */
static const char *event_by(Request *r, const Initiative *in, const TimelineEvent *e)
{
    if (!e->by_name)
        return "de gemeente";
    if (role_is_staff(e->by_role))
        return arena_printf(r->arena, "%s (gemeente)", e->by_name);
    if (initiative_public_name(in) || initiative_may_edit(&r->ctx, in))
        return e->by_name;
    return "de initiatiefnemer";
}

static void timeline_item(Request *r, const Initiative *in, const TimelineEvent *e, int current)
{
    Buf *b = &r->out;
    out_html(b, current ? HTML("<li class=\"wijzer-timeline__item wijzer-timeline__item--current\">\n")
                        : HTML("<li class=\"wijzer-timeline__item\">\n"));
    OUTF(b, "<time class=\"wijzer-timeline__date\" datetime=\"%s\">%s</time>\n", datetime_iso(r->arena, e->at),
         date_nl(r->arena, date_day(e->at)));
    if (e->from == ST_NONE)
        OUTF(b, "<span class=\"wijzer-timeline__title\">%s</span>\n", state_label(e->to));
    else
        OUTF(b, "<span class=\"wijzer-timeline__title\">Van %s naar %s</span>\n", state_label(e->from),
             state_label(e->to));
    OUTF(b, "<div class=\"wijzer-timeline__body\"><p class=\"nl-paragraph\">Door %s.</p>", event_by(r, in, e));
    if (e->note && !text_is_blank(e->note))
        OUTF(b, "<p class=\"nl-paragraph\">%s</p>", e->note);
    out_html(b, HTML("</div>\n</li>\n"));
}

static void detail_timeline(Request *r, const Initiative *in)
{
    Buf *b = &r->out;
    TimelineEvent *ev = NULL;
    size_t n = 0;
    if (initiative_timeline(&r->ctx, in->id, &ev, &n) != STATUS_OK || !n)
        return;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"verloop\">Verloop</h2>\n"
                     "<ol class=\"wijzer-timeline\">\n"));
    for (size_t i = 0; i < n; i++)
        timeline_item(r, in, &ev[i], i + 1 == n);
    out_html(b, HTML("</ol>\n"));
}

static void contact_select(Request *r, const DetailForms *df, const struct Suggestions *sg)
{
    User *staff = NULL;
    size_t n = 0;
    if (store_staff(r->ctx.db, r->arena, r->ctx.tenant->id, &staff, &n) != DB_OK)
        n = 0;
    Option *opts = arena_alloc(r->arena, (n + 1) * sizeof *opts);
    for (size_t i = 0; i < n; i++)
        opts[i] = (Option){ arena_printf(r->arena, "%lld", (long long)staff[i].id), staff[i].name, NULL };
    const char *chosen = df->contact;
    const char *best = web_contact_suggestions(r, sg);
    if (!chosen)
        chosen = best;
    if (!chosen && role_is_staff(r->ctx.user->role))
        chosen = arena_printf(r->arena, "%lld", (long long)r->ctx.user->id);
    form_select(r,
                &(Field){ .id = "step-contact", .name = "contact", .label = "Vaste contactpersoon",
                          .hint = "Alleen nodig bij de stap Intake. De contactpersoon helpt de initiatiefnemer "
                                  "tot het einde.",
                          .value = chosen, .error = errors_get(&df->errors, "contact") },
                opts, n);
}

static void detail_next_step(Request *r, const Initiative *in, const DetailForms *df,
                             const struct Suggestions *sg)
{
    if (!r->ctx.user)
        return;
    ProcState next[ST_COUNT_];
    int n = process_next(r->ctx.user->role, initiative_is_initiator(&r->ctx, in), in->state, next);
    if (!n)
        return;
    Buf *b = &r->out;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"volgende-stap\">Volgende stap</h2>\n"));
    OUTF(b, "<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/initiatieven/%lld/stappen\" novalidate>\n",
         (long long)in->id);
    form_csrf(r);
    Option opts[ST_COUNT_];
    int intake = 0;
    for (int i = 0; i < n; i++) {
        opts[i] = (Option){ state_code(next[i]), state_label(next[i]), NULL };
        intake |= next[i] == ST_INTAKE;
    }
    form_radios(r,
                &(Field){ .id = "step-to", .name = "to", .label = "Naar welke stap gaat het initiatief?",
                          .hint = arena_printf(r->arena, "Nu: %s.", state_label(in->state)), .required = 1,
                          .value = df->to, .error = errors_get(&df->errors, "to") },
                opts, (size_t)n);
    if (intake)
        contact_select(r, df, sg);
    form_textarea(r, &(Field){ .id = "step-note", .name = "note", .label = "Toelichting",
                               .hint = "Komt openbaar in het verloop. Verplicht bij afwijzen, doorverwijzen en "
                                       "stoppen: schrijf dan kort waarom.",
                               .rows = 4, .value = df->note, .error = errors_get(&df->errors, "note") });
    out_html(b, HTML("<div class=\"wijzer-actions\">"));
    button(r, 1, NULL, "Stap opslaan");
    out_html(b, HTML("</div>\n</form>\n"));
}

static void render_detail(Request *r, const Initiative *in, const DetailForms *df)
{
    Buf *b = &r->out;
    page_begin(r, form_title(r, in->title, &df->errors), "initiatieven");
    web_breadcrumb(r, "/initiatieven", "Initiatieven", detail_url(r, in->id), in->title, NULL);
    OUTF(b, "<h1 class=\"nl-heading nl-heading--level-1\">%s</h1>\n", in->title);
    form_error_summary(r, &df->errors, detail_field_id);
    detail_intro(r, in);
    detail_facts(r, in);
    detail_body(r, in);
    detail_help(r, in, df);
    web_connections_section(r, in);
    const struct Suggestions *sg = web_suggestions(r, in);
    web_suggestions_section(r, in, sg);
    web_fund_apply_section(r, in);
    detail_timeline(r, in);
    detail_next_step(r, in, df, sg);
    page_end(r);
}

void page_initiative(Request *r)
{
    Initiative in;
    if (!load_initiative(r, &in))
        return;
    DetailForms df = { 0 };
    render_detail(r, &in, &df);
}

/* A form on the public page failed: show the page again with it. The
 * initiative is read again, as a conflict means it changed meanwhile. */
static void detail_again(Request *r, Initiative *in, DetailForms *df, Status s)
{
    if (s == ERR_CONFLICT && !df->errors.n && !df->errors.summary)
        df->errors.summary = "Dit kan nu niet meer. Kijk hieronder hoe het er nu voor staat.";
    if (initiative_get(&r->ctx, in->id, in) != STATUS_OK) {
        status_page(r, ERR_NOT_FOUND);
        return;
    }
    r->status = s == ERR_CONFLICT ? 409 : 422;
    render_detail(r, in, df);
}

void page_initiative_transition(Request *r)
{
    Initiative in;
    if (!load_initiative(r, &in))
        return;
    DetailForms df = { .to = req_arg(r, "to"), .note = req_arg(r, "note"), .contact = req_arg(r, "contact") };
    int64_t contact = 0;
    if (df.contact && !parse_int64(df.contact, &contact))
        contact = -1; /* not a person: the domain says so */
    Status s;
    if (text_is_blank(df.to)) {
        errors_add(&df.errors, "to", "Kies de volgende stap.");
        s = ERR_INVALID;
    } else {
        s = initiative_transition(&r->ctx, in.id, state_parse(df.to), df.note, contact, &df.errors);
    }
    if (s == STATUS_OK) {
        flash_set(r, "stap");
        resp_redirect(r, detail_url(r, in.id));
    } else if (s == ERR_INVALID || s == ERR_CONFLICT) {
        detail_again(r, &in, &df, s);
    } else {
        status_page(r, s);
    }
}

void page_initiative_help_add(Request *r)
{
    Initiative in;
    if (!load_initiative(r, &in))
        return;
    DetailForms df = { .kind = req_arg(r, "kind"), .description = req_arg(r, "description"),
                       .amount = req_arg(r, "amount") };
    HelpInput h = { .kind = df.kind, .description = df.description, .amount = df.amount ? df.amount : "",
                    .amount_cents = -1 };
    int64_t help_id;
    Status s = initiative_add_help(&r->ctx, in.id, &h, &df.errors, &help_id);
    if (s == STATUS_OK) {
        flash_set(r, "hulpvraag");
        resp_redirect(r, detail_url(r, in.id));
    } else if (s == ERR_INVALID) {
        detail_again(r, &in, &df, s);
    } else {
        status_page(r, s);
    }
}

void page_initiative_help_state(Request *r)
{
    int64_t id = param_id(r, 0), help_id = param_id(r, 1);
    int st = help_state_parse(req_arg(r, "state"));
    if (!id || !help_id) {
        status_page(r, ERR_NOT_FOUND);
        return;
    }
    if (st < 0) {
        web_error(r, 400, "Kies een status uit de lijst.");
        return;
    }
    Status s = initiative_set_help_state(&r->ctx, id, help_id, (HelpState)st);
    if (s != STATUS_OK) {
        status_page(r, s);
        return;
    }
    flash_set(r, "hulpvraag_status");
    resp_redirect(r, detail_url(r, id));
}

/* ------------------------------------------------------------------ */
/* The submit and edit forms                                          */
/* ------------------------------------------------------------------ */

/* The form as typed, or as stored when editing. */
typedef struct FormValues {
    const char *title, *summary, *description, *area;
    const char *themes[CHOICES_MAX];
    size_t n_themes;
    const char *sdgs[CHOICES_MAX];
    size_t n_sdgs;
    const char *links[LINKS_MAX]; /* [0] is the website */
    size_t n_links;               /* link fields to show */
    int show_name;
    HelpInput help[HELP_ROWS];
} FormValues;

static const char *indexed(Request *r, const char *name, size_t i)
{
    return arena_printf(r->arena, "%s_%zu", name, i);
}

static void values_from_request(Request *r, FormValues *v)
{
    memset(v, 0, sizeof *v);
    const Form *f = r->form;
    v->title = form_get(f, "title");
    v->summary = form_get(f, "summary");
    v->description = form_get(f, "description");
    v->area = form_get(f, "area");
    v->n_themes = form_get_all(f, "themes", v->themes, CHOICES_MAX);
    v->n_sdgs = form_get_all(f, "sdgs", v->sdgs, CHOICES_MAX);
    v->n_links = LINK_ROWS;
    for (size_t i = 0; i < LINKS_MAX; i++)
        if ((v->links[i] = form_get(f, indexed(r, "link", i))) && i >= v->n_links)
            v->n_links = i + 1;
    v->show_name = form_get(f, "show_name") != NULL;
    for (size_t i = 0; i < HELP_ROWS; i++) {
        v->help[i].kind = form_get(f, indexed(r, "help_kind", i));
        v->help[i].description = form_get(f, indexed(r, "help_description", i));
        v->help[i].amount = form_get(f, indexed(r, "help_amount", i));
    }
}

static void values_from_initiative(const Initiative *in, FormValues *v)
{
    memset(v, 0, sizeof *v);
    v->title = in->title;
    v->summary = in->summary;
    v->description = in->description;
    v->area = in->area_code;
    for (size_t i = 0; i < in->n_themes && v->n_themes < CHOICES_MAX; i++)
        v->themes[v->n_themes++] = in->themes[i].code;
    for (size_t i = 0; i < in->n_sdgs && v->n_sdgs < CHOICES_MAX; i++)
        v->sdgs[v->n_sdgs++] = in->sdgs[i].code;
    /* The website goes in its own field, the rest after it. */
    size_t next = 1;
    for (size_t i = 0; i < in->n_links; i++) {
        if (!v->links[0] && strcmp(in->links[i].kind, "website") == 0)
            v->links[0] = in->links[i].url;
        else if (next < LINKS_MAX)
            v->links[next++] = in->links[i].url;
    }
    v->n_links = next > LINK_ROWS ? next : LINK_ROWS;
    v->show_name = in->show_name;
}

/* The kind of a link from the field it was typed in and its address. */
static const char *link_kind(size_t field, const char *url)
{
    static const char *const known[][2] = {
        { "facebook.", "facebook" }, { "instagram.", "instagram" }, { "linkedin.", "linkedin" },
        { "youtube.", "youtube" },   { "twitter.", "x" },           { "//x.com", "x" },
    };
    if (field == 0)
        return "website";
    for (size_t i = 0; i < sizeof known / sizeof *known; i++)
        if (strstr(url, known[i][0]))
            return known[i][1];
    return "social";
}

static int help_row_filled(const HelpInput *h)
{
    return !text_is_blank(h->kind) || !text_is_blank(h->description) || !text_is_blank(h->amount);
}

/* row_of[i]: the form row of the input's help request i. */
static void values_to_input(Request *r, const FormValues *v, InitiativeInput *in, int creating,
                            size_t row_of[HELP_ROWS])
{
    memset(in, 0, sizeof *in);
    in->title = v->title;
    in->summary = v->summary;
    in->description = v->description;
    in->area = v->area;
    /* One more than allowed, so the domain can say there are too many. */
    for (size_t i = 0; i < v->n_themes && in->n_themes <= THEMES_MAX; i++)
        in->themes[in->n_themes++] = v->themes[i];
    for (size_t i = 0; i < v->n_sdgs && in->n_sdgs <= SDGS_MAX; i++)
        in->sdgs[in->n_sdgs++] = v->sdgs[i];
    for (size_t i = 0; i < v->n_links && in->n_links < LINKS_MAX; i++)
        if (!text_is_blank(v->links[i]))
            in->links[in->n_links++] = (Link){ link_kind(i, v->links[i]), v->links[i] };
    in->show_name = v->show_name;
    in->present.title = in->present.summary = in->present.description = in->present.area = 1;
    in->present.themes = in->present.sdgs = in->present.links = in->present.show_name = 1;
    in->as_idea = form_get(r->form, "as_idea") != NULL;
    for (size_t i = 0; creating && i < HELP_ROWS; i++) {
        if (!help_row_filled(&v->help[i]))
            continue;
        row_of[in->n_help] = i;
        in->help[in->n_help] = v->help[i];
        in->help[in->n_help].amount = v->help[i].amount ? v->help[i].amount : "";
        in->help[in->n_help].amount_cents = -1;
        in->n_help++;
    }
}

/* The domain numbers help requests as sent; the form skips empty rows,
 * so put each error back on the row it belongs to. */
static void errors_to_rows(Request *r, FieldErrors *e, const size_t row_of[HELP_ROWS], size_t n_help)
{
    for (size_t i = 0; i < e->n; i++) {
        unsigned k;
        int used = 0;
        if (sscanf(e->field[i], "help_requests[%u]%n", &k, &used) == 1 && used && k < n_help)
            e->field[i] = arena_printf(r->arena, "help_requests[%zu]%s", row_of[k], e->field[i] + used);
    }
}

static const char *form_field_id(Arena *a, const char *field)
{
    static const char *const plain[] = { "title", "summary", "description", "area", "themes", "sdgs", "links" };
    for (size_t i = 0; i < sizeof plain / sizeof *plain; i++)
        if (strcmp(field, plain[i]) == 0)
            return field;
    if (strcmp(field, "help_requests") == 0)
        return "help-0";
    unsigned row;
    int used = 0;
    if (sscanf(field, "help_requests[%u].%n", &row, &used) != 1 || !used || row >= HELP_ROWS)
        return NULL;
    const char *part = field + used;
    return arena_printf(a, "help-%u-%s", row, strcmp(part, "amount_cents") == 0 ? "amount" : part);
}

static void fields_about(Request *r, const FormValues *v, const FieldErrors *e)
{
    out_html(&r->out, HTML("<h2 class=\"nl-heading nl-heading--level-2\">Over het initiatief</h2>\n"));
    form_text(r, &(Field){ .id = "title", .label = "Titel", .required = 1, .value = v->title,
                           .hint = "Kort en herkenbaar, bijvoorbeeld ‘Buurtmoestuin De Heuvel’. Hoogstens 120 tekens.",
                           .error = errors_get(e, "title") });
    form_textarea(r, &(Field){ .id = "summary", .label = "Korte samenvatting", .required = 1, .rows = 3,
                               .value = v->summary,
                               .hint = "In een of twee zinnen: wat wilt u doen en voor wie? Dit staat in de lijst "
                                       "met initiatieven. Hoogstens 300 tekens.",
                               .error = errors_get(e, "summary") });
    form_textarea(r, &(Field){ .id = "description", .label = "Beschrijving", .optional = 1, .rows = 10,
                               .value = v->description,
                               .hint = "Vertel meer: uw plan, wie er meedoen en wanneer. Een lege regel begint een "
                                       "nieuwe alinea. Een regel die begint met een streepje (-) wordt een "
                                       "opsomming. **Zo** wordt tekst vet.",
                               .error = errors_get(e, "description") });
}

static void fields_where(Request *r, const FormValues *v, const FieldErrors *e)
{
    out_html(&r->out, HTML("<h2 class=\"nl-heading nl-heading--level-2\">Waar en waarover</h2>\n"));
    web_area_select(r,
                    &(Field){ .id = "area", .label = "Wijk of buurt", .required = 1, .value = v->area,
                              .hint = "Waar vindt het initiatief plaats? Kies de hele wijk als het om meer buurten "
                                      "gaat.",
                              .error = errors_get(e, "area") },
                    "Kies een wijk of buurt");
    CodeName *themes = NULL, *sdgs = NULL;
    size_t n_themes = 0, n_sdgs = 0, k;
    if (reference_themes(&r->ctx, &themes, &n_themes) != STATUS_OK)
        n_themes = 0;
    Option *opts = code_options(r->arena, themes, n_themes, NULL, &k);
    form_checkboxes(r,
                    &(Field){ .id = "themes", .label = "Thema's", .optional = 1,
                              .hint = arena_printf(r->arena, "Kies er hoogstens %d.", THEMES_MAX),
                              .error = errors_get(e, "themes") },
                    opts, k, v->themes, v->n_themes);
    if (reference_sdgs(&r->ctx, &sdgs, &n_sdgs) != STATUS_OK)
        n_sdgs = 0;
    opts = code_options(r->arena, sdgs, n_sdgs, NULL, &k);
    for (size_t i = 0; i < k; i++)
        opts[i].label = arena_printf(r->arena, "%s. %s", sdgs[i].code, sdgs[i].name);
    form_checkboxes(r,
                    &(Field){ .id = "sdgs", .label = "Werelddoelen (SDG's)", .optional = 1,
                              .hint = arena_printf(r->arena, "De 17 doelen van de Verenigde Naties voor een betere "
                                                             "wereld. Kies er hoogstens %d.", SDGS_MAX),
                              .error = errors_get(e, "sdgs") },
                    opts, k, v->sdgs, v->n_sdgs);
}

static void fields_links(Request *r, const FormValues *v, const FieldErrors *e)
{
    out_html(&r->out, HTML("<h2 class=\"nl-heading nl-heading--level-2\">Links en uw naam</h2>\n"));
    form_fieldset_begin(r, &(Field){ .id = "links", .label = "Website en sociale media", .optional = 1,
                                     .hint = "Het adres begint met https://.", .error = errors_get(e, "links") });
    for (size_t i = 0; i < v->n_links; i++)
        form_text(r, &(Field){ .id = arena_printf(r->arena, "link-%zu", i), .name = indexed(r, "link", i),
                               .label = i ? arena_printf(r->arena, "Sociale media %zu", i) : "Website",
                               .type = "url", .css = "utrecht-textbox--url", .value = v->links[i] });
    form_fieldset_end(r);
    form_checkbox(r,
                  &(Field){ .id = "show-name", .name = "show_name", .label = "Mijn naam mag op de website",
                            .hint = "Zonder vinkje staat er ‘Naam niet openbaar’. Uw e-mailadres en telefoonnummer "
                                    "zijn nooit openbaar." },
                  v->show_name);
}

static void help_row(Request *r, const FormValues *v, const FieldErrors *e, size_t i)
{
    const char *key = arena_printf(r->arena, "help_requests[%zu]", i);
    form_fieldset_begin(r, &(Field){ .id = arena_printf(r->arena, "help-%zu", i), .optional = 1,
                                     .label = arena_printf(r->arena, "Hulpvraag %zu", i + 1),
                                     .error = i == 0 ? errors_get(e, "help_requests") : NULL });
    help_kind_select(r,
                     &(Field){ .id = arena_printf(r->arena, "help-%zu-kind", i), .name = indexed(r, "help_kind", i),
                               .label = "Soort hulp", .value = v->help[i].kind,
                               .error = errors_get(e, arena_printf(r->arena, "%s.kind", key)) },
                     "— geen —");
    form_textarea(r, &(Field){ .id = arena_printf(r->arena, "help-%zu-description", i),
                               .name = indexed(r, "help_description", i), .label = "Wat hebt u nodig?", .rows = 3,
                               .value = v->help[i].description,
                               .error = errors_get(e, arena_printf(r->arena, "%s.description", key)) });
    form_text(r, &(Field){ .id = arena_printf(r->arena, "help-%zu-amount", i), .name = indexed(r, "help_amount", i),
                           .label = "Bedrag in euro", .hint = "Alleen bij geld, bijvoorbeeld 250,00.",
                           .inputmode = "decimal", .css = "utrecht-textbox--numeric", .value = v->help[i].amount,
                           .error = errors_get(e, arena_printf(r->arena, "%s.amount_cents", key)) });
    form_fieldset_end(r);
}

static void fields_help(Request *r, const FormValues *v, const FieldErrors *e)
{
    out_html(&r->out, HTML("<h2 class=\"nl-heading nl-heading--level-2\">Wat hebt u nodig?</h2>\n"
                           "<p class=\"nl-paragraph\">Vraag de gemeente of anderen om hulp: geld, vrijwilligers, "
                           "materiaal, een plek of advies. Laat leeg wat u niet nodig hebt. Later kunt u meer "
                           "hulpvragen toevoegen.</p>\n"));
    for (size_t i = 0; i < HELP_ROWS; i++)
        help_row(r, v, e, i);
}

/* The one renderer of the submit form (existing NULL) and the edit form. */
static void render_form(Request *r, const FormValues *v, const FieldErrors *e, const Initiative *existing)
{
    Buf *b = &r->out;
    const char *title = existing ? "Initiatief bewerken" : "Initiatief indienen";
    page_begin(r, form_title(r, title, e), existing ? "initiatieven" : "nieuw");
    if (existing)
        web_breadcrumb(r, "/initiatieven", "Initiatieven", detail_url(r, existing->id), existing->title,
                       arena_printf(r->arena, "/initiatieven/%lld/bewerken", (long long)existing->id), "Bewerken",
                       NULL);
    else
        web_breadcrumb(r, "/initiatieven", "Initiatieven", "/initiatieven/nieuw", title, NULL);
    OUTF(b, "<h1 class=\"nl-heading nl-heading--level-1\">%s</h1>\n", title);
    if (!existing)
        out_html(b, HTML("<p class=\"nl-paragraph nl-paragraph--lead\">Vertel wat u wilt doen en wat u daarvoor "
                         "nodig hebt. U krijgt een vaste contactpersoon bij de gemeente.</p>\n"
                         "<p class=\"nl-paragraph\">Eerst weten wie u kan helpen? <a class=\"nl-link\" "
                         "href=\"/wegwijzer\">Waar kunt u waarvoor terecht?</a></p>\n"));
    form_error_summary(r, e, form_field_id);
    if (existing)
        OUTF(b, "<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/initiatieven/%lld\" novalidate>\n",
             (long long)existing->id);
    else
        out_html(b, HTML("<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/initiatieven\" novalidate>\n"));
    form_csrf(r);
    fields_about(r, v, e);
    fields_where(r, v, e);
    fields_links(r, v, e);
    if (!existing)
        fields_help(r, v, e);
    out_html(b, HTML("<div class=\"wijzer-actions\">\n"));
    button(r, 1, NULL, existing ? "Opslaan" : "Indienen");
    if (!existing)
        button(r, 0, "as_idea", "Opslaan als idee");
    out_html(b, HTML("<a class=\"nl-link\" href=\""));
    out_url(b, existing ? detail_url(r, existing->id) : "/initiatieven");
    out_html(b, HTML("\">Annuleren</a>\n</div>\n</form>\n"));
    if (!existing)
        out_html(b, HTML("<p class=\"nl-paragraph\"><strong>Opslaan als idee?</strong> Dan staat het al op de "
                         "website, maar behandelt de gemeente het nog niet. U kunt het later indienen.</p>\n"));
    page_end(r);
}

void page_initiative_new(Request *r)
{
    FormValues v;
    values_from_request(r, &v);
    FieldErrors e = { 0 };
    render_form(r, &v, &e, NULL);
}

void page_initiative_create(Request *r)
{
    FormValues v;
    values_from_request(r, &v);
    InitiativeInput in;
    size_t row_of[HELP_ROWS] = { 0 };
    values_to_input(r, &v, &in, 1, row_of);
    FieldErrors e = { 0 };
    int64_t id;
    Status s = initiative_create(&r->ctx, &in, &e, &id);
    if (s == STATUS_OK) {
        flash_set(r, in.as_idea ? "idee" : "ingediend");
        resp_redirect(r, detail_url(r, id));
    } else if (s == ERR_INVALID) {
        errors_to_rows(r, &e, row_of, in.n_help);
        r->status = 422;
        render_form(r, &v, &e, NULL);
    } else {
        status_page(r, s);
    }
}

void page_initiative_edit(Request *r)
{
    Initiative in;
    if (!load_initiative(r, &in))
        return;
    if (!initiative_may_edit(&r->ctx, &in)) {
        status_page(r, ERR_FORBIDDEN);
        return;
    }
    FormValues v;
    values_from_initiative(&in, &v);
    FieldErrors e = { 0 };
    render_form(r, &v, &e, &in);
}

void page_initiative_update(Request *r)
{
    Initiative cur;
    if (!load_initiative(r, &cur))
        return;
    if (!initiative_may_edit(&r->ctx, &cur)) {
        status_page(r, ERR_FORBIDDEN);
        return;
    }
    FormValues v;
    values_from_request(r, &v);
    InitiativeInput in;
    values_to_input(r, &v, &in, 0, NULL);
    FieldErrors e = { 0 };
    Status s = initiative_update(&r->ctx, cur.id, &in, &e);
    if (s == STATUS_OK) {
        flash_set(r, "opgeslagen");
        resp_redirect(r, detail_url(r, cur.id));
    } else if (s == ERR_INVALID) {
        r->status = 422;
        render_form(r, &v, &e, &cur);
    } else {
        status_page(r, s);
    }
}
