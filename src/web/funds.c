/* The public fund pages: the list of funds, one fund with its rules,
 * criteria, budget use (server-drawn SVG bar charts with the same numbers
 * in tables) and published decisions; a past criteria version; the ledger
 * per year with its CSV download; and the "Geld aanvragen" section of an
 * initiative's page. Markup from docs/markup.md. */
#include <stdio.h>
#include <string.h>

#include "domain/initiatives.h"
#include "lib/dates.h"
#include "lib/text.h"
#include "web/chart.h"
#include "web/funds_web.h"

enum {
    CHART_WIDTH = 420, /* as web/chart.c's: small, so that text stays readable when a phone scales it down */
};

/* SVG colours of docs/markup.md §17, at least 3:1 against white. */
#define COLOUR_PAID "#00663d"
#define COLOUR_COMMITTED "#00568b"
#define COLOUR_REMAINING "#3d5374"

/* ------------------------------------------------------------------ */
/* GET /fondsen                                                        */
/* ------------------------------------------------------------------ */

static void stats(Request *r, const Ledger *l)
{
    Buf *b = &r->out;
    OUTF(b, "<dl class=\"wijzer-stats\">\n"
            "<div class=\"wijzer-stat\"><dt class=\"wijzer-stat__label\">Budget %d</dt>"
            "<dd class=\"wijzer-stat__value\">%s</dd></div>\n",
         l->year, format_euros(r->arena, l->budget_cents));
    OUTF(b, "<div class=\"wijzer-stat\"><dt class=\"wijzer-stat__label\">Toegezegd, nog niet betaald</dt>"
            "<dd class=\"wijzer-stat__value\">%s</dd></div>\n"
            "<div class=\"wijzer-stat\"><dt class=\"wijzer-stat__label\">Uitbetaald</dt>"
            "<dd class=\"wijzer-stat__value\">%s</dd></div>\n"
            "<div class=\"wijzer-stat\"><dt class=\"wijzer-stat__label\">Nog te verdelen</dt>"
            "<dd class=\"wijzer-stat__value\">%s</dd></div>\n</dl>\n",
         format_euros(r->arena, l->committed_cents), format_euros(r->arena, l->paid_cents),
         format_euros(r->arena, l->remaining_cents));
}

void page_funds(Request *r)
{
    Fund *funds = NULL;
    size_t n = 0;
    Status s = fund_list(&r->ctx, &funds, &n);
    if (s != STATUS_OK) {
        fw_status_page(r, s, NULL);
        return;
    }
    Buf *b = &r->out;
    page_begin(r, "Fondsen", "fondsen");
    web_breadcrumb(r, "/fondsen", "Fondsen", NULL);
    out_html(b, HTML("<h1 class=\"nl-heading nl-heading--level-1\">Fondsen</h1>\n"
                     "<p class=\"nl-paragraph nl-paragraph--lead\">Geld voor uw initiatief. Hier leest u wat elk "
                     "fonds betaalt, wie kan aanvragen en wat er dit jaar nog te verdelen is.</p>\n"));
    if (!n) {
        out_html(b, HTML("<p class=\"nl-paragraph\">Er zijn nog geen fondsen.</p>\n"));
        page_end(r);
        return;
    }
    out_html(b, HTML("<ul class=\"wijzer-cards\">\n"));
    for (size_t i = 0; i < n; i++) {
        const Fund *f = &funds[i];
        Ledger l = { 0 };
        int have = fund_ledger(&r->ctx, f->code, 0, &l) == STATUS_OK;
        OUTF(b, "<li class=\"wijzer-card\">\n<h2 class=\"nl-heading nl-heading--level-3\">"
                "<a class=\"nl-link\" href=\"/fondsen/%s\">%s</a></h2>\n",
             f->code, f->name);
        if (f->organisation_name)
            OUTF(b, "<p class=\"wijzer-card__meta\"><span>%s</span><span>%s</span></p>\n", f->organisation_name,
                 f->cadence ? f->cadence : "");
        if (f->description)
            OUTF(b, "<p class=\"nl-paragraph\">%s</p>\n", f->description);
        out_html(b, HTML("<div class=\"wijzer-card__footer\">"));
        OUTF(b, "<data class=\"nl-data-badge\" value=\"%lld\">Hoogstens %s per aanvraag</data>",
             (long long)f->max_amount_cents, format_euros(r->arena, f->max_amount_cents));
        if (have)
            OUTF(b, " <data class=\"nl-data-badge\" value=\"%lld\">Nog %s te verdelen in %d</data>",
                 (long long)l.remaining_cents, format_euros(r->arena, l.remaining_cents), l.year);
        out_html(b, HTML("</div>\n</li>\n"));
    }
    out_html(b, HTML("</ul>\n"));
    page_end(r);
}

