#include "web/layout.h"

#include <string.h>

#include "domain/process.h"
#include "http/csrf.h"
#include "lib/embedded.h"

#define FLASH_COOKIE "wz_flash"

static const char *asset_url(Request *r, const char *name)
{
    const EmbeddedFile *f = embedded_find(arena_printf(r->arena, "static/%s", name));
    /* The content hash in the URL lets browsers cache for a year. */
    const char *v = f ? f->etag : "\"0\"";
    return arena_printf(r->arena, "/static/%s?v=%.8s", name, v + 1);
}

static void nav_item(Request *r, const char *href, const char *label, const char *key, const char *nav)
{
    Buf *b = &r->out;
    int current = nav && strcmp(nav, key) == 0;
    OUTF(b, "<li><a class=\"wijzer-nav__link\" href=\"%s\"", href);
    if (current)
        out_html(b, HTML(" aria-current=\"page\""));
    OUTF(b, ">%s</a></li>", label);
}

void flash_set(Request *r, const char *key)
{
    /* Only a key travels in the cookie; the text is ours. */
    resp_cookie(r, FLASH_COOKIE, key, 60);
}

static const char *flash_text(const char *key)
{
    static const struct {
        const char *key, *text;
    } texts[] = {
        { "ingelogd", "U bent ingelogd." },
        { "uitgelogd", "U bent uitgelogd." },
        { "welkom", "Welkom! Uw account is gemaakt en u bent ingelogd." },
        { "ingediend", "Uw initiatief is ingediend. U ziet hieronder hoe het verder gaat." },
        { "opgeslagen", "De wijzigingen zijn opgeslagen." },
        { "stap", "De nieuwe stap staat in het verloop." },
        { "hulpvraag", "De hulpvraag is toegevoegd." },
        { "hulpvraag_status", "De status van de hulpvraag is aangepast." },
        { "idee", "Uw idee staat op de website. Dien het in bij ‘Volgende stap’ als u er klaar voor bent." },
        /* funds (web/applications.c, committee.c, fund_admin.c) */
        { "informatie", "Uw antwoord is verstuurd. De termijn voor het besluit loopt weer." },
        { "ingetrokken", "Uw aanvraag is ingetrokken." },
        { "verantwoording", "Uw verantwoording is verstuurd. De commissie bekijkt die." },
        { "foto_weg", "De foto is weggehaald." },
        { "vergadering", "De vergadering is gepland, met de open aanvragen op de agenda." },
        { "cijfers", "Uw cijfers zijn opgeslagen." },
        { "belang", "Uw melding van belangenverstrengeling is opgeslagen. U beoordeelt deze aanvraag niet." },
        { "vraag", "Uw vraag staat bij de aanvrager. De termijn staat stil tot zij antwoordt." },
        { "besluit", "Het besluit is vastgelegd en staat bij de aanvrager." },
        { "betaling", "De betaling is vastgelegd in het kasboek." },
        { "meer", "De aanvrager ziet uw vraag over de verantwoording." },
        { "verantwoord", "De verantwoording is goedgekeurd." },
        { "fonds_opgeslagen", "De regels van het fonds zijn opgeslagen." },
        { "budget", "Het budget is opgeslagen." },
        { "jaar_afgesloten", "Het jaar is afgesloten." },
        { "afwegingskader", "Het afwegingskader is opgeslagen als nieuwe versie." },
        /* directory (web/organisations.c) */
        { "organisatie", "Uw organisatie is aangemeld. U bent lid en kunt de pagina altijd aanpassen." },
        /* connections and members (web/connections.c, organisations.c) */
        { "verbonden", "De verbinding is gemaakt. U ziet haar hieronder bij ‘Verbonden met’." },
        { "verbinding_weg", "De verbinding is weggehaald." },
        /* suggestions (web/suggestions.c) */
        { "contactpersoon", "De vaste contactpersoon is aangepast. Dat staat ook in het verloop." },
        { "suggestie_weg", "De suggestie is weggehaald. Zij komt niet meer terug." },
        { "lid_erbij", "Het nieuwe lid staat in de lijst. Zij kan de pagina nu ook aanpassen." },
        { "lid_weg", "Het lid is weggehaald." },
        { "lid_af", "U bent geen lid meer van deze organisatie." },
        /* the Beursvloer (web/market.c, market_event.c) */
        { "markt_geplaatst", "Uw bericht staat op de Beursvloer." },
        { "markt_gekoppeld", "De koppeling is voorgesteld. Spreek samen af wat u doet en zet de status dan op ‘afgesproken’." },
        { "markt_deal", "De status van de koppeling is aangepast." },
        { "markt_status", "Het bericht is aangepast." },
        { "markt_evenement", "De Beursvloer is aangemaakt." },
        { "markt_aangemeld", "De organisatie is aangemeld voor deze Beursvloer." },
        { "markt_pitch", "De pitches zijn aangepast." },
        /* volunteering (web/vacancies.c, volunteers.c) */
        { "vrijwilliger_profiel", "Uw vrijwilligersprofiel is opgeslagen." },
        { "vacature_geplaatst", "De vacature staat online." },
        { "vacature_reactie", "Uw reactie is verstuurd. De organisatie neemt contact met u op." },
        { "vacature_besluit", "De reactie is verwerkt." },
        { "vacature_status", "De vacature is aangepast." },
        { "plaatsing_einde", "Het vrijwilligerswerk is beëindigd." },
        { "vacature_uitnodiging", "De uitnodiging is verstuurd. U hoort het als de vrijwilliger haar aanneemt." },
        { "uitnodiging_ja", "U heeft de uitnodiging aangenomen. De organisatie neemt contact met u op." },
        { "uitnodiging_nee", "U heeft de uitnodiging afgeslagen." },
    };
    for (size_t i = 0; key && i < sizeof texts / sizeof *texts; i++)
        if (strcmp(texts[i].key, key) == 0)
            return texts[i].text;
    return NULL;
}

