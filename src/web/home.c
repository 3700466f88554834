/* The start page: what Initiatiefwijzer is, the latest initiatives, the
 * wijken, and the way in for a new initiative. */
#include "domain/initiatives.h"
#include "store/store.h"
#include "web/pages.h"

void page_home(Request *r)
{
    Buf *b = &r->out;
    page_begin(r, "Samen werken aan uw buurt", "home");
    out_html(b, HTML("<section class=\"wijzer-flow\">\n<h1 class=\"nl-heading nl-heading--level-1\">Samen werken aan uw buurt</h1>\n"
                     "<p class=\"nl-paragraph nl-paragraph--lead\">Hebt u een idee voor uw straat, buurt of wijk? Dien het "
                     "hier in. U krijgt een vaste contactpersoon bij de gemeente en u ziet steeds hoe het ervoor "
                     "staat.</p>\n<p class=\"nl-paragraph\">"
                     "<a class=\"nl-button nl-button--primary\" href=\"/initiatieven/nieuw\">"
                     "<span class=\"nl-button__label\">Initiatief indienen</span></a> "
                     "<a class=\"nl-link\" href=\"/initiatieven\">Bekijk wat anderen doen</a></p>\n"
                     "</section>\n"
                     "<section class=\"wijzer-card wijzer-flow\" aria-labelledby=\"home-wegwijzer\">\n"
                     "<h2 class=\"nl-heading nl-heading--level-2\" id=\"home-wegwijzer\">Waar kunt u waarvoor "
                     "terecht?</h2>\n<p class=\"nl-paragraph\">Zoekt u mensen, geld, een ruimte of iemand die "
                     "meedenkt? Beantwoord drie korte vragen. Dan ziet u wie u kan helpen.</p>\n"
                     "<p class=\"nl-paragraph\"><a class=\"nl-button nl-button--secondary\" href=\"/wegwijzer\">"
                     "<span class=\"nl-button__label\">Naar de wegwijzer</span></a></p>\n</section>\n"));
    InitiativeFilter f = { .page = 1, .per_page = 6 };
    InitiativePage page;
    if (initiative_list(&r->ctx, &f, &page) == STATUS_OK && page.n) {
        out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\">Nieuw in de gemeente</h2>\n<ul class=\"wijzer-cards\">\n"));
        for (size_t i = 0; i < page.n; i++) {
            const Initiative *in = &page.items[i];
            OUTF(b, "<li class=\"wijzer-card\"><h3 class=\"nl-heading nl-heading--level-3 wijzer-card__title\">"
                    "<a class=\"nl-link\" href=\"/initiatieven/%lld\">%s</a></h3>",
                 (long long)in->id, in->title);
            OUTF(b, "<p class=\"nl-paragraph wijzer-card__meta\">%s · <span class=\"utrecht-status-badge wijzer-status--%s\">%s</span></p>",
                 in->area_name, state_code(in->state), state_label(in->state));
            OUTF(b, "<p class=\"nl-paragraph\">%s</p></li>\n", in->summary);
        }
        out_html(b, HTML("</ul>\n"));
    }
    page_end(r);
}