/* ------------------------------------------------------------------ */
/* GET /fondsen/{code}                                                 */
/* ------------------------------------------------------------------ */

static void text_lines_list(Request *r, const char *text)
{
    /* One item per line, as the admin typed them. */
    Buf *b = &r->out;
    out_html(b, HTML("<ul>\n"));
    const char *p = text;
    while (p && *p) {
        const char *end = strchr(p, '\n');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        const char *line = text_trim(r->arena, arena_printf(r->arena, "%.*s", (int)len, p));
        if (line && *line) {
            if (*line == '-' || *line == '*')
                line = text_trim(r->arena, line + 1);
            OUTF(b, "<li>%s</li>\n", line);
        }
        p = end ? end + 1 : NULL;
    }
    out_html(b, HTML("</ul>\n"));
}

static void fund_rules(Request *r, const Fund *f)
{
    Buf *b = &r->out;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"regels\">Wie kan aanvragen en waarvoor</h2>\n"
                     "<dl class=\"utrecht-data-list utrecht-data-list--rows\">\n"));
    if (f->who_may_apply && *f->who_may_apply) {
        fw_fact_begin(r, "Wie kan aanvragen");
        OUTF(b, "<span class=\"utrecht-data-list__item-value--multiline\">%s</span>", f->who_may_apply);
        fw_fact_end(r);
    }
    fw_fact(r, "Hoogste bedrag per aanvraag", format_euros(r->arena, f->max_amount_cents));
    if (f->organisation_name)
        fw_fact(r, "Van", f->organisation_name);
    out_html(b, HTML("</dl>\n"));
    if (f->exclusions && *f->exclusions) {
        out_html(b, HTML("<h3 class=\"nl-heading nl-heading--level-3\">Wat het fonds niet betaalt</h3>\n"));
        text_lines_list(r, f->exclusions);
    }
}

static void criteria_list(Request *r, const CriteriaSet *cs)
{
    Buf *b = &r->out;
    out_html(b, HTML("<dl class=\"utrecht-data-list utrecht-data-list--rows\">\n"));
    for (size_t i = 0; i < cs->n; i++)
        fw_fact(r, cs->items[i].name, cs->items[i].question);
    out_html(b, HTML("</dl>\n"));
}

static void fund_criteria_section(Request *r, const Fund *f)
{
    Buf *b = &r->out;
    CriteriaSet cs;
    if (fund_criteria(&r->ctx, f->code, 0, &cs) != STATUS_OK)
        return;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"afwegingskader\">Hoe de commissie "
                     "beoordeelt</h2>\n"));
    OUTF(b, "<p class=\"nl-paragraph\">De commissie geeft elke aanvraag per vraag hieronder een cijfer van 1 tot 5. "
            "Dit is het afwegingskader, versie %d", cs.version);
    if (cs.created_at) {
        out_html(b, HTML(" van "));
        fw_day(r, date_day(cs.created_at));
    }
    out_html(b, HTML(".</p>\n"));
    criteria_list(r, &cs);
    char *cadence = arena_strdup(r->arena, f->cadence && *f->cadence ? f->cadence
                                                                      : "de commissie komt elke twee weken bij elkaar");
    if (cadence[0] >= 'a' && cadence[0] <= 'z') /* it starts a sentence here */
        cadence[0] = (char)(cadence[0] - 'a' + 'A');
    OUTF(b, "<p class=\"nl-paragraph\"><strong>Wanneer beslist de commissie?</strong> %s. U krijgt binnen %d weken "
            "een besluit. Vraagt de commissie u om meer informatie, dan staat die termijn stil tot u die stuurt.</p>\n",
         cadence,
         f->decision_weeks ? f->decision_weeks : DECISION_WEEKS_DEFAULT);
}

/* One horizontal bar chart (web/chart.h): per row the paid part (green)
 * and the part granted but not yet paid (blue), with the amount after it. */