/* The municipality's name; an unknown host (tenant id 0) gets a neutral
 * one rather than a placeholder that reads like a town. */
static const char *tenant_name(Request *r)
{
    if (r->ctx.tenant && r->ctx.tenant->id && r->ctx.tenant->name)
        return r->ctx.tenant->name;
    return r->ctx.tenant ? "" : "Leidschendam-Voorburg";
}

void page_begin(Request *r, const char *title, const char *nav)
{
    Buf *b = &r->out;
    r->content_type = "text/html; charset=utf-8";
    const char *tenant = tenant_name(r);
    out_html(b, HTML("<!DOCTYPE html>\n<html lang=\"nl\" class=\"utrecht-root voorbeeld-theme\">\n<head>\n"
                     "<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"));
    OUTF(b, "<title>%s — Initiatiefwijzer %s</title>\n", title, tenant);
    OUTF(b, "<link rel=\"stylesheet\" href=\"%s\">\n", asset_url(r, "app.css"));
    out_html(b, HTML("</head>\n<body class=\"utrecht-body\">\n"
                     "<a class=\"nl-skip-link nl-skip-link--visible-on-focus\" href=\"#inhoud\">Naar de inhoud</a>\n"
                     "<div class=\"utrecht-page-layout\">\n<header class=\"utrecht-page-header wijzer-header\">\n"
                     "<div class=\"utrecht-page-header__content wijzer-header__content\">\n"));
    OUTF(b, "<a class=\"wijzer-brand\" href=\"/\"><span class=\"wijzer-brand__name\">Initiatiefwijzer "
            "<span class=\"wijzer-brand__place\">%s</span></span></a>\n", tenant);
    out_html(b, HTML("<nav aria-label=\"Hoofdmenu\"><ul class=\"wijzer-nav__list\">"));
    nav_item(r, "/initiatieven", "Initiatieven", "initiatieven", nav);
    nav_item(r, "/initiatieven/nieuw", "Initiatief indienen", "nieuw", nav);
    nav_item(r, "/fondsen", "Fondsen", "fondsen", nav);
    nav_item(r, "/wie-helpt", "Wie kan helpen?", "wiehelpt", nav);
    nav_item(r, "/vrijwilligerswerk", "Vrijwilligerswerk", "vrijwilligers", nav);
    nav_item(r, "/overzicht", "Overzicht", "overzicht", nav);
    const User *u = r->ctx.user;
    if (u) {
        nav_item(r, "/mijn-initiatieven", "Mijn initiatieven", "mijn", nav);
        if (role_is_staff(u->role))
            nav_item(r, "/werkvoorraad", "Werkvoorraad", "werk", nav);
        if (u->role == ROLE_COMMITTEE || role_is_staff(u->role))
            nav_item(r, "/commissie", "Commissie", "commissie", nav);
        OUTF(b, "<li><form method=\"post\" action=\"/uitloggen\"><input type=\"hidden\" name=\"csrf\" value=\"%s\">"
                "<button class=\"wijzer-nav__link wijzer-nav__button\" type=\"submit\">Uitloggen "
                "<span class=\"wijzer-visually-hidden\">(ingelogd als %s)</span></button></form></li>",
             csrf_token(r), u->name);
    } else {
        nav_item(r, "/inloggen", "Inloggen", "inloggen", nav);
        nav_item(r, "/registreren", "Account maken", "registreren", nav);
    }
    out_html(b, HTML("</ul></nav>\n</div>\n</header>\n"
                     "<main class=\"utrecht-page-body\" id=\"inhoud\" tabindex=\"-1\">\n"
                     "<div class=\"utrecht-page-body__content\">\n"));
    const char *flash = flash_text(req_cookie(r, FLASH_COOKIE));
    if (flash) {
        resp_cookie(r, FLASH_COOKIE, "", 0);
        OUTF(b, "<div class=\"utrecht-alert utrecht-alert--ok\" role=\"status\">"
                "<p class=\"nl-paragraph\">%s</p></div>\n", flash);
    }
}

