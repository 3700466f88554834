/* The Beursvloer event pages: one event (/beursvloer/evenementen/{id})
 * with its total value matched, the deals per SDG as a server-drawn SVG
 * chart with a table of the same numbers, its pitches, participants and
 * deals; planning an event (staff); registering an organisation (a
 * member); selecting pitches (staff). Markup from docs/markup.md. */
#include <string.h>

#include "domain/directory.h"
#include "lib/dates.h"
#include "lib/text.h"
#include "web/chart.h"
#include "web/directory_web.h"
#include "web/market_web.h"

#define COLOUR_DEALS "#00568b" /* docs/markup.md §17, at least 3:1 against white */

static void stat(Buf *b, const char *label, const char *value)
{
    OUTF(b, "<div class=\"wijzer-stat\"><dt class=\"wijzer-stat__label\">%s</dt><dd class=\"wijzer-stat__value\">%s"
            "</dd></div>\n",
         label, value);
}

static const char *deals_words(Arena *a, int64_t n)
{
    return arena_printf(a, "%lld %s", (long long)n, n == 1 ? "koppeling" : "koppelingen");
}

static void sdg_chart(Request *r, const MarketEventDetail *d)
{
    Buf *b = &r->out;
    size_t n = d->n_by_sdg;
    Buf t;
    buf_init(&t);
    buf_puts(&t, "Koppelingen per werelddoel: ");
    ChartBar *bars = arena_alloc(r->arena, (n + 1) * sizeof *bars);
    for (size_t i = 0; i < n; i++) {
        const SdgTotal *s = &d->by_sdg[i];
        const char *label = arena_printf(r->arena, "%s, %s", deals_words(r->arena, s->deals),
                                         format_euros(r->arena, s->value_cents));
        buf_puts(&t, arena_printf(r->arena, "%sSDG %d %s: %s", i ? "; " : "", s->sdg, s->name, label));
        bars[i] = (ChartBar){ arena_printf(r->arena, "%d. %s", s->sdg, s->name), s->deals, s->deals, label };
    }
    const char *title = arena_strdup(r->arena, buf_cstr(&t));
    buf_free(&t);
    web_bar_chart(r,
                  &(Chart){ .id = "per-sdg", .title = title, .colour1 = COLOUR_DEALS, .bar = 180, /* room for the label */
                            .caption = n > CHART_ROWS_MAX
                                           ? "Koppelingen per werelddoel (de eerste 12). Alle cijfers staan in de "
                                             "tabel hieronder."
                                           : "Koppelingen per werelddoel. Dezelfde cijfers staan in de tabel "
                                             "hieronder." },
                  bars, n);
    out_html(b, HTML("<div class=\"utrecht-table-container\" role=\"region\" aria-labelledby=\"per-sdg-caption\" "
                     "tabindex=\"0\">\n<table class=\"utrecht-table\">\n<caption class=\"utrecht-table__caption\" "
                     "id=\"per-sdg-caption\">Koppelingen en waarde per werelddoel</caption>\n"
                     "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
                     "<th class=\"utrecht-table__header-cell\" scope=\"col\">Werelddoel</th>"
                     "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric-column\" scope=\"col\">"
                     "Koppelingen</th>"
                     "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric-column\" scope=\"col\">"
                     "Waarde</th></tr></thead>\n<tbody class=\"utrecht-table__body\">\n"));
    for (size_t i = 0; i < n; i++)
        OUTF(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">%d. %s</th>"
                "<td class=\"utrecht-table__cell utrecht-table__cell--numeric-column "
                "utrecht-table__cell--numeric-data\">%lld</td>"
                "<td class=\"utrecht-table__cell utrecht-table__cell--numeric-column "
                "utrecht-table__cell--numeric-data\">%s</td></tr>\n",
             d->by_sdg[i].sdg, d->by_sdg[i].name, (long long)d->by_sdg[i].deals,
             format_euros(r->arena, d->by_sdg[i].value_cents));
    out_html(b, HTML("</tbody>\n</table>\n</div>\n<p class=\"nl-paragraph wijzer-muted\">Een koppeling telt mee bij "
                     "elk werelddoel van haar vraag. Geannuleerde koppelingen tellen niet mee.</p>\n"));
}