static void use_chart(Request *r, const char *id, const char *what, const UseRow *rows, size_t n, int year)
{
    if (n > CHART_ROWS_MAX)
        n = CHART_ROWS_MAX;
    /* The title says the numbers in words. */
    Buf t;
    buf_init(&t);
    buf_puts(&t, arena_printf(r->arena, "Toegekend per %s in %d: ", what, year));
    ChartBar *bars = arena_alloc(r->arena, (n + 1) * sizeof *bars);
    for (size_t i = 0; i < n; i++) {
        buf_puts(&t, arena_printf(r->arena, "%s%s %s, waarvan %s uitbetaald", i ? "; " : "", rows[i].name,
                                  format_euros(r->arena, rows[i].granted_cents),
                                  format_euros(r->arena, rows[i].paid_cents)));
        bars[i] = (ChartBar){ rows[i].name, rows[i].granted_cents, rows[i].paid_cents,
                              format_euros(r->arena, rows[i].granted_cents) };
    }
    const char *title = arena_strdup(r->arena, buf_cstr(&t));
    buf_free(&t);
    web_bar_chart(r,
                  &(Chart){ .id = id, .title = title,
                            .caption = arena_printf(r->arena, "Toegekend per %s in %d. Dezelfde cijfers staan in de "
                                                              "tabel hieronder.", what, year),
                            .legend1 = "Uitbetaald", .colour1 = COLOUR_PAID,
                            .legend2 = "Toegezegd, nog niet betaald", .colour2 = COLOUR_COMMITTED },
                  bars, n);
}

static void use_table(Request *r, const char *id, const char *what, const char *col, const UseRow *rows, size_t n,
                      int year)
{
    Buf *b = &r->out;
    OUTF(b, "<div class=\"utrecht-table-container\" role=\"region\" aria-labelledby=\"%s-caption\" tabindex=\"0\">\n"
            "<table class=\"utrecht-table\">\n<caption class=\"utrecht-table__caption\" id=\"%s-caption\">Toegekend "
            "per %s in %d</caption>\n",
         id, id, what, year);
    OUTF(b, "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
            "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
            "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric-column\" scope=\"col\">"
            "Aanvragen</th>"
            "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric-column\" scope=\"col\">"
            "Toegekend</th>"
            "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric-column\" scope=\"col\">"
            "Uitbetaald</th></tr></thead>\n<tbody class=\"utrecht-table__body\">\n",
         col);
    for (size_t i = 0; i < n; i++)
        OUTF(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">%s</th>"
                "<td class=\"utrecht-table__cell utrecht-table__cell--numeric-column "
                "utrecht-table__cell--numeric-data\">%lld</td>"
                "<td class=\"utrecht-table__cell utrecht-table__cell--numeric-column "
                "utrecht-table__cell--numeric-data\">%s</td>"
                "<td class=\"utrecht-table__cell utrecht-table__cell--numeric-column "
                "utrecht-table__cell--numeric-data\">%s</td></tr>\n",
             rows[i].name, (long long)rows[i].count, format_euros(r->arena, rows[i].granted_cents),
             format_euros(r->arena, rows[i].paid_cents));
    out_html(b, HTML("</tbody>\n</table>\n</div>\n"));
}

