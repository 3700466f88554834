/* The pages for one's own work: a resident's own initiatives with their
 * deadlines, and an official's work queue of everything that waits on the
 * municipality (overdue on top, then intake). */
#include <string.h>

#include "domain/initiatives.h"
#include "lib/dates.h"
#include "lib/text.h"
#include "http/csrf.h"
#include "web/pages.h"

void page_my_initiatives(Request *r)
{
    Buf *b = &r->out;
    InitiativePage pg;
    if (initiative_mine(&r->ctx, &pg) != STATUS_OK || initiative_page_themes(&r->ctx, &pg) != STATUS_OK) {
        web_error(r, 500, "Er ging bij ons iets mis. Probeer het later nog eens.");
        return;
    }
    page_begin(r, "Mijn initiatieven", "mijn");
    web_breadcrumb(r, "/mijn-initiatieven", "Mijn initiatieven", NULL);
    out_html(b, HTML("<h1 class=\"nl-heading nl-heading--level-1\">Mijn initiatieven</h1>\n"));
    if (!pg.n) {
        out_html(b, HTML("<p class=\"nl-paragraph\">U hebt nog geen initiatieven. Hebt u een idee voor uw straat, "
                         "buurt of wijk? Dien het in; u krijgt dan een vaste contactpersoon bij de gemeente.</p>\n"));
    } else {
        OUTF(b, "<p class=\"nl-paragraph\">U hebt <strong>%zu %s</strong>. Bij elk initiatief ziet u hoe het ervoor "
                "staat en wanneer de gemeente uiterlijk reageert.</p>\n",
             pg.n, pg.n == 1 ? "initiatief" : "initiatieven");
        out_html(b, HTML("<ul class=\"wijzer-cards\">\n"));
        for (size_t i = 0; i < pg.n; i++) {
            Deadline d = initiative_deadline(&r->ctx, &pg.items[i]);
            web_initiative_card(r, &pg.items[i], &d);
        }
        out_html(b, HTML("</ul>\n"));
    }
    out_html(b, HTML("<div class=\"wijzer-actions\"><a class=\"nl-button nl-button--primary\" "
                     "href=\"/initiatieven/nieuw\"><span class=\"nl-button__label\">Nieuw initiatief "
                     "indienen</span></a></div>\n"));
    page_end(r);
}

static void queue_filters(Request *r, const char *area, int mine)
{
    Buf *b = &r->out;
    out_html(b, HTML("<form class=\"wijzer-filters\" method=\"get\" action=\"/werkvoorraad\" "
                     "aria-label=\"Werkvoorraad filteren\">\n"));
    web_area_select(r, &(Field){ .id = "area", .label = "Wijk of buurt", .value = area }, "Alle wijken");
    form_checkbox(r, &(Field){ .id = "mine", .label = "Alleen mijn initiatieven (ik ben contactpersoon)" }, mine);
    out_html(b, HTML("<div><button class=\"nl-button nl-button--primary\" type=\"submit\">"
                     "<span class=\"nl-button__label\">Filteren</span></button></div>\n</form>\n"));
}

static void queue_deadline_cell(Request *r, const Deadline *d)
{
    Buf *b = &r->out;
    out_html(b, HTML("<td class=\"utrecht-table__cell\">"));
    if (d->active) {
        if (d->days_left < 0)
            out_html(b, HTML("<span class=\"utrecht-status-badge utrecht-status-badge--danger\">Te laat</span> "));
        OUTF(b, "%s uiterlijk <time datetime=\"%s\">%s</time><br>", strcmp(d->what, "intake") == 0 ? "Intake" : "Besluit",
             date_iso(r->arena, d->due_day), date_nl(r->arena, d->due_day));
        if (d->days_left < 0)
            OUTF(b, "<strong>%s</strong>", web_deadline_words(r->arena, d, 0));
        else
            out_text(b, web_deadline_words(r->arena, d, 0));
    }
    out_html(b, HTML("</td>"));
}

static void queue_row(Request *r, const Initiative *in, const Deadline *d)
{
    Buf *b = &r->out;
    OUTF(b, "<tr class=\"utrecht-table__row\">\n<th class=\"utrecht-table__header-cell\" scope=\"row\">"
            "<a class=\"nl-link\" href=\"/initiatieven/%lld\">%s</a></th>",
         (long long)in->id, in->title);
    OUTF(b, "<td class=\"utrecht-table__cell\">%s</td><td class=\"utrecht-table__cell\">", in->area_name);
    web_state_badge(b, in->state);
    OUTF(b, "</td><td class=\"utrecht-table__cell\">%s</td>", in->contact_name && in->contact_id ? in->contact_name
                                                                                                 : "Nog niemand");
    queue_deadline_cell(r, d);
    /* The row header names the initiative (link purpose in context); a
     * visually hidden suffix would escape the scrolling container. */
    out_html(b, HTML("<td class=\"utrecht-table__cell\">"));
    if (in->state == ST_INGEDIEND) {
        /* Intake is the step taken most: one button, and the official
         * pressing it becomes the contact person. */
        OUTF(b, "<form method=\"post\" action=\"/initiatieven/%lld/stappen\">"
                "<input type=\"hidden\" name=\"csrf\" value=\"%s\"><input type=\"hidden\" name=\"to\" value=\"intake\">"
                "<button class=\"nl-button nl-button--secondary\" type=\"submit\">"
                "<span class=\"nl-button__label\">Intake doen</span></button></form>",
             (long long)in->id, csrf_token(r));
    } else {
        OUTF(b, "<a class=\"nl-link\" href=\"/initiatieven/%lld#volgende-stap\">Volgende stap</a>", (long long)in->id);
    }
    out_html(b, HTML("</td>\n</tr>\n"));
}