static void pitches_section(Request *r, const MarketEventDetail *d, int staff)
{
    Buf *b = &r->out;
    const MarketEvent *ev = &d->event;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"pitches\">Pitches</h2>\n"
                     "<p class=\"nl-paragraph\">Deze organisaties vertellen op de Beursvloer kort over hun vraag.</p>\n"));
    if (!d->n_pitches) {
        out_html(b, HTML("<p class=\"nl-paragraph\">Er zijn nog geen pitches gekozen.</p>\n"));
    } else {
        out_html(b, HTML("<ul class=\"wijzer-cards\">\n"));
        for (size_t i = 0; i < d->n_pitches; i++) {
            mw_post_card_open(r, &d->pitches[i]);
            if (!staff) {
                out_html(b, HTML("</li>\n"));
            } else {
                OUTF(b, "<form method=\"post\" action=\"/beursvloer/evenementen/%lld/pitches\">", (long long)ev->id);
                form_csrf(r);
                OUTF(b, "<input type=\"hidden\" name=\"request_id\" value=\"%lld\"><input type=\"hidden\" name=\"aan\" "
                        "value=\"0\"><button class=\"nl-button nl-button--secondary\" type=\"submit\">"
                        "<span class=\"nl-button__label\">Geen pitch meer<span class=\"wijzer-visually-hidden\">: %s"
                        "</span></span></button></form>\n</li>\n",
                     (long long)d->pitches[i].id, d->pitches[i].title);
            }
        }
        out_html(b, HTML("</ul>\n"));
    }
    if (!staff)
        return;
    MarketPage pg;
    MarketFilter f = { .side = MARKET_REQUEST, .open_only = 1, .per_page = MARKET_PER_PAGE_MAX };
    if (market_posts(&r->ctx, &f, &pg) != STATUS_OK)
        return;
    Option *o = arena_alloc(r->arena, (pg.n + 1) * sizeof *o);
    size_t n = 0;
    for (size_t i = 0; i < pg.n; i++) {
        int chosen = 0;
        for (size_t k = 0; k < d->n_pitches; k++)
            chosen |= d->pitches[k].id == pg.items[i].id;
        if (!chosen)
            o[n++] = (Option){ arena_printf(r->arena, "%lld", (long long)pg.items[i].id),
                               arena_printf(r->arena, "%s (%s)", pg.items[i].title, pg.items[i].organisation_name),
                               NULL };
    }
    if (!n)
        return;
    OUTF(b, "<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/beursvloer/evenementen/%lld/pitches\">\n",
         (long long)ev->id);
    form_csrf(r);
    out_html(b, HTML("<input type=\"hidden\" name=\"aan\" value=\"1\">\n"));
    form_select(r, &(Field){ .id = "pitch-request", .name = "request_id", .label = "Vraag kiezen als pitch",
                             .hint = "Kies vragen van verschillende organisaties, met verschillende tegenprestaties." },
                o, n);
    dw_button(r, "Pitch toevoegen");
    out_html(b, HTML("</form>\n"));
}

static void participants_section(Request *r, const MarketEventDetail *d, int staff)
{
    Buf *b = &r->out;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"deelnemers\">Deelnemers</h2>\n"));
    if (!d->n_participants) {
        out_html(b, HTML("<p class=\"nl-paragraph\">Er zijn nog geen organisaties aangemeld.</p>\n"));
    } else {
        out_html(b, HTML("<ul>\n"));
        for (size_t i = 0; i < d->n_participants; i++)
            OUTF(b, "<li><a class=\"nl-link\" href=\"/organisaties/%s\">%s</a></li>\n", d->participants[i].code,
                 d->participants[i].name);
        out_html(b, HTML("</ul>\n"));
    }
    if (!r->ctx.user)
        return;
    size_t no;
    Option *orgs = mw_org_options(r, staff, &no);
    Option *o = arena_alloc(r->arena, (no + 1) * sizeof *o);
    size_t n = 0;
    for (size_t i = 0; i < no; i++) {
        int in = 0;
        for (size_t k = 0; k < d->n_participants; k++)
            in |= strcmp(d->participants[k].code, orgs[i].value) == 0;
        if (!in)
            o[n++] = orgs[i];
    }
    if (!n)
        return;
    OUTF(b, "<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/beursvloer/evenementen/%lld/deelnemers\">"
            "\n",
         (long long)d->event.id);
    form_csrf(r);
    form_select(r, &(Field){ .id = "participant", .name = "organisation", .label = "Organisatie aanmelden" }, o, n);
    dw_button(r, "Aanmelden");
    out_html(b, HTML("</form>\n"));
}