/* The year's budget as one bar: paid, committed, remaining. */
static void budget_chart(Request *r, const Ledger *l)
{
    Buf *b = &r->out;
    int64_t total = l->budget_cents > 0 ? l->budget_cents : 1;
    int width = CHART_WIDTH - 2;
    int w_paid = (int)(l->paid_cents * width / total), w_comm = (int)(l->committed_cents * width / total);
    if (l->paid_cents > 0 && w_paid < 2)
        w_paid = 2;
    if (l->committed_cents > 0 && w_comm < 2)
        w_comm = 2;
    if (w_paid + w_comm > width)
        w_comm = width - w_paid;
    OUTF(b, "<figure class=\"wijzer-chart\">\n<svg role=\"img\" aria-labelledby=\"budget-titel\" viewBox=\"0 0 %d "
            "120\" width=\"%d\" height=\"120\" xmlns=\"http://www.w3.org/2000/svg\">\n"
            "<title id=\"budget-titel\">Budget %d: %s. Uitbetaald %s, toegezegd maar nog niet betaald %s, nog te "
            "verdelen %s.</title>\n",
         CHART_WIDTH, CHART_WIDTH, l->year, format_euros(r->arena, l->budget_cents),
         format_euros(r->arena, l->paid_cents), format_euros(r->arena, l->committed_cents),
         format_euros(r->arena, l->remaining_cents));
    OUTF(b, "<rect x=\"1\" y=\"1\" width=\"%d\" height=\"32\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>\n",
         width, COLOUR_REMAINING);
    if (w_paid > 0)
        OUTF(b, "<rect x=\"1\" y=\"1\" width=\"%d\" height=\"32\" fill=\"%s\"/>\n", w_paid, COLOUR_PAID);
    if (w_comm > 0)
        OUTF(b, "<rect x=\"%d\" y=\"1\" width=\"%d\" height=\"32\" fill=\"%s\"/>\n", 1 + w_paid, w_comm,
             COLOUR_COMMITTED);
    OUTF(b, "<rect x=\"0\" y=\"44\" width=\"16\" height=\"16\" fill=\"%s\"/>"
            "<text x=\"22\" y=\"58\" font-size=\"16\" fill=\"currentColor\">Uitbetaald: %s</text>\n",
         COLOUR_PAID, format_euros(r->arena, l->paid_cents));
    OUTF(b, "<rect x=\"0\" y=\"70\" width=\"16\" height=\"16\" fill=\"%s\"/>"
            "<text x=\"22\" y=\"84\" font-size=\"16\" fill=\"currentColor\">Toegezegd: %s</text>\n",
         COLOUR_COMMITTED, format_euros(r->arena, l->committed_cents));
    OUTF(b, "<rect x=\"1\" y=\"97\" width=\"14\" height=\"14\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>"
            "<text x=\"22\" y=\"110\" font-size=\"16\" fill=\"currentColor\">Nog te verdelen: %s</text>\n",
         COLOUR_REMAINING, format_euros(r->arena, l->remaining_cents));
    OUTF(b, "</svg>\n<figcaption>Hoe het budget van %d (%s) er nu voor staat</figcaption>\n</figure>\n", l->year,
         format_euros(r->arena, l->budget_cents));
}

static void fund_budget_section(Request *r, const Fund *f)
{
    Buf *b = &r->out;
    Ledger l;
    if (fund_ledger(&r->ctx, f->code, 0, &l) != STATUS_OK)
        return;
    OUTF(b, "<h2 class=\"nl-heading nl-heading--level-2\" id=\"budget\">Budget %d</h2>\n", l.year);
    stats(r, &l);
    if (l.budget_cents > 0)
        budget_chart(r, &l);
    UseRow *rows = NULL;
    size_t n = 0;
    if (fund_use_by_area(&r->ctx, f->code, l.year, &rows, &n) == STATUS_OK && n) {
        out_html(b, HTML("<h3 class=\"nl-heading nl-heading--level-3\">Per wijk</h3>\n"));
        use_chart(r, "per-wijk", "wijk", rows, n, l.year);
        use_table(r, "per-wijk", "wijk", "Wijk", rows, n, l.year);
    }
    if (fund_use_by_theme(&r->ctx, f->code, l.year, &rows, &n) == STATUS_OK && n) {
        out_html(b, HTML("<h3 class=\"nl-heading nl-heading--level-3\">Per thema</h3>\n"
                         "<p class=\"nl-paragraph wijzer-muted\">Een initiatief met twee thema's telt bij allebei "
                         "mee.</p>\n"));
        use_chart(r, "per-thema", "thema", rows, n, l.year);
        use_table(r, "per-thema", "thema", "Thema", rows, n, l.year);
    }
    OUTF(b, "<p class=\"nl-paragraph\"><a class=\"nl-link\" href=\"/fondsen/%s/kasboek\">Kasboek %d: alle "
            "toezeggingen en betalingen</a></p>\n",
         f->code, l.year);
}