void page_end(Request *r)
{
    Buf *b = &r->out;
    out_html(b, HTML("</div>\n</main>\n<footer class=\"utrecht-page-footer\">\n"
                     "<div class=\"utrecht-page-footer__content\">\n"));
    if (r->ctx.tenant && r->ctx.tenant->id)
        OUTF(b, "<p class=\"nl-paragraph\">Initiatiefwijzer — samen met de gemeente %s werken aan uw buurt.</p>\n",
             tenant_name(r));
    else
        out_html(b, HTML("<p class=\"nl-paragraph\">Initiatiefwijzer — samen met de gemeente werken aan uw buurt.</p>\n"));
    out_html(b, HTML("<p class=\"nl-paragraph\">Vragen? Bel 14 070 of mail naar de gemeente. "
                     "Uw e-mailadres en telefoonnummer zijn nooit openbaar.</p>\n"
                     "<p class=\"nl-paragraph\">Vormgeving met NL Design System "
                     "(EUPL-1.2).</p>\n</div>\n</footer>\n</div>\n</body>\n</html>\n"));
}

static const char *status_title(int status)
{
    switch (status) {
    case 400: return "Dat begrijpen we niet";
    case 401: return "Log eerst in";
    case 403: return "Dit mag niet";
    case 404: return "Pagina niet gevonden";
    case 405: return "Dit kan hier niet";
    case 409: return "Dit kan nu niet";
    case 413: return "Te groot";
    case 414: return "Webadres te lang";
    case 415: return "Dit soort bestand kan niet";
    case 429: return "Even wachten";
    case 503: return "Even niet beschikbaar";
    default: return "Er ging iets mis";
    }
}

void web_error(Request *r, int status, const char *message)
{
    buf_reset(&r->out);
    r->status = status;
    page_begin(r, status_title(status), NULL);
    Buf *b = &r->out;
    OUTF(b, "<h1 class=\"nl-heading nl-heading--level-1\">%s</h1>\n", status_title(status));
    OUTF(b, "<p class=\"nl-paragraph\">%s</p>\n", message);
    if (status == 401)
        out_html(b, HTML("<p class=\"nl-paragraph\"><a class=\"nl-link\" href=\"/inloggen\">Inloggen</a></p>\n"));
    out_html(b, HTML("<p class=\"nl-paragraph\"><a class=\"nl-link\" href=\"/\">Naar de startpagina</a></p>\n"));
    page_end(r);
}