void page_market_event(Request *r)
{
    int64_t id = mw_param_id(r, 0);
    MarketEventDetail d;
    Status s = id ? market_event(&r->ctx, id, &d) : ERR_NOT_FOUND;
    if (s != STATUS_OK) {
        mw_status_page(r, s, "deze Beursvloer");
        return;
    }
    Buf *b = &r->out;
    const MarketEvent *ev = &d.event;
    const char *url = arena_printf(r->arena, "/beursvloer/evenementen/%lld", (long long)ev->id);
    int64_t day = 0;
    date_parse_iso(ev->date, &day);
    int staff = market_may_run_events(r->ctx.user);
    page_begin(r, ev->title, "wiehelpt");
    web_breadcrumb(r, "/beursvloer", "Beursvloer", url, ev->title, NULL);
    OUTF(b, "<h1 class=\"nl-heading nl-heading--level-1\">%s</h1>\n<p class=\"nl-paragraph nl-paragraph--lead\">"
            "<time datetime=\"%s\">%s</time>, ",
         ev->title, ev->date, date_nl(r->arena, day));
    if (ev->place_code)
        OUTF(b, "<a class=\"nl-link\" href=\"/plekken/%s\">%s</a>", ev->place_code, ev->place_name);
    else
        OUTF(b, "%s", ev->place_name);
    out_html(b, HTML("</p>\n"));
    if (*ev->description)
        dw_text(r, ev->description);
    out_html(b, HTML("<dl class=\"wijzer-stats\">\n"));
    stat(b, "Totale waarde van de koppelingen", format_euros(r->arena, d.total_value_cents));
    stat(b, "Koppelingen", arena_printf(r->arena, "%lld", (long long)d.active_deals));
    stat(b, "Deelnemers", arena_printf(r->arena, "%zu", d.n_participants));
    stat(b, "Pitches", arena_printf(r->arena, "%zu", d.n_pitches));
    out_html(b, HTML("</dl>\n<h2 class=\"nl-heading nl-heading--level-2\" id=\"per-werelddoel\">Koppelingen per "
                     "werelddoel</h2>\n"));
    if (d.n_by_sdg)
        sdg_chart(r, &d);
    else
        out_html(b, HTML("<p class=\"nl-paragraph\">Er zijn nog geen koppelingen gemaakt op deze Beursvloer.</p>\n"));
    pitches_section(r, &d, staff);
    participants_section(r, &d, staff);
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"koppelingen\">Alle koppelingen</h2>\n"));
    if (d.n_deals)
        mw_deals_table(r, "koppelingen-tabel", "Koppelingen op deze Beursvloer", d.deals, d.n_deals, url);
    else
        out_html(b, HTML("<p class=\"nl-paragraph\">Nog geen koppelingen.</p>\n"));
    out_html(b, HTML("<p class=\"nl-paragraph\">Een koppeling maakt u op de pagina van een <a class=\"nl-link\" "
                     "href=\"/beursvloer/vragen\">vraag</a> of van <a class=\"nl-link\" href=\"/beursvloer/aanbod\">"
                     "aanbod</a>. Kies daar deze Beursvloer.</p>\n"));
    page_end(r);
}

/* ------------------------------------------------------------------ */
/* GET /beursvloer/evenementen/nieuw, POST /beursvloer/evenementen      */
/* ------------------------------------------------------------------ */

static const char *event_field_id(Arena *a, const char *field)
{
    (void)a;
    static const char *const ids[] = { "date", "place", "title", "description" };
    for (size_t i = 0; field && i < 4; i++)
        if (strcmp(field, ids[i]) == 0)
            return ids[i];
    return NULL;
}