static void fund_decisions_section(Request *r, const Fund *f)
{
    Buf *b = &r->out;
    PublicDecision *d = NULL;
    size_t n = 0;
    if (fund_decisions_public(&r->ctx, f->code, 0, &d, &n) != STATUS_OK)
        return;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"besluiten\">Besluiten van dit jaar</h2>\n"));
    if (!n) {
        out_html(b, HTML("<p class=\"nl-paragraph\">Er zijn dit jaar nog geen besluiten.</p>\n"));
        return;
    }
    out_html(b, HTML("<ul class=\"wijzer-cards\">\n"));
    for (size_t i = 0; i < n; i++) {
        OUTF(b, "<li class=\"wijzer-card\">\n<h3 class=\"nl-heading nl-heading--level-3\">%s</h3>\n",
             d[i].initiative_title);
        OUTF(b, "<p class=\"wijzer-card__meta\"><span>%s</span><span>Besluit van ", d[i].area_name);
        fw_day(r, date_day(d[i].decided_at));
        out_html(b, HTML("</span></p>\n"));
        if (d[i].motivation && *d[i].motivation)
            OUTF(b, "<p class=\"nl-paragraph\">%s</p>\n", d[i].motivation);
        out_html(b, HTML("<div class=\"wijzer-card__footer\">"));
        const char *cls = d[i].outcome == OUTCOME_GRANTED    ? "toegekend"
                          : d[i].outcome == OUTCOME_REJECTED ? "afgewezen"
                                                             : "doorverwezen";
        OUTF(b, "<span class=\"utrecht-status-badge wijzer-status--%s\">%s</span>", cls, outcome_label(d[i].outcome));
        if (d[i].outcome == OUTCOME_GRANTED)
            OUTF(b, " <data class=\"nl-data-badge\" value=\"%lld\">%s</data>", (long long)d[i].granted_cents,
                 format_euros(r->arena, d[i].granted_cents));
        OUTF(b, " <a class=\"nl-link\" href=\"/fondsen/%s/afwegingskader/%d\">Afwegingskader versie %d</a>",
             f->code, d[i].criteria_version, d[i].criteria_version);
        out_html(b, HTML("</div>\n</li>\n"));
    }
    out_html(b, HTML("</ul>\n"));
}

/* Logged in: an "Aanvragen" button per initiative of hers. */
static void fund_apply_section(Request *r, const Fund *f)
{
    Buf *b = &r->out;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"aanvragen\">Aanvragen</h2>\n"));
    if (!r->ctx.user) {
        out_html(b, HTML("<p class=\"nl-paragraph\">U vraagt geld aan voor een initiatief dat u op deze website hebt "
                         "gezet. <a class=\"nl-link\" href=\"/inloggen\">Log in</a> om aan te vragen.</p>\n"));
        return;
    }
    InitiativePage mine = { 0 };
    if (initiative_mine(&r->ctx, &mine) != STATUS_OK)
        mine.n = 0;
    size_t shown = 0;
    for (size_t i = 0; i < mine.n; i++) {
        if (mine.items[i].state == ST_IDEE || mine.items[i].state == ST_GESTOPT)
            continue;
        if (!shown++)
            out_html(b, HTML("<p class=\"nl-paragraph\">U vraagt geld aan voor een van uw initiatieven:</p>\n"
                             "<div class=\"wijzer-actions\">\n"));
        OUTF(b, "<a class=\"nl-button nl-button--primary\" href=\"/initiatieven/%lld/aanvragen?fonds=%s\">"
                "<span class=\"nl-button__label\">Aanvragen<span class=\"wijzer-visually-hidden\"> voor</span> "
                "‘%s’</span></a>\n",
             (long long)mine.items[i].id, f->code, mine.items[i].title);
    }
    if (shown)
        out_html(b, HTML("</div>\n"));
    else
        out_html(b, HTML("<p class=\"nl-paragraph\">U vraagt geld aan voor een initiatief. U hebt nog geen "
                         "ingediend initiatief. <a class=\"nl-link\" href=\"/initiatieven/nieuw\">Dien eerst uw "
                         "initiatief in</a>.</p>\n"));
}

static int load_fund(Request *r, Fund *f)
{
    Status s = fund_get(&r->ctx, r->params[0], f);
    if (s != STATUS_OK) {
        fw_status_page(r, s, NULL);
        return 0;
    }
    return 1;
}

static void fund_staff_links(Request *r, const Fund *f)
{
    const User *u = r->ctx.user;
    if (!u || !(role_is_staff(u->role) || member_is(&r->ctx, f->code)))
        return;
    Buf *b = &r->out;
    OUTF(b, "<div class=\"wijzer-actions\"><a class=\"nl-button nl-button--secondary\" "
            "href=\"/fondsen/%s/commissie\"><span class=\"nl-button__label\">Naar de commissie</span></a>",
         f->code);
    if (u->role == ROLE_ADMIN)
        OUTF(b, "<a class=\"nl-button nl-button--secondary\" href=\"/fondsen/%s/beheer\">"
                "<span class=\"nl-button__label\">Fonds beheren</span></a>",
             f->code);
    out_html(b, HTML("</div>\n"));
}

