/* The start page: what Initiatiefwijzer is, the latest initiatives, the
 * wijken, and the way in for a new initiative. */
#include "domain/initiatives.h"
#include "store/store.h"
#include "web/pages.h"

void page_home(Request *r)
{
    Buf *b = &r->out;
    page_begin(r, "Samen werken aan uw buurt", "home");
    out_html(b, HTML("<section class=\"wz-hero\">\n<h1 class=\"utrecht-heading-1\">Samen werken aan uw buurt</h1>\n"
                     "<p class=\"utrecht-paragraph wz-lead\">Hebt u een idee voor uw straat, buurt of wijk? Dien het "
                     "hier in. U krijgt een vaste contactpersoon bij de gemeente en u ziet steeds hoe het ervoor "
                     "staat.</p>\n<p class=\"utrecht-paragraph\">"
                     "<a class=\"utrecht-button-link utrecht-button-link--primary-action\" "
                     "href=\"/initiatieven/nieuw\">Initiatief indienen</a> "
                     "<a class=\"utrecht-link\" href=\"/initiatieven\">Bekijk wat anderen doen</a></p>\n"
                     "</section>\n"));
    InitiativeFilter f = { .page = 1, .per_page = 6 };
    InitiativePage page;
    if (initiative_list(&r->ctx, &f, &page) == STATUS_OK && page.n) {
        out_html(b, HTML("<h2 class=\"utrecht-heading-2\">Nieuw in de gemeente</h2>\n<ul class=\"wz-cards\">\n"));
        for (size_t i = 0; i < page.n; i++) {
            const Initiative *in = &page.items[i];
            OUTF(b, "<li class=\"wz-card\"><h3 class=\"utrecht-heading-3 wz-card__title\">"
                    "<a class=\"utrecht-link\" href=\"/initiatieven/%lld\">%s</a></h3>",
                 (long long)in->id, in->title);
            OUTF(b, "<p class=\"utrecht-paragraph wz-card__meta\">%s · <span class=\"wz-state wz-state--%s\">%s</span></p>",
                 in->area_name, state_code(in->state), state_label(in->state));
            OUTF(b, "<p class=\"utrecht-paragraph\">%s</p></li>\n", in->summary);
        }
        out_html(b, HTML("</ul>\n"));
    }
    page_end(r);
}