static void event_form(Request *r, const MarketEventInput *in, const char *place_code, const FieldErrors *e)
{
    Buf *b = &r->out;
    const char *title = "Een Beursvloer plannen";
    page_begin(r, form_title(r, title, e), "wiehelpt");
    web_breadcrumb(r, "/beursvloer", "Beursvloer", "/beursvloer/evenementen/nieuw", "Plannen", NULL);
    OUTF(b, "<h1 class=\"nl-heading nl-heading--level-1\">%s</h1>\n", title);
    form_error_summary(r, e, event_field_id);
    out_html(b, HTML("<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/beursvloer/evenementen\" "
                     "novalidate>\n"));
    form_csrf(r);
    form_text(r, &(Field){ .id = "title", .label = "Naam", .required = 1, .value = in->title,
                           .hint = "Bijvoorbeeld: Beursvloer Leidschendam-Voorburg 2027.",
                           .error = errors_get(e, "title") });
    form_text(r, &(Field){ .id = "date", .label = "Datum", .required = 1, .type = "date", .value = in->date,
                           .hint = "Bijvoorbeeld 2027-03-18.", .error = errors_get(e, "date") });
    Place *places = NULL;
    size_t np = 0;
    if (directory_places(&r->ctx, NULL, &places, &np) != STATUS_OK)
        np = 0;
    Option *o = arena_alloc(r->arena, (np + 1) * sizeof *o);
    o[0] = (Option){ "", "Een andere plek (vul hieronder in)", NULL };
    for (size_t i = 0; i < np; i++)
        o[i + 1] = (Option){ places[i].code, places[i].name, NULL };
    form_select(r, &(Field){ .id = "place", .label = "Plek", .required = 1, .value = place_code,
                             .error = errors_get(e, "place") },
                o, np + 1);
    form_text(r, &(Field){ .id = "place_other", .label = "Andere plek", .optional = 1,
                           .hint = "Alleen als de plek niet in de lijst staat: naam en adres.",
                           .value = place_code && *place_code ? NULL : in->place });
    form_textarea(r, &(Field){ .id = "description", .label = "Beschrijving", .optional = 1, .rows = 4,
                               .value = in->description, .error = errors_get(e, "description") });
    dw_button(r, "Plannen");
    out_html(b, HTML("</form>\n"));
    page_end(r);
}

void page_market_event_new(Request *r)
{
    if (!market_may_run_events(r->ctx.user)) {
        mw_status_page(r, ERR_FORBIDDEN, "");
        return;
    }
    event_form(r, &(MarketEventInput){ 0 }, NULL, &(FieldErrors){ 0 });
}

void page_market_event_create(Request *r)
{
    if (!market_may_run_events(r->ctx.user)) {
        mw_status_page(r, ERR_FORBIDDEN, "");
        return;
    }
    const char *code = dw_arg(r, "place");
    MarketEventInput in = { .date = dw_arg(r, "date"), .title = dw_arg(r, "title"),
                            .description = dw_arg(r, "description") };
    in.place = code && *code ? code : dw_arg(r, "place_other");
    FieldErrors e = { 0 };
    int64_t id = 0;
    Status s = market_event_create(&r->ctx, &in, &e, &id);
    if (s == ERR_INVALID) {
        r->status = 422;
        event_form(r, &in, code, &e);
    } else if (s != STATUS_OK) {
        mw_status_page(r, s, "deze Beursvloer");
    } else {
        flash_set(r, "markt_evenement");
        resp_redirect(r, arena_printf(r->arena, "/beursvloer/evenementen/%lld", (long long)id));
    }
}

/* ------------------------------------------------------------------ */
/* POST …/deelnemers and …/pitches                                      */
/* ------------------------------------------------------------------ */

void page_market_event_register(Request *r)
{
    int64_t id = mw_param_id(r, 0);
    Status s = id ? market_event_register(&r->ctx, id, dw_arg(r, "organisation")) : ERR_NOT_FOUND;
    if (s != STATUS_OK) {
        mw_status_page(r, s, "deze Beursvloer of organisatie");
        return;
    }
    flash_set(r, "markt_aangemeld");
    resp_redirect(r, arena_printf(r->arena, "/beursvloer/evenementen/%lld#deelnemers", (long long)id));
}

void page_market_event_pitch(Request *r)
{
    int64_t id = mw_param_id(r, 0), request = 0;
    const char *rv = dw_arg(r, "request_id"), *on = dw_arg(r, "aan");
    if (!rv || !parse_int64(rv, &request) || request <= 0)
        request = 0;
    Status s = id && request ? market_event_pitch(&r->ctx, id, request, !on || strcmp(on, "0") != 0) : ERR_NOT_FOUND;
    if (s != STATUS_OK) {
        mw_status_page(r, s, "deze Beursvloer of vraag");
        return;
    }
    flash_set(r, "markt_pitch");
    resp_redirect(r, arena_printf(r->arena, "/beursvloer/evenementen/%lld#pitches", (long long)id));
}