void page_fund(Request *r)
{
    Fund f;
    if (!load_fund(r, &f))
        return;
    Buf *b = &r->out;
    page_begin(r, f.name, "fondsen");
    web_breadcrumb(r, "/fondsen", "Fondsen", arena_printf(r->arena, "/fondsen/%s", f.code), f.name, NULL);
    OUTF(b, "<h1 class=\"nl-heading nl-heading--level-1\">%s</h1>\n", f.name);
    if (f.description)
        OUTF(b, "<p class=\"nl-paragraph nl-paragraph--lead\">%s</p>\n", f.description);
    fund_staff_links(r, &f);
    fund_rules(r, &f);
    fund_apply_section(r, &f);
    fund_criteria_section(r, &f);
    fund_budget_section(r, &f);
    fund_decisions_section(r, &f);
    page_end(r);
}

/* GET /fondsen/{code}/afwegingskader/{version} */
void page_fund_criteria_version(Request *r)
{
    Fund f;
    if (!load_fund(r, &f))
        return;
    int64_t v = fw_param_id(r, 1);
    CriteriaSet cs;
    Status s = v && v < 100000 ? fund_criteria(&r->ctx, f.code, (int)v, &cs) : ERR_NOT_FOUND;
    if (s != STATUS_OK) {
        fw_status_page(r, s, NULL);
        return;
    }
    Buf *b = &r->out;
    const char *title = arena_printf(r->arena, "Afwegingskader versie %d", cs.version);
    page_begin(r, arena_printf(r->arena, "%s – %s", title, f.name), "fondsen");
    web_breadcrumb(r, "/fondsen", "Fondsen", arena_printf(r->arena, "/fondsen/%s", f.code), f.name,
                   arena_printf(r->arena, "/fondsen/%s/afwegingskader/%d", f.code, cs.version), title, NULL);
    OUTF(b, "<h1 class=\"nl-heading nl-heading--level-1\">%s</h1>\n", title);
    OUTF(b, "<p class=\"nl-paragraph nl-paragraph--lead\">Met deze vragen beoordeelde de commissie van %s de "
            "aanvragen",
         f.name);
    if (cs.created_at) {
        out_html(b, HTML(" vanaf "));
        fw_day(r, date_day(cs.created_at));
    }
    out_html(b, HTML(". Elke vraag krijgt een cijfer van 1 (zwak) tot 5 (sterk).</p>\n"));
    if (cs.version != f.criteria_version)
        OUTF(b, "<p class=\"nl-paragraph\">Dit is niet meer de nieuwste versie. <a class=\"nl-link\" "
                "href=\"/fondsen/%s#afwegingskader\">Bekijk het afwegingskader van nu</a>.</p>\n",
             f.code);
    criteria_list(r, &cs);
    page_end(r);
}

/* ------------------------------------------------------------------ */
/* GET /fondsen/{code}/kasboek and kasboek.csv                          */
/* ------------------------------------------------------------------ */

static int ledger_year(Request *r)
{
    int64_t y;
    if (parse_int64(fw_arg(r, "jaar"), &y) && y >= 2000 && y <= 2999)
        return (int)y;
    return 0;
}

static void ledger_years_nav(Request *r, const Fund *f, int year)
{
    Ledger *years = NULL;
    size_t n = 0;
    if (fund_years(&r->ctx, f->code, &years, &n) != STATUS_OK || n < 2)
        return;
    Buf *b = &r->out;
    out_html(b, HTML("<nav aria-label=\"Jaren\"><ul class=\"wijzer-badges\">\n"));
    for (size_t i = 0; i < n; i++) {
        if (years[i].year == year)
            OUTF(b, "<li><a class=\"nl-link\" href=\"/fondsen/%s/kasboek?jaar=%d\" aria-current=\"page\"><strong>%d"
                    "</strong></a>%s</li>\n",
                 f->code, years[i].year, years[i].year, years[i].closed ? " (afgesloten)" : "");
        else
            OUTF(b, "<li><a class=\"nl-link\" href=\"/fondsen/%s/kasboek?jaar=%d\">%d</a>%s</li>\n", f->code,
                 years[i].year, years[i].year, years[i].closed ? " (afgesloten)" : "");
    }
    out_html(b, HTML("</ul></nav>\n"));
}