static void queue_table(Request *r, const InitiativePage *pg, const Deadline *dl)
{
    Buf *b = &r->out;
    size_t late = 0;
    for (size_t i = 0; i < pg->n; i++)
        late += dl[i].active && dl[i].days_left < 0;
    if (late)
        OUTF(b, "<div class=\"utrecht-alert utrecht-alert--warning\" role=\"status\"><div class=\"utrecht-alert__content\">"
                "<div class=\"utrecht-alert__message\"><p class=\"nl-paragraph\"><strong>Waarschuwing:</strong> "
                "%zu %s over de termijn. Die staan bovenaan in hun groep.</p></div></div></div>\n",
             late, late == 1 ? "initiatief is" : "initiatieven zijn");
    out_html(b, HTML("<div class=\"utrecht-table-container\" role=\"region\" aria-labelledby=\"werk-caption\" "
                     "tabindex=\"0\">\n<table class=\"utrecht-table\">\n"));
    OUTF(b, "<caption class=\"utrecht-table__caption\" id=\"werk-caption\">%zu %s op de gemeente</caption>\n", pg->n,
         pg->n == 1 ? "initiatief wacht" : "initiatieven wachten");
    out_html(b, HTML("<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
                     "<th class=\"utrecht-table__header-cell\" scope=\"col\">Initiatief</th>"
                     "<th class=\"utrecht-table__header-cell\" scope=\"col\">Wijk of buurt</th>"
                     "<th class=\"utrecht-table__header-cell\" scope=\"col\">Status</th>"
                     "<th class=\"utrecht-table__header-cell\" scope=\"col\">Contactpersoon</th>"
                     "<th class=\"utrecht-table__header-cell\" scope=\"col\">Termijn</th>"
                     "<th class=\"utrecht-table__header-cell\" scope=\"col\">Actie</th>"
                     "</tr></thead>\n<tbody class=\"utrecht-table__body\">\n"));
    for (size_t i = 0; i < pg->n; i++)
        queue_row(r, &pg->items[i], &dl[i]);
    out_html(b, HTML("</tbody>\n</table>\n</div>\n"));
}

void page_work_queue(Request *r)
{
    Buf *b = &r->out;
    const char *area = text_trim(r->arena, form_get(r->query, "area"));
    if (area && !*area)
        area = NULL;
    int mine = form_get(r->query, "mine") != NULL;
    InitiativePage pg;
    Deadline *dl = NULL;
    Status s = initiative_queue(&r->ctx, area, mine, &pg, &dl);
    if (s != STATUS_OK) {
        web_error(r, s == ERR_FORBIDDEN ? 403 : 500,
                  s == ERR_FORBIDDEN ? "Dit deel is alleen voor medewerkers van de gemeente."
                                     : "Er ging bij ons iets mis. Probeer het later nog eens.");
        return;
    }
    page_begin(r, "Werkvoorraad", "werk");
    web_breadcrumb(r, "/werkvoorraad", "Werkvoorraad", NULL);
    out_html(b, HTML("<h1 class=\"nl-heading nl-heading--level-1\">Werkvoorraad</h1>\n"
                     "<p class=\"nl-paragraph nl-paragraph--lead\">Initiatieven die wachten op de gemeente. Eerst wat "
                     "nog een intake nodig heeft, daarna de rest; wat te laat is staat steeds bovenaan.</p>\n"));
    queue_filters(r, area, mine);
    if (!pg.n) {
        out_html(b, HTML("<p class=\"nl-paragraph\">Er wacht nu niets op de gemeente.</p>\n"));
        if (area || mine)
            out_html(b, HTML("<p class=\"nl-paragraph\">Dit is met de gekozen filters. "
                             "<a class=\"nl-link\" href=\"/werkvoorraad\">Bekijk de hele werkvoorraad</a>.</p>\n"));
    } else {
        queue_table(r, &pg, dl);
    }
    out_html(b, HTML("<p class=\"nl-paragraph\">Hoeveel initiatieven, organisaties en open hulpvragen elke wijk heeft, "
                     "en welke initiatieven bij welk doel horen: <a class=\"nl-link\" href=\"/overzicht\">Overzicht "
                     "van de gemeente</a>.</p>\n"));
    page_end(r);
}