static void ledger_entries(Request *r, const Fund *f, int year)
{
    Buf *b = &r->out;
    LedgerEntry *e = NULL;
    size_t n = 0;
    Status s = fund_ledger_entries(&r->ctx, f->code, year, &e, &n);
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\">Boekingen</h2>\n"));
    if (s == ERR_FORBIDDEN || s == ERR_UNAUTHORIZED) {
        out_html(b, HTML("<p class=\"nl-paragraph\">De losse boekingen ziet alleen de commissie of de gemeente. "
                         "De besluiten staan op de pagina van het fonds.</p>\n"));
        return;
    }
    if (s != STATUS_OK || !n) {
        out_html(b, HTML("<p class=\"nl-paragraph\">Er zijn dit jaar nog geen boekingen.</p>\n"));
        return;
    }
    out_html(b, HTML("<div class=\"utrecht-table-container\" role=\"region\" aria-labelledby=\"boekingen-caption\" "
                     "tabindex=\"0\">\n<table class=\"utrecht-table\">\n"));
    OUTF(b, "<caption class=\"utrecht-table__caption\" id=\"boekingen-caption\">Boekingen %d</caption>\n", year);
    out_html(b, HTML("<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
                     "<th class=\"utrecht-table__header-cell\" scope=\"col\">Datum</th>"
                     "<th class=\"utrecht-table__header-cell\" scope=\"col\">Soort</th>"
                     "<th class=\"utrecht-table__header-cell\" scope=\"col\">Initiatief</th>"
                     "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric-column\" "
                     "scope=\"col\">Bedrag</th>"
                     "<th class=\"utrecht-table__header-cell\" scope=\"col\">Toelichting</th>"
                     "<th class=\"utrecht-table__header-cell\" scope=\"col\">Door</th></tr></thead>\n"
                     "<tbody class=\"utrecht-table__body\">\n"));
    for (size_t i = 0; i < n; i++) {
        out_html(b, HTML("<tr class=\"utrecht-table__row\"><td class=\"utrecht-table__cell\">"));
        fw_day(r, date_day(e[i].at));
        OUTF(b, "</td><td class=\"utrecht-table__cell\">%s</td><td class=\"utrecht-table__cell\">",
             ledger_kind_label(e[i].kind));
        if (e[i].application_id)
            OUTF(b, "<a class=\"nl-link\" href=\"/commissie/aanvragen/%lld\">%s</a>", (long long)e[i].application_id,
                 e[i].initiative_title ? e[i].initiative_title
                                       : arena_printf(r->arena, "Aanvraag %lld", (long long)e[i].application_id));
        int minus = e[i].kind == LEDGER_RELEASE || e[i].kind == LEDGER_REPAYMENT;
        OUTF(b, "</td><td class=\"utrecht-table__cell utrecht-table__cell--numeric-column "
                "utrecht-table__cell--numeric-data\">%s%s</td><td class=\"utrecht-table__cell\">%s</td>"
                "<td class=\"utrecht-table__cell\">%s</td></tr>\n",
             minus ? "− " : "", format_euros(r->arena, e[i].amount_cents), e[i].note ? e[i].note : "",
             e[i].by_name ? e[i].by_name : "");
    }
    out_html(b, HTML("</tbody>\n</table>\n</div>\n"));
    OUTF(b, "<p class=\"nl-paragraph\"><a class=\"nl-link\" href=\"/fondsen/%s/kasboek.csv?jaar=%d\" "
            "download>Download het kasboek %d als CSV</a></p>\n",
         f->code, year, year);
}

void page_fund_ledger(Request *r)
{
    Fund f;
    if (!load_fund(r, &f))
        return;
    Ledger l;
    Status s = fund_ledger(&r->ctx, f.code, ledger_year(r), &l);
    if (s != STATUS_OK) {
        fw_status_page(r, s, NULL);
        return;
    }
    Buf *b = &r->out;
    const char *title = arena_printf(r->arena, "Kasboek %d", l.year);
    page_begin(r, arena_printf(r->arena, "%s – %s", title, f.name), "fondsen");
    web_breadcrumb(r, "/fondsen", "Fondsen", arena_printf(r->arena, "/fondsen/%s", f.code), f.name,
                   arena_printf(r->arena, "/fondsen/%s/kasboek?jaar=%d", f.code, l.year), title, NULL);
    OUTF(b, "<h1 class=\"nl-heading nl-heading--level-1\">%s</h1>\n", title);
    out_html(b, HTML("<p class=\"nl-paragraph nl-paragraph--lead\">Wat er is toegezegd en betaald. De bedragen "
                     "volgen uit de boekingen hieronder; niemand past ze met de hand aan.</p>\n"));
    if (l.closed)
        out_html(b, HTML("<p class=\"nl-paragraph\"><strong>Dit jaar is afgesloten.</strong></p>\n"));
    ledger_years_nav(r, &f, l.year);
    stats(r, &l);
    ledger_entries(r, &f, l.year);
    page_end(r);
}

void page_fund_ledger_csv(Request *r)
{
    Fund f;
    if (!load_fund(r, &f))
        return;
    Ledger l;
    Status s = fund_ledger(&r->ctx, f.code, ledger_year(r), &l);
    const char *csv = NULL;
    if (s == STATUS_OK)
        s = fund_ledger_csv(&r->ctx, f.code, l.year, &csv);
    if (s != STATUS_OK) {
        fw_status_page(r, s, NULL);
        return;
    }
    /* The byte order mark makes spreadsheets read UTF-8 (€, ë). */
    buf_puts(&r->out, "\xEF\xBB\xBF");
    buf_puts(&r->out, csv);
    r->content_type = "text/csv; charset=utf-8";
    resp_header(r, "Content-Disposition",
                arena_printf(r->arena, "attachment; filename=\"kasboek-%s-%d.csv\"", f.code, l.year));
}

/* ------------------------------------------------------------------ */
/* On /initiatieven/{id}: "Geld aanvragen bij een fonds"                */
/* ------------------------------------------------------------------ */

void web_fund_apply_section(Request *r, const Initiative *in)
{
    if (!r->ctx.user || !initiative_is_initiator(&r->ctx, in))
        return;
    Buf *b = &r->out;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"geld-aanvragen\">Geld aanvragen bij een "
                     "fonds</h2>\n"));
    Application *apps = NULL;
    size_t n_apps = 0;
    if (application_list_for_initiative(&r->ctx, in->id, &apps, &n_apps) != STATUS_OK)
        n_apps = 0;
    if (n_apps) {
        out_html(b, HTML("<ul class=\"wijzer-cards\">\n"));
        for (size_t i = 0; i < n_apps; i++) {
            OUTF(b, "<li class=\"wijzer-card\">\n<h3 class=\"nl-heading nl-heading--level-4\"><a class=\"nl-link\" "
                    "href=\"/aanvragen/%lld\">Aanvraag bij %s</a></h3>\n<div class=\"wijzer-card__footer\">",
                 (long long)apps[i].id, apps[i].fund_name);
            fw_app_badge(b, &apps[i]);
            OUTF(b, " <data class=\"nl-data-badge\" value=\"%lld\">%s</data></div>\n</li>\n",
                 (long long)apps[i].amount_cents, format_euros(r->arena, apps[i].amount_cents));
        }
        out_html(b, HTML("</ul>\n"));
    }
    if (in->state == ST_IDEE || in->state == ST_GESTOPT) {
        out_html(b, HTML("<p class=\"nl-paragraph\">Dien uw initiatief eerst in; daarna kunt u geld aanvragen.</p>\n"));
        return;
    }
    Fund *funds = NULL;
    size_t n = 0;
    if (fund_list(&r->ctx, &funds, &n) != STATUS_OK || !n)
        return;
    out_html(b, HTML("<p class=\"nl-paragraph\">Hebt u geld nodig? Vraag het aan bij een fonds. Lees eerst wat het "
                     "fonds betaalt.</p>\n<ul>\n"));
    for (size_t i = 0; i < n; i++)
        OUTF(b, "<li><a class=\"nl-link\" href=\"/initiatieven/%lld/aanvragen?fonds=%s\">Aanvragen bij %s</a> "
                "(hoogstens %s; <a class=\"nl-link\" href=\"/fondsen/%s\">regels van %s</a>)</li>\n",
             (long long)in->id, funds[i].code, funds[i].name, format_euros(r->arena, funds[i].max_amount_cents),
             funds[i].code, funds[i].name);
    out_html(b, HTML("</ul>\n"));
}
